"""The Excel export's quick paths write, to the byte, what openpyxl's own cell-by-cell way
writes, kept below as first written: rows appended with ``ws.append``, styles given
through openpyxl's setters, the Erlang rows read with ``ws[ws.max_row]``, the design's
data dumped field by field, the file saved by openpyxl's writer. Checked on design 14
and 方案B under d14-double11 with Shanghai's terms and the norms file (both languages)
and on a 150-role design: every part of the file (each cell's value, type and style id,
the fonts, fills, borders and alignments, widths, heights, merged cells, pictures, the
hidden ``_shoporg`` sheet) and what a reader sees of it (:func:`tests.workbook_facts.facts`).
(How fast it is is measured in ``benchmarks/bench_scale.py``, never here.)
"""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import json
import re
import zipfile
from copy import copy
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError
from pydantic import BaseModel

import shoporg
from shoporg.io import excel, excel_coverage, excel_staffing
from shoporg.io.excel import read_excel, write_excel
from shoporg.io.excel_layout import append_rows, body_font, set_number
from shoporg.io.excel_save import save
from shoporg.io.yaml_io import _plain, design_to_dict
from shoporg.staffing import read_norms
from tests.workbook_facts import facts

from .conftest import ROOT

# -- openpyxl's own way, as first written ---------------------------------------------------


def reference_append_rows(ws, rows) -> None:
    for row in rows:
        ws.append(row)


_PUBLIC = {"fontId": "font", "alignmentId": "alignment", "numFmtId": "number_format", "fillId": "fill"}


def reference_like(first, cells, *fields: str) -> None:
    """The style ``fields`` of ``first`` given to each cell through openpyxl's setters."""
    for cell in cells:
        for f in fields:
            setattr(cell, _PUBLIC[f], copy(getattr(first, _PUBLIC[f])))


def reference_share_styles(ws, name, mark, last: int, width: int) -> None:
    for row in ws.iter_rows(min_row=2, max_row=last):
        for cell in row:
            if cell is name or cell is mark:
                continue
            model = name if cell.column == 1 else mark
            cell.alignment = copy(model.alignment)
            cell.font = body_font(bold=True) if cell.row == last else copy(model.font)


def reference_append_erlang(ws, rows) -> None:
    for row in rows:
        ws.append(row)
        cells = ws[ws.max_row]
        set_number(cells[1:2], "count")
        for c in (cells[2], cells[6], cells[7], cells[8]):
            c.number_format = excel_staffing._figure(c.value, 2 if c.column == 9 else 1)
        set_number(cells[4:5], "percent")
        set_number(cells[3:4] + cells[5:6], "headcount")


def reference_design_to_dict(design) -> dict:
    """Each model's fields in order, those equal to their default left out (but ``schema_id``)."""
    def dump(model):
        if isinstance(model, BaseModel):
            out = {}
            for name, field in type(model).model_fields.items():
                value = getattr(model, name)
                if not field.is_required() and value == field.get_default(call_default_factory=True) \
                        and name != "schema_id":
                    continue
                out[field.alias or name] = dump(value)
            if "kind" in out:
                out = {"kind": out.pop("kind"), **out}
            return out
        if isinstance(model, (list, tuple)):
            return [dump(v) for v in model]
        return _plain(model)

    return dump(design)


def parts(path) -> dict[str, bytes]:
    """Every part of a workbook by name, the save times taken out."""
    with zipfile.ZipFile(path) as z:
        out = {n: z.read(n) for n in z.namelist()}
    out["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\w+>", b"",
                                      out["docProps/core.xml"])
    return out


def both_ways(monkeypatch, tmp_path, write):
    """The paths ``write(path)`` writes this way and the reference way."""
    quick, plain = tmp_path / "quick.xlsx", tmp_path / "plain.xlsx"
    write(quick)
    with monkeypatch.context() as m:
        for module in (excel, excel_coverage, excel_staffing):
            m.setattr(module, "append_rows", reference_append_rows)
        m.setattr(excel, "_like", reference_like)
        m.setattr(excel_coverage, "_share_styles", reference_share_styles)
        m.setattr(excel_staffing, "_append_erlang", reference_append_erlang)
        m.setattr(excel, "design_to_dict", reference_design_to_dict)
        m.setattr(excel, "save", lambda wb, path: wb.save(path))
        write(plain)
    return quick, plain


def assert_same(quick, plain) -> None:
    ours, theirs = parts(quick), parts(plain)
    assert sorted(ours) == sorted(theirs)
    assert [n for n in ours if ours[n] != theirs[n]] == []
    assert facts(load_workbook(quick)) == facts(load_workbook(plain))


# -- the workbooks ----------------------------------------------------------------------------

CLIENT = {"client": "某天猫旗舰店", "project": "客服中心组织设计", "consultant": "王顾问", "version": "V1.2"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_design_14_and_option_b_are_written_as_openpyxl_writes_them(options, lang, monkeypatch, tmp_path):
    d14, option, scenario = options
    shanghai = dataclasses.replace(scenario, employment={"city": "上海"})
    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    quick, plain = both_ways(monkeypatch, tmp_path, lambda p: write_excel(
        [d14, option], p, shanghai, lang, client=CLIENT, norms=norms, overwrite=True))
    wb = load_workbook(quick)
    assert {"_shoporg", f"{excel.SHEETS['coverage'][lang]}"} <= set(wb.sheetnames)
    staffing = wb[excel.SHEETS["staffing"][lang]]
    assert any(c.number_format not in ("General", "#,##0") for row in staffing.iter_rows(min_row=2) for c in row
               if isinstance(c.value, float))  # the Erlang rows' figures are there, formatted
    assert_same(quick, plain)
    assert read_excel(quick) == d14


def _cloned(n: int):
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "benchmarks" / "bench_scale.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench.cloned(n)


def _stub_pages(design, lang, dpi, *, min_pt=8.0, crop=False):
    """One small PNG per chart page (the pictures are the chart's own business)."""
    from PIL import Image

    from shoporg.chart import chart_pages

    out = []
    for i in range(len(chart_pages(design, lang, min_pt=min_pt))):
        buf = io.BytesIO()
        Image.new("RGB", (60 + i, 40), "white").save(buf, "PNG")
        out.append(buf.getvalue())
    return out


def test_a_150_role_design_is_written_as_openpyxl_writes_it(monkeypatch, tmp_path):
    design, _, scenario = _cloned(150)
    monkeypatch.setattr(excel, "chart_page_pngs", _stub_pages)
    quick, plain = both_ways(monkeypatch, tmp_path, lambda p: write_excel(design, p, scenario, overwrite=True))
    wb = load_workbook(quick)
    assert len(wb["岗位职责表"]["A"]) == 151 and wb["职责覆盖"].max_row == 152  # a row a role, and a count row
    assert_same(quick, plain)


def test_the_saved_parts_are_deflated_and_read_back(options, tmp_path):
    d14, _, scenario = options
    path = write_excel(d14, tmp_path / "d.xlsx", scenario)
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        sheets = [i for i in z.infolist() if i.filename.startswith("xl/worksheets/sheet")]
        assert sheets and {i.compress_type for i in sheets} == {zipfile.ZIP_DEFLATED}
        assert all(i.compress_size < i.file_size / 3 for i in sheets if i.file_size > 20_000)
    assert read_excel(path) == d14


# -- the pieces -------------------------------------------------------------------------------

def test_appended_rows_are_the_cells_ws_append_makes():
    import numpy as np

    rows = [["店长", 3, -2.5, None, True, False, "=SUM(A1:B1)", "=", "#DIV/0!", "", " 前后空格 ", "x" * 40_000],
            [],
            [Decimal("1.25"), np.int64(7), np.float64(0.5)],  # openpyxl's own cells for other types
            ("tuple", 1)]
    a, b = Workbook().active, Workbook().active
    reference_append_rows(a, rows)
    append_rows(b, rows)

    def cells(ws):
        return [(k, type(c).__name__, c._value, type(c._value), c.data_type, c._style, c._hyperlink, c._comment)
                for k, c in ws._cells.items()]

    assert cells(a) == cells(b)
    assert a._current_row == b._current_row == 4
    assert b.cell(1, 12).value == "x" * 32767  # Excel's most, as openpyxl cuts it


def test_a_control_character_is_refused_as_ws_append_refuses_it():
    with pytest.raises(IllegalCharacterError) as theirs:
        Workbook().active.append(["ok", "bell\x07"])
    with pytest.raises(IllegalCharacterError) as ours:
        append_rows(Workbook().active, [["ok", "bell\x07"]])
    assert str(ours.value) == str(theirs.value)


def test_row_attributes_are_the_ones_openpyxl_writes(tmp_path):
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    append_rows(ws, [[f"行{i}", i] for i in range(1, 9)])
    ws.row_dimensions[2].height = 20
    ws.row_dimensions[3].height = 20  # the same height again: written alike
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[5].outlineLevel = 1
    ws.row_dimensions[6].height = 31.5
    ws.row_dimensions[7].font = Font(bold=True)  # a row with a style
    ws.row_dimensions[12].height = 15  # a row with only a height
    wb.save(tmp_path / "theirs.xlsx")
    save(wb, tmp_path / "ours.xlsx")
    assert parts(tmp_path / "ours.xlsx") == parts(tmp_path / "theirs.xlsx")


def test_the_data_sheet_holds_each_design_as_dumped_field_by_field():
    designs = [shoporg.load_template(n) for n in (
        "seed-01-shop-staff-7", "seed-06-taobao-tmall-kpi", "seed-12-ordinary-shop", "seed-13-shop-staff-rules",
        "seed-14-basic-22")] + [_cloned(150)[0]]
    for d in designs:  # key order too: the hidden sheet's text and its digest follow it
        assert json.dumps(design_to_dict(d), ensure_ascii=False) == json.dumps(reference_design_to_dict(d),
                                                                                 ensure_ascii=False), d.id


def test_the_role_table_greys_the_pay_cell_of_a_role_without_pay_or_its_text(d14, tmp_path):
    from shoporg.io.yaml_io import design_from_dict

    data = design_to_dict(d14)
    for i, r in enumerate(data["roles"]):  # rules; no rules but the source's pay text (either one); neither
        if i % 4:
            for key in ("pay", "pay_structure", "pay_method"):
                r.pop(key, None)
        if i % 4 in (1, 2):
            r["pay_structure" if i % 4 == 1 else "pay_method"] = {"zh": "底薪+提成"}
    design = design_from_dict(data)
    bare = {r.id for r in design.roles if not r.pay and not r.pay_structure and not r.pay_method}
    assert 0 < len(bare) < len(design.roles)
    ws = load_workbook(write_excel(design, tmp_path / "d.xlsx"))[excel.SHEETS["roles"]["zh"]]
    head = [c.value for c in ws[1]]
    pay, ids = (head.index(excel.ROLE_COLUMNS[k]["zh"]) + 1 for k in ("pay_rules", "id"))
    for r in range(2, ws.max_row + 1):
        cell, role = ws.cell(r, pay), ws.cell(r, ids).value
        grey_note = bool(cell.font.i) and cell.font.color is not None and cell.font.color.rgb.endswith("808080")
        assert grey_note == (role in bare) == (cell.value == excel._w("no_pay_rules", "zh")), (r, cell.value)
