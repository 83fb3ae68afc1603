"""Payroll totals for many scenarios at once (what-if sweeps), vectorized over scenarios.

The sweep is the engine of :func:`~shoporg.pay.engine.payroll` run over every scenario
at once (:func:`~shoporg.pay.engine.compute`), keeping totals instead of lines: the
same rounding, to the fen, for each scenario.

Drivers may be shop-wide, per role or per person (as in :func:`payroll`, fitted to the
design's headcount); the scenarios of one sweep must share a start month (quarterly
settlement depends on it).

>>> from shoporg import load_template, Scenario
>>> d = load_template("seed-14-basic-22").only(["storekeeper", "picker", "shipper"])
>>> runs = [Scenario.from_profile({"orders_picked": n, "orders_shipped": n, "store_incidents": 0})
...         for n in (1000, 2000, 3000)]
>>> payroll_sweep(d, runs)["accrued"].tolist()
[186000.0, 234000.0, 282000.0]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..i18n import Phrase
from ..scenario import Scenario, fit_people
from .amounts import merged_supply
from .engine import SUMMED, compute, employment_terms

__all__ = ["payroll_sweep"]


def payroll_sweep(design, scenarios: Sequence[Scenario], *, base_level: str | Sequence[str] = "mid",
                  supply: dict | None = None, by_role: bool = False, progress: bool = False,
                  city: str | None = None):
    """Totals for each scenario: ``accrued``, ``paid`` and ``carried_over`` in yuan; with
    employment terms (``city``, or the design's or first scenario's ``employment``, or an
    ``on_cost``) also every chain figure of :func:`~shoporg.pay.engine.payroll` (``gross``,
    ``labour_cost``, ``net``, ``tax``... accrued; ``labour_cost_paid``, ``net_paid``), the
    same to the fen.

    ``base_level`` is the pay level of every scenario (``low``, ``mid``, ``high``) or one
    level per scenario: the same scenario at several levels is priced in one sweep.

    With ``by_role=True`` the frame has one row per scenario and role. ``progress``
    shows a tqdm bar over the roles (useful in notebooks for large designs).
    """
    scenarios = list(scenarios)
    if not scenarios:
        raise ValueError(Phrase("err.sweep_none"))
    fitted = [fit_people(s, design)[0] for s in scenarios]
    settings, terms = employment_terms(design, scenarios[0], city)
    chains: dict = {}
    _, accrued, paid = compute(design, fitted, base_level=base_level, progress=progress,
                               supply=merged_supply(scenarios[0].supply, supply), employment=settings, terms=terms,
                               chain_out=chains)
    S = len(scenarios)
    ids = [s.id for s in scenarios]
    if by_role:
        rows = [{"scenario": i, "scenario_id": ids[i], "role": r.id,
                 "accrued_fen": int(a[i]), "paid_fen": int(p[i])}
                for r, a, p in zip(design.roles, accrued, paid) for i in range(S)]
        df = pd.DataFrame(rows)
    else:
        a = np.sum(accrued, axis=0) if accrued else np.zeros(S, dtype=np.int64)
        p = np.sum(paid, axis=0) if paid else np.zeros(S, dtype=np.int64)
        df = pd.DataFrame({"scenario": range(S), "scenario_id": ids, "accrued_fen": a, "paid_fen": p})
    df["accrued"] = df["accrued_fen"] / 100
    df["paid"] = df["paid_fen"] / 100
    df["carried_over"] = (df["accrued_fen"] - df["paid_fen"]) / 100
    if terms is not None:
        zero = np.zeros(S, dtype=np.int64)
        for view, suffix in (("accrued", ""), ("paid", "_paid")):
            for c in SUMMED if view == "accrued" else ("gross", "labour_cost", "net"):
                per_role = [chains[r.id][view]["sums"][c] if r.id in chains else zero for r in design.roles]
                fen = np.concatenate(per_role) if by_role else np.sum(per_role, axis=0)
                df[f"{c}{suffix}_fen"] = np.asarray(fen, dtype=np.int64)
                df[f"{c}{suffix}"] = df[f"{c}{suffix}_fen"] / 100
    return df
