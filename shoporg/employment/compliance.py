"""Compliance findings on a payroll with employment terms: pay below the city's minimum
wage, and per-person pay that is implausible after scaling.

The minimum wage is compared with what the city counts (its ``minimum_wage.excludes``):
pay of the kinds that count toward it (``Kind.minimum_wage_counts``: not overtime, not a
once-a-year bonus), less the employee's own social insurance and housing fund where the
city leaves them out; a part-timer's counted pay per paid hour against the hourly
minimum. A person holding part of a post (FTE below 1) is compared with that share of
the monthly minimum. Implausible pay is a heuristic, not a rule of law: a person-month
above four times the role's base pay and above the city's average monthly wage.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import fmt
from ..i18n import t
from .params import _named, load_pack

__all__ = ["FINDING_COLUMNS", "payroll_findings", "IMPLAUSIBLE_TIMES"]

FINDING_COLUMNS = ["check", "severity", "role", "message", "rule", "source", "verified"]
#: how many times the role's base a person-month must exceed to be called implausible
IMPLAUSIBLE_TIMES = 4


def payroll_findings(pr, lang: str = "zh") -> pd.DataFrame:
    """One row per role and finding: check, severity, role, message (in ``lang``), the rule,
    its source and whether the figure it rests on is verified."""
    terms = pr.terms
    if pr.chain is None or terms is None or terms.custom or terms.minimum_monthly is None:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    acc = pr.chain[pr.chain.view == "accrued"].copy()
    month_index = {m: i for i, m in enumerate(terms.months)}
    mi = acc["month"].map(month_index).to_numpy()
    acc["share"] = acc["fte"]
    counted = acc["counted_fen"].to_numpy().astype(np.int64)
    if {"employee_social_insurance", "employee_housing_fund"} & terms.excludes:
        counted = counted - acc["employee_contributions_fen"].to_numpy()
    rows = []
    city = _named(load_pack(terms.region).region) if terms.region else terms.region  # 上海 / Shanghai
    fact = terms.facts.get("minimum_wage.monthly")
    hourly_fact = terms.facts.get("minimum_wage.hourly")
    for rid, idx in acc.groupby("role", sort=False).indices.items():
        hire = pr.design.employment.role(rid) if pr.design.employment is not None else None
        if hire is not None and hire.hire == "outsourced":
            continue
        if hire is not None and hire.hire == "part_time" and terms.minimum_hourly is not None:
            hours = float(hire.hours_month)
            per_hour = counted[idx] / hours
            floor = terms.minimum_hourly[mi[idx]]
            below = per_hour < floor
            if below.any():
                j = idx[below][np.argmin(per_hour[below])]
                rows.append(_row("minimum_wage", "error", rid, t("health.minimum_wage_hourly", lang,
                                 n=int(below.sum()), city=city, minimum=fmt.fixed(floor[0] / 100, lang),
                                 lowest=fmt.fixed(counted[j] / hours / 100, lang),
                                 month=fmt.month(acc["month"].iat[j], lang)), hourly_fact, lang))
            continue
        floor = terms.minimum_monthly[mi[idx]] * acc["share"].to_numpy()[idx]
        below = counted[idx] < np.floor(floor)
        if below.any():
            j = idx[below][np.argmin(counted[idx][below])]
            rows.append(_row("minimum_wage", "error", rid, t("health.minimum_wage", lang, n=int(below.sum()),
                             city=city, minimum=fmt.fixed(terms.minimum_monthly[mi[j]] / 100, lang),
                             lowest=fmt.fixed(counted[j] / 100, lang), month=fmt.month(acc["month"].iat[j], lang)),
                             fact, lang))
    if terms.average_wage is not None:
        gross = acc["gross_fen"].to_numpy()
        for rid, idx in acc.groupby("role", sort=False).indices.items():
            base = acc["base_monthly_fen"].to_numpy()[idx]
            high = (gross[idx] > IMPLAUSIBLE_TIMES * base) & (gross[idx] > terms.average_wage[mi[idx]]) & (base > 0)
            if high.any():
                j = idx[high][np.argmax(gross[idx][high])]
                rows.append(_row("implausible_pay", "warning", rid, t("health.implausible_pay", lang,
                                 n=int(high.sum()), times=IMPLAUSIBLE_TIMES, city=city,
                                 average=fmt.fixed(terms.average_wage[mi[j]] / 100, lang),
                                 highest=fmt.fixed(gross[j] / 100, lang), month=fmt.month(acc["month"].iat[j], lang)),
                                 terms.facts.get("average_wage.monthly"), lang))
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def _row(check, severity, role, message, fact, lang) -> dict:
    return {"check": check, "severity": severity, "role": role, "message": message,
            "rule": t(f"health.rule.{check}", lang), "source": fact.cite() if fact is not None else "",
            "verified": bool(fact.verified) if fact is not None else None}


def minimum_wage_from_lines(pr, city: str, lang: str = "zh") -> pd.DataFrame:
    """The minimum-wage finding from the pay lines alone, for a city whose pack cannot
    price the whole chain yet: counted pay before the employee's own contributions (so a
    person flagged here is below the minimum whatever the city deducts)."""
    from ..pay.kinds import PAY_KINDS

    pack = load_pack(city)
    shares = {}
    for r in pr.design.roles:  # FTE of each person: 2.5 → 1, 1, 0.5
        whole, part = divmod(float(r.headcount), 1)
        each = [1.0] * int(whole) + ([part] if part else [])
        shares.update({(r.id, i + 1): s for i, s in enumerate(each)})
    lines = pr.lines[pr.lines.kind.map(lambda k: PAY_KINDS[k].minimum_wage_counts if k in PAY_KINDS else False)]
    counted = lines.groupby(["role", "person", "month"], sort=False)["accrued_fen"].sum()
    rows = []
    for rid, part in counted.groupby(level="role", sort=False):
        worst = None
        n = 0
        for (r, p, m), fen in part.items():
            fact = pack.fact("minimum_wage.monthly", on=m)
            floor = fact.value * 100 * shares.get((r, p), 1.0)
            if fen < floor:
                n += 1
                if worst is None or fen < worst[0]:
                    worst = (fen, m, fact)
        if n:
            fen, m, fact = worst
            rows.append(_row("minimum_wage", "error", rid, t("health.minimum_wage", lang, n=n, city=_named(pack.region),
                             minimum=fmt.fixed(fact.value, lang), lowest=fmt.fixed(fen / 100, lang),
                             month=fmt.month(m, lang)), fact, lang))
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)
