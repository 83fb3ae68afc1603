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
- ``revenue_bonus``: rate × revenue, in months where its condition (``gate``) holds for the person;
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
- ``year_end_bonus``: months of the role's base (× FTE) or an amount, in its calendar month.

With employment terms (a city: the design's ``employment``, the scenario's, or
``payroll(..., city=...)``; or the old ``on_cost`` read as a custom pack) each person's
month goes on through :mod:`shoporg.employment.chain`: 应发工资 → employer social
insurance by branch and 单位公积金 (+ an agency's fee) = 人工成本; less the employee's
contributions and 个税 (cumulative withholding) = 实发. ``Payroll.chain`` holds it per
view, month, role and person; the summaries add it up, and the sweep gives the same
totals to the fen.

Each kind's amount lives in its module of :mod:`shoporg.pay.kinds`; the engine reads the
drivers from one :class:`~shoporg.pay.environment.Environment` and computes every
component over (scenarios, months, people) at once: :func:`payroll` is that computation
for one scenario keeping every line (and the values and conditions :func:`explain`
shows), :func:`~shoporg.pay.sweep.payroll_sweep` for many keeping totals. Per-person
scenario data follow the design's headcount first (:func:`shoporg.scenario.fit_people`);
``Payroll.filled`` says where.

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
import pandas as pd

from .. import fmt
from ..errors import error_words, quoted_role
from ..i18n import Phrase, pick, t, words
from ..scenario import MONTHS, Filled, Scenario, ScenarioError, fit_people
from .amounts import (
    MAX_FEN,
    MAX_TOTAL_FEN,
    AmountRangeError,
    PayrollError,
    checked_supply,
    component_fen,
    fen_and_most,
    merged_supply,
    missing_rate,
    to_fen,
)
from .environment import Environment
from .expr import parse_expression
from .kinds import PAY_KINDS, Inputs

__all__ = ["PayrollError", "Payroll", "payroll", "compute", "people_shares", "split_pool", "to_fen", "BASE_LEVELS"]

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
    if pool.size and np.abs(pool).max() > MAX_FEN:  # each share below stays exact in a float
        raise AmountRangeError(float(np.abs(pool).max()) / 100, ())
    weights = shares / shares.sum()
    exact = pool * weights[None, :]
    base = np.floor(exact + 1e-9).astype(np.int64)  # at most the pool: range checked above
    left = (pool[:, 0] - base.sum(axis=1)).astype(np.int64)
    order = np.argsort(-(exact - base), axis=1, kind="stable")
    ranks = np.argsort(order, axis=1, kind="stable")
    return base + (ranks < left[:, None]).astype(np.int64)


def _pool(pool_fen: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """Per-person ``(..., 12, n)`` fen from ``(..., 12)`` pools, shared exactly by FTE."""
    return split_pool(pool_fen.reshape(-1), shares).reshape(pool_fen.shape + (len(shares),))


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
    #: the drivers the component read, each (12, 1 or people), as the engine used them
    inputs: Mapping[str, np.ndarray] = field(default_factory=dict)
    #: (12, people): where the component's condition held (None: it has none)
    condition: np.ndarray | None = None


class Payroll:
    """The result of :func:`payroll`: ``lines`` (a tidy DataFrame) and summaries.

    Amounts in the frames are yuan; ``accrued_fen`` and ``paid_fen`` hold the exact
    whole-fen integers every summary is added up from. ``filled`` lists the per-person
    drivers fitted to the design's headcount (:class:`~shoporg.scenario.Filled`: role,
    driver, people given, people in the role); ``scenario`` is the scenario as given.
    """

    def __init__(self, design, scenario: Scenario, lines: list[_Line], base_level: str, *,
                 filled: Sequence[Filled] = (), chain: Mapping | None = None, terms=None, employment=None):
        self.design, self.scenario, self.base_level = design, scenario, base_level
        #: the employment terms the chain was computed on (None: no city, no on-cost)
        self.terms, self.employment = terms, employment
        #: one row per view, month, role and person: gross pay to employment cost and net pay (None without terms)
        self.chain = _chain_frame(design, scenario, chain, base_level) if chain else None
        self.filled: tuple[Filled, ...] = tuple(filled)
        self._lines = list(lines)
        months = np.asarray(scenario.months, dtype=object)
        dept = {r.id: r.department or "" for r in design.roles}
        people = [ln.accrued.shape[1] for ln in lines]

        def each(values):  # one value per line, repeated over its months and people
            return np.repeat(np.asarray(values, dtype=object), [MONTHS * n for n in people])

        df = pd.DataFrame({
            "month": np.concatenate([np.repeat(months, n) for n in people]) if lines else [],
            "role": each([ln.role for ln in lines]),
            "department": each([dept[ln.role] for ln in lines]),
            "person": np.concatenate([np.tile(np.arange(1, n + 1), MONTHS) for n in people]).astype(np.int64)
            if lines else np.zeros(0, dtype=np.int64),
            "kind": each([ln.kind for ln in lines]),
            "component": each([ln.label_zh for ln in lines]),
            "component_en": each([ln.label_en for ln in lines]),
            "accrued_fen": np.concatenate([ln.accrued.ravel() for ln in lines]).astype(np.int64)
            if lines else np.zeros(0, dtype=np.int64),
            "paid_fen": np.concatenate([ln.paid.ravel() for ln in lines]).astype(np.int64)
            if lines else np.zeros(0, dtype=np.int64)})
        for col in ("month", "role", "department", "kind", "component", "component_en"):
            df[col] = df[col].astype(str)
        df["accrued"] = df["accrued_fen"] / 100
        df["paid"] = df["paid_fen"] / 100
        self.lines = df
        self.carried_over_fen = int(sum(int(ln.carried_over.sum()) for ln in lines))
        #: nothing accrued before the plan is paid in it (the plan starts from a clean slate)
        self.carried_in_fen = 0

    def __repr__(self) -> str:
        return (f"<Payroll {self.design.id} × {self.scenario.id}, {self.scenario.months[0]}–"
                f"{self.scenario.months[-1]}: accrued ¥{self.total('accrued'):,.2f}, paid ¥{self.total('paid'):,.2f}>")

    def _sum(self, by: list[str]):
        g = self.lines.groupby(by, sort=False)[["accrued_fen", "paid_fen"]].sum()
        out = g.assign(accrued=g["accrued_fen"] / 100, paid=g["paid_fen"] / 100)
        out = out[["accrued", "paid", "accrued_fen", "paid_fen"]]
        if self.chain is None or not set(by) <= set(self.chain.columns):
            return out
        for view, suffix in (("accrued", ""), ("paid", "_paid")):
            rows = self.chain[self.chain.view == view]
            sums = rows.groupby(by, sort=False)[[f"{c}_fen" for c in SUMMED]].sum()
            cols = SUMMED if view == "accrued" else ("gross", "labour_cost", "net")
            for c in cols:
                fen = sums[f"{c}_fen"].reindex(out.index, fill_value=0)
                out[f"{c}{suffix}"] = fen / 100
        return out

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
        """The plan year in one row per view: total, fixed (the kinds marked fixed: base) and
        variable pay, on-cost, carried over.

        ``accrued`` counts what was earned in the plan; ``paid`` what was paid in it;
        ``accrued = paid + carried_over - carried_in``.
        """
        lines = self.lines
        fixed = lines.kind.isin([name for name, k in PAY_KINDS.items() if k.fixed])
        rows = {}
        for view in ("accrued", "paid"):
            col = lines[f"{view}_fen"]
            rows[view] = {"total": int(col.sum()) / 100, "fixed": int(col[fixed].sum()) / 100,
                          "variable": int(col[~fixed & (lines.kind != "on_cost")].sum()) / 100,
                          "on_cost": int(col[lines.kind == "on_cost"].sum()) / 100}
        out = pd.DataFrame(rows).T
        out["carried_over"] = [0.0, self.carried_over]
        if self.chain is not None:
            for c in SUMMED:
                out[c] = [self.chain_total(c, view) for view in ("accrued", "paid")]
        return out

    def findings(self, lang: str = "zh"):
        """Compliance findings on this payroll (minimum wage, implausible pay), one row per
        role and finding, with the rule, its source and whether it is verified; empty
        without a city's terms."""
        from ..employment.compliance import payroll_findings  # the employment room reads the packs
        return payroll_findings(self, lang)

    def chain_total(self, column: str = "labour_cost", view: str = "accrued") -> float:
        """A chain column's plan total in yuan (``gross``, ``labour_cost``, ``net``, ``tax``...).

        >>> from shoporg import load_template, read_scenario, templates_dir
        >>> d = load_template("seed-14-basic-22").replace(on_cost={"rate": 0.3, "base_floor": 4000})
        >>> pr = payroll(d, read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml"))
        >>> pr.chain_total("labour_cost") == pr.total(), bool(pr.chain_total("gross") == pr.summary().loc["accrued", "gross"])
        (True, True)
        """
        if self.chain is None:
            raise ValueError(Phrase("err.employment_no_chain"))
        if view not in ("accrued", "paid"):
            raise ValueError(Phrase("err.pay_view", got=repr(view)))
        return int(self.chain.loc[self.chain.view == view, f"{column}_fen"].sum()) / 100

    def total(self, view: str = "accrued") -> float:
        """The plan's total in yuan, ``accrued`` or ``paid``."""
        if view not in ("accrued", "paid"):
            raise ValueError(Phrase("err.pay_view", got=repr(view)))
        return int(self.lines[f"{view}_fen"].sum()) / 100

    def unit_costs(self, orders: str = "orders", revenue: str = "revenue"):
        """Per month: orders, revenue, payroll (accrued, paid), cost per order and as a share of revenue."""
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
            names = {r.id: r.name for r in self.design.roles}
            known = PAY_KINDS.get(kind)
            raise ValueError(Phrase("err.pay_no_kind", role=quoted_role(role_id, names.get(role_id)),
                                    kind={"zh": f"“{pick(known.label, 'zh') if known else kind}”",
                                          "en": repr(kind)}))
        return sel.groupby("month", sort=False)[["accrued", "paid"]].sum()

    def role_lines(self, role_id: str) -> list[_Line]:
        """One role's lines as the engine computed them: amounts per month and person,
        the drivers read and where the condition held."""
        return [ln for ln in self._lines if ln.role == role_id]

    @property
    def carried_over(self) -> float:
        """Earned within the plan but paid after it (e.g. Q4's quarterly allowance)."""
        return self.carried_over_fen / 100


#: The chain columns the summaries add up (see :mod:`shoporg.employment.chain`).
SUMMED = ("gross", "employer_contributions", "housing_fund_employer", "agency_fee", "service_fee", "labour_cost",
          "employee_contributions", "tax", "net")


def _chain_frame(design, scenario: Scenario, chains: Mapping, base_level: str = "mid") -> pd.DataFrame:
    """The chain as one tidy frame: a row per view, month, role and person (with the
    person's FTE and monthly base pay); every figure in fen (``<figure>_fen``) and, for
    the summed ones, in yuan."""
    months = np.asarray(scenario.months, dtype=object)
    dept = {r.id: r.department or "" for r in design.roles}
    hires = design.employment.roles if design.employment is not None else {}
    blocks = [(rid, view, data["people"]) for rid, views in chains.items() for view, data in views.items()]
    if not blocks:
        return pd.DataFrame(columns=["view", "month", "role", "department", "person", "hire"]
                            + [f"{c}_fen" for c in SUMMED])
    sizes = [people["gross"].shape[-1] * MONTHS for _, _, people in blocks]
    keys = list(dict.fromkeys(k for _, _, people in blocks for k in people))

    def each(values):
        return np.repeat(np.asarray(values, dtype=object), sizes).astype(str)

    cols = {"view": each([v for _, v, _ in blocks]),
            "month": np.concatenate([np.repeat(months, p["gross"].shape[-1]) for _, _, p in blocks]).astype(str),
            "role": each([r for r, _, _ in blocks]), "department": each([dept[r] for r, _, _ in blocks]),
            "person": np.concatenate([np.tile(np.arange(1, p["gross"].shape[-1] + 1), MONTHS) for _, _, p in blocks]),
            "hire": each([hires[r].hire if r in hires else "full_time" for r, _, _ in blocks])}
    shares = {r.id: people_shares(r.headcount) for r in design.roles}
    cols["fte"] = np.concatenate([np.tile(shares[r][:p["gross"].shape[-1]], MONTHS) for r, _, p in blocks])
    cols["base_monthly_fen"] = np.round(cols["fte"] * 100 * np.repeat(
        [_monthly_base(design.role(r), base_level) for r, _, _ in blocks], sizes)).astype(np.int64)
    for k in keys:
        cols[f"{k}_fen"] = np.concatenate([p[k].ravel() if k in p else np.zeros(n, dtype=np.int64)
                                           for (_, _, p), n in zip(blocks, sizes)]).astype(np.int64)
    out = pd.DataFrame(cols)
    for c in SUMMED:
        out[c] = out[f"{c}_fen"] / 100
    return out


def _settle(accrued: np.ndarray, months: list[int] | None) -> tuple[np.ndarray, np.ndarray]:
    """Move amounts (month axis 1) to the month they are paid in; return (paid, carried over)."""
    if months is None:
        return accrued, np.zeros_like(accrued[:, 0])
    paid = np.zeros_like(accrued)
    carried = np.zeros_like(accrued[:, 0])
    for m, when in enumerate(months):
        if when < MONTHS:
            paid[:, when] += accrued[:, m]
        else:
            carried += accrued[:, m]
    return paid, carried


def _on_cost(on_cost, gross_fen: np.ndarray) -> tuple[np.ndarray, float]:
    """Employer on-cost: rate × each person's gross pay for the month, clamped to the base
    range, and the largest amount in fen.

    Gross pay is what the person earned that month (deductions do not lower it).
    """
    lo = float(on_cost.base_floor) if on_cost.base_floor is not None else 0.0
    hi = float(on_cost.base_cap) if on_cost.base_cap is not None else np.inf
    return fen_and_most(float(on_cost.rate) * np.clip(gross_fen / 100, lo, hi))


def _out_of_range(e: AmountRangeError, where: str, role, name, scenarios) -> PayrollError:
    """An amount the payroll cannot hold, located: the component, the role, the month."""
    s = min(getattr(e, "scenario", 0), len(scenarios) - 1)
    month = getattr(e, "month", None)
    if month is None:
        when = {"zh": "每个月", "en": "every month"}
    else:
        label = scenarios[s].months[month]
        when = {"zh": fmt.month(label, "zh"), "en": label}
    if len(scenarios) > 1:
        when = {k: f"{v} ({scenarios[s].id})" for k, v in when.items()}
    return PayrollError(Phrase("err.pay_amount_range", where=where, role=quoted_role(role.id, role.name), label=name,
                               month=when, reason=e.phrase))


def _label(label, default_zh: str, default_en: str) -> tuple[str, str]:
    return (label.zh, label.en or label.zh) if label else (default_zh, default_en)


def _line(env: Environment, role_id: str, ci: int, c, people: np.ndarray, months, cond) -> _Line:
    """One component's line of one scenario: the amounts per month and person (accrued,
    paid, carried over), the drivers it read and where its condition held."""
    accrued = np.array(people, dtype=np.int64)
    paid, carried = _settle(accrued[None], months)
    names = {x for e in c.expressions().values() for x in parse_expression(e).names}
    names |= {c.driver} if getattr(c, "driver", None) else set()
    held = None if cond is None else np.array(np.broadcast_to(cond[0], accrued.shape))
    label = PAY_KINDS[c.kind].label  # a component without a label of its own is named by its kind
    return _Line(role_id, c.kind, ci, *_label(c.label, label["zh"], label["en"]), accrued, np.array(paid[0]),
                 np.array(carried[0]), {k: v[0] for k, v in env.inputs(names, role_id).items()}, held)


def compute(design, scenarios: Sequence[Scenario], *, base_level: str | Sequence[str] = "mid", supply: Mapping | None = None,
            detail: bool = False, progress: bool = False, employment=None, terms=None, chain_out=None):
    """Every role's pay under ``scenarios`` (fitted to the design's headcount) at once.

    ``base_level`` is one pay level for every scenario, or one per scenario (a sweep
    pricing the ends of the pay ranges at once).

    Returns ``(lines, accrued, paid)``: with ``detail`` the lines of the first scenario
    (for one scenario), and per role its plan totals per scenario, int64 fen
    ``(scenarios,)``. ``supply`` fills blank parameters (see :func:`payroll`).

    With ``terms`` (:mod:`shoporg.employment`) and the ``employment`` settings, each
    role's people go through the chain from gross pay to employment cost and net pay,
    for both views; ``chain_out[role_id]`` receives, per view, every chain column
    summed per scenario (``"sums"``) and, with ``detail``, the first scenario's arrays
    per month and person (``"people"``).
    """
    levels = (base_level,) if isinstance(base_level, str) else tuple(base_level)
    for level in levels:
        if level not in BASE_LEVELS:
            raise ValueError(Phrase("err.base_level", allowed=", ".join(BASE_LEVELS), got=repr(level)))
    if len(levels) not in (1, len(scenarios)):
        raise ValueError(Phrase("err.base_level", allowed=", ".join(BASE_LEVELS), got=repr(base_level)))
    starts = {s.start for s in scenarios}
    if len(starts) > 1:
        shown = {"zh": words([fmt.month(m, "zh") for m in sorted(starts)], "zh"), "en": str(sorted(starts))}
        raise PayrollError(Phrase("err.sweep_start", starts=shown))
    supply = checked_supply(design, supply)
    start_month = int(scenarios[0].start[5:7]) - 1
    env = Environment(design, scenarios)
    S = env.size
    lines: list[_Line] = []
    accrued_by_role, paid_by_role = [], []
    amounts: dict[tuple, tuple] = {}  # a component repeated on the same drivers is computed once
    bound = 0.0  # the most the plan's lines can add up to, in absolute fen: kept inside int64
    roles = enumerate(design.roles)
    if progress:
        from tqdm.auto import tqdm  # optional: only for a progress bar in notebooks
        roles = tqdm(roles, total=len(design.roles), desc="roles", leave=False)
    for ri, role in roles:
        shares = people_shares(role.headcount)
        n = len(shares)
        acc = np.zeros((S, MONTHS), dtype=np.int64)
        paid = np.zeros((S, MONTHS), dtype=np.int64)  # what settlement moves: paid = acc + this
        hire = employment.role(role.id) if employment is not None else None
        outsourced = hire is not None and hire.hire == "outsourced"
        if n == 0 or not (role.pay or outsourced):
            accrued_by_role.append(acc.sum(axis=1))
            paid_by_role.append(paid.sum(axis=1))
            continue
        driver = lambda name, _r=role.id: env.driver(name, _r)  # noqa: E731
        gross = np.zeros((S, MONTHS, n), dtype=np.int64) if design.on_cost is not None else None
        people_sums = _PeopleSums(S, n) if terms is not None else None
        bases = {level: _monthly_base(role, level) * shares for level in dict.fromkeys(levels)}
        for ci, c in enumerate(() if outsourced else role.pay):
            where = f"roles[{ri}].pay[{ci}]"
            kind = PAY_KINDS[c.kind]
            param = lambda name, _c=c, _ci=ci, _ri=ri, _r=role: missing_rate(_r, _ri, _ci, _c, name, supply)  # noqa: E731
            try:
                cond = env.evaluate(c.condition, f"{where}.{c.CONDITION}", role.id, bool) if c.condition else None
                factor = env.evaluate(c.multiplier, f"{where}.scale", role.id) if c.multiplier else None
                if factor is not None and not factor.min() >= 0:
                    _negative_scale(factor, f"{where}.scale", c.multiplier, scenarios)
                priced = []  # (how, fen, most) at each pay level of the sweep
                for level, inputs_base in bases.items():
                    key = (tuple((k, v) for k, v in c if k not in ("label", "note")), env.key(role.id), id(factor),
                           level, tuple(inputs_base.tolist()),
                           (role.id, ci) if kind.missing(c) else None)  # a supplied value is the role's own
                    known = amounts.get(key)
                    if known is not None and (known[0] == "pool" or np.array_equal(known[3], shares)):
                        priced.append(known[:3])  # a pool does not depend on who shares it
                        continue
                    inputs = (_Watched if len(bases) > 1 else Inputs)(shares, driver, env.shop, param, level,
                                                                      inputs_base, start_month)
                    priced.append(component_fen(c, inputs, factor))
                    amounts[key] = (*priced[-1], shares)
                    if len(bases) > 1 and not inputs.read:  # the amount does not read the pay level
                        priced = priced[:1]
                        break
                how, fen, most = priced[0] if len(priced) == 1 else _by_level(priced, levels, bases, S, n)
                bound += most * (n if how == "people" else 1) * MONTHS
                if bound > MAX_TOTAL_FEN:
                    raise PayrollError(Phrase("err.pay_total_range", where=where, most=f"{MAX_TOTAL_FEN // 100:,}"))
            except AmountRangeError as e:
                label = {lang: kind.name_of(c, lang) for lang in ("zh", "en")}
                raise _out_of_range(e, where, role, label, scenarios) from None
            except (PayrollError, ScenarioError) as e:
                raise PayrollError((e.phrase or str(e)) if str(e).startswith(where)
                                   else Phrase("err.located", where=where, message=error_words(e))) from None
            months = kind.payment_months(c, start_month)
            if detail or gross is not None or people_sums is not None or (cond is not None and cond.shape[-1] > 1):
                people = (_pool(np.broadcast_to(fen, (S, MONTHS)), shares) if how == "pool"
                          else np.broadcast_to(fen, (S, MONTHS, n)))
                if cond is not None:
                    people = np.where(cond, people, 0)
                if gross is not None:
                    gross += np.maximum(people, 0)
                if people_sums is not None:
                    people_sums.add(people, kind, months, c, employment)
                total = people.sum(axis=-1)
                if detail:
                    lines.append(_line(env, role.id, ci, c, people[0], months, cond))
            else:
                if how == "pool":
                    summed = fen  # the people's shares add up to the pool
                elif fen.ndim == 1:
                    summed = fen.sum()  # fixed amounts per person
                else:  # a last axis of 1 holds the same amount for each person
                    summed = fen.sum(axis=-1) if fen.shape[-1] == n else fen[..., 0] * n
                total = np.broadcast_to(summed, (S, MONTHS)) if cond is None else np.where(cond[..., 0], summed, 0)
            acc += total
            if months is not None:
                paid += _settle(total, months)[0] - total
        oc = None
        if gross is not None:
            label = {lang: _label(design.on_cost.label, t("pay.on_cost", lang), t("pay.on_cost", lang))[0]
                     for lang in ("zh", "en")}
            try:
                oc, most = _on_cost(design.on_cost, gross)
            except AmountRangeError as e:
                e.scenario, e.month = e.index[0], e.index[1]
                raise _out_of_range(e, "on_cost", role, label, scenarios) from None
            bound += most * n * MONTHS
            if bound > MAX_TOTAL_FEN:
                raise PayrollError(Phrase("err.pay_total_range", where="on_cost", most=f"{MAX_TOTAL_FEN // 100:,}"))
            acc += oc.sum(axis=-1)
            if detail:
                zh, en = _label(design.on_cost.label, t("pay.on_cost", "zh"), t("pay.on_cost", "en"))
                lines.append(_Line(role.id, "on_cost", -1, zh, en, oc[0], oc[0].copy(), np.zeros(n, dtype=np.int64)))
        if people_sums is not None and chain_out is not None:
            fee = _service_fee(hire, env, role, shares, S) if outsourced else None
            chain_out[role.id] = people_sums.chain(terms, employment, hire, oc, fee, detail)
        accrued_by_role.append(acc.sum(axis=1))
        paid_by_role.append((acc + paid).sum(axis=1))
    return lines, accrued_by_role, paid_by_role


class _Watched(Inputs):
    """:class:`Inputs` that note whether a kind read the pay level or the base pay it
    gives (an amount that reads neither is the same at every level)."""

    __slots__ = ("_level", "_base", "read")

    def __init__(self, *args):
        self.read = False
        super().__init__(*args)

    @property
    def base_level(self):
        self.read = True
        return self._level

    @base_level.setter
    def base_level(self, value):
        self._level = value

    @property
    def monthly_base(self):
        self.read = True
        return self._base

    @monthly_base.setter
    def monthly_base(self, value):
        self._base = value


def _by_level(priced, levels, bases, S: int, n: int):
    """One component priced at several pay levels as one amount: each scenario's months
    (and people) at its own level; kept as it is where every level gives the same."""
    first_how, first = priced[0][0], priced[0][1]
    if all(how == first_how and np.array_equal(fen, first) for how, fen, _ in priced[1:]):
        return priced[0]
    shape = (S, MONTHS) if first_how == "pool" else (S, MONTHS, n)
    which = np.array([list(bases).index(level) for level in levels])
    stacked = np.stack([np.broadcast_to(fen, shape) for _, fen, _ in priced])
    return first_how, stacked[which, np.arange(S)], max(most for _, _, most in priced)


def _monthly_base(role, level: str) -> float:
    """The role's monthly base pay per FTE at ``level`` (what a 13th month is counted in)."""
    from .kinds.base import base_amount
    return sum(base_amount(c, level) for c in role.pay if c.kind == "base")


class _PeopleSums:
    """One role's pay per scenario, month and person as the chain reads it, for both views:
    gross (every line), the contribution base (earnings before deductions, an annual bonus
    left out), the annual bonus, and the pay the minimum wage counts (accrued)."""

    def __init__(self, S: int, n: int):
        z = lambda: np.zeros((S, MONTHS, n), dtype=np.int64)  # noqa: E731
        self.gross, self.base, self.bonus = {"accrued": z()}, {"accrued": z()}, {"accrued": z()}
        for a in (self.gross, self.base, self.bonus):  # the paid view is the accrued one until something is settled
            a["paid"] = a["accrued"]
        self.counted = z()
        self.bonus_mode: str | None = None
        self.n = n

    def add(self, people: np.ndarray, kind, months, c, employment) -> None:
        once_a_year = kind.name == "year_end_bonus"
        pos = np.maximum(people, 0) if kind.name == "deduction" else people  # only deductions are negative
        if months is not None and self.gross["paid"] is self.gross["accrued"]:
            for a in (self.gross, self.base, self.bonus):
                a["paid"] = a["accrued"].copy()
        views = [("accrued", people, pos)]
        if self.gross["paid"] is not self.gross["accrued"]:
            views.append(("paid", people if months is None else _settle(people, months)[0],
                          pos if months is None else _settle(pos, months)[0]))
        for view, value, positive in views:
            self.gross[view] += value
            if once_a_year:  # taxed as a bonus; not a month's contribution base (bases are set for a year)
                self.bonus[view] += value
            else:
                self.base[view] += positive
        if once_a_year and self.bonus_mode is None:
            self.bonus_mode = getattr(c, "tax", None)
        if kind.minimum_wage_counts:
            self.counted += people

    def chain(self, terms, employment, hire, oc, fee, detail: bool) -> dict:
        from ..employment.chain import (
            chain,  # the employment room, read only when a payroll has terms
        )

        settings = employment
        special = (hire.special_deductions if hire is not None and hire.special_deductions is not None
                   else (settings.special_deductions if settings is not None else 0))
        kw = {"rule": settings.base_rule if settings else "actual",
              "fixed_fen": round(float(settings.base_amount) * 100) if settings and settings.base_amount else None,
              "hire": hire.hire if hire is not None else "full_time",
              "agency_share": float(hire.agency_share or 0) if hire is not None else 0.0,
              "special_fen": round(float(special) * 100), "prior_months": settings.prior_months if settings else 0,
              "bonus_mode": self.bonus_mode or (settings.bonus_tax if settings else "cheaper")}
        override = {"on_cost": oc} if oc is not None and terms.custom else None
        out = {}
        for view in ("accrued", "paid"):
            same = view == "paid" and (self.gross["paid"] is self.gross["accrued"] or all(
                np.array_equal(a["accrued"], a["paid"]) for a in (self.gross, self.base, self.bonus)))
            if not same:  # else nothing of the role is settled later: the paid view is the accrued one
                c, owner = _distinct_people(chain, self.gross[view], self.base[view], self.bonus[view], terms,
                                            override, kw)
                c = dict(c)
                if fee is not None:  # an outsourced role: the vendor's fee is the whole cost
                    c = {k: np.zeros_like(fee) for k in c}
                    c["service_fee"] = c["labour_cost"] = fee
                    owner = np.arange(fee.shape[-1])
                else:
                    c["service_fee"] = np.zeros_like(c["gross"])
            sums = _sums(c, owner, list(c) if detail else _PRIMARY)
            people = {k: v[0][..., owner] for k, v in c.items()} if detail else None
            if view == "accrued" and detail:
                people["counted"] = self.counted[0]
            out[view] = {"sums": sums, "people": people}
        return out


#: the chain figures a sweep adds up; employment cost and net pay follow from them exactly
_PRIMARY = ("gross", "employer_contributions", "housing_fund_employer", "agency_fee", "service_fee",
            "employee_contributions", "tax")


def _sums(c: dict, owner, keys) -> dict:
    """Each figure's total per scenario, a distinct person counted once for each person
    they stand for; employment cost and net pay derived from the others (whole fen)."""
    counts = np.bincount(owner, minlength=c["gross"].shape[-1])
    S = c["gross"].shape[0]
    if (counts == 1).all():
        out = {k: c[k].reshape(S, -1).sum(axis=1) for k in keys}
    else:
        out = {k: (c[k] * counts).reshape(S, -1).sum(axis=1) for k in keys}
    if "labour_cost" not in out:
        out["labour_cost"] = (out["gross"] + out["employer_contributions"] + out["housing_fund_employer"]
                              + out["agency_fee"] + out["service_fee"])
        out["net"] = out["gross"] - out["employee_contributions"] - out["tax"]
    return out


def _distinct_people(chain, gross, base, bonus, terms, override, kw):
    """The chain for a role's people, worked out once for each distinct person (people
    with the same pay in every scenario and month have the same chain): the chain of
    the distinct people and, for each person, the distinct person they equal (its index
    in the chain's last axis)."""
    n = gross.shape[-1]
    if n == 1 or override is not None:
        return chain(gross, base, terms, bonus=bonus, employer_override=override, **kw), np.arange(n)
    owner: list[int] = []
    for j in range(n):
        same = (i for i in dict.fromkeys(owner)
                if all(np.array_equal(a[..., i], a[..., j]) for a in (gross, base, bonus)))
        owner.append(next(same, j))
    idx = np.array(sorted(set(owner)))
    if len(idx) == n:
        return chain(gross, base, terms, bonus=bonus, **kw), np.arange(n)
    c = chain(gross[..., idx], base[..., idx], terms, bonus=bonus[..., idx], **kw)
    return c, np.searchsorted(idx, owner)


def _service_fee(hire, env, role, shares, S) -> np.ndarray:
    """An outsourced role's fee, unit price × its driver each month, shared by its people slots."""
    pool = to_fen(float(hire.unit_price) * np.broadcast_to(env.driver(hire.driver, role.id)[..., 0], (S, MONTHS)))
    return _pool(pool, shares)


def _negative_scale(factor: np.ndarray, where: str, text: str, scenarios) -> None:
    """Refuse a ``scale`` that is negative (or NaN) in some month: it would turn a bonus into a deduction."""
    bad = tuple(int(i) for i in np.argwhere(~(factor >= 0))[0])
    label = scenarios[min(bad[0], len(scenarios) - 1)].months[bad[1]]
    value = float(factor[bad])
    raise PayrollError(Phrase("err.pay_scale_negative", where=where, text=repr(text), got=f"{value:g}",
                              month={"zh": fmt.month(label, "zh"), "en": label}))


def payroll(design, scenario: Scenario, *, base_level: str = "mid", supply: dict | None = None,
            city: str | None = None) -> Payroll:
    """Compute every role's pay for the 12 months of ``scenario``.

    Per-person drivers are first fitted to the design's headcount
    (:func:`~shoporg.scenario.fit_people`: extra people take the mean of the given
    people's values, month by month; with fewer people the first are kept); the
    result's ``filled`` lists them.

    Parameters
    ----------
    base_level : 'low', 'mid' or 'high'
        Which end of a base-pay range to use.
    supply : dict, optional
        Values for parameters the source leaves blank, keyed by
        ``"<role id>.pay[<i>].<parameter>"`` (e.g. ``{"director.pay[1].rate": 0.005}``).
    city : str, optional
        The city whose parameter pack prices employment (上海 or ``shanghai``), over the
        design's and the scenario's ``employment`` block. With one (or the design's
        ``on_cost``) the result's ``chain`` holds every person's gross pay, employer
        contributions, employment cost, employee contributions, tax and net pay.

    Raises
    ------
    PayrollError
        A blank parameter not supplied, a driver the scenario lacks, a bad expression.
    """
    fitted, filled = fit_people(scenario, design)
    settings, terms = employment_terms(design, scenario, city)
    chains: dict = {}
    lines, _, _ = compute(design, [fitted], base_level=base_level, supply=merged_supply(scenario.supply, supply),
                          detail=True, employment=settings, terms=terms, chain_out=chains)
    return Payroll(design, scenario, lines, base_level, filled=filled, chain=chains, terms=terms,
                   employment=settings)


def employment_terms(design, scenario: Scenario, city: str | None = None):
    """The employment settings and the pack's terms for ``scenario``'s months (None, None
    without a city or an ``on_cost``)."""
    from ..employment.setup import (  # the employment room reads the packs
        settings_for,
        terms_for,
    )
    settings = settings_for(design, scenario, city)
    return settings, terms_for(design, settings, scenario.months)
