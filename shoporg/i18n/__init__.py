"""Every word a person reads, in Chinese (the source language) and English.

One catalogue: a key names a phrase, each language has its text, and ``{name}`` fields
are filled in when it is looked up. Nothing outside this package branches on the
language to pick a word; code asks for a key in a language.

>>> t("total", "zh"), t("total", "en")
('合计', 'Total')
>>> t("people_count", "zh", n=3), t("people_count", "en", n=3)
('3人', '3 people')
>>> check_lang("fr")
Traceback (most recent call last):
...
ValueError: lang must be one of zh, en, got 'fr'

A :class:`Phrase` is a key with its fields, worded later in whichever language is asked
for; errors keep one, so the Chinese UI can show them in Chinese.

>>> p = Phrase("people_count", n=3)
>>> p.text("zh"), str(p)
('3人', '3 people')
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .catalogue import WORDS

__all__ = ["LANGS", "DEFAULT_LANG", "check_lang", "t", "has", "pick", "register", "driver_name",
           "driver_unit", "quoted_driver", "listed_drivers", "Phrase", "both", "words", "expression_text", "WORDS"]

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`, else ``ValueError`` (the one check).

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(Phrase("err.lang", allowed=", ".join(LANGS), got=repr(lang)))
    return lang


def _field(value, lang: str):
    """A field as it reads in ``lang``: a phrase is worded, a ``{"zh", "en"}`` mapping or a
    bilingual text gives its ``lang`` text; anything else is used as it is."""
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, Mapping) and all(k in value for k in LANGS):
        return value[lang]
    if hasattr(value, "zh") and callable(getattr(value, "get", None)):
        return value.get(lang)
    return value


def t(key: str, lang: str = DEFAULT_LANG, /, **fields) -> str:
    """The phrase ``key`` in ``lang``, with ``fields`` filled in.

    An unknown key is a ``KeyError`` (a missing word is a bug, not a fallback).

    >>> t("accrued", "en")
    'Accrued'
    """
    check_lang(lang)
    entry = WORDS[key]
    text = entry[lang] if isinstance(entry, Mapping) else entry[LANGS.index(lang)]
    return text.format(**{k: _field(v, lang) for k, v in fields.items()}) if fields else text


class Phrase:
    """A catalogue key and its fields, worded when a language is chosen; ``str()`` is the
    English text (the language of logs and of ``str(error)``).

    Fields may themselves be phrases, ``{"zh", "en"}`` mappings or bilingual texts: each
    is worded in the phrase's language.

    >>> Phrase("people_count", n={"zh": "三", "en": "three"}).text("zh")
    '三人'
    >>> Phrase("no such key")
    Traceback (most recent call last):
    ...
    KeyError: 'no such key'
    """

    __slots__ = ("key", "fields")

    def __init__(self, key: str, /, **fields):
        if key not in WORDS:
            raise KeyError(key)
        self.key, self.fields = key, fields

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The phrase in ``lang``."""
        return t(self.key, lang, **self.fields)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}{''.join(f', {k}={v!r}' for k, v in self.fields.items())})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Phrase) and (self.key, self.fields) == (other.key, other.fields)

    __hash__ = None  # fields may be unhashable


def words(items, lang: str = DEFAULT_LANG) -> str:
    """Items listed as a sentence lists them: ``甲、乙`` / ``a, b`` (each item worded in ``lang``).

    >>> words(["售前", "售后"], "zh"), words([{"zh": "甲", "en": "A"}, "B"], "en")
    ('售前、售后', 'A, B')
    """
    return t("sep.list", lang).join(str(_field(x, lang)) for x in items)


def both(key: str) -> dict[str, str]:
    """The phrase ``key`` in every language, as a ``{"zh": ..., "en": ...}`` mapping.

    >>> both("total")
    {'zh': '合计', 'en': 'Total'}
    """
    return {lang: t(key, lang) for lang in LANGS}


def has(key: str) -> bool:
    """Whether the catalogue holds ``key``.

    >>> has("total"), has("no such key")
    (True, False)
    """
    return key in WORDS


def pick(texts: Mapping[str, str] | tuple[str, str], lang: str = DEFAULT_LANG) -> str:
    """One language's text from a ``{"zh": ..., "en": ...}`` mapping or a ``(zh, en)`` pair,
    for words that live beside what they describe (a pay kind's own words).

    >>> pick({"zh": "底薪", "en": "Base pay"}, "en"), pick(("底薪", "Base pay"), "zh")
    ('Base pay', '底薪')
    """
    check_lang(lang)
    return texts[lang] if isinstance(texts, Mapping) else texts[LANGS.index(lang)]


def register(entries: Mapping[str, Mapping[str, str]]) -> None:
    """Add phrases to the catalogue (each ``{"zh": ..., "en": ...}``); a key may be added once.

    >>> register({"doc_example_word": {"zh": "示例", "en": "example"}})
    >>> t("doc_example_word", "zh")
    '示例'
    """
    for key, entry in entries.items():
        if key in WORDS and WORDS[key] != entry:
            raise ValueError(f"the catalogue already holds {key!r}")
        missing = [lang for lang in LANGS if not entry.get(lang)]
        if missing:
            raise ValueError(f"phrase {key!r} lacks {', '.join(missing)}")
        WORDS[key] = dict(entry)


def driver_name(driver: str, lang: str = DEFAULT_LANG) -> str:
    """A business driver's name as a person reads it (``negative_reviews`` → 差评数).

    A name the catalogue does not know is shown as written.

    >>> driver_name("negative_reviews", "zh"), driver_name("negative_reviews", "en")
    ('差评数', 'negative reviews')
    >>> driver_name("my_driver", "zh")
    'my_driver'
    """
    key = f"driver.{driver}"
    return t(key, lang) if key in WORDS else driver


def quoted_driver(driver: str) -> dict[str, str]:
    """A driver named in a message (a phrase field): by its name in Chinese, by its id as a
    file writes it in English.

    >>> quoted_driver("negative_reviews")
    {'zh': '“差评数”', 'en': "'negative_reviews'"}
    """
    return {"zh": f"“{driver_name(driver, 'zh')}”", "en": repr(driver)}


def listed_drivers(drivers) -> dict[str, str]:
    """Drivers listed in a message (a phrase field): their names in Chinese, their ids in English.

    >>> listed_drivers(["orders", "revenue"])
    {'zh': '订单数、营业额（元）', 'en': 'orders, revenue'}
    """
    drivers = list(drivers)
    return {"zh": words([driver_name(d, "zh") for d in drivers], "zh"), "en": ", ".join(drivers)}


def driver_unit(driver: str, lang: str = DEFAULT_LANG) -> str:
    """The unit a rate on ``driver`` is quoted per (每 **拣货单** 2元); the driver name if none.

    >>> driver_unit("orders_picked", "zh"), driver_unit("orders_picked", "en")
    ('拣货单', 'order picked')
    """
    key = f"unit.{driver}"
    return t(key, lang) if key in WORDS and t(key, lang) else driver


_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d*)?|\.\d+|==|!=|<=|>=|\S")
_COMPARISONS = frozenset({"==", "!=", "<", ">", "<=", ">="})
_NUMBER = re.compile(r"\d+(?:\.\d*)?|\.\d+")

#: Drivers that are shares (1 means 100%): a number compared with one is written as a percent.
SHARE_DRIVERS = frozenset({"attainment"})


def _percent(number: str) -> str:
    """``1.05`` → ``105%`` (exact: a decimal, not a float).

    >>> _percent("1"), _percent("0.955")
    ('100%', '95.5%')
    """
    from decimal import Decimal

    return f"{(Decimal(number) * 100).normalize():f}%"


def expression_text(expr: str, lang: str = DEFAULT_LANG) -> str:
    """A pay condition or amount as a person reads it: driver names in words, operators as
    symbols (``store_incidents == 0`` → ``库房问题或意外次数 = 0``), and a number compared with
    a share as a percent.

    >>> expression_text("negative_reviews == 0 and complaints < 50", "zh")
    '差评数 = 0 且 投诉回复跟进次数 < 50'
    >>> expression_text("min(orders_picked, 5000) >= 1", "en")
    'the smaller of (orders picked, 5000) ≥ 1'
    >>> expression_text("attainment >= 1", "zh"), expression_text("0.8 <= attainment", "en")
    ('计划营业额达成率 ≥ 100%', '80% ≤ attainment of the sales plan')
    """
    check_lang(lang)
    tokens = _TOKEN.findall(str(expr))
    shown = []
    for i, token in enumerate(tokens):
        if _NUMBER.fullmatch(token) and _compared_with_share(tokens, i):
            shown.append(_percent(token))
        elif f"expr.{token}" in WORDS:  # an operator or function has its word
            shown.append(t(f"expr.{token}", lang))
        else:  # any other token is a driver (or a number) by name
            shown.append(driver_name(token, lang))
    return re.sub(r"\( ", "(", re.sub(r" ([),])", r"\1", " ".join(shown)))


def _compared_with_share(tokens: list[str], i: int) -> bool:
    """Whether the number ``tokens[i]`` stands on one side of a comparison with a share."""
    return ((i >= 2 and tokens[i - 1] in _COMPARISONS and tokens[i - 2] in SHARE_DRIVERS)
            or (i + 2 < len(tokens) and tokens[i + 1] in _COMPARISONS and tokens[i + 2] in SHARE_DRIVERS))
