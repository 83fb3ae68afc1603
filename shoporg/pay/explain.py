"""Why a person was paid what they were: every component with its rule, inputs and amounts.

>>> from shoporg import load_template, Scenario, payroll
>>> d = load_template("seed-14-basic-22").only(["storekeeper"])
>>> s = Scenario.from_profile({"store_incidents": 0}, overrides={"store_incidents": {"2026-02": 1}})
>>> print(explain(payroll(d, s), "storekeeper", month="2026-04"))
司库 storekeeper · 第1人 · 2026-04
  底薪 [base] 底薪 4000元/月
      应计 4000.00元  实发 4000.00元
  责任金 [allowance] 责任金 1500元/月（条件：store_incidents == 0；按季度结算；延后1个月发放）
      store_incidents = 0 → 条件成立
      应计 1500.00元  实发 3000.00元
  合计 应计 5500.00元  实发 7000.00元
"""

from __future__ import annotations

from ..tables import _component_text

__all__ = ["explain"]

_W = {
    "person": {"zh": "第{}人", "en": "person {}"},
    "accrued": {"zh": "应计", "en": "accrued"},
    "paid": {"zh": "实发", "en": "paid"},
    "total": {"zh": "合计", "en": "total"},
    "holds": {"zh": "条件成立", "en": "condition holds"},
    "fails": {"zh": "条件不成立，本月不计", "en": "condition fails: nothing this month"},
    "supplied": {"zh": "（顾问补充）", "en": " (supplied)"},
}


def _yuan(fen: int, lang: str) -> str:
    return f"{fen / 100:.2f}元" if lang == "zh" else f"¥{fen / 100:,.2f}"


def explain(pr, role_id: str, person: int = 1, month: str | None = None, lang: str = "zh") -> str:
    """A text that shows, for one person and month, each pay component: the rule as
    written, the driver values it read, whether its condition held, and the amounts
    accrued and paid. ``month`` defaults to the plan's first month."""
    from .expr import parse_expression

    design, scenario = pr.design, pr.scenario
    role = design.role(role_id)
    month = month or scenario.months[0]
    if month not in scenario.months:
        raise ValueError(f"month {month!r} is not in the plan ({scenario.months[0]} to {scenario.months[-1]})")
    m = scenario.months.index(month)
    lines = pr.lines[(pr.lines.role == role_id) & (pr.lines.person == person) & (pr.lines.month == month)]
    if lines.empty:
        raise ValueError(f"role {role_id!r} has no person {person} (headcount {role.headcount})")
    out = [f"{role.name.get(lang)} {role_id} · {_W['person'][lang].format(person)} · {month}"]
    kinds = list(lines.itertuples())
    for c, row in zip(list(role.pay) + [None] * (len(kinds) - len(role.pay)), kinds):
        rule = _component_text(c, lang) if c is not None else row.component if lang == "zh" else row.component_en
        name = row.component if lang == "zh" else row.component_en
        out.append(f"  {name} [{row.kind}] {rule}")
        if c is not None:
            for key in ("driver",):
                drv = getattr(c, key, None)
                if drv:
                    v = scenario.driver(drv, role_id)
                    val = v[m] if v.ndim == 1 else v[m, min(person, v.shape[1]) - 1]
                    out.append(f"      {drv} = {val:g}")
            cond = getattr(c, "gate", None) or getattr(c, "when", None)
            if cond:
                expr = parse_expression(cond)
                vals = []
                for name_ in sorted(expr.names):
                    v = scenario.driver(name_, role_id)
                    vals.append(f"{name_} = {(v[m] if v.ndim == 1 else v[m, min(person, v.shape[1]) - 1]):g}")
                ok = _holds(expr, scenario, role_id, m, person)
                out.append(f"      {', '.join(vals)} → {_W['holds' if ok else 'fails'][lang]}")
        out.append(f"      {_W['accrued'][lang]} {_yuan(row.accrued_fen, lang)}  {_W['paid'][lang]} {_yuan(row.paid_fen, lang)}")
    out.append(f"  {_W['total'][lang]} {_W['accrued'][lang]} {_yuan(int(lines.accrued_fen.sum()), lang)}  "
               f"{_W['paid'][lang]} {_yuan(int(lines.paid_fen.sum()), lang)}")
    return "\n".join(out)


def _holds(expr, scenario, role_id: str, m: int, person: int) -> bool:
    env = {}
    for name in expr.names:
        v = scenario.driver(name, role_id)
        env[name] = float(v[m] if v.ndim == 1 else v[m, min(person, v.shape[1]) - 1])
    return bool(expr.evaluate(env))
