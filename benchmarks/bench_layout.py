"""How fast the tidy tree layout is, side by side with Graphviz ``dot`` on the same trees.

Random recursive trees (each node's manager drawn uniformly from the nodes before it)
of 200, 2,000 and 20,000 nodes; shoporg's :func:`~shoporg.layout.tidy_layout` against
``nx.nx_agraph.graphviz_layout(G, prog="dot")`` from pygraphviz (a benchmark-only
dependency: ``pip install pygraphviz``; its wheel ships Graphviz). Also times drawing
design 14 to PNG. Targets: at most 1 s at 20,000 nodes, at least 50× faster than dot.

Run: ``.venv/bin/python benchmarks/bench_layout.py`` (``--quick`` skips dot at 20,000,
which takes about a minute).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

SIZES = (200, 2_000, 20_000)
TARGET_SECONDS, TARGET_RATIO = 1.0, 50.0


def random_tree(n: int, seed: int = 1) -> nx.DiGraph:
    """A random recursive tree of ``n`` nodes, edges manager → report."""
    rng = random.Random(seed)
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from((rng.randrange(i), i) for i in range(1, n))
    return G


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def dot_layout():
    """The Graphviz dot layout function, or None with the reason."""
    try:
        import pygraphviz  # noqa: F401
    except ImportError as e:
        return None, f"pygraphviz is not importable ({e}); `pip install pygraphviz` to compare with dot"
    return (lambda G: nx.nx_agraph.graphviz_layout(G, prog="dot")), None


def bench_layouts(quick: bool) -> list[dict]:
    from shoporg.layout import tidy_layout

    dot, why = dot_layout()
    if why:
        print(why)
    rows = []
    for n in SIZES:
        G = random_tree(n)
        sizes = {v: (1.0 + (v % 7) / 3, 1.0) for v in G}  # boxes of different widths
        ours = best_of(lambda: tidy_layout(G, sizes), repeat=5 if n < 20_000 else 3)
        theirs = None
        if dot is not None and not (quick and n >= 20_000):
            theirs = best_of(lambda: dot(G), repeat=3 if n < 20_000 else 1)
        rows.append({"n": n, "shoporg": ours, "dot": theirs})
    return rows


def bench_render() -> tuple[float, float, int]:
    """Seconds to draw design 14 to PNG: the first time (font set-up included), then warm."""
    import matplotlib
    matplotlib.use("Agg")
    from shoporg import load_template
    from shoporg.chart import save_org_chart

    design = load_template("seed-14-basic-22")
    out = Path(tempfile.mkdtemp()) / "d14.png"
    start = time.perf_counter()
    save_org_chart(design, out)
    cold = time.perf_counter() - start
    warm = best_of(lambda: save_org_chart(design, out, overwrite=True), repeat=3)
    return cold, warm, out.stat().st_size


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    rows = bench_layouts(quick)
    print(f"\n{'nodes':>7}  {'shoporg tidy_layout':>20}  {'graphviz dot':>13}  {'dot / shoporg':>13}")
    for r in rows:
        dot = f"{r['dot']:12.3f}s" if r["dot"] is not None else f"{'-':>13}"
        ratio = f"{r['dot'] / r['shoporg']:12.0f}×" if r["dot"] is not None else f"{'-':>13}"
        print(f"{r['n']:>7,}  {r['shoporg']:19.4f}s  {dot}  {ratio}")
    big = rows[-1]
    ok = big["shoporg"] <= TARGET_SECONDS
    verdict = f"target ≤ {TARGET_SECONDS:g} s at {big['n']:,} nodes: {'met' if ok else 'MISSED'}"
    if big["dot"] is not None:
        met = big["dot"] / big["shoporg"] >= TARGET_RATIO
        verdict += f"; ≥ {TARGET_RATIO:g}× faster than dot: {'met' if met else 'MISSED'}"
        ok = ok and met
    print(verdict)
    cold, warm, size = bench_render()
    print(f"\ndesign 14 to PNG: {cold:.2f} s first (font set-up included), {warm:.2f} s after; "
          f"{size / 1024:.0f} KB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
