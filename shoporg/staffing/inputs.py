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

__all__ = ["StaffingInputError", "StaffingError"]

_NOISE = 1e-9  # binary noise allowed when a ratio should land on a whole number
_OCC_NOISE = 1e-12  # ... and when an occupancy equals its cap


class StaffingInputError(ShopOrgError):
    """An input that cannot size a queue (names the argument and what is allowed)."""


class StaffingError(ShopOrgError):
    """Volumes or norms that cannot size a role."""


def _fail(message: str):
    raise StaffingInputError(message)


def _finite_number(name: str, value) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        _fail(f"{name} must be a number, got {value!r}")
    if isinstance(value, bool) or not math.isfinite(x):
        _fail(f"{name} must be a finite number, got {value!r}")
    return x


def _array(name: str, value, *, positive: bool) -> np.ndarray:
    """A 0-d or 1-d float array of finite numbers >= 0 (> 0 when ``positive``)."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        _fail(f"{name} must be a number or a 1-D sequence of numbers, got {value!r}")
    if arr.ndim > 1:
        _fail(f"{name} must be a number or a 1-D sequence of numbers, got {arr.ndim}-D input")
    flat = np.atleast_1d(arr)
    bad = ~np.isfinite(flat) | ((flat <= 0) if positive else (flat < 0))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        where = f"{name}[{i}]" if arr.ndim else name
        allowed = "> 0 seconds" if positive else ">= 0 (no NaN)"
        _fail(f"{name} must be finite and {allowed}; {where} is {float(flat[i])!r}")
    return arr


def _index_label(name: str, i: int, scalar: bool) -> str:
    return name if scalar else f"{name}[{i}]"

