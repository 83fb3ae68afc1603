"""The hierarchy graph and the free functions over it, with design 14's known shape."""

import networkx as nx
import pytest

from shoporg import headcount_rollup, hierarchy_table, is_valid_hierarchy, layers, span_of_control, to_graph


def test_graph_of_design_14(d14):
    G = to_graph(d14)
    assert list(G.nodes) == list(d14.role_ids)
    assert set(G.successors("storekeeper")) == {"picker", "shipper"}
    assert G.nodes["sales_cs"]["headcount"] == 5.0
    assert G.nodes["sales_cs"]["name"].zh == "销售客服"
    assert G.nodes["sales_cs"]["role"] is d14.role("sales_cs")
    assert all(G.edges[e]["inferred"] for e in G.edges)  # the source draws no lines


def test_layers_spans_rollup(d14):
    G = to_graph(d14)
    lay = layers(G)
    assert lay["director"] == 1 and lay["cs_manager"] == 2 and lay["sales_cs"] == 3
    assert max(lay.values()) == 3
    assert span_of_control(G) == {"director": 6.0, "promo_manager": 3.0, "cs_manager": 8.0, "storekeeper": 4.0}
    assert span_of_control(G, by="roles") == {"director": 4, "promo_manager": 2, "cs_manager": 2, "storekeeper": 2}
    roll = headcount_rollup(G)
    assert roll["director"] == 22.0 and roll["cs_manager"] == 9.0 and roll["picker"] == 2.0


def test_hierarchy_table_english(d14):
    t = hierarchy_table(d14, lang="en")
    assert t.loc["cs_manager", "name"] == "Customer service team manager"
    assert t["headcount"].sum() == 22


def test_dotted_lines_stay_off_the_tree(d14):
    d2 = d14.with_role_changes("copywriter", dotted_line=("cs_manager",))
    G = to_graph(d2)
    assert G.graph["dotted_lines"] == [("cs_manager", "copywriter")]
    assert is_valid_hierarchy(G)


def test_forest_and_invalid_graphs():
    forest = nx.DiGraph([("a", "b"), ("c", "d")])
    assert is_valid_hierarchy(forest)
    assert layers(forest) == {"a": 1, "b": 2, "c": 1, "d": 2}
    assert not is_valid_hierarchy(nx.DiGraph())
    assert not is_valid_hierarchy(nx.DiGraph([("a", "c"), ("b", "c")]))  # two managers
    with pytest.raises(nx.NetworkXError, match="not a hierarchy"):
        layers(nx.DiGraph([("a", "b"), ("b", "a")]))
    with pytest.raises(ValueError, match="by must be"):
        span_of_control(forest, by="budget")
