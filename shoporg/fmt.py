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

from .i18n import check_lang

__all__ = ["yuan", "percent", "count", "headcount", "number", "month", "date", "MISSING"]

#: shown where a value is unknown or does not apply (never a 0 or "nan")
MISSING = "—"

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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


def number(x, lang: str = "zh", *, digits: int = 2) -> str:
    """A plain number: at most ``digits`` decimals, trailing zeros dropped, never scientific.

    >>> number(22.0), number(0.003), number(1e-7), number(1.35e6)
    ('22', '0', '0', '1,350,000')
    >>> number(0.003, digits=4)
    '0.003'
    """
    check_lang(lang)
    if _missing(x):
        return MISSING
    text = _grouped(x, digits)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{'-' if _decimal(x) < 0 and text != '0' else ''}{text}"


def headcount(x, lang: str = "zh") -> str:
    """People (FTE): ``2`` not ``2.0``; a part-time ``0.5`` stays.

    >>> headcount(Decimal("1.0")), headcount(12.25)
    ('1', '12.25')
    """
    return number(x, lang, digits=2)


def month(m: str, lang: str = "zh") -> str:
    """A plan month ``YYYY-MM`` as ``2026年11月`` / ``Nov 2026``."""
    check_lang(lang)
    y, mo = str(m)[:4], int(str(m)[5:7])
    return f"{y}年{mo}月" if lang == "zh" else f"{_MONTHS_EN[mo - 1]} {y}"


def date(d, lang: str = "zh") -> str:
    """A calendar date as ``2026年12月1日`` / ``1 Dec 2026``.

    >>> import datetime
    >>> date(datetime.date(2026, 12, 1), "zh"), date("2026-12-01", "en")
    ('2026年12月1日', '1 Dec 2026')
    """
    check_lang(lang)
    y, mo, day = (int(p) for p in str(d)[:10].split("-"))
    return f"{y}年{mo}月{day}日" if lang == "zh" else f"{day} {_MONTHS_EN[mo - 1]} {y}"
