"""Chat staffing by queueing theory (shoporg.erlang): known numbers, oracles, properties.

pyworkforce is a test-only oracle: the tests that use it skip when it is not installed.
"""

from __future__ import annotations

import itertools
import math
import time
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shoporg.erlang import (
    HOURLY_PROFILES,
    IntradayStaffing,
    Staffing,
    StaffingInputError,
    effective_aht,
    erlang_b,
    erlang_c,
    intraday_staffing,
    quota_headcount,
    required_agents,
    service_metrics,
)
from shoporg.errors import ShopOrgError

# ------------------------------------------------------------ independent calculations

def exact_erlang_b(n: int, load: Fraction) -> Fraction:
    """Erlang B straight from its definition, (A^n/n!) / Σ A^k/k!, in exact fractions."""
    terms = [load ** k / math.factorial(k) for k in range(n + 1)]
    return terms[-1] / sum(terms)


def exact_erlang_c_sl(n: int, arrivals, aht, interval, t) -> float:
    """Erlang C service level from the textbook factorial formula, in exact fractions."""
    a = Fraction(arrivals) / Fraction(interval) * Fraction(aht)
    top = a ** n / math.factorial(n) * n / (n - a)
    c = top / (sum(a ** k / math.factorial(k) for k in range(n)) + top)
    return 1 - float(c) * math.exp(-float(n - a) * t / aht)


def log_erlang_b(n: int, load: float) -> float:
    """log Erlang B from Poisson terms in logs (log-sum-exp), for thousands of servers."""
    logs = np.array([k * math.log(load) - math.lgamma(k + 1) for k in range(n + 1)])
    top = logs.max()
    return logs[-1] - (top + math.log(np.exp(logs - top).sum()))


def _expm(q: np.ndarray) -> np.ndarray:
    """Matrix exponential by scaling and squaring with a Taylor series."""
    norm = np.abs(q).sum(axis=1).max()
    s = max(0, int(math.ceil(math.log2(norm / 0.25))) if norm > 0 else 0)
    m = q / 2 ** s
    out = np.eye(len(q))
    term = np.eye(len(q))
    for k in range(1, 30):
        term = term @ m / k
        out = out + term
    for _ in range(s):
        out = out @ out
    return out


def brute_erlang_a(n: int, lam: float, aht: float, patience: float, t: float) -> dict:
    """M/M/n+M by brute force: truncated stationary distribution of the birth-death chain,
    and the service level from the tagged customer's absorbing chain (matrix exponential)."""
    mu, theta = 1 / aht, 1 / patience
    p = [1.0]
    k = 0
    while True:
        k += 1
        p.append(p[-1] * lam / (min(k, n) * mu + max(k - n, 0) * theta))
        if k > n and p[-1] < 1e-18 * sum(p):
            break
    p = np.array(p) / sum(p)
    queue = np.arange(len(p)) - n
    wait = p[n:].sum()
    lq = (queue[n:] * p[n:]).sum()
    pab = theta * lq / lam
    # tagged customer with j ahead: j -> j-1 (j=0 -> served) at n·mu + j·theta, abandons at theta
    jmax = len(p) - 1 - n
    size = jmax + 3  # states 0..jmax, served, abandoned
    served, gone = jmax + 1, jmax + 2
    q = np.zeros((size, size))
    for j in range(jmax + 1):
        q[j, j - 1 if j else served] = n * mu + j * theta
        q[j, gone] = theta
        q[j, j] = -(n * mu + j * theta + theta)
    reach = _expm(q * t)[: jmax + 1, served]
    sl = p[:n].sum() + (p[n:] * reach).sum()
    return {"wait_probability": wait, "abandon_probability": pab, "service_level": sl,
            "asa_s": lq / lam, "occupancy": lam * (1 - pab) / (n * mu)}


# ------------------------------------------------------------------- known numbers

def test_published_example_14_agents_20_positions():
    """callcentrehelper.com, "Erlang C formula - made simple": 100 calls in 30 minutes,
    AHT 180 s, 80% within 20 s -> 14 agents at about 88.8%, 20 with 30% shrinkage."""
    r = required_agents(100, 180, interval_s=1800, service_level=0.8, answer_within_s=20)
    assert isinstance(r, Staffing)
    assert r.agents == 14
    assert round(r.service_level, 3) == 0.888
    assert round(r.service_level, 3) == round(exact_erlang_c_sl(14, 100, 180, 1800, 20), 3)
    assert r.service_level == pytest.approx(exact_erlang_c_sl(14, 100, 180, 1800, 20), abs=1e-12)
    thirteen = service_metrics(13, 100, 180, answer_within_s=20).service_level  # 13 is not enough
    assert thirteen == pytest.approx(exact_erlang_c_sl(13, 100, 180, 1800, 20), abs=1e-12) and thirteen < 0.8
    assert r.load_erlangs == 10.0 and r.occupancy == pytest.approx(10 / 14)
    assert r.asa_s == pytest.approx(float(erlang_c(14, 10.0)) * 180 / 4)
    assert required_agents(100, 180, shrinkage=0.3).positions == 20


@pytest.mark.parametrize("n,load", [(1, Fraction(1, 2)), (14, Fraction(10)), (30, Fraction(45, 2)),
                                    (100, Fraction(90)), (3, Fraction(7))])
def test_erlang_b_and_c_equal_the_factorial_definition(n, load):
    b = exact_erlang_b(n, load)
    assert erlang_b(n, float(load)) == pytest.approx(float(b), rel=1e-12)
    if n > load:
        c = n * b / (n - load * (1 - b))
        assert erlang_c(n, float(load)) == pytest.approx(float(c), rel=1e-12)
    else:
        assert erlang_c(n, float(load)) == 1.0


def test_erlang_b_vectorized():
    got = erlang_b(np.array([0, 1, 14]), np.array([3.0, 0.5, 10.0]))
    assert got.tolist() == pytest.approx([1.0, 1 / 3, float(exact_erlang_b(14, Fraction(10)))])


def test_quota_method_445_people():
    assert quota_headcount(5_000_000, 50, working_days=250, attendance=0.9) == 445
    assert quota_headcount(0, 50) == 0
    assert quota_headcount(1e-12, 50) == 1  # a minimum of one where there is work
    assert quota_headcount(1e-12, 50, minimum_one=False) == 0
    assert quota_headcount(12 * 300 * 20.83, 300) == 12  # binary noise does not add a person
    assert quota_headcount(12 * 300 * 20.83 + 1, 300) == 13


# ------------------------------------------------------------- pyworkforce as oracle

ARRIVALS = [3, 17, 40, 100, 160, 333, 750, 1500]
AHTS = [60, 150, 180, 300, 540]
TARGETS = [(0.7, 30), (0.8, 20), (0.8, 60), (0.85, 15), (0.9, 10), (0.95, 20)]


def test_agents_equal_pyworkforce_over_a_240_point_grid():
    pytest.importorskip("pyworkforce")
    import pyworkforce.queuing as pwf
    checked = 0
    for aht, (sl, t) in itertools.product(AHTS, TARGETS):
        ours = required_agents(ARRIVALS, aht, service_level=sl, answer_within_s=t, shrinkage=0.25)
        for arrivals, row in zip(ARRIVALS, ours.itertuples()):
            theirs = pwf.ErlangC(transactions=arrivals, aht=aht, asa=t, interval=1800,
                                 shrinkage=0.25).required_positions(service_level=sl)
            assert row.agents == theirs["raw_positions"], (arrivals, aht, sl, t)
            assert row.positions == theirs["positions"], (arrivals, aht, sl, t)
            assert row.service_level == pytest.approx(theirs["service_level"], abs=1e-9)
            assert row.occupancy == pytest.approx(theirs["occupancy"], rel=1e-12)
            assert row.wait_probability == pytest.approx(theirs["waiting_probability"], abs=1e-9)
            checked += 1
    assert checked == 240


def test_occupancy_cap_equals_pyworkforce():
    pytest.importorskip("pyworkforce")
    import pyworkforce.queuing as pwf
    for arrivals, cap in itertools.product([7, 55, 230, 901], [0.6, 0.75, 0.9]):
        ours = required_agents(arrivals, 200, max_occupancy=cap)
        theirs = pwf.ErlangC(transactions=arrivals, aht=200, asa=20, interval=1800).required_positions(
            service_level=0.8, max_occupancy=cap)
        assert ours.agents == theirs["raw_positions"]
        assert ours.occupancy <= cap


def test_known_divergences_from_pyworkforce_are_its_search_start_and_float_noise():
    """Where pyworkforce 0.5.1 answers one more than the true minimum: it starts
    searching at round(A + 1) (so a low target met at floor(A) + 1 agents is missed), and
    float noise in ceil(21 / (1 - 0.3)) and in an occupancy exactly at its cap."""
    pytest.importorskip("pyworkforce")
    import pyworkforce.queuing as pwf
    e = pwf.ErlangC(transactions=5, aht=180, asa=10, interval=1800)
    assert e.required_positions(service_level=0.5)["raw_positions"] == 2
    assert e.service_level(1) >= 0.5  # by pyworkforce's own formula, 1 agent is enough
    assert required_agents(5, 180, service_level=0.5, answer_within_s=10).agents == 1
    # in floats 21 / (1 - 0.3) is 30.000000000000004
    assert pwf.ErlangC(transactions=100, aht=300, asa=20, interval=1800, shrinkage=0.3).required_positions(
        service_level=0.8)["positions"] == 31
    r = required_agents(100, 300, shrinkage=0.3)
    assert (r.agents, r.positions) == (21, 30)
    # positions are the exact ceiling of agents / (1 - shrinkage); with 30% shrinkage the
    # float quotient overshoots a whole number for 21, 42, 84, 161 ... agents
    for shrinkage in ("0.1", "0.2", "0.25", "0.3", "0.35", "0.7"):
        table = service_metrics(np.arange(1, 400), 100, 300, shrinkage=float(shrinkage))
        exact = [math.ceil(Fraction(int(n)) / (1 - Fraction(shrinkage))) for n in table["agents"]]
        assert table["positions"].tolist() == exact, shrinkage
    # an occupancy exactly at the cap: 306 chats x 150 s = 25.5 Erlangs = 85% of 30 agents,
    # but in floats 306 / 1800 * 150 is 25.500000000000004
    assert pwf.ErlangC(transactions=306, aht=150, asa=20, interval=1800).required_positions(
        service_level=0.8, max_occupancy=0.85)["raw_positions"] == 31
    r = required_agents(306, 150, max_occupancy=0.85)
    assert r.agents == 30 and r.occupancy == pytest.approx(0.85, abs=1e-12)
    # where only the cap binds, a load of exactly 85% of n agents needs n, not n + 1, though
    # the float occupancy comes out at 0.8500000000000001 for n = 18, 26, 34, 36 ...
    for n in range(2, 202, 2):
        capped = required_agents(8.5 * n, 180, service_level=0.05, answer_within_s=0, max_occupancy=0.85)
        assert capped.agents == n, n


# ---------------------------------------------------------------------------- Erlang A

def test_erlang_a_matches_an_independent_exact_computation():
    """pyworkforce's ErlangA test snapshot (rodrigo-arenas/pyworkforce,
    queuing/tests/test_abandonment.py, computed from the chain's stationary distribution
    and uniformization): 100 per 30 min, AHT 3 min, patience 5 min, 14 agents, 20 s."""
    r = service_metrics(14, 100, 180, answer_within_s=20, patience_s=300)
    assert round(r.wait_probability, 5) == 0.14526
    assert round(r.abandon_probability, 6) == 0.013984
    assert round(r.occupancy, 6) == 0.704297
    assert round(r.asa_s / 60, 6) == 0.069919
    assert round(r.service_level, 6) == 0.916792


@pytest.mark.parametrize("n,arrivals,aht,patience,t", [
    (14, 100, 180, 300, 20), (8, 60, 240, 90, 30), (5, 80, 150, 40, 0), (3, 90, 120, 60, 15),
    (25, 300, 150, 200, 45),
])
def test_erlang_a_equals_brute_force_markov_chain(n, arrivals, aht, patience, t):
    want = brute_erlang_a(n, arrivals / 1800, aht, patience, t)
    got = service_metrics(n, arrivals, aht, answer_within_s=t, patience_s=patience)
    for key, value in want.items():
        assert getattr(got, key) == pytest.approx(value, rel=1e-8, abs=1e-12), key


def test_erlang_a_tends_to_erlang_c_with_large_patience():
    c = service_metrics(14, 100, 180)
    gaps = []
    for patience in (1e3, 1e4, 1e5, 1e6, 1e7):
        a = service_metrics(14, 100, 180, patience_s=patience)
        gaps.append(abs(a.service_level - c.service_level))
        assert a.wait_probability == pytest.approx(c.wait_probability, abs=20 / patience)
        assert a.asa_s == pytest.approx(c.asa_s, abs=3e3 / patience)
    assert gaps == sorted(gaps, reverse=True) and gaps[-1] < 1e-5
    assert required_agents(100, 180, patience_s=1e6).agents == 14
    big = required_agents([20, 100, 400, 900], [120, 180, 240, 300], patience_s=1e6)
    assert big["agents"].tolist() == required_agents([20, 100, 400, 900], [120, 180, 240, 300])["agents"].tolist()


def test_abandonment_is_a_probability_and_falls_with_agents():
    r = service_metrics(np.arange(1, 31), 200, 240, patience_s=90)
    pab = r["abandon_probability"].to_numpy()
    assert ((pab >= 0) & (pab <= 1)).all()
    assert (np.diff(pab) < 0).all()
    assert r["service_level"].is_monotonic_increasing
    less_patient = service_metrics(20, 200, 240, patience_s=30).abandon_probability
    assert less_patient > service_metrics(20, 200, 240, patience_s=300).abandon_probability
    # overloaded: abandonment keeps the queue finite, served share = occupancy × N / A
    over = service_metrics(10, 200, 240, patience_s=90)
    assert 0 < over.abandon_probability < 1
    assert over.occupancy * 10 == pytest.approx(over.load_erlangs * (1 - over.abandon_probability))


def test_erlang_a_needs_fewer_agents_than_erlang_c_and_reports_abandonment():
    a = required_agents(100, 180, patience_s=120)
    assert a.agents == 12 and round(a.abandon_probability, 4) == 0.0616
    assert a.agents < required_agents(100, 180).agents
    assert a.asa_s == pytest.approx(a.abandon_probability * 120)


# ------------------------------------------------------------------------- concurrency

def test_concurrency_model_is_documented_and_adjustable():
    assert effective_aht(240, 1) == 240.0
    assert effective_aht(240, 3) == 240 * (1 + 0.25 * 2)
    assert effective_aht(240, 3, concurrency_slowdown=0.0) == 240.0
    r = required_agents(300, 240, concurrency=3)
    assert r.load_erlangs == pytest.approx(300 / 1800 * 360)
    assert r.agents < required_agents(300, 240).agents
    # k = 0: c conversations per agent are c servers each, so agents = ceil(servers / c)
    for arrivals in (10, 95, 400, 1234):
        single = required_agents(arrivals, 240).agents
        for c in (2, 3, 5):
            assert required_agents(arrivals, 240, concurrency=c, concurrency_slowdown=0).agents == -(-single // c)
    # k = 1: no throughput gain (the agents' workload is that of c = 1); only the larger
    # pool of slots answers a little faster, so agents stay above the workload
    single, slow = required_agents(300, 240), required_agents(300, 240, concurrency=3, concurrency_slowdown=1)
    assert slow.load_erlangs == 3 * single.load_erlangs
    assert single.load_erlangs < slow.agents <= single.agents


# --------------------------------------------------------------------------- stability

def test_five_thousand_agents_is_finite_and_sensible():
    r = required_agents(49_000, 180)  # 4,900 Erlangs
    assert 4_900 < r.agents <= 5_000
    assert all(math.isfinite(getattr(r, f)) for f in ("service_level", "asa_s", "occupancy"))
    assert 0.8 <= r.service_level < 0.9 and 0.97 < r.occupancy < 1
    assert service_metrics(r.agents - 1, 49_000, 180).service_level < 0.8
    b = erlang_b(r.agents, 4_900.0)
    assert math.log(b) == pytest.approx(log_erlang_b(r.agents, 4_900.0), rel=1e-9)
    big = service_metrics(5_000, 49_000, 180)
    assert big.service_level > r.service_level and big.asa_s < r.asa_s
    a = required_agents(49_000, 180, patience_s=300)
    assert 0 < a.agents <= 5_000 and math.isfinite(a.asa_s) and 0 <= a.abandon_probability < 1
    assert service_metrics(a.agents - 1, 49_000, 180, patience_s=300).service_level < 0.8 <= a.service_level


def test_vectorized_equals_scalar_element_by_element():
    rng = np.random.default_rng(7)
    arrivals = np.concatenate([[0.0], rng.uniform(0.5, 900, 39)])
    ahts = rng.uniform(40, 600, 40)
    for kwargs in ({}, {"patience_s": 150.0}, {"concurrency": 3, "max_occupancy": 0.85, "shrinkage": 0.3}):
        table = required_agents(arrivals, ahts, **kwargs)
        assert isinstance(table, pd.DataFrame) and len(table) == 40
        for i, row in enumerate(table.itertuples(index=False)):
            one = required_agents(arrivals[i], ahts[i], **kwargs)
            assert tuple(row) == tuple(one.__dict__.values()), i


def test_zero_arrivals_need_no_one_and_series_index_is_kept():
    s = pd.Series([0, 100, 0], index=["night", "day", "late"])
    table = required_agents(s, 180)
    assert list(table.index) == ["night", "day", "late"]
    assert table["agents"].tolist() == [0, 14, 0]
    assert table.loc["night", "service_level"] == 1.0 and table.loc["night", "asa_s"] == 0.0


@settings(max_examples=60, deadline=None)
@given(arrivals=st.floats(0.1, 3000), aht=st.floats(10, 900), t=st.floats(0, 120),
       patience=st.one_of(st.none(), st.floats(5, 2000)), c=st.integers(1, 4), start=st.integers(1, 60))
def test_service_level_never_falls_with_more_agents(arrivals, aht, t, patience, c, start):
    sl = service_metrics(np.arange(start, start + 12), arrivals, aht, answer_within_s=t,
                         concurrency=c, patience_s=patience)["service_level"].to_numpy()
    assert ((sl >= 0) & (sl <= 1)).all()
    assert (np.diff(sl) >= -1e-9).all()  # the documented accuracy, 1e-10 absolute


@settings(max_examples=60, deadline=None)
@given(arrivals=st.lists(st.floats(0, 3000), min_size=2, max_size=20), aht=st.floats(10, 900),
       target=st.floats(0.05, 0.99), t=st.floats(0, 120), patience=st.one_of(st.none(), st.floats(5, 2000)),
       occ=st.floats(0.5, 1.0))
def test_required_agents_never_fall_with_more_arrivals(arrivals, aht, target, t, patience, occ):
    arrivals = sorted(arrivals)
    table = required_agents(arrivals, aht, service_level=target, answer_within_s=t, patience_s=patience,
                            max_occupancy=occ)
    assert table["agents"].is_monotonic_increasing
    busy = table[table["arrivals"] > 0]
    assert (busy["service_level"] >= target).all() and (busy["occupancy"] <= occ + 1e-12).all()


# ---------------------------------------------------------------------------- intraday

def test_intraday_hours_fte_and_shifts():
    day = [0] * 8 + [60, 100, 120, 100, 80, 100, 120, 120, 100, 80, 80, 120, 160, 160, 120, 60]
    r = intraday_staffing(day, 180, shrinkage=0.3, shift_hours=8)
    assert isinstance(r, IntradayStaffing) and r.interval_s == 3600
    table = r.intervals
    assert list(table.index[:2]) == ["00:00", "01:00"] and len(table) == 24
    assert table["agents"].tolist() == required_agents(day, 180, interval_s=3600)["agents"].tolist()
    assert r.agent_hours == table["agents"].sum()
    assert r.staffed_hours == pytest.approx(r.agent_hours / 0.7)
    assert r.fte_per_day == pytest.approx(r.staffed_hours / 8) == r["fte_per_day"]
    assert r.fte_per_month == pytest.approx(r.fte_per_day * 30 / 20.83)
    assert (table["on_shift"] >= table["positions"]).all()
    assert r.shifts_per_day == table["shift_starts"].sum() >= math.ceil(r.fte_per_day)
    # a shift covering 10:00 starts by 10:00 and one covering 20:00 starts from 13:00
    assert r.shifts_per_day == table.loc["10:00", "positions"] + table.loc["20:00", "positions"]


def test_intraday_half_hours_and_a_days_total_with_a_profile():
    halves = intraday_staffing([30.0] * 48, 180)
    assert halves.interval_s == 1800 and halves.intervals.index[1] == "00:30"
    assert halves.agent_hours == 48 * 0.5 * required_agents(30, 180).agents
    spread = intraday_staffing(2400, 240, profile="ecommerce", concurrency=3, patience_s=120)
    weights = np.array(HOURLY_PROFILES["ecommerce"])
    assert spread.intervals["arrivals"].to_numpy() == pytest.approx(2400 * weights / weights.sum())
    assert intraday_staffing(2400, 240).fte_per_day == intraday_staffing(2400, 240, profile="ecommerce").fte_per_day
    flat = intraday_staffing(2400, 240, profile=[1] * 24)
    assert flat.intervals["arrivals"].tolist() == [100.0] * 24
    assert flat.shifts_per_day == 3 * flat.intervals["positions"].iloc[0]


def test_intraday_result_reads_as_a_mapping_as_staffing_py_uses_it():
    r = intraday_staffing(9000 / 30, 240, profile="ecommerce", service_level=0.8, answer_within_s=30,
                          shrinkage=0.3, max_occupancy=0.85, concurrency=3, patience_s=None, shift_hours=8.0)
    assert r["staffed_hours"] == r.staffed_hours > 0 and r["fte_per_day"] > 0
    with pytest.raises(KeyError):
        r["nope"]


# -------------------------------------------------------------------------- bad inputs

BAD = [
    (dict(aht_s=0), "aht_s must be finite and > 0 seconds; aht_s is 0.0"),
    (dict(aht_s=-30), "aht_s must be finite and > 0"),
    (dict(aht_s=[180, 0]), r"aht_s\[1\] is 0.0"),
    (dict(aht_s=float("nan")), "aht_s must be finite"),
    (dict(service_level=0), r"service_level must be a share in \(0, 1\)"),
    (dict(service_level=1), r"service_level must be a share in \(0, 1\)"),
    (dict(service_level=80), r"service_level must be a share in \(0, 1\) \(e.g. 0.8\), got 80"),
    (dict(max_occupancy=0), r"max_occupancy must be in \(0, 1\]"),
    (dict(max_occupancy=1.2), r"max_occupancy must be in \(0, 1\], got 1.2"),
    (dict(shrinkage=1), r"shrinkage must be in \[0, 1\)"),
    (dict(shrinkage=-0.1), r"shrinkage must be in \[0, 1\)"),
    (dict(answer_within_s=-1), "answer_within_s must be >= 0 seconds, got -1"),
    (dict(concurrency=0), "concurrency must be a whole number >= 1"),
    (dict(concurrency=1.5), "concurrency must be a whole number >= 1"),
    (dict(concurrency=True), "concurrency must be a whole number >= 1"),
    (dict(arrivals=float("nan")), r"arrivals must be finite and >= 0 \(no NaN\); arrivals is nan"),
    (dict(arrivals=-1), "arrivals must be finite and >= 0"),
    (dict(arrivals=[10, 20, float("nan")]), r"arrivals\[2\] is nan"),
    (dict(arrivals=[10, -3]), r"arrivals\[1\] is -3.0"),
    (dict(arrivals=float("inf")), "arrivals must be finite"),
    (dict(arrivals="many"), "arrivals must be a number or a 1-D sequence"),
    (dict(arrivals=[[1, 2]]), "arrivals must be a number or a 1-D sequence"),
    (dict(patience_s=0), "patience_s must be > 0 seconds, or None"),
    (dict(interval_s=0), "interval_s must be > 0 seconds"),
    (dict(concurrency_slowdown=-0.5), "concurrency_slowdown must be >= 0"),
    (dict(max_agents=0), "max_agents must be a whole number >= 1"),
    (dict(arrivals=[1, 2, 3], aht_s=[1, 2]), r"aht_s must be one number or one per interval \(3\)"),
    (dict(arrivals=5e7), r"arrivals = 5e\+07 .* cannot be served by at most max_agents=20000 agents"),
    (dict(arrivals=[100, 2000], max_agents=50), r"arrivals\[1\] = 2000 .*max_agents=50"),
    (dict(arrivals=100, max_occupancy=0.01, max_agents=500), "under max_occupancy=0.01"),
    (dict(arrivals=100, service_level=0.999999, answer_within_s=0, max_agents=11),
     "cannot be served by at most max_agents=11"),
]


@pytest.mark.parametrize("kwargs,message", BAD, ids=[m[:40] for _, m in BAD])
def test_bad_inputs_raise_a_staffing_input_error_naming_the_argument(kwargs, message):
    args = dict(arrivals=100, aht_s=180) | kwargs
    with pytest.raises(StaffingInputError, match=message) as info:
        required_agents(**args)
    assert isinstance(info.value, ShopOrgError) and isinstance(info.value, ValueError)


def test_an_impossible_load_fails_fast_instead_of_looping():
    start = time.process_time()  # this process's CPU time: other work on the machine does not count
    for kwargs in ({}, {"patience_s": 60}, {"concurrency": 4}):
        with pytest.raises(StaffingInputError, match="max_agents"):
            required_agents(1e12, 600, **kwargs)
    assert time.process_time() - start < 1.0


@pytest.mark.parametrize("call,message", [
    (lambda: intraday_staffing([10] * 12, 180), "arrivals must have 24 .* or 48 .* values, got 12"),
    (lambda: intraday_staffing([10] * 24, 180, profile="ecommerce"), "either a day's total"),
    (lambda: intraday_staffing(1000, 180, profile="weekend"), "profile must be one of ecommerce, flat"),
    (lambda: intraday_staffing(1000, 180, profile=[1] * 10), "profile must have 24 .* or 48"),
    (lambda: intraday_staffing(1000, 180, profile=[0] * 24), "must not all be 0"),
    (lambda: intraday_staffing(-5, 180), "must be >= 0"),
    (lambda: intraday_staffing([10] * 24, 180, shift_hours=0), r"shift_hours must be in \(0, 24\]"),
    (lambda: intraday_staffing([10] * 24, 180, working_days=0), "working_days"),
    (lambda: intraday_staffing([10] * 24, 0), "aht_s must be finite and > 0"),
    (lambda: quota_headcount(-1, 50), "workload must be >= 0"),
    (lambda: quota_headcount(float("nan"), 50), "workload must be a finite number"),
    (lambda: quota_headcount(10, 0), "quota_per_day must be > 0"),
    (lambda: quota_headcount(10, 50, working_days=0), "working_days must be > 0"),
    (lambda: quota_headcount(10, 50, attendance=1.1), r"attendance must be a rate in \(0, 1\]"),
    (lambda: quota_headcount(10, 50, attendance=0), r"attendance must be a rate in \(0, 1\]"),
    (lambda: service_metrics(2.5, 100, 180), "agents must be whole numbers >= 0"),
    (lambda: erlang_b(-1, 3.0), "servers must be whole numbers >= 0"),
    (lambda: erlang_b(3, -1.0), "load must be finite and >= 0"),
])
def test_other_bad_inputs(call, message):
    with pytest.raises(StaffingInputError, match=message):
        call()
