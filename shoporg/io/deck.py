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

import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import fmt
from ..analysis import compare, compare_view, diff, diff_view, health, health_view
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
        sizes = {n: (stub_width if stubs else width, _box_height(name_lines, bool(stubs))) for n in shown}
        lay = tidy_layout(G.subgraph(shown).copy(), sizes, "top-down", **_GAPS)
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


def _smallest(G, roles, width, name_lines, stubs, area):
    """A page that does not fit at the smallest text: drawn as it is, smaller."""
    sizes = {n: (width, _box_height(name_lines, stubs)) for n in roles}
    lay = tidy_layout(G.subgraph(roles).copy(), sizes, "top-down", **_GAPS)
    return lay, min(_MAX_SCALE, area[0] / lay.width, area[1] / lay.height)


# -- drawing ---------------------------------------------------------------------------
def _pt(x: float) -> int:
    return int(round(x * 12700))


def _rgb(hex6: str):
    from pptx.dml.color import RGBColor  # python-pptx: loaded when a deck is written

    return RGBColor.from_string(hex6)


def _tint(hex6: str, amount: float = 0.86) -> str:
    rgb = [int(hex6[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)


def _font(run, size: float, colour: str = _INK, bold: bool = False) -> None:
    """Size, colour and the deck font for Latin and East Asian text of one run."""
    from pptx.util import Pt  # python-pptx: loaded when a deck is written

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _rgb(colour)
    run.font.name = FONT
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        el = rpr.find(_qn(tag))
        if el is None:
            el = rpr.makeelement(_qn(tag), {})
            rpr.append(el)
        el.set("typeface", FONT)


def _qn(tag: str) -> str:
    from pptx.oxml.ns import qn  # python-pptx: loaded when a deck is written

    return qn(tag)


def _paragraphs(frame, lines: list[tuple[str, float, str, bool]], align=None) -> None:
    frame.clear()
    for i, (text, size, colour, bold) in enumerate(lines):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        if align is not None:
            p.alignment = align
        run = p.add_run()
        run.text = text
        _font(run, size, colour, bold)


class _Deck:
    """A presentation being written: slides with a title and a footer."""

    def __init__(self, lang: str, footer: str):
        from pptx import Presentation  # python-pptx: loaded when a deck is written

        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = _pt(_SLIDE_W), _pt(_SLIDE_H)
        self.lang, self.footer = lang, footer

    def slide(self, title: str, *, layout: int = 5):
        s = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        box = s.shapes.title
        box.left, box.top, box.width, box.height = (_pt(_MARGIN_X), _pt(_TITLE_TOP), _pt(_SLIDE_W - 2 * _MARGIN_X),
                                                    _pt(_TITLE_H))
        from pptx.enum.text import (
            PP_ALIGN,  # python-pptx: loaded when a deck is written
        )

        _paragraphs(box.text_frame, [(title, 24, _INK, True)], PP_ALIGN.LEFT)
        number = len(self.prs.slides)
        foot = s.shapes.add_textbox(_pt(_MARGIN_X), _pt(_SLIDE_H - _FOOT_H), _pt(_SLIDE_W - 2 * _MARGIN_X), _pt(18))
        _paragraphs(foot.text_frame, [(f"{self.footer}    {number}" if self.footer else str(number), 9, _GREY, False)],
                    PP_ALIGN.RIGHT)
        return s

    def cover(self, title: str, subtitle: str, lines: list[str]):
        """The title slide: a band in the first department colour, the title, the options
        and the client block."""
        from pptx.enum.shapes import (
            MSO_SHAPE,  # python-pptx: loaded when a deck is written
        )
        from pptx.enum.text import (
            PP_ALIGN,  # python-pptx: loaded when a deck is written
        )

        s = self.slide(title)
        band = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, _pt(18), _pt(_SLIDE_H))
        band.fill.solid()
        band.fill.fore_color.rgb = _rgb(_PALETTE[0])
        band.line.fill.background()
        box = s.shapes.title
        box.left, box.top, box.width, box.height = _pt(72), _pt(150), _pt(_SLIDE_W - 144), _pt(70)
        _paragraphs(box.text_frame, [(title, 36, _INK, True)], PP_ALIGN.LEFT)
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
              numeric=frozenset(), top: float = _BODY_TOP, size: float = 11):
        """A table; ``widths`` are shares of the body width, ``numeric`` columns right-aligned;
        each row as high as its longest cell needs (LibreOffice does not grow rows)."""
        from pptx.enum.text import (
            PP_ALIGN,  # python-pptx: loaded when a deck is written
        )

        cols = _column_widths(widths)
        heights = [_row_height(r, cols, size) for r in [header] + rows]
        shape = s.shapes.add_table(len(rows) + 1, len(header), _pt(_MARGIN_X), _pt(top), _pt(_AREA[0]),
                                   _pt(sum(heights)))
        table = shape.table
        for i, w in enumerate(cols):
            table.columns[i].width = _pt(w)
        for r, values in enumerate([header] + rows):
            table.rows[r].height = _pt(heights[r])
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                cell.margin_left = cell.margin_right = _pt(_CELL_PAD)
                cell.margin_top = cell.margin_bottom = _pt(_CELL_PAD / 2)
                align = PP_ALIGN.RIGHT if c in numeric and r > 0 else PP_ALIGN.LEFT
                _paragraphs(cell.text_frame, [("" if value is None else str(value), size, "FFFFFF" if r == 0 else _INK,
                                               r == 0)], align)
        return table

    def tables(self, title: str, header: list[str], rows: list[list[str]], widths: list[float], *,
               numeric=frozenset(), size: float = 11) -> None:
        """As many slides as the rows need, each headed ``title (k/n)`` when there are several."""
        cols = _column_widths(widths)
        room = _AREA[1] - _row_height(header, cols, size)
        parts, part, used = [], [], 0.0
        for row in rows:
            h = _row_height(row, cols, size)
            if part and used + h > room:
                parts.append(part)
                part, used = [], 0.0
            part.append(row)
            used += h
        parts.append(part)
        for i, part in enumerate(parts):
            head = title if len(parts) == 1 else t("deck.chart_part", self.lang, title=title, part=i + 1,
                                                   parts=len(parts))
            self.table(self.slide(head), header, part, widths, numeric=numeric, size=size)

    def org_chart(self, s, design, page: ChartPage, numbers: list[int], colours: dict) -> None:
        """Boxes and glued connectors of one chart page, centred in the body."""
        from pptx.enum.shapes import (  # python-pptx: loaded when a deck is written
            MSO_CONNECTOR,
            MSO_SHAPE,
        )
        from pptx.enum.text import (  # python-pptx: loaded when a deck is written
            MSO_ANCHOR,
            PP_ALIGN,
        )
        from pptx.util import Pt  # python-pptx: loaded when a deck is written

        lay, k = page.layout, page.scale
        left = _MARGIN_X + (_AREA[0] - lay.width * k) / 2
        top = _BODY_TOP + (_AREA[1] - lay.height * k) / 2
        G = to_graph(design)
        below = headcount_rollup(G)
        boxes = {}
        for node in page.roles:
            role = design.role(node)
            x, y, w, h = lay[node]
            shape = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, _pt(left + (x - w / 2) * k), _pt(top + (y - h / 2) * k),
                                       _pt(w * k), _pt(h * k))
            colour = colours[node]
            shape.fill.solid()
            shape.fill.fore_color.rgb = _rgb(_tint(colour))
            shape.line.color.rgb = _rgb(colour)
            shape.line.width = Pt(1.25)
            shape.shadow.inherit = False
            shape.name = role.name.get(self.lang)
            frame = shape.text_frame
            frame.word_wrap = False
            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            frame.margin_left = frame.margin_right = _pt(_PAD_X * k)
            frame.margin_top = frame.margin_bottom = _pt(_PAD_Y * k)
            lines = [(x_, size * k, _INK if size == _NAME_PT else _GREY, size == _NAME_PT)
                     for x_, size in _box_texts(role, self.lang)]
            if node in page.continued:
                lines.append((t("deck.continued", self.lang, page=numbers[page.continued[node]],
                                people=fmt.headcount(below[node] - float(role.headcount), self.lang)),
                              _DETAIL_PT * k, _ACCENT, False))
            _paragraphs(frame, lines, PP_ALIGN.CENTER)
            boxes[node] = shape
        for m, r in G.edges:
            if m in boxes and r in boxes:
                self._connector(s, MSO_CONNECTOR.ELBOW, boxes[m], boxes[r], lay.mode, dashed=False)
        for m, r in G.graph["dotted_lines"]:
            if m in boxes and r in boxes:
                self._connector(s, MSO_CONNECTOR.STRAIGHT, boxes[m], boxes[r], "top-down", dashed=True)

    @staticmethod
    def _connector(s, kind, a, b, mode: str, *, dashed: bool) -> None:
        """A line from ``a``'s bottom to ``b``'s top (glued to both), as an elbow turned
        upright: PowerPoint's elbow runs across first, an org chart's runs down first."""
        from pptx.util import Pt  # python-pptx: loaded when a deck is written

        c = s.shapes.add_connector(kind, 0, 0, 0, 0)
        c.begin_connect(a, 2)
        c.end_connect(b, 0)
        c.line.color.rgb = _rgb(_ACCENT if dashed else _LINE_COLOUR)
        c.line.width = Pt(1.0)
        ln = c.line._get_or_add_ln()
        if dashed:
            dash = ln.makeelement(_qn("a:prstDash"), {"val": "dash"})
            ln.append(dash)
            ln.append(ln.makeelement(_qn("a:tailEnd"), {"type": "triangle"}))
        x1, y1 = a.left + a.width // 2, a.top + a.height
        x2, y2 = b.left + b.width // 2, b.top
        if kind == 1 or mode != "top-down" or x1 == x2 or y2 <= y1:
            return
        # upright elbow: the frame is turned a quarter, its width along the drop
        xfrm = c._element.spPr.find(_qn("a:xfrm"))
        w, h = y2 - y1, abs(x2 - x1)
        cx, cy = (x1 + x2) // 2, (y1 + y2) // 2
        xfrm.set("rot", "5400000")
        for attr in ("flipH", "flipV"):
            xfrm.attrib.pop(attr, None)
        if x2 > x1:
            xfrm.set("flipV", "1")
        xfrm.find(_qn("a:off")).set("x", str(cx - w // 2))
        xfrm.find(_qn("a:off")).set("y", str(cy - h // 2))
        xfrm.find(_qn("a:ext")).set("cx", str(w))
        xfrm.find(_qn("a:ext")).set("cy", str(h))


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
    table = compare(designs if len(designs) > 1 else designs * 2, scenario, lang=lang, supply=supply)
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
        colours = _colours(d)
        for i, page in enumerate(pages):
            head = t("deck.chart_title", lang, name=name)
            if len(pages) > 1:
                head = t("deck.chart_part", lang, title=head, part=i + 1, parts=len(pages))
            deck.org_chart(deck.slide(head), d, page, numbers, colours)
        rows = [[r.name.get(lang), _department(d, r, lang), fmt.headcount(r.headcount, lang), pay_summary(r, lang),
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


def _department(design, role, lang: str) -> str:
    for dep in design.departments:
        if dep.id == role.department:
            return dep.name.get(lang)
    return ""


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
