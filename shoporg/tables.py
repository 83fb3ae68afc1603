"""Role tables (岗位职责表) as DataFrames, with pay rules summarized in words.

>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> pay_summary(d.role("storekeeper"))
'底薪 4000元/月 + 责任金 1500元/月（条件：store_incidents == 0；按季度结算；延后1个月发放）'
>>> pay_summary(d.role("picker"), lang="en")
'Base pay ¥1,500/month + Performance commission ¥2 per order picked (shared by the role)'
>>> float(role_table(d, lang="en")["headcount"].sum())
22.0
"""

from __future__ import annotations

import pandas as pd

from .pay.kinds import PAY_KINDS, money

__all__ = ["COLUMNS", "role_table", "pay_summary", "duty_list", "money"]

COLUMNS = {
    "id": {"zh": "编号", "en": "id"},
    "name": {"zh": "岗位", "en": "role"},
    "department": {"zh": "部门", "en": "department"},
    "reports_to": {"zh": "上级", "en": "reports to"},
    "headcount": {"zh": "人数", "en": "headcount"},
    "pay": {"zh": "工资构成", "en": "pay"},
    "duties": {"zh": "岗位职责", "en": "duties"},
}


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
    departments and texts are in ``lang``; ``labels=True`` also renames the columns
    into ``lang`` (岗位, 部门, 上级, 人数, 工资构成, 岗位职责).

    >>> from shoporg import load_template
    >>> t = role_table(load_template("seed-14-basic-22"), labels=True)
    >>> t.loc[8, "岗位"], t.loc[8, "上级"], float(t.loc[8, "人数"])
    ('司库', '电商总监', 1.0)
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
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
        df = df.rename(columns={k: v[lang] for k, v in COLUMNS.items()})
    return df
