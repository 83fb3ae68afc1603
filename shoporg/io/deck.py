"""The slide deck (python-pptx, 16:9): cover, summary, each option's org chart as native
shapes and connectors, its roles and payroll, the comparison and differences, assumptions.

The org chart is drawn from :func:`shoporg.layout.tidy_layout`, one editable rectangle a
role and one connector a reporting line glued to both boxes, so a consultant can move a
box in PowerPoint and the lines follow. A chart that would be too small to read on one
slide is split by subtree (:func:`chart_pages`): a manager whose reports continue on a
later slide carries a stub "见第N页" with the people below it.

>>> import tempfile, pathlib
>>> from pptx import Presentation
>>> from shoporg import load_template
>>> p = write_pptx([load_template("seed-14-basic-22")], pathlib.Path(tempfile.mkdtemp()) / "d.pptx")
>>> [s.shapes.title.text for s in Presentation(p).slides][:3]
['网店组织设计方案', '方案概要', '网店基本人员构成及职责表 · 组织架构图']
"""

from __future__ import annotations

import copy
import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import fmt
from ..analysis import _compare, compare_view, diff, diff_view, health, health_view
from ..chart import headcount_text
from ..client import ClientBlock
from ..errors import DesignFileError
from ..hierarchy import headcount_rollup, to_graph
from ..i18n import Phrase, check_lang, driver_name, t, words
from ..layout import split_pages, tidy_layout
from ..pay.engine import payroll
from ..tables import duty_list, pay_summary
from .atomic import atomic_write, check_target
from .staffing_rows import staffing_rows

__all__ = ["write_pptx", "chart_pages", "ChartPage", "wrap_text", "FONT"]

FONT = "Microsoft YaHei"
"""The deck's font: the one Chinese clients' Windows PowerPoint and WPS have; other
systems substitute their own CJK sans (PingFang SC, Noto Sans CJK SC)."""

# Geometry in points (1 pt = 12,700 EMU); the slide is 16:9, 960 × 540 pt.
_SLIDE_W, _SLIDE_H = 960.0, 540.0
_MARGIN_X, _TITLE_TOP, _TITLE_H = 36.0, 22.0, 44.0
_BODY_TOP, _FOOT_H = 78.0, 26.0
_AREA = (_SLIDE_W - 2 * _MARGIN_X, _SLIDE_H - _BODY_TOP - _FOOT_H - 12.0)
_NAME_PT, _DETAIL_PT, _MIN_PT = 12.0, 10.0, 9.0
_MAX_SCALE = 1.4                 # a small chart is drawn larger, up to 17 pt names
_PAD_X, _PAD_Y, _LINE = 6.0, 4.0, 1.25
_NAME_LIMIT, _MIN_BOX_W = 118.0, 84.0
_GAPS = {"sibling_gap": 12.0, "subtree_gap": 20.0, "level_gap": 30.0}
_CELL_PAD = 5.0
_INK, _GREY, _ACCENT, _LINE_COLOUR = "1F2933", "52606D", "B83227", "7B8794"
# the org chart's Tableau-10 colours, so deck and chart read alike
_PALETTE = ("4E79A7", "F28E2B", "59A14F", "E15759", "76B7B2", "EDC948", "B07AA1", "FF9DA7",
            "9C755F", "BAB0AC")
_NO_DEPARTMENT = "9AA5B1"


# -- text measure and wrapping ----------------------------------------------------------
def _text_width(text: str, size: float) -> float:
    """Width in points: a wide (CJK) character is one em, any other about 0.6 em."""
    return size * sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def wrap_text(text: str, size: float, limit: float) -> list[str]:
    """``text`` in as few lines no wider than ``limit`` points as it needs, the lines
    balanced so that none is left with a single character.

    >>> wrap_text("电商推广专员", 12, 60)
    ['电商推', '广专员']
    >>> wrap_text("天猫旗舰店客服", 12, 40)
    ['天猫旗', '舰店', '客服']
    >>> wrap_text("Customer service team manager", 12, 118)
    ['Customer service', 'team manager']
    """
    if _text_width(text, size) <= limit:
        return [text]
    spaced = " " in text.strip()
    tokens = text.split() if spaced else list(text)
    if spaced:  # a lone "/" or "&" stays with the word before it
        glued: list[str] = []
        for word in tokens:
            if glued and not any(ch.isalnum() for ch in word):
                glued[-1] += " " + word
            else:
                glued.append(word)
        tokens = glued
    sep = " " if spaced else ""
    lines = max(2, math.ceil(_text_width(text, size) / limit))
    while lines < len(tokens):
        per = math.ceil(len(tokens) / lines)
        if not spaced:  # CJK: equal runs of characters, the last never a lone one
            out = ["".join(tokens[i:i + per]) for i in range(0, len(tokens), per)]
            if len(out[-1]) == 1 and len(out) > 1:
                out[-2:] = [out[-2][:-1], out[-2][-1] + out[-1]]
        else:
            target = max(_text_width(text, size) / lines, max(_text_width(w, size) for w in tokens))
            out, line = [], ""
            for word in tokens:
                candidate = f"{line}{sep}{word}" if line else word
                if line and _text_width(candidate, size) > target * 1.15:
                    out.append(line)
                    line = word
                else:
                    line = candidate
            out.append(line)
        if all(_text_width(x, size) <= limit for x in out):
            return out
        lines += 1
    return tokens


# -- chart pages -----------------------------------------------------------------------
@dataclass
class ChartPage:
    """One slide of an org chart: the roles drawn on it, where each continues, the layout
    (points, before ``scale``) and the scale that fits it on the slide."""

    tops: tuple[str, ...]
    roles: tuple[str, ...]
    continued: dict = field(default_factory=dict)
    """Role → index of the page its reports continue on."""
    layout: object = None
    scale: float = 1.0


def _box_texts(role, lang: str) -> list[tuple[str, float]]:
    lines = [(x, _NAME_PT) for x in wrap_text(role.name.get(lang), _NAME_PT, _NAME_LIMIT)]
    people = headcount_text(role.headcount, lang)
    if role.vacancies:
        people += " · " + t("chart.vacant", lang, n=role.vacancies)
    return lines + [(people, _DETAIL_PT)]


def _box_height(lines: int, extra: bool) -> float:
    return 2 * _PAD_Y + lines * _NAME_PT * _LINE + _DETAIL_PT * _LINE * (2 if extra else 1)


def chart_pages(design, lang: str = "zh", *, area: tuple[float, float] = _AREA,
                min_pt: float = _MIN_PT) -> list[ChartPage]:
    """Split the org chart into slides whose smallest text is at least ``min_pt``
    (the split is :func:`shoporg.layout.split_pages`, as for printed charts).

    >>> from shoporg import load_template
    >>> pages = chart_pages(load_template("seed-14-basic-22"))
    >>> len(pages), len(pages[0].roles), pages[0].scale >= _MIN_PT / _DETAIL_PT
    (1, 11, True)
    """
    G = to_graph(design)
    texts = {r.id: _box_texts(r, lang) for r in design.roles}
    width = max(max(_text_width(x, s) for x, s in texts[n]) for n in texts) + 2 * _PAD_X
    width = max(width, _MIN_BOX_W)
    # room for the widest "见第N页" stub, should the chart need more than one slide
    stub = t("deck.continued", lang, page=len(design.roles) + 9, people=fmt.headcount(design.headcount, lang))
    stub_width = max(width, _text_width(stub, _DETAIL_PT) + 2 * _PAD_X)
    name_lines = max(sum(1 for _, s in texts[n] if s == _NAME_PT) for n in texts)
    least = min_pt / _DETAIL_PT

    def fits(shown, stubs):
        box = (stub_width if stubs else width, _box_height(name_lines, bool(stubs)))
        if _surely_too_large(G, shown, box, (area[0] / least, area[1] / least)):
            return None  # no layout needed to tell
        sizes = dict.fromkeys(shown, box)
        lay = tidy_layout(_subtree_graph(G, shown), sizes, "top-down", **_GAPS)
        scale = min(_MAX_SCALE, area[0] / lay.width, area[1] / lay.height)
        return (lay, scale) if scale >= least else None

    whole = fits(list(G.nodes), [])
    if whole:
        return [ChartPage(tuple(n for n in G.nodes if G.in_degree(n) == 0), tuple(G.nodes), {}, *whole)]
    pages = split_pages(G, fits)
    out = []
    for p in pages:
        lay, scale = p.fit or _smallest(G, p.roles, stub_width if p.continued else width, name_lines,
                                        bool(p.continued), area)
        out.append(ChartPage((p.root,), p.roles, {n: k - 1 for n, k in p.continued.items()}, lay, scale))
    return out


def _surely_too_large(G, shown, box, most) -> bool:
    """Whether boxes of size ``box`` for the roles ``shown`` are wider or taller than
    ``most`` however they are laid out: boxes of one level sit side by side, levels one
    below the other, none overlapping. Counted level by level, so that a large subtree is
    turned down after its first too-wide level (the slack leaves the layout's rounding alone).

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("a", "c"), ("a", "d")])
    >>> _surely_too_large(G, ["a", "b", "c", "d"], (10, 5), (25, 100)), _surely_too_large(G, ["a", "b"], (10, 5), (25, 100))
    (True, False)
    """
    keep = set(shown)
    level = [n for n in shown if not any(m in keep for m in G.pred[n])]
    levels = 0
    while level:
        levels += 1
        if len(level) * box[0] > most[0] * 1.001 or levels * box[1] > most[1] * 1.001:
            return True
        level = [c for n in level for c in G.succ[n] if c in keep]
    return False


def _smallest(G, roles, width, name_lines, stubs, area):
    """A page that does not fit at the smallest text: drawn as it is, smaller."""
    sizes = {n: (width, _box_height(name_lines, stubs)) for n in roles}
    lay = tidy_layout(_subtree_graph(G, roles), sizes, "top-down", **_GAPS)
    return lay, min(_MAX_SCALE, area[0] / lay.width, area[1] / lay.height)


def _subtree_graph(G, shown):
    """The reporting lines among ``shown`` as a graph of their own, successors in ``G``'s
    order: what ``G.subgraph(shown).copy()`` lays out, without a filtered view's cost
    on every look-up.

    >>> import networkx as nx
    >>> list(_subtree_graph(nx.DiGraph([("a", "c"), ("a", "b"), ("b", "d")]), ["a", "b", "c"]).edges)
    [('a', 'c'), ('a', 'b')]
    """
    import networkx as nx  # already loaded by shoporg.hierarchy

    keep = set(shown)
    H = nx.DiGraph()
    H.add_nodes_from(shown)
    H.add_edges_from((u, v) for u in shown for v in G.succ[u] if v in keep)
    return H


# -- drawing ---------------------------------------------------------------------------
def _pt(x: float) -> int:
    return int(round(x * 12700))


def _rgb(hex6: str):
    from pptx.dml.color import RGBColor  # python-pptx: loaded when a deck is written

    return RGBColor.from_string(hex6)


def _tint(hex6: str, amount: float = 0.86) -> str:
    rgb = [int(hex6[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


# -- slide XML in bulk -------------------------------------------------------------------
# Text, tables and org-chart pages are written as XML fragments, parsed once each: the
# elements python-pptx's run-, cell- and shape-wise calls make, in the same order, with
# the same attributes (tests/test_deck_content.py pins them), at a fraction of the cost.
_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_CTRL = re.compile(r"[\x00-\x08\x0B-\x1F]")
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                       "\t": "&#9;"})
_CELL_MARGINS = f'<a:tcPr marL="{_pt(_CELL_PAD)}" marR="{_pt(_CELL_PAD)}" marT="{_pt(_CELL_PAD / 2)}" ' \
                f'marB="{_pt(_CELL_PAD / 2)}"/>'
_INSET = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}  # DrawingML's defaults, left unwritten
_STYLE = ('<p:style><a:lnRef idx="{0}"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="{1}"><a:schemeClr '
          'val="accent1"/></a:fillRef><a:effectRef idx="{2}"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef '
          'idx="minor"><a:schemeClr val="{3}"/></a:fontRef></p:style>')
_BOX_STYLE, _LINE_STYLE = _STYLE.format(1, 3, 2, "lt1"), _STYLE.format(2, 0, 1, "tx1")


def _xml_text(text: str) -> str:
    """``text`` as element content: control characters as python-pptx writes them
    (``_x0007_``; tab and line feed kept), then XML-escaped.

    >>> _xml_text("a<b & c\\x07")
    'a&lt;b &amp; c_x0007_'
    """
    text = _CTRL.sub(lambda m: "_x%04X_" % ord(m.group(0)), text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=None)
def _rpr(size: float, colour: str, bold: bool) -> str:
    """A run's properties: size, bold, colour and the deck font for Latin, East Asian and
    complex scripts."""
    from pptx.util import Pt  # python-pptx: loaded when a deck is written

    face = f' typeface="{FONT}"'
    return (f'<a:rPr sz="{Pt(size).centipoints}" b="{int(bool(bold))}"><a:solidFill><a:srgbClr val="{colour}"/>'
            f'</a:solidFill><a:latin{face}/><a:ea{face}/><a:cs{face}/></a:rPr>')


def _p_xml(lines, align: str | None = None) -> str:
    """One paragraph of one run for each ``(text, size, colour, bold)``; ``align`` is
    DrawingML's ``l``, ``ctr`` or ``r``."""
    ppr = f'<a:pPr algn="{align}"/>' if align else ""
    return "".join(f"<a:p>{ppr}<a:r>{_rpr(size, colour, bold)}<a:t>{_xml_text(text)}</a:t></a:r></a:p>"
                   for text, size, colour, bold in lines)


def _elements(xml: str) -> list:
    """The elements of an XML fragment in the ``a:`` and ``p:`` namespaces, parsed by
    python-pptx's parser (so they read back as its element classes)."""
    from pptx.oxml import parse_xml  # python-pptx: loaded when a deck is written

    tree = parse_xml(f"<p:spTree {_NS}>{xml}</p:spTree>")
    if "<a:t></a:t>" in xml:  # an empty run's text is "", written <a:t></a:t> as python-pptx does
        for el in tree.iter(_A + "t"):
            if el.text is None:
                el.text = ""
    return list(tree)


def _paragraphs(frame, lines: list[tuple[str, float, str, bool]], align: str | None = None) -> None:
    """``frame``'s text replaced by ``lines`` (its first paragraph holds no settings of its own)."""
    _fill(frame._txBody, lines, align)


def _fill(body, lines, align: str | None = None) -> None:
    """A ``txBody`` element's paragraphs replaced by ``lines``."""
    for p in body.findall(_A + "p"):
        body.remove(p)
    body.extend(_elements(_p_xml(lines, align)))


def _next_shape_id(slide) -> int:
    """What python-pptx gives the next shape: one more than the largest id on the slide."""
    return max(int(v) for v in slide.shapes._spTree.xpath("//@id") if v.isdigit()) + 1


def _table_xml(shape_id: int, x: int, y: int, widths: list[int], rows: list[tuple[int, list[str]]]) -> str:
    """A table's graphic frame: column widths and ``(height, cells)`` rows in EMU, each
    cell's paragraphs as :func:`_p_xml` writes them; the frame as wide and high as they add up."""
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in widths)
    trs = "".join(f'<a:tr h="{h}">' + "".join(f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{p}</a:txBody>"
                                               f"{_CELL_MARGINS}</a:tc>" for p in cells) + "</a:tr>"
                  for h, cells in rows)
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Table {shape_id - 1}"/>'
            f'<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
            f'</p:nvGraphicFramePr><p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{sum(widths)}" '
            f'cy="{sum(h for h, _ in rows)}"/></p:xfrm><a:graphic><a:graphicData '
            f'uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1">'
            f'<a:tableStyleId>{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}</a:tableStyleId></a:tblPr><a:tblGrid>{grid}'
            f'</a:tblGrid>{trs}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>')


def _box_xml(shape_id: int, name: str, frame: tuple[int, int, int, int], fill: str, line: str,
             insets: dict, paragraphs: str) -> str:
    """An org-chart box: a rectangle with a tinted fill, an outline in its department's
    colour and no shadow, its text centred on one line per paragraph."""
    x, y, w, h = frame
    pads = "".join(f' {k}="{v}"' for k, v in insets.items() if v != _INSET[k])
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name.translate(_ATTR)}"/><p:cNvSpPr/><p:nvPr/>'
            f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom '
            f'prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill><a:ln '
            f'w="15875"><a:solidFill><a:srgbClr val="{line}"/></a:solidFill></a:ln><a:effectLst/></p:spPr>'
            f'{_BOX_STYLE}<p:txBody><a:bodyPr rtlCol="0" anchor="ctr" wrap="none"{pads}/><a:lstStyle/>{paragraphs}'
            f'</p:txBody></p:sp>')


def _move_begin(pos: int, size: int, flipped: bool, new: int) -> tuple[int, int, bool]:
    """One axis of a connector's frame after its begin point moves to ``new`` (python-pptx's
    ``begin_x``/``begin_y``)."""
    if flipped:
        old = pos + size
        d = abs(new - old)
        if new >= old:
            return pos, size + d, True
        return (pos, size - d, True) if d <= size else (new, d - size, False)
    d = abs(new - pos)
    if new <= pos:
        return new, size + d, False
    return (new, size - d, False) if d <= size else (pos + size, d - size, True)


def _move_end(pos: int, size: int, flipped: bool, new: int) -> tuple[int, int, bool]:
    """One axis of a connector's frame after its end point moves to ``new`` (``end_x``/``end_y``)."""
    if flipped:
        d = abs(new - pos)
        if new <= pos:
            return new, size + d, True
        return (new, size - d, True) if d <= size else (pos + size, d - size, False)
    old = pos + size
    d = abs(new - old)
    if new >= old:
        return pos, size + d, False
    return (pos, size - d, False) if d <= size else (new, d - size, True)


def _connector_xml(shape_id: int, a: tuple, b: tuple, *, elbow: bool, mode: str, dashed: bool) -> str:
    """A line from box ``a``'s bottom to box ``b``'s top, glued to both (each box is
    ``(id, x, y, w, h)`` in EMU); an elbow of a top-down chart turned upright, as
    PowerPoint's elbow runs across first and an org chart's runs down first."""
    (a_id, ax, ay, aw, ah), (b_id, bx, by, bw, _) = a, b
    flips: dict[str, str] = {}  # xfrm attributes in the order python-pptx sets them

    def flip(name: str, before: bool, after: bool) -> None:
        if after and not before:
            flips[name] = "1"
        elif before and not after:
            flips.pop(name, None)

    x = y = cx = cy = 0
    fh = fv = False
    for move, nx, ny in ((_move_begin, int(ax + aw / 2), ay + ah), (_move_end, int(bx + bw / 2), by)):
        x, cx, h = move(x, cx, fh, nx)
        flip("flipH", fh, h)
        y, cy, v = move(y, cy, fv, ny)
        flip("flipV", fv, v)
        fh, fv = h, v
    x1, y1, x2, y2 = ax + aw // 2, ay + ah, bx + bw // 2, by
    if elbow and mode == "top-down" and x1 != x2 and y2 > y1:  # the frame turned a quarter, its width along the drop
        w, h = y2 - y1, abs(x2 - x1)
        mx, my = (x1 + x2) // 2, (y1 + y2) // 2
        flips = {"rot": "5400000", **({"flipV": "1"} if x2 > x1 else {})}
        x, y, cx, cy = mx - w // 2, my - h // 2, w, h
    attrs = "".join(f' {k}="{v}"' for k, v in flips.items())
    dash = '<a:prstDash val="dash"/><a:tailEnd type="triangle"/>' if dashed else ""
    return (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name="Connector {shape_id - 1}"/><p:cNvCxnSpPr>'
            f'<a:stCxn id="{a_id}" idx="2"/><a:endCxn id="{b_id}" idx="0"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>'
            f'<p:spPr><a:xfrm{attrs}><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom '
            f'prst="{"bentConnector3" if elbow else "line"}"><a:avLst/></a:prstGeom><a:ln w="12700"><a:solidFill>'
            f'<a:srgbClr val="{_ACCENT if dashed else _LINE_COLOUR}"/></a:solidFill>{dash}</a:ln></p:spPr>'
            f'{_LINE_STYLE}</p:cxnSp>')


class _Deck:
    """A presentation being written: slides with a title and a footer."""

    def __init__(self, lang: str, footer: str):
        from pptx import Presentation  # python-pptx: loaded when a deck is written

        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = _pt(_SLIDE_W), _pt(_SLIDE_H)
        self.lang, self.footer = lang, footer
        self._frames: dict[int, object] = {}  # layout -> a slide's shapes before its texts: title and footer

    def _add_slide(self, layout, shapes=None):
        """``prs.slides.add_slide(layout)`` without its look through every earlier slide for a
        relationship to the new one (there is none) and for the largest slide id (the count
        tells both): the same parts, ids and relationships, in time independent of the count."""
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT  # python-pptx: loaded when a deck is written
        from pptx.opc.packuri import PackURI
        from pptx.parts.slide import SlidePart

        ids = self.prs.slides._sldIdLst
        number = len(ids) + 1
        part = SlidePart.new(PackURI(f"/ppt/slides/slide{number}.xml"), self.prs.part.package, layout.part)
        rid = self.prs.part.rels._add_relationship(RT.SLIDE, part)
        slide = part.slide
        if shapes is None:
            slide.shapes.clone_layout_placeholders(layout)
        else:  # a copy of an earlier slide's shape tree, before anything reads this slide's shapes
            tree = slide._element.cSld.spTree
            tree.getparent().replace(tree, copy.deepcopy(shapes))
        ids._add_sldId(id=255 + number, rId=rid)  # slide ids start at 256
        return slide

    def slide(self, title: str, *, layout: int = 5):
        """A new slide with its title and footer (the first slide of a layout builds them;
        the others copy its shapes, the same elements and ids, and set their texts)."""
        frame = self._frames.get(layout)
        s = self._add_slide(self.prs.slide_layouts[layout], frame)
        if frame is None:
            box = s.shapes.title
            box.left, box.top, box.width, box.height = (_pt(_MARGIN_X), _pt(_TITLE_TOP),
                                                        _pt(_SLIDE_W - 2 * _MARGIN_X), _pt(_TITLE_H))
            s.shapes.add_textbox(_pt(_MARGIN_X), _pt(_SLIDE_H - _FOOT_H), _pt(_SLIDE_W - 2 * _MARGIN_X), _pt(18))
            self._frames[layout] = copy.deepcopy(s.shapes._spTree)
        head, foot = (sp.find(_P + "txBody") for sp in s.shapes._spTree.findall(_P + "sp"))
        _fill(head, [(title, 24, _INK, True)], "l")
        number = len(self.prs.slides)
        _fill(foot, [(f"{self.footer}    {number}" if self.footer else str(number), 9, _GREY, False)], "r")
        return s

    def cover(self, title: str, subtitle: str, lines: list[str]):
        """The title slide: a band in the first department colour, the title, the options
        and the client block."""
        from pptx.enum.shapes import (
            MSO_SHAPE,  # python-pptx: loaded when a deck is written
        )

        s = self.slide(title)
        band = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, _pt(18), _pt(_SLIDE_H))
        band.fill.solid()
        band.fill.fore_color.rgb = _rgb(_PALETTE[0])
        band.line.fill.background()
        box = s.shapes.title
        box.left, box.top, box.width, box.height = _pt(72), _pt(150), _pt(_SLIDE_W - 144), _pt(70)
        _paragraphs(box.text_frame, [(title, 36, _INK, True)], "l")
        rule = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, _pt(72), _pt(232), _pt(120), _pt(3))
        rule.fill.solid()
        rule.fill.fore_color.rgb = _rgb(_PALETTE[1])
        rule.line.fill.background()
        sub = s.shapes.add_textbox(_pt(72), _pt(246), _pt(_SLIDE_W - 144), _pt(40))
        sub.text_frame.word_wrap = True
        _paragraphs(sub.text_frame, [(subtitle, 18, _GREY, False)])
        facts = s.shapes.add_textbox(_pt(72), _pt(330), _pt(_SLIDE_W - 144), _pt(140))
        facts.text_frame.word_wrap = True
        _paragraphs(facts.text_frame, [(x, 14, _INK, False) for x in lines])
        return s

    def text(self, s, lines, top: float = _BODY_TOP, height: float | None = None):
        box = s.shapes.add_textbox(_pt(_MARGIN_X), _pt(top), _pt(_AREA[0]), _pt(height or _AREA[1]))
        box.text_frame.word_wrap = True
        _paragraphs(box.text_frame, [(x, size, colour, bold) for x, size, colour, bold in lines])
        return box

    def table(self, s, header: list[str], rows: list[list[str]], widths: list[float], *,
              numeric=frozenset(), top: float = _BODY_TOP, size: float = 11, heights: list[float] | None = None) -> None:
        """A table; ``widths`` are shares of the body width, ``numeric`` columns right-aligned;
        each row as high as its longest cell needs (LibreOffice does not grow rows), or as
        ``heights`` (header first) says."""
        cols = _column_widths(widths)
        if heights is None:
            heights = [_row_height(r, cols, size) for r in [header] + rows]
        body = []
        for r, values in enumerate([header] + rows):
            colour = "FFFFFF" if r == 0 else _INK
            cells = [_p_xml([("" if v is None else str(v), size, colour, r == 0)], "r" if c in numeric and r > 0 else "l")
                     for c, v in enumerate(values)]
            body.append((_pt(heights[r]), cells + ["<a:p/>"] * (len(header) - len(cells))))
        s.shapes._spTree.extend(_elements(_table_xml(_next_shape_id(s), _pt(_MARGIN_X), _pt(top),
                                                     [_pt(w) for w in cols], body)))

    def tables(self, title: str, header: list[str], rows: list[list[str]], widths: list[float], *,
               numeric=frozenset(), size: float = 11) -> None:
        """As many slides as the rows need, each headed ``title (k/n)`` when there are several."""
        cols = _column_widths(widths)
        head_h = _row_height(header, cols, size)
        room = _AREA[1] - head_h
        parts, part, used = [], [], 0.0
        for row in rows:
            h = _row_height(row, cols, size)
            if part and used + h > room:
                parts.append(part)
                part, used = [], 0.0
            part.append((row, h))
            used += h
        parts.append(part)
        for i, part in enumerate(parts):
            head = title if len(parts) == 1 else t("deck.chart_part", self.lang, title=title, part=i + 1,
                                                   parts=len(parts))
            self.table(self.slide(head), header, [r for r, _ in part], widths, numeric=numeric, size=size,
                       heights=[head_h] + [h for _, h in part])

    def org_chart(self, s, chart: _Chart, page: ChartPage, numbers: list[int]) -> None:
        """Boxes and glued connectors of one chart page, centred in the body."""
        lay, k = page.layout, page.scale
        left = _MARGIN_X + (_AREA[0] - lay.width * k) / 2
        top = _BODY_TOP + (_AREA[1] - lay.height * k) / 2
        shape_id = _next_shape_id(s)
        insets = {"lIns": _pt(_PAD_X * k), "rIns": _pt(_PAD_X * k), "tIns": _pt(_PAD_Y * k), "bIns": _pt(_PAD_Y * k)}
        boxes, xml = {}, []
        for node in page.roles:
            role = chart.roles[node]
            x, y, w, h = lay[node]
            frame = (_pt(left + (x - w / 2) * k), _pt(top + (y - h / 2) * k), _pt(w * k), _pt(h * k))
            lines = [(x_, size * k, _INK if size == _NAME_PT else _GREY, size == _NAME_PT)
                     for x_, size in _box_texts(role, self.lang)]
            if node in page.continued:
                lines.append((t("deck.continued", self.lang, page=numbers[page.continued[node]],
                                people=fmt.headcount(chart.below[node] - float(role.headcount), self.lang)),
                              _DETAIL_PT * k, _ACCENT, False))
            colour = chart.colours[node]
            xml.append(_box_xml(shape_id, role.name.get(self.lang), frame, _tint(colour), colour, insets,
                                _p_xml(lines, "ctr")))
            boxes[node] = (shape_id, *frame)
            shape_id += 1
        for edges, elbow in ((chart.graph.edges, True), (chart.graph.graph["dotted_lines"], False)):
            for m, r in edges:
                if m in boxes and r in boxes:
                    xml.append(_connector_xml(shape_id, boxes[m], boxes[r], elbow=elbow,
                                              mode=lay.mode if elbow else "top-down", dashed=not elbow))
                    shape_id += 1
        s.shapes._spTree.extend(_elements("".join(xml)))


@dataclass
class _Chart:
    """What every chart page of one design reads: its graph, people below each role, the
    roles by id and each role's colour."""

    graph: object
    below: dict
    roles: dict
    colours: dict

    @classmethod
    def of(cls, design) -> _Chart:
        G = to_graph(design)
        return cls(G, headcount_rollup(G), {r.id: r for r in design.roles}, _colours(design))


def _column_widths(shares) -> list[float]:
    total = sum(shares)
    return [_AREA[0] * w / total for w in shares]


def _row_height(values, widths, size: float) -> float:
    """Points a table row needs: its cell with the most wrapped lines."""
    def lines(text, width):
        room = max(width - 2 * _CELL_PAD, size)
        return sum(max(1, math.ceil(_text_width(p, size) / room)) for p in str(text or "").split("\n"))

    return max(lines(v, w) for v, w in zip(values, widths)) * size * 1.22 + _CELL_PAD + 2


def _colours(design) -> dict:
    order = [d.id for d in design.departments]
    order += [r.department for r in design.roles if r.department and r.department not in order]
    colour = {d: _PALETTE[i % len(_PALETTE)] for i, d in enumerate(order)}
    return {r.id: colour.get(r.department, _NO_DEPARTMENT) for r in design.roles}


#: the comparison rows a slide has room for, in order
_COMPARED = ("people", "roles", "layers", "span_max", "coverage", "monthly_avg", "annual_accrued", "cost_per_order",
             "cost_share", "annual_labour_cost", "labour_cost_per_order")


def write_pptx(designs, path, scenario=None, lang: str = "zh", *, client=None, supply=None, norms=None,
               overwrite: bool = False) -> Path:
    """Write the presentation deck as .pptx; atomic, refuses to overwrite unless asked.

    ``designs`` is one design or two to four options; ``client`` a mapping with
    ``client``, ``project``, ``consultant``, ``date`` and ``version`` (or the client's
    name); with a ``scenario`` each option has a payroll slide and the summary its costs,
    and, where a norm (``norms``, else the design's own) sizes its roles, a staffing slide:
    why each headcount, and how the peak months are covered.
    """
    designs = [designs] if hasattr(designs, "roles") else list(designs)
    check_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".pptx":
        raise DesignFileError(Phrase("err.pptx_suffix", got=repr(path.suffix) if path.suffix else Phrase("err.no_suffix")),
                              file=str(path))
    check_target(path, overwrite=overwrite)
    who = ClientBlock.of(client, designs[0])
    block = who.model_dump() | {"date": who.shown_date(lang)}
    deck = _Deck(lang, who.heading(lang))
    title = block["project"] or t("doc.title", lang)

    deck.cover(title, t("deck.options", lang, names=words([d.name.get(lang) for d in designs], lang)),
               [t("doc.field", lang, label=t(f"deck.{k}", lang), value=block[k])
                for k in ("client", "consultant", "date", "version") if block[k]])

    runs = [payroll(d, scenario, supply=supply) if scenario is not None else None for d in designs]
    # compare() sets options side by side; one design is compared with itself, its own column kept
    table = _compare(designs if len(designs) > 1 else designs * 2, scenario, lang=lang, supply=supply,
                     payrolls=runs if len(designs) > 1 else runs * 2)
    keys = [k for k in _COMPARED if k in table.index]
    shown = compare_view(table.loc[keys], lang)
    names = [d.name.get(lang) for d in designs] if len(designs) == 1 else list(shown.columns[1:1 + len(designs)])
    deck.table(deck.slide(t("doc.summary", lang)), [t("deck.metric", lang)] + names,
               [[row.iloc[0]] + [row.iloc[1 + i] for i in range(len(designs))] for _, row in shown.iterrows()],
               [3] + [2] * len(designs), numeric=set(range(1, 1 + len(designs))))

    for d, pr in zip(designs, runs):
        name = d.name.get(lang)
        pages = chart_pages(d, lang)
        first = len(deck.prs.slides) + 1
        numbers = [first + i for i in range(len(pages))]
        chart = _Chart.of(d)
        for i, page in enumerate(pages):
            head = t("deck.chart_title", lang, name=name)
            if len(pages) > 1:
                head = t("deck.chart_part", lang, title=head, part=i + 1, parts=len(pages))
            deck.org_chart(deck.slide(head), chart, page, numbers)
        departments = _departments(d, lang)
        rows = [[r.name.get(lang), departments.get(r.department, ""), fmt.headcount(r.headcount, lang), pay_summary(r, lang),
                 _first_duties(r, lang)] for r in d.roles]
        deck.tables(t("deck.roles_title", lang, name=name),
                    [t(f"col.{c}", lang) for c in ("name", "department", "headcount", "pay", "duties")],
                    rows, [2.0, 1.7, 0.7, 4.3, 5.3], numeric={2}, size=10)
        if pr is not None:
            _payroll_slide(deck, d, pr, lang)
            _staffing_slides(deck, d, scenario, lang, supply=supply, norms=norms)
        h = health(d, scenario=scenario, lang=lang)
        if not h.empty:
            hv = health_view(h, d, lang)
            deck.tables(t("deck.health_title", lang, name=name), list(hv.columns), hv.values.tolist(),
                        [1] * len(hv.columns), size=10)

    for other in designs[1:]:
        dd = diff_view(diff(designs[0], other), lang, designs=(designs[0], other))
        dd = dd.drop(columns=dd.columns[1])  # role ids serve reading a table back, not a reader
        rows = dd.values.tolist()
        head = t("doc.diff", lang, a=designs[0].name.get(lang), b=other.name.get(lang))
        if rows:
            deck.tables(head, list(dd.columns), rows, [1, 2, 6])
        else:
            deck.text(deck.slide(head), [(t("word.none", lang), 14, _GREY, False)])

    if scenario is not None:
        _assumptions(deck, designs, scenario, lang)

    atomic_write(path, deck.prs.save, overwrite=overwrite)
    return path


def _departments(design, lang: str) -> dict[str, str]:
    """Each department's name by id (the first of a repeated id)."""
    names: dict[str, str] = {}
    for dep in design.departments:
        names.setdefault(dep.id, dep.name.get(lang))
    return names


def _first_duties(role, lang: str, most: int = 2) -> str:
    items = [line for line in duty_list(role, lang).split("\n") if line.strip()]
    shown = items[:most]
    if len(items) > most:
        shown.append(t("deck.more_duties", lang, n=len(items) - most))
    return "\n".join(shown)


def _payroll_slide(deck: _Deck, design, pr, lang: str) -> None:
    """A native column chart of the monthly cost, and the year's figures beside it."""
    from pptx.chart.data import (
        CategoryChartData,  # python-pptx: loaded when a deck is written
    )
    from pptx.enum.chart import (  # python-pptx: loaded when a deck is written
        XL_CHART_TYPE,
        XL_LEGEND_POSITION,
    )
    from pptx.util import Pt  # python-pptx: loaded when a deck is written

    s = deck.slide(t("deck.payroll_title", lang, name=design.name.get(lang)))
    m = pr.by_month()
    data = CategoryChartData(number_format='#,##0')
    data.categories = [fmt.month_short(i, lang) for i in m.index]
    data.add_series(t("accrued", lang), [float(v) for v in m["accrued"]])
    data.add_series(t("paid", lang), [float(v) for v in m["paid"]])
    frame = s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, _pt(_MARGIN_X), _pt(_BODY_TOP), _pt(_AREA[0] * 0.64),
                               _pt(_AREA[1]), data)
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.font.size = Pt(10)
    chart.font.name = FONT
    axis = chart.value_axis
    axis.tick_labels.number_format, axis.tick_labels.number_format_is_linked = "#,##0", False
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb("D9DEE3")
    for plot in chart.plots:
        plot.gap_width = 60
    chart.series[0].format.fill.solid()
    chart.series[0].format.fill.fore_color.rgb = _rgb(_PALETTE[0])
    chart.series[1].format.fill.solid()
    chart.series[1].format.fill.fore_color.rgb = _rgb(_tint(_PALETTE[0], 0.55))
    units = pr.unit_costs()
    orders = float(units["orders"].sum()) if "orders" in units else 0.0
    year = pr.total("accrued")
    facts = [(t("deck.year_cost", lang), fmt.yuan(year, lang)),
             (t("deck.month_cost", lang), fmt.yuan(year / len(m), lang)),
             (t("deck.paid_year", lang), fmt.yuan(pr.total("paid"), lang)),
             (t("doc.carried", lang), fmt.yuan(pr.carried_over, lang))]
    per_order = year / orders if orders else None
    if pr.chain is not None:  # with a city's employment terms: what the employer pays, what people get
        labour = pr.chain_total("labour_cost")
        facts = [(t("deck.gross_year", lang), fmt.yuan(pr.chain_total("gross"), lang)),
                 (t("deck.labour_year", lang), fmt.yuan(labour, lang)),
                 (t("deck.net_year", lang), fmt.yuan(pr.chain_total("net"), lang)),
                 (t("deck.labour_month", lang), fmt.yuan(labour / len(m), lang))]
        per_order = labour / orders if orders else None
    if per_order is not None:
        facts.append((t("deck.per_order", lang), fmt.yuan(per_order, lang, cents=True)))
    box = s.shapes.add_textbox(_pt(_MARGIN_X + _AREA[0] * 0.68), _pt(_BODY_TOP + 20), _pt(_AREA[0] * 0.32),
                               _pt(_AREA[1] - 20))
    box.text_frame.word_wrap = True
    lines = []
    for label, value in facts:
        lines += [(label, 11, _GREY, False), (value, 20, _INK, True)]
    _paragraphs(box.text_frame, lines)


def _staffing_slides(deck: _Deck, design, scenario, lang: str, *, supply, norms) -> None:
    """Why each sized role has its headcount, and how the peak months are covered (none
    when no role of the design has a norm)."""
    sized, _kept, peak = staffing_rows(design, scenario, lang, supply=supply, norms=norms)
    if not sized:
        return
    name = design.name.get(lang)
    deck.tables(t("deck.staffing_title", lang, name=name),
                [t("col.name", lang), t("doc.col.current", lang), t("doc.col.recommended", lang),
                 t("doc.col.reason", lang)], sized, [2.2, 1, 1, 7.8], numeric={1, 2}, size=10)
    if peak is not None and not peak.empty:
        deck.tables(t("deck.peak_title", lang, name=name), list(peak.columns), peak.values.tolist(),
                    [1.4, 1.2, 3.6, 1.6, 2.6, 1.6][:len(peak.columns)], numeric={3, 5}, size=10)


def _assumptions(deck: _Deck, designs, scenario, lang: str) -> None:
    s = deck.slide(t("doc.assumptions", lang))
    drivers = scenario.table()
    head = t("doc.scenario", lang, name=scenario.name.get(lang), start=fmt.month(scenario.months[0], lang),
             end=fmt.month(scenario.months[-1], lang))
    deck.text(s, [(head, 14, _INK, True)], height=24)
    months = list(drivers.index)
    deck.table(s, [t("col.driver", lang)] + [fmt.month_short(x, lang) for x in months],
               [[driver_name(k, lang)] + [fmt.number(v, lang, digits=0) for v in drivers[k]] for k in drivers.columns],
               [3.2] + [1] * len(months), numeric=set(range(1, len(months) + 1)), top=_BODY_TOP + 34, size=8)
    for d in designs:
        rows = [[r.name.get(lang), pay_summary(r, lang)] for r in d.roles if r.pay]
        if rows:
            deck.tables(t("deck.rules_title", lang, name=d.name.get(lang)), [t("col.name", lang), t("col.pay", lang)],
                        rows, [1, 4])
