"""Column widths from the text a table holds: each column as wide as its longest line
where all fit, else at least its longest word and the rest shared by need.

>>> widths = column_widths([["名称", "说明"], ["总监", "统筹下属岗位的整体工作，并监督执行"]], 120)
>>> [round(w) for w in widths], round(sum(widths))
([19, 101], 120)
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["TABLE_PT", "column_widths", "text_width", "natural_width"]

TABLE_PT = 8.5
"""The size of table text (points)."""
#: the Latin characters narrower than 0.6 em: digits, and the marks between them
_NARROW = dict.fromkeys("0123456789", 0.56) | dict.fromkeys(",.:;' ", 0.3)
_NO_WRAP_MM = 26.0
_CELL_PAD_MM = 1.9 * 2 + 1.0  # Word's default cell margins, left and right, and a little air
_PT_MM = 25.4 / 72
#: a run a line does not break inside: Latin letters, digits and their signs (CJK breaks anywhere)
_UNBROKEN = re.compile(r"[^\s\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F]+")


def text_width(text: str, size: float = TABLE_PT) -> float:
    """Width of one line in mm: a wide (CJK) character is one em, a Latin letter about
    0.6 em (Microsoft YaHei's; the sans a viewer puts in its place is as wide), a digit
    0.56; Word and LibreOffice put a quarter em between Chinese and Latin or digits.

    >>> round(text_width("电商总监", 9), 1), round(text_width("Director", 9), 1), round(text_width("2026年11月", 9), 1)
    (12.7, 15.2, 19.4)
    """
    ems, last = 0.0, None
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WF"
        ems += 1.0 if wide else _NARROW.get(ch, 0.6)
        kind = "cjk" if wide else "latin" if ch.isalnum() else None
        if kind and last and kind != last:
            ems += 0.25
        last = kind or last
    return size * _PT_MM * ems


def natural_width(cells, size: float) -> float:
    return max(max((text_width(line, size) for line in str(c).split("\n")), default=0.0) for c in cells) + _CELL_PAD_MM


def _least(cells, size: float) -> float:
    """The narrowest a column should be: its longest word, and four Chinese characters."""
    natural = natural_width(cells, size)
    if natural <= _NO_WRAP_MM:  # a short column is never wrapped
        return natural
    longest = max((text_width(w, size) for c in cells for w in _UNBROKEN.findall(str(c))), default=0.0)
    return min(max(longest, 4 * size * _PT_MM) + _CELL_PAD_MM, natural)


def column_widths(rows, total: float, *, shares: dict | None = None, size: float = TABLE_PT) -> list[float]:
    """Column widths (mm) summing to ``total``: each column as wide as its longest line
    where all fit (the spare room shared by need); else each at least its longest word
    (four characters of Chinese) and the rest shared by what each needs beyond that.
    ``shares`` fixes a column's share of ``total`` (the duties: about half)."""
    cols = list(zip(*rows))
    fixed = {i: total * s for i, s in (shares or {}).items()}
    free = [i for i in range(len(cols)) if i not in fixed]
    room = total - sum(fixed.values())
    need = {i: min(natural_width(cols[i], size), room) for i in free}
    least = {i: min(_least(cols[i], size), need[i]) for i in free}
    out = dict(fixed)
    if sum(need.values()) <= room:
        spare = room - sum(need.values())
        want = sum(need.values()) or 1.0
        out.update({i: need[i] + spare * need[i] / want for i in free})
    else:
        if sum(least.values()) > room:  # not even the words fit: the least widths made smaller
            least = {i: w * room / sum(least.values()) for i, w in least.items()}
        spare = room - sum(least.values())
        want = sum(need[i] - least[i] for i in free) or 1.0
        out.update({i: least[i] + spare * (need[i] - least[i]) / want for i in free})
    return [out[i] for i in range(len(cols))]
