"""Per-person scenario data follow the headcount: design 14's five sales agents have their
own attainment in d14-double11; resized to seven, agents 6 and 7 take the five's monthly
mean, and compare, export, plan and the CLI cost it without an error."""

import docx
import pytest
from openpyxl import load_workbook

import shoporg
from shoporg import payroll
from shoporg.scenario import Filled, filled_note, fit_people

from .conftest import TEMPLATES

# d14-double11: the sales agents' attainment [1.10, 1.00, 0.95, 1.20, 1.05] (mean 1.06), the
# revenue bonus 0.004 × revenue (540,000 元 a month, 2.5 × in November) shared by the role and
# paid only to an agent whose attainment is at least 1 (design 14, 岗位4).
ATTAINMENT = [1.10, 1.00, 0.95, 1.20, 1.05]


@pytest.fixture
def scenario():
    return shoporg.read_scenario(TEMPLATES / "scenarios" / "d14-double11.yaml")


@pytest.fixture
def seven(d14):
    return d14.with_headcount("sales_cs", 7)


def bonus_by_person(pr):
    lines = pr.lines[(pr.lines.role == "sales_cs") & (pr.lines.kind == "revenue_bonus")]
    return (lines.groupby("person")["accrued_fen"].sum() / 100).tolist()


def test_extra_people_take_the_mean_and_the_first_five_keep_their_own(seven, scenario):
    fitted, filled = fit_people(scenario, seven)
    assert filled == (Filled("sales_cs", "attainment", 5, 7),)
    values = fitted.driver("attainment", "sales_cs")
    assert values.shape == (12, 7)
    assert values[:, :5].tolist() == [ATTAINMENT] * 12
    assert values[:, 5:].round(10).tolist() == [[1.06, 1.06]] * 12
    assert scenario.driver("attainment", "sales_cs").shape == (12, 5)  # the scenario itself is unchanged


def test_the_filled_agents_bonus_is_what_the_mean_attainment_gives(seven, scenario):
    pr = payroll(seven, scenario)
    assert pr.filled == (Filled("sales_cs", "attainment", 5, 7),)
    # a month's pool 2,160 元 shared by 7 is 308.57 (the first agent gets the odd fen); in
    # November 5,400 元 is 771.43 for agents 1–6 and 771.42 for agent 7 (largest remainder)
    assert bonus_by_person(pr) == [4165.81, 4165.70, 0.0, 4165.70, 4165.70, 4165.70, 4165.69]
    # agent 3 (0.95) misses the gate as before; agents 6 and 7 pass it with the mean, 1.06:
    # their bonus is the one everyone would get with the mean attainment
    mean = payroll(seven, scenario.averaged())
    assert bonus_by_person(pr)[5:] == bonus_by_person(mean)[5:]
    assert bonus_by_person(mean)[2] == 4165.70


def test_fewer_people_keep_the_first_ones(d14, scenario):
    three = d14.with_headcount("sales_cs", 3)
    pr = payroll(three, scenario)
    assert pr.filled == (Filled("sales_cs", "attainment", 5, 3),)
    # 2,160 元 / 3 = 720 a month, 5,400 / 3 = 1,800 in November; agent 3 (0.95) gets nothing
    assert bonus_by_person(pr) == [720 * 11 + 1800.0, 720 * 11 + 1800.0, 0.0]
    assert "按前3人的数据计算" in filled_note(pr.filled, three, "zh")


def test_a_design_that_fits_fills_nothing(d14, scenario):
    pr = payroll(d14, scenario)
    assert pr.filled == () and fit_people(scenario, d14)[0] is scenario
    five = 2160 / 5 * 11 + 5400 / 5  # 432 a month, 1,080 in November
    assert bonus_by_person(pr) == [five] * 2 + [0.0] + [five] * 2


def test_compare_costs_the_resized_design(d14, seven, scenario):
    table = shoporg.compare([d14, seven], scenario)
    grown = table.loc["annual_accrued"].iloc[2] - table.loc["annual_accrued"].iloc[1]
    assert grown == pytest.approx(payroll(seven, scenario).total() - payroll(d14, scenario).total())
    # two more agents at the 1,800 base mid-range and their two bonuses; the four agents who
    # pass the gate now share the pool by 7 (4,165.81 and 3 × 4,165.70) instead of by 5 (5,832 each)
    five = 2160 / 5 * 11 + 5400 / 5
    assert grown == pytest.approx(2 * 1800 * 12 + 4165.70 + 4165.69 + 4165.81 + 3 * 4165.70 - 4 * five, abs=0.005)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_says_which_data_were_filled(d14, seven, scenario, tmp_path, lang):
    xlsx = shoporg.export([d14, seven], tmp_path / "x.xlsx", scenario=scenario, lang=lang)
    word = shoporg.export([d14, seven], tmp_path / "x.docx", scenario=scenario, lang=lang)
    note = filled_note([Filled("sales_cs", "attainment", 5, 7)], seven, lang)
    assert note == {"zh": "情景给出5人的计划营业额达成率，销售客服有7人：多出的2人按平均值计算。",
                    "en": "The scenario gives 5 people's attainment of the sales plan for Sales customer "
                          "service, which has 7: for the other 2, their mean is used."}[lang]
    wb = load_workbook(xlsx)
    sheets = [ws for ws in wb.worksheets if ws.title.startswith({"zh": "薪酬测算", "en": "Payroll"}[lang])]
    cells = [[c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)] for ws in sheets]
    assert note not in cells[0] and note in cells[1]  # only the resized option is filled
    totals = [row for row in sheets[1].iter_rows(values_only=True) if row[0] == {"zh": "合计", "en": "Total"}[lang]]
    assert totals[0][-1] == payroll(seven, scenario).total()
    assert note in [p.text for p in docx.Document(str(word)).paragraphs]


def test_plan_and_the_cli_use_the_fitted_data(d14, seven, scenario, tmp_path, capsys):
    from shoporg.cli import main
    from shoporg.staffing import read_norms

    p = shoporg.plan(d14, scenario, read_norms(TEMPLATES / "norms" / "d14-norms.yaml"))
    agents = int(p.staffed.role("sales_cs").headcount)
    assert agents > 5 and p.payroll.filled == (Filled("sales_cs", "attainment", 5, agents),)
    path = shoporg.write_design(seven, tmp_path / "seven.yaml")
    assert main(["payroll", str(path), "--scenario", str(TEMPLATES / "scenarios" / "d14-double11.yaml")]) == 0
    assert "情景给出5人的计划营业额达成率，销售客服有7人：多出的2人按平均值计算。" in capsys.readouterr().out


def test_explain_shows_a_filled_persons_values(seven, scenario):
    text = shoporg.explain(payroll(seven, scenario), "sales_cs", person=6, month="2026-11", lang="en")
    assert "attainment = 1.06 → condition holds" in text and "accrued ¥771.43" in text
