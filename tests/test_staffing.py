"""Staffing from volume: the quota method, recommendations, scaling and the plan loop."""

import math

import pytest

from shoporg import Scenario
from shoporg.norms import QuotaNorm
from shoporg.staffing import StaffingError, plan, quota_headcount, read_norms, recommend_headcount, scale_design

from .conftest import TEMPLATES

NORMS = read_norms(TEMPLATES / "norms" / "d14-norms.yaml")
QUOTA_ONLY = {k: v for k, v in NORMS.norms.items() if v.method == "quota"}


def test_quota_method_published_example():
    # 5,000,000 units / (50 per day × 250 days × 0.9) = 444.4 → 445 people
    n = QuotaNorm(method="quota", driver="units", quota_per_day=50, working_days=250, attendance=0.9)
    assert quota_headcount(5_000_000, n) == 445


def test_quota_minimum_and_exact_multiples():
    n = QuotaNorm(method="quota", driver="orders", quota_per_day=100, working_days=20)
    assert quota_headcount(0, n) == 0
    assert quota_headcount(1, n) == 1            # a documented minimum of one person
    assert quota_headcount(4000, n) == 2         # exactly two people's work: not three
    assert quota_headcount(4001, n) == 3
    assert quota_headcount(1, n.model_copy(update={"minimum": 0})) == 1


def test_recommendation_for_design_14(d14):
    s = Scenario.from_profile({"orders": 3000 * 30, "orders_picked": 3000 * 30, "orders_shipped": 3000 * 30},
                              profile="double11")
    rec = recommend_headcount(d14, s, QUOTA_ONLY).set_index("role")
    # 90,000 picks × 1.1 / (250 × 20.83 × 0.95) = 20.0 → 20 pickers for the median month
    assert rec.loc["picker", "recommended"] == math.ceil(90000 * 1.1 / (250 * 20.83 * 0.95) - 1e-9)
    assert rec.loc["picker", "gap"] == rec.loc["picker", "recommended"] - 2
    assert rec.loc["picker", "peak_month"] == "2026-11"
    assert rec.loc["picker", "peak"] == math.ceil(225000 * 1.1 / (250 * 20.83 * 0.95))
    assert rec.loc["picker", "temporary"] == rec.loc["picker", "peak"] - rec.loc["picker", "recommended"]
    assert rec.loc["director", "method"] == "kept" and rec.loc["director", "recommended"] == 1


def test_scale_design_is_a_new_design(d14):
    d = d14
    scaled = scale_design(d, {"orders": 50000, "orders_picked": 50000, "orders_shipped": 50000}, QUOTA_ONLY)
    assert scaled is not d and d.role("picker").headcount == 2
    assert scaled.role("picker").headcount == math.ceil(50000 * 1.1 / (250 * 20.83 * 0.95))
    assert scaled.role("director").headcount == 1


def test_plan_adds_temporary_staff_in_the_peak_and_costs_per_order(d14):
    s = Scenario.from_profile({"orders": 60000, "orders_picked": 60000, "orders_shipped": 60000, "revenue": 1.08e7,
                               "complaints": 0, "reviews_reversed": 0, "review_followups": 0,
                               "negative_reviews": 0, "store_incidents": 0, "attainment": 1},
                              profile="double11", supply={"director.pay[1].rate": 0, "promo_manager.pay[1].rate": 0,
                                                          "cs_manager.pay[1].rate": 0, "sales_cs.pay[1].rate": 0})
    p = plan(d14, s, QUOTA_ONLY)
    m = p.monthly()
    assert m.loc["2026-01", "temporary"] == 0 and m.loc["2026-11", "temporary"] > 0
    picker_temp = p.recommendation.set_index("role").loc["picker", "temporary"]
    best = p.peak.best.set_index(["role", "month"]).loc[("picker", "2026-11")]
    # the peak costs what the planner's cheapest lawful way costs: here below temps at the base
    assert best["legal"] and p.temporary.loc["2026-11", "picker"] == best["labour_cost_fen"]
    assert 0 < best["labour_cost_fen"] <= picker_temp * 1500 * 100
    assert (m["total"] == m["payroll"] + m["temporary"]).all()
    assert m.loc["2026-03", "cost_per_order"] == round(m.loc["2026-03", "total"] / 60000, 2)


@pytest.mark.parametrize("volumes, message", [
    ({"orders": 1}, "needs driver 'orders_picked'"),
    ({"orders": float("nan"), "orders_picked": 1, "orders_shipped": 1}, "must be numbers >= 0"),
    ({"orders": -1, "orders_picked": 1, "orders_shipped": 1}, "must be numbers >= 0"),
])
def test_bad_volumes(d14, volumes, message):
    with pytest.raises(StaffingError, match=message):
        recommend_headcount(d14, volumes, QUOTA_ONLY)


def test_norm_for_an_unknown_role_is_an_error(d12):
    from shoporg import UnknownRoleError
    with pytest.raises(UnknownRoleError):
        recommend_headcount(d12, {"orders": 1}, QUOTA_ONLY)


def test_chat_service_sized_with_erlang_and_planned(d14):
    from shoporg import read_scenario
    from shoporg.erlang import intraday_staffing
    d = d14
    s = read_scenario(TEMPLATES / "scenarios" / "d14-double11.yaml")
    rec = recommend_headcount(d, s, NORMS).set_index("role")
    norm = NORMS.norms["sales_cs"]
    day = intraday_staffing(12000 / 30, 240, service_level=0.8, answer_within_s=30, shrinkage=0.3,
                            max_occupancy=0.85, concurrency=3, shift_hours=8, open_days=30)
    assert rec.loc["sales_cs", "method"] == "erlang" and norm.concurrency == 3
    assert rec.loc["sales_cs", "recommended"] == math.ceil(day.fte_per_month - 1e-9)
    assert rec.loc["sales_cs", "peak_month"] == "2026-11" and rec.loc["sales_cs", "temporary"] > 0
    p = plan(d, s, NORMS)   # sales agents' per-person attainment no longer fits: their mean is used
    assert p.staffed.role("sales_cs").headcount == rec.loc["sales_cs", "recommended"]
    assert p.monthly()["total"].sum() > 0 and "per order" in repr(p)


def test_staff_command(capsys):
    from shoporg.cli import main
    assert main(["staff", "seed-14-basic-22", "--volumes", str(TEMPLATES / "scenarios" / "d14-double11.yaml"),
                 "--norms", str(TEMPLATES / "norms" / "d14-norms.yaml")]) == 0
    out = capsys.readouterr().out
    assert "销售客服" in out and "排队模型（Erlang C）" in out and "建议" in out
