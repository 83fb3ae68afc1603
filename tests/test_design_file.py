"""Reading and writing design files: every bad input gives a located error, nothing is lost."""

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoporg import (
    DesignFileError,
    DesignValidationError,
    FileExistsRefusedError,
    ShopOrgError,
    read_design,
    write_design,
)
from shoporg.io.yaml_io import design_to_dict, dump_yaml

GOOD = """\
schema: shoporg/design-v1
id: small-shop
name: {zh: 小店, en: Small shop}
roles:
  - id: manager
    name: {zh: 店长, en: Shop manager}
    duties:
      - {area: management.strategy, zh: 负责店铺整体运营, weight: 60}
      - {area: management.team, zh: 带领团队, weight: 40}
  - id: cs
    name: {zh: 客服, en: Customer service}
    reports_to: manager
    headcount: 2
    pay:
      - {kind: base, monthly: [1600, 2000]}
      - {kind: piece_rate, driver: orders, rate: 2}
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    text = text.replace(old, new, 1)
    if "department: sales" in new:  # a design that declares its departments
        text = text.replace("roles:\n", "departments:\n  - {id: sale, name: 销售}\nroles:\n", 1)
    return text


def problems(path):
    with pytest.raises(DesignValidationError) as e:
        read_design(path)
    for p in e.value.problems:
        assert p.file == str(path)
    return e.value.problems


def test_good_file_reads(write):
    d = read_design(write(GOOD))
    assert d.headcount == 3 and d.role("cs").pay[0].monthly == (1600, 2000)


@pytest.mark.parametrize("old, new, location, message, line", [
    ("reports_to: manager", "reports_to: boss", "roles[1].reports_to", "unknown manager 'boss'", 12),
    ("  - id: cs", "  - id: manager", "roles[1].id", "duplicate role id 'manager'", 10),
    ("headcount: 2", "headcount: -1", "roles[1].headcount", "must be >= 0, got -1", 13),
    ("headcount: 2", "headcount: two", "roles[1].headcount", "must be a number, got 'two'", 13),
    ("monthly: [1600, 2000]", "monthly: [2000, 1600]", "roles[1].pay[0].monthly",
     "range min must not exceed max, got [2000, 1600]", 15),
    ("kind: piece_rate", "kind: bonus", "roles[1].pay[1].kind",
     "unknown pay kind 'bonus' (did you mean 'team_bonus'?); allowed: allowance, base, deduction, overtime, piece_rate, probation, "
         "revenue_bonus, team_bonus, year_end_bonus", 16),
    ("area: management.team", "area: management.teams", "roles[0].duties[1].area",
     "unknown duty area 'management.teams' (did you mean 'management.team'?)", 9),
    ("weight: 40", "weight: 30", "roles[0].duties", "KPI weights sum to 90%", 7),
    ("weight: 40", "weight: 50", "roles[0].duties", "more than 100%", 7),
    ("rate: 2}", "rate: [2]}", "roles[1].pay[1].rate", "must be a number", 16),
    ("    headcount: 2\n", "    headcount: 2\n    headcont: 3\n", "roles[1].headcont",
     "unknown key 'headcont' (did you mean 'headcount'?); allowed:", 14),
    ("  - id: cs\n    name: {zh: 客服, en: Customer service}\n", "  - id: cs\n", "roles[1].name",
     "required key is missing", 10),
    ("name: {zh: 小店, en: Small shop}", "name: {zh: 小店, en: Small shop, fr: Petit}", "name.fr",
     "unknown key 'fr'; allowed: en, zh", 3),
    ("roles:\n", "forest: maybe\nroles:\n", "forest", "valid boolean", 4),
    ("reports_to: manager", "reports_to: cs", "roles[1].reports_to", "cannot report to itself", 12),
    ("    headcount: 2\n", "    headcount: 2\n    vacancies: 3\n", "roles[1].vacancies",
     "vacancies (3) exceed headcount (2)", 14),
    ("    headcount: 2\n", "    headcount: 2\n    dotted_line: [ghost]\n", "roles[1].dotted_line[0]",
     "unknown role: 'ghost'", 14),
    ("    headcount: 2\n", "    headcount: 2\n    dotted_line: [manager]\n", "roles[1].dotted_line[0]",
     "already the solid-line manager", 14),
    ("reports_to: manager", "reports_to: manager\n    department: sales", "roles[1].department",
     "unknown department 'sales' (did you mean 'sale'?); allowed: sale", 15),
    ("{kind: piece_rate, driver: orders, rate: 2}", "{kind: piece_rate, driver: Orders!, rate: 2}",
     "roles[1].pay[1].driver", "'Orders!' is not allowed here", 16),
    ("rate: 2}", "rate: 2, when: \"orders.real > 0\"}", "roles[1].pay[1].when", "attribute access", 16),
    ("rate: 2}", "rate: 2, when: \"__import__('os')\"}", "roles[1].pay[1].when", "'__import__'", 16),
    ("rate: 2}", "rate: 2, when: \"orders >\"}", "roles[1].pay[1].when", "orders >", 16),
    ("{kind: base, monthly: [1600, 2000]}", "{kind: base, monthly: [1600, 2000, 2400]}",
     "roles[1].pay[0].monthly", "a range is [min, max], got 3 values", 15),
])
def test_bad_input_is_located(write, old, new, location, message, line):
    found = problems(write(edit(GOOD, old, new)))
    hit = [p for p in found if p.location == location]
    assert hit, f"no problem at {location}: {found}"
    assert message in hit[0].message
    assert hit[0].line == line
    assert str(hit[0]).startswith(f"{hit[0].file}:{line}: {location}: ")


def test_cycle(write):
    text = GOOD + "  - id: a\n    name: 甲\n    reports_to: b\n  - id: b\n    name: 乙\n    reports_to: a\n"
    (p,) = problems(write(text))
    assert p.location == "roles[2].reports_to" and "cycle: a → b → a" in p.message


def test_several_problems_reported_at_once(write):
    text = edit(edit(GOOD, "headcount: 2", "headcount: -2"), "reports_to: manager", "reports_to: boss")
    locations = {p.location for p in problems(write(text))}
    assert {"roles[1].headcount"} <= locations


def test_forest_needs_saying(write):
    text = edit(GOOD, "    reports_to: manager\n", "")
    (p,) = problems(write(text))
    assert p.location == "roles" and "2 roles have no manager (manager, cs)" in p.message
    assert read_design(write(text.replace("roles:\n", "forest: true\nroles:\n"))).forest


def test_missing_required_top_keys(write):
    found = problems(write("schema: shoporg/design-v1\nname: 空\n"))
    assert {p.location for p in found} == {"id", "roles"}


def test_wrong_schema(write):
    (p,) = problems(write(edit(GOOD, "shoporg/design-v1", "shoporg/design-v9")))
    assert p.location == "schema" and "allowed: 'shoporg/design-v1'" in p.message


@pytest.mark.parametrize("content, message", [
    ("", "the file is empty"),
    ("# only a comment\n", "the file is empty"),
    ("roles: [a, b\n", "not valid YAML"),
    ("{{{{", "not valid YAML"),
    ("- a\n- b\n", "must be a mapping"),
    ("just a sentence", "must be a mapping"),
    (GOOD + "id: again\n", "duplicate key 'id'"),
])
def test_unreadable_files(write, content, message):
    with pytest.raises(DesignFileError, match=message):
        read_design(write(content))


def test_python_tags_are_refused_and_nothing_runs(write, tmp_path):
    marker = tmp_path / "pwned"
    text = f"schema: shoporg/design-v1\nid: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(DesignFileError, match="not allowed.*nothing was executed") as e:
        read_design(write(text))
    assert e.value.problem.line == 2
    assert not marker.exists()


def test_gbk_file_gets_an_encoding_message(write):
    path = write(GOOD.encode("gbk"))
    with pytest.raises(DesignFileError, match="not UTF-8.*GBK/GB18030.*save it as UTF-8"):
        read_design(path)


def test_utf8_with_bom_is_fine(write):
    assert read_design(write(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))).id == "small-shop"


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(DesignFileError, match="is a directory"):
        read_design(tmp_path)
    with pytest.raises(DesignFileError, match="no such file"):
        read_design(tmp_path / "nope.yaml")


def test_blank_source_parameter_is_kept_as_missing(write):
    d = read_design(write(GOOD + "  - id: boss2\n    name: 总监\n    reports_to: manager\n"
                                 "    pay:\n      - {kind: revenue_bonus, rate: null}\n"))
    from shoporg.pay import missing_parameters
    assert missing_parameters(d.role("boss2").pay[0]) == ["rate"]


# -- writing --------------------------------------------------------------------------

def test_round_trip_is_lossless(write, tmp_path):
    d = read_design(write(GOOD))
    out = write_design(d, tmp_path / "out.yaml")
    assert read_design(out) == d


def test_written_chinese_is_chinese(d14, tmp_path):
    text = write_design(d14, tmp_path / "d14.yaml").read_text(encoding="utf-8")
    assert "电商总监" in text and "\\u" not in text
    assert "rate: null" in text  # the blank bonus formulas stay visible


def test_refuses_to_overwrite(d14, tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("precious", encoding="utf-8")
    with pytest.raises(FileExistsRefusedError, match="already exists"):
        write_design(d14, path)
    assert path.read_text(encoding="utf-8") == "precious"
    write_design(d14, path, overwrite=True)
    assert read_design(path) == d14


def test_write_is_atomic_and_leaves_no_temporary_files(d14, tmp_path, monkeypatch):
    path = tmp_path / "d.yaml"
    write_design(d14, path)
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_design(d14.with_headcount("picker", 3), path, overwrite=True)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"]


def test_write_to_a_directory_is_refused(d14, tmp_path):
    with pytest.raises(ShopOrgError, match="is a directory"):
        write_design(d14, tmp_path)


def test_every_template_round_trips(tmp_path, designs):
    for tid, d in designs.items():
        assert read_design(write_design(d, tmp_path / f"{tid}.yaml")) == d, tid


# -- random structures never escape as anything but ShopOrgError --------------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=8), st.sampled_from(["base", "piece_rate", "manager", "cs", "management.team"]))
keys = st.sampled_from(["id", "name", "zh", "en", "roles", "reports_to", "headcount", "pay", "kind",
                        "monthly", "rate", "driver", "duties", "area", "weight", "schema", "forest", "x"])
trees = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(keys, inner, max_size=5)), max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=st.dictionaries(keys, trees, max_size=6), valid_header=st.booleans())
def test_random_structures_raise_only_shoporg_errors(tmp_path, tree, valid_header):
    if valid_header:
        tree = {"schema": "shoporg/design-v1", **tree}
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    try:
        read_design(path)
    except ShopOrgError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(role=st.fixed_dictionaries({
    "id": st.sampled_from(["cs", "picker", "a1"]),
    "name": st.one_of(st.text(max_size=4), st.fixed_dictionaries({"zh": st.text(max_size=4)})),
    "headcount": st.one_of(st.integers(-2, 50), st.floats(-1, 50), st.text(max_size=3)),
    "reports_to": st.sampled_from([None, "manager", "cs", "ghost"]),
}))
def test_random_roles_raise_only_shoporg_errors(tmp_path, role):
    data = yaml.safe_load(GOOD)
    data["roles"].append(role)
    path = tmp_path / "fuzz.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    try:
        d = read_design(path)
    except ShopOrgError:
        return
    assert design_to_dict(d)["roles"][-1]["id"] == role["id"]


@pytest.mark.parametrize("expr, named", [
    ("abs(orders) > 1", "'abs'"),
    ("orders.real > 1", "attribute access"),
    ("orders[0] > 1", "subscript"),
    ("(lambda: 1)() > 0", "lambda"),
    ("__class__ == 1", "__class__"),
    ("'a' == 'a'", "string"),
    ("orders + " * 60 + "1 > 0", "500"),
])
def test_unsafe_or_unsupported_expressions_are_located(write, expr, named):
    text = GOOD.replace("rate: 2}", "rate: 2, when: " + yaml.safe_dump(expr, default_style='"').strip() + "}")
    found = problems(write(text))
    hit = [p for p in found if p.location == "roles[1].pay[1].when"]
    assert hit and named in hit[0].message, found
    assert hit[0].line == 16
