"""Staffing from volume (定岗定编): recommended headcount per role.

``recommend_headcount(design, volumes)`` sizes each role that has a workload norm
(on the role, or from a norms file) from monthly volumes, by the quota method
(:mod:`shoporg.staffing.quota`) or a day of chat service
(:mod:`shoporg.staffing.intraday`); ``scale_design`` returns the design with those
headcounts.

>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> rec = recommend_headcount(d, {"orders_picked": 90000}, {"picker": QuotaNorm(
...     method="quota", driver="orders_picked", quota_per_day=300)})
>>> row = rec.set_index("role").loc["picker"]
>>> float(row["current"]), float(row["recommended"]), row["method"]
(2.0, 15.0, 'quota')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal

import numpy as np
import pandas as pd

from .. import fmt
from ..errors import ShopOrgError, error_words
from ..i18n import Phrase, driver_name, listed_drivers, quoted_driver, t
from ..scenario import Scenario
from .inputs import StaffingError
from .intraday import intraday_staffing
from .norms import ErlangNorm, NormsFile, QuotaNorm
from .quota import quota_headcount

__all__ = ["StaffingError", "erlang_headcount", "norms_for", "norms_within", "recommend_headcount", "sizing_reason",
           "scale_design"]


def erlang_headcount(monthly_volume: float, norm: ErlangNorm) -> tuple[int, dict]:
    """FTE for a chat queue of ``monthly_volume`` conversations, and the inputs used."""
    if not math.isfinite(monthly_volume) or monthly_volume < 0:
        raise StaffingError(Phrase("err.norm_volume", driver=quoted_driver(norm.driver), got=repr(monthly_volume)))
    if monthly_volume == 0:
        return 0, {}
    daily = monthly_volume * float(norm.peak_factor) / float(norm.open_days)
    profile = norm.hourly_profile if isinstance(norm.hourly_profile, str) else [float(x) for x in norm.hourly_profile]
    result = intraday_staffing(daily, float(norm.aht_s), profile=profile,
                               service_level=float(norm.service_level),
                               answer_within_s=float(norm.answer_within_s), shrinkage=float(norm.shrinkage),
                               max_occupancy=float(norm.max_occupancy), concurrency=norm.concurrency,
                               patience_s=float(norm.patience_s) if norm.patience_s else None,
                               shift_hours=float(norm.shift_hours), open_days=float(norm.open_days),
                               working_days=float(norm.working_days))
    people = max(norm.minimum, math.ceil(result.fte_per_month - 1e-9))
    return people, {"daily_chats": round(daily, 1), "agent_hours_per_day": round(result.agent_hours, 1),
                    "staffed_hours_per_day": round(result.staffed_hours, 1),
                    "fte_per_day": round(result.fte_per_day, 2), "fte_month": round(result.fte_per_month, 2),
                    "peak_agents": int(result.intervals["agents"].max())}


def norms_for(design, norms: NormsFile | Mapping | None = None) -> dict:
    """Each role's norm: the design's own, overridden by ``norms`` (a norms file or mapping)."""
    out = {r.id: r.norm for r in design.roles if r.norm is not None}
    extra = norms.norms if isinstance(norms, NormsFile) else dict(norms or {})
    for rid, n in extra.items():
        design.role(rid)  # unknown role ids are an error, not a silent no-op
        out[rid] = n
    return out


def norms_within(design, norms: NormsFile | Mapping | None) -> dict:
    """The norms of ``norms`` whose role is in ``design`` (a norms file written for one
    design, applied to an option that merged or removed some of its roles).

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> sorted(norms_within(d.without_role("shipper"), {"picker": 1, "shipper": 2}))
    ['picker']
    """
    extra = norms.norms if isinstance(norms, NormsFile) else dict(norms or {})
    return {rid: n for rid, n in extra.items() if rid in design.role_ids}


def _volume(volumes, driver: str) -> np.ndarray:
    if isinstance(volumes, Scenario):
        try:
            return volumes.driver(driver)
        except ShopOrgError as e:
            raise StaffingError(Phrase("err.norm_needs_driver", driver=quoted_driver(driver),
                                       reason=error_words(e))) from None
    if driver not in volumes:
        raise StaffingError(Phrase("err.norm_needs_volume", driver=quoted_driver(driver),
                                   drivers=listed_drivers(sorted(volumes))))
    arr = np.atleast_1d(np.asarray(volumes[driver], dtype=float))
    if not np.isfinite(arr).all() or (arr < 0).any():
        raise StaffingError(Phrase("err.norm_volumes", driver=quoted_driver(driver), got=repr(volumes[driver])))
    return arr


def _people(norm, volume: float) -> tuple[int, dict]:
    if isinstance(norm, QuotaNorm):
        cap = float(norm.quota_per_day * norm.working_days * norm.attendance)
        return quota_headcount(volume, norm), {"quota_per_day": float(norm.quota_per_day),
                                               "working_days": float(norm.working_days),
                                               "attendance": float(norm.attendance),
                                               "capacity_per_person": round(cap, 1)}
    return erlang_headcount(volume, norm)


def recommend_headcount(design, volumes, norms=None, lang: str = "zh"):
    """One row per role: current and recommended headcount, the gap, and how it was found.

    ``volumes`` is a :class:`~shoporg.scenario.Scenario` (monthly drivers) or a mapping
    of driver → a monthly volume (or 12). The permanent headcount is sized on the
    median month; ``peak`` is what the busiest month needs and ``temporary`` the extra
    people for it (双11). Roles without a norm keep their headcount (method ``kept``).
    """
    table = norms_for(design, norms)
    rows = []
    for r in design.roles:
        norm = table.get(r.id)
        row = {"role": r.id, "name": r.name.get(lang), "current": float(r.headcount)}
        if norm is None:
            rows.append(row | {"recommended": float(r.headcount), "gap": 0.0, "peak": float(r.headcount),
                               "peak_month": None, "temporary": 0.0, "driver": None, "method": "kept",
                               "inputs": {}})
            continue
        vol = _volume(volumes, norm.driver)
        need = [_people(norm, float(v))[0] for v in vol]
        base_volume = float(np.median(vol))
        recommended, inputs = _people(norm, base_volume)
        peak_i = int(np.argmax(need))
        months = volumes.months if hasattr(volumes, "months") else [None] * len(vol)
        rows.append(row | {"recommended": float(recommended), "gap": float(recommended - r.headcount),
                           "peak": float(need[peak_i]), "peak_month": months[peak_i],
                           "temporary": float(max(0, need[peak_i] - recommended)), "driver": norm.driver,
                           "method": norm.method, "inputs": {"volume": base_volume, **inputs}})
    return pd.DataFrame(rows, columns=["role", "name", "current", "recommended", "gap", "peak", "peak_month",
                                       "temporary", "driver", "method", "inputs"])


def scale_design(design, volumes, norms=None):
    """A new design with every normed role at its recommended headcount (the old one is untouched)."""
    rec = recommend_headcount(design, volumes, norms)
    out = design
    for row in rec.itertuples():
        if row.method != "kept" and row.recommended != row.current:
            out = out.with_headcount(row.role, Decimal(str(row.recommended)))
    return out


def sizing_reason(row, norm, lang: str = "zh") -> str:
    """Why a role gets its recommended headcount, in words: the volume, the norm's numbers
    and the arithmetic (a row of :func:`recommend_headcount` and the role's norm).

    >>> from shoporg import load_template, read_scenario, templates_dir
    >>> from shoporg.staffing import read_norms
    >>> d = load_template("seed-14-basic-22")
    >>> s = read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml")
    >>> n = read_norms(templates_dir() / "norms" / "d14-norms.yaml")
    >>> rec = recommend_headcount(d, s, n).set_index("role")
    >>> sizing_reason(rec.loc["picker"], n.norms["picker"])
    '拣货订单数每月3,000 ÷（每人每天250 × 20.83天 × 出勤95%，每人每月4,947.1）→ 1人'
    >>> sizing_reason(rec.loc["sales_cs"], n.norms["sales_cs"], "en")
    'chat sessions 12,000 a month, 400 a day, handled in 4 min, 3 at once, 80% answered within 30 s: 39 agent hours a day, 55.7 with 30% shrinkage, 10.03 people a month → 11'
    """
    inputs = row["inputs"] or {}
    people = fmt.headcount(row["recommended"], lang)
    if row["method"] == "quota":
        return t("staffing.reason_quota", lang, driver=driver_name(row["driver"], lang),
                 volume=fmt.count(inputs["volume"], lang), quota=fmt.number(inputs["quota_per_day"], lang),
                 days=fmt.number(inputs["working_days"], lang), attendance=fmt.percent(inputs["attendance"], lang,
                                                                                      digits=0),
                 capacity=fmt.number(inputs["capacity_per_person"], lang, digits=1), people=people)
    if row["method"] == "erlang" and inputs:
        return t("staffing.reason_erlang", lang, driver=driver_name(row["driver"], lang),
                 volume=fmt.count(inputs["volume"], lang), daily=fmt.count(inputs["daily_chats"], lang),
                 aht=fmt.number(float(norm.aht_s) / 60, lang, digits=1), concurrency=norm.concurrency,
                 level=fmt.percent(norm.service_level, lang, digits=0), within=fmt.number(norm.answer_within_s, lang),
                 hours=fmt.number(inputs["agent_hours_per_day"], lang, digits=1),
                 staffed=fmt.number(inputs["staffed_hours_per_day"], lang, digits=1),
                 shrinkage=fmt.percent(norm.shrinkage, lang, digits=0),
                 fte=fmt.number(inputs["fte_month"], lang), people=people)
    return t("staffing.reason_kept", lang)
