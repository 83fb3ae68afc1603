"""What a reader sees of a workbook, as a flat dictionary that two workbooks can be compared
by: each cell's value, type, number format, font, fill, alignment and border; each sheet's
column widths, row heights, merged cells, frozen panes, print set-up, page breaks,
headers and footers, hidden state and pictures."""

from openpyxl.utils import get_column_letter


def _font(f):
    return (f.name, f.sz, f.b, f.i, f.u, f.strike, f.color.rgb if f.color is not None else None)


def _fill(f):
    return (f.fill_type, f.fgColor.rgb if f.fill_type else None)


def _alignment(a):
    return (a.horizontal, a.vertical, a.wrap_text, a.text_rotation, a.shrink_to_fit, a.indent)


def _border(b):
    return tuple(getattr(b, s).style for s in ("left", "right", "top", "bottom"))


def facts(wb) -> dict:
    """``(sheet, what) -> value`` for every sheet of ``wb`` (opened with styles, not read-only)."""
    out = {("book", "sheets"): tuple(wb.sheetnames)}
    for ws in wb.worksheets:
        s = ws.title
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                out[(s, c.coordinate)] = (c.value, c.data_type, c.number_format, _font(c.font), _fill(c.fill),
                                          _alignment(c.alignment), _border(c.border), c.quotePrefix)
        for i in range(1, ws.max_column + 1):
            letter = get_column_letter(i)
            out[(s, "width", letter)] = ws.column_dimensions[letter].width
        for r in range(1, ws.max_row + 1):
            out[(s, "height", r)] = ws.row_dimensions[r].height
        ps = ws.page_setup
        out[(s, "print")] = (ps.paperSize, ps.orientation, ps.fitToWidth, ps.fitToHeight,
                             ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
                             ws.print_title_rows, ws.print_title_cols, str(ws.print_area),
                             tuple(getattr(ws.page_margins, k) for k in ("left", "right", "top", "bottom",
                                                                            "header", "footer")))
        out[(s, "header")] = (ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text,
                              ws.oddFooter.center.text)
        out[(s, "freeze")] = ws.freeze_panes
        out[(s, "merged")] = tuple(sorted(str(m) for m in ws.merged_cells.ranges))
        out[(s, "breaks")] = (tuple(b.id for b in ws.row_breaks.brk), tuple(b.id for b in ws.col_breaks.brk))
        out[(s, "state")] = ws.sheet_state
        out[(s, "pictures")] = tuple((img.anchor._from.row, img.anchor._from.col, img.width, img.height)
                                     for img in ws._images)
    return out
