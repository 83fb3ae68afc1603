"""Hostile files through the Python readers: YAML aliases and base-60 numbers, workbooks
that unpack to gigabytes or were edited in their hidden sheet, CSV and Excel cells out of
range, scenarios naming roles and drivers nobody reads, deep reporting chains.

What the command line can show is in the register (tests/cases/bad/read-*.yaml); these
are the checks only the API reaches (read_excel, read_csv, read_scenario with designs).
"""

from __future__ import annotations

import sys
import tracemalloc
import warnings
import zipfile
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

import shoporg
from shoporg.errors import DesignFileError, DesignValidationError, ShopOrgError
from shoporg.io import excel
from shoporg.io.excel import (
    DATA_SHEET,
    LIMITS,
    SHEETS,
    DataSheetEdited,
    export_excel,
    read_excel,
)
from shoporg.io.norms_io import read_norms
from shoporg.io.scenario_io import read_scenario
from shoporg.io.text import design_from_csv, export_csv
from shoporg.io.yaml_io import read_design
from shoporg.validation import _hierarchy_problems

HEAD = "schema: shoporg/design-v1\nid: shop\nname: 小店\n"


def problems_of(call) -> list:
    with pytest.raises(DesignValidationError) as e:
        call()
    return e.value.problems


# -- YAML ------------------------------------------------------------------------------------

def test_an_alias_bomb_is_refused_before_anything_is_built(tmp_path):
    levels = ["&l0 [a,a,a,a,a,a,a,a,a]"] + [f"&l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text(HEAD + "roles: [{id: boss, name: 店长}]\nnotes:\n" + "".join(f"  - {x}\n" for x in levels),
                    encoding="utf-8")
    assert len(path.read_bytes()) < 600
    tracemalloc.start()
    try:
        with pytest.raises(DesignFileError) as e:
            read_design(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert e.value.problem.line == 6 and "&l0" in str(e.value) and "not allowed" in str(e.value)
    assert peak < 20 * 2**20  # the expanded data would be billions of nodes


def test_an_anchor_alone_and_a_merge_key_are_refused_too(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + "roles:\n  - &boss {id: boss, name: 店长}\n", encoding="utf-8")
    with pytest.raises(DesignFileError) as e:
        read_design(path)
    assert e.value.problem.line == 5 and "&boss" in str(e.value)
    path.write_text(HEAD + "x: &x {a: 1}\nroles:\n  - <<: *x\n    id: boss\n    name: 店长\n", encoding="utf-8")
    with pytest.raises(DesignFileError, match="anchors and aliases"):
        read_design(path)


def test_ampersands_and_stars_in_text_are_plain_text(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(HEAD + "roles:\n  - {id: boss, name: 'R&D *主管*'}\nnotes: ['a & b', '* star']\n",
                    encoding="utf-8")
    d = read_design(path)
    assert d.role("boss").name.zh == "R&D *主管*" and d.notes[0].zh == "a & b"


def test_base_60_numbers_stay_text(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + "roles:\n  - {id: boss, name: 店长}\nnotes: [9:30]\n", encoding="utf-8")
    assert read_design(path).notes[0].zh == "9:30"  # YAML 1.1 would make it 570
    path.write_text(HEAD + "roles:\n  - {id: boss, name: 店长, vacancies: 1:00}\n", encoding="utf-8")
    (p,) = problems_of(lambda: read_design(path))
    assert p.location == "roles[0].vacancies" and "'1:00'" in p.message and p.line == 5
    path.write_text(HEAD + "roles:\n  - {id: boss, name: 店长, headcount: 1.5, vacancies: 1}\n", encoding="utf-8")
    assert read_design(path).role("boss").headcount == shoporg.model.Decimal("1.5")  # other numbers as before


def test_a_norms_file_refuses_aliases(tmp_path):
    path = tmp_path / "n.yaml"
    path.write_text("schema: shoporg/norms-v1\nnorms: &n {}\nmore: *n\n", encoding="utf-8")
    with pytest.raises(DesignFileError) as e:
        read_norms(path)
    assert e.value.problem.line == 2 and "&n" in str(e.value)


# -- the hierarchy -----------------------------------------------------------------------------

def _chain(n: int, ring: bool = False):
    roles = [SimpleNamespace(id=f"r{i}", reports_to=f"r{i - 1}" if i else (f"r{n - 1}" if ring else None))
             for i in range(n)]
    return SimpleNamespace(roles=roles, forest=False), {r.id for r in roles}


def _steps(fn) -> int:
    """Lines of Python run and C functions called by ``fn()``: a count of the work done,
    the same on every run and on any machine (no clock)."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1
        return trace

    def profile(frame, event, arg):
        nonlocal count
        if event == "c_call":
            count += 1

    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.settrace(None)
        sys.setprofile(None)
    return count


def test_hierarchy_checks_grow_linearly_with_a_deep_chain():
    small, big = _chain(500), _chain(8000)
    assert _hierarchy_problems(*big) == []
    ratio = _steps(lambda: _hierarchy_problems(*big)) / _steps(lambda: _hierarchy_problems(*small))
    assert ratio < 20  # 16 times the roles; quadratic would be 256 times the work, cubic 4096


def test_a_ring_of_thousands_is_one_cycle_named_once(tmp_path):
    (p,) = _hierarchy_problems(*_chain(4000, ring=True))
    assert p.location == "roles[0].reports_to" and p.message.count("→") == 4000
    lines = [HEAD + "roles:\n  - {id: r0, name: r0, reports_to: r2999}\n"]
    lines += [f"  - {{id: r{i}, name: r{i}, reports_to: r{i - 1}}}\n" for i in range(1, 3000)]
    path = tmp_path / "ring.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    (q,) = problems_of(lambda: read_design(path))
    assert q.location == "roles[0].reports_to" and "cycle" in q.message and q.line == 5


# -- Excel -------------------------------------------------------------------------------------

@pytest.fixture
def book(d14, tmp_path):
    return export_excel(d14, tmp_path / "d14.xlsx")


def _column(ws, header: str) -> int:
    """The role table's column of ``header`` (columns are found by their headers)."""
    return next(c.column for c in ws[1] if c.value == header)


def _row_of(ws, role_id: str) -> int:
    return next(c.row for c in ws[get_column_letter(_column(ws, "编号"))] if c.value == role_id)


def _replace_part(src, dst, name: str, write) -> None:
    """Copy the workbook ``src`` to ``dst`` with part ``name`` written by ``write(file)``."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in z.infolist():
            if info.filename == name:
                with out.open(name, "w") as f:
                    write(f)
            else:
                out.writestr(info, z.read(info.filename))


def _sheet_part(path, title: str) -> str:
    wb = load_workbook(path, read_only=True)
    try:
        return wb[title]._worksheet_path
    finally:
        wb.close()


def test_a_workbook_of_ten_million_cells_is_refused_unopened(book, tmp_path):
    part = _sheet_part(book, SHEETS["coverage"]["zh"])
    row = b"<row>" + b"<c><v>1</v></c>" * 1000 + b"</row>"

    def cells(f):
        f.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        for _ in range(10_000):
            f.write(row)
        f.write(b"</sheetData></worksheet>")
    bomb = tmp_path / "bomb.xlsx"
    _replace_part(book, bomb, part, cells)
    assert bomb.stat().st_size < 2 * 2**20
    tracemalloc.start()
    try:
        (p,) = problems_of(lambda: read_excel(bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert p.location == part and p.file == str(bomb)
    with zipfile.ZipFile(bomb) as z:
        size = z.getinfo(part).file_size
    assert size > 10_000_000 * len(b"<c><v>1</v></c>")
    assert f"unpacks to {size / 2**20:.1f} MB" in p.message and f"at most {LIMITS['part_bytes'] / 2**20:.1f} MB" in p.message
    assert peak < 20 * 2**20


def test_the_role_table_is_read_row_by_row_up_to_its_limits(book, monkeypatch, d14):
    monkeypatch.setitem(LIMITS, "rows", 5)
    (p,) = problems_of(lambda: read_excel(book))
    assert p.location == SHEETS["roles"]["zh"] and "more than 5 rows" in p.message
    monkeypatch.setitem(LIMITS, "rows", 50_000)
    monkeypatch.setitem(LIMITS, "cells", 30)
    (p,) = problems_of(lambda: read_excel(book))
    assert p.location == f"{SHEETS['roles']['zh']}!4" and "more than 30 cells" in p.message
    monkeypatch.setitem(LIMITS, "cells", 1_000_000)
    assert read_excel(book) == d14


def test_the_sizes_of_all_parts_and_their_number_are_capped(book, monkeypatch):
    monkeypatch.setitem(LIMITS, "book_bytes", 100_000)
    (p,) = problems_of(lambda: read_excel(book))
    assert "the workbook unpacks to" in p.message and "at most 0.1 MB" in p.message
    monkeypatch.setitem(LIMITS, "book_bytes", 128 * 2**20)
    monkeypatch.setitem(LIMITS, "parts", 3)
    (p,) = problems_of(lambda: read_excel(book))
    assert "parts; allowed: at most 3" in p.message


def test_a_stated_sheet_size_is_not_trusted(book, d14):
    """A <dimension> that says A1 does not hide the rows below it (read-only mode trusts it)."""
    part = _sheet_part(book, SHEETS["roles"]["zh"])
    with zipfile.ZipFile(book) as z:
        xml = z.read(part)
    import re
    small = re.sub(rb'<dimension ref="[^"]+"\s*/>', b'<dimension ref="A1"/>', xml)
    assert small != xml
    edited = book.with_name("dim.xlsx")
    _replace_part(book, edited, part, lambda f: f.write(small))
    assert read_excel(edited) == d14


@pytest.mark.parametrize("value", [1e30, -5, 2.555, float("nan"), "1e30", True])
def test_an_excel_headcount_out_of_range_is_located(book, value):
    wb = load_workbook(book)
    ws = wb[SHEETS["roles"]["zh"]]
    row, col = _row_of(ws, "picker"), _column(ws, "人数")
    ws.cell(row, col).value = value
    wb.save(book)
    (p,) = problems_of(lambda: read_excel(book))
    assert p.location == f"岗位职责表!{get_column_letter(col)}{row} (人数)" and p.file == str(book)
    assert "allowed: a number of people (FTE) from 0 to 100000" in p.message


@pytest.mark.parametrize("header, value, said", [
    ("岗位", "\x7f捡单员", "holds U+007F (a control character) at character 1"),
    ("岗位", "捡单\u202e员", "holds U+202E (a direction override) at character 3"),
    ("岗位职责", "拣货\x85打包", "holds U+0085 (a control character) at character 3"),
])
def test_an_excel_text_cell_with_a_control_character_is_located(book, header, value, said):
    wb = load_workbook(book)
    ws = wb[SHEETS["roles"]["zh"]]
    row, column = _row_of(ws, "picker"), _column(ws, header)
    ws.cell(row, column).value = value
    wb.save(book)
    (p,) = problems_of(lambda: read_excel(book))
    assert p.location == f"岗位职责表!{get_column_letter(column)}{row} ({header})" and p.file == str(book)
    assert p.message.startswith(said)


def test_an_excel_name_of_two_lines_is_located_at_its_row(book):
    wb = load_workbook(book)
    ws = wb[SHEETS["roles"]["zh"]]
    row = _row_of(ws, "picker")
    ws.cell(row, _column(ws, "岗位")).value = "捡单\n员"  # Alt+Enter in the cell
    wb.save(book)
    (p,) = problems_of(lambda: read_excel(book))
    assert p.location.startswith(f"岗位职责表!{row} (roles[") and "holds a line break at character 3" in p.message


def _edit_hidden(path, change) -> None:
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    ws["A1"].value = change(ws["A1"].value)
    wb.save(path)


def test_the_hidden_sheet_keeps_a_digest_of_its_yaml(book):
    wb = load_workbook(book)
    text = "".join(c.value for c in wb[DATA_SHEET]["A"] if c.value)
    assert wb[DATA_SHEET]["B1"].value == excel._digest(text) and excel._digest(text).startswith("sha256:")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an untouched workbook reads without a word
        read_excel(book)


def test_the_hidden_sheet_is_json_that_a_yaml_reader_reads_alike(book, d14):
    import json

    import yaml

    from shoporg.io.yaml_io import design_to_dict

    text = "".join(c.value for c in load_workbook(book)[DATA_SHEET]["A"] if c.value)
    assert text.startswith("{") and "网店基本人员构成及职责表" in text  # Chinese as Chinese
    assert json.loads(text) == yaml.safe_load(text) == design_to_dict(d14)


def test_a_workbook_whose_hidden_sheet_holds_yaml_still_reads(book, d14):
    """Workbooks written before the hidden sheet held JSON kept the design's YAML there."""
    from shoporg.io.yaml_io import design_to_dict, dump_yaml

    text = dump_yaml(design_to_dict(d14))
    wb = load_workbook(book)
    ws = wb[DATA_SHEET]
    ws["A1"].value, ws["B1"].value = text, excel._digest(text)
    wb.save(book)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_excel(book) == d14


@pytest.mark.parametrize("change, words", [
    (lambda s: s.replace('{"schema"', '{"id":"x","schema"', 1), "given twice"),
    (lambda s: s.replace('"monthly":10000', '"monthly":NaN', 1), "holds NaN"),
    (lambda s: s.replace('"monthly":10000', '"monthly":' + "9" * 5000, 1), "too large"),
    (lambda s: s[:-1], "not valid JSON"),
    (lambda s: '{"a":' + "[" * 100_000 + s, "too large"),
])
def test_a_broken_hidden_sheet_is_a_located_error(book, change, words):
    _edit_hidden(book, change)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataSheetEdited)
        with pytest.raises(ShopOrgError) as e:
            read_excel(book)
    assert f"{book}!{DATA_SHEET}" in str(e.value) and words in str(e.value)


def test_a_hand_edited_hidden_sheet_is_told_and_the_cells_are_the_truth(book, d14):
    assert '"monthly":10000' in load_workbook(book)[DATA_SHEET]["A1"].value
    _edit_hidden(book, lambda text: text.replace('"monthly":10000', '"monthly":99999', 1))
    wb = load_workbook(book)
    ws = wb[SHEETS["roles"]["zh"]]
    ws.cell(_row_of(ws, "picker"), _column(ws, "人数")).value = 3
    wb.save(book)
    with pytest.warns(DataSheetEdited) as caught:
        d = read_excel(book)
    (w,) = caught
    assert "_shoporg" in str(w.message) and "edited by hand" in str(w.message) and str(book) in str(w.message)
    assert "隐藏工作表" in w.message.phrase.text("zh")
    assert d.role("picker").headcount == 3  # the visible cell
    assert d.role("director").pay != d14.role("director").pay  # what only the hidden sheet holds: from it


def test_a_workbook_without_a_digest_reads_as_before(book, d14):
    wb = load_workbook(book)
    wb[DATA_SHEET]["B1"].value = None
    wb.save(book)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_excel(book) == d14


def test_merged_cells_are_found_in_a_read_only_sheet(book):
    wb = load_workbook(book)
    wb[SHEETS["roles"]["zh"]].merge_cells("C2:C3")
    wb[SHEETS["roles"]["zh"]].merge_cells("H4:I5")
    wb.save(book)
    assert [p.location for p in problems_of(lambda: read_excel(book))] == ["岗位职责表!C2:C3", "岗位职责表!H4:I5"]


# -- CSV ---------------------------------------------------------------------------------------

@pytest.fixture
def csv_text(d14, tmp_path):
    return export_csv(d14, tmp_path / "u.csv").read_text(encoding="utf-8-sig")


PICKER = "picker,捡单员,库房,司库,2,"


@pytest.mark.parametrize("row, column, said", [
    ("picker,捡单员,营销部,司库,2,", "部门", "unknown department '营销部'; allowed: 电商管理, 促销策划与视觉, 客服组, 行政财务, 库房, or empty"),
    ("picker,捡单员,库房,司库,-5,", "人数", "got '-5'; allowed: a number of people (FTE) from 0 to 100000"),
    ("picker,捡单员,库房,司库,NaN,", "人数", "got 'NaN'; allowed: a number of people"),
    ("picker,捡单员,库房,司库,2.555,", "人数", "got '2.555'; allowed: a number of people (FTE) from 0 to 100000 with at most 2 decimals"),
    ("picker,捡单员,库房,司库,1e30,", "人数", "got '1e30'; allowed"),
    ("picker,捡单员,库房,司库,100001,", "人数", "got '100001'; allowed"),
    (",捡单员,库房,司库,2,", "编号", "got ''; allowed: a role id of the design, or a new id"),
    ("Live Host,主播,库房,司库,2,", "编号", "got 'Live Host'; allowed"),
    ("live_host,,库房,司库,2,", "岗位", "empty; allowed: the role's name"),
    ("picker,,库房,司库,2,", "岗位", "empty; allowed: the role's name"),  # an old role emptied
    ("picker,捡\x07单员,库房,司库,2,", "岗位", "holds U+0007 (a control character) at character 2"),
    ("picker,捡\u202e单员,库房,司库,2,", "岗位", "holds U+202E (a direction override) at character 2"),
])
def test_a_bad_csv_cell_is_refused_at_its_row_and_column(d14, csv_text, tmp_path, row, column, said):
    path = tmp_path / "bad.csv"
    path.write_text(csv_text.replace(PICKER, row), encoding="utf-8")
    (p,) = problems_of(lambda: design_from_csv(path, d14))
    assert p.location == f"row 11, column {column}" and p.file == str(path)
    assert said in p.message
    physical = csv_text.replace(PICKER, row).split("\n")
    assert physical[p.line - 1].startswith(row)  # the line the row starts on (duties span several lines)


def test_a_csv_department_by_name_or_id_or_cleared(d14, csv_text, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(csv_text.replace(PICKER, "picker,捡单员,客服组,司库,2,"), encoding="utf-8")
    assert design_from_csv(path, d14).role("picker").department == d14.role("cs_manager").department
    path.write_text(csv_text.replace(PICKER, "picker,捡单员,,司库,2,"), encoding="utf-8")
    assert design_from_csv(path, d14).role("picker").department is None
    path.write_text(csv_text, encoding="utf-8")
    assert design_from_csv(path, d14) == d14


def test_a_reporting_cycle_in_a_csv_is_named_at_the_row_and_the_managers_column(d14, csv_text, tmp_path):
    path = tmp_path / "cycle.csv"
    director = "director,电商总监,电商管理,,1,"
    assert director in csv_text
    path.write_text(csv_text.replace(director, "director,电商总监,电商管理,客服组经理,1,"), encoding="utf-8")
    (p,) = problems_of(lambda: design_from_csv(path, d14))
    assert (p.location, p.file, p.line) == ("row 2, column 上级", str(path), 2)  # the first row of the ring
    assert p.message == ("the managers form a cycle: 电商总监 (director) → 客服组经理 (cs_manager) → 电商总监 (director); "
                         "allowed: a role that is not below this one, or empty (the top role)")
    assert "上级构成循环" in p.text("zh") and "roles[" not in str(p)


def test_a_role_of_a_csv_that_reports_to_itself_is_named_at_its_row(d14, csv_text, tmp_path):
    path = tmp_path / "self.csv"
    path.write_text(csv_text.replace(PICKER, "picker,捡单员,库房,捡单员,2,"), encoding="utf-8")
    (p,) = problems_of(lambda: design_from_csv(path, d14))
    assert p.location == "row 11, column 上级" and "捡单员 (picker) → 捡单员 (picker)" in p.message
    physical = csv_text.split("\n")
    assert physical[p.line - 1].startswith("picker,")


def test_a_csv_cell_of_thousands_of_quotes_reads_back(d14, csv_text, tmp_path):
    path = tmp_path / "quotes.csv"
    path.write_text(csv_text.replace(PICKER, "picker," + "'" * 5000 + "=1,库房,司库,2,"), encoding="utf-8")
    assert design_from_csv(path, d14).role("picker").name.zh == "'" * 4999 + "=1"  # one quote was the guard


def test_a_csv_name_of_two_lines_is_refused_at_its_cell(d14, csv_text, tmp_path):
    path = tmp_path / "name.csv"
    path.write_text(csv_text.replace(PICKER, 'picker,"捡单\n员",库房,司库,2,'), encoding="utf-8")
    (p,) = problems_of(lambda: design_from_csv(path, d14))
    assert p.location == "row 11, column 岗位" and p.message.startswith("holds a line break at character 3")


# -- scenarios ---------------------------------------------------------------------------------

def _scenario(tmp_path, body: str):
    path = tmp_path / "s.yaml"
    path.write_text("schema: shoporg/scenario-v1\nid: s\nname: 平月\nbase:\n  orders: 3000\n  attainment: 1\n"
                    + body, encoding="utf-8")
    return path


def test_scenario_roles_are_checked_against_the_designs_given(tmp_path, d14):
    path = _scenario(tmp_path, "roles:\n  live_host:\n    attainment: 1\n")
    read_scenario(path)  # without a design nothing says which roles there are
    (p,) = problems_of(lambda: read_scenario(path, d14))
    assert p.location == "roles.live_host" and p.line == 8 and p.file == str(path)
    assert "no role 'live_host'" in p.message and "sales_cs" in p.message
    other = d14.with_role(shoporg.model.Role(id="live_host", name="主播", reports_to="director"))
    assert "live_host" in read_scenario(path, [d14, other]).roles  # a role of one of the options


def test_a_role_driver_nobody_reads_is_refused_and_a_shop_wide_custom_one_is_not(tmp_path):
    path = _scenario(tmp_path, "  live_sessions: 30\nroles:\n  sales_cs:\n    live_sessions: 5\n    attainmnet: 1\n")
    (p,) = problems_of(lambda: read_scenario(path))
    assert p.location == "roles.sales_cs.attainmnet" and "did you mean 'attainment'" in p.message
    assert "live_sessions" in p.message  # given shop-wide, so a role may have its own
    path = _scenario(tmp_path, "  live_sessions: 30\nroles:\n  sales_cs:\n    live_sessions: 5\n")
    assert read_scenario(path).driver("live_sessions", "sales_cs")[0] == 5


def test_a_supplied_value_of_a_scenario_is_checked_where_the_file_gives_it(tmp_path, d14):
    path = _scenario(tmp_path, "supply:\n  director.pay[1].rate: 2.5\n  sales_cs.pay[1].rate: abc\n  x.pay[0].y: nan\n")
    first, second, third = problems_of(lambda: read_scenario(path, d14))
    assert (first.location, first.line, first.file) == ("supply.director.pay[1].rate", 8, str(path))
    assert first.message == ("must be <= 1, got 2.5; allowed: a fraction from 0 to 1 with at most 6 decimal places "
                             "(e.g. 0.002) (as the design file allows at roles[0].pay[1].rate)")
    assert (second.location, second.line) == ("supply.sales_cs.pay[1].rate", 9)
    assert second.message.startswith("must be a number, got 'abc'; allowed: a fraction from 0 to 1")
    # a key that names no parameter of the design: still a finite number, said so
    assert (third.location, third.message) == ("supply.x.pay[0].y", "must be a finite number, got 'nan'; "
                                                                   "allowed: a finite number (e.g. 0.002)")
    assert "须不大于 1，实际为 2.5；可填：0 到 1 之间的比例" in first.text("zh")


@pytest.mark.parametrize("body, where, line", [
    ("  orders_picked: 1:30\n", "base.orders_picked", 7),
    ("fixed:\n  store_incidents: 2:05:00\n", "fixed.store_incidents", 8),
    ("roles:\n  sales_cs:\n    attainment: [1, '0:59']\n", "roles.sales_cs.attainment[1]", 9),
])
def test_a_base_60_number_in_a_scenario_is_named_as_text(tmp_path, body, where, line):
    path = _scenario(tmp_path, body)
    (p,) = problems_of(lambda: read_scenario(path))
    assert (p.location, p.line, p.file) == (where, line, str(path))
    assert p.message.startswith("a number was expected, got the text '") and "in base 60" in p.message


def test_numbers_yaml_reads_as_text_stay_numbers_in_a_scenario(tmp_path):
    path = _scenario(tmp_path, "  revenue: 1e5\n")  # YAML 1.1 wants a dot in a float: 1e5 is text to it
    assert read_scenario(path).driver("revenue")[0] == 100000


def test_scenario_names_and_shapes_are_located(tmp_path):
    path = _scenario(tmp_path, "roles: [1]\n")
    (p,) = problems_of(lambda: read_scenario(path))
    assert p.location == "roles" and "must be a mapping" in p.message
    path = _scenario(tmp_path, "roles:\n  sales_cs: 5\n")
    (p,) = problems_of(lambda: read_scenario(path))
    assert p.location == "roles.sales_cs" and "must be a mapping" in p.message
    path = tmp_path / "m.yaml"
    months = "".join("  - {orders: 100, Orders: 1}\n" for _ in range(12))
    path.write_text("schema: shoporg/scenario-v1\nid: m\nname: {zh: 月}\nmonths:\n" + months, encoding="utf-8")
    (p,) = problems_of(lambda: read_scenario(path))
    assert p.location == "months[0].Orders" and "driver name 'Orders' is not allowed" in p.message

