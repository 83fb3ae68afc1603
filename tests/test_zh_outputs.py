"""Chinese outputs read in Chinese: no English word, no snake_case id, no scientific
notation where a person reads (Excel, Word, the tables, a widget); and the catalogue
holds every phrase in both languages with the same fields."""

import re
import string
from html.parser import HTMLParser

import docx
import matplotlib
import pytest
from openpyxl import load_workbook

import shoporg
from shoporg.analysis import compare, compare_view, diff, diff_view, health, health_view
from shoporg.errors import DesignValidationError, error_text
from shoporg.hierarchy import hierarchy_table
from shoporg.i18n import LANGS, WORDS
from shoporg.io.excel import DATA_SHEET, export_excel
from shoporg.io.word import export_docx

matplotlib.use("Agg")

#: Latin words a Chinese reader meets on purpose: the currency and method names, and the
#: abbreviations design 14's source itself writes (CRM, ICP, SEM, SNS in its duties, RMB
#: in its pay methods).
ALLOWED = {"CNY", "KPI", "Erlang", "CRM", "ICP", "SEM", "SNS", "RMB"}
#: Column headers whose cells are ids on purpose (the key that reads an edited table back).
ID_COLUMNS = {"编号"}

_WORD = re.compile(r"[A-Za-z_]*[A-Za-z]{3,}[A-Za-z_]*|[A-Za-z0-9]+_[A-Za-z0-9_]+")
_SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")
_POINT_ZERO = re.compile(r"(?<![\d.,])\d[\d,]*\.0(?![\d%])")


def leaks(text) -> list[str]:
    """English words, snake_case ids and badly written numbers in ``text``.

    >>> leaks("销售客服 sales_cs 2.0人 1.35e+06 CRM 76.4%")
    ['sales_cs', '1.35e+06', '2.0']
    """
    text = str(text)
    found = [w for w in _WORD.findall(text) if w not in ALLOWED]
    found += [m.group(0) for m in re.finditer(r"\S*" + _SCIENTIFIC.pattern + r"\S*", text)]
    return found + _POINT_ZERO.findall(text)


def _report(found: dict) -> str:
    return "\n".join(f"{where}: {words} in {text[:60]!r}" for where, (words, text) in list(found.items())[:20])


def _scan(items) -> dict:
    found = {}
    for where, text in items:
        bad = leaks(text)
        if bad:
            found[where] = (bad, str(text))
    return found


def test_the_zh_workbook_reads_in_chinese(options, tmp_path):
    d14, option, scenario = options
    wb = load_workbook(export_excel([d14, option], tmp_path / "d14.xlsx", scenario=scenario))
    items = []
    for ws in wb.worksheets:
        if ws.title == DATA_SHEET:  # the hidden sheet holding the design's YAML
            assert ws.sheet_state == "hidden"
            continue
        items.append((f"sheet name {ws.title}", ws.title))
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None or (cell.row > 1 and header[cell.column - 1] in ID_COLUMNS):
                    continue
                if isinstance(cell.value, str) and cell.value.startswith("="):  # a formula
                    continue
                items.append((f"{ws.title}!{cell.coordinate}", cell.value))
    assert len(items) > 500
    found = _scan(items)
    assert not found, _report(found)


def test_the_zh_report_reads_in_chinese(options, tmp_path):
    d14, option, scenario = options
    doc = docx.Document(str(export_docx([d14, option], tmp_path / "d14.docx", scenario=scenario)))
    items = [(f"paragraph {i}", p.text) for i, p in enumerate(doc.paragraphs)]
    for n, table in enumerate(doc.tables):
        header = [c.text for c in table.rows[0].cells]
        for r, row in enumerate(table.rows):
            items += [(f"table {n} {header[i]} row {r}", c.text) for i, c in enumerate(row.cells)
                      if r == 0 or header[i] not in ID_COLUMNS]
    assert any("方案差异" in text for _, text in items) and any("健康检查" in text for _, text in items)
    found = _scan(items)
    assert not found, _report(found)


def _frame_items(name, df):
    items = [(f"{name} header", str(c)) for c in df.columns]
    for c in df.columns:
        if c not in ID_COLUMNS:
            items += [(f"{name}[{c}]", v) for v in df[c]]
    return items


def test_the_zh_tables_read_in_chinese(options):
    d14, option, scenario = options
    tables = {
        "roles": shoporg.role_table(d14, labels=True),
        "hierarchy": hierarchy_table(d14, labels=True).reset_index(drop=True),
        "compare": compare_view(compare([d14, option], scenario)),
        "diff": diff_view(diff(d14, option), designs=(d14, option)),
        "health": health_view(health(d14, max_span=7, pay_floor=1600, scenario=scenario), d14),
    }
    assert len(tables["health"]) >= 2 and not tables["diff"].empty
    found = _scan([item for name, df in tables.items() for item in _frame_items(name, df)])
    assert not found, _report(found)


class _Text(HTMLParser):
    """The text a person reads in HTML (style sheets are not read)."""

    def __init__(self):
        super().__init__()
        self.parts, self.styled = [], 0

    def handle_starttag(self, tag, attrs):
        self.styled += tag == "style"

    def handle_endtag(self, tag):
        self.styled -= tag == "style"

    def handle_data(self, data):
        if not self.styled:
            self.parts.append(data)


def _html_text(value: str) -> str:
    parser = _Text()
    parser.feed(value)
    return "\n".join(parser.parts)


def test_a_zh_widget_reads_in_chinese(options):
    from shoporg.staffing import read_norms
    from shoporg.widgets import Workbook

    d14, _option, scenario = options
    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    wb = Workbook(scenario=scenario, norms=norms, show_chart=False)
    wb.designer.set_headcount("sales_cs", 7)  # five agents' attainment in the scenario: the note says so
    for tab in range(5):
        wb.tabs.selected_index = tab
    items = []
    for name, app in (("designer", wb.designer), ("explorer", wb.explorer), ("comparer", wb.comparer)):
        for attr, widget in vars(app).items():
            value = getattr(widget, "value", None)
            if isinstance(value, str) and value.startswith("<"):
                shown = _html_text(value)
                if attr == "diff_table":  # its 编号 column holds the role ids
                    shown = "\n".join(line for line in shown.splitlines() if line not in d14.role_ids)
                items.append((f"{name}.{attr}", shown))
    assert "平均值" in wb.designer.summary.value and "计划营业额达成率" in wb.designer.summary.value
    found = _scan(items)
    assert not found, _report(found)


def test_the_zh_widgets_label_everything_in_chinese(options):
    """Field names, buttons and every choice of every menu: names, never ids."""
    from shoporg.staffing import read_norms
    from shoporg.widgets import Workbook

    _d14, _option, scenario = options
    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    wb = Workbook(scenario=scenario, norms=norms, show_chart=False)
    items = []
    for name, app in (("designer", wb.designer), ("explorer", wb.explorer), ("comparer", wb.comparer),
                      ("exporter", wb.exporter)):
        for attr, widget in vars(app).items():
            if getattr(widget, "description", None):
                items.append((f"{name}.{attr}.description", widget.description))
            for label in getattr(widget, "_options_labels", ()):
                if not (attr == "lang" and label == "English"):  # a language is named in itself
                    items.append((f"{name}.{attr}.options", label))
    assert any(where == "designer.role.options" for where, _ in items)
    found = _scan(items)
    assert not found, _report(found)


def test_errors_read_in_the_language_asked_for(options):
    d14 = options[0]
    with pytest.raises(DesignValidationError) as e:
        d14.with_headcount("picker", -1)
    problem = e.value.problems[0]
    assert problem.location == "headcount" and problem.message == "must be >= 0, got -1"
    assert problem.message_text("zh") == "须不小于 0，实际为 -1"
    assert error_text(e.value, "en") == "headcount: must be >= 0, got -1"
    with pytest.raises(DesignValidationError) as e:
        d14.move_role("director", "picker")
    assert leaks(e.value.problems[0].message_text("zh")) == ["director", "picker", "storekeeper", "director"]
    assert "循环" in error_text(e.value, "zh")
    with pytest.raises(shoporg.UnknownRoleError) as e:
        d14.role("boss")
    assert str(e.value).startswith("unknown role 'boss'") and error_text(e.value, "zh").startswith("设计")


# -- the catalogue -----------------------------------------------------------------------------

def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_phrase_has_both_languages_with_the_same_fields(key):
    entry = WORDS[key]
    assert set(entry) == set(LANGS), key
    assert all(isinstance(entry[lang], str) and entry[lang].strip() for lang in LANGS), key
    assert _fields(entry["zh"]) == _fields(entry["en"]), key


def test_driver_ids_never_show_in_chinese():
    from shoporg.i18n import driver_name, expression_text

    for key in WORDS:
        if key.startswith("driver."):
            assert not leaks(driver_name(key[7:], "zh")), key
    assert expression_text("negative_reviews == 0 and store_incidents <= 1", "zh") == \
        "差评数 = 0 且 库房问题或意外次数 ≤ 1"
