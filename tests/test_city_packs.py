"""The shipped city packs price a 2026 plan: design 14 under its Double 11 scenario, with
``employment: {city: X}``, for every month of 2026.

Checked by hand for one after-sales agent (gross 1,840 a month, below every city's
contribution floors, so every base is the floor):

| city | pension base floor × 16 % (Jan / Jul 2026) | housing fund floor × 5 % (the city's lowest rate) |
|---|---|---|
| 北京 | 7,162 × 16 % = 1,145.92 / 7,270 × 16 % = 1,163.20 (base year from July) | 2,420 × 5 % = 121.00 |
| 杭州 | 4,986 × 16 % = 797.76 (the 2025 floor, carried into 2026) | 2,660 × 5 % = 133.00 |
| 广州 | 5,510 × 16 % = 881.60 (2025 year, carried from July 2026) | 2,500 × 5 % = 125.00 |
| 深圳 | 4,775 × 16 % = 764.00 (2025 year, carried from July 2026) | 2,520 × 5 % = 126.00 |
| 苏州 | 4,952 × 16 % = 792.32 (the 2025 floor, carried into 2026) | 2,490 × 5 % = 124.50 (carried) |
"""

from functools import lru_cache

import pytest

import shoporg
from shoporg.employment.params import as_date, load_pack, pack_dir, read_pack, regions
from shoporg.employment.terms import _base_year_day
from shoporg.io.yaml_io import design_from_dict, design_to_dict

SCENARIO = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
YEAR = [f"2026-{m:02d}" for m in range(1, 13)]

#: city → (employer pension in fen for 2026-01 and 2026-07, employer housing fund in fen), by hand above.
BY_HAND = {
    "北京": (114592, 116320, 12100),
    "杭州": (79776, 79776, 13300),
    "广州": (88160, 88160, 12500),
    "深圳": (76400, 76400, 12600),
    "苏州": (79232, 79232, 12450),
}


@lru_cache(maxsize=None)
def chain_for(city):
    data = design_to_dict(shoporg.load_template("seed-14-basic-22")) | {"employment": {"city": city}}
    pr = shoporg.payroll(design_from_dict(data), SCENARIO)
    return pr.chain[pr.chain.view == "accrued"]


@pytest.mark.parametrize("path", sorted(pack_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_pack_reads(path):
    pack, where = read_pack(path)
    assert where == str(path) and pack.values
    merged = load_pack(path.stem)
    assert merged.region.zh == pack.region.zh
    for key, values in pack.values.items():
        assert all(v.source.issuer and v.source.document for v in values), key


def test_the_design_14_scenario_is_the_year_2026():
    assert list(SCENARIO.months) == YEAR
    assert set(BY_HAND) <= {load_pack(c).region.zh for c in regions() if c != "national"}


@pytest.mark.parametrize("city", sorted(BY_HAND))
def test_design_14_prices_every_month_of_2026(city):
    acc = chain_for(city)
    assert sorted(acc.month.unique()) == YEAR
    fen = [c for c in acc.columns if c.endswith("_fen")]
    assert not acc[fen].isna().any().any()
    by_month = acc.groupby("month")[["gross_fen", "labour_cost_fen"]].sum()
    assert (by_month.labour_cost_fen > by_month.gross_fen).all()      # 人工成本 > 应发, every month
    paid = acc[acc.gross_fen > 0]
    assert (paid.labour_cost_fen > paid.gross_fen).all()               # and for every person-month
    assert (acc.employer_pension_fen > 0).all() and (acc.employer_unemployment_fen > 0).all()


@pytest.mark.parametrize("city", sorted(BY_HAND))
def test_one_agents_contributions_at_the_floors_by_hand(city):
    january, july, fund = BY_HAND[city]
    agent = chain_for(city).query("role == 'aftersales_cs' and person == 1").set_index("month")
    assert agent.loc["2026-01", "gross_fen"] == 184000                # 1,700 base + 140 piece pay
    assert agent.loc["2026-01", "employer_pension_fen"] == january
    assert agent.loc["2026-07", "employer_pension_fen"] == july
    assert agent.loc["2026-01", "housing_fund_employer_fen"] == fund
    # the same figures from the pack: the floor of the base year times the rate in force
    pack = load_pack(city)
    adjust = pack.fact("social_insurance.base.adjust_month", "2026-01").value
    for month, expected in (("2026-01", january), ("2026-07", july)):
        floor = pack.fact("social_insurance.base.floor", _base_year_day(month, adjust)).value
        rate = pack.fact("social_insurance.pension.employer", as_date(month)).value
        assert round(floor * rate * 100) == expected
    floor = pack.fact("housing_fund.base.floor", _base_year_day("2026-01", adjust)).value
    assert round(floor * pack.fact("housing_fund.rate_min", "2026-01").value * 100) == fund
