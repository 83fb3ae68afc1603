"""Numbers as a person reads them, in each language: yuan, per cent, counts, headcount,
months. Every table, export, chart label and widget formats through here, so no
``2.0`` people, ``1.35e+06`` or ``3000.0`` reaches a reader.

>>> yuan(1350000), yuan(12345.675, cents=True), yuan(-80)
('¥1,350,000', '¥12,345.68', '-¥80')
>>> percent(0.7643), percent(0.05, digits=0)
('76.4%', '5%')
>>> count(3000.0), count(1234567)
('3,000', '1,234,567')
>>> headcount(2.0), headcount(0.5), headcount("2.50")
('2', '0.5', '2.5')
>>> month("2026-11", "zh"), month("2026-11", "en")
('2026年11月', 'Nov 2026')
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from .i18n import check_lang, t

__all__ = ["yuan", "money", "money_range", "percent", "count", "headcount", "number", "fixed", "month", "date", "MISSING"]

#: shown where a value is unknown or does not apply (never a 0 or "nan")
MISSING = "—"

#: whether a language groups the digits of an amount written in prose (4000元 / ¥4,000)
_PROSE_GROUPING = {"zh": False, "en": True}


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and not math.isfinite(x))


def _decimal(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _grouped(x, places: int) -> str:
    q = Decimal(1).scaleb(-places)
    return f"{abs(_decimal(x)).quantize(q, rounding=ROUND_HALF_UP):,.{places}f}"


def yuan(x, lang: str = "zh", *, cents: bool = False) -> str:
    """An amount of money: ``¥12,345`` (whole yuan, rounded half up) or ``¥12,345.67``.

    >>> yuan(0.005, cents=True), yuan(None)
    ('¥0.01', '—')
    """
    check_lang(lang)
    if _missing(x):
        return MISSING
    text = _grouped(x, 2 if cents else 0)
    negative = _decimal(x) < 0 and text.strip("0.,") != ""
    return f"{'-' if negative else ''}¥{text}"


def money(x, lang: str = "zh") -> str:
    """An amount as prose writes it: ``4000元`` in Chinese, ``¥4,000`` in English; cents
    only when there are any.

    >>> money(Decimal("1500.5"), "en"), money(1600, "zh"), money(-2.5, "zh"), money(None)
    ('¥1,500.50', '1600元', '-2.50元', '—')
    """
    check_lang(lang)
    if _missing(x):
        return MISSING
    text = _prose_digits(x, lang)
    negative = _decimal(x) < 0 and text.strip("0.,") != ""
    return f"{'-' if negative else ''}{t('fmt.money', lang, n=text)}"


def _prose_digits(x, lang: str) -> str:
    d = _decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = _grouped(d, 0 if d == d.to_integral_value() else 2)
    return text if _PROSE_GROUPING[lang] else text.replace(",", "")


def money_range(low, high, lang: str = "zh") -> str:
    """A range of amounts as prose writes it: ``1600–2000元`` / ``¥1,600–2,000``; one
    amount when both ends are equal.

    >>> money_range(1600, 2000), money_range(1600, 2000, "en"), money_range(4000, 4000)
    ('1600–2000元', '¥1,600–2,000', '4000元')
    """
    if _decimal(low) == _decimal(high):
        return money(low, lang)
    return t("fmt.money_range", lang, low=_prose_digits(low, lang), high=_prose_digits(high, lang))


def percent(x, lang: str = "zh", *, digits: int = 1) -> str:
    """A share (``0.25``) as per cent, ``25.0%``.

    >>> percent(None), percent(1.0, digits=0)
    ('—', '100%')
    """
    check_lang(lang)
    if _missing(x):
        return MISSING
    text = _grouped(_decimal(x) * 100, digits)
    return f"{'-' if _decimal(x) < 0 and text.strip('0.,') else ''}{text}%"


def count(x, lang: str = "zh") -> str:
    """A whole count with thousands separators (orders, chats, incidents).

    >>> count(2.6), count(None)
    ('3', '—')
    """
    check_lang(lang)
    if _missing(x):
        return MISSING
    text = _grouped(x, 0)
    return f"{'-' if _decimal(x) < 0 and text != '0' else ''}{text}"


def number(x, lang: str = "zh", *, digits: int = 2, signed: bool = False) -> str:
    """A plain number: at most ``digits`` decimals, trailing zeros dropped, never scientific;
    ``signed`` writes ``+`` before a positive number (a change).

    >>> number(22.0), number(0.003), number(1e-7), number(1.35e6)
    ('22', '0', '0', '1,350,000')
    >>> number(0.003, digits=4), number(6, signed=True), number(-2, signed=True), number(0, signed=True)
    ('0.003', '+6', '-2', '0')
    """
    check_lang(lang)
    if _missing(x):
        return MISSING
    text = _grouped(x, digits)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    sign = "-" if _decimal(x) < 0 else "+" if signed and _decimal(x) > 0 else ""
    return f"{sign if text != '0' else ''}{text}"


def fixed(x, lang: str = "zh", *, digits: int = 2) -> str:
    """A number with exactly ``digits`` decimals and thousands separators (amounts in a
    column of yuan, where the header says the unit).

    >>> fixed(1026003), fixed(-0.004), fixed(2.5, digits=1)
    ('1,026,003.00', '0.00', '2.5')
    """
    check_lang(lang)
    if _missing(x):
        return MISSING
    text = _grouped(x, digits)
    return f"{'-' if _decimal(x) < 0 and text.strip('0.,') else ''}{text}"


def headcount(x, lang: str = "zh", *, signed: bool = False) -> str:
    """People (FTE): ``2`` not ``2.0``; a part-time ``0.5`` stays.

    >>> headcount(Decimal("1.0")), headcount(12.25), headcount(-3.0, signed=True)
    ('1', '12.25', '-3')
    """
    return number(x, lang, digits=2, signed=signed)


def month(m: str, lang: str = "zh") -> str:
    """A plan month ``YYYY-MM`` as ``2026年11月`` / ``Nov 2026``."""
    y, mo = str(m)[:4], int(str(m)[5:7])
    return t("fmt.month", lang, y=y, name=t(f"fmt.month.{mo}", lang))


def month_short(m: str, lang: str = "zh") -> str:
    """A plan month ``YYYY-MM`` without its year, for a row of months: ``11月`` / ``Nov``.

    >>> month_short("2026-11"), month_short("2026-11", "en")
    ('11月', 'Nov')
    """
    return t(f"fmt.month.{int(str(m)[5:7])}", lang)


def date(d, lang: str = "zh") -> str:
    """A calendar date as ``2026年12月1日`` / ``1 Dec 2026``.

    >>> import datetime
    >>> date(datetime.date(2026, 12, 1), "zh"), date("2026-12-01", "en")
    ('2026年12月1日', '1 Dec 2026')
    """
    y, mo, day = (int(p) for p in str(d)[:10].split("-"))
    return t("fmt.date", lang, y=y, name=t(f"fmt.month.{mo}", lang), d=day)
