"""The payroll engine: properties (hypothesis), sweeps against single runs, errors."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoporg import PayrollError, Scenario, ScenarioError, explain, payroll, payroll_sweep
from shoporg.pay.engine import split_pool

BLANKS = {"director.pay[1].rate": 0.002, "promo_manager.pay[1].rate": 0.001,
          "cs_manager.pay[1].rate": 0.0015, "sales_cs.pay[1].rate": 0.003}
DRIVERS = ("orders", "orders_picked", "orders_shipped", "revenue", "complaints", "reviews_reversed",
           "review_followups", "negative_reviews", "store_incidents", "attainment")


def scenario(**base):
    values = {"orders": 3000, "orders_picked": 3000, "orders_shipped": 3000, "revenue": 450000.55,
              "complaints": 41, "reviews_reversed": 7, "review_followups": 302, "negative_reviews": 0,
              "store_incidents": 0, "attainment": 1.05}
    values.update(base)
    return Scenario.from_profile(values, profile="tmall_year")


months = st.lists(st.integers(0, 20000), min_size=12, max_size=12)


@st.composite
def scenarios(draw):
    drv = {name: draw(st.lists(st.integers(0, 5000), min_size=12, max_size=12)) for name in DRIVERS}
    drv["revenue"] = [x * 123.45 for x in draw(months)]
    drv["negative_reviews"] = draw(st.lists(st.integers(0, 2), min_size=12, max_size=12))
    drv["store_incidents"] = draw(st.lists(st.integers(0, 1), min_size=12, max_size=12))
    drv["attainment"] = draw(st.lists(st.sampled_from([0.8, 1.0, 1.2]), min_size=12, max_size=12))
    start = draw(st.sampled_from(["2026-01", "2026-02", "2026-05", "2026-11"]))
    return Scenario(start=start, drivers=drv)


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(s=scenarios(), level=st.sampled_from(["low", "mid", "high"]))
def test_totals_equal_the_sum_of_lines_to_the_fen(d14, s, level):
    pr = payroll(d14, s, supply=BLANKS, base_level=level)
    lines = pr.lines
    assert round(pr.total("accrued") * 100) == int(lines.accrued_fen.sum())
    assert int(pr.by_month().accrued_fen.sum()) == int(lines.accrued_fen.sum())
    assert int(pr.by_role().paid_fen.sum()) == int(lines.paid_fen.sum())
    assert int(pr.by_department().accrued_fen.sum()) == int(lines.accrued_fen.sum())
    # yuan columns are the fen divided by 100, never off by a fen
    assert (np.round(lines.accrued * 100).astype(np.int64) == lines.accrued_fen).all()


@SETTINGS
@given(s=scenarios())
def test_accrued_equals_paid_plus_carried_over_minus_carried_in(d14, s):
    pr = payroll(d14, s, supply=BLANKS)
    assert int(pr.lines.accrued_fen.sum()) == int(pr.lines.paid_fen.sum()) + pr.carried_over_fen - pr.carried_in_fen


@SETTINGS
@given(s=scenarios(), driver=st.sampled_from(["orders_picked", "orders_shipped", "complaints",
                                              "reviews_reversed", "review_followups"]),
       month=st.integers(0, 11), more=st.integers(1, 500))
def test_pay_never_decreases_when_a_piece_rate_driver_grows(d14, s, driver, month, more):
    d = d14
    before = payroll(d, s, supply=BLANKS).lines
    grown = s.driver(driver).copy()
    grown[month] += more
    after = payroll(d, s.with_drivers(**{driver: grown}), supply=BLANKS).lines
    assert (after.accrued_fen.values >= before.accrued_fen.values).all()
    assert after.accrued_fen.sum() > before.accrued_fen.sum()


@settings(max_examples=15, deadline=None)
@given(runs=st.lists(scenarios(), min_size=1, max_size=4), level=st.sampled_from(["low", "mid", "high"]))
def test_sweep_gives_exactly_the_single_run_totals(d14, runs, level):
    d = d14
    runs = [Scenario(start=runs[0].start, drivers=r.drivers) for r in runs]
    sweep = payroll_sweep(d, runs, supply=BLANKS, base_level=level)
    by_role = payroll_sweep(d, runs, supply=BLANKS, base_level=level, by_role=True)
    for i, s in enumerate(runs):
        pr = payroll(d, s, supply=BLANKS, base_level=level)
        assert int(sweep.accrued_fen[i]) == int(pr.lines.accrued_fen.sum())
        assert int(sweep.paid_fen[i]) == int(pr.lines.paid_fen.sum())
        roles = by_role[by_role.scenario == i].set_index("role")
        assert roles.accrued_fen.to_dict() == pr.by_role().accrued_fen.astype(int).to_dict()


def test_sweep_with_on_cost_matches_single_runs():
    import yaml

    from tests.test_pay_cases import CASES, build_design
    case = yaml.safe_load([p for p in CASES if p.stem.startswith("deduction")][0].read_text(encoding="utf-8"))
    d = build_design(case)
    runs = [Scenario.from_profile({"attendance_points": k}) for k in (0, 3, 12)]
    sweep = payroll_sweep(d, runs)
    for i, s in enumerate(runs):
        assert int(sweep.accrued_fen[i]) == int(payroll(d, s).lines.accrued_fen.sum())


def test_split_pool_is_exact():
    parts = split_pool(np.array([8000, 1, 0, 99999]), np.array([1.0, 1.0, 0.5]))
    assert parts.sum(axis=1).tolist() == [8000, 1, 0, 99999]
    assert parts[0].tolist() == [3200, 3200, 1600]


def test_missing_source_parameter_names_role_component_and_parameter(d14):
    with pytest.raises(PayrollError) as e:
        payroll(d14, scenario())
    msg = str(e.value)
    assert "roles[0].pay[1].rate" in msg and "营业额奖金" in msg and "'director'" in msg
    assert "supply={'director.pay[1].rate': ...}" in msg


def test_driver_the_scenario_lacks_names_both(d14):
    s = Scenario.from_profile({"orders": 10})
    with pytest.raises(PayrollError, match=r"roles\[0\]\.pay\[1\]: role 'picker' needs driver 'orders_picked'.*"
                                           "it gives: orders"):
        payroll(d14.only(["picker"]), s)


def test_division_by_zero_in_a_rule_names_the_rule(d14):
    d = d14.only(["picker"])
    pay = list(d.role("picker").pay)
    pay[1] = pay[1].model_copy(update={"when": "orders_picked / complaints > 1"})
    d = d.with_role_changes("picker", pay=tuple(pay))
    s = Scenario.from_profile({"orders_picked": 100, "complaints": 0})
    with pytest.raises(Exception) as e:
        payroll(d, s)
    assert "division by zero" in str(e.value) and "roles[0].pay[1].when" in str(e.value)


@pytest.mark.parametrize("build, message", [
    (lambda: Scenario.from_months([{"orders": 1}] * 11), "covers 12 months, got 11"),
    (lambda: Scenario.from_profile({"orders": -5}), "negative in month 1"),
    (lambda: Scenario(start="2026-13", drivers={}), "YYYY-MM"),
    (lambda: Scenario.from_profile({"orders": 1}, profile="black_friday"), "unknown seasonality profile"),
    (lambda: Scenario.from_profile({"orders": 1}, overrides={"orders": {"2027-05": 3}}), "not in the plan"),
    (lambda: Scenario(start="2026-01", drivers={"orders": [1] * 12}, roles={"cs": {"attainment": [[1, 2]] * 11}}),
     "needs 12 monthly values"),
])
def test_bad_scenarios(build, message):
    with pytest.raises(ScenarioError, match=message):
        build()


def test_a_lag_that_would_pay_before_earning_is_refused(d14):
    from shoporg import DesignValidationError
    d = d14
    pay = list(d.role("storekeeper").pay)
    with pytest.raises(DesignValidationError, match="pay_lag_months"):
        d.with_role_changes("storekeeper", pay=(pay[0], pay[1].model_dump() | {"pay_lag_months": -1}))


def test_explain_shows_inputs_and_amounts(d14):
    pr = payroll(d14, scenario(attainment=0.9), supply=BLANKS)
    text = explain(pr, "sales_cs", person=2, month="2026-06")
    assert "attainment = 0.9 → 条件不成立" in text and "底薪 1600–2000元/月" in text
    en = explain(pr, "picker", person=1, month="2026-11", lang="en")
    assert "orders_picked = 7500" in en and "accrued ¥9,000.00" in en


def test_summary_splits_fixed_and_variable(d14):
    pr = payroll(d14, scenario(), supply=BLANKS, base_level="low")
    s = pr.summary()
    assert s.loc["accrued", "fixed"] == 63300 * 12
    assert s.loc["accrued", "total"] == s.loc["accrued", "fixed"] + s.loc["accrued", "variable"]
    assert s.loc["paid", "carried_over"] == pr.carried_over == 4500
