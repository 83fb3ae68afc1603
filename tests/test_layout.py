"""The tidy tree layout: geometric properties on random trees, exact small cases, bad input."""

import sys
import time

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shoporg import to_graph
from shoporg.layout import MODES, Layout, edge_paths, tidy_layout, tree_order

EPS = 1e-6
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- strategies ----------------------------------------------------------------------------
@st.composite
def trees(draw, max_nodes=40, forest=False, sized=True):
    """(graph, sizes): node i's manager is drawn from 0..i-1 (or none, in a forest).

    Node labels are shuffled so that graph order is not label order.
    """
    n = draw(st.integers(1, max_nodes))
    labels = draw(st.permutations([f"n{i}" for i in range(n)]))
    G = nx.DiGraph()
    G.add_nodes_from(labels)
    for i in range(1, n):
        lo = -1 if forest else 0
        p = draw(st.integers(lo, i - 1))
        if p >= 0:
            G.add_edge(labels[p], labels[i])
    sizes = None
    if sized and draw(st.booleans()):
        dims = st.tuples(st.floats(0.2, 5.0), st.floats(0.2, 3.0))
        sizes = {v: draw(dims) for v in labels}
    return G, sizes


gaps = st.fixed_dictionaries({
    "sibling_gap": st.sampled_from([0.0, 0.25, 0.5, 1.0]),
    "subtree_gap": st.sampled_from([0.0, 0.5, 1.0, 2.0]),
    "level_gap": st.sampled_from([0.0, 0.5, 1.0]),
})


# -- helpers -------------------------------------------------------------------------------
def overlapping(lay):
    """Pairs of boxes whose interiors intersect (a sweep along x)."""
    items = sorted(lay.items(), key=lambda kv: kv[1][0] - kv[1][2] / 2)
    bad = []
    for i, (a, (x, y, w, h)) in enumerate(items):
        for b, (x2, y2, w2, h2) in items[i + 1:]:
            if x2 - w2 / 2 >= x + w / 2 - EPS:
                break
            if abs(y - y2) < (h + h2) / 2 - EPS:
                bad.append((a, b))
    return bad


def band_width(G, lay, gap, across=2):
    """Width of the simple layout that gives every subtree its own vertical band.

    The bands of a node's reports stand side by side, ``gap`` apart, and the node is
    centred over its first and last report, as in the tidy layout; each band is as
    wide as everything in it.
    """
    ext = {}  # node -> extent of its band left and right of the node's centre
    for v in reversed(list(nx.topological_sort(G))):
        half = lay[v][across] / 2
        kids = list(G.successors(v))
        if not kids:
            ext[v] = (half, half)
            continue
        anchors = [0.0]
        for a, b in zip(kids, kids[1:]):
            anchors.append(anchors[-1] + ext[a][1] + gap + ext[b][0])
        mid = (anchors[0] + anchors[-1]) / 2
        ext[v] = (max(half, mid - anchors[0] + ext[kids[0]][0]),
                  max(half, anchors[-1] + ext[kids[-1]][1] - mid))
    roots = [v for v in G if G.in_degree(v) == 0]
    return sum(sum(ext[r]) for r in roots) + gap * (len(roots) - 1)


def transpose(lay):
    return {k: (y, x, h, w) for k, (x, y, w, h) in lay.items()}


# -- properties ----------------------------------------------------------------------------
@SETTINGS
@given(trees(forest=True), gaps, st.sampled_from(MODES))
def test_no_two_boxes_overlap(tree, gap, mode):
    G, sizes = tree
    lay = tidy_layout(G, sizes, mode, **gap)
    assert set(lay) == set(G)
    assert overlapping(lay) == []


@SETTINGS
@given(trees(forest=True), gaps, st.sampled_from(MODES))
def test_boxes_keep_their_sizes_and_lie_in_the_drawing(tree, gap, mode):
    G, sizes = tree
    lay = tidy_layout(G, sizes, mode, **gap)
    for v, (x, y, w, h) in lay.items():
        assert (w, h) == (sizes[v] if sizes else (1.0, 1.0))
        assert x - w / 2 >= -EPS and x + w / 2 <= lay.width + EPS
        assert y - h / 2 >= -EPS and y + h / 2 <= lay.height + EPS
    assert min(x - w / 2 for x, _, w, _ in lay.values()) == pytest.approx(0, abs=EPS)
    assert min(y - h / 2 for _, y, _, h in lay.values()) == pytest.approx(0, abs=EPS)


@SETTINGS
@given(trees(forest=True), gaps, st.sampled_from(["top-down", "left-right"]))
def test_parents_centred_and_siblings_in_order(tree, gap, mode):
    G, sizes = tree
    lay = tidy_layout(G, sizes, mode, **gap)
    lay = lay if mode == "top-down" else transpose(lay)
    for v in G:
        kids = list(G.successors(v))
        if not kids:
            continue
        xs = [lay[k][0] for k in kids]
        assert lay[v][0] == pytest.approx((xs[0] + xs[-1]) / 2, abs=EPS)
        assert all(b > a for a, b in zip(xs, xs[1:]))
        assert all(lay[k][1] > lay[v][1] for k in kids)  # reports sit below (right of) managers


@SETTINGS
@given(trees(forest=True), gaps)
def test_levels_share_rows(tree, gap):
    G, sizes = tree
    lay = tidy_layout(G, sizes, **gap)
    tops = {}
    for root in (v for v in G if G.in_degree(v) == 0):
        for v, d in nx.single_source_shortest_path_length(G, root).items():
            tops.setdefault(d, []).append(lay[v][1] - lay[v][3] / 2)
    assert all(max(t) - min(t) < EPS for t in tops.values())


@SETTINGS
@given(trees(forest=True), st.sampled_from([0.0, 0.5, 1.0]))
def test_never_wider_than_a_band_per_subtree(tree, gap):
    G, sizes = tree
    lay = tidy_layout(G, sizes, sibling_gap=gap, subtree_gap=gap)
    assert lay.width <= band_width(G, lay, gap) + EPS
    lr = tidy_layout(G, sizes, "left-right", sibling_gap=gap, subtree_gap=gap)
    assert lr.height <= band_width(G, lr, gap, across=3) + EPS


@SETTINGS
@given(trees(forest=True), gaps, st.sampled_from(MODES))
def test_same_input_same_output(tree, gap, mode):
    G, sizes = tree
    first = tidy_layout(G, sizes, mode, **gap)
    again = tidy_layout(G.copy(), dict(sizes) if sizes else None, mode, **gap)
    assert first == again and list(first) == list(G.nodes)
    assert (first.width, first.height) == (again.width, again.height)


@SETTINGS
@given(trees(forest=True, max_nodes=30), gaps)
def test_forest_trees_side_by_side_in_node_order(tree, gap):
    G, sizes = tree
    lay = tidy_layout(G, sizes, **gap)
    roots = [v for v in G if G.in_degree(v) == 0]
    xs = [lay[r][0] for r in roots]
    assert all(b > a for a, b in zip(xs, xs[1:]))
    assert all(lay[r][1] - lay[r][3] / 2 == pytest.approx(0, abs=EPS) for r in roots)


@SETTINGS
@given(trees(forest=True), gaps, st.sampled_from(["auto", 1, 2]))
def test_stacked_reports_hang_on_a_spine_in_order(tree, gap, columns):
    G, sizes = tree
    lay = tidy_layout(G, sizes, "stacked", stack_columns=columns, **gap)
    assert overlapping(lay) == []
    for m, cols in lay.stacks.items():
        kids = list(G.successors(m))
        assert len(kids) >= 2 and not any(G.out_degree(k) for k in kids)
        assert cols == (columns if columns != "auto" else (2 if len(kids) >= 4 else 1))
        spine = lay[m][0]
        for i, k in enumerate(kids):
            x, y, w, h = lay[k]
            right = cols == 1 or i % 2 == 1
            assert (x - w / 2 >= spine - EPS) if right else (x + w / 2 <= spine + EPS)
            assert y > lay[m][1]
        rows = [lay[k][1] for k in kids[::cols]]
        assert all(b > a for a, b in zip(rows, rows[1:]))
    for v in G:  # everyone else is laid out as in top-down
        kids = list(G.successors(v))
        if kids and v not in lay.stacks:
            xs = [lay[k][0] for k in kids]
            assert all(b > a for a, b in zip(xs, xs[1:]))


@SETTINGS
@given(trees(forest=True, max_nodes=25), st.sampled_from(MODES))
def test_connectors_join_the_boxes(tree, mode):
    G, sizes = tree
    lay = tidy_layout(G, sizes, mode)
    paths = edge_paths(G, lay)
    assert set(paths) == set(G.edges)

    def on_border(point, box):
        (px, py), (x, y, w, h) = point, box
        inside = abs(px - x) <= w / 2 + EPS and abs(py - y) <= h / 2 + EPS
        edge = abs(abs(px - x) - w / 2) < EPS or abs(abs(py - y) - h / 2) < EPS
        return inside and edge

    for (m, r), path in paths.items():
        assert on_border(path[0], lay[m]) and on_border(path[-1], lay[r])
        for (x0, y0), (x1, y1) in zip(path, path[1:]):
            assert abs(x0 - x1) < EPS or abs(y0 - y1) < EPS  # orthogonal segments


# -- exact small cases ---------------------------------------------------------------------
def test_single_node():
    lay = tidy_layout(nx.DiGraph([("a", "b")]).subgraph(["a"]), {"a": (3, 2)})
    assert lay == {"a": (1.5, 1.0, 3.0, 2.0)}
    assert (lay.width, lay.height) == (3.0, 2.0)


def test_small_subtrees_between_big_ones_are_spread_evenly():
    G = nx.DiGraph()
    G.add_edges_from([("r", "a"), ("r", "b"), ("r", "c")])
    G.add_edges_from([("a", f"a{i}") for i in range(3)] + [("c", f"c{i}") for i in range(3)])
    lay = tidy_layout(G, sibling_gap=1, subtree_gap=1, level_gap=1)
    xs = {v: lay[v][0] for v in G}
    assert [xs[v] for v in ("a0", "a1", "a2", "c0", "c1", "c2")] == [0.5, 2.5, 4.5, 6.5, 8.5, 10.5]
    assert (xs["a"], xs["b"], xs["c"], xs["r"]) == (2.5, 5.5, 8.5, 5.5)
    assert lay.width == 11.0 and lay.height == 5.0


def test_subtrees_pack_by_contour_not_bounding_box():
    # b's wide bottom level slides under a's narrow, shallow subtree
    G = nx.DiGraph([("r", "a"), ("r", "b"), ("b", "b1"), ("b1", "x"), ("b1", "y"), ("b1", "z")])
    lay = tidy_layout(G, sibling_gap=1, subtree_gap=1)
    assert lay["x"][0] < lay["a"][0] + 0.5  # under a
    assert lay.width == 5.0


def test_variable_widths_separate_by_half_widths_plus_gap():
    G = nx.DiGraph([("r", "a"), ("r", "b")])
    lay = tidy_layout(G, {"r": (1, 1), "a": (4, 1), "b": (2, 3)}, sibling_gap=0.5, level_gap=1)
    assert lay["b"][0] - lay["a"][0] == 2 + 1 + 0.5
    assert lay["a"][1] == 2.5 and lay["b"][1] == 3.5  # top-aligned in their row
    assert (lay.width, lay.height) == (6.5, 5.0)


def test_subtree_gap_between_cousins():
    G = nx.DiGraph([("r", "a"), ("r", "b"), ("a", "a1"), ("b", "b1")])
    lay = tidy_layout(G, sibling_gap=0.5, subtree_gap=2)
    assert lay["b1"][0] - lay["a1"][0] == 3.0
    assert lay["b"][0] - lay["a"][0] == 3.0  # the cousins set the distance


def test_forest_laid_side_by_side():
    G = nx.DiGraph([("a", "a1"), ("a", "a2"), ("b", "b1")])
    lay = tidy_layout(G, sibling_gap=1, subtree_gap=2)
    assert {v: lay[v][:2] for v in G} == {"a": (1.5, 0.5), "a1": (0.5, 2.5), "a2": (2.5, 2.5),
                                          "b": (5.5, 0.5), "b1": (5.5, 2.5)}


def test_left_right_is_top_down_turned():
    G = nx.DiGraph([("r", "a"), ("r", "b"), ("a", "c")])
    sizes = {"r": (3, 1), "a": (2, 1), "b": (1, 2), "c": (1, 1)}
    lr = tidy_layout(G, sizes, "left-right", sibling_gap=1, level_gap=1)
    assert lr["r"] == (1.5, 1.75, 3.0, 1.0)
    assert lr["a"] == (5.0, 0.5, 2.0, 1.0) and lr["b"] == (4.5, 3.0, 1.0, 2.0)
    assert lr["c"] == (7.5, 0.5, 1.0, 1.0)
    assert (lr.width, lr.height) == (8.0, 4.0)


def test_stacked_two_columns():
    G = nx.DiGraph([("m", c) for c in "abcde"])
    lay = tidy_layout(G, mode="stacked", stack_columns=2, stack_indent=0.5, stack_gap=0.25,
                      level_gap=1)
    assert lay.stacks == {"m": 2}
    assert lay["m"][:2] == (1.5, 0.5)
    assert {c: lay[c][:2] for c in "abcde"} == {
        "a": (0.5, 2.5), "b": (2.5, 2.5), "c": (0.5, 3.75), "d": (2.5, 3.75), "e": (0.5, 5.0)}
    paths = edge_paths(G, lay)
    assert paths[("m", "a")] == [(1.5, 1.0), (1.5, 2.5), (1.0, 2.5)]
    assert paths[("m", "d")] == [(1.5, 1.0), (1.5, 3.75), (2.0, 3.75)]


def test_stacked_only_for_managers_of_leaves():
    G = nx.DiGraph([("r", "m"), ("r", "x"), ("m", "a"), ("m", "b"), ("r", "solo"), ("solo", "s")])
    lay = tidy_layout(G, mode="stacked")
    assert lay.stacks == {"m": 1}  # r has a non-leaf report; solo has a single report
    assert lay["s"][0] == lay["solo"][0]


def test_dotted_lines_do_not_change_the_tree(d14):
    with_dotted = d14.with_role_changes("copywriter", dotted_line=("cs_manager",))
    assert tidy_layout(to_graph(with_dotted)) == tidy_layout(to_graph(d14))


def test_design_14_top_down(d14):
    G = to_graph(d14)
    lay = tidy_layout(G, sibling_gap=1, subtree_gap=1)
    assert isinstance(lay, Layout) and lay.mode == "top-down"
    assert [lay[v][1] for v in ("director", "cs_manager", "sales_cs")] == [0.5, 2.5, 4.5]
    assert lay.width == 11.0
    assert [lay[v][0] for v in ("promo_manager", "cs_manager", "admin_finance", "storekeeper")] == [1.5, 5.5, 7.5, 9.5]


# -- long chains and large trees -----------------------------------------------------------
def test_a_20000_node_chain_needs_no_recursion():
    n = 20_000
    G = nx.path_graph(n, create_using=nx.DiGraph)
    limit, depth, frame = sys.getrecursionlimit(), 0, sys._getframe()
    while frame:
        depth, frame = depth + 1, frame.f_back
    sys.setrecursionlimit(depth + 100)  # a recursive walk would fail at once
    try:
        lay = tidy_layout(G, level_gap=1)
    finally:
        sys.setrecursionlimit(limit)
    assert lay[n - 1] == (0.5, 2 * n - 1.5, 1.0, 1.0)
    assert lay.width == 1.0


def test_20000_random_nodes_in_linear_time():
    import random

    rng = random.Random(7)
    G = nx.DiGraph((rng.randrange(i), i) for i in range(1, 20_000))
    start = time.process_time()  # this process's CPU time: other work on the machine does not count
    lay = tidy_layout(G)
    assert time.process_time() - start < 5  # about 0.2 s here; generous for slow CI
    assert len(lay) == 20_000


# -- bad input -----------------------------------------------------------------------------
@pytest.mark.parametrize("graph, message", [
    (nx.DiGraph(), "empty"),
    (nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")]), r"cycle \('a' -> 'b' -> 'c' -> 'a'\)"),
    (nx.DiGraph([("r", "a"), ("a", "b"), ("b", "a")]), "has 2 managers"),
    (nx.DiGraph([("a", "a")]), "cycle"),
    (nx.DiGraph([("a", "c"), ("b", "c")]), r"node 'c' has 2 managers \('a', 'b'\)"),
])
def test_non_trees_are_refused(graph, message):
    with pytest.raises(ValueError, match=message):
        tidy_layout(graph)


def test_bad_arguments():
    G = nx.DiGraph([("a", "b")])
    with pytest.raises(TypeError, match="DiGraph"):
        tree_order(nx.Graph([("a", "b")]))
    with pytest.raises(ValueError, match="allowed: top-down, left-right, stacked"):
        tidy_layout(G, mode="radial")
    with pytest.raises(ValueError, match="size of node 'b'"):
        tidy_layout(G, {"b": (0, 1)})
    with pytest.raises(ValueError, match="level_gap must be"):
        tidy_layout(G, level_gap=-1)
    with pytest.raises(ValueError, match="stack_columns"):
        tidy_layout(G, mode="stacked", stack_columns=3)
