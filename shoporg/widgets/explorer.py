"""ScenarioExplorer: move sliders for volume, order value, chats, peak, incidents and
negative reviews and watch a design's payroll, cost per order and staffing gap.

>>> import shoporg
>>> from shoporg.widgets import ScenarioExplorer
>>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
>>> app = ScenarioExplorer(shoporg.load_template("seed-14-basic-22"), s)
>>> before = app.cost_per_order
>>> app.orders_scale.value = 2.0
>>> app.cost_per_order < before
True

With norms, the sections below the staffing table are computed when opened:

>>> from shoporg.staffing import read_norms
>>> app = ScenarioExplorer(app.design, s, read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml"))
>>> app.peak is None
True
>>> app.details.selected_index = DETAILS.index("peak")
>>> app.peak.best[["role", "mix"]].values.tolist()[:2]
[['sales_cs', 'temps+overtime'], ['aftersales_cs', 'temps']]
"""

from __future__ import annotations

import dataclasses
import html
import math
import re

import ipywidgets as w
import numpy as np
import pandas as pd

import shoporg

from .. import fmt
from ..errors import ShopOrgError
from ..i18n import t
from ..scenario import filled_note
from ..staffing.norms import ErlangNorm
from ..staffing.peak import PeakInputs, mix_words, peak_options
from ..staffing.sensitivity import headcount_sensitivity
from ..staffing.shift_plan import shift_plan
from ..staffing.sizing import (
    norms_for,
    norms_within,
    recommend_headcount,
    sizing_reason,
)
from ..staffing.team_leaders import leader_headcounts, span_norm, suggest_team_leaders
from ..unit_cost import cost_per_order
from ._common import Shown, check_lang, error_text, frame_html, message_html, show_figure

__all__ = ["ScenarioExplorer", "VOLUME_DRIVERS", "COUNT_DRIVERS", "DETAILS", "peak_html", "nowrap_html"]

#: Shop-wide drivers that scale with the order volume.
VOLUME_DRIVERS = ("orders", "orders_picked", "orders_shipped", "revenue", "consultations")
#: Monthly counts set by a slider as "a typical month": the slider moves every month by
#: the same number of events, so a month the scenario marks (a November incident) stays.
COUNT_DRIVERS = ("store_incidents", "negative_reviews")
#: The sections below the staffing table, drawn when opened: the sensitivity of each chat
#: role's headcount, its hourly need with the shift plan, the ways to cover the peak months.
DETAILS = ("sensitivity", "shifts", "peak")


def _typical_month(values) -> int:
    return int(round(float(np.median(values)))) if values is not None else 0


class ScenarioExplorer(Shown):
    """Widget app: a design's payroll and staffing under a scenario reshaped by sliders.

    The scenario shown is ``scenario`` with every volume driver it has (see
    :data:`VOLUME_DRIVERS`) multiplied by ``orders_scale``, and additionally by
    ``peak_size`` in calendar month ``peak_month`` (on top of the scenario's own
    seasonality). ``order_value`` sets the average order value (revenue follows) and
    ``chats_per_order`` the consultations per order. The count sliders
    (:data:`COUNT_DRIVERS`) start at the scenario's typical month and shift every month
    by the difference.

    Parameters
    ----------
    design : OrgDesign
    scenario : Scenario
        The starting scenario.
    norms : NormsFile or mapping, optional
        Staffing norms beside the design's own; with any norm, ``staffing`` is the
        recommended headcount and ``gap`` the people missing.
    lang : {"zh", "en"}
    service_hours : (str, str), optional
        The chat service day (the brief's, ``("09:00", "24:00")``) for the shift plan;
        without it the chat norm's own hourly profile (24 hours).
    peak_inputs : PeakInputs, optional
        The user's prices for covering the peak months (temp wage, agency fee, price per
        chat...); by default temps at the role's base pay and overtime, nothing else priced.

    Attributes
    ----------
    scenario : Scenario
        The scenario as currently reshaped.
    payroll : Payroll or None
        The payroll under it (None if it cannot be computed).
    cost_per_order : float or None
        The year's accrued payroll divided by the year's orders.
    staffing : pandas.DataFrame or None
        :func:`shoporg.recommend_headcount` rows of the roles with a norm.
    gap : float or None
        Recommended minus current people over the normed roles.
    summary : ipywidgets.HTML
        Year payroll accrued and paid, cost per order, staffing gap.
    table : ipywidgets.HTML
        Payroll by month, accrued and paid, with orders and cost per order.
    gap_table : ipywidgets.HTML
        The staffing rows.
    leaders : pandas.DataFrame or None
        Team leaders suggested by the span norm
        (:func:`shoporg.staffing.team_leaders.suggest_team_leaders`).
    leaders_table : ipywidgets.HTML
    details : ipywidgets.Accordion
        The sections of :data:`DETAILS`, each computed and drawn when opened (and again,
        while open, when the sliders move).
    sensitivity : dict of str to pandas.DataFrame
        Per chat role, :func:`~shoporg.staffing.sensitivity.headcount_sensitivity` on the
        typical month.
    shift_plans : dict of (str, str) to IntradayStaffing
        Per chat role and month (the peak month and the typical one), the shift plan.
    peak : PeakOptions or None
        :func:`~shoporg.staffing.peak.peak_options` of the design under the scenario.
    """

    def __init__(self, design, scenario, norms=None, lang: str = "zh", *, service_hours=None, peak_inputs=None):
        self.lang = check_lang(lang)
        self.design = design
        self.norms = norms
        hours = service_hours or getattr(scenario, "service_hours", None)  # the brief's service day
        self.service_hours = tuple(hours) if hours else None
        self.peak_inputs = peak_inputs if peak_inputs is not None else PeakInputs()
        self.leaders = None
        self.sensitivity: dict = {}
        self.shift_plans: dict = {}
        self.peak = None
        self.base = scenario
        self.scenario = scenario
        self.payroll = None
        self.cost_per_order: float | None = None
        self.staffing = None
        self.gap: float | None = None

        L = self._t
        d = scenario.drivers
        peak = 11
        if "orders" in d:
            first = int(scenario.start[5:7]) - 1
            peak = (first + int(np.argmax(scenario.driver("orders")))) % 12 + 1
        self._base_value = self._ratio("revenue", "orders")
        self._base_chats = self._ratio("consultations", "orders")
        opts = dict(continuous_update=False, style={"description_width": "initial"})
        self.orders_scale = w.FloatSlider(value=1.0, min=0.5, max=3.0, step=0.1, description=L("orders_scale"),
                                          **opts)
        value = round(self._base_value or 100.0, 1)
        self.order_value = w.FloatSlider(value=value, min=round(value / 4, 1), max=round(value * 3, 1), step=1.0,
                                         description=L("order_value"), disabled=self._base_value is None, **opts)
        chats = round(self._base_chats or 1.0, 1)
        self.chats_per_order = w.FloatSlider(value=chats, min=0.0, max=max(10.0, 3 * chats), step=0.1,
                                             description=L("chats_per_order"),
                                             disabled=self._base_chats is None, **opts)
        self.peak_month = w.IntSlider(value=peak, min=1, max=12, description=L("peak_month"), **opts)
        self.peak_size = w.FloatSlider(value=1.0, min=1.0, max=4.0, step=0.1, description=L("peak_size"), **opts)
        self._typical = {name: _typical_month(d.get(name)) for name in COUNT_DRIVERS}
        self.incidents = w.IntSlider(value=self._typical["store_incidents"], min=0,
                                     max=max(10, 3 * self._typical["store_incidents"]),
                                     description=L("store_incidents"), **opts)
        self.negative_reviews = w.IntSlider(value=self._typical["negative_reviews"], min=0,
                                            max=max(20, 3 * self._typical["negative_reviews"]),
                                            description=L("negative_reviews"), **opts)
        self._start = {"order_value": self.order_value.value, "chats_per_order": self.chats_per_order.value}
        self.message = w.HTML()
        self.summary = w.HTML()
        self.table = w.HTML()
        self.gap_table = w.HTML()
        self.leaders_table = w.HTML()
        self.sensitivity_note = w.HTML()
        self.sensitivity_charts = w.VBox()
        self.shift_words = w.HTML()
        self.shift_charts = w.VBox()
        self.peak_words = w.HTML()
        self.peak_table = w.HTML()
        self.peak_message = w.HTML()
        ask = dict(continuous_update=False, placeholder=L("not_priced"), style={"description_width": "initial"},
                   layout=w.Layout(width="20em"))
        given = self.peak_inputs
        self.agency_fee = w.Text(value="" if given.agency_markup is None else fmt.number(given.agency_markup * 100),
                                 description=L("agency_fee"), **ask)
        self.chat_price = w.Text(value="" if given.per_chat is None else fmt.number(given.per_chat),
                                 description=L("chat_price"), **ask)
        for box in (self.agency_fee, self.chat_price):
            box.observe(lambda _c: self._set_peak_prices(), names="value")
        pages = {"sensitivity": w.VBox([self.sensitivity_note, self.sensitivity_charts]),
                 "shifts": w.VBox([self.shift_words, self.shift_charts]),
                 "peak": w.VBox([w.HBox([self.agency_fee, self.chat_price], layout=w.Layout(flex_flow="row wrap")),
                                 self.peak_message, self.peak_words, self.peak_table])}
        self.details = w.Accordion(children=[pages[k] for k in DETAILS], selected_index=None,
                                   layout=w.Layout(width="100%"))
        self.details.titles = tuple(L(f"section_{k}") for k in DETAILS)
        self.details.add_class("shoporg-explorer-details")
        self.leaders_table.add_class("shoporg-explorer-leaders")
        self._drawn: set = set()  # the sections drawn for the current scenario and design
        self.details.observe(lambda _c: self._draw_details(), names="selected_index")
        self.on_recommend = None  # called with {role id: recommended headcount} by "采纳建议人数"
        self.recommend_button = w.Button(description=L("apply_recommended"), icon="check", disabled=True,
                                         layout=w.Layout(width="16em"))
        self.recommend_button.on_click(lambda _b: self.apply_recommended())
        self.summary.add_class("shoporg-explorer-summary")
        for s in self.sliders:
            s.observe(lambda _c: self.refresh(), names="value")
        self.refresh()

    def _t(self, key: str, **fields) -> str:
        return t(f"ui.explorer.{key}", self.lang, **fields)

    def _ratio(self, top: str, bottom: str) -> float | None:
        d = self.base.drivers
        if top not in d or bottom not in d or float(np.sum(d[bottom])) == 0:
            return None
        return float(np.sum(d[top])) / float(np.sum(d[bottom]))

    @property
    def sliders(self) -> tuple:
        """Every slider, in the order shown."""
        return (self.orders_scale, self.order_value, self.chats_per_order, self.peak_month, self.peak_size,
                self.incidents, self.negative_reviews)

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        s = self.sliders
        # three columns of sliders where they fit, fewer on a narrow page (no readout cut off)
        controls = w.HBox([w.VBox(list(s[:3])), w.VBox(list(s[3:5])), w.VBox(list(s[5:]))],
                          layout=w.Layout(flex_flow="row wrap"))
        # the staffing table (with the reason for each headcount) below the months, not squeezed beside them
        return w.VBox([controls, self.message, self.summary, self.table, self.gap_table, self.leaders_table,
                       self.recommend_button, self.details])

    def set_design(self, design) -> None:
        """Show ``design`` under the current sliders."""
        self.design = design
        self.refresh()

    def build_scenario(self):
        """The scenario the sliders describe (see the class docstring)."""
        base = self.base
        first = int(base.start[5:7]) - 1
        factor = np.full(12, float(self.orders_scale.value))
        calendar = np.array([(first + i) % 12 + 1 for i in range(12)])
        factor[calendar == self.peak_month.value] *= float(self.peak_size.value)
        extra = {}  # a slider left where it started leaves its driver exactly as in the scenario
        if self._base_value and self.order_value.value != self._start["order_value"]:
            extra["revenue"] = float(self.order_value.value) / self._base_value
        if self._base_chats and self.chats_per_order.value != self._start["chats_per_order"]:
            extra["consultations"] = float(self.chats_per_order.value) / self._base_chats
        changes = {name: np.round(base.drivers[name] * factor * extra.get(name, 1.0), 2) for name in VOLUME_DRIVERS
                   if name in base.drivers}
        for name, slider in (("store_incidents", self.incidents), ("negative_reviews", self.negative_reviews)):
            shift = slider.value - self._typical[name]
            if shift or name not in base.drivers:
                now = base.drivers.get(name, np.zeros(12))
                changes[name] = np.maximum(np.asarray(now, dtype=float) + shift, 0.0)
        return base.with_drivers(**changes)

    def refresh(self) -> None:
        """Rebuild the scenario, the payroll and the staffing gap; update the views."""
        L = self._t
        self.scenario = self.build_scenario()
        self._staffing_error = ""
        self._refresh_staffing()
        self._drawn = set()
        self._draw_details()
        try:
            self.payroll = shoporg.payroll(self.design, self.scenario)
        except ShopOrgError as e:
            self.payroll, self.cost_per_order = None, None
            self.message.value = message_html(L("payroll_error") + error_text(e, self.lang)) + self._staffing_error
            self.table.value = ""
            self._refresh_summary()
            return
        note = filled_note(self.payroll.filled, self.design, self.lang)
        unpaid = sum(not r.pay for r in self.design.roles)
        if unpaid:
            note = "\n".join(filter(None, [note, L("unpaid", n=unpaid, total=len(self.design.roles))]))
        self.message.value = message_html(note, "info") + self._staffing_error
        if unpaid == len(self.design.roles):  # no pay rules at all: unknown, not zero
            self.payroll, self.cost_per_order, self.table.value = None, None, ""
            self._refresh_summary()
            return
        m = self.payroll.by_month().reindex(self.scenario.months, fill_value=0.0)
        out = pd.DataFrame({L("accrued"): m["accrued"], L("paid"): m["paid"]})
        if "orders" in self.scenario.drivers:
            orders = self.scenario.driver("orders")
            out[L("orders")] = orders
            out[L("cost_per_order")] = cost_per_order(m["accrued"], orders)
            total_orders = float(orders.sum())
            self.cost_per_order = cost_per_order(self.payroll.total("accrued"), total_orders, places=4)
        else:
            self.cost_per_order = None
        out.index = [fmt.month(m, self.lang) for m in out.index]
        out.index.name = L("month")
        view = out.reset_index()  # the month a column of its own: one row of heads
        money = lambda x: fmt.fixed(x, self.lang)  # noqa: E731
        self.table.value = frame_html(view, money, formatters={L("orders"): lambda x: fmt.count(x, self.lang)}
                                      if L("orders") in view else None, index=False, numeric=range(1, len(view.columns)))
        self._refresh_summary()

    def _refresh_staffing(self) -> None:
        L = self._t
        self.staffing, self.gap, self.gap_table.value = None, None, ""
        self.leaders, self.leaders_table.value = None, ""
        norms = norms_within(self.design, self.norms)
        try:
            if not norms_for(self.design, norms):
                return
            rec = recommend_headcount(self.design, self.scenario, norms, lang=self.lang)
        except ShopOrgError as e:
            self._staffing_error = message_html(L("staffing_error") + error_text(e, self.lang))
            return
        self.staffing = rec[rec["method"] != "kept"].reset_index(drop=True)
        self.gap = float(self.staffing["gap"].sum())
        self.staffing["reason"] = [sizing_reason(row, norms_for(self.design, norms)[row["role"]], self.lang)
                                   for _, row in self.staffing.iterrows()]
        view = self.staffing[["name", "current", "recommended", "gap", "peak", "temporary", "reason"]].set_axis(
            [L("role"), L("current"), L("recommended"), L("gap"), L("peak"), L("temporary"), L("reason")], axis=1)
        self.gap_table.value = frame_html(view, lambda x: fmt.headcount(x, self.lang), index=False, numeric=range(1, 6))
        self._refresh_leaders()
        self.recommend_button.disabled = not self.recommended()

    def _refresh_leaders(self) -> None:
        """The team leaders the span norm suggests, beside the recommendations."""
        L, lang = self._t, self.lang
        try:
            self.leaders = suggest_team_leaders(self.design, self.staffing, self.norms, lang)
        except ShopOrgError as e:
            self.leaders_table.value = message_html(L("staffing_error") + error_text(e, lang))
            return
        if self.leaders.empty:
            span, assumed = span_norm(self.norms)
            self.leaders_table.value = message_html(L("no_leaders", span=fmt.headcount(span, lang), assumed=t(
                "staffing.span_assumed", lang) if assumed else ""), "info")
            return
        names = {r.id: r.name.get(lang) for r in self.design.roles}
        view = pd.DataFrame({
            L("role"): self.leaders["name"],
            L("leaders_people"): [fmt.headcount(x, lang) for x in self.leaders["people"]],
            L("leaders_span"): [fmt.headcount(x, lang) for x in self.leaders["span"]],
            L("leaders_n"): [fmt.headcount(x, lang) for x in self.leaders["leaders"]],
            L("reason"): self.leaders["reason"],
            L("leaders_apply"): [L("leaders_set", role=names[r]) if isinstance(r, str) else L("leaders_only")
                                 for r in self.leaders["leader_role"]]})
        self.leaders_table.value = f"<b>{html.escape(L('leaders'))}</b>" + nowrap_html(frame_html(view, index=False),
                                                                                    1, 2, 3, 4)

    def recommended(self) -> dict:
        """{role id: recommended headcount} of the roles the norms size whose headcount
        differs, and of the team-leader roles (if the design has any) the span norm sizes."""
        if self.staffing is None:
            return {}
        rows = self.staffing[self.staffing["gap"] != 0]
        out = dict(zip(rows["role"], rows["recommended"]))
        if self.leaders is not None:
            out |= {rid: n for rid, n in leader_headcounts(self.leaders).items()
                    if float(self.design.role(rid).headcount) != n}
        return out

    def apply_recommended(self) -> dict:
        """Hand the recommended headcounts to ``on_recommend`` (the workbook applies them to
        the design as one step that undo takes back); returns them."""
        changes = self.recommended()
        if changes and self.on_recommend is not None:
            self.on_recommend(changes)
        return changes

    def _refresh_summary(self) -> None:
        L = self._t
        rows = []
        if self.payroll is not None:
            rows += [(L("year_accrued"), fmt.yuan(self.payroll.total("accrued"), self.lang, cents=True)),
                     (L("year_paid"), fmt.yuan(self.payroll.total("paid"), self.lang, cents=True))]
            if self.payroll.chain is not None:  # a city's terms: what the employer pays, what people get
                rows += [(L(f"year_{c}"), fmt.yuan(self.payroll.chain_total(c), self.lang, cents=True))
                         for c in ("labour_cost", "net")]
            if self.cost_per_order is not None:
                rows.append((L("cost_per_order"), fmt.yuan(self.cost_per_order, self.lang, cents=True)))
        if self.staffing is None:
            note = message_html(L("no_norms"), "info")
        else:
            note = ""
            gaps = self.staffing["gap"]
            rows.append((L("gap"), L("gap_value", short=fmt.headcount(gaps[gaps > 0].sum(), self.lang, signed=True),
                                     over=fmt.headcount(gaps[gaps < 0].sum(), self.lang, signed=True))))
            rows.append((L("temporary"), t("people_count", self.lang,
                                           n=fmt.headcount(self.staffing["temporary"].sum(), self.lang))))
        body = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                       for k, v in rows)
        self.summary.value = f"<table>{body}</table>{note}{self._findings_html()}"

    def _findings_html(self) -> str:
        """The compliance findings of the payroll (a city's terms): below the minimum wage..."""
        if self.payroll is None or self.payroll.chain is None:
            return ""
        found = self.payroll.findings(self.lang)
        if found.empty:
            return message_html(self._t("no_findings"), "ok")
        names = {r.id: r.name.get(self.lang) for r in self.design.roles}
        items = "".join(f"<li>{html.escape(names.get(r, r))}：{html.escape(m)}</li>"
                        for r, m in zip(found["role"], found["message"]))
        return f"<div style='color:#b42318'><b>{html.escape(self._t('findings'))}</b><ul>{items}</ul></div>"

    # -- the sections drawn when opened ----------------------------------------------
    def _chat_norms(self) -> dict:
        """{role id: norm} of the roles sized by the chat model, in the design's order."""
        if self.staffing is None:
            return {}
        table = norms_for(self.design, norms_within(self.design, self.norms))
        return {rid: table[rid] for rid in self.staffing["role"] if isinstance(table.get(rid), ErlangNorm)}

    def _draw_details(self) -> None:
        """Compute and draw the open section if it is not drawn for what is shown now."""
        i = self.details.selected_index
        if i is None or DETAILS[i] in self._drawn:
            return
        key = DETAILS[i]
        self._drawn.add(key)
        {"sensitivity": self._draw_sensitivity, "shifts": self._draw_shifts, "peak": self._draw_peak}[key]()

    def _names(self) -> dict:
        return {r.id: r.name.get(self.lang) for r in self.design.roles}

    def _draw_sensitivity(self) -> None:
        import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

        from .. import plots

        L, lang, names = self._t, self.lang, self._names()
        self.sensitivity, charts, notes = {}, [], []
        rows = self.staffing.set_index("role") if self.staffing is not None else None
        for rid, norm in self._chat_norms().items():
            volume = float(rows.loc[rid, "inputs"].get("volume", 0.0))
            try:
                table = headcount_sensitivity(norm, volume)
            except ShopOrgError as e:
                notes.append(message_html(f"{names[rid]}：{error_text(e, lang)}"))
                continue
            self.sensitivity[rid] = table
            notes.append(message_html(f"{names[rid]}：" + L("sensitivity_note", volume=fmt.count(volume, lang)),
                                      "info"))
            fig, axes = plt.subplots(1, 3, figsize=(8.4, 2.7), sharey=True)
            plots.plot_headcount_sensitivity(table, list(axes), lang=lang, role=names[rid])
            out = w.Output()
            show_figure(out, fig, f"<sensitivity chart of {rid}>")
            charts.append(out)
        self.sensitivity_note.value = "".join(notes) or message_html(L("no_erlang"), "info")
        self.sensitivity_charts.children = charts

    def _months_shown(self, norm) -> list:
        """(month, kind) of the peak month and the typical (median-volume) month."""
        months = self.scenario.months
        v = np.asarray(self.scenario.driver(norm.driver), dtype=float)
        peak = int(np.argmax(v))
        typical = int(np.argmin(np.abs(v - np.median(v))))
        out = [(months[peak], "month_peak")]
        if typical != peak:
            out.append((months[typical], "month_normal"))
        return out

    def _draw_shifts(self) -> None:
        import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

        from .. import plots

        L, lang, names = self._t, self.lang, self._names()
        self.shift_plans, charts, words = {}, [], []
        service = (L("service_brief", start=self.service_hours[0], end=self.service_hours[1]) if self.service_hours
                   else L("service_profile"))
        for rid, norm in self._chat_norms().items():
            shown = self._months_shown(norm)
            fig, axes = plt.subplots(len(shown), 1, figsize=(8.4, 2.8 * len(shown)), squeeze=False)
            for ax, (month, kind) in zip(axes[:, 0], shown):
                volume = float(self.scenario.driver(norm.driver)[list(self.scenario.months).index(month)])
                try:
                    day = shift_plan(norm, volume, self.service_hours)
                except ShopOrgError as e:
                    words.append(message_html(f"{names[rid]}：{error_text(e, lang)}"))
                    continue
                self.shift_plans[(rid, month)] = day
                label = fmt.month(month, lang)
                words.append(message_html(L(
                    "shift_words", role=names[rid], month=label, kind=L(kind), service=service,
                    chats=fmt.count(volume * float(norm.peak_factor) / float(norm.open_days), lang),
                    hours=fmt.number(day.agent_hours, lang, digits=1), shifts=fmt.count(day.shifts_per_day, lang),
                    length=fmt.number(day.shift_hours, lang, digits=1),
                    shift_hours=fmt.number(day.shifts_per_day * day.shift_hours, lang, digits=1),
                    top=fmt.count(int(day.intervals["on_shift"].max()), lang)), "info"))
                plots.plot_shift_plan(day, ax, lang=lang, title=t("plot.shift_title", lang, role=names[rid],
                                                                  month=L("month_kind", month=label, kind=L(kind))))
            fig.tight_layout()
            out = w.Output()
            show_figure(out, fig, f"<shift plan of {rid}>")
            charts.append(out)
        self.shift_words.value = "".join(words) or message_html(L("no_erlang"), "info")
        self.shift_charts.children = charts

    def _set_peak_prices(self) -> None:
        """Price agency staff and outsourced chat as typed (empty: not priced) and redraw."""
        L, values = self._t, {}
        for name, box, scale, high in (("agency_markup", self.agency_fee, 0.01, 1000), ("per_chat", self.chat_price,
                                                                                        1.0, 1000)):
            text = box.value.strip().replace(",", "")
            try:
                x = float(text) if text else None
            except ValueError:
                x = math.nan
            if x is not None and not (math.isfinite(x) and 0 <= x <= high):
                self.peak_message.value = message_html(L("price_error", field=box.description,
                                                         high=fmt.count(high, self.lang), got=box.value))
                return
            values[name] = None if x is None else x * scale
        self.peak_inputs = dataclasses.replace(self.peak_inputs, **values)
        self.peak_message.value = ""
        self._drawn.discard("peak")
        self._draw_details()

    def _draw_peak(self) -> None:
        L, lang = self._t, self.lang
        self.peak, self.peak_table.value = None, ""
        if self.staffing is None:
            self.peak_words.value = message_html(L("no_norms"), "info")
            return
        try:
            self.peak = peak_options(self.design, self.scenario, norms_within(self.design, self.norms),
                                     self.peak_inputs, recommendation=self.staffing)
        except ShopOrgError as e:
            self.peak_words.value = message_html(L("staffing_error") + error_text(e, lang))
            return
        self.peak_words.value, self.peak_table.value = peak_html(self.peak, lang)


def peak_html(peak, lang: str = "zh") -> tuple[str, str]:
    """The peak months in words (the chosen mix of each role and month, what a cheaper mix
    would break, what the pricing assumes) and every priced way as an HTML table."""
    L = lambda key, **f: t(f"ui.explorer.{key}", lang, **f)  # noqa: E731
    if peak.best.empty:
        return message_html(L("peak_none"), "info"), ""
    names = {rid: n.get(lang) for rid, n in peak.names.items()}
    cost = "labour_cost_fen" if peak.employer_priced else "cost_fen"
    lines = []
    for row in peak.best.itertuples():
        text = L("peak_best", role=names.get(row.role, row.role), month=fmt.month(row.month, lang),
                 mix=mix_words(row, lang), cost=fmt.yuan(getattr(row, cost) / 100, lang, cents=True))
        if not row.legal:
            text += L("peak_unlawful")
        elif row.cheaper_breaks:
            same = peak.options[(peak.options["role"] == row.role) & (peak.options["month"] == row.month)
                                & (peak.options["mix"] == row.cheaper_mix)
                                & (peak.options[cost] == round(row.cheaper_cost * 100))]
            mix = mix_words(next(same.itertuples()), lang) if len(same) else row.cheaper_mix
            text += L("peak_cheaper", mix=mix, cost=fmt.yuan(row.cheaper_cost, lang, cents=True),
                      rule=t(f"peak.rule.{row.cheaper_breaks}", lang))
        lines.append(text)
    notes = [p.text(lang) for p in peak.inputs.assumptions()]
    if peak.employer_note is not None:
        notes.append(peak.employer_note.text(lang))
    words = message_html("\n".join(lines), "ok") + message_html("\n".join(notes), "info")
    chosen = {(r.role, r.month, r.mix, r.temps, r.agency, getattr(r, cost)) for r in peak.best.itertuples()}
    order = {rid: i for i, rid in enumerate(peak.names)}  # the design's order of roles
    o = peak.options.assign(_at=peak.options["role"].map(order)).sort_values(["_at", "month", cost], kind="stable")
    sep = t("sep.changes", lang)
    view = pd.DataFrame({
        L("role"): [names.get(r, r) for r in o["role"]],
        L("month"): [fmt.month(m, lang) for m in o["month"]],
        L("peak_way"): [mix_words(r, lang) for r in o.itertuples()],
        L("peak_labour_cost" if peak.employer_priced else "peak_cost"):
            [fmt.yuan(x / 100, lang, cents=True) for x in o[cost]],
        L("peak_rule"): [sep.join(t(f"peak.rule.{b}", lang) for b in r.split(",")) if r else "" for r in o["breaks"]],
        L("peak_chosen"): ["✓" if (r.role, r.month, r.mix, r.temps, r.agency, getattr(r, cost)) in chosen else ""
                           for r in o.itertuples()]})
    return words, nowrap_html(frame_html(view, index=False), 1, 2, 4, 6)


def nowrap_html(table: str, *columns: int) -> str:
    """``table`` (HTML) with the cells of ``columns`` (1-based) kept on one line, so that a
    narrow page wraps the long texts and not a role's name or an amount.

    >>> nowrap_html("<tr><td>a</td><td>b</td></tr>", 2)
    '<tr><td>a</td><td style="white-space:nowrap">b</td></tr>'
    """
    def row(m):
        parts = re.split(r"<(t[dh])>", m.group(0))  # text, tag, text, tag, ...
        out = parts[0]
        for i in range(1, len(parts), 2):
            tag = parts[i]
            out += (f'<{tag} style="white-space:nowrap">' if (i + 1) // 2 in columns else f"<{tag}>") + parts[i + 1]
        return out

    return re.sub(r"<tr[^>]*>.*?</tr>", row, table, flags=re.S)
