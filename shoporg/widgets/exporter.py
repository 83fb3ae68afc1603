"""Exporter: tick formats, pick a folder and language, write the deliverables with one click.

>>> import tempfile, shoporg
>>> from shoporg.widgets import Exporter
>>> app = Exporter([shoporg.load_template("seed-12-ordinary-shop")], folder=tempfile.mkdtemp())
>>> app.formats["md"].value = True
>>> app.export_button.click()
>>> [p.name for p in app.written]
['普通网店的岗位职责.md']
>>> app.client["client"].value = "某旗舰店"
>>> app.export_button.click()
>>> [p.name for p in app.written]
['某旗舰店-普通网店的岗位职责.md']

Files are named from the client block (:func:`shoporg.io.formats.named_targets`); its
fields start from ``client`` or the first design's own block.

Inside ``shoporg app`` (its kernel has :data:`shoporg.app.EXPORTS_ENV`) a page user may
not choose where the server writes: files go into the app's export folder, and the
folder box takes a subfolder name only (:func:`confined`).
"""

from __future__ import annotations

import base64
import html
import os
import unicodedata
from pathlib import Path

import ipywidgets as w

from ..app import EXPORTS_ENV
from ..client import ClientBlock
from ..errors import ShopOrgError
from ..i18n import LANGS, Phrase, t
from ..io.formats import FORMATS as FILE_FORMATS
from ..io.formats import export, named_targets
from ._common import Shown, check_lang, error_text, message_html, scenario_note

__all__ = ["Exporter", "FORMATS", "NAME_LIMIT", "app_exports", "confined", "named_options"]

#: Formats offered, in this order; a format whose file holds one design (see
#: :data:`shoporg.io.formats.FORMATS`) is written once per design.
FORMATS = ("docx", "xlsx", "pptx", "md", "html", "csv", "png")
#: The longest subfolder name the web app takes.
NAME_LIMIT = 80


def app_exports() -> Path | None:
    """The export folder of the ``shoporg app`` this kernel serves, else ``None`` (JupyterLab, a script)."""
    root = os.environ.get(EXPORTS_ENV)
    return Path(root) if root else None


def confined(root, name: str) -> Path | None:
    """``root/name`` for a plain folder name, ``root`` for an empty one, ``None`` for
    anything that could lead elsewhere: a separator, a drive, ``.``/``..`` or another
    name starting with ``.`` or ``~``, a control character, more than :data:`NAME_LIMIT`
    characters, or a name that resolves outside ``root`` (a link).

    >>> confined("/srv/exports", " client ").as_posix(), confined("/srv/exports", "").as_posix()
    ('/srv/exports/client', '/srv/exports')
    >>> [confined("/srv/exports", x) for x in ("../..", "/etc", "~", "a/b", "a\\\\b", "c:", ".ssh")]
    [None, None, None, None, None, None, None]
    """
    root, name = Path(root), name.strip()
    if not name:
        return root
    if (len(name) > NAME_LIMIT or name[0] in ".~" or any(c in "/\\:" for c in name)
            or any(unicodedata.category(c)[0] == "C" for c in name)):
        return None
    path = root / name
    try:
        inside = path.resolve().parent == root.resolve()
    except (OSError, RuntimeError):
        inside = False
    return path if inside else None


class Exporter(Shown):
    """Widget app writing designs with :func:`shoporg.io.export`.

    Files are written atomically; an existing file is kept (and named in ``links``)
    unless ``overwrite`` is ticked. ``links`` offers each written file as a download
    (the file itself, embedded) beside its full path.

    Parameters
    ----------
    designs : OrgDesign, list of OrgDesign or dict of str to OrgDesign
    scenario : Scenario, optional
        Passed to the writers that use one (xlsx, docx).
    lang : {"zh", "en"}
        Language of the labels and the initial value of the ``lang`` toggle.
    folder : str or Path, optional
        Initial output folder (default ``"exports"``).
    client : ClientBlock, mapping or str, optional
        Who the files are for (default: the first design's own block).
    norms : NormsFile, optional
        Workload norms: the report, the workbook and the deck say why each headcount.

    Attributes
    ----------
    formats : dict of str to ipywidgets.Checkbox
        One checkbox per format in :data:`FORMATS`.
    client : dict of str to ipywidgets.Text
        The client block's fields (client, project, consultant, version): covers and file names.
    overwrite : ipywidgets.Checkbox
        Replace files that exist (off by default).
    written : list of Path
        The files written by the last export.
    links : ipywidgets.HTML
        Links to those files.
    """

    def __init__(self, designs, scenario=None, lang: str = "zh", folder=None, client=None, norms=None):
        self.ui_lang = check_lang(lang)
        if hasattr(designs, "roles"):
            designs = [designs]
        elif isinstance(designs, dict):
            designs = named_options(designs)
        self.designs = list(designs)
        if not self.designs:
            raise ShopOrgError(Phrase("err.exporter_none"))
        self.scenario, self.norms = scenario, norms
        self.written: list[Path] = []
        self.formats = {f: w.Checkbox(value=False, description=f, indent=False) for f in FORMATS}
        self.root = app_exports()  # set: inside `shoporg app`, exports stay in this folder
        self.folder = w.Text(value=self._initial_folder(folder), description=self._t("app_folder" if self.root else "folder"))
        self.folder_note = w.HTML()
        self.lang = w.ToggleButtons(options=[(t(f"ui.lang_{x}", lang), x) for x in LANGS], value=lang,
                                    description=self._t("report_lang"))
        block = ClientBlock.of(client, self.designs[0])
        self.date = block.date  # kept as given: the files carry the day they are written when empty
        self.client = {k: w.Text(value=getattr(block, k), description=self._t(f"client_{k}"),
                                 placeholder=self._t(f"client_{k}_hint"))
                       for k in ("client", "project", "consultant", "version")}
        for box in self.client.values():
            box.add_class("shoporg-exporter-client")
        self.overwrite = w.Checkbox(value=False, description=self._t("overwrite"))
        self.export_button = w.Button(description=self._t("export"), icon="download")
        self.links = w.HTML()
        self.folder.add_class("shoporg-exporter-folder")  # stable hooks for browser tests
        self.folder_note.add_class("shoporg-exporter-folder-note")
        self.links.add_class("shoporg-exporter-links")
        self.export_button.on_click(lambda _b: self.export())
        if self.root is not None:
            self.folder.observe(lambda _change: self._folder(), names="value")
            self._folder()

    def _initial_folder(self, folder) -> str:
        if self.root is None:
            return str(folder) if folder is not None else "exports"
        # in the app: the export folder itself unless a subfolder name was given
        if folder is None or Path(folder).resolve() == self.root.resolve():
            return ""
        return str(folder) if confined(self.root, str(folder)) is not None else ""

    def _folder(self) -> Path | None:
        """The folder the files go to; in the app ``None`` when the box names anything
        but a subfolder of the export folder, and the note beside it says so."""
        if self.root is None:
            return Path(self.folder.value).expanduser()
        folder = confined(self.root, self.folder.value)
        if folder is None:
            self.folder_note.value = message_html(self._t("app_refused", got=repr(self.folder.value),
                                                          root=str(self.root), limit=NAME_LIMIT))
        else:
            self.folder_note.value = message_html(self._t("app_root", root=str(self.root)), "info")
        return folder

    def _t(self, key: str, **fields) -> str:
        return t(f"ui.exporter.{key}", self.ui_lang, **fields)

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        client = list(self.client.values())
        return w.VBox([w.HBox(list(self.formats.values())), w.HBox(client[:2]), w.HBox(client[2:]),
                       w.HBox([self.folder, self.folder_note]), self.lang,
                       w.HBox([self.overwrite, self.export_button]), self.links])

    @property
    def block(self) -> ClientBlock:
        """The client block as the fields hold it (a located error for a bad field)."""
        return ClientBlock.of({k: box.value for k, box in self.client.items()} | {"date": self.date})

    def tick(self, *formats: str) -> None:
        """Tick exactly ``formats`` (names from :data:`FORMATS`); a clear error for others."""
        unknown = [f for f in formats if f not in self.formats]
        if unknown:
            raise ShopOrgError(Phrase("ui.exporter.unknown_formats", names=", ".join(map(repr, unknown)),
                                      formats=", ".join(FORMATS)))
        for name, box in self.formats.items():
            box.value = name in formats

    def _targets(self, folder: Path, block: ClientBlock):
        ticked = [f for f in FORMATS if self.formats[f].value]
        return named_targets(self.designs, ticked, folder, client=block, lang=self.lang.value)

    def export(self) -> list[Path]:
        """Write every ticked format into ``folder``; return (and keep in ``written``) the paths."""
        folder = self._folder()
        self.written, self.links.value = [], ""
        if folder is None:  # refused: the note beside the box says why
            return []
        if not self.designs:
            self.links.value = message_html(self._t("no_designs"))
            return []
        try:
            block = self.block
        except ShopOrgError as e:
            self.links.value = message_html(error_text(e, self.ui_lang))
            return []
        targets = self._targets(folder, block)
        if not targets:
            self.links.value = message_html(self._t("none"), "info")
            return []
        scenario, note = self.scenario, scenario_note(self.scenario, self.designs, self.ui_lang)
        errors = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self.links.value = message_html(f"{folder}: {e.strerror or e}")
            return []
        for designs, path in targets:
            if path.exists() and not self.overwrite.value:
                errors.append(f"{path.name}: {self._t('exists')}")
                continue
            try:
                self.written.append(export(designs, path, scenario=scenario, lang=self.lang.value,
                                           overwrite=self.overwrite.value, client=block, norms=self.norms))
            except (ShopOrgError, OSError) as e:
                errors.append(f"{path.name}: {error_text(e, self.ui_lang)}")
        items = "".join(_link(p) for p in self.written)
        self.links.value = (f"{html.escape(self._t('written'))}<ul>{items}</ul>" if items else "") + \
            message_html(note, "info") + message_html("\n".join(errors))
        return self.written


def named_options(options: dict) -> list:
    """Designs named after their option, so that reports and file names tell them apart:
    the name gets the option in brackets, and a design whose id an earlier one already
    has gets an id ending in its place (``-2``, ``-3``).

    >>> import shoporg
    >>> d = shoporg.load_template("seed-12-ordinary-shop")
    >>> [(x.id, x.name.zh) for x in named_options({"现状": d, "方案B": d})]
    [('seed-12-ordinary-shop', '普通网店的岗位职责（现状）'), ('seed-12-ordinary-shop-2', '普通网店的岗位职责（方案B）')]
    """
    out, seen = [], set()
    for i, (label, d) in enumerate(options.items()):
        rid = d.id if d.id not in seen else f"{d.id}-{i + 1}"
        seen.add(rid)
        out.append(d.replace(id=rid, name={"zh": f"{d.name.zh}（{label}）", "en": f"{d.name.get('en')} ({label})"}))
    return out


_MIME = {f.suffix: f.mime for f in FILE_FORMATS.values()}


def _link(path: Path) -> str:
    """A download link carrying the file (a ``file://`` link does not open from a served
    page) and the file's full path, to find it on disk."""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    mime = _MIME.get(path.suffix, "application/octet-stream")
    return (f'<li><a download="{html.escape(path.name)}" href="data:{mime};base64,{data}">'
            f"{html.escape(path.name)}</a> <code>{html.escape(str(path.resolve()))}</code></li>")
