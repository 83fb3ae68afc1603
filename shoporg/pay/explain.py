"""Why a person was paid what they were: every component with its rule, the inputs the
engine read and whether its condition held, and the amounts, as the payroll recorded them.

>>> from shoporg import load_template, Scenario, payroll
>>> d = load_template("seed-14-basic-22").only(["storekeeper"])
>>> s = Scenario.from_profile({"store_incidents": 0}, overrides={"store_incidents": {"2026-02": 1}})
>>> print(explain(payroll(d, s), "storekeeper", month="2026-04"))
司库 storekeeper · 第1人 · 2026-04
  底薪 [base] 底薪 4000元/月
      应计 ¥4,000.00  实付 ¥4,000.00
  责任金 [allowance] 责任金 1500元/月（库房问题或意外次数 = 0 时发放；按季度结算；延后1个月发放）
      store_incidents = 0 → 条件成立
      应计 ¥1,500.00  实付 ¥3,000.00
  合计 应计 ¥5,500.00  实付 ¥7,000.00
"""

from __future__ import annotations

from .. import fmt
from ..errors import quoted_role
from ..i18n import Phrase, check_lang, pick, t
from .expr import parse_expression
from .kinds import PAY_KINDS

__all__ = ["explain"]


def _value(v, lang: str) -> str:
    # as a rule writes numbers: no thousands separator, never scientific
    return fmt.number(float(v), lang, digits=4).replace(",", "")


def _amounts(accrued: int, paid: int, lang: str) -> str:
    return (f"{t('pay.explain.accrued', lang)} {fmt.yuan(accrued / 100, lang, cents=True)}  "
            f"{t('pay.explain.paid', lang)} {fmt.yuan(paid / 100, lang, cents=True)}")


def explain(pr, role_id: str, person: int = 1, month: str | None = None, lang: str = "zh") -> str:
    """A text that shows, for one person and month, each pay component: the rule as
    written, the driver values it read (rules included), whether its condition held,
    and the amounts accrued and paid. ``month`` defaults to the plan's first month."""
    check_lang(lang)
    role = pr.design.role(role_id)
    months = pr.scenario.months
    month = month or months[0]
    if month not in months:
        raise ValueError(Phrase("err.month_not_in_plan", month=repr(month),
                                first={"zh": fmt.month(months[0], "zh"), "en": months[0]},
                                last={"zh": fmt.month(months[-1], "zh"), "en": months[-1]}))
    m, p = months.index(month), person - 1
    lines = pr.role_lines(role_id)
    if not lines or not 0 <= p < lines[0].accrued.shape[1]:
        raise ValueError(Phrase("err.explain_person", role=quoted_role(role_id, role.name), person=person,
                                headcount={"zh": fmt.headcount(role.headcount, "zh"), "en": str(role.headcount)}))
    out = [f"{role.name.get(lang)} {role_id} · {t('pay.explain.person', lang, n=person)} · {month}"]
    for ln in lines:
        name = pick((ln.label_zh, ln.label_en), lang)
        if ln.index < 0:  # on-cost: the line's label is its rule
            out.append(f"  {name} [{ln.kind}] {name}")
        else:
            c = role.pay[ln.index]
            out.append(f"  {name} [{ln.kind}] {PAY_KINDS[c.kind].text(c, lang)}")
            at = {k: v[m, min(p, v.shape[1] - 1)] for k, v in ln.inputs.items()}
            driver = getattr(c, "driver", None)
            if driver:
                out.append(f"      {driver} = {_value(at[driver], lang)}")
            if c.condition:
                read = ", ".join(f"{k} = {_value(at[k], lang)}" for k in sorted(parse_expression(c.condition).names))
                held = "pay.explain.holds" if ln.condition[m, p] else "pay.explain.fails"
                out.append(f"      {read} → {t(held, lang)}")
        out.append(f"      {_amounts(int(ln.accrued[m, p]), int(ln.paid[m, p]), lang)}")
    accrued = sum(int(ln.accrued[m, p]) for ln in lines)
    paid = sum(int(ln.paid[m, p]) for ln in lines)
    out.append(f"  {t('pay.explain.total', lang)} {_amounts(accrued, paid, lang)}")
    return "\n".join(out)
