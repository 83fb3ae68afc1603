"""The whole brief in the web app, as a consultant plays it in a browser: a client brief with
absolute volumes, two peaks and service hours; the recommended headcounts applied; a pay rule
changed; an option kept and compared; the xlsx, docx and pptx downloaded and opened. Every
number checked is the package's own, computed here on the same inputs; each tab is
photographed at 1280, 1024 and 768 px (``test-artifacts/brief/``), no control may overlap
another, and no table shows a number the formatter did not write or an index column.
"""

import io
import re

import matplotlib
import pytest

import shoporg
from shoporg.app import start
from shoporg.staffing import read_norms

from .conftest import ROOT
from .test_browser import ARGS, CHROMIUM, artifacts, fontconfig, sync_api

matplotlib.use("Agg")

CLIENT, PROJECT = "某旗舰店", "天猫旗舰店组织设计"
BRIEF = {"client": CLIENT, "project": PROJECT, "orders": "1000", "order_value": "199", "chats": "1500"}
TABS = ("1 客户需求", "2 设计", "3 业务量", "4 方案对比", "5 导出")
WIDTHS = (1280, 1024, 768)

#: every visible control and text box, and each pair whose boxes overlap by more than 2 px
OVERLAPS = """() => {
  const sel = 'input, select, button, textarea, .widget-label, .widget-html-content';
  const shown = [...document.querySelectorAll(sel)].filter(e => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && e.offsetParent !== null
      && !e.closest('.lm-mod-hidden, .p-mod-hidden, .jupyter-widgets-disconnected');
  });
  const name = e => (e.innerText || e.value || e.getAttribute('title') || e.tagName).trim().slice(0, 30);
  const out = [];
  for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) {
    const a = shown[i], b = shown[j];
    if (a.contains(b) || b.contains(a)) continue;
    const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
    const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
    const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (x > 2 && y > 2) out.push(`${name(a)} | ${name(b)}`);
  }
  return out;
}"""


#: each visible table's body cells, row by row
TABLES = """() => [...document.querySelectorAll('table')].filter(t => t.offsetParent !== null).map(
  t => [...t.querySelectorAll('tbody tr')].map(r => [...r.children].map(c => c.innerText.trim())))"""
RAW_NUMBER = re.compile(r"^-?\d+\.\d{3,}$|^-?\d[\d.]*e[+-]?\d+$|^-?\d{5,}(\.\d+)?$|^-?\d+\.0$")


def _raw(tables) -> list[str]:
    """Cells a person should not meet: numbers not through the formatter (12345, 2.0,
    0.7643, 1.35e+06) and a first column that only counts the rows (0, 1, 2 ...)."""
    out = [cell for rows in tables for row in rows for cell in row if RAW_NUMBER.match(cell)]
    for rows in tables:
        first = [row[0] for row in rows if row]
        if len(first) > 1 and first == [str(i) for i in range(len(first))]:
            out.append("an index column 0, 1, 2 ...")
    return out


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    server = start(ROOT / "notebooks" / "shoporg.ipynb", log=tmp_path_factory.mktemp("voila") / "voila.log",
                   timeout=300, exports=tmp_path_factory.mktemp("exports"))
    yield server
    server.stop()


def expected_workbook():
    """The app's workbook driven in this process with the same brief and edits: the
    numbers the page must show come from its design and scenario, through the package."""
    from shoporg.widgets import Workbook

    scenario = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    wb = Workbook(template="seed-14-basic-22", scenario=scenario, norms=norms, show_chart=False)
    wb.brief.set(client=CLIENT, project=PROJECT, city="上海", orders=1000, orders_per="day", order_value=199,
                 chats=1500, chats_per="day")
    wb.brief.fields["hours_to"].value = "23:00"
    wb.brief.peaks[0][2].value = 3
    wb.brief.add_peak("618", 6, 1.8)
    wb.brief.apply()
    wb.tabs.selected_index = 2
    recommended = wb.explorer.recommended()
    wb.explorer.apply_recommended()
    wb.tabs.selected_index = 1
    wb.designer.set_pay("picker", 1, "2.5")
    return wb, recommended


def _fill(locator, text: str) -> None:
    locator.fill(text)
    locator.press("Enter")  # number and text boxes send their value on Enter or leaving them


def test_a_consultant_turns_a_brief_into_the_three_files(app, tmp_path):
    from docx import Document
    from openpyxl import load_workbook
    from pptx import Presentation

    wb, recommended = expected_workbook()
    scenario = wb.scenario
    months = scenario.driver("orders")
    first = shoporg.payroll(wb.designer.design, scenario).by_month()["accrued"].iloc[0]
    shots = artifacts() / "brief"
    shots.mkdir(parents=True, exist_ok=True)
    downloads = {}
    overlaps = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, env=fontconfig(tmp_path))
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
            page.goto(app.url, wait_until="commit")
            brief = page.locator(".shoporg-brief")
            sync_api.expect(brief).to_be_visible(timeout=120_000)

            # 1 the brief: absolute volumes per day, the service day, two peaks, the city
            for key in ("orders-per", "chats-per"):  # per day first: the form converts a figure given per month
                brief.locator(f".shoporg-brief-{key}").get_by_role("button", name="每日").click()
            for key, value in BRIEF.items():
                _fill(brief.locator(f".shoporg-brief-{key.replace('_', '-')} input"), value)
            brief.locator(".shoporg-brief-city select").select_option(label="上海")
            _fill(brief.locator(".shoporg-brief-hours-to input"), "23:00")
            _fill(brief.locator(".shoporg-brief-peak").first.locator("input[type=number]"), "3")
            brief.locator(".shoporg-brief-add").click()
            peak = brief.locator(".shoporg-brief-peak").nth(1)
            sync_api.expect(peak).to_be_visible()
            _fill(peak.locator("input[type=text]"), "618")
            peak.locator("select").select_option(label="6月")
            _fill(peak.locator("input[type=number]"), "1.8")
            brief.locator(".shoporg-brief-apply").click()
            table = brief.locator(".shoporg-brief-table")
            sync_api.expect(table).to_contain_text(f"{months[10]:,.0f}")  # November: 30 days × 1,000 × 3
            sync_api.expect(table).to_contain_text(f"{months[5]:,.0f}")   # June: 30 days × 1,000 × 1.8

            sync_api.expect(brief.locator(".shoporg-brief-message")).to_contain_text("已按此需求生成情景")

            # 3 volumes: the recommended headcounts applied in one step
            page.get_by_role("tab", name=TABS[2]).click()
            apply = page.get_by_role("button", name="采纳建议人数")
            sync_api.expect(apply).to_be_enabled()
            apply.click()

            # 2 design: the recommendations are there; the pickers' piece rate changed
            page.get_by_role("tab", name=TABS[1]).click()
            role = page.locator(".shoporg-designer-role select")
            role.select_option(label="销售客服")
            sync_api.expect(page.locator(".shoporg-designer-headcount input")).to_have_value(
                f"{recommended['sales_cs']:g}")
            role.select_option(label="捡单员")
            sync_api.expect(page.locator(".shoporg-designer-headcount input")).to_have_value(
                f"{recommended['picker']:g}")
            pay = page.get_by_label("薪酬项目", exact=True)
            sync_api.expect(pay.locator("option").nth(1)).to_contain_text("绩效提成")  # the pickers' own items
            pay.select_option(index=1)
            sync_api.expect(page.locator(".shoporg-designer-pay-value input")).to_have_value("2")
            _fill(page.locator(".shoporg-designer-pay-value input"), "2.5")
            sync_api.expect(page.locator(".shoporg-designer-summary")).to_contain_text(f"¥{first:,.2f}")

            # 4 options: kept as 方案B and compared with the original
            page.get_by_role("tab", name=TABS[3]).click()
            _fill(page.get_by_role("textbox", name="方案名称"), "方案B")
            page.get_by_role("button", name="存为方案").click()
            sync_api.expect(page.get_by_text("已存为方案：方案B")).to_be_visible()
            people = page.locator("tr", has=page.locator("td", has_text="人数")).first
            total = f"{float(wb.designer.design.headcount):g}"
            sync_api.expect(people.locator("td")).to_contain_text(["人数", "22", total])

            # 5 export: named from the brief's client and project; all three downloaded
            page.get_by_role("tab", name=TABS[4]).click()
            sync_api.expect(page.locator(".shoporg-exporter-client input").first).to_have_value(CLIENT)
            for fmt in ("docx", "xlsx", "pptx"):
                page.get_by_label(fmt).check()
            page.locator("button.widget-button", has_text="导出").click()
            for suffix in ("docx", "xlsx", "pptx"):
                link = page.locator(f'a[download="{CLIENT}-{PROJECT}.{suffix}"]')
                sync_api.expect(link).to_be_visible(timeout=120_000)
                with page.expect_download() as download:
                    link.click()
                downloads[suffix] = tmp_path / f"download.{suffix}"
                download.value.save_as(downloads[suffix])

            # every tab at three widths: photographed, no control over another
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                for name in TABS:
                    page.get_by_role("tab", name=name).click()
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(shots / f"{name.split()[0]}-{width}.png"), full_page=True)
                    found = page.evaluate(OVERLAPS)
                    if found:
                        overlaps[f"{name} at {width} px"] = found[:5]
                    if width == WIDTHS[0]:
                        raw = _raw(page.evaluate(TABLES))
                        if raw:
                            overlaps[f"{name}: unformatted"] = raw[:5]
        finally:
            browser.close()

    assert not overlaps, overlaps
    book = load_workbook(io.BytesIO(downloads["xlsx"].read_bytes()))
    assert any("方案B" in name for name in book.sheetnames), book.sheetnames
    words = "\n".join(p.text for p in Document(str(downloads["docx"])).paragraphs)
    assert CLIENT in words and PROJECT in words and "方案B" in words
    deck = Presentation(str(downloads["pptx"]))
    cover = " ".join(s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame)
    assert CLIENT in cover and PROJECT in cover
