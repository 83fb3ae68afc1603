"""Workload norms: now :mod:`shoporg.staffing.norms` (this path keeps working).

>>> from shoporg.norms import QuotaNorm, WORKING_DAYS
>>> QuotaNorm(method="quota", driver="units", quota_per_day=50).working_days == WORKING_DAYS
True
"""

from __future__ import annotations

from .staffing.norms import WORKING_DAYS, ErlangNorm, Norm, NormsFile, QuotaNorm

__all__ = ["WORKING_DAYS", "QuotaNorm", "ErlangNorm", "Norm", "NormsFile"]
