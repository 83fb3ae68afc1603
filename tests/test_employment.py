"""Parameter packs, contributions and the chain from gross pay to employment cost and net pay."""

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import shoporg
import shoporg.employment.params as params
from shoporg.employment.chain import chain
from shoporg.employment.contributions import contribution_base, share_fen
from shoporg.employment.params import EmploymentError, load_pack, read_pack
from shoporg.employment.terms import resolve_terms

PACKS = Path(__file__).parent / "params" / "cn"
CITY = load_pack("测试市", root=PACKS)
YEAR = [f"2026-{m:02d}" for m in range(1, 13)]
TERMS = resolve_terms(CITY, YEAR)


@pytest.fixture
def test_packs(monkeypatch):
    monkeypatch.setattr(params, "pack_dir", lambda: PACKS)


# -- packs --------------------------------------------------------------------------------

def test_a_city_by_chinese_or_pinyin_with_the_national_pack_beneath():
    assert load_pack("testcity", root=PACKS).region.zh == "测试市"
    fact = CITY.fact("tax.basic_deduction_monthly", on="2026-03")
    assert fact.value == 5000 and fact.region.zh == "全国" and fact.source.number == "第六条"


@given(st.dates(dt.date(2023, 7, 1), dt.date(2030, 12, 31)))
def test_a_lookup_picks_the_value_in_force(day):
    fact = CITY.fact("minimum_wage.monthly", on=day)
    assert fact.value == (2690 if day < dt.date(2025, 7, 1) else 2740)
    assert fact.effective_from <= day and (fact.effective_to is None or day <= fact.effective_to)


def test_unknown_key_region_or_period_names_what_exists():
    with pytest.raises(EmploymentError, match="minimum_wage.monthly"):
        CITY.fact("minimum_wage.montly", on="2026-01")
    with pytest.raises(EmploymentError, match="2023-07-01"):
        CITY.fact("minimum_wage.monthly", on="2020-01-01")
    with pytest.raises(EmploymentError, match="testcity"):
        load_pack("火星", root=PACKS)


def test_overlapping_periods_and_bad_dates_are_located(tmp_path):
    text = (PACKS / "testcity.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("effective_to: 2025-06-30", "effective_to: 2025-07-01", 1), encoding="utf-8")
    with pytest.raises(EmploymentError) as e:
        read_pack(bad)
    assert "values['minimum_wage.monthly'][1].effective_from" in str(e.value) and str(bad) in str(e.value)
    bad.write_text(text.replace("effective_from: 2023-07-01", "effective_from: 2023/07/01", 1), encoding="utf-8")
    with pytest.raises(EmploymentError, match="minimum_wage.monthly"):
        read_pack(bad)


# -- contributions ------------------------------------------------------------------------

def test_contributions_clamped_at_the_floor_and_the_cap():
    # 2026: floor 7,460 and cap 37,302 (from July 2025); pension 16% employer
    base = contribution_base(np.array([300000, 1000000, 9000000]), floor=746000, cap=3730200)
    assert base.tolist() == [746000, 1000000, 3730200]
    assert share_fen(base, 0.16).tolist() == [119360, 160000, 596832]   # 7,460 × 16% = 1,193.60; 37,302 × 16%


def test_the_base_switches_at_the_adjust_month():
    terms = resolve_terms(CITY, [f"2025-{m:02d}" for m in range(1, 13)])
    assert terms.base_floor.tolist() == [731000] * 6 + [746000] * 6
    assert terms.base_cap.tolist() == [3654900] * 6 + [3730200] * 6


def test_housing_fund_rate_is_checked_against_the_citys_range():
    resolve_terms(CITY, YEAR, housing_fund_rate=0.07)
    with pytest.raises(EmploymentError, match="0.05"):
        resolve_terms(CITY, YEAR, housing_fund_rate=0.12)


def test_part_time_is_insured_for_work_injury_only():
    gross = np.full((12, 1), 300000, dtype=np.int64)
    c = chain(gross, gross, TERMS, hire="part_time")
    assert int(c["employer_contributions"][0, 0]) == int(c["employer_work_injury"][0, 0]) == (746000 * 16 + 5000) // 10000  # 7,460 × 0.16% = 11.936 → 11.94
    assert int(c["employee_contributions"].sum()) == 0 and int(c["housing_fund_employer"].sum()) == 0


def test_agency_fee_is_its_share_of_what_it_passes_on():
    gross = np.full((12, 1), 1000000, dtype=np.int64)
    own, agency = chain(gross, gross, TERMS), chain(gross, gross, TERMS, hire="agency", agency_share=0.08)
    passed = int(own["labour_cost"][0, 0])
    assert int(agency["agency_fee"][0, 0]) == round(passed * 0.08)
    assert int(agency["labour_cost"][0, 0]) == passed + int(agency["agency_fee"][0, 0])


# -- properties of the chain --------------------------------------------------------------

wages = st.lists(st.integers(0, 10_000_000), min_size=12, max_size=12)


@settings(max_examples=60, deadline=None)
@given(wages, st.integers(0, 300_000), st.sampled_from(["actual", "floor"]), st.integers(0, 5_000_000))
def test_net_is_gross_less_contributions_and_tax_and_cost_is_at_least_gross(months, special, rule, raise_by):
    gross = np.array(months, dtype=np.int64)[:, None]
    c = chain(gross, gross, TERMS, rule=rule, special_fen=special)
    assert (c["net"] == c["gross"] - c["employee_contributions"] - c["tax"]).all()
    assert (c["labour_cost"] >= c["gross"]).all()
    more = chain(gross + raise_by, gross + raise_by, TERMS, rule=rule, special_fen=special)
    for col in ("labour_cost", "employee_contributions", "tax", "employer_contributions"):
        assert more[col].sum() >= c[col].sum()
    assert more["gross"].sum() - more["net"].sum() >= c["gross"].sum() - c["net"].sum()


# -- the payroll and the sweep ------------------------------------------------------------

def _d14():
    d = shoporg.load_template("seed-14-basic-22")
    s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    return d, s


def test_every_payroll_line_carries_the_chain(test_packs):
    d, s = _d14()
    pr = shoporg.payroll(d, s, city="测试市")
    acc = pr.chain[pr.chain.view == "accrued"]
    lines = pr.lines.groupby(["month", "role", "person"])["accrued_fen"].sum()
    assert (acc.set_index(["month", "role", "person"])["gross_fen"].reindex(lines.index) == lines).all()
    sm = pr.summary()
    assert sm.loc["accrued", "gross"] == pr.total("accrued") and sm.loc["paid", "gross"] == pr.total("paid")
    assert sm.loc["accrued", "labour_cost"] == pytest.approx(
        sm.loc["accrued", "gross"] + sm.loc["accrued", "employer_contributions"]
        + sm.loc["accrued", "housing_fund_employer"], abs=0.001)
    by_role = pr.by_role()
    assert int(round(by_role["labour_cost"].sum() * 100)) == int(acc["labour_cost_fen"].sum())


def test_the_sweep_computes_the_same_chain_to_the_fen(test_packs):
    d, s = _d14()
    runs = [s.with_drivers(orders_picked=s.driver("orders_picked") * k) for k in (0.5, 1.0, 3.0)]
    sweep = shoporg.payroll_sweep(d, runs, city="测试市")
    for i, run in enumerate(runs):
        pr = shoporg.payroll(d, run, city="测试市")
        for col in ("gross", "labour_cost", "net", "tax", "employer_contributions"):
            assert int(sweep.loc[i, f"{col}_fen"]) == int(pr.chain.loc[pr.chain.view == "accrued", f"{col}_fen"].sum())
        assert int(sweep.loc[i, "net_paid_fen"]) == int(pr.chain.loc[pr.chain.view == "paid", "net_fen"].sum())


def test_the_old_on_cost_is_read_as_a_custom_pack_with_the_same_numbers():
    d, s = _d14()
    d = d.replace(on_cost={"rate": 0.3, "base_floor": 4000, "base_cap": 30000})
    pr = shoporg.payroll(d, s)
    oc = pr.lines[pr.lines.kind == "on_cost"]["accrued_fen"].sum()
    acc = pr.chain[pr.chain.view == "accrued"]
    assert int(acc["employer_contributions_fen"].sum()) == int(oc)
    assert pr.chain_total("labour_cost") == pr.total()


def test_a_scenario_overrides_the_design_block(test_packs, tmp_path):
    d, s = _d14()
    d = d.replace(employment={"city": "测试市", "housing_fund_rate": 0.05})
    text = (shoporg.templates_dir() / "scenarios" / "d14-double11.yaml").read_text(encoding="utf-8")
    f = tmp_path / "s.yaml"
    f.write_text(text + "employment: {housing_fund_rate: 0.07, roles: {picker: {hire: agency, agency_share: 0.1}}}\n",
                 encoding="utf-8")
    pr5, pr7 = shoporg.payroll(d, s), shoporg.payroll(d, shoporg.read_scenario(f))
    fund5, fund7 = pr5.chain_total("housing_fund_employer"), pr7.chain_total("housing_fund_employer")
    assert fund7 == pytest.approx(fund5 * 7 / 5, rel=1e-4)
    assert pr7.chain_total("agency_fee") > 0 == pr5.chain_total("agency_fee")


def test_an_outsourced_role_costs_its_unit_price(test_packs):
    d, s = _d14()
    d = d.replace(employment={"city": "测试市", "roles": {"sales_cs": {"hire": "outsourced", "unit_price": 1.5,
                                                                       "driver": "consultations"}}})
    pr = shoporg.payroll(d, s)
    cs = pr.chain[(pr.chain.view == "accrued") & (pr.chain.role == "sales_cs")]
    assert int(cs["labour_cost_fen"].sum()) == round(1.5 * s.driver("consultations").sum() * 100)
    assert int(cs["gross_fen"].sum()) == 0
