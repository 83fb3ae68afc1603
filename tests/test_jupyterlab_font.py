"""JupyterLab as ``scripts/workbook`` starts it serves the packaged Chinese font, so the
workbook's Chinese shows in a browser on a machine without a Chinese font."""

import os
import select
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from shoporg.app import free_port
from shoporg.fonts import ROUTE, packaged_font

from .conftest import ROOT


def _wait_for(proc, text: str, limit: float = 180.0) -> str:
    """Read the server's log until ``text`` appears (the server is then listening)."""
    seen, end = "", time.monotonic() + limit
    while text not in seen:
        if proc.poll() is not None or time.monotonic() > end:
            raise AssertionError(f"JupyterLab did not start:\n{seen[-3000:]}")
        ready, _, _ = select.select([proc.stderr], [], [], 1.0)
        if ready:
            seen += os.read(proc.stderr.fileno(), 65536).decode("utf-8", "replace")
    return seen


def _wait_listening(proc, port: int, limit: float = 120.0) -> None:
    """Jupyter Server logs its address before it binds the port: probe the port until it
    accepts, pacing the probes on the server's own log (no fixed sleep)."""
    end = time.monotonic() + limit
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
            return
        except ConnectionRefusedError:
            if proc.poll() is not None or time.monotonic() > end:
                raise
            if select.select([proc.stderr], [], [], 0.2)[0]:
                os.read(proc.stderr.fileno(), 65536)


@pytest.mark.skipif(packaged_font() is None, reason="the packaged font is a dependency of shoporg")
def test_jupyterlab_started_by_the_workbook_script_serves_the_font(tmp_path):
    port = free_port(8990)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), SHOPORG_VENV=os.environ.get(
        "SHOPORG_VENV", str(ROOT / ".venv")))
    proc = subprocess.Popen([str(ROOT / "scripts" / "workbook"), "--no-browser", f"--port={port}",
                             "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
                             "--ServerApp.open_browser=False"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        log = _wait_for(proc, f"127.0.0.1:{port}/")
        _wait_listening(proc, port)
        assert "shoporg.fonts.server" in log and "extension was successfully loaded" in log
        url = f"http://127.0.0.1:{port}/{ROUTE}{packaged_font().name}"
        with urllib.request.urlopen(url, timeout=60) as r:
            assert r.status == 200 and r.headers["Content-Type"] == "font/collection"
            assert int(r.headers["Content-Length"]) == packaged_font().stat().st_size
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
