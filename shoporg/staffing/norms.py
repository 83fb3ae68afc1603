"""Workload norms (定岗定编): how much work one person does, per role.

A norm is declared on a role in a design file (``norm:``) or in a norms file
(``templates/norms/*.yaml``, schema ``shoporg/norms-v1``) that maps role ids to norms.

- ``quota``: headcount = workload / (quota per day × working days × attendance), rounded
  up, with at least ``minimum`` people where the driver is non-zero.
- ``erlang``: chat service sized by queueing theory (Erlang C, or Erlang A with
  ``patience_s``) over an intraday arrival profile.

Default working days: 20.83 a month, from China's rule on average monthly working time
(劳动和社会保障部《关于职工全年月平均工作时间和工资折算问题的通知》, 劳社部发〔2008〕3号:
250 working days a year ÷ 12). Every other default is an assumption to adjust.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import Field

from .._types import DriverName, Frozen, Text

__all__ = ["WORKING_DAYS", "WORKING_DAYS_PER_MONTH", "QuotaNorm", "ErlangNorm", "Norm", "NormsFile"]

#: Average working days a month (劳社部发〔2008〕3号: 250 days a year / 12).
WORKING_DAYS = Decimal("20.83")
#: The same as a float, for the queueing arithmetic.
WORKING_DAYS_PER_MONTH = float(WORKING_DAYS)

Positive = Annotated[Decimal, Field(gt=0)]
Share = Annotated[Decimal, Field(gt=0, le=1)]


class _Norm(Frozen):
    driver: DriverName
    """The monthly volume the work comes from (orders_picked, consultations, ...)."""
    source: Text | None = None
    """Where the numbers come from; leave ``assumption: true`` when they are not sourced."""
    assumption: bool = True
    peak_factor: Annotated[Decimal, Field(ge=1)] = Decimal(1)
    """Multiplies the workload (busier days within a month)."""
    minimum: int = Field(1, ge=0)
    """People kept where the driver is non-zero."""


class QuotaNorm(_Norm):
    """A quota of units per person per working day."""

    method: Literal["quota"]
    quota_per_day: Positive
    working_days: Positive = WORKING_DAYS
    attendance: Share = Decimal(1)


class ErlangNorm(_Norm):
    """Chat service: conversations per month sized with Erlang C (A with ``patience_s``)."""

    method: Literal["erlang"]
    aht_s: Positive
    answer_within_s: Annotated[Decimal, Field(ge=0)] = Decimal(20)
    service_level: Annotated[Decimal, Field(gt=0, lt=1)] = Decimal("0.8")
    shrinkage: Annotated[Decimal, Field(ge=0, lt=1)] = Decimal("0.3")
    max_occupancy: Share = Decimal("0.85")
    concurrency: Annotated[int, Field(ge=1, le=10)] = 1
    patience_s: Positive | None = None
    open_days: Annotated[Decimal, Field(gt=0, le=31)] = Decimal(30)
    """Days a month the service is open (online shops answer every day)."""
    hourly_profile: str | tuple[Decimal, ...] = "ecommerce"
    """A preset name or 24 weights (share of a day's chats in each hour)."""
    shift_hours: Positive = Decimal(8)
    working_days: Positive = WORKING_DAYS


Norm = Annotated[Union[QuotaNorm, ErlangNorm], Field(discriminator="method")]


class NormsFile(Frozen):
    """``templates/norms/*.yaml``: norms for the roles of one or more designs."""

    schema_id: Literal["shoporg/norms-v1"] = Field("shoporg/norms-v1", alias="schema")
    id: str
    name: Text
    norms: dict[str, Norm]
    notes: tuple[Text, ...] = ()
