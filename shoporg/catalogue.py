"""The duty-area catalogue (``templates/duty_areas.yaml``): the areas duties map into.

A leaf: it imports nothing of shoporg's, so the model can check a design's duty areas
without the readers and writers. It also finds the templates folder (:func:`templates_dir`):
``$SHOPORG_TEMPLATES``, the copy an installed wheel holds (``shoporg/_templates``), or
``templates/`` beside the package in a source checkout.

>>> "warehouse.stock" in duty_area_ids()
True
>>> duty_areas().loc["warehouse.stock", "zh"]
'仓储与库存'
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import yaml

__all__ = ["templates_dir", "duty_areas", "duty_area_ids"]

_CATALOGUE = "duty_areas.yaml"


def templates_dir() -> Path:
    """The templates folder: ``$SHOPORG_TEMPLATES``, the copy inside an installed wheel,
    or ``templates/`` beside the package in a source checkout.

    >>> (templates_dir() / "duty_areas.yaml").is_file()
    True
    """
    env = os.environ.get("SHOPORG_TEMPLATES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "_templates", here.parent / "templates"):
        if (candidate / _CATALOGUE).is_file():
            return candidate
    raise FileNotFoundError(f"no templates folder found beside {here}; set SHOPORG_TEMPLATES")


@cache
def _read(path: Path) -> tuple[dict, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))  # the safe loader only: nothing in a file runs
    if not isinstance(data, dict) or not isinstance(data.get("areas"), list):
        raise ValueError(f"{path}: expected a mapping with a list 'areas'")
    return tuple(data["areas"])


def _load() -> tuple[dict, ...]:
    return _read(templates_dir() / _CATALOGUE)


def duty_area_ids() -> frozenset[str]:
    """The ids of every duty area in the catalogue."""
    return frozenset(a["id"] for a in _load())


def duty_areas():
    """The catalogue as a DataFrame indexed by area id (columns zh, en, description_zh, description_en)."""
    import pandas as pd  # the model layer loads without pandas; only this table needs it

    rows = [{"id": a["id"], "zh": a["name"]["zh"], "en": a["name"]["en"],
             "description_zh": a.get("description", {}).get("zh", ""),
             "description_en": a.get("description", {}).get("en", "")} for a in _load()]
    return pd.DataFrame(rows).set_index("id")
