"""The published JSON Schema of norms files is the model's, and it accepts the shipped
norms and refuses a broken norm, as the reader does."""

import jsonschema
import pytest
import yaml

from shoporg.io.schema import NORMS_SCHEMA_FILE, norms_json_schema, norms_schema_text

from .conftest import TEMPLATES


def test_the_published_norms_schema_is_current():
    assert NORMS_SCHEMA_FILE.read_text(encoding="utf-8") == norms_schema_text(), (
        "regenerate: python -c 'from shoporg.io.schema import *; "
        "NORMS_SCHEMA_FILE.write_text(norms_schema_text(), encoding=\"utf-8\")'")


@pytest.mark.parametrize("path", sorted((TEMPLATES / "norms").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_norms_pass_the_schema(path):
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), norms_json_schema())


def test_the_schema_refuses_what_the_reader_refuses():
    data = yaml.safe_load((TEMPLATES / "norms" / "d14-norms.yaml").read_text(encoding="utf-8"))
    data["norms"]["picker"]["quota_per_day"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, norms_json_schema())
    data["norms"]["picker"] = {"method": "guess", "driver": "orders"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, norms_json_schema())
