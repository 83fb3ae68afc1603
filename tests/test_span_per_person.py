"""Span of control per person: seven team leaders over 86 agents manage about 12 each,
in the health check, the comparison and the designer's summary."""

import pytest

import shoporg
from shoporg.analysis import compare, health
from shoporg.hierarchy import span_of_control, to_graph
from shoporg.widgets import Designer


@pytest.fixture(scope="module")
def call_centre():
    d = shoporg.load_template("seed-14-basic-22")
    return d.with_headcount("cs_manager", 7).with_headcount("sales_cs", 80).with_headcount("aftersales_cs", 6)


def test_the_span_is_per_manager_not_per_role(call_centre):
    G = to_graph(call_centre)
    assert span_of_control(G, by="people")["cs_manager"] == 86
    assert span_of_control(G)["cs_manager"] == round(86 / 7, 2) == 12.29
    assert span_of_control(G, by="roles")["cs_manager"] == 2


def test_health_and_compare_count_per_person(call_centre):
    h = health(call_centre, max_span=13)
    assert "cs_manager" not in set(h.loc[h["check"] == "wide_span", "role"])  # was a false 86-person warning
    assert "cs_manager" in set(health(call_centre, max_span=12).query("check == 'wide_span'")["role"])
    table = compare([shoporg.load_template("seed-14-basic-22"), call_centre])
    assert table.iloc[:, 2]["span_max"] == 12.29


def test_the_designer_summary_shows_the_span_per_person(call_centre):
    app = Designer(design=call_centre, show_chart=False)
    assert dict(app.summary_rows())["最大管理幅度"] == "12.29"
