"""Diff, coverage, health, merge and split."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoporg import Role, ShopOrgError
from shoporg.analysis import apply_diff, coverage, diff, gaps, health, merge_roles, overlaps, split_role


def test_diff_of_a_design_with_itself_is_empty(designs):
    for d in designs.values():
        assert diff(d, d).empty


def test_diff_actions(d14):
    a = d14
    host = Role(id="live_host", name={"zh": "主播", "en": "Live host"}, reports_to="promo_manager", headcount=2)
    b = (a.without_role("copywriter").with_role(host, after="visual_editor")
         .with_role_changes("picker", reports_to="director", headcount=3))
    d = diff(a, b).set_index("role")
    assert d.loc["copywriter", "action"] == "Delete"
    assert d.loc["live_host", "action"] == "Add" and d.loc["live_host", "follows"] == "visual_editor"
    assert d.loc["picker", "action"] == "Move+Change"
    assert "headcount: 2 → 3" in d.loc["picker", "changes"] and "reports_to: storekeeper → director" in d.loc["picker", "changes"]
    assert apply_diff(a, diff(a, b)) == b


def test_renamed_id_matched_by_mapping(d14):
    a = d14
    roles = [r.model_copy(update={"id": "keeper"}) if r.id == "storekeeper" else
             r.model_copy(update={"reports_to": "keeper"}) if r.reports_to == "storekeeper" else r for r in a.roles]
    b = a.replace(roles=tuple(roles))
    plain = diff(a, b)
    assert set(plain.action) == {"Add", "Delete", "Move"}
    mapped = diff(a, b, mapping={"storekeeper": "keeper"})
    assert mapped.action.tolist() == ["Change"] and mapped.changes[0] == "id: storekeeper → keeper"
    assert apply_diff(a, mapped) == b


edits = st.lists(st.tuples(st.sampled_from(["headcount", "move", "remove", "add"]),
                           st.sampled_from(["sales_cs", "picker", "shipper", "copywriter", "visual_editor",
                                            "aftersales_cs", "admin_finance"]),
                           st.integers(0, 9)), max_size=6)


@settings(max_examples=60, deadline=None)
@given(edits=edits)
def test_applying_a_diff_gives_the_other_design(d14, edits):
    a = b = d14
    for op, rid, k in edits:
        if rid not in b.role_ids:
            continue
        if op == "headcount":
            b = b.with_headcount(rid, k)
        elif op == "move":
            b = b.move_role(rid, ["director", "cs_manager", "storekeeper"][k % 3])
        elif op == "remove":
            b = b.without_role(rid)
        else:
            b = b.with_role(Role(id=f"new_{k}", name=f"新岗位{k}", reports_to="director"), after=rid)
    assert apply_diff(a, diff(a, b)) == b


def test_coverage_of_every_template(designs, d14):
    for d in designs.values():
        table = coverage(d)
        assert table.shape[0] == len(d.roles)
        owned = {c for c in table.columns if (table[c] == "owner").any()}
        assert set(gaps(d)) == set(table.columns) - owned
    assert "procurement.sourcing" in gaps(d14)       # design 14 has no buyer
    assert "warehouse.stock" not in gaps(d14)
    assert overlaps(d14)["management.team"] == ["director", "cs_manager"]


def test_health_findings(d14, d06):
    d = d14
    h = health(d, max_span=7, pay_floor=1600)
    found = set(zip(h.check, h.role))
    assert ("wide_span", "cs_manager") in found           # 8 people under the customer-service manager
    assert ("pay_floor", "picker") in found and ("pay_floor", "sales_cs") not in found
    one = d.only(["director", "storekeeper"])
    assert ("single_report", "director") in set(zip(health(one).check, health(one).role))
    from shoporg import Scenario
    s = Scenario.from_profile({"orders_picked": 100})
    h2 = health(d, scenario=s)
    assert ("unfed_driver", "shipper") in set(zip(h2.check, h2.role))
    assert ("unfed_driver", "picker") not in set(zip(h2.check, h2.role))
    assert "kpi_weights" in set(health(d06).check)


def test_merge_then_split_recovers_the_design(d14):
    d = d14
    m = merge_roles(d, ["visual_editor", "copywriter"], into="visual_editor")
    assert m.role("visual_editor").headcount == 3 and "copywriter" not in m.role_ids
    ve, cw = d.role("visual_editor"), d.role("copywriter")
    s = split_role(m, "visual_editor", [
        {"id": "visual_editor", "name": ve.name, "headcount": 2, "duties": range(4)},
        {"id": "copywriter", "name": cw.name, "headcount": 1, "duties": range(4, 9), "pay": cw.pay}])
    for rid in ("visual_editor", "copywriter"):
        for field in ("duties", "pay", "headcount", "reports_to", "department"):
            assert getattr(s.role(rid), field) == getattr(d.role(rid), field), (rid, field)
    assert s.role_ids == d.role_ids


def test_merge_moves_reports_and_rejects_bad_calls(d14):
    d = d14
    m = merge_roles(d, ["storekeeper", "picker", "shipper"], into="storekeeper", headcount=2)
    assert m.role("storekeeper").headcount == 2 and len(m.roles) == 9
    m2 = merge_roles(d, ["promo_manager", "copywriter"], into="copywriter")
    assert m2.role("visual_editor").reports_to == "copywriter" and m2.role("copywriter").reports_to == "director"
    with pytest.raises(ShopOrgError, match="must be one of"):
        merge_roles(d, ["picker", "shipper"], into="director")
    with pytest.raises(ShopOrgError, match="exactly once"):
        split_role(d, "picker", [{"id": "a", "name": "甲", "duties": [0]}])


def test_compare_hand_computed_metrics(d14):
    from shoporg import read_scenario, templates_dir
    from shoporg.analysis import compare
    from shoporg.staffing import read_norms
    d = d14
    b = d.with_headcount("picker", 3).move_role("copywriter", "director")
    s = read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml")
    norms = {k: v for k, v in read_norms(templates_dir() / "norms" / "d14-norms.yaml").norms.items()
             if v.method == "quota"}
    t = compare([d, b], s, norms=norms, lang="en")
    a_col, b_col = t.columns[1], t.columns[2]
    assert a_col.endswith("(A)") and b_col.endswith("(B)") and t.columns[3] == "delta"
    assert t.loc["people", a_col] == 22 and t.loc["people", "delta"] == 1
    assert t.loc["managers", a_col] == 4 and t.loc["layers", a_col] == 3
    assert t.loc["span_max", a_col] == 8 and t.loc["span_8–12", a_col] == 1
    assert t.loc["span_avg", a_col] == (6 + 3 + 8 + 4) / 4
    assert t.loc["base_low", a_col] == 63300 and t.loc["base_low", "delta"] == 1500
    assert t.loc["annual_accrued", a_col] == pytest.approx(float(t.loc["annual_paid", a_col]) + 3000)
    assert t.loc["fixed_share", a_col] + t.loc["variable_share", a_col] == pytest.approx(1, abs=1e-3)
    assert t.loc["coverage", "metric"] == "duty areas covered"
    with pytest.raises(ShopOrgError, match="two to four"):
        compare([d])


def test_merging_a_manager_into_one_of_its_reports_takes_the_managers_place(d14):
    from shoporg import is_valid_hierarchy, to_graph
    from shoporg.analysis import merge_roles

    d = d14
    m = merge_roles(d, ["shipper", "storekeeper"], into="shipper")  # the shipper now runs the store room
    assert m.role("shipper").reports_to == "director" and m.role("picker").reports_to == "shipper"
    top = merge_roles(d, ["picker", "director"], into="picker")  # two layers apart
    assert top.role("picker").reports_to is None
    assert top.role("storekeeper").reports_to == "picker" and top.role("promo_manager").reports_to == "picker"
    assert is_valid_hierarchy(to_graph(top)) and top.headcount == d.headcount
