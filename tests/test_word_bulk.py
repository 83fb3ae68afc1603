"""The Word report's tables written in bulk and its pictures added on a count are the
same, to the byte, as python-docx's own element-by-element way, kept below as it was
first written: design 14 and 方案B in both languages, a 150-role design with many
chart pages, and a table of awkward cells. (How fast it is is measured in
``benchmarks/bench_scale.py``, never here.)
"""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile

import pytest

from shoporg.io import word, word_doc
from shoporg.io.word import write_docx
from shoporg.io.word_doc import Report, capital
from shoporg.io.word_widths import TABLE_PT, column_widths, natural_width

from .conftest import ROOT


# -- python-docx's own way, as first written ----------------------------------------------
def reference_table(self, header, rows, *, numeric=frozenset(), shares=None, total_row=False, fill=True,
                    together=False, minor=frozenset()):
    """Report.table, cell by cell through python-docx."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm
    from docx.table import _Cell

    header = [capital(str(h)) for h in header]
    rows = [["" if v is None else capital(str(v)) for v in r] for r in rows]
    total = self.text_mm[0]
    if not fill:
        total = min(total, 1.4 * sum(natural_width(col, TABLE_PT) for col in zip(header, *rows)))
    widths = column_widths([header] + rows, total, shares=shares)
    table = self.doc.add_table(rows=0, cols=len(header), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER if fill else WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    word_doc._table_width(table, sum(widths))
    word_doc._cell_margins(table, top_bottom_mm=0.5)
    for col, w in zip(table.columns, widths):
        col.width = Mm(w)
    last = len(rows)
    for r, values in enumerate([header] + rows):
        tr = table.add_row()._tr
        trpr = tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if r == 0:
            trpr.append(OxmlElement("w:tblHeader"))
        for c, (tc, value) in enumerate(zip(tr.tc_lst, values)):
            cell = _Cell(tc, table)
            cell.width = Mm(widths[c])
            bold = r == 0 or (total_row and r == last)
            style = ("Table Head" if bold else "Table Text") + (" Number" if c in numeric else "")
            if style == "Table Text Number":
                style = "Table Number"
            lines = value.split("\n")
            cell.paragraphs[0].text = lines[0]
            self.styled(cell.paragraphs[0], style)
            for line in lines[1:]:
                self.styled(cell.add_paragraph(line), "Table Minor" if c in minor and r else style)
            if together and r < last:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
            if r == 0:
                shd = OxmlElement("w:shd")
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
                shd.set(qn("w:fill"), "E4EAF1")
                tc.get_or_add_tcPr().append(shd)
    return table


def reference_picture(self, png, dpi, *, height_mm=None, least=0.0):
    """Report.picture through python-docx's ``Run.add_picture``."""
    from docx.shared import Mm

    px_w, px_h = word_doc._png_size(png)
    w, h = px_w / dpi * 25.4, px_h / dpi * 25.4
    room_w, room_h = self.text_mm
    room_w -= 0.1
    scale = min(room_w / w, room_h / h, max(least, min(1.0, (height_mm or room_h) / h)))
    p = self.styled(self.doc.add_paragraph(), "Figure")
    p.add_run().add_picture(io.BytesIO(png), width=Mm(w * scale))
    return scale


def parts(path) -> dict:
    """Every part of a .docx by name (the save times taken out), and its ``path``."""
    with zipfile.ZipFile(path) as z:
        out = {n: z.read(n) for n in z.namelist()}
    out["path"] = path
    out["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\w+>", b"",
                                      out["docProps/core.xml"])
    return out


def both_ways(monkeypatch, write):
    """The parts of what ``write(path)`` writes, this way and the reference way."""
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    write(folder / "bulk.docx")
    with monkeypatch.context() as m:
        m.setattr(Report, "table", reference_table)
        m.setattr(Report, "picture", reference_picture)
        m.setattr(Report, "save", lambda self, path: self.doc.save(path))
        write(folder / "plain.docx")
    return parts(folder / "bulk.docx"), parts(folder / "plain.docx")


CLIENT = {"client": "某天猫旗舰店", "project": "电商部组织设计", "consultant": "王顾问", "date": "2026-12-01",
          "version": "第2版"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_design_14_and_option_b_are_written_to_the_byte_as_before(options, lang, monkeypatch):
    d14, option, scenario = options
    bulk, plain = both_ways(monkeypatch, lambda p: write_docx([d14, option], p, scenario, lang, client=CLIENT))
    assert bulk.keys() == plain.keys()
    assert b"<w:tbl>" in bulk["word/document.xml"] and b"<pic:pic" in bulk["word/document.xml"]
    for name in plain.keys() - {"path"}:
        assert bulk[name] == plain[name], name


def _stub_pictures(design, lang, dpi, *, min_pt=8.0, crop=False):
    """One small PNG per chart page, every third one the same as the first (a picture
    repeated is kept once)."""
    from PIL import Image

    from shoporg.chart import chart_pages

    out = []
    for i in range(len(chart_pages(design, lang, min_pt=min_pt))):
        buf = io.BytesIO()
        Image.new("RGB", (60 + (i % 3 and i), 40), "white").save(buf, "PNG")
        out.append(buf.getvalue())
    return out


def test_a_large_design_with_many_chart_pages_is_written_to_the_byte_as_before(monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "benchmarks" / "bench_scale.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    design, _, scenario = bench.cloned(150)
    monkeypatch.setattr(word, "chart_page_pngs", _stub_pictures)
    bulk, plain = both_ways(monkeypatch, lambda p: write_docx(design, p, scenario, "en", date="2026-12-01"))
    media = [n for n in plain if n.startswith("word/media/")]
    assert len(media) > 5 and bulk.keys() == plain.keys()
    for name in plain.keys() - {"path"}:
        assert bulk[name] == plain[name], name
    # the pictures are stored as they are, the rest compressed as python-docx compresses it
    with zipfile.ZipFile(bulk["path"]) as z:
        kinds = {i.filename: i.compress_type for i in z.infolist()}
    assert {kinds[n] for n in media} == {zipfile.ZIP_STORED}
    assert {k for n, k in kinds.items() if n not in media} == {zipfile.ZIP_DEFLATED}


def test_awkward_cells_are_written_as_python_docx_writes_them(monkeypatch):
    header = ["role", "people", "pay & <bonus>", "notes"]
    rows = [["店长\n运营部\n汇报给：总监", 1, None, " leading space"],
            ["a\tb", "2.5", "", "trailing \n\nafter an empty line"],
            ["\u3000全角空格", "x\ry", "¥1,000", "last"],
            ["合计", 3.5, "", ""]]

    def write(path):
        rep = Report("页眉", ("第", "页，共", "页"))
        rep.table(header, rows, numeric={1}, shares={3: 0.4}, minor={0})
        rep.table(header, rows, numeric={1, 2}, total_row=True, fill=False, together=True, minor={0, 3})
        rep.table(["only"], [])
        rep.doc.save(str(path))

    bulk, plain = both_ways(monkeypatch, write)
    assert bulk["word/document.xml"].count(b"<w:tbl>") == 3
    assert bulk["word/document.xml"] == plain["word/document.xml"]
