"""Plain-text tables that line up with Chinese text (wide characters take two columns).

>>> print(render([["店长", 1], ["客服专员", 5]], ["岗位", "人数"]))
岗位      人数
--------  ----
店长         1
客服专员     5
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["width", "render"]

_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?")


def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, limit: int) -> list[str]:
    """Wrap at spaces where there are any (English), anywhere in Chinese text."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for token in re.findall(r"\S+\s*|\s+", para) or [""]:
            if width(line + token.rstrip()) <= limit:
                line += token
                continue
            if line.strip():
                lines.append(line.rstrip())
                line = ""
            for ch in token:  # a token longer than a line: break it anywhere
                if width(line + ch) > limit:
                    lines.append(line)
                    line = ""
                line += ch
        lines.append(line.rstrip())
    return lines or [""]


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def render(rows, headers, max_width: int = 50) -> str:
    """Rows as an aligned table; numbers right-aligned, long cells wrapped at ``max_width``."""
    cells = [[_wrap(_cell(v), max_width) for v in row] for row in rows]
    def is_number(v) -> bool:
        return isinstance(v, (int, float)) or (isinstance(v, str) and bool(_NUMBER.fullmatch(v)))

    numeric = [all(is_number(row[i]) for row in rows) for i in range(len(headers))]
    widths = [max([width(h)] + [width(line) for row in cells for line in row[i]])
              for i, h in enumerate(headers)]

    def fmt(parts: list[str]) -> str:
        out = []
        for i, p in enumerate(parts):
            pad = " " * (widths[i] - width(p))
            out.append(pad + p if numeric[i] else p + pad)
        return "  ".join(out).rstrip()

    lines = [fmt(list(headers)), fmt(["-" * w for w in widths])]
    for row in cells:
        for k in range(max(len(c) for c in row)):
            lines.append(fmt([c[k] if k < len(c) else "" for c in row]))
    return "\n".join(lines)
