"""The cover sheet (封面): the client block, then each option with its people, layers and
annual cost, and which sheets describe it.

>>> import shoporg
>>> d = shoporg.load_template("seed-14-basic-22")
>>> rows = option_rows([d], None, "en")
>>> rows[0][:3]
['Basic online-shop staffing and duties', 22, 3]
"""

from __future__ import annotations

import datetime as _dt

from .. import fmt
from ..client import FIELDS, ClientBlock
from ..i18n import t
from ..pay.engine import payroll
from .excel_layout import body_font, fit_columns, fit_rows, grey, set_number

__all__ = ["option_rows", "write_cover", "heading"]


def _w(key: str, lang: str, **fields) -> str:
    return t(f"xlsx.{key}", lang, **fields)


def heading(block: ClientBlock, lang: str) -> str:
    """The page header of every sheet: 客户 · 项目 (the document's title without them)."""
    return block.heading(lang) if block else t("doc.title", lang)


def option_rows(designs, scenario, lang: str, supply=None, pay=None) -> list[list]:
    """Per option: name, people, layers, roles and (with a scenario) the annual cost: the
    employment cost (人工成本) with a city's terms, else gross pay; the figures
    :func:`~shoporg.analysis.compare` gives. ``pay(design)``: the design's payroll under
    ``scenario`` (one already run), else it is run here.

    >>> import shoporg
    >>> d, s = shoporg.load_template("seed-14-basic-22"), shoporg.load_scenario("d14-double11")
    >>> t = shoporg.compare([d, d], s)
    >>> option_rows([d], s, "zh")[0][1:] == [int(t.loc[k].iloc[1]) for k in ("people", "layers", "roles")] + [
    ...     float(t.loc["annual_accrued"].iloc[1])]
    True
    """
    import math

    from ..hierarchy import layers, to_graph

    pay = pay or (lambda d: payroll(d, scenario, supply=supply))
    runs = [pay(d) if scenario is not None and any(r.pay for r in d.roles) else None for d in designs]
    labour = any(p is not None and p.chain is not None for p in runs)  # as compare: one row for every option
    out = []
    for d, run in zip(designs, runs):
        people = sum(math.ceil(r.headcount) for r in d.roles)
        row = [d.name.get(lang), people, max(layers(to_graph(d)).values()), len(d.roles)]
        if scenario is not None and any(p is not None for p in runs):
            if run is None:  # a design without pay rules: its cost is unknown
                row.append(float("nan"))
            elif labour:  # with a city's terms, what the employer pays in all (人工成本); else gross pay
                row.append(float(run.chain_total("labour_cost")) if run.chain is not None else float("nan"))
            else:
                row.append(float(run.summary().loc["accrued", "total"]))
        out.append(row)
    return out


def write_cover(ws, designs, scenario, block: ClientBlock, lang: str, sheets: dict[str, list[str]],
                supply=None, pay=None) -> None:
    """Fill ``ws``: a title, the client block, the options and the sheets of each; ``pay``
    as :func:`option_rows` takes it."""
    from openpyxl.styles import Alignment, PatternFill  # openpyxl: loaded when a workbook is written or read

    ws.append([block.project or t("doc.title", lang)])
    ws.cell(1, 1).font = body_font(bold=True, size=16)
    ws.row_dimensions[1].height = 28
    ws.append([])
    date = block.shown_date(lang) if hasattr(block, "shown_date") else fmt.date(_dt.date.today(), lang)
    values = block.model_dump() | {"date": date}
    for key in FIELDS:
        if key == "project" or not values.get(key):
            continue
        ws.append([_w(f"cover_{key}", lang), values[key]])
        ws.cell(ws.max_row, 1).font = body_font(bold=True)
    ws.append([])
    cols = [_w("cover_option", lang), _w("cover_people", lang), _w("cover_layers", lang), _w("cover_roles", lang)]
    if scenario is not None:
        labour = (pay(designs[0]) if pay else payroll(designs[0], scenario, supply=supply)).chain is not None
        cols.append(_w("cover_annual_labour" if labour else "cover_annual", lang))
    cols.append(_w("cover_sheets", lang))
    ws.append(cols)
    head = ws.max_row
    for cell in ws[head]:
        cell.font = body_font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row, d in zip(option_rows(designs, scenario, lang, supply, pay), designs):
        ws.append(row + [t("sep.list", lang).join(sheets.get(d.name.get(lang), []))])
        cells = ws[ws.max_row]
        set_number(cells[1:4], "headcount")
        if scenario is not None:
            set_number(cells[4:5], "yuan")
    ws.append([])
    ws.append([_w("cover_note", lang) if len(designs) == 1 else _w("cover_note_options", lang,
                                                                     note=_w("cover_note", lang))])
    grey(ws.cell(ws.max_row, 1), italic=True)
    note_row = ws.max_row
    money = 5 if scenario is not None else None  # the annual cost's column
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if cell.font is None or (not cell.font.b and not cell.font.i):
                cell.font = body_font()
            table = cell.row >= head
            figure = table and (2 <= cell.column <= 4 or cell.column == money)  # figures centred under their heads
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center" if figure else None)
    fit_columns(ws, {1: 24, len(cols): 50}, skip_rows=frozenset({1, note_row}))
    fit_rows(ws, first=2)
    ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=len(cols))
