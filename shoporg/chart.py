"""Org charts drawn with matplotlib, Chinese glyphs included with no font set-up.

Each role is a box with its name, headcount and (optionally) base-pay band and
vacancies, coloured by department, placed by :func:`shoporg.layout.tidy_layout`.
Box sizes come from the measured width of the text in the chosen font.

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
import importlib.util
import io
import warnings
from decimal import Decimal
from pathlib import Path

from . import fmt
from .errors import FileExistsRefusedError
from .hierarchy import layers, to_graph
from .i18n import Phrase, check_lang, t
from .io.atomic import atomic_write, check_name
from .layout import MODES, edge_paths, tidy_layout

__all__ = ["CJK_FONTS", "PACKAGED_FONTS", "FORMATS", "SHOW", "cjk_font", "font_family",
           "headcount_text", "pay_band", "box_lines", "role_boxes", "plot_org", "save_org_chart"]

CJK_FONTS = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
             "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei")
"""Installed fonts to use, in order of preference (Windows, macOS, then Linux fonts)."""

PACKAGED_FONTS = (("noto_cjk_sans_otc", "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),)
"""Fonts shipped by Python packages: (module, file in it, family to use)."""

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
_PAGE = (11.69 * 72, 8.27 * 72)  # A4 landscape in points
_MARGIN = 28.0
_MIN_FONT = 6.0                  # the smallest text is never drawn smaller than this
_MAX_PIXELS = 30000              # per side of a PNG

# Tableau 10: muted, distinguishable, prints well.
_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac")
_NO_DEPARTMENT = "#9aa5b1"
_INK, _GREY, _ALERT, _LINE_COLOR = "#1f2933", "#52606d", "#b83227", "#7b8794"



# -- fonts -------------------------------------------------------------------------------
def _pick(installed) -> str | None:
    """The first of :data:`CJK_FONTS` among ``installed`` family names.

    >>> _pick({"DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC"})
    'Noto Sans CJK SC'
    >>> _pick({"DejaVu Sans"}) is None
    True
    """
    return next((name for name in CJK_FONTS if name in installed), None)


def _packaged_font_path(module: str, filename: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / filename
        if path.is_file():
            return path
    return None


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
        path = _packaged_font_path(module, filename)
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


def _wrap(text: str, size: float, limit: float) -> list[str]:
    """Break ``text`` into lines no wider than ``limit`` points: at spaces where there
    are any, anywhere in Chinese."""
    lines: list[str] = []
    line = ""
    tokens = text.split(" ") if " " in text else list(text)
    sep = " " if " " in text else ""
    for token in tokens:
        candidate = f"{line}{sep}{token}" if line else token
        if line and _text_width(candidate, size) > limit:
            lines.append(line)
            line = token
        else:
            line = candidate
    lines.append(line)
    return lines


def box_lines(role, lang: str = "zh", show=("headcount", "pay")) -> list[tuple[str, float, str]]:
    """The lines of text in a role's box: ``(text, size in points, colour)``.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> [t for t, _, _ in box_lines(d.role("sales_cs"))]
    ['销售客服', '5人', '底薪 1600–2000元/月']
    >>> [t for t, _, _ in box_lines(d.role("cs_manager"), "en", show=("headcount",))]
    ['Customer service team', 'manager', '×1']
    """
    lines = [(t, _NAME_PT, _INK) for t in _wrap(role.name.get(lang), _NAME_PT, _MAX_NAME_W)]
    people = []
    if "headcount" in show:
        people.append((headcount_text(role.headcount, lang), _GREY))
    if "vacancies" in show and role.vacancies:
        people.append((t("chart.vacant", lang, n=role.vacancies), _ALERT))
    if people:
        text = " · ".join(t for t, _ in people)
        lines.append((text, _DETAIL_PT, people[-1][1] if len(people) == 1 else _GREY))
    band = pay_band(role, lang) if "pay" in show else None
    if band:
        lines.append((band, _DETAIL_PT, _GREY))
    return lines


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


def _colours(design, G, lang: str, color_by):
    """``({role: colour}, [(legend label, colour)])``."""
    if color_by is None:
        return {r.id: _NO_DEPARTMENT for r in design.roles}, []
    if color_by == "layer":
        lay = layers(G)
        ordered = sorted(set(lay.values()))
        legend = [(t("chart.layer", lang, n=k), _PALETTE[(k - 1) % len(_PALETTE)]) for k in ordered]
        return {n: _PALETTE[(lay[n] - 1) % len(_PALETTE)] for n in G.nodes}, legend
    used = list(dict.fromkeys(r.department for r in design.roles))
    order = [d.id for d in design.departments if d.id in used] + [d for d in used if d is not None
                                                                  and design.department(d) is None]
    colour = {d: _PALETTE[i % len(_PALETTE)] for i, d in enumerate(order)}
    legend = []
    for d in order:
        dep = design.department(d)
        legend.append((dep.name.get(lang) if dep else d, colour[d]))
    if None in used:
        colour[None] = _NO_DEPARTMENT
        legend.append((t("chart.other", lang), _NO_DEPARTMENT))
    return {r.id: colour[r.department] for r in design.roles}, legend


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


def _fit_scale(width: float, height: float, legend_h: float) -> float:
    """Scale that fits the chart on an A4 landscape page (at most 1)."""
    room_w = _PAGE[0] - 2 * _MARGIN
    room_h = _PAGE[1] - 2 * _MARGIN - 2.6 * _TITLE_PT - legend_h
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
    rows = -(-len(entries) // cols)
    return cols, rows * _LEGEND_PT * 1.7 + _LEGEND_PT


def _new_axes(width: float, height: float, entries):
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

    _, legend_h = _legend_layout(entries, _PAGE[0])
    scale = _page_scale(width, height, legend_h)
    top = 2.6 * _TITLE_PT + _MARGIN * 0.6
    fig_w = max(width * scale + 2 * _MARGIN, 6.0 * 72)
    _, legend_h = _legend_layout(entries, fig_w)
    bottom = legend_h + _MARGIN * 0.5
    fig_h = height * scale + top + bottom
    fig = plt.figure(figsize=(fig_w / 72, fig_h / 72))
    left = (fig_w - width * scale) / 2
    ax = fig.add_axes((left / fig_w, bottom / fig_h, width * scale / fig_w, height * scale / fig_h))
    return ax


def _axes_scale(ax, width: float, height: float) -> float:
    fig = ax.figure
    pos = ax.get_position()
    w_pt = pos.width * fig.get_figwidth() * 72
    h_pt = pos.height * fig.get_figheight() * 72
    return min(w_pt / width, h_pt / height)


def role_boxes(ax) -> dict:
    """The box patch of each role drawn on ``ax`` by :func:`plot_org`, by role id."""
    return {p.get_gid()[5:]: p for p in ax.patches if (p.get_gid() or "").startswith("role:")}


def plot_org(design, ax=None, lang: str = "zh", show=("headcount", "pay"), color_by="department",
             mode: str = "auto"):
    """Draw the org chart of ``design``; return the Axes.

    Parameters
    ----------
    design : OrgDesign
    ax : matplotlib Axes, optional
        Where to draw; the chart is scaled to fit it. Without one, a figure is made
        that fits an A4 landscape page, or grows beyond it where the text would
        otherwise be smaller than 6 pt.
    lang : {"zh", "en"}
    show : iterable of {"headcount", "pay", "vacancies"}
        What each box shows besides the role name.
    color_by : {"department", "layer", None}
        Box colours; the legend names the departments (or layers) in ``lang``.
    mode : {"top-down", "left-right", "stacked", "auto"}
        See :func:`shoporg.layout.tidy_layout`; ``"auto"`` takes the first of
        top-down, stacked and left-right that fits an A4 landscape page with text of
        at least 6 pt (else the one that needs the least shrinking).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from shoporg import load_template
    >>> ax = plot_org(load_template("seed-14-basic-22"), lang="en", mode="stacked")
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ['E-commerce management', 'Promotion and creative']
    >>> plt.close(ax.figure)
    """
    show = _check_args(design, lang, show, color_by)
    if mode not in MODES + ("auto",):
        raise ValueError(Phrase("err.chart_mode", mode=repr(mode), allowed=", ".join(MODES + ("auto",))))
    G = to_graph(design)
    lines = {r.id: box_lines(r, lang, show) for r in design.roles}
    sizes = {n: _box_size(lines[n]) for n in G.nodes}
    lay = _auto_layout(G, sizes) if mode == "auto" else tidy_layout(G, sizes, mode, **_GAPS)
    colour, entries = _colours(design, G, lang, color_by)
    dotted = [(m, r) for m, r in G.graph["dotted_lines"] if m in lay and r in lay]
    if dotted:
        entries = entries + [(t("chart.dotted", lang), None)]
    pad = 4.0
    width, height = lay.width + 2 * pad, lay.height + 2 * pad
    if ax is None:
        ax = _new_axes(width, height, entries)
    scale = _axes_scale(ax, width, height)
    ax.set_xlim(-pad, lay.width + pad)
    ax.set_ylim(lay.height + pad, -pad)  # y grows downward, as in the layout
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_axis_off()
    _draw_lines(ax, G, lay, scale)
    boxes = {n: _draw_box(ax, n, lay[n], lines[n], colour[n], scale) for n in G.nodes}
    for m, r in dotted:
        _draw_dotted(ax, boxes[m], boxes[r], m, r, scale)
    _title(ax, design, lang)
    _legend(ax, entries)
    return ax


def _auto_layout(G, sizes):
    """The first of top-down, stacked, left-right that fits A4 landscape with text of
    at least 6 pt; else the one that needs the least shrinking."""
    best, best_scale = None, -1.0
    for mode in MODES:
        lay = tidy_layout(G, sizes, mode, **_GAPS)
        scale = _fit_scale(lay.width + 8, lay.height + 8, 2 * _LEGEND_PT * 1.7 + _LEGEND_PT)
        if scale >= _MIN_FONT / _DETAIL_PT:
            return lay
        if scale > best_scale:
            best, best_scale = lay, scale
    return best


def _draw_lines(ax, G, lay, scale: float) -> None:
    from matplotlib.collections import (
        LineCollection,  # matplotlib is heavy: loaded when a chart is drawn
    )

    paths = edge_paths(G, lay)
    if paths:
        ax.add_collection(LineCollection(list(paths.values()), colors=_LINE_COLOR,
                                         linewidths=max(0.6, 1.1 * scale), capstyle="butt",
                                         joinstyle="miter", zorder=1, gid="reporting-lines"))


def _draw_box(ax, node, box, lines, colour, scale: float):
    from matplotlib.patches import (  # matplotlib is heavy: loaded when a chart is drawn
        FancyBboxPatch,
        Rectangle,
    )

    x, y, w, h = box
    left, top = x - w / 2, y - h / 2
    patch = FancyBboxPatch((left, top), w, h, boxstyle="round,pad=0,rounding_size=3",
                           facecolor=_tint(colour), edgecolor=colour,
                           linewidth=max(0.5, 0.9 * scale), zorder=2, gid=f"role:{node}")
    # add_artist, not add_patch: the limits are already set, and updating them from
    # every rounded box is a fifth of the drawing time of a 50-role chart
    ax.add_artist(patch)
    bar = Rectangle((left, top), w, _BAR, facecolor=colour, edgecolor="none", zorder=3,
                    gid=f"accent:{node}")
    ax.add_artist(bar)
    bar.set_clip_path(patch)
    cursor = top + _BAR + _PAD_Y
    family = font_family()
    for i, (text, size, ink) in enumerate(lines):
        step = size * _LINE
        # baseline placed so the glyphs' visual centre sits mid-line (CJK glyphs
        # stand about 0.38 em above the baseline)
        ax.text(x, cursor + step / 2 + 0.36 * size, text, ha="center", va="baseline",
                fontsize=size * scale, family=family, color=ink, zorder=4, parse_math=False,
                gid=f"text:{node}:{i}")
        cursor += step
    return patch


def _draw_dotted(ax, box_m, box_r, m, r, scale: float) -> None:
    from matplotlib.patches import (
        FancyArrowPatch,  # matplotlib is heavy: loaded when a chart is drawn
    )

    (x0, y0), (x1, y1) = (_centre(box_m), _centre(box_r))
    ax.add_patch(FancyArrowPatch((x0, y0), (x1, y1), patchA=box_m, patchB=box_r,
                                 arrowstyle="-", connectionstyle="arc3,rad=-0.2",
                                 linestyle=(0, (4, 3)), color=_ALERT, alpha=0.8,
                                 linewidth=max(0.6, 1.1 * scale), zorder=1.5, gid=f"dotted:{m}->{r}"))


def _centre(patch) -> tuple[float, float]:
    b = patch.get_bbox()
    return (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2


def _title_summary(design, lang: str) -> str:
    """The line under the title: roles and people."""
    return t("chart.summary", lang, roles=len(design.roles), people=fmt.headcount(design.headcount, lang))


def _title(ax, design, lang: str) -> None:
    summary = _title_summary(design, lang)
    gap = 6.0
    ax.annotate(summary, xy=(0.5, 1.0), xycoords="axes fraction", xytext=(0, gap),
                textcoords="offset points", ha="center", va="bottom", fontsize=_DETAIL_PT + 1,
                family=font_family(), color=_GREY, parse_math=False, gid="summary")
    ax.set_title(design.name.get(lang), fontsize=_TITLE_PT, family=font_family(), color=_INK,
                 pad=2 * gap + (_DETAIL_PT + 1) * 1.4)


def _legend(ax, entries) -> None:
    from matplotlib.lines import (
        Line2D,  # matplotlib is heavy: loaded when a chart is drawn
    )
    from matplotlib.patches import (
        Patch,  # matplotlib is heavy: loaded when a chart is drawn
    )

    if not entries:
        return
    handles = []
    for label, colour in entries:
        if colour is None:
            handles.append(Line2D([], [], color=_ALERT, linestyle=(0, (4, 3)), label=label))
        else:
            handles.append(Patch(facecolor=_tint(colour), edgecolor=colour, label=label))
    fig_w = ax.figure.get_figwidth() * 72
    cols, _ = _legend_layout(entries, fig_w)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=cols,
              frameon=False, prop=_prop(_LEGEND_PT), handlelength=1.6, columnspacing=1.6)


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


def save_org_chart(design, path, *, overwrite: bool = False, dpi: float = 200, **kw) -> Path:
    """Draw the org chart and write it as PNG, SVG or PDF (by the file suffix).

    The file is written atomically (a temporary file renamed into place); an existing
    file is replaced only with ``overwrite=True``, else
    :class:`~shoporg.errors.FileExistsRefusedError`. Other keywords go to
    :func:`plot_org`. Returns the path written.

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
    fmt = path.suffix.lower()[1:]
    if "ax" in kw:
        raise TypeError("save_org_chart draws its own figure; use plot_org(ax=...) to draw into yours")
    ax = plot_org(design, **kw)
    fig = ax.figure
    try:
        buf = io.BytesIO()
        if fmt == "png":
            dpi = min(dpi, _MAX_PIXELS / max(fig.get_size_inches()))
        metadata = {"png": {"Software": None}, "svg": {"Date": None},
                    "pdf": {"CreationDate": None, "ModDate": None}}[fmt]
        with matplotlib.rc_context({"svg.hashsalt": "shoporg"}):  # same chart, same SVG ids
            fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    finally:
        plt.close(fig)
    _atomic_write(path, buf.getvalue(), overwrite)
    return path
