"""Workbook: the consultant's one-page start — design, volumes, options, export — in tabs.

The four apps are linked: the scenario explorer, the comparer and the exporter always
show the designer's current design. The starting template is kept as option
"原方案 · original"; "存为方案" stores the current design as a further option, so two
to four options can be compared and exported together. A tab is brought up to date when
it is opened, so editing in the designer stays quick.

>>> import matplotlib; matplotlib.use("Agg")
>>> from shoporg.widgets import Workbook
>>> wb = Workbook(show_chart=False)
>>> wb.designer.set_headcount("picker", 3)
>>> wb.tabs.selected_index = 2
>>> float(wb.comparer.result.loc["people", "差异"])
1.0
"""

from __future__ import annotations

import html

import ipywidgets as w

from ._common import check_lang, message_html
from .comparer import Comparer
from .designer import Designer
from .explorer import ScenarioExplorer
from .exporter import Exporter

__all__ = ["Workbook"]

_LABELS = {
    "tabs": (("1 设计", "1 Design"), ("2 业务量", "2 Volumes"), ("3 方案对比", "3 Options"),
             ("4 导出", "4 Export")),
    "original": ("原方案", "Original"),
    "current": ("当前方案", "Current"),
    "option_name": ("方案名称", "Option name"),
    "keep": ("存为方案", "Keep as option"),
    "kept": ("已存为方案：", "Kept as option: "),
    "need_name": ("请填写方案名称", "Name the option"),
    "taken": ("已有同名方案，请换一个名称", "An option has that name; choose another"),
    "export_note": ("导出“方案对比”中选中的方案（基准方案在前）。",
                    "Exports the options chosen on the Options tab (the baseline first)."),
}
_DESIGN, _VOLUMES, _OPTIONS, _EXPORT = range(4)


class Workbook:
    """The four widget apps in tabs, linked to the designer's current design.

    Parameters
    ----------
    template : str
        Template loaded first (the designer's template list offers the others).
    design : OrgDesign, optional
        Start from this design instead of a template.
    scenario : Scenario, optional
        Volumes and pay inputs for payroll, the explorer and the payroll comparison.
    norms : NormsFile or mapping, optional
        Staffing norms for the explorer's staffing gap and the comparison.
    lang : {"zh", "en"}
    folder : str or Path, optional
        Where the exporter writes (default ``"exports"``).
    show_chart : bool
        Draw the designer's org chart after every change.

    Attributes
    ----------
    designer, explorer, comparer, exporter
        The linked apps.
    options : dict of str to OrgDesign
        The options offered to the comparer: the original, kept ones, the current design.
    tabs : ipywidgets.Tab
    """

    def __init__(self, template: str = "seed-14-basic-22", design=None, scenario=None, norms=None,
                 lang: str = "zh", folder=None, show_chart: bool = True):
        self.lang = check_lang(lang)
        self.designer = Designer(design=design, template=template, scenario=scenario, lang=lang,
                                 show_chart=show_chart)
        self.original = self.designer.design
        self.kept: dict = {}
        self.explorer = ScenarioExplorer(self.original, scenario, norms=norms, lang=lang) if scenario else None
        self.comparer = Comparer(self.options, scenario, lang=lang)
        self.exporter = Exporter(self._chosen_designs(), scenario=scenario, lang=lang, folder=folder)
        self.option_name = w.Text(description=self._t("option_name"), placeholder="方案B")
        self.keep_button = w.Button(description=self._t("keep"), icon="bookmark")
        self.keep_message = w.HTML()
        self.keep_button.on_click(lambda _b: self.keep())
        self._stale: set[int] = set()
        pages = [self.designer.widget,
                 self.explorer.widget if self.explorer else w.HTML(message_html("—", "info")),
                 w.VBox([w.HBox([self.option_name, self.keep_button, self.keep_message]), self.comparer.widget]),
                 w.VBox([w.HTML(html.escape(self._t("export_note"))), self.exporter.widget])]
        self.tabs = w.Tab(children=pages, titles=[t[0 if lang == "zh" else 1] for t in _LABELS["tabs"]])
        self.tabs.observe(lambda _c: self._bring_up_to_date(), names="selected_index")
        self.designer.on_change(self._on_design)

    def _t(self, key: str) -> str:
        return _LABELS[key][0 if self.lang == "zh" else 1]

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        return self.tabs

    @property
    def options(self) -> dict:
        """Original, kept options, then the current design (unless it is a kept option)."""
        out = {self._t("original"): self.original, **self.kept}
        current = self.designer.design
        if all(current != d for d in self.kept.values()):
            out[self._t("current")] = current
        return out

    def keep(self) -> bool:
        """Keep the current design as an option named ``option_name``."""
        name = self.option_name.value.strip()
        if not name:
            self.keep_message.value = message_html(self._t("need_name"))
            return False
        if name in self.options and self.options[name] is not self.designer.design:
            self.keep_message.value = message_html(self._t("taken"))
            return False
        self.kept[name] = self.designer.design
        self.option_name.value = ""
        self.keep_message.value = message_html(self._t("kept") + name, "ok")
        self._stale.update({_OPTIONS, _EXPORT})
        self._bring_up_to_date()
        return True

    def _on_design(self, design) -> None:
        if design.id != self.original.id:  # another template: a new original, fresh options
            self.original, self.kept = design, {}
        self._stale.update({_VOLUMES, _OPTIONS, _EXPORT})
        self._bring_up_to_date()

    def _bring_up_to_date(self) -> None:
        """Refresh the tab on screen if the design changed since it was last shown."""
        tab = self.tabs.selected_index
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        if tab == _VOLUMES and self.explorer is not None:
            self.explorer.set_design(self.designer.design)
        elif tab == _OPTIONS:
            options = self.options
            current = self._t("current")
            # show the newest design beside the original unless the user chose otherwise
            chosen = [self._t("original"), current if current in options else list(options)[-1]]
            self.comparer.set_designs(options, chosen if len(self.comparer.chosen) <= 2 else None)
        elif tab == _EXPORT:
            self._stale.discard(_OPTIONS)
            self.comparer.set_designs(self.options)
            self.exporter.designs = self._chosen_designs()

    def _chosen_designs(self) -> list:
        """The comparer's chosen options, named after the option, baseline first."""
        out = []
        for i, name in enumerate(self.comparer.chosen):
            d = self.comparer.designs[name]
            out.append(d.replace(id=f"{d.id}-{i + 1}" if i else d.id,
                                 name={"zh": f"{d.name.zh}（{name}）", "en": f"{d.name.get('en')} ({name})"}))
        return out
