"""Sheet names that carry an option's name: at most 31 characters, none of Excel's
forbidden ``[]:*?/\\``, unique in the workbook (case does not tell sheets apart in Excel).

>>> taken = set()
>>> sheet_title("岗位职责表", "方案B", taken), sheet_title("薪酬测算", "A/B: 草案?", taken)
('岗位职责表-方案B', '薪酬测算-A-B 草案')
>>> sheet_title("岗位职责表", "方案B", taken)
'岗位职责表-方案B 2'
>>> len(sheet_title("Roles", "x" * 40, taken))
31

A name too long keeps its end where the options differ (``…（方案B）``, ``… (Option B)``):

>>> sheet_title("Roles", "Basic online-shop staffing and duties (Option B)", taken)
'Roles-Basic online-s…(Option B)'
"""

from __future__ import annotations

import re

__all__ = ["sheet_title", "MAX_TITLE"]

MAX_TITLE = 31
_FORBIDDEN = re.compile(r"\s*[\[\]:*?/\\]+\s*")


def _clean(text: str) -> str:
    text = _FORBIDDEN.sub(lambda m: "-" if m.group(0).strip() in "/\\" else " ", text)
    return re.sub(r"\s+", " ", text).strip(" '-")  # Excel refuses a name that starts or ends with '


_TAIL = re.compile(r"\s*[(（][^()（）]*[)）]$")  # a closing bracket: the part that tells options apart


def _short(name: str, room: int) -> str:
    """``name`` in at most ``room`` characters: its bracketed end kept whole where it has one
    (the option's label), the start cut with "…"."""
    if len(name) <= room:
        return name
    tail = _TAIL.search(name)
    if tail and len(tail.group(0).strip()) < room - 4:
        end = tail.group(0).strip()
        return name[:room - len(end) - 1].rstrip(" -") + "…" + end
    return name[:room].rstrip(" -")


def sheet_title(base: str, option: str | None, taken: set[str]) -> str:
    """``base`` (the sheet's kind) with ``option``'s name, shortened to fit and made unique
    against ``taken`` (to which it is added)."""
    base = _clean(base)
    if option:
        option = _short(_clean(option), MAX_TITLE - len(base) - 1)
    title = (f"{base}-{option}" if option else base)[:MAX_TITLE].rstrip(" -") or base
    out, n = title, 1
    while out.casefold() in {t.casefold() for t in taken}:
        n += 1
        tail = f" {n}"
        out = title[:MAX_TITLE - len(tail)].rstrip(" -") + tail
    taken.add(out)
    return out
