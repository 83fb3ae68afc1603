"""A payroll's employment: the design's block with the scenario's overrides (or the
design's old ``on_cost``), and the terms of its pack for the plan months.

>>> import shoporg
>>> d = shoporg.load_template("seed-14-basic-22")
>>> s = shoporg.Scenario.from_profile({"orders": 100}, start="2026-01")
>>> settings_for(d, s) is None, settings_for(d, s, city="上海").city
(True, '上海')
"""

from __future__ import annotations

from dataclasses import replace

from pydantic import ValidationError

from ..errors import DesignValidationError
from ..model import Employment
from ..validation import problems_from_pydantic
from .params import load_pack
from .terms import Terms, custom_terms, resolve_terms

__all__ = ["settings_for", "terms_for"]


def settings_for(design, scenario=None, city: str | None = None) -> Employment | None:
    """The employment block in force: the design's, the scenario's ``employment:`` keys over
    it, ``city`` over both; None when none of them names a city."""
    base = design.employment
    override = dict(getattr(scenario, "employment", None) or {})
    if city:
        override["city"] = city
    if base is None and not override:
        return None
    try:
        if base is None:
            return Employment.model_validate(override)
        return base.overridden(override) if override else base
    except ValidationError as e:
        raise DesignValidationError([replace(p, location=f"employment.{p.location}".rstrip("."))
                                     for p in problems_from_pydantic(e, Employment)]) from None


def terms_for(design, settings: Employment | None, months) -> Terms | None:
    """The terms for ``months``: the city's pack, else the design's ``on_cost`` as a custom
    pack (with the national tax figures when a national pack is shipped), else None."""
    if settings is not None:
        return resolve_terms(load_pack(settings.city), months, on=settings.effective,
                             housing_fund_rate=settings.housing_fund_rate,
                             work_injury_class=settings.work_injury_class)
    if design.on_cost is not None:
        try:
            national = load_pack("national")
        except Exception:  # no national pack shipped: the on-cost alone, no tax
            national = None
        return custom_terms(design.on_cost, months, national)
    return None
