"""ScenarioExplorer: move sliders for volume, peak and incidents and watch a design's payroll.

>>> import shoporg
>>> from shoporg.widgets import ScenarioExplorer
>>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
>>> app = ScenarioExplorer(shoporg.load_template("seed-14-basic-22"), s)
>>> before = app.cost_per_order
>>> app.orders_scale.value = 2.0
>>> app.cost_per_order < before
True
"""

from __future__ import annotations

import ipywidgets as w
import numpy as np

from ..errors import ShopOrgError
from ._common import check_lang, error_text, frame_html, message_html

__all__ = ["ScenarioExplorer", "VOLUME_DRIVERS"]

#: Shop-wide drivers that scale with the order volume.
VOLUME_DRIVERS = ("orders", "orders_picked", "orders_shipped", "revenue", "consultations")

_LABELS = {
    "orders_scale": ("订单量倍数", "Orders ×"),
    "peak_month": ("大促月份", "Peak month"),
    "peak_size": ("大促倍数", "Peak ×"),
    "incidents": ("店铺事故/月", "Incidents/month"),
    "month": ("月份", "Month"),
    "accrued": ("应计", "Accrued"),
    "paid": ("实发", "Paid"),
    "orders": ("订单量", "Orders"),
    "cost_per_order": ("单均人工成本", "Cost per order"),
    "payroll_error": ("无法计算人工成本：", "Payroll cannot be computed: "),
}


class ScenarioExplorer:
    """Widget app: a design's payroll under a scenario reshaped by sliders.

    The scenario shown is ``scenario`` with every volume driver it has (see
    :data:`VOLUME_DRIVERS`) multiplied by ``orders_scale``, and additionally by
    ``peak_size`` in calendar month ``peak_month`` (on top of the scenario's own
    seasonality); ``store_incidents`` is set to ``incidents`` in every month.

    Parameters
    ----------
    design : OrgDesign
    scenario : Scenario
        The starting scenario.
    lang : {"zh", "en"}

    Attributes
    ----------
    scenario : Scenario
        The scenario as currently reshaped.
    payroll : Payroll or None
        The payroll under it (None if it cannot be computed).
    cost_per_order : float or None
        The year's accrued payroll divided by the year's orders.
    table : ipywidgets.HTML
        Payroll by month, accrued and paid.
    """

    def __init__(self, design, scenario, lang: str = "zh"):
        self.lang = check_lang(lang)
        self.design = design
        self.base = scenario
        self.scenario = scenario
        self.payroll = None
        self.cost_per_order: float | None = None

        L = self._t
        peak = 11
        if "orders" in scenario.drivers:
            first = int(scenario.start[5:7]) - 1
            peak = (first + int(np.argmax(scenario.driver("orders")))) % 12 + 1
        incidents = scenario.drivers.get("store_incidents")
        start_incidents = int(round(float(np.median(incidents)))) if incidents is not None else 0
        opts = dict(continuous_update=False, style={"description_width": "initial"})
        self.orders_scale = w.FloatSlider(value=1.0, min=0.5, max=3.0, step=0.1, description=L("orders_scale"),
                                          **opts)
        self.peak_month = w.IntSlider(value=peak, min=1, max=12, description=L("peak_month"), **opts)
        self.peak_size = w.FloatSlider(value=1.0, min=1.0, max=4.0, step=0.1, description=L("peak_size"), **opts)
        self.incidents = w.IntSlider(value=start_incidents, min=0, max=10, description=L("incidents"), **opts)
        self.message = w.HTML()
        self.table = w.HTML()
        for s in (self.orders_scale, self.peak_month, self.peak_size, self.incidents):
            s.observe(lambda _c: self.refresh(), names="value")
        self.refresh()

    def _t(self, key: str) -> str:
        return _LABELS[key][0 if self.lang == "zh" else 1]

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        return w.VBox([w.HBox([w.VBox([self.orders_scale, self.peak_month]),
                               w.VBox([self.peak_size, self.incidents])]), self.message, self.table])

    def build_scenario(self):
        """The scenario the sliders describe (see the class docstring)."""
        base = self.base
        first = int(base.start[5:7]) - 1
        factor = np.full(12, float(self.orders_scale.value))
        calendar = np.array([(first + i) % 12 + 1 for i in range(12)])
        factor[calendar == self.peak_month.value] *= float(self.peak_size.value)
        changes = {name: np.round(base.drivers[name] * factor, 2) for name in VOLUME_DRIVERS
                   if name in base.drivers}
        changes["store_incidents"] = np.full(12, float(self.incidents.value))
        return base.with_drivers(**changes)

    def refresh(self) -> None:
        """Rebuild the scenario and the payroll; update ``table`` and ``cost_per_order``."""
        import pandas as pd

        import shoporg

        L = self._t
        self.scenario = self.build_scenario()
        try:
            self.payroll = shoporg.payroll(self.design, self.scenario)
        except ShopOrgError as e:
            self.payroll, self.cost_per_order = None, None
            self.message.value = message_html(L("payroll_error") + error_text(e))
            self.table.value = ""
            return
        self.message.value = ""
        m = self.payroll.by_month().reindex(self.scenario.months, fill_value=0.0)
        out = pd.DataFrame({L("accrued"): m["accrued"], L("paid"): m["paid"]})
        if "orders" in self.scenario.drivers:
            orders = self.scenario.driver("orders")
            out[L("orders")] = orders
            out[L("cost_per_order")] = (m["accrued"] / np.where(orders > 0, orders, np.nan)).round(2)
            total_orders = float(orders.sum())
            self.cost_per_order = round(self.payroll.total("accrued") / total_orders, 4) if total_orders else None
        else:
            self.cost_per_order = None
        out.index.name = L("month")
        self.table.value = frame_html(out)
