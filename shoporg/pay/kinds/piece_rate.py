"""计件提成: an amount per unit of a driver (每单提成2元), pooled by the role or per person.

``pooled``: rate × the role's driver, one pool a month shared by FTE; ``per_person``:
rate × each person's own count (or the role's count for each person).

>>> KIND.text(PieceRate(kind="piece_rate", driver="orders_picked", rate=2), "zh")
'计件提成 每拣货单2元'
"""

from __future__ import annotations

from typing import Literal

from ..._types import DriverName, Expr, Money
from ...i18n import pick, t
from ._kind import RATE, Component, Inputs, Kind, per_unit, qualified

__all__ = ["PieceRate", "KIND"]

class PieceRate(Component):
    """An amount per unit of a driver (每单提成2元).

    ``basis: pooled`` splits the role's total driver among its people;
    ``per_person`` applies the rate to each person's own count.
    """

    kind: Literal["piece_rate"]
    driver: DriverName
    rate: Money | None
    basis: Literal["pooled", "per_person"] = "pooled"
    when: Expr | None = None


#: how the basis reads after the rate (nothing in Chinese for the usual pooled rate)
_BASIS = {"pooled": {"zh": "", "en": " (shared by the role)"},
          "per_person": {"zh": "（按人计）", "en": " (per person)"}}


class _PieceRate(Kind):
    model = PieceRate
    label = {"zh": "计件提成", "en": "Piece rate"}
    fields = {"rate": RATE}
    new_driver = "orders"
    keys = ("`driver` (e.g. `orders_picked`), `rate` 元 per unit, `basis`: `pooled` (the role's total "
            "shared by its people) or `per_person`, `when`")

    def amount(self, c, inp: Inputs):
        units = inp.driver(c.driver)
        if c.basis == "pooled" and units.shape[-1] == 1:
            return "pool", inp.param("rate") * units[..., 0]
        return "people", inp.param("rate") * units

    def text(self, c, lang):
        name = self.name_of(c, lang)
        if c.rate is None:
            return qualified(name, [t("pay.missing", lang)] + self.condition_text(c, lang), lang)
        body = f"{name} {per_unit(c.rate, c.driver, lang)}{pick(_BASIS[c.basis], lang)}"
        return qualified(body, self.condition_text(c, lang), lang)


KIND = _PieceRate()
