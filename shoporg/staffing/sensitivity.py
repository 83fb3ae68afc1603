"""Sensitivity of a chat role's headcount to its norm: how the people a month's chats
need move with the handling time (AHT), the chats an agent holds at once (concurrency)
and the service-level target, one input at a time, the others at the norm's own.

>>> from shoporg.staffing import ErlangNorm
>>> n = ErlangNorm(method="erlang", driver="consultations", aht_s=240, concurrency=3,
...                answer_within_s=30, service_level=0.8)
>>> s = headcount_sensitivity(n, 12000)
>>> s[s["at_norm"]]["headcount"].unique().tolist()
[11]
>>> s[s["input"] == "concurrency"][["value", "headcount"]].values.tolist()[:3]
[[1.0, 17.0], [2.0, 12.0], [3.0, 11.0]]
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from ..i18n import Phrase
from .inputs import StaffingError
from .norms import ErlangNorm
from .sizing import erlang_headcount

__all__ = ["SENSITIVITY_INPUTS", "AHT_FACTORS", "SERVICE_LEVELS", "CONCURRENCY", "headcount_sensitivity"]

#: The norm inputs varied, in the order shown.
SENSITIVITY_INPUTS = ("aht_s", "concurrency", "service_level")
#: AHT as multiples of the norm's own.
AHT_FACTORS = (0.5, 0.75, 1.0, 1.25, 1.5)
#: Service-level targets (share answered within the norm's seconds).
SERVICE_LEVELS = (0.6, 0.7, 0.8, 0.9, 0.95)
#: Chats one agent holds at once.
CONCURRENCY = (1, 2, 3, 4, 5)


def _grid(norm: ErlangNorm, name: str, values) -> list:
    own = float(getattr(norm, name))
    return sorted({float(v) for v in values} | {own})


def headcount_sensitivity(norm: ErlangNorm, monthly_volume: float, *, aht_factors=AHT_FACTORS,
                          service_levels=SERVICE_LEVELS, concurrency=CONCURRENCY) -> pd.DataFrame:
    """Headcount of ``monthly_volume`` chats under ``norm`` with one input changed.

    Returns one row per input and value: ``input`` (one of :data:`SENSITIVITY_INPUTS`),
    ``value`` (AHT in seconds, chats at once, or the target share), ``headcount`` (as
    :func:`~shoporg.staffing.sizing.erlang_headcount` sizes it) and ``at_norm`` (the
    norm's own value; there the headcount is the recommended one). Each grid holds the
    norm's own value.
    """
    if not isinstance(norm, ErlangNorm):
        raise StaffingError(Phrase("staffing.err.sensitivity_norm", method=getattr(norm, "method", repr(norm))))
    grids = {"aht_s": _grid(norm, "aht_s", [float(norm.aht_s) * f for f in aht_factors]),
             "concurrency": _grid(norm, "concurrency", [c for c in concurrency if 1 <= c <= 10]),
             "service_level": _grid(norm, "service_level", [v for v in service_levels if 0 < v < 1])}
    rows = []
    for name in SENSITIVITY_INPUTS:
        own = float(getattr(norm, name))
        for v in grids[name]:
            value = int(v) if name == "concurrency" else Decimal(str(round(v, 6)))
            varied = norm.model_copy(update={name: value})
            rows.append({"input": name, "value": v, "headcount": erlang_headcount(float(monthly_volume), varied)[0],
                         "at_norm": v == own})
    return pd.DataFrame(rows, columns=["input", "value", "headcount", "at_norm"])
