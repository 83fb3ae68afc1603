"""How fast designs load, validate, edit and save.

Prints figures for every template and for a synthetic brand department of 2,000 roles,
(`import shoporg` is timed in bench_payroll_sweep.py). Run: `.venv/bin/python benchmarks/bench_design_io.py`.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path


def timed(fn, repeat=5):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def synthetic(n: int, seed: int = 1):
    from shoporg.io.yaml_io import design_from_dict
    rng = random.Random(seed)
    areas = ["operations.store", "service.presales", "logistics.fulfilment", "visual.design", "data.analysis"]
    roles = [{"id": "r0", "name": {"zh": "总监", "en": "Director"}}]
    for i in range(1, n):
        roles.append({"id": f"r{i}", "name": {"zh": f"岗位{i}", "en": f"Role {i}"},
                      "reports_to": f"r{rng.randrange(max(1, i // 3), i) if i > 3 else 0}",
                      "headcount": rng.randint(1, 8),
                      "pay": [{"kind": "base", "monthly": [2000, 4000]},
                              {"kind": "piece_rate", "driver": "orders", "rate": 2}],
                      "duties": [{"area": rng.choice(areas), "zh": "负责日常工作"} for _ in range(3)]})
    return design_from_dict({"schema": "shoporg/design-v1", "id": "synthetic", "name": "合成", "roles": roles})


def main() -> None:
    from shoporg import layers, read_design, templates_dir, to_graph, write_design
    files = sorted(templates_dir().glob("seed-*.yaml"))
    secs, _ = timed(lambda: [read_design(f) for f in files])
    print(f"read and validate all {len(files)} templates: {1000 * secs:.1f} ms "
          f"({1000 * secs / max(1, len(files)):.2f} ms each)")

    for n in (200, 2000):
        d = synthetic(n)
        tmp = Path(tempfile.mkdtemp()) / "big.yaml"
        w, _ = timed(lambda: write_design(d, tmp, overwrite=True), repeat=3)
        r, d2 = timed(lambda: read_design(tmp), repeat=3)
        e, _ = timed(lambda: d.with_headcount(f"r{n // 2}", 9), repeat=3)
        g, _ = timed(lambda: layers(to_graph(d)), repeat=3)
        assert d2 == d
        print(f"{n:5d} roles: write {1000 * w:7.1f} ms, read+validate {1000 * r:7.1f} ms, "
              f"one edit {1000 * e:6.1f} ms, graph+layers {1000 * g:6.1f} ms")


if __name__ == "__main__":
    main()
