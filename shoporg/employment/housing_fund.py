"""住房公积金: the employer's and the employee's deposit, the same share of the same base.

The base is the person's gross pay clamped to the city's housing-fund floor and cap (or
the floor, or a fixed amount, as for social insurance); the share is one rate within the
city's allowed range, paid by both sides. Amounts are rounded half up to the fen
(some funds round to the yuan; the difference is under one yuan a month).

>>> import numpy as np
>>> housing_fund(np.array([500000, 1000000]), floor=269000, cap=3692100, rate=0.07).tolist()
[35000, 70000]
"""

from __future__ import annotations

import numpy as np

from .contributions import contribution_base, share_fen, share_ppm

__all__ = ["housing_fund", "housing_fund_ppm"]


def housing_fund(gross_fen, floor: int, cap: int | None, rate, rule: str = "actual",
                 fixed: int | None = None) -> np.ndarray:
    """The deposit of each side (employer = employee) in fen."""
    return share_fen(contribution_base(gross_fen, floor, cap, rule, fixed), rate)


def housing_fund_ppm(gross_fen, floor, cap, ppm, rule: str = "actual", fixed: int | None = None) -> np.ndarray:
    """The same with the rate in whole ppm (floor, cap and rate may be per-month arrays)."""
    return share_ppm(contribution_base(gross_fen, floor, cap, rule, fixed), ppm)
