"""Team leaders from a span norm: how many leaders a team of people needs.

A span norm is the most people one team leader leads directly. A team larger than that
needs ``ceil(people / span)`` leaders, so that no leader leads more than the span (86
agents at a span of 12: 8 leaders, about 11 each); a team within the span needs none
beyond the manager it already reports to.

The span is the norms file's ``span`` when it has one, else :data:`DEFAULT_SPAN`, an
assumption: the source documents state no span, so 12 is marked as the user's to set.

>>> team_leaders(86, 12), team_leaders(12, 12), team_leaders(13, 12)
(8, 0, 2)
"""

from __future__ import annotations

import math

import pandas as pd

from .. import fmt
from ..i18n import Phrase, t
from .inputs import StaffingError

__all__ = ["DEFAULT_SPAN", "LEADER_WORDS", "span_norm", "team_leaders", "leader_role", "suggest_team_leaders",
           "leader_headcounts"]

#: People one team leader leads when no norms file states a span. An assumption (no
#: source document gives one); the suggestion says so.
DEFAULT_SPAN = 12

#: What marks a role as a team-leader role: its id ends in one of these, or its Chinese
#: name contains one of these words (组长, 班长, 领班).
LEADER_WORDS = {"id": ("_lead", "_leader", "team_leader"), "zh": ("组长", "班长", "领班")}


def team_leaders(people: float, span: float) -> int:
    """Team leaders for ``people`` at ``span`` people a leader: none within the span,
    else ``ceil(people / span)``.

    >>> team_leaders(0, 12), team_leaders(24, 12), team_leaders(25, 12)
    (0, 2, 3)
    """
    if not (isinstance(span, (int, float)) and math.isfinite(span) and span >= 1):
        raise StaffingError(Phrase("staffing.err.span", got=repr(span)))
    if not (math.isfinite(float(people)) and people >= 0):
        raise StaffingError(Phrase("staffing.err.span_people", got=repr(people)))
    if people <= span + 1e-9:
        return 0
    return math.ceil(float(people) / span - 1e-9)


def span_norm(norms=None) -> tuple[float, bool]:
    """The span to use and whether it is an assumption: the norms file's ``span`` when
    it has one, else (:data:`DEFAULT_SPAN`, True).

    >>> from types import SimpleNamespace
    >>> span_norm(None), span_norm(SimpleNamespace(span=10))
    ((12, True), (10.0, False))
    """
    given = getattr(norms, "span", None)
    if given is None:
        return DEFAULT_SPAN, True
    return float(given), False


def leader_role(design, role_id: str):
    """The team-leader role ``role_id`` reports to (see :data:`LEADER_WORDS`), or None.

    >>> from shoporg import load_template
    >>> leader_role(load_template("seed-14-basic-22"), "sales_cs") is None
    True
    """
    boss = design.role(role_id).reports_to
    if boss is None:
        return None
    r = design.role(boss)
    if r.id.endswith(LEADER_WORDS["id"]) or any(w in (r.name.get("zh") or "") for w in LEADER_WORDS["zh"]):
        return r
    return None


def suggest_team_leaders(design, recommendation: pd.DataFrame, norms=None, lang: str = "zh",
                         span: float | None = None) -> pd.DataFrame:
    """One row per sized role whose recommended people exceed the span: role, name,
    people, span, assumed (the span is the default), leaders, leader_role (the design's
    team-leader role it reports to, or None: then the leaders are a suggestion only) and
    reason (in words).

    >>> import shoporg
    >>> from shoporg.staffing import recommend_headcount, read_norms
    >>> d = shoporg.load_template("seed-14-basic-22")
    >>> n = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    >>> rec = recommend_headcount(d, {"consultations": 240_000, "orders": 3000, "orders_picked": 3000,
    ...                               "orders_shipped": 3000}, n)
    >>> s = suggest_team_leaders(d, rec, n)
    >>> s[["role", "people", "leaders"]].values.tolist()
    [['sales_cs', 86.0, 8]]
    >>> s.loc[0, "reason"]
    '86人 ÷ 每名组长至多12人（假设值，来源未给出管理幅度）→ 8名组长'
    """
    assumed = False
    if span is None:
        span, assumed = span_norm(norms)
    rows = []
    for row in recommendation.itertuples():
        if row.method == "kept":
            continue
        people = float(row.recommended)
        n = team_leaders(people, span)
        if not n:
            continue
        lead = leader_role(design, row.role)
        reason = t("staffing.leaders_reason", lang, people=fmt.headcount(people, lang),
                   span=fmt.headcount(span, lang), leaders=fmt.headcount(n, lang),
                   assumed=t("staffing.span_assumed", lang) if assumed else "")
        rows.append({"role": row.role, "name": row.name, "people": people, "span": float(span), "assumed": assumed,
                     "leaders": n, "leader_role": lead.id if lead is not None else None, "reason": reason})
    return pd.DataFrame(rows, columns=["role", "name", "people", "span", "assumed", "leaders", "leader_role",
                                       "reason"])


def leader_headcounts(suggestion: pd.DataFrame) -> dict:
    """{leader role id: leaders} for the suggestions whose team reports to a team-leader
    role (several teams under one leader role add up); what "apply" changes.

    >>> leader_headcounts(pd.DataFrame({"leader_role": ["cs_lead", None, "cs_lead"], "leaders": [2, 3, 1]}))
    {'cs_lead': 3.0}
    """
    out: dict = {}
    for lead, n in zip(suggestion["leader_role"], suggestion["leaders"]):
        if isinstance(lead, str):
            out[lead] = out.get(lead, 0.0) + float(n)
    return out
