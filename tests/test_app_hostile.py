"""Hostile use of the command line and the web app: odd arguments are located errors
(exit 2, no traceback), the app answers loopback names only, and a page user cannot
make the exporter write outside the app's export folder."""

import base64
import html
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys

import psutil
import pytest

from shoporg.app import EXPORTS_ENV, start
from shoporg.cli import main
from shoporg.widgets import Exporter
from shoporg.widgets.exporter import NAME_LIMIT, confined

from .conftest import ROOT, TEMPLATES

SCENARIO = str(TEMPLATES / "scenarios" / "d14-double11.yaml")
OUTSIDE = ("../../..", "..", ".", "/tmp", "~", "~/x", "a/b", "a\\b", "c:", ".hidden", "x\x00y", "x\ny",
           "\u202eevil", "x" * (NAME_LIMIT + 1))


def run(argv, capsys):
    """(exit code, stderr) of ``shoporg ARGV`` run in this process."""
    try:
        code = main(argv)
    except SystemExit as e:  # argparse: a choice not allowed
        code = e.code
    return code, capsys.readouterr().err


# ---- every subcommand with odd arguments --------------------------------------------------

ODD = [
    ["show", "missing.yaml"], ["show", "."], ["show", "seed-99-nothing"], ["show", "seed-14-basic-22", "--lang", "fr"],
    ["templates", "--format", "xml"], ["validate", "missing.yaml"], ["validate", "empty-folder"],
    ["payroll", "seed-14-basic-22", "--scenario", "missing.yaml"], ["payroll", "seed-14-basic-22", "--scenario", "."],
    ["payroll", "seed-99-nothing", "--scenario", SCENARIO], ["payroll", "seed-14-basic-22", "--scenario", SCENARIO, "--by", "x"],
    ["staff", "seed-14-basic-22", "--volumes", "missing.yaml"], ["staff", "seed-14-basic-22", "--volumes", SCENARIO, "--norms", "."],
    ["compare", "seed-14-basic-22"], ["compare", "seed-14-basic-22", "missing.yaml"],
    ["compare", "seed-14-basic-22", "seed-12-ordinary-shop", "--baseline", "7"],
    ["diff", "seed-14-basic-22", "seed-12-ordinary-shop", "--rename", "noequals"],
    ["diff", "seed-14-basic-22", "seed-12-ordinary-shop", "--rename", "=director"],
    ["diff", "seed-14-basic-22", "seed-14-basic-22", "--rename", "director=boss"],
    ["diff", "missing.yaml", "seed-14-basic-22"],
    ["chart", "seed-14-basic-22", "-o", "x.txt"], ["chart", "seed-14-basic-22", "-o", "."], ["chart", "seed-14-basic-22", "-o", ".png"],
    ["chart", "seed-99-nothing", "-o", "x.png"],
    ["export", "seed-14-basic-22", "--to", "x.txt"], ["export", "seed-14-basic-22", "--to", "."],
    ["export", "seed-14-basic-22", "--to", "x.md", "--scenario", "missing.yaml"],
    ["app", "--port", "99999"], ["app", "--port", "0"], ["app", "--port", "-1"], ["app", "--port", "http"],
    ["app", "--timeout", "0"], ["app", "--timeout", "-5"], ["app", "--timeout", "inf"], ["app", "--notebook", "missing.ipynb"],
]


@pytest.mark.parametrize("argv", ODD, ids=[" ".join(a)[:60] for a in ODD])
def test_odd_arguments_are_refused_with_exit_2_and_no_traceback(argv, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty-folder").mkdir()
    code, err = run(argv, capsys)
    assert code == 2 and "Traceback" not in err, err
    assert err.strip() and not list(tmp_path.glob("x.*"))  # said why, wrote nothing


@pytest.mark.parametrize("argv,words", [
    (["diff", "seed-14-basic-22", "seed-14-basic-22", "--rename", "zz=picker", "--lang", "zh"],
     "--rename 'zz=picker'：设计 A 没有岗位 'zz'；它的岗位有：director"),
    (["diff", "seed-14-basic-22", "seed-12-ordinary-shop", "--rename", "x", "--lang", "zh"], "--rename 的写法是 OLD=NEW"),
    (["chart", "seed-14-basic-22", "-o", "x.txt", "--lang", "zh"], "-o 'x.txt'：组织架构图须写入以 .png, .svg, .pdf 之一结尾的文件"),
])
def test_the_argument_errors_are_in_the_catalogue_and_follow_lang(argv, words, capsys):
    code, err = run(argv, capsys)
    assert code == 2 and words in err, err


def test_a_port_in_use_is_named(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))  # bound, not listening: Voila could not have it either
        port = s.getsockname()[1]
        code, err = run(["app", f"--port={port}"], capsys)
        assert code == 2 and f"port {port} on 127.0.0.1 is already in use" in err
        s.listen()
        code, err = run(["app", f"--port={port}"], capsys)
        assert code == 2 and f"port {port} on 127.0.0.1 is already in use" in err


def test_a_good_rename_still_matches_the_roles(capsys):
    assert main(["diff", "seed-14-basic-22", "seed-14-basic-22", "--rename", "picker=picker", "--format", "json"]) == 0


# ---- the exporter inside the app ----------------------------------------------------------

@pytest.fixture
def in_app(tmp_path, monkeypatch):
    """The app's export folder, as `shoporg app` tells its kernel."""
    root = tmp_path / "exports"  # beside the notebook, the folder Voila runs in
    monkeypatch.setenv(EXPORTS_ENV, str(root))
    monkeypatch.chdir(tmp_path)
    return root


@pytest.mark.parametrize("folder", OUTSIDE, ids=repr)
def test_in_the_app_the_folder_box_takes_a_subfolder_name_only(folder, in_app, tmp_path, d12):
    before = sorted(p for p in tmp_path.parent.rglob("*"))
    ex = Exporter(d12)
    ex.tick("md")
    ex.folder.value = folder
    assert ex.export() == [] and ex.written == []
    assert "不可用：网页版只能写入" in ex.folder_note.value and html.escape(str(in_app)) in ex.folder_note.value
    assert sorted(p for p in tmp_path.parent.rglob("*")) == before  # nothing written anywhere


def test_in_the_app_a_subfolder_or_the_folder_itself_is_written(in_app, d12):
    ex = Exporter(d12, folder="exports", lang="en")
    assert ex.folder.value == "" and "Subfolder" == ex.folder.description
    assert f"Files go into {in_app}" in ex.folder_note.value
    ex.tick("md")
    name = "Positions and duties of an ordinary online shop.md"  # named after the design, in the files' language
    assert ex.export() == [in_app / name]
    ex.folder.value = " 客户A "
    assert ex.export() == [in_app / "客户A" / name]
    ex.folder.value = "../x"  # the note says it as soon as it is typed, in the UI language
    assert "folder &#x27;../x&#x27; refused: the web app writes inside" in ex.folder_note.value


def test_in_the_app_a_link_out_of_the_folder_is_refused(in_app, tmp_path, d12):
    in_app.mkdir()
    (in_app / "out").symlink_to(tmp_path)
    assert confined(in_app, "out") is None
    ex = Exporter(d12)
    ex.tick("md")
    ex.folder.value = "out"
    assert ex.export() == [] and not list(tmp_path.glob("*.md"))


def test_outside_the_app_the_consultant_chooses_any_folder(tmp_path, monkeypatch, d12):
    monkeypatch.delenv(EXPORTS_ENV, raising=False)
    ex = Exporter(d12, folder=tmp_path / "deep" / "client")
    ex.tick("md")
    assert ex.export() == [tmp_path / "deep" / "client" / "普通网店的岗位职责.md"]
    assert ex.folder_note.value == ""


# ---- the server: loopback names only, exports confined ------------------------------------

def request(port: int, host: str, origin: str | None = None, path: str = "/", websocket: bool = False):
    """(status, body) of a GET to 127.0.0.1:port that names ``host`` (and ``origin``);
    with ``websocket``, the opening of a websocket (an upgrade request)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        headers = {"Host": host} | ({"Origin": origin} if origin else {})
        if websocket:
            headers |= {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
                        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode()}
        conn.request("GET", path, headers=headers)
        r = conn.getresponse()
        return r.status, r.read().decode("utf-8", "replace") if r.status != 101 else ""
    finally:
        conn.close()


def kernel_channels(port: int, page: str) -> str:
    """The path of the websocket of the kernel the page was rendered with."""
    m = re.search(r'"kernelId": "([0-9a-f-]{36})"', page) or re.search(r"kernelId[^0-9a-f]+([0-9a-f-]{36})", page)
    assert m, "the page names no kernel"
    return f"/api/kernels/{m.group(1)}/channels"


@pytest.mark.skipif(os.name != "posix", reason="process environment")
def test_without_a_token_the_app_answers_loopback_names_and_origins_only(tmp_path):
    notebook = tmp_path / "00_workbook.ipynb"
    shutil.copy(ROOT / "notebooks" / "00_workbook.ipynb", notebook)
    exports = tmp_path / "exports"  # the default: beside the notebook
    log = tmp_path / "voila.log"
    with start(notebook, token=False, log=log, timeout=300) as app:
        port = app.port
        own = [f"http://127.0.0.1:{port}", f"http://localhost:{port}", f"http://[::1]:{port}"]
        # a page on another site that made its name point at 127.0.0.1 (DNS rebinding)
        for host in (f"evil.example:{port}", f"127.0.0.1.evil.example:{port}", "evil.example"):
            for origin in (None, f"http://{host}", own[0]):
                status, body = request(port, host, origin=origin)
                assert status == 403 and "00_workbook" not in body, (host, origin)
        # a loopback name, but asked by a page of another origin (or of another port here)
        for origin in ("http://evil.example", f"http://evil.example:{port}", f"https://127.0.0.1:{port}",
                       f"http://127.0.0.1:{port + 1}", "null", "file://"):
            status, body = request(port, f"127.0.0.1:{port}", origin=origin)
            assert status == 403 and "00_workbook" not in body, origin
        for host, origin in ((f"127.0.0.1:{port}", None), (f"localhost:{port}", None), (f"[::1]:{port}", None),
                             (f"127.0.0.1:{port}", own[0]), (f"localhost:{port}", own[1])):
            status, body = request(port, host, origin=origin)
            assert status == 200 and "00_workbook" in body, (host, origin)
        # the kernel's websocket: its own origin opens it, another origin is refused
        channels = kernel_channels(port, body)
        assert request(port, f"localhost:{port}", origin=own[1], path=channels, websocket=True)[0] == 101
        for origin in ("http://evil.example", f"http://evil.example:{port}", "null"):
            assert request(port, f"localhost:{port}", origin=origin, path=channels, websocket=True)[0] == 403
        assert request(port, f"evil.example:{port}", origin=None, path=channels, websocket=True)[0] == 403
        # files beside the notebook are not served, exported charts among them (no token asked there)
        exports.mkdir()
        (exports / "designs.png").write_bytes(b"\x89PNG client data")
        status, body = request(port, f"127.0.0.1:{port}", path="/voila/files/exports/designs.png")
        assert status in (403, 404) and "client data" not in body
        # the kernels it starts are told where exports go
        assert psutil.Process(app.process.pid).environ()[EXPORTS_ENV] == str(exports.resolve())
        assert app.exports == exports.resolve()
    assert app.process.poll() is not None
    # its settings were given in the form the server reads without a deprecation warning
    said = log.read_text(encoding="utf-8", errors="replace")
    assert "Voilà is running at" in said and "403 GET /" in said
    assert "deprecat" not in said.lower(), said


def test_the_app_command_says_where_exports_go(tmp_path):
    # the message is read from the real process (a missing notebook stops it before Voila)
    out = subprocess.run([sys.executable, "-m", "shoporg", "app", "--notebook", str(tmp_path / "x.ipynb")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 2 and "x.ipynb: no such notebook" in out.stderr and "Traceback" not in out.stderr
