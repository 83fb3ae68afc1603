"""Hostile money: supplied values, huge numbers and amounts a payroll cannot hold.

The kinds that show through the command line are in the register (tests/cases/bad/money-*.yaml);
these are the checks of the Python API, the engine's casts and a property over hostile values.
"""

from __future__ import annotations

import dataclasses
import math
import re
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import shoporg
from shoporg import Scenario, ShopOrgError, load_template, payroll, payroll_sweep
from shoporg._types import MONEY_MAX, to_decimal
from shoporg.errors import DesignValidationError
from shoporg.io.yaml_io import design_from_dict
from shoporg.pay.amounts import MAX_FEN, AmountRangeError, PayrollError, to_fen
from shoporg.pay.engine import split_pool
from shoporg.pay.expr import ExpressionError, parse_expression
from shoporg.scenario import ScenarioError

ROOT = Path(__file__).resolve().parents[1]


def _id(value):
    """A test id that never turns a 5,000-digit integer into text."""
    return f"int{value.bit_length()}bits" if isinstance(value, int) and value.bit_length() > 64 else None
D14 = load_template("seed-14-basic-22")
S14 = shoporg.read_scenario(ROOT / "templates" / "scenarios" / "d14-double11.yaml")
BLANKS = dict(S14.supply)


def shop(pay, headcount=1, **extra):
    return design_from_dict({"schema": "shoporg/design-v1", "id": "shop", "name": "小店", **extra,
                             "roles": [{"id": "boss", "name": "店长", "headcount": headcount, "pay": pay}]})


# -- the cast to fen ---------------------------------------------------------------------

@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf, 1e300, -1e300, (MAX_FEN + 1000) / 100])
def test_to_fen_refuses_what_int64_cannot_hold_and_says_where(bad):
    yuan = np.array([[1.0, 2.0, 3.0], [4.0, bad, 6.0]])
    with pytest.raises(AmountRangeError) as e:
        to_fen(yuan)
    assert e.value.index == (1, 1)
    assert math.isnan(e.value.value) if math.isnan(bad) else e.value.value == bad
    assert "allowed: a finite amount of at most 10,000,000,000,000 yuan per line" in str(e.value)


def test_to_fen_keeps_half_up_up_to_the_largest_line():
    largest = MAX_FEN / 100
    assert to_fen(np.array([largest, -largest, 0.005, -0.005])).tolist() == [MAX_FEN, -MAX_FEN, 1, -1]
    assert to_fen(np.zeros((0, 12))).shape == (0, 12)


def test_split_pool_refuses_a_pool_past_the_largest_line():
    with pytest.raises(AmountRangeError):
        split_pool(np.array([MAX_FEN * 4]), np.array([1.0, 1.0]))
    assert split_pool(np.array([MAX_FEN]), np.array([1.0, 1.0])).sum() == MAX_FEN


def test_no_float_is_cast_to_int_in_pay_without_a_range_check():
    """Every cast of a rounded float to int64 in shoporg/pay says its range was checked."""
    casts = []
    for path in (ROOT / "shoporg" / "pay").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.astype\((np\.)?int(64)?\)", line) and re.search(r"floor|copysign|round|rint|ceil", line):
                casts.append((path.name, n, "range checked" in line))
    assert casts, "the casts of rounded amounts were not found"
    assert all(ok for *_, ok in casts), [c for c in casts if not c[2]]


# -- supplied values: the same checks as the design file's --------------------------------

@pytest.mark.parametrize("value, reason", [
    (float("nan"), "must be a finite number"), (float("inf"), "must be a finite number"),
    (1e300, "must be <= 1"), (-5, "must be >= 0"), (2, "must be <= 1"), (0.0000001, "at most 6 decimal places"),
    ("abc", "must be a number"), (True, "must be a number"), (None, "must be a number"), ([0.1], "must be a number"),
    (10 ** 5000, "an integer of 5001 digits")], ids=_id)
@pytest.mark.parametrize("how", ["payroll", "sweep", "scenario", "compare"])
def test_a_supplied_rate_is_checked_like_the_design_file(value, reason, how):
    supply = {**BLANKS, "director.pay[1].rate": value}
    with pytest.raises(PayrollError) as e:
        if how == "payroll":
            payroll(D14, S14, supply=supply)
        elif how == "sweep":
            payroll_sweep(D14, [S14, S14], supply=supply)
        elif how == "scenario":
            payroll(D14, dataclasses.replace(S14, supply=supply))
        else:
            shoporg.compare([D14, D14], S14, supply=supply)
    text = str(e.value)
    assert text.startswith("roles[0].pay[1].rate: the value supplied for director.pay[1].rate"), text
    assert reason in text and "allowed: a fraction from 0 to 1 with at most 6 decimal places" in text
    assert "补充的 director.pay[1].rate" in e.value.text("zh")


@pytest.mark.parametrize("value", [0, 1, "0.5", Decimal("0.000001")])
def test_rates_inside_the_range_are_taken(value):
    pr = payroll(D14, S14, supply={**BLANKS, "director.pay[1].rate": value})
    revenue = S14.driver("revenue").sum()
    bonus = pr.component("director", "revenue_bonus")["accrued"].sum()
    assert bonus == pytest.approx(float(value) * revenue, abs=0.01 * 12)


def test_supplied_money_is_checked_by_its_own_field():
    design = shop([{"kind": "base", "monthly": 4000}, {"kind": "team_bonus", "amount": None}])
    run = Scenario.from_profile({"orders": 1})
    assert payroll(design, run, supply={"boss.pay[1].amount": 500}).total() == 12 * 4500
    for value, reason in [(1e30, "must be <= 100000000"), (500.123, "at most 2 decimal places"), (-1, ">= 0")]:
        with pytest.raises(PayrollError) as e:
            payroll(design, run, supply={"boss.pay[1].amount": value})
        assert str(e.value).startswith("roles[0].pay[1].amount: the value supplied for boss.pay[1].amount")
        assert reason in str(e.value) and f"from 0 to {int(MONEY_MAX):,}" in str(e.value)


@pytest.mark.parametrize("value", [10 ** 400, 1e30, float("inf"), "abc", -1])
def test_a_supplied_base_amount_is_checked_by_its_field_too(value):
    # base.monthly is an amount or a [min, max] range: its checks sit in the field's metadata
    with pytest.raises(PayrollError) as e:
        payroll(D14, S14, supply={**BLANKS, "director.pay[0].monthly": value})
    assert str(e.value).startswith("roles[0].pay[0].monthly: the value supplied for director.pay[0].monthly")


@pytest.mark.parametrize("supply", ["abc", [1], 5])
def test_a_supply_that_is_not_a_mapping_is_refused(supply):
    with pytest.raises(PayrollError, match="supply must be a mapping"):
        payroll(D14, S14, supply=supply)
    with pytest.raises(PayrollError, match="supply must be a mapping"):
        payroll_sweep(D14, [dataclasses.replace(S14, supply=supply)])


def test_values_for_parameters_the_design_does_not_have_are_not_read():
    pr = payroll(D14, S14, supply={**BLANKS, "nobody.pay[0].rate": float("nan"), "director.pay[9].rate": "x"})
    assert pr.total() == payroll(D14, S14).total()


def test_a_scenario_file_supply_value_is_a_number(tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text("schema: shoporg/scenario-v1\nbase: {orders: 1}\nsupply:\n  a.pay[0].rate: 1e400\n"
                 "  b.pay[0].rate: .nan\n  c.pay[0].rate: 0.25\n", encoding="utf-8")
    with pytest.raises(DesignValidationError) as e:
        shoporg.read_scenario(f)
    where = [(p.file, p.location) for p in e.value.problems]
    assert where == [(str(f), "supply.a.pay[0].rate"), (str(f), "supply.b.pay[0].rate")]
    f.write_text("schema: shoporg/scenario-v1\nbase: {orders: 1}\nsupply:\n  c.pay[0].rate: 0.25\n", encoding="utf-8")
    assert shoporg.read_scenario(f).supply == {"c.pay[0].rate": 0.25}


# -- the number converters -------------------------------------------------------------

@pytest.mark.parametrize("value", [1e308, 10 ** 5000, "9" * 5000, "1e999999999", Decimal("1E+30")], ids=_id)
def test_converters_refuse_huge_numbers_with_what_is_allowed(value):
    with pytest.raises(ValueError, match=r"must be <= 1000000000000000"):
        to_decimal(value)
    for field, allowed in [("monthly", "must be <= 100000000"), ("headcount", "must be <= 100000")]:
        pay = [{"kind": "base", "monthly": value if field == "monthly" else 4000}]
        with pytest.raises(DesignValidationError) as e:
            shop(pay, headcount=value if field == "headcount" else 1)
        [p] = e.value.problems
        assert p.location == ("roles[0].pay[0].monthly" if field == "monthly" else "roles[0].headcount")
        assert allowed in p.message and len(p.message) < 300


def test_a_rate_in_the_design_past_one_is_refused_before_rounding():
    with pytest.raises(DesignValidationError) as e:
        shop([{"kind": "revenue_bonus", "rate": 1e30}])
    assert [(p.location, p.message) for p in e.value.problems] == [("roles[0].pay[0].rate", "must be <= 1, got 1e+30")]


# -- the engine: amounts, totals and scales ----------------------------------------------

def test_an_exploding_driver_names_the_role_the_component_and_the_month():
    design = shop([{"kind": "base", "monthly": 4000}, {"kind": "piece_rate", "driver": "orders", "rate": 2}])
    fine = Scenario.from_profile({"orders": 1000})
    bad = fine.with_drivers(orders=[1000] * 5 + [1e15] + [1000] * 6)  # the most a driver may be
    with pytest.raises(PayrollError) as e:
        payroll(design, bad)
    assert str(e.value).startswith("roles[0].pay[1]: Piece rate of role 'boss' in 2026-06: an amount of "
                                   "2,000,000,000,000,000.00 yuan cannot be paid")
    assert "2026年6月" in e.value.text("zh")
    with pytest.raises(PayrollError) as e:
        payroll_sweep(design, [fine, dataclasses.replace(bad, id="peak")])
    assert "in 2026-06 (peak)" in str(e.value)


@pytest.mark.parametrize("value", [1e15 + 1, 1e300, -1e300])
def test_a_driver_past_any_shop_is_refused_by_the_scenario(value):
    fine = Scenario.from_profile({"orders": 1000})
    with pytest.raises(ScenarioError, match="driver 'orders' has a value over 1,000,000,000,000,000"):
        fine.with_drivers(orders=[1000] * 5 + [value] + [1000] * 6)
    with pytest.raises(ScenarioError, match="^base: driver 'orders'"):
        Scenario.from_profile({"orders": value}, profile="double11")  # refused before it is scaled


def test_lines_that_fit_but_whose_sum_would_not_are_refused():
    design = shop([{"kind": "piece_rate", "driver": "orders", "rate": 100_000_000, "basis": "per_person"}],
                  headcount=200)
    with pytest.raises(PayrollError, match=r"^roles\[0\]\.pay\[0\]: the payroll would add up to more than"):
        payroll(design, Scenario.from_profile({"orders": 100_000}))
    assert payroll(design, Scenario.from_profile({"orders": 1_000})).total() == 200 * 12 * 1e11


@pytest.mark.parametrize("scale, words", [("orders - 5000", "gives -2000 in 2026-01"),
                                          ("0 - orders", "gives -3000 in 2026-01")])
def test_a_scale_that_turns_a_bonus_negative_is_refused(scale, words):
    design = shop([{"kind": "team_bonus", "amount": 500, "scale": scale}])
    with pytest.raises(PayrollError) as e:
        payroll(design, Scenario.from_profile({"orders": 3000}))
    assert str(e.value).startswith(f"roles[0].pay[0].scale: scale {scale!r} {words}")


def test_a_scale_that_explodes_is_refused():
    design = shop([{"kind": "team_bonus", "amount": 500, "scale": "orders * 1e200"}])
    with pytest.raises(PayrollError, match="an amount of 1.5e\\+206 yuan cannot be paid"):
        payroll(design, Scenario.from_profile({"orders": 3000}))
    design = shop([{"kind": "team_bonus", "amount": 500, "scale": "orders * 1e300 * 1e300"}])
    with pytest.raises(ExpressionError, match="too large"):
        payroll(design, Scenario.from_profile({"orders": 3000}))


# -- expressions --------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, col", [("ｓｔｏｒｅ_incidents == 0", "ｓｔｏｒｅ_incidents", 1),
                                             ("orders > 0 and ｏrders < 9", "ｏrders", 16),
                                             ("订单数 > 0", "订单数", 1)])
def test_non_ascii_names_in_expressions_are_refused(text, name, col):
    with pytest.raises(ExpressionError) as e:
        parse_expression(text, where="roles[0].pay[1].when")
    assert e.value.problem.location == "roles[0].pay[1].when"
    assert f"name {name!r} at column {col}" in str(e.value) and "lower-case ASCII letters a–z" in str(e.value)


def test_a_fullwidth_condition_does_not_validate():
    with pytest.raises(DesignValidationError) as e:
        shop([{"kind": "allowance", "monthly": 1500, "when": "ｓｔｏｒｅ_incidents == 0"}])
    assert [p.location for p in e.value.problems] == ["roles[0].pay[0].when"]


# -- the property ------------------------------------------------------------------------

HOSTILE_NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e6, max_value=1e6),
    st.floats(min_value=0, max_value=1),
    st.sampled_from([0, 1, 2, -5, 1e15, 1e16, 1e300, 10 ** 20, 10 ** 400, 10 ** 5000, -(10 ** 30)]),
    st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.integers(min_value=0, max_value=10 ** 6),
)
KEYS = sorted(BLANKS)
DRIVERS = sorted(S14.drivers)


def _scenario(values):
    drivers = {k: np.array(v, dtype=float) for k, v in S14.drivers.items()}
    for name, month, value in values:
        drivers[name] = drivers[name].copy()
        drivers[name][month] = value  # may raise: a value no float holds
    return Scenario(start=S14.start, drivers=drivers, roles=S14.roles, id="hostile")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(supply=st.dictionaries(st.sampled_from(KEYS), HOSTILE_NUMBERS, max_size=len(KEYS)),
       drivers=st.lists(st.tuples(st.sampled_from(DRIVERS), st.integers(0, 11), HOSTILE_NUMBERS), max_size=4),
       scenario_supply=st.booleans())
def test_only_shoporg_errors_escape_and_every_payroll_adds_up(supply, drivers, scenario_supply):
    try:
        try:
            scenario = _scenario(drivers)
        except OverflowError:  # the test's own array: a value no float can hold never reaches shoporg
            scenario = _scenario([])
        scenario = Scenario(start=scenario.start, drivers=scenario.drivers, roles=scenario.roles,
                            supply={**BLANKS, **supply} if scenario_supply else BLANKS)
        pr = payroll(D14, scenario, supply=None if scenario_supply else supply)
    except ShopOrgError:
        return
    lines = pr.lines
    for col in ("accrued_fen", "paid_fen"):
        assert lines[col].dtype == np.int64
        exact = sum(int(x) for x in lines[col])  # Python ints: no wrap possible
        assert exact == int(lines[col].sum()) == round(pr.total(col[:-4]) * 100)
        by_month = pr.by_month()[col]
        assert sum(int(x) for x in by_month) == exact
        for month, value in by_month.items():
            assert int(value) == sum(int(x) for x in lines.loc[lines.month == month, col])
    assert all(abs(int(x)) <= MAX_FEN for x in lines.accrued_fen)
