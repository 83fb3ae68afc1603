"""Small validated value types shared by the model and the pay components."""

from __future__ import annotations

import contextvars
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import core_schema

from .i18n import Phrase, check_lang

__all__ = ["Frozen", "Text", "TextStr", "check_text", "RoleId", "DesignId", "DriverName", "AreaCode", "Expr",
           "Money", "Amount", "Rate", "to_decimal", "MONEY_MAX", "NUMBER_MAX"]

#: The largest amount of money one value of a design may give, in yuan (一亿元): a month's
#: base, a rate per unit, a bonus, an allowance, a deduction, an on-cost bound.
MONEY_MAX = Decimal(100_000_000)
#: The largest number any converter reads (10^15): past it no count, rate or amount of a
#: shop is meant, and a value is refused before it is rounded or converted.
NUMBER_MAX = Decimal(10) ** 15


class Frozen(BaseModel):
    """Base of every model object: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def __eq__(self, other: Any) -> bool:
        # Equal when of one class with equal fields. pydantic's own comparison also checks
        # private and extra attributes, which these models never have; skipping that
        # makes comparing two large designs (a diff of thousands of roles) several times faster.
        if self is other:
            return True
        if type(other) is not type(self):
            return NotImplemented if not isinstance(other, BaseModel) else False
        return self.__dict__ == other.__dict__



def _text_from_str(value: Any) -> Any:
    return {"zh": value} if isinstance(value, str) else value


#: Texts already built, by what they were read from. A design repeats its texts (duty
#: headings, notes, names across options), and a text is immutable: one object serves
#: every place, and comparing two designs finds equal texts by identity.
_TEXTS: dict = {}
_BUILDING_ONE = contextvars.ContextVar("building_one_text", default=False)
_TEXTS_MAX = 65_536  # then started afresh: a bound on what the process keeps


def _shared_text(value: Any, build) -> Any:
    """The :class:`Text` of ``value`` (a string, or ``{"zh": ..., "en": ...}``), built once;
    ``Text(zh=...)`` itself fills the object it makes."""
    if _BUILDING_ONE.get():
        return build(_text_from_str(value))
    if isinstance(value, str):
        key = value
    elif type(value) is dict and value.keys() <= {"zh", "en"} and all(type(v) is str for v in value.values()):
        key = (value.get("zh"), value.get("en"))
    else:
        return build(_text_from_str(value))
    text = _TEXTS.get(key)
    if text is None:
        text = build(_text_from_str(value))
        if len(_TEXTS) >= _TEXTS_MAX:
            _TEXTS.clear()
        _TEXTS[key] = text
    return text


#: What a text may not hold: C0 controls but tab and line feed (a carriage return
#: alone breaks CSV rows and Word paragraphs; YAML reads CRLF line ends as line feeds); DEL
#: and the C1 controls; the bidi embeddings, overrides and isolates (U+202A–U+202E,
#: U+2066–U+2069), which make a name read differently from what it is; and U+FFFE/U+FFFF,
#: which no XML (so no .xlsx or .docx) may contain.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def check_text(value: str) -> str:
    """Refuse control characters and direction overrides in a text (names, duties...).

    >>> check_text("店长（值班）")
    '店长（值班）'
    >>> check_text("店\u202e长")
    Traceback (most recent call last):
    ...
    ValueError: holds U+202E (a direction override) at character 2; allowed: printable text, line breaks and tabs
    """
    m = _FORBIDDEN.search(value)
    if m:
        c = m.group()
        kind = "err.text_kind.bidi" if "\u202a" <= c <= "\u2069" else "err.text_kind.control"
        raise ValueError(Phrase("err.text_char", char=f"U+{ord(c):04X}", kind=Phrase(kind), at=m.start() + 1))
    return value


#: A plain text field: no control characters or direction overrides (see :func:`check_text`).
TextStr = Annotated[str, AfterValidator(check_text)]


class _TextModel(Frozen):
    zh: Annotated[str, StringConstraints(min_length=1), AfterValidator(check_text)]
    en: Annotated[str, StringConstraints(min_length=1), AfterValidator(check_text)] | None = None

    def get(self, lang: str = "zh") -> str:
        """The text in ``lang`` ('zh' or 'en'), falling back to Chinese.

        >>> Text(zh="司库", en="Storekeeper").get("en")
        'Storekeeper'
        >>> Text(zh="司库").get("en")
        '司库'
        """
        check_lang(lang)
        return getattr(self, lang) or self.zh

    def __str__(self) -> str:
        return self.zh


class Text(_TextModel):
    """A bilingual text: Chinese (the source language) and an optional English rendering.

    A plain string is read as Chinese only.

    >>> Text.model_validate("店长").zh
    '店长'
    """

    def __init__(self, /, **data: Any) -> None:
        token = _BUILDING_ONE.set(True)  # this very object is filled, never a shared one
        try:
            super().__init__(**data)
        finally:
            _BUILDING_ONE.reset(token)

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        return core_schema.no_info_wrap_validator_function(_shared_text, handler(source))

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        obj = handler.resolve_ref_schema(handler(core_schema))
        return {"oneOf": [{"type": "string", "minLength": 1, "description": "Chinese only"}, obj]}


RoleId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
DesignId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=80)]
DriverName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z]+(\.[a-z_]+)+$", max_length=64)]
Expr = Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool)
                                        else v), StringConstraints(min_length=1, max_length=500)]


def _shown(value: Any) -> Any:
    """A value as a message shows it: short, even for an integer of thousands of digits."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        n = int(value.bit_length() * 0.30103) + 1  # the digits, counted without turning it into text
        n -= abs(value) < 10 ** (n - 1)
        return {"zh": f"一个 {n} 位的整数", "en": f"an integer of {n} digits"}
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def to_decimal(value: Any, *, places: int | None = 2, minimum: Decimal | int | None = 0,
               maximum: Decimal | int | None = NUMBER_MAX) -> Decimal:
    """Read a number exactly (floats through their shortest repr), checking sign, size and places.

    A number past ``maximum`` (at most :data:`NUMBER_MAX`) is refused before it is rounded,
    so ``1e308`` or an integer of 5,000 digits is a ``ValueError`` saying what is allowed.

    >>> to_decimal(0.1) + to_decimal(0.2)
    Decimal('0.3')
    >>> to_decimal("1500")
    Decimal('1500')
    >>> to_decimal(1e308)
    Traceback (most recent call last):
    ...
    ValueError: must be <= 1000000000000000, got 1e+308
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError(Phrase("err.number", got=_shown(value)))
    limit = NUMBER_MAX if maximum is None else min(Decimal(maximum), NUMBER_MAX)
    if isinstance(value, int) and value.bit_length() > 64:  # before any conversion to text (4,300 digits at most)
        raise ValueError(Phrase("err.max", maximum=limit, got=_shown(value)))
    try:
        d = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValueError(Phrase("err.number", got=_shown(value))) from None
    if not d.is_finite():
        raise ValueError(Phrase("err.finite", got=_shown(value)))
    if minimum is not None and d < minimum:
        raise ValueError(Phrase("err.min", minimum=minimum, got=_shown(value)))
    if d > limit:
        raise ValueError(Phrase("err.max", maximum=limit, got=_shown(value)))
    if d < -limit:
        raise ValueError(Phrase("err.min", minimum=-limit, got=_shown(value)))
    if places is not None and d != d.quantize(Decimal(1).scaleb(-places)):
        raise ValueError(Phrase("err.places", places=places, got=_shown(value)))
    # 4000.0 and 4000 are the same amount; keep integers integral so files stay tidy.
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def _money(value: Any) -> Decimal:
    return to_decimal(value, places=2, maximum=MONEY_MAX)


def _amount(value: Any) -> Decimal | tuple[Decimal, Decimal]:
    if isinstance(value, (list, tuple)):
        if len(value) != 2:
            raise ValueError(Phrase("err.range_len", n=len(value)))
        lo, hi = _money(value[0]), _money(value[1])
        if lo > hi:
            raise ValueError(Phrase("err.range_order", low=value[0], high=value[1]))
        return (lo, hi)
    try:
        return _money(value)
    except ValueError as e:
        raise ValueError(Phrase("err.amount", reason=e.args[0])) from None


_NUMBER_SCHEMA = {"type": "number", "minimum": 0, "maximum": int(MONEY_MAX)}
Money = Annotated[Decimal, BeforeValidator(_money), WithJsonSchema(_NUMBER_SCHEMA)]
Amount = Annotated[Any, BeforeValidator(_amount), WithJsonSchema({
    "oneOf": [_NUMBER_SCHEMA, {"type": "array", "items": _NUMBER_SCHEMA, "minItems": 2, "maxItems": 2}]})]
Rate = Annotated[Decimal, BeforeValidator(lambda v: to_decimal(v, places=6, maximum=1)),
                 Field(le=1), WithJsonSchema({"type": "number", "minimum": 0, "maximum": 1})]
