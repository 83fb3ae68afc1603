"""Erlang A: the queue where waiting customers give up (M/M/N+M).

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

>>> from shoporg.staffing import required_agents
>>> r = required_agents(100, 180, patience_s=120)
>>> r.agents, round(r.abandon_probability, 4)
(12, 0.0616)
"""

from __future__ import annotations

import math

import numpy as np

from .erlang_c import _erlang_b_at
from .inputs import _OCC_NOISE

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



def _metrics_a(n, a, b, aht, t, patience):
    """Erlang A service level, ASA, occupancy, P(wait), P(abandon) for ``n`` servers
    (float array), ``a`` the load, ``b`` Erlang B at ``n``; ``t`` the answer time."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
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
    return sl, asa, occ, pw, pab


def _feasible(agents, load, b, aht, t, patience, target, max_occ, c):
    sl, _, occ, _, _ = _metrics_a(agents * float(c), load, b, aht, t, patience)
    return (sl >= target) & (occ <= max_occ + _OCC_NOISE)


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

