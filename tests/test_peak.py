"""Peak options for design 14 under the Double 11 scenario, with the numbers worked by hand."""

import numpy as np
import pytest

import shoporg
from shoporg.employment.params import load_pack
from shoporg.staffing import plan, read_norms
from shoporg.staffing.peak import PeakError, PeakInputs, mix_words, peak_options
from shoporg.staffing.sizing import erlang_headcount

from .conftest import TEMPLATES

NORMS = read_norms(TEMPLATES / "norms" / "d14-norms.yaml")

# 劳社部发〔2008〕3号: hourly wage = monthly wage ÷ 21.75 ÷ 8; Labor Law art. 44: workday overtime at 150%
PICKER_OVERTIME_HOURLY = 1500 / 21.75 / 8 * 1.5
# d14-norms: 250 orders a person-day (so 250 ÷ 8 an hour), 20.83 days, 95% attendance, ×1.1 within the month
PICKER_CAPACITY = 250 * 20.83 * 0.95


@pytest.fixture(scope="module")
def november(d14):
    s = shoporg.load_scenario("d14-double11")
    p = peak_options(d14, s, NORMS, PeakInputs(agency_markup=0.15))
    return p.options.set_index(["role", "mix"]), p.best.set_index("role")


def test_the_november_picker_is_a_temp_because_overtime_would_pass_36_hours(november):
    options, best = november
    # November: 3,000 × 2.5 = 7,500 orders picked; workload 7,500 × 1.1 = 8,250; the one permanent
    # picker handles 4,947.125, so 3,302.875 orders = 105.692 hours are missing.
    hours = (7500 * 1.1 - PICKER_CAPACITY) / (250 / 8)
    ot = options.loc[("picker", "overtime")]
    assert ot["overtime_hours"] == pytest.approx(hours) and hours == pytest.approx(105.692)
    assert ot["cost_fen"] == round(hours * PICKER_OVERTIME_HOURLY * 100)  # 1,366.71 yuan
    assert not ot["legal"] and ot["breaks"] == "overtime.month_cap,overtime.day_cap"  # Labor Law art. 41
    temp = options.loc[("picker", "temps")]
    assert temp["cost_fen"] == 150000  # one temp at the picker's base of 1,500
    # the pool of 2 yuan × 7,500 orders is shared by FTE: the temp takes half of it from the permanent picker
    assert temp["piece_to_temps"] == 7500
    # the agency's 15% on what it pays the temp: (1,500 + 7,500) × 1.15 − 7,500 (the pool's share costs the shop anyway)
    assert options.loc[("picker", "agency"), "cost_fen"] == round((1500 * 1.15 + 0.15 * 7500) * 100)
    row = best.loc["picker"]
    assert (row["mix"], row["cost_fen"], row["cheaper_mix"], row["cheaper_breaks"]) == (
        "temps", 150000, "overtime", "overtime.month_cap")
    assert row["cheaper_cost"] == pytest.approx(hours * PICKER_OVERTIME_HOURLY, abs=0.005)
    assert mix_words(row, "zh") == "临时工1人" and mix_words(row, "en") == "temps: 1"


def test_the_shipper_temp_is_cheaper_than_overtime_anyway(november):
    options, best = november
    hours = (7500 * 1.1 - 220 * 20.83 * 0.95) / (220 / 8)  # 220 orders a day: 141.69 hours missing
    assert options.loc[("shipper", "overtime"), "cost_fen"] == round(hours * PICKER_OVERTIME_HOURLY * 100)
    assert best.loc["shipper", "mix"] == "temps" and best.loc["shipper", "cheaper_breaks"] is None


def test_a_small_peak_is_worked_as_overtime_within_the_caps(d14):
    s = shoporg.load_scenario("d14-double11")
    picked = s.driver("orders_picked").copy()
    picked[10] = 5400  # workload 5,940: 992.875 orders = 31.77 hours missing, under 36 a month and 3 a day
    s = s.with_drivers(orders_picked=picked)
    best = peak_options(d14, s, NORMS).best.set_index("role").loc["picker"]
    hours = (5400 * 1.1 - PICKER_CAPACITY) / (250 / 8)
    assert hours < 36 and hours / 20.83 < 3
    assert best["mix"] == "overtime" and best["legal"]
    assert best["cost_fen"] == round(hours * PICKER_OVERTIME_HOURLY * 100)


def test_outsourced_chats_are_the_fewest_that_let_the_permanent_agents_cope(d14):
    s = shoporg.load_scenario("d14-double11")
    p = peak_options(d14, s, NORMS, PeakInputs(per_chat=0.8))
    out = p.options.set_index(["role", "mix"]).loc[("sales_cs", "outsourced")]
    chats = 30000 - out["outsourced_chats"]  # November: 12,000 × 2.5 chats
    permanent = 11  # the median month's 12,000 chats need 11 agents
    assert p.options.query("role == 'sales_cs'")["month"].unique().tolist() == ["2026-11"]
    assert erlang_headcount(chats, NORMS.norms["sales_cs"])[1]["fte_month"] <= permanent
    assert erlang_headcount(chats + 100, NORMS.norms["sales_cs"])[1]["fte_month"] > permanent
    assert out["cost_fen"] == round(out["outsourced_chats"] * 0.8 * 100)
    best = p.best.set_index("role").loc["sales_cs"]
    legal = p.options[(p.options.role == "sales_cs") & p.options.legal]
    assert best["cost_fen"] == legal["cost_fen"].min()


def test_a_chatbot_takes_its_share_of_the_chats(d14):
    s = shoporg.load_scenario("d14-double11")
    p = peak_options(d14, s, NORMS, PeakInputs(chatbot_share=0.2, chatbot_per_chat=0.05))
    bot = p.options[(p.options.role == "sales_cs") & (p.options.bot_chats > 0)]
    assert set(bot["bot_chats"]) == {30000 * 0.2}
    assert set(bot["bot_fen"]) == {round(6000 * 0.05 * 100)}
    assert (bot["cost_fen"] == bot["temps_fen"] + bot["overtime_fen"] + bot["outsourced_fen"] + bot["bot_fen"]).all()
    # fewer chats for the agents: the bot's mixes need fewer temps
    assert bot["temps"].max() < p.options[(p.options.role == "sales_cs") & (p.options.bot_chats == 0)]["temps"].max()


def test_a_temp_below_the_minimum_wage_breaks_the_rule(d14):
    s = shoporg.load_scenario("d14-double11")
    floor = load_pack("上海").fact("minimum_wage.monthly", "2026-11")
    p = peak_options(d14, s, NORMS, PeakInputs(temp_wage=floor.value - 1, region="上海"))
    o = p.options.set_index(["role", "mix"])
    # the after-sales temp's share of the piece pools (2 × 45 × 2.5 complaints, 5 × 15 reversed reviews,
    # 1 × 750 follow-ups, shared by 2 FTE) lifts them above the floor; a sales temp has no piece pay
    assert o.loc[("aftersales_cs", "temps"), "legal"]
    assert o.loc[("sales_cs", "temps"), "breaks"] == "minimum_wage"
    src = p.sources().set_index("key")
    assert src.loc["minimum_wage.monthly", "source"] == floor.cite()
    assert src.loc["overtime.max_hours_month", "value"] == 36 and src.loc["overtime.max_hours_month", "verified"]
    at_floor = peak_options(d14, s, NORMS, PeakInputs(temp_wage="minimum_wage", region="上海")).options
    assert at_floor.set_index(["role", "mix"]).loc[("sales_cs", "temps"), "temps_fen"] == 5 * floor.value * 100


@pytest.mark.parametrize("kw", [{"agency_markup": -0.1}, {"chatbot_share": 1.5}, {"per_chat": float("nan")},
                                {"temp_wage": 0}, {"temp_wage": "minimum_wage"}])
def test_inputs_out_of_range_are_refused(kw):
    with pytest.raises(PeakError):
        PeakInputs(**kw)


def test_inputs_left_out_are_said_as_not_priced():
    words = [a.text("en") for a in PeakInputs(per_chat=0.8).assumptions()]
    assert words == ["Assumption: a temp is paid the role's base pay",
                     "No agency fee given: agency staff not priced",
                     "Assumption: outsourced chat service at ¥0.80 a chat",
                     "No chatbot share given: no chatbot priced"]


def test_plan_carries_the_peak_options(d14):
    s = shoporg.load_scenario("d14-double11")
    p = plan(d14, s, NORMS, peak=PeakInputs(per_chat=0.8))
    assert set(p.peak.best["role"]) == {"sales_cs", "aftersales_cs", "picker", "shipper"}
    cost = p.peak.cost_by_month(s.months)
    assert cost.loc["2026-10"].sum() == 0 and cost.loc["2026-11", "picker"] == 150000
    table = p.peak.table("zh")
    assert "更便宜的组合违反" in table.columns
    assert table.set_index("岗位").loc["捡单员", "更便宜的组合违反"] == "每月加班不超过36小时（劳动法第四十一条）"
    assert table.set_index("岗位").loc["捡单员", "月份"] == shoporg.fmt.month("2026-11", "zh")
    assert table.set_index("岗位").loc["发货员", "更便宜的组合违反"] == ""  # no cheaper mix than a temp


def test_a_peak_with_no_lawful_mix_is_marked(d14):
    s = shoporg.load_scenario("d14-double11")
    p = peak_options(d14, s, NORMS, PeakInputs(temp_wage=1000, region="上海"))
    row = p.best.set_index("role").loc["sales_cs"]
    assert not row["legal"] and row["breaks"]
    assert np.isfinite(row["cost"])


def _employer(gross):
    """The test pack's employer rates on a monthly gross inside its floor and cap, each branch
    rounded half up to the fen: pension 16%, medical 10%, unemployment 0.5%, work injury 0.16%,
    housing fund 5%."""
    from decimal import ROUND_HALF_UP, Decimal
    return sum(float((Decimal(str(gross)) * Decimal(r)).quantize(Decimal("0.01"), ROUND_HALF_UP))
               for r in ("0.16", "0.10", "0.005", "0.0016", "0.05"))


def test_with_a_city_the_mixes_carry_the_employers_contributions(d14):
    pack = load_pack("测试市", root=TEMPLATES.parent / "tests" / "params" / "cn")
    s = shoporg.load_scenario("d14-double11")
    p = peak_options(d14, s, NORMS, PeakInputs(agency_markup=0.15, region="测试市"), pack=pack)
    assert p.employer_priced
    o = p.options.set_index(["role", "mix"])
    # the permanent picker's November: base 1,500 + the whole pool of 15,000 = 16,500
    # a temp takes 7,500 of the pool: the permanent picker's pay falls to 9,000, the temp earns 9,000
    temps = _employer(9000) - (_employer(16500) - _employer(9000))
    assert o.loc[("picker", "temps"), "employer_fen"] == round(temps * 100)  # 474.90
    overtime = 136671 / 100  # the overtime pay worked out above
    more = _employer(16500 + overtime) - _employer(16500)
    assert o.loc[("picker", "overtime"), "labour_cost_fen"] == 136671 + round(more * 100)
    agency = _employer(9000) * 1.15 - (_employer(16500) - _employer(9000))  # the fee is on the contributions too
    assert o.loc[("picker", "agency"), "employer_fen"] == round(agency * 100)
    best = p.best.set_index("role").loc["picker"]
    assert (best["mix"], best["labour_cost_fen"], best["cheaper_breaks"]) == (
        "temps", 150000 + round(temps * 100), "overtime.month_cap")
    assert best["cheaper_cost"] == pytest.approx(1366.71 + more)
    table = p.table("en").set_index("role")
    assert table.loc["Order picker", "extra employment cost (yuan, employer contributions included)"] == \
        pytest.approx(1500 + temps)


def test_a_pack_that_cannot_price_the_plan_says_so(d14):
    s = shoporg.load_scenario("d14-double11")
    p = peak_options(d14, s, NORMS, PeakInputs(region="上海"))
    if p.employer_priced:
        pytest.skip("the Shanghai pack now prices every month of 2026")
    assert (p.options["employer_fen"] == 0).all() and p.employer_note is not None
    assert "未计单位社保公积金" in p.employer_note.text("zh")
