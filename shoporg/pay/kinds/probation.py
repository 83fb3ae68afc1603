"""试用期工资: in a person's first ``months`` months the agreed pay is paid at ``share``.

The component holds the cut, ``−(1 − share) × agreed pay × FTE`` in each probation month,
so a role's base stays written once. The probation runs from each person's start month
(``start``: a plan month number 1–12 for everyone, or a driver with each person's start
month, read in the plan's first month; 0 or less: started before the plan) or from the
plan start.

The floor (中华人民共和国劳动合同法 第二十条): probation pay is at least 80% of the agreed
wage (or of the lowest grade of the same job) and not below the local minimum wage. A share
below 80% is refused when the design is read; the minimum wage is a finding of the payroll
(:mod:`shoporg.staffing.labour_rules`). The longest probation is six months (第十九条).

>>> c = Probation(kind="probation", months=3, share=0.8, agreed=4000)
>>> KIND.text(c, "zh")
'试用期工资 前3个月按约定工资4000元的80%发放'
>>> probation_months(c.months, start=[1, 11], months=12)[10:].astype(int).tolist()
[[0, 1], [0, 1]]
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, field_validator

from ..._types import DriverName, Expr, Rate
from ...i18n import Phrase, driver_name, expression_text, t
from ._kind import Component, Inputs, Kind, money, qualified
from .overtime import _is_number, full_time_base, share_text, wage_base

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Probation", "KIND", "MIN_SHARE", "MAX_MONTHS", "probation_months"]

#: The least share of the agreed wage paid in probation (劳动合同法 第二十条).
MIN_SHARE = Decimal("0.8")
#: The longest probation (劳动合同法 第十九条: six months for contracts of three years or more).
MAX_MONTHS = 6


class Probation(Component):
    """The first ``months`` months of each person at ``share`` of the agreed pay."""

    kind: Literal["probation"]
    months: Annotated[int, Field(ge=1, le=MAX_MONTHS)]
    share: Rate
    agreed: Expr = "base"
    """The agreed monthly pay: ``base`` (the role's base pay), an amount or an expression."""
    start: Annotated[int, Field(ge=-MAX_MONTHS, le=12)] | DriverName | None = None
    """Plan month (1 = the plan's first) the probation starts in; a driver gives each person's."""
    when: Expr | None = None

    @field_validator("share")
    @classmethod
    def _floor(cls, v):
        if v < MIN_SHARE:
            raise ValueError(Phrase("probation.err.share", got=share_text(v, "en"), floor=share_text(MIN_SHARE, "en")))
        return v

    def expressions(self) -> dict[str, str]:
        out = super().expressions()
        if self.agreed != "base":
            out["agreed"] = self.agreed
        return out


def probation_months(length: int, start, months: int = 12) -> np.ndarray:
    """Where each person is in probation: ``bool[..., months, n]`` for start months
    ``start`` (plan month numbers, 1 = the first, shaped ``[n]`` or ``[..., 1, n]``)."""
    import numpy as np  # loaded when an amount is computed: reading or showing a design does without it
    first = np.asarray(start, dtype=float)
    if first.ndim < 2:
        first = first.reshape(1, -1)
    m = np.arange(1, months + 1, dtype=float)[:, None]
    return (m >= first) & (m < first + length)


def _starts(c: Probation, inp: Inputs):
    import numpy as np  # loaded when an amount is computed: reading or showing a design does without it
    if c.start is None:
        return np.ones_like(inp.shares)
    if isinstance(c.start, int):
        return np.full_like(inp.shares, float(c.start))
    return inp.driver(c.start)[..., :1, :]  # each person's start month, as the plan's first month says


class _Probation(Kind):
    model = Probation
    label = {"zh": "试用期工资", "en": "Probation pay"}
    fixed = True
    fields = {"share": {"zh": "试用期比例", "en": "share"}}
    keys = ("`months` (1–6), `share` of the agreed pay (at least 0.8, 劳动合同法 第二十条), `agreed`: `base` "
            "(the role's base), an amount or an expression; `start`: plan month 1–12 or a driver of per-person "
            "start months (default: the plan start); `when`")

    @property
    def cost_group(self):
        return "base"  # it cuts the base pay of the months in probation

    def amount(self, c, inp: Inputs):
        import numpy as np  # loaded when an amount is computed: reading or showing a design does without it
        agreed = wage_base(c.agreed, inp, full_time_base(inp))
        cut = (1 - float(c.share)) * agreed * inp.shares
        return "people", np.where(probation_months(c.months, _starts(c, inp)), -cut, 0.0)

    def text(self, c, lang):
        agreed = (t("probation.agreed_pay", lang) if c.agreed == "base" else
                  t("probation.agreed_amount", lang, amount=money(Decimal(c.agreed), lang)) if _is_number(c.agreed)
                  else t("probation.agreed_amount", lang, amount=expression_text(c.agreed, lang)))
        body = t("probation.text", lang, name=self.name_of(c, lang), months=c.months, agreed=agreed,
                 share=share_text(c.share, lang))
        parts = [] if c.start is None else [
            t("probation.from_driver", lang, driver=driver_name(c.start, lang)) if isinstance(c.start, str)
            else t("probation.from_month", lang, month=c.start)]
        return qualified(body, parts + self.condition_text(c, lang), lang)

    def new(self, driver=None):
        return {"kind": self.name, "label": dict(self.label), "months": 3, "share": 0.8}


KIND = _Probation()
