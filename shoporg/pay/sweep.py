"""Payroll totals for many scenarios at once (what-if sweeps), vectorized over scenarios.

The sweep gives exactly the totals :func:`~shoporg.pay.engine.payroll` gives for each
scenario (same rounding, to the fen), without building payroll lines: every
component is computed for all scenarios and months in one array operation.

Drivers may be shop-wide, per role or per person (as in :func:`payroll`); the
scenarios of one sweep must share a start month (quarterly settlement depends on it).

>>> from shoporg import load_template, Scenario
>>> d = load_template("seed-14-basic-22").only(["storekeeper", "picker", "shipper"])
>>> runs = [Scenario.from_profile({"orders_picked": n, "orders_shipped": n, "store_incidents": 0})
...         for n in (1000, 2000, 3000)]
>>> payroll_sweep(d, runs)["accrued"].tolist()
[186000.0, 234000.0, 282000.0]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..scenario import MONTHS, Scenario
from .amounts import PayrollError, component_fen, missing_rate, payment_months, to_fen
from .engine import BASE_LEVELS, people_shares, split_pool

__all__ = ["payroll_sweep"]


def _payable(settle: str, lag: int, start_month: int) -> np.ndarray:
    """1 for each month whose accrual is paid within the plan, else 0."""
    return np.array([when < MONTHS for when in payment_months(settle, lag, start_month, MONTHS)], dtype=np.int64)


def payroll_sweep(design, scenarios: Sequence[Scenario], *, base_level: str = "mid",
                  supply: dict | None = None, by_role: bool = False, progress: bool = False):
    """Totals for each scenario: ``accrued``, ``paid`` and ``carried_over`` in yuan.

    With ``by_role=True`` the frame has one row per scenario and role. ``progress``
    shows a tqdm bar over the roles (useful in notebooks for large designs).
    """
    import pandas as pd

    from .expr import parse_expression

    if base_level not in BASE_LEVELS:
        raise ValueError(f"base_level must be one of {', '.join(BASE_LEVELS)}, got {base_level!r}")
    scenarios = list(scenarios)
    if not scenarios:
        raise ValueError("payroll_sweep needs at least one scenario")
    starts = {s.start for s in scenarios}
    if len(starts) > 1:
        raise PayrollError(f"scenarios in one sweep must share a start month, got {sorted(starts)}")
    start_month = int(scenarios[0].start[5:7]) - 1
    supply = {**scenarios[0].supply, **(supply or {})}
    S = len(scenarios)
    cache: dict[tuple[str, str | None], np.ndarray] = {}
    overridden = {rid for s in scenarios for rid in s.roles}

    def plain(name, role_id):
        """One driver for all scenarios as (S, 12, 1), or (S, 12, people) for per-person values."""
        key = (name, role_id if role_id in overridden else None)
        if key not in cache:
            try:
                arrays = [s.driver(name, role_id) for s in scenarios]
            except Exception as e:
                raise PayrollError(f"role {role_id!r} needs driver {name!r}: {e}") from None
            if all(a.ndim == 1 for a in arrays):  # the usual case, kept fast
                cache[key] = np.stack(arrays)[..., None]
            else:
                k = max(a.shape[1] if a.ndim == 2 else 1 for a in arrays)
                cache[key] = np.stack([np.broadcast_to(a if a.ndim == 2 else a[:, None], (MONTHS, k))
                                       for a in arrays])
        return cache[key]

    def drivers(names, role_id):
        env = {n: plain(n, role_id) for n in names if n not in design.rules}
        wanted = [n for n in names if n in design.rules]
        if wanted:
            from .expr import evaluate_rules
            needed, stack = {}, list(wanted)
            while stack:
                n = stack.pop()
                if n in design.rules and n not in needed:
                    needed[n] = parse_expression(design.rules[n], where=f"rules.{n}")
                    stack += list(needed[n].names)
            base = {m: plain(m, role_id) for e in needed.values() for m in e.names if m not in design.rules}
            for n, v in evaluate_rules(needed, base).items():
                v = np.asarray(v, dtype=float)
                env[n] = np.broadcast_to(v, (S, MONTHS, 1)) if v.ndim < 3 else v
        return env

    evaluated: dict[tuple, np.ndarray] = {}

    def evaluate(text, where, role_id, kind):
        # the same expression over the same drivers is evaluated once for the whole sweep
        expr = parse_expression(text, where=where)
        env = drivers(expr.names, role_id)
        key = (text, kind, tuple(id(env[n]) for n in sorted(env)))
        if key not in evaluated:
            value = np.asarray(expr.evaluate(env), dtype=kind)
            evaluated[key] = np.broadcast_to(value, (S, MONTHS, 1)) if value.ndim < 3 else value
        return evaluated[key]

    roles = design.roles
    if progress:
        from tqdm.auto import tqdm
        roles = tqdm(roles, desc="roles", leave=False)
    accrued_by_role, paid_by_role = [], []
    for ri, role in enumerate(roles):
        shares = people_shares(role.headcount)
        n = len(shares)
        acc = np.zeros((S, MONTHS), dtype=np.int64)
        paid = np.zeros((S, MONTHS), dtype=np.int64)
        gross_people = np.zeros((S, MONTHS, n), dtype=np.int64) if design.on_cost and role.pay else None
        for ci, c in enumerate(role.pay):
            where = f"roles[{ri}].pay[{ci}]"
            cond_text = getattr(c, "gate", None) or getattr(c, "when", None)
            cond = evaluate(cond_text, where, role.id, bool) if cond_text else None
            factor = evaluate(c.scale, f"{where}.scale", role.id, float) if getattr(c, "scale", None) else None
            how, fen = component_fen(
                c, shares, lambda name, _r=role.id: drivers([name], _r)[name], lambda name: plain(name, None),
                lambda name, _c=c, _ci=ci: missing_rate(role, ri, _ci, _c, name, supply), base_level, factor)
            per_person = cond is not None and cond.shape[-1] > 1
            if per_person or gross_people is not None:
                people = (_pool(np.broadcast_to(fen, (S, MONTHS)), shares) if how == "pool"
                          else np.broadcast_to(fen, (S, MONTHS, n)))
                if cond is not None:
                    people = np.where(cond, people, 0)
                total = people.sum(axis=-1)
                if gross_people is not None:
                    gross_people += np.maximum(people, 0)
            else:
                if how == "pool":
                    summed = fen  # the people's shares add up to the pool
                elif fen.ndim == 1:
                    summed = fen.sum()  # fixed amounts per person
                else:  # a last axis of 1 holds the same amount for each person
                    summed = fen.sum(axis=-1) if fen.shape[-1] == n else fen[..., 0] * n
                total = np.broadcast_to(summed, (S, MONTHS)) if cond is None else np.where(cond[..., 0], summed, 0)
            acc += total
            paid += total * _payable(c.settle, c.pay_lag_months, start_month) if c.kind == "allowance" else total
        if gross_people is not None:
            oc = design.on_cost
            lo = float(oc.base_floor) if oc.base_floor is not None else 0.0
            hi = float(oc.base_cap) if oc.base_cap is not None else np.inf
            on_cost = to_fen(float(oc.rate) * np.clip(gross_people / 100, lo, hi)).sum(axis=2)
            acc += on_cost
            paid += on_cost
        accrued_by_role.append(acc.sum(axis=1))
        paid_by_role.append(paid.sum(axis=1))

    ids = [s.id for s in scenarios]
    if by_role:
        rows = [{"scenario": i, "scenario_id": ids[i], "role": r.id,
                 "accrued_fen": int(a[i]), "paid_fen": int(p[i])}
                for r, a, p in zip(design.roles, accrued_by_role, paid_by_role) for i in range(S)]
        df = pd.DataFrame(rows)
    else:
        a = np.sum(accrued_by_role, axis=0) if accrued_by_role else np.zeros(S, dtype=np.int64)
        p = np.sum(paid_by_role, axis=0) if paid_by_role else np.zeros(S, dtype=np.int64)
        df = pd.DataFrame({"scenario": range(S), "scenario_id": ids, "accrued_fen": a, "paid_fen": p})
    df["accrued"] = df["accrued_fen"] / 100
    df["paid"] = df["paid_fen"] / 100
    df["carried_over"] = (df["accrued_fen"] - df["paid_fen"]) / 100
    return df


def _pool(pool_fen: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Per-person (S, 12, n) fen from (S, 12) pools, shared exactly by FTE."""
    return split_pool(pool_fen.reshape(-1), shares).reshape(pool_fen.shape + (len(shares),))
