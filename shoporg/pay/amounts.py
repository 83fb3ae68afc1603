"""One pay component's amounts in whole fen, before its condition: the kind's amount
(:mod:`shoporg.pay.kinds`) with its ``scale`` applied, rounded half up. Arrays have
leading axes ``(scenarios, 12)``; a last axis of 1 (role-wide) or one column per person.

Every amount is checked to fit before it becomes an integer: a line holds at most
:data:`MAX_FEN` fen (NaN, infinite or larger amounts are an :class:`AmountRangeError`),
so no float is ever cast to int64 out of range. Supplied values (``supply``) are checked
by the pay kind's own field, as the design file's value would be (:func:`checked_supply`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated

import numpy as np
from pydantic import TypeAdapter, ValidationError

from .._types import MONEY_MAX, Money, Rate, _shown
from ..errors import ShopOrgError, quoted_role
from ..i18n import Phrase, pick
from .kinds import PAY_KINDS, Inputs
from .kinds.allowance import payment_months
from .kinds.base import base_amount

__all__ = ["PayrollError", "AmountRangeError", "MAX_FEN", "to_fen", "base_amount", "missing_rate",
           "component_fen", "fen_and_most", "payment_months", "checked_supply",
           "merged_supply"]

#: The most one line (a component, a person, a month) may hold, in fen: 10^15 fen, ten
#: trillion yuan. Far below 2^53 (every fen exact in a float) and, summed over any payroll
#: the engine lets through (:data:`MAX_TOTAL_FEN`), inside int64.
MAX_FEN = 10 ** 15
#: The most a payroll's lines may add up to (in absolute fen): a quarter of int64's range.
MAX_TOTAL_FEN = 2 ** 61


class PayrollError(ShopOrgError):
    """A payroll that cannot be computed as asked (a missing parameter, a driver the scenario lacks...)."""


class AmountRangeError(PayrollError):
    """An amount that a payroll cannot hold (NaN, infinite, or past :data:`MAX_FEN`):
    ``value`` in yuan and ``index``, where in the array it is."""

    def __init__(self, value: float, index: tuple[int, ...]):
        self.value, self.index = value, index
        super().__init__(Phrase("err.pay_out_of_range", value=_yuan(value), most=f"{MAX_FEN // 100:,}"))


def _yuan(value: float) -> str:
    return str(value) if not np.isfinite(value) else f"{value:,.2f}" if abs(value) < 1e18 else f"{value:.3g}"


def to_fen(yuan) -> np.ndarray:
    """Yuan to whole fen, rounding half up (away from zero for negatives).

    The tiny guard absorbs binary noise such as 1.005 * 100 = 100.49999999999999. An
    amount that is NaN, infinite or larger than :data:`MAX_FEN` fen is an
    :class:`AmountRangeError` (one test of the array's largest value, before the cast).

    >>> to_fen(np.array([0.125, 1.005, -0.125, 2.675])).tolist()
    [13, 101, -13, 268]
    >>> to_fen(np.array([1.0, np.nan]))
    Traceback (most recent call last):
    ...
    shoporg.pay.amounts.AmountRangeError: an amount of nan yuan cannot be paid; allowed: a finite amount of at most 10,000,000,000,000 yuan per line
    """
    return fen_and_most(yuan)[0]


def fen_and_most(yuan) -> tuple[np.ndarray, float]:
    """:func:`to_fen` and the largest amount in absolute fen (0 for an empty array), the
    bound the engine adds up to keep totals inside int64."""
    yuan = np.asarray(yuan, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        cents = yuan * 100
        whole = np.abs(cents, out=np.empty(np.shape(cents)))  # in place: sweeps round (scenarios, 12) arrays
    most = float(whole.max()) if whole.size else 0.0
    if not most <= MAX_FEN:  # NaN compares False: refused too
        bad = np.argwhere(~(whole <= MAX_FEN))[0]
        raise AmountRangeError(float(yuan[tuple(bad)]), tuple(int(i) for i in bad))
    whole += 0.5
    whole += 1e-6
    np.floor(whole, out=whole)
    return np.copysign(whole, cents, out=whole).astype(np.int64), most + 1  # range checked above


_SUPPLY_KEY = re.compile(r"(?P<role>[^.\[\]]+)\.pay\[(?P<ci>\d{1,4})\]\.(?P<name>\w+)\Z")


@lru_cache(maxsize=None)
def _field_adapter(model: type, name: str) -> TypeAdapter:
    field = model.model_fields[name]  # a field declared Annotated keeps its validators in metadata
    return TypeAdapter(Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation)


def _allowed(model: type, name: str) -> Phrase:
    """What a parameter of a pay kind may be, in words."""
    ann = model.model_fields[name].annotation
    args = set(getattr(ann, "__args__", ())) | {ann}
    if Rate in args:
        return Phrase("err.pay_allowed_rate")
    if Money in args:
        return Phrase("err.pay_allowed_money", most=f"{int(MONEY_MAX):,}")
    return Phrase("err.pay_allowed_number")


def _reason(error: ValidationError) -> Phrase | str:
    """The first reason pydantic gives, in the catalogue's words where it has them."""
    first = error.errors()[0]
    inner = (first.get("ctx") or {}).get("error")
    if isinstance(inner, ValueError) and inner.args and isinstance(inner.args[0], Phrase):
        return inner.args[0]
    ctx = first.get("ctx") or {}
    if first["type"] == "less_than_equal":
        return Phrase("err.max", maximum=ctx.get("le"), got=_shown(first.get("input")))
    if first["type"] == "greater_than_equal":
        return Phrase("err.min", minimum=ctx.get("ge"), got=_shown(first.get("input")))
    return Phrase("err.number", got=_shown(first.get("input")))


def merged_supply(*supplies) -> dict:
    """Supplies laid over each other, later ones winning (a scenario's, then the call's);
    anything but a mapping is a :class:`PayrollError`."""
    out = {}
    for supply in supplies:
        if supply is None:
            continue
        if not hasattr(supply, "items"):
            raise PayrollError(Phrase("err.pay_supply_mapping", got=_shown(supply)))
        out.update(supply.items())
    return out


def checked_supply(design, supply) -> dict[str, float]:
    """``supply`` with every value that fills a parameter of ``design`` checked by the pay
    kind's own field (a rate 0–1, money within its bounds, the places allowed), as
    floats. Keys that name no parameter of the design are kept as given and never read.

    Raises
    ------
    PayrollError
        A value the design file could not hold there, located at the component
        (``roles[0].pay[1].rate``), with the key, the value and what is allowed.
    """
    if supply is None:
        return {}
    if not hasattr(supply, "items"):
        raise PayrollError(Phrase("err.pay_supply_mapping", got=_shown(supply)))
    index = {r.id: (i, r) for i, r in reversed(list(enumerate(design.roles)))}
    out = {}
    for key, value in supply.items():
        m = _SUPPLY_KEY.match(key) if isinstance(key, str) else None
        if m is None or m["role"] not in index:
            out[key] = value
            continue
        ri, role = index[m["role"]]
        ci, name = int(m["ci"]), m["name"]
        if ci >= len(role.pay) or name not in type(role.pay[ci]).model_fields:
            out[key] = value
            continue
        model = type(role.pay[ci])
        try:
            checked = _field_adapter(model, name).validate_python(value)
            if checked is None:
                raise PayrollError(Phrase("err.number", got="None"))
            out[key] = float(checked)
        except (ValidationError, PayrollError, TypeError, ValueError) as e:
            reason = _reason(e) if isinstance(e, ValidationError) else (getattr(e, "phrase", None) or str(e))
            raise PayrollError(Phrase("err.pay_supply_value", where=f"roles[{ri}].pay[{ci}].{name}", key=key,
                                      reason=reason, allowed=_allowed(model, name))) from None
    return out


def missing_rate(role, ri: int, ci: int, c, name: str, supply: dict) -> float:
    """A parameter's value: the design's, else the supplied one (checked by
    :func:`checked_supply`), else a located error."""
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


def component_fen(c, inputs: Inputs, factor=None) -> tuple[str, np.ndarray, float]:
    """``("pool", fen[..., 12], most)`` for a role-wide amount to be shared by FTE, or
    ``("people", fen[..., 12, n], most)`` (possibly broadcastable, e.g. ``[n]`` for a base);
    ``most`` bounds each amount in absolute fen. An amount out of range is an
    :class:`AmountRangeError` whose ``month`` is the plan month (None: every month).

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
    try:
        return (how, *fen_and_most(yuan))
    except AmountRangeError as e:
        i = e.index
        e.scenario, e.month = (i[0], i[-1]) if how == "pool" else (i[0], i[-2]) if len(i) >= 3 else (0, None)
        raise
