"""Unit costs: what a month or a year of pay costs per order, defined once.

>>> cost_per_order(25_330.0, 1000)
25.33
>>> cost_per_order(100.0, 0) is None
True
>>> cost_per_order(np.array([100.0, 50.0]), np.array([4, 0])).tolist()
[25.0, nan]
"""

from __future__ import annotations

import numpy as np

__all__ = ["cost_per_order"]


def cost_per_order(cost, orders, places: int = 2):
    """``cost / orders`` rounded to ``places`` decimals (yuan to the fen by default).

    Numbers give a number, or ``None`` when there are no orders; arrays and pandas Series
    (month by month) give the same shape, NaN in months without orders (a Series keeps
    its index).
    """
    if np.ndim(cost) == 0 and np.ndim(orders) == 0:
        orders = float(orders)
        return round(float(cost) / orders, places) if orders > 0 else None
    counts = np.asarray(orders, dtype=float)
    return np.round(cost / np.where(counts > 0, counts, np.nan), places)
