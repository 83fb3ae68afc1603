"""Comparer: pick two to four designs and see them side by side, with the diff of the first two.

>>> import shoporg
>>> from shoporg.widgets import Comparer
>>> d = shoporg.load_template("seed-14-basic-22")
>>> app = Comparer({"now": d, "more pickers": d.with_headcount("picker", 3)}, lang="en")
>>> list(app.result.columns)
['metric', 'now', 'more pickers', 'delta']
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

import shoporg

from .. import fmt, plots
from ..analysis import compare_view, diff_view
from ..errors import ShopOrgError
from ..i18n import Phrase, t
from ..staffing.peak import PeakInputs, mix_words, peak_options
from ..staffing.sizing import norms_for, norms_within
from ._common import (
    Shown,
    check_lang,
    error_text,
    frame_html,
    message_html,
    scenario_note,
    show_figure,
)
from .explorer import nowrap_html

__all__ = ["Comparer", "CHARTS", "peak_summary"]


#: The charts the comparer can draw, by key.
CHARTS = ("cost", "spans", "layers")


class Comparer(Shown):
    """Widget app comparing designs with :func:`shoporg.compare`, :func:`shoporg.diff` and charts.

    Parameters
    ----------
    designs : dict of str to OrgDesign
        The designs to choose from, by display name.
    scenario : Scenario, optional
        Adds payroll rows to the comparison and the payroll chart.
    lang : {"zh", "en"}
    norms : NormsFile or mapping, optional
        With a scenario, adds the recommended headcount and the staffing gap, and the
        peak staff of each option with its cost (:func:`peak_summary`).
    peak_inputs : PeakInputs, optional
        The user's prices for covering the peak months (as in the Volumes tab).

    Attributes
    ----------
    choice : ipywidgets.SelectMultiple
        The chosen names (2–4).
    baseline : ipywidgets.Dropdown
        The chosen design the deltas are taken against (the first chosen by default);
        the diff goes from it to the next chosen design.
    chart_kind : ipywidgets.ToggleButtons
        One of :data:`CHARTS`: payroll by kind of pay (with a scenario), span
        distribution, people per layer.
    result : pandas.DataFrame or None
        The last comparison, one column per chosen design (named as in ``designs``) and deltas.
    diff_result : pandas.DataFrame or None
    peak_result : pandas.DataFrame or None
        :func:`peak_summary` of the chosen designs (with a scenario and norms).
    table, diff_table, peak_table : ipywidgets.HTML
    chart : ipywidgets.Output
    """

    def __init__(self, designs: dict, scenario=None, lang: str = "zh", norms=None, defer: bool = False, *,
                 peak_inputs=None):
        self.lang = check_lang(lang)
        self.norms = norms
        self.peak_inputs = peak_inputs if peak_inputs is not None else PeakInputs()
        self.peak_result = None
        self.designs = dict(designs)
        if len(self.designs) < 2:
            raise ShopOrgError(Phrase("err.comparer_two", n=len(self.designs)))
        self.scenario = scenario
        self.result = None
        self.diff_result = None
        self._syncing = False
        names = list(self.designs)
        self.choice = w.SelectMultiple(options=names, value=tuple(names[:2]), description=self._t("choice"),
                                       rows=min(len(names), 8))
        self.baseline = w.Dropdown(options=names[:2], value=names[0], description=self._t("baseline"))
        charts = [c for c in CHARTS if c != "cost" or scenario is not None]
        self.chart_kind = w.ToggleButtons(options=[(self._t(c), c) for c in charts], value=charts[0],
                                          description=self._t("chart"))
        self.message = w.HTML()
        self.table = w.HTML()
        self.diff_table = w.HTML()
        self.peak_table = w.HTML()
        self.peak_table.add_class("shoporg-comparer-peak")
        self.chart = w.Output()
        self.choice.observe(lambda _c: self._on_choice() if not self._syncing else None, names="value")
        self.baseline.observe(lambda _c: self.refresh() if not self._syncing else None, names="value")
        self.chart_kind.observe(lambda _c: self.draw(), names="value")
        if not defer:  # deferred: the first set_designs or refresh compares (a tab not yet open)
            self.refresh()

    def _t(self, key: str) -> str:
        return t(f"ui.comparer.{key}", self.lang)

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        return w.VBox([w.HBox([self.choice, self.baseline]), self.message, self.table, self.peak_table,
                       w.HTML(f"<b>{self._t('diff')}</b>"), self.diff_table, self.chart_kind, self.chart])

    @property
    def chosen(self) -> list[str]:
        """The chosen names, baseline first, then the others in list order."""
        names = [n for n in self.choice.options if n in self.choice.value]
        if self.baseline.value in names:
            names.remove(self.baseline.value)
            names.insert(0, self.baseline.value)
        return names

    def set_designs(self, designs: dict, chosen=None) -> None:
        """Offer ``designs`` (name → design); choose ``chosen`` (default: the first two
        still offered of the current choice, else the first two) and compare again."""
        if len(designs) < 2:
            raise ShopOrgError(Phrase("err.comparer_two", n=len(designs)))
        self.designs = dict(designs)
        names = list(self.designs)
        if chosen is None:
            chosen = [n for n in self.choice.value if n in self.designs] or names[:2]
        self._syncing = True
        try:
            self.choice.options = names
            self.choice.value = tuple(n for n in names if n in chosen)
            self.choice.rows = min(len(names), 8)
        finally:
            self._syncing = False
        self._on_choice()

    def _on_choice(self) -> None:
        names = [n for n in self.choice.options if n in self.choice.value]
        self._syncing = True
        try:
            keep = self.baseline.value
            self.baseline.options = names
            self.baseline.value = keep if keep in names else (names[0] if names else None)
        finally:
            self._syncing = False
        self.refresh()

    def refresh(self) -> None:
        """Compare the chosen designs (deltas against the baseline), diff, redraw the chart."""
        chosen = self.chosen
        if not 2 <= len(chosen) <= 4:
            self._clear(message_html(self._t("choose"), "info"))
            return
        designs = [self.designs[n] for n in chosen]
        scenario, note = self.scenario, scenario_note(self.scenario, designs, self.lang)
        self._costed = scenario  # the scenario the payroll chart uses too
        try:
            table = shoporg.compare(designs, scenario, lang=self.lang,
                                    norms=self.norms if scenario is not None else None)
            d = shoporg.diff(designs[0], designs[1])
        except ShopOrgError as e:
            self._clear(message_html(error_text(e, self.lang)))
            return
        old = list(table.columns[1:1 + len(chosen)])
        rename = dict(zip(old, chosen))
        if len(chosen) > 2:
            rename.update({f"Δ {o}": f"Δ {n}" for o, n in zip(old, chosen)})
        self.result = table.rename(columns=rename)
        self.diff_result = d
        self.message.value = message_html(note, "info")

        view = compare_view(self.result, self.lang)
        self.table.value = frame_html(view, index=False, numeric=range(1, len(view.columns)))
        if d.empty:
            self.diff_table.value = message_html(self._t("same"), "info")
        else:
            self.diff_table.value = frame_html(diff_view(d, self.lang, designs=designs[:2]), index=False)
        self._refresh_peak(dict(zip(chosen, designs)))
        self.draw()

    def _refresh_peak(self, designs: dict) -> None:
        """The peak staff and its cost of each chosen option, as a small table."""
        self.peak_result, self.peak_table.value = None, ""
        if self.scenario is None or self.norms is None:
            return
        head = f"<b>{html.escape(self._t('peak'))}</b>"
        try:
            self.peak_result = peak_summary(designs, self.scenario, self.norms, self.peak_inputs, lang=self.lang)
        except ShopOrgError as e:
            self.peak_table.value = head + message_html(error_text(e, self.lang))
            return
        lang, L = self.lang, self._t
        r = self.peak_result
        view = pd.DataFrame({
            L("peak_option"): r["option"],
            L("peak_months"): [t("sep.list", lang).join(fmt.month(m, lang) for m in ms) or t("word.none", lang)
                               for ms in r["months"]],
            L("peak_temps"): [fmt.count(x, lang) for x in r["temps"]],
            L("peak_cost"): [fmt.yuan(x / 100, lang, cents=True) for x in r["cost_fen"]],
            L("peak_mixes"): [x if x is not None else L("peak_no_norms") for x in r["mixes"]]})
        self.peak_table.value = head + nowrap_html(frame_html(view, index=False), 1, 2, 3, 4)

    def _clear(self, message: str) -> None:
        self.message.value = message
        self.table.value = self.diff_table.value = self.peak_table.value = ""
        self.chart.outputs = ()
        self.result = self.diff_result = self.peak_result = None

    def draw(self) -> None:
        """Draw the chart chosen in ``chart_kind`` for the chosen designs into ``chart``."""
        import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

        if self.result is None:  # nothing compared (a wrong choice or an error): nothing to draw
            return
        chosen = self.chosen
        designs = [self.designs[n].replace(name={"zh": n, "en": n}) for n in chosen]
        kind = self.chart_kind.value
        if kind == "cost":
            ax = plots.plot_cost_composition(designs, self._costed, lang=self.lang)
            fig = ax.figure
        elif kind == "spans":
            fig = plots.plot_span_distribution(designs, lang=self.lang).figure
        else:
            fig, axes = plt.subplots(1, len(designs), figsize=(3.2 * len(designs), 3.2))
            for ax, d in zip(axes, designs):
                plots.plot_layer_pyramid(d, ax=ax, lang=self.lang)
                ax.set_title(d.name.get(self.lang))
            fig.tight_layout()
        show_figure(self.chart, fig, f"<{kind} chart of {', '.join(chosen)}>")


def peak_summary(designs: dict, scenario, norms, inputs: PeakInputs | None = None, lang: str = "zh") -> pd.DataFrame:
    """Per option (name → design): the peak months, the temps and agency staff of the
    chosen mixes (person-months), their extra cost in fen (employment cost when the
    inputs' region prices it) and the mixes in words (None: no norm sizes the option),
    from :func:`shoporg.staffing.peak.peak_options`.

    >>> import shoporg
    >>> from shoporg.staffing import read_norms
    >>> d = shoporg.load_template("seed-14-basic-22")
    >>> n = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    >>> p = peak_summary({"now": d}, shoporg.load_scenario("d14-double11"), n)
    >>> p.loc[0, "months"], int(p.loc[0, "temps"]), int(p.loc[0, "cost_fen"])
    (['2026-11'], 7, 1368420)
    """
    rows = []
    for name, design in designs.items():
        own = norms_within(design, norms)
        if not norms_for(design, own):
            rows.append({"option": name, "months": [], "temps": 0, "cost_fen": 0, "mixes": None})
            continue
        p = peak_options(design, scenario, own, inputs)
        cost = "labour_cost_fen" if p.employer_priced else "cost_fen"
        names = {rid: n.get(lang) for rid, n in p.names.items()}
        mixes = t("sep.changes", lang).join(
            t("ui.comparer.peak_mix", lang, role=names.get(r.role, r.role), month=fmt.month_short(r.month, lang),
              mix=mix_words(r, lang)) for r in p.best.itertuples())
        rows.append({"option": name, "months": sorted(set(p.best["month"])), "temps": int(p.best["temps"].sum()),
                     "cost_fen": int(p.best[cost].sum()), "mixes": mixes or t("peak.mix.none", lang)})
    return pd.DataFrame(rows, columns=["option", "months", "temps", "cost_fen", "mixes"])
