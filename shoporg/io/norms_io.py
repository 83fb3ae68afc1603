"""Norms files (YAML, schema ``shoporg/norms-v1``): workload norms for the roles of a design.

>>> from shoporg.templates import templates_dir
>>> n = read_norms(templates_dir() / "norms" / "d14-norms.yaml")
>>> n.norms["picker"].method
'quota'
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..staffing.norms import NormsFile
from ..validation import FileProblemsError, problems_from_pydantic
from .yaml_io import _line_index, _nearest_line, _read_text, load_yaml

__all__ = ["read_norms"]


def read_norms(path) -> NormsFile:
    """Read a norms file (YAML, schema ``shoporg/norms-v1``); each problem names the file,
    the line and the key (``norms.picker.quota_per_day``), headed as problems of the norms file."""
    path = Path(path)
    text = _read_text(path)
    data = load_yaml(path, text)
    try:
        return NormsFile.model_validate(data)
    except ValidationError as e:
        lines = _line_index(text)
        where = str(path)
        problems = [p.at(where, _nearest_line(lines, p.location) if p.location else None)
                    for p in problems_from_pydantic(e, NormsFile)]
        raise FileProblemsError(problems, "word.norms_file", where) from None
