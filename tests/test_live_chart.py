"""The live org chart repaints only what an edit changes, and the picture is exactly a full redraw."""

import io
import random

import numpy as np
import pytest
from PIL import Image

from shoporg.chart import org_scene
from shoporg.live_chart import LiveOrgChart, _dirty, _frame, _merged


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


def test_a_chart_with_a_new_frame_is_drawn_anew(d14):
    live = LiveOrgChart()
    live.png(d14)
    for design in (d14.move_role("copywriter", "director"),                 # another parent: wider
                   d14.renamed("picker", "拣货与打包专员"),                    # a wider box
                   d14.without_role("copywriter")):
        assert _frame(org_scene(design)) != _frame(org_scene(d14))
        png = live.png(design)
        assert live.last_update == "full" and live.repainted == 1.0 and same_as_fresh(png, design)


def frame_keeping_move(design):
    """A role and two other managers it can report to with the chart's frame unchanged."""
    for role in design.roles[1:]:
        frames = {}
        for m in design.role_ids:
            try:
                frames[m] = _frame(org_scene(design.move_role(role.id, m)))
            except ValueError:  # under its own subtree
                continue
        ids = [m for m in frames if m not in (role.id, role.reports_to)]
        for a in ids:
            for b in ids:
                if a < b and frames[a] == frames[b]:
                    return role.id, a, b
    raise AssertionError("no move keeps the frame")


def test_a_move_that_keeps_the_frame_repaints_only_the_shifted_part(designs):
    design = designs["seed-14-basic-22"]
    role, a, b = frame_keeping_move(design)
    there, back = design.move_role(role, a), design.move_role(role, b)
    live = LiveOrgChart()
    live.png(there)
    png = live.png(back)
    assert live.last_update == "partial" and 0 < live.repainted < 1
    assert same_as_fresh(png, back)
    png = live.png(there)
    assert live.last_update == "partial" and same_as_fresh(png, there)


@pytest.mark.parametrize("template", ["seed-14-basic-22", "seed-06-taobao-tmall-kpi", "seed-12-ordinary-shop"])
def test_any_run_of_edits_gives_the_picture_of_a_full_redraw(designs, template):
    """Thirty random edits of every kind; after each, the kept picture is a fresh one."""
    rng = random.Random(template)
    design = designs[template]
    live = LiveOrgChart()
    live.png(design)
    seen = set()
    for _ in range(30):
        ids = design.role_ids
        role = rng.choice(ids)
        edit = rng.choice(["move", "move", "headcount", "rename", "remove", "dotted"])
        try:
            if edit == "move":
                design = design.move_role(role, rng.choice(ids))
            elif edit == "headcount":
                design = design.with_headcount(role, rng.choice([0.5, 1, 2, 3, 7, 12]))
            elif edit == "rename" and len(ids) > 3:
                design = design.renamed(role, rng.choice(["主管", "客服专员", "仓储物流与售后服务主管"]))
            elif edit == "remove" and len(ids) > 4:
                design = design.without_role(role)
            elif edit == "dotted":
                design = design.with_role_changes(role, dotted_line=[rng.choice(ids)])
        except ValueError:  # a cycle, or a dotted line to itself: the edit is refused
            continue
        png = live.png(design)
        seen.add(live.last_update)
        assert same_as_fresh(png, design), (edit, role, live.last_update)
    assert "partial" in seen


def test_primitives_drawn_in_another_order_are_redrawn_whole():
    a, b, c = (("line", i) for i in "abc")
    px = (0, 0, 1, 1)
    assert _dirty([(a, px), (b, px)], [(a, px), (b, px)]) == []
    assert _dirty([(a, px), (b, px)], [(a, px), (c, (2, 2, 3, 3))]) == [px, (2, 2, 3, 3)]
    assert _dirty([(a, px), (b, px)], [(b, px), (a, px)]) is None  # b may now cover a


def test_overlapping_rectangles_are_joined():
    assert _merged([(0, 0, 2, 2), (1, 1, 3, 3), (5, 5, 6, 6)]) == [(0, 0, 3, 3), (5, 5, 6, 6)]
    assert _merged([(0, 0, 2, 2), (4, 0, 6, 2), (1, 0, 5, 1)]) == [(0, 0, 6, 2)]


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
