"""What every pay kind has: the keys all components share (:class:`Component`) and the
kind's spec (:class:`Kind`): its amount over arrays, its words, its editor field and its
cost group. A kind module defines its pydantic model and one ``Kind`` subclass instance.

The amount is in yuan, before rounding, a condition or a ``scale``; the engine applies
those the same way for every kind.

>>> from shoporg.pay.kinds import PAY_KINDS
>>> PAY_KINDS["base"].text(PAY_KINDS["base"].model(kind="base", monthly=[1600, 2000]), "zh")
'底薪 1600–2000元/月'
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from ... import fmt
from ..._types import Frozen, Text
from ...i18n import driver_unit, expression_text, pick, t

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Component", "Kind", "Inputs", "money", "amount_range", "per_unit", "COST_GROUPS", "MONTHLY", "RATE",
           "AMOUNT"]

#: The cost-composition groups a kind adds to (``Kind.cost_group``), in the order charts
#: stack them, with their names; ``on_cost`` is the employer's on-cost line.
COST_GROUPS: dict[str, dict[str, str]] = {
    "base": {"zh": "底薪", "en": "base"}, "piece_rate": {"zh": "计件提成", "en": "piece rate"},
    "bonus": {"zh": "奖金", "en": "bonus"}, "allowance": {"zh": "津贴", "en": "allowance"},
    "deduction": {"zh": "扣款", "en": "deduction"}, "on_cost": {"zh": "单位社保公积金", "en": "employer on-cost"}}

#: How the designer names a kind's number field beside its value.
MONTHLY = {"zh": "每月金额", "en": "per month"}
RATE = {"zh": "比例/单价", "en": "rate"}
AMOUNT = {"zh": "金额", "en": "amount"}


class Component(Frozen):
    label: Text | None = None
    """The component's name in the source (底薪, 责任金, 绩效提成...)."""
    note: Text | None = None
    """A reading taken where the source is ambiguous, or any remark."""

    #: the file key the component's condition is written under (``gate`` for a revenue bonus)
    CONDITION: ClassVar[str] = "when"

    @property
    def condition(self) -> str | None:
        """The month-by-month condition the amount is paid on (None: always)."""
        return getattr(self, self.CONDITION, None)

    @property
    def multiplier(self) -> str | None:
        """The ``scale`` expression the amount is multiplied by, if the kind has one."""
        return getattr(self, "scale", None)

    def expressions(self) -> dict[str, str]:
        """File key → text of each expression the component holds (condition, scale)."""
        return {k: getattr(self, k) for k in (self.CONDITION, "scale") if getattr(self, k, None)}


class Inputs:
    """What a kind's amount reads, for one role: ``shares`` (FTE per person, shape ``[n]``),
    ``driver(name)`` for the role and ``shop(name)`` shop-wide (arrays ``(..., 12, 1 or n)``),
    ``param(name)`` a parameter's value (the design's, else the supplied one),
    ``base_level`` (``low``, ``mid`` or ``high``), ``monthly_base`` each person's monthly
    base pay in yuan (the role's ``base`` components at that level × FTE, shape ``[n]``)
    and ``start_month`` the plan's first calendar month (0 = January)."""

    __slots__ = ("shares", "driver", "shop", "param", "base_level", "monthly_base", "start_month")

    def __init__(self, shares, driver, shop, param, base_level: str, monthly_base=0.0, start_month: int = 0):
        self.shares, self.driver, self.shop, self.param, self.base_level = shares, driver, shop, param, base_level
        self.monthly_base, self.start_month = monthly_base, start_month


class Kind:
    """One pay kind. Subclasses set the class attributes and :meth:`amount` and :meth:`text`.

    Attributes
    ----------
    model : the component's pydantic model (its ``kind`` literal is the kind's :attr:`name`)
    label : the kind's name, ``{"zh": ..., "en": ...}`` (tables, the designer's menu)
    cost_group : the bar it adds to in the cost composition, one of :data:`COST_GROUPS`
        (default: the group named like the kind, else ``bonus``)
    fixed : counted as fixed pay in :meth:`Payroll.summary` (else variable)
    fields : the numbers the designer may edit, each with the words naming it; the first
        is the one it edits (:attr:`field`) unless :meth:`edit_field` says otherwise
    new_driver : the driver a component added in the designer counts (None: none)
    keys : the keys of the kind, as ``docs/design-format.md`` lists them
    """

    model: ClassVar[type[Component]]
    label: ClassVar[Mapping[str, str]]
    fixed: ClassVar[bool] = False
    fields: ClassVar[Mapping[str, Mapping[str, str]]]
    new_driver: ClassVar[str | None] = None
    keys: ClassVar[str] = ""
    #: whether the kind's pay counts toward the minimum wage (pay for normal hours); a
    #: city's ``minimum_wage.excludes`` may leave out more
    minimum_wage_counts: ClassVar[bool] = True

    def __repr__(self) -> str:
        return f"<pay kind {self.name!r}>"

    @property
    def name(self) -> str:
        """The ``kind`` tag in design files: the model's ``kind`` literal."""
        return typing.get_args(self.model.model_fields["kind"].annotation)[0]

    @property
    def cost_group(self) -> str:
        """The cost-composition bar the kind adds to."""
        return self.name if self.name in COST_GROUPS else "bonus"

    @property
    def field(self) -> str:
        """The number the designer edits."""
        return next(iter(self.fields))

    # -- arithmetic ---------------------------------------------------------------
    def amount(self, c: Component, inp: Inputs) -> tuple[str, np.ndarray]:
        """``("pool", yuan[..., 12])`` for a role-wide amount to be shared by FTE, or
        ``("people", yuan[..., 12, n])`` (possibly broadcastable, e.g. ``[n]``), in yuan
        before rounding, condition and scale."""
        raise NotImplementedError

    def payment_months(self, c: Component, start_month: int) -> list[int] | None:
        """For each plan month, the plan month its accrual is paid in (may be past the
        plan), or None when it is paid in the month it is earned (the settlement hook)."""
        return None

    def missing(self, c: Component) -> list[str]:
        """Names of the parameters the source left blank: required keys that may be ``null``."""
        return [n for n, f in self.model.model_fields.items()
                if f.is_required() and type(None) in typing.get_args(f.annotation) and getattr(c, n) is None]

    # -- words --------------------------------------------------------------------
    def name_of(self, c: Component, lang: str) -> str:
        """The component's own label, else the kind's name."""
        return c.label.get(lang) if c.label else pick(self.label, lang)

    def text(self, c: Component, lang: str) -> str:
        """The component in one line of words (底薪 4000元/月)."""
        raise NotImplementedError

    def condition_text(self, c: Component, lang: str) -> list[str]:
        """The condition as a qualification, drivers in words (``库房问题或意外次数 = 0 时发放``), or nothing."""
        if not c.condition:
            return []
        return [t("pay.when", lang, condition=expression_text(c.condition, lang))]

    # -- editor -------------------------------------------------------------------
    def edit_field(self, c: Component) -> str:
        """The number the designer edits for component ``c``."""
        return self.field

    def new(self, driver: str | None = None) -> dict:
        """A component worth 0 as the designer adds it, labelled with the kind's name."""
        out = {"kind": self.name, "label": dict(self.label), self.field: 0}
        if self.new_driver is not None:
            out["driver"] = driver or self.new_driver
        return out


def qualified(body: str, parts: list[str], lang: str) -> str:
    """``body`` with its qualifications in brackets: ``底薪 4000元/月（… 时发放；按季度结算）``."""
    if not parts:
        return body
    return t("pay.qualified", lang, body=body, parts=t("pay.part_sep", lang).join(parts))


def money(amount, lang: str = "zh") -> str:
    """An amount as the documents write it: ``4000元`` in Chinese, ``¥4,000`` in English.

    >>> money(1500.5, "en"), money(1600, "zh")
    ('¥1,500.50', '1600元')
    """
    return fmt.money(amount, lang)


def amount_range(amount, lang: str) -> str:
    """An amount or a ``(low, high)`` range: ``1600–2000元`` / ``¥1,600–2,000``."""
    if not isinstance(amount, tuple):
        return fmt.money(amount, lang)
    return fmt.money_range(*amount, lang)


def per_unit(rate, driver: str, lang: str) -> str:
    """A rate per unit of a driver: ``每拣货单2元`` / ``¥2 per order picked``."""
    return t("pay.per_unit", lang, unit=driver_unit(driver, lang), amount=money(rate, lang))
