"""Sizing in one click: the recommended headcounts with the reason for each, applied to
the design as one step, and an undo that says what it took back."""

import math
import re

import pytest

import shoporg
from shoporg.staffing import read_norms, recommend_headcount
from shoporg.staffing.sizing import sizing_reason
from shoporg.widgets import Workbook

SCENARIO = shoporg.templates_dir() / "scenarios" / "d14-double11.yaml"
NORMS = shoporg.templates_dir() / "norms" / "d14-norms.yaml"


@pytest.fixture(scope="module")
def setup():
    return shoporg.load_template("seed-14-basic-22"), shoporg.read_scenario(SCENARIO), read_norms(NORMS)


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_the_reason_shows_the_quota_arithmetic(setup):
    d, s, n = setup
    rec = recommend_headcount(d, s, n).set_index("role")
    norm = n.norms["shipper"]  # 220 a day, 20.83 days, 95% at work: 4,353.49 orders a month each
    capacity = 220 * 20.83 * 0.95
    assert math.ceil(3000 / capacity) == rec.loc["shipper", "recommended"] == 1
    assert sizing_reason(rec.loc["shipper"], norm) == \
        "发货订单数每月3,000 ÷（每人每天220 × 20.83天 × 出勤95%，每人每月4,353.5）→ 1人"


def test_the_explorer_hands_over_the_recommendations_and_undo_takes_them_back(setup):
    d, s, n = setup
    wb = Workbook(scenario=s, norms=n, show_chart=False)
    wb.tabs.selected_index = 2
    table = _text(wb.explorer.gap_table.value)
    assert "依据" in table and "每次处理4分钟" in table
    rec = recommend_headcount(d, s, n).set_index("role")
    wanted = {r: rec.loc[r, "recommended"] for r in ("sales_cs", "aftersales_cs", "picker", "shipper")}
    assert wb.explorer.recommended() == wanted
    steps = len(wb.designer.history)
    wb.explorer.recommend_button.click()
    assert {r: float(wb.designer.design.role(r).headcount) for r in wanted} == wanted
    assert len(wb.designer.history) == steps + 1  # one step
    assert wb.explorer.recommend_button.disabled  # nothing left to apply
    wb.designer.undo()
    assert wb.designer.design == d
    said = _text("".join(m.value for m in wb.designer.messages.values()))
    assert said == "已撤销：销售客服 人数：5 → 11、售后客服 人数：3 → 1等2项"


def test_undo_after_a_refused_edit_says_which_edit_it_took_back(setup):
    d, s, _ = setup
    wb = Workbook(scenario=s, show_chart=False, lang="en")
    wb.designer.set_headcount("picker", 3)
    assert not wb.designer.apply(lambda x: x.with_headcount("picker", -1), "headcount")  # refused
    wb.designer.undo()
    said = _text("".join(m.value for m in wb.designer.messages.values()))
    assert said.startswith("Undone: ") and "3" in said and wb.designer.design == d
