"""Minimum-wage findings for design 14 under its shipped scenario, in every shipped city.

By hand, at the low end of base ranges: the after-sales agents (3 people) earn a base of 1,700
plus their piece pay shared three ways: (45 complaints × 2 + 6 reviews withdrawn × 5 + 300
follow-ups × 1) ÷ 3 = 140 a month, 350 in November (volumes × 2.5): 1,840 and 2,050, below
every city's monthly minimum, so 36 person-months. The pickers' 1,500 base is raised by the
pooled piece pay (3,000 orders × 2 ÷ 2 pickers = 3,000) to 4,500: never flagged.
"""

import re

import pytest

import shoporg
from shoporg.employment.params import EmploymentError, load_pack, regions

D14 = shoporg.load_template("seed-14-basic-22")
SCENARIO = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
CITIES = [c for c in regions() if c != "national"]


def minimum_in_force(city):
    return [load_pack(city).get("minimum_wage.monthly", m) for m in SCENARIO.months]


@pytest.mark.parametrize("city", CITIES)
def test_minimum_wage_findings_for_design_14(city):
    minima = minimum_in_force(city)
    if any(f is None for f in minima):
        pytest.skip(f"the {city} pack has no minimum wage in force in 2026 yet")
    h = shoporg.health(D14, scenario=SCENARIO, city=city)
    found = h[h.check == "minimum_wage"].set_index("role")
    assert "picker" not in found.index and "shipper" not in found.index
    assert all(f.value > 2050 for f in minima)
    row = found.loc["aftersales_cs"]
    assert row["message"].startswith("36个人月低于")
    lowest = float(re.search(r"最低([\d,.]+)元", row["message"]).group(1).replace(",", ""))
    excludes = load_pack(city).get("minimum_wage.excludes", SCENARIO.months[0])
    try:
        pr = shoporg.payroll(D14, SCENARIO, city=city) if excludes and "employee_social_insurance" in excludes.value \
            else None
    except EmploymentError:  # the pack cannot price the whole chain: the check compares gross pay
        pr = None
    if pr is None or pr.chain is None:
        assert lowest == 1840  # gross pay, as the city counts it
    else:  # the city counts pay after the employee's own contributions: lower than 1,840
        assert lowest < 1840
    assert row["severity"] == "error" and row["source"] and row["verified"] in (True, False)


def test_the_finding_reads_in_english_with_its_rule():
    h = shoporg.health(D14, scenario=SCENARIO, city="上海", lang="en")
    row = h[(h.check == "minimum_wage") & (h.role == "aftersales_cs")].iloc[0]
    assert row["message"].startswith("36 person-months below Shanghai's minimum wage") and "Labour Law" in row["rule"]
