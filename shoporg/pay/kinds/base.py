"""底薪: fixed monthly pay, an amount or a range ``[min, max]``, × each person's FTE.

>>> from shoporg.pay.kinds import PAY_KINDS
>>> KIND.text(Base(kind="base", monthly=4000), "en")
'Base pay ¥4,000/month'
"""

from __future__ import annotations

from typing import Literal

from ..._types import Amount
from ...i18n import t
from ._kind import MONTHLY, Component, Inputs, Kind, amount_range

__all__ = ["Base", "KIND", "base_amount"]


class Base(Component):
    """Fixed monthly pay (底薪/工资): an amount, or a range ``[min, max]``."""

    kind: Literal["base"]
    monthly: Amount


def base_amount(c: Base, level: str) -> float:
    """The monthly base at the ``low``, ``mid`` or ``high`` end of its range.

    >>> base_amount(Base(kind="base", monthly=[1600, 2000]), "mid")
    1800.0
    """
    lo, hi = c.monthly if isinstance(c.monthly, tuple) else (c.monthly, c.monthly)
    return float({"low": lo, "high": hi, "mid": (lo + hi) / 2}[level])


class _Base(Kind):
    model = Base
    label = {"zh": "底薪", "en": "Base pay"}
    fixed = True
    fields = {"monthly": MONTHLY}
    keys = "`monthly`: amount in 元, or a range `[min, max]`"

    def amount(self, c, inp: Inputs):
        return "people", base_amount(c, inp.base_level) * inp.shares

    def text(self, c, lang):
        return f"{self.name_of(c, lang)} {t('pay.per_month', lang, amount=amount_range(c.monthly, lang))}"


KIND = _Base()
