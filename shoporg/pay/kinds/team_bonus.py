"""团队奖金: an amount in a month where ``when`` holds, per person (× FTE) or one pool
shared by the role's people by FTE; an optional ``scale`` multiplies it.

>>> KIND.text(TeamBonus(kind="team_bonus", amount=500, when="negative_reviews == 0", split="pool"), "zh")
'团队奖金 500元（全岗位共享；差评数 = 0 时发放）'
"""

from __future__ import annotations

from typing import Literal

from ..._types import Expr, Money
from ...i18n import pick, t
from ._kind import AMOUNT, Component, Inputs, Kind, money, qualified

__all__ = ["TeamBonus", "KIND"]

_SPLIT = {"pool": {"zh": "全岗位共享", "en": "shared by the role"}, "per_person": {"zh": "每人", "en": "each"}}


class TeamBonus(Component):
    """An amount on a monthly condition, per person or as a pool shared by the role."""

    kind: Literal["team_bonus"]
    amount: Money | None
    when: Expr | None = None
    split: Literal["per_person", "pool"] = "per_person"
    scale: Expr | None = None
    """A multiplier, e.g. ``kpi_score / 100``."""


class _TeamBonus(Kind):
    model = TeamBonus
    label = {"zh": "团队奖金", "en": "Team bonus"}
    fields = {"amount": AMOUNT}
    keys = "`amount` 元 (or `null`), `when`, `split`: `per_person` or `pool`, `scale`"

    def amount(self, c, inp: Inputs):
        import numpy as np  # loaded when an amount is computed: reading or showing a design does without it
        if c.split == "pool":
            return "pool", np.asarray(inp.param("amount"))
        return "people", inp.param("amount") * inp.shares

    def text(self, c, lang):
        body = f"{self.name_of(c, lang)} {t('pay.missing', lang) if c.amount is None else money(c.amount, lang)}"
        return qualified(body, [pick(_SPLIT[c.split], lang)] + self.condition_text(c, lang), lang)


KIND = _TeamBonus()
