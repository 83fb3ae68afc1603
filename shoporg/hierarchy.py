"""The hierarchy as a plain ``nx.DiGraph`` (manager → report) and free functions over it.

Each node is a role id; its attributes are the role's fields (``name``,
``headcount``, ``department``...) plus ``role``, the :class:`~shoporg.model.Role`
itself. Dotted-line relations are kept apart in ``G.graph["dotted_lines"]`` so the
graph stays a tree (or a forest).

>>> from shoporg import load_template
>>> G = to_graph(load_template("seed-14-basic-22"))
>>> G.number_of_nodes(), is_valid_hierarchy(G)
(11, True)
>>> layers(G)["picker"], span_of_control(G)["cs_manager"], headcount_rollup(G)["director"]
(3, 8.0, 22.0)
"""

from __future__ import annotations

import networkx as nx

from . import fmt
from .i18n import t

__all__ = ["to_graph", "layers", "span_of_control", "headcount_rollup", "is_valid_hierarchy",
           "hierarchy_table"]


def to_graph(design) -> nx.DiGraph:
    """The design's reporting lines as a directed graph, edges manager → report.

    Nodes come in file order; ``G.graph`` holds the design ``id``, ``name`` and
    ``dotted_lines`` (a list of ``(manager, report)`` pairs).

    >>> from shoporg import load_template
    >>> G = to_graph(load_template("seed-14-basic-22"))
    >>> list(G.successors("storekeeper")), G.nodes["picker"]["headcount"]
    (['picker', 'shipper'], 2.0)
    """
    G = nx.DiGraph(id=design.id, name=design.name, dotted_lines=[])
    for role in design.roles:
        attrs = {name: getattr(role, name) for name in type(role).model_fields}
        attrs["headcount"] = float(role.headcount)
        G.add_node(role.id, role=role, **attrs)
    for role in design.roles:
        if role.reports_to is not None:
            G.add_edge(role.reports_to, role.id, inferred=role.reports_to_inferred)
        for m in role.dotted_line:
            G.graph["dotted_lines"].append((m, role.id))
    return G


def is_valid_hierarchy(G: nx.DiGraph) -> bool:
    """True when ``G`` is a non-empty forest of out-trees: no cycle, at most one manager each.

    >>> is_valid_hierarchy(nx.DiGraph([("a", "b"), ("b", "a")]))
    False
    """
    return G.number_of_nodes() > 0 and nx.is_branching(G)


def _roots(G: nx.DiGraph) -> list:
    return [n for n in G.nodes if G.in_degree(n) == 0]


def _require_tree(G: nx.DiGraph) -> None:
    if not is_valid_hierarchy(G):
        raise nx.NetworkXError("G is not a hierarchy (a non-empty forest with one manager per role)")


def layers(G: nx.DiGraph) -> dict:
    """Layer of each role: 1 for a top role, 2 for its reports, and so on.

    >>> layers(nx.DiGraph([("boss", "a"), ("a", "b")]))
    {'boss': 1, 'a': 2, 'b': 3}
    """
    _require_tree(G)
    out = {}
    for root in _roots(G):
        for node, depth in nx.single_source_shortest_path_length(G, root).items():
            out[node] = depth + 1
    return {n: out[n] for n in G.nodes}


def span_of_control(G: nx.DiGraph, by: str = "person") -> dict:
    """Direct reports of every role that has any.

    ``by="person"`` (the span a manager has) divides the people in the direct-report
    roles by the manager role's own headcount: seven team leaders over 86 agents have a
    span of about 12, not 86 (a role with no one in it counts as one manager).
    ``by="people"`` counts the people in the direct-report roles, the whole role's span;
    ``by="roles"`` counts the roles.

    >>> G = nx.DiGraph([("m", "a"), ("m", "b")]); G.nodes["a"]["headcount"] = 5
    >>> span_of_control(G), span_of_control(G, by="roles")
    ({'m': 6.0}, {'m': 2})
    >>> G = nx.DiGraph([("leads", "agents")]); G.nodes["leads"]["headcount"] = 7; G.nodes["agents"]["headcount"] = 86
    >>> span_of_control(G), span_of_control(G, by="people")
    ({'leads': 12.29}, {'leads': 86.0})
    """
    if by not in ("person", "people", "roles"):
        raise ValueError(f"by must be 'person', 'people' or 'roles', got {by!r}")
    _require_tree(G)
    out = {}
    for n in G.nodes:
        kids = list(G.successors(n))
        if kids:
            people = float(sum(_hc(G, k) for k in kids))
            out[n] = len(kids) if by == "roles" else people if by == "people" else \
                round(people / (_hc(G, n) if _hc(G, n) > 0 else 1.0), 2)
    return out


def _hc(G: nx.DiGraph, node) -> float:
    return float(G.nodes[node].get("headcount", 1))


def headcount_rollup(G: nx.DiGraph) -> dict:
    """People in each role's subtree, the role itself included (``headcount`` node
    attribute, 1 where missing).

    >>> G = nx.DiGraph([("boss", "a"), ("boss", "b")]); G.nodes["a"]["headcount"] = 3
    >>> headcount_rollup(G)
    {'boss': 5.0, 'a': 3.0, 'b': 1.0}
    """
    _require_tree(G)
    total: dict = {}
    for n in reversed(list(nx.topological_sort(G))):
        total[n] = _hc(G, n) + sum(total[k] for k in G.successors(n))
    return {n: total[n] for n in G.nodes}


def hierarchy_table(design, lang: str = "zh", *, labels: bool = False):
    """One row per role: name, manager, layer, direct reports (roles and people), subtree people.

    ``labels=True`` makes the table a client reads: the manager by name, people written
    as they read (``2``, ``0.5``), the columns in ``lang`` (岗位, 上级, 层级 ...).

    >>> from shoporg import load_template
    >>> h = hierarchy_table(load_template("seed-14-basic-22"), lang="en")
    >>> h.loc["director", ["layer", "reports", "span", "subtree"]].tolist()
    [1.0, 4.0, 6.0, 22.0]
    >>> list(hierarchy_table(load_template("seed-14-basic-22"), labels=True).columns[:3])
    ['岗位', '上级', '层级']
    """
    import pandas as pd  # reading a design does not load pandas; only this table needs it

    G = to_graph(design)
    lay, people, roles, sub = layers(G), span_of_control(G), span_of_control(G, "roles"), headcount_rollup(G)
    rows = [{"id": n, "name": G.nodes[n]["name"].get(lang), "reports_to": G.nodes[n]["reports_to"],
             "layer": lay[n], "headcount": G.nodes[n]["headcount"], "reports": roles.get(n, 0),
             "span": people.get(n, 0.0), "subtree": sub[n]} for n in G.nodes]
    table = pd.DataFrame(rows).set_index("id")
    if labels:
        names = {n: G.nodes[n]["name"].get(lang) for n in G.nodes}
        table["reports_to"] = [names.get(m, "") if m else "" for m in table["reports_to"]]
        for c in ("headcount", "span", "subtree"):
            table[c] = [fmt.headcount(x, lang) for x in table[c]]
        table = table.rename(columns={c: t(f"col.hierarchy_{c}", lang) for c in table.columns})
        table.index.name = t("col.id", lang)
    return table
