"""Pay components as data: one small frozen model per kind, told apart by ``kind``.

The models live with their kinds in :mod:`shoporg.pay.kinds`; this module names them
for code that imports them from here.

A parameter the source document leaves blank is written ``null`` in the design file
(``rate: null``) and kept as ``None``: it is *missing*, not zero, and
:func:`missing_parameters` lists it so a calculation can refuse to guess.

>>> c = PieceRate(kind="piece_rate", driver="orders_picked", rate=2)
>>> c.rate, c.basis
(Decimal('2'), 'pooled')
>>> missing_parameters(RevenueBonus(kind="revenue_bonus", rate=None))
['rate']
"""

from __future__ import annotations

from .kinds import PAY_KINDS, PayComponent, missing_parameters
from .kinds.allowance import Allowance
from .kinds.base import Base
from .kinds.deduction import Deduction
from .kinds.piece_rate import PieceRate
from .kinds.revenue_bonus import RevenueBonus
from .kinds.team_bonus import TeamBonus

__all__ = ["PAY_KINDS", "Base", "PieceRate", "RevenueBonus", "TeamBonus", "Allowance",
           "Deduction", "PayComponent", "missing_parameters"]
