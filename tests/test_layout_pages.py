"""The split of a large org chart into pages is what the plain, slow way gives.

The page planner asks each question once, refuses a page whose boxes alone would not fit
the paper before laying it out, and lays pages out on plain graphs. Here it is held
against the way it was first written, kept below: the split by subtree walking the
networkx graph and asking every question afresh, and the page test laying every
candidate out on a subgraph view. Designs of 150 and 1,000 roles are the benchmark's
clones of design 14 (``benchmarks/bench_scale.py``). (How fast it is is measured in the
benchmark, never here.)
"""

from __future__ import annotations

import functools
import importlib.util
import math

import networkx as nx
import pytest

from shoporg import chart, to_graph
from shoporg.chart import _DETAIL_PT, _MAX_NAME_W, _NAME_PT, _continued_text, _page_fit, _plan, _wrap, chart_pages
from shoporg.i18n import t
from shoporg.layout import MODES, Page, split_pages, subtree, tidy_layout, totals_below, tree_graph

from .conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "benchmarks" / "bench_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def cloned(n: int, dotted: bool = False):
    """The benchmark's design of ``n`` roles; ``dotted``: with dotted lines, within a team
    (drawn) and to the first team's customer service manager (a note where it is elsewhere)."""
    design, data, _ = _bench().cloned(n)
    if not dotted:
        return design
    from shoporg.io.yaml_io import design_from_dict

    for r in data["roles"]:
        base, _, k = r["id"].rpartition("_")
        if base == "admin_finance":
            r["dotted_line"] = [f"storekeeper_{k}"]
        elif base == "copywriter" and int(k) % 2:
            r["dotted_line"] = ["cs_manager"]
    return design_from_dict(data)


# -- the plain way, as first written ----------------------------------------------------
def reference_split(G: nx.DiGraph, fits) -> list[Page]:
    """split_pages as first written: the graph walked through networkx, no question kept."""
    @functools.cache
    def groups(root) -> tuple:
        tree = subtree(G, root)
        depth = {root: 0}
        for n in tree[1:]:
            depth[n] = depth[next(G.predecessors(n))] + 1
        deepest = max(depth.values())
        best = None
        for k in range(deepest, 0, -1):
            shown = [n for n in tree if depth[n] <= k]
            stubs = [n for n in shown if depth[n] == k and G.out_degree(n)]
            fit = fits(shown, stubs)
            if fit:
                count = 1 + sum(pages_needed(s) for s in stubs)
                if best is None or count < best[0]:
                    best = (count, ((tuple(shown), tuple(stubs), fit),))
                if not stubs:
                    break
        if best:
            return best[1]

        def page_of(kids):
            whole = [n for k in kids for n in subtree(G, k)]
            fit = fits([root] + whole, [])
            if fit:
                return tuple([root] + whole), (), fit
            stubs = [k for k in kids if G.out_degree(k)]
            return tuple([root] + kids), tuple(stubs), fits([root] + kids, stubs)

        def whole(kids) -> bool:
            return bool(fits([root] + [n for k in kids for n in subtree(G, k)], []))

        out, group = [], []
        for kid in (list(G.successors(root)) if deepest else []):
            trial = group + [kid]
            if not group or whole(trial):
                group = trial
            elif not whole(group) and page_of(trial)[2]:
                group = trial
            else:
                out.append(page_of(group))
                group = [kid]
        if group:
            out.append(page_of(group))
        return tuple(out) or (((root,), (), None),)

    @functools.cache
    def pages_needed(root) -> int:
        return sum(1 + sum(pages_needed(s) for s in stubs) for _, stubs, _ in groups(root))

    pages: list[Page] = []

    def split(root, from_page):
        mine = []
        parts = groups(root)
        for i, (shown, stubs, fit) in enumerate(parts):
            page = Page(len(pages) + 1, root, tuple(n for n in G.nodes if n in set(shown)), dict.fromkeys(stubs, 0),
                        from_page, i + 1, len(parts), fit)
            pages.append(page)
            mine.append(page)
        for page in mine:
            for stub in page.continued:
                page.continued[stub] = len(pages) + 1
                split(stub, page.number)

    roots = [n for n in G.nodes if G.in_degree(n) == 0]
    if len(roots) > 1:
        fit = fits(list(G.nodes), [])
        if fit:
            return [Page(1, roots[0], tuple(G.nodes), fit=fit)]
    for r in roots:
        split(r, None)
    return pages


def reference_fit(design, lang: str, min_pt: float, paper: str = "A4"):
    """chart_pages' page test as first written: each candidate laid out in every mode on
    a subgraph view, its box lines read by walking the whole design."""
    G = to_graph(design)
    base = {r.id: chart.box_lines(r, lang) for r in design.roles}
    people = {n: sum((design.role(k).headcount for k in subtree(G, n)[1:]), chart.Decimal(0)) for n in G}
    legend_h = 3 * chart._LEGEND_PT * 1.7 + chart._LEGEND_PT
    area = chart.PAPERS[paper]
    least = min_pt / min(_DETAIL_PT, _NAME_PT)

    def lines_of(shown, stubs):
        shown = set(shown)
        lines = {}
        for n in G.nodes:
            if n not in shown:
                continue
            notes = [_continued_text(people[n], 99, lang)] if n in stubs else []
            for m, r in G.graph["dotted_lines"]:
                if r == n and m not in shown:
                    notes.append(t("chart.dotted_elsewhere", lang, manager=design.role(m).name.get(lang), page=99))
            lines[n] = base[n] + [(part, _DETAIL_PT, chart._LINK) for note in notes
                                  for part in _wrap(note, _DETAIL_PT, _MAX_NAME_W * _DETAIL_PT / _NAME_PT * 1.4)]
        return lines

    def fits(shown, stubs):
        H = G.subgraph(shown)
        lines = lines_of(shown, stubs)
        dotted = [(m, r) for m, r in G.graph["dotted_lines"] if m in H and r in H]
        for m in MODES:
            plan = _plan(H, lines, m, dotted)
            scale = _page_fit(plan.width, plan.height, legend_h, area)
            if scale >= least:
                return m, scale
        return None
    return fits


def asked(design, lang: str, min_pt: float, monkeypatch) -> tuple[list, dict]:
    """chart_pages' pages, and the page test it handed to the split with each question it
    asked (its answer, from chart_pages' own test)."""
    seen = {}

    def spy(G, fits):
        def recorded(shown, stubs):
            answer = fits(shown, stubs)
            seen[(tuple(shown), tuple(stubs))] = answer
            return answer
        seen["fits"] = fits
        return split_pages(G, recorded)

    with monkeypatch.context() as m:
        m.setattr(chart, "split_pages", spy)
        pages = chart_pages(design, lang, min_pt=min_pt)
    return pages, seen


def _as_tuples(pages):
    return [(p.number, p.root, p.roles, p.continued, p.from_page, p.part, p.parts, p.fit) for p in pages]


CASES = [(150, "zh", 11.0), (150, "en", 8.0), ("150 dotted", "zh", 11.0), (1000, "zh", 11.0), (1000, "en", 8.0)]


def _design(n):
    return cloned(150, dotted=True) if n == "150 dotted" else cloned(n)


# -- the split ---------------------------------------------------------------------------
@pytest.mark.parametrize("n, lang, min_pt", CASES)
def test_the_split_is_the_plain_ways_split(n, lang, min_pt, monkeypatch):
    design = _design(n)
    pages, seen = asked(design, lang, min_pt, monkeypatch)
    G = to_graph(design)
    assert len(pages) > 1
    mine = split_pages(G, seen["fits"])
    theirs = reference_split(G, seen["fits"])
    assert _as_tuples(mine) == _as_tuples(theirs)
    assert [(p.number, p.root, p.roles, p.continued, p.from_page, p.part, p.parts) for p in pages] == \
        [(p.number, p.root, p.roles, p.continued, p.from_page, p.part, p.parts) for p in theirs]
    assert [(p.mode, p.scale) for p in pages] == [p.fit for p in theirs]


def test_each_question_is_asked_once():
    G = to_graph(cloned(150))
    questions = []

    def fits(shown, stubs):
        questions.append((tuple(shown), tuple(stubs)))
        return len(shown) <= 12 or None
    pages = split_pages(G, fits)
    assert len(questions) == len(set(questions))
    assert _as_tuples(pages) == _as_tuples(reference_split(G, fits))


@pytest.mark.parametrize("n, lang, min_pt", CASES)
def test_every_page_test_answers_as_the_plain_one(n, lang, min_pt, monkeypatch):
    """Every answer at 150 roles; at 1,000 every page that was laid out and the largest
    ones refused before any layout (the other refusals are larger still)."""
    design = _design(n)
    _, seen = asked(design, lang, min_pt, monkeypatch)
    seen.pop("fits")
    plain = reference_fit(design, lang, min_pt)
    questions = sorted(seen, key=lambda q: len(q[0]))
    if n == 1000:
        laid_out = [q for q in questions if len(q[0]) <= 80]
        refused = [q for q in questions if len(q[0]) > 80][:15]
        questions = laid_out + refused
    assert any(seen[q] is None for q in questions) and any(seen[q] for q in questions)
    for q in questions:
        assert seen[q] == plain(list(q[0]), list(q[1])), q


def test_design_14_stays_one_page_and_splits_where_it_must(d14):
    assert [(p.number, p.root, len(p.roles), p.continued) for p in chart_pages(d14)] == [(1, "director", 11, {})]
    # at 16 pt no more than the director and the team leads fit: each lead's team goes on
    pages = chart_pages(d14, min_pt=16)
    G = to_graph(d14)
    assert len(pages) > 1
    assert sorted(n for p in pages for n in p.roles if n != p.root or p.number == 1) == sorted(G.nodes)
    for p in pages:
        assert set(p.roles) == {p.root} | {n for n in p.roles if next(G.predecessors(n), None) in p.roles}
        for stub, k in p.continued.items():
            assert pages[k - 1].root == stub and pages[k - 1].from_page == p.number


# -- the pieces --------------------------------------------------------------------------
@pytest.mark.parametrize("n", [150, 1000])
def test_people_below_each_role_are_summed_as_one_by_one(n):
    design = cloned(n)
    G = to_graph(design)
    got = totals_below(G, {r.id: r.headcount for r in design.roles}, chart.Decimal(0))
    want = {m: sum((design.role(k).headcount for k in subtree(G, m)[1:]), chart.Decimal(0)) for m in G}
    assert got == want and [str(v) for v in got.values()] == [str(want[m]) for m in got]


def test_a_page_graph_has_the_subgraphs_edges_in_the_graphs_order():
    G = to_graph(cloned(150))
    shown = ["director"] + [n for n in list(G.nodes)[::-1] if n != "director" and not n.endswith(("_3", "_7"))][::2]
    H = tree_graph(G, shown)
    V = G.subgraph(shown)
    assert list(H.nodes) == shown
    assert {n: list(H.successors(n)) for n in shown} == {n: list(V.successors(n)) for n in shown}


@pytest.mark.parametrize("mode", MODES)
def test_boxes_never_overlap_so_their_area_bounds_the_chart(mode):
    """What lets a page be refused before it is laid out: the chart is never smaller than
    the sum of its boxes' areas."""
    design = cloned(150)
    G = to_graph(design)
    sizes = {r.id: chart._box_size(chart.box_lines(r)) for r in design.roles}
    lay = tidy_layout(G, sizes, mode, **chart._GAPS)
    boxes = list(lay.values())
    assert math.fsum(w * h for _, _, w, h in boxes) <= lay.width * lay.height
    order = sorted(boxes, key=lambda b: b[0] - b[2] / 2)
    for i, (x, y, w, h) in enumerate(order):
        for x2, y2, w2, h2 in order[i + 1:]:
            if x2 - w2 / 2 >= x + w / 2 - 1e-9:
                break
            assert abs(y - y2) >= (h + h2) / 2 - 1e-9
