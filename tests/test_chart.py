"""Org charts: Chinese glyphs with no font set-up, boxes sized by measured text, files."""

import io
import warnings
from decimal import Decimal
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest

import shoporg
from shoporg import FileExistsRefusedError, load_template
from shoporg.chart import (
    CJK_FONTS,
    PACKAGED_FONTS,
    _pick,
    _text_width,
    box_lines,
    cjk_font,
    headcount_text,
    pay_band,
    plot_org,
    role_boxes,
    save_org_chart,
)
from shoporg.io.yaml_io import design_from_dict

matplotlib.use("Agg")
TEMPLATES = list(shoporg.list_templates()["id"])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def synthetic(managers=6, reports=9, name="合成网店"):
    """A design with one boss, ``managers`` managers and ``reports`` reports each."""
    deps = [{"id": f"d{i}", "name": {"zh": f"部门{i}", "en": f"Department {i}"}} for i in range(managers)]
    roles = [{"id": "boss", "name": {"zh": "总经理", "en": "General manager"}, "department": "d0"}]
    for m in range(managers):
        roles.append({"id": f"m{m}", "name": {"zh": f"部门{m}经理", "en": f"Manager {m}"},
                      "reports_to": "boss", "department": f"d{m}",
                      "pay": [{"kind": "base", "monthly": [6000, 8000]}]})
        roles += [{"id": f"r{m}_{j}", "name": {"zh": "客服专员", "en": "Service agent"},
                   "reports_to": f"m{m}", "department": f"d{m}", "headcount": 2,
                   "pay": [{"kind": "base", "monthly": 3000}]} for j in range(reports)]
    return design_from_dict({"schema": "shoporg/design-v1", "id": "synthetic", "name": name,
                             "departments": deps, "roles": roles})


# -- fonts ---------------------------------------------------------------------------------
def test_preferred_installed_font_wins():
    assert _pick({"WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei"}) == "Microsoft YaHei"
    assert _pick({"WenQuanYi Zen Hei", "Source Han Sans SC"}) == "Source Han Sans SC"
    assert _pick({"DejaVu Sans", "Noto Sans"}) is None


def test_a_cjk_font_is_found_without_set_up():
    from matplotlib import font_manager

    family = cjk_font()
    old_matplotlib = tuple(int(v) for v in matplotlib.__version__.split(".")[:2]) < (3, 11)
    # before 3.11 matplotlib reads only the first face of a collection (JP glyph forms)
    assert family in CJK_FONTS or (old_matplotlib and family == "Noto Sans CJK JP")
    assert cjk_font() is family  # cached
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert "DejaVu" not in path


def test_the_packaged_font_has_every_glyph_of_every_template():
    from fontTools.ttLib import TTCollection

    from shoporg.fonts import packaged_font_path as _packaged_font_path

    module, filename, family = PACKAGED_FONTS[0]
    path = _packaged_font_path(module, filename)
    assert path is not None, "the font package noto-cjk-sans-otc is not installed"
    faces = {f["name"].getDebugName(1): f for f in TTCollection(str(path)).fonts}
    cmap = faces[family].getBestCmap()
    text = "".join(p.read_text(encoding="utf-8") for p in shoporg.templates_dir().glob("*.yaml"))
    text += "×–·，人空缺底薪元月第层其他虚线汇报"
    assert sorted({ch for ch in text if ord(ch) > 32 and ord(ch) not in cmap}) == []


def test_chinese_width_is_measured():
    four_cjk = _text_width("电商总监", 10)
    assert four_cjk == pytest.approx(40, rel=0.02)  # full-width glyphs: one em each
    assert _text_width("电商总监电商总监", 10) == pytest.approx(2 * four_cjk)
    assert _text_width("abcd", 10) < four_cjk * 0.8


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_template_renders_with_no_missing_glyph(template, lang):
    design = load_template(template)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" fails the test
        ax = plot_org(design, lang=lang, show=("headcount", "pay", "vacancies"))
        ax.figure.canvas.draw()
        ax.figure.savefig(io.BytesIO(), format="svg")
    assert len(role_boxes(ax)) == len(design.roles)


# -- what the boxes say --------------------------------------------------------------------
def test_headcount_text():
    assert [headcount_text(Decimal(v)) for v in ("1", "5", "0.5", "2.25")] == ["1人", "5人", "0.5人", "2.25人"]
    assert [headcount_text(Decimal(v), "en") for v in ("1", "5", "0.5", "10")] == ["×1", "×5", "0.5 FTE", "×10"]


def test_pay_band_and_vacancies(d14):
    assert pay_band(d14.role("picker"), "en") == "Base ¥1,500/mo"
    assert pay_band(d14.role("sales_cs"), "zh") == "底薪 1600–2000元/月"
    no_pay = d14.role("picker").model_copy(update={"pay": ()})
    assert pay_band(no_pay) is None
    vacant = d14.with_role_changes("sales_cs", vacancies=2).role("sales_cs")
    texts = [t for t, _, _ in box_lines(vacant, "zh", show=("headcount", "vacancies", "pay"))]
    assert texts == ["销售客服", "5人 · 空缺2", "底薪 1600–2000元/月"]
    assert [t for t, _, _ in box_lines(vacant, "en", show=())] == ["Sales customer service"]
    assert [t for t, _, _ in box_lines(d14.role("cs_manager"), "en", show=())] == ["Customer service", "team manager"]


def test_plot_org_draws_one_box_per_role_with_its_text(d14):
    ax = plot_org(d14)
    assert isinstance(ax, matplotlib.axes.Axes)
    boxes = role_boxes(ax)
    assert set(boxes) == set(d14.role_ids)
    texts = {t.get_text() for t in ax.texts}
    assert {r.name.zh for r in d14.roles} <= texts
    assert {"5人", "底薪 1600–2000元/月", "11个岗位，共22人"} <= texts
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [d.name.zh for d in d14.departments] + ["推定的汇报关系（原文未注明）"]
    # boxes hold their text: every text line lies inside its box
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    box_extents = [b.get_window_extent(renderer) for b in boxes.values()]
    for t in ax.texts:
        if t.get_text() == "11个岗位，共22人":
            continue
        e = t.get_window_extent(renderer)
        assert any(b.x0 <= e.x0 and e.x1 <= b.x1 and b.y0 <= e.y0 and e.y1 <= b.y1 for b in box_extents), t.get_text()


def test_boxes_do_not_overlap_and_grow_with_the_name(d14):
    ax = plot_org(d14, lang="en")
    extents = [b.get_extents() for b in role_boxes(ax).values()]
    for i, a in enumerate(extents):
        for b in extents[i + 1:]:
            assert not a.overlaps(b)
    longer = d14.with_role_changes("picker", name={"zh": "捡单员与包装及质检专员", "en": "Order picker"})
    w = {n: role_boxes(plot_org(d, lang="zh"))["picker"].get_width() for n, d in (("short", d14), ("long", longer))}
    assert w["long"] > w["short"] + 50


def test_dotted_lines_are_dashed_and_in_the_legend(d14):
    d = d14.with_role_changes("copywriter", dotted_line=("cs_manager",))
    ax = plot_org(d, lang="en")
    dotted = [p for p in ax.patches if p.get_gid() == "dotted:cs_manager->copywriter"]
    assert len(dotted) == 1 and dotted[0].get_linestyle() not in ("-", "solid")
    assert "Dotted-line report (arrow to the manager)" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(role_boxes(ax)) == len(d.roles)


def test_colour_by_layer_or_not_at_all(d14):
    ax = plot_org(d14, color_by="layer", lang="en")
    inferred = "Inferred reporting line (not stated in the source)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Layer 1", "Layer 2", "Layer 3", inferred]
    # no colours to name: the legend names only the kind of line
    ax = plot_org(d14, color_by=None, lang="en")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [inferred]
    stated = d14.model_copy(update={"roles": tuple(r.model_copy(update={"reports_to_inferred": False})
                                                   for r in d14.roles)})
    assert plot_org(stated, color_by=None).get_legend() is None


def test_draws_into_a_given_axes(d14):
    fig, ax = plt.subplots(figsize=(6, 4))
    assert plot_org(d14, ax=ax, mode="left-right") is ax
    assert len(role_boxes(ax)) == 11


@pytest.mark.parametrize("mode", ["top-down", "left-right", "stacked", "auto"])
def test_modes_and_forests(mode):
    d = load_template("seed-05-xx-ecommerce")
    assert d.forest
    ax = plot_org(d, mode=mode)
    assert len(role_boxes(ax)) == len(d.roles)


def test_sixty_boxes_fit_a4_landscape_readably():
    d = synthetic(6, 9)
    assert len(d.roles) == 61
    ax = plot_org(d, mode="auto")
    w, h = ax.figure.get_size_inches()
    assert w <= 11.7 and h <= 8.3
    assert min(t.get_fontsize() for t in ax.texts) >= 6


def test_large_designs_keep_a_readable_font():
    d = synthetic(10, 30)
    ax = plot_org(d)
    assert len(role_boxes(ax)) == 311
    assert min(t.get_fontsize() for t in ax.texts) >= 6
    assert ax.figure.get_size_inches()[0] > 11.7  # grows beyond the page instead


# -- files ---------------------------------------------------------------------------------
MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".svg": b"<?xml", ".pdf": b"%PDF-"}


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_save_writes_a_valid_file(d14, tmp_path, suffix):
    path = save_org_chart(d14, tmp_path / f"chart{suffix}")
    assert path == tmp_path / f"chart{suffix}"
    data = path.read_bytes()
    assert data.startswith(MAGIC[suffix])
    assert len(data) > 5_000
    if suffix == ".svg":
        assert b'id="role:sales_cs"' in data and b"</svg>" in data
    if suffix == ".pdf":
        assert data.rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_png_size_matches_the_figure(d14, tmp_path):
    from PIL import Image

    path = save_org_chart(d14, tmp_path / "c.png", dpi=100)
    with Image.open(path) as im:
        assert im.size[0] > 600 and im.size[1] > 300


def test_save_refuses_to_overwrite(d14, tmp_path):
    path = tmp_path / "c.png"
    path.write_bytes(b"old")
    with pytest.raises(FileExistsRefusedError, match="overwrite=True"):
        save_org_chart(d14, path)
    assert path.read_bytes() == b"old"
    save_org_chart(d14, path, overwrite=True, lang="en")
    assert path.read_bytes().startswith(MAGIC[".png"])


def test_save_rejects_unknown_formats(d14, tmp_path):
    with pytest.raises(ValueError, match=r"\.png, \.svg, \.pdf"):
        save_org_chart(d14, tmp_path / "chart.jpg")
    with pytest.raises(ValueError, match="one of"):
        save_org_chart(d14, tmp_path / "chart")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kw, message", [
    ({"lang": "fr"}, "lang must be"),
    ({"show": ("headcount", "salary")}, r"unknown show item\(s\) \['salary'\]"),
    ({"color_by": "budget"}, "color_by must be"),
    ({"mode": "radial"}, "allowed: top-down, left-right, stacked, auto"),
])
def test_bad_arguments(d14, kw, message):
    with pytest.raises(ValueError, match=message):
        plot_org(d14, **kw)


def test_not_a_design():
    with pytest.raises(TypeError, match="OrgDesign"):
        plot_org("seed-14-basic-22")


def test_fonts_readme_records_the_licence():
    text = (Path(shoporg.__file__).parent / "fonts" / "README.md").read_text(encoding="utf-8")
    assert "SIL Open Font License" in text and "noto-cjk-sans-otc" in text


def test_the_same_chart_gives_the_same_svg(d14, tmp_path):
    a = save_org_chart(d14, tmp_path / "a.svg").read_bytes()
    b = save_org_chart(d14, tmp_path / "b.svg").read_bytes()
    assert a == b
