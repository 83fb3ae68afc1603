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
    "placeholder": ("方案B", "Option B"),
    "no_scenario": ("没有情景：请在创建工作台时给出情景（scenario）", "No scenario: give one when making the workbook"),
    "keep": ("存为方案", "Keep as option"),
    "kept": ("已存为方案：", "Kept as option: "),
    "need_name": ("请填写方案名称", "Name the option"),
    "taken": ("已有同名方案，请换一个名称", "An option has that name; choose another"),
    "export_note": ("导出“方案对比”中选中的方案（基准方案在前）。",
                    "Exports the options chosen on the Options tab (the baseline first)."),
}
_DESIGN, _VOLUMES, _OPTIONS, _EXPORT = range(4)
_SLIDERS = ("orders_scale", "order_value", "chats_per_order", "peak_month", "peak_size", "incidents",
            "negative_reviews")


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
        self.scenario, self.norms, self.show_chart = scenario, norms, show_chart
        self.designer = Designer(design=design, template=template, scenario=scenario, lang=lang,
                                 show_chart=show_chart)
        self.original = self.designer.design
        self.kept: dict = {}
        self.language = w.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=lang,
                                        style={"button_width": "6em"})
        self.language.observe(lambda c: self.set_lang(c["new"]), names="value")
        self.tabs = w.Tab()
        self.tabs.observe(lambda _c: self._bring_up_to_date(), names="selected_index")
        self._box = w.VBox([self.language, self.tabs])
        self._build(folder)

    def _build(self, folder) -> None:
        """(Re)make the apps after the designer in ``self.lang``, and the tab pages."""
        lang = self.lang
        self.designer.on_change(self._on_design)
        self.explorer = (ScenarioExplorer(self.designer.design, self.scenario, norms=self.norms, lang=lang)
                         if self.scenario else None)
        self.comparer = Comparer(self.options, self.scenario, lang=lang)
        self.exporter = Exporter(self._chosen_designs(), scenario=self.scenario, lang=lang, folder=folder)
        self.option_name = w.Text(description=self._t("option_name"), placeholder=self._t("placeholder"))
        self.keep_button = w.Button(description=self._t("keep"), icon="bookmark")
        self.keep_message = w.HTML()
        self.keep_button.on_click(lambda _b: self.keep())
        self._stale: set[int] = set()
        pages = [self.designer.widget,
                 self.explorer.widget if self.explorer else w.HTML(message_html(self._t("no_scenario"), "info")),
                 w.VBox([w.HBox([self.option_name, self.keep_button, self.keep_message]), self.comparer.widget]),
                 w.VBox([w.HTML(html.escape(self._t("export_note"))), self.exporter.widget])]
        selected = self.tabs.selected_index
        self.tabs.children = pages
        self.tabs.titles = [t[0 if lang == "zh" else 1] for t in _LABELS["tabs"]]
        self.tabs.selected_index = selected if selected is not None else _DESIGN

    def set_lang(self, lang: str) -> None:
        """Show the workbook in ``lang``, keeping the design, its undo history, the kept
        options, the sliders, the chosen options and the export settings."""
        check_lang(lang)
        if lang == self.lang:
            return
        old = self
        sliders = {name: getattr(old.explorer, name).value for name in _SLIDERS} if old.explorer else {}
        chosen = [self._translate(n, lang) for n in old.comparer.chosen]
        ticked = [f for f, box in old.exporter.formats.items() if box.value]
        folder, overwrite = old.exporter.folder.value, old.exporter.overwrite.value
        history, design = old.designer.history, old.designer.design
        self.lang = lang
        self.language.value = lang
        self.designer = Designer(design=design, scenario=self.scenario, lang=lang, show_chart=self.show_chart)
        self.designer.history = history
        self._build(folder)
        if self.explorer is not None:
            for name, value in sliders.items():
                getattr(self.explorer, name).value = value
        self.comparer.set_designs(self.options, chosen)
        self.exporter.designs = self._chosen_designs()
        self.exporter.tick(*ticked)
        self.exporter.overwrite.value = overwrite

    def _translate(self, name: str, lang: str) -> str:
        """An option's name in ``lang`` (the original and the current one have fixed names)."""
        for key in ("original", "current"):
            if name in _LABELS[key]:
                return _LABELS[key][0 if lang == "zh" else 1]
        return name

    def _t(self, key: str) -> str:
        return _LABELS[key][0 if self.lang == "zh" else 1]

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display: the language switch and the tabs."""
        return self._box

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
