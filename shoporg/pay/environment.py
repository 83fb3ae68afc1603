"""The driver environment of a payroll: every value a pay rule reads, computed once.

For one design under one or more scenarios (already fitted to its headcount, see
:func:`shoporg.scenario.fit_people`) it gives a driver as an array ``(scenarios, 12, 1)``
(shop-wide or per role) or ``(scenarios, 12, people)`` (per person). Scenario drivers,
the design's ``rules`` (derived drivers, each worked out after the rules it reads) and
conditions are each evaluated once per role that has drivers of its own, once for all
the others; every expression is parsed once (:func:`~shoporg.pay.expr.parse_expression`
keeps what it parsed).

>>> from shoporg import Scenario
>>> from shoporg.io.yaml_io import design_from_dict
>>> d = design_from_dict({"schema": "shoporg/design-v1", "id": "x", "name": "x",
...     "rules": {"capped": "min(orders, 4000)"}, "roles": [{"id": "picker", "name": "捡单员"}]})
>>> env = Environment(d, [Scenario.from_profile({"orders": 3000}, overrides={"orders": {"2026-11": 9000}})])
>>> env.driver("capped", "picker")[0, 9:, 0].tolist()
[3000.0, 4000.0, 3000.0]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..errors import error_words, quoted_role
from ..i18n import Phrase, quoted_driver
from ..scenario import MONTHS, Scenario, ScenarioError
from .amounts import PayrollError
from .expr import ExpressionError, parse_expression

__all__ = ["Environment"]


class Environment:
    """Driver values of ``design`` under ``scenarios`` (see the module docstring)."""

    def __init__(self, design, scenarios: Sequence[Scenario]):
        self.scenarios = list(scenarios)
        self.size = len(self.scenarios)
        self.rules = {name: parse_expression(text, where=f"rules.{name}") for name, text in design.rules.items()}
        self._own = {rid for s in self.scenarios for rid in s.roles}  # roles with drivers of their own
        self._names = {r.id: r.name for r in design.roles}  # to name a role in an error
        self._values: dict[tuple, np.ndarray] = {}

    def key(self, role_id: str | None) -> str | None:
        """Whose values a role reads: its own id when a scenario gives it drivers, else None
        (the shop's, the same for every such role)."""
        return role_id if role_id in self._own else None

    def driver(self, name: str, role_id: str | None = None) -> np.ndarray:
        """A driver (or rule) for ``role_id`` (its own values, else the shop's)."""
        key = ("driver", name, self.key(role_id))
        if key not in self._values:
            if name in self.rules:
                expr = self.rules[name]
                value = expr.evaluate({n: self.driver(n, role_id) for n in expr.names})
            else:
                value = self._scenario_driver(name, role_id)
            self._values[key] = self._shaped(value, float)
        return self._values[key]

    def shop(self, name: str) -> np.ndarray:
        """A shop-wide driver (or rule)."""
        return self.driver(name, None)

    def fed(self, name: str, role_id: str | None = None) -> bool:
        """Whether the driver (or rule) has a value other than 0 in some month: False
        when it, or a driver a rule reads, is absent or all zero."""
        try:
            return bool(np.abs(self.driver(name, role_id)).sum() > 0)
        except (ScenarioError, PayrollError, ExpressionError):
            return False

    def inputs(self, names, role_id: str | None) -> dict[str, np.ndarray]:
        """The values of ``names`` for ``role_id``."""
        return {n: self.driver(n, role_id) for n in sorted(names)}

    def evaluate(self, text: str, where: str, role_id: str | None, dtype=float) -> np.ndarray:
        """An expression (a condition with ``dtype=bool``, a ``scale``) for ``role_id``."""
        expr = parse_expression(text, where=where)
        key = ("expr", text, dtype, self.key(role_id))
        if key not in self._values:
            self._values[key] = self._shaped(expr.evaluate(self.inputs(expr.names, role_id)), dtype)
        return self._values[key]

    def _scenario_driver(self, name: str, role_id: str | None) -> np.ndarray:
        try:
            if role_id in self._own:
                arrays = [s.driver(name, role_id) for s in self.scenarios]
            else:  # shop-wide values: read straight from each scenario (sweeps have thousands)
                arrays = [s.drivers[name] if name in s.drivers else s.driver(name) for s in self.scenarios]
        except ScenarioError as e:
            if role_id is None:
                raise
            raise PayrollError(Phrase("err.pay_needs_driver", role=quoted_role(role_id, self._names.get(role_id)),
                                      driver=quoted_driver(name), reason=error_words(e))) from None
        if all(a.ndim == 1 for a in arrays):  # the usual case, kept fast
            return np.concatenate(arrays).reshape(self.size, MONTHS, 1)
        k = max(a.shape[1] if a.ndim == 2 else 1 for a in arrays)
        return np.stack([np.broadcast_to(a if a.ndim == 2 else a[:, None], (MONTHS, k)) for a in arrays])

    def _shaped(self, value, dtype) -> np.ndarray:
        value = np.asarray(value, dtype=dtype)
        return np.broadcast_to(value, (self.size, MONTHS, 1)) if value.ndim < 3 else value
