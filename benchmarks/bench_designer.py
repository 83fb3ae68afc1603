"""One Designer update for a 50-role design: the numbers, then the numbers with the chart.

An update is what a headcount typed into the designer triggers: the immutable edit and
its checks, the payroll under a twelve-month scenario, the analytics of the summary
(layers, widest span, duty areas), the fields re-synced, and, with the chart on, the org
chart as PNG (`shoporg.live_chart`): only the changed boxes repainted when the layout
stays, the subtrees a move shifts when a role moves and the chart keeps its frame, all of
it when the chart becomes wider or taller. Targets: 100 ms for the numbers, 300 ms with
the chart, 150 ms for a move. Times are CPU seconds (`time.process_time`): the machine is
shared, wall time is not to be trusted. The browser test records the time from the
keystroke to the number on the page in `test-artifacts/browser-latency.json`; the script
prints it when that file exists.

Run: `.venv/bin/python benchmarks/bench_designer.py`.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_payroll_sweep import brand_department, scenarios  # noqa: E402

TARGET_NUMBERS, TARGET_CHART, TARGET_MOVE = 0.100, 0.300, 0.150


def timed_updates(app, role: str, n: int) -> list[float]:
    """Seconds per headcount change, alternating 2 and 3 people so every change is real."""
    out = []
    for i in range(n):
        t = time.process_time()
        app.set_headcount(role, 2 + i % 2)
        out.append(time.process_time() - t)
    return out


def show(label: str, times: list[float], target: float | None = None) -> None:
    med, worst = statistics.median(times), max(times)
    line = f"{label:<44} median {med * 1000:7.1f} ms   max {worst * 1000:7.1f} ms"
    if target is not None:
        line += f"   target {target * 1000:.0f} ms: {'met' if med <= target else 'MISSED'} ({target / med:.1f}x headroom)"
    print(line)


def moves(design) -> tuple[tuple, tuple]:
    """A role and two managers it can move between: one pair that keeps the chart's frame
    and one pair that changes it."""
    from shoporg.chart import org_scene
    from shoporg.live_chart import _frame

    kept = changed = None
    for role in reversed(design.roles[1:]):
        frames = {}
        for m in design.roles:
            if m.id == role.id:
                continue
            try:
                frames[m.id] = _frame(org_scene(design.move_role(role.id, m.id)))
            except ValueError:  # a move under its own subtree
                continue
        ids = list(frames)
        for a, b in zip(ids, ids[1:]):
            if kept is None and frames[a] == frames[b]:
                kept = (role.id, (a, b))
            if changed is None and frames[a] != frames[b]:
                changed = (role.id, (a, b))
        if kept and changed:
            return kept, changed
    raise SystemExit("no move keeps the frame of this design")


def main() -> None:
    import shoporg
    from shoporg.widgets import Designer

    design = brand_department(50)
    scenario = scenarios(1)[0]
    role = design.roles[-1].id
    print(f"design: {len(design.roles)} roles, {float(design.headcount):g} people; "
          f"scenario of 12 months; changing {role}'s headcount")

    numbers = Designer(design=design, scenario=scenario, show_chart=False)
    timed_updates(numbers, role, 3)  # warm up
    show("update, numbers (edit+payroll+analytics)", timed_updates(numbers, role, 30), TARGET_NUMBERS)

    chart = Designer(design=design, scenario=scenario, show_chart=True)
    timed_updates(chart, role, 2)
    show("update, numbers and org chart PNG", timed_updates(chart, role, 15), TARGET_CHART)

    # a role moved to another manager: the subtrees that shift are repainted when the chart
    # keeps its frame; a move that makes the chart wider or taller redraws it all
    kept, changed = moves(design)
    for label, (moved, managers), target in (("update that moves a role, frame kept", kept, TARGET_MOVE),
                                             ("update that moves a role, new frame", changed, TARGET_MOVE)):
        chart.role.value = moved
        chart.manager.value = managers[1]
        times, how, share = [], set(), []
        for i in range(9):
            t = time.process_time()
            chart.manager.value = managers[i % 2]
            times.append(time.process_time() - t)
            how.add(chart._live.last_update)
            share.append(chart._live.repainted)
        show(label, times[1:], target)
        print(f"    {moved} between {managers[0]} and {managers[1]}: {'/'.join(sorted(how))}, "
              f"{statistics.median(share):.0%} of the pixels painted")

    # where the time goes
    from shoporg.live_chart import LiveOrgChart

    d = numbers.design
    live = LiveOrgChart()
    live.png(d)
    flip = [d.with_headcount(role, 5), d]
    parts = {
        "  edit + validation (with_headcount)": lambda: d.with_headcount(role, 4),
        "  payroll (12 months, to the fen)": lambda: shoporg.payroll(d, scenario),
        "  analytics (layers, spans, areas)": lambda: numbers.summary_rows(),
        "  org chart, changed boxes only (PNG)": lambda: live.png(flip.reverse() or flip[0]),
        "  org chart, full: layout, draw, PNG": lambda: LiveOrgChart().png(d),
    }
    moved, managers = kept
    there, back = d.move_role(moved, managers[0]), d.move_role(moved, managers[1])
    flip_move = [there, back]
    live.png(back)
    parts["  org chart, a move repainted (layout, PNG)"] = lambda: live.png(flip_move.reverse() or flip_move[0])
    for label, fn in parts.items():
        times = []
        for _ in range(10):
            t = time.process_time()
            fn()
            times.append(time.process_time() - t)
        show(label, times)

    record = Path(__file__).resolve().parent.parent / "test-artifacts" / "browser-latency.json"
    if record.is_file():
        data = json.loads(record.read_text(encoding="utf-8"))
        print(f"browser (tests/test_browser.py, design 14, {data['change']}): number on the page after "
              f"{data['number_seconds'] * 1000:.0f} ms, chart after {data['chart_seconds'] * 1000:.0f} ms")
    else:
        print("browser: run tests/test_browser.py first to record the latency in the page")


if __name__ == "__main__":
    main()
