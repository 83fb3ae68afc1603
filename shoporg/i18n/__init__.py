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
"""

from __future__ import annotations

from collections.abc import Mapping

from .catalogue import WORDS

__all__ = ["LANGS", "DEFAULT_LANG", "check_lang", "t", "has", "pick", "register", "driver_name",
           "driver_unit", "WORDS"]

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`, else ``ValueError`` (the one check).

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return lang


def t(key: str, lang: str = DEFAULT_LANG, /, **fields) -> str:
    """The phrase ``key`` in ``lang``, with ``fields`` filled in.

    An unknown key is a ``KeyError`` (a missing word is a bug, not a fallback).

    >>> t("accrued", "en")
    'Accrued'
    """
    check_lang(lang)
    entry = WORDS[key]
    text = entry[lang] if isinstance(entry, Mapping) else entry[LANGS.index(lang)]
    return text.format(**fields) if fields else text


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


def driver_unit(driver: str, lang: str = DEFAULT_LANG) -> str:
    """The unit a rate on ``driver`` is quoted per (每 **拣货单** 2元); the driver name if none.

    >>> driver_unit("orders_picked", "zh"), driver_unit("orders_picked", "en")
    ('拣货单', 'order picked')
    """
    key = f"unit.{driver}"
    return t(key, lang) if key in WORDS and t(key, lang) else driver
