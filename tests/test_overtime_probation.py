"""The overtime and probation pay kinds, followed through the payroll with numbers worked by hand."""

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
import yaml

import shoporg
from shoporg.errors import DesignValidationError
from shoporg.pay.kinds import PAY_KINDS
from shoporg.pay.kinds.overtime import MULTIPLIERS, PAID_DAYS_MONTH, hourly_wage
from shoporg.pay.kinds.probation import MIN_SHARE
from shoporg.scenario import Scenario

from .conftest import TEMPLATES

NATIONAL = TEMPLATES / "params" / "cn" / "national.yaml"


def _in_force(key, on=date(2026, 6, 1)):
    values = yaml.safe_load(NATIONAL.read_text(encoding="utf-8"))["values"][key]
    return next(v["value"] for v in values if v["effective_from"] <= on and (v.get("effective_to") or on) >= on)


def test_the_kinds_constants_are_the_national_packs():
    # Labor Law art. 44; 劳社部发〔2008〕3号; Labor Contract Law art. 20
    assert {k: float(v) for k, v in MULTIPLIERS.items()} == _in_force("overtime.multipliers")
    assert float(PAID_DAYS_MONTH) == _in_force("wage.paid_days_month")
    assert float(MIN_SHARE) == _in_force("probation.min_share")


def _design(tmp_path, extra: str, role_line="monthly: 4000}"):
    """Design 14 with ``extra`` components after the storekeeper's base pay (4,000 a month)."""
    text = (TEMPLATES / "seed-14-basic-22.yaml").read_text(encoding="utf-8")
    line = "      - {kind: base, label: {zh: 底薪, en: Base pay}, " + role_line
    assert text.count(line) == 1
    path = tmp_path / "d.yaml"
    path.write_text(text.replace(line, line + "\n" + extra), encoding="utf-8")
    return shoporg.read_design(path)


def _storekeeper(design, scenario):
    lines = shoporg.payroll(design, scenario).lines
    own = lines[lines.role == "storekeeper"]
    return own.pivot_table(index="kind", columns="month", values="accrued_fen", aggfunc="sum")


def test_overtime_pay_of_a_monthly_wage_by_day_type(tmp_path):
    # A monthly wage of 4,350 yuan: daily wage 4,350 ÷ 21.75 = 200, hourly 200 ÷ 8 = 25
    # (劳社部发〔2008〕3号: 日工资 = 月工资收入 ÷ 月计薪天数; 小时工资 = 月工资收入 ÷ (月计薪天数 × 8)).
    # Labor Law art. 44: 10 h on workdays at 150% = 375; 8 h on a rest day at 200% = 400;
    # 2 h on a statutory holiday at 300% = 150; in all 925 yuan.
    assert hourly_wage(4350) == 25
    d = _design(tmp_path, "      - {kind: overtime, wage_base: 4350, workday: 10, rest_day: rest_hours, holiday: 2}")
    s = Scenario.from_profile({"store_incidents": 0}, fixed={"rest_hours": 8},
                              overrides={"rest_hours": {"2026-05": 0}}, start="2026-01")
    s = shoporg.load_scenario("d14-double11").with_drivers(rest_hours=s.driver("rest_hours"))
    pay = _storekeeper(d, s)
    assert pay.loc["overtime", "2026-01"] == 92500
    # May without rest-day hours: 375 + 150
    assert pay.loc["overtime", "2026-05"] == 52500
    assert pay.loc["base", "2026-01"] == 400000  # the base is untouched


def test_overtime_from_an_expression_and_its_words(tmp_path):
    d = _design(tmp_path, "      - {kind: overtime, wage_base: 'revenue / 100', workday: 6}")
    s = shoporg.load_scenario("d14-double11")
    pay = _storekeeper(d, s)
    # revenue 540,000 → wage base 5,400 → hourly 5,400 ÷ 174 = 31.0345 → 6 h × 1.5 = 279.31
    assert pay.loc["overtime", "2026-01"] == round(5400 / 21.75 / 8 * 6 * 1.5 * 100)
    c = d.role("storekeeper").pay[1]
    assert PAY_KINDS["overtime"].text(c, "zh") == "加班工资 工作日延时6小时×150%，小时工资 = 营业额（元） / 100 ÷ 21.75 ÷ 8"
    assert PAY_KINDS["overtime"].minimum_wage_counts is False


def test_overtime_at_the_roles_base(tmp_path):
    # the storekeeper's base of 4,000: hourly 4,000 ÷ 21.75 ÷ 8 = 22.99; 6 workday hours × 150% = 206.90
    d = _design(tmp_path, "      - {kind: overtime, workday: 6}")
    pay = _storekeeper(d, shoporg.load_scenario("d14-double11"))
    assert pay.loc["overtime", "2026-01"] == round(4000 / 21.75 / 8 * 6 * 1.5 * 100)


def test_half_time_overtime_is_paid_at_the_full_time_hourly_wage(tmp_path):
    # a 0.5 FTE storekeeper earns 2,000 of the 4,000 base, but an hour is worth the same 4,000 ÷ 174
    d = _design(tmp_path, "      - {kind: overtime, workday: 6}")
    d = d.with_headcount("storekeeper", 0.5)
    pay = _storekeeper(d, shoporg.load_scenario("d14-double11"))
    assert pay.loc["base", "2026-01"] == 200000
    assert pay.loc["overtime", "2026-01"] == round(4000 / 21.75 / 8 * 6 * 1.5 * 100)


def test_overtime_at_the_base_of_a_role_without_one_is_refused(tmp_path):
    text = (TEMPLATES / "seed-14-basic-22.yaml").read_text(encoding="utf-8")
    line = "      - {kind: base, label: {zh: 底薪, en: Base pay}, monthly: 4000}"
    path = tmp_path / "d.yaml"
    path.write_text(text.replace(line, "      - {kind: overtime, workday: 6}"), encoding="utf-8")
    with pytest.raises(shoporg.errors.ShopOrgError, match="the role has none"):
        shoporg.payroll(shoporg.read_design(path), shoporg.load_scenario("d14-double11"))


def test_probation_pays_the_share_in_the_first_months(tmp_path):
    # Labor Contract Law art. 20: at least 80% of the agreed wage. 85% of 4,000 for two
    # months from plan month 11: −600 in November and December, nothing before.
    d = _design(tmp_path, "      - {kind: probation, months: 2, share: 0.85, agreed: base, start: 11}")
    c = d.role("storekeeper").pay[1]
    assert PAY_KINDS["probation"].text(c, "zh") == "试用期工资 前2个月按约定工资的85%发放（自计划第11个月起）"
    pay = _storekeeper(d, shoporg.load_scenario("d14-double11"))
    assert pay.loc["probation"].tolist() == [0] * 10 + [-60000, -60000]
    assert pay.loc["base"].sum() + pay.loc["probation"].sum() == 12 * 400000 - 2 * 60000
    d = _design(tmp_path, "      - {kind: probation, months: 2, share: 0.85, agreed: 5000, start: 11}")
    pay = _storekeeper(d, shoporg.load_scenario("d14-double11"))
    assert pay.loc["probation"].tolist() == [0] * 10 + [-75000, -75000]  # 15% of an agreed 5,000


def test_probation_from_each_persons_start_month(tmp_path):
    # three after-sales agents at 1,700: one from the plan start, one from May, one who started
    # two months before the plan (start 0: one probation month left of three)
    d = _design(tmp_path, "      - {kind: probation, months: 3, share: 0.8, agreed: 1700, start: hired}",
                role_line="monthly: 1700}")
    s = shoporg.load_scenario("d14-double11")
    s = replace(s, roles={**s.roles, "aftersales_cs": {"hired": np.array([[1.0, 5.0, 0.0]] * 12)}})
    lines = shoporg.payroll(d, s).lines
    p = lines[(lines.role == "aftersales_cs") & (lines.kind == "probation")]
    by_person = p.pivot_table(index="person", columns="month", values="accrued_fen", aggfunc="sum")
    cut = -34000  # 20% of 1,700
    assert by_person.iloc[0].tolist() == [cut] * 3 + [0] * 9
    assert by_person.iloc[1].tolist() == [0] * 4 + [cut] * 3 + [0] * 5
    assert by_person.iloc[2].tolist() == [cut] * 2 + [0] * 10


@pytest.mark.parametrize("share, shown", [("0.79", "79%"), ("0.5", "50%")])
def test_a_probation_share_below_the_floor_is_refused_where_it_is(tmp_path, share, shown):
    with pytest.raises(DesignValidationError) as e:
        _design(tmp_path, f"      - {{kind: probation, months: 3, share: {share}}}")
    assert "roles[8].pay[1].share" in str(e.value)
    assert "Labor Contract Law art. 20" in str(e.value)
    assert f"share of {shown} is below the legal floor of 80%" in str(e.value)
    assert "劳动合同法第二十条" in e.value.text("zh")


def test_a_probation_longer_than_six_months_is_refused(tmp_path):
    # Labor Contract Law art. 19: at most six months
    with pytest.raises(DesignValidationError, match=r"roles\[8\]\.pay\[1\]\.months"):
        _design(tmp_path, "      - {kind: probation, months: 7, share: 0.8}")


def test_a_wage_base_that_is_no_expression_is_located(tmp_path):
    with pytest.raises(DesignValidationError, match=r"roles\[8\]\.pay\[1\]\.wage_base"):
        _design(tmp_path, "      - {kind: overtime, wage_base: 'revenue +', workday: 6}")
