"""The quota method (定额法): headcount for work that does not queue (picking, packing ...).

People = ⌈workload ÷ (quota a day × working days × attendance)⌉, with 20.83 working
days a month by default (:data:`~shoporg.staffing.norms.WORKING_DAYS`).

>>> quota_headcount(5_000_000, 50, working_days=250, attendance=0.9)
445
"""

from __future__ import annotations

import math

from ..i18n import Phrase, quoted_driver
from .inputs import _NOISE, StaffingError, _fail, _finite_number
from .norms import WORKING_DAYS_PER_MONTH, QuotaNorm

__all__ = ["quota_headcount"]


def quota_headcount(workload: float, quota_per_day: float | QuotaNorm,
                    working_days: float = WORKING_DAYS_PER_MONTH, attendance: float = 1.0,
                    minimum_one: bool = True) -> int:
    """Quota method (定额法): ``ceil(workload / (quota_per_day × working_days × attendance))``.

    With a :class:`~shoporg.staffing.norms.QuotaNorm` in place of ``quota_per_day`` the
    norm gives the quota, working days and attendance, multiplies the workload by its
    ``peak_factor`` and keeps at least its ``minimum`` people where there is work.

    Parameters
    ----------
    workload : float
        Units of work in the period that ``working_days`` covers (a month by default;
        pass 250 working days for a year's workload). >= 0.
    quota_per_day : float or QuotaNorm
        Units one person handles in a working day (> 0), or a role's quota norm.
    working_days : float, default 20.83
        Working days one person has in the period (> 0).
    attendance : float, default 1.0
        Attendance rate (出勤率), in (0, 1].
    minimum_one : bool, default True
        Keep at least one person whenever ``workload > 0``. The rounding up ignores
        binary noise of 1e-9 person (12.000000001 is 12 people), so a workload below
        that would otherwise give 0 people; ``minimum_one=False`` allows that 0.

    Returns
    -------
    int
        Headcount; 0 when ``workload`` is 0.

    Examples
    --------
    >>> quota_headcount(5_000_000, 50, working_days=250, attendance=0.9)
    445
    >>> quota_headcount(0, 50), quota_headcount(1, 50), quota_headcount(50 * 20.83, 50)
    (0, 1, 1)
    >>> n = QuotaNorm(method="quota", driver="orders_picked", quota_per_day=300)
    >>> quota_headcount(9000, n), quota_headcount(0, n), quota_headcount(10, n)
    (2, 0, 1)
    """
    if isinstance(quota_per_day, QuotaNorm):
        if (working_days, attendance, minimum_one) != (WORKING_DAYS_PER_MONTH, 1.0, True):
            raise TypeError(Phrase("err.quota_args"))
        return _with_norm(workload, quota_per_day)
    workload = _finite_number("workload", workload)
    if workload < 0:
        _fail(Phrase("err.quota_workload", got=repr(workload)))
    quota_per_day = _finite_number("quota_per_day", quota_per_day)
    if quota_per_day <= 0:
        _fail(Phrase("err.quota_per_day", got=repr(quota_per_day)))
    working_days = _finite_number("working_days", working_days)
    if working_days <= 0:
        _fail(Phrase("err.quota_days", got=repr(working_days)))
    attendance = _finite_number("attendance", attendance)
    if not 0 < attendance <= 1:
        _fail(Phrase("err.quota_attendance", got=repr(attendance)))
    need = workload / (quota_per_day * working_days * attendance)
    people = max(0, math.ceil(need - _NOISE))
    if minimum_one and workload > 0:
        people = max(1, people)
    return people


def _with_norm(workload: float, norm: QuotaNorm) -> int:
    """People for ``workload`` units a period of ``norm.working_days`` days:
    ``ceil(workload × peak / (quota × days × attendance))``, at least ``norm.minimum``
    when there is any work, 0 when there is none."""
    if not math.isfinite(workload) or workload < 0:
        raise StaffingError(Phrase("err.norm_workload", driver=quoted_driver(norm.driver), got=repr(workload)))
    if workload == 0:
        return 0
    need = quota_headcount(workload * float(norm.peak_factor), float(norm.quota_per_day),
                           working_days=float(norm.working_days), attendance=float(norm.attendance),
                           minimum_one=False)
    return max(norm.minimum, need)
