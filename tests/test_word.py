"""The Word report: content, styles, repeated table headers, East Asian font, safe writing;
and a real office suite (LibreOffice, when installed) opens it."""

import shutil
import subprocess

import docx  # noqa: E402  (a runtime dependency)
import pytest

from shoporg import DesignFileError, FileExistsRefusedError, read_scenario, templates_dir
from shoporg.io.word import export_docx


@pytest.fixture(scope="module")
def report(tmp_path_factory, d14):
    d = d14
    s = read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml")
    path = tmp_path_factory.mktemp("word") / "report.docx"
    return export_docx([d, d.with_headcount("picker", 3)], path, scenario=s, client="某品牌", author="顾问")


def test_report_content(report):
    doc = docx.Document(str(report))
    text = "\n".join(p.text for p in doc.paragraphs)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    title = next(p.text for p in doc.paragraphs if p.style.name == "Title")
    assert title == "网店组织设计方案" and "客户：某品牌" in text and "顾问：顾问" in text
    for h in ("方案概要", "主要发现", "组织架构图", "人员配置", "职责缺口", "健康检查", "方案对比", "假设与规则"):
        assert h in headings, h
    for h in ("岗位职责表 · ", "薪酬测算 · ", "方案差异："):
        assert any(x.startswith(h) for x in headings), h
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    firsts = {c.paragraphs[0].text for t in doc.tables for row in t.rows for c in row.cells}
    assert "电商总监" in firsts and "司库" in firsts and "修改" in cells and "人数：2 → 3" in cells
    assert len(doc.inline_shapes) == 2  # one org chart per option


def test_styles_east_asian_font_and_repeated_headers(report):
    from docx.oxml.ns import qn
    doc = docx.Document(str(report))
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) and fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:ascii"))
    for table in doc.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert (round(doc.sections[0].page_width.mm), round(doc.sections[0].page_height.mm)) == (210, 297)  # A4
    assert any(s.page_width > s.page_height for s in doc.sections)  # landscape where tables are wide


def test_refuses_to_overwrite_and_checks_the_suffix(report, tmp_path, d12):
    d = d12
    with pytest.raises(FileExistsRefusedError):
        export_docx(d, report)
    with pytest.raises(DesignFileError, match=r"\.docx"):
        export_docx(d, tmp_path / "r.doc")
    out = export_docx(d, tmp_path / "one.docx", lang="en")
    assert next(p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Title") == \
        "Online-shop organization design"
    assert [p.name for p in tmp_path.iterdir()] == ["one.docx"]


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"),
                    reason="LibreOffice and poppler-utils are installed by .ci/run")
def test_libreoffice_opens_the_report(report, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(report)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "report.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for name in ("电商总监", "促销策划经理", "司库", "捡单员"):
        assert name in text


def test_a_design_without_pay_shows_unknown_pay_not_zero(tmp_path, d14, d12):
    s = read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml")
    path = export_docx([d14, d12], tmp_path / "r.docx", scenario=s)
    doc = docx.Document(str(path))
    compare_table = next(t for t in doc.tables if t.rows[0].cells[0].text == "指标" and len(t.rows) > 20)
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in compare_table.rows}
    assert rows["年度应发工资（应计）"] == ["¥1,026,003", "—", "—"]
    assert rows["固定薪酬占比"] == ["76.4%", "—", "—"]
    assert rows["人数"] == ["22", "5", "-17"]
    assert rows["无薪酬规则的岗位"] == ["0", "5", "5"]
    assert not any("nan" in text for cells in rows.values() for text in cells)
