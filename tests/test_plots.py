"""Comparison and payroll charts: Axes returned, Chinese labels with no missing glyph."""

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import shoporg  # noqa: E402

SCENARIO = shoporg.templates_dir() / "scenarios" / "d14-double11.yaml"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_renders_without_missing_glyphs(lang, tmp_path, d14):
    d10 = shoporg.load_template("seed-10-taobao-tmall-functions")
    s = shoporg.read_scenario(SCENARIO)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        axes = [shoporg.plot_payroll(shoporg.payroll(d14, s), lang=lang),
                shoporg.plot_cost_composition([d14, d14.with_headcount("picker", 4)], s, lang=lang),
                shoporg.plot_span_distribution([d14, d10], lang=lang),
                shoporg.plot_layer_pyramid(d14, lang=lang),
                shoporg.plot_coverage(d14, lang=lang)]
        for i, ax in enumerate(axes):
            ax.figure.savefig(tmp_path / f"{i}.png")
            assert (tmp_path / f"{i}.png").stat().st_size > 5000
    plt.close("all")


def test_layer_pyramid_counts_people_per_layer(d14):
    ax = shoporg.plot_layer_pyramid(d14)
    assert sorted(round(p.get_width()) for p in ax.patches) == [1, 6, 15]
    plt.close("all")
