"""The staffing sheet (人员测算): per role the norm that sizes it (what drives it, the
volume, each person's capacity or the chat-service target), the recommended against the
current headcount and why; the Erlang figures of chat roles; with a scenario whose peaks
need more people, the cheapest lawful way to cover each peak month. A role without a
norm keeps its headcount and says so: nothing is sized without a norm.

>>> import shoporg
>>> from shoporg.staffing import read_norms
>>> d = shoporg.load_template("seed-14-basic-22")
>>> s = shoporg.load_scenario("d14-double11")
>>> n = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
>>> rows = staffing_rows(d, s, n, "zh")
>>> picker = next(r for r in rows if r[0] == "捡单员")
>>> picker[5], picker[6]
(2.0, 1.0)
"""

from __future__ import annotations

from .. import fmt
from ..i18n import driver_name, t
from ..staffing.norms import ErlangNorm
from ..staffing.sizing import norms_within, recommend_headcount, sizing_reason
from .excel_layout import (
    Styles,
    append_rows,
    balanced,
    body_font,
    fit_columns,
    fit_rows,
    grey,
    heading_case,
    set_number,
    style_header,
)

__all__ = ["staffing_rows", "write_staffing", "write_peak"]

_COLUMNS = ("name", "method", "driver", "volume", "capacity", "current", "recommended", "gap", "peak_month", "peak",
            "temporary", "reason")
_ERLANG = ("name", "daily_chats", "aht_min", "concurrency", "service_level", "answer_within", "agent_hours",
           "staffed_hours", "fte")


def _figure(value: float, places: int) -> str:
    """The number format of a derived figure: its decimals, none when it is whole (4, not 4.0).

    >>> _figure(4.0, 1), _figure(55.7, 1), _figure(10.03, 2)
    ('#,##0', '#,##0.0', '#,##0.00')
    """
    return "#,##0" if float(value).is_integer() else "#,##0." + "0" * places


def _w(key: str, lang: str, **fields) -> str:
    return t(f"xlsx.{key}", lang, **fields)


def _norms(design, norms):
    return norms_within(design, norms) if norms is not None else None


def staffing_rows(design, scenario, norms, lang: str) -> list[list]:
    """One row per role in ``_COLUMNS`` order; a role without a norm only its current headcount."""
    rec = recommend_headcount(design, scenario, _norms(design, norms), lang)
    out = []
    for row in rec.to_dict("records"):
        if row["method"] == "kept":
            out.append([row["name"], _w("staff_no_norm", lang), "", None, None, row["current"], None, None, "",
                        None, None, sizing_reason(row, None, lang)])
            continue
        inputs = row["inputs"] or {}
        norm = _norm_of(design, norms, row["role"])
        capacity = inputs.get("capacity_per_person")
        if capacity is None and isinstance(norm, ErlangNorm):
            capacity = _w("staff_erlang_target", lang, level=fmt.percent(norm.service_level, lang, digits=0),
                          within=fmt.number(norm.answer_within_s, lang))
        out.append([row["name"], _w(f"staff_method_{row['method']}", lang), driver_name(row["driver"], lang),
                    inputs.get("volume"), capacity, row["current"], row["recommended"], row["gap"],
                    fmt.month(row["peak_month"], lang) if row["peak_month"] and row["temporary"] else "",
                    row["peak"] if row["temporary"] else None, row["temporary"] or None,
                    sizing_reason(row, norm, lang)])
    return out


def _norm_of(design, norms, role_id):
    from ..staffing.sizing import norms_for

    return norms_for(design, _norms(design, norms)).get(role_id)


def _erlang_rows(design, scenario, norms, lang: str) -> list[list]:
    rec = recommend_headcount(design, scenario, _norms(design, norms), lang)
    out = []
    for row in rec.to_dict("records"):
        norm = _norm_of(design, norms, row["role"]) if row["method"] == "erlang" else None
        inputs = row["inputs"] or {}
        if norm is None or "daily_chats" not in inputs:
            continue
        out.append([row["name"], inputs["daily_chats"], float(norm.aht_s) / 60, norm.concurrency,
                    float(norm.service_level), float(norm.answer_within_s), inputs["agent_hours_per_day"],
                    inputs["staffed_hours_per_day"], inputs["fte_month"]])
    return out


def _section(ws, title: str, header: list[str]) -> int:
    """A blank row, a bold title and a header row; returns the header's row number."""
    from openpyxl.styles import PatternFill  # openpyxl: loaded when a workbook is written or read

    ws.append([])
    ws.append([title])
    ws.cell(ws.max_row, 1).font = body_font(bold=True)
    ws.append([heading_case(h) for h in header])
    for cell in ws[ws.max_row]:
        cell.font = body_font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    return ws.max_row


def _append_erlang(ws, rows: list[list]) -> None:
    """The Erlang table's rows below the sheet, each figure in its number format."""
    first = ws.max_row + 1
    append_rows(ws, rows)
    width = ws.max_column  # each row as wide as the sheet, as ``ws[row]`` gives it (one scan, not one a row)
    for r in range(first, first + len(rows)):
        cells = tuple(ws.cell(r, c) for c in range(1, width + 1))
        set_number(cells[1:2], "count")
        for c in (cells[2], cells[6], cells[7], cells[8]):
            c.number_format = _figure(c.value, 2 if c.column == 9 else 1)
        set_number(cells[4:5], "percent")
        set_number(cells[3:4] + cells[5:6], "headcount")


def write_staffing(ws, design, scenario, norms, lang: str) -> None:
    """Fill ``ws`` with the staffing sheet of ``design`` under ``scenario``."""
    from openpyxl.utils import get_column_letter

    ws.append([_w(f"staff_col_{c}", lang) for c in _COLUMNS])
    style_header(ws)
    rows = staffing_rows(design, scenario, norms, lang)
    append_rows(ws, rows)
    body = list(ws.iter_rows(min_row=2))
    for cells in body:
        set_number(cells[3:4], "count")
        set_number(cells[5:8] + cells[9:11], "headcount")
        if isinstance(cells[4].value, float):
            cells[4].number_format = _figure(cells[4].value, 1)
    if not any(r[1] != _w("staff_no_norm", lang) for r in rows):
        ws.append([])
        ws.append([_w("staff_none", lang)])
        grey(ws.cell(ws.max_row, 1), italic=True)
    heads = []
    erlang = _erlang_rows(design, scenario, norms, lang)
    if erlang:
        heads.append(_section(ws, _w("staff_erlang_title", lang), [_w(f"staff_erl_{c}", lang) for c in _ERLANG]))
        _append_erlang(ws, erlang)
    styles, fonts = Styles(ws.parent), ws.parent._fonts
    for row in ws.iter_rows(min_row=2):
        titled = len(row) < 2 or row[1]._value is None  # a section's title (column A) runs on
        for cell in row:
            font = fonts[cell._style.fontId] if cell._style is not None else fonts[0]
            plain = not font.b and not (font.color is not None and font.i)  # not bold, not a grey note
            styles.give(cell, font=styles.font() if plain else None,
                        alignment=styles.alignment(wrap_text=not (titled and cell.column == 1), vertical="top"))
    fit_columns(ws, {1: 14, 2: 10, 3: 10, 4: 10, 5: 12, 6: 10, 7: 10, 8: 8, 9: 10, 10: 8, 11: 8, 12: 40}, skip_rows=frozenset(
        r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value is None and ws.cell(r, 1).value))
    for r in heads:  # a section's header wraps in even lines, as the sheet's own header does
        for cell in ws[r]:
            cell.value = balanced(cell.value, ws.column_dimensions[get_column_letter(cell.column)].width)
    fit_rows(ws)


def write_peak(ws, design, scenario, norms, lang: str, supply=None) -> bool:
    """Fill ``ws`` with the cheapest lawful mix for each peak month; False (nothing written)
    when no month needs more people than the permanent staff."""

    peaks = _peak_rows(design, scenario, norms, lang, supply)
    if not peaks:
        return False
    ws.append(peaks[0])
    style_header(ws)
    styles = Styles(ws.parent)
    for row in peaks[1:]:
        ws.append(row)
        cells = ws[ws.max_row]
        set_number(cells, "yuan")
        for cell in cells:
            amount = isinstance(cell.value, (int, float))  # centred: never against the text beside it
            styles.give(cell, font=styles.font(), alignment=styles.alignment(
                wrap_text=True, vertical="top", horizontal="center" if amount else None))
    fit_columns(ws, {1: 14, 2: 12, 3: 36, 4: 16, 5: 36, 6: 16})
    fit_rows(ws)
    return True


def _peak_rows(design, scenario, norms, lang: str, supply=None) -> list[list]:
    """The cheapest lawful mix for each peak month (header first); none without peaks."""
    if norms is None and not any(r.norm for r in design.roles):
        return []
    from ..staffing.peak import peak_options

    best = peak_options(design, scenario, _norms(design, norms), supply=supply)
    table = best.table(lang)
    if table.empty:
        return []
    return [list(table.columns)] + [[None if v != v else v for v in row] for row in table.values.tolist()]
