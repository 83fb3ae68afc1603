"""Saving a workbook with its cells written in bulk: openpyxl's own writer, but each
sheet's rows built as one piece of XML text and put in the sheet's place, instead of one
XML element a cell (a thousand roles make over a hundred thousand cells). Each part of
the file is byte for byte the one openpyxl writes (packed at a quicker zlib level,
:data:`_DEFLATE_LEVEL`); a sheet holding what the bulk path does not write (comments,
hyperlinks, dates, rich text, array formulas) goes through openpyxl's path.

>>> import tempfile, pathlib, zipfile
>>> from openpyxl import Workbook
>>> wb = Workbook()
>>> wb.active.append(["店长 & <B>\\r\\n😀", 2.5, "=A1", " x", None, True, ""])
>>> wb.active.row_dimensions[3].height = 20
>>> _ = wb.active["C4"]  # an empty cell: its row is written, empty
>>> a, b = (pathlib.Path(tempfile.mkdtemp()) / n for n in ("a.xlsx", "b.xlsx"))
>>> wb.save(a); save(wb, b)
>>> def sheet(p): return zipfile.ZipFile(p).read("xl/worksheets/sheet1.xml")
>>> sheet(a) == sheet(b)
True
"""

from __future__ import annotations

import math
import re

__all__ = ["save"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # no XML has them: openpyxl's path refuses


def _text(value: str) -> str:
    """Cell text escaped as lxml writes it (non-ASCII characters become references later)."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\r", "&#13;") if "\r" in value else value


def _row_attributes(dim, shapes: dict) -> str:
    """A ``<row>``'s attributes as openpyxl writes them for its dimension ``dim`` (None: none);
    ``shapes`` keeps them for each height and flags of a row without a style (openpyxl
    reads every field of every row again)."""
    if dim is None:
        return ""
    if dim._style is not None and any(dim._style):  # a row style: written by openpyxl's own reading
        return "".join(f' {k}="{v}"' for k, v in dict(dim).items())
    key = (dim.ht, dim.hidden, dim.outlineLevel, dim.collapsed, dim.thickBot, dim.thickTop)
    text = shapes.get(key)
    if text is None:
        text = shapes[key] = "".join(f' {k}="{v}"' for k, v in dict(dim).items())
    return text


def _sheet_data(ws) -> bytes | None:
    """The ``<sheetData>`` of ``ws`` as openpyxl's writer writes it, or None when a cell
    needs openpyxl's own path."""
    from openpyxl.utils import get_column_letter

    dims = ws.row_dimensions
    styles = ws.parent._cell_styles
    plain = bytes(36)  # a style array of nothing set (nine zeros of four bytes)
    ids: dict[bytes, int] = {}  # a style array's bytes -> its index (each distinct style added once)
    letters = [""]
    rows: dict[int, list[str]] = {}
    last, row = None, []
    for (r, c), cell in sorted(ws._cells.items()):
        if cell._comment is not None or getattr(cell, "_hyperlink", None) is not None:  # a merged cell has none
            return None
        if r != last:  # a row of empty cells is written too, as openpyxl does
            last, row = r, rows.setdefault(r, [])
        value, style = cell._value, cell._style
        key = style.tobytes() if style is not None else plain
        if value is None and key == plain:
            continue
        while len(letters) <= c:
            letters.append(get_column_letter(len(letters)))
        if key != plain:
            sid = ids.get(key)
            if sid is None:
                sid = ids[key] = styles.add(style)
            attrs = f'<c r="{letters[c]}{r}" s="{sid}"'
        else:
            attrs = f'<c r="{letters[c]}{r}"'
        kind = cell.data_type
        if kind == "s":
            if value is None or value == "":
                out = attrs + ' t="inlineStr"></c>'
            elif not isinstance(value, str):
                return None  # rich text
            else:
                space = ' xml:space="preserve"' if value != value.strip() else ""
                out = f'{attrs} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
        elif kind == "f":
            if not isinstance(value, str):
                return None  # an array or data-table formula
            out = f"{attrs}><f>{_text(value[1:])}</f><v></v></c>" if value else attrs + "></c>"
        elif kind in ("n", "b"):
            if value is None or value == "":
                out = f'{attrs} t="{kind}"></c>'
            elif isinstance(value, (int, float)):
                text = "" if math.isnan(value) or math.isinf(value) else "%.16g" % value
                out = f'{attrs} t="{kind}"><v>{text}</v></c>'
            else:
                return None  # a decimal or another number type: openpyxl's own path
        else:
            return None  # dates, errors: openpyxl's own path
        row.append(out)
    for r in dims.keys() - rows.keys():  # a row with only a height
        rows[r] = []
    parts, shapes = ["<sheetData>"], {}
    for r in sorted(rows):
        parts.append(f'<row r="{r}"{_row_attributes(dims.get(r), shapes)}>' + "".join(rows[r]) + "</row>")
    parts.append("</sheetData>")
    text = "".join(parts)
    if _CONTROL.search(text):
        return None
    return text.encode("ascii", "xmlcharrefreplace")  # as lxml writes the sheet: &#24215; for 店


_EMPTY = b"<sheetData></sheetData>"
#: zlib's effort (1-9) packing the parts: 4 packs a thousand roles' workbook about 10% larger
#: than zlib's default (6) in well under half the time; every reader unpacks any level alike.
_DEFLATE_LEVEL = 4


def _writer():
    """openpyxl's workbook writer with the bulk sheet rows (made when first needed)."""
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class Rows(WorksheetWriter):
        bulk = None

        def write_rows(self):
            self.bulk = _sheet_data(self.ws)
            if self.bulk is None:
                return super().write_rows()
            xf = self.xf.send(True)
            with xf.element("sheetData"):  # empty: the rows are put in its place once written
                pass
            self.xf.send(None)

    class Writer(ExcelWriter):
        def write_worksheet(self, ws):
            from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

            if self.workbook.write_only:
                return super().write_worksheet(ws)
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = Rows(ws)
            writer.write()
            ws._rels = writer._rels
            if writer.bulk is None:
                self._archive.write(writer.out, ws.path[1:])
            else:
                with open(writer.out, "rb") as f:
                    xml = f.read()
                at = xml.index(_EMPTY)  # the first: nothing before the rows holds text
                self._archive.writestr(ws.path[1:], xml[:at] + writer.bulk + xml[at + len(_EMPTY):])
            self.manifest.append(ws)
            writer.cleanup()

    return Writer


def save(wb, filename) -> None:
    """Save ``wb`` as openpyxl's ``wb.save(filename)`` does, the cells written in bulk."""
    import datetime
    from zipfile import ZIP_DEFLATED, ZipFile

    archive = ZipFile(filename, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=_DEFLATE_LEVEL)
    wb.properties.modified = datetime.datetime.now(tz=datetime.timezone.utc).replace(tzinfo=None)
    _writer()(wb, archive).save()
