"""The published JSON Schema of scenario files: current, it accepts the shipped scenario and
one the workbook's brief writes, and it refuses what the reader refuses."""

import jsonschema
import pytest
import yaml

from shoporg import read_scenario
from shoporg.brief import Brief, Peak
from shoporg.io.brief_io import write_brief
from shoporg.io.schema import SCENARIO_SCHEMA_FILE, scenario_json_schema, scenario_schema_text

from .conftest import TEMPLATES


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_published_scenario_schema_is_current():
    assert SCENARIO_SCHEMA_FILE.read_text(encoding="utf-8") == scenario_schema_text(), (
        "regenerate: python -c 'from shoporg.io.schema import *; "
        "SCENARIO_SCHEMA_FILE.write_text(scenario_schema_text(), encoding=\"utf-8\")'")
    jsonschema.Draft202012Validator.check_schema(scenario_json_schema())


@pytest.mark.parametrize("path", sorted((TEMPLATES / "scenarios").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_scenarios_pass_the_schema(path):
    jsonschema.validate(_load(path), scenario_json_schema())


def test_a_scenario_written_from_a_brief_passes(tmp_path):
    brief = Brief(client="某旗舰店", city="上海", orders=900, orders_per="day", order_value=199, chats=1200,
                  peaks=(Peak(name="双11", month=11, factor=3), Peak(name="618", month=6, factor=1.8)))
    path = write_brief(brief, tmp_path / "brief.yaml")
    jsonschema.validate(_load(path), scenario_json_schema())
    assert read_scenario(path).months[0] == "2026-01"  # and the reader takes it too


@pytest.mark.parametrize("change", [
    lambda d: d.pop("base"),                                    # neither base nor months
    lambda d: d.update(months=[{"orders": 1}] * 12),            # both
    lambda d: d.update(schema="shoporg/design-v1"),
    lambda d: d.update(colour="red"),                            # an unknown key
    lambda d: d["base"].update(orders="many"),                   # a volume that is no number
    lambda d: d["base"].update({"Orders": 3}),                   # a driver that is not snake_case
    lambda d: d.update(start="2026-13"),
    lambda d: d["overrides"]["store_incidents"].update({"Nov": 1}),
    lambda d: d.update(employment={"base_rule": "guess"}),
    lambda d: d.update(profile=[1.0] * 11),
], ids=["no-volumes", "base-and-months", "schema", "unknown-key", "text-volume", "driver-name", "month",
        "override-month", "employment", "profile-length"])
def test_the_schema_refuses_what_the_reader_refuses(change, tmp_path):
    data = _load(TEMPLATES / "scenarios" / "d14-double11.yaml")
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, scenario_json_schema())
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(Exception):  # the reader refuses it as well (a located ShopOrgError)
        read_scenario(bad)
