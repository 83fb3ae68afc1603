"""What writing a workbook in bulk could break, pinned on design 14 and 方案B under
d14-double11 with Shanghai's terms and the norms file: the bulk save writes the file
openpyxl's own writer writes, every body cell of a column shares its column's style,
row heights show every wrapped line, the coverage table and the cover's figures are the
ones computed cell by cell and by :func:`shoporg.compare`, and the workbook reads back."""

import dataclasses
import math
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

import shoporg
from shoporg.analysis import coverage
from shoporg.io.excel import SHEETS, _texts, _workbook, read_excel, write_excel
from shoporg.io.excel_cover import option_rows
from shoporg.io.excel_layout import LINE_HEIGHT, ROW_PADDING, TALLEST_ROW, wrapped_lines
from shoporg.io.excel_save import save
from shoporg.staffing import read_norms
from tests.workbook_facts import facts

CLIENT = {"client": "某天猫旗舰店", "project": "客服中心组织设计", "consultant": "王顾问", "version": "V1.2"}


@pytest.fixture(scope="module")
def shanghai(options):
    d14, option, scenario = options
    return d14, option, dataclasses.replace(scenario, employment={"city": "上海"})


@pytest.fixture(scope="module")
def norms():
    return read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")


@pytest.fixture(scope="module", params=["zh", "en"])
def book(request, shanghai, norms, tmp_path_factory):
    d14, option, scenario = shanghai
    path = tmp_path_factory.mktemp("bulk") / f"d14-{request.param}.xlsx"
    write_excel([d14, option], path, scenario, request.param, client=CLIENT, norms=norms)
    return request.param, path, load_workbook(path)


def _parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:  # the save time in core.xml aside
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


def test_the_bulk_save_writes_the_file_openpyxl_writes(shanghai, norms, tmp_path):
    d14, option, scenario = shanghai
    paths = []
    for name, write in (("openpyxl", lambda wb, p: wb.save(p)), ("bulk", save)):
        wb = _workbook([d14, option], scenario, "zh", CLIENT, norms=norms)
        _texts(wb)
        write(wb, tmp_path / f"{name}.xlsx")
        paths.append(tmp_path / f"{name}.xlsx")
    ours, theirs = _parts(paths[1]), _parts(paths[0])
    assert sorted(ours) == sorted(theirs)
    assert [n for n in ours if ours[n] != theirs[n]] == []
    assert facts(load_workbook(paths[1])) == facts(load_workbook(paths[0]))


def _body_styles(ws, column: int, first: int = 2, last: int | None = None) -> set:
    cells = (ws.cell(r, column) for r in range(first, (last or ws.max_row) + 1))
    return {(c.font.name, c.font.sz, c.font.b, c.font.i, c.font.color.rgb if c.font.color else None,
             c.alignment.wrap_text, c.alignment.vertical, c.alignment.horizontal, c.number_format)
            for c in cells if c.value is not None}


def test_each_body_column_of_the_role_table_shares_one_style(book):
    lang, _, wb = book
    ws = wb[SHEETS["roles"][lang]]
    for col in range(1, ws.max_column):
        styles = _body_styles(ws, col)
        plain = {s for s in styles if s[4] is None}
        notes = styles - plain  # a grey note where a role has no requirements or no pay rules
        assert len(plain) <= 1 and len(styles) >= 1, (get_column_letter(col), styles)
        for font, size, bold, italic, colour, wrap, vertical, horizontal, _ in plain:
            assert (font, size, bold, italic, vertical) == ("Microsoft YaHei", 10, False, False, "top")
            assert wrap if horizontal is None else horizontal == "center"  # text wraps, counts are centred
        assert {s[2:5] for s in notes} <= {(False, True, "00808080")}
    ids = _body_styles(ws, ws.max_column)
    assert ids == {("Microsoft YaHei", 10, False, False, "00808080", True, "top", None, "General")}


def test_payroll_amounts_share_one_format_and_the_totals_are_bold(book, shanghai):
    lang, _, wb = book
    ws = wb[SHEETS["payroll"][lang]]
    months = len(shanghai[2].months)
    totals = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == ws.cell(ws.max_row, 1).value or
              str(ws.cell(r, 1).value).lower() == str(ws.cell(ws.max_row, 1).value).lower()]
    roles = range(2, 2 + 2 * len(shanghai[0].roles))
    for col in range(3, months + 4):
        body = _body_styles(ws, col, roles.start, roles.stop - 1)
        assert body == {("Microsoft YaHei", 10, False, False, None, True, "top", None, '"¥"#,##0.00')}
    assert all(ws.cell(r, 3).font.b for r in totals if r not in roles)


def test_coverage_marks_share_their_style_and_gaps_are_filled_down_the_column(book, shanghai):
    lang, _, wb = book
    ws = wb[SHEETS["coverage"][lang]]
    last = ws.max_row
    marks = {(c.font.b, c.alignment.horizontal, c.alignment.vertical)
             for row in ws.iter_rows(min_row=2, max_row=last - 1, min_col=2) for c in row}
    assert marks == {(False, "center", "center")}
    for col in range(2, ws.max_column + 1):
        fills = {ws.cell(r, col).fill.fgColor.rgb for r in range(2, last + 1)}
        gap = ws.cell(last, col).value == 0
        assert fills == ({"00FCE4D6"} if gap else {"00000000"}), get_column_letter(col)


def test_every_row_is_as_tall_as_its_most_wrapped_cell(book):
    _, _, wb = book
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden" or not ws.max_row > 1 or ws._images:
            continue
        merged = {c for m in ws.merged_cells.ranges for c in [(m.min_row, m.min_col)]}
        for r in range(2, ws.max_row + 1):
            cells = [c for c in ws[r] if isinstance(c.value, str) and c.alignment.wrap_text
                     and not c.alignment.text_rotation and (r, c.column) not in merged and c.data_type != "f"]
            if any((r, c) in merged for c in range(1, ws.max_column + 1)) or ws.row_dimensions[r].height is None:
                continue
            lines = max([wrapped_lines(c.value, ws.column_dimensions[c.column_letter].width or 8.43)
                         for c in cells] or [1])
            assert ws.row_dimensions[r].height == min(TALLEST_ROW, lines * LINE_HEIGHT + ROW_PADDING), (ws.title, r)


def test_the_cover_figures_are_the_comparison_s(book, shanghai):
    lang, _, wb = book
    d14, option, scenario = shanghai
    table = shoporg.compare([d14, option], scenario, lang=lang)
    key = "annual_labour_cost" if "annual_labour_cost" in table.index else "annual_accrued"
    assert key == "annual_labour_cost"  # Shanghai's terms: what the employer pays in all
    want = [[d.name.get(lang)] + [int(table.loc[k].iloc[1 + i]) for k in ("people", "layers", "roles")]
            + [float(table.loc[key].iloc[1 + i])] for i, d in enumerate((d14, option))]
    assert option_rows([d14, option], scenario, lang) == want
    ws = wb[SHEETS["cover"][lang]]
    shown = [[c.value for c in row[:5]] for row in ws.iter_rows() if row[0].value in (want[0][0], want[1][0])]
    assert [[v if not isinstance(v, float) else pytest.approx(v) for v in row] for row in want] == shown


def test_coverage_marks_the_areas_of_each_role_s_duties(shanghai):
    d14, option, _ = shanghai
    for d in (d14, option):
        table = coverage(d, "en")
        for r in d.roles:
            owned = {x.area for x in r.duties}
            assert {a for a in table.columns if table.loc[r.name.en, a] == "owner"} == owned
            assert set(table.loc[r.name.en]) <= {"owner", ""}
        assert list(table.columns)[: len(shoporg.catalogue.duty_areas())] == list(shoporg.catalogue.duty_areas().index)


def test_the_workbook_reads_back_unchanged(book, shanghai):
    _, path, _ = book
    assert read_excel(path) == shanghai[0]


def test_a_cell_the_bulk_path_does_not_write_goes_through_openpyxl(tmp_path):
    import datetime

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["店长", datetime.date(2026, 11, 11), math.pi])
    wb.active["A1"].hyperlink = "https://example.com"
    wb.save(tmp_path / "a.xlsx")
    save(wb, tmp_path / "b.xlsx")
    assert _parts(tmp_path / "a.xlsx") == _parts(tmp_path / "b.xlsx")
