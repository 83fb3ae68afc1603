"""One driver environment: design rules are read by payroll, explain and health alike."""

from pathlib import Path

import numpy as np
import pytest
import yaml

from shoporg import Scenario, explain, health, payroll, payroll_sweep
from shoporg.io.yaml_io import design_from_dict
from shoporg.pay import expr
from shoporg.pay.environment import Environment

from .test_pay_cases import build_scenario

CASE = yaml.safe_load((Path(__file__).parent / "cases" / "pay" / "capped-piece-rate-by-rule.yaml")
                      .read_text(encoding="utf-8"))


@pytest.fixture
def capped():
    """The case: picker paid 2 元 per capped_orders = min(orders * 0.5, 2000); 9,000 orders in November."""
    return design_from_dict(CASE["design"]), build_scenario(CASE["scenario"])


def test_explain_reads_a_rule_derived_driver(capped):
    design, scenario = capped
    pr = payroll(design, scenario)
    november = explain(pr, "picker", month="2026-11", lang="en")
    # 9,000 orders × 0.5 = 4,500, capped at 2,000; 2,000 × 2 元 = 4,000 元; with the 1,500 base 5,500
    assert "capped_orders = 2000" in november and "accrued ¥4,000.00" in november
    assert "total accrued ¥5,500.00  paid ¥5,500.00" in november
    january = explain(pr, "picker", month="2026-01")
    assert "capped_orders = 1500" in january and "应计 ¥3,000.00" in january  # 3,000 × 0.5 = 1,500 under the cap


def test_explain_reads_a_rule_in_a_condition():
    design = design_from_dict({**CASE["design"], "roles": [{
        "id": "picker", "name": "捡单员", "headcount": 2,
        "pay": [{"kind": "team_bonus", "amount": 300, "split": "pool", "when": "capped_orders >= cap"}]}]})
    pr = payroll(design, build_scenario(CASE["scenario"]))
    # the bonus is paid only when the cap is reached (November): 300 元 shared by two pickers
    assert pr.component("picker", "team_bonus")["accrued"].tolist() == [0.0] * 10 + [300.0, 0.0]
    text = explain(pr, "picker", person=2, month="2026-11", lang="en")
    assert "cap = 2000, capped_orders = 2000 → condition holds" in text and "accrued ¥150.00" in text
    assert "capped_orders = 1500 → 条件不成立" in explain(pr, "picker", month="2026-10")


def test_health_counts_a_rule_derived_driver_as_fed(capped):
    design, scenario = capped
    assert "unfed_driver" not in set(health(design, scenario=scenario)["check"])
    quiet = Scenario.from_profile({"orders": 0})  # the rule reads orders, all zero: nothing to pay on
    found = health(design, scenario=quiet)
    assert found.loc[found.check == "unfed_driver", "role"].tolist() == ["picker"]
    absent = Scenario.from_profile({"revenue": 1000})  # the rule's own input is missing
    assert "unfed_driver" in set(health(design, scenario=absent)["check"])


def test_sweep_and_payroll_read_the_same_rules(capped):
    design, scenario = capped
    runs = [scenario, scenario.with_drivers(orders=np.full(12, 6000.0))]
    # 6,000 × 0.5 = 3,000 capped at 2,000 every month: (1,500 + 4,000) × 12 = 66,000
    assert payroll_sweep(design, runs)["accrued"].tolist() == [payroll(design, scenario).total(), 66000.0]


def test_rules_are_parsed_once_and_evaluated_once_per_run(capped, monkeypatch):
    design, scenario = capped
    assert expr.parse_expression("min(picked_orders, cap)", "rules.capped_orders") is \
        expr.parse_expression("min(picked_orders, cap)", "rules.capped_orders")
    many = design.replace(roles=[design.roles[0].model_copy(update={"id": f"picker{i}"}) for i in range(5)],
                          forest=True)
    one = payroll(design, scenario).total()
    counts = {}
    evaluate = expr.Expression.evaluate

    def counting(self, env):
        counts[self.text] = counts.get(self.text, 0) + 1
        return evaluate(self, env)

    monkeypatch.setattr(expr.Expression, "evaluate", counting)
    pr = payroll(many, scenario)
    assert pr.by_role()["accrued"].tolist() == [one] * 5
    assert counts == {"min(picked_orders, cap)": 1, "orders * 0.5": 1, "2000": 1}


def test_environment_gives_a_person_their_own_values_through_a_rule():
    design = design_from_dict({"schema": "shoporg/design-v1", "id": "x", "name": "x",
                               "rules": {"over_plan": "max(attainment - 1, 0)"},
                               "roles": [{"id": "sales", "name": "销售", "headcount": 3}]})
    s = Scenario.from_profile({"attainment": 1}, roles={"sales": {"attainment": [[1.1, 0.9, 1.25]]}})
    env = Environment(design, [s])
    assert env.driver("over_plan", "sales")[0, 0].round(2).tolist() == [0.1, 0.0, 0.25]
    assert env.driver("over_plan")[0, :, 0].tolist() == [0.0] * 12  # the shop's attainment is 1


def test_repeated_components_keep_their_own_supplied_rates_and_shares():
    bonus = {"kind": "revenue_bonus", "rate": None, "scope": "team"}
    design = design_from_dict({"schema": "shoporg/design-v1", "id": "x", "name": "x", "forest": True, "roles": [
        {"id": "a", "name": "甲", "pay": [bonus, bonus]},
        {"id": "b", "name": "乙", "headcount": 2, "pay": [bonus, {"kind": "base", "monthly": 3000}]},
        {"id": "c", "name": "丙", "headcount": 0.5, "pay": [{"kind": "base", "monthly": 3000}]}]})
    supply = {"a.pay[0].rate": 0.01, "a.pay[1].rate": 0.02, "b.pay[0].rate": 0.01}
    runs = [Scenario.from_profile({"revenue": 100_000}), Scenario.from_profile({"revenue": 200_000})]
    # a: (1% + 2%) of revenue; b: 1% shared by two, and two bases; c: half a base
    expected = {"a": [36_000.0, 72_000.0], "b": [84_000.0, 96_000.0], "c": [18_000.0, 18_000.0]}
    by_role = payroll_sweep(design, runs, supply=supply, by_role=True)
    assert {r: by_role[by_role.role == r]["accrued"].tolist() for r in "abc"} == expected
    assert payroll(design, runs[0], supply=supply).by_role()["accrued"].tolist() == [36_000.0, 84_000.0, 18_000.0]
