"""The deck as written in bulk: the same XML as python-pptx's own shape-, cell- and
run-wise calls make, and every slide and table that the options' content asks for."""

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

import shoporg
from shoporg import fmt
from shoporg.analysis import compare, compare_view, diff, diff_view, health, health_view
from shoporg.i18n import driver_name, t
from shoporg.io import deck as D
from shoporg.io.staffing_rows import staffing_rows
from shoporg.staffing import read_norms
from shoporg.tables import duty_list, pay_summary
from tests.test_deck import deep_design, wide_design

# -- python-pptx's own calls, as the deck made them before it wrote XML in bulk ---------


def _font(run, size, colour, bold):
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = D._rgb(colour)
    run.font.name = D.FONT
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        rpr.append(rpr.makeelement(qn(tag), {"typeface": D.FONT}))


def _paragraphs(frame, lines, align=None):
    frame.clear()
    for i, (text, size, colour, bold) in enumerate(lines):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if align is not None:
            p.alignment = align
        run = p.add_run()
        run.text = text
        _font(run, size, colour, bold)


def reference_table(s, header, rows, widths, *, numeric=frozenset(), top=D._BODY_TOP, size=11):
    cols = D._column_widths(widths)
    heights = [D._row_height(r, cols, size) for r in [header] + rows]
    table = s.shapes.add_table(len(rows) + 1, len(header), D._pt(D._MARGIN_X), D._pt(top), D._pt(D._AREA[0]),
                               D._pt(sum(heights))).table
    for i, w in enumerate(cols):
        table.columns[i].width = D._pt(w)
    for r, values in enumerate([header] + rows):
        table.rows[r].height = D._pt(heights[r])
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = D._pt(D._CELL_PAD)
            cell.margin_top = cell.margin_bottom = D._pt(D._CELL_PAD / 2)
            align = PP_ALIGN.RIGHT if c in numeric and r > 0 else PP_ALIGN.LEFT
            _paragraphs(cell.text_frame, [("" if value is None else str(value), size,
                                           "FFFFFF" if r == 0 else D._INK, r == 0)], align)


def reference_org_chart(s, design, page, numbers, lang="zh"):
    lay, k = page.layout, page.scale
    left = D._MARGIN_X + (D._AREA[0] - lay.width * k) / 2
    top = D._BODY_TOP + (D._AREA[1] - lay.height * k) / 2
    chart = D._Chart.of(design)
    boxes = {}
    for node in page.roles:
        role = design.role(node)
        x, y, w, h = lay[node]
        shape = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, D._pt(left + (x - w / 2) * k), D._pt(top + (y - h / 2) * k),
                                   D._pt(w * k), D._pt(h * k))
        colour = chart.colours[node]
        shape.fill.solid()
        shape.fill.fore_color.rgb = D._rgb(D._tint(colour))
        shape.line.color.rgb = D._rgb(colour)
        shape.line.width = Pt(1.25)
        shape.shadow.inherit = False
        shape.name = role.name.get(lang)
        frame = shape.text_frame
        frame.word_wrap = False
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        frame.margin_left = frame.margin_right = D._pt(D._PAD_X * k)
        frame.margin_top = frame.margin_bottom = D._pt(D._PAD_Y * k)
        lines = [(x_, size * k, D._INK if size == D._NAME_PT else D._GREY, size == D._NAME_PT)
                 for x_, size in D._box_texts(role, lang)]
        if node in page.continued:
            lines.append((t("deck.continued", lang, page=numbers[page.continued[node]],
                            people=fmt.headcount(chart.below[node] - float(role.headcount), lang)),
                          D._DETAIL_PT * k, D._ACCENT, False))
        _paragraphs(frame, lines, PP_ALIGN.CENTER)
        boxes[node] = shape
    G = chart.graph
    for edges, kind in ((G.edges, MSO_CONNECTOR.ELBOW), (G.graph["dotted_lines"], MSO_CONNECTOR.STRAIGHT)):
        for m, r in edges:
            if m in boxes and r in boxes:
                _reference_connector(s, kind, boxes[m], boxes[r], lay.mode if kind == MSO_CONNECTOR.ELBOW
                                     else "top-down", dashed=kind == MSO_CONNECTOR.STRAIGHT)


def _reference_connector(s, kind, a, b, mode, *, dashed):
    c = s.shapes.add_connector(kind, 0, 0, 0, 0)
    c.begin_connect(a, 2)
    c.end_connect(b, 0)
    c.line.color.rgb = D._rgb(D._ACCENT if dashed else D._LINE_COLOUR)
    c.line.width = Pt(1.0)
    ln = c.line._get_or_add_ln()
    if dashed:
        ln.append(ln.makeelement(qn("a:prstDash"), {"val": "dash"}))
        ln.append(ln.makeelement(qn("a:tailEnd"), {"type": "triangle"}))
    x1, y1 = a.left + a.width // 2, a.top + a.height
    x2, y2 = b.left + b.width // 2, b.top
    if kind == MSO_CONNECTOR.STRAIGHT or mode != "top-down" or x1 == x2 or y2 <= y1:
        return
    xfrm = c._element.spPr.find(qn("a:xfrm"))
    w, h = y2 - y1, abs(x2 - x1)
    cx, cy = (x1 + x2) // 2, (y1 + y2) // 2
    xfrm.set("rot", "5400000")
    for attr in ("flipH", "flipV"):
        xfrm.attrib.pop(attr, None)
    if x2 > x1:
        xfrm.set("flipV", "1")
    xfrm.find(qn("a:off")).set("x", str(cx - w // 2))
    xfrm.find(qn("a:off")).set("y", str(cy - h // 2))
    xfrm.find(qn("a:ext")).set("cx", str(w))
    xfrm.find(qn("a:ext")).set("cy", str(h))


def _shapes_xml(slide) -> str:
    """The shapes added after a slide's title and footer."""
    return "".join(etree.tostring(el, encoding="unicode") for el in list(slide.shapes._spTree)[4:])


def _two_slides():
    deck = D._Deck("zh", "某天猫旗舰店")
    return deck, deck.slide("甲"), deck.slide("乙")


# -- the bulk XML is python-pptx's -------------------------------------------------------


def test_a_table_in_bulk_is_the_table_python_pptx_writes_cell_by_cell(options):
    d14, _, _ = options
    header = ["岗位", "部门", "人数", "工资构成", "岗位职责"]
    rows = [[r.name.zh, r.department or "", fmt.headcount(r.headcount), pay_summary(r, "zh"), duty_list(r, "zh")]
            for r in d14.roles]
    rows += [["A & B <客服>", None, "", "tab\there", "bell\x07 and\rreturn"]]  # escapes, an empty cell, controls
    deck, bulk, ref = _two_slides()
    deck.table(bulk, header, rows, [2.0, 1.7, 0.7, 4.3, 5.3], numeric={2}, size=10)
    reference_table(ref, header, rows, [2.0, 1.7, 0.7, 4.3, 5.3], numeric={2}, size=10)
    assert _shapes_xml(bulk) == _shapes_xml(ref) and "graphicFrame" in _shapes_xml(bulk)
    frame = next(s for s in bulk.shapes if s.has_table)
    assert [c.width for c in frame.table.columns] == [D._pt(w) for w in D._column_widths([2.0, 1.7, 0.7, 4.3, 5.3])]
    assert [c.text for c in frame.table.rows[1].cells][0] == d14.roles[0].name.zh


@pytest.mark.parametrize("case", ["d14", "dotted", "wide", "stubs"])
def test_an_org_chart_page_in_bulk_is_the_shapes_python_pptx_draws(options, case):
    d14, _, _ = options
    design = {"d14": d14, "wide": wide_design(), "stubs": deep_design()}.get(case)
    if case == "dotted":  # a picker also answering to the storekeeper, a dotted line on the chart
        design = d14.replace(roles=tuple(r.model_copy(update={"dotted_line": ("director",)}) if r.id == "picker"
                                         else r for r in d14.roles))
    pages = D.chart_pages(design)
    page = pages[0]
    numbers = [3 + i for i in range(len(pages))]
    deck, bulk, ref = _two_slides()
    deck.org_chart(bulk, D._Chart.of(design), page, numbers)
    reference_org_chart(ref, design, page, numbers)
    assert _shapes_xml(bulk) == _shapes_xml(ref)
    assert _shapes_xml(bulk).count("</p:cxnSp>") >= len(page.roles) - 1
    if case == "stubs":  # a manager whose reports go on another slide carries the stub
        assert page.continued and f"见第{numbers[1]}页" in _shapes_xml(bulk)
    if case == "dotted":
        assert 'prstDash val="dash"' in _shapes_xml(bulk)


def test_slides_copied_from_the_first_are_the_slides_python_pptx_adds():
    deck = D._Deck("zh", "某天猫旗舰店")
    for i in range(3):
        deck.slide(f"第{i}页")
    prs = Presentation()
    for i in range(3):
        s = prs.slides.add_slide(prs.slide_layouts[5])
        box = s.shapes.title
        box.left, box.top, box.width, box.height = (D._pt(D._MARGIN_X), D._pt(D._TITLE_TOP),
                                                    D._pt(D._SLIDE_W - 2 * D._MARGIN_X), D._pt(D._TITLE_H))
        _paragraphs(box.text_frame, [(f"第{i}页", 24, D._INK, True)], PP_ALIGN.LEFT)
        foot = s.shapes.add_textbox(D._pt(D._MARGIN_X), D._pt(D._SLIDE_H - D._FOOT_H),
                                    D._pt(D._SLIDE_W - 2 * D._MARGIN_X), D._pt(18))
        _paragraphs(foot.text_frame, [(f"某天猫旗舰店    {i + 1}", 9, D._GREY, False)], PP_ALIGN.RIGHT)
    ours, theirs = list(deck.prs.slides), list(prs.slides)
    assert [etree.tostring(s._element) for s in ours] == [etree.tostring(s._element) for s in theirs]
    assert [(x.rId, x.id) for x in deck.prs.slides._sldIdLst] == [(x.rId, x.id) for x in prs.slides._sldIdLst]
    assert [s.part.partname for s in ours] == [s.part.partname for s in theirs]


# -- every slide and table of the two options' deck -------------------------------------


def _tables(slide):
    return [[[c.text for c in row.cells] for row in sh.table.rows] for sh in slide.shapes if sh.has_table]


def _parts(slides, title):
    """The table rows under ``title``, over its (k/n) slides, each slide's header row dropped."""
    found = [s for s in slides if s.shapes.title.text == title or s.shapes.title.text.startswith(title + "（")]
    heads = [s.shapes.title.text for s in found]
    if len(found) > 1:
        assert heads == [t("deck.chart_part", "zh", title=title, part=i + 1, parts=len(found))
                         for i in range(len(found))]
    rows = []
    for s in found:
        (table,) = _tables(s)
        rows += table[1:]
    return found, rows


def _first_duties(role):
    items = [x for x in duty_list(role, "zh").split("\n") if x.strip()]
    return "\n".join(items[:2] + ([t("deck.more_duties", "zh", n=len(items) - 2)] if len(items) > 2 else []))


def test_every_slide_and_every_table_cell_of_the_two_options_in_shanghai_with_norms(options, tmp_path):
    d14, option, scenario = options
    a, b = (x.replace(employment={"city": "上海"}) for x in (d14, option))
    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    prs = Presentation(str(D.write_pptx([a, b], tmp_path / "ab.pptx", scenario, norms=norms,
                                        client={"client": "某天猫旗舰店", "project": "电商部组织设计"})))
    slides = list(prs.slides)
    seen = [slides[0], slides[1]]  # the cover, the summary
    assert slides[0].shapes.title.text == "电商部组织设计" and slides[1].shapes.title.text == "方案概要"

    table = compare([a, b], scenario)
    shown = compare_view(table.loc[[k for k in D._COMPARED if k in table.index]])
    (summary,) = _tables(slides[1])
    assert summary == [["指标", a.name.zh, b.name.zh]] + [[r.iloc[0], r.iloc[1], r.iloc[2]] for _, r in shown.iterrows()]

    for d in (a, b):
        name = d.name.zh
        charts = [s for s in slides if s.shapes.title.text.startswith(t("deck.chart_title", "zh", name=name))]
        assert len(charts) == len(D.chart_pages(d))
        assert {r.name.zh for r in d.roles} <= {sh.name for s in charts for sh in s.shapes}
        found, rows = _parts(slides, t("deck.roles_title", "zh", name=name))
        departments = {dep.id: dep.name.zh for dep in d.departments}
        assert rows == [[r.name.zh, departments.get(r.department, ""), fmt.headcount(r.headcount), pay_summary(r, "zh"),
                         _first_duties(r)] for r in d.roles]
        seen += charts + found
        pay = [s for s in slides if s.shapes.title.text == t("deck.payroll_title", "zh", name=name)]
        assert len(pay) == 1 and any(sh.has_chart for sh in pay[0].shapes)
        seen += pay
        sized, _kept, peak = staffing_rows(d, scenario, "zh", norms=norms)
        found, rows = _parts(slides, t("deck.staffing_title", "zh", name=name))
        assert rows == [[str(x) for x in row] for row in sized]
        seen += found
        found, rows = _parts(slides, t("deck.peak_title", "zh", name=name))
        assert rows == [[str(x) for x in row] for row in peak.values.tolist()]
        seen += found
        hv = health_view(health(d, scenario=scenario), d)
        found, rows = _parts(slides, t("deck.health_title", "zh", name=name))
        assert rows == [[str(x) for x in row] for row in hv.values.tolist()]
        seen += found

    dd = diff_view(diff(a, b), "zh", designs=(a, b))
    found, rows = _parts(slides, t("doc.diff", "zh", a=a.name.zh, b=b.name.zh))
    assert rows == [[str(x) for x in row] for row in dd.drop(columns=dd.columns[1]).values.tolist()] and rows
    seen += found

    (assumptions,) = [s for s in slides if s.shapes.title.text == t("doc.assumptions", "zh")]
    (drivers,) = _tables(assumptions)
    frame = scenario.table()
    assert [row[0] for row in drivers[1:]] == [driver_name(k, "zh") for k in frame.columns]
    assert drivers[1][1:] == [fmt.number(v, "zh", digits=0) for v in frame[frame.columns[0]]]
    seen.append(assumptions)
    for d in (a, b):
        found, rows = _parts(slides, t("deck.rules_title", "zh", name=d.name.zh))
        assert rows == [[r.name.zh, pay_summary(r, "zh")] for r in d.roles if r.pay]
        seen += found
    # no slide besides these, each once, and each footer numbered in order
    assert sorted(id(s) for s in seen) == sorted(id(s) for s in slides)
    for i, s in enumerate(slides, 1):
        assert [sh.text_frame.text for sh in s.shapes if sh.has_text_frame][1] == f"某天猫旗舰店 · 电商部组织设计    {i}"
