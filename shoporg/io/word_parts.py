"""The facts the Word report's sections state: each option's costs, its main findings,
its staffing (why each headcount, the peak months) and the employment parameters read.

>>> from shoporg import load_template, load_scenario, payroll
>>> d = load_template("seed-14-basic-22")
>>> c = Costs.of(payroll(d, load_scenario("d14-double11")))
>>> fmt.fixed(c.gross_year), c.labour_year is None
('1,026,003.00', True)
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import fmt
from ..analysis import gaps, health, health_view
from ..catalogue import duty_areas
from ..i18n import has, t, words
from ..tables import chain_months

__all__ = ["Costs", "option_names", "findings", "fact_rows", "fact_value", "region_name"]


def option_names(designs, lang: str) -> list[str]:
    """The options' names; two options of one name told apart by letter.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> option_names([d, d.replace(name={"zh": "方案B", "en": "Option B"})], "en")[1]
    'Option B'
    """
    names = [d.name.get(lang) for d in designs]
    if len(set(names)) < len(names):
        names = [f"{n} ({chr(65 + j)})" for j, n in enumerate(names)]
    return names


def _fen_total(values) -> float:
    """The sum of yuan amounts taken to the fen one by one: what a column's lines add to."""
    return sum(int(round(float(v) * 100)) for v in values) / 100


@dataclass
class Costs:
    """An option's year: gross pay, the employment cost with a city's terms (else None),
    per month and per order."""

    gross_year: float
    labour_year: float | None
    months: int
    orders: float | None

    @classmethod
    def of(cls, pr) -> "Costs":
        m = chain_months(pr)
        if m is None:
            m = pr.by_month()
            gross, labour = _fen_total(m["accrued"]), None
        else:
            gross, labour = _fen_total(m["gross"]), _fen_total(m["labour_cost"])
        try:
            orders = float(pr.scenario.driver("orders").sum())
        except Exception:  # a scenario without orders has no cost per order
            orders = None
        return cls(gross, labour, len(m), orders if orders else None)

    @staticmethod
    def column_total(months, column: str) -> float:
        """The 合计 of a payroll column (yuan): its months to the fen, added."""
        return _fen_total(months[column])

    def _per(self, year, n):
        return None if year is None or not n else year / n

    @property
    def gross_month(self):
        return self._per(self.gross_year, self.months)

    @property
    def labour_month(self):
        return self._per(self.labour_year, self.months)

    @property
    def gross_order(self):
        return self._per(self.gross_year, self.orders)

    @property
    def labour_order(self):
        return self._per(self.labour_year, self.orders)


def findings(designs, names, table, scenario, lang: str, *, norms=None, checks=None) -> list[str]:
    """A few lines per option: duty gaps, health and compliance findings, roles without
    pay, headcounts a norm would change (``checks``: each option's health, where found)."""
    areas = duty_areas()
    out = []
    for j, (d, name) in enumerate(zip(designs, names)):
        missing = gaps(d)
        out.append(t("doc.find.gaps", lang, name=name, n=len(missing), areas=words([areas.loc[a, lang] for a in missing],
                                                                                  lang))
                   if missing else t("doc.find.covered", lang, name=name))
        h = checks[j] if checks is not None else health(d, scenario=scenario, lang=lang)
        if h.empty:
            out.append(t("doc.find.healthy", lang, name=name))
        else:
            hv = health_view(h, d, lang)
            groups: dict = {}
            for check, level, role, _ in hv.values.tolist():
                groups.setdefault((check, level), [])
                if role and role not in groups[(check, level)]:
                    groups[(check, level)].append(role)
            for (check, level), roles in groups.items():
                out.append(t("doc.find.check", lang, name=name, check=check, level=level,
                             roles=words(roles, lang) if roles else t("word.none", lang)))
        unpaid = table.loc["unpaid_roles"].iloc[1 + j] if "unpaid_roles" in table.index else 0
        if unpaid:
            out.append(t("doc.find.unpaid", lang, name=name, n=fmt.count(unpaid, lang)))
        if scenario is not None:
            from ..staffing.sizing import recommend_headcount  # the staffing room, read when sizing

            rec = recommend_headcount(d, scenario, norms, lang)
            changed = [t("doc.find.sized_role", lang, role=row.name, recommended=fmt.headcount(row.recommended, lang),
                         current=fmt.headcount(row.current, lang))
                       for row in rec[(rec.method != "kept") & (rec.recommended != rec.current)].itertuples()]
            if changed:
                out.append(t("doc.find.sized", lang, name=name, roles=words(changed, lang)))
    return out


def fact_value(key: str, value, lang: str) -> str:
    """A pack figure as a reader writes it: rates in %, amounts in yuan, tables by name.

    >>> fact_value("social_insurance.pension.employer", 0.16, "zh"), fact_value("minimum_wage.monthly", 2740, "en")
    ('16%', '¥2,740')
    >>> fact_value("social_insurance.unemployment.employee", 0.005, "zh")
    '0.5%'
    """
    def percent(x):
        return fmt.percent(x, lang, digits=0 if abs(x * 100 - round(x * 100)) < 1e-9 else 1)

    if isinstance(value, bool):
        return t("doc.yes" if value else "doc.no", lang)
    if isinstance(value, dict):  # work-injury rates by class
        return words([f"{t('doc.fact_class', lang, n=k)} {percent(v)}" for k, v in sorted(value.items())], lang)
    if isinstance(value, list):
        return t("doc.fact_table", lang) if value and isinstance(value[0], dict) else t("doc.fact_list", lang,
                                                                                        n=len(value))
    if key.endswith("adjust_month"):
        return t("doc.fact_month", lang, month=value)
    if key.endswith("default_class"):
        return t("doc.fact_class", lang, n=value)
    if key.endswith((".employer", ".employee")) or ".rate" in key:
        return percent(float(value))
    if isinstance(value, (int, float)):
        return fmt.yuan(value, lang, cents=float(value) != int(value))
    return str(value)


def region_name(terms, lang: str) -> str:
    """The city of a payroll's terms in ``lang`` (上海 / Shanghai), as its pack names it."""
    from ..employment.params import EmploymentError, load_pack  # the employment room, read with a city

    try:
        named = load_pack(terms.region).region
    except EmploymentError:  # a pack of one's own: its key is its name
        return terms.region
    return named.get(lang) if hasattr(named, "get") else str(named)


def fact_rows(terms, lang: str) -> tuple[list[list[str]], list[str]]:
    """The employment parameters the payroll read, one row each (name, value, source,
    confirmed), and the names of those used as assumptions (not verified, or carried)."""
    rows, assumed = [], []
    for key, f in sorted(terms.facts.items()):
        name = t(f"doc.fact.{key}", lang) if has(f"doc.fact.{key}") else key
        sure = f.verified and not getattr(f, "carried", False)
        rows.append([name, fact_value(key, f.value, lang), f.cite(), t("doc.yes" if sure else "doc.no", lang)])
        if not sure:
            assumed.append(name)
    return rows, assumed
