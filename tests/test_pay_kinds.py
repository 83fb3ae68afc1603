"""The pay kinds registry: each kind in one module, and a new kind added from outside the
package (here, from this test module) is computed, validated, worded and published."""

import json
import re
from typing import Literal

import pytest

import shoporg
from shoporg import DesignValidationError, Scenario, payroll, payroll_sweep
from shoporg._types import DriverName, Money
from shoporg.io.schema import SCHEMA_FILE, design_json_schema, schema_text
from shoporg.io.yaml_io import design_from_dict
from shoporg.pay import PAY_KINDS, Kind, register, unregister
from shoporg.pay.kinds import COST_GROUPS, Component, keys_table, money
from shoporg.tables import pay_summary

from .conftest import ROOT


# -- a kind as a plug-in would write it: one model, one Kind ------------------------------------
class MealAllowance(Component):
    """餐补: an amount per day worked."""

    kind: Literal["meal_allowance"]
    per_day: Money
    driver: DriverName = "days_worked"


class _Meal(Kind):
    model = MealAllowance
    label = {"zh": "餐补", "en": "Meal allowance"}
    cost_group = "allowance"
    fields = {"per_day": {"zh": "每天金额", "en": "per day"}}
    keys = "`per_day` 元 per day worked, `driver` (default `days_worked`)"

    def amount(self, c, inp):
        return "people", float(c.per_day) * inp.driver(c.driver) * inp.shares

    def text(self, c, lang):
        return f"{self.name_of(c, lang)} {money(c.per_day, lang)}×{c.driver}"


@pytest.fixture
def meal():
    kind = register(_Meal())
    yield kind
    unregister(kind.name)


def shop(pay, headcount=2):
    return design_from_dict({"schema": "shoporg/design-v1", "id": "canteen", "name": "食堂",
                             "roles": [{"id": "cook", "name": "厨师", "headcount": headcount, "pay": pay}]})


def test_a_kind_registered_from_outside_is_paid(meal):
    design = shop([{"kind": "base", "monthly": 3000}, {"kind": "meal_allowance", "per_day": 15}], headcount=1.5)
    s = Scenario.from_profile({"days_worked": 22})
    pr = payroll(design, s)
    meals = pr.lines[pr.lines.kind == "meal_allowance"].groupby("person")["accrued"].sum()
    # 15 元 × 22 days = 330 元 a month; the half-time second person gets half
    assert meals.tolist() == [330.0 * 12, 165.0 * 12]
    assert pr.summary().loc["accrued", "variable"] == 495.0 * 12 and pr.summary().loc["accrued", "fixed"] == 4500 * 12
    assert payroll_sweep(design, [s, s.with_drivers(days_worked=20)])["accrued"].tolist() == [
        (4500 + 495) * 12, (4500 + 450) * 12]
    assert pay_summary(design.role("cook"), "zh") == "底薪 3000元/月 + 餐补 15元×days_worked"


def test_the_registry_drives_validation_and_the_schema(meal):
    with pytest.raises(DesignValidationError) as e:
        shop([{"kind": "meal_allowanse", "per_day": 15}])
    message = str(e.value)
    assert "did you mean 'meal_allowance'?" in message
    allowed = re.search(r"allowed: (.*)", message).group(1).split(", ")
    assert allowed == sorted(PAY_KINDS) and "meal_allowance" in allowed
    items = design_json_schema()["$defs"]["Role"]["properties"]["pay"]["items"]
    assert items["discriminator"]["mapping"]["meal_allowance"] == "#/$defs/MealAllowance"
    assert "meal_allowance" in keys_table()


def test_unregistering_restores_the_published_schema():
    register(_Meal())
    assert SCHEMA_FILE.read_text(encoding="utf-8") != schema_text()
    unregister("meal_allowance")
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()
    with pytest.raises(DesignValidationError, match="unknown pay kind 'meal_allowance'"):
        shop([{"kind": "meal_allowance", "per_day": 15}])


def test_the_designer_offers_a_registered_kind(meal):
    from shoporg.widgets import Designer

    app = Designer(design=shop([{"kind": "base", "monthly": 3000}]), show_chart=False, lang="en")
    assert ("Meal allowance", "meal_allowance") in app.pay_kind.options
    app.pay_kind.value = "meal_allowance"
    assert app.add_pay()
    added = app.design.role("cook").pay[-1]
    assert (added.kind, added.per_day) == ("meal_allowance", 0)
    app.set_pay("cook", 1, "18")
    assert app.pay_value.description == "Amount/rate (per day)" and app.design.role("cook").pay[1].per_day == 18


def test_every_shipped_kind_is_complete():
    assert list(PAY_KINDS) == ["base", "piece_rate", "revenue_bonus", "team_bonus", "allowance", "deduction",
                              "year_end_bonus", "overtime", "probation"]
    for name, kind in PAY_KINDS.items():
        assert kind.model.model_fields["kind"].annotation == Literal[name]
        assert kind.label["zh"] and kind.label["en"] and kind.cost_group in COST_GROUPS
        assert kind.field in kind.model.model_fields and kind.keys and list(kind.fields)[0] == kind.field
    assert [k for k, kind in PAY_KINDS.items() if kind.fixed] == ["base", "probation"]  # probation cuts the base


def test_one_condition_for_every_kind(d14):
    conditions = {(r.id, c.kind): c.condition for r in d14.roles for c in r.pay if c.condition}
    assert conditions == {("sales_cs", "revenue_bonus"): "attainment >= 1",
                          ("aftersales_cs", "team_bonus"): "negative_reviews == 0",
                          ("storekeeper", "allowance"): "store_incidents == 0"}
    gate = d14.role("sales_cs").pay[1]
    assert gate.gate == gate.condition and "gate" in gate.model_dump()  # the file keeps its key


def test_templates_round_trip_with_their_condition_keys(tmp_path):
    for path in sorted((ROOT / "templates").glob("seed-*.yaml")):
        once = shoporg.write_design(shoporg.read_design(path), tmp_path / f"once-{path.name}")
        twice = shoporg.write_design(shoporg.read_design(once), tmp_path / f"twice-{path.name}")
        assert once.read_bytes() == twice.read_bytes()
        assert shoporg.read_design(once) == shoporg.read_design(path)
    text = (tmp_path / "once-seed-14-basic-22.yaml").read_text(encoding="utf-8")
    assert "gate: attainment >= 1" in text and "when: store_incidents == 0" in text and "condition" not in text


def test_the_docs_list_the_registered_kinds():
    assert keys_table() in (ROOT / "docs" / "design-format.md").read_text(encoding="utf-8"), (
        "put the table printed by: python -c 'from shoporg.pay.kinds import keys_table; print(keys_table())' "
        "under 'Pay components' in docs/design-format.md")


def test_the_published_schema_lists_the_shipped_kinds():
    items = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]["Role"]["properties"]["pay"]["items"]
    assert sorted(items["discriminator"]["mapping"]) == sorted(PAY_KINDS)
