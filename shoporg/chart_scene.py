"""The org chart as a scene: what is drawn, once, for every back-end.

:mod:`shoporg.chart` lays a chart out and describes it here as primitives: boxes (face and
edge colour, rounded corners, a dashed border for a role whose every place is vacant,
the coloured bar on top), reporting lines, dotted lines with their arrowheads, and texts
(size in points, weight, colour, alignment). The chart's primitives are in layout units
(points at scale 1, y downward); :attr:`Scene.scale` and the frame (figure size, the
chart's place on it, title, summary and legend, all in figure points measured from the
top left) place them on a figure. matplotlib draws a scene for notebooks
(:func:`shoporg.chart.plot_org`), Pillow rasterises it for files and the designer
(:mod:`shoporg.chart_raster`).

>>> s = Scene(x0=0, y0=0, x1=100, y1=50, scale=2.0, size=(300, 200), axes=(50, 40, 200, 100))
>>> s.to_figure(0, 0), s.to_figure(100, 50)
((50.0, 40.0), (250.0, 140.0))
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

__all__ = ["Box", "Line", "Arrow", "Text", "Scene", "rgb", "dashes"]


@dataclass(frozen=True)
class Box:
    """A role's box: the rounded rectangle, and the bar of its colour along its top."""

    gid: str
    left: float
    top: float
    width: float
    height: float
    face: str
    edge: str
    line_width: float            # points, on the figure
    radius: float                # layout units
    dash: tuple | None = None    # on/off lengths in line widths; None: solid
    bar: str | None = None       # colour of the bar along the top
    bar_height: float = 0.0      # layout units


@dataclass(frozen=True)
class Line:
    """A polyline of a colour and width (points), solid or dashed (on/off in line widths)."""

    gid: str
    points: tuple
    colour: str
    width: float
    dash: tuple | None = None


@dataclass(frozen=True)
class Arrow:
    """A filled triangle (an arrowhead) with an edge of ``edge_width`` points."""

    gid: str
    points: tuple
    colour: str
    edge_width: float


@dataclass(frozen=True)
class Text:
    """One line of text anchored at ``(x, y)``: ``ha`` left/center/right, ``va`` baseline
    or bottom (the bottom of the line's box, as matplotlib places it)."""

    gid: str
    x: float
    y: float
    text: str
    size: float                  # points, on the figure
    colour: str
    ha: str = "center"
    va: str = "baseline"
    weight: str = "normal"


@dataclass
class Scene:
    """A whole chart: its primitives in layout units, and the frame around them.

    ``axes`` is the chart's rectangle on the figure, ``(left, top, width, height)`` in
    figure points from the top left; the layout's centre sits at its centre, one layout
    unit is ``scale`` points. ``title`` and ``summary`` are in figure points;
    ``legend`` holds ``(label, kind)`` entries (kind: a colour, or "stated", "inferred",
    "dotted", "planned") set in ``legend_columns`` columns below the chart.
    """

    x0: float
    y0: float
    x1: float
    y1: float
    scale: float
    size: tuple | None = None
    axes: tuple | None = None
    lines: list = field(default_factory=list)
    arrows: list = field(default_factory=list)
    boxes: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    title: Text | None = None
    summary: Text | None = None
    legend: list = field(default_factory=list)
    legend_columns: int = 1

    def to_figure(self, x: float, y: float) -> tuple[float, float]:
        """Figure points (from the top left) of the layout point ``(x, y)``."""
        left, top, w, h = self.axes
        k = self.scale
        return (left + w / 2 + (x - (self.x0 + self.x1) / 2) * k,
                top + h / 2 + (y - (self.y0 + self.y1) / 2) * k)


@functools.lru_cache(maxsize=1024)
def rgb(colour) -> tuple[int, int, int]:
    """An 8-bit RGB triple of ``"#rrggbb"``, ``"white"`` or a tuple of floats in 0..1
    (rounded as matplotlib's Agg renderer rounds them).

    >>> rgb("#4e79a7"), rgb("white"), rgb((1.0, 0.5, 0.0))
    ((78, 121, 167), (255, 255, 255), (255, 128, 0))
    """
    if isinstance(colour, str):
        if colour == "white":
            return (255, 255, 255)
        h = colour.lstrip("#")
        return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))
    return tuple(int(c * 255 + 0.5) for c in colour[:3])


def dashes(points, pattern) -> list[list[tuple[float, float]]]:
    """The dashes of a polyline: ``pattern`` (on, off) lengths, starting with a dash at
    the first point; a dash runs on round a corner.

    >>> dashes([(0, 0), (10, 0)], (4, 2))
    [[(0, 0), (4.0, 0.0)], [(6.0, 0.0), (10, 0)]]
    >>> dashes([(0, 0), (3, 0), (3, 3)], (4, 10))
    [[(0, 0), (3, 0), (3.0, 1.0)]]
    """
    on, off = pattern
    out, current = [], [points[0]]
    drawing, left = True, on
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        length = math.hypot(bx - ax, by - ay)
        done = 0.0
        while length - done > left:
            done += left
            p = (ax + (bx - ax) * done / length, ay + (by - ay) * done / length)
            if drawing:
                current.append(p)
                out.append(current)
            else:
                current = [p]
            drawing, left = not drawing, (off if drawing else on)
        left -= length - done
        if drawing:
            current.append((bx, by))
    if drawing and len(current) > 1:
        out.append(current)
    return out
