"""Pay rules: the component kinds a role's pay is built from (:mod:`shoporg.pay.kinds`,
one module each, in the :data:`PAY_KINDS` registry), the safe expression language their
conditions are written in, and the payroll engine."""

from .components import (
                         PAY_KINDS,
                         Allowance,
                         Base,
                         Deduction,
                         PayComponent,
                         PieceRate,
                         RevenueBonus,
                         TeamBonus,
                         missing_parameters,
)
from .expr import (
                         Expression,
                         ExpressionError,
                         evaluate_rules,
                         evaluation_order,
                         parse_expression,
)
from .kinds import Kind, register, unregister

__all__ = ["PAY_KINDS", "Allowance", "Base", "Deduction", "PayComponent", "PieceRate",
           "RevenueBonus", "TeamBonus", "missing_parameters", "Kind", "register", "unregister",
           "Expression", "ExpressionError", "parse_expression", "evaluation_order", "evaluate_rules"]
