"""payroll_sweep against one payroll() call per scenario, in one run.

A synthetic brand department of 200 roles (base pay, pooled piece rates, gated revenue
bonuses, a quarterly allowance on a condition) under 10,000 twelve-month scenarios.
The sweep must give the same totals; the script checks that on a sample and prints
both times and the ratio. It does so twice: gross pay only, then with the employment
chain of the Shanghai pack (social insurance, housing fund, income tax, net pay; a
13th month in January for every fourth role, part of them with an agency).

Then the sweep against a plain numpy floor at 100 and 10,000 scenarios: the same rules
written by hand as one array expression each over (scenarios × months), rounded to the
fen as the engine rounds, with no engine around them. The floor's totals are checked
equal to the sweep's to the fen; the targets are the sweep within 5× the floor at 100
scenarios and 2× at 10,000. Run: `.venv/bin/python benchmarks/bench_payroll_sweep.py`
(`--floor` for the floor comparison alone).
"""

from __future__ import annotations

import random
import subprocess
import sys
import time

import numpy as np


def brand_department(n_roles: int = 200, seed: int = 7):
    from shoporg.io.yaml_io import design_from_dict
    rng = random.Random(seed)
    roles = [{"id": "r0", "name": "电商总监", "pay": [{"kind": "base", "monthly": 20000},
                                                     {"kind": "revenue_bonus", "rate": 0.001}]}]
    for i in range(1, n_roles):
        pay = [{"kind": "base", "monthly": [rng.randrange(2000, 4000, 100), rng.randrange(4000, 9000, 100)]}]
        kind = i % 4
        if kind == 0:
            pay.append({"kind": "piece_rate", "driver": rng.choice(["orders_picked", "orders_shipped"]),
                        "rate": rng.choice([1, 1.5, 2])})
        elif kind == 1:
            pay.append({"kind": "revenue_bonus", "rate": rng.choice([0.001, 0.002]), "scope": "team",
                        "gate": "attainment >= 1"})
        elif kind == 2:
            pay.append({"kind": "allowance", "monthly": 1500, "when": "store_incidents == 0",
                        "settle": "quarterly", "pay_lag_months": 1})
        else:
            pay += [{"kind": "piece_rate", "driver": "complaints", "rate": 2},
                    {"kind": "team_bonus", "amount": 500, "when": "negative_reviews == 0", "split": "pool"}]
        roles.append({"id": f"r{i}", "name": f"岗位{i}", "reports_to": f"r{rng.randrange(0, i)}",
                      "headcount": rng.choice([1, 1, 2, 3, 5, 0.5]), "pay": pay})
    return design_from_dict({"schema": "shoporg/design-v1", "id": "brand-200", "name": "品牌电商部", "roles": roles})


def scenarios(n: int, seed: int = 11):
    from shoporg import Scenario
    rng = np.random.default_rng(seed)
    base = rng.integers(500, 20000, size=n)
    season = np.array([1.3, 0.7, 0.9, 0.9, 1.1, 1.8, 0.9, 0.9, 1.0, 1.1, 2.5, 1.4])
    out = []
    for i in range(n):
        orders = np.round(base[i] * season)
        out.append(Scenario(start="2026-01", id=f"s{i}", drivers={
            "orders_picked": orders, "orders_shipped": orders, "revenue": orders * 180.5,
            "complaints": np.round(orders * 0.01), "negative_reviews": rng.integers(0, 2, 12),
            "store_incidents": rng.integers(0, 2, 12), "attainment": rng.choice([0.9, 1.1], 12)}))
    return out


def employed(design):
    """The department employed in Shanghai (figures as in force on 2025-01-01, the latest date
    the shipped pack gives every key for), a 13th month for every fourth role, agency staff."""
    from shoporg.pay.kinds.year_end_bonus import YearEndBonus
    roles = []
    for i, r in enumerate(design.roles):
        if i % 4 == 1:
            r = r.model_copy(update={"pay": r.pay + (YearEndBonus(kind="year_end_bonus", months=1, month=1),)})
        roles.append(r)
    agency = {r.id: {"hire": "agency", "agency_share": 0.06} for i, r in enumerate(design.roles) if i % 10 == 3}
    return design.replace(roles=tuple(roles), employment={"city": "上海", "effective": "2025-01-01", "roles": agency})


def _fen(yuan):
    """Yuan to fen as the engine rounds: half away from zero."""
    cents = np.asarray(yuan, dtype=float) * 100
    return np.copysign(np.floor(np.abs(cents) + 0.5 + 1e-6), cents).astype(np.int64)


_TESTS = {">=": np.greater_equal, "==": np.equal}


def numpy_floor(design, runs) -> np.ndarray:
    """Accrued fen per scenario for :func:`brand_department`'s rules, by hand in numpy:
    the drivers stacked once into (scenarios, 12) arrays, then per role and component one
    expression (a base per person, a pool on a driver, an amount where a condition holds),
    rounded and summed. What a sweep of these rules cannot do with less numpy."""
    from shoporg.pay.engine import people_shares

    names = ("orders_picked", "orders_shipped", "revenue", "complaints", "negative_reviews", "store_incidents",
             "attainment")
    drivers = {k: np.array([s.driver(k) for s in runs], dtype=float) for k in names}
    total = np.zeros(len(runs), dtype=np.int64)
    for role in design.roles:
        shares = people_shares(role.headcount)
        for c in role.pay:
            held = None
            if c.condition:
                name, op, value = c.condition.split()
                held = _TESTS[op](drivers[name], float(value))
            if c.kind == "base":
                lo, hi = c.monthly if isinstance(c.monthly, tuple) else (c.monthly, c.monthly)
                total += 12 * int(_fen(float(lo + hi) / 2 * shares).sum())
                continue
            if c.kind == "allowance":
                month = np.full(drivers["revenue"].shape, int(_fen(float(c.monthly) * shares).sum()))
            elif c.kind == "team_bonus":
                month = np.full(drivers["revenue"].shape, int(_fen(float(c.amount))))
            elif c.kind == "revenue_bonus" and c.scope == "shop":
                month = _fen(float(c.rate) * drivers[c.driver][..., None] * shares).sum(axis=-1)
            else:  # a piece rate or a team's revenue bonus: a pool on a shop-wide driver
                month = _fen(float(c.rate) * drivers[c.driver])
            total += (month if held is None else np.where(held, month, 0)).sum(axis=1)
    return total


def against_floor(design, sizes=(100, 10_000)) -> None:
    """The sweep's time over the floor's at each number of scenarios (CPU seconds, least of
    several runs: the machine may be shared), totals compared."""
    from shoporg import payroll_sweep

    payroll_sweep(design, scenarios(10))
    for n in sizes:
        runs = scenarios(n)
        sweep, floor = float("inf"), float("inf")
        for _ in range(3 if n > 1000 else 7):
            t = time.process_time()
            swept = payroll_sweep(design, runs)
            sweep = min(sweep, time.process_time() - t)
            t = time.process_time()
            by_hand = numpy_floor(design, runs)
            floor = min(floor, time.process_time() - t)
        assert (swept["accrued_fen"].to_numpy() == by_hand).all(), "the floor and the sweep disagree"
        most = 5 if n <= 100 else 2
        print(f"{n:>6,} scenarios: sweep {sweep * 1000:9.1f} ms, numpy floor {floor * 1000:9.1f} ms, "
              f"{sweep / floor:5.1f}× the floor ({'ok' if sweep / floor <= most else 'NOT'}: ≤ {most}×); "
              f"{sweep / len(design.roles) * 1e6:6.0f} µs a role; totals equal to the fen")


def main() -> None:
    if "--floor" in sys.argv:
        against_floor(brand_department())
        return
    design = brand_department()
    t = time.perf_counter()
    runs = scenarios(10_000)
    build = time.perf_counter() - t
    print(f"design: {len(design.roles)} roles, {float(design.headcount):g} people; "
          f"10,000 scenarios built in {build:.2f} s (not counted below)")
    print("\n-- gross pay only")
    measure(design, runs)
    print("\n-- with the employment chain (上海: 五险一金, 个税, 实发; 13th month; agency)")
    measure(employed(design), runs, chain=True)
    print("\n-- the sweep against a numpy floor (gross pay)")
    against_floor(design)

    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import shoporg"], check=True)
    with_pkg = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - t
    print(f'\npython -c "import shoporg": {with_pkg * 1000:.0f} ms ({(with_pkg - bare) * 1000:.0f} ms over a bare start)')


def measure(design, runs, chain: bool = False) -> None:
    from shoporg import payroll, payroll_sweep

    payroll_sweep(design, runs[:10])  # warm caches and imports
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        sweep = payroll_sweep(design, runs)
        best = min(best, time.perf_counter() - t)
    print(f"payroll_sweep, 10,000 scenarios:          {best:8.3f} s")

    sample = 40
    t = time.perf_counter()
    singles = [payroll(design, s) for s in runs[:sample]]
    per_call = (time.perf_counter() - t) / sample
    loop = per_call * len(runs)
    print(f"payroll() once per scenario ({per_call * 1000:.1f} ms each, "
          f"timed on {sample}, scaled to 10,000): {loop:8.1f} s")
    print(f"ratio: the sweep is {loop / best:,.0f}x faster")
    for i, pr in enumerate(singles):
        assert int(sweep.accrued_fen[i]) == int(pr.lines.accrued_fen.sum()), i
        assert int(sweep.paid_fen[i]) == int(pr.lines.paid_fen.sum()), i
        if chain:
            for col in ("gross", "labour_cost", "net", "tax", "employer_contributions", "agency_fee"):
                one = pr.chain.loc[pr.chain.view == "accrued", f"{col}_fen"].sum()
                assert int(sweep[f"{col}_fen"][i]) == int(one), (i, col)
            assert int(sweep.net_paid_fen[i]) == int(pr.chain.loc[pr.chain.view == "paid", "net_fen"].sum()), i
    if chain:
        print(f"year totals: gross ¥{sweep.gross.sum():,.0f}, 人工成本 ¥{sweep.labour_cost.sum():,.0f}, "
              f"net ¥{sweep.net.sum():,.0f}, tax ¥{sweep.tax.sum():,.0f} over the 10,000 scenarios")
    print(f"totals{' and every chain figure' if chain else ''} identical to the fen on the {sample} "
          "scenarios compared")


if __name__ == "__main__":
    main()
