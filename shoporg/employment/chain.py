"""From gross pay to what a person costs and takes home, per person and month, in fen.

    应发工资 gross
    + employer social insurance by branch + 单位公积金 + agency fee  = 人工成本 (employment cost)
    − employee social insurance − 个人公积金 − 个税                  = 实发 (net pay)

Arrays are ``(..., 12, people)`` int64 fen. A part-time (非全日制) person is insured by
the employer for work injury only (劳社部发〔2003〕12号 第三条 (十)); an agency's fee is its
share of the cost it passes on (wages, contributions, housing fund).

>>> import numpy as np
>>> from shoporg.employment.params import load_pack
>>> from shoporg.employment.terms import resolve_terms
>>> terms = resolve_terms(load_pack("测试市", root="tests/params/cn"), [f"2026-{m:02d}" for m in range(1, 13)])
>>> gross = np.full((12, 1), 1_000_000)  # 10,000 a month: 16%+10%+0.5%+0.16% and 5% fund on it
>>> c = chain(gross, gross, terms)
>>> int(c["employer_pension"][0, 0]), int(c["employee_pension"][0, 0]), int(c["labour_cost"][0, 0])
(160000, 80000, 1316600)
>>> bool((c["net"] == c["gross"] - c["employee_contributions"] - c["tax"]).all())
True
"""

from __future__ import annotations

import numpy as np

from .contributions import contribution_base, share_fen, share_ppm
from .housing_fund import housing_fund_ppm
from .income_tax import cumulative_withholding
from .terms import Terms

__all__ = ["HIRE_TYPES", "chain", "CHAIN_COLUMNS"]

HIRE_TYPES = ("full_time", "part_time", "agency", "outsourced")

#: The per-person columns of the chain that are added up in the summaries.
CHAIN_COLUMNS = ("gross", "employer_contributions", "housing_fund_employer", "agency_fee", "labour_cost",
                 "employee_contributions", "housing_fund_employee", "tax", "net")


def _months(_like: np.ndarray, per_month: np.ndarray) -> np.ndarray:
    """A per-month array (12,) shaped to broadcast against ``(..., 12, people)`` like ``_like``."""
    return np.asarray(per_month)[:, None]


def chain(gross, base_gross, terms: Terms, *, rule: str = "actual", fixed_fen: int | None = None,
          hire: str = "full_time", agency_share: float = 0.0, special_fen=0, prior_months: int = 0,
          bonus=None, bonus_mode: str = "separate", employer_override: dict | None = None) -> dict[str, np.ndarray]:
    """Every figure of the chain (see the module docstring), one array each.

    ``gross`` is 应发 (every pay line, deductions included), ``base_gross`` the pay the
    contribution base is read from (earnings before deductions), ``bonus`` the part of
    gross that is an annual one-off bonus, taxed as ``bonus_mode`` says (``separate``
    where the pack allows it that month, ``with_wages``, or ``cheaper`` of the two over
    each tax year). ``employer_override`` gives employer contributions computed elsewhere
    (a design's own ``on_cost``).
    """
    gross = np.asarray(gross, dtype=np.int64)
    out: dict[str, np.ndarray] = {"gross": gross}
    zero = np.zeros_like(gross)
    base = contribution_base(base_gross, _months(gross, terms.base_floor), _months(gross, terms.base_cap), rule,
                             fixed_fen)
    employer_total = zero.copy()
    for branch, ppm in terms.employer_ppm.items():
        if employer_override is not None and branch in employer_override:
            amount = np.asarray(employer_override[branch], dtype=np.int64)
        elif hire == "part_time" and branch != "work_injury":
            amount = zero
        else:
            amount = share_ppm(base, _months(gross, ppm))
        out[f"employer_{branch}"] = amount
        employer_total = employer_total + amount
    employee_total = zero.copy()
    for branch, ppm in terms.employee_ppm.items():
        amount = zero if hire == "part_time" else share_ppm(base, _months(gross, ppm))
        out[f"employee_{branch}"] = amount
        employee_total = employee_total + amount
    if hire == "part_time" or terms.custom:
        fund = zero
    else:
        fund = housing_fund_ppm(base_gross, _months(gross, terms.fund_floor), _months(gross, terms.fund_cap),
                                _months(gross, terms.fund_ppm), rule, fixed_fen)
    out["employer_contributions"] = employer_total
    out["housing_fund_employer"] = fund
    out["housing_fund_employee"] = fund
    passed_on = gross + employer_total + fund
    out["agency_fee"] = share_fen(np.maximum(passed_on, 0), agency_share) if hire == "agency" and agency_share \
        else zero
    out["labour_cost"] = passed_on + out["agency_fee"]
    deductible = employee_total + fund
    out["employee_contributions"] = deductible
    out["tax"] = _tax(gross, deductible, terms, special_fen, prior_months,
                      None if bonus is None else np.asarray(bonus, dtype=np.int64), bonus_mode)
    out["net"] = gross - deductible - out["tax"]
    return out


def _tax(gross, deductible, terms: Terms, special, prior: int, bonus, mode: str) -> np.ndarray:
    """个税 each month: cumulative withholding over each calendar year of the plan, the
    annual bonus as ``mode`` says."""
    if not terms.withholding:  # no tax figures (a custom on-cost without a national pack)
        return np.zeros_like(gross)
    has_bonus = bonus is not None and bool(bonus.any())
    wages = gross - bonus if has_bonus else gross
    out_with = np.empty_like(gross)
    out_sep = np.empty_like(gross) if has_bonus else None
    for k, year in enumerate(dict.fromkeys(terms.years.tolist())):
        idx = np.flatnonzero(terms.years == year)
        months = slice(int(idx[0]), int(idx[-1]) + 1)  # a calendar year's months follow each other
        first = idx[0]
        kw = {"basic": int(terms.basic_fen[first]), "special": special, "prior": prior if k == 0 else 0}
        table = terms.withholding[first]
        out_with[..., months, :] = cumulative_withholding(gross[..., months, :], deductible[..., months, :], table,
                                                          **kw)
        if has_bonus:
            out_sep[..., months, :] = cumulative_withholding(wages[..., months, :], deductible[..., months, :],
                                                             table, **kw)
    if not has_bonus or mode == "with_wages":
        return out_with
    allowed = terms.bonus_separate
    for m in range(gross.shape[-2]):
        b = bonus[..., m, :]
        if allowed[m]:
            out_sep[..., m, :] += terms.monthly_table[m].tax(b, 12)
        else:  # separate taxation not allowed this month: the bonus is taxed with wages
            return out_with
    if mode == "separate":
        return out_sep
    # cheaper: per person and tax year, the treatment with less tax over the year
    out = out_with.copy()
    for year in dict.fromkeys(terms.years.tolist()):
        idx = np.flatnonzero(terms.years == year)
        sep_cheaper = out_sep[..., idx, :].sum(axis=-2, keepdims=True) <= out_with[..., idx, :].sum(axis=-2,
                                                                                                    keepdims=True)
        out[..., idx, :] = np.where(sep_cheaper, out_sep[..., idx, :], out_with[..., idx, :])
    return out
