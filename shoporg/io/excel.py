"""Excel workbooks (.xlsx) for consultants: export a design, edit the role table, read it back.

:func:`write_excel` writes a cover (封面: the client, the options with their people, layers
and annual cost), the role table (岗位职责表: the pay its rules give, duties, requirements,
the role's id in a last grey column), with a scenario the payroll (薪酬测算), the staffing
(人员测算) and the peak plan (旺季增员), the headcount by department (人员汇总), the duty
coverage (职责覆盖), the KPI sheet and the org chart, one picture per page; with several
designs the comparison (方案对比), the diff (方案差异) and each further option's own sheets,
named with its name (``岗位职责表-方案B``). How the sheets look (widths from the shown text,
row heights, number formats, print set-up) is :mod:`.excel_layout`. A hidden sheet
``_shoporg`` holds the design's data (JSON, which YAML readers read too), so :func:`read_excel` starts from the exact
design and applies only the cells a consultant changed in the role table (its columns found
by their headers, so a workbook of an earlier layout reads too). The hidden
sheet also keeps a digest (sha256) of that text: a hidden sheet edited by hand is told
apart, with a warning (:class:`DataSheetEdited`), and the role table's cells are read as
the truth.

An imported workbook is checked before openpyxl opens it (the unpacked size of each part
and of all of them, :data:`LIMITS`), opened read-only (only the role table and the hidden
sheet are read, row by row) and refused past a number of rows and cells.

>>> import tempfile, pathlib
>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> p = write_excel(d, pathlib.Path(tempfile.mkdtemp()) / "d14.xlsx")
>>> read_excel(p) == d
True
"""

from __future__ import annotations

import hashlib
import io as _io
import re
import warnings
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import fmt
from .._types import Text, check_text, to_decimal
from ..analysis import (
    apply_diff,
    compare,
    diff,
    diff_view,
    health,
    health_view,
)
from ..client import ClientBlock
from ..errors import DesignValidationError, Problem
from ..i18n import LANGS, Phrase, both, check_lang, t
from ..model import Duty, OrgDesign, Requirement, Role
from ..pay.engine import payroll
from ..pay.kinds import PAY_KINDS
from ..scenario import filled_note
from ..tables import CHAIN_COLUMNS, chain_months
from . import json_data
from .atomic import atomic_write
from .excel_cover import heading, write_cover
from .excel_coverage import write_coverage
from .excel_layout import (
    FONT,
    LINE_HEIGHT,
    NUMBER_FORMATS,
    PAGE_WIDTH,
    ROW_PADDING,
    TALLEST_ROW,
    Styles,
    append_rows,
    body_font,
    display_width,
    fit_columns,
    fit_rows,
    grey,
    header_text,
    heading_case,
    number_kind,
    print_setup,
    set_number,
    style_header,
    total_width,
    wrapped_lines,
)
from .excel_names import sheet_title
from .excel_save import save
from .excel_staffing import write_peak, write_staffing
from .picture import chart_page_pngs, chart_png
from .yaml_io import design_from_dict, design_to_dict, gc_paused, load_yaml

__all__ = ["write_excel", "read_excel", "export_excel", "SHEETS", "ROLE_COLUMNS", "DATA_SHEET", "MONEY_FORMAT",
           "LIMITS", "DataSheetEdited"]

#: The sheet names in each language (a view on the catalogue's ``sheet.*`` words).
SHEETS = {k: both(f"sheet.{k}") for k in ("cover", "roles", "payroll", "staffing", "peak", "headcount", "coverage", "kpi",
                                         "chart", "compare", "diff", "findings")}
#: The role table's columns in each language, in sheet order: the role's id last (grey,
#: the key that reads an edited table back). 薪酬规则 is the pay the rules give (not read back).
ROLE_COLUMNS = {k: both(f"xlsx.{k}" if k == "pay_rules" else f"col.{k}")
                for k in ("name", "department", "reports_to", "headcount", "pay_rules", "duties", "requirements", "id")}
#: Columns read back from a role table (located by their headers, in any order); the
#: source's pay texts only where a workbook of an earlier layout has them.
_READ = ("name", "department", "reports_to", "headcount", "duties", "requirements", "id")
_READ_IF_THERE = {k: both(f"col.{k}") for k in ("pay_structure", "pay_method")}
DATA_SHEET = "_shoporg"
#: The payroll detail's format (yuan to the fen); every format: :data:`.excel_layout.NUMBER_FORMATS`.
MONEY_FORMAT = NUMBER_FORMATS["yuan_cents"]
_CHUNK = 30_000
_CELL_MAX = 32_000
_NO_REQUIREMENTS = set(both("xlsx.no_requirements").values())


# -- small helpers -------------------------------------------------------------------

def _w(key: str, lang: str, **fields) -> str:
    return t(f"xlsx.{key}", lang, **fields)


def _display_width(text: Any) -> int:
    """Columns a text needs: CJK (wide) characters count double.

    >>> _display_width("岗位 ab")
    7
    """
    return display_width(text)


def _numbered(texts: list[str]) -> str:
    """Numbered lines, clipped to what an Excel cell holds (32,767 chars; the hidden sheet keeps all)."""
    text = "\n".join(f"{i}. {t}" for i, t in enumerate(texts, 1))
    return text if len(text) <= _CELL_MAX else text[:_CELL_MAX - 1] + "…"


def _unnumbered(cell: Any) -> list[str]:
    """The lines of a numbered cell, without their numbers; blank lines dropped; the grey
    note a role without requirements shows reads as no line.

    >>> _unnumbered("1. 接待客户\\n\\n2、 处理售后"), _unnumbered(t("xlsx.no_requirements", "en"))
    (['接待客户', '处理售后'], [])
    """
    text = str(cell if cell is not None else "").replace("\r\n", "\n")
    if text.strip() in _NO_REQUIREMENTS:
        return []
    lines = text.split("\n")
    return [re.sub(r"^\s*\d+\s*[.、．)）]\s*", "", ln).strip() for ln in lines if ln.strip()]


def _text(value, lang: str) -> str:
    return value.get(lang) if value is not None else ""


# -- writing the sheets --------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@")


def _as_text(ws, formulas: frozenset[str] = frozenset()) -> None:
    """Make every text cell of ``ws`` a text, never a formula (but the ``formulas`` we wrote).

    openpyxl reads a string starting with ``=`` as a formula (and ``#N/A`` as an error), so
    a role named ``=HYPERLINK(...)`` would become a live one; the cell type is set back to
    text. Cells starting with ``= + - @`` also get Excel's quote prefix (the hidden ``'``),
    so Excel and LibreOffice show them as typed and keep them text when edited.

    >>> from openpyxl import Workbook
    >>> ws = Workbook().active
    >>> ws.append(["=1+1", 3, "店长"])
    >>> _as_text(ws)
    >>> [(c.value, c.data_type, c.quotePrefix) for c in ws[1]]
    [('=1+1', 's', True), (3, 'n', False), ('店长', 's', False)]
    """
    for cell in list(ws._cells.values()):  # the cells there are (a merged range's are no text)
        value = cell._value
        if isinstance(value, str) and not (value[:1] == "=" and cell.coordinate in formulas):
            cell.data_type = "s"
            if value.startswith(_FORMULA_START):
                cell.quotePrefix = True


def _like(first, cells, *fields: str) -> None:
    """Give ``cells`` the styles ``fields`` (``alignmentId``, ``numFmtId``, ``fontId`` ...)
    that ``first`` was given through openpyxl's own setters.

    A setter looks its style up in the workbook's list of styles (hashing it) for every
    cell; here the index it found for the first cell is copied to the others, so a sheet
    of a hundred thousand cells shares one style entry at the cost of an assignment each.

    >>> from openpyxl import Workbook
    >>> from openpyxl.styles import Alignment
    >>> ws = Workbook().active
    >>> ws.append(["a", "b", "c"])
    >>> ws["A1"].alignment = Alignment(wrap_text=True)
    >>> _like(ws["A1"], ws[1][1:], "alignmentId")
    >>> [c.alignment.wrap_text for c in ws[1]]
    [True, True, True]
    """
    from openpyxl.styles.cell_style import (
        StyleArray,  # openpyxl: loaded when a workbook is written or read
    )

    slots = StyleArray.__dict__  # each field's place in a style array, set by index (no descriptor call a cell)
    values = [(slots[f].key, getattr(first._style, f)) for f in fields]
    fresh = StyleArray()  # a cell not styled yet has no style array of its own
    for i, v in values:
        fresh[i] = v
    for cell in cells:
        style = cell._style
        if style is None:
            cell._style = StyleArray(fresh)
            continue
        for i, v in values:
            style[i] = v


class _Book:
    """What every sheet shares: the language, the running header and the sheet names taken."""

    def __init__(self, wb, lang: str, block: ClientBlock):
        self.wb, self.lang, self.block = wb, lang, block
        self.header = heading(block, lang)
        self.taken: set[str] = set()
        self.sheets: dict[str, list[str]] = {}  # option name -> its sheets, for the cover
        self._runs: dict[int, Any] = {}  # id(design) -> its payroll: run once for every sheet

    def payroll(self, design, scenario, supply=None):
        """``design``'s payroll under the export's ``scenario`` (run once a workbook)."""
        if id(design) not in self._runs:
            self._runs[id(design)] = (design, payroll(design, scenario, supply=supply))  # the design kept alive
        return self._runs[id(design)][1]

    def sheet(self, kind: str, option=None):
        """A new sheet of ``kind`` (``roles``...), named with ``option``'s name when given."""
        name = option.name.get(self.lang) if option is not None else None
        title = sheet_title(SHEETS[kind][self.lang], name, self.taken)
        ws = self.wb.create_sheet(title)
        ws._shoporg_option = name  # the right-hand page header
        return ws

    @staticmethod
    def _body(ws) -> None:
        """The body font, wrapped and top-aligned, on every cell below the header (bold and
        coloured cells keep their font)."""
        from openpyxl.styles import Alignment  # openpyxl: loaded when a workbook is written or read

        cells, fonts = ws._cells, ws.parent._fonts
        first = ws.cell(2, 1) if ws.max_row >= 2 else None
        if first is None:
            return
        first.font = body_font()
        first.alignment = Alignment(wrap_text=True, vertical="top")
        plain, styled = [], []
        rows, columns = range(2, ws.max_row + 1), range(1, ws.max_column + 1)
        for r in rows:  # every cell of the table, made where there is none yet
            for c in columns:
                cell = cells.get((r, c)) or ws.cell(r, c)
                if cell is first:
                    continue
                style = cell._style
                font = fonts[style[0]] if style is not None and any(style) else None  # 0: the font's id
                if font is not None and (font.b or font.color is not None):
                    styled.append(cell)
                else:
                    plain.append(cell)
        _like(first, plain, "fontId", "alignmentId")  # one style entry shared by every cell
        _like(first, styled, "alignmentId")

    def own(self, design, ws) -> None:
        self.sheets.setdefault(design.name.get(self.lang), []).append(ws.title)

    def finish(self, ws, caps: dict[int, int] | None = None, freeze: str | None = "A2", *, numbers: bool = True,
               fit_width: bool = True, title_rows: str | None = "1:1", body: bool = True, rows: bool = True,
               centre: bool = True) -> None:
        """Body font and wrapping, header row, widths, heights, print set-up; ``centre``: small
        counts centred in their column."""
        from openpyxl.styles import Alignment  # openpyxl: loaded when a workbook is written or read

        if body:
            self._body(ws)
            style_header(ws)
        counts = [c for (r, _), c in ws._cells.items() if r >= 2 and _is_count(c)] if centre else []
        if counts:  # small counts centred: they never run into the text beside them
            counts[0].alignment = Alignment(horizontal="center", vertical="top")
            _like(counts[0], counts[1:], "alignmentId")
        if numbers:
            fit_columns(ws, caps)
        if rows:
            fit_rows(ws)
        if freeze:
            ws.freeze_panes = freeze
        page_wide = total_width(ws) > PAGE_WIDTH["portrait"]
        option = getattr(ws, "_shoporg_option", None)
        print_setup(ws, header=self.header, footer=_w("page_footer", self.lang), landscape=page_wide or not fit_width,
                    title_rows=title_rows, fit_width=fit_width)
        if option:
            ws.oddHeader.right.text = f'&"{FONT}"&9 ' + header_text(option)


def _is_count(cell) -> bool:
    """A number written as it is (headcounts, counts of roles): General format."""
    value, style = cell._value, cell._style
    return isinstance(value, (int, float)) and not isinstance(value, bool) and \
        (style is None or style[3] == 0)  # the number format's id (3), General: built-in format 0


def _pay_rules(role, lang: str) -> tuple[str, bool]:
    """The pay a role's rules give, in words, a component a line; without rules the source's
    pay text, or a note (True: the cell is a grey note)."""
    if role.pay:  # one component a line (pay_summary's words): a line breaks between components
        return "\n".join(PAY_KINDS[c.kind].text(c, lang) for c in role.pay), False
    source = "\n".join(x for x in (_text(role.pay_structure, lang), _text(role.pay_method, lang)) if x)
    return (source, False) if source else (_w("no_pay_rules", lang), True)


def _role_rows(design, lang: str, pay: bool = True) -> list[dict[str, Any]]:
    """The role table's rows, keyed like ``ROLE_COLUMNS`` (plus the source's pay texts,
    which a workbook of an earlier layout shows and read-back compares); ``pay=False``:
    without the pay the rules give (never read back)."""
    names = {r.id: r.name.get(lang) for r in design.roles}
    rows = []
    for r in design.roles:
        dep = design.department(r.department)
        hc = r.headcount
        rows.append({"name": r.name.get(lang), "department": dep.name.get(lang) if dep else (r.department or ""),
                     "reports_to": names.get(r.reports_to, "") if r.reports_to else "",
                     "headcount": int(hc) if hc == hc.to_integral_value() else float(hc),
                     "pay_rules": _pay_rules(r, lang)[0] if pay else None,
                     "duties": _numbered([d.text(lang) for d in r.duties]),
                     "requirements": _numbered([q.text(lang) for q in r.requirements]),
                     "id": r.id, "pay_structure": _text(r.pay_structure, lang), "pay_method": _text(r.pay_method, lang)})
    return rows


_ROLE_CAPS = {"name": 12, "department": 12, "reports_to": 12, "pay_rules": 26, "duties": 46, "requirements": 16,
              "id": 14}




def _duties_width(texts: list[str]) -> int:
    """The duties column's width: 46 units, wider (up to 100) while a role's duties (their
    cells' ``texts``) would need a row taller than Excel has (:data:`.excel_layout.TALLEST_ROW`)."""
    width = _ROLE_CAPS["duties"]
    while width < 100 and any(wrapped_lines(x, width + 2) * LINE_HEIGHT + ROW_PADDING > TALLEST_ROW
                                 for x in texts):
        width += 6
    return width


def _write_roles(book: _Book, design, option=None) -> None:
    lang = book.lang
    ws = book.sheet("roles", option)
    book.own(design, ws)
    keys = list(ROLE_COLUMNS)
    ws.append([ROLE_COLUMNS[k][lang] for k in keys])
    notes, table, rows = [], [], _role_rows(design, lang)
    for i, (r, row) in enumerate(zip(design.roles, rows), 2):  # i: the row written
        values = [row[k] for k in keys]
        if not r.requirements:
            values[keys.index("requirements")] = _w("no_requirements", lang)
            notes.append((i, keys.index("requirements") + 1))
        if not r.pay and not (row["pay_structure"] or row["pay_method"]):  # the cell is _pay_rules' grey note
            notes.append((i, keys.index("pay_rules") + 1))
        table.append(values)
    append_rows(ws, table)
    caps = {keys.index(k) + 1: w for k, w in _ROLE_CAPS.items()}
    caps[keys.index("duties") + 1] = _duties_width([row["duties"] for row in rows])
    book.finish(ws, caps, freeze="B2")
    styles = Styles(book.wb)
    for r, c in notes:
        styles.give(ws.cell(r, c), font=styles.font(colour="808080", italic=True))  # as grey(cell, italic=True)
    idc = keys.index("id") + 1
    for row in ws.iter_rows(min_row=1, min_col=idc, max_col=idc):
        styles.give(row[0], font=styles.font(colour="808080"))  # as grey(cell)
    from openpyxl.utils import get_column_letter  # openpyxl: loaded when a workbook is written or read

    ws.print_area = f"A1:{get_column_letter(idc - 1)}{ws.max_row}"  # the ids read a table back: not printed
    set_number([row[0] for row in ws.iter_rows(min_row=2, min_col=keys.index("headcount") + 1,
                                               max_col=keys.index("headcount") + 1)], "headcount")


def _write_payroll(book: _Book, design, scenario, option=None, supply=None) -> None:
    """Role × month, accrued and paid rows per role, then one total row per view (to the fen)."""
    lang = book.lang
    pr = book.payroll(design, scenario, supply)
    months = list(scenario.months)
    ws = book.sheet("payroll", option)
    book.own(design, ws)
    ws.append([ROLE_COLUMNS["name"][lang], _w("view", lang)] + [fmt.month(m, lang) for m in months]
              + [_w("total", lang)])
    fen = pr.lines.groupby(["role", "month"], sort=False)[["accrued_fen", "paid_fen"]].sum()
    ids = [r.id for r in design.roles]
    grid = {view: fen[f"{view}_fen"].unstack("month", fill_value=0).reindex(index=ids, columns=months, fill_value=0)
            .to_numpy(dtype="int64").tolist() for view in ("accrued", "paid")}  # role × month, fen
    views = [(view, heading_case(_w(view, lang))) for view in ("accrued", "paid")]
    append_rows(ws, ([r.name.get(lang), label] + [v / 100 for v in grid[view][i]] + [sum(grid[view][i]) / 100]
                     for i, r in enumerate(design.roles) for view, label in views))
    by_month = pr.lines.groupby("month", sort=False)[["accrued_fen", "paid_fen"]].sum()
    first_total = ws.max_row + 1
    for view in ("accrued", "paid"):
        vals = [int(by_month[f"{view}_fen"].get(m, 0)) for m in months]
        ws.append([heading_case(_w("total", lang)), heading_case(_w(view, lang))] + [v / 100 for v in vals]
                  + [int(pr.lines[f"{view}_fen"].sum()) / 100])
    m = chain_months(pr)
    if m is not None:  # a city's terms: the chain from gross pay to net pay, month by month
        for col, head in CHAIN_COLUMNS:
            vals = [round(float(m.loc[mo, col]), 2) if mo in m.index else 0.0 for mo in months]
            ws.append([heading_case(_w("total", lang)), heading_case(t(f"col.{head}", lang))] + vals
                      + [round(sum(vals), 2)])
    last_total = ws.max_row
    money = [c for row in ws.iter_rows(min_row=2, min_col=3) for c in row if isinstance(c.value, (int, float))]
    if money:
        money[0].number_format = NUMBER_FORMATS["yuan_cents"]
        _like(money[0], money[1:], "numFmtId")
    note = filled_note(pr.filled, design, lang)
    note_rows = []
    if note:  # per-person scenario data fitted to the design's headcount
        ws.append([])
        for line in note.splitlines():
            ws.append([line])
            note_rows.append(ws.max_row)
    for row in ws.iter_rows(min_row=first_total, max_row=last_total):
        for cell in row:
            cell.font = body_font(bold=True)
    for r in note_rows:
        grey(ws.cell(r, 1), italic=True)
        ws.cell(r, 1).value = ws.cell(r, 1).value  # keeps its text; measured as a note, not a name
    book.finish(ws, {1: 16}, freeze="C2")
    _unmeasured_notes(ws, note_rows, len(months) + 3)


def _unmeasured_notes(ws, rows: list[int], across: int) -> None:
    """Notes below a table run across its columns (merged, not widening the first)."""
    from openpyxl.styles import Alignment  # openpyxl: loaded when a workbook is written or read

    if not rows:
        return
    width = total_width(ws)
    for r in rows:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=across)
        ws.cell(r, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = wrapped_lines(ws.cell(r, 1).value, width) * LINE_HEIGHT + ROW_PADDING


def _write_staffing(book: _Book, design, scenario, norms, option=None, supply=None) -> None:
    ws = book.sheet("staffing", option)
    book.own(design, ws)
    write_staffing(ws, design, scenario, norms, book.lang)
    book.finish(ws, freeze="B2", numbers=False, body=False, rows=False)
    peak = book.sheet("peak", option)
    if write_peak(peak, design, scenario, norms, book.lang, supply=supply):
        book.own(design, peak)
        book.finish(peak, freeze="B2", numbers=False, body=False, rows=False)
    else:
        book.wb.remove(peak)
        book.taken.discard(peak.title)


def _write_headcount(book: _Book, design) -> None:
    lang = book.lang
    ws = book.sheet("headcount")
    book.own(design, ws)
    ws.append([ROLE_COLUMNS["department"][lang], _w("roles", lang), ROLE_COLUMNS["headcount"][lang],
               _w("vacancies", lang)])
    groups: dict[str | None, list] = {}
    for r in design.roles:
        groups.setdefault(r.department, []).append(r)
    for dep_id, roles in groups.items():
        dep = design.department(dep_id)
        name = dep.name.get(lang) if dep else (dep_id or _w("none", lang))
        ws.append([name, len(roles), _people(sum(r.headcount for r in roles)), sum(r.vacancies for r in roles)])
    ws.append([heading_case(_w("total", lang)), len(design.roles), _people(design.headcount),
               sum(r.vacancies for r in design.roles)])
    for cell in ws[ws.max_row]:
        cell.font = body_font(bold=True)
    for row in ws.iter_rows(min_row=2):
        set_number(row[1:2] + row[3:4], "count")
        set_number(row[2:3], "headcount")
    book.finish(ws)


def _people(x) -> int | float:
    x = Decimal(str(x))
    return int(x) if x == x.to_integral_value() else float(x)


def _write_coverage(book: _Book, design) -> None:
    ws = book.sheet("coverage")
    book.own(design, ws)
    split = write_coverage(ws, design, book.lang)
    book.finish(ws, freeze="B2", numbers=False, fit_width=not split, body=False, rows=False)


def _write_kpi(book: _Book, design) -> None:
    """One row per duty: weight from the design, a score to fill in, the weighted score as a formula."""
    lang = book.lang
    ws = book.sheet("kpi")
    book.own(design, ws)
    ws.append([ROLE_COLUMNS["name"][lang], _w("group", lang), ROLE_COLUMNS["duties"][lang], _w("weight", lang),
               _w("score", lang), _w("weighted", lang)])
    weighted = [r for r in design.roles if any(d.weight is not None for d in r.duties)]
    row, table = 1, []  # the row last written (``ws.max_row`` would look at every cell each time)
    for r in weighted or [r for r in design.roles if r.duties]:
        for d in r.duties:
            row += 1
            table.append([r.name.get(lang), d.group.get(lang) if d.group else "", d.text(lang),
                          float(d.weight) if d.weight is not None else None, None,
                          f"=IF(E{row}=\"\",\"\",D{row}*E{row}/100)"])
    append_rows(ws, table)
    ws.append([])
    ws.append([_w("kpi_note", lang)])
    note = ws.max_row
    _as_text(ws, frozenset(f"F{i}" for i in range(2, row + 1)))  # the weighted score: ours
    book.finish(ws, {1: 16, 2: 16, 3: 56, 4: 10, 5: 10, 6: 10})
    grey(ws.cell(note, 1), italic=True)
    _unmeasured_notes(ws, [note], 6)


#: The room for a chart page's picture on a landscape A4 page (inches; a little narrower than
#: the margins, as LibreOffice prints whole columns) and the rows one page takes. Pages are
#: drawn with text of at least 11 pt on a whole A4 page (11.69 × 8.27 in); the picture,
#: cropped to what is drawn, is scaled to the room, so never below 6.1 / 8.27 = 73.8%: printed,
#: no text is under 8 pt.
_CHART_ROOM = (9.5, 6.1)
_CHART_ROWS = 31
_CHART_MIN_PT = 11.0
_CHART_DPI = 110
#: Up to this many roles the chart is drawn page by page (a hundred roles: about ten pages);
#: a larger design gets the whole chart as one picture and a pointer to the chart's PDF.
_CHART_PAGED_ROLES = 150


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG in pixels (from its header).

    >>> _png_size(bytes(16) + (640).to_bytes(4, "big") + (480).to_bytes(4, "big"))
    (640, 480)
    """
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


_CHART_OVERVIEW_PX = 6000  # the longer side of a large design's whole chart, in pixels


def _write_chart(book: _Book, design, option=None) -> None:
    """The org chart, one picture per A4 page (:func:`.picture.chart_page_pngs`), a page break between."""
    from openpyxl.drawing.image import (
        Image,  # openpyxl: loaded when a workbook is written or read
    )
    from openpyxl.worksheet.pagebreak import Break

    ws = book.sheet("chart", option)
    book.own(design, ws)
    if len(design.roles) > _CHART_PAGED_ROLES:  # the whole chart on one picture; its pages: the chart's own PDF
        # an overview of the whole chart (its readable pages: the chart's own PDF), kept to a size
        # a spreadsheet opens without strain
        ws.add_image(Image(_io.BytesIO(chart_png(design, book.lang, dpi=110, max_side=_CHART_OVERVIEW_PX))), "A3")
        ws["A1"] = _w("chart_large", book.lang, roles=len(design.roles))
        grey(ws["A1"], italic=True)
        print_setup(ws, header=book.header, footer=_w("page_footer", book.lang), title_rows=None)
        return
    for i, png in enumerate(chart_page_pngs(design, book.lang, dpi=_CHART_DPI, min_pt=_CHART_MIN_PT, crop=True)):
        w, h = (x / _CHART_DPI for x in _png_size(png))  # inches at the size it was drawn
        scale = min(_CHART_ROOM[0] / w, _CHART_ROOM[1] / h, 1.3)
        image = Image(_io.BytesIO(png))
        image.width, image.height = round(w * scale * 96), round(h * scale * 96)  # openpyxl: 96 pixels an inch
        ws.add_image(image, f"A{1 + i * _CHART_ROWS}")
        if i:
            ws.row_breaks.append(Break(id=i * _CHART_ROWS))
    print_setup(ws, header=book.header, footer=_w("page_footer", book.lang), title_rows=None, fit_width=False)
    if getattr(ws, "_shoporg_option", None):
        ws.oddHeader.right.text = f'&"{FONT}"&9 ' + header_text(ws._shoporg_option)


def _write_compare(book: _Book, designs, scenario, supply=None) -> None:
    lang = book.lang
    if len(designs) <= 4:
        table = compare(designs, scenario, lang=lang, supply=supply)
        ws = book.sheet("compare")
        ws.append([_w("metric", lang)] + [str(c) for c in table.columns[1:]])
        for key, row in table.iterrows():
            ws.append([heading_case(row.iloc[0])] + [None if v != v else round(float(v), 6) for v in row.iloc[1:]])
            set_number(ws[ws.max_row][1:], number_kind(key))
        book.finish(ws, {1: 24}, freeze="B2", centre=False)  # a column of counts and amounts: right-aligned
    ws = book.sheet("diff")
    ws.append([_w("design", lang), _w("action", lang), ROLE_COLUMNS["name"][lang], _w("changes", lang)])
    for other in designs[1:]:
        view = diff_view(diff(designs[0], other), lang, designs=(designs[0], other))
        view = view.drop(columns=view.columns[1])  # the role ids: names are what a reader reads
        rows = view.values.tolist()
        for row in rows:
            ws.append([other.name.get(lang)] + row)
        if not rows:
            ws.append([other.name.get(lang), _w("no_changes", lang)])
    book.finish(ws, {1: 20, 3: 18, 4: 70})


def _write_findings(book: _Book, designs, scenario, supply=None) -> None:
    """Each option's health and compliance findings (below the minimum wage, overtime over
    the caps...), with the rule and its source; no sheet when there are none."""
    lang = book.lang
    rows = []
    for d in designs:
        h = health(d, scenario=scenario, supply=supply, lang=lang)
        if h.empty:
            continue
        words = health_view(h, d, lang)
        for (_, raw), shown in zip(h.iterrows(), words.values.tolist()):
            rule = raw.get("rule") if "rule" in h.columns else None
            source = raw.get("source") if "source" in h.columns else None
            rows.append([d.name.get(lang), *shown, rule if isinstance(rule, str) else "",
                         source if isinstance(source, str) else ""])
    if not rows:
        return
    ws = book.sheet("findings")
    header = [_w("design", lang), *[t(f"col.health_{c}", lang) for c in ("check", "severity", "role", "message",
                                                                         "rule", "source")]]
    keep = [j for j in range(len(header)) if j < 5 or any(r[j] for r in rows)]  # no empty rule or source column
    ws.append([header[j] for j in keep])
    for row in rows:
        ws.append([row[j] for j in keep])
    book.finish(ws, {1: 20, 2: 16, 4: 16, 5: 50, 6: 36, 7: 36})


def _digest(text: str) -> str:
    """The digest the hidden sheet keeps of its text (B1), so a hand edit is told apart.

    >>> _digest("schema: shoporg/design-v1")[:15]
    'sha256:0f5b49fa'
    """
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_data(wb, design) -> None:
    """The hidden ``_shoporg`` sheet: the design's data as JSON (:mod:`.json_data`) in cells
    of at most 30,000 chars."""
    text = json_data.dumps(design_to_dict(design))
    ws = wb.create_sheet(DATA_SHEET)
    ws.cell(row=1, column=2, value=_digest(text))
    for i in range(0, len(text), _CHUNK):
        ws.cell(row=i // _CHUNK + 1, column=1, value=text[i:i + _CHUNK])
    ws.sheet_state = "hidden"


def _atomic_save(wb, path: Path, overwrite: bool) -> Path:
    """Save to a temporary file beside ``path``, then move it into place (never clobbering).

    Every text cell is written as text first (:func:`_as_text`; the KPI sheet did its own,
    keeping the formulas it writes).
    """
    _texts(wb)
    return atomic_write(path, lambda tmp: save(wb, tmp), overwrite=overwrite)


def _texts(wb) -> None:
    """Every text cell of every sheet as text (the KPI sheet did its own: its formulas kept)."""
    for ws in wb.worksheets:
        if not ws.title.startswith(tuple(SHEETS["kpi"].values())):
            _as_text(ws)


def _default_font(wb) -> None:
    """The workbook's own font (the Normal style: empty cells, and the unit of column widths)."""
    wb._fonts = type(wb._fonts)([body_font()])  # font 0, the one of every unstyled cell
    wb._named_styles["Normal"].font = body_font()  # after: the Normal style finds font 0


def write_excel(design_or_designs, path, scenario=None, lang: str = "zh", overwrite: bool = False, client=None,
                supply=None, norms=None) -> Path:
    """Write a design (or a list of designs, the first the baseline) to an .xlsx workbook.

    A cover (client, project, the options with their people, layers and annual cost)
    comes first; then the baseline's sheets (role table, with a scenario its payroll and
    staffing, headcount, coverage, KPI, org chart), with several designs the comparison and
    the differences, the findings, and each further option's role table, payroll, staffing
    and chart under sheet names that carry its name (``岗位职责表-方案B``). ``norms`` (a norms
    file) sizes the roles of the staffing sheet besides their own norms. :func:`read_excel`
    reads the first design back. Returns the path written; refuses to overwrite unless
    ``overwrite=True``.

    >>> import tempfile, pathlib
    >>> from shoporg import load_template
    >>> import openpyxl
    >>> p = write_excel(load_template("seed-14-basic-22"), pathlib.Path(tempfile.mkdtemp()) / "d.xlsx", lang="en")
    >>> openpyxl.load_workbook(p).sheetnames
    ['Cover', 'Roles', 'Headcount', 'Coverage', 'KPI', 'Org chart', '_shoporg']
    """
    with gc_paused():  # a thousand roles make hundreds of thousands of cells: walked once, after the save
        wb = _workbook(design_or_designs, scenario, lang, client, supply, norms)
        return _atomic_save(wb, Path(path), overwrite)


def _workbook(design_or_designs, scenario=None, lang: str = "zh", client=None, supply=None, norms=None):
    """The workbook :func:`write_excel` saves (an openpyxl ``Workbook``)."""
    from openpyxl import Workbook  # openpyxl: loaded when a workbook is written or read

    check_lang(lang)
    designs = list(design_or_designs) if isinstance(design_or_designs, (list, tuple)) else [design_or_designs]
    if not designs:
        raise ValueError(Phrase("err.no_designs"))
    block = ClientBlock.of(client, designs[0])
    wb = Workbook()
    _default_font(wb)
    wb.remove(wb.active)
    book = _Book(wb, lang, block)
    cover = book.sheet("cover")
    base = designs[0]
    _write_roles(book, base)
    if scenario is not None:
        _write_payroll(book, base, scenario, supply=supply)
        _write_staffing(book, base, scenario, norms, supply=supply)
    _write_headcount(book, base)
    _write_coverage(book, base)
    _write_kpi(book, base)
    _write_chart(book, base)
    if len(designs) > 1:
        _write_compare(book, designs, scenario, supply=supply)
    _write_findings(book, designs, scenario, supply=supply)
    for other in designs[1:]:  # every further option: its own tables, named with its name
        _write_roles(book, other, other)
        if scenario is not None:
            _write_payroll(book, other, scenario, other, supply=supply)
            _write_staffing(book, other, scenario, norms, other, supply=supply)
        _write_chart(book, other, other)
    write_cover(cover, designs, scenario, block, lang, book.sheets, supply=supply,
                pay=lambda d: book.payroll(d, scenario, supply))
    print_setup(cover, header=book.header, footer=_w("page_footer", lang), landscape=True, title_rows=None)
    _write_data(wb, designs[0])
    return wb


export_excel = write_excel  # the earlier name


# -- reading back --------------------------------------------------------------------

#: What an imported workbook may hold. A role table of thousands of roles, with its chart,
#: is far below each; a few hundred kilobytes of zip can unpack to gigabytes of cells.
LIMITS = {
    "part_bytes": 32 * 2**20,   # one part of the .xlsx (a sheet, the shared strings, a picture), unpacked
    "book_bytes": 128 * 2**20,  # all parts together, unpacked
    "parts": 1_000,             # parts in the zip
    "rows": 50_000,             # rows of the role table
    "cells": 1_000_000,         # cells of the role table (its rows times their width)
}


class DataSheetEdited(UserWarning):
    """The hidden ``_shoporg`` sheet does not match its digest: it was edited by hand.
    ``phrase`` words it in every language."""

    def __init__(self, phrase: Phrase):
        self.phrase = phrase
        super().__init__(str(phrase))


def _fail(location: str, message, path: Path) -> DesignValidationError:
    return DesignValidationError([Problem(location, message, file=str(path))])


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f}"


def _check_parts(path: Path) -> None:
    """Refuse a workbook whose parts unpack past :data:`LIMITS`, before openpyxl opens it
    (the sizes are the zip's own; :mod:`zipfile` unpacks no more than a part declares)."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError) as e:
        raise _fail("", Phrase("err.xlsx_damaged", detail=f"{type(e).__name__}: {e}"), path) from None
    if len(infos) > LIMITS["parts"]:
        raise _fail("", Phrase("err.xlsx_parts", n=len(infos), most=LIMITS["parts"]), path)
    for info in infos:
        if info.file_size > LIMITS["part_bytes"]:
            raise _fail(info.filename, Phrase("err.xlsx_part_size", size=_mb(info.file_size),
                                              most=_mb(LIMITS["part_bytes"])), path)
    total = sum(i.file_size for i in infos)
    if total > LIMITS["book_bytes"]:
        raise _fail("", Phrase("err.xlsx_book_size", size=_mb(total), most=_mb(LIMITS["book_bytes"])), path)


def _open(path: Path):
    """The workbook (read-only: sheets are read row by row, when asked for), or a located
    error for a missing file, one that is not .xlsx, or one past :data:`LIMITS`."""
    from openpyxl import (
        load_workbook,  # openpyxl: loaded when a workbook is written or read
    )

    if not path.is_file():
        raise _fail("", Phrase("err.xlsx_missing"), path)
    if not zipfile.is_zipfile(path):
        raise _fail("", Phrase("err.not_xlsx"), path)
    _check_parts(path)
    try:
        return load_workbook(path, read_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged workbook
        raise _fail("", Phrase("err.xlsx_damaged", detail=f"{type(e).__name__}: {e}"), path) from None


def _rows(ws, path: Path, max_col: int | None = None) -> list[tuple]:
    """A sheet's values row by row (streamed, whatever its stated size), refused past the
    rows and cells :data:`LIMITS` allows."""
    ws.reset_dimensions()  # the <dimension> a file states may be wrong: read what is there
    rows, cells = [], 0
    try:
        for values in ws.iter_rows(max_col=max_col, values_only=True):
            rows.append(values)
            cells += len(values)
            if len(rows) > LIMITS["rows"]:
                raise _fail(ws.title, Phrase("err.xlsx_rows", sheet=repr(ws.title), most=LIMITS["rows"]), path)
            if cells > LIMITS["cells"]:
                raise _fail(f"{ws.title}!{len(rows)}", Phrase("err.xlsx_cells", sheet=repr(ws.title),
                                                              most=LIMITS["cells"]), path)
    except DesignValidationError:
        raise
    except Exception as e:  # a damaged sheet
        raise _fail(ws.title, Phrase("err.xlsx_damaged", detail=f"{type(e).__name__}: {e}"), path) from None
    return rows


def _base_design(wb, path: Path):
    """The design the hidden sheet holds, and whether that sheet was edited by hand (its
    text no longer matches the digest in B1; a workbook written before digests has none)."""
    if DATA_SHEET not in wb.sheetnames:
        raise _fail(DATA_SHEET, Phrase("err.xlsx_no_data", sheet=repr(DATA_SHEET)), path)
    rows = _rows(wb[DATA_SHEET], path, max_col=2)
    text = "".join(str(r[0]) for r in rows if r and r[0] is not None)
    digest = rows[0][1] if rows and len(rows[0]) > 1 else None
    edited = digest is not None and str(digest).strip() != _digest(text)
    where = f"{path}!{DATA_SHEET}"
    # JSON since it is written so; YAML in the workbooks written before
    data = json_data.loads(text, where) if json_data.looks_like_json(text) else load_yaml(where, text)
    return design_from_dict(data, file=where), edited


def _role_sheet(wb, path: Path):
    """The role table sheet and its language."""
    for lang in ("zh", "en"):
        if SHEETS["roles"][lang] in wb.sheetnames:
            return wb[SHEETS["roles"][lang]], lang
    raise _fail("", Phrase("err.xlsx_no_roles", zh=repr(SHEETS['roles']['zh']), en=repr(SHEETS['roles']['en'])), path)


def _header(ws, grid: list[tuple], lang: str, path: Path) -> dict[str, int]:
    """Column key -> 1-based column index, found by header (any order, either language);
    every column read back must be there, the source's pay texts only where they are."""
    from openpyxl.utils import (
        get_column_letter,  # openpyxl: loaded when a workbook is written or read
    )

    seen = {re.sub(r"\s*\n\s*", " ", str(v)).strip().casefold(): i  # a header may wrap on its own lines
            for i, v in enumerate(grid[0] if grid else (), 1) if v is not None}
    cols, problems = {}, []
    for key in _READ:
        label = ROLE_COLUMNS[key]
        col = next((seen[label[x].casefold()] for x in (lang, *LANGS) if label[x].casefold() in seen), None)
        if col is None:
            where = get_column_letter(len(seen) + 1) + "1"
            problems.append(Problem(f"{ws.title}!{where} ({label[lang]})",
                                    Phrase("err.xlsx_column", column=repr(label[lang]),
                                           columns=", ".join(ROLE_COLUMNS[c][lang] for c in _READ)),
                                    file=str(path)))
        cols[key] = col
    for key, label in _READ_IF_THERE.items():
        col = next((seen[label[x].casefold()] for x in (lang, *LANGS) if label[x].casefold() in seen), None)
        if col is not None:
            cols[key] = col
    if problems:
        raise DesignValidationError(problems)
    return cols


_MERGED = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"')


def _check_merged(wb, ws, path: Path) -> None:
    """Refuse merged cells in the role table (a read-only sheet does not list them: they are
    read from the sheet's XML, whose size :func:`_check_parts` bounds)."""
    data = wb._archive.read(ws._worksheet_path)  # the read-only sheet's own part of the zip
    ranges = [r.decode("ascii", "replace") for r in _MERGED.findall(data)] if b"mergeCell" in data else []
    if ranges:
        raise DesignValidationError([Problem(f"{ws.title}!{r}", Phrase("err.xlsx_merged"), file=str(path))
                                     for r in ranges])


class _Cell:
    """A located cell of the role table: ``loc`` reads like ``岗位职责表!E7 (人数)``."""

    __slots__ = ("value", "_where")

    def __init__(self, title: str, grid: list[tuple], row: int, col: int, label: str):
        values = grid[row - 1]
        self.value = values[col - 1] if col <= len(values) else None
        self._where = (title, row, col, label)

    @property
    def loc(self) -> str:
        """Where the cell is, said when it is wrong (so worded only then)."""
        from openpyxl.utils import (
            get_column_letter,  # openpyxl: loaded when a workbook is written or read
        )

        title, row, col, label = self._where
        return f"{title}!{get_column_letter(col)}{row} ({label})"

    @property
    def text(self) -> str:
        return "" if self.value is None else str(self.value).strip()


def _table(ws, grid: list[tuple], cols: dict[str, int], lang: str) -> list[tuple[int, dict[str, _Cell]]]:
    """The non-empty rows of the role table as (row number, {column key: cell})."""
    out = []
    for row in range(2, len(grid) + 1):
        cells = {k: _Cell(ws.title, grid, row, c, (ROLE_COLUMNS.get(k) or _READ_IF_THERE[k])[lang])
                 for k, c in cols.items()}
        if any(c.text for c in cells.values()):
            out.append((row, cells))
    return out


def _headcount(cell: _Cell, problems: list[Problem]) -> Decimal | None:
    try:
        d = to_decimal(cell.value, places=2)
        if d > 100_000:
            raise ValueError
        return d
    except (ValueError, TypeError, ArithmeticError):  # ArithmeticError: decimal's, for 1e30 and the like
        problems.append(Problem(cell.loc, Phrase("err.xlsx_headcount", got=repr(cell.value))))
        return None


def _lookup(text: str, options: dict[str, str]) -> str | None:
    """The id ``text`` names: an id itself or a display name."""
    if text in options.values():
        return text
    return options.get(text)


def _duties(role, lines: list[str], lang: str):
    """The role's duties after editing the cell: unchanged lines keep their duty."""
    old = list(role.duties) if role is not None else []
    if [d.text(lang) for d in old] == lines:
        return tuple(old)
    out = []
    for i, line in enumerate(lines):
        same = next((d for d in old if d.text(lang) == line), None)
        if same is not None:
            out.append(same)
            continue
        near = old[i] if i < len(old) else (old[-1] if old else None)
        area = near.area if near is not None else "other.general"
        texts = {"zh": line} if near is None else {"zh": near.zh if i < len(old) else line, lang: line}
        out.append(Duty(area=area, **texts))
    return tuple(out)


def _requirements(role, lines: list[str], lang: str):
    """The role's requirements after editing the cell: unchanged lines keep their kind;
    a new line is of kind ``other``."""
    old = list(role.requirements) if role is not None else []
    out = []
    for line in lines:
        same = next((q for q in old if q.text(lang) == line), None)
        out.append(same if same is not None else Requirement(kind="other", **{"zh": line, lang: line}))
    return tuple(out)


def _edited_text(old, text: str, lang: str):
    """A bilingual text field after editing its cell in ``lang`` (None when emptied)."""
    if not text:
        return None
    if old is None:
        return Text(zh=text)
    return Text(**{"zh": old.zh, "en": old.en, lang: text})


def _name(role, text: str, lang: str):
    if role is None:
        return Text(zh=text)
    return Text(**{"zh": role.name.zh, "en": role.name.en, lang: text})


def _row_changes(role, before: dict, cells: dict[str, _Cell], ids: dict, deps: dict, lang: str,
                 problems: list) -> dict:
    """The fields a row changes against ``role`` (``None`` for a new row); ``before`` its exported cells."""
    changes: dict[str, Any] = {}

    def edited(key: str) -> bool:
        return role is None or cells[key].text != str(before[key]).strip()

    for key in ("name", "duties", "requirements", "pay_structure", "pay_method"):
        if key not in cells:
            continue
        try:  # a control character or a direction override: said at its cell, not by the model unlocated
            check_text(cells[key].text)
        except ValueError as e:
            problems.append(Problem(cells[key].loc, e.args[0]))
            return changes

    if edited("name"):
        if not cells["name"].text:
            problems.append(Problem(cells["name"].loc, Phrase("err.xlsx_name")))
        else:
            changes["name"] = _name(role, cells["name"].text, lang)
    if edited("department") and (cells["department"].text or role is not None):
        dep = _lookup(cells["department"].text, deps) if cells["department"].text else None
        if cells["department"].text and dep is None:
            problems.append(Problem(cells["department"].loc, Phrase(
                "err.unknown_department", id=repr(cells['department'].text), hint="",
                ids=", ".join(deps) or Phrase("err.none_defined"))))
        changes["department"] = dep
    if edited("reports_to"):
        boss = _lookup(cells["reports_to"].text, ids) if cells["reports_to"].text else None
        if cells["reports_to"].text and boss is None:
            problems.append(Problem(cells["reports_to"].loc, Phrase(
                "err.xlsx_manager", name=repr(cells['reports_to'].text), ids=", ".join(ids))))
        changes["reports_to"], changes["reports_to_inferred"] = boss, False
    if edited("headcount") and not (role is not None and _same_number(cells["headcount"].value, role.headcount)):
        hc = _headcount(cells["headcount"], problems) if (role is not None or cells["headcount"].text) else Decimal(1)
        if hc is not None:
            changes["headcount"], changes["headcount_assumed"] = hc, False
    if edited("duties"):
        changes["duties"] = _duties(role, _unnumbered(cells["duties"].value), lang)
    if edited("requirements"):
        changes["requirements"] = _requirements(role, _unnumbered(cells["requirements"].value), lang)
    for key in ("pay_structure", "pay_method"):  # only a workbook of an earlier layout shows them
        if key in cells and edited(key):
            changes[key] = _edited_text(getattr(role, key) if role is not None else None, cells[key].text, lang)
    return changes


def _same_number(value: Any, d: Decimal) -> bool:
    try:
        return not isinstance(value, bool) and Decimal(str(value).strip()) == d
    except Exception:
        return False


def _new_id(cells: dict[str, _Cell], row: int, taken: set[str], problems: list) -> str:
    rid = cells["id"].text or f"role_{row}"
    if not re.fullmatch(r"[a-z][a-z0-9_]*", rid) or len(rid) > 64:
        problems.append(Problem(cells["id"].loc, Phrase("err.xlsx_new_id", got=repr(rid))))
    if rid in taken:
        problems.append(Problem(cells["id"].loc, Phrase("err.xlsx_id_twice", id=repr(rid))))
    taken.add(rid)
    return rid


def _lookups(base, rows, lang: str) -> tuple[dict, dict]:
    """Name -> id maps for managers (table rows) and departments (the base design)."""
    ids = {c["name"].text: c["id"].text or f"role_{row}" for row, c in rows if c["name"].text}
    for row, c in rows:
        if c["id"].text:
            ids.setdefault(c["id"].text, c["id"].text)
    for r in base.roles:  # old names still resolve to ids of roles kept in the table
        if r.id in ids.values():
            ids.setdefault(r.name.get(lang), r.id)
    deps = {d.name.get(lang): d.id for d in base.departments}
    return ids, deps


def _apply(base, ws, rows, lang: str, path: Path):
    """The base design with the role table's edits applied."""
    ids, deps = _lookups(base, rows, lang)
    known = {r.id: r for r in base.roles}
    exported = {r.id: row for r, row in zip(base.roles, _role_rows(base, lang, pay=False))}
    problems: list[Problem] = []
    roles, where, taken = [], {}, set()
    for row, cells in rows:
        role = known.get(cells["id"].text)
        rid = role.id if role is not None else _new_id(cells, row, taken, problems)
        taken.add(rid)
        changes = _row_changes(role, exported.get(rid, {}), cells, ids, deps, lang, problems)
        where[len(roles)] = f"{ws.title}!{row}"
        if role is None:
            if "name" in changes:
                roles.append(Role.model_validate({"id": rid, **changes}) if not problems else None)
        else:
            roles.append(role.model_copy(update=changes) if changes else role)
    if problems:
        raise DesignValidationError([p.at(str(path)) for p in problems])
    return _rebuild(base, roles, where, path)


def _rebuild(base, roles: list, where: dict[int, str], path: Path):
    """The base design with the table's roles: the diff between them applied to the base
    (a deleted row's reports move up); problems are located at table rows."""
    try:
        return apply_diff(base, diff(base, roles))
    except DesignValidationError as e:
        def locate(p: Problem) -> Problem:
            m = re.match(r"roles\[(\d+)\]", p.location)
            loc = f"{where[int(m.group(1))]} ({p.location})" if m and int(m.group(1)) in where else p.location
            return Problem(loc, p.phrase or p.message, file=str(path))
        raise DesignValidationError([locate(p) for p in e.problems]) from None


def read_excel(path) -> "OrgDesign":
    """Read a workbook written by :func:`write_excel`, with the role table's edits applied.

    Edits read back: name, department, manager (上级, by name or id), headcount,
    pay structure and method (工资构成, 计算方式, as text), duties and requirements (one
    per line); a new row is a new role; a removed row removes the role and its reports
    move up to its manager.
    Bad cells raise :class:`~shoporg.errors.DesignValidationError` located like
    ``岗位职责表!E7 (人数)``; so does a workbook past :data:`LIMITS`.

    When the hidden sheet no longer matches its digest (edited by hand) a
    :class:`DataSheetEdited` warning says so: the role table's cells are read as the
    truth, as always, and what only the hidden sheet holds (pay rules, norms, duty areas)
    is read from the edited sheet.
    """
    path = Path(path)
    with gc_paused():  # the workbook's XML and the design: many objects, the collector walks them once
        wb = _open(path)
        try:
            base, edited = _base_design(wb, path)
            ws, lang = _role_sheet(wb, path)
            _check_merged(wb, ws, path)
            grid = _rows(ws, path)
        finally:
            wb.close()
        if edited:
            warnings.warn(DataSheetEdited(Phrase("io.xlsx_data_edited", file=str(path), sheet=repr(DATA_SHEET),
                                                 roles=repr(ws.title))), stacklevel=2)
        cols = _header(ws, grid, lang, path)
        return _apply(base, ws, _table(ws, grid, cols, lang), lang, path)
