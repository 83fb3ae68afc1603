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

import html
from pathlib import Path

import ipywidgets as w

from ..errors import ShopOrgError
from ._common import check_lang, error_text, message_html

__all__ = ["Exporter", "FORMATS"]

#: Formats offered; ``csv`` and ``png`` hold one design each, so they are written per design.
FORMATS = ("docx", "xlsx", "md", "html", "csv", "png")
_PER_DESIGN = {"csv", "png"}

_LABELS = {
    "folder": ("文件夹", "Folder"),
    "export": ("导出", "Export"),
    "none": ("请至少勾选一种格式", "Tick at least one format"),
    "written": ("已写入：", "Written: "),
}


class Exporter:
    """Widget app writing designs with :func:`shoporg.io.export` (overwriting existing files).

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
            designs = list(designs.values())
        self.designs = list(designs)
        if not self.designs:
            raise ShopOrgError("Exporter needs at least one design")
        self.scenario = scenario
        self.written: list[Path] = []
        self.formats = {f: w.Checkbox(value=False, description=f, indent=False) for f in FORMATS}
        self.folder = w.Text(value=str(folder) if folder is not None else "exports", description=self._t("folder"))
        self.lang = w.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=lang)
        self.export_button = w.Button(description=self._t("export"), icon="download")
        self.links = w.HTML()
        self.export_button.on_click(lambda _b: self.export())

    def _t(self, key: str) -> str:
        return _LABELS[key][0 if self.ui_lang == "zh" else 1]

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        return w.VBox([w.HBox(list(self.formats.values())), self.folder, self.lang, self.export_button,
                       self.links])

    def _targets(self, folder: Path):
        stem = self.designs[0].id if len(self.designs) == 1 else "designs"
        for fmt in FORMATS:
            if not self.formats[fmt].value:
                continue
            if fmt in _PER_DESIGN:
                for d in self.designs:
                    yield [d], folder / f"{d.id}.{fmt}"
            else:
                yield self.designs, folder / f"{stem}.{fmt}"

    def export(self) -> list[Path]:
        """Write every ticked format into ``folder``; return (and keep in ``written``) the paths."""
        from ..io import export

        folder = Path(self.folder.value).expanduser()
        targets = list(self._targets(folder))
        self.written = []
        if not targets:
            self.links.value = message_html(self._t("none"), "info")
            return []
        errors = []
        folder.mkdir(parents=True, exist_ok=True)
        for designs, path in targets:
            try:
                self.written.append(export(designs, path, scenario=self.scenario, lang=self.lang.value,
                                           overwrite=True))
            except (ShopOrgError, OSError) as e:
                errors.append(f"{path.name}: {error_text(e)}")
        items = "".join(f'<li><a href="{html.escape(p.resolve().as_uri())}" target="_blank">'
                        f"{html.escape(p.name)}</a></li>" for p in self.written)
        self.links.value = (f"{html.escape(self._t('written'))}<ul>{items}</ul>" if items else "") + \
            message_html("\n".join(errors))
        return self.written
