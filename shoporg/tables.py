"""Role tables (岗位职责表) as DataFrames, with pay rules summarized in words.

>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> pay_summary(d.role("storekeeper"))
'底薪 4000元/月 + 责任金 1500元/月（库房问题或意外次数 = 0 时发放；按季度结算；延后1个月发放）'
>>> pay_summary(d.role("picker"), lang="en")
'Base pay ¥1,500/month + Performance commission ¥2 per order picked (shared by the role)'
>>> float(role_table(d, lang="en")["headcount"].sum())
22.0
"""

from __future__ import annotations

from . import fmt
from .i18n import both, check_lang, driver_name, has, t
from .pay.kinds import PAY_KINDS, money

__all__ = ["COLUMNS", "CHAIN_COLUMNS", "role_table", "pay_summary", "duty_list", "money", "readable", "chain_months"]

#: The pay chain a reader follows, from gross pay to net pay: (column of
#: :func:`chain_months`, its ``col.*`` header word).
CHAIN_COLUMNS = (("gross", "gross_yuan"), ("employer", "employer_yuan"), ("labour_cost", "labour_cost_yuan"),
                 ("employee_contributions", "employee_yuan"), ("tax", "tax_yuan"), ("net", "net_yuan"))


def chain_months(pr):
    """A payroll's chain by month (yuan) with the employer's social insurance and housing
    fund together as ``employer``; None without a city's terms."""
    if pr.chain is None:
        return None
    m = pr.by_month()
    return m.assign(employer=m["employer_contributions"] + m["housing_fund_employer"])

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


def role_rows(design, lang: str = "zh") -> list[dict]:
    """The role table's rows as plain mappings (:func:`role_table` without pandas).

    >>> from shoporg import load_template
    >>> role_rows(load_template("seed-14-basic-22"), "en")[8]["reports_to"]
    'E-commerce director'
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
    return rows


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
    import pandas as pd  # loaded when a table is made: the command line's plain table needs none

    df = pd.DataFrame(role_rows(design, lang), columns=list(COLUMNS))
    if labels:
        df["headcount"] = [fmt.headcount(x, lang) for x in df["headcount"]]
        df = df.rename(columns={k: v[lang] for k, v in COLUMNS.items()})
    return df


#: How a result column reads, by its name: yuan, a count, people, a share, a month.
_YUAN = {"accrued", "paid", "gross", "labour_cost", "net", "tax", "employer", "employee", "revenue", "payroll",
         "total", "base_low", "base_high", "monthly_avg", "annual_accrued", "annual_paid", "annual_low",
         "annual_high", "cost", "carried_over"}
_YUAN_CENTS = {"cost_per_order"}
_COUNT = {"orders", "orders_picked", "orders_shipped", "consultations", "complaints", "roles", "layers", "managers",
          "gaps", "overlaps", "unpaid_roles", "layer", "reports", "negative_reviews", "store_incidents",
          "reviews_reversed", "review_followups"}
_PEOPLE = {"headcount", "current", "recommended", "gap", "peak", "temporary", "fte", "people", "span_avg", "span_max",
           "span", "subtree"}
_SHARE = {"share_of_revenue", "coverage", "fixed_share", "variable_share", "cost_share", "attainment"}
_MONTH = {"month", "peak_month"}
_HIDDEN = {"accrued_fen", "paid_fen", "inputs"}


def _reader(column: str):
    """The formatter a column reads through (None: shown as it is)."""
    if column in _YUAN:
        return lambda v, lang: fmt.yuan(v, lang)
    if column in _YUAN_CENTS:
        return lambda v, lang: fmt.yuan(v, lang, cents=True)
    if column in _COUNT:
        return fmt.count
    if column in _PEOPLE:
        return lambda v, lang: fmt.headcount(v, lang, signed=column == "gap")
    if column in _SHARE:
        return fmt.percent
    if column in _MONTH:
        return lambda v, lang: fmt.month(v, lang) if isinstance(v, str) and len(v) == 7 else ""
    if column == "driver":
        return lambda v, lang: driver_name(v, lang) if isinstance(v, str) else ""
    if column == "method":
        return lambda v, lang: t(f"cli.method_{v}", lang) if has(f"cli.method_{v}") else str(v)
    return None


def readable(df, lang: str = "zh", design=None, yuan=()):
    """A result table as a person reads it: its first column (the index's labels, or the
    role's name) as the row labels instead of 0, 1, 2; headers in ``lang``; yuan, counts,
    people, shares and months through :mod:`shoporg.fmt`; drivers and methods in words;
    role ids replaced by names when ``design`` is given; internal columns (fen, inputs)
    left out. ``yuan`` names further columns that are amounts (a plan's ``temporary`` is
    the temporary staff's cost, where a sizing's is people).

    >>> from shoporg import load_template, payroll, read_scenario, templates_dir
    >>> pr = payroll(load_template("seed-14-basic-22"), read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml"))
    >>> r = readable(pr.unit_costs())
    >>> r.index[10], r.iloc[10].tolist()
    ('2026年11月', ['7,500', '¥1,350,000', '¥106,795', '¥106,795', '¥14.24', '7.9%'])
    >>> r.index.name, list(readable(pr.unit_costs(), "en").columns)[:2]
    ('月份', ['Orders', 'Revenue'])
    >>> readable(role_table(load_template("seed-14-basic-22"))).loc["捡单员", "岗位职责"]
    '1. 按订单从库房拣选货品。 2. 协助司库管理库房。'
    """
    import pandas as pd  # loaded when a table is made

    check_lang(lang)
    out = df.copy()
    if out.index.name is not None or not isinstance(out.index, pd.RangeIndex):
        out = out.reset_index()
    out = out[[c for c in out.columns if c not in _HIDDEN and not (c == "id" and "name" in out.columns)]]
    names = {r.id: r.name.get(lang) for r in design.roles} if design is not None else {}
    if names and "role" in out.columns:
        out["role"] = [names.get(v, v) for v in out["role"]]
        out = out.drop(columns=["name"]) if "name" in out.columns else out
    if "reports_to" in out.columns:  # a manager by name, none for the top
        out["reports_to"] = [names.get(v, v) if isinstance(v, str) else "" for v in out["reports_to"]]
    for column in out.columns:
        read = _reader("total" if column in yuan else str(column))
        if read is not None:
            out[column] = [("" if v is None or (isinstance(v, float) and v != v) else read(v, lang))
                           for v in out[column]]
        elif not pd.api.types.is_numeric_dtype(out[column]):  # a numbered list on one line: no line break in a cell
            out[column] = [" ".join(v.split("\n")) if isinstance(v, str) else v for v in out[column]]
    out = out.rename(columns={c: t(f"readable.{c}", lang) for c in out.columns if has(f"readable.{c}")})
    return out.set_index(out.columns[0])
