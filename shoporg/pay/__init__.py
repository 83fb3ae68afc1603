"""Pay rules: the component kinds a role's pay is built from.

The payroll engine that computes them month by month builds on these declarations.
"""

from .components import (PAY_KINDS, Allowance, Base, Deduction, PayComponent, PieceRate,
                         RevenueBonus, TeamBonus, missing_parameters)

__all__ = ["PAY_KINDS", "Allowance", "Base", "Deduction", "PayComponent", "PieceRate",
           "RevenueBonus", "TeamBonus", "missing_parameters"]
