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

from ..analysis import compare, diff, diff_view, gaps, health, metric_text
from ..catalogue import duty_areas
from ..chart import cjk_font, plot_org
from ..errors import DesignFileError, FileExistsRefusedError
from ..pay.engine import payroll
from ..scenario import filled_note
from ..tables import pay_summary, role_table
from .atomic import atomic_write

__all__ = ["write_docx", "export_docx"]

_T = {
    "title": ("网店组织设计方案", "Online-shop organization design"),
    "client": ("客户", "Client"), "date": ("日期", "Date"), "author": ("编制", "Prepared by"),
    "summary": ("方案概要", "Summary of the options"), "chart": ("组织架构图", "Org chart"),
    "roles": ("岗位职责表", "Role table"), "payroll": ("薪酬测算", "Payroll estimate"),
    "assumptions": ("假设与规则", "Assumptions and rules"), "compare": ("方案对比", "Comparison"),
    "diff": ("方案差异", "Differences"), "gaps": ("职责缺口", "Duty gaps"), "health": ("健康检查", "Health findings"),
    "none": ("无", "none"), "month": ("月份", "month"), "accrued": ("应计（元）", "accrued (yuan)"),
    "paid": ("实发（元）", "paid (yuan)"), "carried": ("计划期后发放（结转）", "paid after the plan (carried over)"),
    "people": ("人", "people"), "role_n": ("个岗位", "roles"),
}


def _t(key: str, lang: str) -> str:
    return _T[key][0 if lang == "zh" else 1]


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
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = "" if value is None else str(value)


def _chart_png(design, lang: str) -> bytes:
    import matplotlib  # matplotlib is heavy: loaded when a chart is drawn
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

    ax = plot_org(design, lang=lang)
    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png", dpi=150, bbox_inches="tight")
    plt.close(ax.figure)
    return buf.getvalue()


def write_docx(designs, path, scenario=None, lang: str = "zh", *, client: str = "", author: str = "",
                date: str | None = None, supply=None, overwrite: bool = False) -> Path:
    """Write the client report as .docx; atomic, refuses to overwrite unless asked.

    ``designs`` is one design or a list of two to four options; with a ``scenario`` the
    report has a payroll section per option and, for several options, a comparison.
    """
    from docx import Document  # python-docx: loaded when a Word report is written
    from docx.shared import Cm  # python-docx: loaded when a Word report is written

    designs = [designs] if hasattr(designs, "roles") else list(designs)
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise DesignFileError(f"a Word report is a .docx file, got {path.suffix or 'no suffix'!r}", file=str(path))
    if path.exists() and not overwrite:
        raise FileExistsRefusedError(f"{path}: already exists; pass overwrite=True (CLI: --overwrite) to replace it")

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = section.page_height, section.page_width  # A4 landscape
    from docx.enum.section import (
        WD_ORIENT,  # python-docx: loaded when a Word report is written
    )
    section.orientation = WD_ORIENT.LANDSCAPE
    _styles(doc, cjk_font())
    doc.add_paragraph(_t("title", lang), style="Title")
    for key, value in (("client", client), ("date", date or _dt.date.today().isoformat()), ("author", author)):
        doc.add_paragraph(f"{_t(key, lang)}：{value}" if lang == "zh" else f"{_t(key, lang)}: {value}")
    doc.add_page_break()

    doc.add_heading(_t("summary", lang), level=1)
    for d in designs:
        doc.add_paragraph(f"{d.name.get(lang)}：{len(d.roles)}{_t('role_n', lang)}，{d.headcount.normalize():f}"
                          f"{_t('people', lang)}" if lang == "zh" else
                          f"{d.name.get(lang)}: {len(d.roles)} roles, {d.headcount.normalize():f} people",
                          style="List Bullet")
    areas = duty_areas()
    filled = []  # per-person scenario data fitted to each design's headcount
    for d in designs:
        doc.add_heading(d.name.get(lang), level=1)
        doc.add_heading(_t("chart", lang), level=2)
        doc.add_picture(io.BytesIO(_chart_png(d, lang)), width=Cm(24))
        doc.add_heading(_t("roles", lang), level=2)
        t = role_table(d, lang=lang, labels=True)
        _table(doc, list(t.columns[1:]), t.iloc[:, 1:].values.tolist())
        if scenario is not None:
            pr = payroll(d, scenario, supply=supply)
            filled += pr.filled
            doc.add_heading(_t("payroll", lang), level=2)
            m = pr.by_month()
            _table(doc, [_t("month", lang), _t("accrued", lang), _t("paid", lang)],
                   [[i, f"{a:,.2f}", f"{p:,.2f}"] for i, a, p in zip(m.index, m["accrued"], m["paid"])])
            doc.add_paragraph(f"{_t('carried', lang)}：{pr.carried_over:,.2f}")
        doc.add_heading(_t("gaps", lang), level=2)
        missing = gaps(d)
        doc.add_paragraph("、".join(areas.loc[a, "zh" if lang == "zh" else "en"] for a in missing)
                          if missing else _t("none", lang))
        h = health(d, scenario=scenario)
        doc.add_heading(_t("health", lang), level=2)
        if h.empty:
            doc.add_paragraph(_t("none", lang))
        else:
            _table(doc, list(h.columns), h.values.tolist())
    if len(designs) > 1:
        doc.add_heading(_t("compare", lang), level=1)
        c = compare(designs, scenario, lang=lang, supply=supply)
        _table(doc, list(c.columns), [[row[0]] + [metric_text(key, v) for v in row[1:]]
                                      for key, row in zip(c.index, c.values.tolist())])
        for other in designs[1:]:
            doc.add_heading(f"{_t('diff', lang)}：{designs[0].name.get(lang)} → {other.name.get(lang)}", level=2)
            dd = diff_view(diff(designs[0], other), lang)
            _table(doc, list(dd.columns), dd.values.tolist())
    if scenario is not None:
        doc.add_heading(_t("assumptions", lang), level=1)
        doc.add_paragraph(f"{scenario.name.get(lang)} ({scenario.months[0]} – {scenario.months[-1]})")
        drivers = scenario.table()
        _table(doc, ["driver"] + list(drivers.index), [[k] + [f"{v:g}" for v in drivers[k]] for k in drivers.columns])
        note = filled_note(filled, designs, lang)
        if note:
            doc.add_paragraph(note)
        for d in designs:
            for r in d.roles:
                if r.pay:
                    doc.add_paragraph(f"{r.name.get(lang)}：{pay_summary(r, lang)}", style="List Bullet")

    atomic_write(path, doc.save, overwrite=overwrite)
    return path


export_docx = write_docx  # the earlier name
