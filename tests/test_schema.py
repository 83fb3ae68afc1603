"""The published JSON Schema is current and agrees with the loader."""

import json

import jsonschema
import pytest
import yaml

from shoporg.io.schema import SCHEMA_FILE, design_json_schema, schema_text

from .conftest import TEMPLATES


def test_published_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "regenerate with: python -c 'from shoporg.io.schema import *; SCHEMA_FILE.write_text(schema_text())'")


@pytest.mark.parametrize("path", sorted(p for p in TEMPLATES.glob("seed-*.yaml")), ids=lambda p: p.stem)
def test_every_template_matches_the_schema(path):
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), design_json_schema())


@pytest.mark.parametrize("change", [
    lambda d: d.update(schema="other"),
    lambda d: d["roles"][0].update(headcount=-1),
    lambda d: d["roles"][0].update(salary=1),
    lambda d: d["roles"][0]["pay"][0].update(kind="bonus"),
    lambda d: d.pop("roles"),
])
def test_schema_rejects_what_the_loader_rejects(change):
    data = yaml.safe_load((TEMPLATES / "seed-14-basic-22.yaml").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
