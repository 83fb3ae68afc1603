"""The templates follow the source documents: known facts, word-for-word Chinese."""

from decimal import Decimal

import pytest

from shoporg import list_templates, load_template
from shoporg.catalogue import duty_area_ids, duty_areas
from shoporg.pay import missing_parameters

from .conftest import SOURCE_TEXT

SOURCE = SOURCE_TEXT.read_text(encoding="utf-8")
# The bundle carries stray "?" (encoding debris) in one copy of design 9; line breaks
# fall inside some sentences.
SOURCE_FLAT = SOURCE.replace("?", "").replace("\n", "")
IDS = [f"seed-{n:02d}" for n in range(1, 15)]


def template(prefix: str):
    (tid,) = [t for t in list_templates()["id"] if t.startswith(prefix)]
    return load_template(tid)


def all_templates():
    return [load_template(t) for t in list_templates()["id"]]


def test_one_template_per_source_design():
    ids = list_templates()["id"].tolist()
    assert [i[:7] for i in ids] == IDS


@pytest.mark.parametrize("design", all_templates(), ids=lambda d: d.id)
def test_template_is_faithful_to_the_source(design):
    assert design.source is not None and design.source.document == SOURCE_TEXT.name
    assert design.source.heading in SOURCE, "heading not in the source document"
    assert design.name.en, "every template has an English name"
    for role in design.roles:
        assert role.name.en, f"{role.id}: English name missing"
        for duty in role.duties:
            assert duty.zh.replace("?", "") in SOURCE_FLAT, f"{role.id}: duty not word for word: {duty.zh}"
            assert duty.en, f"{role.id}: duty without English: {duty.zh}"
        for req in role.requirements:
            assert req.zh.replace("?", "") in SOURCE_FLAT, f"{role.id}: requirement not word for word: {req.zh}"
            assert req.en
        if role.reports_to is not None:
            assert role.reports_to_inferred, f"{role.id}: the source draws no reporting lines"


def test_design_14_positions_people_and_base_pay(d14):
    assert len(d14.roles) == 11 and d14.headcount == 22
    expected = {"director": 1, "promo_manager": 1, "cs_manager": 1, "sales_cs": 5, "aftersales_cs": 3,
                "visual_editor": 2, "copywriter": 1, "admin_finance": 3, "storekeeper": 1, "picker": 2,
                "shipper": 2}
    assert {r.id: int(r.headcount) for r in d14.roles} == expected
    low = high = Decimal(0)
    for r in d14.roles:
        (base,) = [c for c in r.pay if c.kind == "base"]
        lo, hi = base.monthly if isinstance(base.monthly, tuple) else (base.monthly, base.monthly)
        low += lo * r.headcount
        high += hi * r.headcount
    assert (low, high) == (63300, 67400)


def test_design_14_pay_facts(d14):
    picker, shipper = d14.role("picker"), d14.role("shipper")
    for role in (picker, shipper):
        rate = [c for c in role.pay if c.kind == "piece_rate"][0]
        assert rate.rate == 2 and role.pay[0].monthly == 1500
    allowance = [c for c in d14.role("storekeeper").pay if c.kind == "allowance"][0]
    assert (allowance.monthly, allowance.when, allowance.settle, allowance.pay_lag_months) == (
        1500, "store_incidents == 0", "quarterly", 1)
    after = {c.driver: c.rate for c in d14.role("aftersales_cs").pay if c.kind == "piece_rate"}
    assert after == {"complaints": 2, "reviews_reversed": 5, "review_followups": 1}
    team = [c for c in d14.role("aftersales_cs").pay if c.kind == "team_bonus"][0]
    assert (team.amount, team.when) == (500, "negative_reviews == 0") and team.note is not None
    gate = [c for c in d14.role("sales_cs").pay if c.kind == "revenue_bonus"][0]
    assert gate.gate == "attainment >= 1" and gate.scope == "personal"


def test_design_14_keeps_the_three_blank_bonus_formulas_missing(d14):
    blank = {(r.id, c.label.zh) for r in d14.roles for c in r.pay if missing_parameters(c)}
    assert blank == {("director", "营业额奖金"), ("promo_manager", "效益奖金"), ("cs_manager", "营业额奖金"),
                     ("sales_cs", "营业额奖金")}


def test_design_6_keeps_surviving_kpi_weights():
    d6 = template("seed-06")
    weights = sorted(d.weight for r in d6.roles for d in r.duties if d.weight is not None)
    assert weights == [4, 5, 10, 20]
    assert any(d.weight is None for r in d6.roles for d in r.duties)


def test_design_8_gives_one_person_per_role_with_requirements():
    d8 = template("seed-08")
    assert [int(r.headcount) for r in d8.roles] == [1, 1]
    assert not any(r.headcount_assumed for r in d8.roles)
    assert all(r.requirements for r in d8.roles)


def test_every_duty_area_is_in_the_catalogue_and_catalogue_is_bilingual():
    used = {d.area for t in all_templates() for r in t.roles for d in r.duties}
    assert used <= duty_area_ids()
    cat = duty_areas()
    assert cat["zh"].str.len().gt(0).all() and cat["en"].str.len().gt(0).all()
    assert len(used) >= 20, "the templates should exercise most of the catalogue"
