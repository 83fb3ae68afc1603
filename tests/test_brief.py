"""The client brief: absolute volumes and a list of peaks make the twelve months; the form
builds, saves and opens them; the workbook costs every tab on what the brief built."""

import numpy as np
import pytest

import shoporg
from shoporg.brief import Brief, Peak
from shoporg.errors import (
    DesignFileError,
    DesignValidationError,
    FileExistsRefusedError,
    error_text,
)
from shoporg.io.brief_io import read_brief, write_brief
from shoporg.io.scenario_io import read_scenario
from shoporg.widgets import Workbook
from shoporg.widgets.brief import BriefForm

D14 = shoporg.templates_dir() / "scenarios" / "d14-double11.yaml"


def test_daily_volumes_follow_the_calendar_and_the_peaks():
    b = Brief(orders=1000, orders_per="day", order_value=150, chats=2000, chats_per="day", start="2028-01",
              peaks=[Peak(name="618", month=6, factor=1.8), Peak(name="双11", month=11, factor=3)],
              complaints_per_month=40, negative_reviews_per_month=2, incident_months=[11])
    s = b.scenario()
    days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]  # 2028 is a leap year
    peak = [1, 1, 1, 1, 1, 1.8, 1, 1, 1, 1, 3, 1]
    assert s.driver("orders").tolist() == [1000 * d * f for d, f in zip(days, peak)]
    assert s.driver("orders_picked").tolist() == s.driver("orders").tolist()
    assert s.driver("revenue").tolist() == [150 * 1000 * d * f for d, f in zip(days, peak)]
    assert s.driver("consultations")[10] == 2000 * 30 * 3
    assert s.driver("complaints")[5] == pytest.approx(72)  # 40 a month × 1.8 in June
    assert s.driver("negative_reviews").tolist() == [2] * 12  # a count, not scaled by a peak
    assert s.driver("store_incidents").tolist() == [0] * 10 + [1, 0]
    assert s.months[0] == "2028-01"


def test_a_brief_made_from_the_shipped_scenario_gives_its_volumes_back():
    s = read_scenario(D14)
    b = Brief.from_scenario(s)
    again = b.scenario()
    for name in ("orders", "orders_picked", "orders_shipped", "revenue", "consultations", "complaints"):
        assert np.allclose(again.driver(name), s.driver(name)), name
    assert again.driver("store_incidents").tolist() == s.driver("store_incidents").tolist()


@pytest.mark.parametrize("fields, where, zh", [
    ({"service_hours": ("9点", "24:00")}, "service_hours", "时间须写成 时:分"),
    ({"service_hours": ("22:00", "09:00")}, "service_hours", "须早于结束时间"),
    ({"incident_months": [13]}, "incident_months", "月份须为 1–12"),
    ({"peaks": [Peak(name="双11", month=11, factor=3), Peak(name="黑五", month=11, factor=1.5)]}, "", "11月有两个大促"),
    ({"orders": -5}, "orders", "不小于 0"),
    ({"orders": float("nan")}, "orders", ""),
])
def test_a_bad_brief_is_refused_with_its_place(fields, where, zh, tmp_path):
    good = Brief(orders=100, order_value=100).model_dump(mode="json")
    bad = dict(good, **{k: (v if k != "peaks" else [p.model_dump() for p in v]) for k, v in fields.items()})
    path = tmp_path / "brief.yaml"
    text = write_brief(Brief(orders=100, order_value=100), path).read_text(encoding="utf-8")
    import yaml
    data = yaml.safe_load(text)
    data["brief"] = bad
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DesignValidationError) as e:
        read_brief(path)
    problem = e.value.problems[0]
    assert problem.file == str(path) and problem.line is not None
    assert problem.location.startswith(f"brief.{where}".rstrip("."))
    assert zh in error_text(e.value, "zh")


def test_the_brief_file_is_a_scenario_file_that_keeps_its_brief(tmp_path):
    b = Brief(client="某旗舰店", orders=900, orders_per="day", order_value=199, chats=1200,
              peaks=[Peak(name="双11", month=11, factor=2.5)], service_hours=("08:30", "23:00"))
    path = write_brief(b, tmp_path / "brief.yaml")
    assert read_brief(path) == b
    s = read_scenario(path)
    assert s.driver("orders").tolist() == b.scenario().driver("orders").tolist()
    assert s.name.zh == "某旗舰店 · 客户需求"
    assert "orders: 27900" in path.read_text(encoding="utf-8")  # the months written out, as counted
    with pytest.raises(FileExistsRefusedError):
        write_brief(b, path)
    with pytest.raises(DesignFileError, match="keeps no brief"):
        read_brief(D14)
    assert b.service_hours_per_day == 14.5


def test_the_form_builds_saves_and_opens(tmp_path):
    form = BriefForm(lang="zh", folder=tmp_path)
    got = []
    form.on_apply = got.append
    form.set(client="某旗舰店", orders=1000, orders_per="day", order_value=180, chats=1500, chats_per="day",
             service_hours=("09:00", "24:00"))
    form.add_peak("618", 6, 1.8)
    form.add_peak("双11", 11, 3)
    s = form.apply()
    assert got == [s] and s.driver("orders")[10] == 1000 * 30 * 3
    assert "90,000" in form.table.value and "订单数" in form.table.value and "11月" in form.table.value
    form.peaks[0][3].click()  # remove 618
    assert [r[0].value for r in form.peaks] == ["双11"]
    form.set(service_hours=("9点", "24:00"))
    assert form.apply() is None and form.scenario is s  # the last good one stays
    assert "时间须写成" in form.notes["service_hours"].value and "service_hours" in form.messages
    form.set(service_hours=("09:00", "22:00"))
    form.file.value = "client.yaml"
    path = form.save()
    assert path == tmp_path / "client.yaml" and read_brief(path).service_hours == ("09:00", "22:00")
    assert form.save() is None and "已存在" in form.message.value  # never over a file unless ticked
    other = BriefForm(lang="en", folder=tmp_path)
    other.file.value = "client.yaml"
    assert other.open().driver("orders").tolist() == read_brief(path).scenario().driver("orders").tolist()
    assert other.fields["client"].value == "某旗舰店" and [r[0].value for r in other.peaks] == ["双11"]


def test_in_the_web_app_the_form_writes_only_into_its_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPORG_APP_EXPORTS", str(tmp_path))
    form = BriefForm(Brief(orders=10, order_value=10), lang="en")
    for name in ("../x.yaml", "/etc/x.yaml", "~/x.yaml"):
        form.file.value = name
        assert form.save() is None and "file name only" in form.message.value
    form.file.value = "ok.yaml"
    assert form.save() == tmp_path / "ok.yaml"


def test_the_workbook_costs_every_tab_on_the_brief():
    s = read_scenario(D14)
    wb = Workbook(scenario=s, show_chart=False)
    assert wb.tabs.selected_index == 0 and wb.tabs.titles[0] == "1 客户需求"
    assert wb.scenario is s  # shown in the brief, not replaced until it is applied
    before = wb.designer.monthly_payroll
    assert wb.brief.fields["orders"].value == 3000 and [r[0].value for r in wb.brief.peaks] == ["双11"]
    wb.brief.set(orders=20000)
    wb.brief.apply()
    assert wb.scenario.driver("orders")[0] == 20000
    assert wb.scenario.supply == s.supply  # the blank rates the shipped scenario fills carry over
    assert wb.scenario.roles["sales_cs"]["attainment"].tolist() == s.roles["sales_cs"]["attainment"].tolist()
    assert wb.designer.monthly_payroll > before  # more orders, more piece pay
    wb.tabs.selected_index = 2
    assert wb.explorer.scenario.driver("orders")[0] == 20000
    wb.set_lang("en")
    assert wb.brief.fields["orders"].value == 20000 and wb.tabs.titles[0] == "1 Brief"


def test_the_workbook_opens_on_the_brief_and_draws_the_other_tabs_when_opened():
    import matplotlib

    matplotlib.use("Agg")
    wb = Workbook(scenario=read_scenario(D14), show_chart=True)
    assert wb.designer.chart.outputs == () and wb.comparer.result is None  # nothing drawn for a closed tab
    wb.tabs.selected_index = 1
    assert wb.designer.chart.outputs[0]["data"]["image/png"]
    wb.designer.set_headcount("picker", 3)
    drawn = wb.designer.chart.outputs[0]["data"]["image/png"]
    wb.tabs.selected_index = 3
    assert float(wb.comparer.result.loc["people"].iloc[-1]) == 1  # compared when opened
    wb.tabs.selected_index = 1
    assert wb.designer.chart.outputs[0]["data"]["image/png"] == drawn  # not redrawn for nothing


def test_a_city_in_the_brief_prices_employer_contributions_in_every_tab(tmp_path):
    b = Brief(city="上海", orders=3000, order_value=180)
    assert b.scenario().employment == {"city": "上海"}
    path = write_brief(b, tmp_path / "sh.yaml")
    assert read_scenario(path).employment == {"city": "上海"}  # the file keeps it
    wb = Workbook(scenario=read_scenario(D14), show_chart=False)
    assert ("上海", "上海") in wb.brief.fields["city"].options
    wb.brief.set(city="上海")
    wb.brief.apply()
    wb.tabs.selected_index = 2
    pr = shoporg.payroll(wb.designer.design, wb.scenario)
    summary = wb.explorer.summary.value
    assert f"全年人工成本（含单位社保公积金）</th><td>{shoporg.fmt.yuan(pr.chain_total('labour_cost'), cents=True)}" in summary
    assert "全年实发工资" in summary and pr.chain_total("labour_cost") > pr.total()


def test_the_volumes_tab_lists_the_compliance_findings():
    wb = Workbook(scenario=read_scenario(D14), show_chart=False)
    wb.brief.set(city="上海")
    wb.brief.apply()
    wb.tabs.selected_index = 2
    summary = wb.explorer.summary.value
    assert "合规检查" in summary and "售后客服：36个人月低于上海最低工资2,740.00元" in summary
