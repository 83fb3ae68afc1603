"""年终奖: an annual one-off bonus, a number of months' base pay (a 13th month) or an
amount, paid in one calendar month; its tax is worked out on its own, with the wages,
or whichever is cheaper (:mod:`shoporg.employment.chain`).

>>> KIND.text(YearEndBonus(kind="year_end_bonus", months=1, month=1), "zh")
'年终奖 1个月底薪（1月发放；计税：取税负较低者）'
>>> KIND.text(YearEndBonus(kind="year_end_bonus", amount=6000, month=12, tax="separate"), "en")
'Year-end bonus ¥6,000 (paid in month 12, taxed: separately)'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..._types import Money
from ...i18n import Phrase, pick, t
from ._kind import AMOUNT, Component, Inputs, Kind, money, qualified

__all__ = ["YearEndBonus", "KIND"]

_TAX = {"separate": "employment.tax.separate", "with_wages": "employment.tax.with_wages",
        "cheaper": "employment.tax.cheaper"}


class YearEndBonus(Component):
    """A 13th month (``months`` of base pay) or an ``amount``, paid in calendar ``month``."""

    kind: Literal["year_end_bonus"]
    months: Annotated[Decimal, Field(gt=0, le=24)] | None = None
    amount: Money | None = None
    month: Annotated[int, Field(ge=1, le=12)] = 1
    tax: Literal["separate", "with_wages", "cheaper"] | None = None
    """How it is taxed (default: the design's ``employment.bonus_tax``)."""

    @model_validator(mode="after")
    def _one(self) -> "YearEndBonus":
        if (self.months is None) == (self.amount is None):
            raise ValueError(Phrase("err.employment_bonus_amount", where="year_end_bonus"))
        return self


class _YearEndBonus(Kind):
    model = YearEndBonus
    label = {"zh": "年终奖", "en": "Year-end bonus"}
    fields = {"amount": AMOUNT}
    keys = ("`months` of base pay (a 13th month: 1) or `amount` 元, `month`: calendar month paid (1–12), "
            "`tax`: `separate`, `with_wages` or `cheaper`")
    #: a once-a-year payment is not pay for a month's normal hours
    minimum_wage_counts = False

    def edit_field(self, c) -> str:
        return "months" if c.months is not None else "amount"

    def amount(self, c, inp: Inputs):
        import numpy as np  # loaded when an amount is computed: reading or showing a design does without it
        each = (float(c.months) * np.asarray(inp.monthly_base, dtype=float) if c.months is not None
                else float(c.amount) * inp.shares)
        plan_month = (c.month - 1 - inp.start_month) % 12
        out = np.zeros((12, len(inp.shares)))
        out[plan_month] = each
        return "people", out

    def text(self, c, lang):
        what = t("pay.year_end_bonus.months", lang, n=f"{c.months:g}") if c.months is not None \
            else money(c.amount, lang)
        tax = pick({"zh": "计税：", "en": "taxed: "}, lang) + t(_TAX[c.tax or "cheaper"], lang)
        return qualified(f"{self.name_of(c, lang)} {what}",
                         [t("pay.year_end_bonus.paid_in", lang, month=c.month), tax] + self.condition_text(c, lang),
                         lang)


KIND = _YearEndBonus()
