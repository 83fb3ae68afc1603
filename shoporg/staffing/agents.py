"""Chat customer service by queueing theory (客服排班): the agents a queue needs.

``required_agents`` sizes a chat queue for one interval, or for many at once (vectorized):
the fewest agents that answer ``service_level`` of the conversations within
``answer_within_s`` seconds under an ``max_occupancy`` cap, with the positions to
schedule after ``shrinkage``, the achieved service level, ASA and occupancy;
``service_metrics`` gives the same figures for a given number of agents. The queue is
Erlang C (:mod:`shoporg.staffing.erlang_c`), or Erlang A when ``patience_s`` is given
(:mod:`shoporg.staffing.erlang_a`).

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
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .erlang_a import _gallop, _metrics_a
from .erlang_c import _erlang_b_at, _metrics_c, _metrics_c_one, _scan, _scan_one
from .inputs import _NOISE, StaffingInputError, _array, _fail, _finite_number, _index_label

__all__ = ["StaffingInputError", "Staffing", "CONCURRENCY_SLOWDOWN", "MAX_AGENTS", "effective_aht",
           "required_agents", "service_metrics"]

#: Default ``k`` of the concurrency model: AHT × (1 + k·(c − 1)). An assumption to adjust.
CONCURRENCY_SLOWDOWN = 0.25
#: Default bound of the agent search (per interval).
MAX_AGENTS = 20_000

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




def _number(name: str, value) -> float:
    """:func:`_finite_number`, with a plain finite float or int taken as it is (most calls)."""
    if type(value) in (float, int) and math.isfinite(value):
        return float(value)
    return _finite_number(name, value)


def _check_scalars(interval_s, service_level, answer_within_s, shrinkage, max_occupancy,
                   concurrency, patience_s, concurrency_slowdown, max_agents):
    interval_s = _number("interval_s", interval_s)
    if interval_s <= 0:
        _fail(f"interval_s must be > 0 seconds, got {interval_s!r}")
    service_level = _number("service_level", service_level)
    if not 0 < service_level < 1:
        _fail(f"service_level must be a share in (0, 1) (e.g. 0.8), got {service_level!r}")
    answer_within_s = _number("answer_within_s", answer_within_s)
    if answer_within_s < 0:
        _fail(f"answer_within_s must be >= 0 seconds, got {answer_within_s!r}")
    shrinkage = _number("shrinkage", shrinkage)
    if not 0 <= shrinkage < 1:
        _fail(f"shrinkage must be in [0, 1) (share of paid time off the queue), got {shrinkage!r}")
    max_occupancy = _number("max_occupancy", max_occupancy)
    if not 0 < max_occupancy <= 1:
        _fail(f"max_occupancy must be in (0, 1], got {max_occupancy!r}")
    if isinstance(concurrency, bool) or not isinstance(concurrency, (int, np.integer)) or concurrency < 1:
        _fail(f"concurrency must be a whole number >= 1 (conversations per agent), got {concurrency!r}")
    if patience_s is not None:
        patience_s = _number("patience_s", patience_s)
        if patience_s <= 0:
            _fail(f"patience_s must be > 0 seconds, or None for Erlang C, got {patience_s!r}")
    concurrency_slowdown = _number("concurrency_slowdown", concurrency_slowdown)
    if concurrency_slowdown < 0:
        _fail(f"concurrency_slowdown must be >= 0, got {concurrency_slowdown!r}")
    if isinstance(max_agents, bool) or not isinstance(max_agents, (int, np.integer)) or max_agents < 1:
        _fail(f"max_agents must be a whole number >= 1, got {max_agents!r}")
    return (interval_s, service_level, answer_within_s, shrinkage, max_occupancy, int(concurrency),
            patience_s, concurrency_slowdown, int(max_agents))



def effective_aht(aht_s, concurrency: int = 1, concurrency_slowdown: float = CONCURRENCY_SLOWDOWN):
    """Handling time of one conversation when an agent holds ``concurrency`` at once.

    ``aht_s × (1 + k·(concurrency - 1))``, ``k = concurrency_slowdown``: the documented
    concurrency model of this module (an assumption to adjust).

    >>> effective_aht(240, 1), effective_aht(240, 3), effective_aht(240, 3, 0.5)
    (240.0, 360.0, 480.0)
    """
    stretch = 1.0 + concurrency_slowdown * (concurrency - 1)
    return np.asarray(aht_s, dtype=float) * stretch if np.ndim(aht_s) else float(aht_s) * stretch



def _metrics(slots, load, b, aht, t, patience):
    """Service level, ASA, occupancy, P(wait), P(abandon) for ``slots`` servers.

    ``slots``, ``load``, ``b`` (Erlang B at ``slots``) and ``aht`` are arrays of one
    shape; ``t`` and ``patience`` scalars (``patience=None``: Erlang C, else Erlang A).
    """
    n = np.asarray(slots, dtype=float)
    a = load
    sl, asa, occ, pw, pab = _metrics_c(n, a, b, aht, t) if patience is None else \
        _metrics_a(n, a, b, aht, t, patience)
    idle = a == 0
    if idle.any():
        sl, asa, pw, pab = (np.where(idle, v, w) for v, w in
                            ((1.0, sl), (0.0, asa), (0.0, pw), (0.0, pab)))
        occ = np.where(idle, 0.0, occ)
    return sl, asa, occ, pw, pab


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



def _plain(value, positive: bool) -> bool:
    """A Python number the array checks would pass (finite, >= 0 or > 0): the scalar path's input."""
    return type(value) in (int, float) and math.isfinite(value) and (value > 0 if positive else value >= 0)


def _required_one(arrivals, aht_s, interval_s, service_level, answer_within_s, shrinkage, max_occupancy,
                  concurrency, concurrency_slowdown, max_agents) -> Staffing:
    """:func:`required_agents` for one Erlang C interval in plain floats: the array path's
    steps (:func:`_prepare`, :func:`_search`, :func:`_metrics`, :func:`_package`) one by
    one, so the answer is the same to the last bit, in a few microseconds."""
    arr, aht = float(arrivals), float(aht_s)
    eff = aht * (1.0 + concurrency_slowdown * (concurrency - 1))
    load = arr / interval_s * eff
    agents, b = 0, 1.0
    if load > 0:
        lo_slots = max(math.floor(load) + 1, math.ceil(load / max_occupancy - _NOISE))
        lo_agents = math.ceil(lo_slots / concurrency)
        found = None if lo_agents > max_agents else _scan_one(
            load, eff, answer_within_s, service_level, max_occupancy, concurrency, max_agents, lo_agents)
        if found is None:
            _infeasible(0, np.array([arr]), np.array([load]), max_agents, max_occupancy, concurrency, True)
        agents, b = found
    sl, asa, occ, pw, pab = _metrics_c_one(agents * float(concurrency), load, b, eff, answer_within_s)
    return Staffing(arrivals=arr, aht_s=aht, load_erlangs=load, agents=agents,
                    positions=math.ceil(agents / (1.0 - shrinkage) - _NOISE), service_level=sl, asa_s=asa,
                    occupancy=occ, wait_probability=pw, abandon_probability=pab)


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
    if patience_s is None and _plain(arrivals, False) and _plain(aht_s, True):  # one Erlang C interval
        return _required_one(arrivals, aht_s, interval_s, service_level, answer_within_s, shrinkage,
                             max_occupancy, concurrency, concurrency_slowdown, max_agents)
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
