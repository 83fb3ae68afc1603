"""The client block: who a deliverable is for and who made it (client, project,
consultant, date, version). It sits on a design (``client:`` in the design file) or is
given to an export; covers, headers, footers and file names are made from it.

>>> b = ClientBlock.of({"client": "某旗舰店", "project": "客服中心组织设计", "version": "V1.2"})
>>> b.heading("zh")
'某旗舰店 · 客服中心组织设计'
>>> file_stem(b, "方案B")
'某旗舰店-方案B'
>>> file_stem(ClientBlock(), "Option A/B: draft?")
'Option A-B draft'
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationError, field_validator

from ._types import Frozen, TextStr
from .errors import DesignFileError, DesignValidationError
from .i18n import Phrase

__all__ = ["ClientBlock", "file_stem", "FIELDS"]

#: The block's fields, in the order covers list them.
FIELDS = ("client", "project", "consultant", "date", "version")


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value or "\t" in value:
        raise ValueError(Phrase("err.client_one_line"))
    return value.strip()


Line = Annotated[TextStr, AfterValidator(_one_line), Field(max_length=80)]


class ClientBlock(Frozen):
    """Who a deliverable is for. Every field may be empty; ``date`` is ``YYYY-MM-DD``
    (empty: the day the file is written)."""

    client: Line = ""
    project: Line = ""
    consultant: Line = ""
    date: Annotated[str, Field(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = ""
    version: Annotated[Line, Field(max_length=20)] = ""

    @field_validator("date", mode="before")
    @classmethod
    def _iso(cls, v: Any) -> Any:
        return v.isoformat() if hasattr(v, "isoformat") else v  # YAML reads 2026-12-01 as a date

    @classmethod
    def of(cls, value, design=None) -> "ClientBlock":
        """A block from ``None``, a client's name, a mapping or a block; where the value is
        ``None`` the design's own block (when it has one).

        >>> ClientBlock.of("某旗舰店").client
        '某旗舰店'
        """
        if value is None:
            value = getattr(design, "client", None)
        if value is None:
            return cls()
        if isinstance(value, ClientBlock):
            return value
        if isinstance(value, str):
            return cls(client=value)
        if isinstance(value, Mapping):
            from .validation import problems_from_pydantic

            try:
                return cls.model_validate(dict(value))
            except ValidationError as e:  # located like ``client.date``
                raise DesignValidationError([replace(p, location=f"client.{p.location}".rstrip("."))
                                             for p in problems_from_pydantic(e, cls)]) from None
        raise DesignFileError(Phrase("err.client_block", got=type(value).__name__))

    def shown_date(self, lang: str = "zh") -> str:
        """The date as a reader writes it (today's when the block has none).

        >>> ClientBlock(date="2026-12-01").shown_date("en")
        '1 Dec 2026'
        """
        from . import fmt

        return fmt.date(self.date or _dt.date.today(), lang)

    def heading(self, lang: str = "zh") -> str:
        """Client and project on one line, for a running header ('' when both are empty)."""
        return " · ".join(x for x in (self.client, self.project) if x)

    def __bool__(self) -> bool:
        return any(getattr(self, k) for k in FIELDS)


_UNSAFE = re.compile(r'[<>:"/\\|?*]+')


def _safe(text: str) -> str:
    """``text`` as part of a file name on Windows, macOS and Linux."""
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"\s+", " ", re.sub(r"-+\s", " ", text)).strip(" .-")
    return text[:60].rstrip(" .-")


def file_stem(block: ClientBlock | None, option: str = "", fallback: str = "shoporg") -> str:
    """A file name without suffix: ``{client}-{option}``, either part left out when empty,
    ``fallback`` when both are; characters no file system takes become ``-``.

    >>> file_stem(ClientBlock(client="某店"), "")
    '某店'
    >>> file_stem(None, "", fallback="seed-14-basic-22")
    'seed-14-basic-22'
    """
    parts = [_safe(x) for x in ((block.client if block else ""), option)]
    stem = "-".join(p for p in parts if p)
    return stem or _safe(fallback) or "shoporg"
