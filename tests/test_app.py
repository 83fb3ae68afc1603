"""`shoporg app`: Voila on the workbook, loopback only, token on unless turned off."""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from shoporg.app import AppError, default_notebook, free_port, start, voila_command, working_copy
from shoporg.cli import main

from .conftest import ROOT


def fetch(url: str):
    """(final URL, status, body) of a GET that follows redirects."""
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.url, r.status, r.read().decode("utf-8")


def test_the_command_line_is_loopback_with_the_token():
    cmd = voila_command(ROOT / "notebooks" / "00_workbook.ipynb", port=9000, token="t0k")
    assert cmd[:3] == [sys.executable, "-m", "shoporg.app"]  # Voila with the loopback checks
    assert {"--Voila.ip=127.0.0.1", "--port=9000", "--Voila.token=t0k", "--no-browser"} <= set(cmd)
    assert "--Voila.token=" in voila_command("nb.ipynb", 9000, None)
    assert "--no-browser" not in voila_command("nb.ipynb", 9000, None, open_browser=True)


def test_default_notebook_is_the_workbook():
    assert default_notebook() == ROOT / "notebooks" / "shoporg.ipynb"


def test_missing_notebook_and_taken_port_are_clear_errors(tmp_path):
    with pytest.raises(AppError, match="no such notebook"):
        start(tmp_path / "nope.ipynb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(AppError, match=f"port {port} .* already in use"):
            start(port=port)
        assert free_port(port) != port


def marked_env(tmp_path) -> tuple[dict, str]:
    """An environment for ``shoporg app`` with a mark of its own, which Voila and its kernels
    inherit: what is left of them afterwards is found by the mark, whatever port they took."""
    mark = secrets.token_hex(8)
    return dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path), SHOPORG_TEST_MARK=mark), mark


def leftovers(mark: str, timeout: float = 60) -> list:
    """The processes started with ``mark`` still alive after waiting up to ``timeout`` for them."""
    import psutil

    marked = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get("SHOPORG_TEST_MARK") == mark:
                marked.append(proc)
        except (psutil.Error, OSError):  # gone meanwhile, or another user's
            continue
    return psutil.wait_procs(marked, timeout=timeout)[1]


@pytest.mark.skipif(os.name != "posix", reason="process groups")
def test_shoporg_app_prints_the_url_and_serves_the_workbook_behind_the_token(tmp_path):
    # the port is the app's choice (the first free one): a second copy of the suite may hold any given one
    env, mark = marked_env(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "shoporg.cli", "app", "--timeout=300"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = wait_for_line(proc.stdout, r"^shoporg workbook: ")  # a hung command fails the test instead of hanging it
        m = re.fullmatch(r"shoporg workbook: (http://127\.0\.0\.1:(\d+)/\?token=([\w-]{20,}))\n", line)
        assert m, line
        url, port, token = m.groups()
        final, status, page = fetch(url)
        assert status == 200 and final == url and "Shop organization workbook" in page  # the rendered app notebook
        final, status, page = fetch(f"http://127.0.0.1:{port}/")  # no token: the login page
        assert "/login" in final and "Shop organization workbook" not in page
    finally:
        proc.terminate()
        proc.wait(timeout=120)
    # stopping the command stops Voila and its kernels
    assert not leftovers(mark)


def wait_for_line(stream, pattern: str, timeout: float = 300) -> str:
    """The first line of ``stream`` matching ``pattern``: the process says it reached a point."""
    import selectors

    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as sel:
        sel.register(stream, selectors.EVENT_READ)
        while sel.select(timeout=max(0.0, deadline - time.monotonic())):
            line = stream.readline()
            if not line:
                break
            if re.search(pattern, line):
                return line
    pytest.fail(f"no line matching {pattern!r} within {timeout:g} s")


def test_the_program_loads_its_heavy_modules_after_it_holds_the_stop_signals():
    # main() holds Ctrl-C and a closed terminal first; what loads before it is kept light
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import shoporg.cli"], capture_output=True,
                         text=True, check=True).stderr
    loaded = {line.rsplit("|", 1)[-1].strip() for line in out.splitlines()}
    assert not {"networkx", "pandas", "numpy", "matplotlib", "shoporg.io.formats"} & loaded


@pytest.mark.skipif(os.name != "posix", reason="signals")
@pytest.mark.parametrize("moment", ["loading", "starting"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGHUP])
def test_ctrl_c_or_a_closed_terminal_while_starting_leaves_no_server(tmp_path, signum, moment):
    """The signal comes while the modules load (-X importtime says when one loads), or
    once Voila runs and is not yet answering; either way the command ends quietly with
    code 0 and no server is left."""
    import psutil

    env, mark = marked_env(tmp_path)
    trace = ["-X", "importtime"] if moment == "loading" else []
    proc = subprocess.Popen([sys.executable, *trace, "-m", "shoporg.cli", "app", "--timeout=300"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    voila = []
    try:
        if moment == "loading":
            wait_for_line(proc.stderr, r"\| +shoporg\.io\.formats$")  # loaded by main(), the app's modules still to come
        else:
            deadline = time.monotonic() + 300
            while not voila and proc.poll() is None and time.monotonic() < deadline:
                voila = psutil.Process(proc.pid).children(recursive=True)  # Voila was started
                time.sleep(0.05)
            assert voila, "Voila did not start"
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0 and "Traceback" not in err, err[-3000:]
    assert not leftovers(mark)  # neither Voila nor a kernel, whichever port it had


def test_token_can_be_turned_off(tmp_path, capsys):
    with start(token=False, log=tmp_path / "voila.log", timeout=300) as app:
        assert app.token is None and app.url == f"http://127.0.0.1:{app.port}/"
        final, status, page = fetch(app.url)
        assert status == 200 and "/login" not in final
    assert app.process.poll() is not None  # stopped on leaving the block


def test_cli_reports_app_errors_without_a_traceback(tmp_path, capsys):
    assert main(["app", "--notebook", str(tmp_path / "missing.ipynb")]) == 2
    assert "missing.ipynb: no such notebook" in capsys.readouterr().err


def test_a_packaged_notebook_is_served_from_a_copy(tmp_path):
    package = tmp_path / "site-packages" / "shoporg"
    (package / "_notebooks").mkdir(parents=True)
    inside = package / "_notebooks" / "00_workbook.ipynb"
    inside.write_text("{}", encoding="utf-8")
    copy = working_copy(inside, package_dir=package)
    assert copy.name == "00_workbook.ipynb" and package not in copy.parents and copy.read_text() == "{}"
    mine = tmp_path / "mine.ipynb"
    mine.write_text("{}", encoding="utf-8")
    assert working_copy(mine, package_dir=package) == mine.resolve()  # a source checkout: served in place
