"""The org chart as a PNG picture for the office writers, drawn once per design.

An export often writes one design to several files (``shoporg export d.yaml --to
book.xlsx --to report.docx``); each writer wants the chart, at its own resolution.
Drawing it (laying out the boxes, placing every text) is most of the work, so the last
few charts drawn are kept, closed to pyplot (a notebook does not show them), and each
writer rasterises the kept figure at its resolution: the same picture a fresh drawing
gives.

>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> png = chart_png(d, "en", dpi=60)
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n", chart_png(d, "en", dpi=60) == png
(True, True)
"""

from __future__ import annotations

import io
import threading

__all__ = ["chart_png", "chart_page_pngs"]

#: How many drawn charts are kept (the options of one export are two to four).
KEEP = 4

_kept: list[tuple[object, str, object]] = []  # (design, lang, figure), the latest first
_lock = threading.Lock()


def _figure(design, lang: str):
    for i, (d, lg, fig) in enumerate(_kept):
        if d is design and lg == lang:  # a design is immutable: the same object, the same chart
            _kept.insert(0, _kept.pop(i))
            return fig
    import matplotlib  # matplotlib is heavy: loaded when a chart is drawn
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

    from ..chart import plot_org  # the chart module brings networkx and matplotlib

    fig = plot_org(design, lang=lang).figure
    plt.close(fig)  # out of pyplot's hands; the figure still saves
    _kept.insert(0, (design, lang, fig))
    del _kept[KEEP:]
    return fig


def chart_png(design, lang: str, dpi: int, *, max_side: int | None = None) -> bytes:
    """The org chart of ``design`` in ``lang`` as PNG bytes at ``dpi``, cropped to what is
    drawn; ``max_side`` caps the picture's longer side in pixels (a large design's whole
    chart would otherwise run to tens of megapixels), lowering the resolution to fit.

    >>> from shoporg import load_template
    >>> png = chart_png(load_template("seed-14-basic-22"), "zh", dpi=110, max_side=400)
    >>> max(int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) <= 400
    True
    """
    with _lock:
        fig = _figure(design, lang)
        if max_side is not None:
            dpi = min(dpi, max_side / max(fig.get_size_inches()))
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return buf.getvalue()


_pages_kept: list[tuple[object, str, list]] = []  # (design, lang, figures), the latest first


def chart_page_pngs(design, lang: str, dpi: int, *, min_pt: float = 8.0, crop: bool = False) -> list[bytes]:
    """The org chart of ``design`` on landscape A4 pages (no text under ``min_pt`` at full
    size, :func:`shoporg.chart.plot_org_pages`), one PNG per page at ``dpi``; ``crop``:
    each cropped to what is drawn (a picture placed on a page of its own). The figures are
    kept for the last designs drawn, so the report and the workbook of one export draw once.

    >>> from shoporg import load_template
    >>> pages = chart_page_pngs(load_template("seed-14-basic-22"), "zh", dpi=40, crop=True)
    >>> len(pages), pages[0][:4] == b"\\x89PNG"
    (1, True)
    """
    with _lock:
        figures = next((f for d, lg, f in _pages_kept if d is design and lg == (lang, min_pt)), None)
        if figures is None:
            import matplotlib  # matplotlib is heavy: loaded when a chart is drawn
            matplotlib.use("Agg")
            import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

            from ..chart import plot_org_pages  # the chart module brings networkx and matplotlib

            with plt.rc_context({"figure.max_open_warning": 0}):  # a large chart's pages: all closed below
                figures = [ax.figure for ax in plot_org_pages(design, lang=lang, min_pt=min_pt)]
            for fig in figures:
                plt.close(fig)
            _pages_kept.insert(0, (design, (lang, min_pt), figures))
            del _pages_kept[KEEP:]
        out = []
        for fig in figures:
            if crop:
                out.append(_cropped_png(fig, dpi))
                continue
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=dpi)
            out.append(buf.getvalue())
    return out


def _cropped_png(fig, dpi: float, pad_inches: float = 0.1) -> bytes:
    """``fig`` as PNG cropped to what is drawn plus ``pad_inches``, drawn once (matplotlib's
    ``bbox_inches="tight"`` draws a figure twice: once to measure it)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # the raster canvas, whatever the backend
    from PIL import Image

    canvas = FigureCanvasAgg(fig)
    old = fig.dpi
    fig.set_dpi(dpi)
    try:
        canvas.draw()
        pixels = np.asarray(canvas.buffer_rgba())[..., :3]
    finally:
        fig.set_dpi(old)
    ink = (pixels < 250).any(axis=2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    pad = int(round(pad_inches * dpi))
    if rows.size:
        y0, y1 = max(rows[0] - pad, 0), min(rows[-1] + pad + 1, pixels.shape[0])
        x0, x1 = max(cols[0] - pad, 0), min(cols[-1] + pad + 1, pixels.shape[1])
        pixels = pixels[y0:y1, x0:x1]
    buf = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(pixels)).save(buf, format="PNG", compress_level=3)
    return buf.getvalue()
