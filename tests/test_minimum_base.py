"""Raising base pay to the city's minimum wage: the smallest rise (in tens of yuan) after
which no person-month is below it, found by the payroll's own compliance finding."""

import dataclasses

import pytest

import shoporg
from shoporg.employment.minimum_base import lift_to_minimum_wage, with_base_rise


@pytest.fixture(scope="module")
def shanghai(d14_scenario_module):
    return dataclasses.replace(d14_scenario_module, employment={"city": "上海"})


@pytest.fixture(scope="module")
def d14_scenario_module():
    return shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")


def _below(design, scenario):
    found = shoporg.payroll(design, scenario).findings()
    return set(found.loc[found["check"] == "minimum_wage", "role"])


def test_every_rise_is_the_smallest_that_lifts_its_role(shanghai):
    d14 = shoporg.load_template("seed-14-basic-22")
    before = _below(d14, shanghai)
    assert before == {"sales_cs", "aftersales_cs", "copywriter", "admin_finance"}  # bases of 1,600-3,200 yuan
    lifted, rises = lift_to_minimum_wage(d14, shanghai)
    assert set(rises) == before and not _below(lifted, shanghai)
    for rid, rise in rises.items():
        assert rise > 0 and rise % 10 == 0
        one_less = with_base_rise(lifted, rid, -10)  # ten yuan less leaves the role below again
        assert rid in _below(one_less, shanghai)
    for r in d14.roles:  # the other roles keep their pay
        if r.id not in rises:
            assert lifted.role(r.id).pay == r.pay


def test_a_range_moves_as_a_whole_and_the_payroll_rises_by_the_rises(shanghai):
    d14 = shoporg.load_template("seed-14-basic-22")
    lifted, rises = lift_to_minimum_wage(d14, shanghai)
    low, high = d14.role("sales_cs").pay[0].monthly
    assert lifted.role("sales_cs").pay[0].monthly == (low + rises["sales_cs"], high + rises["sales_cs"])
    gross = shoporg.payroll(lifted, shanghai).chain_total("gross") - shoporg.payroll(d14, shanghai).chain_total("gross")
    people = {r.id: float(r.headcount) for r in d14.roles}
    assert gross == pytest.approx(12 * sum(rise * people[rid] for rid, rise in rises.items()), abs=0.01)


def test_without_a_city_nothing_is_lifted(d14_scenario_module):
    d14 = shoporg.load_template("seed-14-basic-22")
    assert lift_to_minimum_wage(d14, d14_scenario_module) == (d14, {})
