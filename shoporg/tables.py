"""Role tables (岗位职责表) as DataFrames, with pay rules summarized in words.

>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> pay_summary(d.role("storekeeper"))
'底薪 4000元/月 + 责任金 1500元/月（条件：库房问题或意外次数 = 0；按季度结算；延后1个月发放）'
>>> pay_summary(d.role("picker"), lang="en")
'Base pay ¥1,500/month + Performance commission ¥2 per order picked (shared by the role)'
>>> float(role_table(d, lang="en")["headcount"].sum())
22.0
"""

from __future__ import annotations

import pandas as pd

from . import fmt
from .i18n import both, check_lang
from .pay.kinds import PAY_KINDS, money

__all__ = ["COLUMNS", "role_table", "pay_summary", "duty_list", "money"]

#: The role table's column labels (a view on the catalogue's ``col.*`` words).
COLUMNS = {k: both(f"col.{k}") for k in ("id", "name", "department", "reports_to", "headcount", "pay", "duties")}


def pay_summary(role, lang: str = "zh") -> str:
    """A role's pay components in one line of words (empty when the role has no pay rules);
    each kind words its own components (:data:`shoporg.pay.kinds.PAY_KINDS`)."""
    return " + ".join(PAY_KINDS[c.kind].text(c, lang) for c in role.pay)


def duty_list(role, lang: str = "zh") -> str:
    """A role's duties, numbered, one per line.

    >>> from shoporg import load_template
    >>> print(duty_list(load_template("seed-14-basic-22").role("picker"), "en"))
    1. Picks goods from the store room according to the orders.
    2. Helps the storekeeper manage the store room.
    """
    return "\n".join(f"{i}. {d.text(lang)}" for i, d in enumerate(role.duties, 1))


def role_table(design, lang: str = "zh", *, labels: bool = False):
    """The role table: one row per role, in file order.

    Columns: id, name, department, reports_to, headcount, pay, duties. Names,
    departments and texts are in ``lang``; ``labels=True`` makes the table a client
    reads: the columns in ``lang`` (岗位, 部门, 上级, 人数, 工资构成, 岗位职责) and the
    headcount written as people read it (``2``, ``0.5``).

    >>> from shoporg import load_template
    >>> t = role_table(load_template("seed-14-basic-22"), labels=True)
    >>> t.loc[8, "岗位"], t.loc[8, "上级"], float(t.loc[8, "人数"])
    ('司库', '电商总监', 1.0)
    """
    check_lang(lang)
    names = {r.id: r.name.get(lang) for r in design.roles}
    rows = []
    for r in design.roles:
        dep = design.department(r.department)
        rows.append({
            "id": r.id,
            "name": r.name.get(lang),
            "department": dep.name.get(lang) if dep else (r.department or ""),
            "reports_to": names.get(r.reports_to, "") if r.reports_to else "",
            "headcount": float(r.headcount),
            "pay": pay_summary(r, lang),
            "duties": duty_list(r, lang),
        })
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    if labels:
        df["headcount"] = [fmt.headcount(x, lang) for x in df["headcount"]]
        df = df.rename(columns={k: v[lang] for k, v in COLUMNS.items()})
    return df
