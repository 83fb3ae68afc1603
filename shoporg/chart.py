"""Org charts drawn with matplotlib, Chinese glyphs included with no font set-up.

Each role is a box with its name, headcount, base-pay band and vacancies (each
optional), coloured by department, placed by :func:`shoporg.layout.tidy_layout`; the
boxes of a row share one height. Box sizes come from the measured width of the text in
the chosen font, and names break into even lines, never leaving one Chinese character
alone. Reporting lines the design states are solid, those it only infers dotted grey;
dotted-line reports are dashed, with an arrowhead, routed around the boxes
(:func:`shoporg.layout.dotted_paths`). :func:`plot_org_pages` splits a large chart into
A4 or A3 pages by subtree so that no text is smaller than 8 pt.

>>> import matplotlib; matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> from shoporg import load_template
>>> ax = plot_org(load_template("seed-14-basic-22"))
>>> len(role_boxes(ax)), ax.get_title()
(11, '网店基本人员构成及职责表')
>>> plt.close(ax.figure)

Fonts
-----
:func:`cjk_font` picks the first installed font of :data:`CJK_FONTS`; where none is
installed it registers the Noto Sans CJK collection shipped by the PyPI package
``noto-cjk-sans-otc`` (SIL Open Font License 1.1; see ``shoporg/fonts/README.md``).
"""

from __future__ import annotations

import functools
import io
import math
import unicodedata
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from . import fmt
from .chart_scene import Arrow, Box, Line, Scene, Text
from .errors import FileExistsRefusedError
from .fonts import CJK_FONTS, PACKAGED_FONTS, packaged_font_path
from .hierarchy import layers, to_graph
from .i18n import Phrase, check_lang, t
from .io.atomic import atomic_write, check_name
from .layout import MODES, dotted_paths, edge_paths, rows, split_pages, tidy_layout, totals_below, tree_graph

__all__ = ["CJK_FONTS", "PACKAGED_FONTS", "FORMATS", "SHOW", "PAPERS", "cjk_font", "font_family",
           "headcount_text", "pay_band", "box_lines", "role_boxes", "plot_org", "ChartPage", "chart_pages",
           "plot_org_pages", "org_scene", "page_scenes", "save_org_chart"]

FORMATS = (".png", ".svg", ".pdf")
SHOW = ("headcount", "pay", "vacancies")
COLOR_BY = ("department", "layer", None)

# Sizes in points at scale 1; the chart is scaled as a whole to fit the page.
_NAME_PT, _DETAIL_PT, _TITLE_PT, _LEGEND_PT = 10.0, 8.0, 13.0, 8.0
_LINE = 1.3                      # line height / font size
_PAD_X, _PAD_Y, _BAR = 7.0, 5.0, 3.0
_MIN_BOX_W, _MAX_NAME_W = 60.0, 112.0
_GAPS = {"sibling_gap": 10.0, "subtree_gap": 18.0, "level_gap": 28.0, "stack_gap": 8.0,
         "stack_indent": 10.0}
_DOTTED_LEVEL_GAP = 40.0         # level gap where dotted lines run beside the reporting lines
_PAGE = (11.69 * 72, 8.27 * 72)  # A4 landscape in points
_MARGIN = 28.0
_MIN_FONT = 6.0                  # the smallest text is never drawn smaller than this
_MAX_PIXELS = 30000              # per side of a PNG

# Tableau 10: muted, distinguishable, prints well.
_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac")
_NO_DEPARTMENT = "#9aa5b1"
_INK, _GREY, _ALERT, _LINE_COLOR = "#1f2933", "#52606d", "#b83227", "#7b8794"
_DOTTED_COLOR = _LINK = "#2b59c3"  # dotted-line reports, and the notes that lead to another page
_DOTTED_DASH = (0, (4.0, 2.5))     # dashes of a dotted-line report (times the line width)
_INFERRED_DASH = (0, (1.0, 1.6))   # fine dots: a reporting line the source does not draw
_PLANNED_DASH = (0, (3.0, 2.0))    # the border of a role whose every place is vacant
_HEAD = (6.0, 2.8)                 # arrowhead length and half width, in points at scale 1



# -- fonts -------------------------------------------------------------------------------
def _pick(installed) -> str | None:
    """The first of :data:`CJK_FONTS` among ``installed`` family names.

    >>> _pick({"DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC"})
    'Noto Sans CJK SC'
    >>> _pick({"DejaVu Sans"}) is None
    True
    """
    return next((name for name in CJK_FONTS if name in installed), None)


@functools.cache
def cjk_font() -> str:
    """The family name of the font used for Chinese text (chosen once, then cached).

    The first installed font of :data:`CJK_FONTS`; else a font of
    :data:`PACKAGED_FONTS`, registered with matplotlib's font manager; else
    ``"DejaVu Sans"`` with a warning (Chinese would then show as boxes).

    >>> cjk_font() in CJK_FONTS + ("Noto Sans CJK JP",)
    True
    """
    from matplotlib import (
        font_manager,  # matplotlib is heavy: loaded when a chart is drawn
    )

    chosen = _pick({f.name for f in font_manager.fontManager.ttflist})
    if chosen:
        return chosen
    for module, filename, family in PACKAGED_FONTS:
        path = packaged_font_path(module, filename)
        if path is None:
            continue
        font_manager.fontManager.addfont(str(path))
        names = [f.name for f in font_manager.fontManager.ttflist if Path(f.fname) == path]
        if family in names:
            return family
        if names:  # a matplotlib that registers only the first face of a collection
            return names[0]
    warnings.warn("no CJK font found: Chinese text will not render; install one of "
                  f"{', '.join(CJK_FONTS)} or the package noto-cjk-sans-otc", RuntimeWarning,
                  stacklevel=2)
    return "DejaVu Sans"


def font_family() -> list[str]:
    """The font family list for chart text: the CJK font, then DejaVu Sans for any
    symbol it lacks.

    >>> font_family()[-1]
    'DejaVu Sans'
    """
    return [cjk_font(), "DejaVu Sans"]


def _prop(size: float):
    from matplotlib.font_manager import (
        FontProperties,  # matplotlib is heavy: loaded when a chart is drawn
    )
    return FontProperties(family=font_family(), size=size)


@functools.cache
def _measurer():
    from matplotlib.textpath import (
        TextToPath,  # matplotlib is heavy: loaded when a chart is drawn
    )
    return TextToPath()


@functools.lru_cache(maxsize=4096)
def _text_width(text: str, size: float) -> float:
    """Width of ``text`` in points, from the font's glyph metrics."""
    width, _, _ = _measurer().get_text_width_height_descent(text, _prop(size), ismath=False)
    return width


# -- box texts -----------------------------------------------------------------------------
def headcount_text(headcount, lang: str = "zh") -> str:
    """Headcount as a box shows it: ``5人``/``0.5人`` in Chinese, ``×5``/``0.5 FTE`` in English.

    >>> headcount_text(Decimal("5")), headcount_text(Decimal("0.5")), headcount_text(2, "en")
    ('5人', '0.5人', '×2')
    >>> headcount_text(Decimal("1.50"), "en")
    '1.5 FTE'
    """
    d = Decimal(str(headcount))
    return t("chart.people" if d == d.to_integral_value() else "chart.fte", lang, n=fmt.headcount(d, lang))


def pay_band(role, lang: str = "zh") -> str | None:
    """The base-pay band of a role (its ``base`` components), or None without one.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> pay_band(d.role("sales_cs")), pay_band(d.role("sales_cs"), "en")
    ('底薪 1600–2000元/月', 'Base ¥1,600–2,000/mo')
    >>> pay_band(d.role("director"))
    '底薪 10000元/月'
    """
    bases = [c.monthly for c in role.pay if c.kind == "base"]
    if not bases:
        return None
    lo = sum((b[0] if isinstance(b, tuple) else b for b in bases), Decimal(0))
    hi = sum((b[1] if isinstance(b, tuple) else b for b in bases), Decimal(0))
    return t("chart.base", lang, amount=fmt.money_range(lo, hi, lang))


_NO_LINE_START = frozenset("，。、；：？！）》」』】〕…—·,.;:?!)]}%／/")
_NO_LINE_END = frozenset("（《「『【〔([{")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _atoms(text: str) -> list[tuple[str, bool]]:
    """The unbreakable pieces of ``text`` and whether a space goes before each: a Latin
    word or number is one piece, a Chinese character another; closing punctuation keeps
    to the piece before it, opening punctuation to the piece after it.

    >>> [a for a, _ in _atoms("SEO推广（站内）")]
    ['SEO', '推', '广', '（站', '内）']
    >>> _atoms("Customer service")
    [('Customer', False), ('service', True)]
    """
    atoms: list[list] = []
    space = glue = False
    for ch in text:
        if ch == " ":
            space, glue = True, False
            continue
        joins_left = atoms and not space and (ch in _NO_LINE_START or glue
                                              or (not _wide(ch) and not _wide(atoms[-1][0][-1])))
        if joins_left:
            atoms[-1][0] += ch
        else:
            atoms.append([ch, space and bool(atoms)])
        glue = ch in _NO_LINE_END
        space = False
    return [(a, s) for a, s in atoms]


def _join(atoms) -> str:
    return "".join((" " + a if s and i else a) for i, (a, s) in enumerate(atoms))


def _lone(line_atoms) -> bool:
    """A line that holds a single Chinese character (and maybe its punctuation)."""
    if len(line_atoms) != 1:
        return False
    return sum(1 for ch in line_atoms[0][0] if _wide(ch) and ch not in _NO_LINE_START
               and ch not in _NO_LINE_END) == 1


def _wrap(text: str, size: float, limit: float) -> list[str]:
    """Break ``text`` into as few lines no wider than ``limit`` points as it takes, as
    even in width as they can be, at spaces or between Chinese characters, and never
    with one Chinese character alone on a line.

    >>> _wrap("网络推广专员", 10, 50)
    ['网络推', '广专员']
    >>> _wrap("Customer service team manager", 10, 112)
    ['Customer service', 'team manager']
    >>> _wrap("客服主管兼售后专员", 10, 80)
    ['客服主管', '兼售后专员']
    """
    atoms = _atoms(text)
    n = len(atoms)
    if n <= 1 or _text_width(text, size) <= limit:
        return [text]

    @functools.lru_cache(maxsize=None)
    def width(i: int, j: int) -> float:
        return _text_width(_join(atoms[i:j]), size)

    for lines in range(2, n + 1):
        # best[i]: (widest line, sum of squares, breaks) for atoms[i:] in the lines left
        best = {n: (0.0, 0.0, ())}
        for left in range(1, lines + 1):
            nxt = {}
            for i in range(n - 1, -1, -1):
                cands = []
                for j in range(i + 1, n + 1):
                    if (j == n) != (left == 1) or j not in best:
                        continue
                    w = width(i, j)
                    if w > limit and j > i + 1:
                        break
                    if _lone(atoms[i:j]):
                        continue
                    rest = best[j]
                    cands.append((max(w, rest[0]), w * w + rest[1], (j,) + rest[2]))
                if cands:
                    nxt[i] = min(cands)
            best = nxt
        if 0 in best and best[0][0] <= limit * 1.0001:
            cuts = (0,) + best[0][2]
            return [_join(atoms[a:b]) for a, b in zip(cuts, cuts[1:])]
    return [text]


def box_lines(role, lang: str = "zh", show=("headcount", "pay", "vacancies")) -> list[tuple[str, float, str]]:
    """The lines of text in a role's box: ``(text, size in points, colour)``.

    Vacancies (budgeted places not yet filled) are shown in red next to the headcount.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> [t for t, _, _ in box_lines(d.role("sales_cs"))]
    ['销售客服', '5人', '底薪 1600–2000元/月']
    >>> [t for t, _, _ in box_lines(d.role("cs_manager"), "en", show=("headcount",))]
    ['Customer service', 'team manager', '×1']
    """
    lines = [(t, _NAME_PT, _INK) for t in _wrap(role.name.get(lang), _NAME_PT, _MAX_NAME_W)]
    people = []
    if "headcount" in show:
        people.append(headcount_text(role.headcount, lang))
    vacant = "vacancies" in show and role.vacancies
    if vacant:
        people.append(t("chart.vacant", lang, n=role.vacancies))
    if people:
        lines.append((" · ".join(people), _DETAIL_PT, _ALERT if vacant else _GREY))
    band = pay_band(role, lang) if "pay" in show else None
    if band:
        lines.append((band, _DETAIL_PT, _GREY))
    return lines


def _all_vacant(role) -> bool:
    """A planned role: every place of it is vacant (drawn with a dashed border)."""
    return role.vacancies > 0 and role.vacancies >= role.headcount


def _box_size(lines) -> tuple[float, float]:
    width = max(_text_width(t, s) for t, s, _ in lines) + 2 * _PAD_X
    height = _BAR + 2 * _PAD_Y + sum(s * _LINE for _, s, _ in lines)
    return max(width, _MIN_BOX_W), height


# -- colours -------------------------------------------------------------------------------
def _tint(color: str, amount: float = 0.86) -> tuple:
    from matplotlib.colors import (
        to_rgb,  # matplotlib is heavy: loaded when a chart is drawn
    )
    return tuple(c + (1 - c) * amount for c in to_rgb(color))


def _colours(design, G, lang: str, color_by, shown=None):
    """``({role: colour}, [(legend label, colour)])``; the legend only names what the
    roles ``shown`` (all where None) use."""
    shown = set(G.nodes if shown is None else shown)
    if color_by is None:
        return {r.id: _NO_DEPARTMENT for r in design.roles}, []
    if color_by == "layer":
        lay = layers(G)
        ordered = sorted({lay[n] for n in shown})
        legend = [(t("chart.layer", lang, n=k), _PALETTE[(k - 1) % len(_PALETTE)]) for k in ordered]
        return {n: _PALETTE[(lay[n] - 1) % len(_PALETTE)] for n in G.nodes}, legend
    order, colour = _department_colours(design)
    return ({r.id: colour[r.department] for r in design.roles},
            _department_legend(design, order, colour, {r.department for r in design.roles if r.id in shown}, lang))


def _department_colours(design) -> tuple[list, dict]:
    """The departments in the order their colours go, and each one's colour (None: no
    department)."""
    used = list(dict.fromkeys(r.department for r in design.roles))
    order = [d.id for d in design.departments if d.id in used] + [d for d in used if d is not None
                                                                  and design.department(d) is None]
    colour = {d: _PALETTE[i % len(_PALETTE)] for i, d in enumerate(order)}
    colour[None] = _NO_DEPARTMENT
    return order, colour


def _department_legend(design, order: list, colour: dict, shown: set, lang: str) -> list:
    """Legend entries of the departments in ``shown`` (None: roles of no department)."""
    legend = []
    for d in order:
        if d in shown:
            dep = design.department(d)
            legend.append((dep.name.get(lang) if dep else d, colour[d]))
    if None in shown:
        legend.append((t("chart.other", lang), _NO_DEPARTMENT))
    return legend


# -- geometry ------------------------------------------------------------------------------
def _even_layout(G, sizes: dict, mode: str, gaps=_GAPS):
    """The tidy layout with every box of a row as high as the row's highest (and, in
    left-right mode, every box of a column as wide as its widest as well)."""
    lay = tidy_layout(G, sizes, mode, **gaps)
    even = dict(sizes)
    for row in rows(lay):
        h = max(sizes[n][1] for n in row)
        w = max(sizes[n][0] for n in row)
        for n in row:
            even[n] = (w if mode == "left-right" else sizes[n][0], h)
    return lay if even == sizes else tidy_layout(G, even, mode, **gaps)


class _Plan:
    """What a chart draws, before any drawing: boxes, lines, dotted routes, extent."""

    def __init__(self, G, lay, lines, dotted):
        self.G, self.lay, self.lines = G, lay, lines
        self.dotted = dotted_paths(dotted, lay, head=_HEAD[0] + 3) if dotted else {}
        xs = [0.0, lay.width] + [x for path in self.dotted.values() for x, _ in path]
        ys = [0.0, lay.height] + [y for path in self.dotted.values() for _, y in path]
        pad = 4.0
        self.x0, self.x1 = min(xs) - pad, max(xs) + pad
        self.y0, self.y1 = min(ys) - pad, max(ys) + pad
        self.width, self.height = self.x1 - self.x0, self.y1 - self.y0


def _plan(G, lines, mode: str, dotted, sizes=None) -> _Plan:
    """The plan of ``G``'s boxes in ``mode`` (``sizes``: the boxes' sizes, where known)."""
    if sizes is None:
        sizes = {n: _box_size(lines[n]) for n in G.nodes}
    # room for the dotted lines' own lanes beside the reporting lines
    gaps = {**_GAPS, "level_gap": _DOTTED_LEVEL_GAP, "stack_gap": _DOTTED_LEVEL_GAP / 2} if dotted else _GAPS
    if mode != "auto":
        return _Plan(G, _even_layout(G, sizes, mode, gaps), lines, dotted)
    # the first of top-down, stacked, left-right that fits A4 landscape with text of at
    # least 6 pt; else the one that needs the least shrinking
    best, best_scale = None, -1.0
    for m in MODES:
        plan = _Plan(G, _even_layout(G, sizes, m, gaps), lines, dotted)
        scale = _fit_scale(plan.width, plan.height, 2 * _LEGEND_PT * 1.7 + _LEGEND_PT)
        if scale >= _MIN_FONT / _DETAIL_PT:
            return plan
        if scale > best_scale:
            best, best_scale = plan, scale
    return best


# -- drawing -------------------------------------------------------------------------------
def _check_args(design, lang, show, color_by):
    if not hasattr(design, "roles") or not hasattr(design, "role_ids"):
        raise TypeError(f"expected an OrgDesign, got {type(design).__name__}")
    check_lang(lang)
    show = (show,) if isinstance(show, str) else tuple(show or ())
    unknown = [s for s in show if s not in SHOW]
    if unknown:
        raise ValueError(Phrase("err.chart_show", items=unknown, allowed=", ".join(SHOW)))
    if color_by not in COLOR_BY:
        raise ValueError(Phrase("err.chart_color_by", allowed=str(COLOR_BY), got=repr(color_by)))
    return show


def _check_mode(mode) -> None:
    if mode not in MODES + ("auto",):
        raise ValueError(Phrase("err.chart_mode", mode=repr(mode), allowed=", ".join(MODES + ("auto",))))


def _fit_scale(width: float, height: float, legend_h: float, page=_PAGE) -> float:
    """Scale that fits the chart on a landscape page (A4 by default; at most 1)."""
    room_w = page[0] - 2 * _MARGIN
    room_h = page[1] - 2 * _MARGIN - 2.6 * _TITLE_PT - legend_h
    return min(1.0, room_w / width, room_h / height)


def _page_scale(width: float, height: float, legend_h: float) -> float:
    """:func:`_fit_scale`, but never so small that text falls below 6 pt."""
    return max(_fit_scale(width, height, legend_h), _MIN_FONT / _DETAIL_PT)


def _legend_layout(entries, fig_width: float) -> tuple[int, float]:
    """Columns and height (points) of the legend below the chart."""
    if not entries:
        return 1, 0.0
    widest = max(_text_width(label, _LEGEND_PT) for label, _ in entries) + 3.2 * _LEGEND_PT
    cols = max(1, min(len(entries), int((fig_width - 2 * _MARGIN) // widest)))
    rows_ = -(-len(entries) // cols)
    return cols, rows_ * _LEGEND_PT * 1.7 + _LEGEND_PT


def _new_frame(width: float, height: float, entries, heading: float = 0.0):
    """``(figure size, chart rectangle, scale)`` of a chart on a figure of its own, in
    figure points (the rectangle from the top left); ``heading`` is the width of the
    title (the figure is never narrower than it)."""
    _, legend_h = _legend_layout(entries, _PAGE[0])
    scale = _page_scale(width, height, legend_h)
    top = 2.6 * _TITLE_PT + _MARGIN * 0.6
    fig_w = max(width * scale + 2 * _MARGIN, 6.0 * 72, heading + 2 * _MARGIN)
    _, legend_h = _legend_layout(entries, fig_w)
    bottom = legend_h + _MARGIN * 0.5
    fig_h = height * scale + top + bottom
    left = (fig_w - width * scale) / 2
    return (fig_w, fig_h), (left, top, width * scale, height * scale), round(scale, 9)


def _new_axes(scene):
    """Axes on a figure of their own, placed as ``scene`` says."""
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

    (fig_w, fig_h), (left, top, w, h) = scene.size, scene.axes
    fig = plt.figure(figsize=(fig_w / 72, fig_h / 72))
    return fig.add_axes((left / fig_w, (fig_h - top - h) / fig_h, w / fig_w, h / fig_h))


def _axes_frame(ax):
    """Figure size and the rectangle of ``ax`` in figure points (from the top left)."""
    fig = ax.figure
    fig_w, fig_h = fig.get_figwidth() * 72, fig.get_figheight() * 72
    pos = ax.get_position()
    return (fig_w, fig_h), (pos.x0 * fig_w, (1 - pos.y1) * fig_h, pos.width * fig_w, pos.height * fig_h)


def _axes_scale(ax, width: float, height: float) -> float:
    _, (_, _, w_pt, h_pt) = _axes_frame(ax)
    return round(min(w_pt / width, h_pt / height), 9)  # no 5.999999 pt from float noise


def role_boxes(ax) -> dict:
    """The box patch of each role drawn on ``ax`` by :func:`plot_org`, by role id."""
    return {p.get_gid()[5:]: p for p in ax.patches if (p.get_gid() or "").startswith("role:")}


def plot_org(design, ax=None, lang: str = "zh", show=("headcount", "pay", "vacancies"),
             color_by="department", mode: str = "auto", *, client=None, option=None):
    """Draw the org chart of ``design``; return the Axes.

    Solid lines are the reporting lines the design states; lines the design only infers
    (``reports_to_inferred``: the source draws none) are drawn dotted grey, and
    dotted-line (functional) reports are blue dashed lines with an arrowhead pointing at
    the manager, routed around the boxes. The legend names what the chart uses.

    Parameters
    ----------
    design : OrgDesign
    ax : matplotlib Axes, optional
        Where to draw; the chart is scaled to fit it. Without one, a figure is made
        that fits an A4 landscape page, or grows beyond it where the text would
        otherwise be smaller than 6 pt (see :func:`plot_org_pages` for a chart split
        into pages with text of 8 pt or more).
    lang : {"zh", "en"}
    show : iterable of {"headcount", "pay", "vacancies"}
        What each box shows besides the role name; vacancies only where a role has some.
    color_by : {"department", "layer", None}
        Box colours; the legend names the departments (or layers) in ``lang``.
    mode : {"top-down", "left-right", "stacked", "auto"}
        See :func:`shoporg.layout.tidy_layout`; ``"auto"`` takes the first of
        top-down, stacked and left-right that fits an A4 landscape page with text of
        at least 6 pt (else the one that needs the least shrinking).
    client, option : str, optional
        The client's name and the option's name, shown in the title with the design's.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from shoporg import load_template
    >>> ax = plot_org(load_template("seed-14-basic-22"), lang="en", mode="stacked")
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ['E-commerce management', 'Promotion and creative']
    >>> plt.close(ax.figure)
    """
    frame = None if ax is None else _axes_frame(ax)
    scene = org_scene(design, lang, show, color_by, mode, client=client, option=option, frame=frame)
    if ax is None:
        ax = _new_axes(scene)
    _draw_scene(ax, scene)
    return ax


def org_scene(design, lang: str = "zh", show=("headcount", "pay", "vacancies"), color_by="department",
              mode: str = "auto", *, client=None, option=None, frame=None):
    """The whole org chart as a :class:`~shoporg.chart_scene.Scene`: what
    :func:`plot_org` draws with matplotlib, and :mod:`shoporg.chart_raster` with Pillow.
    ``frame``: ``(figure size, chart rectangle)`` in figure points to fit the chart into
    (by default a figure of its own, as :func:`plot_org` makes).

    >>> from shoporg import load_template
    >>> s = org_scene(load_template("seed-14-basic-22"))
    >>> len(s.boxes), s.title.text, s.summary.text
    (11, '网店基本人员构成及职责表', '11个岗位，共22人')
    """
    show = _check_args(design, lang, show, color_by)
    _check_mode(mode)
    G = to_graph(design)
    lines = {r.id: box_lines(r, lang, show) for r in design.roles}
    dotted = [(m, r) for m, r in G.graph["dotted_lines"] if m in G and r in G]
    plan = _plan(G, lines, mode, dotted)
    colour, departments = _colours(design, G, lang, color_by)
    entries = departments + _line_entries(design, G, plan, lang)
    title, summary = _title_text(design, lang, client, option), _title_summary(design, lang)
    if frame is None:
        heading = max(_text_width(title, _TITLE_PT), _text_width(summary, _DETAIL_PT + 1))
        size, axes, scale = _new_frame(plan.width, plan.height, entries, heading)
    else:
        size, axes = frame
        scale = round(min(axes[2] / plan.width, axes[3] / plan.height), 9)
    return _scene(design, plan, colour, scale, size, axes, title, summary, entries)


def _line_entries(design, G, plan, lang: str) -> list:
    """Legend entries for the kinds of line and box the chart shows."""
    entries = []
    inferred = [G.edges[e].get("inferred", False) for e in G.edges]
    if any(inferred) and not all(inferred):
        entries.append((t("chart.stated", lang), "stated"))
    if any(inferred):
        entries.append((t("chart.inferred", lang), "inferred"))
    if plan.dotted:
        entries.append((t("chart.dotted", lang), "dotted"))
    if any(_all_vacant(G.nodes[n]["role"]) for n in plan.lay):  # the graph's own role: no search
        entries.append((t("chart.planned", lang), "planned"))
    return entries


def _scene(design, plan: _Plan, colour: dict, scale: float, size, axes, title: str, summary: str,
           entries) -> Scene:
    """The scene of one chart: ``plan`` drawn at ``scale`` in the rectangle ``axes`` of a
    figure of ``size`` (figure points), with its title, summary line and legend."""
    scene = Scene(plan.x0, plan.y0, plan.x1, plan.y1, scale, size, axes)
    _scene_lines(scene, plan.G, plan.lay)
    role = {r.id: r for r in design.roles}
    for n in plan.G.nodes:
        _scene_box(scene, n, plan.lay[n], plan.lines[n], colour[n], _all_vacant(role[n]))
    for (m, r), path in plan.dotted.items():
        _scene_dotted(scene, path, m, r)
    left, top, w, _ = axes
    gap = 6.0
    scene.title = Text("title", left + w / 2, top - (2 * gap + (_DETAIL_PT + 1) * 1.4), title, _TITLE_PT, _INK)
    scene.summary = Text("summary", left + w / 2, top - gap, summary, _DETAIL_PT + 1, _GREY, va="bottom")
    scene.legend = list(entries)
    scene.legend_columns = _legend_layout(entries, size[0])[0]
    return scene


def _scene_lines(scene, G, lay) -> None:
    paths = edge_paths(G, lay)
    width = max(0.6, 1.1 * scene.scale)
    # inferred lines first: where a stated line shares a bus with them, it shows solid
    for gid, inferred in (("inferred-lines", True), ("reporting-lines", False)):
        for e, p in paths.items():
            if bool(G.edges[e].get("inferred", False)) == inferred:
                scene.lines.append(Line(gid, tuple(map(tuple, p)), _LINE_COLOR, width,
                                        _INFERRED_DASH[1] if inferred else None))


def _scene_box(scene, node, box, lines, colour, planned: bool) -> None:
    x, y, w, h = box
    left, top = x - w / 2, y - h / 2
    scene.boxes.append(Box(node, left, top, w, h, "white" if planned else _tint(colour), colour,
                           max(0.5, (1.2 if planned else 0.9) * scene.scale), 3.0,
                           _PLANNED_DASH[1] if planned else None, colour, _BAR))
    block = sum(size * _LINE for _, size, _ in lines)
    cursor = top + _BAR + _PAD_Y + (h - _BAR - 2 * _PAD_Y - block) / 2  # centred in a taller box
    for i, (text, size, ink) in enumerate(lines):
        step = size * _LINE
        # baseline placed so the glyphs' visual centre sits mid-line (CJK glyphs
        # stand about 0.38 em above the baseline)
        scene.texts.append(Text(f"text:{node}:{i}", x, cursor + step / 2 + 0.36 * size, text,
                                size * scene.scale, ink))
        cursor += step


def _arrowhead(path) -> list[tuple[float, float]]:
    """The triangle at the end of a route: tip on the box border, base back along the
    last segment."""
    (x0, y0), (x1, y1) = path[-2], path[-1]
    length, half = _HEAD
    dx, dy = x1 - x0, y1 - y0
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    bx, by = x1 - ux * length, y1 - uy * length
    return [(x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]


def _scene_dotted(scene, path, m, r) -> None:
    head = _arrowhead(path)
    base = ((head[1][0] + head[2][0]) / 2, (head[1][1] + head[2][1]) / 2)
    shaft = tuple(map(tuple, path[:-1])) + (base,)  # the dashes stop where the arrowhead begins
    scene.lines.append(Line(f"dotted:{m}->{r}", shaft, _DOTTED_COLOR, max(0.7, 1.2 * scene.scale),
                            _DOTTED_DASH[1]))
    scene.arrows.append(Arrow(f"arrow:{m}->{r}", tuple(head), _DOTTED_COLOR, 0.5 * scene.scale))


# -- drawing with matplotlib ---------------------------------------------------------------
def _draw_scene(ax, scene: Scene) -> None:
    """Draw ``scene`` on ``ax`` (the chart in data units, its title and legend)."""
    ax.set_xlim(scene.x0, scene.x1)
    ax.set_ylim(scene.y1, scene.y0)  # y grows downward, as in the layout
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_axis_off()
    _draw_lines(ax, scene.lines)
    for a in scene.arrows:
        _draw_arrow(ax, a)
    texts: dict = {}
    for tx in scene.texts:
        texts.setdefault(tx.gid[5:].rsplit(":", 1)[0], []).append(tx)
    for box in scene.boxes:
        _draw_box(ax, box, texts.get(box.gid, ()))
    _title(ax, scene.title, scene.summary)
    _legend(ax, scene.legend, scene.legend_columns)


def _draw_lines(ax, lines) -> None:
    from matplotlib.collections import (
        LineCollection,  # matplotlib is heavy: loaded when a chart is drawn
    )
    from matplotlib.patches import (
        PathPatch,  # matplotlib is heavy: loaded when a chart is drawn
    )
    from matplotlib.path import (
        Path as MplPath,  # matplotlib is heavy: loaded when a chart is drawn
    )

    for gid in ("inferred-lines", "reporting-lines"):
        chosen = [ln for ln in lines if ln.gid == gid]
        if chosen:
            first = chosen[0]
            ax.add_collection(LineCollection([ln.points for ln in chosen], colors=first.colour,
                                             linewidths=first.width,
                                             linestyles=(0, first.dash) if first.dash else "solid",
                                             capstyle="butt", joinstyle="miter", zorder=1, gid=gid))
    for ln in lines:
        if ln.gid.startswith("dotted:"):
            ax.add_patch(PathPatch(MplPath(ln.points), fill=False, edgecolor=ln.colour,
                                   linestyle=(0, ln.dash), linewidth=ln.width, capstyle="butt",
                                   joinstyle="miter", zorder=1.6, gid=ln.gid))


def _draw_arrow(ax, arrow) -> None:
    from matplotlib.patches import (
        Polygon,  # matplotlib is heavy: loaded when a chart is drawn
    )
    ax.add_patch(Polygon(arrow.points, closed=True, facecolor=arrow.colour, edgecolor=arrow.colour,
                         linewidth=arrow.edge_width, zorder=1.7, gid=arrow.gid))


def _draw_box(ax, box, texts):
    from matplotlib.patches import (  # matplotlib is heavy: loaded when a chart is drawn
        FancyBboxPatch,
        Rectangle,
    )

    patch = FancyBboxPatch((box.left, box.top), box.width, box.height,
                           boxstyle=f"round,pad=0,rounding_size={box.radius:g}", facecolor=box.face,
                           edgecolor=box.edge, linestyle=(0, box.dash) if box.dash else "solid",
                           linewidth=box.line_width, zorder=2, gid=f"role:{box.gid}")
    # add_artist, not add_patch: the limits are already set, and updating them from
    # every rounded box is a fifth of the drawing time of a 50-role chart
    ax.add_artist(patch)
    bar = Rectangle((box.left, box.top), box.width, box.bar_height, facecolor=box.bar, edgecolor="none",
                    zorder=3, gid=f"accent:{box.gid}")
    ax.add_artist(bar)
    bar.set_clip_path(patch)
    family = font_family()
    for tx in texts:
        ax.text(tx.x, tx.y, tx.text, ha=tx.ha, va=tx.va, fontsize=tx.size, fontweight=tx.weight,
                family=family, color=tx.colour, zorder=4, parse_math=False, gid=tx.gid)
    return patch


def _title_text(design, lang: str, client=None, option=None) -> str:
    """The chart's title: the design's name, with the option's and client's when given.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> _title_text(d, "en", client="Acme", option="Option B")
    'Acme: Basic online-shop staffing and duties (Option B)'
    >>> _title_text(d, "zh", option="方案二")
    '网店基本人员构成及职责表（方案二）'
    """
    title = design.name.get(lang)
    if option:
        title = t("chart.title_option", lang, title=title, option=option)
    if isinstance(client, dict):
        client = client.get("client")
    if client:
        title = t("chart.title_client", lang, title=title, client=client)
    return title


def _title_summary(design, lang: str) -> str:
    """The line under the title: roles and people, and the source document a template
    was made from (where its heading is not the title already)."""
    summary = t("chart.summary", lang, roles=len(design.roles), people=fmt.headcount(design.headcount, lang))
    source = getattr(design, "source", None)
    if source is not None and source.heading != design.name.get(lang):
        summary = t("chart.with_source", lang, summary=summary, heading=source.heading)
    return summary


def _title(ax, title: Text, summary: Text) -> None:
    """The title and, under it, the summary line, above the chart (placed from the
    chart's top edge as the scene places them)."""
    _, (_, top, _, _) = _axes_frame(ax)
    ax.annotate(summary.text, xy=(0.5, 1.0), xycoords="axes fraction", xytext=(0, top - summary.y),
                textcoords="offset points", ha="center", va=summary.va, fontsize=summary.size,
                family=font_family(), color=summary.colour, parse_math=False, gid=summary.gid,
                annotation_clip=False)
    ax.set_title(title.text, fontsize=title.size, family=font_family(), color=title.colour, pad=top - title.y)


def _legend(ax, entries, columns: int) -> None:
    from matplotlib.lines import (
        Line2D,  # matplotlib is heavy: loaded when a chart is drawn
    )
    from matplotlib.patches import (
        Patch,  # matplotlib is heavy: loaded when a chart is drawn
    )

    if not entries:
        return
    handles = []
    for label, kind in entries:
        if kind == "stated":
            handles.append(Line2D([], [], color=_LINE_COLOR, linewidth=1.1, label=label))
        elif kind == "inferred":
            handles.append(Line2D([], [], color=_LINE_COLOR, linewidth=1.1, linestyle=_INFERRED_DASH,
                                  label=label))
        elif kind == "dotted":
            handles.append(Line2D([], [], color=_DOTTED_COLOR, linewidth=1.2, linestyle=_DOTTED_DASH,
                                  marker=">", markevery=[1], markersize=4, label=label))
        elif kind == "planned":
            handles.append(Patch(facecolor="white", edgecolor=_GREY, linestyle=_PLANNED_DASH, label=label))
        else:
            handles.append(Patch(facecolor=_tint(kind), edgecolor=kind, label=label))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=columns,
              frameon=False, prop=_prop(_LEGEND_PT), handlelength=2.2, columnspacing=1.6)


# -- pages ---------------------------------------------------------------------------------
PAPERS = {"A4": (841.89, 595.28), "A3": (1190.55, 841.89)}
"""Landscape paper sizes in points."""


@dataclass(frozen=True)
class ChartPage:
    """One page of an org chart split by subtree (see :func:`chart_pages`).

    ``roles`` are drawn on the page, ``root`` at its top; ``continued`` maps each role
    whose reports are drawn on a later page to that page's number; ``from_page`` is the
    page that shows ``root`` with its manager (None on the first page); ``part`` and
    ``parts`` number the pages of one manager whose reports fill several.
    """

    number: int
    root: str
    roles: tuple
    continued: dict = field(default_factory=dict)
    from_page: int | None = None
    part: int = 1
    parts: int = 1
    mode: str = "top-down"
    scale: float = 1.0


def chart_pages(design, lang: str = "zh", show=("headcount", "pay", "vacancies"), *,
                paper: str = "A4", mode: str = "auto", min_pt: float = 8.0) -> list[ChartPage]:
    """Split the org chart into pages on which no text is smaller than ``min_pt``.

    A design that fits one page stays whole. Otherwise the first page shows the top of
    the hierarchy as deep as fits; each manager whose reports do not fit carries a note
    "下属N人 → 见第k页" and heads a page of its own (split further where needed); a manager
    with more direct reports than one page holds shares them over several pages.

    >>> from shoporg import load_template
    >>> [(p.number, p.root, len(p.roles)) for p in chart_pages(load_template("seed-14-basic-22"))]
    [(1, 'director', 11)]
    """
    show = _check_args(design, lang, show, "department")
    _check_mode(mode)
    if paper not in PAPERS:
        raise ValueError(Phrase("err.chart_paper", got=repr(paper), allowed=", ".join(PAPERS)))
    G = to_graph(design)
    base = {r.id: box_lines(r, lang, show) for r in design.roles}
    people = totals_below(G, {r.id: r.headcount for r in design.roles}, Decimal(0))
    modes = MODES if mode == "auto" else (mode,)
    legend_h = 3 * _LEGEND_PT * 1.7 + _LEGEND_PT
    area = PAPERS[paper]
    least = min_pt / min(_DETAIL_PT, _NAME_PT)
    place = {n: i for i, n in enumerate(G.nodes)}
    measured: dict = {}  # a box's lines -> its size (most boxes are asked about many times)

    def size(lines) -> tuple[float, float]:
        key = tuple(lines)
        if key not in measured:
            measured[key] = _box_size(lines)
        return measured[key]

    least_area = {n: math.prod(size(base[n])) for n in G}  # a stub's notes only add to it
    # The boxes never overlap, so a chart is at least as large as their areas; fewer
    # points of paper than that at the least scale: no mode fits, no need to lay it out.
    room = (area[0] - 2 * _MARGIN) * (area[1] - 2 * _MARGIN - 3.2 * _TITLE_PT - legend_h) / least ** 2

    def try_page(shown, stubs):
        """(mode, scale) of the first mode in which these roles fit, else None."""
        if math.fsum(least_area[n] for n in shown) > room * (1 + 1e-9):
            return None
        shown = sorted(shown, key=place.__getitem__)
        H = tree_graph(G, shown)
        # measured with two-digit page numbers: the numbers are known only at the end
        lines = _page_lines(design, G, base, shown, dict.fromkeys(stubs, 99), {}, people, lang)
        sizes = {n: size(lines[n]) for n in shown}
        dotted = [(m, r) for m, r in G.graph["dotted_lines"] if m in H and r in H]
        for m in modes:
            plan = _plan(H, lines, m, dotted, sizes)
            scale = _page_fit(plan.width, plan.height, legend_h, area)
            if scale >= least:
                return m, scale
        return None

    return [ChartPage(p.number, p.root, p.roles, p.continued, p.from_page, p.part, p.parts,
                      *(p.fit or (modes[-1], least))) for p in split_pages(G, try_page)]


def _continued_text(people, page: int, lang: str) -> str:
    return t("chart.continued", lang, people=fmt.headcount(people, lang), page=page)


def _page_lines(design, G, base, shown, continued: dict, home: dict, people, lang: str) -> dict:
    """The box lines of the roles on a page (in the order of ``shown``): a note on each
    role whose reports continue on another page, and on each whose dotted-line manager is
    drawn on another page."""
    on_page = set(shown)
    away: dict = {}  # role -> its dotted-line managers drawn elsewhere
    for m, r in G.graph["dotted_lines"]:
        if r in on_page and m not in on_page:
            away.setdefault(r, []).append(m)
    lines = {}
    for n in shown:
        notes = []
        if n in continued:
            notes.append(_continued_text(people[n], continued[n], lang))
        for m in away.get(n, ()):
            notes.append(t("chart.dotted_elsewhere", lang, manager=design.role(m).name.get(lang),
                           page=home.get(m, 99)))
        lines[n] = base[n] + [(part, _DETAIL_PT, _LINK) for note in notes
                              for part in _wrap(note, _DETAIL_PT, _MAX_NAME_W * _DETAIL_PT / _NAME_PT * 1.4)]
    return lines


def _page_fit(width: float, height: float, legend_h: float, area) -> float:
    """Scale at which a chart fills the page (at most 1.5: a small chart is not blown up)."""
    room_w = area[0] - 2 * _MARGIN
    room_h = area[1] - 2 * _MARGIN - 3.2 * _TITLE_PT - legend_h
    return min(1.5, room_w / width, room_h / height)


def plot_org_pages(design, lang: str = "zh", show=("headcount", "pay", "vacancies"),
                   color_by="department", mode: str = "auto", *, paper: str = "A4",
                   min_pt: float = 8.0, client=None, option=None) -> list:
    """The org chart on landscape pages (A4 or A3) with no text under ``min_pt``; returns
    one Axes per page, each on a figure of the paper's size (see :func:`chart_pages` for
    how the chart is split, :func:`save_org_chart` with ``pages=True`` for a PDF).

    >>> import matplotlib.pyplot as plt
    >>> from shoporg import load_template
    >>> axes = plot_org_pages(load_template("seed-14-basic-22"), lang="en")
    >>> len(axes), [round(v * 72) for v in axes[0].figure.get_size_inches()]
    (1, [842, 595])
    >>> plt.close("all")
    """
    out = []
    for scene in page_scenes(design, lang, show, color_by, mode, paper=paper, min_pt=min_pt,
                             client=client, option=option):
        ax = _new_axes(scene)
        _draw_scene(ax, scene)
        out.append(ax)
    return out


def page_scenes(design, lang: str = "zh", show=("headcount", "pay", "vacancies"),
                color_by="department", mode: str = "auto", *, paper: str = "A4",
                min_pt: float = 8.0, client=None, option=None, pages=None) -> list[Scene]:
    """The pages of :func:`plot_org_pages` as scenes (:mod:`shoporg.chart_scene`), one a page
    (``pages``: the split :func:`chart_pages` gives for these arguments, where known).

    >>> from shoporg import load_template
    >>> [(s.size, len(s.boxes)) for s in page_scenes(load_template("seed-14-basic-22"))]
    [((841.89, 595.28), 11)]
    """
    show = _check_args(design, lang, show, color_by)
    if pages is None:
        pages = chart_pages(design, lang, show, paper=paper, mode=mode, min_pt=min_pt)
    G = to_graph(design)
    colour, _ = _colours(design, G, lang, color_by)
    order, by_department = _department_colours(design)
    role = {r.id: r for r in design.roles}  # design.role() searches the roles in order
    title = _title_text(design, lang, client, option)
    people = totals_below(G, {r.id: r.headcount for r in design.roles}, Decimal(0))
    W, H = PAPERS[paper]
    out = []
    base = {r.id: box_lines(r, lang, show) for r in design.roles}
    home: dict = {}
    for page in pages:
        for n in page.roles:
            home.setdefault(n, page.number)
    for page in pages:
        sub = G.subgraph(page.roles)
        lines = _page_lines(design, G, base, page.roles, page.continued, home, people, lang)
        dotted = [(m, r) for m, r in G.graph["dotted_lines"] if m in sub and r in sub]
        plan = _plan(sub, lines, page.mode, dotted)
        if color_by == "department":  # the colours found once, not once a page
            entries = _department_legend(design, order, by_department,
                                         {role[n].department for n in page.roles}, lang)
        else:
            _, entries = _colours(design, G, lang, color_by, shown=page.roles)
        entries += _line_entries(design, sub, plan, lang)
        _, legend_h = _legend_layout(entries, W)
        scale = min(page.scale, _page_fit(plan.width, plan.height, legend_h, (W, H)))
        w, h = plan.width * scale, plan.height * scale
        top = _MARGIN + 3.2 * _TITLE_PT
        room_h = H - top - _MARGIN - legend_h
        bottom = _MARGIN + legend_h + (room_h - h) / 2
        axes = ((W - w) / 2, H - bottom - h, w, h)
        head = title if page.number == 1 and page.parts == 1 else t(
            "chart.page_title", lang, title=title, root=role[page.root].name.get(lang))
        if page.parts > 1:
            head = t("chart.part", lang, title=head, part=page.part, parts=page.parts)
        bits = [t("chart.page", lang, n=page.number, total=len(pages))]
        if page.from_page:
            bits.append(t("chart.from_page", lang, n=page.from_page))
        bits.append(_title_summary(design, lang) if page.number == 1 else t(
            "chart.page_summary", lang, roles=len(page.roles),
            people=fmt.headcount(sum((role[n].headcount for n in page.roles), Decimal(0)), lang)))
        out.append(_scene(design, plan, colour, scale, (W, H), axes,
                          head, " · ".join(bits), entries))
    return out


# -- saving --------------------------------------------------------------------------------
def _check_path(path, overwrite: bool) -> Path:
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ValueError(Phrase("err.chart_format", path=repr(str(path)), suffixes=", ".join(FORMATS)))
    check_name(path)
    if path.is_dir():
        raise ValueError(Phrase("err.chart_dir", path=str(path)))
    if path.exists() and not overwrite:
        raise FileExistsRefusedError(Phrase("err.exists", path=str(path)))
    return path


def _atomic_write(path: Path, data: bytes, overwrite: bool) -> None:
    """Write beside ``path`` and rename into place: a reader never sees half a file."""
    atomic_write(path, lambda tmp: Path(tmp).write_bytes(data), overwrite=overwrite)


_METADATA = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}}


def save_org_chart(design, path, *, overwrite: bool = False, dpi: float = 200, pages: bool = False,
                   paper: str = "A4", **kw) -> Path:
    """Draw the org chart and write it as PNG, SVG or PDF (by the file suffix).

    With ``pages=True`` the chart is split into landscape pages of ``paper`` (A4 or
    A3) with no text under 8 pt (see :func:`plot_org_pages`), written as one PDF of
    several pages (a ``.pdf`` path is needed). The file is written atomically (a
    temporary file renamed into place); an existing file is replaced only with
    ``overwrite=True``, else :class:`~shoporg.errors.FileExistsRefusedError`. Other
    keywords go to :func:`plot_org`. Returns the path written.

    >>> import tempfile, pathlib
    >>> from shoporg import load_template
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "d14.svg"
    >>> save_org_chart(load_template("seed-14-basic-22"), p).read_bytes()[:5]
    b'<?xml'
    >>> save_org_chart(load_template("seed-14-basic-22"), p.with_suffix(".gif"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: cannot tell the format of '...d14.gif': the file name must end in one of .png, .svg, .pdf
    """
    import matplotlib  # matplotlib is heavy: loaded when a chart is drawn
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

    path = _check_path(path, overwrite)
    suffix = path.suffix.lower()[1:]
    if "ax" in kw:
        raise TypeError("save_org_chart draws its own figure; use plot_org(ax=...) to draw into yours")
    if pages and suffix != "pdf":
        raise ValueError(Phrase("err.chart_pages_pdf", path=repr(str(path))))
    buf = io.BytesIO()
    if pages:
        from matplotlib.backends.backend_pdf import (
            PdfPages,  # matplotlib is heavy: loaded when a chart is drawn
        )

        kw.pop("min_pt", None)
        axes = plot_org_pages(design, paper=paper, **kw)
        try:
            with PdfPages(buf, metadata=_METADATA["pdf"]) as pdf:
                for ax in axes:
                    pdf.savefig(ax.figure, facecolor="white")
        finally:
            for ax in axes:
                plt.close(ax.figure)
        _atomic_write(path, buf.getvalue(), overwrite)
        return path
    ax = plot_org(design, **kw)
    fig = ax.figure
    try:
        if suffix == "png":
            dpi = min(dpi, _MAX_PIXELS / max(fig.get_size_inches()))
        with matplotlib.rc_context({"svg.hashsalt": "shoporg"}):  # same chart, same SVG ids
            fig.savefig(buf, format=suffix, dpi=dpi, metadata=_METADATA[suffix], facecolor="white")
    finally:
        plt.close(fig)
    _atomic_write(path, buf.getvalue(), overwrite)
    return path
