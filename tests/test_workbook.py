"""The workbook command starts JupyterLab and serves the notebooks."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str):
    with urllib.request.urlopen(url, timeout=120) as r:  # a loaded machine answers late, not never
        return r.status, r.read().decode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="scripts/workbook is a POSIX shell script")
def test_workbook_opens_jupyterlab_on_the_notebooks(tmp_path):
    port, token = free_port(), "shoporg-test-token"
    env = dict(os.environ, SHOPORG_VENV=sys.prefix, JUPYTER_RUNTIME_DIR=str(tmp_path), JUPYTER_CONFIG_DIR=str(tmp_path / "cfg"))
    proc = subprocess.Popen(
        [str(ROOT / "scripts" / "workbook"), "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", "--ServerApp.port_retries=0"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                status, body = get(f"http://127.0.0.1:{port}/api/contents?token={token}")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("JupyterLab did not start:\n" + (proc.stderr.read() if proc.poll() is not None else ""))
                time.sleep(0.3)
        names = [item["name"] for item in json.loads(body)["content"]]
        assert "01_templates.ipynb" in names
        status, page = get(f"http://127.0.0.1:{port}/lab?token={token}")
        assert status == 200 and "JupyterLab" in page
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/?token={token}", timeout=120) as r:
            assert "/lab/tree/00_workbook.ipynb" in r.url  # it opens on the workbook
        # no news and no update pop-up: the environment's defaults say so
        status, body = get(f"http://127.0.0.1:{port}/lab/api/settings/@jupyterlab/apputils-extension:notification"
                           f"?token={token}")
        defaults = json.loads(body)["schema"]["properties"]  # the environment's overrides become the defaults
        assert defaults["fetchNews"]["default"] == "false"  # JupyterLab's own default asks ("none")
        assert defaults["checkForUpdates"]["default"] is False
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_every_picture_a_notebook_shows_is_there():
    """Pictures in the notebooks' text (the workbook's screenshots for a preview that does not
    run it) are files of the project."""
    import re

    import nbformat

    found = 0
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for target in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", cell.source):
                assert (path.parent / target).is_file(), f"{path.name}: {target}"
                assert (path.parent / target).read_bytes()[:4] == b"\x89PNG"
                found += 1
    assert found >= 5  # the five tabs of the workbook
