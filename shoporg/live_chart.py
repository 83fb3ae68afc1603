"""An org chart kept on screen while a design is edited: redraw only what changed.

A :class:`LiveOrgChart` keeps the last picture (drawn with Pillow,
:mod:`shoporg.chart_raster`) and the scene it was drawn from. After an edit it compares
the new scene with the kept one, primitive by primitive: the boxes (with their texts),
lines, arrowheads, title, summary and legend that are gone or new mark their pixels
dirty, and only those rectangles are painted again, from everything the new scene draws
there. The image is the same, pixel for pixel, as a full redraw.

Most edits change a box's text and nothing else (3人 → 4人, a new base pay): then the
layout is not even computed again. A role moved to another manager changes the subtrees
the tidy layout shifts, and those are repainted. When the chart's frame changes (a wider
or taller chart is scaled and placed afresh) every pixel moves, and it is drawn anew.

>>> from shoporg import load_template
>>> live = LiveOrgChart()
>>> d = load_template("seed-14-basic-22")
>>> live.png(d)[:4], live.last_update
(b'\\x89PNG', 'full')
>>> live.png(d.with_headcount("picker", 3))[:4], live.last_update
(b'\\x89PNG', 'partial')
"""

from __future__ import annotations

import collections
import dataclasses

from .chart import _all_vacant, _box_size, _title_summary, box_lines, org_scene
from .chart_raster import Raster, png

__all__ = ["LiveOrgChart"]

# beyond what a primitive covers: its pen is rounded to a whole pixel (1 is enough; tests fail at 0)
_PAD_PX = 3


def _shape(design, lines: dict, lang: str) -> tuple:
    """Everything but the texts that decides the layout: when it is unchanged, the kept
    scene only needs its texts replaced."""
    return (lang, design.name, design.forest, design.departments,
            tuple((r.id, r.reports_to, r.reports_to_inferred, r.dotted_line, r.department, _all_vacant(r))
                  for r in design.roles),
            tuple((rid, len(ls), _box_size(ls), tuple(s for _, s, _ in ls)) for rid, ls in lines.items()))


def _frame(scene) -> tuple:
    """What places every primitive on the picture: when it differs, every pixel moves."""
    return (scene.x0, scene.y0, scene.x1, scene.y1, scene.scale, scene.size, scene.axes)


def _with_texts(scene, lines: dict, summary: str):
    """``scene`` with its boxes' texts (and the summary line) replaced: the same layout."""
    texts = []
    for t in scene.texts:
        rid, i = t.gid[5:].rsplit(":", 1)
        text, _size, ink = lines[rid][int(i)]
        texts.append(t if (t.text, t.colour) == (text, ink) else dataclasses.replace(t, text=text, colour=ink))
    return dataclasses.replace(scene, texts=texts, summary=dataclasses.replace(scene.summary, text=summary))


def _items(raster) -> list[tuple[tuple, tuple | None]]:
    """What ``raster`` draws, in drawing order: ``(key, pixels)`` per primitive. Equal keys
    draw the same pixels; ``pixels`` (left, top, right, bottom, exclusive) holds them all."""
    s = raster.scene
    items = [(("line", ln), raster.line_px(ln, _PAD_PX)) for ln in s.lines]
    items += [(("arrow", a), raster.line_px(a, _PAD_PX)) for a in s.arrows]
    texts = raster.box_texts()
    for b in s.boxes:
        own = tuple(texts.get(b.gid, ()))
        items.append((("box", b, own), _union([raster.box_px(b, _PAD_PX)]
                                                + [raster.chart_text_px(t, _PAD_PX) for t in own])))
    for kind, t in (("title", s.title), ("summary", s.summary)):
        if t is not None:
            items.append(((kind, t), raster.text_px(t, _PAD_PX)))
    if s.legend:
        items.append((("legend", tuple(s.legend), s.legend_columns), raster.legend_px(_PAD_PX)))
    return items


def _union(rects):
    return (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects), max(r[3] for r in rects))


def _meets(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _merged(rects) -> list:
    """``rects`` with the ones that overlap joined into their bounding rectangle (fewer,
    larger rectangles: one paste each)."""
    out: list = []
    for r in sorted(rects):
        joined = True
        while joined:
            joined = False
            for i, o in enumerate(out):
                if _meets(o, r):
                    r, joined = _union([o, out.pop(i)] + [r]), True
                    break
        out.append(r)
    return out


def _dirty(old: list, new: list) -> list | None:
    """The rectangles whose pixels differ between two drawings of one frame, or None when
    primitives drawn in both are drawn in another order (one may cover another: redraw all)."""
    before, after = collections.Counter(k for k, _ in old), collections.Counter(k for k, _ in new)
    gone, added = before - after, after - before
    kept = before & after
    if [k for k, _ in old if k in kept] != [k for k, _ in new if k in kept]:
        return None
    return [px for k, px in old if k in gone] + [px for k, px in new if k in added]


def _only(scene, keys: set):
    """``scene`` drawing only the primitives of ``keys`` (same frame, same order)."""
    boxes = [b for b in scene.boxes if ("box", b) in keys]
    gids = {b.gid for b in boxes}
    return dataclasses.replace(
        scene, lines=[ln for ln in scene.lines if ("line", ln) in keys],
        arrows=[a for a in scene.arrows if ("arrow", a) in keys], boxes=boxes,
        texts=[t for t in scene.texts if t.gid[5:].rsplit(":", 1)[0] in gids],
        title=scene.title if ("title", scene.title) in keys else None,
        summary=scene.summary if ("summary", scene.summary) in keys else None,
        legend=scene.legend if ("legend",) in keys else [])


class LiveOrgChart:
    """Draws designs as PNG, repainting only the pixels an edit changes.

    Attributes
    ----------
    last_update : {"full", "partial", "none"}
        How the last :meth:`png` was made: drawn anew, some rectangles repainted, or the
        picture was already right.
    repainted : float
        The share of the picture's pixels the last :meth:`png` painted (1.0 for "full").
    """

    def __init__(self, lang: str = "zh", dpi: float = 100):
        self.lang, self.dpi = lang, dpi
        self.last_update, self.repainted = "none", 0.0
        self._image = self._scene = self._shape = self._items = None

    def png(self, design) -> bytes:
        """The org chart of ``design`` as PNG bytes."""
        lines = {r.id: box_lines(r, self.lang) for r in design.roles}
        shape = _shape(design, lines, self.lang)
        if self._scene is not None and shape == self._shape:
            scene = _with_texts(self._scene, lines, _title_summary(design, self.lang))
        else:
            scene = org_scene(design, lang=self.lang)
        raster = Raster(scene, self.dpi)
        items, rects = _items(raster), None
        if self._image is not None and _frame(scene) == _frame(self._scene):
            rects = _dirty(self._items, items)
        if rects is None:
            self._image = raster.draw()
            self.last_update, self.repainted = "full", 1.0
        else:
            self._repaint(raster, items, rects)
        self._scene, self._shape, self._items = scene, shape, items
        return png(self._image)

    def _repaint(self, raster, items, rects) -> None:
        """Paint ``rects`` again from what the new scene draws over them."""
        w, h = self._image.size
        rects = [(max(0, r[0]), max(0, r[1]), min(w, r[2]), min(h, r[3])) for r in rects]
        rects = _merged(r for r in rects if r[0] < r[2] and r[1] < r[3])
        if not rects:
            self.last_update, self.repainted = "none", 0.0
            return
        keys = {k[:2] if k[0] == "box" else k[:1] if k[0] == "legend" else k
                for k, px in items if px is not None and any(_meets(px, r) for r in rects)}
        fresh = Raster(_only(raster.scene, keys), self.dpi).draw()
        for r in rects:
            self._image.paste(fresh.crop(r), r[:2])
        self.last_update = "partial"
        self.repainted = min(1.0, sum((r[2] - r[0]) * (r[3] - r[1]) for r in rects) / (w * h))

    def close(self) -> None:
        """Free the picture."""
        self._image = self._scene = self._shape = self._items = None
