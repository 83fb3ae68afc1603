"""KPI scorecards (绩效考核表) from duty weights, with attendance points.

A role's duties may carry KPI weights in percent (the source gives 5%, 20%, 4%, 10%).
Given a score for each weighted duty (0–100, how fully it was achieved), the
scorecard is Σ weight × score / 100; attendance points come off the total (the source:
迟到早退减2分/次, 有效请假减1分/次). A bonus can then be paid in proportion to the
score with ``scale: kpi_score / 100``.

>>> from shoporg import Role
>>> r = Role(id="cs", name="客服", duties=[
...     {"area": "service.presales", "zh": "在线接待", "weight": 60},
...     {"area": "service.aftersales", "zh": "售后处理", "weight": 40}])
>>> card = scorecard(r, {0: 100, 1: 50}, late_or_early=1)
>>> card.score
78.0
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from ..errors import ShopOrgError, quoted_role
from ..i18n import Phrase

__all__ = ["ATTENDANCE_POINTS", "Scorecard", "scorecard"]

#: Points per occurrence, from 淘宝天猫电商各岗位职责表 (design 6): 迟到早退减2分/次, 有效请假减1分/次.
ATTENDANCE_POINTS = {"late_or_early": 2, "leave": 1}


@dataclass(frozen=True)
class Scorecard:
    """``table``: one row per weighted duty; ``score``: the weighted total after attendance."""

    role: str
    table: object
    attendance_points: float
    score: float


def scorecard(role, scores: dict, *, weights: dict | None = None, late_or_early: int = 0,
              leave: int = 0, lang: str = "zh") -> Scorecard:
    """Weighted KPI score of ``role`` (a :class:`~shoporg.model.Role`).

    ``scores`` maps a duty's index in ``role.duties`` to its score (0–100).
    ``weights`` fills weights the source leaves blank (index → percent); the weights
    used must then sum to 100. Attendance points are taken off per occurrence.
    """
    weights = dict(weights or {})
    who = quoted_role(role.id, role.name)  # the role as an error names it
    used = {}
    for i, d in enumerate(role.duties):
        w = weights.get(i, d.weight)
        if w is not None:
            used[i] = Decimal(str(w))
    if not used:
        raise ShopOrgError(Phrase("err.kpi_none", role=who))
    total = sum(used.values())
    if total != 100:
        blank = [i for i, d in enumerate(role.duties) if d.weight is None and i not in weights]
        raise ShopOrgError(Phrase("err.kpi_used_sum", role=who, total=total,
                                  blank=Phrase("err.kpi_blank", blank=blank) if blank else ""))
    missing = [i for i in used if i not in scores]
    if missing:
        raise ShopOrgError(Phrase("err.kpi_no_score", role=who, missing=missing))
    for i, v in scores.items():
        if i not in used:
            raise ShopOrgError(Phrase("err.kpi_unweighted", role=who, duty=i, used=sorted(used)))
        if not 0 <= float(v) <= 100:
            raise ShopOrgError(Phrase("err.kpi_score", role=who, duty=i, got=repr(v)))
    rows = [{"duty": i, "group": role.duties[i].group.get(lang) if role.duties[i].group else "",
             "text": role.duties[i].text(lang), "weight": float(w), "score": float(scores[i]),
             "weighted": float(w) * float(scores[i]) / 100} for i, w in used.items()]
    table = pd.DataFrame(rows).set_index("duty")
    points = late_or_early * ATTENDANCE_POINTS["late_or_early"] + leave * ATTENDANCE_POINTS["leave"]
    score = max(0.0, round(float(table["weighted"].sum()) - points, 2))
    return Scorecard(role.id, table, float(points), score)
