"""The shift plan (排班) of a chat role for one month: agents needed in each hour of the
service day and the fixed-length shifts that cover them.

The day's chats are the month's × the norm's ``peak_factor`` ÷ its ``open_days`` (as the
sizing does). They arrive by the norm's hourly profile; with ``service_hours`` (the
brief's, e.g. 09:00–24:00) only the hours of service take chats, in the profile's
proportions, and the shifts lie within them (a shift ends by the close of service).

>>> from shoporg.staffing import ErlangNorm
>>> n = ErlangNorm(method="erlang", driver="consultations", aht_s=240, concurrency=3,
...                answer_within_s=30, service_level=0.8)
>>> day = shift_plan(n, 12000, ("09:00", "24:00"))
>>> day.intervals.index[0], int(day.intervals["positions"].iloc[:9].sum()), day.shifts_per_day
('00:00', 0, 6)
>>> bool((day.intervals["on_shift"] >= day.intervals["positions"]).all())
True
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from ..i18n import Phrase
from .inputs import _NOISE, StaffingError
from .intraday import HOURLY_PROFILES, IntradayStaffing, _shift_cover, intraday_staffing
from .norms import ErlangNorm

__all__ = ["day_profile", "shift_plan", "service_minutes"]


def service_minutes(hhmm: str) -> int:
    """Minutes after midnight of ``"HH:MM"`` (``"24:00"`` is 1440).

    >>> service_minutes("09:30"), service_minutes("24:00")
    (570, 1440)
    """
    h, m = str(hhmm).split(":")
    return int(h) * 60 + int(m)


def day_profile(norm: ErlangNorm, service_hours=None) -> np.ndarray:
    """The share of a day's chats in each interval: the norm's hourly profile (24 hours),
    or with ``service_hours`` (start, end) the profile over half-hours (48) kept only
    within the service day (times rounded to the half-hour) and summing to 1.

    >>> from shoporg.staffing import ErlangNorm
    >>> n = ErlangNorm(method="erlang", driver="consultations", aht_s=240, hourly_profile="flat")
    >>> p = day_profile(n, ("09:00", "21:00"))
    >>> p.size, float(p[:18].sum()), round(float(p[18:42].sum()), 6)
    (48, 0.0, 1.0)
    """
    own = norm.hourly_profile
    hourly = np.asarray(HOURLY_PROFILES[own] if isinstance(own, str) else [float(x) for x in own], dtype=float)
    if service_hours is None:
        return hourly / hourly.sum()
    start, end = (round(service_minutes(x) / 30) for x in service_hours)
    if not 0 <= start < end <= 48:
        raise StaffingError(Phrase("staffing.err.service_hours", start=service_hours[0], end=service_hours[1]))
    halves = np.repeat(hourly, 2) if hourly.size == 24 else hourly
    mask = np.zeros(48)
    mask[start:end] = 1.0
    weights = halves * mask
    if weights.sum() <= 0:  # a profile with no chats in the service hours: spread them evenly
        weights = mask
    return weights / weights.sum()


def shift_plan(norm: ErlangNorm, monthly_volume: float, service_hours=None) -> IntradayStaffing:
    """A day of ``monthly_volume``'s month under ``norm``: per interval the chats, the
    agents on the queue, the ``positions`` to schedule (after shrinkage), the shifts
    starting and the people ``on_shift`` (≥ positions in every interval); with the day's
    agent hours, staffed hours and shifts (:class:`~shoporg.staffing.intraday.IntradayStaffing`).
    """
    if not isinstance(norm, ErlangNorm):
        raise StaffingError(Phrase("staffing.err.sensitivity_norm", method=getattr(norm, "method", repr(norm))))
    daily = float(monthly_volume) * float(norm.peak_factor) / float(norm.open_days)
    arrivals = daily * day_profile(norm, service_hours)
    day = intraday_staffing(arrivals, float(norm.aht_s), service_level=float(norm.service_level),
                             answer_within_s=float(norm.answer_within_s), shrinkage=float(norm.shrinkage),
                             max_occupancy=float(norm.max_occupancy), concurrency=norm.concurrency,
                             patience_s=float(norm.patience_s) if norm.patience_s else None,
                             shift_hours=float(norm.shift_hours), open_days=float(norm.open_days),
                             working_days=float(norm.working_days))
    if service_hours is None:
        return day
    return _within(day, *(round(service_minutes(x) / 30) for x in service_hours))


def _within(day: IntradayStaffing, start: int, end: int) -> IntradayStaffing:
    """``day`` with its shifts laid over intervals ``start``–``end`` only (the service day)."""
    table = day.intervals.copy()
    length = min(end - start, max(1, int(math.floor(day.shift_hours / (day.interval_s / 3600) + _NOISE))))
    starts = np.zeros(len(table), dtype=np.int64)
    starts[start:end] = _shift_cover(table["positions"].to_numpy()[start:end], length)
    table["shift_starts"] = starts
    table["on_shift"] = np.convolve(starts, np.ones(length, dtype=np.int64))[:len(table)]
    return dataclasses.replace(day, intervals=table, shifts_per_day=int(starts.sum()))
