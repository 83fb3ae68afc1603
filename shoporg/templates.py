"""The template library: designs made from the source documents, in ``templates/``.

>>> ids = list_templates()["id"].tolist()
>>> len(ids), ids[-1]
(14, 'seed-14-basic-22')
>>> load_template("seed-14-basic-22").headcount
Decimal('22')
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .catalogue import templates_dir
from .errors import UnknownTemplateError
from .i18n import Phrase
from .io.yaml_io import read_design

__all__ = ["templates_dir", "template_path", "list_templates", "load_template", "load_design", "load_scenario"]


def _design_files() -> list[Path]:
    return sorted(p for p in templates_dir().glob("*.yaml") if p.name != "duty_areas.yaml")


def template_path(template_id: str) -> Path:
    """The file of a template, by id (the file name without ``.yaml``)."""
    path = templates_dir() / f"{template_id}.yaml"
    if path.name == "duty_areas.yaml" or not path.is_file():
        known = [p.stem for p in _design_files()]
        raise UnknownTemplateError(Phrase("err.unknown_template", id=repr(template_id), known=", ".join(known)))
    return path


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime: float):
    return read_design(path)


def load_template(template_id: str):
    """Load a template design by id (see :func:`list_templates`).

    >>> load_template("seed-14-basic-22").role("storekeeper").name.zh
    '司库'
    >>> load_template("seed-99")
    Traceback (most recent call last):
    ...
    shoporg.errors.UnknownTemplateError: unknown template 'seed-99'; known: seed-01...
    """
    path = template_path(template_id)
    return _load_cached(path, path.stat().st_mtime)


def _is_path(target) -> bool:
    text = str(target)
    return isinstance(target, os.PathLike) or Path(text).exists() or text.endswith((".yaml", ".yml")) \
        or "/" in text or os.sep in text


def load_design(target):
    """A design from a template id or a design file.

    >>> load_design("seed-12-ordinary-shop").id
    'seed-12-ordinary-shop'
    >>> load_design(template_path("seed-12-ordinary-shop")).id
    'seed-12-ordinary-shop'
    """
    return read_design(target) if _is_path(target) else load_template(str(target))


def load_scenario(target):
    """A scenario from its id in ``templates/scenarios/`` or a scenario file.

    >>> load_scenario("d14-double11").id
    'd14-double11'
    >>> load_scenario("nope")
    Traceback (most recent call last):
    ...
    shoporg.scenario.ScenarioError: unknown scenario 'nope'; known: d14-double11 (or give a file)
    """
    from .io.scenario_io import read_scenario  # scenarios bring pandas: loaded when one is read
    from .scenario import ScenarioError

    if _is_path(target):
        return read_scenario(target)
    folder = templates_dir() / "scenarios"
    path = folder / f"{target}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.yaml")))
        raise ScenarioError(Phrase("err.unknown_scenario", id=repr(str(target)), known=known))
    return read_scenario(path)


def list_templates():
    """One row per template: id, Chinese and English name, roles, people, source heading.

    >>> t = list_templates().set_index("id")
    >>> row = t.loc["seed-14-basic-22"]
    >>> row["name_zh"], int(row["roles"]), float(row["headcount"])
    ('网店基本人员构成及职责表', 11, 22.0)
    """
    import pandas as pd  # reading a design does not load pandas; only this table needs it

    rows = []
    for path in _design_files():
        d = _load_cached(path, path.stat().st_mtime)
        rows.append({"id": d.id, "name_zh": d.name.zh, "name_en": d.name.en, "roles": len(d.roles),
                     "headcount": float(d.headcount),
                     "heading": d.source.heading if d.source else None})
    return pd.DataFrame(rows, columns=["id", "name_zh", "name_en", "roles", "headcount", "heading"])
