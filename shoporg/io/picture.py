"""The org chart as a PNG picture for the office writers, laid out once per design.

An export often writes one design to several files (``shoporg export d.yaml --to
book.xlsx --to report.docx``); each writer wants the chart, at its own resolution.
The chart's scene (:func:`shoporg.chart.org_scene`: the layout, every box and text) is
kept for the last few designs, and each writer has it drawn with Pillow
(:mod:`shoporg.chart_raster`) at its resolution: the picture
:func:`shoporg.chart.plot_org` gives saved at that resolution, drawn many times faster.

>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> png = chart_png(d, "en", dpi=60)
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", chart_png(d, "en", dpi=60) == png
(True, True)
"""

from __future__ import annotations

import threading

__all__ = ["chart_png", "chart_page_pngs", "chart_page_scales", "save_png"]

#: How many laid-out charts are kept (the options of one export are two to four).
KEEP = 4

_kept: list[tuple[object, str, object]] = []  # (design, lang, scene), the latest first
_pages_kept: list[tuple[object, tuple, tuple]] = []  # (design, (lang, min_pt), (pages, scenes)), the latest first
_lock = threading.Lock()


def _cached(kept: list, design, key, make):
    for i, (d, k, value) in enumerate(kept):
        if d is design and k == key:  # a design is immutable: the same object, the same chart
            kept.insert(0, kept.pop(i))
            return value
    value = make()
    kept.insert(0, (design, key, value))
    del kept[KEEP:]
    return value


def chart_png(design, lang: str, dpi: int, *, max_side: int | None = None) -> bytes:
    """The org chart of ``design`` in ``lang`` as PNG bytes at ``dpi``, cropped to what is
    drawn (as matplotlib's ``bbox_inches="tight"``); ``max_side`` caps the figure's longer
    side in pixels (a large design's whole chart would otherwise run to tens of
    megapixels), lowering the resolution to fit.

    >>> from shoporg import load_template
    >>> png = chart_png(load_template("seed-14-basic-22"), "zh", dpi=110, max_side=400)
    >>> max(int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) <= 400
    True
    """
    from ..chart import org_scene  # the chart module brings networkx
    from ..chart_raster import Raster, png

    with _lock:
        scene = _cached(_kept, design, lang, lambda: org_scene(design, lang=lang))
    if max_side is not None:
        dpi = min(dpi, max_side / (max(scene.size) / 72))
    return png(Raster(scene, dpi, crop="tight").draw())


def save_png(design, path, *, overwrite: bool = False, dpi: float = 200, **kw):
    """Write the org chart as a PNG file, as :func:`shoporg.chart.save_org_chart` writes it
    (the whole figure at ``dpi``, at most 30,000 pixels a side, atomically, an existing
    file replaced only with ``overwrite``), drawn with Pillow. Other keywords go to
    :func:`shoporg.chart.org_scene` (``lang``, ``mode``...). Returns the path written.

    >>> import tempfile, pathlib
    >>> from shoporg import load_template
    >>> p = save_png(load_template("seed-14-basic-22"), pathlib.Path(tempfile.mkdtemp()) / "d14.png", dpi=50)
    >>> p.read_bytes()[:4], p.name
    (b'\x89PNG', 'd14.png')
    """
    from ..chart import _MAX_PIXELS, _atomic_write, _check_path, org_scene  # the chart module brings networkx
    from ..chart_raster import Raster, png

    path = _check_path(path, overwrite)
    scene = org_scene(design, **kw)
    dpi = min(dpi, _MAX_PIXELS / (max(scene.size) / 72))
    _atomic_write(path, png(Raster(scene, dpi).draw()), overwrite)
    return path


def chart_page_pngs(design, lang: str, dpi: int, *, min_pt: float = 8.0, crop: bool = False) -> list[bytes]:
    """The org chart of ``design`` on landscape A4 pages (no text under ``min_pt`` at full
    size, :func:`shoporg.chart.plot_org_pages`), one PNG per page at ``dpi``; ``crop``:
    each cropped to what is drawn (a picture placed on a page of its own). The pages'
    scenes are kept for the last designs drawn, so the report and the workbook of one
    export lay them out once.

    >>> from shoporg import load_template
    >>> pages = chart_page_pngs(load_template("seed-14-basic-22"), "zh", dpi=40, crop=True)
    >>> len(pages), pages[0][:4] == b"\\x89PNG"
    (1, True)
    """
    from ..chart_raster import Raster, png

    _, scenes = _pages(design, lang, min_pt)
    return [png(Raster(s, dpi, crop="ink" if crop else None).draw()) for s in scenes]


def chart_page_scales(design, lang: str, *, min_pt: float = 8.0) -> list[float]:
    """The scale of each page :func:`chart_page_pngs` draws (points of the page per point
    of the chart), from the same kept split.

    >>> from shoporg import load_template
    >>> chart_page_scales(load_template("seed-14-basic-22"), "zh")  # one page, drawn 1.5 times its size
    [1.5]
    """
    pages, _ = _pages(design, lang, min_pt)
    return [p.scale for p in pages]


def _pages(design, lang: str, min_pt: float) -> tuple[list, list]:
    """The kept (pages, scenes) of ``design``'s chart split onto A4 pages."""
    from ..chart import chart_pages, page_scenes  # the chart module brings networkx

    def make():
        pages = chart_pages(design, lang, min_pt=min_pt)
        return pages, page_scenes(design, lang=lang, min_pt=min_pt, pages=pages)

    with _lock:
        return _cached(_pages_kept, design, (lang, min_pt), make)
