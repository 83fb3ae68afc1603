"""Pay components as data: one small frozen model per kind, told apart by ``kind``.

A parameter the source document leaves blank is written ``null`` in the design file
(``rate: null``) and kept as ``None``: it is *missing*, not zero, and
:func:`missing_parameters` lists it so a calculation can refuse to guess.

>>> c = PieceRate(kind="piece_rate", driver="orders_picked", rate=2)
>>> c.rate, c.basis
(Decimal('2'), 'pooled')
>>> missing_parameters(RevenueBonus(kind="revenue_bonus", rate=None))
['rate']
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, Union

from pydantic import Field, model_validator

from .._types import Amount, DriverName, Expr, Frozen, Money, Rate, Text

__all__ = ["PAY_KINDS", "Base", "PieceRate", "RevenueBonus", "TeamBonus", "Allowance",
           "Deduction", "PayComponent", "missing_parameters"]


class _Component(Frozen):
    label: Text | None = None
    """The component's name in the source (底薪, 责任金, 绩效提成...)."""
    note: Text | None = None
    """A reading taken where the source is ambiguous, or any remark."""

    #: parameters that may be left ``None`` to mean "blank in the source"
    NULLABLE: ClassVar[tuple[str, ...]] = ()


class Base(_Component):
    """Fixed monthly pay (底薪/工资): an amount, or a range ``[min, max]``."""

    kind: Literal["base"]
    monthly: Amount


class PieceRate(_Component):
    """An amount per unit of a driver (每单提成2元).

    ``basis: pooled`` splits the role's total driver among its people;
    ``per_person`` applies the rate to each person's own count.
    """

    kind: Literal["piece_rate"]
    driver: DriverName
    rate: Money | None
    basis: Literal["pooled", "per_person"] = "pooled"
    when: Expr | None = None
    NULLABLE = ("rate",)


class RevenueBonus(_Component):
    """A rate on revenue (营业额奖金), paid only in a month where ``gate`` holds."""

    kind: Literal["revenue_bonus"]
    rate: Rate | None
    driver: DriverName = "revenue"
    scope: Literal["shop", "team", "personal"] = "shop"
    gate: Expr | None = None
    scale: Expr | None = None
    """A multiplier, e.g. ``kpi_score / 100`` to pay the bonus in proportion to a KPI score."""
    NULLABLE = ("rate",)


class TeamBonus(_Component):
    """An amount on a monthly condition, per person or as a pool shared by the role."""

    kind: Literal["team_bonus"]
    amount: Money | None
    when: Expr | None = None
    split: Literal["per_person", "pool"] = "per_person"
    scale: Expr | None = None
    """A multiplier, e.g. ``kpi_score / 100``."""
    NULLABLE = ("amount",)


class Allowance(_Component):
    """A monthly amount on a monthly condition, settled per period and paid with a lag.

    司库 责任金: 1500 元 for each month without incidents, settled by quarter and paid
    with the first month of the next quarter (``settle: quarterly, pay_lag_months: 1``).
    """

    kind: Literal["allowance"]
    monthly: Money
    when: Expr | None = None
    settle: Literal["monthly", "quarterly", "yearly"] = "monthly"
    pay_lag_months: int = Field(0, ge=0, le=12)


class Deduction(_Component):
    """Money taken off: ``rate`` per unit of ``driver`` (attendance points), or a fixed ``amount``."""

    kind: Literal["deduction"]
    driver: DriverName | None = None
    rate: Money | None = None
    amount: Money | None = None
    when: Expr | None = None

    @model_validator(mode="after")
    def _one_form(self):
        per_unit = self.driver is not None
        if per_unit == (self.amount is not None):
            raise ValueError("give either driver with rate, or a fixed amount (not both)")
        return self


PayComponent = Annotated[Union[Base, PieceRate, RevenueBonus, TeamBonus, Allowance, Deduction],
                         Field(discriminator="kind")]

PAY_KINDS: dict[str, type[_Component]] = {
    "allowance": Allowance, "base": Base, "deduction": Deduction,
    "piece_rate": PieceRate, "revenue_bonus": RevenueBonus, "team_bonus": TeamBonus}


def missing_parameters(component: _Component) -> list[str]:
    """Names of the parameters that the source left blank (``None``)."""
    names = list(component.NULLABLE)
    if isinstance(component, Deduction) and component.driver is not None:
        names = ["rate"]
    return [n for n in names if getattr(component, n) is None]
