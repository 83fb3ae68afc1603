"""Errors read in the language of the UI: every family of error, triggered through the
public API, keeps its English ``str()`` as before and says itself in Chinese, with no
English word but the ids, keys and paths a person types (a location such as
``roles[0].pay[1].rate``, ``supply={'director.pay[1].rate': ...}``, a file suffix); the
widgets and the command line show them so."""

import dataclasses
import html
import re

import matplotlib
import networkx as nx
import pytest

import shoporg
from shoporg import Scenario, load_template, payroll, read_scenario
from shoporg.app import AppError, start
from shoporg.cli import main
from shoporg.errors import error_text
from shoporg.io.formats import FORMATS, format_for, format_of
from shoporg.io.norms_io import read_norms
from shoporg.io.yaml_io import design_from_dict
from shoporg.layout import tidy_layout
from shoporg.pay.explain import explain
from shoporg.pay.expr import ExpressionError, evaluation_order, parse_expression
from shoporg.pay.kinds import register
from shoporg.pay.scorecard import scorecard
from shoporg.pay.sweep import payroll_sweep
from shoporg.staffing.norms import QuotaNorm
from shoporg.staffing.quota import quota_headcount
from shoporg.staffing.sizing import recommend_headcount

matplotlib.use("Agg")

_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z_]*[A-Za-z]{3,}[A-Za-z_]*")
SUFFIXES = tuple(f.suffix for f in FORMATS.values())


def english_words(text: str, typed=()) -> list[str]:
    """The English words of ``text``, once the ``typed`` ids and keys are taken out.

    >>> english_words("岗位“司库”需要 roles[8].pay[1] store room", ["roles[8].pay[1]"])
    ['store', 'room']
    """
    for s in sorted(typed, key=len, reverse=True):
        text = text.replace(s, " ")
    return _WORD.findall(text)


def check(err: BaseException, english: str, typed=()) -> str:
    """``err`` says ``english`` as ``str()`` and reads in Chinese but for ``typed``; its Chinese text."""
    assert str(err) == english
    zh = error_text(err, "zh")
    assert _CJK.search(zh), zh
    assert not english_words(zh, typed), zh
    return zh


@pytest.fixture(scope="module")
def d14():
    return load_template("seed-14-basic-22")


@pytest.fixture(scope="module")
def s14():
    return read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")


@pytest.fixture(scope="module")
def without_store_incidents(s14):
    return dataclasses.replace(s14, drivers={k: v for k, v in s14.drivers.items() if k != "store_incidents"})


@pytest.fixture(scope="module")
def pr(d14, s14):
    return payroll(d14, s14)


KPI_DUTIES = [{"area": "service.presales", "zh": "在线接待", "weight": 60},
              {"area": "service.aftersales", "zh": "售后处理"}]


# -- pay/ ---------------------------------------------------------------------------------------

def test_a_blank_pay_parameter_not_supplied(d14, s14):
    with pytest.raises(shoporg.PayrollError) as e:
        payroll(d14, dataclasses.replace(s14, supply={}))
    zh = check(e.value, "roles[0].pay[1].rate: the rate of 营业额奖金 (revenue_bonus) of role 'director' is missing "
                        "(left blank in the source); supply it, e.g. payroll(..., supply={'director.pay[1].rate': ...})",
               typed=["roles[0].pay[1].rate", "supply={'director.pay[1].rate': ...}"])
    assert "电商总监" in zh and "营业额奖金" in zh


def test_a_driver_the_scenario_lacks(d14, without_store_incidents):
    with pytest.raises(shoporg.PayrollError) as e:
        payroll(d14, without_store_incidents)
    english = ("roles[8].pay[1]: role 'storekeeper' needs driver 'store_incidents': scenario 'd14-double11' has no "
               "driver 'store_incidents'; it gives: attainment, complaints, consultations, negative_reviews, orders, "
               "orders_picked, orders_shipped, revenue, review_followups, reviews_reversed")
    zh = check(e.value, english, typed=["roles[8].pay[1]"])
    assert zh.startswith("roles[8].pay[1]：岗位“司库”需要业务量“库房问题或意外次数”")


@pytest.mark.parametrize("trigger, english, typed", [
    (lambda d, s, pr: pr.total("gross"), "view must be 'accrued' or 'paid', got 'gross'", ["'accrued'", "'paid'", "'gross'"]),
    (lambda d, s, pr: pr.component("storekeeper", "piece_rate"),
     "role 'storekeeper' has no 'piece_rate' pay in this payroll", []),
    (lambda d, s, pr: payroll_sweep(d, []), "payroll_sweep needs at least one scenario", []),
    (lambda d, s, pr: payroll_sweep(d, [s, dataclasses.replace(s, start="2026-02")]),
     "scenarios in one sweep must share a start month, got ['2026-01', '2026-02']", []),
    (lambda d, s, pr: explain(pr, "storekeeper", month="2027-05"),
     "month '2027-05' is not in the plan (2026-01 to 2026-12)", ["'2027-05'"]),
    (lambda d, s, pr: explain(pr, "storekeeper", person=3), "role 'storekeeper' has no person 3 (headcount 1)", []),
    (lambda d, s, pr: scorecard(shoporg.Role(id="cs", name="客服", duties=KPI_DUTIES), {0: 20}),
     "role 'cs': the KPI weights used sum to 60%, not 100%; duties without a weight: [1] (give them with weights=)",
     ["KPI", "weights="]),
    (lambda d, s, pr: scorecard(shoporg.Role(id="cs", name="客服", duties=KPI_DUTIES), {0: 120, 1: 50}, weights={1: 40}),
     "role 'cs': score of duty 0 must be 0–100, got 120", []),
], ids=["view", "component", "sweep_none", "sweep_start", "explain_month", "explain_person", "kpi_sum", "kpi_score"])
def test_payroll_explain_and_scorecard_errors(d14, s14, pr, trigger, english, typed):
    with pytest.raises(ValueError) as e:  # a ShopOrgError is a ValueError
        trigger(d14, s14, pr)
    check(e.value, english, typed)


@pytest.mark.parametrize("trigger, english, typed", [
    (lambda: parse_expression("orders / complaints").evaluate({"orders": 1, "complaints": 0}),
     "division by zero in 'orders / complaints'", []),
    (lambda: parse_expression("ordrs * 2").evaluate({"orders": 1, "revenue": 2}),
     "unknown name 'ordrs' in 'ordrs * 2' (did you mean 'orders'?); known: orders, revenue", ["ordrs"]),
    (lambda: parse_expression("orders * 2").evaluate({"orders": float("nan")}),
     "driver 'orders' has a NaN or infinite value in 'orders * 2'", []),
    (lambda: parse_expression("2 ** 3", where="roles[0].pay[2].when"),
     "roles[0].pay[2].when: '**' (power) is not allowed in '2 ** 3'", ["roles[0].pay[2].when"]),
    (lambda: parse_expression("max(2)"), "max() with 1 argument (it needs 2 or more) is not allowed in 'max(2)'",
     ["max"]),
    (lambda: parse_expression("  "), "empty expression", []),
    (lambda: evaluation_order({"a": "b + 1", "b": "a * 2"}), "rules refer to each other in a cycle: a → b → a", []),
], ids=["zero_division", "unknown_name", "not_finite", "not_allowed", "arguments", "empty", "cycle"])
def test_expression_errors(trigger, english, typed):
    with pytest.raises(ExpressionError) as e:
        trigger()
    check(e.value, english, typed)


def test_pay_components_in_a_design_file():
    with pytest.raises(shoporg.DesignValidationError) as e:
        design_from_dict({"schema": "shoporg/design-v1", "id": "x", "name": "x", "roles": [{"id": "a", "name": "甲", "pay": [
            {"kind": "deduction", "driver": "attendance_points", "rate": 1, "amount": 5}]}]})
    check(e.value, "1 problem in design:\n  roles[0].pay[0]: give either driver with rate, or a fixed amount (not both)",
          typed=["roles[0].pay[0]", "driver", "rate", "amount"])
    with pytest.raises(TypeError) as e:
        register("not a kind")
    check(e.value, "a pay kind is a Kind whose model is a Component, got 'not a kind'",
          typed=["Kind", "model", "Component", "'not a kind'"])


# -- scenarios ----------------------------------------------------------------------------------

@pytest.mark.parametrize("trigger, english, typed", [
    (lambda: Scenario.from_profile({"orders": 1}, start="2026-13"), "start must be a month written YYYY-MM, got '2026-13'",
     []),
    (lambda: Scenario(start="2026-01", drivers={"orders": [1, 2, 3]}),
     "drivers: driver 'orders' needs 12 monthly values, got shape (3,)", ["drivers"]),
    (lambda: Scenario.from_profile({"orders": float("nan")}),
     "drivers: driver 'orders' has a value that is not a finite number", ["drivers"]),
    (lambda: Scenario.from_profile({"orders": -3000}),
     "drivers: driver 'orders' is negative in month 1 (-3000); drivers are counts and amounts >= 0", ["drivers"]),
    (lambda: Scenario.from_months([{"orders": 1}] * 3), "a scenario covers 12 months, got 3", []),
    (lambda: Scenario.from_months([{"orders": 1, "revenue": 2}] * 11 + [{"orders": 1}], start="2026-03"),
     "months[11] (2027-02) lacks revenue; give every driver in every month", ["months[11]"]),
    (lambda: Scenario.from_profile({"orders": 1}, overrides={"orders": {"2027-02": 1}}),
     "overrides.orders: month '2027-02' is not in the plan (2026-01 to 2026-12)", ["overrides.orders", "'2027-02'"]),
    (lambda: Scenario.from_profile({"orders": 1}).driver("revenue"),
     "scenario 'scenario' has no driver 'revenue'; it gives: orders", []),
    (lambda: Scenario.from_profile({"orders": 1}, profile=[1, 2]),
     "a seasonality profile is 12 factors >= 0 (Jan..Dec), got 2", []),
    (lambda: shoporg.load_scenario("nope"), "unknown scenario 'nope'; known: d14-double11 (or give a file)",
     ["'nope'", "d14-double11"]),
], ids=["start", "shape", "finite", "negative", "months", "lacks", "override_month", "no_driver", "profile", "unknown"])
def test_scenario_errors(trigger, english, typed):
    with pytest.raises(shoporg.ScenarioError) as e:
        trigger()
    check(e.value, english, typed)


# -- io/ ----------------------------------------------------------------------------------------

def test_scenario_and_norms_files(write):
    path = write("- 1\n", name="top.yaml")
    with pytest.raises(shoporg.DesignFileError) as e:
        read_scenario(path)
    check(e.value, f"{path}: a scenario file must be a mapping at the top", [str(path)])

    path = write("schema: shoporg/scenario-v1\nbase: {orders: 1}\nmonths: []\n", name="both.yaml")
    with pytest.raises(shoporg.DesignValidationError) as e:
        read_scenario(path)
    check(e.value, f"1 problem in the scenario file {path}:\n  {path}: give either 'base' (with an optional 'profile') or 'months', not both",
          [str(path), "base", "profile", "months"])

    path = write("schema: shoporg/scenario-v1\nbase: {orders: -1}\n", name="negative.yaml")
    with pytest.raises(shoporg.ScenarioError) as e:
        read_scenario(path)
    check(e.value, f"{path}: drivers: driver 'orders' is negative in month 1 (-1); drivers are counts and amounts >= 0",
          [str(path), "drivers"])

    path = write("schema: shoporg/norms-v1\nid: n\nname: 定额\nnorms:\n"
                 "  picker: {method: quota, driver: orders_picked, quota_per_day: -5}\n", name="norms.yaml")
    with pytest.raises(shoporg.DesignValidationError) as e:
        read_norms(path)
    check(e.value, f"1 problem in the norms file {path}:\n  {path}:5: norms.picker.quota_per_day: input should be greater "
          "than 0, got -5", [str(path), "norms.picker.quota_per_day"])


def test_export_targets_refused(d14):
    with pytest.raises(shoporg.DesignFileError) as e:
        format_of("roles.txt")
    check(e.value, f"roles.txt: unsupported file type '.txt'; supported: {', '.join(SUFFIXES)}",
          ["roles.txt", ".txt", *SUFFIXES])
    with pytest.raises(shoporg.DesignFileError) as e:
        format_for("roles.csv", [d14, d14])
    check(e.value, "roles.csv: a .csv file holds one design; give one design", ["roles.csv", ".csv"])
    with pytest.raises(shoporg.DesignFileError) as e:
        FORMATS["csv"].read("roles.csv")
    check(e.value, "roles.csv: a CSV role table reads back onto the design it was written from; give base=",
          ["roles.csv", "CSV", "base="])


# -- staffing/ ----------------------------------------------------------------------------------

def test_staffing_errors(d14, without_store_incidents):
    picker = {"picker": QuotaNorm(method="quota", driver="orders_picked", quota_per_day=300)}
    with pytest.raises(shoporg.ShopOrgError) as e:
        recommend_headcount(d14, {"orders": 5}, picker)
    check(e.value, "a norm needs driver 'orders_picked'; the volumes give: orders")
    with pytest.raises(shoporg.ShopOrgError) as e:
        recommend_headcount(d14, {"orders_picked": [-5]}, picker)
    check(e.value, "volumes of 'orders_picked' must be numbers >= 0, got [-5]")
    with pytest.raises(shoporg.ShopOrgError) as e:
        recommend_headcount(d14, without_store_incidents,
                            {"picker": QuotaNorm(method="quota", driver="store_incidents", quota_per_day=300)})
    assert error_text(e.value, "zh").startswith("定额需要业务量“库房问题或意外次数”：情景“设计14 · 双11旺季”没有")
    with pytest.raises(shoporg.ShopOrgError) as e:
        quota_headcount(-5, picker["picker"])
    check(e.value, "workload of 'orders_picked' must be a number >= 0, got -5")
    with pytest.raises(shoporg.ShopOrgError) as e:
        quota_headcount(5, 0)
    check(e.value, "quota_per_day must be > 0 units a day, got 0.0", ["quota_per_day"])


# -- templates, charts, layout, app -------------------------------------------------------------

def test_template_chart_layout_and_app_errors(d14, tmp_path):
    with pytest.raises(shoporg.UnknownTemplateError) as e:
        load_template("seed-99")
    assert error_text(e.value, "zh").startswith("模板 'seed-99' 不存在；已有：seed-01-shop-staff-7")
    target = tmp_path / "d14.gif"
    with pytest.raises(ValueError) as e:
        shoporg.save_org_chart(d14, target)
    check(e.value, f"cannot tell the format of '{target}': the file name must end in one of .png, .svg, .pdf",
          [f"'{target}'", ".png", ".svg", ".pdf"])
    with pytest.raises(ValueError) as e:
        shoporg.plot_org(d14, mode="diagonal")
    check(e.value, "unknown mode 'diagonal'; allowed: top-down, left-right, stacked, auto",
          ["'diagonal'", "top-down", "left-right", "stacked", "auto"])
    with pytest.raises(ValueError) as e:
        tidy_layout(nx.DiGraph([("a", "b")]), sibling_gap=-1)
    check(e.value, "sibling_gap must be a finite number >= 0, got -1", ["sibling_gap"])
    with pytest.raises(AppError) as e:
        start(notebook=tmp_path / "none.ipynb")
    check(e.value, f"{tmp_path / 'none.ipynb'}: no such notebook", [str(tmp_path / "none.ipynb")])


# -- where a person reads them: the widgets and the command line --------------------------------

@pytest.mark.parametrize("lacking", ["supply", "driver"])
def test_the_designer_shows_payroll_errors_in_its_language(d14, s14, without_store_incidents, lacking):
    from shoporg.widgets import Designer

    scenario = dataclasses.replace(s14, supply={}) if lacking == "supply" else without_store_incidents
    with pytest.raises(shoporg.PayrollError) as e:
        payroll(d14, scenario)
    zh = Designer(design=d14, scenario=scenario, show_chart=False, lang="zh")
    shown = html.unescape(zh.summary.value)
    assert "无法计算工资：" + error_text(e.value, "zh") in shown
    assert not english_words(re.sub(r"<[^>]+>", " ", shown), ["roles[0].pay[1].rate", "roles[8].pay[1]",
                                                              "supply={'director.pay[1].rate': ...}"]), shown
    en = Designer(design=d14, scenario=scenario, show_chart=False, lang="en")
    assert "Payroll cannot be computed: " + str(e.value) in html.unescape(en.summary.value)


def test_the_command_line_prints_errors_in_the_language_given(write, capsys):
    scenario = str(write("schema: shoporg/scenario-v1\nbase: {orders: 1}\n", name="s.yaml"))
    assert main(["payroll", "seed-14-basic-22", "--scenario", scenario, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("shoporg: roles[0].pay[1].rate：岗位“电商总监”的营业额奖金缺少比例/单价"), err
    for lang in ([], ["--lang", "en"], ["--lang=en"]):
        assert main(["payroll", "seed-14-basic-22", "--scenario", scenario, *lang]) == 2
        assert capsys.readouterr().err.startswith("shoporg: roles[0].pay[1].rate: the rate of 营业额奖金 (revenue_bonus)")
    assert main(["payroll", "seed-14-basic-22", "--scenario", scenario, "--supply", "x", "--lang", "zh"]) == 2
    assert capsys.readouterr().err == "shoporg: --supply 的写法是 KEY=NUMBER（如 director.pay[1].rate=0.002），实际为 'x'\n"


def test_an_unknown_norm_method_is_named_as_a_method_not_a_pay_kind(tmp_path):
    from shoporg.staffing import read_norms

    path = tmp_path / "norms.yaml"
    path.write_text("schema: shoporg/norms-v1\nid: x\nname: x\nnorms:\n  picker: {method: quotaa, driver: orders}\n",
                    encoding="utf-8")
    with pytest.raises(shoporg.DesignValidationError) as caught:
        read_norms(path)
    problem, = caught.value.problems
    assert problem.location == "norms.picker.method"
    assert problem.message == "unknown method 'quotaa' (did you mean 'quota'?); allowed: quota, erlang"
    assert "不存在" in problem.text("zh") and "pay kind" not in str(problem)
