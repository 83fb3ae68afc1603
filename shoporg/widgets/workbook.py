"""Workbook: the consultant's one-page start — brief, design, volumes, options, export — in tabs.

The brief builds the scenario the other tabs cost on ("生成情景"); the apps are linked:
the scenario explorer, the comparer and the exporter always
show the designer's current design. The starting template is kept as option
"原方案 · original"; "存为方案" stores the current design as a further option, so two
to four options can be compared and exported together. A tab is brought up to date when
it is opened, so editing in the designer stays quick.

>>> import matplotlib; matplotlib.use("Agg")
>>> from shoporg.widgets import Workbook
>>> wb = Workbook(show_chart=False)
>>> wb.designer.set_headcount("picker", 3)
>>> wb.tabs.selected_index = 3
>>> float(wb.comparer.result.loc["people", "差异"])
1.0
"""

from __future__ import annotations

import dataclasses
import html

import ipywidgets as w

from ..brief import Brief
from ..fonts import font_face_css
from ..i18n import LANGS, both, t
from ._common import Shown, check_lang, message_html
from .brief import BriefForm
from .comparer import Comparer
from .designer import Designer
from .explorer import ScenarioExplorer
from .exporter import Exporter, named_options

__all__ = ["Workbook"]

_BRIEF, _DESIGN, _VOLUMES, _OPTIONS, _EXPORT = range(5)
_SLIDERS = ("orders_scale", "order_value", "chats_per_order", "peak_month", "peak_size", "incidents",
            "negative_reviews")


class Workbook(Shown):
    """The brief and the four widget apps in tabs, linked to the designer's current design.

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
    brief, designer, explorer, comparer, exporter
        The linked apps.
    options : dict of str to OrgDesign
        The options offered to the comparer: the original, kept ones, the current design.
    tabs : ipywidgets.Tab
    """

    def __init__(self, template: str = "seed-14-basic-22", design=None, scenario=None, norms=None,
                 lang: str = "zh", folder=None, show_chart: bool = True):
        self.lang = check_lang(lang)
        self.scenario, self.norms, self.show_chart = scenario, norms, show_chart
        # the org chart is drawn when the design tab is first opened (the brief comes first)
        self.designer = Designer(design=design, template=template, scenario=scenario, lang=lang, show_chart=False)
        self.original = self.designer.design
        self.kept: dict = {}
        self._shelf: dict = {}  # template id -> (original, kept) of designs left for another
        self.language = w.ToggleButtons(options=[(t(f"ui.lang_{x}", lang), x) for x in LANGS], value=lang,
                                        style={"button_width": "6em"})
        self.language.observe(lambda c: self.set_lang(c["new"]), names="value")
        self.tabs = w.Tab()
        self.tabs.observe(lambda _c: self._bring_up_to_date(), names="selected_index")
        # Chinese in any browser: an installed Chinese font, else the one the server serves
        self.font = w.HTML(f"<style>{font_face_css()}</style>",
                           layout=w.Layout(height="0px", margin="0px"))
        self._box = w.VBox([self.font, self.language, self.tabs])
        self.folder = folder
        self.brief = self._brief_form(Brief.from_scenario(scenario) if scenario is not None else None)
        self._build(folder)

    def _brief_form(self, brief) -> BriefForm:
        form = BriefForm(brief, lang=self.lang, folder=self.folder or "exports")
        if brief is not None:
            form.apply()  # shows its twelve months; the tabs keep the scenario given until 生成情景
        form.on_apply = self.set_scenario
        return form

    def apply_recommended(self, headcounts: dict) -> bool:
        """Give the design the recommended headcounts, as one step undo takes back."""
        changed = self.designer.set_headcounts(headcounts)
        if changed and self.explorer is not None:
            self.explorer.set_design(self.designer.design)
        return changed

    def set_scenario(self, scenario) -> None:
        """Cost every tab on ``scenario`` (the brief calls this when it builds one); what the
        brief does not hold carries over from the previous scenario: the pay inputs for
        blank rates (``supply``) and per-role or per-person drivers (``roles``)."""
        if self.scenario is not None:
            keep = {k: getattr(self.scenario, k) for k in ("supply", "roles")
                    if getattr(self.scenario, k) and not getattr(scenario, k)}
            scenario = dataclasses.replace(scenario, **keep) if keep else scenario
        self.scenario = scenario
        self.designer.set_scenario(scenario)
        self._build(self.exporter.folder.value if hasattr(self, "exporter") else self.folder)

    def _build(self, folder) -> None:
        """(Re)make the apps after the designer in ``self.lang``, and the tab pages."""
        lang = self.lang
        self.designer.on_change(self._on_design)
        brief = getattr(self.brief, "brief", None)  # the service day the brief gives, for the shift plan
        prices = self.explorer.peak_inputs if getattr(self, "explorer", None) is not None else None
        self.explorer = (ScenarioExplorer(self.designer.design, self.scenario, norms=self.norms, lang=lang,
                                          service_hours=brief.service_hours if brief is not None else None,
                                          peak_inputs=prices)
                         if self.scenario else None)
        if self.explorer is not None:
            self.explorer.on_recommend = self.apply_recommended
        self.comparer = Comparer(self.options, self.scenario, norms=self.norms, lang=lang, defer=True,
                                 peak_inputs=self.explorer.peak_inputs if self.explorer is not None else None)
        self.comparer.choice.observe(lambda _c: self._stale.add(_EXPORT), names="value")
        self.comparer.baseline.observe(lambda _c: self._stale.add(_EXPORT), names="value")
        self.exporter = Exporter(self._chosen_designs(), scenario=self.scenario, lang=lang, folder=folder,
                                 client=self._client(), norms=self.norms)
        self.option_name = w.Text(description=self._t("option_name"), placeholder=self._t("placeholder"))
        self.keep_button = w.Button(description=self._t("keep"), icon="bookmark")
        self.keep_message = w.HTML()
        self.keep_button.on_click(lambda _b: self.keep())
        self._stale = {_OPTIONS, _EXPORT}  # compared when first opened
        pages = [self.brief.widget, self.designer.widget,
                 self.explorer.widget if self.explorer else w.HTML(message_html(self._t("no_scenario"), "info")),
                 w.VBox([w.HBox([self.option_name, self.keep_button, self.keep_message]), self.comparer.widget]),
                 w.VBox([w.HTML(html.escape(self._t("export_note"))), self.exporter.widget])]
        selected = self.tabs.selected_index
        self.tabs.children = pages
        self.tabs.titles = [t(f"ui.workbook.tab{i}", lang) for i in range(5)]
        self.tabs.selected_index = selected if selected is not None else _BRIEF

    def _client(self) -> dict | None:
        """Who the files are for: as the export tab had it, its empty fields filled from the
        brief's client and project (None when neither says: the design's own block)."""
        block = {k: box.value for k, box in self.exporter.client.items()} if hasattr(self, "exporter") else {}
        values = self.brief.values()
        for k in ("client", "project"):
            block[k] = block.get(k) or values.get(k) or ""
        return block if any(block.values()) else None

    def set_lang(self, lang: str) -> None:
        """Show the workbook in ``lang``, keeping the design, its undo history, the kept
        options, the sliders, the chosen options and the export settings."""
        check_lang(lang)
        if lang == self.lang:
            return
        sliders = {name: getattr(self.explorer, name).value for name in _SLIDERS} if self.explorer else {}
        chosen = [self._translate(n, lang) for n in self.comparer.chosen]
        chart_kind = self.comparer.chart_kind.value
        ticked = [f for f, box in self.exporter.formats.items() if box.value]
        folder, overwrite, out_lang = self.exporter.folder.value, self.exporter.overwrite.value, self.exporter.lang.value
        old = self.designer
        old.on_change(None)  # the old designer no longer drives this workbook
        self.lang = lang
        self.language.value = lang
        form, self.brief = self.brief, BriefForm(lang=lang, folder=self.brief.folder, on_apply=self.set_scenario)
        self.brief.set(**form.values())
        self.brief.brief, self.brief.scenario = form.brief, form.scenario
        if form.scenario is not None:
            self.brief.table.value = self.brief.table_html()
        self.brief.file.value, self.brief.overwrite.value = form.file.value, form.overwrite.value
        self.designer = Designer(design=old.design, scenario=self.scenario, lang=lang, show_chart=False)
        self.designer.history = list(old.history)
        self.designer.role.value = old.role.value
        for name in ("save_path", "open_path", "overwrite"):
            getattr(self.designer, name).value = getattr(old, name).value
        self._build(folder)
        if self.explorer is not None:
            for name, value in sliders.items():
                getattr(self.explorer, name).value = value
        self.comparer.set_designs(self.options, chosen)
        if chart_kind in [v for _label, v in self.comparer.chart_kind.options]:
            self.comparer.chart_kind.value = chart_kind
        self.exporter.designs = self._chosen_designs()
        self.exporter.tick(*ticked)
        self.exporter.overwrite.value = overwrite
        self.exporter.lang.value = out_lang
        self._bring_up_to_date()  # the tab on screen (the design tab draws its chart)

    def _translate(self, name: str, lang: str) -> str:
        """An option's name in ``lang`` (the original and the current one have fixed names)."""
        for key in ("original", "current"):
            if name in both(f"ui.workbook.{key}").values():
                return t(f"ui.workbook.{key}", lang)
        return name

    def _t(self, key: str) -> str:
        return t(f"ui.workbook.{key}", self.lang)

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
        if name in [t(f"ui.workbook.{k}", x) for k in ("original", "current") for x in LANGS]:
            self.keep_message.value = message_html(self._t("reserved"))
            return False
        if name in self.kept:
            self.keep_message.value = message_html(self._t("taken"))
            return False
        self.kept[name] = self.designer.design
        self.option_name.value = ""
        self.keep_message.value = message_html(self._t("kept") + name, "ok")
        self._stale.update({_OPTIONS, _EXPORT})
        self._bring_up_to_date()
        return True

    def _on_design(self, design) -> None:
        if design.id != self.original.id:
            # another template or file: its own original and options; those of the one
            # left are kept, so that undo (or coming back to it) finds them again
            self._shelf[self.original.id] = (self.original, self.kept)
            self.original, self.kept = self._shelf.pop(design.id, (design, {}))
        self._stale.update({_VOLUMES, _OPTIONS, _EXPORT})
        self._bring_up_to_date()

    def _default_pair(self, options: dict) -> list[str]:
        current = self._t("current")
        return [self._t("original"), current if current in options else list(options)[-1]]

    def _bring_up_to_date(self) -> None:
        """Refresh the tab on screen if what it shows changed since it was last shown."""
        tab = self.tabs.selected_index
        if tab == _DESIGN and self.show_chart and not self.designer.show_chart:
            self.designer.show_chart = True  # from now on the chart follows every edit
            self.designer._draw()
        if tab == _OPTIONS and self.explorer is not None and self.comparer.peak_inputs != self.explorer.peak_inputs:
            self.comparer.peak_inputs = self.explorer.peak_inputs  # prices typed on the volumes tab
            self._stale.add(_OPTIONS)
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        if tab == _VOLUMES and self.explorer is not None:
            self.explorer.set_design(self.designer.design)
        elif tab in (_OPTIONS, _EXPORT):
            self._stale.discard(_OPTIONS)
            options = self.options
            shown = self.comparer.chosen
            # the default pair follows the newest design; a pair the user chose stays
            default = shown in ([], self._default_pair(self.comparer.designs)) or \
                any(n not in options for n in shown)
            self.comparer.set_designs(options, self._default_pair(options) if default else shown)
            self.exporter.designs = self._chosen_designs()

    def _chosen_designs(self) -> list:
        """The comparer's chosen options, named after the option, baseline first."""
        return named_options({name: self.comparer.designs[name] for name in self.comparer.chosen})
