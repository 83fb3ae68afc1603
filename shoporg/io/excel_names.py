"""Sheet names that carry an option's name: at most 31 characters, none of Excel's
forbidden ``[]:*?/\\``, unique in the workbook (case does not tell sheets apart in Excel).

>>> taken = set()
>>> sheet_title("岗位职责表", "方案B", taken), sheet_title("薪酬测算", "A/B: 草案?", taken)
('岗位职责表-方案B', '薪酬测算-A-B 草案')
>>> sheet_title("岗位职责表", "方案B", taken)
'岗位职责表-方案B 2'
>>> len(sheet_title("Roles", "x" * 40, taken))
31
"""

from __future__ import annotations

import re

__all__ = ["sheet_title", "MAX_TITLE"]

MAX_TITLE = 31
_FORBIDDEN = re.compile(r"\s*[\[\]:*?/\\]+\s*")


def _clean(text: str) -> str:
    text = _FORBIDDEN.sub(lambda m: "-" if m.group(0).strip() in "/\\" else " ", text)
    return re.sub(r"\s+", " ", text).strip(" '-")  # Excel refuses a name that starts or ends with '


def sheet_title(base: str, option: str | None, taken: set[str]) -> str:
    """``base`` (the sheet's kind) with ``option``'s name, shortened to fit and made unique
    against ``taken`` (to which it is added)."""
    title = _clean(base if not option else f"{base}-{option}")[:MAX_TITLE].rstrip(" -") or _clean(base)
    out, n = title, 1
    while out.casefold() in {t.casefold() for t in taken}:
        n += 1
        tail = f" {n}"
        out = title[:MAX_TITLE - len(tail)].rstrip(" -") + tail
    taken.add(out)
    return out
