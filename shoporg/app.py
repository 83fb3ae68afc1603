"""The workbook as a web app: Voila serves ``shoporg.ipynb`` (the workbook alone) with its code hidden.

:func:`start` runs Voila in a child process bound to 127.0.0.1, waits until it answers
and returns an :class:`App` with the URL to open (a random token in it unless the
token is turned off). ``shoporg app`` is the command-line face of it.

>>> cmd = voila_command("/x/00_workbook.ipynb", port=8866, token="abc")
>>> cmd[1:6]
['-m', 'shoporg.app', '/x/00_workbook.ipynb', '--no-browser', '--port=8866']
>>> "--Voila.ip=127.0.0.1" in cmd and "--Voila.token=abc" in cmd
True

Only loopback names are answered (``Host`` ``127.0.0.1``, ``localhost``, ``[::1]``; a
request naming another host is refused with 403), so that a web page in the user's
browser cannot reach the app through a name of its own (DNS rebinding); a request that
comes with an ``Origin`` other than the app's own loopback origin
(``http://localhost:PORT``, ``http://127.0.0.1:PORT``, ``http://[::1]:PORT``) is refused
too, plain pages and the kernel's websocket alike (:func:`refused`). ``python -m
shoporg.app`` is Voila with these checks (:func:`serve`). What the workbook exports stays
inside the app's export folder (:data:`EXPORTS_ENV`).
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ShopOrgError
from .i18n import Phrase

__all__ = ["App", "AppError", "EXPORTS_ENV", "LOCAL_HOSTNAMES", "default_notebook", "free_port", "refused",
           "serve", "start", "voila_command", "working_copy"]

HOST = "127.0.0.1"
DEFAULT_PORT = 8866
#: Names besides loopback addresses that a request's ``Host`` may give.
LOCAL_HOSTNAMES = ("localhost",)
#: Set for the app's kernels: the folder the workbook's exports are confined to (the
#: exporter then takes a subfolder name only, see :class:`shoporg.widgets.Exporter`).
EXPORTS_ENV = "SHOPORG_APP_EXPORTS"


class AppError(ShopOrgError):
    """Voila could not be started (missing, port taken, exited early); says what to do."""


def default_notebook() -> Path:
    """``shoporg.ipynb`` (the workbook and nothing else: no instructions, no example):
    beside the package in a source checkout, or inside a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "notebooks" / "shoporg.ipynb", here / "_notebooks" / "shoporg.ipynb"):
        if candidate.is_file():
            return candidate
    raise AppError(Phrase("err.app_no_notebook", here=str(here)))


def working_copy(notebook: Path, package_dir: Path | None = None) -> Path:
    """The notebook to serve: ``notebook`` itself, or, when it lies inside the installed
    package (a wheel's copy), a copy in a new temporary folder, so that what the workbook
    writes (its ``exports/`` folder) never lands among the installed files."""
    package_dir = (package_dir or Path(__file__).resolve().parent).resolve()
    notebook = Path(notebook).resolve()
    if package_dir not in notebook.parents:
        return notebook

    folder = Path(tempfile.mkdtemp(prefix="shoporg-workbook-"))
    return Path(shutil.copy2(notebook, folder / notebook.name))


def free_port(start: int = DEFAULT_PORT, tries: int = 50) -> int:
    """The first port from ``start`` on which 127.0.0.1 accepts a listener."""
    for port in range(start, start + tries):
        with socket.socket() as s:
            try:
                s.bind((HOST, port))
            except OSError:
                continue
            return port
    raise AppError(Phrase("err.app_no_port", first=start, last=start + tries - 1))


def voila_command(notebook, port: int, token: str | None, open_browser: bool = False, port_retries: int = 0) -> list[str]:
    """The command line of the server (:func:`serve`: Voila with the loopback checks):
    loopback address, idle kernels culled, one kernel kept with the workbook already run
    (pre-heated), token set or empty; ``port`` or, with ``port_retries``, one of the next ports."""
    return [sys.executable, "-m", "shoporg.app", str(notebook), *([] if open_browser else ["--no-browser"]),
            f"--port={port}", f"--Voila.port_retries={port_retries}", f"--Voila.ip={HOST}",
            "--MappingKernelManager.cull_idle_timeout=600",
            "--MappingKernelManager.cull_interval=60", f"--Voila.token={token or ''}",
            # the workbook runs in a waiting kernel before anyone asks: a page opens on a
            # ready workbook (Voila keeps one such kernel and never culls it)
            "--VoilaConfiguration.preheat_kernel=True", "--VoilaConfiguration.default_pool_size=1",
            # no file beside the notebook is served (Voila serves images without asking the
            # token; the exported charts are there): a pattern no name matches
            "--VoilaConfiguration.file_allowlist", "(?!x)x"]


def _loopback_host(host: str) -> bool:
    """Whether a ``Host`` (or an origin's host) names this computer: a loopback address
    or one of :data:`LOCAL_HOSTNAMES`, with or without a port.

    >>> [_loopback_host(h) for h in ("127.0.0.1:8866", "localhost", "[::1]:80", "evil.example", "127.0.0.1.evil.example")]
    [True, True, True, False, False]
    """
    name = re.sub(r":\d+$", "", host.strip().lower())
    name = name[1:-1] if name.startswith("[") and name.endswith("]") else name
    if name in LOCAL_HOSTNAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def refused(host: str | None, origin: str | None, port: int) -> bool:
    """Whether the server on ``port`` refuses a request with these ``Host`` and ``Origin``
    headers: a host that is not loopback, or an origin given that is not the app's own
    (``http://localhost:PORT``, ``http://127.0.0.1:PORT``, ``http://[::1]:PORT``).

    >>> refused("127.0.0.1:8866", None, 8866), refused("127.0.0.1:8866", "http://localhost:8866", 8866)
    (False, False)
    >>> refused("evil.example:8866", None, 8866), refused("127.0.0.1:8866", "http://evil.example", 8866)
    (True, True)
    >>> refused("127.0.0.1:8866", "http://127.0.0.1:9999", 8866), refused("localhost:8866", "null", 8866)
    (True, True)
    """
    if host is None or not _loopback_host(host):
        return True
    if origin is None:  # not sent by a browser's page: the token (when set) guards it
        return False
    try:
        url = urlsplit(origin.strip())
        given = url.port or 80
    except ValueError:
        return True
    own = ("localhost", "127.0.0.1", "::1")
    return not (url.scheme == "http" and url.hostname in own and given == port and url.path in ("", "/")
                and not url.query and not url.username)


def serve(argv: list[str] | None = None) -> None:
    """Run Voila in this process, with Jupyter Server's ``Host`` check on (Voila turns it
    off) and every request checked by :func:`refused` before it reaches a handler (a 403
    then), websockets included; the packaged Chinese font is served at
    :data:`shoporg.fonts.ROUTE` for the browser. ``argv`` are Voila's arguments."""
    import tornado.web
    from traitlets import default
    from voila.app import Voila

    from .fonts.server import font_handlers

    class LoopbackVoila(Voila):
        """Voila answering its own loopback names and origins only."""

        @default("tornado_settings")
        def _loopback_only(self):
            return {"allow_remote_access": False, "local_hostnames": list(LOCAL_HOSTNAMES)}

        def listen(self):
            app, find = self.app, self.app.find_handler
            fonts = font_handlers(self.base_url or "/")
            if fonts:  # Chinese on a machine without a Chinese font (see shoporg.fonts)
                app.add_handlers(".*$", fonts)
                # tornado puts it after Voila's handlers, whose notebook handler takes every path: first
                app.default_router.rules.insert(0, app.default_router.rules.pop(-2))

            def find_handler(request, **kwargs):
                if refused(request.headers.get("Host"), request.headers.get("Origin"), self.port):
                    return app.get_handler_delegate(request, tornado.web.ErrorHandler, {"status_code": 403})
                return find(request, **kwargs)

            app.find_handler = find_handler  # the one place every request passes through
            super().listen()

    LoopbackVoila.launch_instance(argv)


@dataclass
class App:
    """A running Voila server: ``url`` to open, ``stop()`` to end it."""

    process: subprocess.Popen
    port: int
    token: str | None
    log: Path
    notebook: Path
    exports: Path | None = None

    def __post_init__(self):
        if self.exports is None:
            self.exports = self.notebook.parent / "exports"

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/" + (f"?token={self.token}" if self.token else "")

    def stop(self, timeout: float = 10) -> None:
        """End the server and its kernels."""
        if self.process.poll() is None:
            self.process.terminate()  # Voila shuts its kernels down
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # the server and its kernels
                self.process.wait(timeout)

    def __enter__(self) -> "App":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((HOST, port)) == 0


def _served_port(log: Path, offset: int = 0) -> int | None:
    """The port Voila's log (from ``offset`` on) says it serves on: its own word, so that
    another server answering on the port (a second copy of the app) is not taken for it."""
    with open(log, "rb") as f:
        f.seek(offset)
        text = f.read().decode("utf-8", errors="replace")
    m = re.search(r"running at:\s*http://" + re.escape(HOST) + r":(\d+)/", text)
    return int(m.group(1)) if m else None


def _taken(port: int) -> bool:
    """Whether something answers on ``port`` or holds it (bound, not listening)."""
    if _answers(port):
        return True
    with socket.socket() as s:
        try:
            s.bind((HOST, port))
        except OSError:
            return True
    return False


def start(notebook=None, port: int | None = None, token: bool | str = True, open_browser: bool = False,
          timeout: float = 60, log=None, exports=None, stopping: Callable[[], bool] | None = None) -> App:
    """Start Voila on ``notebook`` (default :func:`default_notebook`) and wait until it answers.

    ``token=True`` makes a random token, a string is used as given, ``False`` turns the
    token off (anyone on this computer can then open the page). Voila's output goes to
    ``log`` (a new temporary file by default) so that a failure can be read. The
    workbook's exports go into ``exports`` (default: ``exports/`` beside the notebook
    served) and nowhere else. ``stopping`` is asked between the checks while Voila
    starts: when it says true the server is stopped and ``KeyboardInterrupt`` raised.
    """
    nb = Path(notebook) if notebook is not None else default_notebook()
    if not nb.is_file():
        raise AppError(Phrase("err.app_notebook", path=str(nb)))
    if not (isinstance(port, int) and 1 <= port <= 65535) and port is not None:
        raise AppError(Phrase("err.cli_port", got=repr(port)))
    nb = working_copy(nb)
    chosen = port is None  # then Voila may move on to the next ports when another takes this one first
    port = free_port() if chosen else port
    if _taken(port):
        raise AppError(Phrase("err.app_port_taken", port=port, host=HOST))
    exports = Path(exports).resolve() if exports is not None else nb.parent / "exports"
    secret = secrets.token_urlsafe(24) if token is True else (token or None)
    if log is None:
        fd, name = tempfile.mkstemp(prefix="shoporg-app-", suffix=".log")
        os.close(fd)
        log = name
    log_path = Path(log)
    offset = log_path.stat().st_size if log_path.is_file() else 0  # a log given may hold earlier runs
    env = dict(os.environ, MPLBACKEND=os.environ.get("MPLBACKEND", "Agg"), **{EXPORTS_ENV: str(exports)})
    with open(log_path, "ab") as out:
        proc = subprocess.Popen(voila_command(nb, port, secret, open_browser, 20 if chosen else 0),
                                cwd=nb.parent, stdout=out,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
    app = App(proc, port, secret, log_path, nb, exports)
    deadline = time.monotonic() + timeout
    try:
        while (served := _served_port(log_path, offset)) is None or not _answers(served):
            if stopping is not None and stopping():
                raise KeyboardInterrupt
            if proc.poll() is not None:
                raise AppError(Phrase("err.app_exited", code=proc.returncode, log=str(log_path),
                                      tail=log_path.read_text(encoding="utf-8", errors="replace")[-2000:]))
            if time.monotonic() > deadline:
                raise AppError(Phrase("err.app_timeout", port=port, seconds=f"{timeout:g}", log=str(log_path)))
            time.sleep(0.1)
    except BaseException:  # Ctrl-C while waiting included: never leave a server behind
        app.stop()
        raise
    app.port = served
    return app


if __name__ == "__main__":
    serve(sys.argv[1:])
