"""The training course: every check passes the reference answer and fails a wrong one,
and every lesson notebook is bilingual and ships a passing reference answer."""

import re

import nbformat
import pytest

import shoporg
from shoporg import course
from shoporg.errors import ShopOrgError
from shoporg.staffing import read_norms

from .conftest import ROOT, TEMPLATES

COURSE = ROOT / "notebooks" / "course"
WAREHOUSE_AREAS = ["warehouse.stock", "logistics.fulfilment", "logistics.delivery"]
PEAK = dict(arrivals=120, aht_s=240, concurrency=3, service_level=0.8, answer_within_s=30,
            max_occupancy=0.85, shrinkage=0.3)


@pytest.fixture(scope="module")
def scenario():
    return shoporg.read_scenario(TEMPLATES / "scenarios" / "d14-double11.yaml")


@pytest.fixture(scope="module")
def norms():
    return read_norms(TEMPLATES / "norms" / "d14-norms.yaml")


def _warehouse_clerk(d14, *sources):
    duties = tuple(duty for rid in sources for duty in d14.role(rid).duties)
    return shoporg.Role(id="warehouse_clerk", name={"zh": "仓储发货员", "en": "Warehouse and shipping clerk"},
                        reports_to="shop_manager", headcount=1, duties=duties)


def _sales_pay(rate, gate="attainment >= 1"):
    return [{"kind": "base", "monthly": [1600, 2000]},
            {"kind": "revenue_bonus", "rate": rate, "scope": "personal", "gate": gate}]


def _lead_structure(d14):
    lead = shoporg.Role(id="aftersales_lead", name={"zh": "售后组长", "en": "After-sales team lead"},
                        department="customer_service", reports_to="cs_manager", headcount=1,
                        pay=[{"kind": "base", "monthly": 2500}], duties=d14.role("aftersales_cs").duties)
    return (d14.with_role(lead, after="sales_cs").move_role("aftersales_cs", "aftersales_lead")
            .with_headcount("aftersales_cs", 2))


def _option_c(d14, scenario, norms):
    staffed = shoporg.scale_design(d14, scenario, norms)
    return (shoporg.merge_roles(staffed, ["visual_editor", "copywriter"], into="visual_editor", headcount=2)
            .with_headcount("admin_finance", 2))


# -- the result object -----------------------------------------------------------------------

def test_check_prints_verdict_and_both_languages():
    ok, no = course.Check(True, "达到", "met"), course.Check(False, "差1人", "one short")
    assert str(ok).splitlines() == ["✓ 达标 · Meets the target", "  达到", "  met"]
    assert str(no).splitlines()[0] == "✗ 未达标 · Not yet"
    assert bool(ok) and not bool(no)
    with pytest.raises(AttributeError):
        ok.passed = False  # frozen


# -- lesson 1: coverage ------------------------------------------------------------------------

def test_coverage_reference_answer_passes(d14, d12):
    answer = d12.with_role(_warehouse_clerk(d14, "storekeeper", "shipper"))
    check = course.check_coverage(answer, WAREHOUSE_AREAS, max_people=6)
    assert check.passed
    assert "3个职责领域都有岗位负责" in check.message_zh and "6 people, within 6" in check.message_en


def test_coverage_fails_naming_the_missing_area(d14, d12):
    wrong = d12.with_role(_warehouse_clerk(d14, "storekeeper"))
    check = course.check_coverage(wrong, WAREHOUSE_AREAS, max_people=6)
    assert not check.passed
    assert "1 duty area has no owner" in check.message_en
    assert "logistics.delivery" in check.message_en and "配送与物流跟踪" in check.message_zh
    assert "warehouse.stock" not in check.message_en


def test_coverage_fails_on_too_many_people(d14, d12):
    answer = d12.with_role(_warehouse_clerk(d14, "storekeeper", "shipper")).with_headcount("warehouse_clerk", 2)
    check = course.check_coverage(answer, WAREHOUSE_AREAS, max_people=6)
    assert not check.passed
    assert "7 people, more than the limit of 6" in check.message_en and "共7人" in check.message_zh


def test_coverage_rejects_unknown_areas(d12):
    with pytest.raises(ShopOrgError, match="unknown duty area"):
        course.check_coverage(d12, ["warehouse.stocks"])


# -- lesson 2: Erlang and headcount ------------------------------------------------------------

def test_agents_reference_answer_passes():
    check = course.check_agents(10, **PEAK)
    assert check.passed
    assert "89.5%" in check.message_en and "15 people to schedule" in check.message_en


def test_agents_too_few_fails_with_the_service_level():
    check = course.check_agents(9, **PEAK)
    assert not check.passed
    assert "65.0%" in check.message_en and "at least 10" in check.message_en
    assert "至少需要10名" in check.message_zh


def test_agents_too_many_fails():
    check = course.check_agents(11, **PEAK)
    assert not check.passed
    assert "more than needed: 10" in check.message_en


def test_agents_below_occupancy_cap_fails():
    # with a low occupancy cap the service level is met before the cap is
    need = shoporg.required_agents(120, 240, answer_within_s=30, max_occupancy=0.6).agents
    check = course.check_agents(need - 1, 120, 240, answer_within_s=30, max_occupancy=0.6)
    assert not check.passed and "above the cap of 60.0%" in check.message_en


def test_headcount_reference_answer_passes(d14, scenario, norms):
    next_year = course.grow(scenario, 2)
    staffed = (d14.with_headcount("sales_cs", 15).with_headcount("aftersales_cs", 2)
               .with_headcount("picker", 2).with_headcount("shipper", 2))
    check = course.check_headcount(staffed, next_year, norms)
    assert check.passed and "18 temporary staff" in check.message_en


def test_headcount_fails_naming_each_shortfall(d14, scenario, norms):
    this_year = shoporg.scale_design(d14, scenario, norms)
    check = course.check_headcount(this_year, course.grow(scenario, 2), norms)
    assert not check.passed
    assert "Sales customer service (sales_cs) has 11, 15 recommended (4 short)" in check.message_en
    assert "销售客服（sales_cs）11人，建议15人（少4人）" in check.message_zh


def test_headcount_fails_on_too_many_unless_slack(d14, scenario, norms):
    staffed = shoporg.scale_design(d14, scenario, norms).with_headcount("picker", 2)
    check = course.check_headcount(staffed, scenario, norms)
    assert not check.passed and "has 2, 1 recommended (1 too many)" in check.message_en
    assert course.check_headcount(staffed, scenario, norms, slack=1).passed


def test_headcount_needs_a_norm(d12, scenario):
    with pytest.raises(ShopOrgError, match="no role"):
        course.check_headcount(d12, scenario)


# -- lesson 3: pay -----------------------------------------------------------------------------

PAY_TARGETS = dict(min_variable_share=0.30, max_revenue_share=0.025, bonus_only_if="attainment >= 1")


def test_pay_reference_answer_passes(d14, scenario):
    answer = d14.with_role_changes("sales_cs", pay=_sales_pay(0.01))
    check = course.check_pay(answer, scenario, "sales_cs", **PAY_TARGETS)
    assert check.passed
    assert "35.1%" in check.message_en and "2.28%" in check.message_en


def test_pay_fails_on_a_low_incentive_share(d14, scenario):
    check = course.check_pay(d14.with_role_changes("sales_cs", pay=_sales_pay(0.004)), scenario, "sales_cs",
                             **PAY_TARGETS)
    assert not check.passed
    assert "only 17.8% of pay, below the target of 30%" in check.message_en
    assert "17.8%" in check.message_zh


def test_pay_fails_on_cost_above_the_revenue_share(d14, scenario):
    check = course.check_pay(d14.with_role_changes("sales_cs", pay=_sales_pay(0.015)), scenario, "sales_cs",
                             **PAY_TARGETS)
    assert not check.passed
    assert "2.68% of revenue, above the limit of 2.50%" in check.message_en


def test_pay_fails_without_the_gate(d14, scenario):
    check = course.check_pay(d14.with_role_changes("sales_cs", pay=_sales_pay(0.01, gate=None)), scenario,
                             "sales_cs", **PAY_TARGETS)
    assert not check.passed
    assert "person 3" in check.message_en and "attainment = 0.95" in check.message_en
    assert "¥1,080.00" in check.message_en and "12 such person-months" in check.message_en


def test_pay_cost_per_order_and_lowest_month(d14, scenario):
    assert course.check_pay(d14, scenario, "picker", max_cost_per_order=3).passed
    check = course.check_pay(d14, scenario, "picker", max_cost_per_order=2.5)
    assert not check.passed and "¥2.89 per order, above the limit of ¥2.50" in check.message_en
    check = course.check_pay(d14, scenario, "sales_cs", min_monthly_pay=2000)
    assert not check.passed and "person 3 earns only ¥1,800.00" in check.message_en


def test_pay_needs_a_target(d14, scenario):
    with pytest.raises(ShopOrgError, match="at least one target"):
        course.check_pay(d14, scenario, "picker")


# -- lesson 4: structure -----------------------------------------------------------------------

def test_structure_reference_answer_passes(d14):
    check = course.check_structure(_lead_structure(d14), max_span=7, max_layers=4, max_people=22, baseline=d14)
    assert check.passed
    assert "widest span 6 people" in check.message_en and "4 layers" in check.message_en


def test_structure_fails_on_a_wide_span(d14):
    wrong = d14.move_role("aftersales_cs", "director")
    check = course.check_structure(wrong, max_span=7, max_layers=4, max_people=22, baseline=d14)
    assert not check.passed
    assert "E-commerce director (director) has 9 people reporting directly" in check.message_en
    assert "直接管理9人" in check.message_zh


def test_structure_fails_on_layers_people_duties_and_lost_areas(d14):
    answer = _lead_structure(d14)
    assert "4 layers, more than the limit of 3" in course.check_structure(answer, max_layers=3).message_en
    assert "23 people" in course.check_structure(answer.with_headcount("aftersales_cs", 3),
                                                 max_people=22).message_en
    empty = answer.with_role_changes("aftersales_lead", duties=())
    assert "After-sales team lead (aftersales_lead) has no duties" in course.check_structure(empty).message_en
    lost = d14.without_role("storekeeper").without_role("picker").without_role("shipper")
    check = course.check_structure(lost, baseline=d14, max_span=20)
    assert not check.passed and "logistics.fulfilment" in check.message_en


# -- lesson 5: an option -----------------------------------------------------------------------

def test_option_reference_answer_passes(d14, scenario, norms):
    check = course.check_option(_option_c(d14, scenario, norms), scenario, norms, max_cost_per_order=25.48,
                                baseline=d14)
    assert check.passed
    assert "¥24.99 per order" in check.message_en


def test_option_fails_when_understaffed(d14, scenario, norms):
    check = course.check_option(d14.with_headcount("admin_finance", 2), scenario, norms,
                                max_cost_per_order=25.48, baseline=d14)
    assert not check.passed
    assert "has 5, 11 recommended (6 short)" in check.message_en


def test_option_fails_above_the_cost_ceiling(d14, scenario, norms):
    staffed = shoporg.scale_design(d14, scenario, norms)
    check = course.check_option(staffed, scenario, norms, max_cost_per_order=25.48, baseline=d14)
    assert not check.passed
    assert "payroll per order ¥26.78, above the limit of ¥25.48" in check.message_en


def test_option_fails_when_a_duty_area_is_lost(d14, scenario, norms):
    lean = _option_c(d14, scenario, norms).without_role("admin_finance")
    check = course.check_option(lean, scenario, norms, max_cost_per_order=25.48, baseline=d14)
    assert not check.passed
    assert "finance.accounting" in check.message_en and "财务管理" in check.message_zh


def test_with_a_city_the_lean_option_pays_below_the_minimum_wage(d14, scenario, norms):
    import dataclasses

    shanghai = dataclasses.replace(scenario, employment={"city": "上海"})
    lean = _option_c(d14, scenario, norms)
    check = course.check_option(lean, shanghai, norms, max_cost_per_order=47, baseline=d14)
    assert not check.passed  # on gross pay it met a 25.48 ceiling; in Shanghai it breaks the law
    assert "person-months below Shanghai's minimum wage of 2,740.00" in check.message_en
    assert "低于上海最低工资" in check.message_zh


def test_lifted_to_the_minimum_wage_the_lean_option_costs_more_than_the_lifted_original(d14, scenario, norms):
    import dataclasses

    shanghai = dataclasses.replace(scenario, employment={"city": "上海"})
    lean, rises = course.lift_to_minimum_wage(_option_c(d14, scenario, norms), shanghai)
    original, _ = course.lift_to_minimum_wage(d14, shanghai)
    assert set(rises) == {"sales_cs", "aftersales_cs", "admin_finance"}
    check = course.check_option(lean, shanghai, norms, max_cost_per_order=47, baseline=d14)
    assert check.passed and "nobody is paid below the minimum wage" in check.message_en
    per_order = {}
    for name, d in (("lean", lean), ("original", original)):
        fitted = course.shop_wide(shanghai, d)
        per_order[name] = shoporg.payroll(d, fitted).chain_total("labour_cost") / fitted.driver("orders").sum()
    # the lean option's gross-pay saving is gone: eleven agents at the minimum wage cost more
    assert per_order["lean"] > per_order["original"]
    assert f"¥{per_order['lean']:,.2f} per order" in check.message_en
    failed = course.check_option(lean, shanghai, norms, max_cost_per_order=per_order["original"], baseline=d14)
    assert not failed.passed and "employment cost per order" in failed.message_en


# -- scenario helpers --------------------------------------------------------------------------

def test_grow_scales_volumes_only(scenario):
    g = course.grow(scenario, 2)
    assert g.driver("orders").tolist() == (scenario.driver("orders") * 2).tolist()
    assert g.driver("store_incidents").tolist() == scenario.driver("store_incidents").tolist()
    assert g.driver("attainment", "sales_cs").tolist() == scenario.driver("attainment", "sales_cs").tolist()
    with pytest.raises(ShopOrgError):
        course.grow(scenario, -1)


def test_shop_wide_averages_only_mismatched_roles(d14, scenario):
    assert course.shop_wide(scenario, d14).driver("attainment", "sales_cs").shape == (12, 5)
    bigger = d14.with_headcount("sales_cs", 11)
    assert course.shop_wide(scenario, bigger).driver("attainment", "sales_cs").shape == (12,)
    assert shoporg.payroll(bigger, course.shop_wide(scenario, bigger)).total() > 0


# -- the lesson notebooks ----------------------------------------------------------------------

LESSONS = sorted(COURSE.glob("[0-9][0-9]_*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{2,}")


def test_four_to_six_lessons():
    assert 4 <= len(LESSONS) <= 6
    assert [p.name[:2] for p in LESSONS] == [f"{i:02d}" for i in range(1, len(LESSONS) + 1)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_headings_are_bilingual(path):
    nb = nbformat.read(path, as_version=4)
    number = int(path.name[:2])
    title = nb.cells[0].source.splitlines()[0]
    assert re.fullmatch(rf"# 第{number}课 .+ · Lesson {number}: .+", title), title
    headings = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
                if line.startswith("#")]
    assert len(headings) >= 4
    for line in headings:
        assert " · " in line and CJK.search(line) and LATIN.search(line), line
    # Chinese paragraphs come with an English one in italics
    italics = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
               if line.startswith("*") and line.endswith("*") and not line.startswith("**")]
    assert len(italics) >= 5


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_ships_a_passing_reference_answer(path):
    nb = nbformat.read(path, as_version=4)
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    exercises = [i for i, t in enumerate(tags) if "exercise" in t]
    checks = [i for i, t in enumerate(tags) if "check" in t]
    assert exercises and len(exercises) == len(checks)
    for e, c in zip(exercises, checks):
        assert c == e + 1, "a check cell follows each exercise cell"
        cell = nb.cells[c]
        assert "course.check_" in cell.source
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert text.startswith("✓ 达标 · Meets the target"), text


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_holds_no_paths_or_errors(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert "import matplotlib" not in cell.source or "matplotlib.use" in cell.source
        for out in cell.outputs:
            assert out.output_type != "error"
            text = out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
            assert "/tmp/" not in text and "0x" not in text
