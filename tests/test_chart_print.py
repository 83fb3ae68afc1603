"""Org charts a consultant prints: read back from the drawn artists, every template in both
languages and orientations, a design of 150 people split into pages, dotted and inferred
lines, vacancies. The PNGs are kept in ``test-artifacts/charts/`` to be looked at."""

import os
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import shoporg
from shoporg import load_template
from shoporg.chart import PAPERS, _wrap, box_lines, chart_pages, plot_org, plot_org_pages, role_boxes, save_org_chart
from shoporg.io.yaml_io import design_from_dict
from shoporg.layout import MODES, crosses_box, dotted_paths, tidy_layout
from shoporg.live_chart import LiveOrgChart

from .conftest import ROOT

matplotlib.use("Agg")
TEMPLATES = list(shoporg.list_templates()["id"])
EPS = 1e-6


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def artifacts() -> Path:
    path = Path(os.environ.get("SHOPORG_ARTIFACTS", ROOT / "test-artifacts")) / "charts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def group_of_shops(shops: int = 7):
    """A group manager over ``shops`` copies of design 14: 1 + 11 × shops roles, 1 + 22 × shops people."""
    d14 = load_template("seed-14-basic-22")
    data = d14.model_dump(mode="json", by_alias=True)
    roles = [{"id": "group_gm", "name": {"zh": "集团电商总经理", "en": "Group e-commerce general manager"},
              "department": data["departments"][0]["id"], "pay": [{"kind": "base", "monthly": 30000}]}]
    for k in range(shops):
        for r in data["roles"]:
            r = dict(r, id=f"s{k}_{r['id']}", dotted_line=[f"s{k}_{x}" for x in r["dotted_line"]])
            r["reports_to"] = f"s{k}_{r['reports_to']}" if r["reports_to"] else "group_gm"
            if r["reports_to"] == "group_gm":
                r["name"] = {"zh": f"{k + 1}号店{r['name']['zh']}", "en": f"Shop {k + 1} {r['name']['en']}"}
            roles.append(r)
    data.update(id=f"group-{shops}", name={"zh": f"集团{shops}店组织", "en": f"Group of {shops} shops"},
                roles=roles, source=None)
    return design_from_dict(data)


def with_dotted_lines(design):
    """Design 14 with dotted lines across subtrees, within a row and upwards, a stated
    line among inferred ones, a vacancy and a planned (wholly vacant) role."""
    return (design.with_role_changes("copywriter", dotted_line=("cs_manager",))
            .with_role_changes("shipper", dotted_line=("promo_manager",))
            .with_role_changes("visual_editor", dotted_line=("aftersales_cs",))
            .with_role_changes("admin_finance", dotted_line=("storekeeper",))
            .with_role_changes("cs_manager", reports_to_inferred=False)
            .with_role_changes("picker", vacancies=1)
            .with_role_changes("copywriter", vacancies=1))


# -- reading a drawn chart back --------------------------------------------------------------
def boxes_of(ax) -> dict:
    """``{role: (x, y, w, h)}`` with (x, y) the centre, in the chart's coordinates."""
    out = {}
    for rid, p in role_boxes(ax).items():
        out[rid] = (p.get_x() + p.get_width() / 2, p.get_y() + p.get_height() / 2, p.get_width(), p.get_height())
    return out


def drawn_lines(ax) -> dict:
    """Every line drawn between boxes: ``{name: [polyline, ...]}``."""
    out = {}
    for c in ax.collections:
        if c.get_gid() in ("reporting-lines", "inferred-lines"):
            out[c.get_gid()] = [list(map(tuple, seg)) for seg in c.get_segments()]
    for p in ax.patches:
        if (p.get_gid() or "").startswith("dotted:"):
            out[p.get_gid()] = [list(map(tuple, p.get_path().vertices))]
    return out


def box_texts(ax) -> dict:
    """``{role: [text artist, ...]}`` in line order."""
    out = {}
    for t in ax.texts:
        m = re.fullmatch(r"text:(.+):(\d+)", t.get_gid() or "")
        if m:
            out.setdefault(m[1], []).append((int(m[2]), t))
    return {k: [t for _, t in sorted(v)] for k, v in out.items()}


def lone_character(line: str) -> bool:
    """A line of a single Chinese character (the "…推广专 / 员" fault)."""
    wide = [ch for ch in line if unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalnum()]
    return len(wide) == 1 and len(line.strip()) <= 2


def rows_of(boxes: dict, mode: str) -> list:
    """Boxes grouped by where they start along the depth axis (top, or left in left-right)."""
    axis = 0 if mode == "left-right" else 1
    out, last = [], None
    for n in sorted(boxes, key=lambda n: boxes[n][axis] - boxes[n][axis + 2] / 2):
        start = boxes[n][axis] - boxes[n][axis + 2] / 2
        if last is None or start - last > 0.001:
            out.append([])
        out[-1].append(n)
        last = start
    return out


def check_chart(ax, design, lang: str, mode: str = "top-down") -> None:
    """What every chart must hold, read from its artists."""
    boxes = boxes_of(ax)
    assert set(boxes) <= set(design.role_ids)
    # no line runs through a box (so none covers a box's text)
    for name, polylines in drawn_lines(ax).items():
        for path in polylines:
            for rid, box in boxes.items():
                assert not crosses_box(path, box, margin=0.01), f"{name} crosses the box of {rid}"
    # every dotted line ends in an arrowhead whose tip sits on its manager's border
    heads = {p.get_gid()[6:]: p for p in ax.patches if (p.get_gid() or "").startswith("arrow:")}
    dotted = [g[7:] for g in drawn_lines(ax) if g.startswith("dotted:")]
    assert sorted(heads) == sorted(dotted)
    for pair, head in heads.items():
        manager = pair.split("->")[0]
        x, y, w, h = boxes[manager]
        tip = head.get_xy()[0]
        on_side = abs(abs(tip[0] - x) - w / 2) < 0.01 or abs(abs(tip[1] - y) - h / 2) < 0.01
        assert on_side and abs(tip[0] - x) <= w / 2 + 0.01 and abs(tip[1] - y) <= h / 2 + 0.01
        # the arrowhead stays outside its box, in front of the reporting lines, behind the boxes
        assert not crosses_box([tuple(v) for v in head.get_xy()], boxes[manager], margin=0.01)
        assert 1 < head.get_zorder() < 2
    # one height per row (and one width per column in left-right mode)
    for row in rows_of(boxes, mode):
        assert len({round(boxes[n][3], 6) for n in row}) == 1, row
        if mode == "left-right":
            assert len({round(boxes[n][2], 6) for n in row}) == 1, row
    # no line of a box holds a single Chinese character; the text fits its box
    texts = box_texts(ax)
    for rid, lines in texts.items():
        name = [t.get_text() for t in lines if t.get_fontsize() == lines[0].get_fontsize()]
        assert "".join(name).replace(" ", "") == design.role(rid).name.get(lang).replace(" ", "")
        if len(name) > 1:
            assert not any(lone_character(line) for line in name), (rid, name)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    page = ax.figure.bbox
    for t in [ax.title] + [t for t in ax.texts if t.get_gid() == "summary"]:
        e = t.get_window_extent(renderer)
        assert page.x0 <= e.x0 and e.x1 <= page.x1, f"{t.get_text()!r} runs off the page"
    for rid, lines in texts.items():
        box = role_boxes(ax)[rid].get_window_extent(renderer)
        for t in lines:
            e = t.get_window_extent(renderer)
            assert box.x0 <= e.x0 and e.x1 <= box.x1 and box.y0 <= e.y0 and e.y1 <= box.y1, (rid, t.get_text())


# -- every template, both languages and orientations ----------------------------------------------
@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("mode", ["top-down", "left-right"])
def test_every_template_prints_cleanly(template, lang, mode):
    design = load_template(template)
    ax = plot_org(design, lang=lang, mode=mode)
    check_chart(ax, design, lang, mode)
    assert ax.get_title() == design.name.get(lang)  # the design's name, not a file's
    ax.figure.savefig(artifacts() / f"{template}-{lang}-{mode}.png", dpi=110, facecolor="white")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("mode", ["top-down", "left-right", "stacked"])
def test_dotted_inferred_and_vacant_are_drawn(d14, lang, mode):
    design = with_dotted_lines(d14)
    ax = plot_org(design, lang=lang, mode=mode)
    check_chart(ax, design, lang, mode)
    lines = drawn_lines(ax)
    assert {f"dotted:{m}->{r.id}" for r in design.roles for m in r.dotted_line} <= set(lines)
    # stated and inferred lines look different, and the legend names both, and the dotted lines
    by_gid = {c.get_gid(): c for c in ax.collections}
    stated, inferred = by_gid["reporting-lines"], by_gid["inferred-lines"]
    assert len(stated.get_segments()) == 1 and len(inferred.get_segments()) == 9
    assert stated.get_linestyle()[0][1] is None and inferred.get_linestyle()[0][1] is not None
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    words = {"zh": ("汇报关系", "推定的汇报关系（原文未注明）", "虚线汇报（箭头指向虚线上级）"),
             "en": ("Reporting line", "Inferred reporting line (not stated in the source)",
                    "Dotted-line report (arrow to the manager)")}[lang]
    assert set(words) <= set(legend)
    # dotted lines are dashed, coloured apart from the reporting lines
    dotted = next(p for p in ax.patches if p.get_gid() == "dotted:cs_manager->copywriter")
    assert dotted.get_linestyle() not in ("-", "solid")
    assert not np.allclose(dotted.get_edgecolor(), stated.get_color()[0])
    # vacancies are shown, in the box of the role that has them
    texts = {rid: [t.get_text() for t in ts] for rid, ts in box_texts(ax).items()}
    assert {"zh": "2人 · 空缺1", "en": "×2 · 1 vacant"}[lang] in texts["picker"]
    assert {"zh": "1人 · 空缺1", "en": "×1 · 1 vacant"}[lang] in texts["copywriter"]
    # a role whose every place is vacant has a dashed border, and the legend says so
    assert role_boxes(ax)["copywriter"].get_linestyle() not in ("-", "solid")
    assert role_boxes(ax)["picker"].get_linestyle() in ("-", "solid")
    assert {"zh": "全部空缺的岗位", "en": "Role not yet filled"}[lang] in legend
    ax.figure.savefig(artifacts() / f"d14-dotted-{lang}-{mode}.png", dpi=110, facecolor="white")


def test_a_dotted_line_runs_in_front_of_the_reporting_lines_behind_the_boxes(d14):
    ax = plot_org(with_dotted_lines(d14))
    z = {a.get_gid().split(":")[0]: a.get_zorder() for a in ax.get_children() if a.get_gid()}
    assert z["reporting-lines"] < z["dotted"] < z["arrow"] < z["role"] < z["text"]


# -- line breaks ------------------------------------------------------------------------------------
def test_line_breaks_never_leave_one_character_alone():
    names = {r.name.zh for t in TEMPLATES for r in load_template(t).roles}
    names |= {"网络推广专员", "天猫店铺运营推广专员", "客服主管兼售后专员", "SEO推广专员（站内）"}
    for name in names:
        for limit in (25, 35, 45, 60, 80, 112):
            lines = _wrap(name, 10, limit)
            assert "".join(lines) == name
            assert not any(lone_character(line) for line in lines) or len(name) == 1, (name, limit, lines)
    assert _wrap("网络推广专员", 10, 50) == ["网络推", "广专员"]  # not 网络推广专 / 员


def test_english_breaks_at_spaces_in_even_lines():
    assert _wrap("Customer service team manager", 10, 112) == ["Customer service", "team manager"]
    assert _wrap("After-sales customer service", 10, 112) == ["After-sales", "customer service"]


def test_box_lines_show_vacancies_by_default(d14):
    role = d14.with_role_changes("sales_cs", vacancies=2).role("sales_cs")
    assert [t for t, _, _ in box_lines(role)] == ["销售客服", "5人 · 空缺2", "底薪 1600–2000元/月"]
    assert box_lines(role)[1][2] != box_lines(d14.role("sales_cs"))[1][2]  # in another colour


# -- titles -------------------------------------------------------------------------------------------
def test_title_names_the_design_the_client_and_the_option(d14):
    ax = plot_org(d14, lang="en", client="Acme Trading", option="Option B")
    assert ax.get_title() == "Acme Trading: Basic online-shop staffing and duties (Option B)"
    summary = next(t for t in ax.texts if t.get_gid() == "summary").get_text()
    assert summary == "11 roles, 22 people · source: 网店基本人员构成及职责表"
    ax = plot_org(d14.model_copy(update={"name": shoporg.model.Text(zh="双11方案", en="Double 11")}),
                  option="方案二")
    assert ax.get_title() == "双11方案（方案二）"
    summary = next(t for t in ax.texts if t.get_gid() == "summary").get_text()
    assert summary == "11个岗位，共22人 · 依据《网店基本人员构成及职责表》"
    # a template whose name is its source heading does not say it twice
    assert next(t for t in plot_org(d14).texts if t.get_gid() == "summary").get_text() == "11个岗位，共22人"


# -- a large design on pages ----------------------------------------------------------------------
@pytest.mark.parametrize("paper", ["A4", "A3"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_large_design_is_split_into_readable_pages(paper, lang):
    design = group_of_shops(7)
    assert (len(design.roles), design.headcount) == (78, Decimal(155))
    for k in range(0, 7, 2):  # dotted lines in every other shop
        design = design.with_role_changes(f"s{k}_copywriter", dotted_line=(f"s{k}_cs_manager",))
    design = design.with_role_changes("s1_copywriter", dotted_line=("s2_cs_manager",))  # across pages
    pages = chart_pages(design, lang, paper=paper)
    axes = plot_org_pages(design, lang=lang, paper=paper)
    assert len(axes) == len(pages) > 1
    drawn = [set(role_boxes(ax)) for ax in axes]
    # every role is on a page; a role on two pages is the head of a continued subtree
    assert set().union(*drawn) == set(design.role_ids)
    for page, ax in zip(pages, axes):
        assert set(role_boxes(ax)) == set(page.roles)
        for role, number in page.continued.items():
            target = pages[number - 1]
            assert target.root == role and target.from_page == page.number
            assert any(f"第{number}页" in t.get_text() or f"page {number}" in t.get_text()
                       for t in box_texts(ax)[role])
        w, h = (v * 72 for v in ax.figure.get_size_inches())
        assert (round(w), round(h)) == tuple(round(v) for v in PAPERS[paper])
        # no text on the page under 8 pt, legend and page line included
        ax.figure.canvas.draw()
        sizes = [t.get_fontsize() for t in ax.figure.findobj(matplotlib.text.Text) if t.get_text()]
        assert min(sizes) >= 8.0
        check_chart(ax, design, lang, page.mode)
    # a dotted line to a manager on another page is a note naming the page
    where = next(p.number for p in pages if "s2_cs_manager" in p.roles)
    copywriter = next(ax for ax in axes if "s1_copywriter" in role_boxes(ax))
    note = {"zh": "", "en": " "}[lang].join(t.get_text() for t in box_texts(copywriter)["s1_copywriter"][3:])
    assert note == {"zh": f"虚线汇报至客服组经理（第{where}页）",
                    "en": f"dotted line to Customer service team manager (page {where})"}[lang]
    for i, ax in enumerate(axes):
        ax.figure.savefig(artifacts() / f"group-7-{lang}-{paper}-p{i + 1}.png", dpi=80, facecolor="white")


def test_each_shop_keeps_a_page_of_its_own():
    """Split where it needs the fewest pages: the group's page, then one whole shop a page."""
    pages = chart_pages(group_of_shops(3))
    assert [(p.root, len(p.roles)) for p in pages] == [("group_gm", 4)] + [(f"s{k}_director", 11) for k in range(3)]
    assert pages[0].continued == {f"s{k}_director": k + 2 for k in range(3)}


def test_a3_holds_more_than_a4():
    design = group_of_shops(12)
    a4, a3 = chart_pages(design, paper="A4"), chart_pages(design, paper="A3")
    # A3 holds the manager with all twelve shop directors: an overview, then a page a shop
    assert [(p.root, len(p.roles)) for p in a3] == [("group_gm", 13)] + [(f"s{k}_director", 11) for k in range(12)]
    # on A4 the twelve do not fit beside their manager: its pages share them, and each
    # page keeps whole shops (two a page), so no shop is cut from its director
    assert [(p.root, p.part, p.parts, len(p.roles)) for p in a4] == [("group_gm", k, 6, 23) for k in range(1, 7)]
    directors = [n for p in a4 for n in p.roles if n.endswith("_director")]
    assert directors == [f"s{k}_director" for k in range(12)]
    assert all(not p.continued for p in a4)


def test_a_small_design_stays_on_one_page(d14):
    pages = chart_pages(d14)
    assert [(p.number, p.root, len(p.roles), p.continued) for p in pages] == [(1, "director", 11, {})]


def test_the_page_mode_keeps_the_orientation_asked_for():
    design = group_of_shops(3)
    for mode in ("top-down", "left-right"):
        assert {p.mode for p in chart_pages(design, mode=mode)} == {mode}


def test_pages_are_written_as_one_pdf(tmp_path):
    design = group_of_shops(7)
    path = save_org_chart(design, tmp_path / "group.pdf", pages=True)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == len(chart_pages(design))
    with pytest.raises(ValueError, match=r"must end in \.pdf"):
        save_org_chart(design, tmp_path / "group.png", pages=True)
    with pytest.raises(ValueError, match="A4, A3"):
        chart_pages(design, paper="Letter")


def test_one_figure_of_a_large_design_keeps_its_text(d14):
    """Without pages, the large chart grows past the page rather than shrink its text."""
    ax = plot_org(group_of_shops(7))
    assert min(t.get_fontsize() for t in ax.texts) >= 6


# -- the router, on random trees ---------------------------------------------------------------------
@st.composite
def routed(draw):
    n = draw(st.integers(3, 30))
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for i in range(1, n):
        G.add_edge(draw(st.integers(0, i - 1)), i)
    sizes = {v: (draw(st.floats(20, 90)), draw(st.floats(15, 50))) for v in G}
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1]),
                          min_size=1, max_size=6, unique=True))
    return G, sizes, pairs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routed(), st.sampled_from(MODES))
def test_dotted_routes_never_cross_a_box(case, mode):
    G, sizes, pairs = case
    lay = tidy_layout(G, sizes, mode, sibling_gap=10, subtree_gap=18, level_gap=40, stack_gap=20)
    paths = dotted_paths(pairs, lay, head=9)
    assert set(paths) == set(pairs)
    for (m, r), path in paths.items():
        for (x0, y0), (x1, y1) in zip(path, path[1:]):
            assert abs(x0 - x1) < EPS or abs(y0 - y1) < EPS  # orthogonal
        for node, box in lay.items():
            assert not crosses_box(path, box, margin=0.01), (m, r, node)
        x, y, w, h = lay[m]
        (px, py), (qx, qy) = path[-1], path[-2]
        assert abs(abs(px - x) - w / 2) < EPS or abs(abs(py - y) - h / 2) < EPS  # ends on the border
        assert abs(px - qx) + abs(py - qy) >= 9 - EPS  # room for the arrowhead


# -- the live chart ------------------------------------------------------------------------------------
def test_the_live_chart_repaints_dotted_and_vacant_charts_exactly(d14):
    import io

    from PIL import Image

    def pixels(png):
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))

    base = with_dotted_lines(d14)
    live = LiveOrgChart()
    live.png(base)
    for design in (base.with_headcount("sales_cs", 6), base.with_headcount("sales_cs", 6).with_headcount("copywriter", 2)):
        png = live.png(design)
        assert live.last_update in ("partial", "full")
        assert np.array_equal(pixels(png), pixels(LiveOrgChart().png(design)))
