"""The health check carries the overtime and probation findings beside the minimum wage."""

import shoporg

D14 = shoporg.load_template("seed-14-basic-22")
SCENARIO = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")


def test_overtime_over_the_monthly_cap_is_a_health_finding():
    pay = list(D14.role("picker").model_dump()["pay"]) + [{"kind": "overtime", "workday": 50}]
    d = D14.with_role_changes("picker", pay=pay).replace(employment={"city": "上海"})
    h = shoporg.health(d, scenario=SCENARIO)
    row = h[(h.check == "overtime.month_cap") & (h.role == "picker")]
    assert len(row) == 1 and "50小时" in row.iloc[0]["message"] and "36小时" in row.iloc[0]["message"]
    assert row.iloc[0]["severity"] == "error" and "劳动法第四十一条" in row.iloc[0]["rule"]
    ok = D14.with_role_changes("picker", pay=pay[:-1] + [{"kind": "overtime", "workday": 20}]).replace(
        employment={"city": "上海"})
    assert not shoporg.health(ok, scenario=SCENARIO).check.str.startswith("overtime").any()
