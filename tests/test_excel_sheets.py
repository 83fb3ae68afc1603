"""The workbook a client reads: design 14 against 方案B under d14-double11, in Chinese and
English. Numbers fit their columns (measured from each cell's number format), wrapped text
has the rows it needs, sheet names carry the option names, ids sit in a last grey column,
every sheet prints on A4, payroll totals add up to the fen, the workbook reads back, and
LibreOffice renders it on A4 without ``###``."""

import math
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

import shoporg
from shoporg.i18n import t
from shoporg.io.excel import DATA_SHEET, SHEETS, read_excel, write_excel
from shoporg.io.excel_layout import heading_case
from shoporg.model import Text
from shoporg.staffing import read_norms
from tests.test_deck import _fontconfig
from tests.test_zh_outputs import ID_COLUMNS, leaks

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "excel"
CLIENT = {"client": "某天猫旗舰店", "project": "客服中心组织设计", "consultant": "王顾问", "version": "V1.2"}
#: Points a line of wrapped text takes per point of font size (LibreOffice draws a 10 pt
#: CJK sans at about 13.6 pt a line; Excel's default row is 15 pt for 11 pt Calibri).
LINE_PER_PT = 1.35


@pytest.fixture(scope="module", params=["zh", "en"])
def book(request, options, tmp_path_factory):
    d14, option, scenario = options
    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    path = tmp_path_factory.mktemp("xlsx") / f"d14-{request.param}.xlsx"
    write_excel([d14, option], path, scenario, request.param, client=CLIENT, norms=norms)
    return request.param, path, load_workbook(path)


def _width(text: str) -> int:
    """Width units of the widest line: East Asian wide characters count two."""
    return max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
               for line in str(text).split("\n"))


_FORMAT = re.compile(r'(?:"(?P<prefix>[^"]*)")?(?P<group>#,##)?0(?:\.(?P<places>0+))?(?P<percent>%)?')


def _as_excel_shows(value, number_format: str) -> str:
    """The text Excel shows for a number in ``number_format`` (the formats a workbook of
    ours uses: General, a currency prefix, grouping, decimals, per cent)."""
    if number_format == "General":
        return str(int(value)) if float(value).is_integer() else f"{value:.10g}"
    m = _FORMAT.fullmatch(number_format)
    assert m, f"a number format the test does not know: {number_format!r}"
    x = value * 100 if m["percent"] else value
    places = len(m["places"] or "")
    digits = f"{abs(x):{',' if m['group'] else ''}.{places}f}"
    return f"{'-' if x < 0 and digits.strip('0.,') else ''}{m['prefix'] or ''}{digits}{m['percent'] or ''}"


def _visible(wb):
    return [ws for ws in wb.worksheets if ws.title != DATA_SHEET]


def _merged(ws) -> set[str]:
    return {c for r in ws.merged_cells.ranges for row in ws.iter_rows(
        min_row=r.min_row, max_row=r.max_row, min_col=r.min_col, max_col=r.max_col) for c in
        (x.coordinate for x in row)}


def test_no_number_is_wider_than_its_column(book):
    _, _, wb = book
    checked = 0
    for ws in _visible(wb):
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    width = ws.column_dimensions[get_column_letter(c.column)].width
                    shown = _as_excel_shows(c.value, c.number_format)
                    assert _width(shown) + 1 <= width, (ws.title, c.coordinate, shown, width)
                    checked += 1
    assert checked > 600  # two payrolls of 11 roles × 13 columns × 2 views, and more


def test_every_wrapped_line_has_room(book):
    _, _, wb = book
    rows = 0
    for ws in _visible(wb):
        merged = _merged(ws)
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if (not isinstance(c.value, str) or not c.alignment.wrap_text or c.coordinate in merged
                        or c.data_type == "f"):
                    continue  # one line, a note across the table, or a formula (its result shows)
                width = ws.column_dimensions[get_column_letter(c.column)].width
                lines = sum(max(1, math.ceil(_width(line) / width)) for line in c.value.split("\n"))
                height = ws.row_dimensions[c.row].height
                assert height is not None and height >= lines * LINE_PER_PT * (c.font.sz or 11), (
                    ws.title, c.coordinate, lines, height)
                rows += 1
    assert rows > 100


def test_every_duty_of_every_role_is_in_its_row(book, options):
    lang, _, wb = book
    for design, ws in zip(options[:2], (wb[SHEETS["roles"][lang]], wb[f"{SHEETS['roles'][lang]}-{options[1].name.get(lang)}"])):
        heads = [c.value for c in ws[1]]
        duties = heads.index({"zh": "岗位职责", "en": "Duties"}[lang]) + 1
        for r, role in enumerate(design.roles, 2):
            cell = ws.cell(r, duties).value
            assert all(d.text(lang) in cell for d in role.duties) and cell.count("\n") == len(role.duties) - 1


def test_sheet_names_are_unique_and_carry_the_option_names(book, options):
    lang, _, wb = book
    titles = wb.sheetnames
    assert len({t.casefold() for t in titles}) == len(titles)
    assert all(len(t) <= 31 and not set(t) & set("[]:*?/\\") for t in titles)
    assert not any(re.search(r"\(\d+\)", t) for t in titles)
    other = options[1].name.get(lang)
    for kind in ("roles", "payroll", "staffing", "chart"):
        assert f"{SHEETS[kind][lang]}-{other}" in titles
    cover = wb[titles[0]]
    assert titles[0] == SHEETS["cover"][lang]
    shown = [c.value for row in cover.iter_rows() for c in row if c.value]
    assert CLIENT["client"] in shown and options[0].name.get(lang) in shown and other in shown


def test_ids_are_in_the_last_grey_column(book, options):
    lang, _, wb = book
    for design, title in ((options[0], SHEETS["roles"][lang]),
                          (options[1], f"{SHEETS['roles'][lang]}-{options[1].name.get(lang)}")):
        ws = wb[title]
        assert ws.cell(1, ws.max_column).value == {"zh": "编号", "en": "ID"}[lang]
        assert [ws.cell(r, ws.max_column).value for r in range(2, ws.max_row + 1)] == [r.id for r in design.roles]
        assert ws.cell(2, ws.max_column).font.color.rgb.endswith("808080")
        assert ws.column_dimensions[get_column_letter(ws.max_column)].width <= 16
        for other in ("payroll", "staffing"):  # names where a reader reads, no ids
            sheet = wb[title.replace(SHEETS["roles"][lang], SHEETS[other][lang])]
            values = {c.value for row in sheet.iter_rows() for c in row}
            assert not values & set(design.role_ids)


def test_every_sheet_prints_on_a4_with_its_header_and_page_numbers(book):
    lang, _, wb = book
    for ws in _visible(wb):
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert CLIENT["client"] in ws.oddHeader.center.text and "&P" in ws.oddFooter.center.text
        if not ws._images and ws.title != SHEETS["cover"][lang]:
            assert ws.print_title_rows == "$1:$1", ws.title


def test_the_zh_workbook_has_no_english_outside_the_id_column(book):
    lang, _, wb = book
    if lang != "zh":
        pytest.skip("the Chinese workbook")
    found = []
    for ws in _visible(wb):
        header = [c.value for c in ws[1]]
        found += [(ws.title, w) for w in leaks(ws.title)]
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or (c.row > 1 and header[c.column - 1] in ID_COLUMNS):
                    continue
                if isinstance(c.value, str) and c.value.startswith("="):
                    continue
                found += [(ws.title, c.coordinate, w) for w in leaks(c.value)]
    assert not found, found[:10]


def test_payroll_totals_are_the_sum_of_their_cells_and_the_payroll_to_the_fen(book, options):
    lang, _, wb = book
    d14, option, scenario = options
    total, accrued, paid = (heading_case(t(f"xlsx.{k}", lang)) for k in ("total", "accrued", "paid"))
    for design, title in ((d14, SHEETS["payroll"][lang]), (option, f"{SHEETS['payroll'][lang]}-{option.name.get(lang)}")):
        pr = shoporg.payroll(design, scenario)
        rows = [r for r in wb[title].iter_rows(min_row=2, values_only=True) if r[0] is not None]
        for view, word in (("accrued", accrued), ("paid", paid)):
            lines = [r for r in rows if r[0] != total and r[1] == word]
            sums = next(r for r in rows if r[0] == total and r[1] == word)
            assert len(lines) == len(design.roles)
            for j in range(2, len(sums)):  # each month and the year
                assert round(sums[j] * 100) == sum(round(r[j] * 100) for r in lines)
            for r in lines + [sums]:
                assert round(r[-1] * 100) == sum(round(x * 100) for x in r[2:-1])
            assert round(sums[-1] * 100) == int(pr.lines[f"{view}_fen"].sum())


def test_the_staffing_sheet_sizes_only_roles_with_a_norm(book, options):
    lang, _, wb = book
    ws = wb[SHEETS["staffing"][lang]]
    table = []
    for r in ws.iter_rows(min_row=2, values_only=True):
        if not any(r):
            break  # the role table ends where the Erlang figures begin
        table.append(r)
    rows = {r[0]: r for r in table}
    d14 = options[0]
    picker = rows[d14.role("picker").name.get(lang)]
    assert picker[5] == 2 and picker[6] == 1 and "4,947.1" in picker[-1]  # 250 × 20.83 × 95%
    director = rows[d14.role("director").name.get(lang)]
    assert director[5] == 1 and director[6] is None and director[3] is None  # no norm: nothing sized
    chat = rows[d14.role("sales_cs").name.get(lang)]
    assert chat[6] == 11 and chat[9] == 16  # Erlang: 10.03 FTE → 11; November's peak needs 16
    assert SHEETS["peak"][lang] in wb.sheetnames


def test_the_workbook_reads_back_as_the_design(book, options):
    _, path, _ = book
    assert read_excel(path) == options[0]


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"), reason="needs LibreOffice")
def test_libreoffice_renders_every_page_on_a4_without_hashes(book, tmp_path):
    lang, path, wb = book
    env = _fontconfig(tmp_path)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, env=env, timeout=300)
    pdf = tmp_path / f"{path.stem}.pdf"
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    sizes = [line.split(":", 1)[1].split("pts")[0].split() for line in info.splitlines()
             if re.match(r"Page\s+\d+ size:", line)]
    assert len(sizes) > 10
    for w, _, h in sizes:  # A4 landscape or portrait
        assert sorted((float(w), float(h))) == pytest.approx([595.3, 841.9], abs=0.5)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "###" not in text
    assert ("方案B" if lang == "zh" else "Option B") in text
    if lang == "zh":
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "CJK" in fonts
        assert not leaks(text), leaks(text)[:10]  # the ids are not printed: no English word on any page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"d14-{lang}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(ARTIFACTS / f"d14-{lang}")], check=True)


def _large(d14):
    """Design 14 with three more copies of every role below the director: 41 roles."""
    roles = list(d14.roles)
    for k in (2, 3, 4):
        for r in d14.roles[1:]:
            boss = r.reports_to if r.reports_to == "director" else f"{r.reports_to}_{k}"
            roles.append(r.model_copy(update={"id": f"{r.id}_{k}", "reports_to": boss,
                                              "name": Text(zh=f"{r.name.zh}{k}组", en=f"{r.name.en} team {k}")}))
    return d14.replace(roles=roles, name={"zh": "大型方案", "en": "Large option"})


def test_a_design_of_41_roles_keeps_numbers_in_their_columns(options, tmp_path):
    d14, _, scenario = options
    big = _large(d14)
    assert len(big.roles) == 41
    supply = {k.replace(".", f"_{n}.", 1): v for k, v in scenario.supply.items() for n in (2, 3, 4)
              if not k.startswith("director.")}  # the copies' bonus rates, as the source leaves them blank
    path = write_excel(big, tmp_path / "big.xlsx", scenario, "zh", supply=supply)
    wb = load_workbook(path)
    for ws in _visible(wb):
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    width = ws.column_dimensions[get_column_letter(c.column)].width
                    assert _width(_as_excel_shows(c.value, c.number_format)) + 1 <= width, (ws.title, c.coordinate)
    cover = wb[SHEETS["coverage"]["zh"]]
    assert [cover.cell(r, 1).value for r in range(2, 2 + len(big.roles))] == [r.name.zh for r in big.roles]
    assert len(wb[SHEETS["chart"]["zh"]]._images) >= 1
    assert read_excel(path) == big


def test_one_font_and_the_number_formats_of_each_sheet(book, options):
    lang, _, wb = book
    fonts = {c.font.name for ws in _visible(wb) for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Microsoft YaHei"}
    normal = wb._named_styles["Normal"].font  # what a cell typed in later gets, and the unit of widths
    assert (normal.name, normal.sz, bool(normal.b)) == ("Microsoft YaHei", 10, False)
    money = {ws.title: {c.number_format for row in ws.iter_rows() for c in row
                        if isinstance(c.value, (int, float)) and "¥" in c.number_format} for ws in _visible(wb)}
    assert money[SHEETS["payroll"][lang]] == {'"¥"#,##0.00'}  # the detail: to the fen
    assert money[SHEETS["cover"][lang]] == {'"¥"#,##0'}  # overviews: whole yuan, per order to the fen
    assert money[SHEETS["compare"][lang]] == {'"¥"#,##0', '"¥"#,##0.00'}
    compare = wb[SHEETS["compare"][lang]]
    per_order = {c.number_format for row in compare.iter_rows() for c in row[1:3]
                 if row[0].value in (t("metric.cost_per_order", lang), heading_case(t("metric.cost_per_order", lang)))}
    assert per_order == {'"¥"#,##0.00'}
    shares = {c.number_format for row in compare.iter_rows() for c in row[1:2]
              if row[0].value in (t("metric.coverage", lang), heading_case(t("metric.coverage", lang)))}
    assert shares == {"0.0%"}


def test_each_chart_page_is_a_picture_printed_with_text_of_8_pt_or_more(book, options):
    from io import BytesIO

    from PIL import Image as Picture

    from shoporg.chart import chart_pages

    lang, _, wb = book
    for design, title in ((options[0], SHEETS["chart"][lang]), (options[1], f"{SHEETS['chart'][lang]}-{options[1].name.get(lang)}")):
        images = wb[title]._images
        assert len(images) == len(chart_pages(design, lang, min_pt=11))
        for image in images:
            drawn = Picture.open(BytesIO(image._data())).size[0] / 110  # inches, drawn with text of 11 pt or more
            printed = image.anchor.ext.width / 914400  # inches on the page (EMU)
            assert printed / drawn * 11 >= 8
            assert printed <= 10.7  # within the landscape page's margins


def test_coverage_shows_area_names_upright_and_marks_the_gaps(book, options):
    from shoporg.analysis import coverage
    from shoporg.catalogue import duty_areas

    lang, _, wb = book
    ws = wb[SHEETS["coverage"][lang]]
    table = coverage(options[0], lang)
    names = duty_areas()[lang]
    assert [c.value for c in ws[1][1:]] == [names[a] for a in table.columns]  # names, never ids
    assert all(c.alignment.text_rotation == 90 for c in ws[1][1:])
    assert [ws.cell(r, 1).value for r in range(2, 2 + len(options[0].roles))] == list(table.index)
    counts = [c.value for c in ws[ws.max_row][1:]]
    assert counts == [int((table[a] != "").sum()) for a in table.columns]
    for j, n in enumerate(counts, 2):  # an area nobody does is shaded, not left as an empty-looking column
        assert (ws.cell(2, j).fill.fgColor.rgb == "00FCE4D6") == (n == 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.orientation == "landscape"


def test_without_norms_the_staffing_sheet_sizes_nothing_and_says_so(options, tmp_path):
    d14, _, scenario = options
    wb = load_workbook(write_excel(d14, tmp_path / "n.xlsx", scenario, "zh"))
    ws = wb[SHEETS["staffing"]["zh"]]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if any(r)]
    roles = rows[:len(d14.roles)]
    assert [r[5] for r in roles] == [int(r.headcount) for r in d14.roles]  # the current headcount, as designed
    assert all(r[6] is None and r[3] is None for r in roles)  # nothing recommended, no volume invented
    assert rows[-1][0] == t("xlsx.staff_none", "zh")
    assert SHEETS["peak"]["zh"] not in wb.sheetnames  # no norm, no peak plan
