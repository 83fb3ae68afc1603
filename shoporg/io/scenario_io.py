"""Scenario files (YAML, schema ``shoporg/scenario-v1``): the monthly volumes a design is costed on.

>>> from shoporg.templates import templates_dir
>>> s = read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml")
>>> s.id, len(s.months)
('d14-double11', 12)
"""

from __future__ import annotations

from pathlib import Path

from .._types import Text, _shown, to_decimal
from ..errors import DesignFileError, DesignValidationError, Problem, error_words
from ..i18n import Phrase
from ..scenario import Scenario, ScenarioError
from .yaml_io import load_yaml

__all__ = ["read_scenario"]


def read_scenario(path) -> Scenario:
    """Read a scenario file (YAML, schema ``shoporg/scenario-v1``).

    Either ``base`` (+ ``profile``, ``fixed``) or ``months`` (a list of 12 driver
    mappings); ``roles`` gives per-role (and per-person) drivers.
    """
    path = Path(path)
    data = load_yaml(path)
    where = str(path)
    if not isinstance(data, dict):
        raise DesignFileError(Phrase("err.scenario_top"), file=where)
    allowed = {"schema", "id", "name", "description", "start", "base", "profile", "fixed", "overrides",
               "months", "roles", "supply", "notes"}
    problems = [Problem(k, Phrase("err.unknown_key", key=repr(k), hint="", allowed=", ".join(sorted(allowed))),
                        file=where) for k in data if k not in allowed]
    if data.get("schema") != "shoporg/scenario-v1":
        problems.append(Problem("schema", Phrase("err.literal", got=repr(data.get("schema")),
                                                 allowed="'shoporg/scenario-v1'"), file=where))
    if ("base" in data) == ("months" in data):
        problems.append(Problem("", Phrase("err.scenario_base_or_months"), file=where))
    supply, supply_problems = _supply(data.get("supply"), where)
    problems += supply_problems
    if problems:
        raise DesignValidationError(problems)
    kw = {"start": str(data.get("start", "2026-01")), "roles": data.get("roles") or {},
          "id": str(data.get("id", path.stem)), "name": Text.model_validate(data.get("name", path.stem)),
          "supply": supply}
    try:
        if "months" in data:
            return Scenario.from_months(data["months"], **kw)
        return Scenario.from_profile(data["base"], profile=data.get("profile", "flat"),
                                     fixed=data.get("fixed"), overrides=data.get("overrides"), **kw)
    except ScenarioError as e:
        raise ScenarioError(Phrase("err.located", where=where, message=error_words(e))) from None
    except (TypeError, ValueError, AttributeError, OverflowError) as e:
        raise ScenarioError(Phrase("err.scenario_malformed", where=where, detail=error_words(e))) from None


def _supply(data, where: str) -> tuple[dict[str, float], list[Problem]]:
    """The ``supply:`` mapping: parameter keys to numbers (each checked again, by its pay
    kind's field, when a payroll reads it), and the problems found."""
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem("supply", Phrase("err.scenario_supply", got=_shown(data)), file=where)]
    out, problems = {}, []
    for key, value in data.items():
        if not isinstance(key, str) or not key.strip():
            problems.append(Problem("supply", Phrase("err.scenario_supply_key", got=_shown(key)), file=where))
            continue
        try:
            out[key] = float(to_decimal(value, places=None, minimum=None))
        except ValueError as e:
            problems.append(Problem(f"supply.{key}", e.args[0], file=where))
    return out, problems
