"""Sizing views of the Volumes and Options tabs: team leaders from a span norm, the
sensitivity of each chat role's headcount, the chat staffing by hour with its shift plan,
and the ways to cover the peak months."""

import math
import re

import numpy as np
import pytest

import shoporg
from shoporg import fmt
from shoporg.model import Role
from shoporg.staffing import StaffingError, read_norms, recommend_headcount
from shoporg.staffing.peak import PeakInputs, mix_words, peak_options
from shoporg.staffing.sensitivity import headcount_sensitivity
from shoporg.staffing.shift_plan import day_profile, shift_plan
from shoporg.staffing.team_leaders import DEFAULT_SPAN, span_norm, suggest_team_leaders, team_leaders
from shoporg.widgets import Comparer, ScenarioExplorer, Workbook
from shoporg.widgets.explorer import DETAILS

SCENARIO = shoporg.templates_dir() / "scenarios" / "d14-double11.yaml"
NORMS = shoporg.templates_dir() / "norms" / "d14-norms.yaml"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def setup():
    return shoporg.load_template("seed-14-basic-22"), shoporg.read_scenario(SCENARIO), read_norms(NORMS)


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def _rows(html: str) -> list[list[str]]:
    """The body rows of an HTML table, cell texts."""
    body = html.split("<tbody>", 1)[1]
    return [[_text(c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def _open(app, key):
    app.details.selected_index = DETAILS.index(key)


# -- team leaders ---------------------------------------------------------------------

@pytest.mark.parametrize("people, span, leaders", [
    (86, 12, 8),  # 86 / 12 = 7.17: seven leaders would lead more than 12 each
    (12, 12, 0), (12.5, 12, 2), (13, 12, 2), (24, 12, 2), (25, 12, 3), (0, 12, 0),
    (2, 1, 2), (84, 12, 7), (85, 12, 8)])
def test_team_leaders_are_the_ceiling_of_people_over_the_span_beyond_the_span(people, span, leaders):
    assert team_leaders(people, span) == leaders
    if leaders:  # no leader leads more than the span, and one fewer would
        assert people / leaders <= span < people / (leaders - 1 or 0.5)


@pytest.mark.parametrize("span", [0, 0.5, float("nan"), "12"])
def test_a_span_below_one_is_refused(span):
    with pytest.raises(StaffingError):
        team_leaders(10, span)


def test_86_agents_sized_from_chats_get_8_leaders_at_the_default_span_marked_an_assumption(setup):
    d, _, n = setup
    assert span_norm(n) == (DEFAULT_SPAN, True)  # the d14 norms file states no span
    volumes = {"consultations": 240_000, "orders": 3000, "orders_picked": 3000, "orders_shipped": 3000}
    rec = recommend_headcount(d, volumes, n)
    assert rec.set_index("role").loc["sales_cs", "recommended"] == 86
    s = suggest_team_leaders(d, rec, n).set_index("role")
    assert list(s.index) == ["sales_cs"]
    assert s.loc["sales_cs", "leaders"] == 8 and s.loc["sales_cs", "leader_role"] is None
    assert "假设" in s.loc["sales_cs", "reason"] and "86人" in s.loc["sales_cs", "reason"]
    en = suggest_team_leaders(d, rec, n, "en").loc[0, "reason"]
    assert "assumption" in en and not CJK.search(en)


def _with_leader_role(d):
    lead = Role(id="cs_team_leader", name={"zh": "客服组长", "en": "Customer service team leader"},
                department="customer_service", reports_to="cs_manager", headcount=1)
    return d.with_role(lead).with_role_changes("sales_cs", reports_to="cs_team_leader")


def test_leaders_are_applied_only_where_the_design_has_a_leader_role(setup):
    d, s, n = setup
    big = s.with_drivers(consultations=s.driver("consultations") * 20)
    plain = ScenarioExplorer(d, big, norms=n)
    rows = plain.leaders.set_index("role")
    people = rows.loc["sales_cs", "people"]
    assert rows.loc["sales_cs", "leaders"] == math.ceil(people / 12) > 1
    assert "cs_team_leader" not in plain.recommended()
    assert "仅供参考" in _text(plain.leaders_table.value)

    led = ScenarioExplorer(_with_leader_role(d), big, norms=n)
    got = {}
    led.on_recommend = got.update
    led.recommend_button.click()
    assert got["cs_team_leader"] == math.ceil(people / 12)
    assert got["sales_cs"] == people
    assert "设为“客服组长”的人数" in _text(led.leaders_table.value)


def test_no_leaders_are_suggested_within_the_span(setup):
    d, s, n = setup
    app = ScenarioExplorer(d, s, norms=n, lang="en")
    assert app.leaders.empty
    assert "span of 12" in _text(app.leaders_table.value)


# -- sensitivity ----------------------------------------------------------------------

@pytest.mark.parametrize("volume", [900, 12_000, 30_000, 240_000])
def test_the_headcount_is_monotone_in_each_input(setup, volume):
    norm = setup[2].norms["sales_cs"]
    s = headcount_sensitivity(norm, volume, aht_factors=np.linspace(0.4, 2.0, 9),
                              service_levels=(0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99), concurrency=range(1, 11))
    for name, sign in (("aht_s", 1), ("service_level", 1), ("concurrency", -1)):
        rows = s[s["input"] == name].sort_values("value")
        assert len(rows) >= 8
        assert (np.diff(rows["headcount"].to_numpy()) * sign >= 0).all(), name
    # beyond the one agent a 24-hour queue keeps at night, the inputs really move it
    if volume >= 12_000:
        assert all(s[s["input"] == k]["headcount"].nunique() > 1 for k in ("aht_s", "service_level", "concurrency"))


def test_at_the_norms_own_inputs_the_headcount_is_the_recommended_one(setup):
    d, s, n = setup
    rec = recommend_headcount(d, s, n).set_index("role")
    for volume in (float(rec.loc["sales_cs", "inputs"]["volume"]), 30_000.0):
        sens = headcount_sensitivity(n.norms["sales_cs"], volume)
        own = recommend_headcount(d, {"consultations": volume}, {"sales_cs": n.norms["sales_cs"]}).set_index(
            "role").loc["sales_cs", "recommended"]
        at = sens[sens["at_norm"]]
        assert sorted(at["input"]) == ["aht_s", "concurrency", "service_level"]
        assert (at["headcount"] == own).all()
    assert (sens[sens["input"] == "aht_s"]["value"] == 240).sum() == 1


def test_sensitivity_is_drawn_when_its_section_opens(setup):
    d, s, n = setup
    app = ScenarioExplorer(d, s, norms=n)
    assert app.sensitivity == {} and app.sensitivity_charts.children == ()
    _open(app, "sensitivity")
    assert list(app.sensitivity) == ["sales_cs"]  # the one chat role of design 14
    (out,) = app.sensitivity_charts.children
    assert out.outputs[0]["data"]["image/png"]
    assert "12,000次咨询" in _text(app.sensitivity_note.value)


# -- the shift plan -------------------------------------------------------------------

@pytest.mark.parametrize("hours", [None, ("09:00", "24:00"), ("08:30", "22:00")])
@pytest.mark.parametrize("volume", [12_000, 30_000])
def test_every_hour_is_covered_and_the_agent_hours_add_up(setup, hours, volume):
    norm = setup[2].norms["sales_cs"]
    day = shift_plan(norm, volume, hours)
    t = day.intervals
    step = day.interval_s / 3600
    assert (t["on_shift"] >= t["positions"]).all()
    assert t["agents"].sum() * step == pytest.approx(day.agent_hours)
    assert day.shifts_per_day * day.shift_hours >= t["positions"].sum() * step
    assert t["shift_starts"].sum() == day.shifts_per_day
    assert t["arrivals"].sum() == pytest.approx(volume * float(norm.peak_factor) / float(norm.open_days))
    if hours is not None:  # nothing arrives and nobody works outside the service day
        start, end = (int(h[:2]) * 2 + int(h[3:]) // 30 for h in hours)
        outside = np.r_[0:start, end:48]
        assert t["arrivals"].iloc[outside].sum() == 0 and t["on_shift"].iloc[outside].sum() == 0
        assert t["positions"].iloc[start] > 0


def test_the_service_day_shares_the_profile_in_its_own_proportions(setup):
    norm = setup[2].norms["sales_cs"]
    p = day_profile(norm, ("09:00", "24:00"))
    own = day_profile(norm)
    assert p.sum() == pytest.approx(1)
    assert p[20 * 2] / p[10 * 2] == pytest.approx(own[20] / own[10])  # 20:00 against 10:00


def test_the_shift_section_shows_the_peak_and_a_typical_month_with_their_totals(setup):
    d, s, n = setup
    app = ScenarioExplorer(d, s, norms=n, service_hours=("09:00", "24:00"))
    assert app.shift_plans == {}
    _open(app, "shifts")
    assert sorted(app.shift_plans) == [("sales_cs", "2026-01"), ("sales_cs", "2026-11")]
    words = _text(app.shift_words.value)
    for (_, month), day in app.shift_plans.items():
        assert (day.intervals["on_shift"] >= day.intervals["positions"]).all()
        assert f"{fmt.month(month)}" in words
        assert f"排{day.shifts_per_day}个8小时班次" in words
        assert f"在线坐席共{fmt.number(day.agent_hours, digits=1)}小时" in words
    assert "服务时间09:00–24:00" in words and "旺季" in words and "平常月" in words
    assert app.shift_charts.children[0].outputs[0]["data"]["image/png"]
    # without the brief's hours: the norm's profile, round the clock
    app24 = ScenarioExplorer(d, s, norms=n, lang="en")
    _open(app24, "shifts")
    assert "24 hours a day" in _text(app24.shift_words.value)
    assert not CJK.search(_text(app24.shift_words.value))


# -- peak months ----------------------------------------------------------------------

def test_the_volumes_tab_shows_the_peak_planners_own_figures(setup):
    d, s, n = setup
    app = ScenarioExplorer(d, s, norms=n)
    assert app.peak is None  # not computed before its section opens
    _open(app, "peak")
    own = peak_options(d, s, n)
    assert app.peak.best[["role", "month", "mix", "temps", "cost_fen"]].equals(
        own.best[["role", "month", "mix", "temps", "cost_fen"]])
    rows = _rows(app.peak_table.value)
    assert len(rows) == len(own.options)
    header = _text(app.peak_table.value.split("<tbody>")[0])
    assert "方式" in header and "增加的支出" in header
    order = {r.id: i for i, r in enumerate(d.roles)}
    o = own.options.assign(at=own.options["role"].map(order)).sort_values(["at", "month", "cost_fen"], kind="stable")
    assert [r[3] for r in rows] == [fmt.yuan(c / 100, cents=True) for c in o["cost_fen"]]
    assert [r[2] for r in rows] == [mix_words(r, "zh") for r in o.itertuples()]
    chosen = [(r[0], r[2], r[3]) for r in rows if r[5] == "✓"]
    names = {r.id: r.name.get("zh") for r in d.roles}
    assert sorted(chosen) == sorted((names[b.role], mix_words(b, "zh"), fmt.yuan(b.cost, cents=True))
                                    for b in own.best.itertuples())
    words = _text(app.peak_words.value)
    for b in own.best.itertuples():
        assert f"{names[b.role]} · 2026年11月：选用{mix_words(b, 'zh')}，{fmt.yuan(b.cost, cents=True)}" in words
    assert "每月加班不超过36小时" in words  # what the cheaper overtime would break
    assert "未给出派遣服务费" in words  # an unpriced way is said so


def test_priced_agency_and_outsourcing_appear_as_ways_with_their_cost(setup):
    d, s, n = setup
    inputs = PeakInputs(agency_markup=0.15, per_chat=1.5)
    app = ScenarioExplorer(d, s, norms=n, peak_inputs=inputs, lang="en")
    _open(app, "peak")
    own = peak_options(d, s, n, inputs)
    ways = [r[2] for r in _rows(app.peak_table.value)]
    assert any("agency staff" in w for w in ways) and any("outsourced" in w for w in ways)
    assert int(app.peak.best["cost_fen"].sum()) == int(own.best["cost_fen"].sum())
    assert not CJK.search(_text(app.peak_table.value) + _text(app.peak_words.value))


def test_an_open_section_follows_the_sliders(setup):
    d, s, n = setup
    app = ScenarioExplorer(d, s, norms=n)
    _open(app, "peak")
    before = int(app.peak.best["cost_fen"].sum())
    app.orders_scale.value = 2.0
    after = int(app.peak.best["cost_fen"].sum())
    assert after > before
    assert int(peak_options(d, app.scenario, n).best["cost_fen"].sum()) == after


def test_the_options_tab_shows_each_options_peak_staff_and_cost(setup):
    d, s, n = setup
    fewer = d.without_role("shipper")
    app = Comparer({"now": d, "no shipper": fewer}, s, norms=n)
    r = app.peak_result.set_index("option")
    for name, design in (("now", d), ("no shipper", fewer)):
        best = peak_options(design, s, {k: v for k, v in n.norms.items() if k in design.role_ids}).best
        assert r.loc[name, "cost_fen"] == best["cost_fen"].sum()
        assert r.loc[name, "temps"] == best["temps"].sum()
    shipper = peak_options(d, s, n).best.set_index("role").loc["shipper", "cost_fen"]
    assert r.loc["now", "cost_fen"] - r.loc["no shipper", "cost_fen"] == shipper
    rows = _rows(app.peak_table.value)
    assert [row[0] for row in rows] == ["now", "no shipper"]
    assert rows[0][3] == fmt.yuan(r.loc["now", "cost_fen"] / 100, cents=True) and rows[0][1] == "2026年11月"
    assert "<th></th>" not in app.peak_table.value  # no index column
    en = Comparer({"now": d, "no shipper": fewer}, s, norms=n, lang="en")
    assert "Peak staff and its cost per option" in en.peak_table.value
    assert not CJK.search(_text(en.peak_table.value))


def test_the_workbook_volumes_tab_opens_the_sections_in_code(setup):
    _, s, n = setup
    wb = Workbook(scenario=s, norms=n, show_chart=False)
    wb.tabs.selected_index = 2
    _open(wb.explorer, "peak")
    assert wb.explorer.peak is not None and "选用" in _text(wb.explorer.peak_words.value)


def test_opening_every_section_prints_nothing(setup, capsys):
    d, s, n = setup
    app = ScenarioExplorer(d, s, norms=n, service_hours=("09:00", "24:00"))
    for key in DETAILS:
        _open(app, key)
    app.orders_scale.value = 1.5  # the open section follows
    Comparer({"a": d, "b": d.without_role("shipper")}, s, norms=n)
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


def test_prices_typed_in_the_peak_section_price_agency_staff_and_outsourced_chat(setup):
    d, s, n = setup
    app = ScenarioExplorer(d, s, norms=n)
    _open(app, "peak")
    assert not app.peak.options["agency"].any()
    app.agency_fee.value = "15"
    app.chat_price.value = "1.5"
    assert app.peak_inputs.agency_markup == pytest.approx(0.15) and app.peak_inputs.per_chat == 1.5
    own = peak_options(d, s, n, PeakInputs(agency_markup=0.15, per_chat=1.5))
    assert app.peak.options["cost_fen"].tolist() == own.options["cost_fen"].tolist()
    assert app.peak.options["agency"].any() and (app.peak.options["outsourced_chats"] > 0).any()
    assert "派遣工" in _text(app.peak_table.value) and "外包客服" in _text(app.peak_table.value)
    app.chat_price.value = "-1"  # refused, said where, and the last prices stay
    assert "外包客服单价（元/次）须为0到1,000之间的数" in _text(app.peak_message.value)
    assert app.peak_inputs.per_chat == 1.5
    app.chat_price.value = ""  # empty: not priced
    assert app.peak_message.value == "" and app.peak_inputs.per_chat is None
    assert not (app.peak.options["outsourced_chats"] > 0).any()
