"""The workbook as a web app, in a real browser: `shoporg app` (Voila) opened in headless
Chromium with Playwright; a headcount typed into the designer changes the monthly payroll
shown to the number the package computes.

The screenshot and the measured latency are kept in ``test-artifacts/`` (or
``$SHOPORG_ARTIFACTS``). Chromium comes from Debian (``.ci/run`` installs it); outside CI
a machine without it skips this test.
"""

import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

import shoporg
from shoporg.app import start

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# the flags known to work headless as root on a closed network
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("the browser test needs Chromium: `apt-get install -y chromium` (.ci/run does it)")
    pytest.skip("no Chromium on this machine (apt-get install -y chromium)", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")
# a loaded machine may take more than Playwright's 5 s for a kernel round trip: every
# expectation waits up to a minute for its page state (it returns as soon as it is seen)
sync_api.expect.set_options(timeout=60_000)


def artifacts() -> Path:
    path = Path(os.environ.get("SHOPORG_ARTIFACTS", ROOT / "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def fontconfig(folder: Path) -> dict:
    """Environment that lets Chromium use the packaged Noto Sans CJK font as well as the
    system's: a client's browser has a Chinese font (Windows, macOS, a Chinese Linux
    desktop); this bare test machine has none."""
    from shoporg.fonts import PACKAGED_FONTS, packaged_font_path

    font = packaged_font_path(*PACKAGED_FONTS[0][:2])
    conf = folder / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{font.parent}</dir>
<cachedir>{folder / "cache"}</cachedir></fontconfig>""", encoding="utf-8")
    return dict(os.environ, FONTCONFIG_FILE=str(conf))


def first_month(design, scenario) -> str:
    """The first month's accrued payroll as the designer shows it."""
    return f"¥{shoporg.payroll(design, scenario).by_month()['accrued'].iloc[0]:,.2f}"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    log = tmp_path_factory.mktemp("voila") / "voila.log"
    server = start(ROOT / "notebooks" / "shoporg.ipynb", log=log, timeout=300,
                   exports=tmp_path_factory.mktemp("exports"))
    yield server
    server.stop()


def test_headcount_typed_in_the_browser_updates_the_monthly_payroll(app, record_property, tmp_path, d14):
    scenario = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    shown = first_month(d14, scenario)  # the workbook opens on the template as shipped: 2 pickers
    expected = first_month(d14.with_headcount("picker", 3), scenario)
    assert shown != expected

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, env=fontconfig(tmp_path))
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(app.url, wait_until="commit")  # Voila streams the page while the notebook runs
            page.get_by_role("tab", name="2 设计").click(timeout=120_000)  # the brief comes first
            summary = page.locator(".shoporg-designer-summary")
            headcount = page.locator(".shoporg-designer-headcount input")
            sync_api.expect(summary).to_contain_text("首月应发工资（应计）", timeout=120_000)
            sync_api.expect(summary).to_contain_text(shown)
            role = page.locator(".shoporg-designer-role select")
            role.select_option(label="捡单员")  # choose the order pickers
            sync_api.expect(role.locator("option:checked")).to_have_text("捡单员")
            chart = page.locator(".shoporg-designer-chart img")
            sync_api.expect(chart).to_have_count(1)
            old_chart = chart.get_attribute("src")
            sync_api.expect(headcount).to_have_value("2")

            headcount.fill("3")
            started = time.perf_counter()
            headcount.press("Enter")  # a FloatText sends its value on Enter
            sync_api.expect(summary).to_contain_text(expected)
            latency = time.perf_counter() - started
            sync_api.expect(summary).not_to_contain_text(shown)
            sync_api.expect(chart).not_to_have_attribute("src", old_chart)  # redrawn: 3 pickers
            with_chart = time.perf_counter() - started

            page.screenshot(path=str(artifacts() / "workbook-designer.png"), full_page=False)
            body = page.locator("body").inner_text()
            for notebook_text in ("Run All Cells", "先运行全部单元格", "示例 · An example", "first month payroll:"):
                assert notebook_text not in body  # the app shows the workbook, not the notebook around it
        finally:
            browser.close()

    record_property("browser_update_seconds", round(latency, 3))
    record_property("browser_update_with_chart_seconds", round(with_chart, 3))
    (artifacts() / "browser-latency.json").write_text(json.dumps(
        {"change": "picker headcount 2 -> 3", "shown": expected, "number_seconds": round(latency, 3),
         "chart_seconds": round(with_chart, 3)}), encoding="utf-8")
    # The token keeps other users of the computer out: without it Voila asks for a login.
    with urllib.request.urlopen(app.url.split("?")[0], timeout=60) as r:
        assert "/login" in r.url


def test_a_consultant_changes_compares_and_downloads_the_report(app, tmp_path):
    """The workbook without code: change the design, open the options, export, download."""
    from docx import Document

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, env=fontconfig(tmp_path))
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page.goto(app.url, wait_until="commit")  # Voila streams the page while the notebook runs
            page.get_by_role("tab", name="2 设计").click(timeout=120_000)  # the brief comes first
            headcount = page.locator(".shoporg-designer-headcount input")
            role = page.locator(".shoporg-designer-role select")
            sync_api.expect(role).to_be_visible(timeout=120_000)
            role.select_option(label="捡单员")
            sync_api.expect(headcount).to_have_value("2")
            headcount.fill("5")
            headcount.press("Enter")
            sync_api.expect(page.locator(".shoporg-designer-summary")).to_contain_text("25")  # 22 people + 3

            page.get_by_role("tab", name="4 方案对比").click()
            people = page.locator("tr", has=page.locator("td", has_text="人数"))
            sync_api.expect(people.first).to_contain_text("人数")
            sync_api.expect(people.first.locator("td")).to_have_text(["人数", "22", "25", "3"])

            page.get_by_role("tab", name="5 导出").click()
            folder = page.locator(".shoporg-exporter-folder input")
            note = page.locator(".shoporg-exporter-folder-note")
            sync_api.expect(note).to_contain_text(str(app.exports))  # where the app writes
            for elsewhere in (str(tmp_path / "client"), "../../..", "~"):  # a page user cannot choose
                folder.fill(elsewhere)
                folder.press("Enter")
                sync_api.expect(note).to_contain_text("不可用：网页版只能写入")
            folder.fill("client")  # a new subfolder: nothing there to keep or replace
            folder.press("Enter")
            sync_api.expect(note).not_to_contain_text("不可用")
            client = page.locator(".shoporg-exporter-client input").first  # the client's name: covers, file names
            client.fill("某旗舰店")
            client.press("Enter")
            page.get_by_label("docx").check()
            page.get_by_label("xlsx").check()
            page.locator("button.widget-button", has_text="导出").click()
            link = page.locator('a[download="某旗舰店-方案对比.docx"]')
            sync_api.expect(link).to_be_visible(timeout=60_000)
            with page.expect_download() as download:
                link.click()
            saved = artifacts() / "某旗舰店-方案对比.docx"
            download.value.save_as(saved)
            page.screenshot(path=str(artifacts() / "workbook-export.png"))
        finally:
            browser.close()

    assert not (tmp_path / "client").exists()
    assert sorted(p.name for p in (app.exports / "client").iterdir()) == ["某旗舰店-方案对比.docx", "某旗舰店-方案对比.xlsx"]
    doc = Document(str(saved))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "（原方案）" in text and "（当前方案）" in text and "捡单员" in text and "某旗舰店" in text


def test_chinese_renders_in_a_browser_that_has_no_chinese_font(app, tmp_path):
    """A browser on a machine without a Chinese font gets the packaged one from the app (a
    machine with one uses its own: the font face asks for the installed fonts first)."""
    from shoporg.fonts import CJK_FONTS, FAMILY, ROUTE, packaged_font

    bare = tmp_path / "fonts.conf"  # the system's fonts only: no Chinese font on this machine
    bare.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>""", encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS,
                                    env=dict(os.environ, FONTCONFIG_FILE=str(bare)))
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            served = []
            page.on("response", lambda r: served.append((r.url, r.status)) if ROUTE in r.url else None)
            page.goto(app.url, wait_until="commit")
            sync_api.expect(page.get_by_role("tab", name="1 客户需求")).to_be_visible(timeout=120_000)
            loaded = page.evaluate(f"document.fonts.load('16px \"{FAMILY}\"', '客户需求').then(fs => fs.map(f => f.status))")
            assert loaded == ["loaded"]
            assert page.evaluate(f"document.fonts.check('16px \"{FAMILY}\"', '客户需求')")
            family = page.locator(".lm-TabBar-tabLabel").first.evaluate("e => getComputedStyle(e).fontFamily")
            assert family.startswith(f'"{FAMILY}"')
            page.screenshot(path=str(artifacts() / "workbook-no-system-cjk-font.png"))
        finally:
            browser.close()
    listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True,
                            env=dict(os.environ, FONTCONFIG_FILE=str(bare))).stdout if shutil.which("fc-list") else ""
    if not listed.strip():  # no Chinese font on this machine: the packaged one was fetched from the app, whole
        assert served and served[0][0].endswith(packaged_font().name) and served[0][1] == 200, served
    assert CJK_FONTS[0] == "Microsoft YaHei"  # a client's Windows font is asked for first
