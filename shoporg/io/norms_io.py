"""Norms files (YAML, schema ``shoporg/norms-v1``): workload norms for the roles of a design.

>>> from shoporg.templates import templates_dir
>>> n = read_norms(templates_dir() / "norms" / "d14-norms.yaml")
>>> n.norms["picker"].method
'quota'
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import DesignValidationError
from ..staffing.norms import NormsFile
from ..validation import problems_from_pydantic
from .yaml_io import load_yaml

__all__ = ["read_norms"]


def read_norms(path) -> NormsFile:
    """Read a norms file (YAML, schema ``shoporg/norms-v1``), with located errors."""
    data = load_yaml(Path(path))
    try:
        return NormsFile.model_validate(data)
    except ValidationError as e:
        raise DesignValidationError([p.at(str(path)) for p in problems_from_pydantic(e, NormsFile)]) from None
