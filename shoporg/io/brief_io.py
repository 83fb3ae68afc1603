"""Brief files: a scenario file (``shoporg/scenario-v1``) that also keeps the brief it was
made from under ``brief:``, so "打开情景" brings back the form as it was filled in.

The twelve months are written out (``months:``), so any reader of scenario files, and a
person, sees the volumes themselves; :func:`read_brief` gives the brief back.

>>> import tempfile, pathlib
>>> from shoporg.brief import Brief, Peak
>>> from shoporg.io.scenario_io import read_scenario
>>> b = Brief(client="某旗舰店", orders=800, orders_per="day", order_value=150, chats=900,
...           peaks=[Peak(name="双11", month=11, factor=3)])
>>> p = write_brief(b, pathlib.Path(tempfile.mkdtemp()) / "brief.yaml")
>>> read_brief(p) == b, read_scenario(p).driver("orders").tolist() == b.scenario().driver("orders").tolist()
(True, True)
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..brief import Brief
from ..errors import DesignFileError, DesignValidationError, Problem
from ..i18n import Phrase
from ..validation import problems_from_pydantic
from .yaml_io import (
    _line_index,
    _nearest_line,
    _read_text,
    atomic_write_text,
    dump_yaml,
    load_yaml,
)

__all__ = ["write_brief", "read_brief", "brief_data"]

SCHEMA = "shoporg/scenario-v1"


def brief_data(brief: Brief) -> dict:
    """The scenario file's mapping: the months the brief gives, then the brief itself."""
    s = brief.scenario()
    months = [{k: _plain(v[i]) for k, v in s.drivers.items()} for i in range(len(s.months))]
    out = {"schema": SCHEMA, "id": s.id, "name": {"zh": s.name.zh, "en": s.name.en}, "start": s.start,
           "months": months}
    if s.employment:
        out["employment"] = dict(s.employment)
    return out | {"brief": brief.model_dump(mode="json")}


def _plain(x: float):
    """2.0 → 2, so the file reads as volumes are counted."""
    x = float(x)
    return int(x) if x.is_integer() else round(x, 2)


def write_brief(brief: Brief, path, *, overwrite: bool = False) -> Path:
    """Write the brief's scenario file, atomically; never replaces a file unless asked."""
    path = Path(path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise DesignFileError(Phrase("err.brief_suffix", got=repr(path.suffix)), file=str(path))
    head = "# 客户需求生成的情景 · scenario made from a client brief (shoporg)\n"
    return atomic_write_text(path, head + dump_yaml(brief_data(brief)), overwrite=overwrite)


def read_brief(path) -> Brief:
    """The brief a scenario file keeps; a located error for a file without one or a bad one."""
    path = Path(path)
    text = _read_text(path)
    data = load_yaml(path, text)
    if not isinstance(data, dict) or not isinstance(data.get("brief"), dict):
        raise DesignFileError(Phrase("err.brief_missing"), file=str(path))
    try:
        return Brief.model_validate(data["brief"])
    except ValidationError as e:
        lines = _line_index(text)
        problems = [Problem(f"brief.{p.location}", p.phrase or p.message) for p in problems_from_pydantic(e, Brief)]
        raise DesignValidationError([p.at(str(path), _nearest_line(lines, p.location)) for p in problems]) from None
