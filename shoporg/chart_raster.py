"""Org chart scenes drawn with Pillow: the pictures in files and in the designer.

matplotlib spends about 1.7 ms on every text it draws; a chart of 1,000 roles has over
3,000. :class:`Raster` draws a :class:`~shoporg.chart_scene.Scene` with Pillow's
``ImageDraw`` instead, in the font file matplotlib itself uses for
:func:`shoporg.chart.cjk_font` (glyphs it lacks from DejaVu Sans, as matplotlib's
family list does), at the same size in pixels, so the picture matches
:func:`shoporg.chart.plot_org` saved at the same resolution: same size, same boxes,
text in the same places. The title, summary and legend are placed as matplotlib places
them; a picture can be cropped to what is drawn, from the scene's own extent.

>>> from shoporg import load_template
>>> from shoporg.chart import org_scene
>>> image = Raster(org_scene(load_template("seed-14-basic-22")), dpi=50).draw()
>>> image.size, image.mode
((397, 211), 'RGB')
>>> png(image)[:4]
b'\\x89PNG'
"""

from __future__ import annotations

import functools
import math
import struct
import zlib

from .chart_scene import Scene, Text, dashes, rgb

__all__ = ["Raster", "png"]

_LEGEND_PT = 8.0
_LEGEND = {"handle_length": 2.2, "handle_height": 0.7, "handle_pad": 0.8, "column_gap": 1.6,
           "row_gap": 0.5, "border_pad": 0.4, "axes_pad": 0.5}  # in font sizes, as matplotlib's legend
_PAD_INCHES = 0.1  # beyond what is drawn, in a cropped picture (matplotlib's default)


# -- fonts -------------------------------------------------------------------------------------
@functools.cache
def _font_files() -> tuple[tuple[str, int], tuple[str, int]]:
    """(path, face index) of the chart's Chinese font and of DejaVu Sans, as matplotlib
    resolves them."""
    from matplotlib.font_manager import FontProperties, findfont

    from .chart import cjk_font

    def face(family):
        found = findfont(FontProperties(family=family))
        return str(getattr(found, "path", found)), int(getattr(found, "face_index", 0))

    return face(cjk_font()), face("DejaVu Sans")


@functools.lru_cache(maxsize=64)
def _font(path: str, index: int, pixels: float):
    from PIL import ImageFont, features

    # Raqm places glyphs at their unhinted advances, as matplotlib does (the basic
    # layout rounds each advance to a pixel: a long name comes out narrower)
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(path, max(pixels, 0.5), index=index, layout_engine=engine)


@functools.cache
def _charmap(path: str, index: int) -> frozenset:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path, face_index=index).get_charmap())


@functools.lru_cache(maxsize=8192)
def _runs(text: str) -> tuple[tuple[str, bool], ...]:
    """``text`` in runs of (characters, whether the Chinese font has them); the other
    runs are drawn in DejaVu Sans."""
    (path, index), _ = _font_files()
    have = _charmap(path, index)
    out: list[list] = []
    for ch in text:
        ok = ord(ch) in have or ch.isspace()
        if out and out[-1][1] == ok:
            out[-1][0] += ch
        else:
            out.append([ch, ok])
    return tuple((s, ok) for s, ok in out)


class _Font:
    """The chart's fonts at one size: text measured and drawn run by run."""

    def __init__(self, pixels: float):
        (cjk, ci), (dejavu, di) = _font_files()
        self.main = _font(cjk, ci, round(pixels, 3))
        self.fallback = _font(dejavu, di, round(pixels, 3))
        self.lp = self._ink("lp")

    def pieces(self, text: str):
        return [(s, self.main if ok else self.fallback) for s, ok in _runs(text)]

    def width(self, text: str) -> float:
        return _measured(self, text)[0]

    def ink(self, text: str) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the glyphs, from the pen at the baseline."""
        return _measured(self, text)[1]

    def _ink(self, text: str) -> tuple[float, float, float, float]:
        x, box = 0.0, None
        for s, f in self.pieces(text):
            x0, y0, x1, y1 = f.getbbox(s, anchor="ls")
            box = (x0 + x, y0, x1 + x, y1) if box is None else (
                min(box[0], x0 + x), min(box[1], y0), max(box[2], x1 + x), max(box[3], y1))
            x += f.getlength(s)
        return box or (0.0, 0.0, 0.0, 0.0)


@functools.lru_cache(maxsize=8192)
def _measured(font: _Font, text: str) -> tuple[float, tuple]:
    """(advance width, ink box) of ``text`` in ``font``, in pixels."""
    return sum(f.getlength(s) for s, f in font.pieces(text)), font._ink(text)


@functools.lru_cache(maxsize=4096)
def _line_box(text: str, size: float) -> tuple[float, float]:
    """(height, descent) in points of ``text``'s glyphs as matplotlib measures them."""
    from .chart import _measurer, _prop

    _, h, d = _measurer().get_text_width_height_descent(text, _prop(size), ismath=False)
    return h, d


@functools.lru_cache(maxsize=256)
def _fonts(pixels: float) -> _Font:
    return _Font(pixels)


@functools.lru_cache(maxsize=8192)
def _rendered(pixels: float, text: str):
    """``(advance width, [(glyph mask, dx, dy)])`` of ``text`` with the pen at the
    baseline: each glyph where its pen position falls (as
    ``ImageDraw.text`` places them, to a quarter pixel), the pen moved by the glyphs' unhinted advances (as
    matplotlib moves it). Glyphs are rendered once per size and kept: a chart repeats
    its characters (and most of its texts) many times."""
    font = _fonts(pixels)
    x, out = 0.0, []
    for s, f in font.pieces(text):
        for ch in s:
            whole = math.floor(x)
            quarter = round((x - whole) * 4)  # glyphs kept at quarter-pixel offsets
            mask, ox, oy, advance = _glyph(f, ch, quarter)
            if mask is not None:
                out.append((mask, whole + ox, oy))
            x += advance
    return x, tuple(out)


@functools.lru_cache(maxsize=32768)
def _glyph(font, ch: str, quarter: int):
    """(mask or None for a blank, dx, dy, advance) of one character in ``font``, its pen
    ``quarter`` quarters of a pixel right of a whole pixel."""
    advance = font.getlength(ch)
    if ch.isspace():
        return None, 0, 0, advance
    mask, (ox, oy) = font.getmask2(ch, "L", anchor="ls", start=(quarter / 4, 0.0))
    return (mask if mask.size[0] and mask.size[1] else None), ox, oy, advance


# -- drawing -----------------------------------------------------------------------------------
class Raster:
    """A scene drawn at ``dpi`` (figure points to pixels: ``dpi / 72``).

    ``crop``: None for the whole figure; ``"tight"`` for what matplotlib's
    ``bbox_inches="tight"`` keeps (the chart's rectangle, the title, the legend and their
    line boxes); ``"ink"`` for what is drawn; either with :data:`_PAD_INCHES` around it.
    """

    def __init__(self, scene: Scene, dpi: float, crop: str | None = None):
        self.scene, self.dpi, self.k = scene, dpi, dpi / 72
        fig_w, fig_h = scene.size
        if crop is None:
            self.origin = (0, 0)
            self.size = (int(fig_w * self.k), int(fig_h * self.k))
        else:
            pad = _PAD_INCHES * 72
            x0, y0, x1, y1 = self.extent(crop)
            left, top = max(0.0, x0 - pad), max(0.0, y0 - pad)
            right, bottom = min(fig_w, x1 + pad), min(fig_h, y1 + pad)
            self.origin = (round(left * self.k), round(top * self.k))
            self.size = (max(1, round(right * self.k) - self.origin[0]),
                         max(1, round(bottom * self.k) - self.origin[1]))

    # -- coordinates
    def px(self, x: float, y: float) -> tuple[float, float]:
        """Pixels (in the picture) of the figure point ``(x, y)``."""
        return x * self.k - self.origin[0], y * self.k - self.origin[1]

    def chart_px(self, x: float, y: float) -> tuple[float, float]:
        """Pixels of the layout point ``(x, y)``."""
        return self.px(*self.scene.to_figure(x, y))

    def box_px(self, box, pad: float = 0.0) -> tuple[int, int, int, int]:
        """The pixels a box covers, its edge included: (left, top, right, bottom), the
        right and bottom exclusive; ``pad`` more pixels all round."""
        (x0, y0), (x1, y1) = self.chart_px(box.left, box.top), self.chart_px(box.left + box.width,
                                                                             box.top + box.height)
        half = self._width(box.line_width) / 2 + pad
        return (math.floor(x0 - half), math.floor(y0 - half), math.ceil(x1 + half), math.ceil(y1 + half))

    def text_px(self, t: Text, pad: float = 0.0) -> tuple[int, int, int, int]:
        """The pixels a text covers (its line box and its ink, which may reach past the
        line box), as :meth:`box_px`."""
        boxes = [self._text_extent(t, "tight"), self._text_extent(t, "ink")]
        (x0, y0), (x1, y1) = (self.px(min(b[0] for b in boxes), min(b[1] for b in boxes)),
                              self.px(max(b[2] for b in boxes), max(b[3] for b in boxes)))
        return (math.floor(x0 - pad), math.floor(y0 - pad), math.ceil(x1 + pad), math.ceil(y1 + pad))

    def chart_text_px(self, t: Text, pad: float = 0.0) -> tuple[int, int, int, int]:
        """:meth:`text_px` of a text placed in layout units (a box's text)."""
        x, y = self.scene.to_figure(t.x, t.y)
        return self.text_px(Text(t.gid, x, y, t.text, t.size, t.colour, t.ha, t.va, t.weight), pad)

    def line_px(self, line, pad: float = 0.0) -> tuple[int, int, int, int]:
        """The pixels a :class:`Line` or :class:`Arrow` covers, as :meth:`box_px`."""
        pts = [self.chart_px(x, y) for x, y in line.points]
        half = self._width(getattr(line, "width", getattr(line, "edge_width", 0.0))) / 2 + pad
        return (math.floor(min(x for x, _ in pts) - half), math.floor(min(y for _, y in pts) - half),
                math.ceil(max(x for x, _ in pts) + half), math.ceil(max(y for _, y in pts) + half))

    def legend_px(self, pad: float = 0.0) -> tuple[int, int, int, int] | None:
        """The pixels the legend covers (its box and its ink), as :meth:`box_px`; None
        without a legend."""
        if not self.scene.legend:
            return None
        parts = self._legend_extent("tight") + self._legend_extent("ink")
        (x0, y0), (x1, y1) = (self.px(min(p[0] for p in parts), min(p[1] for p in parts)),
                              self.px(max(p[2] for p in parts), max(p[3] for p in parts)))
        return (math.floor(x0 - pad), math.floor(y0 - pad), math.ceil(x1 + pad), math.ceil(y1 + pad))

    def _width(self, points: float) -> int:
        return max(1, round(points * self.k))

    # -- extent
    def extent(self, kind: str = "ink") -> tuple[float, float, float, float]:
        """(left, top, right, bottom) in figure points of what is drawn (``"ink"``), or of
        what matplotlib's tight bounding box counts (``"tight"``)."""
        s = self.scene
        boxes = []
        for b in s.boxes:
            (x0, y0), (x1, y1) = s.to_figure(b.left, b.top), s.to_figure(b.left + b.width, b.top + b.height)
            half = b.line_width / 2
            boxes.append((x0 - half, y0 - half, x1 + half, y1 + half))
        for ln in s.lines + s.arrows:
            pts = [s.to_figure(x, y) for x, y in ln.points]
            half = getattr(ln, "width", getattr(ln, "edge_width", 0.0)) / 2
            boxes.append((min(x for x, _ in pts) - half, min(y for _, y in pts) - half,
                          max(x for x, _ in pts) + half, max(y for _, y in pts) + half))
        if kind == "tight":
            left, top, w, h = s.axes
            boxes.append((left, top, left + w, top + h))
        for t in (s.title, s.summary):
            if t is not None and t.text:
                boxes.append(self._text_extent(t, kind))
        if s.legend:
            boxes.extend(self._legend_extent(kind))
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))

    def _metrics(self, text: str, size: float):
        """matplotlib's measures of one line in points: width, ink box, and the line box's
        ascent and descent (the ink of ``text`` or of "lp", whichever reaches further,
        as matplotlib measures them)."""
        font = _fonts(size * self.k)
        k = self.k
        ink = tuple(v / k for v in font.ink(text))
        h, d = _line_box(text, size)
        lp_h, lp_d = _line_box("lp", size)
        descent = max(d, lp_d)
        return font.width(text) / k, ink, max(h, lp_h) - descent, descent

    def _baseline(self, t: Text, font=None) -> tuple[float, float, float]:
        """(x of the pen, y of the baseline, width) of a text, in figure points."""
        font = font or _fonts(t.size * self.k)
        width = font.width(t.text) / self.k if t.ha != "left" or t.va == "bottom" else 0.0
        x = t.x - {"left": 0.0, "center": width / 2, "right": width}[t.ha]
        y = t.y - self._metrics(t.text, t.size)[3] if t.va == "bottom" else t.y
        return x, y, width

    def _text_extent(self, t: Text, kind: str):
        x, y, _ = self._baseline(t)
        width = _fonts(t.size * self.k).width(t.text) / self.k
        _, (ix0, iy0, ix1, iy1), ascent, descent = self._metrics(t.text, t.size)
        if kind == "tight":
            return (x, y - ascent, x + width, y + descent)
        return (x + ix0, y + iy0, x + ix1, y + iy1)

    # -- the whole picture
    def draw(self):
        """The picture (an RGB Pillow image)."""
        from PIL import Image, ImageDraw

        image = Image.new("RGB", self.size, (255, 255, 255))
        draw = ImageDraw.Draw(image)
        s = self.scene
        for ln in s.lines:
            self.line(draw, [self.chart_px(x, y) for x, y in ln.points], ln.width, ln.colour, ln.dash)
        for a in s.arrows:
            draw.polygon([self.chart_px(x, y) for x, y in a.points], fill=rgb(a.colour), outline=rgb(a.colour))
        texts = self.box_texts()
        for b in s.boxes:
            self.box(draw, b, texts.get(b.gid, ()))
        if s.title is not None:
            self.text(draw, s.title)
        if s.summary is not None:
            self.text(draw, s.summary)
        self.legend(draw)
        return image

    def box_texts(self) -> dict:
        out: dict = {}
        for t in self.scene.texts:
            out.setdefault(t.gid[5:].rsplit(":", 1)[0], []).append(t)
        return out

    # -- primitives
    def line(self, draw, points, width: float, colour, dash=None) -> None:
        """A polyline ``width`` points wide with square corners and butt ends, maybe dashed."""
        w = self._width(width)
        if dash and (dash[0] + dash[1]) * width * self.k < 3:
            # dashes finer than the pixels: a solid line as light as the dashes' average
            # (what the antialiased dashes come to), on the white the lines are drawn on
            share = dash[0] / (dash[0] + dash[1])
            self._polyline(draw, points, w, tuple(round(255 - (255 - c) * share) for c in rgb(colour)))
        elif dash:
            for piece in dashes(points, (dash[0] * width * self.k, dash[1] * width * self.k)):
                self._polyline(draw, piece, w, rgb(colour))
        else:
            self._polyline(draw, points, w, rgb(colour))

    @staticmethod
    def _polyline(draw, points, w: int, fill) -> None:
        n = len(points)
        for i, ((ax, ay), (bx, by)) in enumerate(zip(points, points[1:])):
            if abs(ay - by) < 1e-9 or abs(ax - bx) < 1e-9:
                # a rectangle, lengthened by half the width where the next segment joins
                ea = w / 2 if i > 0 else 0.0
                eb = w / 2 if i < n - 2 else 0.0
                if abs(ay - by) < 1e-9:
                    lo, hi = (ax - ea, bx + eb) if ax <= bx else (bx - eb, ax + ea)
                    x0, x1 = round(lo), max(round(hi), round(lo) + 1)
                    y0 = round(ay - w / 2)
                    draw.rectangle((x0, y0, x1 - 1, y0 + w - 1), fill=fill)
                else:
                    lo, hi = (ay - ea, by + eb) if ay <= by else (by - eb, ay + ea)
                    y0, y1 = round(lo), max(round(hi), round(lo) + 1)
                    x0 = round(ax - w / 2)
                    draw.rectangle((x0, y0, x0 + w - 1, y1 - 1), fill=fill)
            else:
                draw.line([(ax, ay), (bx, by)], fill=fill, width=w)

    def box(self, draw, box, texts) -> None:
        """A role's box (rounded, its bar on top) and the texts in it."""
        (x0, y0), (x1, y1) = self.chart_px(box.left, box.top), self.chart_px(box.left + box.width,
                                                                             box.top + box.height)
        r = box.radius * self.scene.scale * self.k
        w = self._width(box.line_width)
        face, edge = rgb(box.face), rgb(box.edge)
        if box.dash is None:
            h = w / 2  # the edge is centred on the outline, as matplotlib strokes it
            xy = _pixels(x0 - h, y0 - h, x1 + h, y1 + h)
            draw.rounded_rectangle(xy, radius=_radius(xy, r + h), fill=face, outline=edge,
                                   width=max(1, min(w, _side(xy) // 2)))
        else:
            xy = _pixels(x0, y0, x1, y1)
            draw.rounded_rectangle(xy, radius=_radius(xy, r), fill=face)
            self.line(draw, _rounded_outline(x0, y0, x1, y1, r), box.line_width, box.edge, box.dash)
        if box.bar:
            bar = rgb(box.bar)
            bottom = y0 + box.bar_height * self.scene.scale * self.k
            for row in range(round(y0), max(round(bottom), round(y0) + 1)):
                dy = row + 0.5 - y0
                inset = r - math.sqrt(max(0.0, r * r - (r - dy) ** 2)) if dy < r else 0.0
                draw.rectangle(_pixels(x0 + inset, row, x1 - inset, row + 1), fill=bar)
        for t in texts:
            self.text(draw, t, chart=True)

    def text(self, draw, t: Text, chart: bool = False) -> None:
        """One line of text; ``chart``: placed in layout units (a box's text). The pen
        starts on a whole pixel, so a text's glyphs are rendered once and reused."""
        if chart:
            x, y = self.scene.to_figure(t.x, t.y)
            t = Text(t.gid, x, y, t.text, t.size, t.colour, t.ha, t.va, t.weight)
        pixels = round(t.size * self.k, 3)
        width, pieces = _rendered(pixels, t.text)
        x = t.x * self.k - {"left": 0.0, "center": width / 2, "right": width}[t.ha]
        y = t.y * self.k
        if t.va == "bottom":
            y -= self._metrics(t.text, t.size)[3] * self.k
        px, py = round(x) - self.origin[0], round(y) - self.origin[1]
        # the two calls ImageDraw.text ends in, with the glyph masks it would render
        ink = draw._getink(rgb(t.colour))[0]
        for mask, dx, dy in pieces:
            draw.draw.draw_bitmap((px + dx, py + dy), mask, ink)

    # -- the legend, laid out as matplotlib's ``ax.legend`` lays it out
    def _legend_layout(self):
        """Per entry: (x of its column, baseline y), and the legend's box; figure points."""
        s = self.scene
        fs = _LEGEND_PT
        handle_w, handle_h = _LEGEND["handle_length"] * fs, _LEGEND["handle_height"] * fs
        _, _, lp_asc, lp_d = self._metrics("lp", fs)
        lp_above = lp_asc  # "lp" alone: its ink top over the baseline
        items = []
        for label, _ in s.legend:
            width, _, ascent, descent = self._metrics(label, fs)
            above = max(lp_above, ascent)
            items.append((handle_w + _LEGEND["handle_pad"] * fs + width, max(handle_h, above), descent))
        n, cols = len(items), max(1, s.legend_columns)
        sizes = [n // cols + (1 if c < n % cols else 0) for c in range(cols)]
        columns, start = [], 0
        for size in sizes:
            if size:
                columns.append(list(range(start, start + size)))
            start += size
        sep = _LEGEND["row_gap"] * fs
        col_w = [max(items[i][0] for i in col) for col in columns]
        first_up = max(items[col[0]][1] for col in columns)
        below = max(sum(items[i][1] + items[i][2] for i in col) + sep * (len(col) - 1) - items[col[0]][1]
                    for col in columns)
        gap, pad = _LEGEND["column_gap"] * fs, _LEGEND["border_pad"] * fs
        total_w = sum(col_w) + gap * (len(columns) - 1) + 2 * pad
        left, top, w, h = s.axes
        cx, anchor = left + w / 2, top + h + 0.01 * h
        box_top = anchor + _LEGEND["axes_pad"] * fs
        box = (cx - total_w / 2, box_top, cx + total_w / 2, box_top + 2 * pad + first_up + below)
        base0 = box_top + pad + first_up
        places = [None] * n
        x = box[0] + pad
        for col, cw in zip(columns, col_w):
            y = base0
            for j, i in enumerate(col):
                if j:
                    prev = col[j - 1]
                    y += items[prev][2] + sep + items[i][1]
                places[i] = (x, y)
            x += cw + gap
        return places, box

    def _legend_extent(self, kind: str):
        places, box = self._legend_layout()
        if kind == "tight":
            return [box]
        fs = _LEGEND_PT
        out = []
        for (label, _), (x, y) in zip(self.scene.legend, places):
            out.append((x, y - _LEGEND["handle_height"] * fs, x + _LEGEND["handle_length"] * fs, y))
            t = Text("legend", x + (_LEGEND["handle_length"] + _LEGEND["handle_pad"]) * fs, y, label, fs,
                     "#000000", ha="left")
            out.append(self._text_extent(t, "ink"))
        return out

    def legend(self, draw) -> None:
        from .chart import _DOTTED_COLOR, _DOTTED_DASH, _GREY, _INFERRED_DASH, _LINE_COLOR, _PLANNED_DASH, _tint

        if not self.scene.legend:
            return
        places, _ = self._legend_layout()
        fs = _LEGEND_PT
        hw, hh = _LEGEND["handle_length"] * fs, _LEGEND["handle_height"] * fs
        for (label, kind), (x, y) in zip(self.scene.legend, places):
            mid = y - hh / 2
            if kind in ("stated", "inferred", "dotted"):
                colour, width = (_DOTTED_COLOR, 1.2) if kind == "dotted" else (_LINE_COLOR, 1.1)
                dash = {"stated": None, "inferred": _INFERRED_DASH[1], "dotted": _DOTTED_DASH[1]}[kind]
                self.line(draw, [self.px(x, mid), self.px(x + hw, mid)], width, colour, dash)
                if kind == "dotted":  # matplotlib's ">" marker, 4 points
                    c = x + hw / 2
                    draw.polygon([self.px(c + 2, mid), self.px(c - 2, mid - 2), self.px(c - 2, mid + 2)],
                                 fill=rgb(colour), outline=rgb(colour))
            else:
                face, edge, dash = ("white", _GREY, _PLANNED_DASH[1]) if kind == "planned" else (
                    _tint(kind), kind, None)
                (x0, y0), (x1, y1) = self.px(x, y - hh), self.px(x + hw, y)
                draw.rectangle(_pixels(x0, y0, x1, y1), fill=rgb(face),
                               outline=None if dash else rgb(edge), width=self._width(1.0))
                if dash:
                    self.line(draw, [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], 1.0, edge, dash)
            self.text(draw, Text("legend", x + hw + _LEGEND["handle_pad"] * fs, y, label, fs, "#000000",
                                 ha="left"))


def _pixels(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
    """The pixels from ``(x0, y0)`` to ``(x1, y1)`` (exclusive) as Pillow's inclusive corners,
    at least one pixel each way: a picture drawn very small (a large chart capped at a few
    thousand pixels) still gets a well-formed rectangle.

    >>> _pixels(10.2, 5, 20.7, 5.2), _pixels(3, 3, 8, 9)
    ((10, 5, 20, 5), (3, 3, 7, 8))
    """
    left, top = round(x0), round(y0)
    return left, top, max(left, round(x1) - 1), max(top, round(y1) - 1)


def _side(xy) -> int:
    """The shorter side, in pixels, of Pillow's inclusive rectangle ``xy``."""
    return min(xy[2] - xy[0], xy[3] - xy[1]) + 1


def _radius(xy, r: float) -> float:
    """``r`` for a rounded rectangle, or a whole number of pixels no more than half the
    shorter side where the box is too small for it (Pillow refuses a fractional radius
    close to half the side).

    >>> _radius((0, 0, 99, 39), 6.5), _radius((0, 0, 3, 2), 1.5), _radius((0, 0, 3, 2), 9)
    (6.5, 1, 1)
    """
    side = _side(xy)
    return r if 2 * r + 4 <= side else int(min(r, side // 2))


def _rounded_outline(x0, y0, x1, y1, r, steps: int = 6) -> list[tuple[float, float]]:
    """The outline of a rounded rectangle as a closed polyline, clockwise from the top left."""
    r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)
    pts = []
    for cx, cy, start in ((x1 - r, y0 + r, -90), (x1 - r, y1 - r, 0), (x0 + r, y1 - r, 90), (x0 + r, y0 + r, 180)):
        for i in range(steps + 1):
            a = math.radians(start + 90 * i / steps)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts + [pts[0]]


# -- PNG ---------------------------------------------------------------------------------------
try:
    from isal.isal_zlib import compress as _deflate
except ImportError:  # an installation without it: zlib, slower
    from zlib import compress as _deflate


def png(image, level: int = 1) -> bytes:
    """``image`` (RGB) as PNG bytes: rows unfiltered, deflated at ``level`` — several times
    faster than Pillow's adaptive filters on a chart, which is mostly flat colour. The
    deflating is ISA-L's (a package dependency; the same stream format, about six times
    zlib's speed at this level), or zlib's where it is missing.

    >>> from PIL import Image
    >>> import io
    >>> im = Image.new("RGB", (3, 2), (1, 2, 3))
    >>> Image.open(io.BytesIO(png(im))).getpixel((2, 1))
    (1, 2, 3)
    """
    import numpy as np

    w, h = image.size
    raw = np.empty((h, w * 3 + 1), np.uint8)
    raw[:, 0] = 0  # filter type: none
    raw[:, 1:] = np.frombuffer(image.tobytes(), np.uint8).reshape(h, w * 3)

    def chunk(kind: bytes, data: bytes) -> list[bytes]:  # parts joined once at the end, no copies
        return [struct.pack(">I", len(data)), kind, data, struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))]

    return b"".join([b"\x89PNG\r\n\x1a\n", *chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),
                     *chunk(b"IDAT", _deflate(raw, level)), *chunk(b"IEND", b"")])
