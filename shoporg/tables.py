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

from decimal import Decimal

from . import fmt
from .drivers import unit
from .i18n import both, check_lang, driver_name, expression_text

__all__ = ["COLUMNS", "role_table", "pay_summary", "duty_list", "money"]

#: The role table's column labels (a view on the catalogue's ``col.*`` words).
COLUMNS = {k: both(f"col.{k}") for k in ("id", "name", "department", "reports_to", "headcount", "pay", "duties")}

_WORDS = {
    "base": {"zh": "底薪", "en": "Base pay"},
    "piece_rate": {"zh": "计件提成", "en": "Piece rate"},
    "revenue_bonus": {"zh": "营业额奖金", "en": "Revenue bonus"},
    "team_bonus": {"zh": "团队奖金", "en": "Team bonus"},
    "allowance": {"zh": "津贴", "en": "Allowance"},
    "deduction": {"zh": "扣款", "en": "Deduction"},
    "missing": {"zh": "原文未给出", "en": "not given in the source"},
    "when": {"zh": "条件：", "en": "when "},
    "gate": {"zh": "门槛：", "en": "only if "},
    "pooled": {"zh": "", "en": " (shared by the role)"},
    "per_person": {"zh": "（按人计）", "en": " (per person)"},
    "pool": {"zh": "全岗位共享", "en": "shared by the role"},
    "each": {"zh": "每人", "en": "each"},
    "month": {"zh": "/月", "en": "/month"},
    "monthly": {"zh": "按月结算", "en": "settled monthly"},
    "quarterly": {"zh": "按季度结算", "en": "settled quarterly"},
    "yearly": {"zh": "按年结算", "en": "settled yearly"},
}


def money(amount: Decimal | int | float, lang: str = "zh") -> str:
    """An amount as the documents write it: ``4000元`` in Chinese, ``¥4,000`` in English.

    >>> money(Decimal("1500.5"), "en"), money(1600, "zh")
    ('¥1,500.50', '1600元')
    """
    d = Decimal(str(amount))
    if lang == "en":
        return f"¥{d:,.0f}" if d == d.to_integral_value() else f"¥{d:,.2f}"
    return f"{d:.0f}元" if d == d.to_integral_value() else f"{d:.2f}元"


def _w(key: str, lang: str) -> str:
    return _WORDS[key][lang]


def _range(amount, lang: str) -> str:
    if not isinstance(amount, tuple):
        return money(amount, lang)
    lo, hi = amount
    if lang == "zh":
        return f"{money(lo, lang)[:-1]}–{money(hi, lang)}"
    return f"{money(lo, lang)}–{money(hi, lang)}"


def _per_unit(rate, driver: str, lang: str) -> str:
    if lang == "zh":
        return f"每{unit(driver, 'zh')}{money(rate, 'zh')}"
    return f"{money(rate, 'en')} per {unit(driver, 'en')}"


def _component_text(c, lang: str) -> str:
    name = c.label.get(lang) if c.label else _w(c.kind, lang)
    missing = _w("missing", lang)
    parts: list[str] = []  # qualifications shown in brackets after the amount
    if c.kind == "base":
        body = f"{name} {_range(c.monthly, lang)}{_w('month', lang)}"
    elif c.kind == "piece_rate":
        if c.rate is None:
            body, parts = name, [missing]
        else:
            body = f"{name} {_per_unit(c.rate, c.driver, lang)}{_w(c.basis, lang)}"
        parts += [_w("when", lang) + c.when] if c.when else []
    elif c.kind == "revenue_bonus":
        body = name
        parts = [missing if c.rate is None else f"{c.rate * 100:g}% × {c.driver}"]
        parts += [_w("gate", lang) + c.gate] if c.gate else []
    elif c.kind == "team_bonus":
        body = f"{name} {missing if c.amount is None else money(c.amount, lang)}"
        parts = [_w("pool" if c.split == "pool" else "each", lang)]
        parts += [_w("when", lang) + c.when] if c.when else []
    elif c.kind == "allowance":
        body = f"{name} {money(c.monthly, lang)}{_w('month', lang)}"
        parts = [_w("when", lang) + c.when] if c.when else []
        if c.settle != "monthly" or c.pay_lag_months:
            parts.append(_w(c.settle, lang))
        if c.pay_lag_months:
            n = c.pay_lag_months
            parts.append(f"延后{n}个月发放" if lang == "zh" else f"paid {n} month{'s' if n > 1 else ''} later")
    else:  # deduction
        if c.driver is not None:
            body = f"{name} {missing}" if c.rate is None else f"{name} {_per_unit(c.rate, c.driver, lang)}"
        else:
            body = f"{name} {money(c.amount, lang)}"
        parts = [_w("when", lang) + c.when] if c.when else []
    if not parts:
        return body
    return f"{body}（{'；'.join(parts)}）" if lang == "zh" else f"{body} ({', '.join(parts)})"


def pay_summary(role, lang: str = "zh") -> str:
    """A role's pay components in one line of words (empty when the role has no pay rules)."""
    return " + ".join(_component_text(_worded(c, lang), lang) for c in role.pay)


def _worded(c, lang: str):
    """The component with its conditions and counted driver in words, not ids."""
    update = {k: expression_text(getattr(c, k), lang) for k in ("when", "gate") if getattr(c, k, None)}
    if c.kind == "revenue_bonus" and c.driver:
        update["driver"] = driver_name(c.driver, lang)
    return c.model_copy(update=update) if update else c


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
    import pandas as pd

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
