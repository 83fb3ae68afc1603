"""Erlang B and C: the queue where customers wait as long as it takes (M/M/N).

*Erlang C* (M/M/N, customers wait as long as it takes). Offered load
``A = arrivals / interval_s × AHT`` (Erlangs). The Erlang B blocking probability comes
from the recursion ``B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1))`` (Jagerman, "Some
properties of the Erlang loss function", Bell System Technical Journal 53, 1974), which
has no factorials, stays in (0, 1] and is stable to tens of thousands of servers. Then
the probability of waiting ``C = N·B / (N - A·(1 - B))`` for ``N > A``, the service level
``SL = 1 - C·exp(-(N - A)·t / AHT)`` and ``ASA = C·AHT / (N - A)`` (Cooper,
*Introduction to Queueing Theory*, 2nd ed., 1981, ch. 3; Gans, Koole & Mandelbaum,
"Telephone call centers: tutorial, review and research prospects", M&SOM 5(2), 2003).

>>> round(erlang_b(14, 10.0), 6), round(erlang_c(14, 10.0), 4)
(0.056819, 0.1741)
"""

from __future__ import annotations

import math

import numpy as np

from .inputs import _OCC_NOISE, _array, _fail

__all__ = ["erlang_b", "erlang_c"]


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


def _metrics_c(n, a, b, aht, t):
    """Erlang C service level, ASA, occupancy, P(wait), P(abandon) (0) for ``n`` servers
    (float array), ``a`` the load, ``b`` Erlang B at ``n``; ``t`` the answer time."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        stable = n > a
        pw = np.where(stable, n * b / (n - a * (1 - b)), 1.0)
        sl = np.where(stable, np.maximum(0.0, 1.0 - pw * np.exp(-(n - a) * (t / aht))), 0.0)
        asa = np.where(stable, pw * aht / (n - a), np.inf)
        occ = np.where(stable, a / n, 1.0)
        pab = np.zeros(n.shape)
    return sl, asa, occ, pw, pab


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
        a, be = ld[elig], b[elig]  # k > A here (lo_k), so the Erlang C formulas of _metrics_c apply
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



# -- one interval in plain floats ---------------------------------------------------------
# The same operations in the same order as the array functions above, so a scalar call
# answers exactly as an array of one interval does, without the array machinery. numpy's
# ``exp`` may differ from ``math.exp`` in the last bit: a service level the answer shows
# is taken with numpy's (on a float it gives what it gives inside an array), and the
# search, which only compares it with the target, uses ``math.exp`` unless the two are
# within a hair of each other.

_CLOSE = 1e-12  # far beyond one bit of exp (2e-16): only this close may the two exps disagree

def _scan_one(load: float, aht: float, t: float, target: float, max_occ: float, c: int, max_agents: int,
              lo_agents: int) -> tuple[int, float] | None:
    """:func:`_scan` for one interval: ``(agents, B)``, or ``None`` past ``max_agents``.

    >>> agents, b = _scan_one(10.0, 180.0, 20.0, 0.8, 1.0, 1, 100, 11)
    >>> agents, round(b, 6), round(erlang_b(14, 10.0), 6)
    (14, 0.056819, 0.056819)
    """
    if not load > 0:
        return 0, 1.0
    lo_k = lo_agents * c
    b, k = 1.0, 0
    while True:
        k += 1
        if k > max_agents * c:
            return None
        ab = load * b
        b = ab / (k + ab)
        if k % c or k < lo_k:
            continue
        pw = k * b / (k - load * (1 - b))
        sl = 1.0 - pw * math.exp(-(k - load) * (t / aht))
        if abs(sl - target) < _CLOSE:
            sl = 1.0 - pw * float(np.exp(-(k - load) * (t / aht)))
        if sl >= target and load / k <= max_occ + _OCC_NOISE:
            return k // c, b


def _metrics_c_one(n: float, a: float, b: float, aht: float, t: float) -> tuple[float, ...]:
    """:func:`_metrics_c` for one interval (``n`` servers as a float); an idle queue
    (``a == 0``) as :func:`shoporg.staffing.agents._metrics` shows it.

    >>> [round(x, 4) for x in _metrics_c_one(14.0, 10.0, erlang_b(14, 10.0), 180.0, 20.0)]
    [0.8884, 7.8359, 0.7143, 0.1741, 0.0]
    """
    if a == 0:
        return 1.0, 0.0, 0.0, 0.0, 0.0
    if not n > a:
        return 0.0, math.inf, 1.0, 1.0, 0.0
    pw = n * b / (n - a * (1 - b))
    sl = max(0.0, 1.0 - pw * float(np.exp(-(n - a) * (t / aht))))
    return sl, pw * aht / (n - a), a / n, pw, 0.0
