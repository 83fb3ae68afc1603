"""个人所得税 on wages: the cumulative withholding method and the annual one-off bonus.

Cumulative withholding (国家税务总局公告2018年第61号, 个人所得税扣缴申报管理办法（试行）
第六条): in each month of a tax year,

    cumulative taxable = cumulative gross − 5,000 × months − cumulative employee
                         contributions − cumulative special additional deductions
    tax this month     = cumulative taxable × rate − quick deduction − tax already withheld

with the rate and quick deduction of 预扣率表一 for the cumulative taxable income; a
negative result is not refunded (the month withholds nothing). The annual one-off bonus
may be taxed on its own (财政部 税务总局公告2023年第30号, to 2027-12-31): the bonus ÷ 12 picks
the rate of the monthly-converted table, tax = bonus × rate − quick deduction; or it
joins the wages of the month it is paid. Amounts are whole fen; ``cumulative × rate``
is rounded half up to the fen, in integers.

Brackets are ``[(upto_yuan | None, rate, quick_deduction_yuan), ...]`` as the pack
gives them (``tax.withholding_brackets``).

>>> import numpy as np
>>> table = [(36000, 0.03, 0), (144000, 0.10, 2520), (None, 0.20, 16920)]
>>> gross = np.full((12, 1), 1_000_000)              # 10,000 yuan a month
>>> tax = cumulative_withholding(gross, np.full((12, 1), 150_000), table, special=100_000)
>>> (tax[:, 0] // 100).tolist()
[75, 75, 75, 75, 75, 75, 75, 75, 75, 75, 75, 75]
"""

from __future__ import annotations

import numpy as np

from ..i18n import Phrase
from .contributions import PPM, rate_ppm
from .params import EmploymentError

__all__ = ["Brackets", "brackets", "bracket_tax", "cumulative_withholding", "bonus_tax_separate",
           "BONUS_TREATMENTS"]

#: How an annual one-off bonus is taxed.
BONUS_TREATMENTS = ("separate", "with_wages", "cheaper")


class Brackets:
    """A progressive table in fen: upper bounds (the last unbounded), rates in ppm,
    quick deductions in fen."""

    def __init__(self, upto: np.ndarray, ppm: np.ndarray, quick: np.ndarray):
        self.upto, self.ppm, self.quick = upto, ppm, quick

    def tax(self, amount_fen: np.ndarray, scale: int = 1) -> np.ndarray:
        """``amount × rate − quick deduction`` (not below 0), the bracket found for
        ``amount / scale`` (``scale=12``: the monthly-converted table on an annual bonus)."""
        amount = np.maximum(np.asarray(amount_fen, dtype=np.int64), 0)
        bounds = self.upto * scale
        top = int(np.searchsorted(bounds, amount.max(initial=0), side="left"))  # the highest bracket reached
        if top == 0:  # every amount in the first bracket (the usual case for shop staff)
            return np.maximum((amount * self.ppm[0] + PPM // 2) // PPM - self.quick[0], 0)
        i = np.zeros(amount.shape, dtype=np.intp)
        for b in bounds[:top]:  # a bound belongs to its own bracket
            i += amount > b
        return np.maximum((amount * self.ppm[i] + PPM // 2) // PPM - self.quick[i], 0)


def brackets(rows, where: str = "tax.withholding_brackets") -> Brackets:
    """A pack's bracket list (mappings ``{upto, rate, quick_deduction}`` or triples) as :class:`Brackets`.

    >>> brackets([{"upto": 3000, "rate": 0.03, "quick_deduction": 0}, {"upto": None, "rate": 0.1,
    ...           "quick_deduction": 210}]).tax(np.array([300000, 400000])).tolist()
    [9000, 19000]
    """
    triples = [(r["upto"], r["rate"], r["quick_deduction"]) if isinstance(r, dict) else tuple(r) for r in rows]
    bounds = [u for u, _, _ in triples]
    if not triples or bounds[-1] is not None or None in bounds[:-1] or bounds[:-1] != sorted(set(bounds[:-1])):
        raise EmploymentError(Phrase("err.employment_brackets", where=where))
    big = np.iinfo(np.int64).max // 1000
    upto = np.array([round(u * 100) if u is not None else big for u in bounds], dtype=np.int64)
    ppm = np.array([rate_ppm(r, where) for _, r, _ in triples], dtype=np.int64)
    quick = np.array([round(q * 100) for _, _, q in triples], dtype=np.int64)
    return Brackets(upto, ppm, quick)


def bracket_tax(table, amount_fen, scale: int = 1) -> np.ndarray:
    return (table if isinstance(table, Brackets) else brackets(table)).tax(amount_fen, scale)


def cumulative_withholding(gross_fen, employee_fen, table, *, basic: int = 500_000, special=0,
                           prior: int = 0) -> np.ndarray:
    """Tax withheld each month of one tax year, fen, arrays ``(..., months, people)``.

    ``gross_fen`` is the month's wages, ``employee_fen`` the employee's own social
    insurance and housing fund (专项扣除), ``special`` the special additional deductions a
    month (fen, scalar or broadcastable), ``basic`` the basic deduction a month (fen).
    ``prior`` months of the same tax year before the first month are counted as worked
    at the first month's figures (the tax withheld in them is not returned).
    """
    gross = np.asarray(gross_fen, dtype=np.int64)
    employee = np.broadcast_to(np.asarray(employee_fen, dtype=np.int64), gross.shape)
    special = np.asarray(special, dtype=np.int64)
    if prior:
        special = np.broadcast_to(special, gross.shape)
        def extend(a):
            first = np.take(a, [0], axis=-2)
            return np.concatenate([np.repeat(first, prior, axis=-2), a], axis=-2)
        gross, employee, special = extend(gross), extend(employee), extend(special)
    months = np.arange(1, gross.shape[-2] + 1, dtype=np.int64)[:, None]
    taxable = np.cumsum(gross - employee - special, axis=-2) - basic * months
    due = bracket_tax(table, taxable)
    withheld = np.maximum.accumulate(due, axis=-2)  # a month with less due than already withheld withholds 0
    monthly = np.diff(withheld, axis=-2, prepend=np.zeros_like(withheld[..., :1, :]))
    return monthly[..., prior:, :]


def bonus_tax_separate(bonus_fen, monthly_table) -> np.ndarray:
    """Tax on an annual one-off bonus taxed on its own: the monthly-converted table's
    bracket for ``bonus / 12``, ``bonus × rate − quick deduction``.

    >>> table = [(3000, 0.03, 0), (12000, 0.10, 210), (None, 0.20, 1410)]
    >>> bonus_tax_separate(np.array([3_600_000, 3_600_100]), table).tolist()
    [108000, 339010]
    """
    return bracket_tax(monthly_table, bonus_fen, scale=12)

