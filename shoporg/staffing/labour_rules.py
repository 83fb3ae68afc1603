"""Working-time and probation rules as findings: overtime over the legal caps (劳动法 第四十一条:
at most 3 hours a day and 36 hours a month) and probation pay below its floor (劳动合同法
第二十条: 80% of the agreed wage and the local minimum wage). Each finding carries its
severity, the rule, and the source and date of the figure from the parameter pack.

>>> from shoporg.employment.params import load_pack
>>> pack = load_pack("national")
>>> [f.code for f in overtime_over_caps([[40.0]], pack, months=["2026-11"], role="picker")]
['overtime.month_cap']
>>> overtime_over_caps([[36.0]], pack, months=["2026-11"], role="picker", daily=[[3.0]])
[]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import fmt
from ..employment.compliance import FINDING_COLUMNS
from ..i18n import Phrase, t
from ..pay.amounts import base_amount
from ..pay.kinds.probation import MIN_SHARE

__all__ = ["Finding", "overtime_caps", "overtime_over_caps", "overtime_findings", "probation_findings",
           "findings_table"]


@dataclass(frozen=True)
class Finding:
    """One finding: how serious (``error`` for a rule of law broken, as the health check says
    it), its code, the role (and person and month), what it says, the rule it applies, the
    figure's source and whether it was verified."""

    severity: str
    code: str
    role: str | None
    month: str | None
    message: Phrase
    rule: Phrase
    source: str
    verified: bool
    person: int | None = None

    def row(self, lang: str = "zh") -> dict:
        return {"check": self.code, "severity": self.severity, "role": self.role, "month": self.month,
                "person": self.person, "message": self.message.text(lang), "rule": self.rule.text(lang),
                "source": self.source, "verified": self.verified}


def _both(f, x, **kw) -> dict:
    return {"zh": f(x, "zh", **kw), "en": f(x, "en", **kw)}


def findings_table(findings, lang: str = "zh", *, by_month: bool = False) -> pd.DataFrame:
    """The findings in the shape of the health check's compliance rows
    (:data:`~shoporg.employment.compliance.FINDING_COLUMNS`): one row per role and check, its
    message the first month's with the number of months; ``by_month`` keeps one row per
    finding, with its ``month`` and ``person``."""
    if by_month:
        return pd.DataFrame([f.row(lang) for f in findings], columns=FINDING_COLUMNS + ["month", "person"])
    rows, groups = [], {}
    for f in findings:
        groups.setdefault((f.role, f.code), []).append(f)
    for (role, code), group in groups.items():
        first = group[0]
        months = sorted({f.month for f in group if f.month})
        message = t("overtime.finding.summary", lang, message=first.message.text(lang), n=len(months),
                    month=fmt.month(months[0], lang)) if months else first.message.text(lang)
        rows.append(first.row(lang) | {"message": message})
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def overtime_caps(pack, on) -> tuple:
    """The caps in force on ``on``: ``(hours a day, hours a month, their facts)``."""
    day, month = pack.fact("overtime.max_hours_day", on), pack.fact("overtime.max_hours_month", on)
    return float(day.value), float(month.value), (day, month)


def overtime_over_caps(monthly, pack, *, months, role: str | None, daily=None) -> list[Finding]:
    """Findings where a person's overtime hours in a month (``monthly[month][person]``) pass
    the monthly cap, or their longest day (``daily``, same shape) passes the daily cap."""
    out = []
    monthly = np.atleast_2d(np.asarray(monthly, dtype=float))
    daily = None if daily is None else np.atleast_2d(np.asarray(daily, dtype=float))
    for m, label in enumerate(months):
        per_day, per_month, (fday, fmonth) = overtime_caps(pack, label)
        for p, hours in enumerate(monthly[m]):
            if hours > per_month + 1e-9:
                out.append(Finding("error", "overtime.month_cap", role, label,
                                   Phrase("overtime.finding.month", hours=_both(fmt.number, hours),
                                          cap=_both(fmt.number, per_month)),
                                   Phrase("overtime.rule"), fmonth.cite(), fmonth.verified, p))
            if daily is not None and daily[m][p] > per_day + 1e-9:
                out.append(Finding("error", "overtime.day_cap", role, label,
                                   Phrase("overtime.finding.day", hours=_both(fmt.number, daily[m][p]),
                                          cap=_both(fmt.number, per_day)),
                                   Phrase("overtime.rule"), fday.cite(), fday.verified, p))
    return out


def _component_hours(c, scenario, role_id, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Hours a month per person ``[12, n]`` of an overtime component, and its workday hours."""
    def hours(v):
        a = scenario.driver(v, role_id) if isinstance(v, str) else np.full(12, float(v))
        a = a if a.ndim == 2 else a[:, None]
        return np.broadcast_to(a, (12, n))
    workday = hours(c.workday)
    return workday + hours(c.rest_day) + hours(c.holiday), workday


def overtime_findings(design, scenario, pack) -> list[Finding]:
    """Overtime components whose hours pass 36 a month, or whose workday hours spread over
    the month's working days (20.83, 劳社部发〔2008〕3号) pass 3 a day: then some day surely
    passes the daily cap."""
    from ..pay.engine import people_shares  # the people a role's FTE is made of

    out = []
    for r in design.roles:
        n = len(people_shares(r.headcount))
        for c in (c for c in r.pay if c.kind == "overtime"):
            total, workday = _component_hours(c, scenario, r.id, n)
            days = np.array([float(pack.fact("wage.work_days_month", m).value) for m in scenario.months])[:, None]
            out += overtime_over_caps(total, pack, months=scenario.months, role=r.id, daily=workday / days)
    return out


def probation_findings(design, pack, months, *, base_level: str = "mid") -> list[Finding]:
    """Probation components whose pay (share × agreed pay) is below 80% of the agreed pay or the
    local minimum wage in force in a plan month of the probation (one finding per role and month)."""
    out = []
    for r in design.roles:
        bases = [c for c in r.pay if c.kind == "base"]
        for c in (c for c in r.pay if c.kind == "probation"):
            if c.agreed == "base" and not bases:
                continue
            try:
                agreed = base_amount(bases[0], base_level) if c.agreed == "base" else float(c.agreed)
            except ValueError:
                continue  # an expression: judged where its drivers are known (the payroll)
            paid = float(c.share) * agreed
            first = 1 if c.start is None else c.start if isinstance(c.start, int) else None
            for i, label in enumerate(months, start=1):
                if first is not None and not first <= i < first + c.months:
                    continue  # no one is in probation this month (a driver's start months: every month is judged)
                floor = pack.get("minimum_wage.monthly", label)
                if float(c.share) < float(MIN_SHARE):
                    fact = pack.fact("probation.min_share", label)
                    out.append(Finding("error", "probation.share", r.id, label,
                                       Phrase("probation.finding.share", share=_both(fmt.percent, c.share, digits=0)),
                                       Phrase("probation.rule"), fact.cite(), fact.verified))
                elif floor is not None and paid < float(floor.value) - 1e-9:
                    region = {"zh": floor.region.zh, "en": floor.region.en or floor.region.zh}
                    out.append(Finding("error", "probation.minimum_wage", r.id, label,
                                       Phrase("probation.finding.minimum", paid=_both(fmt.money, paid),
                                              floor=_both(fmt.money, floor.value), region=region),
                                       Phrase("probation.rule"), floor.cite(), floor.verified))
    return out

