"""The live org chart repaints only changed boxes, and the picture is exactly a full redraw."""

import io

import numpy as np
import pytest
from PIL import Image

from shoporg.live_chart import LiveOrgChart


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def same_as_fresh(png: bytes, design, lang="zh") -> bool:
    return np.array_equal(pixels(png), pixels(LiveOrgChart(lang).png(design)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_edits_are_painted_in_place_and_match_a_full_redraw(d14, lang):
    live = LiveOrgChart(lang)
    live.png(d14)
    steps = [
        (d14.with_headcount("picker", 3), "partial"),                      # 2人 → 3人, and the summary
        (d14.with_headcount("picker", 3).with_headcount("sales_cs", 6), "partial"),
        (d14.with_headcount("picker", 3).with_headcount("sales_cs", 6), "none"),  # nothing changed
        (d14, "partial"),                                                   # back again
    ]
    for design, how in steps:
        png = live.png(design)
        assert live.last_update == how
        assert same_as_fresh(png, design, lang)


def test_layout_changes_redraw_everything(d14):
    live = LiveOrgChart()
    live.png(d14)
    for design in (d14.move_role("copywriter", "director"),                 # another parent
                   d14.renamed("picker", "拣货与打包专员"),                    # a wider box
                   d14.without_role("copywriter")):
        png = live.png(design)
        assert live.last_update == "full" and same_as_fresh(png, design)


def test_a_pay_change_repaints_the_band(d14):
    live = LiveOrgChart()
    live.png(d14)
    pay = list(d14.role("picker").pay)
    pay[0] = pay[0].model_copy(update={"monthly": d14.role("copywriter").pay[0].monthly})
    design = d14.with_role_changes("picker", pay=pay)  # 1500 → 3200: same width of text
    png = live.png(design)
    assert live.last_update in ("partial", "full") and same_as_fresh(png, design)


def test_the_figure_is_not_left_to_pyplot(d14):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    live = LiveOrgChart()
    live.png(d14)
    live.png(d14.with_headcount("picker", 3))
    assert plt.get_fignums() == before  # a notebook would otherwise show it on its own
    live.close()
