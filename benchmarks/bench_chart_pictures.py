"""The org chart's pictures for files: drawn with Pillow from the chart's scene, against
the same pictures drawn by matplotlib, side by side in one run.

For each size (design 14's roles cloned, `bench_scale.cloned`): the whole chart as the
workbook places it (`picture.chart_png`, 110 dpi, at most 6,000 pixels a side) and the
report's A4 pages (`picture.chart_page_pngs`, 150 dpi, cropped), the pages' planning
timed apart. Targets at 1,000 roles: the whole chart 0.5 s, the pages' drawing and PNG
encoding 1.0 s. CPU seconds (`time.process_time`): the machine is shared.

Run: `.venv/bin/python benchmarks/bench_chart_pictures.py [sizes...]` (default 150 1000).
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import cloned  # noqa: E402

WORD_DPI, EXCEL_DPI, OVERVIEW_PX, MIN_PT = 150, 110, 6000, 11.0
TARGETS = {"chart_png": 0.5, "pages": 1.0}


def cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def matplotlib_chart_png(design) -> bytes:
    """The whole chart as matplotlib saved it: a figure, then ``bbox_inches="tight"``."""
    import matplotlib.pyplot as plt

    from shoporg.chart import plot_org

    fig = plot_org(design, lang="zh").figure
    dpi = min(EXCEL_DPI, OVERVIEW_PX / max(fig.get_size_inches()))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def matplotlib_page_pngs(axes) -> list[bytes]:
    """Each page's figure drawn by Agg, cropped to its ink, PNG at level 3."""
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    out = []
    for ax in axes:
        fig = ax.figure
        canvas = FigureCanvasAgg(fig)
        fig.set_dpi(WORD_DPI)
        canvas.draw()
        pixels = np.asarray(canvas.buffer_rgba())[..., :3]
        ink = (pixels < 250).any(axis=2)
        rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
        pad = round(0.1 * WORD_DPI)
        pixels = pixels[max(rows[0] - pad, 0):rows[-1] + pad + 1, max(cols[0] - pad, 0):cols[-1] + pad + 1]
        buf = io.BytesIO()
        Image.fromarray(np.ascontiguousarray(pixels)).save(buf, format="PNG", compress_level=3)
        out.append(buf.getvalue())
        plt.close(fig)
    return out


def main(sizes: list[int]) -> None:
    import matplotlib.pyplot as plt

    from shoporg import load_template
    from shoporg.chart import page_scenes, plot_org_pages
    from shoporg.io import picture

    d14 = load_template("seed-14-basic-22")
    picture.chart_png(d14, "zh", EXCEL_DPI)  # fonts loaded, as in any export after the first chart
    matplotlib_chart_png(d14)
    print(f"{'roles':>6} {'path':<34} {'matplotlib':>11} {'Pillow':>9} {'ratio':>7}")
    for n in sizes:
        design, _, _ = cloned(n)
        old = cpu(lambda: matplotlib_chart_png(design))
        picture._kept.clear()
        new = cpu(lambda: picture.chart_png(design, "zh", EXCEL_DPI, max_side=OVERVIEW_PX))
        line = f"{n:>6} {'chart_png (layout, draw, PNG)':<34} {old:>10.2f}s {new:>8.3f}s {old / new:>6.1f}x"
        print(line + (f"   target {TARGETS['chart_png']} s at 1,000: {'met' if new <= TARGETS['chart_png'] else 'MISSED'}"
                      if n == 1000 else ""))

        plan = cpu(lambda: page_scenes(design, "zh", min_pt=MIN_PT))
        scenes = page_scenes(design, "zh", min_pt=MIN_PT)
        drawn: dict = {}
        with plt.rc_context({"figure.max_open_warning": 0}):
            figures_cpu = cpu(lambda: drawn.update(axes=plot_org_pages(design, lang="zh", min_pt=MIN_PT)))
        # the figures' making beyond the planning, then their drawing and encoding
        old = max(0.0, figures_cpu - plan) + cpu(lambda: matplotlib_page_pngs(drawn["axes"]))
        picture._pages_kept.clear()
        picture._pages_kept.insert(0, (design, ("zh", MIN_PT), (None, scenes)))  # (pages, scenes): drawn only
        pages: list = []
        new = cpu(lambda: pages.extend(picture.chart_page_pngs(design, "zh", WORD_DPI, min_pt=MIN_PT, crop=True)))
        line = (f"{n:>6} {f'{len(pages)} pages: draw + PNG':<34} {old:>10.2f}s {new:>8.3f}s {old / new:>6.1f}x")
        print(line + (f"   target {TARGETS['pages']} s at 1,000: {'met' if new <= TARGETS['pages'] else 'MISSED'}"
                      if n == 1000 else ""))
        print(f"{n:>6} {'  (pages planned, not drawn)':<34} {plan:>10.2f}s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [150, 1000])
