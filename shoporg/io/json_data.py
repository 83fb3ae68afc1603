"""A design as compact JSON: the data a workbook keeps in its hidden sheet.

JSON is read and written by the standard library's C code, tens of times faster than
YAML for a design of thousands of roles, and it is YAML too (a flow mapping), so a
reader that takes the sheet's text as YAML still reads it. Reading is strict as the YAML
loader is: a key given twice, ``NaN`` or ``Infinity``, a number past what Python reads,
or nesting past the recursion limit is a located error, never a silently odd value.

>>> from shoporg import load_template
>>> text = dumps({"id": "店", "n": [1, 2.5, None]})
>>> text, loads(text, "x.xlsx!_shoporg")
('{"id":"店","n":[1,2.5,null]}', {'id': '店', 'n': [1, 2.5, None]})
>>> loads('{"a": 1, "a": 2}', "x.xlsx!_shoporg")
Traceback (most recent call last):
...
shoporg.errors.DesignFileError: x.xlsx!_shoporg: key 'a' is given twice; allowed: each key once
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import DesignFileError
from ..i18n import Phrase

__all__ = ["dumps", "loads", "looks_like_json"]


def dumps(data: Any) -> str:
    """``data`` (plain lists, dicts, text and numbers) as one line of JSON, Chinese as Chinese."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def looks_like_json(text: str) -> bool:
    """Whether ``text`` is a JSON object (what :func:`dumps` writes of a design), not YAML.

    >>> looks_like_json('{"a":1}'), looks_like_json("schema: shoporg/design-v1")
    (True, False)
    """
    return text.lstrip()[:1] == "{"


def _pairs(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(Phrase("err.json_duplicate", key=repr(key)))
        out[key] = value
    return out


def _constant(name: str):
    raise _Refused(Phrase("err.json_constant", what=name))


class _Refused(Exception):
    def __init__(self, phrase: Phrase):
        self.phrase = phrase


def loads(text: str, file: str) -> Any:
    """The data of ``text``, or a :class:`~shoporg.errors.DesignFileError` naming ``file``
    and, for broken JSON, the line and column."""
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except _Refused as e:
        raise DesignFileError(e.phrase, file=file) from None
    except json.JSONDecodeError as e:
        raise DesignFileError(Phrase("err.json_broken", column=e.colno), file=file, line=e.lineno) from None
    except (ValueError, RecursionError):  # an integer of thousands of digits; nesting past the limit
        raise DesignFileError(Phrase("err.json_too_large"), file=file) from None
