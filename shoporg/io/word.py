"""The Word report (python-docx): title page, options, org charts, role tables, payroll,
comparison and diff, coverage gaps and health findings.

Styles carry the formatting (no direct formatting in paragraphs), the East Asian font
is set on every style so Chinese renders in Word and LibreOffice, and tables repeat
their header row when they break across pages.

>>> import tempfile, pathlib
>>> from shoporg import load_template
>>> p = write_docx([load_template("seed-14-basic-22")], pathlib.Path(tempfile.mkdtemp()) / "r.docx")
>>> p.suffix, p.stat().st_size > 20_000
('.docx', True)
"""

from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

from .. import fmt
from ..analysis import (
    compare,
    compare_view,
    diff,
    diff_view,
    gaps,
    health,
    health_view,
)
from ..catalogue import duty_areas
from ..chart import cjk_font
from ..client import ClientBlock
from ..errors import DesignFileError
from ..i18n import Phrase, check_lang, driver_name, t, words
from ..pay.engine import payroll
from ..scenario import filled_note
from ..tables import CHAIN_COLUMNS, chain_months, pay_summary, role_table
from .atomic import atomic_write, check_target
from .picture import chart_png

__all__ = ["write_docx", "export_docx"]


def _styles(doc, font: str) -> None:
    from docx.oxml.ns import qn  # python-docx: loaded when a Word report is written
    from docx.shared import Pt  # python-docx: loaded when a Word report is written

    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid", "Caption"):
        style = doc.styles[name]
        style.font.name = font
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), font)
    doc.styles["Normal"].font.size = Pt(10)


def _table(doc, header: list[str], rows: list[list]) -> None:
    from docx.oxml import (
        OxmlElement,  # python-docx: loaded when a Word report is written
    )
    from docx.oxml.ns import qn  # python-docx: loaded when a Word report is written

    table = doc.add_table(rows=1, cols=len(header), style="Table Grid")
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = str(text)
    trpr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # repeat the header row on every page
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    from docx.table import _Cell  # python-docx: loaded when a Word report is written

    for row in rows:
        # the new row's own cells (``row.cells`` would walk the whole table for each row)
        tr = table.add_row()._tr
        for tc, value in zip(tr.tc_lst, row):
            _Cell(tc, table).text = "" if value is None else str(value)


def write_docx(designs, path, scenario=None, lang: str = "zh", *, client=None, author: str = "",
                date: str | None = None, supply=None, overwrite: bool = False) -> Path:
    """Write the client report as .docx; atomic, refuses to overwrite unless asked.

    ``designs`` is one design or a list of two to four options; with a ``scenario`` the
    report has a payroll section per option and, for several options, a comparison.
    """
    from docx import Document  # python-docx: loaded when a Word report is written
    from docx.shared import Cm, Mm  # python-docx: loaded when a Word report is written

    designs = [designs] if hasattr(designs, "roles") else list(designs)
    check_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise DesignFileError(Phrase("err.docx_suffix", got=repr(path.suffix) if path.suffix else Phrase("err.no_suffix")),
                              file=str(path))
    check_target(path, overwrite=overwrite)

    block = ClientBlock.of(client, designs[0])
    client, author = block.client, author or block.consultant
    doc = Document()
    section = doc.sections[0]
    from docx.enum.section import WD_ORIENT  # python-docx: loaded when a Word report is written

    # A4 landscape (python-docx's own template is US Letter) with 2 cm margins
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(20)
    _styles(doc, cjk_font())
    props = doc.core_properties  # python-docx's template names itself as author and comment
    props.author, props.comments, props.title = author, "", t("doc.title", lang)
    doc.add_paragraph(t("doc.title", lang), style="Title")
    for key, value in (("client", client), ("date", date or fmt.date(_dt.date.today(), lang)), ("author", author)):
        doc.add_paragraph(t("doc.field", lang, label=t(f"doc.{key}", lang), value=value))
    doc.add_page_break()

    doc.add_heading(t("doc.summary", lang), level=1)
    for d in designs:
        doc.add_paragraph(t("doc.option", lang, name=d.name.get(lang), roles=len(d.roles),
                            people=fmt.headcount(d.headcount, lang)), style="List Bullet")
    areas = duty_areas()
    filled = []  # per-person scenario data fitted to each design's headcount
    for d in designs:
        doc.add_heading(d.name.get(lang), level=1)
        doc.add_heading(t("doc.chart", lang), level=2)
        doc.add_picture(io.BytesIO(chart_png(d, lang, dpi=150)), width=Cm(24))
        doc.add_heading(t("doc.roles", lang), level=2)
        roles = role_table(d, lang=lang)
        roles["headcount"] = [fmt.headcount(x, lang) for x in roles["headcount"]]
        _table(doc, [t(f"col.{c}", lang) for c in roles.columns[1:]], roles.iloc[:, 1:].values.tolist())
        if scenario is not None:
            pr = payroll(d, scenario, supply=supply)
            filled += pr.filled
            doc.add_heading(t("doc.payroll", lang), level=2)
            m = chain_months(pr)
            if m is not None:  # a city's terms: the whole chain, from gross pay to net pay
                cols, heads = zip(*CHAIN_COLUMNS)
            else:
                m, cols, heads = pr.by_month(), ("accrued", "paid"), ("accrued_yuan", "paid_yuan")
            rows = [[fmt.month(i, lang), *(fmt.fixed(m.loc[i, c], lang) for c in cols)] for i in m.index]
            rows.append([t("total", lang), *(fmt.fixed(m[c].sum(), lang) for c in cols)])
            _table(doc, [t("col.month", lang), *(t(f"col.{h}", lang) for h in heads)], rows)
            doc.add_paragraph(t("doc.field", lang, label=t("doc.carried", lang), value=fmt.yuan(pr.carried_over, lang,
                                                                                                   cents=True)))
        doc.add_heading(t("doc.gaps", lang), level=2)
        missing = gaps(d)
        doc.add_paragraph(words([areas.loc[a, lang] for a in missing], lang) if missing else t("word.none", lang))
        h = health(d, scenario=scenario, lang=lang)
        doc.add_heading(t("doc.health", lang), level=2)
        if h.empty:
            doc.add_paragraph(t("word.none", lang))
        else:
            hv = health_view(h, d, lang)
            _table(doc, list(hv.columns), hv.values.tolist())
    if len(designs) > 1:
        doc.add_heading(t("doc.compare", lang), level=1)
        c = compare_view(compare(designs, scenario, lang=lang, supply=supply), lang)
        _table(doc, list(c.columns), c.values.tolist())
        for other in designs[1:]:
            doc.add_heading(t("doc.diff", lang, a=designs[0].name.get(lang), b=other.name.get(lang)), level=2)
            dd = diff_view(diff(designs[0], other), lang, designs=(designs[0], other))
            dd = dd.drop(columns=dd.columns[1])  # role ids serve reading a table back, not a reader
            _table(doc, list(dd.columns), dd.values.tolist())
    if scenario is not None:
        doc.add_heading(t("doc.assumptions", lang), level=1)
        doc.add_paragraph(t("doc.scenario", lang, name=scenario.name.get(lang), start=fmt.month(scenario.months[0], lang),
                            end=fmt.month(scenario.months[-1], lang)))
        drivers = scenario.table()
        _table(doc, [t("col.driver", lang)] + [fmt.month(m, lang) for m in drivers.index],
               [[driver_name(k, lang)] + [fmt.number(v, lang) for v in drivers[k]] for k in drivers.columns])
        note = filled_note(filled, designs, lang)
        if note:
            doc.add_paragraph(note)
        for d in designs:
            for r in d.roles:
                if r.pay:
                    doc.add_paragraph(t("doc.field", lang, label=r.name.get(lang), value=pay_summary(r, lang)),
                                      style="List Bullet")

    atomic_write(path, doc.save, overwrite=overwrite)
    return path


export_docx = write_docx  # the earlier name
