"""Chat customer service by queueing theory (客服排班): agents, positions, FTE.

``required_agents`` sizes a chat queue for one interval, or for many at once (vectorized):
the fewest agents that answer ``service_level`` of the conversations within
``answer_within_s`` seconds under an ``max_occupancy`` cap, with the positions to
schedule after ``shrinkage``, the achieved service level, ASA and occupancy.
``intraday_staffing`` does a day (24 hours or 48 half-hours) and turns agents per
interval into staffed hours, FTE a day and a month, and fixed-length shifts.
``quota_headcount`` is the quota method (定额法) for work that does not queue.

Models and sources
------------------
*Erlang C* (M/M/N, customers wait as long as it takes). Offered load
``A = arrivals / interval_s × AHT`` (Erlangs). The Erlang B blocking probability comes
from the recursion ``B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1))`` (Jagerman, "Some
properties of the Erlang loss function", Bell System Technical Journal 53, 1974), which
has no factorials, stays in (0, 1] and is stable to tens of thousands of servers. Then
the probability of waiting ``C = N·B / (N - A·(1 - B))`` for ``N > A``, the service level
``SL = 1 - C·exp(-(N - A)·t / AHT)`` and ``ASA = C·AHT / (N - A)`` (Cooper,
*Introduction to Queueing Theory*, 2nd ed., 1981, ch. 3; Gans, Koole & Mandelbaum,
"Telephone call centers: tutorial, review and research prospects", M&SOM 5(2), 2003).

*Erlang A* (M/M/N+M, Palm 1943) when ``patience_s`` is given: waiting customers abandon
after an exponential patience of mean ``patience_s``. With ``θ = 1/patience_s``,
``a = N·μ/θ``, ``x = λ/θ`` and ``J = Φ(a, x) = Σ_{k≥0} x^k / ((a+1)…(a+k))`` (a
Kummer function, ``a·e^x·x^(-a)·γ(a, x)``), the formulas of Garnett, Mandelbaum &
Reiman ("Designing a call center with impatient customers", M&SOM 4(3), 2002) and
Mandelbaum & Zeltyn ("The Palm/Erlang-A queue, with applications to call centers",
Technion teaching note) give ``P(wait) = J·B / (1 + (J - 1)·B)``,
``P(abandon | wait) = 1 - (N/A)·(1 - 1/J)`` and the offered wait
``P(V > t | wait) = γ(a, x·e^(-θt)) / γ(a, x)``. Integrating that density against the
patience survival ``e^(-θv)`` gives the share of waiting customers answered within
``t``: ``a/(a+1) · [Φ(a+1, x) - e^(-(Nμ+θ)t + x(1 - e^(-θt)))·Φ(a+1, x·e^(-θt))] / J``.
Service level is answered within ``t`` over *all* arrivals (abandons count as misses),
and ASA is the mean time in queue over all arrivals, ``P(abandon)·patience_s``
(Little's law). ``Φ`` is summed in logs from its largest term, so it neither
overflows nor needs factorials; Erlang A values are accurate to about 1e-10 absolute
(Erlang C ones to about 1e-15). As ``patience_s`` grows, Erlang A tends to Erlang C.

*Concurrency* (一人同时接待多个会话 on the Taobao/Tmall workbench, 千牛): an agent holds
``concurrency = c`` conversations at once and the queue is served by ``N·c`` conversation
slots. Juggling stretches every conversation: **effective AHT per conversation =
aht_s × (1 + k·(c - 1))** with ``k = concurrency_slowdown`` (default 0.25, an
assumption to adjust from the shop's own workbench data: k = 0 is perfect multitasking,
k = 1 means concurrency gains no throughput; the larger pool of slots still answers a
little faster). With k = 0.25 an agent handles 1.6× the chats of a single-chat agent at
c = 2 and 2× at c = 3. Occupancy is the busy share of slots.

Search: agents are found by running the Erlang B recursion once, for all intervals
together (numpy), and stopping each interval at its first feasible agent count; the
search is bounded by ``max_agents`` and starts checking at a proven lower bound, so it
never loops without end: an infeasible request raises :class:`StaffingInputError`.

Result type: a scalar call (``arrivals`` and ``aht_s`` both numbers) returns a frozen
:class:`Staffing`; array input returns a pandas DataFrame, one row per interval, with
the same fields as columns.

Examples
--------
The worked example of callcentrehelper.com ("Erlang C formula - made simple"): 100
chats in 30 minutes, 180 s each, 80% answered within 20 s.

>>> r = required_agents(100, 180)
>>> r.agents, round(r.service_level, 3), round(r.occupancy, 3)
(14, 0.888, 0.714)
>>> required_agents(100, 180, shrinkage=0.3).positions
20
>>> required_agents([100, 200, 0], 180)["agents"].tolist()
[14, 24, 0]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from .errors import ShopOrgError

__all__ = [
    "StaffingInputError",
    "Staffing",
    "IntradayStaffing",
    "CONCURRENCY_SLOWDOWN",
    "MAX_AGENTS",
    "WORKING_DAYS_PER_MONTH",
    "HOURLY_PROFILES",
    "effective_aht",
    "erlang_b",
    "erlang_c",
    "required_agents",
    "service_metrics",
    "intraday_staffing",
    "quota_headcount",
]

#: Default ``k`` of the concurrency model: AHT × (1 + k·(c − 1)). An assumption to adjust.
CONCURRENCY_SLOWDOWN = 0.25
#: Default bound of the agent search (per interval).
MAX_AGENTS = 20_000
#: Average working days a month (劳社部发〔2008〕3号: 250 days a year / 12).
WORKING_DAYS_PER_MONTH = 20.83

_NOISE = 1e-9  # binary noise allowed when a ratio should land on a whole number
_OCC_NOISE = 1e-12  # ... and when an occupancy equals its cap

#: Share of a day's chats in each hour (0-23). ``ecommerce`` is an assumption for
#: consumer chats on Taobao/Tmall: quiet nights, a morning ramp, a lunch dip and the
#: evening peak (20-22h); replace it with the shop's own 生意参谋/千牛 hourly data.
HOURLY_PROFILES: dict[str, tuple[float, ...]] = {
    "ecommerce": (2.0, 1.0, 0.5, 0.3, 0.2, 0.3, 0.8, 1.8, 3.5, 5.5, 6.5, 6.0,
                  5.0, 5.5, 6.0, 6.0, 5.5, 5.0, 4.5, 5.5, 7.5, 8.0, 7.5, 5.6),
    "flat": (1.0,) * 24,
}


class StaffingInputError(ShopOrgError):
    """An input that cannot size a queue (names the argument and what is allowed)."""


# ----------------------------------------------------------------------------- results

_COLUMNS = ("arrivals", "aht_s", "load_erlangs", "agents", "positions", "service_level",
            "asa_s", "occupancy", "wait_probability", "abandon_probability")


@dataclass(frozen=True)
class Staffing:
    """One interval's answer (a scalar call of :func:`required_agents`).

    Attributes
    ----------
    arrivals, aht_s : float
        The inputs: conversations in the interval, handling time of one conversation alone.
    load_erlangs : float
        Offered load in conversation-Erlangs, with the concurrency stretch.
    agents : int
        Agents on the queue (productive, before shrinkage).
    positions : int
        People to schedule: ``ceil(agents / (1 - shrinkage))``.
    service_level : float
        Share of conversations answered within ``answer_within_s``.
    asa_s : float
        Average speed of answer, seconds (mean wait over all conversations).
    occupancy : float
        Busy share of the conversation slots.
    wait_probability, abandon_probability : float
        Probability that a conversation waits / abandons (0 for Erlang C).
    """

    arrivals: float
    aht_s: float
    load_erlangs: float
    agents: int
    positions: int
    service_level: float
    asa_s: float
    occupancy: float
    wait_probability: float
    abandon_probability: float


@dataclass(frozen=True)
class IntradayStaffing:
    """A day of chat staffing (:func:`intraday_staffing`); also readable as a mapping,
    ``result["fte_per_day"]``.

    Attributes
    ----------
    intervals : pandas.DataFrame
        One row per interval (index ``"00:00"``, ``"00:30"`` ...): the columns of
        :func:`required_agents` plus ``shift_starts`` (people starting a shift there)
        and ``on_shift`` (people at work under those shifts).
    interval_s : int
        3600 (24 intervals) or 1800 (48).
    agent_hours : float
        Hours on the queue a day: sum of agents × interval length.
    staffed_hours : float
        Paid hours a day: ``agent_hours / (1 - shrinkage)``.
    fte_per_day : float
        ``staffed_hours / shift_hours``: people at work on a day if hours could be split.
    fte_per_month : float
        ``fte_per_day × open_days / working_days``: people on the payroll.
    shifts_per_day : int
        People needed with whole shifts of ``shift_hours`` that cover every interval's
        positions (optimal greedy cover; the day does not wrap past midnight).
    shift_hours : float
        The shift length used.
    """

    intervals: pd.DataFrame
    interval_s: int
    agent_hours: float
    staffed_hours: float
    fte_per_day: float
    fte_per_month: float
    shifts_per_day: int
    shift_hours: float

    def __getitem__(self, key: str):
        if key not in {f.name for f in fields(self)}:
            raise KeyError(key)
        return getattr(self, key)


# ------------------------------------------------------------------------- validation

def _fail(message: str):
    raise StaffingInputError(message)


def _finite_number(name: str, value) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        _fail(f"{name} must be a number, got {value!r}")
    if isinstance(value, bool) or not math.isfinite(x):
        _fail(f"{name} must be a finite number, got {value!r}")
    return x


def _check_scalars(interval_s, service_level, answer_within_s, shrinkage, max_occupancy,
                   concurrency, patience_s, concurrency_slowdown, max_agents):
    interval_s = _finite_number("interval_s", interval_s)
    if interval_s <= 0:
        _fail(f"interval_s must be > 0 seconds, got {interval_s!r}")
    service_level = _finite_number("service_level", service_level)
    if not 0 < service_level < 1:
        _fail(f"service_level must be a share in (0, 1) (e.g. 0.8), got {service_level!r}")
    answer_within_s = _finite_number("answer_within_s", answer_within_s)
    if answer_within_s < 0:
        _fail(f"answer_within_s must be >= 0 seconds, got {answer_within_s!r}")
    shrinkage = _finite_number("shrinkage", shrinkage)
    if not 0 <= shrinkage < 1:
        _fail(f"shrinkage must be in [0, 1) (share of paid time off the queue), got {shrinkage!r}")
    max_occupancy = _finite_number("max_occupancy", max_occupancy)
    if not 0 < max_occupancy <= 1:
        _fail(f"max_occupancy must be in (0, 1], got {max_occupancy!r}")
    if isinstance(concurrency, bool) or not isinstance(concurrency, (int, np.integer)) or concurrency < 1:
        _fail(f"concurrency must be a whole number >= 1 (conversations per agent), got {concurrency!r}")
    if patience_s is not None:
        patience_s = _finite_number("patience_s", patience_s)
        if patience_s <= 0:
            _fail(f"patience_s must be > 0 seconds, or None for Erlang C, got {patience_s!r}")
    concurrency_slowdown = _finite_number("concurrency_slowdown", concurrency_slowdown)
    if concurrency_slowdown < 0:
        _fail(f"concurrency_slowdown must be >= 0, got {concurrency_slowdown!r}")
    if isinstance(max_agents, bool) or not isinstance(max_agents, (int, np.integer)) or max_agents < 1:
        _fail(f"max_agents must be a whole number >= 1, got {max_agents!r}")
    return (interval_s, service_level, answer_within_s, shrinkage, max_occupancy, int(concurrency),
            patience_s, concurrency_slowdown, int(max_agents))


def _array(name: str, value, *, positive: bool) -> np.ndarray:
    """A 0-d or 1-d float array of finite numbers >= 0 (> 0 when ``positive``)."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        _fail(f"{name} must be a number or a 1-D sequence of numbers, got {value!r}")
    if arr.ndim > 1:
        _fail(f"{name} must be a number or a 1-D sequence of numbers, got {arr.ndim}-D input")
    flat = np.atleast_1d(arr)
    bad = ~np.isfinite(flat) | ((flat <= 0) if positive else (flat < 0))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        where = f"{name}[{i}]" if arr.ndim else name
        allowed = "> 0 seconds" if positive else ">= 0 (no NaN)"
        _fail(f"{name} must be finite and {allowed}; {where} is {float(flat[i])!r}")
    return arr


def _index_label(name: str, i: int, scalar: bool) -> str:
    return name if scalar else f"{name}[{i}]"


# --------------------------------------------------------------------------- formulas

def effective_aht(aht_s, concurrency: int = 1, concurrency_slowdown: float = CONCURRENCY_SLOWDOWN):
    """Handling time of one conversation when an agent holds ``concurrency`` at once.

    ``aht_s × (1 + k·(concurrency - 1))``, ``k = concurrency_slowdown``: the documented
    concurrency model of this module (an assumption to adjust).

    >>> effective_aht(240, 1), effective_aht(240, 3), effective_aht(240, 3, 0.5)
    (240.0, 360.0, 480.0)
    """
    stretch = 1.0 + concurrency_slowdown * (concurrency - 1)
    return np.asarray(aht_s, dtype=float) * stretch if np.ndim(aht_s) else float(aht_s) * stretch


def _erlang_b_at(servers: np.ndarray, load: np.ndarray) -> np.ndarray:
    """Erlang B for integer ``servers`` (array) and ``load``, by one shared recursion."""
    servers = np.asarray(servers, dtype=np.int64)
    load = np.asarray(load, dtype=float)
    out = np.ones(load.shape)
    b = np.ones(load.shape)
    top = int(servers.max(initial=0))
    for k in range(1, top + 1):
        ab = load * b
        b = ab / (k + ab)
        hit = servers == k
        if hit.any():
            out[hit] = b[hit]
    return out


def erlang_b(servers, load):
    """Blocking probability of an M/M/N/N system (Erlang B), by the stable recursion.

    Parameters
    ----------
    servers : int or array of int
        Number of servers N (>= 0).
    load : float or array
        Offered load A in Erlangs (>= 0).

    Examples
    --------
    >>> round(erlang_b(14, 10.0), 6)
    0.056819
    >>> float(erlang_b(5000, 4900.0)) > 0
    True
    """
    n = np.asarray(servers)
    if not np.issubdtype(n.dtype, np.integer) or (n < 0).any():
        _fail(f"servers must be whole numbers >= 0, got {servers!r}")
    a = _array("load", load, positive=False)
    n, a = np.broadcast_arrays(n, a)
    out = _erlang_b_at(n.ravel(), a.ravel()).reshape(a.shape)
    return float(out) if out.ndim == 0 else out


def erlang_c(servers, load):
    """Probability of waiting in an M/M/N queue (Erlang C); 1 when ``servers <= load``.

    >>> round(erlang_c(14, 10.0), 4)
    0.1741
    >>> erlang_c(10, 10.0)
    1.0
    """
    b = np.asarray(erlang_b(servers, load), dtype=float)
    n, a = np.broadcast_arrays(np.asarray(servers, dtype=float), np.asarray(load, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(n > a, n * b / (n - a * (1 - b)), 1.0)
    return float(c) if c.ndim == 0 else c


_lgamma = np.frompyfunc(math.lgamma, 1, 1)


def _log_phi(s: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``log Φ(s, y)``, ``Φ(s, y) = Σ_{k≥0} y^k / ((s+1)(s+2)…(s+k))``, for s > 0, y >= 0.

    Summed outward from the largest term ``k* = max(0, floor(y - s))`` (found with
    lgamma), so nothing overflows. Away from the peak each term ratio is at most
    ``1 - (i-1)/y`` (left) or ``y / (y - 1 + i)`` (right), so ``12·√y + 50`` terms a side
    (or the geometric bound, when smaller) leave a tail below 1e-20 of the sum.
    """
    s = np.asarray(s, dtype=float)
    y = np.asarray(y, dtype=float)
    out = np.zeros(s.shape)
    pos = y > 0
    if not pos.any():
        return out
    s_, y_ = s[pos], y[pos]
    peak = np.maximum(0.0, np.floor(y_ - s_))
    base = s_ + peak
    logy = np.log(y_)
    log_peak = np.zeros(s_.shape)
    moved = peak > 0
    if moved.any():
        lg = (_lgamma(base[moved] + 1) - _lgamma(s_[moved] + 1)).astype(float)
        log_peak[moved] = peak[moved] * logy[moved] - lg
    gauss = np.ceil(12.0 * np.sqrt(y_) + 50.0)
    rho = y_ / (base + 1.0)  # < 1, the largest ratio right of the peak
    with np.errstate(divide="ignore"):
        geo = np.ceil((46.0 - np.log1p(-rho)) / -np.log(rho)) + 1.0
    n_right = np.minimum(gauss, geo).astype(np.int64)
    n_left = np.minimum(gauss, peak).astype(np.int64)
    total = np.ones(s_.shape)
    for n_side, sign in ((n_right, 1.0), (n_left, -1.0)):
        rows = np.flatnonzero(n_side > 0)
        carry = np.zeros(rows.size)
        start = 1
        chunk = 2048
        while rows.size:
            i = np.arange(start, start + chunk, dtype=float)
            b = base[rows, None]
            if sign > 0:  # t_{k*+i} / t_{k*} = Π_{m=1..i} y / (b + m)
                steps = logy[rows, None] - np.log(b + i)
            else:  # t_{k*-i} / t_{k*} = Π_{m=1..i} (b - m + 1) / y
                steps = np.log(np.maximum(b - i + 1.0, 1e-300)) - logy[rows, None]
            logs = carry[:, None] + np.cumsum(steps, axis=1)
            keep = i[None, :] <= n_side[rows, None]
            total[rows] += np.where(keep, np.exp(logs), 0.0).sum(axis=1)
            carry = logs[:, -1]
            start += chunk
            more = n_side[rows] >= start
            rows, carry = rows[more], carry[more]
    out[pos] = log_peak + np.log(total)
    return out


def _metrics(slots, load, b, aht, t, patience):
    """Service level, ASA, occupancy, P(wait), P(abandon) for ``slots`` servers.

    ``slots``, ``load``, ``b`` (Erlang B at ``slots``) and ``aht`` are arrays of one
    shape; ``t`` and ``patience`` scalars (``patience=None``: Erlang C).
    """
    n = np.asarray(slots, dtype=float)
    a = load
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        if patience is None:
            stable = n > a
            pw = np.where(stable, n * b / (n - a * (1 - b)), 1.0)
            sl = np.where(stable, np.maximum(0.0, 1.0 - pw * np.exp(-(n - a) * (t / aht))), 0.0)
            asa = np.where(stable, pw * aht / (n - a), np.inf)
            occ = np.where(stable, a / n, 1.0)
            pab = np.zeros(n.shape)
        else:
            big_a = n * patience / aht
            x = a * patience / aht
            log_phi1 = _log_phi(big_a + 1, x)
            log_j = np.logaddexp(0.0, np.log(x / (big_a + 1)) + log_phi1)
            q = np.log1p(-b) - np.log(b) - log_j
            pw = np.where(b > 0, 1.0 / (1.0 + np.exp(q)), 0.0)
            served_w = big_a / (big_a + 1) * np.exp(log_phi1 - log_j)  # = (N/A)(1 - 1/J)
            pab_w = np.clip(1.0 - served_w, 0.0, 1.0)
            theta_t = t / patience
            yt = x * np.exp(-theta_t)
            log_e = -(big_a + 1) * theta_t - x * np.expm1(-theta_t)
            log_phit = _log_phi(big_a + 1, yt)
            within = served_w - big_a / (big_a + 1) * np.exp(log_e + log_phit - log_j)
            within = np.clip(within, 0.0, 1.0)
            sl = np.clip((1.0 - pw) + pw * within, 0.0, 1.0)
            pab = pw * pab_w
            asa = pab * patience
            occ = a * (1.0 - pab) / n
        idle = a == 0
        if idle.any():
            sl, asa, pw, pab = (np.where(idle, v, w) for v, w in
                                ((1.0, sl), (0.0, asa), (0.0, pw), (0.0, pab)))
            occ = np.where(idle, 0.0, occ)
    return sl, asa, occ, pw, pab


# ---------------------------------------------------------------------------- search

def _search(load, aht, t, patience, target, max_occ, c, max_agents, arrivals, scalar):
    """First agent count meeting target and cap, per interval; returns (agents, B).

    ``B`` is Erlang B at the answer (for Erlang C; recomputed by the caller for Erlang A).
    Every interval starts at a proven lower bound; none goes past ``max_agents``.
    """
    if patience is None:  # N > A, and A/N <= cap
        lo_slots = np.maximum(np.floor(load) + 1, np.ceil(load / max_occ - _NOISE))
    else:  # SL <= answered share <= N/A
        lo_slots = np.maximum(1.0, np.ceil(target * load - _NOISE))
    lo_agents = np.ceil(lo_slots / c)
    busy = load > 0
    over = busy & (lo_agents > max_agents)
    if over.any():
        _infeasible(int(np.flatnonzero(over)[0]), arrivals, load, max_agents, max_occ, c, scalar)
    lo_agents = np.where(busy, lo_agents, 0).astype(np.int64)

    def fail(row: int):
        _infeasible(row, arrivals, load, max_agents, max_occ, c, scalar)

    if patience is None:
        return _scan(load, aht, t, target, max_occ, c, max_agents, lo_agents, fail)
    return _gallop(load, aht, t, patience, target, max_occ, c, max_agents, lo_agents, fail), None


def _feasible(agents, load, b, aht, t, patience, target, max_occ, c):
    sl, _, occ, _, _ = _metrics(agents * float(c), load, b, aht, t, patience)
    return (sl >= target) & (occ <= max_occ + _OCC_NOISE)


def _scan(load, aht, t, target, max_occ, c, max_agents, lo_agents, fail):
    """Erlang C: one upward pass of the Erlang B recursion for all intervals together,
    each stopping at its first feasible agent count (cheap to test at every count)."""
    agents = np.zeros(load.size, dtype=np.int64)
    b_found = np.ones(load.size)
    active = np.flatnonzero(load > 0)
    lo_k = lo_agents[active] * c
    ld, ah = load[active], aht[active]
    b = np.ones(active.size)
    k = 0
    while active.size:
        k += 1
        if k > max_agents * c:
            fail(int(active[0]))
        ab = ld * b
        b = ab / (k + ab)
        if k % c:
            continue
        elig = np.flatnonzero(lo_k <= k)
        if not elig.size:
            continue
        a, be = ld[elig], b[elig]  # k > A here (lo_k), so the Erlang C formulas of _metrics apply
        pw = k * be / (k - a * (1 - be))
        sl = 1.0 - pw * np.exp(-(k - a) * (t / ah[elig]))
        ok = elig[(sl >= target) & (a / k <= max_occ + _OCC_NOISE)]
        if ok.size:
            agents[active[ok]] = k // c
            b_found[active[ok]] = b[ok]
            keep = np.ones(active.size, dtype=bool)
            keep[ok] = False
            active, lo_k, ld, ah, b = active[keep], lo_k[keep], ld[keep], ah[keep], b[keep]
    return agents, b_found


def _gallop(load, aht, t, patience, target, max_occ, c, max_agents, lo_agents, fail):
    """Erlang A, whose test is dearer: test at lo, lo+2, lo+6, lo+14 ... (one upward
    pass of the recursion), then bisect each bracket (Erlang B recomputed at the
    midpoints). Service level rises and occupancy falls with agents, so the bisection
    finds the first feasible count, as the scan does."""
    agents = np.zeros(load.size, dtype=np.int64)
    active = np.flatnonzero(load > 0)
    below = lo_agents[active] - 1  # known infeasible (or 0)
    nxt = lo_agents[active].copy()
    jump = np.ones(active.size, dtype=np.int64)
    ld, ah = load[active], aht[active]
    b = np.ones(active.size)
    done_rows, done_below, done_above = [], [], []
    k = 0
    while active.size:
        k += 1
        ab = ld * b
        b = ab / (k + ab)
        if k % c:
            continue
        g = k // c
        due = np.flatnonzero(nxt == g)
        if not due.size:
            continue
        ok = _feasible(np.full(due.size, g), ld[due], b[due], ah[due], t, patience, target, max_occ, c)
        if (~ok).any() and g >= max_agents:
            fail(int(active[due[~ok][0]]))
        miss = due[~ok]
        below[miss] = g
        nxt[miss] = np.minimum(g + 2 * jump[miss], max_agents)
        jump[miss] *= 2
        hit = due[ok]
        if hit.size:
            done_rows.append(active[hit])
            done_below.append(below[hit])
            done_above.append(np.full(hit.size, g, dtype=np.int64))
            keep = np.ones(active.size, dtype=bool)
            keep[hit] = False
            active, below, nxt, jump, ld, ah, b = (v[keep] for v in (active, below, nxt, jump, ld, ah, b))
    if not done_rows:
        return agents
    rows, low, high = np.concatenate(done_rows), np.concatenate(done_below), np.concatenate(done_above)
    while True:
        open_ = np.flatnonzero(high - low > 1)
        if not open_.size:
            break
        mid = (low[open_] + high[open_]) // 2
        r = rows[open_]
        b_mid = _erlang_b_at(mid * c, load[r])
        ok = _feasible(mid, load[r], b_mid, aht[r], t, patience, target, max_occ, c)
        high[open_[ok]] = mid[ok]
        low[open_[~ok]] = mid[~ok]
    agents[rows] = high
    return agents


def _infeasible(i, arrivals, load, max_agents, max_occ, c, scalar):
    where = _index_label("arrivals", i, scalar)
    _fail(f"{where} = {float(np.atleast_1d(arrivals)[i]):g} (offered load {float(load[i]):.4g} Erlangs, "
          f"concurrency {c}) cannot be served by at most max_agents={max_agents} agents "
          f"under max_occupancy={max_occ:g}; lower the arrivals or raise max_agents")


def _positions(agents: np.ndarray, shrinkage: float) -> np.ndarray:
    return np.ceil(agents / (1.0 - shrinkage) - _NOISE).astype(np.int64)


def _package(arrivals, aht_s, load, agents, shrinkage, metrics, scalar, index):
    sl, asa, occ, pw, pab = metrics
    cols = {"arrivals": arrivals, "aht_s": aht_s, "load_erlangs": load, "agents": agents,
            "positions": _positions(agents, shrinkage), "service_level": sl, "asa_s": asa,
            "occupancy": occ, "wait_probability": pw, "abandon_probability": pab}
    if scalar:
        return Staffing(**{k: (int(v[0]) if k in ("agents", "positions") else float(v[0]))
                           for k, v in cols.items()})
    return pd.DataFrame(cols, index=index, columns=list(_COLUMNS))


def _prepare(arrivals, aht_s, interval_s, concurrency, concurrency_slowdown):
    index = arrivals.index if isinstance(arrivals, pd.Series) else None
    arr = _array("arrivals", arrivals, positive=False)
    aht = _array("aht_s", aht_s, positive=True)
    scalar = arr.ndim == 0 and aht.ndim == 0
    try:
        arr1, aht1 = np.broadcast_arrays(np.atleast_1d(arr), np.atleast_1d(aht))
    except ValueError:
        _fail(f"aht_s must be one number or one per interval ({arr.size}), got {aht.size} values")
    arr1, aht1 = arr1.astype(float).copy(), aht1.astype(float).copy()
    eff = aht1 * (1.0 + concurrency_slowdown * (concurrency - 1))
    load = arr1 / interval_s * eff
    return arr1, aht1, eff, load, scalar, index


# ------------------------------------------------------------------------ public API

def required_agents(arrivals, aht_s, interval_s: float = 1800, service_level: float = 0.8,
                    answer_within_s: float = 20, shrinkage: float = 0.0, max_occupancy: float = 1.0,
                    concurrency: int = 1, patience_s: float | None = None, *,
                    concurrency_slowdown: float = CONCURRENCY_SLOWDOWN, max_agents: int = MAX_AGENTS):
    """Fewest agents that answer ``service_level`` of chats within ``answer_within_s``.

    Erlang C, or Erlang A when ``patience_s`` is given (see the module docstring for the
    formulas and the concurrency model).

    Parameters
    ----------
    arrivals : float or 1-D array-like
        Conversations arriving in each interval (>= 0, no NaN). A pandas Series keeps
        its index in the result.
    aht_s : float or 1-D array-like
        Average handling time of one conversation handled alone, seconds (> 0); one
        value, or one per interval.
    interval_s : float, default 1800
        Interval length, seconds.
    service_level : float, default 0.8
        Target share answered within ``answer_within_s``, in (0, 1).
    answer_within_s : float, default 20
        Target answer time, seconds (>= 0).
    shrinkage : float, default 0.0
        Share of paid time off the queue (breaks, training, meetings), in [0, 1).
    max_occupancy : float, default 1.0
        Cap on the busy share of conversation slots, in (0, 1].
    concurrency : int, default 1
        Conversations one agent holds at once (>= 1).
    patience_s : float, optional
        Mean patience before a waiting customer leaves (Erlang A); None for Erlang C.
    concurrency_slowdown : float, default 0.25
        ``k`` of the concurrency model ``AHT × (1 + k·(concurrency - 1))``.
    max_agents : int, default 20000
        Search bound: more agents than this raises :class:`StaffingInputError`.

    Returns
    -------
    Staffing or pandas.DataFrame
        A :class:`Staffing` when ``arrivals`` and ``aht_s`` are numbers, else a DataFrame
        with columns ``arrivals, aht_s, load_erlangs, agents, positions, service_level,
        asa_s, occupancy, wait_probability, abandon_probability``. An interval with no
        arrivals needs 0 agents.

    Raises
    ------
    StaffingInputError
        A bad input (message names the argument and what is allowed), or a load that no
        staff up to ``max_agents`` can serve under the occupancy cap.

    Examples
    --------
    >>> r = required_agents(100, 180, shrinkage=0.3)
    >>> r.agents, r.positions, round(r.asa_s, 1)
    (14, 20, 7.8)
    >>> r = required_agents(100, 180, patience_s=120)
    >>> r.agents, round(r.service_level, 3), round(r.abandon_probability, 4)
    (12, 0.826, 0.0616)
    >>> r = required_agents(300, 240, concurrency=3)
    >>> r.load_erlangs, r.agents
    (60.0, 23)
    >>> required_agents([50, 100], [240, 180], max_occupancy=0.7)["agents"].tolist()
    [10, 15]
    """
    (interval_s, service_level, answer_within_s, shrinkage, max_occupancy, concurrency, patience_s,
     concurrency_slowdown, max_agents) = _check_scalars(
        interval_s, service_level, answer_within_s, shrinkage, max_occupancy, concurrency,
        patience_s, concurrency_slowdown, max_agents)
    arr, aht, eff, load, scalar, index = _prepare(arrivals, aht_s, interval_s, concurrency,
                                                  concurrency_slowdown)
    agents, b = _search(load, eff, answer_within_s, patience_s, service_level, max_occupancy,
                        concurrency, max_agents, arr, scalar)
    if b is None:
        b = _erlang_b_at(agents * concurrency, load)
    metrics = _metrics(agents * float(concurrency), load, b, eff, answer_within_s, patience_s)
    return _package(arr, aht, load, agents, shrinkage, metrics, scalar, index)


def service_metrics(agents, arrivals, aht_s, interval_s: float = 1800, answer_within_s: float = 20,
                    shrinkage: float = 0.0, concurrency: int = 1, patience_s: float | None = None, *,
                    concurrency_slowdown: float = CONCURRENCY_SLOWDOWN):
    """Service level, ASA, occupancy ... with a given number of ``agents`` (no search).

    ``agents`` is a whole number or an array (broadcast against ``arrivals`` and
    ``aht_s``); the other arguments are those of :func:`required_agents`. Fewer agents
    than the load (Erlang C) give service level 0 and an infinite ASA.

    Examples
    --------
    >>> [round(x, 3) for x in service_metrics([13, 14, 15], 100, 180)["service_level"]]
    [0.796, 0.888, 0.941]
    >>> service_metrics(14, 100, 180).occupancy
    0.7142857142857143
    """
    (interval_s, _, answer_within_s, shrinkage, _, concurrency, patience_s,
     concurrency_slowdown, _) = _check_scalars(
        interval_s, 0.5, answer_within_s, shrinkage, 1.0, concurrency, patience_s,
        concurrency_slowdown, 1)
    n = np.asarray(agents)
    if not np.issubdtype(n.dtype, np.integer) or (n < 0).any() or n.ndim > 1:
        _fail(f"agents must be whole numbers >= 0, got {agents!r}")
    arr, aht, eff, load, scalar, index = _prepare(arrivals, aht_s, interval_s, concurrency,
                                                  concurrency_slowdown)
    try:
        n1, arr, aht, eff, load = np.broadcast_arrays(np.atleast_1d(n).astype(np.int64), arr, aht, eff, load)
    except ValueError:
        _fail(f"agents must be one number or one per interval, got {n.size} values")
    scalar = scalar and n.ndim == 0
    slots = n1 * concurrency
    b = _erlang_b_at(slots, load)
    metrics = _metrics(slots.astype(float), load, b, eff, answer_within_s, patience_s)
    if index is not None and len(index) != n1.size:
        index = None
    return _package(arr, aht, load, n1.copy(), shrinkage, metrics, scalar, index)


# -------------------------------------------------------------------------- intraday

def _day_arrivals(arrivals, profile) -> np.ndarray:
    if np.ndim(arrivals) == 0:
        total = _finite_number("arrivals", arrivals)
        if total < 0:
            _fail(f"arrivals (a day's total) must be >= 0, got {arrivals!r}")
        if profile is None:
            profile = "ecommerce"
        if isinstance(profile, str):
            if profile not in HOURLY_PROFILES:
                _fail(f"profile must be one of {', '.join(HOURLY_PROFILES)} or 24/48 weights, got {profile!r}")
            weights = np.asarray(HOURLY_PROFILES[profile], dtype=float)
        else:
            weights = _array("profile", profile, positive=False)
            if weights.ndim != 1 or weights.size not in (24, 48):
                _fail(f"profile must have 24 (hours) or 48 (half-hours) weights, got {weights.size}")
            if weights.sum() <= 0:
                _fail("profile weights must not all be 0")
        return total * weights / weights.sum()
    if profile is not None:
        _fail("give either a day's total arrivals with a profile, or per-interval arrivals without one")
    values = _array("arrivals", arrivals, positive=False)
    if values.size not in (24, 48):
        _fail(f"arrivals must have 24 (hourly) or 48 (half-hourly) values, got {values.size}")
    return values


def _shift_cover(need: np.ndarray, length: int) -> np.ndarray:
    """People starting a shift of ``length`` intervals at each interval, fewest in total.

    Greedy from the first interval: where cover falls short, start the shortfall as late
    as possible (at that interval, or so that the shift ends with the day). For fixed
    shift lengths on a line this is optimal.
    """
    n = need.size
    length = min(length, n)
    starts = np.zeros(n, dtype=np.int64)
    cover = np.zeros(n, dtype=np.int64)
    for i in range(n):
        short = need[i] - cover[i]
        if short > 0:
            s = min(i, n - length)
            starts[s] += short
            cover[s:s + length] += short
    return starts


def intraday_staffing(arrivals, aht_s: float, *, profile: str | Sequence[float] | None = None,
                      service_level: float = 0.8, answer_within_s: float = 20, shrinkage: float = 0.0,
                      max_occupancy: float = 1.0, concurrency: int = 1, patience_s: float | None = None,
                      concurrency_slowdown: float = CONCURRENCY_SLOWDOWN, shift_hours: float = 8,
                      open_days: float = 30, working_days: float = WORKING_DAYS_PER_MONTH,
                      max_agents: int = MAX_AGENTS) -> IntradayStaffing:
    """A day of chat staffing: agents per interval → staffed hours → FTE and shifts.

    Parameters
    ----------
    arrivals : sequence of 24 or 48 numbers, or a number
        Chats per hour (24) or per half-hour (48); or a day's total, spread by ``profile``.
    aht_s : float
        Handling time of one conversation handled alone, seconds.
    profile : str or sequence of 24/48 weights, optional
        With a day's total only: a name in :data:`HOURLY_PROFILES` (default
        ``"ecommerce"``) or weights (normalized to sum to 1).
    service_level, answer_within_s, shrinkage, max_occupancy, concurrency, patience_s, concurrency_slowdown, max_agents
        As in :func:`required_agents`.
    shift_hours : float, default 8
        Shift length: divides the staffed hours into FTE, and sizes the shifts (rounded
        down to whole intervals, so the shift cover never counts time that isn't worked).
    open_days : float, default 30
        Days a month the service is open (online shops answer every day).
    working_days : float, default 20.83
        Days a month one person works (250 a year / 12).

    Returns
    -------
    IntradayStaffing

    Examples
    --------
    >>> day = [0] * 8 + [60, 100, 120, 100, 80, 100, 120, 120, 100, 80, 80, 120, 160, 160, 120, 60]
    >>> r = intraday_staffing(day, 180, shrinkage=0.3)
    >>> r.intervals["agents"].tolist()[8:12], r.agent_hours, round(r.staffed_hours, 1)
    ([5, 8, 9, 8], 130.0, 185.7)
    >>> round(r["fte_per_day"], 2), round(r.fte_per_month, 2), r.shifts_per_day
    (23.21, 33.43, 29)
    """
    open_days = _finite_number("open_days", open_days)
    if not 0 < open_days <= 31:
        _fail(f"open_days must be in (0, 31], got {open_days!r}")
    working_days = _finite_number("working_days", working_days)
    if not 0 < working_days <= 31:
        _fail(f"working_days (a month) must be in (0, 31], got {working_days!r}")
    shift_hours = _finite_number("shift_hours", shift_hours)
    if not 0 < shift_hours <= 24:
        _fail(f"shift_hours must be in (0, 24], got {shift_hours!r}")
    values = _day_arrivals(arrivals, profile)
    interval_s = 86400 // values.size
    table = required_agents(values, aht_s, interval_s=interval_s, service_level=service_level,
                            answer_within_s=answer_within_s, shrinkage=shrinkage,
                            max_occupancy=max_occupancy, concurrency=concurrency, patience_s=patience_s,
                            concurrency_slowdown=concurrency_slowdown, max_agents=max_agents)
    step_h = interval_s / 3600
    table.index = [f"{int(i * step_h):02d}:{int(round(i * step_h % 1 * 60)):02d}" for i in range(values.size)]
    length = max(1, int(math.floor(shift_hours / step_h + _NOISE)))
    starts = _shift_cover(table["positions"].to_numpy(), length)
    table["shift_starts"] = starts
    table["on_shift"] = np.convolve(starts, np.ones(length, dtype=np.int64))[:values.size]
    agent_hours = float(table["agents"].sum() * step_h)
    staffed_hours = agent_hours / (1.0 - float(shrinkage))
    fte_day = staffed_hours / shift_hours
    return IntradayStaffing(intervals=table, interval_s=int(interval_s), agent_hours=agent_hours,
                            staffed_hours=staffed_hours, fte_per_day=fte_day,
                            fte_per_month=fte_day * open_days / working_days,
                            shifts_per_day=int(starts.sum()), shift_hours=shift_hours)


# ----------------------------------------------------------------------------- quota

def quota_headcount(workload: float, quota_per_day: float, working_days: float = WORKING_DAYS_PER_MONTH,
                    attendance: float = 1.0, minimum_one: bool = True) -> int:
    """Quota method (定额法): ``ceil(workload / (quota_per_day × working_days × attendance))``.

    Parameters
    ----------
    workload : float
        Units of work in the period that ``working_days`` covers (a month by default;
        pass 250 working days for a year's workload). >= 0.
    quota_per_day : float
        Units one person handles in a working day (> 0).
    working_days : float, default 20.83
        Working days one person has in the period (> 0).
    attendance : float, default 1.0
        Attendance rate (出勤率), in (0, 1].
    minimum_one : bool, default True
        Keep at least one person whenever ``workload > 0``. The rounding up ignores
        binary noise of 1e-9 person (12.000000001 is 12 people), so a workload below
        that would otherwise give 0 people; ``minimum_one=False`` allows that 0.

    Returns
    -------
    int
        Headcount; 0 when ``workload`` is 0.

    Examples
    --------
    >>> quota_headcount(5_000_000, 50, working_days=250, attendance=0.9)
    445
    >>> quota_headcount(0, 50), quota_headcount(1, 50), quota_headcount(50 * 20.83, 50)
    (0, 1, 1)
    """
    workload = _finite_number("workload", workload)
    if workload < 0:
        _fail(f"workload must be >= 0, got {workload!r}")
    quota_per_day = _finite_number("quota_per_day", quota_per_day)
    if quota_per_day <= 0:
        _fail(f"quota_per_day must be > 0 units a day, got {quota_per_day!r}")
    working_days = _finite_number("working_days", working_days)
    if working_days <= 0:
        _fail(f"working_days must be > 0, got {working_days!r}")
    attendance = _finite_number("attendance", attendance)
    if not 0 < attendance <= 1:
        _fail(f"attendance must be a rate in (0, 1], got {attendance!r}")
    need = workload / (quota_per_day * working_days * attendance)
    people = max(0, math.ceil(need - _NOISE))
    if minimum_one and workload > 0:
        people = max(1, people)
    return people
