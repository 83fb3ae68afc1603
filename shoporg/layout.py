"""Tidy tree layout for org charts: pure geometry, no drawing.

:func:`tidy_layout` places the boxes of a tree (or a forest) of any ``nx.DiGraph``
whose edges run manager → report. It is Walker's algorithm as improved by Buchheim,
Jünger and Leipert to run in linear time, written for this project from the paper:

    C. Buchheim, M. Jünger, S. Leipert, "Improving Walker's Algorithm to Run in
    Linear Time", Graph Drawing (GD 2002), LNCS 2528, pp. 344–353, Springer 2002.

    J. Q. Walker II, "A Node-positioning Algorithm for General Trees",
    Software: Practice and Experience 20(7), pp. 685–705, 1990.

Two generalisations of the paper: boxes have their own sizes (the separation of two
neighbours is half of each width plus a gap), and a layout node may be a *unit* of
several boxes (the stacked reports of a manager) with a left and a right extent.
Every walk is a loop, never a recursion, so chains of any length are fine.

Coordinates
-----------
The result maps each node to ``(x, y, width, height)`` with ``(x, y)`` the centre of
its box. The origin is the top-left corner of the drawing; x grows to the right and
**y grows downward**, so the top level has the smallest y. Every box lies in
``[0, layout.width] × [0, layout.height]``. Boxes of one level share a row (top-down)
or a column (left-right) and are aligned on its top (left) edge.

>>> import networkx as nx
>>> G = nx.DiGraph([("boss", "a"), ("boss", "b")])
>>> tidy_layout(G, sibling_gap=1)
{'boss': (1.5, 0.5, 1.0, 1.0), 'a': (0.5, 2.5, 1.0, 1.0), 'b': (2.5, 2.5, 1.0, 1.0)}
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from .i18n import Phrase

__all__ = ["MODES", "Layout", "tidy_layout", "tree_order", "edge_paths", "Page", "split_pages", "subtree", "rows", "dotted_paths", "crosses_box",
           "tree_graph", "totals_below"]

MODES = ("top-down", "left-right", "stacked")
"""Layout modes: levels as rows, levels as columns, or rows with stacked leaf reports."""

_NONE = -1  # "no node" in the index arrays


class Layout(dict):
    """``{node: (x, y, width, height)}`` plus how it was made.

    Attributes
    ----------
    mode : str
        One of :data:`MODES`.
    width, height : float
        Size of the drawing; every box lies within ``[0, width] × [0, height]``.
    level_gap : float
        The gap between levels (connectors run through its middle).
    stacks : dict
        ``{manager: columns}`` for each manager whose reports are stacked.
    """

    def __init__(self, boxes=(), *, mode="top-down", width=0.0, height=0.0, level_gap=0.0,
                 stacks=None):
        super().__init__(boxes)
        self.mode = mode
        self.width = width
        self.height = height
        self.level_gap = level_gap
        self.stacks = dict(stacks or {})


def tree_order(graph: nx.DiGraph) -> tuple[list, dict]:
    """Check that ``graph`` is a tree or a forest; return its roots and children.

    Roots and children keep the graph's order (node order, successor order).
    Raises ``ValueError`` naming the problem otherwise.

    >>> tree_order(nx.DiGraph([("a", "b"), ("a", "c"), ("d", "e")]))
    (['a', 'd'], {'a': ['b', 'c'], 'b': [], 'c': [], 'd': ['e'], 'e': []})
    >>> tree_order(nx.DiGraph([("a", "c"), ("b", "c")]))
    Traceback (most recent call last):
    ...
    ValueError: not a tree: node 'c' has 2 managers ('a', 'b'); a node may have at most one
    """
    if not isinstance(graph, nx.DiGraph):
        raise TypeError(f"expected a networkx DiGraph (edges manager -> report), "
                        f"got {type(graph).__name__}")
    if graph.number_of_nodes() == 0:
        raise ValueError("not a tree: the graph is empty (no nodes to lay out)")
    # the adjacency dicts themselves: a view's methods cost more than the walk
    succ, pred = graph._succ, graph._pred
    multi = graph.is_multigraph()
    nodes = list(graph.nodes)
    for node in nodes:
        managers = pred[node]
        count = graph.in_degree(node) if multi else len(managers)
        if len(managers) > 1 or count > 1:
            shown = ", ".join(repr(m) for m in managers)
            raise ValueError(f"not a tree: node {node!r} has {count} managers "
                             f"({shown}); a node may have at most one")
    roots = [n for n in nodes if not pred[n]]
    children = {n: list(succ[n]) for n in nodes}
    seen = set(roots)
    stack = list(roots)
    while stack:
        for child in children[stack.pop()]:
            seen.add(child)
            stack.append(child)
    if len(seen) < len(nodes):
        rest = graph.subgraph(n for n in nodes if n not in seen)
        cycle = [u for u, _ in nx.find_cycle(rest)]
        path = " -> ".join(repr(n) for n in cycle + cycle[:1])
        raise ValueError(f"not a tree: the graph has a cycle ({path})")
    return roots, children


def _check_sizes(sizes: Mapping | None, nodes) -> dict:
    out = {}
    sizes = sizes or {}
    for n in nodes:
        w, h = sizes.get(n, (1.0, 1.0))
        w, h = float(w), float(h)
        if not (w > 0 and h > 0 and math.isfinite(w) and math.isfinite(h)):
            raise ValueError(f"size of node {n!r} must be two positive finite numbers, got {(w, h)!r}")
        out[n] = (w, h)
    return out


def _check_gap(name: str, value) -> float:
    v = float(value)
    if not (v >= 0 and math.isfinite(v)):
        raise ValueError(Phrase("err.layout_gap", name=name, got=repr(value)))
    return v


class _Tree:
    """The tree to place, as index arrays: one layout node per box or stacked unit.

    ``lext``/``rext`` are a node's extent left and right of its anchor along the
    breadth axis; ``deep`` its size along the depth axis; ``members`` the boxes it
    holds as ``(graph node, offset from the anchor)``.
    """

    def __init__(self):
        self.parent: list[int] = []
        self.children: list[list[int]] = []
        self.lext: list[float] = []
        self.rext: list[float] = []
        self.deep: list[float] = []
        self.members: list[list[tuple[Hashable, float]]] = []
        self.continues: list[bool] = []  # a stacked unit below another unit of its stack

    def add(self, parent: int, lext: float, rext: float, deep: float, members, continues=False) -> int:
        i = len(self.parent)
        self.parent.append(parent)
        self.children.append([])
        self.lext.append(lext)
        self.rext.append(rext)
        self.deep.append(deep)
        self.members.append(members)
        self.continues.append(continues)
        if parent != _NONE:
            self.children[parent].append(i)
        return i


def _stack_columns(n_leaves: int, columns) -> int:
    if columns == "auto":
        return 2 if n_leaves >= 4 else 1
    return int(columns)


def _build(roots, children, sizes, mode, stack_columns, stack_indent) -> tuple[_Tree, dict]:
    """The layout tree under a virtual super-root (index 0), and the stacked managers."""
    across = 0 if mode != "left-right" else 1  # which of (w, h) lies along the breadth axis
    t = _Tree()
    t.add(_NONE, 0.0, 0.0, 0.0, [])
    stacks: dict = {}
    todo = [(r, 0) for r in reversed(roots)]
    while todo:
        node, parent = todo.pop()
        size = sizes[node]
        half = size[across] / 2
        me = t.add(parent, half, half, size[1 - across], [(node, 0.0)])
        kids = children[node]
        if mode == "stacked" and len(kids) >= 2 and all(not children[k] for k in kids):
            cols = _stack_columns(len(kids), stack_columns)
            stacks[node] = cols
            _add_stack(t, me, kids, sizes, cols, stack_indent)
            continue
        todo.extend((k, me) for k in reversed(kids))
    return t, stacks


def _add_stack(t: _Tree, manager: int, leaves, sizes, cols: int, indent: float) -> None:
    """Chain the leaves below their manager, one unit per row of the stack.

    The unit's anchor is the spine (the vertical connector from the manager); one
    column hangs right of it, two columns sit either side of it.
    """
    parent = manager
    for i in range(0, len(leaves), cols):
        row = leaves[i:i + cols]
        deep = max(sizes[n][1] for n in row)
        if cols == 1:
            w = sizes[row[0]][0]
            members = [(row[0], indent + w / 2)]
            lext, rext = 0.0, indent + w
        else:
            wl = sizes[row[0]][0]
            members = [(row[0], -(indent + wl / 2))]
            lext, rext = indent + wl, 0.0
            if len(row) == 2:
                wr = sizes[row[1]][0]
                members.append((row[1], indent + wr / 2))
                rext = indent + wr
        parent = t.add(parent, lext, rext, deep, members, continues=parent != manager)


def _first_walk(t: _Tree, sibling_gap: float, subtree_gap: float) -> tuple[list[float], list[float]]:
    """Buchheim et al.'s FIRSTWALK and APPORTION, bottom-up without recursion.

    Returns the preliminary positions and the modifiers.
    """
    n = len(t.parent)
    children, parent, lext, rext = t.children, t.parent, t.lext, t.rext
    prelim = [0.0] * n
    mod = [0.0] * n
    shift = [0.0] * n
    change = [0.0] * n
    thread = [_NONE] * n
    ancestor = list(range(n))
    number = [0] * n  # index among siblings
    for kids in children:
        for k, c in enumerate(kids):
            number[c] = k

    def next_left(v: int) -> int:
        kids = children[v]
        return kids[0] if kids else thread[v]

    def next_right(v: int) -> int:
        kids = children[v]
        return kids[-1] if kids else thread[v]

    def gap(a: int, b: int) -> float:
        same = parent[a] == parent[b] and parent[a] != 0
        return rext[a] + lext[b] + (sibling_gap if same else subtree_gap)

    def move_subtree(wm: int, wp: int, amount: float) -> None:
        subtrees = number[wp] - number[wm]
        change[wp] -= amount / subtrees
        shift[wp] += amount
        change[wm] += amount / subtrees
        prelim[wp] += amount
        mod[wp] += amount

    def apportion(v: int, default: int) -> int:
        if number[v] == 0:
            return default
        siblings = children[parent[v]]
        vip = vop = v
        vim = siblings[number[v] - 1]
        vom = siblings[0]
        sip, sop, sim, som = mod[vip], mod[vop], mod[vim], mod[vom]
        nr, nl = next_right(vim), next_left(vip)
        while nr != _NONE and nl != _NONE:
            vim, vip = nr, nl
            vom, vop = next_left(vom), next_right(vop)
            ancestor[vop] = v
            amount = (prelim[vim] + sim) - (prelim[vip] + sip) + gap(vim, vip)
            if amount > 0:
                anc = ancestor[vim]
                move_subtree(anc if parent[anc] == parent[v] else default, v, amount)
                sip += amount
                sop += amount
            sim += mod[vim]
            sip += mod[vip]
            som += mod[vom]
            sop += mod[vop]
            nr, nl = next_right(vim), next_left(vip)
        if nr != _NONE and next_right(vop) == _NONE:
            thread[vop] = nr
            mod[vop] += sim - sop
        if nl != _NONE and next_left(vom) == _NONE:
            thread[vom] = nl
            mod[vom] += sip - som
            default = v
        return default

    def execute_shifts(v: int) -> None:
        total = acc = 0.0
        for w in reversed(children[v]):
            prelim[w] += total
            mod[w] += total
            acc += change[w]
            total += shift[w] + acc

    # Children come after their parent in index order (built top-down), so walking the
    # indices backwards visits every subtree before its root.
    midpoint = [0.0] * n
    for v in range(n - 1, -1, -1):
        kids = children[v]
        if not kids:
            continue
        default = kids[0]
        for k, w in enumerate(kids):
            if k:  # place w right of its left sibling, then pack its subtree leftwards
                left = kids[k - 1]
                prelim[w] = prelim[left] + gap(left, w)
                if children[w]:
                    mod[w] = prelim[w] - midpoint[w]
            else:
                prelim[w] = midpoint[w]
            default = apportion(w, default)
        execute_shifts(v)
        midpoint[v] = (prelim[kids[0]] + prelim[kids[-1]]) / 2
    prelim[0] = midpoint[0]
    return prelim, mod


def _second_walk(t: _Tree, prelim: list[float], mod: list[float]) -> tuple[list[float], list[int]]:
    """Absolute anchor positions and depths (the virtual root has depth -1)."""
    n = len(prelim)
    x = [0.0] * n
    depth = [0] * n
    depth[0] = -1
    stack = [(0, 0.0)]
    while stack:
        v, m = stack.pop()
        x[v] = prelim[v] + m
        for w in t.children[v]:
            depth[w] = depth[v] + 1
            stack.append((w, m + mod[v]))
    return x, depth


def _levels(t: _Tree, depth: list[int], level_gap: float, stack_gap: float) -> list[float]:
    """Where each level starts along the depth axis (levels are as deep as their deepest box)."""
    n_levels = max(depth) + 1
    size = [0.0] * n_levels
    only_stacked = [True] * n_levels
    for v in range(1, len(depth)):
        d = depth[v]
        size[d] = max(size[d], t.deep[v])
        only_stacked[d] = only_stacked[d] and t.continues[v]
    start = [0.0] * n_levels
    for d in range(1, n_levels):
        gap = stack_gap if only_stacked[d] else level_gap
        start[d] = start[d - 1] + size[d - 1] + gap
    return start


def tidy_layout(graph: nx.DiGraph, sizes: Mapping | None = None, mode: str = "top-down", *,
                sibling_gap: float = 0.5, subtree_gap: float = 1.0, level_gap: float = 1.0,
                stack_gap: float | None = None, stack_columns="auto",
                stack_indent: float | None = None) -> Layout:
    """Place the boxes of a tree or forest tidily; return ``{node: (x, y, w, h)}``.

    Parents are centred over their children (midway between the first and the last
    child's anchor), siblings keep the graph's successor order, no two boxes overlap,
    and subtrees are packed as close as their contours allow, level by level, in time
    linear in the number of nodes. The drawing is never wider than the simple layout
    that gives every subtree a vertical band of its own. Several roots (a forest) are
    laid side by side in node order. Dotted-line relations are not edges of ``graph``
    and play no part.

    Parameters
    ----------
    graph : nx.DiGraph
        Edges manager → report; a tree or a forest (else ``ValueError``).
    sizes : mapping, optional
        ``{node: (width, height)}`` of each box; 1 × 1 where missing.
    mode : {"top-down", "left-right", "stacked"}
        Levels as rows (top-down), levels as columns (left-right), or rows in which
        the reports of a manager who has only leaf reports (two or more) are stacked
        in one or two columns below it, beside a vertical spine from the manager.
    sibling_gap : float
        Gap between neighbouring boxes of one manager.
    subtree_gap : float
        Gap between neighbouring boxes of different managers, and between trees.
    level_gap : float
        Gap between levels.
    stack_gap : float, optional
        Gap between the rows of a stack (``sibling_gap`` where ``None``) where a
        level holds nothing but stacked boxes.
    stack_columns : {"auto", 1, 2}
        Columns of a stack; ``"auto"`` uses two from four leaves on.
    stack_indent : float, optional
        Gap between the spine and the stacked boxes (``sibling_gap / 2`` where ``None``).

    Returns
    -------
    Layout
        A dict ``{node: (x, y, width, height)}``, ``(x, y)`` the box centre, y growing
        downward; also ``.width``, ``.height``, ``.mode``, ``.stacks``, ``.level_gap``.

    Examples
    --------
    >>> G = nx.DiGraph([("ceo", "cfo"), ("ceo", "cto"), ("cto", "dev")])
    >>> lay = tidy_layout(G, sizes={"ceo": (2, 1)}, sibling_gap=1, level_gap=1)
    >>> lay["ceo"], lay["cto"], lay["dev"]
    ((1.5, 0.5, 2.0, 1.0), (2.5, 2.5, 1.0, 1.0), (2.5, 4.5, 1.0, 1.0))
    >>> lay.width, lay.height
    (3.0, 5.0)
    >>> lr = tidy_layout(G, mode="left-right", sibling_gap=1)
    >>> lr["ceo"][:2], lr["dev"][:2]
    ((0.5, 1.5), (4.5, 2.5))
    >>> st = tidy_layout(nx.DiGraph([("m", "a"), ("m", "b")]), mode="stacked",
    ...                  stack_gap=0.5, stack_indent=0.25)
    >>> st["a"], st["b"], st.stacks
    ((1.25, 2.5, 1.0, 1.0), (1.25, 4.0, 1.0, 1.0), {'m': 1})
    """
    if mode not in MODES:
        raise ValueError(Phrase("err.layout_mode", mode=repr(mode), allowed=", ".join(MODES)))
    if stack_columns not in ("auto", 1, 2):
        raise ValueError(Phrase("err.layout_stack_columns", got=repr(stack_columns)))
    sibling_gap = _check_gap("sibling_gap", sibling_gap)
    subtree_gap = _check_gap("subtree_gap", subtree_gap)
    level_gap = _check_gap("level_gap", level_gap)
    stack_gap = sibling_gap if stack_gap is None else _check_gap("stack_gap", stack_gap)
    stack_indent = sibling_gap / 2 if stack_indent is None else _check_gap("stack_indent", stack_indent)
    roots, children = tree_order(graph)
    sizes = _check_sizes(sizes, graph.nodes)

    t, stacks = _build(roots, children, sizes, mode, stack_columns, stack_indent)
    prelim, mod = _first_walk(t, sibling_gap, subtree_gap)
    x, depth = _second_walk(t, prelim, mod)
    start = _levels(t, depth, level_gap, stack_gap)
    return _boxes(t, x, depth, start, sizes, mode, level_gap, stacks)


def _boxes(t: _Tree, x, depth, start, sizes, mode, level_gap, stacks) -> Layout:
    across = 0 if mode != "left-right" else 1
    placed = {}
    for v in range(1, len(x)):
        for node, offset in t.members[v]:
            size = sizes[node]
            placed[node] = (x[v] + offset, start[depth[v]] + size[1 - across] / 2)
    left = min(b - sizes[n][across] / 2 for n, (b, _) in placed.items())
    breadth = max(b - left + sizes[n][across] / 2 for n, (b, _) in placed.items())
    deepest = max(d + sizes[n][1 - across] / 2 for n, (_, d) in placed.items())
    out = Layout(mode=mode, level_gap=level_gap, stacks=stacks)
    for node in sizes:  # graph node order
        b, d = placed[node]
        w, h = sizes[node]
        b = _tidy(b - left)
        out[node] = (b, _tidy(d), w, h) if across == 0 else (_tidy(d), b, w, h)
    out.width, out.height = (breadth, deepest) if across == 0 else (deepest, breadth)
    out.width, out.height = _tidy(out.width), _tidy(out.height)
    return out


def _tidy(v: float) -> float:
    """Round away float noise (1e-12) so equal inputs print and compare alike."""
    r = round(v, 9)
    return r + 0.0  # no -0.0


def edge_paths(graph: nx.DiGraph, layout: Layout) -> dict:
    """Orthogonal connector polylines for the reporting lines of a layout.

    Top-down: down from the manager, along a bus halfway through the level gap, down
    into the report. Left-right: the same turned on its side. Stacked reports hang on a
    spine below the manager with a short stub to each box.

    >>> G = nx.DiGraph([("boss", "a"), ("boss", "b")])
    >>> edge_paths(G, tidy_layout(G, sibling_gap=1))[("boss", "b")]
    [(1.5, 1.0), (1.5, 1.5), (2.5, 1.5), (2.5, 2.0)]
    """
    out = {}
    half = layout.level_gap / 2
    for m, r in graph.edges:
        mx, my, mw, mh = layout[m]
        rx, ry, rw, rh = layout[r]
        if m in layout.stacks:
            edge = rx - rw / 2 if rx > mx else rx + rw / 2
            out[(m, r)] = [(mx, my + mh / 2), (mx, ry), (edge, ry)]
        elif layout.mode == "left-right":
            bus = rx - rw / 2 - half
            out[(m, r)] = [(mx + mw / 2, my), (bus, my), (bus, ry), (rx - rw / 2, ry)]
        else:
            bus = ry - rh / 2 - half
            out[(m, r)] = [(mx, my + mh / 2), (mx, bus), (rx, bus), (rx, ry - rh / 2)]
    return out


# -- rows and dotted lines -------------------------------------------------------------------
def _frame(layout: Layout) -> dict:
    """Boxes in the top-down frame: left-right layouts turned so that levels are rows."""
    if layout.mode == "left-right":
        return {n: (y, x, h, w) for n, (x, y, w, h) in layout.items()}
    return dict(layout)


def _unframe(layout: Layout, points) -> list[tuple[float, float]]:
    if layout.mode == "left-right":
        return [(_tidy(y), _tidy(x)) for x, y in points]
    return [(_tidy(x), _tidy(y)) for x, y in points]


def rows(layout: Layout) -> list[list]:
    """The boxes of a layout by row: the levels (columns in left-right mode), each a
    list of nodes in order along the row, the top (left) row first.

    Boxes of one row start at the same depth (they are aligned on their top or left
    edge); the rows of a stack are rows of their own.

    >>> G = nx.DiGraph([("boss", "a"), ("boss", "b")])
    >>> rows(tidy_layout(G)), rows(tidy_layout(G, mode="left-right"))
    ([['boss'], ['a', 'b']], [['boss'], ['a', 'b']])
    """
    boxes = _frame(layout)
    out: list[list] = []
    last = -math.inf
    for n in sorted(boxes, key=lambda n: boxes[n][1] - boxes[n][3] / 2):
        start = boxes[n][1] - boxes[n][3] / 2
        if start - last > 1e-6:
            out.append([])
        out[-1].append(n)
        last = start
    return [sorted(nodes, key=lambda n: boxes[n][0]) for nodes in out]


def _bands(boxes, row_list):
    """``[(top, bottom, [(left, right), ...])]`` of each row, in the top-down frame."""
    out = []
    for nodes in row_list:
        tops = [boxes[n][1] - boxes[n][3] / 2 for n in nodes]
        bottoms = [boxes[n][1] + boxes[n][3] / 2 for n in nodes]
        spans = [(boxes[n][0] - boxes[n][2] / 2, boxes[n][0] + boxes[n][2] / 2) for n in nodes]
        out.append((min(tops), max(bottoms), spans))
    return out


def _passages(spans, clearance: float, outside: float) -> list[tuple[float, float]]:
    """Stretches of a row a vertical line may run through: between neighbouring boxes
    (kept ``clearance`` away from both) and beyond both ends."""
    out = [(-math.inf, spans[0][0] - outside)]
    for (_, right), (left, _) in zip(spans, spans[1:]):
        room = left - right
        c = min(clearance, room / 3)
        if room > 2 * c:
            out.append((right + c, left - c))
    out.append((spans[-1][1] + outside, math.inf))
    return out


def _clamp(v: float, lo: float, hi: float) -> float:
    return min(max(v, lo), hi)


def _cross_rows(passages_by_row, x_from: float, ends, bend: float):
    """Where to cross each row in turn: fewest turns, then least sideways travel.

    ``passages_by_row`` lists each row's stretches; ``ends`` the x a path may end at.
    Returns ``(cost, [x of each row], end x)``.
    """
    # candidates of a row: each stretch's ends and the points of the straight runs
    wanted = [x_from, *ends]
    layers = []
    for stretches in passages_by_row:
        cands = set()
        for lo, hi in stretches:
            for v in wanted:
                cands.add(_clamp(v, lo, hi))
            for v in (lo, hi):
                if math.isfinite(v):
                    cands.add(v)
        layers.append(sorted(c for c in cands if math.isfinite(c)))

    def step(a: float, b: float) -> float:
        return 0.0 if abs(a - b) < 1e-9 else abs(a - b) + bend

    best = {x_from: (0.0, [])}
    for cands in layers:
        nxt = {}
        for c in cands:
            nxt[c] = min(((cost + step(x, c), path + [c]) for x, (cost, path) in best.items()),
                         key=lambda v: v[0])
        best = nxt
    return min(((cost + step(x, e), path, e) for x, (cost, path) in best.items() for e in ends),
               key=lambda v: v[0])


def dotted_paths(pairs, layout: Layout, *, clearance: float | None = None,
                 head: float = 0.0) -> dict:
    """Orthogonal routes for dotted-line relations that never cross a box.

    Each pair ``(manager, report)`` gets a polyline from the report's box to the
    manager's box (where an arrowhead would point). The route leaves the report on the
    side facing the manager, runs along the gaps between rows (never on the middle of a
    gap, where the reporting lines run) and through the gaps between the boxes of the
    rows in between, and enters the manager's box on the side facing the report, a
    quarter of the box away from the middle (where its reporting lines attach).
    Routes sharing a gap get lanes of their own. ``clearance`` is the least distance
    kept from a box side while passing it (a third of the layout's level gap where
    None); ``head`` the length the last segment should at least have.

    >>> G = nx.DiGraph([("boss", "a"), ("boss", "b")])
    >>> lay = tidy_layout(G, sibling_gap=1)
    >>> dotted_paths([("a", "b")], lay)[("a", "b")]
    [(2.25, 3.0), (2.25, 3.7), (0.75, 3.7), (0.75, 3.0)]
    """
    boxes = _frame(layout)
    row_list = rows(layout)
    row_of = {n: k for k, nodes in enumerate(row_list) for n in nodes}
    bands = _bands(boxes, row_list)
    gap = layout.level_gap or 1.0
    if clearance is None:
        clearance = gap / 3
    passages = [_passages(spans, clearance, clearance) for _, _, spans in bands]

    def corridor(k: int) -> tuple[float, float]:
        """The gap above row ``k`` (k == len(rows): below the last row)."""
        top = bands[k - 1][1] if k > 0 else bands[0][0] - gap
        bottom = bands[k][0] if k < len(bands) else bands[-1][1] + gap
        return top, bottom

    used: dict[int, list[float]] = {}

    def lane(k: int, toward_bottom: bool | None) -> float:
        """A free height in corridor ``k``, off its middle; near the end facing the
        manager's box where ``toward_bottom`` is given (room for the arrowhead)."""
        top, bottom = corridor(k)
        order = (0.3, 0.7, 0.15, 0.85, 0.4, 0.6, 0.2, 0.8)
        if toward_bottom is not None:
            order = (0.7, 0.85, 0.6, 0.3, 0.15, 0.4) if toward_bottom else (0.3, 0.15, 0.4, 0.7, 0.85, 0.6)
        taken = used.setdefault(k, [])
        for f in order:
            y = top + (bottom - top) * f
            if all(abs(y - u) > 1e-6 for u in taken):
                break
        taken.append(y)
        if toward_bottom is not None and head:  # the manager's box is on the other side
            y = min(max(y, top + head), bottom) if toward_bottom else max(min(y, bottom - head), top)
        return y

    out = {}
    for m, r in pairs:
        (sx, sy, sw, sh), (ex, ey, ew, eh) = boxes[r], boxes[m]
        a, b = row_of[r], row_of[m]
        if a > b:     # the manager is above: up through rows a-1 .. b+1
            leave, enter = sy - sh / 2, ey + eh / 2
            crossing, corridors = list(range(a - 1, b, -1)), list(range(a, b, -1))
        elif a < b:   # below: down through rows a+1 .. b-1
            leave, enter = sy + sh / 2, ey - eh / 2
            crossing, corridors = list(range(a + 1, b)), list(range(a + 1, b + 1))
        else:         # the same row: along the gap below it
            leave, enter = sy + sh / 2, ey + eh / 2
            crossing, corridors = [], [a + 1]
        starts = (sx - sw / 4, sx + sw / 4)
        ends = (ex - ew / 4, ex + ew / 4)
        best = min((_cross_rows([passages[k] for k in crossing], s, ends, gap) + (s,) for s in starts),
                   key=lambda v: v[0])
        _, xs, x_end, x_start = best
        # the lane of each corridor; the last one leaves room for the arrowhead
        heights = []
        for i, k in enumerate(corridors):
            last = i == len(corridors) - 1
            heights.append(lane(k, a >= b if last else None))
        points = [(x_start, leave)]
        x = x_start
        for i, y in enumerate(heights):
            points.append((x, y))
            x = xs[i] if i < len(xs) else x_end
            points.append((x, y))
        points.append((x_end, enter))
        out[(m, r)] = _unframe(layout, _simplify(points))
    return out


def _simplify(points):
    """Drop repeated points and the middle point of three in a straight line."""
    out = []
    for p in points:
        if out and abs(p[0] - out[-1][0]) < 1e-9 and abs(p[1] - out[-1][1]) < 1e-9:
            continue
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            if (abs(x0 - x1) < 1e-9 and abs(x1 - p[0]) < 1e-9) or (abs(y0 - y1) < 1e-9 and abs(y1 - p[1]) < 1e-9):
                out[-1] = p
                continue
        out.append(p)
    return out


def crosses_box(path, box, margin: float = 1e-6) -> bool:
    """True when a polyline runs through the inside of a box (touching its border is
    not crossing).

    >>> crosses_box([(0, 0), (4, 0)], (2, 0, 1, 1)), crosses_box([(0, 0.5), (4, 0.5)], (2, 0, 1, 1))
    (True, False)
    """
    x, y, w, h = box
    x0, x1, y0, y1 = x - w / 2 + margin, x + w / 2 - margin, y - h / 2 + margin, y + h / 2 - margin
    for (ax, ay), (bx, by) in zip(path, path[1:]):
        # Liang–Barsky clipping of the segment against the open rectangle
        t0, t1 = 0.0, 1.0
        dx, dy = bx - ax, by - ay
        inside = True
        for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if abs(p) < 1e-12:
                if q <= 0:
                    inside = False
                    break
                continue
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
        if inside and t0 < t1:
            return True
    return False


# -- pages -------------------------------------------------------------------------------
@dataclass
class Page:
    """One page of a tree split by subtree (:func:`split_pages`).

    ``roles`` are on the page (graph order), ``root`` at its top; ``continued`` maps each
    role whose reports go on a later page to that page's number; ``from_page`` is the page
    that shows ``root`` under its manager; ``part``/``parts`` number the pages of one
    manager whose reports fill several; ``fit`` is what ``fits`` said of the page.
    """

    number: int
    root: Hashable
    roles: tuple
    continued: dict = field(default_factory=dict)
    from_page: int | None = None
    part: int = 1
    parts: int = 1
    fit: object = None


def subtree(G: nx.DiGraph, root) -> list:
    """``root`` and every role below it, depth first in the graph's order.

    >>> subtree(nx.DiGraph([("a", "b"), ("b", "c"), ("a", "d")]), "a")
    ['a', 'b', 'c', 'd']
    """
    out, stack = [], [root]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(list(G.successors(n))))
    return out


def _below(kids: Mapping, root) -> list:
    """:func:`subtree` from ``{node: [its reports]}``."""
    out, stack = [], [root]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(list(kids[n])))
    return out


def split_pages(graph: nx.DiGraph, fits: Callable[[list, list], object]) -> list[Page]:
    """Split a tree (or forest) into pages by subtree, in as few pages as the cuts allow.

    ``fits(shown, stubs)`` says whether the roles ``shown`` (with ``stubs``, the shown
    roles whose reports go elsewhere) fit one page: a true value (kept as the page's
    ``fit``, e.g. its scale) or None. A page shows a manager and as many levels below it
    as fit; of the depths that fit, the one needing the fewest pages in all is taken (then
    the deepest). Each stub heads pages of its own. A manager whose direct reports do not
    fit one page shares them over several; a forest that fits stays one page. ``fits``
    answers the same for the same roles: each question is asked once.

    >>> G = nx.DiGraph([("ceo", "a"), ("ceo", "b"), ("a", "a1"), ("a", "a2"), ("b", "b1")])
    >>> small = lambda shown, stubs: len(shown) <= 3 or None
    >>> [(p.number, p.root, p.roles, p.continued) for p in split_pages(G, small)]
    [(1, 'ceo', ('ceo', 'a', 'b'), {'a': 2, 'b': 3}), (2, 'a', ('a', 'a1', 'a2'), {}), (3, 'b', ('b', 'b1'), {})]
    """
    G = graph
    nodes = list(G.nodes)
    place = {n: i for i, n in enumerate(nodes)}
    kids = {n: list(G.successors(n)) for n in nodes}  # plain lists: views are slow to walk
    asked: dict = {}

    def ask(shown, stubs):
        key = (tuple(shown), tuple(stubs))
        if key not in asked:
            asked[key] = fits(list(shown), list(stubs))
        return asked[key]

    @functools.cache
    def tree_of(root) -> list:
        return _below(kids, root)

    @functools.cache
    def groups(root) -> tuple:
        tree = tree_of(root)
        depth = {root: 0}
        for n in tree:  # depth first: a manager comes before its reports
            for k in kids[n]:
                depth[k] = depth[n] + 1
        deepest = max(depth.values())
        best = None
        for k in range(deepest, 0, -1):
            shown = [n for n in tree if depth[n] <= k]
            stubs = [n for n in shown if depth[n] == k and kids[n]]
            fit = ask(shown, stubs)
            if fit:
                count = 1 + sum(pages_needed(s) for s in stubs)
                if best is None or count < best[0]:
                    best = (count, ((tuple(shown), tuple(stubs), fit),))
                if not stubs:
                    break
        if best:
            return best[1]
        # even the manager with its direct reports does not fit: share them over pages,
        # each page the manager with as many whole teams as fit (a team too large for
        # one, with the manager, goes on as a stub)
        def page_of(team):
            whole = [n for k in team for n in tree_of(k)]
            fit = ask([root] + whole, [])
            if fit:
                return tuple([root] + whole), (), fit
            stubs = [k for k in team if kids[k]]
            return tuple([root] + team), tuple(stubs), ask([root] + team, stubs)

        def whole(team) -> bool:
            return bool(ask([root] + [n for k in team for n in tree_of(k)], []))

        out, group = [], []
        for kid in (kids[root] if deepest else []):
            trial = group + [kid]
            if not group or whole(trial):
                group = trial
            elif not whole(group) and page_of(trial)[2]:  # a page of stubs that still has room
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
            page = Page(len(pages) + 1, root, tuple(sorted(shown, key=place.__getitem__)), dict.fromkeys(stubs, 0),
                        from_page, i + 1, len(parts), fit)
            pages.append(page)
            mine.append(page)
        for page in mine:
            for stub in page.continued:
                page.continued[stub] = len(pages) + 1
                split(stub, page.number)

    roots = [n for n in nodes if G.in_degree(n) == 0]
    if len(roots) > 1:  # a forest: one page when it fits, else a page (or more) per tree
        fit = fits(list(G.nodes), [])
        if fit:
            return [Page(1, roots[0], tuple(G.nodes), fit=fit)]
    for r in roots:
        split(r, None)
    return pages


def tree_graph(graph: nx.DiGraph, nodes) -> nx.DiGraph:
    """The ``nodes`` of ``graph`` and the edges among them as a graph of its own: nodes in
    the order given, each node's reports in ``graph``'s order, no node or edge data.
    Quicker to walk than ``graph.subgraph(nodes)``, a view that filters every step.

    >>> list(tree_graph(nx.DiGraph([("a", "b"), ("b", "c"), ("a", "d")]), ["a", "d", "b"]).edges)
    [('a', 'b'), ('a', 'd')]
    """
    keep = set(nodes)
    H = nx.DiGraph()
    H.add_nodes_from(nodes)
    H.add_edges_from((m, r) for m in nodes for r in graph._succ[m] if r in keep)
    return H


def totals_below(graph: nx.DiGraph, value: Mapping, start=0) -> dict:
    """``{node: sum of value[n] over every n below node}`` (``start`` plus nothing for a
    leaf), summed bottom-up in one walk.

    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "d")])
    >>> totals_below(G, {"a": 1, "b": 2, "c": 3, "d": 4})
    {'a': 9, 'b': 3, 'c': 0, 'd': 0}
    """
    kids = graph._succ
    order = [n for r in graph.nodes if not graph._pred[r] for n in _below(kids, r)]
    out = {}
    for n in reversed(order):  # every report before its manager
        total = start
        for k in kids[n]:
            total = total + value[k] + out[k]
        out[n] = total
    return {n: out[n] for n in graph.nodes}
