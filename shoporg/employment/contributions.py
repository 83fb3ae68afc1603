"""Social insurance contributions (五险): the base and each branch's share, in whole fen.

Each branch's contribution for one person and month is ``base × rate`` rounded half up
to the fen, computed in integers (rates to six decimals, as parts per million) so the
rounding is exact. The base is the person's actual gross pay clamped to the city's floor
and cap (``actual``), the floor itself (``floor``, what many small shops declare), or a
fixed amount (``fixed``, also clamped).

>>> import numpy as np
>>> base = contribution_base(np.array([500000, 1200000, 5000000]), floor=738400, cap=3692100)
>>> base.tolist()
[738400, 1200000, 3692100]
>>> share_fen(base, 0.16).tolist()
[118144, 192000, 590736]
"""

from __future__ import annotations

import numpy as np

from ..i18n import Phrase
from .params import EmploymentError

__all__ = ["BASE_RULES", "PPM", "rate_ppm", "share_fen", "share_ppm", "contribution_base"]

#: How the contribution base is chosen.
BASE_RULES = ("actual", "floor", "fixed")
PPM = 1_000_000


def rate_ppm(rate, where: str = "rate") -> int:
    """A share as whole parts per million, refusing more than six decimals.

    >>> rate_ppm(0.005), rate_ppm(0.0026)
    (5000, 2600)
    """
    scaled = float(rate) * PPM
    whole = round(scaled)
    if abs(scaled - whole) > 1e-6 * max(1.0, abs(scaled)) or not 0 <= whole <= PPM:
        raise EmploymentError(Phrase("err.employment_rate_decimals", where=where, got=repr(rate)))
    return int(whole)


def share_fen(base_fen, rate) -> np.ndarray:
    """``base × rate`` in fen, rounded half up; ``rate`` a share (a number or an array).

    >>> share_fen(np.array([1]), 0.5).tolist(), share_fen(np.array([3]), 0.5).tolist()
    ([1], [2])
    """
    ppm = rate_ppm(rate) if np.ndim(rate) == 0 else np.rint(np.asarray(rate, dtype=float) * PPM).astype(np.int64)
    return share_ppm(base_fen, ppm)


def share_ppm(base_fen, ppm) -> np.ndarray:
    """``base × ppm / 10⁶`` in fen, rounded half up, in integers (bases of at most 10¹² fen)."""
    base = np.asarray(base_fen, dtype=np.int64)
    return (base * np.asarray(ppm, dtype=np.int64) + PPM // 2) // PPM


def contribution_base(gross_fen, floor: int, cap: int | None, rule: str = "actual",
                      fixed: int | None = None) -> np.ndarray:
    """The monthly contribution base in fen under ``rule``; floor and cap may be arrays
    broadcast over the month axis (the base year switching inside the plan).

    >>> contribution_base(np.array([0, 900000]), floor=738400, cap=None, rule="floor").tolist()
    [738400, 738400]
    >>> contribution_base(np.array([0, 900000]), floor=738400, cap=3692100, rule="fixed", fixed=5000000).tolist()
    [3692100, 3692100]
    """
    gross = np.asarray(gross_fen, dtype=np.int64)
    hi = np.iinfo(np.int64).max if cap is None else cap
    if rule == "actual":
        chosen = gross
    elif rule == "floor":
        chosen = np.zeros_like(gross)
    elif rule == "fixed":
        chosen = np.full_like(gross, int(fixed or 0))
    else:
        raise EmploymentError(Phrase("err.literal", got=repr(rule), allowed=", ".join(BASE_RULES)))
    return np.clip(chosen, floor, hi).astype(np.int64)
