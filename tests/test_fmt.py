"""The formatter at its edges: negative, zero, missing, NaN, huge and tiny numbers; no
scientific notation and no ``2.0`` people anywhere."""

import math
import re
from decimal import Decimal

import pytest

from shoporg import fmt

FUNCS = (fmt.yuan, fmt.money, fmt.percent, fmt.count, fmt.number, fmt.headcount, fmt.fixed)
HUGE = (1e15, 12345678901234567890, Decimal("1E+20"), 1.35e6, 2.2e1)
TINY = (1e-9, -1e-9, 0.004, -0.004, 1.23e-7)


@pytest.mark.parametrize("func", FUNCS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", [None, float("nan"), float("inf"), float("-inf")])
def test_missing_values_show_a_dash(func, value):
    assert func(value) == fmt.MISSING == "—"


@pytest.mark.parametrize("func", FUNCS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", HUGE + TINY + (0, 0.0, -0.0, Decimal("0.00"), -1234.5, 3000.0))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_never_scientific_never_nan_never_minus_zero(func, value, lang):
    text = func(value, lang)
    assert not re.search(r"\d[eE][+-]?\d|nan|inf", text), text
    assert not re.match(r"-(¥)?0([.,]0*)?(元|%)?$", text), text  # a rounded-away amount has no sign


def test_zero():
    assert (fmt.yuan(0), fmt.yuan(0, cents=True), fmt.money(0), fmt.percent(0), fmt.count(0), fmt.number(0),
            fmt.headcount(0), fmt.fixed(0)) == ("¥0", "¥0.00", "0元", "0.0%", "0", "0", "0", "0.00")


def test_negative():
    assert fmt.yuan(-80) == "-¥80" and fmt.yuan(-1234.567, cents=True) == "-¥1,234.57"
    assert fmt.money(-2.5) == "-2.50元" and fmt.money(-2.5, "en") == "-¥2.50"
    assert fmt.percent(-0.25) == "-25.0%" and fmt.count(-1234567) == "-1,234,567"
    assert fmt.number(-17) == "-17" and fmt.headcount(-0.5) == "-0.5" and fmt.fixed(-0.5) == "-0.50"
    assert fmt.number(-2, signed=True) == "-2" and fmt.number(3, signed=True) == "+3"


def test_huge():
    assert fmt.yuan(1.35e6) == "¥1,350,000" and fmt.count(12345678901234567890) == "12,345,678,901,234,567,890"
    assert fmt.number(1e15) == "1,000,000,000,000,000" and fmt.yuan(Decimal("1E+20")) == "¥" + "100," + "000," * 5 + "000"
    assert fmt.money(1e15, "zh") == "1000000000000000元" and fmt.money(1e15, "en") == "¥1,000,000,000,000,000"
    assert fmt.percent(123.45) == "12,345.0%"


def test_tiny():
    assert fmt.number(1e-9) == "0" and fmt.number(0.004) == "0" and fmt.number(0.004, digits=3) == "0.004"
    assert fmt.yuan(0.004, cents=True) == "¥0.00" and fmt.yuan(0.005, cents=True) == "¥0.01"
    assert fmt.money(1e-9) == "0元" and fmt.money(0.004) == "0元" and fmt.money(0.005) == "0.01元"
    assert fmt.percent(0.00004) == "0.0%" and fmt.percent(0.0005) == "0.1%"
    assert fmt.headcount(1.23e-7) == "0"


def test_people_read_as_people():
    assert [fmt.headcount(x) for x in (2.0, Decimal("1.0"), 0.5, "2.50", 12.25, 3000.0)] == [
        "2", "1", "0.5", "2.5", "12.25", "3,000"]
    assert fmt.number(22.0) == "22" and fmt.count(3000.0) == "3,000" and fmt.count(2.5) == "3"


def test_rounding_is_half_up_not_to_even():
    assert fmt.yuan(2.5) == "¥3" and fmt.yuan(3.5) == "¥4" and fmt.yuan(0.125, cents=True) == "¥0.13"
    assert fmt.fixed(1.005) == "1.01" and fmt.percent(0.0125) == "1.3%"


def test_ranges_months_and_dates():
    assert fmt.money_range(1600, 2000) == "1600–2000元" and fmt.money_range(1600, 2000, "en") == "¥1,600–2,000"
    assert fmt.money_range(1500.5, 1500.5, "en") == "¥1,500.50"
    assert [fmt.month(m, "zh") for m in ("2026-01", "2026-12")] == ["2026年1月", "2026年12月"]
    assert [fmt.month(m, "en") for m in ("2026-01", "2026-12")] == ["Jan 2026", "Dec 2026"]
    assert fmt.date("2026-02-28", "zh") == "2026年2月28日" and fmt.date("2026-02-28", "en") == "28 Feb 2026"


def test_every_formatter_checks_the_language():
    for func in FUNCS:
        with pytest.raises(ValueError, match="lang must be one of zh, en"):
            func(1, "fr")
    with pytest.raises(ValueError, match="lang must be"):
        fmt.month("2026-01", "de")


def test_float_noise_does_not_show():
    assert fmt.fixed(0.1 + 0.2) == "0.30" and fmt.number(0.1 + 0.2) == "0.3"
    assert fmt.yuan(math.fsum([0.1] * 10), cents=True) == "¥1.00"
