"""The slide deck: native, glued org-chart shapes, pages that stay readable, every word
in the deck's language, and a file LibreOffice opens."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

import shoporg
from shoporg.errors import DesignFileError, FileExistsRefusedError
from shoporg.hierarchy import headcount_rollup, to_graph
from shoporg.io.deck import _DETAIL_PT, _MIN_PT, chart_pages, wrap_text, write_pptx
from shoporg.io.yaml_io import design_to_dict
from shoporg.model import OrgDesign
from tests.test_zh_outputs import leaks

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "deck"


def wide_design(copies: int = 6) -> OrgDesign:
    """Design 14 with its director over ``copies`` copies of every team (the root's 4 teams
    become 4 × copies): far too wide for one slide."""
    data = design_to_dict(shoporg.load_template("seed-14-basic-22"))
    root, *rest = data["roles"]
    roles = [root]
    for k in range(1, copies + 1):
        for r in rest:
            roles.append(dict(r, id=f"{r['id']}_{k}",
                              reports_to=r["reports_to"] if r["reports_to"] == root["id"] else f"{r['reports_to']}_{k}"))
    return OrgDesign.model_validate(dict(data, roles=roles))


def deep_design(levels: int = 9) -> OrgDesign:
    """A chain of managers, each with a team of two: too deep for one slide."""
    roles = [{"id": "m0", "name": {"zh": "总经理", "en": "General manager"}}]
    for i in range(1, levels):
        roles.append({"id": f"m{i}", "name": {"zh": f"第{i}级经理", "en": f"Manager {i}"}, "reports_to": f"m{i - 1}"})
        roles.append({"id": f"a{i}", "name": {"zh": f"第{i}级专员", "en": f"Specialist {i}"}, "reports_to": f"m{i - 1}",
                      "headcount": 2})
    return OrgDesign.model_validate({"schema": "shoporg/design-v1", "id": "deep", "name": {"zh": "深层", "en": "Deep"},
                                     "roles": roles})


def texts(slide) -> list[str]:
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def test_wrapping_never_leaves_one_character_alone():
    names = {r.name.get(lang) for tid in shoporg.list_templates()["id"] for r in shoporg.load_template(tid).roles
             for lang in ("zh", "en")}
    for name in names:
        for limit in (40, 60, 90, 118):
            lines = wrap_text(name, 12, limit)
            assert "".join(lines).replace(" ", "") == name.replace(" ", "")
            if len(lines) > 1:
                assert all(len(x) > 1 for x in lines), (name, limit, lines)


@pytest.mark.parametrize("design", [wide_design(), deep_design()], ids=["wide", "deep"])
def test_a_large_chart_splits_into_readable_pages(design):
    pages = chart_pages(design)
    assert len(pages) > 1
    for p in pages:  # the smallest text, the headcount line, is never below the floor
        assert _DETAIL_PT * p.scale >= _MIN_PT
    shown = {n for p in pages for n in p.roles}
    assert shown == {r.id for r in design.roles}
    for p in pages:  # a stub points at the page its reports start on, which holds them
        for node, target in p.continued.items():
            assert node in pages[target].tops
            assert set(to_graph(design).successors(node)) & set(pages[target].roles)


def test_the_org_chart_is_native_boxes_and_glued_connectors(options, tmp_path):
    d14, _, _ = options
    prs = Presentation(write_pptx(d14, tmp_path / "d.pptx"))
    chart = next(s for s in prs.slides if "组织架构图" in s.shapes.title.text)
    boxes = {s.shape_id: s for s in chart.shapes if s.has_text_frame and s.name in {r.name.zh for r in d14.roles}}
    names = {s.name for s in boxes.values()}
    assert names == {r.name.zh for r in d14.roles}  # one slide carries every role name
    for r in d14.roles:
        box = next(b for b in boxes.values() if b.name == r.name.zh)
        assert box.text_frame.text.startswith(r.name.zh.replace(" ", "")[:2])
    by_name = {b.name: i for i, b in boxes.items()}
    glued = set()
    for c in chart.shapes:
        if c.shape_type is not None and c.shape_type.name == "LINE" or c._element.tag.endswith("cxnSp"):
            st = c._element.find(".//{*}stCxn")
            end = c._element.find(".//{*}endCxn")
            glued.add((int(st.get("id")), int(end.get("id"))))
    expected = {(by_name[d14.role(r.reports_to).name.zh], by_name[r.name.zh]) for r in d14.roles if r.reports_to}
    assert glued == expected


def test_text_sizes_on_the_chart_stay_readable(tmp_path):
    prs = Presentation(write_pptx(wide_design(), tmp_path / "w.pptx"))
    sizes = [run.font.size for s in prs.slides if "组织架构图" in s.shapes.title.text for shape in s.shapes
             if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs]
    assert sizes and min(sizes) >= Pt(_MIN_PT)


def test_stub_tells_the_slide_and_the_people_below(tmp_path):
    design = deep_design()
    prs = Presentation(write_pptx(design, tmp_path / "deep.pptx"))
    slides = list(prs.slides)
    pages = chart_pages(design)
    first = next(i for i, s in enumerate(slides) if "组织架构图" in s.shapes.title.text)
    below = headcount_rollup(to_graph(design))
    node, target = next(iter(pages[0].continued.items()))
    box = next(s for s in slides[first].shapes if s.name == design.role(node).name.zh)
    people = shoporg.fmt.headcount(below[node] - float(design.role(node).headcount))
    assert f"见第{first + 1 + target}页（下属{people}人）" in box.text_frame.text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_word_is_in_the_decks_language(options, tmp_path, lang):
    d14, option, scenario = options
    prs = Presentation(write_pptx([d14, option], tmp_path / "d.pptx", scenario, lang,
                                  client={"client": "某天猫旗舰店", "project": "电商部组织设计", "version": "V1.0"}))
    found = {}
    for i, slide in enumerate(prs.slides, 1):
        for text in texts(slide):
            if lang == "zh" and leaks(text):
                found[f"slide {i}"] = (leaks(text), text)
            if lang == "en" and any(ch in text for ch in "岗位人数薪酬方案"):
                found[f"slide {i}"] = ("Chinese", text)
    # the English deck keeps the client's own Chinese names; no other Chinese word
    found = {k: v for k, v in found.items() if "某天猫" not in v[1] and "电商部" not in v[1]}
    assert not found, found


def test_refuses_what_it_should(options, tmp_path):
    d14, _, _ = options
    with pytest.raises(DesignFileError, match="pptx"):
        write_pptx(d14, tmp_path / "d.ppt")
    p = write_pptx(d14, tmp_path / "d.pptx")
    with pytest.raises(FileExistsRefusedError):
        write_pptx(d14, p)  # never overwrites unless asked
    with pytest.raises(DesignFileError):
        write_pptx(d14, tmp_path / "e.pptx", client=42)
    assert shoporg.export(d14, tmp_path / "x.pptx").suffix == ".pptx"


def _fontconfig(folder: Path) -> dict:
    import noto_cjk_sans_otc

    font = next(Path(noto_cjk_sans_otc.__file__).parent.rglob("*.ttc"))
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{font.parent}</dir>
<cachedir>{folder / "cache"}</cachedir></fontconfig>""", encoding="utf-8")
    return dict(os.environ, FONTCONFIG_FILE=str(conf))


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"), reason="needs LibreOffice")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_libreoffice_opens_the_deck_at_16_9_with_a_cjk_font(options, tmp_path, lang):
    d14, option, scenario = options
    deck = write_pptx([d14, option], tmp_path / f"d14-{lang}.pptx", scenario, lang, client="某天猫旗舰店")
    env = _fontconfig(tmp_path)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(deck)], check=True, capture_output=True, env=env, timeout=300)
    pdf = deck.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, _, h = next(x for x in info.splitlines() if x.startswith("Page size:")).split()[2:5]
    assert float(w) == pytest.approx(960, abs=0.1) and float(h) == pytest.approx(540, abs=0.1)  # 16:9
    assert int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1]) == len(Presentation(deck).slides)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "电商总监" in text if lang == "zh" else "E-commerce director" in text
    if lang == "zh":
        assert not [w for w in leaks(text) if w not in {"V1"}]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "45", str(pdf), str(ARTIFACTS / f"d14-{lang}")], check=True)


def test_with_a_city_the_payroll_slide_shows_what_the_employer_pays(options, tmp_path):
    d14, _, scenario = options
    d = d14.replace(employment={"city": "上海"})
    pr = shoporg.payroll(d, scenario)
    prs = Presentation(write_pptx(d, tmp_path / "sh.pptx", scenario))
    slide = next(s for s in prs.slides if "薪酬测算" in s.shapes.title.text)
    text = "\n".join(texts(slide))
    for label, column in (("全年应发工资", "gross"), ("全年人工成本（含单位社保公积金）", "labour_cost"), ("全年实发工资", "net")):
        assert f"{label}\n{shoporg.fmt.yuan(pr.chain_total(column))}" in text
    assert pr.chain_total("labour_cost") > pr.chain_total("gross") > pr.chain_total("net")


def test_the_comparison_gives_employment_cost_with_a_city(options):
    d14, option, scenario = options
    a, b = (x.replace(employment={"city": "上海"}) for x in (d14, option))
    table = shoporg.compare([a, b], scenario)
    pr = shoporg.payroll(a, scenario)
    assert table.loc["annual_labour_cost"].iloc[1] == pr.chain_total("labour_cost")
    assert table.loc["annual_net"].iloc[1] == pr.chain_total("net")
    assert "annual_labour_cost" not in shoporg.compare([d14, option], scenario).index  # no city: gross only


def test_with_norms_each_option_says_why_its_headcounts_and_how_the_peak_is_covered(options, tmp_path):
    from shoporg.io.staffing_rows import staffing_rows
    from shoporg.staffing import read_norms

    d14, _, scenario = options
    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    deck = Presentation(str(write_pptx(d14, tmp_path / "d.pptx", scenario=scenario, norms=norms)))
    slides = {s.shapes.title.text: s for s in deck.slides if s.shapes.title is not None}
    staffing = slides[f"{d14.name.zh} · 人员配置"]
    cells = [c.text for sh in staffing.shapes if sh.has_table for row in sh.table.rows for c in row.cells]
    sized, _kept, peak = staffing_rows(d14, scenario, "zh", norms=norms)
    assert ["销售客服", "5", "11"] == sized[0][:3] and all(x in cells for x in sized[0])  # the reason included
    peak_cells = [c.text for sh in slides[f"{d14.name.zh} · 大促月份用工"].shapes if sh.has_table
                  for row in sh.table.rows for c in row.cells]
    assert "2026年11月" in peak_cells and peak.iloc[0, 2] in peak_cells
    without = Presentation(str(write_pptx(d14, tmp_path / "e.pptx", scenario=scenario)))
    assert len(without.slides) == len(deck.slides) - 2  # no norms given: the design's own (none) size nothing
