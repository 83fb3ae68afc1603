"""The immutable design model and its editing methods."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from shoporg import DesignValidationError, OrgDesign, Role, ShopOrgError, UnknownRoleError
from shoporg.model import Text


def test_design_is_immutable(d14):
    with pytest.raises(ValidationError):
        d14.id = "other"
    with pytest.raises(ValidationError):
        d14.roles[0].headcount = 3
    assert isinstance(d14.roles, tuple)


def test_with_headcount_returns_a_new_design(d14):
    d2 = d14.with_headcount("sales_cs", 6)
    assert d2 is not d14
    assert d14.role("sales_cs").headcount == 5 and d2.role("sales_cs").headcount == 6
    assert d2.headcount == 23 and d14.headcount == 22
    assert d2 != d14 and d14.with_headcount("sales_cs", 5) == d14


def test_fractional_headcount_for_one_person_holding_two_roles(d14):
    d2 = d14.with_headcount("copywriter", 0.5).with_headcount("visual_editor", 1.5)
    assert d2.headcount == Decimal("21")
    assert d2.role("copywriter").headcount == Decimal("0.5")


@pytest.mark.parametrize("bad, message", [(-1, ">= 0"), ("many", "number"), (0.125, "decimal places")])
def test_bad_headcount_edit_is_a_located_error(d14, bad, message):
    with pytest.raises(DesignValidationError) as e:
        d14.with_headcount("picker", bad)
    assert e.value.problems[0].location == "headcount"
    assert message in e.value.problems[0].message


def test_with_role_adds_and_replaces(d14):
    host = Role(id="live_host", name={"zh": "主播", "en": "Live host"}, reports_to="promo_manager", headcount=2)
    d2 = d14.with_role(host, after="copywriter")
    assert d2.role_ids.index("live_host") == d2.role_ids.index("copywriter") + 1
    assert len(d2) == 12 and len(d14) == 11
    d3 = d2.with_role(host.model_copy(update={"headcount": Decimal(3)}))
    assert d3.role("live_host").headcount == 3 and len(d3) == 12


def test_with_role_to_unknown_manager_is_refused(d14):
    ghost = Role(id="x", name="某岗位", reports_to="nobody")
    with pytest.raises(DesignValidationError) as e:
        d14.with_role(ghost)
    assert "unknown manager 'nobody'" in str(e.value)


def test_without_role_moves_reports_up(d14):
    d2 = d14.without_role("storekeeper")
    assert "storekeeper" not in d2.role_ids
    assert d2.role("picker").reports_to == "director"
    assert d2.role("picker").reports_to_inferred
    assert d2.headcount == 21


def test_without_the_top_role_needs_a_forest(d14):
    with pytest.raises(DesignValidationError, match="have no manager"):
        d14.without_role("director")
    forest = d14.replace(forest=True).without_role("director")
    assert sum(r.reports_to is None for r in forest.roles) == 4


def test_move_role_and_cycles(d14):
    d2 = d14.move_role("copywriter", "director")
    assert d2.role("copywriter").reports_to == "director"
    assert not d2.role("copywriter").reports_to_inferred
    with pytest.raises(DesignValidationError, match="cycle: promo_manager → visual_editor → promo_manager"):
        d14.move_role("promo_manager", "visual_editor")


def test_unknown_role_lists_known_ids(d14):
    with pytest.raises(UnknownRoleError, match="known: director, promo_manager"):
        d14.role("boss")
    assert issubclass(UnknownRoleError, ShopOrgError) and issubclass(ShopOrgError, ValueError)


def test_role_changes_reject_unknown_fields(d14):
    with pytest.raises(TypeError, match="unknown role field"):
        d14.with_role_changes("picker", salary=1)


def test_renamed_and_reports(d14):
    d2 = d14.renamed("picker", "拣货员", "Picker")
    assert d2.role("picker").name == Text(zh="拣货员", en="Picker")
    assert [r.id for r in d14.reports("storekeeper")] == ["picker", "shipper"]


def test_text_accepts_plain_chinese_and_falls_back():
    t = Text.model_validate("店长")
    assert t.get("zh") == "店长" and t.get("en") == "店长"
    with pytest.raises(ValueError, match="lang must be"):
        t.get("fr")


def test_design_built_in_code_is_checked():
    with pytest.raises(ValidationError):
        OrgDesign(id="x", name="x", roles=[{"id": "a", "name": "甲", "reports_to": "a"}])


def test_equality_is_by_value_at_every_depth(d14):
    from shoporg.io.yaml_io import design_from_dict, design_to_dict

    twin = design_from_dict(design_to_dict(d14))  # parsed again: equal values, other objects
    assert twin is not d14 and twin == d14 and hash(twin.roles[3]) == hash(d14.roles[3])
    data = design_to_dict(d14)
    i = next(i for i, r in enumerate(data["roles"]) if r.get("pay"))
    first = data["roles"][i]["pay"][0]
    key = next(k for k, v in first.items() if isinstance(v, (int, float)) and not isinstance(v, bool))
    first[key] = first[key] + 1  # one number deep inside one role's pay rule
    changed = design_from_dict(data)
    assert changed != d14 and changed.roles[i] != d14.roles[i]
    assert [r for r, s in zip(changed.roles, d14.roles) if r != s] == [changed.roles[i]]
    assert d14.roles[0] != "director" and d14.roles[0].name != {"zh": d14.roles[0].name.zh}
