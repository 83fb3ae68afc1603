"""The payroll engine: pay rules × a scenario → one line per month, role, person, component.

Money is counted in whole fen (int64). Each component's amount for one person in one
month is rounded half up to the fen once, where it is computed; everything after that
(quarterly settlements, totals, summaries) adds whole fen, so totals equal the sum of
their lines exactly. ``accrued`` is what a person earned in the month, ``paid`` what
left the bank in the month; deferred allowances show in both, months apart.

How each kind is computed for person p of a role with headcount H (FTE share f_p, the
people being ceil(H), each 1.0 FTE but the last, which holds the remainder):

- ``base``: the monthly amount (low, mid or high end of a range) × f_p.
- ``piece_rate``: ``pooled``: rate × the role's driver, one pool per month shared by FTE;
  ``per_person``: rate × the person's own driver value (a 12 × people array in the
  scenario, or one value each). Pools are rounded once and shared to the fen exactly
  (largest remainder), so a 80 元 pool for three people pays 26.67 + 26.67 + 26.66.
- ``revenue_bonus``: rate × revenue, in months where ``gate`` holds for the person;
  ``shop``: the shop's revenue (each person, × f_p); ``team`` and ``personal``: the role's
  revenue, a pool shared by FTE, unless the scenario gives each person's revenue.
- ``team_bonus``: amount in months where ``when`` holds; ``pool``: shared by FTE;
  ``per_person``: each person × f_p. Both bonus kinds take an optional ``scale``
  (e.g. ``kpi_score / 100``), applied before rounding.
- ``allowance``: monthly × f_p in months where ``when`` holds (for the person); paid at the
  end of its settlement period (month, calendar quarter, year) plus ``pay_lag_months``.
- ``deduction``: −(rate × the person's driver) or −amount, in months where ``when`` holds.
- ``on_cost`` (employer social insurance and housing fund, when the design sets
  ``on_cost``): rate × the person's accrued gross pay clamped to [base_floor, base_cap].

>>> from shoporg import load_template, Scenario
>>> d = load_template("seed-14-basic-22")
>>> s = Scenario.from_profile({"orders": 3000, "orders_picked": 3000, "orders_shipped": 3000,
...     "revenue": 600000, "complaints": 40, "reviews_reversed": 6, "review_followups": 300,
...     "negative_reviews": 2, "store_incidents": 0, "attainment": 1.1})
>>> blanks = {"director.pay[1].rate": 0.002, "promo_manager.pay[1].rate": 0.001,
...           "cs_manager.pay[1].rate": 0.001, "sales_cs.pay[1].rate": 0.003}
>>> pr = payroll(d, s, supply=blanks, base_level="low")
>>> keeper = pr.by_role().loc["storekeeper"]
>>> float(keeper["accrued"]), float(keeper["paid"]), pr.carried_over
(66000.0, 61500.0, 4500.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from ..scenario import MONTHS, Scenario, ScenarioError
from .amounts import PayrollError, component_fen, missing_rate, payment_months, to_fen

__all__ = ["PayrollError", "Payroll", "payroll", "people_shares", "split_pool", "to_fen", "BASE_LEVELS"]

BASE_LEVELS = ("low", "mid", "high")


def people_shares(headcount: Decimal) -> np.ndarray:
    """FTE of each person of a role: ``2.5`` → ``[1, 1, 0.5]``; ``0`` → no one.

    >>> people_shares(Decimal("2.5")).tolist()
    [1.0, 1.0, 0.5]
    """
    n = math.ceil(headcount)
    shares = np.ones(n)
    if n and headcount != n:
        shares[-1] = float(headcount - (n - 1))
    return shares


def split_pool(pool_fen: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Share whole-fen pools (one per month) among people by FTE, to the fen exactly.

    Each person gets the floor of their share; the fen left over go one each to the
    largest remainders (the first person on ties), so the parts add up to the pool.

    >>> split_pool(np.array([8000]), np.array([1.0, 1.0, 1.0])).tolist()
    [[2667, 2667, 2666]]
    """
    pool = np.asarray(pool_fen, dtype=np.int64)[:, None]
    weights = shares / shares.sum()
    exact = pool * weights[None, :]
    base = np.floor(exact + 1e-9).astype(np.int64)
    left = (pool[:, 0] - base.sum(axis=1)).astype(np.int64)
    order = np.argsort(-(exact - base), axis=1, kind="stable")
    ranks = np.argsort(order, axis=1, kind="stable")
    return base + (ranks < left[:, None]).astype(np.int64)


@dataclass(frozen=True)
class _Line:
    role: str
    kind: str
    index: int
    label_zh: str
    label_en: str
    accrued: np.ndarray  # int64 fen, shape (12, people)
    paid: np.ndarray     # int64 fen, shape (12, people)
    carried_over: np.ndarray  # int64 fen per person: accrued in the plan, paid after it


class Payroll:
    """The result of :func:`payroll`: ``lines`` (a tidy DataFrame) and summaries.

    Amounts in the frames are yuan; ``accrued_fen`` and ``paid_fen`` hold the exact
    whole-fen integers every summary is added up from.
    """

    def __init__(self, design, scenario: Scenario, lines: list[_Line], base_level: str):
        import pandas as pd

        self.design, self.scenario, self.base_level = design, scenario, base_level
        months = scenario.months
        dept = {r.id: r.department or "" for r in design.roles}
        rows = {k: [] for k in ("month", "role", "department", "person", "kind", "component",
                                "component_en", "accrued_fen", "paid_fen")}
        carried = 0
        for ln in lines:
            n = ln.accrued.shape[1]
            rows["month"] += [m for m in months for _ in range(n)]
            rows["role"] += [ln.role] * (MONTHS * n)
            rows["department"] += [dept[ln.role]] * (MONTHS * n)
            rows["person"] += list(range(1, n + 1)) * MONTHS
            rows["kind"] += [ln.kind] * (MONTHS * n)
            rows["component"] += [ln.label_zh] * (MONTHS * n)
            rows["component_en"] += [ln.label_en] * (MONTHS * n)
            rows["accrued_fen"] += ln.accrued.ravel().tolist()
            rows["paid_fen"] += ln.paid.ravel().tolist()
            carried += int(ln.carried_over.sum())
        df = pd.DataFrame(rows)
        df["accrued_fen"] = df["accrued_fen"].astype("int64")
        df["paid_fen"] = df["paid_fen"].astype("int64")
        df["accrued"] = df["accrued_fen"] / 100
        df["paid"] = df["paid_fen"] / 100
        self.lines = df
        self.carried_over_fen = carried
        #: nothing accrued before the plan is paid in it (the plan starts from a clean slate)
        self.carried_in_fen = 0

    def __repr__(self) -> str:
        return (f"<Payroll {self.design.id} × {self.scenario.id}, {self.scenario.months[0]}–"
                f"{self.scenario.months[-1]}: accrued ¥{self.total('accrued'):,.2f}, paid ¥{self.total('paid'):,.2f}>")

    def _sum(self, by: list[str]):
        g = self.lines.groupby(by, sort=False)[["accrued_fen", "paid_fen"]].sum()
        out = g.assign(accrued=g["accrued_fen"] / 100, paid=g["paid_fen"] / 100)
        return out[["accrued", "paid", "accrued_fen", "paid_fen"]]

    def by_month(self):
        """Totals per month (accrued and paid)."""
        return self._sum(["month"])

    def by_role(self):
        """Totals per role over the plan."""
        return self._sum(["role"])

    def by_department(self):
        return self._sum(["department"])

    def by_component(self):
        return self._sum(["role", "kind", "component"])

    def summary(self):
        """The plan year in one row per view: total, fixed (base) and variable pay, carried over.

        ``accrued`` counts what was earned in the plan; ``paid`` what was paid in it;
        ``accrued = paid + carried_over - carried_in``.
        """
        import pandas as pd

        lines = self.lines
        fixed = lines.kind.isin(["base"])
        rows = {}
        for view in ("accrued", "paid"):
            col = lines[f"{view}_fen"]
            rows[view] = {"total": int(col.sum()) / 100, "fixed": int(col[fixed].sum()) / 100,
                          "variable": int(col[~fixed & (lines.kind != "on_cost")].sum()) / 100,
                          "on_cost": int(col[lines.kind == "on_cost"].sum()) / 100}
        out = pd.DataFrame(rows).T
        out["carried_over"] = [0.0, self.carried_over]
        return out

    def total(self, view: str = "accrued") -> float:
        """The plan's total in yuan, ``accrued`` or ``paid``."""
        if view not in ("accrued", "paid"):
            raise ValueError(f"view must be 'accrued' or 'paid', got {view!r}")
        return int(self.lines[f"{view}_fen"].sum()) / 100

    def unit_costs(self, orders: str = "orders", revenue: str = "revenue"):
        """Per month: orders, revenue, payroll (accrued, paid), cost per order and as a share of revenue."""
        import pandas as pd

        m = self.by_month()
        out = pd.DataFrame(index=m.index)
        out["orders"] = self.scenario.driver(orders)
        out["revenue"] = self.scenario.driver(revenue)
        out["accrued"], out["paid"] = m["accrued"], m["paid"]
        out["cost_per_order"] = (m["accrued_fen"] / out["orders"].where(out["orders"] > 0) / 100).round(2)
        out["share_of_revenue"] = (m["accrued_fen"] / 100 / out["revenue"].where(out["revenue"] > 0)).round(4)
        return out

    def component(self, role_id: str, kind: str):
        """One role's component of one kind, month by month (accrued and paid, all people)."""
        sel = self.lines[(self.lines.role == role_id) & (self.lines.kind == kind)]
        if sel.empty:
            raise ValueError(f"role {role_id!r} has no {kind!r} pay in this payroll")
        return sel.groupby("month", sort=False)[["accrued", "paid"]].sum()

    @property
    def carried_over(self) -> float:
        """Earned within the plan but paid after it (e.g. Q4's quarterly allowance)."""
        return self.carried_over_fen / 100


def _env(scenario: Scenario, role_id: str, names, people: int, rules=None) -> dict:
    """The values of ``names`` for one role as (12, 1 or people) arrays; design rules
    (derived drivers) are worked out from the drivers they read, in dependency order."""
    from .expr import evaluate_rules, parse_expression

    rules = rules or {}
    wanted, exprs = list(names), {}
    while wanted:
        name = wanted.pop()
        if name in rules and name not in exprs:
            exprs[name] = parse_expression(rules[name], where=f"rules.{name}")
            wanted += list(exprs[name].names)
    plain = {n for n in names if n not in rules} | {m for e in exprs.values() for m in e.names if m not in rules}
    env = {}
    for name in sorted(plain):
        try:
            v = scenario.driver(name, role_id)
        except ScenarioError as e:
            raise PayrollError(f"role {role_id!r} needs driver {name!r}: {e}") from None
        env[name] = v if v.ndim == 2 else v[:, None]
        if env[name].shape[1] not in (1, people):
            raise PayrollError(f"scenario gives {env[name].shape[1]} people's {name!r} for role {role_id!r}, "
                               f"which has {people}")
    for name, value in evaluate_rules(exprs, env).items():
        env[name] = np.broadcast_to(np.asarray(value, dtype=float), (MONTHS, 1)) if np.ndim(value) == 0 \
            else np.asarray(value, dtype=float)
    return env


def _values(text: str, where: str, env_for) -> np.ndarray:
    """A numeric expression (a ``scale``) as a (12, 1 or people) array."""
    from .expr import parse_expression
    expr = parse_expression(text, where=where)
    value = np.asarray(expr.evaluate(env_for(expr.names)), dtype=float)
    return np.full((MONTHS, 1), float(value)) if value.ndim == 0 else value[:, None] if value.ndim == 1 else value


def _condition(text, where: str, env_for) -> np.ndarray:
    """A rule's condition as a (12, 1 or people) boolean array; no condition: always true."""
    from .expr import parse_expression
    if not text:
        return np.ones((MONTHS, 1), dtype=bool)
    expr = parse_expression(text, where=where)
    value = np.asarray(expr.evaluate(env_for(expr.names)), dtype=bool)
    if value.ndim == 0:
        return np.full((MONTHS, 1), bool(value))
    return value[:, None] if value.ndim == 1 else value


def _settle(accrued: np.ndarray, settle: str, lag: int, start_month: int) -> tuple[np.ndarray, np.ndarray]:
    """Move accrued amounts to the month they are paid; return (paid, carried over)."""
    paid = np.zeros_like(accrued)
    carried = np.zeros(accrued.shape[1], dtype=np.int64)
    for m, when in enumerate(payment_months(settle, lag, start_month, MONTHS)):
        if when < MONTHS:
            paid[when] += accrued[m]
        else:
            carried += accrued[m]
    return paid, carried


def payroll(design, scenario: Scenario, *, base_level: str = "mid", supply: dict | None = None) -> Payroll:
    """Compute every role's pay for the 12 months of ``scenario``.

    Parameters
    ----------
    base_level : 'low', 'mid' or 'high'
        Which end of a base-pay range to use.
    supply : dict, optional
        Values for parameters the source leaves blank, keyed by
        ``"<role id>.pay[<i>].<parameter>"`` (e.g. ``{"director.pay[1].rate": 0.005}``).

    Raises
    ------
    PayrollError
        A blank parameter not supplied, a driver the scenario lacks, a bad expression.
    """
    if base_level not in BASE_LEVELS:
        raise ValueError(f"base_level must be one of {', '.join(BASE_LEVELS)}, got {base_level!r}")
    supply = {**scenario.supply, **(supply or {})}
    start_month = int(scenario.start[5:7]) - 1
    lines: list[_Line] = []
    for ri, role in enumerate(design.roles):
        shares = people_shares(role.headcount)
        n = len(shares)
        if n == 0:
            continue
        env_for = lambda names, _r=role.id, _n=n: _env(scenario, _r, names, _n, design.rules)  # noqa: E731
        get = lambda name: env_for([name])[name]  # noqa: E731
        for ci, c in enumerate(role.pay):
            where = f"roles[{ri}].pay[{ci}]"
            gate = getattr(c, "gate", None)
            try:
                when = _condition(gate or getattr(c, "when", None), f"{where}.{'gate' if gate else 'when'}", env_for)
                factor = _values(c.scale, f"{where}.scale", env_for) if getattr(c, "scale", None) else None
                how, fen = component_fen(c, shares, get, lambda name: scenario.driver(name)[:, None],
                                         lambda name, _c=c, _ci=ci: missing_rate(role, ri, _ci, _c, name, supply),
                                         base_level, factor)
            except (PayrollError, ScenarioError) as e:
                raise PayrollError(str(e) if str(e).startswith(where) else f"{where}: {e}") from None
            fen = split_pool(np.broadcast_to(fen, (MONTHS,)), shares) if how == "pool" else \
                np.broadcast_to(fen, (MONTHS, n))
            accrued = np.where(np.broadcast_to(when, (MONTHS, n)), fen, 0).astype(np.int64)
            if c.kind == "allowance":
                paid, carried = _settle(accrued, c.settle, c.pay_lag_months, start_month)
            else:
                paid, carried = accrued.copy(), np.zeros(n, dtype=np.int64)
            label = c.label or None
            lines.append(_Line(role.id, c.kind, ci, label.zh if label else c.kind,
                               (label.en or label.zh) if label else c.kind, accrued, paid, carried))
        if design.on_cost is not None and role.pay:
            lines.append(_on_cost_line(design.on_cost, role.id, [ln for ln in lines if ln.role == role.id]))
    return Payroll(design, scenario, lines, base_level)


def _on_cost_line(on_cost, role_id: str, role_lines: list[_Line]) -> _Line:
    """Employer on-cost: rate × each person's gross pay for the month, clamped to the base range.

    Gross pay is what the person earned that month (deductions do not lower it).
    """
    gross = sum(np.maximum(ln.accrued, 0) for ln in role_lines) / 100
    lo = float(on_cost.base_floor) if on_cost.base_floor is not None else 0.0
    hi = float(on_cost.base_cap) if on_cost.base_cap is not None else np.inf
    fen = to_fen(float(on_cost.rate) * np.clip(gross, lo, hi))
    label = on_cost.label
    return _Line(role_id, "on_cost", -1, label.zh if label else "单位社保公积金",
                 (label.en or label.zh) if label else "Employer social insurance and housing fund",
                 fen, fen.copy(), np.zeros(fen.shape[1], dtype=np.int64))
