"""营业额奖金: a rate on revenue, paid in a month where its ``gate`` holds.

``shop``: the shop's revenue, each person × FTE; ``team`` and ``personal``: the role's
revenue, a pool shared by FTE, unless the scenario gives each person's revenue.

>>> KIND.text(RevenueBonus(kind="revenue_bonus", rate=None, gate="attainment >= 1"), "en")
'Revenue bonus (not given in the source, paid when attainment of the sales plan ≥ 100%)'
"""

from __future__ import annotations

from typing import Literal

from ... import fmt
from ..._types import DriverName, Expr, Rate
from ...i18n import driver_name, t
from ._kind import RATE, Component, Inputs, Kind, qualified

__all__ = ["RevenueBonus", "KIND"]


class RevenueBonus(Component):
    """A rate on revenue (营业额奖金), paid only in a month where ``gate`` holds."""

    kind: Literal["revenue_bonus"]
    rate: Rate | None
    driver: DriverName = "revenue"
    scope: Literal["shop", "team", "personal"] = "shop"
    gate: Expr | None = None
    scale: Expr | None = None
    """A multiplier, e.g. ``kpi_score / 100`` to pay the bonus in proportion to a KPI score."""
    CONDITION = "gate"


class _RevenueBonus(Kind):
    model = RevenueBonus
    label = {"zh": "营业额奖金", "en": "Revenue bonus"}
    fields = {"rate": RATE}
    new_driver = "revenue"
    keys = ("`rate` (fraction of revenue, 0–1, or `null`), `driver` (default `revenue`), `scope`: `shop`, "
            "`team` or `personal`, `gate` (condition), `scale` (a multiplier such as `kpi_score / 100`)")

    def amount(self, c, inp: Inputs):
        if c.scope == "shop":
            return "people", inp.param("rate") * inp.shop(c.driver) * inp.shares
        rev = inp.driver(c.driver)
        if rev.shape[-1] == 1:
            return "pool", inp.param("rate") * rev[..., 0]
        return "people", inp.param("rate") * rev

    def text(self, c, lang):
        share = t("pay.missing", lang) if c.rate is None else f"{fmt.number(c.rate * 100, lang, digits=4)}% × {driver_name(c.driver, lang)}"
        return qualified(self.name_of(c, lang), [share] + self.condition_text(c, lang), lang)


KIND = _RevenueBonus()
