"""apply_diff(a, diff(a, b)) == b, for any edits that make b from a; and the role tables
read back by applying the diff against the design they were written from."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoporg import Role, list_templates, load_template
from shoporg.analysis import apply_diff, diff
from shoporg.errors import DesignValidationError
from shoporg.model import Duty

TEMPLATES = list(list_templates()["id"])

edit = st.tuples(st.sampled_from(["headcount", "move", "remove", "add", "rename", "duties", "swap", "new_id",
                                  "dotted", "vacancies"]),
                 st.integers(0, 99), st.integers(0, 99))


def _apply_edit(b, op, i, k, mapping):
    ids = b.role_ids
    rid, other = ids[i % len(ids)], ids[k % len(ids)]
    if op == "headcount":
        return b.with_headcount(rid, k % 7)
    if op == "move":
        return b.move_role(rid, other if other != rid else None)
    if op == "remove":
        return b.without_role(rid)
    if op == "add":
        return b.with_role(Role(id=f"new_{i}_{k}", name=f"新岗位{k}", reports_to=other,
                                duties=(Duty(area="other.general", zh="新职责"),)), after=rid)
    if op == "rename":
        return b.renamed(rid, f"岗位{k}", f"Role {k}")
    if op == "duties":
        return b.with_role_changes(rid, duties=b.role(rid).duties[1:])
    if op == "swap":
        roles = list(b.roles)
        x, y = i % len(roles), k % len(roles)
        roles[x], roles[y] = roles[y], roles[x]
        return b.replace(roles=tuple(roles))
    if op == "dotted":
        return b.with_role_changes(rid, dotted_line=(other,) if other != rid else ())
    if op == "vacancies":
        return b.with_role_changes(rid, vacancies=k % 3)
    # new_id: rename a role's id and every reference to it, and say so in the mapping
    new = f"renamed_{i}_{k}"
    if rid in mapping.values() or any(new == v for v in mapping.values()):
        return b
    roles = [r.model_copy(update={"id": new if r.id == rid else r.id,
                                  "reports_to": new if r.reports_to == rid else r.reports_to,
                                  "dotted_line": tuple(new if x == rid else x for x in r.dotted_line)})
             for r in b.roles]
    old = next((o for o, n in mapping.items() if n == rid), rid)
    mapping.pop(old, None)
    mapping[old] = new
    return b.replace(roles=tuple(roles))


@settings(max_examples=150, deadline=None)
@given(template=st.sampled_from(TEMPLATES), forest=st.booleans(), edits=st.lists(edit, max_size=8))
def test_applying_the_diff_of_any_edits_gives_the_other_design(template, forest, edits):
    a = load_template(template)
    if forest:
        a = a.replace(forest=True)
    b, mapping = a, {}
    for op, i, k in edits:
        try:
            b = _apply_edit(b, op, i, k, mapping)
        except DesignValidationError:
            continue  # an edit the design refuses (a cycle, a second top role ...)
    mapping = {o: n for o, n in mapping.items() if o in a.role_ids and n in b.role_ids}
    assert apply_diff(a, diff(a, b, mapping=mapping)) == b


@pytest.mark.parametrize("edit, check", [
    # a deleted role's reports move up to its manager
    (lambda roles: [r for r in roles if r.id != "storekeeper"],
     lambda d: d.role("picker").reports_to == "director" and d.role("picker").reports_to_inferred),
    # an unchanged role keeps its very object; a changed one is checked again
    (lambda roles: [r.model_copy(update={"headcount": 4}) if r.id == "picker" else r for r in roles],
     lambda d: d.role("picker").headcount == 4),
    # the roles take the order they come in
    (lambda roles: list(reversed(roles)), lambda d: d.role_ids[0] == "shipper"),
])
def test_a_role_table_applies_as_a_diff(d14, edit, check):
    roles = edit(list(d14.roles))
    assert check(apply_diff(d14, diff(d14, roles)))


def test_problems_of_edited_roles_are_located_at_their_place(d14):
    bad = [r.model_copy(update={"headcount": -1}) if r.id == "picker" else r for r in d14.roles]
    with pytest.raises(DesignValidationError) as e:
        apply_diff(d14, diff(d14, bad))
    at = d14.role_ids.index("picker")
    assert [p.location for p in e.value.problems] == [f"roles[{at}].headcount"]


def test_reports_move_up_past_every_deleted_manager(d14):
    a = d14.replace(forest=True)
    d = apply_diff(a, diff(a, [r for r in a.roles if r.id not in ("storekeeper", "director")]))
    assert d.role("picker").reports_to is None and d.role("picker").reports_to_inferred


def test_the_top_role_of_a_forest_can_go(d14):
    a = d14.replace(forest=True)
    b = a.without_role("director")
    assert apply_diff(a, diff(a, b)) == b and sum(r.reports_to is None for r in b.roles) == 4


def test_the_table_importers_move_reports_up_as_without_role_does(d14, tmp_path):
    from openpyxl import load_workbook

    from shoporg.io.excel import SHEETS, read_excel, write_excel
    from shoporg.io.text import design_from_csv, read_csv, write_csv

    want = d14.without_role("storekeeper")
    csv = write_csv(d14, tmp_path / "r.csv")
    table = read_csv(csv)
    table[table["编号"] != "storekeeper"].to_csv(csv, index=False)
    assert design_from_csv(csv, d14) == want
    book = write_excel(d14, tmp_path / "r.xlsx")
    wb = load_workbook(book)
    ws = wb[SHEETS["roles"]["zh"]]
    ids = next(c.column_letter for c in ws[1] if c.value == "编号")  # the id column, found by its header
    ws.delete_rows(next(c.row for c in ws[ids] if c.value == "storekeeper"))
    wb.save(book)
    assert read_excel(book) == want
