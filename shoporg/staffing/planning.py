"""One loop from volume to cost: staffing, payroll of the staffed design, temporary staff
for the peak months, the priced ways to cover each peak (:mod:`~shoporg.staffing.peak`)
and the cost per order month by month.

>>> import shoporg
>>> from shoporg.staffing import read_norms
>>> d = shoporg.load_template("seed-14-basic-22")
>>> s = shoporg.load_scenario("d14-double11")
>>> p = plan(d, s, read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml"))
>>> p.staffed.headcount > d.headcount, list(p.monthly().columns)[-2:]
(True, ['cost_per_order', 'share_of_revenue'])
>>> p.peak.best.set_index("role").loc["picker", "mix"]
'temps'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..pay.amounts import base_amount, to_fen
from ..pay.engine import payroll
from ..unit_cost import cost_per_order
from .peak import PeakInputs, peak_options
from .sizing import _people, norms_for, recommend_headcount, scale_design

__all__ = ["Plan", "plan"]


class Plan:
    """The one loop: staffing, payroll of the staffed design, temporary staff, unit costs;
    ``peak`` holds the priced ways to cover each peak month (:class:`~shoporg.staffing.peak.PeakOptions`)."""

    def __init__(self, design, staffed, scenario, recommendation, payroll, temporary, peak=None):
        self.design, self.staffed, self.scenario = design, staffed, scenario
        self.recommendation, self.payroll, self.temporary = recommendation, payroll, temporary
        self.peak = peak

    def monthly(self):
        """Per month: orders, revenue, permanent payroll, temporary staff cost, total,
        cost per order and cost as a share of revenue (accrued view)."""
        m = self.payroll.by_month()
        out = pd.DataFrame(index=m.index)
        out["orders"] = self.scenario.driver("orders")
        out["revenue"] = self.scenario.driver("revenue")
        out["payroll"] = m["accrued"]
        out["temporary"] = self.temporary.sum(axis=1).values / 100
        out["total"] = (m["accrued_fen"].values + self.temporary.sum(axis=1).values) / 100
        out["cost_per_order"] = cost_per_order(out["total"], out["orders"])
        out["share_of_revenue"] = (out["total"] / out["revenue"].where(out["revenue"] > 0)).round(4)
        return out

    def __repr__(self) -> str:
        m = self.monthly()
        return (f"<Plan {self.design.id}: {float(self.design.headcount):g} → {float(self.staffed.headcount):g} people, "
                f"year ¥{m['total'].sum():,.2f}, ¥{m['total'].sum() / m['orders'].sum():.2f} per order>")


def plan(design, scenario, norms=None, *, base_level: str = "mid", supply=None,
         peak: PeakInputs | None = None) -> Plan:
    """Recommended headcount for the scenario → payroll of the staffed design → the cost of
    covering months that need more people than the permanent headcount (the peak planner's
    cheapest lawful way where it priced one, else temporary staff at the role's base pay per
    FTE) → cost per order and share of revenue by month.

    ``peak`` prices the ways to cover each peak month (temps, agency staff, overtime,
    outsourced chat, a chatbot; :func:`~shoporg.staffing.peak.peak_options`); without it
    only the ways that need no price of the user's are priced (temps at the role's base
    pay and overtime)."""
    rec = recommend_headcount(design, scenario, norms)
    staffed = scale_design(design, scenario, norms)
    pr = payroll(staffed, scenario, base_level=base_level, supply=supply)  # per-person data fitted to the staffing
    table = norms_for(design, norms)
    temp = {}
    for row in rec.itertuples():
        norm = table.get(row.role)
        if norm is None:
            continue
        need = np.array([_people(norm, float(v))[0] for v in scenario.driver(norm.driver)], dtype=float)
        extra = np.maximum(need - row.recommended, 0)
        bases = [c for c in staffed.role(row.role).pay if c.kind == "base"]
        monthly = base_amount(bases[0], base_level) if bases else 0.0
        temp[row.role] = to_fen(extra * monthly)
    temporary = pd.DataFrame(temp, index=scenario.months) if temp else pd.DataFrame(index=scenario.months)
    options = peak_options(design, scenario, norms, peak, base_level=base_level, supply=supply, recommendation=rec,
                           payroll=pr)
    best = options.best if options is not None else None
    for row in (best.itertuples() if best is not None else ()):
        # where the planner priced a lawful way, the peak costs what its cheapest one costs
        # (temps with their share of piece pay, overtime, agency or outsourced work; with a
        # city's terms the employer's contributions too), not temps at the base
        if row.legal and row.role in temporary.columns and row.month in temporary.index:
            temporary.loc[row.month, row.role] = int(row.labour_cost_fen)
    return Plan(design, staffed, scenario, rec, pr, temporary, options)
