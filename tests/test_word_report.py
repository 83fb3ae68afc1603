"""The Word report as a client receives it: A4 pages, two options within 16 pages in
Chinese and English, a Chinese font embedded, no English or raw numbers in the Chinese
text, right-aligned numbers, rows that do not split, pictures within the text width,
a summary whose costs are the payroll's own totals, and a large chart split in pages."""

import re
import struct
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

import shoporg
from shoporg.chart import chart_pages
from shoporg.io.word import CHART_MIN_PT, write_docx
from shoporg.io.word_doc import ALTERNATES, FONT
from tests import office
from tests.test_deck import wide_design
from tests.test_zh_outputs import leaks

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "word"
CLIENT = {"client": "某天猫旗舰店", "project": "电商部组织设计", "consultant": "王顾问", "date": "2026-12-01",
          "version": "第2版"}
needs_office = pytest.mark.skipif(not office.HAVE_OFFICE, reason="LibreOffice and poppler-utils are installed by .ci/run")


@pytest.fixture(scope="module")
def reports(options, tmp_path_factory):
    """The two options' report in each language: (docx, pdf or None without LibreOffice)."""
    d14, option, scenario = options
    out = {}
    for lang in ("zh", "en"):
        folder = tmp_path_factory.mktemp(f"word-{lang}")
        path = write_docx([d14, option], folder / f"d14-{lang}.docx", scenario, lang, client=CLIENT)
        pdf = office.to_pdf(path, folder) if office.HAVE_OFFICE else None
        if pdf is not None:
            office.pngs(pdf, ARTIFACTS, f"d14-{lang}")
        out[lang] = (path, pdf)
    return out


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?¥?\d[\d,]*(\.\d+)?%?", text.strip()))


def _aligned_right(paragraph) -> bool:
    align = paragraph.alignment
    style = paragraph.style
    while align is None and style is not None:
        align, style = style.paragraph_format.alignment, style.base_style
    return align == WD_ALIGN_PARAGRAPH.RIGHT


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_section_is_a4_with_2_cm_margins(reports, lang):
    doc = docx.Document(str(reports[lang][0]))
    kinds = set()
    for s in doc.sections:
        size = sorted((round(s.page_width.mm), round(s.page_height.mm)))
        assert size == [210, 297]
        assert {round(x.mm) for x in (s.left_margin, s.right_margin, s.top_margin, s.bottom_margin)} == {20}
        kinds.add("portrait" if s.page_width < s.page_height else "landscape")
    assert kinds == {"portrait", "landscape"}  # text portrait, wide tables and charts landscape


@needs_office
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_is_a4_within_16_pages_with_a_cjk_font_embedded(reports, lang):
    pdf = reports[lang][1]
    sizes = office.page_sizes(pdf)
    assert 8 <= len(sizes) <= 16
    for w, h in sizes:  # A4 is 595.28 × 841.89 pt
        assert sorted((w, h)) == [pytest.approx(595.3, abs=0.5), pytest.approx(841.9, abs=0.5)]
    cjk = [f for f in office.fonts(pdf) if "CJK" in f["name"]]
    assert cjk and all(f["embedded"] for f in cjk)


@needs_office
def test_the_zh_text_has_no_english_ids_or_raw_numbers(reports):
    text = office.text(reports["zh"][1])
    joined = text.replace(" ", "")  # pdftotext puts a space between Chinese and Latin letters
    assert "电商总监" in joined and "方案B" in joined and "合计" in joined
    assert not leaks(text), leaks(text)[:20]


@needs_office
def test_footer_numbers_the_pages_in_the_reports_language(reports):
    zh, en = (office.text(reports[lang][1]) for lang in ("zh", "en"))
    pages = len(office.page_sizes(reports["zh"][1]))
    assert f"第2页，共{pages}页" in zh.replace(" ", "")
    assert "Page 2 of" in en
    first = zh.split("\f")[0]
    assert "某天猫旗舰店 · 电商部组织设计" not in first  # the cover has no running header


def test_the_docx_names_microsoft_yahei_with_alternates(reports):
    doc = docx.Document(str(reports["zh"][0]))
    for style in doc.styles:
        rpr = style.element.rPr
        if rpr is None or rpr.find(qn("w:rFonts")) is None:
            continue
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == FONT == fonts.get(qn("w:ascii")), style.name
        assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over the named one
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    table = doc.part.part_related_by(RT.FONT_TABLE).blob.decode()
    assert f'w:name="{FONT}"' in table and f'w:val="{ALTERNATES[0]}"' in table and f'w:val="{ALTERNATES[1]}"' in table


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_number_cells_are_right_aligned_and_rows_never_split(reports, lang):
    doc = docx.Document(str(reports[lang][0]))
    numbers = 0
    for table in doc.tables:
        rows = table.rows
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the header repeats on each page
        for row in rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        for row in rows[1:]:
            for cell in row.cells:
                if _is_number(cell.text):
                    numbers += 1
                    assert all(_aligned_right(p) for p in cell.paragraphs), cell.text
    assert numbers > 250  # payroll months, summary, comparison and drivers


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_role_table_shows_duties_at_half_the_width_and_people_as_written(reports, options, lang):
    d14, option, _ = options
    doc = docx.Document(str(reports[lang][0]))
    head = shoporg.i18n.t("col.duties", lang)
    tables = [t for t in doc.tables if t.rows[0].cells[-1].text.lower() == head.lower()]
    assert len(tables) == 2  # one per option
    for table, design in zip(tables, (d14, option)):
        widths = [c.width for c in table.rows[0].cells]
        assert 0.45 <= widths[-1] / sum(widths) <= 0.65
        assert [r.cells[0].paragraphs[0].text for r in table.rows[1:]] == [r.name.get(lang) for r in design.roles]
        people = [r.cells[1].text for r in table.rows[1:]]
        assert people == [shoporg.fmt.headcount(r.headcount, lang) for r in design.roles]
        assert not any(p.endswith(".0") for p in people)


def _pictures_by_section(doc):
    """(section index, picture width in EMU) for each inline picture, in document order."""
    body = doc.element.body
    out, k = [], 0
    for child in body.iterchildren():
        for extent in child.iter(qn("wp:extent")):
            out.append((k, int(extent.get("cx"))))
        if child.find(qn("w:pPr")) is not None and child.find(qn("w:pPr")).find(qn("w:sectPr")) is not None:
            k += 1
    return out


def _text_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


def test_every_picture_fits_the_text_width_and_a_large_chart_comes_in_pages(reports, tmp_path):
    for lang in ("zh", "en"):
        doc = docx.Document(str(reports[lang][0]))
        pics = _pictures_by_section(doc)
        assert len(pics) == 2
        assert all(w <= _text_width(doc.sections[k]) for k, w in pics)
    big = wide_design()
    assert len(big.roles) > 40
    doc = docx.Document(str(write_docx(big, tmp_path / "big.docx", lang="zh")))
    pics = _pictures_by_section(doc)
    pages = chart_pages(big, "zh", min_pt=CHART_MIN_PT)
    assert len(pics) == len(pages) > 1
    assert all(w <= _text_width(doc.sections[k]) for k, w in pics)
    # each page's smallest text, drawn at 8 pt × the page's scale, is placed at 8 pt or more
    blips = [doc.part.related_parts[b.get(qn("r:embed"))].blob for b in doc.element.body.iter(qn("a:blip"))]
    for (k, emu), png, page in zip(pics, blips, pages):
        px = struct.unpack(">I", png[16:20])[0]
        placed = emu / Mm(px / 150 * 25.4)
        assert 8.0 * page.scale * placed >= 7.99


def _summary(doc):
    return {r.cells[0].text: [c.text for c in r.cells[1:]] for r in doc.tables[0].rows}


def _payroll_totals(doc):
    """The 合计 row of each payroll table, and the months' lines above it."""
    out = []
    for table in doc.tables:
        rows = [[c.text for c in r.cells] for r in table.rows]
        if rows[-1][0] in ("合计", "Total") and re.match(r"\d{4}年1月|Jan 2026", rows[1][0]):
            out.append((rows[-1][1:], [r[1:] for r in rows[1:-1]]))
    return out


def _yuan(text: str) -> int:
    return int(round(float(text.replace(",", "").replace("¥", "")) * 100))


def test_the_summary_costs_are_the_payrolls_own_totals(reports, options):
    d14, option, scenario = options
    doc = docx.Document(str(reports["zh"][0]))
    summary = _summary(doc)
    totals = _payroll_totals(doc)
    assert len(totals) == 2
    for j, (design, (total, months)) in enumerate(zip((d14, option), totals)):
        fen = int(shoporg.payroll(design, scenario).by_month()["accrued_fen"].sum())
        assert summary["全年应发工资（元）"][j] == total[0] == shoporg.fmt.fixed(fen / 100)
        assert _yuan(total[0]) == sum(_yuan(m[0]) for m in months)  # the total is the sum of its lines
        orders = scenario.driver("orders").sum()
        assert summary["单均应发工资（元/单）"][j] == shoporg.fmt.fixed(fen / 100 / orders)
    assert summary["人数"] == ["22", "23"] and summary["管理层级"] == ["3", "3"]


def test_with_a_city_the_summary_gives_the_employment_cost_and_the_assumptions(options, tmp_path):
    d14, option, scenario = options
    a, b = (x.replace(employment={"city": "上海"}) for x in (d14, option))
    doc = docx.Document(str(write_docx([a, b], tmp_path / "sh.docx", scenario, client=CLIENT)))
    summary = _summary(doc)
    for j, design in enumerate((a, b)):
        pr = shoporg.payroll(design, scenario)
        assert summary["全年人工成本（元）"][j] == shoporg.fmt.fixed(pr.chain_total("labour_cost"))
    assert "全年应发工资（元）" not in summary  # with a city's terms the employment cost, not gross pay
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "= 人工成本¥1,606,336.13" in text  # the year's chain from gross pay to net pay
    findings = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert any("低于最低工资" in f and "销售客服" in f for f in findings)
    # the pension rate of 16% rests on a secondary summary (verified: false): an assumption;
    # the annual bonus taxed separately is read in the issuer's own notice
    assumed = next(p.text for p in doc.paragraphs if p.text.startswith("以下参数未能"))
    assert "养老保险（单位）" in assumed and "年终奖单独计税" not in assumed
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "网店基本人员构成及职责表、方案B · 用工参数（上海）" in headings  # same terms, one table


def test_staffing_says_why_each_headcount_and_plans_the_peak(options, tmp_path):
    from shoporg.staffing import read_norms
    d14, _, scenario = options
    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    doc = docx.Document(str(write_docx(d14, tmp_path / "n.docx", scenario, norms=norms)))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    # the doctest of sizing_reason: 3,000 orders a month at 250 a day, 20.83 days, 95% attendance
    assert "拣货订单数每月3,000 ÷（每人每天250 × 20.83天 × 出勤95%，每人每月4,947.1）→ 1人" in cells
    peak = next(t for t in doc.tables if "最低成本的合规组合" in [c.text for c in t.rows[0].cells])
    rows = {(r.cells[0].text, r.cells[1].text): r.cells[2].text for r in peak.rows[1:]}
    assert rows[("捡单员", "2026年11月")] == "临时工1人"  # 7,500 orders in November
    kept = next(p.text for p in doc.paragraphs if p.text.startswith("以下岗位没有工作量定额"))
    assert "电商总监" in kept and "捡单员" not in kept
    without = docx.Document(str(write_docx(d14, tmp_path / "plain.docx", scenario)))
    assert "各岗位均没有工作量定额，人数按设计，未按业务量测算。" in [p.text for p in without.paragraphs]
