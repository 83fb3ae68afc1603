"""An org chart kept on screen while a design is edited: redraw only what changed.

Most edits in the designer change a box's text and nothing else (3人 → 4人, a new base
pay): the layout, the box sizes and the colours stay. Drawing the whole chart again costs
a few hundred milliseconds for 50 roles, nearly all of it rasterising text. A
:class:`LiveOrgChart` keeps the last drawing and, when only texts changed, paints those
boxes (and the summary line) again over a copy of the chart drawn without boxes; the
image is the same, pixel for pixel, as a full redraw. Any other change redraws it all.

>>> import matplotlib; matplotlib.use("Agg")
>>> from shoporg import load_template
>>> live = LiveOrgChart()
>>> d = load_template("seed-14-basic-22")
>>> live.png(d)[:4], live.last_update
(b'\\x89PNG', 'full')
>>> live.png(d.with_headcount("picker", 3))[:4], live.last_update
(b'\\x89PNG', 'partial')
"""

from __future__ import annotations

import io
import math

from .chart import _box_size, _title_summary, box_lines, plot_org

__all__ = ["LiveOrgChart"]

_PAD_PX = 3  # beyond a box: its antialiased edge, never another box (boxes are far apart)


def _shape(design, lines: dict, lang: str) -> tuple:
    """Everything but the texts that decides the drawing: when it is unchanged, only
    texts need painting again."""
    return (lang, design.name, design.forest, design.departments,
            tuple((r.id, r.reports_to, r.dotted_line, r.department) for r in design.roles),
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
        self._fig = None

    def png(self, design) -> bytes:
        """The org chart of ``design`` as PNG bytes."""
        lines = {r.id: box_lines(r, self.lang) for r in design.roles}
        shape = _shape(design, lines, self.lang)
        if self._fig is None or shape != self._shape:
            self._draw_all(design, lines, shape)
            self.last_update = "full"
        else:
            self._draw_changes(design, lines)
        return self._encode()

    def _draw_all(self, design, lines, shape) -> None:
        import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # matplotlib is heavy: loaded when a chart is drawn

        if self._fig is not None:
            plt.close(self._fig)
        ax = plot_org(design, lang=self.lang)
        fig = ax.figure
        plt.close(fig)  # kept here, not by pyplot: a notebook must not show it by itself
        fig.set_dpi(self.dpi)
        canvas = FigureCanvasAgg(fig)
        by_gid = {a.get_gid(): a for a in ax.get_children() if a.get_gid()}
        canvas.draw()
        self._clean = None  # drawn when first needed: a full redraw pays for one drawing only
        self._fig, self._ax, self._canvas, self._by_gid = fig, ax, canvas, by_gid
        self._shape, self._lines = shape, lines
        self._summary = by_gid["summary"].get_text()

    def _repaint(self, bbox, artists) -> None:
        """Restore ``bbox`` (display pixels, padded) from the clean copy and draw ``artists``."""
        b = bbox.padded(_PAD_PX)
        height = self._canvas.get_width_height()[1]
        # the saved buffer counts rows from the top; display coordinates from the bottom
        x0, x1 = max(0, math.floor(b.x0)), math.ceil(b.x1)
        top, bottom = max(0, math.floor(height - b.y1)), math.ceil(height - b.y0)
        self._canvas.restore_region(self._clean, bbox=(x0, top, x1, bottom), xy=(0, 0))
        for a in artists:
            self._ax.draw_artist(a)

    def _draw_clean(self) -> None:
        """Keep a copy of the chart drawn without boxes and summary; the picture on the
        canvas stays as it was."""
        fig, canvas = self._fig, self._canvas
        shown = canvas.copy_from_bbox(fig.bbox)
        movers = [a for gid, a in self._by_gid.items()
                  if gid.startswith(("role:", "accent:", "text:")) or gid == "summary"]
        for a in movers:
            a.set_visible(False)
        canvas.draw()
        self._clean = canvas.copy_from_bbox(fig.bbox)
        for a in movers:
            a.set_visible(True)
        canvas.restore_region(shown)

    def _draw_changes(self, design, lines) -> None:
        if self._clean is None:
            self._draw_clean()
        renderer = self._canvas.get_renderer()
        g = self._by_gid
        changed = [rid for rid, ls in lines.items() if ls != self._lines[rid]]
        for rid in changed:
            texts = [g[f"text:{rid}:{i}"] for i in range(len(lines[rid]))]
            for t, (text, _size, ink) in zip(texts, lines[rid]):
                t.set_text(text)
                t.set_color(ink)
            patch = g[f"role:{rid}"]
            self._repaint(patch.get_window_extent(renderer), [patch, g[f"accent:{rid}"], *texts])
        summary = _title_summary(design, self.lang)
        self.last_update = "partial" if changed or summary != self._summary else "none"
        if summary != self._summary:
            note = g["summary"]
            old = note.get_window_extent(renderer)
            note.set_text(summary)
            from matplotlib.transforms import Bbox  # matplotlib is heavy: loaded when a chart is drawn
            self._repaint(Bbox.union([old, note.get_window_extent(renderer)]), [note])
            self._summary = summary
        self._lines = lines

    def _encode(self) -> bytes:
        from PIL import Image  # Pillow (with matplotlib): loaded when a chart is drawn

        w, h = self._canvas.get_width_height()
        image = Image.frombuffer("RGBA", (w, h), self._canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buf = io.BytesIO()
        image.save(buf, format="png", compress_level=1)  # on screen only: fast compression
        return buf.getvalue()

    def close(self) -> None:
        """Free the figure."""
        import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

        if self._fig is not None:
            plt.close(self._fig)
            self._fig = None
