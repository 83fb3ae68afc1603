"""The widget apps, driven in code: set ``.value``, call ``.click()``, check real results."""

import matplotlib

matplotlib.use("Agg")

import base64  # noqa: E402
import html  # noqa: E402
import re  # noqa: E402
from decimal import Decimal  # noqa: E402

import ipywidgets as w  # noqa: E402
import pytest  # noqa: E402

import shoporg  # noqa: E402
from shoporg.widgets import Comparer, Designer, Exporter, ScenarioExplorer  # noqa: E402


@pytest.fixture(scope="module")
def d14_scenario():
    return shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")


# -- Designer -------------------------------------------------------------------------------
def test_designer_picker_headcount_raises_first_month_by_one_base(d14_scenario):
    app = Designer(scenario=d14_scenario, show_chart=False)
    before = app.monthly_payroll
    assert before == shoporg.payroll(app.design, d14_scenario).by_month()["accrued"].iloc[0]
    app.set_headcount("picker", 3)
    assert app.design.role("picker").headcount == 3
    app.set_headcount("picker", 2.5)  # half steps are allowed
    assert app.design.role("picker").headcount == 2.5
    app.set_headcount("picker", 3)
    assert app.monthly_payroll - before == pytest.approx(1500.0, abs=0.005)
    assert "¥" in app.summary.value
    assert app.message.value == ""


def test_designer_undo_restores_original(d14):
    app = Designer(design=d14, show_chart=False)
    app.set_headcount("picker", 3)
    app.role.value = "copywriter"
    app.manager.value = "director"
    assert app.design.role("copywriter").reports_to == "director"
    assert len(app.history) == 2
    app.undo_button.click()
    app.undo_button.click()
    assert app.design == d14
    assert app.history == []
    app.undo_button.click()  # nothing left: no error, same design
    assert app.design == d14


def test_designer_negative_headcount_is_refused(d14):
    app = Designer(design=d14, show_chart=False)
    app.role.value = "picker"
    app.headcount.value = -1
    assert app.design == d14
    assert app.history == []
    assert "须不小于 0，实际为 -1" in html.unescape(app.message.value)
    assert app.headcount.value == 2  # the field shows the design again


def test_designer_cycle_is_refused(d14):
    app = Designer(design=d14, show_chart=False)
    app.role.value = "director"
    app.manager.value = "picker"
    assert app.design == d14
    assert "循环" in app.message.value


def test_designer_add_and_remove_role(d14):
    app = Designer(design=d14, show_chart=False, lang="en")
    app.role.value = "promo_manager"
    app.new_role_id.value = "live_host"
    app.new_role_name.value = "主播"
    app.add_button.click()
    assert app.design.role("live_host").reports_to == "promo_manager"
    assert ("主播", "live_host") in app.role.options and app.role.value == "live_host"
    app.remove_button.click()
    assert app.design == d14


def test_designer_template_dropdown_loads_template():
    app = Designer(show_chart=False)
    app.template.value = "seed-12-ordinary-shop"
    assert app.design.id == "seed-12-ordinary-shop"
    assert [value for _label, value in app.role.options] == list(app.design.role_ids)
    assert app.role.label == app.design.roles[0].name.zh
    app.undo_button.click()
    assert app.design.id == "seed-14-basic-22" and app.template.value == "seed-14-basic-22"


def test_designer_without_supply_shows_payroll_message(d14, d14_scenario):
    bare = shoporg.Scenario(start=d14_scenario.start, drivers=d14_scenario.drivers)
    app = Designer(design=d14, scenario=bare, show_chart=False, lang="en")
    assert app.monthly_payroll is None
    assert "Payroll cannot be computed" in app.summary.value
    assert Designer(design=d14, show_chart=False).monthly_payroll is None


def test_designer_save_refuses_overwrite_until_ticked(d14, tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("old", encoding="utf-8")
    app = Designer(design=d14, show_chart=False)
    app.set_headcount("picker", 3)
    app.save_path.value = str(path)
    app.save_button.click()
    assert path.read_text(encoding="utf-8") == "old"
    assert app.message.value != "" and "已保存" not in app.message.value
    app.overwrite.value = True
    app.save_button.click()
    assert "已保存" in app.message.value
    assert shoporg.read_design(path) == app.design


def test_designer_chart_and_widget(d14):
    app = Designer(design=d14)
    assert isinstance(app.chart, w.Output) and len(app.chart.outputs) == 1
    first = app.chart.outputs[0]["data"]["image/png"]
    app.set_headcount("picker", 3)
    assert len(app.chart.outputs) == 1
    assert app.chart.outputs[0]["data"]["image/png"] != first  # redrawn: the box says 3 people
    assert isinstance(app.widget, w.VBox)
    assert app.template.description == "模板"
    assert Designer(design=d14, show_chart=False, lang="en").template.description == "Template"


def test_designer_piece_rate_edit_moves_payroll_by_rate_times_orders(d14_scenario):
    app = Designer(scenario=d14_scenario, show_chart=False)
    before = app.monthly_payroll
    app.set_pay("picker", 1, "2.5")  # picker pay[1]: 2 yuan per order picked, pooled
    assert app.design.role("picker").pay[1].rate == Decimal("2.5")
    jan_orders = d14_scenario.driver("orders_picked")[0]
    assert app.monthly_payroll - before == pytest.approx(0.5 * jan_orders, abs=0.005)
    app.set_pay("picker", 0, "1500-1800")  # a base range
    assert app.design.role("picker").pay[0].monthly == (1500, 1800)
    assert app.pay_value.value == "1500-1800"


def test_designer_pay_errors_show_beside_the_pay_field(d14):
    app = Designer(design=d14, show_chart=False, lang="en")
    app.set_pay("picker", 1, "abc")
    assert app.message is app.messages["pay"] and "a number or a range" in app.message.value
    app.set_pay("picker", 1, "-3")
    assert "pay[1].rate: must be >= 0" in html.unescape(app.messages["pay"].value)
    assert app.design == d14 and app.history == []
    assert app.messages["headcount"].value == ""
    app.set_headcount("picker", -1)
    assert app.messages["pay"].value == "" and "must be >= 0" in html.unescape(app.messages["headcount"].value)


def test_designer_name_department_and_duties(d14):
    app = Designer(design=d14, show_chart=False)
    app.role.value = "copywriter"
    app.name.value = "文案策划"
    app.department.value = "customer_service"
    assert app.design.role("copywriter").name.zh == "文案策划"
    assert app.design.role("copywriter").name.en == d14.role("copywriter").name.en
    assert app.design.role("copywriter").department == "customer_service"
    n = len(d14.role("copywriter").duties)
    app.duty_area.value = "content.copywriting"
    app.duty_text.value = "撰写直播脚本"
    app.add_duty_button.click()
    duties = app.design.role("copywriter").duties
    assert len(duties) == n + 1 and (duties[-1].area, duties[-1].zh) == ("content.copywriting", "撰写直播脚本")
    app.duties.value = n
    app.remove_duty_button.click()
    assert len(app.design.role("copywriter").duties) == n
    app.add_duty_button.click()  # empty text: refused beside the duties
    assert "请填写职责内容" in app.messages["duties"].value
    for _ in range(4):
        app.undo_button.click()
    assert app.design == d14


def test_designer_merge_and_remove_with_reports(d14, d14_scenario):
    app = Designer(design=d14, scenario=d14_scenario, show_chart=False)
    app.role.value = "visual_editor"
    app.merge_button.click()
    assert "请选择要合并的岗位" in app.message.value
    app.merge_with.value = "copywriter"
    app.merge_button.click()
    merged = app.design.role("visual_editor")
    assert "copywriter" not in app.design.role_ids
    assert merged.headcount == 3 and merged.pay == d14.role("visual_editor").pay
    assert len(merged.duties) == len(d14.role("visual_editor").duties) + len(d14.role("copywriter").duties)
    assert app.design.headcount == d14.headcount
    # the copywriter's 3,200 base is now paid at the visual editor's 5,000
    first = shoporg.payroll(d14, d14_scenario).by_month()["accrued"].iloc[0]
    assert app.monthly_payroll - first == pytest.approx(5000 - 3200, abs=0.005)
    app.role.value = "storekeeper"  # has reports: they move up to the director
    app.remove_button.click()
    assert "storekeeper" not in app.design.role_ids
    assert app.design.role("picker").reports_to == "director"
    assert app.design.role("shipper").reports_to == "director"


def test_designer_summary_counts(d14):
    rows = dict(Designer(design=d14, show_chart=False, lang="en").summary_rows())
    assert rows == {"Roles": "11", "People": "22", "Layers": "3", "Widest span": "8",
                    "Duty areas covered": str(len({x.area for r in d14.roles for x in r.duties}))}


# -- ScenarioExplorer -------------------------------------------------------------------------
def test_explorer_cost_per_order_follows_orders_scale(d14, d14_scenario):
    app = ScenarioExplorer(d14, d14_scenario)
    assert app.peak_month.value == 11
    orders = d14_scenario.driver("orders").sum()
    # untouched sliders reproduce the file's scenario exactly
    assert app.cost_per_order == pytest.approx(shoporg.payroll(d14, d14_scenario).total() / orders, abs=1e-4)
    first = app.cost_per_order
    assert "应计" in app.table.value and "实付" in app.table.value
    app.orders_scale.value = 2.0
    assert app.cost_per_order != first
    assert app.scenario.driver("orders")[0] == pytest.approx(6000)
    assert app.scenario.driver("revenue")[0] == pytest.approx(2 * d14_scenario.driver("revenue")[0])
    app.orders_scale.value = 1.0
    assert app.cost_per_order == pytest.approx(first, abs=1e-4)


def test_explorer_peak_and_counts_keep_marked_months(d14, d14_scenario):
    app = ScenarioExplorer(d14, d14_scenario, lang="en")
    app.peak_month.value = 6
    app.peak_size.value = 2.0
    assert app.scenario.driver("orders")[5] == pytest.approx(6000)
    assert app.scenario.driver("orders")[10] == pytest.approx(7500)
    assert app.incidents.value == 0  # typical month; the file marks one incident in November
    app.incidents.value = 2
    assert app.scenario.driver("store_incidents").tolist() == [2.0] * 10 + [3.0, 2.0]
    assert app.negative_reviews.value == 1  # 0 in March, July and September
    app.negative_reviews.value = 0
    assert app.scenario.driver("negative_reviews").tolist() == [0.0] * 12
    assert "Accrued" in app.table.value
    assert isinstance(app.widget, w.VBox)


def test_explorer_order_value_and_chats(d14, d14_scenario):
    app = ScenarioExplorer(d14, d14_scenario)
    assert app.order_value.value == 180.0 and app.chats_per_order.value == 4.0  # 540,000 / 3,000; 12,000 / 3,000
    app.order_value.value = 200.0
    assert app.scenario.driver("revenue")[0] == pytest.approx(3000 * 200)
    assert app.scenario.driver("orders")[0] == pytest.approx(3000)
    app.chats_per_order.value = 6.0
    assert app.scenario.driver("consultations")[0] == pytest.approx(18000)
    # revenue bonuses grow with revenue: the year costs more at the higher order value
    assert app.payroll.total() > shoporg.payroll(d14, d14_scenario).total()


def test_explorer_staffing_gap_follows_volume(d14, d14_scenario):
    from shoporg.staffing import read_norms, recommend_headcount

    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    app = ScenarioExplorer(d14, d14_scenario, norms=norms, lang="en")
    rec = recommend_headcount(d14, d14_scenario, norms)
    assert app.gap == float(rec.loc[rec["method"] != "kept", "gap"].sum())
    assert list(app.staffing["role"]) == ["sales_cs", "aftersales_cs", "picker", "shipper"]
    before = app.gap
    app.orders_scale.value = 2.0
    assert app.gap > before
    assert "Staffing short" in app.summary.value and "sales_cs" not in app.summary.value
    assert ScenarioExplorer(d14, d14_scenario).staffing is None


# -- Comparer ---------------------------------------------------------------------------------
def test_comparer_columns_and_diff(d14, d12, d14_scenario):
    designs = {"现状": d14, "加拣货": d14.with_headcount("picker", 3), "普通网店": d12}
    app = Comparer(designs, scenario=d14_scenario)
    assert list(app.result.columns) == ["metric", "现状", "加拣货", "差异"]
    assert app.result.loc["people", "差异"] == 1
    assert "picker" in app.diff_table.value
    app.choice.value = ("现状", "加拣货", "普通网店")
    assert list(app.result.columns) == ["metric", "现状", "加拣货", "普通网店", "Δ 加拣货", "Δ 普通网店"]
    assert "<table" in app.table.value
    app.choice.value = ("现状",)
    assert app.result is None and app.table.value == ""
    assert "2 至 4" in app.message.value


def test_comparer_baseline_and_charts(d14, d14_scenario):
    import warnings

    more = d14.with_headcount("picker", 3)
    app = Comparer({"现状": d14, "加拣货": more}, scenario=d14_scenario)
    assert list(app.baseline.options) == ["现状", "加拣货"] and app.chosen == ["现状", "加拣货"]
    assert app.chart_kind.value == "cost" and len(app.chart.outputs) == 1
    first = app.chart.outputs[0]["data"]["image/png"]
    app.baseline.value = "加拣货"  # deltas now from the larger design, the diff runs backwards
    assert list(app.result.columns) == ["metric", "加拣货", "现状", "差异"]
    assert app.result.loc["people", "差异"] == -1
    assert app.diff_result["changes"].tolist() == ["headcount: 3 → 2"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing Chinese glyph would warn
        for kind in ("spans", "layers", "cost"):
            app.chart_kind.value = kind
            assert app.chart.outputs[0]["data"]["text/plain"] == f"<{kind} chart of 加拣货, 现状>"
    assert app.chart.outputs[0]["data"]["image/png"] != first  # the baseline comes first now
    no_pay = Comparer({"a": d14, "b": more}, lang="en")
    assert [v for _label, v in no_pay.chart_kind.options] == ["spans", "layers"]


# -- Exporter ---------------------------------------------------------------------------------
def test_exporter_writes_chosen_files(d14, d12, d14_scenario, tmp_path):
    app = Exporter({"a": d14, "b": d12}, scenario=d14_scenario, folder=tmp_path / "out")
    for fmt in ("md", "html", "csv", "xlsx"):
        app.formats[fmt].value = True
    app.lang.value = "en"
    app.export_button.click()
    names = sorted(p.name for p in app.written)
    # named from the options in the files' language: one option a file, or all of them
    assert names == ["Basic online-shop staffing and duties (a).csv", "Positions and duties of an ordinary online shop (b).csv",
                     "options.html", "options.md", "options.xlsx"]
    assert all(p.exists() and p.stat().st_size > 0 for p in app.written)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names
    assert 'download="options.md"' in app.links.value
    link = re.search(r'href="data:text/markdown;base64,([^"]+)"', app.links.value).group(1)
    assert base64.b64decode(link) == (tmp_path / "out" / "options.md").read_bytes()  # the file itself
    before = (tmp_path / "out" / "options.md").read_bytes()
    app.export_button.click()  # the files exist: kept, and said so
    assert app.written == [] and (tmp_path / "out" / "options.md").read_bytes() == before
    assert "options.md: 已存在" in app.links.value
    app.overwrite.value = True
    app.lang.value = "zh"
    app.export_button.click()
    assert "方案对比.xlsx" in [p.name for p in app.written] and len(app.written) == 5


def test_exporter_names_files_from_the_client_block(d14, tmp_path):
    from docx import Document

    option = d14.replace(name={"zh": "方案B", "en": "Option B"},
                         client={"client": "某旗舰店", "project": "客服中心组织设计", "consultant": "王敏"})
    app = Exporter([option, d14], folder=tmp_path)  # the first design's block fills the fields
    assert {k: b.value for k, b in app.client.items()} == {
        "client": "某旗舰店", "project": "客服中心组织设计", "consultant": "王敏", "version": ""}
    app.client["version"].value = "V1.0"
    app.tick("docx", "png")
    app.export_button.click()
    assert sorted(p.name for p in app.written) == [
        "某旗舰店-客服中心组织设计.docx", "某旗舰店-方案B.png", "某旗舰店-网店基本人员构成及职责表.png"]
    cover = "\n".join(p.text for p in Document(str(tmp_path / "某旗舰店-客服中心组织设计.docx")).paragraphs[:12])
    assert "某旗舰店" in cover and "王敏" in cover
    app.client["client"].value = "a\tb"  # one line only: said, nothing written
    app.overwrite.value = True
    app.export_button.click()
    assert app.written == [] and "一行文字" in app.links.value


def test_exporter_tick_names_the_formats(d14, tmp_path):
    app = Exporter(d14, folder=tmp_path, lang="en")
    app.tick("md", "png")
    assert [f for f, box in app.formats.items() if box.value] == ["md", "png"]
    with pytest.raises(shoporg.ShopOrgError, match="Unknown format: 'pdf'; allowed: docx, xlsx, pptx, md, html, csv, png"):
        app.tick("pdf")


def test_exporter_docx_png_and_nothing_ticked(d14, tmp_path):
    app = Exporter(d14, folder=tmp_path)
    app.export_button.click()
    assert app.written == [] and "至少" in app.links.value
    app.formats["docx"].value = True
    app.formats["png"].value = True
    app.export_button.click()
    assert sorted(p.name for p in app.written) == ["网店基本人员构成及职责表.docx", "网店基本人员构成及职责表.png"]
    assert (tmp_path / "网店基本人员构成及职责表.png").read_bytes()[:4] == b"\x89PNG"


# -- per-person scenario data and resized roles ------------------------------------------------
def test_resized_role_is_costed_with_the_mean_and_said_so(d14, d14_scenario):
    app = Designer(design=d14, scenario=d14_scenario, show_chart=False)
    app.set_headcount("sales_cs", 7)  # the scenario gives five agents' attainment
    seven = d14.with_headcount("sales_cs", 7)
    expected = shoporg.payroll(seven, d14_scenario).by_month()["accrued"].iloc[0]  # agents 6–7 take the mean
    assert app.monthly_payroll == pytest.approx(float(expected), abs=0.005)
    assert "情景给出5人的计划营业额达成率，销售客服有7人：多出的2人按平均值计算" in app.summary.value
    explorer = ScenarioExplorer(seven, d14_scenario, lang="en")
    assert explorer.payroll is not None and "their mean is used" in explorer.message.value
    comparer = Comparer({"a": d14, "b": seven}, scenario=d14_scenario)
    assert comparer.result is not None and "按平均值计算" in comparer.message.value


# -- Workbook -----------------------------------------------------------------------------------
def test_workbook_carries_the_briefs_service_day_and_the_peak_prices(d14_scenario, tmp_path):
    from shoporg.staffing import read_norms
    from shoporg.widgets import Workbook

    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    wb = Workbook(scenario=d14_scenario, norms=norms, folder=tmp_path, show_chart=False)
    wb.brief.set(orders=1000, orders_per="day", order_value=180, chats=1500, chats_per="day")
    wb.brief.fields["hours_from"].value, wb.brief.fields["hours_to"].value = "10:00", "22:00"
    wb.brief.apply()
    assert wb.explorer.service_hours == ("10:00", "22:00")  # the shift plan covers the client's service day
    wb.tabs.selected_index = 2
    wb.explorer.chat_price.value = "0.8"  # an outsourced chat at 0.8 yuan
    assert wb.explorer.peak_inputs.per_chat == pytest.approx(0.8)
    wb.tabs.selected_index = 3
    assert wb.comparer.peak_inputs == wb.explorer.peak_inputs  # priced alike on the options tab
    wb.set_lang("en")
    assert wb.explorer.peak_inputs.per_chat == pytest.approx(0.8) and wb.explorer.service_hours == ("10:00", "22:00")


def test_workbook_links_design_volumes_options_and_export(d14_scenario, tmp_path):
    from docx import Document

    from shoporg.staffing import read_norms
    from shoporg.widgets import Workbook

    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    wb = Workbook(scenario=d14_scenario, norms=norms, folder=tmp_path, show_chart=False)
    assert list(wb.options) == ["原方案", "当前方案"]
    gap = wb.explorer.gap
    wb.designer.set_headcount("sales_cs", 7)
    assert wb.explorer.gap == gap  # the explorer tab is brought up to date when opened
    wb.tabs.selected_index = 2
    assert wb.explorer.design == wb.designer.design and wb.explorer.gap == gap - 2
    wb.tabs.selected_index = 3
    assert wb.comparer.chosen == ["原方案", "当前方案"]
    assert wb.comparer.result.loc["people", "差异"] == 2
    wb.option_name.value = "方案B"
    wb.keep_button.click()
    assert list(wb.options) == ["原方案", "方案B"] and "已存为方案：方案B" in wb.keep_message.value
    wb.keep_button.click()  # no name: refused
    assert "请填写方案名称" in wb.keep_message.value
    wb.tabs.selected_index = 1
    wb.designer.set_headcount("picker", 3)
    wb.tabs.selected_index = 3
    assert list(wb.options) == ["原方案", "方案B", "当前方案"]
    wb.comparer.choice.value = ("原方案", "方案B", "当前方案")
    assert list(wb.comparer.result.columns) == ["metric", "原方案", "方案B", "当前方案", "Δ 方案B", "Δ 当前方案"]
    wb.tabs.selected_index = 4
    assert [d.name.zh for d in wb.exporter.designs] == [
        "网店基本人员构成及职责表（原方案）", "网店基本人员构成及职责表（方案B）", "网店基本人员构成及职责表（当前方案）"]
    wb.exporter.tick("docx", "xlsx")
    wb.exporter.export_button.click()
    assert sorted(p.name for p in wb.exporter.written) == ["方案对比.docx", "方案对比.xlsx"]
    doc = Document(str(tmp_path / "方案对比.docx"))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "（方案B）" in text and "（当前方案）" in text
    wb.brief.set(client="某旗舰店", orders=1000, orders_per="day", order_value=180, chats=1500, chats_per="day")
    wb.brief.apply()  # the brief's client names the files from now on
    assert wb.exporter.client["client"].value == "某旗舰店"
    wb.exporter.tick("xlsx")
    wb.exporter.export_button.click()
    assert [p.name for p in wb.exporter.written] == ["某旗舰店-方案对比.xlsx"]


def test_workbook_new_template_starts_new_options(d14_scenario):
    from shoporg.widgets import Workbook

    wb = Workbook(scenario=d14_scenario, show_chart=False, lang="en")
    wb.option_name.value = "B"
    wb.keep_button.click()
    wb.designer.template.value = "seed-12-ordinary-shop"
    assert wb.original.id == "seed-12-ordinary-shop" and wb.kept == {}
    assert list(wb.options) == ["Original", "Current"]
    assert [t for t in wb.tabs.titles] == ["1 Brief", "2 Design", "3 Volumes", "4 Options", "5 Export"]


def test_designer_adds_pay_to_a_design_without_pay(d12, d14_scenario):
    app = Designer(design=d12, scenario=d14_scenario, show_chart=False, lang="en")
    assert app.monthly_payroll is None and "no pay rules" in app.summary.value
    rid = d12.roles[0].id
    app.role.value = rid
    app.pay_kind.value = "base"
    app.add_pay_button.click()
    app.pay_value.value = "3000"
    assert app.design.role(rid).pay[0].monthly == 3000
    app.pay_kind.value = "piece_rate"
    app.pay_driver.value = "orders"
    app.add_pay_button.click()
    assert app.pay_component.value == 1
    app.pay_value.value = "0.5"
    people = float(d12.role(rid).headcount)
    jan_orders = float(d14_scenario.driver("orders")[0])
    assert app.monthly_payroll == pytest.approx(3000 * people + 0.5 * jan_orders, abs=0.005)
    app.remove_pay_button.click()
    assert len(app.design.role(rid).pay) == 1
    assert app.monthly_payroll == pytest.approx(3000 * people, abs=0.005)


def test_designer_opens_a_file_and_shows_its_problems(d14, tmp_path):
    good = tmp_path / "shop.yaml"
    shoporg.write_design(d14.with_headcount("picker", 4), good)
    app = Designer(show_chart=False, template="seed-12-ordinary-shop")
    app.open_path.value = str(good)
    app.open_button.click()
    assert app.design.role("picker").headcount == 4 and app.save_path.value == "shop.yaml"
    assert "已打开" in app.message.value
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("headcount: 4", "headcount: -4"), encoding="utf-8")
    app.open_path.value = str(bad)
    app.open_button.click()
    text = html.unescape(app.message.value)
    assert "bad.yaml:" in text and "headcount：须不小于 0" in text
    assert app.design.role("picker").headcount == 4  # kept
    app.open_path.value = str(tmp_path / "missing.yaml")
    app.open_button.click()
    assert "missing.yaml" in html.unescape(app.message.value)
    app.undo_button.click()
    assert app.design.id == "seed-12-ordinary-shop"


def test_workbook_switches_language_and_keeps_the_work(d14_scenario, tmp_path):
    from shoporg.widgets import Workbook

    wb = Workbook(scenario=d14_scenario, show_chart=False, folder=tmp_path)
    wb.designer.set_headcount("picker", 3)
    wb.option_name.value = "方案B"
    wb.keep_button.click()
    wb.designer.set_headcount("picker", 4)
    wb.explorer.orders_scale.value = 1.5
    wb.exporter.tick("md")
    before = wb.designer.monthly_payroll
    wb.language.value = "en"
    assert wb.designer.template.description == "Template" and wb.tabs.titles[1] == "2 Design"
    assert wb.designer.design.role("picker").headcount == 4 and wb.designer.monthly_payroll == before
    assert wb.explorer.orders_scale.value == 1.5 and "Accrued" in wb.explorer.table.value
    assert list(wb.options) == ["Original", "方案B", "Current"]
    assert [f for f, box in wb.exporter.formats.items() if box.value] == ["md"]
    assert "Roles" in wb.designer.summary.value
    wb.designer.undo_button.click()  # the history came along
    assert wb.designer.design.role("picker").headcount == 3
    wb.tabs.selected_index = 3
    assert wb.comparer.chosen[0] == "Original" and "delta" in wb.comparer.result.columns
    wb.language.value = "zh"
    assert wb.designer.template.description == "模板" and list(wb.options)[0] == "原方案"


# -- review fixes: the workbook keeps the consultant's work ----------------------------------
def test_workbook_export_follows_the_options_chosen(d14_scenario, tmp_path):
    from shoporg.widgets import Workbook

    wb = Workbook(scenario=d14_scenario, show_chart=False, folder=tmp_path)
    wb.designer.set_headcount("picker", 3)
    wb.tabs.selected_index = 3
    wb.option_name.value = "B"
    wb.keep_button.click()
    wb.tabs.selected_index = 4
    assert [d.name.zh.split("（")[-1] for d in wb.exporter.designs] == ["原方案）", "B）"]
    wb.tabs.selected_index = 3
    wb.comparer.baseline.value = "B"  # only the order changes, no design does
    wb.tabs.selected_index = 4
    assert [d.name.zh.split("（")[-1] for d in wb.exporter.designs] == ["B）", "原方案）"]


def test_workbook_undo_of_a_template_switch_brings_the_options_back(d14, d14_scenario):
    from shoporg.widgets import Workbook

    wb = Workbook(scenario=d14_scenario, show_chart=False)
    wb.designer.set_headcount("picker", 3)
    wb.option_name.value = "B"
    wb.keep_button.click()
    wb.designer.set_headcount("picker", 5)
    wb.designer.template.value = "seed-12-ordinary-shop"  # a mis-click
    assert wb.kept == {} and wb.original.id == "seed-12-ordinary-shop"
    wb.designer.undo_button.click()
    assert list(wb.kept) == ["B"] and wb.kept["B"].role("picker").headcount == 3
    assert wb.original == d14


@pytest.mark.parametrize("name", ["原方案", "当前方案", "Original", "Current"])
def test_workbook_refuses_reserved_option_names(d14_scenario, name):
    from shoporg.widgets import Workbook

    wb = Workbook(scenario=d14_scenario, show_chart=False)
    wb.designer.set_headcount("picker", 3)
    wb.option_name.value = name
    wb.keep_button.click()
    assert wb.kept == {} and "保留名称" in wb.keep_message.value
    wb.tabs.selected_index = 3
    assert wb.comparer.result is not None


def test_workbook_keeps_a_pair_the_user_chose(d14_scenario):
    from shoporg.widgets import Workbook

    wb = Workbook(scenario=d14_scenario, show_chart=False)
    wb.designer.set_headcount("picker", 3)
    wb.option_name.value = "B"
    wb.keep_button.click()
    wb.designer.set_headcount("picker", 4)
    wb.tabs.selected_index = 3
    wb.comparer.choice.value = ("B", "当前方案")
    wb.comparer.baseline.value = "当前方案"
    wb.tabs.selected_index = 1
    wb.designer.set_headcount("picker", 6)
    wb.tabs.selected_index = 3
    assert wb.comparer.chosen == ["当前方案", "B"]
    assert wb.comparer.result.loc["people", "差异"] == -3  # B has 3 pickers, the current design 6


def test_new_revenue_bonus_counts_revenue_and_deduction_is_an_amount(d12, d14_scenario):
    app = Designer(design=d12, scenario=d14_scenario, show_chart=False)
    rid = d12.roles[0].id
    app.role.value = rid
    app.pay_kind.value = "revenue_bonus"
    assert app.pay_driver.value == "revenue" and not app.pay_driver.disabled
    app.add_pay_button.click()
    app.pay_value.value = "0.01"
    jan_revenue = float(d14_scenario.driver("revenue")[0])
    assert app.monthly_payroll == pytest.approx(0.01 * jan_revenue, abs=0.005)
    app.pay_kind.value = "deduction"
    assert app.pay_driver.disabled
    app.add_pay_button.click()
    app.pay_value.value = "100"
    assert app.design.role(rid).pay[-1].amount == 100 and app.design.role(rid).pay[-1].driver is None
    assert "（金额）" in app.pay_value.description


def test_explorer_keeps_the_staffing_gap_after_a_normed_role_is_merged(d14, d14_scenario):
    from shoporg.analysis import merge_roles
    from shoporg.staffing import read_norms

    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    merged = merge_roles(d14, ["picker", "shipper"], into="picker")
    app = ScenarioExplorer(merged, d14_scenario, norms=norms)
    assert list(app.staffing["role"]) == ["sales_cs", "aftersales_cs", "picker"]
    comparer = Comparer({"a": d14, "b": merged}, d14_scenario, norms=norms)
    assert "staffing_gap" in comparer.result.index


def test_explorer_says_which_roles_are_not_costed(d12, d14_scenario):
    app = ScenarioExplorer(d12, d14_scenario, lang="en")
    assert app.payroll is None and app.cost_per_order is None and app.table.value == ""
    assert "5 of 5 roles have no pay rules" in app.message.value
    paid = d12.with_role_changes(d12.roles[0].id, pay=[{"kind": "base", "monthly": 3000}])
    app.set_design(paid)
    assert app.payroll is not None and "4 of 5 roles have no pay rules" in app.message.value


def test_designer_template_dropdown_after_opening_a_file(d14, tmp_path):
    path = tmp_path / "mine.yaml"
    shoporg.write_design(d14.replace(id="my-shop"), path)
    app = Designer(template="seed-12-ordinary-shop", show_chart=False)
    app.open_path.value = str(path)
    app.open_button.click()
    assert app.template.value is None and app.save_path.value == "mine.yaml"
    app.template.value = "seed-12-ordinary-shop"  # back to the template: it loads
    assert app.design.id == "seed-12-ordinary-shop" and app.save_path.value == "seed-12-ordinary-shop.yaml"


def test_designer_new_role_names_and_ids(d14):
    app = Designer(design=d14, show_chart=False)
    app.role.value = "promo_manager"
    app.new_role_id.value = "Live Host"
    app.new_role_name.value = "主播"
    app.add_button.click()
    assert app.design == d14 and "岗位编号“Live Host”不可用" in app.message.value
    app.new_role_id.value = "live_host"
    app.add_button.click()
    assert app.design.role("live_host").name.en is None  # no English name is made up
