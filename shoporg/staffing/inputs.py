"""Input checks shared by the staffing models, and the errors they raise.

Each check names the argument and what is allowed:

>>> _finite_number("aht_s", "fast")
Traceback (most recent call last):
...
shoporg.staffing.inputs.StaffingInputError: aht_s must be a number, got 'fast'
"""

from __future__ import annotations

import math

import numpy as np

from ..errors import ShopOrgError
from ..i18n import Phrase

__all__ = ["StaffingInputError", "StaffingError"]

_NOISE = 1e-9  # binary noise allowed when a ratio should land on a whole number
_OCC_NOISE = 1e-12  # ... and when an occupancy equals its cap


class StaffingInputError(ShopOrgError):
    """An input that cannot size a queue (names the argument and what is allowed)."""


class StaffingError(ShopOrgError):
    """Volumes or norms that cannot size a role."""


def _fail(message: str | Phrase):
    raise StaffingInputError(message)


def _finite_number(name: str, value) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        _fail(Phrase("err.arg_number", name=name, got=repr(value)))
    if isinstance(value, bool) or not math.isfinite(x):
        _fail(Phrase("err.arg_finite", name=name, got=repr(value)))
    return x


def _array(name: str, value, *, positive: bool) -> np.ndarray:
    """A 0-d or 1-d float array of finite numbers >= 0 (> 0 when ``positive``)."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        _fail(Phrase("err.arg_sequence", name=name, got=repr(value)))
    if arr.ndim > 1:
        _fail(Phrase("err.arg_dims", name=name, n=arr.ndim))
    flat = np.atleast_1d(arr)
    bad = ~np.isfinite(flat) | ((flat <= 0) if positive else (flat < 0))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        where = f"{name}[{i}]" if arr.ndim else name
        allowed = Phrase("err.arg_positive_s" if positive else "err.arg_nonnegative")
        _fail(Phrase("err.arg_value", name=name, allowed=allowed, where=where, got=repr(float(flat[i]))))
    return arr


def _index_label(name: str, i: int, scalar: bool) -> str:
    return name if scalar else f"{name}[{i}]"

