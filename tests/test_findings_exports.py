"""The minimum-wage findings reach the files a client gets: the Excel workbook's 检查结果
sheet and the Word report's health section, with the rule and where it comes from."""

import docx
from openpyxl import load_workbook

import shoporg

SCENARIO = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
D14 = shoporg.load_template("seed-14-basic-22").replace(employment={"city": "上海"})


def test_the_workbook_lists_the_findings_with_their_rule(tmp_path):
    book = load_workbook(shoporg.export(D14, tmp_path / "d.xlsx", SCENARIO))
    rows = list(book["检查结果"].iter_rows(values_only=True))
    assert rows[0] == ("对比方案", "检查项", "级别", "岗位", "说明", "依据", "来源")
    after_sales = next(r for r in rows if r[3] == "售后客服" and r[1] == "低于最低工资")
    assert after_sales[2] == "违规" and after_sales[4].startswith("36个人月低于上海最低工资2,740.00元")
    assert "劳动法第四十八条" in after_sales[5] and "上海市人力资源和社会保障局" in after_sales[6]
    assert "检查结果" not in load_workbook(shoporg.export(shoporg.load_template("seed-14-basic-22"),
                                                   tmp_path / "none.xlsx")).sheetnames  # nothing to report


def test_the_word_report_says_them(tmp_path):
    doc = docx.Document(str(shoporg.export(D14, tmp_path / "d.docx", SCENARIO)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any(c.startswith("36个人月低于上海最低工资") for c in cells)


def test_the_word_payroll_goes_from_gross_to_net_with_a_total(tmp_path):
    doc = docx.Document(str(shoporg.export(D14, tmp_path / "chain.docx", SCENARIO)))
    pr = shoporg.payroll(D14, SCENARIO)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "月份")
    assert [c.text for c in table.rows[0].cells] == ["月份", "应发工资（元）", "单位社保公积金（元）", "人工成本（元）",
                                                   "个人社保公积金（元）", "个税（元）", "实发工资（元）"]
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "合计" and total[3] == shoporg.fmt.fixed(pr.chain_total("labour_cost"))
    assert total[6] == shoporg.fmt.fixed(pr.chain_total("net"))


def test_the_workbook_payroll_adds_the_chain_with_a_city(tmp_path):
    ws = load_workbook(shoporg.export(D14, tmp_path / "chain.xlsx", SCENARIO))["薪酬测算"]
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r[0] == "合计"}
    pr = shoporg.payroll(D14, SCENARIO)
    assert rows["人工成本（元）"][-1] == round(pr.chain_total("labour_cost"), 2)
    assert rows["实发工资（元）"][-1] == round(pr.chain_total("net"), 2)
    assert rows["应发工资（元）"][-1] == rows["应计"][-1]  # gross pay is the accrued payroll
