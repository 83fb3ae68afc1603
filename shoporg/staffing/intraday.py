"""A day of chat service: agents per interval, staffed hours, FTE a day and a month, shifts.

``intraday_staffing`` does a day (24 hours or 48 half-hours) with :func:`required_agents`
in every interval and turns agents per interval into staffed hours, FTE a day and a
month, and fixed-length shifts (an optimal greedy cover).

>>> r = intraday_staffing(2000, 180, shrinkage=0.3)
>>> r.interval_s, int(r.intervals["agents"].max()), r.shifts_per_day >= r.fte_per_day
(3600, 11, True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from .agents import CONCURRENCY_SLOWDOWN, MAX_AGENTS, required_agents
from .inputs import _NOISE, _array, _fail, _finite_number
from .norms import WORKING_DAYS_PER_MONTH

__all__ = ["HOURLY_PROFILES", "IntradayStaffing", "intraday_staffing"]

#: Share of a day's chats in each hour (0-23). ``ecommerce`` is an assumption for
#: consumer chats on Taobao/Tmall: quiet nights, a morning ramp, a lunch dip and the
#: evening peak (20-22h); replace it with the shop's own 生意参谋/千牛 hourly data.
HOURLY_PROFILES: dict[str, tuple[float, ...]] = {
    "ecommerce": (2.0, 1.0, 0.5, 0.3, 0.2, 0.3, 0.8, 1.8, 3.5, 5.5, 6.5, 6.0,
                  5.0, 5.5, 6.0, 6.0, 5.5, 5.0, 4.5, 5.5, 7.5, 8.0, 7.5, 5.6),
    "flat": (1.0,) * 24,
}


@dataclass(frozen=True)
class IntradayStaffing:
    """A day of chat staffing (:func:`intraday_staffing`); also readable as a mapping,
    ``result["fte_per_day"]``.

    Attributes
    ----------
    intervals : pandas.DataFrame
        One row per interval (index ``"00:00"``, ``"00:30"`` ...): the columns of
        :func:`required_agents` plus ``shift_starts`` (people starting a shift there)
        and ``on_shift`` (people at work under those shifts).
    interval_s : int
        3600 (24 intervals) or 1800 (48).
    agent_hours : float
        Hours on the queue a day: sum of agents × interval length.
    staffed_hours : float
        Paid hours a day: ``agent_hours / (1 - shrinkage)``.
    fte_per_day : float
        ``staffed_hours / shift_hours``: people at work on a day if hours could be split.
    fte_per_month : float
        ``fte_per_day × open_days / working_days``: people on the payroll.
    shifts_per_day : int
        People needed with whole shifts of ``shift_hours`` that cover every interval's
        positions (optimal greedy cover; the day does not wrap past midnight).
    shift_hours : float
        The shift length used.
    """

    intervals: pd.DataFrame
    interval_s: int
    agent_hours: float
    staffed_hours: float
    fte_per_day: float
    fte_per_month: float
    shifts_per_day: int
    shift_hours: float

    def __getitem__(self, key: str):
        if key not in {f.name for f in fields(self)}:
            raise KeyError(key)
        return getattr(self, key)



def _day_arrivals(arrivals, profile) -> np.ndarray:
    if np.ndim(arrivals) == 0:
        total = _finite_number("arrivals", arrivals)
        if total < 0:
            _fail(f"arrivals (a day's total) must be >= 0, got {arrivals!r}")
        if profile is None:
            profile = "ecommerce"
        if isinstance(profile, str):
            if profile not in HOURLY_PROFILES:
                _fail(f"profile must be one of {', '.join(HOURLY_PROFILES)} or 24/48 weights, got {profile!r}")
            weights = np.asarray(HOURLY_PROFILES[profile], dtype=float)
        else:
            weights = _array("profile", profile, positive=False)
            if weights.ndim != 1 or weights.size not in (24, 48):
                _fail(f"profile must have 24 (hours) or 48 (half-hours) weights, got {weights.size}")
            if weights.sum() <= 0:
                _fail("profile weights must not all be 0")
        return total * weights / weights.sum()
    if profile is not None:
        _fail("give either a day's total arrivals with a profile, or per-interval arrivals without one")
    values = _array("arrivals", arrivals, positive=False)
    if values.size not in (24, 48):
        _fail(f"arrivals must have 24 (hourly) or 48 (half-hourly) values, got {values.size}")
    return values


def _shift_cover(need: np.ndarray, length: int) -> np.ndarray:
    """People starting a shift of ``length`` intervals at each interval, fewest in total.

    Greedy from the first interval: where cover falls short, start the shortfall as late
    as possible (at that interval, or so that the shift ends with the day). For fixed
    shift lengths on a line this is optimal.
    """
    n = need.size
    length = min(length, n)
    starts = np.zeros(n, dtype=np.int64)
    cover = np.zeros(n, dtype=np.int64)
    for i in range(n):
        short = need[i] - cover[i]
        if short > 0:
            s = min(i, n - length)
            starts[s] += short
            cover[s:s + length] += short
    return starts


def intraday_staffing(arrivals, aht_s: float, *, profile: str | Sequence[float] | None = None,
                      service_level: float = 0.8, answer_within_s: float = 20, shrinkage: float = 0.0,
                      max_occupancy: float = 1.0, concurrency: int = 1, patience_s: float | None = None,
                      concurrency_slowdown: float = CONCURRENCY_SLOWDOWN, shift_hours: float = 8,
                      open_days: float = 30, working_days: float = WORKING_DAYS_PER_MONTH,
                      max_agents: int = MAX_AGENTS) -> IntradayStaffing:
    """A day of chat staffing: agents per interval → staffed hours → FTE and shifts.

    Parameters
    ----------
    arrivals : sequence of 24 or 48 numbers, or a number
        Chats per hour (24) or per half-hour (48); or a day's total, spread by ``profile``.
    aht_s : float
        Handling time of one conversation handled alone, seconds.
    profile : str or sequence of 24/48 weights, optional
        With a day's total only: a name in :data:`HOURLY_PROFILES` (default
        ``"ecommerce"``) or weights (normalized to sum to 1).
    service_level, answer_within_s, shrinkage, max_occupancy, concurrency, patience_s, concurrency_slowdown, max_agents
        As in :func:`required_agents`.
    shift_hours : float, default 8
        Shift length: divides the staffed hours into FTE, and sizes the shifts (rounded
        down to whole intervals, so the shift cover never counts time that isn't worked).
    open_days : float, default 30
        Days a month the service is open (online shops answer every day).
    working_days : float, default 20.83
        Days a month one person works (250 a year / 12).

    Returns
    -------
    IntradayStaffing

    Examples
    --------
    >>> day = [0] * 8 + [60, 100, 120, 100, 80, 100, 120, 120, 100, 80, 80, 120, 160, 160, 120, 60]
    >>> r = intraday_staffing(day, 180, shrinkage=0.3)
    >>> r.intervals["agents"].tolist()[8:12], r.agent_hours, round(r.staffed_hours, 1)
    ([5, 8, 9, 8], 130.0, 185.7)
    >>> round(r["fte_per_day"], 2), round(r.fte_per_month, 2), r.shifts_per_day
    (23.21, 33.43, 29)
    """
    open_days = _finite_number("open_days", open_days)
    if not 0 < open_days <= 31:
        _fail(f"open_days must be in (0, 31], got {open_days!r}")
    working_days = _finite_number("working_days", working_days)
    if not 0 < working_days <= 31:
        _fail(f"working_days (a month) must be in (0, 31], got {working_days!r}")
    shift_hours = _finite_number("shift_hours", shift_hours)
    if not 0 < shift_hours <= 24:
        _fail(f"shift_hours must be in (0, 24], got {shift_hours!r}")
    values = _day_arrivals(arrivals, profile)
    interval_s = 86400 // values.size
    table = required_agents(values, aht_s, interval_s=interval_s, service_level=service_level,
                            answer_within_s=answer_within_s, shrinkage=shrinkage,
                            max_occupancy=max_occupancy, concurrency=concurrency, patience_s=patience_s,
                            concurrency_slowdown=concurrency_slowdown, max_agents=max_agents)
    step_h = interval_s / 3600
    table.index = [f"{int(i * step_h):02d}:{int(round(i * step_h % 1 * 60)):02d}" for i in range(values.size)]
    length = max(1, int(math.floor(shift_hours / step_h + _NOISE)))
    starts = _shift_cover(table["positions"].to_numpy(), length)
    table["shift_starts"] = starts
    table["on_shift"] = np.convolve(starts, np.ones(length, dtype=np.int64))[:values.size]
    agent_hours = float(table["agents"].sum() * step_h)
    staffed_hours = agent_hours / (1.0 - float(shrinkage))
    fte_day = staffed_hours / shift_hours
    return IntradayStaffing(intervals=table, interval_s=int(interval_s), agent_hours=agent_hours,
                            staffed_hours=staffed_hours, fte_per_day=fte_day,
                            fte_per_month=fte_day * open_days / working_days,
                            shifts_per_day=int(starts.sum()), shift_hours=shift_hours)
