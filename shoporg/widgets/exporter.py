"""Exporter: tick formats, pick a folder and language, write the deliverables with one click.

>>> import tempfile, shoporg
>>> from shoporg.widgets import Exporter
>>> app = Exporter([shoporg.load_template("seed-12-ordinary-shop")], folder=tempfile.mkdtemp())
>>> app.formats["md"].value = True
>>> app.export_button.click()
>>> [p.name for p in app.written]
['seed-12-ordinary-shop.md']
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import ipywidgets as w

from ..errors import ShopOrgError
from ..i18n import LANGS, Phrase, t
from ..io.formats import FORMATS as FILE_FORMATS
from ..io.formats import export
from ._common import check_lang, error_text, message_html, scenario_note

__all__ = ["Exporter", "FORMATS", "named_options"]

#: Formats offered, in this order; a format whose file holds one design (see
#: :data:`shoporg.io.formats.FORMATS`) is written once per design.
FORMATS = ("docx", "xlsx", "md", "html", "csv", "png")


class Exporter:
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

    Attributes
    ----------
    formats : dict of str to ipywidgets.Checkbox
        One checkbox per format in :data:`FORMATS`.
    overwrite : ipywidgets.Checkbox
        Replace files that exist (off by default).
    written : list of Path
        The files written by the last export.
    links : ipywidgets.HTML
        Links to those files.
    """

    def __init__(self, designs, scenario=None, lang: str = "zh", folder=None):
        self.ui_lang = check_lang(lang)
        if hasattr(designs, "roles"):
            designs = [designs]
        elif isinstance(designs, dict):
            designs = named_options(designs)
        self.designs = list(designs)
        if not self.designs:
            raise ShopOrgError(Phrase("err.exporter_none"))
        self.scenario = scenario
        self.written: list[Path] = []
        self.formats = {f: w.Checkbox(value=False, description=f, indent=False) for f in FORMATS}
        self.folder = w.Text(value=str(folder) if folder is not None else "exports", description=self._t("folder"))
        self.lang = w.ToggleButtons(options=[(t(f"ui.lang_{x}", lang), x) for x in LANGS], value=lang,
                                    description=self._t("report_lang"))
        self.overwrite = w.Checkbox(value=False, description=self._t("overwrite"))
        self.export_button = w.Button(description=self._t("export"), icon="download")
        self.links = w.HTML()
        self.folder.add_class("shoporg-exporter-folder")  # stable hooks for browser tests
        self.links.add_class("shoporg-exporter-links")
        self.export_button.on_click(lambda _b: self.export())

    def _t(self, key: str, **fields) -> str:
        return t(f"ui.exporter.{key}", self.ui_lang, **fields)

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        return w.VBox([w.HBox(list(self.formats.values())), self.folder, self.lang,
                       w.HBox([self.overwrite, self.export_button]), self.links])

    def tick(self, *formats: str) -> None:
        """Tick exactly ``formats`` (names from :data:`FORMATS`); a clear error for others."""
        unknown = [f for f in formats if f not in self.formats]
        if unknown:
            raise ShopOrgError(Phrase("ui.exporter.unknown_formats", names=", ".join(map(repr, unknown)),
                                      formats=", ".join(FORMATS)))
        for name, box in self.formats.items():
            box.value = name in formats

    def _targets(self, folder: Path):
        stem = self.designs[0].id if len(self.designs) == 1 else "designs"
        for fmt in FORMATS:
            if not self.formats[fmt].value:
                continue
            suffix = FILE_FORMATS[fmt].suffix
            if not FILE_FORMATS[fmt].several:
                for d in self.designs:
                    yield [d], folder / f"{d.id}{suffix}"
            else:
                yield self.designs, folder / f"{stem}{suffix}"

    def export(self) -> list[Path]:
        """Write every ticked format into ``folder``; return (and keep in ``written``) the paths."""
        folder = Path(self.folder.value).expanduser()
        self.written, self.links.value = [], ""
        if not self.designs:
            self.links.value = message_html(self._t("no_designs"))
            return []
        targets = list(self._targets(folder))
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
                                           overwrite=self.overwrite.value))
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
