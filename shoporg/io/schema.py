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

from ..model import SCHEMA_ID, OrgDesign
from ..staffing.norms import NormsFile

__all__ = ["SCHEMA_FILE", "NORMS_SCHEMA_FILE", "design_json_schema", "norms_json_schema", "schema_text",
           "norms_schema_text"]

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "design-v1.schema.json"
NORMS_SCHEMA_FILE = SCHEMA_FILE.with_name("norms-v1.schema.json")


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
