"""The employment terms of a plan: a pack's figures in force in each plan month, with
the design's (or scenario's) choices, as arrays the chain reads.

Contribution bases follow the city's base year: for a month, the floor and cap are the
ones in force at the start of its base year (the latest 1st of ``adjust_month`` on or
before the month). With ``on`` set, every figure is the one in force on that date.

>>> t = resolve_terms(load_pack("测试市", root="tests/params/cn"), ["2025-06", "2025-07"])
>>> t.base_floor.tolist(), t.employer_ppm["pension"].tolist()
([731000, 746000], [160000, 160000])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from ..i18n import Phrase
from .contributions import rate_ppm
from .income_tax import Brackets, brackets
from .params import EmploymentError, Fact, Pack, as_date, load_pack  # noqa: F401  (load_pack: doctest)

__all__ = ["BRANCHES", "EMPLOYEE_BRANCHES", "Terms", "resolve_terms", "custom_terms"]

#: Social insurance branches an employer pays, in the order tables show them.
BRANCHES = ("pension", "medical", "maternity", "unemployment", "work_injury")
#: Branches an employee pays.
EMPLOYEE_BRANCHES = ("pension", "medical", "unemployment")


@dataclass
class Terms:
    """Per plan month (arrays of 12): bases and rates in fen and ppm, the tax tables per
    month, and every fact read (for the sources and assumptions a report shows)."""

    months: list[str]
    base_floor: np.ndarray
    base_cap: np.ndarray
    employer_ppm: dict[str, np.ndarray]
    employee_ppm: dict[str, np.ndarray]
    fund_floor: np.ndarray
    fund_cap: np.ndarray
    fund_ppm: np.ndarray
    basic_fen: np.ndarray
    withholding: list[Brackets]
    monthly_table: list[Brackets]
    bonus_separate: np.ndarray
    years: np.ndarray
    minimum_monthly: np.ndarray | None = None
    minimum_hourly: np.ndarray | None = None
    excludes: frozenset = frozenset()
    average_wage: np.ndarray | None = None
    region: str = ""
    facts: dict[str, Fact] = field(default_factory=dict)
    custom: bool = False

    @property
    def assumptions(self) -> list[Fact]:
        """The facts read that are ``verified: false``."""
        return [f for f in self.facts.values() if not f.verified]


def _base_year_day(month: str, adjust: int) -> dt.date:
    y, m = int(month[:4]), int(month[5:7])
    return dt.date(y if m >= adjust else y - 1, adjust, 1)


def resolve_terms(pack: Pack, months, *, on=None, housing_fund_rate=None, work_injury_class=None,
                  tax_pack: Pack | None = None) -> Terms:
    """The terms of ``pack`` for plan ``months`` (``YYYY-MM``); see the module docstring."""
    facts: dict[str, Fact] = {}
    fixed_day = as_date(on) if on is not None else None

    def fact(key, month, day=None):
        f = pack.fact(key, fixed_day or day or as_date(month))
        facts.setdefault(key, f)
        return f

    def each(key, day_of=None, *, optional=False):
        out = []
        for m in months:
            day = fixed_day or (day_of(m) if day_of else as_date(m))
            if optional and pack.get(key, day) is None:
                return None
            out.append(fact(key, m, day).value)
        return out

    def fen(values):
        return np.array([round(float(v) * 100) for v in values], dtype=np.int64)

    def ppm(key, values):
        return np.array([rate_ppm(v, key) for v in values], dtype=np.int64)

    adjust = fact("social_insurance.base.adjust_month", months[0]).value if "social_insurance.base.adjust_month" in pack \
        else 1
    base_day = lambda m: _base_year_day(m, int(adjust))  # noqa: E731
    employer = {}
    for b in BRANCHES:
        key = f"social_insurance.{b}.employer"
        if b == "work_injury":
            rates = each("social_insurance.work_injury.class_rates")
            classes = each("social_insurance.work_injury.default_class") if work_injury_class is None \
                else [work_injury_class] * len(months)
            for r, c in zip(rates, classes):
                if int(c) not in {int(k) for k in r}:
                    raise EmploymentError(Phrase("err.employment_injury_class", city=pack.region.zh,
                                                 known=", ".join(str(k) for k in r), got=repr(c)))
            employer[b] = ppm(key, [{int(k): v for k, v in r.items()}[int(c)] for r, c in zip(rates, classes)])
        elif key in pack or b != "maternity":
            employer[b] = ppm(key, each(key))
    employee = {b: ppm(f"social_insurance.{b}.employee", each(f"social_insurance.{b}.employee"))
                for b in EMPLOYEE_BRANCHES}
    low, high = each("housing_fund.rate_min"), each("housing_fund.rate_max")
    if housing_fund_rate is None:
        fund = low
    else:
        fund = [housing_fund_rate] * len(months)
        for lo, hi in zip(low, high):
            if not float(lo) - 1e-12 <= float(housing_fund_rate) <= float(hi) + 1e-12:
                raise EmploymentError(Phrase("err.employment_housing_rate", city=pack.region.zh, low=f"{lo:g}",
                                             high=f"{hi:g}", got=f"{float(housing_fund_rate):g}"))
    minimum = each("minimum_wage.monthly")
    hourly = each("minimum_wage.hourly", optional=True)
    excludes = each("minimum_wage.excludes", optional=True)
    average = each("average_wage.monthly", optional=True)
    tax = _tax_terms(tax_pack or pack, months, fixed_day, facts)
    return Terms(months=list(months), base_floor=fen(each("social_insurance.base.floor", base_day)),
                 base_cap=fen(each("social_insurance.base.cap", base_day)), employer_ppm=employer,
                 employee_ppm=employee, fund_floor=fen(each("housing_fund.base.floor", base_day)),
                 fund_cap=fen(each("housing_fund.base.cap", base_day)), fund_ppm=ppm("housing_fund.rate", fund),
                 minimum_monthly=fen(minimum), minimum_hourly=None if hourly is None else fen(hourly),
                 excludes=frozenset(excludes[0]) if excludes else frozenset(),
                 average_wage=None if average is None else fen(average), region=pack.region.zh, facts=facts,
                 **tax)


def _tax_terms(pack: Pack, months, fixed_day, facts) -> dict:
    def fact(key, m):
        f = pack.fact(key, fixed_day or as_date(m))
        facts.setdefault(key, f)
        return f

    separate = []
    for m in months:
        f = pack.get("tax.annual_bonus_separate", fixed_day or as_date(m))
        if f is not None:
            facts.setdefault("tax.annual_bonus_separate", f)
        separate.append(bool(f.value) if f is not None else False)
    return {"basic_fen": np.array([round(fact("tax.basic_deduction_monthly", m).value * 100) for m in months],
                                  dtype=np.int64),
            "withholding": [brackets(fact("tax.withholding_brackets", m).value) for m in months],
            "monthly_table": [brackets(fact("tax.monthly_brackets", m).value, "tax.monthly_brackets")
                              for m in months],
            "bonus_separate": np.array(separate), "years": np.array([int(m[:4]) for m in months])}


def custom_terms(on_cost, months, tax_pack: Pack | None) -> Terms:
    """The old ``on_cost`` of a design as terms: one employer branch at its rate on gross pay
    clamped to its floor and cap; no employee contributions, no housing fund; the tax of
    the national pack (none without one)."""
    n = len(months)
    zero = np.zeros(n, dtype=np.int64)
    floor = round(float(on_cost.base_floor) * 100) if on_cost.base_floor is not None else 0
    cap = round(float(on_cost.base_cap) * 100) if on_cost.base_cap is not None else np.iinfo(np.int64).max // 4
    facts: dict[str, Fact] = {}
    tax = _tax_terms(tax_pack, months, None, facts) if tax_pack is not None else {
        "basic_fen": zero, "withholding": [], "monthly_table": [], "bonus_separate": np.zeros(n, dtype=bool),
        "years": np.array([int(m[:4]) for m in months])}
    return Terms(months=list(months), base_floor=np.full(n, floor), base_cap=np.full(n, cap),
                 employer_ppm={"on_cost": np.full(n, rate_ppm(on_cost.rate, "on_cost.rate"))}, employee_ppm={},
                 fund_floor=zero, fund_cap=zero, fund_ppm=zero, facts=facts, custom=True, **tax)
