"""Overtime over the legal caps and probation below its floor, as findings with their source."""

import pytest

import shoporg
from shoporg.employment.compliance import FINDING_COLUMNS
from shoporg.employment.params import load_pack
from shoporg.staffing.labour_rules import findings_table, overtime_findings, overtime_over_caps, probation_findings

from .conftest import TEMPLATES

NATIONAL = load_pack("national")


def _design(tmp_path, role_line, extra):
    text = (TEMPLATES / "seed-14-basic-22.yaml").read_text(encoding="utf-8")
    line = "      - {kind: base, label: {zh: 底薪, en: Base pay}, " + role_line
    assert text.count(line) == 1
    path = tmp_path / "d.yaml"
    path.write_text(text.replace(line, line + "\n" + extra), encoding="utf-8")
    return shoporg.read_design(path)


@pytest.mark.parametrize("hours, codes", [(36, []), (36.5, ["overtime.month_cap"]), (100, ["overtime.month_cap"])])
def test_the_monthly_cap_is_36_hours(hours, codes):
    # Labor Law art. 41: extended hours at most 36 a month
    found = overtime_over_caps([[hours]], NATIONAL, months=["2026-11"], role="picker")
    assert [f.code for f in found] == codes
    for f in found:
        assert f.severity == "error" and f.verified and "中华人民共和国劳动法 第四十一条" in f.source
        assert f.message.text("zh") == f"本月加班{hours:g}小时，超过每月36小时的上限"


def test_the_daily_cap_is_3_hours():
    found = overtime_over_caps([[20, 20]], NATIONAL, months=["2026-11"], role="picker", daily=[[3, 3.5]])
    assert [(f.code, f.person) for f in found] == [("overtime.day_cap", 1)]
    assert "劳动法第四十一条" in found[0].rule.text("zh")


def test_overtime_components_of_a_design_are_judged_month_by_month(tmp_path):
    # storekeeper: 70 workday hours in November (3.36 h a day over 20.83 working days) and 30 otherwise
    d = _design(tmp_path, "monthly: 4000}", "      - {kind: overtime, wage_base: 4000, workday: ot_hours}")
    s = shoporg.load_scenario("d14-double11")
    hours = [30.0] * 10 + [70.0, 30.0]
    s = s.with_drivers(ot_hours=hours)
    found = overtime_findings(d, s, NATIONAL)
    assert [(f.code, f.month, f.role) for f in found] == [("overtime.month_cap", "2026-11", "storekeeper"),
                                                          ("overtime.day_cap", "2026-11", "storekeeper")]
    assert 70 / 20.83 > 3 and 30 / 20.83 < 3


def test_probation_below_the_minimum_wage_is_found(tmp_path):
    # Labor Contract Law art. 20: not below the local minimum wage. After-sales base 1,700 × 80% = 1,360,
    # below Shanghai's minimum wage in every month of 2026; the storekeeper's 4,000 × 80% = 3,200 is not.
    shanghai = load_pack("上海")
    d = _design(tmp_path, "monthly: 1700}", "      - {kind: probation, months: 3, share: 0.8}")
    s = shoporg.load_scenario("d14-double11")
    found = probation_findings(d, shanghai, s.months)
    floors = [shanghai.fact("minimum_wage.monthly", m).value for m in s.months]
    # three months of probation from the plan start: January to March
    assert [f.month for f in found] == [m for m, floor in zip(s.months[:3], floors) if 1360 < floor]
    assert len(found) == 3 and {f.role for f in found} == {"aftersales_cs"}
    f = found[0]
    assert f.code == "probation.minimum_wage"
    assert f.verified is shanghai.fact("minimum_wage.monthly", "2026-01").verified
    assert f.message.text("zh") == f"试用期工资1360元低于上海最低工资标准{floors[0]}元"
    table = findings_table(found, "en")  # the health check's shape: one row per role and check
    assert list(table.columns) == FINDING_COLUMNS and len(table) == 1
    assert table["message"].iloc[0] == f"probation pay of ¥1,360 is below the minimum wage of Shanghai, " \
                                       f"¥{floors[0]:,} (3 months, first Jan 2026)"
    assert "Labor Contract Law art. 20" in table["rule"].iloc[0] and table["severity"].iloc[0] == "error"
    assert len(findings_table(found, "en", by_month=True)) == 3
    d = _design(tmp_path, "monthly: 4000}", "      - {kind: probation, months: 3, share: 0.8}")
    assert probation_findings(d, shanghai, s.months) == []
    d = _design(tmp_path, "monthly: 1700}", "      - {kind: probation, months: 2, share: 0.8, start: 11}")
    assert [f.month for f in probation_findings(d, shanghai, s.months)] == ["2026-11", "2026-12"]
