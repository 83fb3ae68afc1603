"""扣款: money taken off, ``rate`` per unit of a driver (attendance points) or a fixed
``amount`` (× FTE), in months where ``when`` holds.

>>> KIND.text(Deduction(kind="deduction", driver="attendance_points", rate=20), "zh")
'扣款 每分20元'
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from ..._types import DriverName, Expr, Money
from ...i18n import Phrase, t
from ._kind import AMOUNT, RATE, Component, Inputs, Kind, money, per_unit, qualified

__all__ = ["Deduction", "KIND"]


class Deduction(Component):
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
            raise ValueError(Phrase("err.deduction_form"))
        return self


class _Deduction(Kind):
    model = Deduction
    label = {"zh": "扣款", "en": "Deduction"}
    fields = {"rate": RATE, "amount": AMOUNT}
    keys = "`driver` + `rate` (元 per unit, e.g. per attendance point), or a fixed `amount`; `when`"

    def amount(self, c, inp: Inputs):
        if c.driver is not None:
            return "people", -inp.param("rate") * inp.driver(c.driver)
        return "people", -float(c.amount) * inp.shares

    def missing(self, c):
        return ["rate"] if c.driver is not None and c.rate is None else []

    def edit_field(self, c):
        return "amount" if c.rate is None and c.amount is not None else "rate"

    def new(self, driver=None):
        return {"kind": self.name, "label": dict(self.label), "amount": 0}

    def text(self, c, lang):
        name = self.name_of(c, lang)
        if c.driver is None:
            amount = money(c.amount, lang)
        else:
            amount = t("pay.missing", lang) if c.rate is None else per_unit(c.rate, c.driver, lang)
        return qualified(f"{name} {amount}", self.condition_text(c, lang), lang)


KIND = _Deduction()
