"""Chat staffing by queueing theory: now :mod:`shoporg.staffing` (this path keeps working).

Erlang B/C in :mod:`shoporg.staffing.erlang_c`, Erlang A in :mod:`shoporg.staffing.erlang_a`,
the agent search in :mod:`shoporg.staffing.agents`, a day and its shifts in
:mod:`shoporg.staffing.intraday`, the quota method in :mod:`shoporg.staffing.quota`.

>>> from shoporg.erlang import required_agents
>>> required_agents(100, 180).agents
14
"""

from __future__ import annotations

from .staffing.agents import CONCURRENCY_SLOWDOWN, MAX_AGENTS, Staffing, effective_aht, required_agents, service_metrics
from .staffing.erlang_c import erlang_b, erlang_c
from .staffing.inputs import StaffingInputError
from .staffing.intraday import HOURLY_PROFILES, IntradayStaffing, intraday_staffing
from .staffing.norms import WORKING_DAYS_PER_MONTH
from .staffing.quota import quota_headcount

__all__ = ["StaffingInputError", "Staffing", "IntradayStaffing", "CONCURRENCY_SLOWDOWN", "MAX_AGENTS",
           "WORKING_DAYS_PER_MONTH", "HOURLY_PROFILES", "effective_aht", "erlang_b", "erlang_c",
           "required_agents", "service_metrics", "intraday_staffing", "quota_headcount"]
