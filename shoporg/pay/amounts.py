"""One pay component's amounts in whole fen, before its condition: the kind's amount
(:mod:`shoporg.pay.kinds`) with its ``scale`` applied, rounded half up. Arrays have
leading axes ``(scenarios, 12)``; a last axis of 1 (role-wide) or one column per person.
"""

from __future__ import annotations

import numpy as np

from ..errors import ShopOrgError, quoted_role
from ..i18n import Phrase, pick
from .kinds import PAY_KINDS, Inputs
from .kinds.allowance import payment_months
from .kinds.base import base_amount

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
    whole = np.abs(cents, out=np.empty(np.shape(cents)))  # in place: sweeps round (scenarios, 12) arrays
    whole += 0.5
    whole += 1e-6
    np.floor(whole, out=whole)
    return np.copysign(whole, cents, out=whole).astype(np.int64)


def missing_rate(role, ri: int, ci: int, c, name: str, supply: dict) -> float:
    """A parameter's value: the design's, else the supplied one, else a located error."""
    value = getattr(c, name)
    if value is not None:
        return float(value)
    key = f"{role.id}.pay[{ci}].{name}"
    if key in supply:
        return float(supply[key])
    kind = PAY_KINDS[c.kind]
    label = c.label.zh if c.label else None
    named = label or kind.label["zh"]  # in Chinese the kind is said only when the label does not say it
    raise PayrollError(Phrase("err.pay_missing", where=f"roles[{ri}].pay[{ci}].{name}", key=key,
                              role=quoted_role(role.id, role.name),
                              name={"zh": pick(kind.fields.get(name, (name, name)), "zh"), "en": name},
                              label={"zh": named, "en": label or c.kind},
                              kind={"zh": "" if named == kind.label["zh"] else f"（{kind.label['zh']}）",
                                    "en": f"({c.kind})"}))


def component_fen(c, inputs: Inputs, factor=None) -> tuple[str, np.ndarray]:
    """``("pool", fen[..., 12])`` for a role-wide amount to be shared by FTE, or
    ``("people", fen[..., 12, n])`` (possibly broadcastable, e.g. ``[n]`` for a base).

    ``factor`` is a ``scale`` multiplier shaped like a driver, or ``None``; a pool scaled
    by each person's own factor becomes each person's share, scaled.
    """
    how, yuan = PAY_KINDS[c.kind].amount(c, inputs)
    if factor is not None:
        f = inputs.shares
        if how == "pool" and factor.shape[-1] > 1:
            how, yuan = "people", yuan[..., None] * (f / f.sum()) * factor
        elif how == "pool":
            yuan = yuan * factor[..., 0]
        else:
            yuan = yuan * factor
    return how, to_fen(yuan)
