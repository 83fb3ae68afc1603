"""Pay levels priced in one sweep: each scenario at its own level (low, mid or high) gives
what ``payroll()`` gives at that level, to the fen, in gross pay and through the
employment chain; and ``compare`` prices the ends of the pay ranges that way."""

import numpy as np
import pytest

import shoporg
from shoporg import Scenario, payroll, payroll_sweep
from shoporg.io.yaml_io import design_from_dict

LEVELS = ("low", "mid", "high")


def ranged_department(employment=None):
    """Roles whose base pay is a range, with what reads the base: a 13th month (months of
    base), overtime at the role's base, a revenue bonus on a gate, an allowance on a condition."""
    roles = [{"id": "head", "name": "电商总监", "pay": [{"kind": "base", "monthly": [15000, 25000]},
                                                      {"kind": "revenue_bonus", "rate": 0.001}]}]
    for i in range(1, 9):
        pay = [{"kind": "base", "monthly": [3000 + 100 * i, 5200 + 300 * i]}]
        if i % 3 == 0:
            pay.append({"kind": "year_end_bonus", "months": 1, "month": 1})
        if i % 3 == 1:
            pay.append({"kind": "overtime", "wage_base": "base", "workday": 10, "rest_day": "weekend_hours"})
        if i % 2 == 0:
            pay.append({"kind": "piece_rate", "driver": "orders", "rate": 0.5})
        if i % 4 == 1:
            pay.append({"kind": "allowance", "monthly": 800, "when": "incidents == 0", "settle": "quarterly"})
        roles.append({"id": f"r{i}", "name": f"岗位{i}", "reports_to": "head", "headcount": [1, 2, 1.5, 3][i % 4],
                      "pay": pay})
    data = {"schema": "shoporg/design-v1", "id": "ranged", "name": "区间薪酬", "roles": roles}
    if employment:
        data["employment"] = employment
    return design_from_dict(data)


def _scenario(seed: int):
    rng = np.random.default_rng(seed)
    orders = rng.integers(2000, 9000, 12).astype(float)
    return Scenario(start="2026-01", id=f"s{seed}", drivers={
        "orders": orders, "revenue": orders * 150.0, "incidents": rng.integers(0, 2, 12).astype(float),
        "weekend_hours": rng.integers(0, 12, 12).astype(float)})


@pytest.mark.parametrize("employment", [None, {"city": "上海", "effective": "2025-01-01"}], ids=["gross", "shanghai"])
def test_each_scenario_at_its_own_level_is_its_payroll_at_that_level(employment):
    design = ranged_department(employment)
    runs = [_scenario(k) for k in range(4)]
    levels = ("low", "high", "mid", "high")
    swept = payroll_sweep(design, runs, base_level=levels)
    for i, (s, level) in enumerate(zip(runs, levels)):
        pr = payroll(design, s, base_level=level)
        assert int(swept.accrued_fen[i]) == int(pr.lines.accrued_fen.sum())
        assert int(swept.paid_fen[i]) == int(pr.lines.paid_fen.sum())
        if employment:
            for col in ("gross", "labour_cost", "net", "tax"):
                assert int(swept[f"{col}_fen"][i]) == int(pr.chain.loc[pr.chain.view == "accrued", f"{col}_fen"].sum())
    # the levels differ where the base is a range: the ends bracket the middle
    one = payroll_sweep(design, [runs[0]] * 3, base_level=LEVELS).accrued_fen.tolist()
    assert one[0] < one[1] < one[2]


def test_a_sweep_at_one_level_is_unchanged_by_levels_given_per_scenario():
    design = ranged_department()
    runs = [_scenario(k) for k in range(3)]
    for level in LEVELS:
        assert payroll_sweep(design, runs, base_level=[level] * 3).equals(payroll_sweep(design, runs, base_level=level))


def test_a_wrong_level_or_count_is_refused():
    design, s = ranged_department(), _scenario(0)
    with pytest.raises(ValueError, match="base_level"):
        payroll_sweep(design, [s, s], base_level=("low", "top"))
    with pytest.raises(ValueError, match="base_level"):
        payroll_sweep(design, [s, s, s], base_level=("low", "high"))


def test_compare_prices_the_ends_of_the_ranges_as_the_payroll_does(options):
    d14, option, scenario = options
    table = shoporg.compare([d14, option], scenario)
    for j, d in enumerate((d14, option)):
        for level in ("low", "high"):
            pr = payroll(d, scenario, base_level=level)
            assert table.loc[f"annual_{level}"].iloc[1 + j] == int(pr.lines.accrued_fen.sum()) / 100
    assert table.loc["annual_low", table.columns[1]] < table.loc["annual_accrued", table.columns[1]] \
        < table.loc["annual_high", table.columns[1]]
