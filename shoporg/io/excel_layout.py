"""How a workbook's sheets look: one font, the number formats, column widths from the
text each cell shows, row heights that show every wrapped line, and the print set-up
(A4, titles repeated, fit to width, the client in the header and page numbers below).

Widths are in Excel's unit, the width of a digit of the body font; an East Asian
character counts as two. A number is measured as its number format writes it, the way
the formatter (:mod:`shoporg.fmt`) writes the same amount elsewhere.

>>> shown(1026003.4, NUMBER_FORMATS["yuan"]), shown(11080, NUMBER_FORMATS["yuan_cents"])
('¥1,026,003', '¥11,080.00')
>>> display_width("岗位 ab"), wrapped_lines("接待客户并处理售后问题", 10)
(7, 3)
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Any

from .. import fmt

__all__ = ["append_rows", "FONT", "FONT_SIZE", "LINE_HEIGHT", "NUMBER_FORMATS", "shown", "display_width", "wrapped_lines",
           "number_kind", "set_number", "Styles", "fit_columns", "fit_rows", "print_setup", "style_header", "heading_case", "grey",
           "body_font"]

#: The one font of every cell (Windows Excel and WPS have it; LibreOffice substitutes a CJK sans).
FONT = "Microsoft YaHei"
FONT_SIZE = 10
#: Points per line of wrapped text at ``FONT_SIZE`` (Microsoft YaHei spans 1.32 em, 18 pixels a
#: line at 10 pt; LibreOffice's CJK sans about 13.6 pt) and the cell's padding.
LINE_HEIGHT = 13.5
ROW_PADDING = 4.0
#: The tallest row Excel has (points): a taller one is refused or cut.
TALLEST_ROW = 409.0
#: Width units a cell keeps free beside its text (Excel's own padding and a margin for font differences).
_PAD = 2

#: Number formats by what a number is: Excel's format string and the formatter that writes it alike.
NUMBER_FORMATS = {
    "yuan": '"¥"#,##0',              # overview sheets: whole yuan
    "yuan_cents": '"¥"#,##0.00',     # the payroll detail: to the fen
    "percent": "0.0%",
    "count": "#,##0",
    "headcount": "General",          # 2, 0.5: no trailing zeros
}
_WRITERS = {
    NUMBER_FORMATS["yuan"]: lambda v: fmt.yuan(v),
    NUMBER_FORMATS["yuan_cents"]: lambda v: fmt.yuan(v, cents=True),
    NUMBER_FORMATS["percent"]: lambda v: fmt.percent(v),
    NUMBER_FORMATS["count"]: lambda v: fmt.count(v),
}


def number_kind(metric: str) -> str:
    """The number format a comparison metric takes (``annual_accrued`` → ``yuan``).

    >>> number_kind("annual_accrued"), number_kind("cost_per_order"), number_kind("coverage"), number_kind("layers")
    ('yuan', 'yuan_cents', 'percent', 'headcount')
    """
    from ..analysis import _MONEY_METRICS, _SHARE_METRICS, _UNIT_MONEY_METRICS

    if metric in _UNIT_MONEY_METRICS:  # per order: to the fen
        return "yuan_cents"
    if metric in _MONEY_METRICS:
        return "yuan"
    if metric in _SHARE_METRICS:
        return "percent"
    return "headcount"


def shown(value: Any, number_format: str = "General") -> str:
    """The text a cell shows: a number as its format writes it, anything else as text.

    >>> shown(-44866.3, NUMBER_FORMATS["yuan_cents"]), shown(0.7643, "0.0%"), shown(2.5), shown(None)
    ('-¥44,866.30', '76.4%', '2.5', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    write = _WRITERS.get(number_format)
    if write is not None:
        return write(value)
    return fmt.headcount(value) if value == value else ""


@functools.lru_cache(maxsize=None)  # the characters of a workbook: a few thousand at most
def _char_width(c: str) -> int:
    return 2 if unicodedata.east_asian_width(c) in "WFA" and ord(c) > 0x2000 else 1


def display_width(text: Any) -> int:
    """Width units the widest line of ``text`` needs: East Asian characters count double.

    >>> display_width("1. 接待\\n22")
    7
    """
    return _text_width(str(text if text is not None else ""))


@functools.lru_cache(maxsize=65536)  # a role's name is measured on every sheet that shows it
def _text_width(text: str) -> int:
    return max(len(line) if line.isascii() else sum(map(_char_width, line)) for line in text.split("\n"))


_TOKEN = re.compile(r"[A-Za-z0-9.,%¥:;()/\-+'\"’–]+\s*|\s+|.")


def wrapped_lines(text: Any, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` units wide (see :func:`_wrapped_lines`).

    >>> wrapped_lines("Picks goods from the store room", 12), wrapped_lines("", 10)  # Picks/goods from/the store/room
    (4, 1)
    """
    text = str(text if text is not None else "")
    if "\n" not in text and 2 * len(text) <= width - _PAD:  # fits whatever its characters
        return 1
    return _wrapped_lines(text, float(width))


@functools.lru_cache(maxsize=4096)
def _wrapped_lines(text: str, width: float) -> int:
    """Words kept whole, East Asian characters broken anywhere (as Excel and LibreOffice
    wrap), at least one line."""
    room = max(1.0, width - _PAD)
    total = 0
    for line in str(text if text is not None else "").split("\n"):
        lines, used = 1, 0.0
        for token in _TOKEN.findall(line):
            w = sum(_char_width(c) for c in token)
            if used + len(token.rstrip()) > room and used > 0 and token.strip():
                lines, used = lines + 1, 0.0
            while w > room:  # a word wider than the column is broken
                lines, w = lines + 1, w - room
            used += w
        total += lines
    return max(1, total)


@functools.lru_cache(maxsize=1)
def _cell_kit():
    """openpyxl's cell class and the checks its value setter makes (loaded when first needed)."""
    from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
    from openpyxl.utils.exceptions import IllegalCharacterError

    return Cell, ILLEGAL_CHARACTERS_RE.search, frozenset(ERROR_CODES), IllegalCharacterError


def append_rows(ws, rows) -> None:
    """``ws.append(values)`` for each list of ``rows``: the same cells, those of text,
    numbers and no value made directly (a thousand roles append over a hundred thousand
    cells; openpyxl's ``Cell()`` works out each value's type in several calls), any other
    value by openpyxl itself.

    >>> from openpyxl import Workbook
    >>> a, b = Workbook().active, Workbook().active
    >>> rows = [["店长", 2, 2.5, None, True, "=A1", "#N/A", "", "x" * 40_000], []]
    >>> for row in rows:
    ...     a.append(row)
    >>> append_rows(b, rows)
    >>> def cells(ws): return [(k, c._value, c.data_type, c._style) for k, c in ws._cells.items()]
    >>> cells(a) == cells(b), a._current_row == b._current_row == 2
    (True, True)
    """
    cell_class, illegal, errors, refused = _cell_kit()
    new, cells, r = cell_class.__new__, ws._cells, ws._current_row
    for values in rows:
        r += 1
        for c, value in enumerate(values, 1):
            kind = type(value)
            if kind is str:
                value = value[:32767]  # as openpyxl keeps a text: Excel's most
                if illegal(value):
                    raise refused(f"{value} cannot be used in worksheets.")
                data_type = "f" if len(value) > 1 and value[0] == "=" else "e" if value in errors else "s"
            elif kind is int or kind is float or value is None:
                data_type = "n"
            elif kind is bool:
                data_type = "b"
            else:
                cells[(r, c)] = cell_class(ws, row=r, column=c, value=value)
                continue
            cell = new(cell_class)
            cell.parent, cell.row, cell.column, cell._value, cell.data_type = ws, r, c, value, data_type
            cell._style = cell._hyperlink = cell._comment = None
            cells[(r, c)] = cell
    ws._current_row = r


def body_font(bold: bool = False, colour: str | None = None, size: float = FONT_SIZE, italic: bool = False):
    from openpyxl.styles import Font  # openpyxl: loaded when a workbook is written or read

    return Font(name=FONT, size=size, bold=bold, italic=italic, color=colour)


class Styles:
    """A workbook's style ids, each font, fill or alignment hashed into its list once, and
    given to a cell by id: openpyxl's setters hash a new style object for every cell.

    >>> from openpyxl import Workbook
    >>> ws = Workbook().active
    >>> ws.append(["a", "b"])
    >>> styles = Styles(ws.parent)
    >>> for c in ws[1]:
    ...     styles.give(c, font=styles.font(bold=True), alignment=styles.alignment(wrap_text=True))
    >>> [(c.font.b, c.font.name, c.alignment.wrap_text) for c in ws[1]]
    [(True, 'Microsoft YaHei', True), (True, 'Microsoft YaHei', True)]
    """

    def __init__(self, wb):
        self.wb = wb
        self._ids: dict[tuple, int] = {}

    def font(self, **kw) -> int:
        """The id of :func:`body_font` with ``kw`` (``bold``, ``colour``, ``italic``, ``size``)."""
        key = ("font", *kw.items())  # each caller names its keywords in one order
        if key not in self._ids:
            self._ids[key] = self.wb._fonts.add(body_font(**kw))
        return self._ids[key]

    def alignment(self, **kw) -> int:
        """The id of ``Alignment(**kw)``."""
        from openpyxl.styles import Alignment  # openpyxl: loaded when a workbook is written or read

        key = ("alignment", *kw.items())
        if key not in self._ids:
            self._ids[key] = self.wb._alignments.add(Alignment(**kw))
        return self._ids[key]

    @staticmethod
    def give(cell, *, font: int | None = None, alignment: int | None = None) -> None:
        """Give ``cell`` the font and alignment of these ids."""
        from openpyxl.styles.cell_style import StyleArray  # openpyxl: loaded when a workbook is written

        style = cell._style
        if style is None:
            style = cell._style = StyleArray()
        if font is not None:
            style.fontId = font
        if alignment is not None:
            style.alignmentId = alignment


def grey(cell, italic: bool = False) -> None:
    """A cell in grey: the id column and notes."""
    cell.font = body_font(colour="808080", italic=italic)


def set_number(cells, kind: str) -> None:
    """Give number cells the format of ``kind`` (a key of :data:`NUMBER_FORMATS`)."""
    for cell in cells:
        if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            cell.number_format = NUMBER_FORMATS[kind]


def heading_case(text):
    """A header or row label as a heading: its first letter capital (a word without
    capitals in the catalogue); Chinese is as it is.

    >>> heading_case("reports to"), heading_case("id"), heading_case("岗位"), heading_case(3)
    ('Reports to', 'ID', '岗位', 3)
    """
    if not isinstance(text, str) or not text[:1].islower():
        return text
    return "ID" if text == "id" else text[:1].upper() + text[1:]


def style_header(ws, row: int = 1) -> None:
    """A bold header row on a light fill, wrapped and centred."""
    from openpyxl.styles import Alignment, PatternFill  # openpyxl: loaded when a workbook is written or read

    for cell in ws[row]:
        cell.value = heading_case(cell.value)
        cell.font = body_font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


class _Looks:
    """A sheet's cells' number formats, alignments and fonts read by their style ids (each
    looked up once): openpyxl's own getters make a proxy object for every cell."""

    def __init__(self, ws):
        from openpyxl.styles.numbers import BUILTIN_FORMATS  # openpyxl: loaded when a workbook is written

        wb = ws.parent
        self._builtin, self._formats = BUILTIN_FORMATS, wb._number_formats
        self._alignments, self._fonts = wb._alignments, wb._fonts

    def number_format(self, cell) -> str:
        style = cell._style
        i = style[3] if style is not None else 0  # numFmtId (by index: no descriptor call a cell)
        return self._builtin.get(i, "General") if i < 164 else self._formats[i - 164]

    def alignment(self, cell):
        style = cell._style
        return self._alignments[style[5] if style is not None else 0]  # alignmentId

    def font(self, cell):
        style = cell._style
        return self._fonts[style[0] if style is not None else 0]  # fontId


def fit_columns(ws, caps: dict[int, int] | None = None, *, least: int = 6, skip_rows: frozenset = frozenset()) -> None:
    """Each column as wide as its widest shown text (numbers never clipped), text capped at
    ``caps`` (column → width, the text wraps); rows in ``skip_rows`` (a title) are not measured."""
    from openpyxl.utils import get_column_letter  # openpyxl: loaded when a workbook is written or read

    caps = caps or {}
    looks = _Looks(ws)
    n = ws.max_column
    text, general = [0] * (n + 1), [0] * (n + 1)
    extremes: list[dict[str, list]] = [{} for _ in range(n + 1)]  # number format -> [least, greatest]
    for (r, i), c in ws._cells.items():  # one pass over the cells there are
        value = c._value
        if value is None or r in skip_rows:
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number_format = looks.number_format(c)
            if number_format not in _WRITERS:  # General: 2.25 may be wider than 0.5 and 10
                general[i] = max(general[i], display_width(shown(value, number_format)))
            elif value == value:  # a fixed number of decimals: the extremes are the widest
                low_high = extremes[i].setdefault(number_format, [value, value])
                low_high[0], low_high[1] = min(low_high[0], value), max(low_high[1], value)
        elif r == 1 or looks.alignment(c).text_rotation == 0:
            text[i] = max(text[i], display_width(value))
    for i in range(1, n + 1):
        head = ws._cells.get((1, i))
        number = max([general[i], *(display_width(shown(v, f)) for f, vs in extremes[i].items() for v in vs)])
        cap = caps.get(i, 50)
        cap = text[i] if text[i] <= cap * 1.15 else cap  # a line just past the cap is kept whole, not broken
        need = max(min(text[i], cap), number, _longest_word(head._value) if head is not None else 0)
        width = max(least, need + _PAD)
        ws.column_dimensions[get_column_letter(i)].width = width
        if head is not None and 1 not in skip_rows and not looks.alignment(head).text_rotation:
            head.value = balanced(head._value, width)  # a header wraps in even lines


#: What a line may not break inside: a word, or a character with the brackets and the
#: punctuation that cling to it (no line starts with ，or ）, none ends with （).
_UNIT = re.compile(r"[（(《“‘]*(?:[A-Za-z0-9.,%¥:;/\-+'’–]+|\S)[）)》”’，、。：；！？,.;:!?]*\s*|\s+")


def balanced(text: str, width: float) -> str:
    """``text`` broken into lines of about equal width that each fit ``width`` (words kept
    whole, East Asian text broken between characters): a header wraps where it is told to,
    never leaving one character on a line of its own.

    >>> balanced("月业务量（中位月）", 12), balanced("人均月产能 / 服务目标", 14)
    ('月业务量\\n（中位月）', '人均月产能\\n/ 服务目标')
    >>> balanced("capacity per person a month", 16)
    'capacity per\\nperson a month'
    """
    if not isinstance(text, str) or "\n" in text:
        return text
    room = max(1.0, width - _PAD)
    tokens = _UNIT.findall(text)
    total = sum(_char_width(c) for c in text.rstrip())
    if total <= room:
        return text
    n = math.ceil(total / room)
    while True:
        target, lines, used = total / n, [""], 0.0
        for token in tokens:
            w = sum(_char_width(c) for c in token)
            if used > 0 and used + sum(_char_width(c) for c in token.rstrip()) > target + 1 and len(lines) < n:
                lines.append("")
                used = 0.0
            lines[-1] += token
            used += w
        if all(display_width(x.rstrip()) <= room for x in lines) or n > 8:
            return "\n".join(x.strip() for x in lines)
        n += 1


def _longest_word(header) -> int:
    """Width of a header's longest word: a header wraps between words, never inside one."""
    if not isinstance(header, str) or not header.strip():
        return 0
    return max(display_width(w) if not any(_char_width(c) == 2 for c in w) else 0 for w in header.split())


def fit_rows(ws, first: int = 1) -> None:
    """Row heights that show every wrapped line (lines at the column's width × line height)."""
    from openpyxl.utils import get_column_letter  # openpyxl: loaded when a workbook is written or read

    alignments = ws.parent._alignments
    wraps: dict[int, bool] = {}  # alignment id -> wraps lying down
    widths: dict[int, float] = {}
    lines: dict[int, int] = {}
    for (r, i), c in ws._cells.items():  # one pass over the cells there are
        value = c._value
        if r < first or not isinstance(value, str) or c.data_type == "f":
            continue  # one line: not text, or a formula
        aid = c._style[5] if c._style is not None else 0  # alignmentId, by index
        if aid not in wraps:
            wraps[aid] = bool(alignments[aid].wrap_text) and not alignments[aid].text_rotation
        if not wraps[aid]:
            continue  # upright, or not wrapped (runs on)
        if i not in widths:
            widths[i] = ws.column_dimensions[get_column_letter(i)].width or 8.43
        lines[r] = max(lines.get(r, 1), wrapped_lines(value, widths[i]))
    for r in range(first, ws.max_row + 1):
        ws.row_dimensions[r].height = min(TALLEST_ROW, lines.get(r, 1) * LINE_HEIGHT + ROW_PADDING)


def header_text(text: str) -> str:
    """Text for a page header or footer: ``&`` starts a code there, so it is doubled.

    >>> header_text("A&B")
    'A&&B'
    """
    return text.replace("&", "&&")


def print_setup(ws, *, header: str, footer: str, landscape: bool = True, title_rows: str | None = "1:1",
                fit_width: bool = True) -> None:
    """A4, landscape when wide, title rows repeated, fit to one page wide, header and footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.header = ws.page_margins.footer = 0.3
    size = f'&"{FONT}"&9 '
    if header:
        ws.oddHeader.center.text = size + header_text(header)
    ws.oddFooter.center.text = size + footer


def total_width(ws) -> float:
    """The sheet's width in width units (its columns together)."""
    from openpyxl.utils import get_column_letter  # openpyxl: loaded when a workbook is written or read

    return sum(ws.column_dimensions[get_column_letter(i)].width or 8.43 for i in range(1, ws.max_column + 1))


#: Width units one A4 page holds at 100% between the margins above (landscape, portrait).
PAGE_WIDTH = {"landscape": math.floor((29.7 - 2.54) / 0.2), "portrait": math.floor((21.0 - 2.54) / 0.2)}
