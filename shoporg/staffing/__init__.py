"""Staffing (定岗定编): from business volume to people, one module per model.

- :mod:`~shoporg.staffing.norms`: workload norms as data (the ``norm:`` of a role, norms files);
- :mod:`~shoporg.staffing.quota`: the quota method (定额法) for work that does not queue;
- :mod:`~shoporg.staffing.erlang_c` and :mod:`~shoporg.staffing.erlang_a`: chat queues
  (Erlang B/C, and Erlang A with abandonment), sized by :mod:`~shoporg.staffing.agents`;
- :mod:`~shoporg.staffing.intraday`: a day of chat service, FTE and shifts;
- :mod:`~shoporg.staffing.sizing`: recommended headcount per role from volumes;
- :mod:`~shoporg.staffing.peak`: the ways to cover a peak month (temps, agency staff,
  overtime within the legal caps, outsourced chat, a chatbot), priced, and the cheapest lawful mix;
- :mod:`~shoporg.staffing.labour_rules`: overtime over 3 h a day or 36 h a month, probation
  below its floor, as findings with their rule and source;
- :mod:`~shoporg.staffing.planning`: volume → staffed design → payroll → cost per order.

Norms files are read by :func:`shoporg.io.norms_io.read_norms` (also importable from here).
Names are imported on first use, so the model can use the norm schema without the rest.

>>> from shoporg.staffing import QuotaNorm, quota_headcount
>>> n = QuotaNorm(method="quota", driver="units", quota_per_day=50, working_days=250, attendance=0.9)
>>> quota_headcount(5_000_000, n)
445
"""

from __future__ import annotations

from .._lazy import exports

# Public name -> module (under shoporg). Imported on first use.
_EXPORTS = {
    "WORKING_DAYS": "staffing.norms", "WORKING_DAYS_PER_MONTH": "staffing.norms", "QuotaNorm": "staffing.norms",
    "ErlangNorm": "staffing.norms", "Norm": "staffing.norms", "NormsFile": "staffing.norms",
    "StaffingError": "staffing.inputs", "StaffingInputError": "staffing.inputs",
    "quota_headcount": "staffing.quota",
    "erlang_b": "staffing.erlang_c", "erlang_c": "staffing.erlang_c",
    "Staffing": "staffing.agents", "CONCURRENCY_SLOWDOWN": "staffing.agents", "MAX_AGENTS": "staffing.agents",
    "effective_aht": "staffing.agents", "required_agents": "staffing.agents", "service_metrics": "staffing.agents",
    "HOURLY_PROFILES": "staffing.intraday", "IntradayStaffing": "staffing.intraday",
    "intraday_staffing": "staffing.intraday",
    "erlang_headcount": "staffing.sizing", "norms_for": "staffing.sizing", "norms_within": "staffing.sizing",
    "recommend_headcount": "staffing.sizing", "scale_design": "staffing.sizing",
    "Plan": "staffing.planning", "plan": "staffing.planning",
    "PeakInputs": "staffing.peak", "PeakOptions": "staffing.peak", "peak_options": "staffing.peak",
    "read_norms": "io.norms_io",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = exports(globals(), _EXPORTS)
