"""One pay component's amounts in whole fen, before its condition: the arithmetic
that :func:`~shoporg.pay.engine.payroll` and :func:`~shoporg.pay.sweep.payroll_sweep`
share. Arrays have leading axes ``(..., 12)``: none extra for one scenario, one
per scenario in a sweep; a last axis of 1 (role-wide) or one column per person.
"""

from __future__ import annotations

import numpy as np

from ..errors import ShopOrgError

__all__ = ["PayrollError", "to_fen", "base_amount", "missing_rate", "component_fen", "payment_months"]


class PayrollError(ShopOrgError):
    """A payroll that cannot be computed as asked (a missing parameter, a driver the scenario lacks...)."""


def to_fen(yuan) -> np.ndarray:
    """Yuan to whole fen, rounding half up (away from zero for negatives).

    The tiny guard absorbs binary noise such as 1.005 * 100 = 100.49999999999999.

    >>> to_fen(np.array([0.125, 1.005, -0.125, 2.675])).tolist()
    [13, 101, -13, 268]
    """
    cents = np.asarray(yuan, dtype=float) * 100
    return (np.sign(cents) * np.floor(np.abs(cents) + 0.5 + 1e-6)).astype(np.int64)


def base_amount(c, level: str) -> float:
    """The monthly base at the ``low``, ``mid`` or ``high`` end of its range."""
    lo, hi = c.monthly if isinstance(c.monthly, tuple) else (c.monthly, c.monthly)
    return float({"low": lo, "high": hi, "mid": (lo + hi) / 2}[level])


def missing_rate(role, ri: int, ci: int, c, name: str, supply: dict) -> float:
    """A parameter's value: the design's, else the supplied one, else a located error."""
    value = getattr(c, name)
    if value is not None:
        return float(value)
    key = f"{role.id}.pay[{ci}].{name}"
    if key in supply:
        return float(supply[key])
    label = c.label.zh if c.label else c.kind
    raise PayrollError(f"roles[{ri}].pay[{ci}].{name}: the {name} of {label} ({c.kind}) of role {role.id!r} "
                       f"is missing (left blank in the source); supply it, e.g. "
                       f"payroll(..., supply={{'{key}': ...}})")


def component_fen(c, shares: np.ndarray, get, shop, param, base_level: str, factor=None):
    """``("pool", fen[..., 12])`` for a role-wide amount to be shared by FTE, or
    ``("people", fen[..., 12, n])`` (possibly broadcastable, e.g. ``[n]`` for a base).

    ``get(name)`` gives a driver for the role, ``shop(name)`` the shop-wide driver, both
    shaped ``(..., 12, 1 or n)``; ``param(name)`` a parameter's value; ``factor`` a
    ``scale`` multiplier shaped like a driver, or ``None``.
    """
    f = shares
    pool = people = None
    if c.kind == "base":
        people = base_amount(c, base_level) * f
    elif c.kind == "piece_rate":
        units = get(c.driver)
        if c.basis == "pooled" and units.shape[-1] == 1:
            pool = param("rate") * units[..., 0]
        else:
            people = param("rate") * units
    elif c.kind == "revenue_bonus":
        if c.scope == "shop":
            people = param("rate") * shop(c.driver) * f
        else:
            rev = get(c.driver)
            if rev.shape[-1] == 1:
                pool = param("rate") * rev[..., 0]
            else:
                people = param("rate") * rev
    elif c.kind == "team_bonus":
        if c.split == "pool":
            pool = np.asarray(param("amount"))
        else:
            people = param("amount") * f
    elif c.kind == "allowance":
        people = float(c.monthly) * f
    elif c.driver is not None:  # deduction per unit
        people = -param("rate") * get(c.driver)
    else:  # fixed deduction
        people = -float(c.amount) * f
    if factor is not None:
        if pool is not None and factor.shape[-1] > 1:  # each person's share scaled by their own factor
            pool, people = None, pool[..., None] * (f / f.sum()) * factor
        elif pool is not None:
            pool = pool * factor[..., 0]
        else:
            people = people * factor
    return ("pool", to_fen(pool)) if pool is not None else ("people", to_fen(people))


def payment_months(settle: str, lag: int, start_month: int, months: int = 12) -> list[int]:
    """For each plan month, the plan month its accrual is paid in (may be past the plan):
    the end of its settlement period (month, calendar quarter, year) plus ``lag``.

    >>> payment_months("quarterly", 1, start_month=0)[:6]
    [3, 3, 3, 6, 6, 6]
    """
    out = []
    for m in range(months):
        cal = (start_month + m) % 12  # 0 = January
        end = m if settle == "monthly" else m + (2 - cal % 3) if settle == "quarterly" else m + (11 - cal)
        out.append(end + lag)
    return out
