"""Pay cases as data (tests/cases/pay/*.yaml): a design, a scenario, expected amounts.

Each case names a template (optionally cut to some roles and changed) or gives a
design inline, a scenario, values for blank source parameters (``supply``), and a
list of expectations: filters (role, month, kind, component, person) and the sum of
``accrued`` and/or ``paid`` over the matching payroll lines, in yuan.
"""

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from shoporg import Scenario, load_template, payroll
from shoporg.io.yaml_io import design_from_dict

CASES = sorted((Path(__file__).parent / "cases" / "pay").glob("*.yaml"))
FILTERS = ("role", "month", "kind", "component", "person")


def build_design(case):
    if "design" in case:
        return design_from_dict(case["design"])
    design = load_template(case["template"])
    if "roles" in case:
        design = design.only(case["roles"])
    for change in case.get("changes", []):
        change = dict(change)
        role = change.pop("role")
        if "pay" in change:
            i = change.pop("pay")
            pay = list(design.role(role).pay)
            pay[i] = pay[i].model_copy(update=change.pop("set"))
            change["pay"] = tuple(pay)
        design = design.with_role_changes(role, **change)
    return design


def build_scenario(spec):
    spec = dict(spec)
    start = str(spec.pop("start", "2026-01"))
    return Scenario.from_profile(spec.pop("base", {}), start=start, profile=spec.pop("profile", "flat"),
                                 fixed=spec.pop("fixed", None), roles=spec.pop("roles", None),
                                 overrides=spec.pop("overrides", None))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_pay_case(path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    pr = payroll(build_design(case), build_scenario(case["scenario"]),
                 base_level=case.get("base_level", "mid"), supply=case.get("supply"))
    lines = pr.lines
    for exp in case["expect"]:
        sel = lines
        for key in FILTERS:
            if key in exp:
                sel = sel[sel[key] == (str(exp[key]) if key == "month" else exp[key])]
        assert len(sel), f"{path.name}: no payroll line matches {exp}"
        for view in ("accrued", "paid"):
            if view in exp:
                got = Decimal(int(sel[f"{view}_fen"].sum())) / 100
                assert got == Decimal(str(exp[view])), f"{path.name}: {exp} → {view} {got}"
    if "carried_over" in case:
        assert Decimal(pr.carried_over_fen) / 100 == Decimal(str(case["carried_over"]))


def test_there_is_a_case_for_every_component_kind():
    kinds = set()
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds |= {e["kind"] for e in case["expect"] if "kind" in e}
    assert kinds >= {"base", "piece_rate", "revenue_bonus", "team_bonus", "allowance", "deduction", "on_cost"}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_sweep_agrees_with_each_case(path):
    from shoporg import payroll_sweep
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    scenario = build_scenario(case["scenario"])
    design, level, supply = build_design(case), case.get("base_level", "mid"), case.get("supply")
    pr = payroll(design, scenario, base_level=level, supply=supply)
    sweep = payroll_sweep(design, [scenario, scenario], base_level=level, supply=supply, progress=True)
    assert sweep.accrued_fen.tolist() == [int(pr.lines.accrued_fen.sum())] * 2
    assert sweep.paid_fen.tolist() == [int(pr.lines.paid_fen.sum())] * 2
