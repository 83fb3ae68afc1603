"""Individual income tax: cumulative withholding and the annual one-off bonus.

The two wage levels are the worked examples of 国家税务总局's reading (解读) of
国家税务总局公告2018年第61号 (个人所得税扣缴申报管理办法（试行）): an employee paid 10,000
yuan a month with 1,500 of 三险一金 and a 1,000 child-education deduction withholds 75 yuan
in each of January to March; one paid 30,000 with 4,500 of 三险一金 and 2,000 of special
additional deductions withholds 555, 625 and 1,850. The published examples stop at March;
the later months follow the same announcement's formula, worked by hand below.
"""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shoporg.employment.income_tax import bonus_tax_separate, brackets, cumulative_withholding
from shoporg.employment.params import load_pack

PACKS = Path(__file__).parent / "params" / "cn"
NATIONAL = load_pack("national", root=PACKS)
TABLE = brackets(NATIONAL.fact("tax.withholding_brackets", on="2026-01").value)
MONTHLY = brackets(NATIONAL.fact("tax.monthly_brackets", on="2026-01").value, "tax.monthly_brackets")


def yuan(fen):
    return [round(int(x) / 100, 2) for x in np.ravel(fen)]


def withheld(gross, contributions, special):
    months = np.full((12, 1), gross * 100, dtype=np.int64)
    return yuan(cumulative_withholding(months, np.full((12, 1), contributions * 100), TABLE, special=special * 100))


def test_ten_thousand_a_month_withholds_75_each_month():
    # published: 75 in January, February and March; the cumulative taxable income reaches
    # 2,500 × 12 = 30,000 in December, still in the 3% bracket, so 75 every month
    assert withheld(10000, 1500, 1000) == [75.0] * 12


def test_thirty_thousand_a_month_crosses_two_brackets():
    tax = withheld(30000, 4500, 2000)
    assert tax[:3] == [555.0, 625.0, 1850.0]  # the published months
    # by hand: 18,500 taxable a month; cumulative 148,000 in August passes 144,000 (20%, 16,920):
    # August 148,000 × 20% − 16,920 − 10,430 already withheld = 2,250; then 18,500 × 20% = 3,700 a month
    assert tax[3:] == [1850.0, 1850.0, 1850.0, 1850.0, 2250.0, 3700.0, 3700.0, 3700.0, 3700.0]
    assert sum(tax) == 222000 * 0.20 - 16920


def test_no_tax_below_the_basic_deduction_and_no_refund():
    # 8,000 in January then nothing: January withholds (8,000 − 5,000) × 3% = 90, later months 0 (no refund)
    gross = np.array([800000] + [0] * 11)[:, None]
    assert yuan(cumulative_withholding(gross, np.zeros((12, 1), dtype=np.int64), TABLE)) == [90.0] + [0.0] * 11


def test_prior_months_count_in_the_cumulative_method():
    # a plan starting in July for someone paid 30,000 since January: July is the 7th month, cumulative
    # taxable 129,500 × 10% − 2,520 = 10,430 due, of which 8,580 was withheld January–June
    gross = np.full((6, 1), 3000000)
    tax = cumulative_withholding(gross, np.full((6, 1), 450000), TABLE, special=200000, prior=6)
    assert yuan(tax) == [1850.0, 2250.0, 3700.0, 3700.0, 3700.0, 3700.0]


def test_annual_bonus_separately_at_the_bracket_edges():
    # 36,000 ÷ 12 = 3,000: 3%, 1,080; one yuan more crosses into 10% less 210: 3,390.10 (the known cliff)
    assert yuan(bonus_tax_separate(np.array([3600000, 3600100]), MONTHLY)) == [1080.0, 3390.10]


def test_annual_bonus_both_ways_the_cheaper_shown():
    from shoporg.employment.chain import chain
    from shoporg.employment.terms import resolve_terms

    terms = resolve_terms(load_pack("测试市", root=PACKS), [f"2026-{m:02d}" for m in range(1, 13)])
    wages = np.full((12, 1), 1000000, dtype=np.int64)
    bonus = np.zeros((12, 1), dtype=np.int64)
    bonus[11] = 3600000  # 36,000 in December
    gross = wages + bonus
    sep = chain(gross, wages, terms, bonus=bonus, bonus_mode="separate")
    withw = chain(gross, wages, terms, bonus=bonus, bonus_mode="with_wages")
    cheap = chain(gross, wages, terms, bonus=bonus, bonus_mode="cheaper")
    plain = chain(wages, wages, terms)
    # separately: the wages' own tax plus 36,000 × 3% = 1,080 in December
    assert int(sep["tax"].sum()) == int(plain["tax"].sum()) + 108000
    # with wages: December's cumulative taxable rises by 36,000 and the whole year is re-taxed
    assert int(withw["tax"].sum()) > int(sep["tax"].sum())
    assert int(cheap["tax"].sum()) == min(int(sep["tax"].sum()), int(withw["tax"].sum()))


def test_low_wage_bonus_is_cheaper_with_wages():
    # 4,000 a month, nothing deducted: 12,000 of basic deduction unused by December, so a 20,000 bonus
    # with wages is taxed on 8,000 (240), separately on all of it (20,000 ÷ 12 in the 3% bracket: 600)
    gross = np.full((12, 1), 400000, dtype=np.int64)
    gross[11] += 2000000
    with_wages = cumulative_withholding(gross, np.zeros_like(gross), TABLE)
    assert yuan(with_wages.sum()) == [240.0]
    assert yuan(bonus_tax_separate(np.array([2000000]), MONTHLY)) == [600.0]


@given(st.integers(0, 20_000_000), st.integers(0, 2_000_000))
def test_withholding_is_monotone_in_the_wage(wage, more):
    low = cumulative_withholding(np.full((12, 1), wage), np.zeros((12, 1), dtype=np.int64), TABLE).sum()
    high = cumulative_withholding(np.full((12, 1), wage + more), np.zeros((12, 1), dtype=np.int64), TABLE).sum()
    assert high >= low >= 0


def test_a_table_must_end_unbounded():
    from shoporg.employment.params import EmploymentError
    with pytest.raises(EmploymentError, match="brackets"):
        brackets([{"upto": 3000, "rate": 0.03, "quick_deduction": 0}])
