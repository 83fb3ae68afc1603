"""加班工资: hours worked beyond normal hours, by day type, × the hourly wage × the
statutory multiple.

- the multiples (Labor Law art. 44, 中华人民共和国劳动法 第四十四条): at least 150% of the
  wage for extended hours on a workday, 200% on a rest day without time off in lieu,
  300% on a statutory holiday;
- the hourly wage: the monthly wage base ÷ 21.75 paid days ÷ 8 hours (劳社部发〔2008〕3号,
  关于职工全年月平均工作时间和工资折算问题的通知).

Both figures are also the national parameter pack's (``overtime.multipliers``,
``wage.paid_days_month``); a test keeps them equal. Hours are each person's own (a driver
with per-person values, or the same number for every person); overtime pay does not
count toward the minimum wage.

>>> c = Overtime(kind="overtime", wage_base=4350, workday=10, rest_day=8)
>>> round(hourly_wage(4350), 2)
25.0
>>> KIND.text(c, "en")
'Overtime pay workday 10 h × 150%, rest day 8 h × 200% at the hourly wage of ¥4,350 ÷ 21.75 ÷ 8'
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from ... import fmt
from ..._types import DriverName, Expr
from ...errors import ShopOrgError
from ...i18n import Phrase, driver_name, expression_text, pick, t
from ._kind import Component, Inputs, Kind, money, qualified

__all__ = ["Overtime", "KIND", "MULTIPLIERS", "PAID_DAYS_MONTH", "HOURS_PER_DAY", "DAY_TYPES", "hourly_wage",
           "wage_base", "share_text", "full_time_base"]

#: The statutory multiples by day type (劳动法 第四十四条), the least an employer pays.
MULTIPLIERS = {"workday": Decimal("1.5"), "rest_day": Decimal("2.0"), "holiday": Decimal("3.0")}
#: Paid days a month for turning a monthly wage into a daily one (劳社部发〔2008〕3号: (365 − 104) ÷ 12).
PAID_DAYS_MONTH = Decimal("21.75")
#: Normal hours a day (劳动法 第三十六条: at most 8 hours a day).
HOURS_PER_DAY = 8
DAY_TYPES = tuple(MULTIPLIERS)

Hours = Annotated[Decimal, Field(ge=0, le=744)] | DriverName
"""Hours a month: a number (the same for every person and month) or a driver's name."""

_DAY = {"workday": {"zh": "工作日延时", "en": "workday"}, "rest_day": {"zh": "休息日", "en": "rest day"},
        "holiday": {"zh": "法定节假日", "en": "holiday"}}


class OvertimeError(ShopOrgError):
    """An overtime wage base the payroll cannot read."""


class Overtime(Component):
    """Overtime hours by day type (a number or a driver) at the statutory multiples of the
    hourly wage from ``wage_base``: ``base`` (the role's base pay), an amount or an expression."""

    kind: Literal["overtime"]
    wage_base: Expr = "base"
    workday: Hours = Decimal(0)
    rest_day: Hours = Decimal(0)
    holiday: Hours = Decimal(0)
    when: Expr | None = None

    def expressions(self) -> dict[str, str]:
        out = super().expressions()
        if self.wage_base != "base":
            out["wage_base"] = self.wage_base
        return out


def hourly_wage(monthly):
    """The hourly wage of a monthly wage: ÷ 21.75 ÷ 8 (劳社部发〔2008〕3号).

    >>> hourly_wage(2175 * 8)
    100.0
    """
    import numpy as np  # loaded when an amount is computed: reading or showing a design does without it
    out = np.asarray(monthly, dtype=float) / float(PAID_DAYS_MONTH) / HOURS_PER_DAY
    return float(out) if out.ndim == 0 else out


def share_text(share, lang: str) -> str:
    """A multiple or a share as per cent, with a decimal only where it has one (150%, 82.5%)."""
    return fmt.percent(share, lang, digits=0 if Decimal(share) * 100 % 1 == 0 else 1)


def wage_base(text: str, inp: Inputs, role_base=None):
    """The monthly wage base: ``base`` (``role_base``, the role's base pay at the plan's
    level), or an expression over numbers and drivers, over arrays."""
    import numpy as np  # loaded when an amount is computed: reading or showing a design does without it

    from ..expr import parse_expression  # the expression language sits beside the kinds, in pay/

    if text == "base":
        if role_base is None:
            raise OvertimeError(Phrase("overtime.err.no_base"))
        return np.asarray(role_base, dtype=float)
    expr = parse_expression(text, where="wage_base")
    return np.asarray(expr.evaluate({n: inp.driver(n) for n in expr.names}), dtype=float)


def full_time_base(inp: Inputs):
    """Each person's full-time monthly base pay ``[n]`` (the engine's ``monthly_base`` is × FTE),
    or None when the role has no base pay."""
    import numpy as np  # loaded when an amount is computed: reading or showing a design does without it
    base = np.asarray(getattr(inp, "monthly_base", 0.0), dtype=float)
    if not base.any():
        return None
    shares = np.asarray(inp.shares, dtype=float)
    return np.divide(base, shares, out=np.zeros(np.broadcast(base, shares).shape), where=shares > 0)


def _hours(value, inp: Inputs):
    return inp.driver(value) if isinstance(value, str) else float(value)


class _Overtime(Kind):
    model = Overtime
    label = {"zh": "加班工资", "en": "Overtime pay"}
    fields = {"workday": {"zh": "工作日加班小时", "en": "workday hours"},
              "rest_day": {"zh": "休息日加班小时", "en": "rest-day hours"},
              "holiday": {"zh": "节假日加班小时", "en": "holiday hours"}}
    keys = ("`wage_base`: `base` (the role's base), an amount or an expression; `workday`, `rest_day`, "
            "`holiday`: hours a month (a number or a driver), paid × 1.5 / 2 / 3 of wage base ÷ 21.75 ÷ 8; `when`")
    #: overtime pay is not part of the pay the minimum wage is checked against
    minimum_wage_counts = False

    def amount(self, c, inp: Inputs):
        import numpy as np  # loaded when an amount is computed: reading or showing a design does without it
        hourly = hourly_wage(wage_base(c.wage_base, inp, full_time_base(inp)))
        total = sum(float(MULTIPLIERS[d]) * np.asarray(_hours(getattr(c, d), inp)) for d in DAY_TYPES)
        return "people", hourly * total * np.ones_like(inp.shares)

    def text(self, c, lang):
        parts = []
        for d in DAY_TYPES:
            h = getattr(c, d)
            if isinstance(h, str) or h:
                hours = (driver_name(h, lang) if isinstance(h, str)
                         else t("overtime.hours", lang, hours=fmt.number(h, lang)))
                parts.append(t("overtime.day", lang, day=pick(_DAY[d], lang), hours=hours,
                               share=share_text(MULTIPLIERS[d], lang)))
        base = (t("overtime.role_base", lang) if c.wage_base == "base" else
                money(Decimal(c.wage_base), lang) if _is_number(c.wage_base) else expression_text(c.wage_base, lang))
        body = t("overtime.text", lang, name=self.name_of(c, lang), days=t("pay.part_sep", lang).join(parts)
                 or t("overtime.none", lang), base=base)
        return qualified(body, self.condition_text(c, lang), lang)

    def new(self, driver=None):
        return {"kind": self.name, "label": dict(self.label), "workday": 0}


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


KIND = _Overtime()
