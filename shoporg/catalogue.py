"""The duty-area catalogue (``templates/duty_areas.yaml``): the areas duties map into.

>>> "warehouse.stock" in duty_area_ids()
True
>>> duty_areas().loc["warehouse.stock", "zh"]
'仓储与库存'
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["duty_areas", "duty_area_ids"]


@lru_cache(maxsize=1)
def _load() -> tuple[dict, ...]:
    from .io.yaml_io import load_yaml
    from .templates import templates_dir

    path = templates_dir() / "duty_areas.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("areas"), list):
        from .errors import DesignFileError
        raise DesignFileError("expected a mapping with a list 'areas'", file=str(path))
    return tuple(data["areas"])


def duty_area_ids() -> frozenset[str]:
    """The ids of every duty area in the catalogue."""
    return frozenset(a["id"] for a in _load())


def duty_areas():
    """The catalogue as a DataFrame indexed by area id (columns zh, en, description_zh, description_en)."""
    import pandas as pd

    rows = [{"id": a["id"], "zh": a["name"]["zh"], "en": a["name"]["en"],
             "description_zh": a.get("description", {}).get("zh", ""),
             "description_en": a.get("description", {}).get("en", "")} for a in _load()]
    return pd.DataFrame(rows).set_index("id")
