"""The JSON Schema of the design file, published at ``shoporg/schema/design-v1.schema.json``.

Editors use it to complete and check design YAML; :func:`design_json_schema` makes
it from the model, and a test keeps the published file in step.

>>> s = design_json_schema()
>>> s["properties"]["schema"]["const"], "roles" in s["required"]
('shoporg/design-v1', True)
"""

from __future__ import annotations

import json
from pathlib import Path

from .._types import NUMBER_MAX
from ..model import SCHEMA_ID, OrgDesign
from ..staffing.norms import NormsFile

__all__ = ["SCHEMA_FILE", "NORMS_SCHEMA_FILE", "SCENARIO_SCHEMA_FILE", "design_json_schema", "norms_json_schema",
           "scenario_json_schema", "schema_text", "norms_schema_text", "scenario_schema_text"]

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "design-v1.schema.json"
NORMS_SCHEMA_FILE = SCHEMA_FILE.with_name("norms-v1.schema.json")
SCENARIO_SCHEMA_FILE = SCHEMA_FILE.with_name("scenario-v1.schema.json")


def design_json_schema() -> dict:
    """The design file's JSON Schema (draft 2020-12), made from the pydantic model."""
    schema = OrgDesign.model_json_schema(by_alias=True, mode="validation")
    schema["properties"]["schema"] = {"const": SCHEMA_ID, "description": "the file format"}
    schema["required"] = sorted(set(schema.get("required", [])) | {"schema"})
    _numeric_defaults(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://shoporg.invalid/schema/design-v1.schema.json",
            "title": "shoporg design file (shoporg/design-v1)", **schema}


def norms_json_schema() -> dict:
    """The norms file's JSON Schema, made from its pydantic model.

    >>> sorted(norms_json_schema()["properties"])
    ['id', 'name', 'norms', 'notes', 'schema']
    """
    schema = NormsFile.model_json_schema(by_alias=True, mode="validation")
    schema["properties"]["schema"] = {"const": "shoporg/norms-v1", "description": "the file format"}
    schema["required"] = sorted(set(schema.get("required", [])) | {"schema"})
    _numeric_defaults(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://shoporg.invalid/schema/norms-v1.schema.json",
            "title": "shoporg norms file (shoporg/norms-v1)", **schema}


def scenario_json_schema() -> dict:
    """The scenario file's JSON Schema. The reader (:func:`shoporg.read_scenario`) checks
    the file by hand, key by key; this schema says the same for editors: the keys, a
    driver as a snake_case name with a number (or a row of numbers a person), a month as
    ``YYYY-MM``, the brief and the employment block as their models have them (every key
    of an employment block optional: a scenario overrides the design's).

    >>> s = scenario_json_schema()
    >>> s["properties"]["schema"]["const"], s["oneOf"][0]["required"], sorted(s["$defs"])[:3]
    ('shoporg/scenario-v1', ['base'], ['Brief', 'EmploymentOverride', 'Peak'])
    """
    from ..brief import Brief
    from ..model import Employment

    driver = "^[a-z][a-z0-9_]{0,63}$"
    number = {"type": "number", "minimum": 0, "maximum": float(NUMBER_MAX)}  # a driver's value
    month = {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}
    volumes = {"type": "object", "propertyNames": {"pattern": driver}, "additionalProperties": number}
    row = {"type": "array", "items": number}
    brief = Brief.model_json_schema(by_alias=True, mode="validation", ref_template="#/$defs/{model}")
    employment = Employment.model_json_schema(by_alias=True, mode="validation", ref_template="#/$defs/{model}")
    defs = {**brief.pop("$defs", {}), **employment.pop("$defs", {}), "Brief": brief}
    employment.pop("required", None)
    defs["EmploymentOverride"] = employment
    text = {"anyOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/Text"}]}
    defs.setdefault("Text", {"type": "object", "properties": {"zh": {"type": "string", "minLength": 1},
                                                              "en": {"type": "string", "minLength": 1}},
                             "required": ["zh"], "additionalProperties": False})
    schema = {
        "type": "object",
        "properties": {
            "schema": {"const": "shoporg/scenario-v1", "description": "the file format"},
            "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_.-]*$"},
            "name": text,
            "description": text,
            "notes": {"type": "array", "items": text},
            "start": month,
            "base": {**volumes, "description": "a typical month: driver -> value, shaped by the profile"},
            "profile": {"anyOf": [{"enum": ["flat", "double11", "618", "new_year", "tmall_year"]},
                                  {"type": "array", "items": {"type": "number", "minimum": 0},
                                   "minItems": 12, "maxItems": 12}]},
            "fixed": volumes,
            "overrides": {"type": "object", "propertyNames": {"pattern": driver},
                          "additionalProperties": {"type": "object", "propertyNames": month,
                                                   "additionalProperties": number}},
            "months": {"type": "array", "items": volumes, "minItems": 12, "maxItems": 12},
            "roles": {"type": "object", "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
                      "additionalProperties": {"type": "object", "propertyNames": {"pattern": driver},
                                               "additionalProperties": {"type": "array", "items": {
                                                   "anyOf": [number, row]}}}},
            "supply": {"type": "object", "additionalProperties": {"type": "number"},
                       "description": "role.pay[i].parameter -> number, for values the design leaves blank"},
            "employment": {"$ref": "#/$defs/EmploymentOverride"},
            "brief": {"$ref": "#/$defs/Brief"},
        },
        "required": ["schema"],
        "additionalProperties": False,
        "oneOf": [{"required": ["base"]}, {"required": ["months"]}],
        "$defs": dict(sorted(defs.items())),
    }
    _numeric_defaults(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://shoporg.invalid/schema/scenario-v1.schema.json",
            "title": "shoporg scenario file (shoporg/scenario-v1)", **schema}


def scenario_schema_text() -> str:
    """The scenario schema as the published file holds it."""
    return json.dumps(scenario_json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def norms_schema_text() -> str:
    """The norms schema as the published file holds it."""
    return json.dumps(norms_json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema_text() -> str:
    """The schema as the published file holds it."""
    return json.dumps(design_json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _numeric_defaults(node) -> None:
    """pydantic writes Decimal defaults as strings ("1"); the file format has numbers."""
    if isinstance(node, dict):
        if isinstance(node.get("default"), str) and node.get("type") == "number":
            node["default"] = json.loads(node["default"])
        for v in node.values():
            _numeric_defaults(v)
    elif isinstance(node, list):
        for v in node:
            _numeric_defaults(v)
