"""Building blocks of the Word report (python-docx): A4 sections, the font on every
style, running header and page-number footer, tables sized by their content, pictures
fitted to the text area.

Formatting lives in styles (``Table Text``, ``Table Number``, ``Table Head``,
``Figure``); a table's number columns take ``Table Number``, which is right-aligned.
Column widths come from :mod:`shoporg.io.word_widths`.

>>> Report("某品牌", ("第", "页，共", "页")).text_mm
(170.0, 257.0)
"""

from __future__ import annotations

import re
import struct
import zipfile
from xml.sax.saxutils import escape

from .word_widths import TABLE_PT, column_widths, natural_width

__all__ = ["FONT", "ALTERNATES", "TEXT_MM", "Report", "capital"]

FONT = "Microsoft YaHei"
"""The report's font for Chinese and Latin text: what Windows Word and WPS have."""
ALTERNATES = ("PingFang SC", "Noto Sans CJK SC")
"""Declared in the font table as the fonts to use where Microsoft YaHei is missing."""

#: A4 in millimetres, and the 2 cm margins
_A4, _MARGIN = (210.0, 297.0), 20.0
TEXT_MM = {"portrait": (_A4[0] - 2 * _MARGIN, _A4[1] - 2 * _MARGIN),
           "landscape": (_A4[1] - 2 * _MARGIN, _A4[0] - 2 * _MARGIN)}
"""The text area (width, height) of a page in each orientation, in mm."""

def capital(text: str) -> str:
    """A heading or a cell starts with a capital (the catalogue's English words are lower
    case to be used inside sentences; Chinese is unchanged).

    >>> capital("paid after the plan"), capital("合计")
    ('Paid after the plan', '合计')
    """
    return text[:1].upper() + text[1:]


def _png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


class Report:
    """A Word document being written: A4 sections, styles, header and footer."""

    def __init__(self, header: str, page_words: tuple[str, str, str]):
        from docx import Document  # python-docx: loaded when a Word report is written

        self.doc = Document()
        self._style_ids: dict[str, str] = {}  # style name -> id (see styled)
        self._pictures: dict | None = None  # see _image
        self._next_shape: int | None = None  # see _shape_id
        self.orientation = "portrait"
        self._page(self.doc.sections[0], "portrait")
        self._styles()
        self._font_table()
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True  # the cover carries neither
        self._header(section, header)
        self._footer(section, page_words)

    # -- set-up --------------------------------------------------------------------
    @staticmethod
    def _page(section, orientation: str) -> None:
        from docx.enum.section import WD_ORIENT  # python-docx: loaded when a Word report is written
        from docx.shared import Mm  # python-docx: loaded when a Word report is written

        w, h = _A4 if orientation == "portrait" else _A4[::-1]
        section.orientation = WD_ORIENT.PORTRAIT if orientation == "portrait" else WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(w), Mm(h)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(_MARGIN))
        section.header_distance = section.footer_distance = Mm(9)

    def _styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE  # python-docx: loaded when a Word report is written
        from docx.enum.text import (  # python-docx: loaded when a Word report is written
            WD_ALIGN_PARAGRAPH,
            WD_LINE_SPACING,
        )
        from docx.oxml.ns import qn  # python-docx: loaded when a Word report is written
        from docx.shared import Pt, RGBColor  # python-docx: loaded when a Word report is written

        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _fonts(defaults)
        lang = defaults.find(qn("w:lang"))
        lang.set(qn("w:eastAsia"), "zh-CN")  # Chinese punctuation and line breaking
        normal = styles["Normal"]
        normal.font.size = Pt(10)
        normal.paragraph_format.space_after = Pt(4)
        # exact line heights: a CJK font's own is about 1.45 em, looser than a report wants
        normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        normal.paragraph_format.line_spacing = Pt(15)
        for name, size in (("Title", 26), ("Subtitle", 14), ("Heading 1", 16), ("Heading 2", 12.5), ("Heading 3", 11)):
            styles[name].font.size = Pt(size)
        for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
            styles[name].paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE  # large text, its own height
        for name in ("Heading 1", "Heading 2", "Heading 3"):
            st = styles[name]
            st.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
            st.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
            st.paragraph_format.space_after = Pt(4)
            st.paragraph_format.keep_with_next = True
        styles["Title"].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        styles["Subtitle"].font.italic = False  # Chinese is not set in italics
        styles["Subtitle"].font.color.rgb = RGBColor(0x52, 0x60, 0x6D)
        bullet = styles["List Bullet"].paragraph_format
        bullet.space_after = Pt(1)
        bullet.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        bullet.line_spacing = Pt(14)

        def paragraph_style(name, size, *, bold=False, align=None, base="Normal", exact=True):
            st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = styles[base]
            st.font.size = Pt(size)
            st.font.bold = bold
            pf = st.paragraph_format
            pf.space_before = pf.space_after = Pt(0)
            if exact:  # a CJK font's own line height is about 1.45 em, too loose for a table
                pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                pf.line_spacing = Pt(round(size * 1.3, 1))
            else:  # a picture in a line of exact height is cut off
                pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
            if align is not None:
                pf.alignment = align
            return st

        paragraph_style("Table Text", TABLE_PT)
        paragraph_style("Table Number", TABLE_PT, align=WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph_style("Table Head", TABLE_PT, bold=True)
        paragraph_style("Table Head Number", TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph_style("Table Minor", TABLE_PT).font.color.rgb = RGBColor(0x52, 0x60, 0x6D)
        fig = paragraph_style("Figure", 10, align=WD_ALIGN_PARAGRAPH.CENTER, exact=False)
        fig.paragraph_format.space_after = Pt(4)
        cover = paragraph_style("Cover Line", 12, exact=False)
        note = paragraph_style("Note", 9, exact=False)
        note.paragraph_format.space_before = Pt(4)
        note.paragraph_format.space_after = Pt(6)
        note.font.color.rgb = RGBColor(0x52, 0x60, 0x6D)
        cover.paragraph_format.space_after = Pt(6)
        for st in styles:  # every style names the font, Latin and East Asian alike
            if st.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
                _fonts(st.element.get_or_add_rPr())

    def _font_table(self) -> None:
        """Declare the font with its alternates (``w:altName``), a chain PingFang SC →
        Noto Sans CJK SC, and as a GB2312 (charset 86) sans so a missing font is
        replaced by a Chinese sans."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT  # python-docx: loaded when a Word report is written
        from lxml import etree  # comes with python-docx

        part = self.doc.part.part_related_by(RT.FONT_TABLE)
        root = etree.fromstring(part.blob)
        w = root.nsmap["w"]
        chain = (FONT, *ALTERNATES)
        for name, alt in zip(chain, chain[1:] + (None,)):
            font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": name})
            if alt:
                etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": alt})
            etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})
            etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": "swiss"})
            etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": "variable"})
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _header(self, section, text: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH  # python-docx: loaded when a Word report is written

        p = section.header.paragraphs[0]
        p.text = text
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _footer(self, section, words: tuple[str, str, str]) -> None:
        """"第 {PAGE} 页，共 {NUMPAGES} 页": the text around the two Word fields."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH  # python-docx: loaded when a Word report is written

        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        before, between, after = words
        p.add_run(before)
        _field(p, "PAGE")
        p.add_run(between)
        _field(p, "NUMPAGES")
        p.add_run(after)

    def save(self, path) -> None:
        """Save as python-docx does, but with the pictures stored as they are in the zip:
        a PNG is compressed already, and compressing the chart pages of a large design
        again takes longer than writing the rest of its report."""
        try:
            from docx.opc.pkgwriter import PackageWriter  # python-docx: loaded when a Word report is written

            steps = (PackageWriter._write_content_types_stream, PackageWriter._write_pkg_rels,
                     PackageWriter._write_parts)
        except (ImportError, AttributeError):  # another python-docx: its own way
            self.doc.save(path)
            return
        package = self.doc.part.package
        parts = list(package.parts)
        for part in parts:
            part.before_marshal()
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
            writer = _Members(z)
            steps[0](writer, parts)
            steps[1](writer, package.rels)
            steps[2](writer, parts)

    # -- content -------------------------------------------------------------------
    def section(self, orientation: str) -> None:
        """Start a new page in ``orientation`` (a new section when it changes)."""
        from docx.enum.section import WD_SECTION  # python-docx: loaded when a Word report is written

        if orientation == self.orientation:
            self.doc.add_page_break()
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False  # only the cover goes without
        self._page(section, orientation)
        self.orientation = orientation

    @property
    def text_mm(self) -> tuple[float, float]:
        return TEXT_MM[self.orientation]

    def heading(self, text: str, level: int = 1):
        return self.doc.add_heading(text, level=level)

    def styled(self, paragraph, style: str | None):
        """``paragraph`` in the style named ``style``. python-docx looks a style up by name
        by walking every style for each paragraph; the id is looked up once per report."""
        if style is not None:
            paragraph._p.style = self._style_id(style)
        return paragraph

    def para(self, text: str, style: str | None = None):
        return self.styled(self.doc.add_paragraph(text), style)

    def bullets(self, lines) -> None:
        for line in lines:
            self.styled(self.doc.add_paragraph(line), "List Bullet")

    def picture(self, png: bytes, dpi: float, *, height_mm: float | None = None, least: float = 0.0) -> float:
        """A picture at its own size, made smaller to fit the text width and ``height_mm``
        (but not below ``least`` unless the width needs it); returns the scale it was placed at."""
        from docx.shared import Mm  # python-docx: loaded when a Word report is written

        px_w, px_h = _png_size(png)
        w, h = px_w / dpi * 25.4, px_h / dpi * 25.4
        room_w, room_h = self.text_mm
        room_w -= 0.1  # the page's own rounding to EMU must not put the picture past the margin
        scale = min(room_w / w, room_h / h, max(least, min(1.0, (height_mm or room_h) / h)))
        p = self.styled(self.doc.add_paragraph(), "Figure")
        from docx.oxml.shape import CT_Inline  # python-docx: loaded when a Word report is written

        # what python-docx's ``Run.add_picture`` writes, from the picture and id kept below
        rid, image = self._image(png)
        cx, cy = image.scaled_dimensions(Mm(w * scale), None)
        p.add_run()._r.add_drawing(CT_Inline.new_pic_inline(self._shape_id(), rid, image.filename, cx, cy))
        return scale

    def _image(self, png: bytes):
        """``(relationship id, image)`` of a picture, as python-docx's ``get_or_add_image``
        gives them (one part per distinct picture, ``image1.png``, ``image2.png``, ...)
        but without hashing each picture already in the report again for every new one."""
        from docx.image.image import Image  # python-docx: loaded when a Word report is written
        from docx.opc.constants import RELATIONSHIP_TYPE as RT  # python-docx: loaded when a Word report is written
        from docx.opc.packuri import PackURI  # python-docx: loaded when a Word report is written
        from docx.parts.image import ImagePart  # python-docx: loaded when a Word report is written

        parts = self.doc.part.package.image_parts
        if self._pictures is None:  # the pictures already there, hashed once
            self._pictures = {}
            for part in parts:
                self._pictures.setdefault(part.sha1, part)
        image = Image.from_blob(png)
        part = self._pictures.get(image.sha1)
        if part is None:
            used = {p.partname.idx for p in parts}  # the first number free, as python-docx picks it
            n = next((k for k in range(1, len(parts) + 1) if k not in used), len(parts) + 1)
            part = ImagePart.from_image(image, PackURI(f"/word/media/image{n}.{image.ext}"))
            parts.append(part)
            self._pictures[image.sha1] = part
        return self.doc.part.relate_to(part, RT.IMAGE), part.image

    def _shape_id(self) -> int:
        """python-docx's id for a new picture, one more than the largest id in the document:
        read from the document once (python-docx reads the whole document for each)."""
        if self._next_shape is None:
            self._next_shape = self.doc.part.next_id
        self._next_shape += 1
        return self._next_shape - 1

    def table(self, header, rows, *, numeric=frozenset(), shares: dict | None = None, total_row: bool = False,
              fill: bool = True, together: bool = False, minor=frozenset()):
        """A table as wide as the text (``fill``; else as its content needs, with some air),
        columns sized by content (``shares`` fixes some), the header repeated on every
        page, no row split across pages, ``numeric`` columns right-aligned;
        ``total_row`` sets the last row in bold; ``together`` keeps a short table on one page;
        in ``minor`` columns the lines after a cell's first are in grey (a role's department)."""
        from docx.enum.table import WD_TABLE_ALIGNMENT  # python-docx: loaded when a Word report is written
        from docx.oxml.parser import parse_xml  # python-docx: loaded when a Word report is written
        from docx.shared import Mm  # python-docx: loaded when a Word report is written

        header = [capital(str(h)) for h in header]
        rows = [["" if v is None else capital(str(v)) for v in r] for r in rows]
        total = self.text_mm[0]
        if not fill:
            total = min(total, 1.4 * sum(natural_width(col, TABLE_PT) for col in zip(header, *rows)))
        widths = column_widths([header] + rows, total, shares=shares)
        table = self.doc.add_table(rows=0, cols=len(header), style="Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.CENTER if fill else WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False  # a fixed layout: the widths below, not the text, size the columns
        _table_width(table, sum(widths))
        _cell_margins(table, top_bottom_mm=0.5)
        for col, w in zip(table.columns, widths):
            col.width = Mm(w)
        # the rows written as XML text and parsed once: python-docx's element by element
        # calls cost more than all else in a large design's report
        twips = [str(Mm(w).twips) for w in widths]
        last = len(rows)
        out = [f'<w:tbl xmlns:w="{_W}">']
        for r, values in enumerate([header] + rows):
            out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if r == 0 else
                       "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            bold = r == 0 or (total_row and r == last)
            keep = "<w:keepNext/>" if together and r < last else ""  # the table moves as one
            for c, value in enumerate(values):
                style = ("Table Head" if bold else "Table Text") + (" Number" if c in numeric else "")
                if style == "Table Text Number":
                    style = "Table Number"
                shade = '<w:shd w:val="clear" w:color="auto" w:fill="E4EAF1"/>' if r == 0 else ""
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{twips[c]}"/>{shade}</w:tcPr>')
                lines = value.split("\n")
                for i, line in enumerate(lines):
                    kind = style if i == 0 or not (c in minor and r) else "Table Minor"
                    # the first paragraph always has a run (python-docx's cell text), the others
                    # only when they have text
                    run = _run_xml(line) if line or i == 0 else ""
                    out.append(f'<w:p><w:pPr><w:pStyle w:val="{self._style_id(kind)}"/>{keep}</w:pPr>{run}</w:p>')
                out.append("</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        table._tbl.extend(list(parse_xml("".join(out))))
        return table

    def _style_id(self, style: str) -> str:
        if style not in self._style_ids:
            self._style_ids[style] = self.doc.styles[style].style_id
        return self._style_ids[style]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class _Members:
    """What python-docx's package writer writes to: each part a zip member, the PNG
    pictures stored, the rest deflated."""

    def __init__(self, z: zipfile.ZipFile):
        self._zip = z

    def write(self, uri, blob: bytes) -> None:
        stored = uri.lower().endswith(".png")
        self._zip.writestr(uri.membername, blob, compress_type=zipfile.ZIP_STORED if stored else None)


def _run_xml(text: str) -> str:
    """A run of ``text`` as python-docx writes it: tabs as ``w:tab``, line breaks as
    ``w:br``, the rest in ``w:t`` (spaces kept where the text starts or ends with one).

    >>> _run_xml("a\\tb "), _run_xml("")
    ('<w:r><w:t>a</w:t><w:tab/><w:t xml:space="preserve">b </w:t></w:r>', '<w:r/>')
    """
    if not text:
        return "<w:r/>"
    out = ["<w:r>"]
    for part in re.split(r"([\t\r\n])", text):
        if part == "\t":
            out.append("<w:tab/>")
        elif part in ("\r", "\n"):
            out.append("<w:br/>")
        elif part:
            space = ' xml:space="preserve"' if len(part.strip()) < len(part) else ""
            out.append(f"<w:t{space}>{escape(part)}</w:t>")
    out.append("</w:r>")
    return "".join(out)


def _fonts(rpr) -> None:
    """The report's font for every script of a run properties element; the theme fonts
    (which win over named ones) removed."""
    from docx.oxml.ns import qn  # python-docx: loaded when a Word report is written

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _field(paragraph, instr: str) -> None:
    """A simple Word field (PAGE, NUMPAGES) with a placeholder result."""
    from docx.oxml import OxmlElement  # python-docx: loaded when a Word report is written
    from docx.oxml.ns import qn  # python-docx: loaded when a Word report is written

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _table_width(table, mm: float) -> None:
    from docx.oxml.ns import qn  # python-docx: loaded when a Word report is written

    tblW = table._tbl.tblPr.find(qn("w:tblW"))
    tblW.set(qn("w:type"), "dxa")
    tblW.set(qn("w:w"), str(round(mm / 25.4 * 1440)))


def _cell_margins(table, *, top_bottom_mm: float) -> None:
    """Room above and below the text of every cell (Word's default is none)."""
    from docx.oxml import OxmlElement  # python-docx: loaded when a Word report is written
    from docx.oxml.ns import qn  # python-docx: loaded when a Word report is written

    mar = OxmlElement("w:tblCellMar")
    for side, mm in (("top", top_bottom_mm), ("left", 1.9), ("bottom", top_bottom_mm), ("right", 1.9)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(mm / 25.4 * 1440)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblPr = table._tbl.tblPr
    look = tblPr.find(qn("w:tblLook"))
    if look is not None:  # the schema's order: cell margins before the look
        look.addprevious(mar)
    else:
        tblPr.append(mar)
