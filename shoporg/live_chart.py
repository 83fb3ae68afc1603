"""An org chart kept on screen while a design is edited: redraw only what changed.

Most edits in the designer change a box's text and nothing else (3人 → 4人, a new base
pay): the layout, the box sizes and the colours stay. A :class:`LiveOrgChart` keeps the
last picture (drawn with Pillow, :mod:`shoporg.chart_raster`) and, when only texts
changed, paints those boxes (and the summary line) again over a copy of the chart drawn
without boxes; the image is the same, pixel for pixel, as a full redraw. Any other
change redraws it all.

>>> from shoporg import load_template
>>> live = LiveOrgChart()
>>> d = load_template("seed-14-basic-22")
>>> live.png(d)[:4], live.last_update
(b'\\x89PNG', 'full')
>>> live.png(d.with_headcount("picker", 3))[:4], live.last_update
(b'\\x89PNG', 'partial')
"""

from __future__ import annotations

import dataclasses

from .chart import _all_vacant, _box_size, _title_summary, box_lines, org_scene
from .chart_raster import Raster, png

__all__ = ["LiveOrgChart"]

_PAD_PX = 3  # beyond a box: its edge's last pixel, never another box (boxes are far apart)


def _shape(design, lines: dict, lang: str) -> tuple:
    """Everything but the texts that decides the drawing: when it is unchanged, only
    texts need painting again."""
    return (lang, design.name, design.forest, design.departments,
            tuple((r.id, r.reports_to, r.reports_to_inferred, r.dotted_line, r.department, _all_vacant(r))
                  for r in design.roles),
            tuple((rid, len(ls), _box_size(ls), tuple(s for _, s, _ in ls)) for rid, ls in lines.items()))


class LiveOrgChart:
    """Draws designs as PNG, redrawing only the changed boxes when the rest is the same.

    Attributes
    ----------
    last_update : {"full", "partial", "none"}
        How the last :meth:`png` was made.
    """

    def __init__(self, lang: str = "zh", dpi: float = 100):
        self.lang, self.dpi = lang, dpi
        self.last_update = "none"
        self._image = None

    def png(self, design) -> bytes:
        """The org chart of ``design`` as PNG bytes."""
        lines = {r.id: box_lines(r, self.lang) for r in design.roles}
        shape = _shape(design, lines, self.lang)
        if self._image is None or shape != self._shape:
            self._draw_all(design, lines, shape)
            self.last_update = "full"
        else:
            self._draw_changes(design, lines)
        return png(self._image)

    def _draw_all(self, design, lines, shape) -> None:
        from PIL import ImageDraw

        self._scene = org_scene(design, lang=self.lang)
        self._raster = Raster(self._scene, self.dpi)
        self._image = self._raster.draw()
        self._pen = ImageDraw.Draw(self._image)
        self._clean = None  # drawn when first needed: a full redraw pays for one drawing only
        self._shape, self._lines = shape, lines

    def _restore(self, region) -> None:
        """Copy ``region`` (left, top, right, bottom pixels) from the chart drawn without boxes."""
        w, h = self._image.size
        x0, y0, x1, y1 = max(0, region[0]), max(0, region[1]), min(w, region[2]), min(h, region[3])
        self._image.paste(self._clean.crop((x0, y0, x1, y1)), (x0, y0))

    def _draw_changes(self, design, lines) -> None:
        scene, raster = self._scene, self._raster
        if self._clean is None:
            self._clean = raster.draw(skip={b.gid for b in scene.boxes} | {"summary"})
        changed = {rid for rid, ls in lines.items() if ls != self._lines[rid]}
        if changed:
            texts = []
            for t in scene.texts:
                rid, i = t.gid[5:].rsplit(":", 1)
                if rid in changed:
                    text, _size, ink = lines[rid][int(i)]
                    t = dataclasses.replace(t, text=text, colour=ink)
                texts.append(t)
            scene.texts[:] = texts
            by_box = raster.box_texts()
            for box in scene.boxes:
                if box.gid in changed:
                    self._restore(raster.box_px(box, _PAD_PX))
                    raster.box(self._pen, box, by_box.get(box.gid, ()))
        summary = _title_summary(design, self.lang)
        self.last_update = "partial" if changed or summary != scene.summary.text else "none"
        if summary != scene.summary.text:
            old = raster.text_px(scene.summary, _PAD_PX)
            scene.summary = dataclasses.replace(scene.summary, text=summary)
            new = raster.text_px(scene.summary, _PAD_PX)
            self._restore((min(old[0], new[0]), min(old[1], new[1]), max(old[2], new[2]), max(old[3], new[3])))
            raster.text(self._pen, scene.summary)
        self._lines = lines

    def close(self) -> None:
        """Free the picture."""
        self._image = self._clean = None
