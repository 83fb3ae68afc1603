"""The coverage sheet (职责覆盖): roles × duty areas, a ● where a role's duties fall in an
area, and a last row counting the roles of each area (0: nobody does it). Headers are
names, turned upright in narrow columns. A table much wider than a landscape A4 page is
split into pages that repeat the role names.

>>> import shoporg
>>> d = shoporg.load_template("seed-14-basic-22")
>>> rows, cols, grid = coverage_grid(d, "zh")
>>> len(rows), len(cols), rows[0], cols[0]
(11, 30, '电商总监', '整体规划与经营管理')
"""

from __future__ import annotations

from ..analysis import coverage
from ..catalogue import duty_areas
from ..i18n import t
from .excel_layout import (
    FONT_SIZE,
    PAGE_WIDTH,
    append_rows,
    body_font,
    display_width,
    fit_columns,
    fit_rows,
    heading_case,
)

__all__ = ["coverage_grid", "write_coverage"]

#: Width of an upright column (a line and a half of text), the points per width unit of upright
#: text, and how much a table may shrink to fit one page wide (printed at 80%, text of 8 pt).
_NARROW = 4.5
_SHRINK = 1.25
_PT_PER_UNIT = FONT_SIZE * 0.56


def _share_styles(ws, name, mark, last: int, width: int) -> None:
    """Give the table's cells (rows 2 to ``last``, unstyled but ``name`` and ``mark``) the
    font and alignment of ``name`` (column A) or ``mark`` (the areas) by their style ids;
    the count row (``last``) the bold body font. Each style is looked up once and copied:
    a thousand roles × 30 areas."""
    from openpyxl.styles.cell_style import StyleArray  # openpyxl: loaded when a workbook is written

    bold = ws.parent._fonts.add(body_font(bold=True))
    looks = {}
    for model in (name, mark):
        for font in (model._style.fontId, bold):
            looks[model.column == 1, font == bold] = StyleArray([font, 0, 0, 0, 0, model._style.alignmentId, 0, 0, 0])
    cells = ws._cells
    for r in range(2, last + 1):
        for c in range(1, width + 1):
            cell = cells[(r, c)]
            if cell is not name and cell is not mark:
                cell._style = StyleArray(looks[c == 1, r == last])


def coverage_grid(design, lang: str):
    """Row names (roles), column names (areas) and the marks, True where a role covers an area."""
    table = coverage(design, lang)
    names = duty_areas()[lang]
    return list(table.index), [names.get(a, a) for a in table.columns], (table.to_numpy() != "").tolist()


def _breaks(first: float, n: int, page: float) -> list[int]:
    """Columns after which a page ends (1-based), the first column repeated on every page."""
    out, used = [], first
    for i in range(n):
        if used + _NARROW > page:
            out.append(i + 1)  # column i+2 starts a page: break after column i+1
            used = first
        used += _NARROW
    return out


def write_coverage(ws, design, lang: str) -> bool:
    """Fill ``ws`` and set its page breaks; True when it is split into pages (not fitted to one wide)."""
    from openpyxl.styles import Alignment, PatternFill  # openpyxl: loaded when a workbook is written or read
    from openpyxl.worksheet.pagebreak import Break

    rows, cols, grid = coverage_grid(design, lang)
    gaps = {j for j in range(len(cols)) if not any(row[j] for row in grid)}  # areas nobody does
    label = t("col.name", lang)
    first = min(24, max(display_width(x) for x in rows + [label])) + 2
    page = PAGE_WIDTH["landscape"] * _SHRINK
    count = t("xlsx.cov_roles", lang)
    ws.append([heading_case(label)] + cols)
    append_rows(ws, ([name] + ["●" if m else "" for m in marks] for name, marks in zip(rows, grid)))
    sums = [sum(1 for row in grid if row[j]) for j in range(len(cols))]
    ws.append([heading_case(count)] + sums)
    fill = PatternFill("solid", fgColor="DDEBF7")
    gap = PatternFill("solid", fgColor="FCE4D6")
    upright = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
    for cell in ws[1]:
        cell.font, cell.fill = body_font(bold=True), fill
        cell.alignment = upright if cell.column > 1 else Alignment(vertical="bottom", wrap_text=True)
    last = len(rows) + 2  # the count row
    plain = body_font()
    centred = Alignment(horizontal="center", vertical="center")
    named = Alignment(horizontal="left", vertical="center", wrap_text=True)
    cells = ws._cells
    name, mark = ws.cell(2, 1), ws.cell(2, 2)
    name.font, name.alignment = plain, named
    mark.font, mark.alignment = plain, centred
    _share_styles(ws, name, mark, last, len(cols) + 1)
    if gaps:
        first_gap = ws.cell(2, min(gaps) + 2)
        first_gap.fill = gap
        fill_id = first_gap._style.fillId
        for j in gaps:  # nobody does it: the area is marked, not left looking empty
            for r in range(2, last + 1):
                cells[(r, j + 2)]._style.fillId = fill_id
    fit_columns(ws, {1: first - 2}, skip_rows=frozenset({1}))
    from openpyxl.utils import get_column_letter

    for j in range(2, len(cols) + 2):
        ws.column_dimensions[get_column_letter(j)].width = _NARROW
    fit_rows(ws, first=2)
    longest = max(display_width(c) for c in cols)
    ws.row_dimensions[1].height = longest * _PT_PER_UNIT * 1.08 + 14
    breaks = [] if first + _NARROW * len(cols) <= page else _breaks(first, len(cols), PAGE_WIDTH["landscape"])
    for b in breaks:
        ws.col_breaks.append(Break(id=b))
    ws.print_title_cols = "A:A"
    return bool(breaks)
