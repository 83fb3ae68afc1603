"""津贴: a monthly amount × FTE in months where ``when`` holds, settled per period
(month, calendar quarter, year) and paid at the period's end plus ``pay_lag_months``.

>>> c = Allowance(kind="allowance", monthly=1500, when="store_incidents == 0", settle="quarterly", pay_lag_months=1)
>>> KIND.payment_months(c, start_month=0)[:6]
[3, 3, 3, 6, 6, 6]
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..._types import Expr, Money
from ...i18n import pick, t
from ._kind import MONTHLY, Component, Inputs, Kind, money, qualified

__all__ = ["Allowance", "KIND", "payment_months"]

_SETTLE = {"monthly": {"zh": "按月结算", "en": "settled monthly"},
           "quarterly": {"zh": "按季度结算", "en": "settled quarterly"},
           "yearly": {"zh": "按年结算", "en": "settled yearly"}}
_LAG = {"one": {"zh": "延后{n}个月发放", "en": "paid {n} month later"},
        "many": {"zh": "延后{n}个月发放", "en": "paid {n} months later"}}


class Allowance(Component):
    """A monthly amount on a monthly condition, settled per period and paid with a lag.

    司库 责任金: 1500 元 for each month without incidents, settled by quarter and paid
    with the first month of the next quarter (``settle: quarterly, pay_lag_months: 1``).
    """

    kind: Literal["allowance"]
    monthly: Money
    when: Expr | None = None
    settle: Literal["monthly", "quarterly", "yearly"] = "monthly"
    pay_lag_months: int = Field(0, ge=0, le=12)


def payment_months(settle: str, lag: int, start_month: int, months: int = 12) -> list[int]:
    """For each plan month, the plan month its accrual is paid in (may be past the plan):
    the end of its settlement period (month, calendar quarter, year) plus ``lag``.

    >>> payment_months("yearly", 0, start_month=10)[:3]
    [1, 1, 13]
    """
    out = []
    for m in range(months):
        cal = (start_month + m) % 12  # 0 = January
        end = m if settle == "monthly" else m + (2 - cal % 3) if settle == "quarterly" else m + (11 - cal)
        out.append(end + lag)
    return out


class _Allowance(Kind):
    model = Allowance
    label = {"zh": "津贴", "en": "Allowance"}
    fields = {"monthly": MONTHLY}
    keys = "`monthly` 元, `when`, `settle`: `monthly`, `quarterly` or `yearly`, `pay_lag_months` (0–12)"

    def payment_months(self, c, start_month):  # the settlement hook: paid after its period
        if c.settle == "monthly" and not c.pay_lag_months:
            return None
        return payment_months(c.settle, c.pay_lag_months, start_month)

    def amount(self, c, inp: Inputs):
        return "people", float(c.monthly) * inp.shares

    def text(self, c, lang):
        body = f"{self.name_of(c, lang)} {t('pay.per_month', lang, amount=money(c.monthly, lang))}"
        parts = self.condition_text(c, lang)
        if c.settle != "monthly" or c.pay_lag_months:
            parts.append(pick(_SETTLE[c.settle], lang))
        if c.pay_lag_months:
            parts.append(pick(_LAG["one" if c.pay_lag_months == 1 else "many"], lang).format(n=c.pay_lag_months))
        return qualified(body, parts, lang)


KIND = _Allowance()
