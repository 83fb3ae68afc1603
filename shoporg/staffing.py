"""Staffing from volume (定岗定编): recommended headcount per role, and one loop to cost.

``recommend_headcount(design, volumes)`` sizes each role that has a workload norm
(on the role, or from a norms file) from monthly volumes; ``scale_design`` returns
the design with those headcounts; ``plan(design, scenario)`` goes on to the payroll
of the staffed design, with temporary staff for the peak months, and the cost per
order month by month.

>>> from decimal import Decimal
>>> from shoporg.norms import QuotaNorm
>>> n = QuotaNorm(method="quota", driver="units", quota_per_day=50, working_days=250, attendance=0.9)
>>> quota_headcount(5_000_000, n)
445
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import numpy as np

from .errors import ShopOrgError
from .norms import ErlangNorm, NormsFile, QuotaNorm

__all__ = ["StaffingError", "quota_headcount", "read_norms", "norms_for", "norms_within", "recommend_headcount",
           "scale_design", "plan", "Plan"]


class StaffingError(ShopOrgError):
    """Volumes or norms that cannot size a role."""


def quota_headcount(workload: float, norm: QuotaNorm) -> int:
    """People needed for ``workload`` units a period of ``norm.working_days`` days:
    ``ceil(workload × peak / (quota × days × attendance))``, at least ``norm.minimum``
    when there is any work, 0 when there is none.

    >>> n = QuotaNorm(method="quota", driver="orders_picked", quota_per_day=300)
    >>> quota_headcount(9000, n), quota_headcount(0, n), quota_headcount(10, n)
    (2, 0, 1)
    """
    if not math.isfinite(workload) or workload < 0:
        raise StaffingError(f"workload of {norm.driver!r} must be a number >= 0, got {workload!r}")
    if workload == 0:
        return 0
    from .erlang import quota_headcount as quota  # the quota arithmetic lives in one place
    need = quota(workload * float(norm.peak_factor), float(norm.quota_per_day),
                 working_days=float(norm.working_days), attendance=float(norm.attendance), minimum_one=False)
    return max(norm.minimum, need)


def erlang_headcount(monthly_volume: float, norm: ErlangNorm) -> tuple[int, dict]:
    """FTE for a chat queue of ``monthly_volume`` conversations, and the inputs used."""
    from .erlang import intraday_staffing

    if not math.isfinite(monthly_volume) or monthly_volume < 0:
        raise StaffingError(f"volume of {norm.driver!r} must be a number >= 0, got {monthly_volume!r}")
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


def read_norms(path) -> NormsFile:
    """Read a norms file (YAML, schema ``shoporg/norms-v1``), with located errors."""
    from pydantic import ValidationError

    from .errors import DesignValidationError
    from .io.yaml_io import load_yaml
    from .validation import problems_from_pydantic

    data = load_yaml(Path(path))
    try:
        return NormsFile.model_validate(data)
    except ValidationError as e:
        raise DesignValidationError([p.at(str(path)) for p in problems_from_pydantic(e, NormsFile)]) from None


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
    from .scenario import Scenario
    if isinstance(volumes, Scenario):
        try:
            return volumes.driver(driver)
        except ShopOrgError as e:
            raise StaffingError(f"a norm needs driver {driver!r}: {e}") from None
    if driver not in volumes:
        raise StaffingError(f"a norm needs driver {driver!r}; the volumes give: {', '.join(sorted(volumes))}")
    arr = np.atleast_1d(np.asarray(volumes[driver], dtype=float))
    if not np.isfinite(arr).all() or (arr < 0).any():
        raise StaffingError(f"volumes of {driver!r} must be numbers >= 0, got {volumes[driver]!r}")
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
    import pandas as pd

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


class Plan:
    """The one loop: staffing, payroll of the staffed design, temporary staff, unit costs."""

    def __init__(self, design, staffed, scenario, recommendation, payroll, temporary):
        self.design, self.staffed, self.scenario = design, staffed, scenario
        self.recommendation, self.payroll, self.temporary = recommendation, payroll, temporary

    def monthly(self):
        """Per month: orders, revenue, permanent payroll, temporary staff cost, total,
        cost per order and cost as a share of revenue (accrued view)."""
        import pandas as pd
        m = self.payroll.by_month()
        out = pd.DataFrame(index=m.index)
        out["orders"] = self.scenario.driver("orders")
        out["revenue"] = self.scenario.driver("revenue")
        out["payroll"] = m["accrued"]
        out["temporary"] = self.temporary.sum(axis=1).values / 100
        out["total"] = (m["accrued_fen"].values + self.temporary.sum(axis=1).values) / 100
        out["cost_per_order"] = (out["total"] / out["orders"].where(out["orders"] > 0)).round(2)
        out["share_of_revenue"] = (out["total"] / out["revenue"].where(out["revenue"] > 0)).round(4)
        return out

    def __repr__(self) -> str:
        m = self.monthly()
        return (f"<Plan {self.design.id}: {float(self.design.headcount):g} → {float(self.staffed.headcount):g} people, "
                f"year ¥{m['total'].sum():,.2f}, ¥{m['total'].sum() / m['orders'].sum():.2f} per order>")


def plan(design, scenario, norms=None, *, base_level: str = "mid", supply=None) -> Plan:
    """Recommended headcount for the scenario → payroll of the staffed design → temporary
    staff in months that need more people than the permanent headcount (paid the role's
    base pay per FTE for that month) → cost per order and share of revenue by month."""
    import pandas as pd

    from .pay.amounts import base_amount, to_fen
    from .pay.engine import payroll

    rec = recommend_headcount(design, scenario, norms)
    staffed = scale_design(design, scenario, norms)
    pr = payroll(staffed, scenario, base_level=base_level, supply=supply)  # per-person data fitted to the staffing
    table = norms_for(design, norms)
    temp = {}
    for row in rec.itertuples():
        norm = table.get(row.role)
        if norm is None:
            continue
        need = np.array([_people(norm, float(v))[0] for v in scenario.driver(norm.driver)], dtype=float)
        extra = np.maximum(need - row.recommended, 0)
        bases = [c for c in staffed.role(row.role).pay if c.kind == "base"]
        monthly = base_amount(bases[0], base_level) if bases else 0.0
        temp[row.role] = to_fen(extra * monthly)
    temporary = pd.DataFrame(temp, index=scenario.months) if temp else pd.DataFrame(index=scenario.months)
    return Plan(design, staffed, scenario, rec, pr, temporary)
