"""The Pillow picture of a chart is the matplotlib picture: same size, same boxes in the
same colours, text ink in the same places."""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from shoporg.chart import org_scene, page_scenes, plot_org, plot_org_pages
from shoporg.chart_raster import Raster, png
from shoporg.io import picture
from shoporg.io.yaml_io import design_from_dict, design_to_dict

from .test_chart_print import with_dotted_lines

matplotlib.use("Agg")
DPI = 110


def cloned(design, n: int):
    """``design``'s roles cloned into groups under its top role, ``n`` roles in all."""
    data = design_to_dict(design)
    group = data["roles"]
    top = next(r["id"] for r in group if not r.get("reports_to"))
    roles = list(group)
    k = 1
    while len(roles) < n:
        for r in group:
            c = {**r, "id": f"{r['id']}_{k}", "name": {lg: f"{v}{k}" for lg, v in r["name"].items()}}
            c["reports_to"] = f"{r['reports_to']}_{k}" if r.get("reports_to") else top
            c.pop("dotted_line", None)
            roles.append(c)
        k += 1
    return design_from_dict({**data, "id": f"clone-{n}", "roles": roles[:n]})


def mpl_pixels(fig, dpi, **kw) -> np.ndarray:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white", **kw)
    plt.close(fig)
    return np.asarray(Image.open(buf).convert("RGB")).astype(int)


def ink_box(region: np.ndarray, face) -> tuple | None:
    """Bounding box (x0, y0, x1, y1) of the pixels that differ clearly from ``face``."""
    ink = (np.abs(region - np.asarray(face)).sum(axis=2) > 60)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return None if not rows.size else (cols[0], rows[0], cols[-1], rows[-1])


def commonest(region: np.ndarray) -> np.ndarray:
    colours, counts = np.unique(region.reshape(-1, 3), axis=0, return_counts=True)
    return colours[counts.argmax()]


def assert_same_picture(scene, theirs: np.ndarray, dpi: float) -> None:
    raster = Raster(scene, dpi)
    ours = np.asarray(raster.draw()).astype(int)
    assert abs(ours.shape[0] - theirs.shape[0]) <= 2 and abs(ours.shape[1] - theirs.shape[1]) <= 2
    texts = raster.box_texts()
    for box in scene.boxes:
        x0, y0, x1, y1 = raster.box_px(box)
        bar = round(box.bar_height * scene.scale * dpi / 72)
        m = 8 if box.dash else 4  # inside the edge (a dashed edge is darker than matplotlib's antialiased one)
        inner = (slice(y0 + bar + m, y1 - m), slice(x0 + m, x1 - m))
        a, b = ours[inner], theirs[inner]
        face = commonest(a)
        assert np.abs(face - commonest(b)).max() <= 2, box.gid  # the fill
        edge = theirs[y0 + bar + 2:y1 - 2, x0:x0 + 4]  # the left edge: the box is where it was
        assert (np.abs(edge - face).sum(axis=2) > 40).any(), box.gid
        if texts.get(box.gid):
            ia, ib = ink_box(a, face), ink_box(b, face)
            assert ia is not None and ib is not None, box.gid
            assert max(abs(p - q) for p, q in zip(ia, ib)) <= 3, (box.gid, ia, ib)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_design_14_draws_as_matplotlib_draws_it(d14, lang):
    assert_same_picture(org_scene(d14, lang), mpl_pixels(plot_org(d14, lang=lang).figure, DPI), DPI)


def test_dotted_lines_and_vacant_roles_draw_as_matplotlib_draws_them(d14):
    design = with_dotted_lines(d14).with_role_changes("shipper", vacancies=2)  # every place vacant
    assert_same_picture(org_scene(design, "en"), mpl_pixels(plot_org(design, lang="en").figure, DPI), DPI)


def test_a_150_role_chart_and_its_pages_draw_as_matplotlib_draws_them(d14):
    design = cloned(d14, 150)
    assert_same_picture(org_scene(design, "zh"), mpl_pixels(plot_org(design, lang="zh").figure, 40), 40)
    scenes, axes = page_scenes(design, "zh", min_pt=11.0), plot_org_pages(design, lang="zh", min_pt=11.0)
    assert len(scenes) == len(axes) > 1
    for i in (0, len(scenes) - 1):
        assert_same_picture(scenes[i], mpl_pixels(axes[i].figure, 80), 80)
    for ax in axes[1:-1]:
        matplotlib.pyplot.close(ax.figure)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_tight_crop_is_matplotlibs(d14, lang):
    ours = Image.open(io.BytesIO(picture.chart_png(d14, lang, DPI)))
    theirs = mpl_pixels(plot_org(d14, lang=lang).figure, DPI, bbox_inches="tight")
    assert abs(ours.size[0] - theirs.shape[1]) <= 2 and abs(ours.size[1] - theirs.shape[0]) <= 2


def test_a_cropped_page_keeps_all_that_is_drawn_and_little_more(d14):
    scene = page_scenes(d14, "zh", min_pt=11.0)[0]
    whole = np.asarray(Raster(scene, 100).draw()).astype(int)
    ink = ink_box(whole, (255, 255, 255))
    cropped = Image.open(io.BytesIO(picture.chart_page_pngs(d14, "zh", 100, min_pt=11.0, crop=True)[0]))
    w, h = ink[2] - ink[0] + 1 + 20, ink[3] - ink[1] + 1 + 20  # 0.1 inch all round
    assert abs(cropped.size[0] - w) <= 3 and abs(cropped.size[1] - h) <= 3


def test_the_png_holds_the_pixels_drawn(d14):
    image = Raster(org_scene(d14, "en"), 60).draw()
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(png(image))).convert("RGB")), np.asarray(image))


def test_a_glyph_the_chinese_font_lacks_comes_from_dejavu_sans():
    from shoporg.chart_raster import _charmap, _font_files, _fonts, _runs

    (cjk, ci), (dejavu, di) = _font_files()
    lacking = next(ch for ch in "\u2654\u2708\u0104" if ord(ch) not in _charmap(cjk, ci))
    assert ord(lacking) in _charmap(dejavu, di)
    assert _runs(f"人员{lacking}人") == (("人员", True), (lacking, False), ("人", True))
    font = _fonts(20.0)
    assert [f for _, f in font.pieces(f"人{lacking}")] == [font.main, font.fallback]


def test_the_pages_are_laid_out_once_per_design_and_drawn_at_each_resolution(d14):
    picture._pages_kept.clear()
    first = picture.chart_page_pngs(d14, "zh", 60, min_pt=11.0, crop=True)
    _, scenes = picture._pages_kept[0][2]
    again = picture.chart_page_pngs(d14, "zh", 120, min_pt=11.0, crop=True)
    assert picture._pages_kept[0][2][1] is scenes and len(picture._pages_kept) == 1  # the kept scenes
    small, large = (Image.open(io.BytesIO(p[0])).size for p in (first, again))
    assert abs(large[0] - 2 * small[0]) <= 5 and abs(large[1] - 2 * small[1]) <= 5
    whole = Image.open(io.BytesIO(picture.chart_page_pngs(d14, "zh", 60, min_pt=11.0)[0]))
    assert whole.size == (int(841.89 * 60 / 72), int(595.28 * 60 / 72))  # the A4 page, uncropped


@pytest.mark.parametrize("side", [400, 40, 3])
def test_a_picture_capped_very_small_is_still_drawn(side):
    """A brand department's whole chart capped at a few thousand pixels draws each box a
    pixel or two wide; the picture must still come out (matplotlib refused such a font size)."""
    from shoporg import load_template

    png = picture.chart_png(load_template("seed-14-basic-22"), "zh", dpi=110, max_side=side)
    im = Image.open(io.BytesIO(png))
    assert max(im.size) <= side and min(im.size) >= 1


def test_every_small_resolution_draws():
    """Boxes of a few pixels, with corners rounded by a fraction of a pixel, at every
    resolution from 2 to 40 dpi (the sizes a capped whole chart of thousands of roles gets)."""
    from shoporg import load_template

    scene = org_scene(load_template("seed-14-basic-22"), lang="en")
    for dpi in [x / 2 for x in range(4, 81)]:
        image = Raster(scene, dpi).draw()
        assert min(image.size) >= 1
