"""Scenario files (YAML, schema ``shoporg/scenario-v1``): the monthly volumes a design is costed on.

>>> from shoporg.templates import templates_dir
>>> s = read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml")
>>> s.id, len(s.months)
('d14-double11', 12)
"""

from __future__ import annotations

import difflib
import math
import re
from pathlib import Path

from pydantic import ValidationError

from .._types import NUMBER_MAX, Text, _shown, to_decimal
from ..drivers import DRIVERS
from ..errors import DesignFileError, Problem, error_words
from ..i18n import Phrase, listed_drivers, quoted_driver
from ..scenario import _LARGEST, Scenario, ScenarioError
from ..validation import FileProblemsError
from .yaml_io import _line_index, _nearest_line, _read_text, load_yaml

__all__ = ["read_scenario"]

_DRIVER_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")


def _shop_wide(data: dict) -> dict:
    """The shop-wide drivers a scenario gives, each at its key path."""
    out = {}
    for key in ("base", "fixed"):
        if isinstance(data.get(key), dict):
            out.update({name: f"{key}.{name}" for name in data[key]})
    months = data.get("months")
    for i, month in enumerate(months if isinstance(months, list) else []):
        if isinstance(month, dict):
            out.update({name: f"months[{i}].{name}" for name in month if name not in out})
    return out


def _driver_problems(data: dict, designs) -> list[Problem]:
    """Driver names and per-role drivers: every name is a snake_case driver name; a role's
    driver is one the catalogue knows or one the scenario gives shop-wide (a per-role value
    overrides a shop-wide one; any other name would be read by nothing); with ``designs``,
    every role is a role of one of them."""
    problems = []
    shop = _shop_wide(data)
    for name, here in shop.items():
        if not isinstance(name, str) or not _DRIVER_NAME.fullmatch(name):
            problems.append(Problem(here, Phrase("err.scenario_driver_name", name=repr(name))))
    roles = data.get("roles")
    if roles is None:
        return problems
    if not isinstance(roles, dict):
        return problems + [Problem("roles", Phrase("err.mapping", got=repr(roles)[:60]))]
    known = sorted(set(DRIVERS) | {n for n in shop if isinstance(n, str)})
    ids = None if designs is None else list(dict.fromkeys(r.id for d in designs for r in d.roles))
    for rid, drivers in roles.items():
        here = f"roles.{rid}"
        if ids is not None and rid not in ids:
            problems.append(Problem(here, Phrase("err.scenario_role", id=repr(rid), ids=", ".join(ids))))
        if not isinstance(drivers, dict):
            problems.append(Problem(here, Phrase("err.mapping", got=repr(drivers)[:60])))
            continue
        for name in drivers:
            if not isinstance(name, str) or not _DRIVER_NAME.fullmatch(name):
                problems.append(Problem(f"{here}.{name}", Phrase("err.scenario_driver_name", name=repr(name))))
            elif name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                hint = Phrase("err.suggest", close=quoted_driver(close[0])) if close else ""
                problems.append(Problem(f"{here}.{name}", Phrase("err.scenario_driver_unknown", name=quoted_driver(name),
                                                                 hint=hint, known=listed_drivers(known))))
    return problems


_BASE_60 = re.compile(r"[-+]?\d+(:[0-5]?\d)+(\.\d*)?")


def _not_a_number(value) -> Phrase | None:
    """Why a driver's value is no number (None when it is one): the text it is, with a
    word for YAML 1.1's base-60 numbers (``1:30``, which YAML 1.1 read as 90).

    >>> _not_a_number(3000) is None, _not_a_number("1:30").text("en")
    (True, "a number was expected, got the text '1:30' (YAML 1.1 would read it as 90, in base 60; write the number you mean)")
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
        return Phrase("err.finite", got=_shown(value))  # past any float: no volume is meant
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _too_large(value)
    if isinstance(value, str):
        try:
            number = float(value)  # YAML 1.1 reads 1e300 (no dot) as text; the scenario reads it as the number
        except ValueError:
            pass
        else:
            return _too_large(number)
    if isinstance(value, str) and _BASE_60.fullmatch(value.strip()):
        digits = value.strip().lstrip("+-").split(":")
        whole = 0.0
        for part in digits:
            whole = whole * 60 + float(part)
        shown = f"{-whole if value.strip().startswith('-') else whole:g}"
        return Phrase("err.scenario_base_60", got=repr(value), read=shown)
    if isinstance(value, str):
        return Phrase("err.scenario_text", got=_shown(value))
    return Phrase("err.scenario_value", got=_shown(value))


def _too_large(number) -> Phrase | None:
    """Why a driver's value is refused for its size (None when it is not): past
    :data:`~shoporg._types.NUMBER_MAX` no count or amount of a shop is meant.

    >>> _too_large(120000) is None, _too_large(1.8e306).text("en")
    (True, 'must be <= 1000000000000000, got 1.8e+306')
    """
    number = float(number)
    if not math.isfinite(number) or abs(number) <= _LARGEST:  # NaN, inf: the finite check names them
        return None
    return Phrase("err.max", maximum=NUMBER_MAX, got=_shown(number))


def _value_problems(data: dict) -> list[Problem]:
    """Every driver value that is not a number (or a list of them, per person), at its key."""
    problems = []

    def leaf(value, here: str) -> None:
        if isinstance(value, list):
            for i, item in enumerate(value):
                leaf(item, f"{here}[{i}]")
        elif (why := _not_a_number(value)) is not None:
            problems.append(Problem(here, why))

    for key in ("base", "fixed"):
        if isinstance(data.get(key), dict):
            for name, value in data[key].items():
                leaf(value, f"{key}.{name}")
    months = data.get("months")
    for i, month in enumerate(months if isinstance(months, list) else []):
        if isinstance(month, dict):
            for name, value in month.items():
                leaf(value, f"months[{i}].{name}")
    overrides = data.get("overrides")
    for name, by_month in (overrides.items() if isinstance(overrides, dict) else ()):
        if isinstance(by_month, dict):
            for month, value in by_month.items():
                leaf(value, f"overrides.{name}.{month}")
    roles = data.get("roles")
    for rid, drivers in (roles.items() if isinstance(roles, dict) else ()):
        if isinstance(drivers, dict):
            for name, value in drivers.items():
                leaf(value, f"roles.{rid}.{name}")
    return problems


def read_scenario(path, designs=None) -> Scenario:
    """Read a scenario file (YAML, schema ``shoporg/scenario-v1``).

    Either ``base`` (+ ``profile``, ``fixed``) or ``months`` (a list of 12 driver
    mappings); ``roles`` gives per-role (and per-person) drivers.

    Every driver name is snake_case; a role's drivers are ones the catalogue knows
    (:data:`shoporg.drivers.DRIVERS`) or ones the scenario gives shop-wide. With
    ``designs`` (a design or several: the options the scenario is for), every role under
    ``roles`` must be a role of one of them. Problems name the file, the key and the line.
    """
    path = Path(path)
    text = _read_text(path)
    data = load_yaml(path, text)
    where = str(path)
    if designs is not None and hasattr(designs, "roles"):
        designs = [designs]
    if not isinstance(data, dict):
        raise DesignFileError(Phrase("err.scenario_top"), file=where)
    allowed = {"schema", "id", "name", "description", "start", "base", "profile", "fixed", "overrides",
               "months", "roles", "supply", "notes", "employment",
               "brief"}  # brief: the form it was made from (brief_io)
    problems = [Problem(k, Phrase("err.unknown_key", key=repr(k), hint="", allowed=", ".join(sorted(allowed))),
                        file=where) for k in data if k not in allowed]
    if data.get("schema") != "shoporg/scenario-v1":
        problems.append(Problem("schema", Phrase("err.literal", got=repr(data.get("schema")),
                                                 allowed="'shoporg/scenario-v1'"), file=where))
    if ("base" in data) == ("months" in data):
        problems.append(Problem("", Phrase("err.scenario_base_or_months"), file=where))
    try:
        name = Text.model_validate(data.get("name", path.stem))
    except ValidationError:
        problems.append(Problem("name", Phrase("err.scenario_name", got=repr(data.get("name"))[:60]), file=where))
    problems += _driver_problems(data, designs)
    problems += [p.at(where) for p in _value_problems(data)]
    supply, supply_problems = _supply(data.get("supply"), where, designs)
    problems += supply_problems
    problems += [p.at(where) for p in _employment_problems(data.get("employment"))]
    if problems:
        lines = _line_index(text)
        raise FileProblemsError([p.at(where, _nearest_line(lines, p.location) if p.location else None)
                                 for p in problems], "word.scenario_file", where)
    kw = {"start": str(data.get("start", "2026-01")), "roles": data.get("roles") or {},
          "id": str(data.get("id", path.stem)), "name": name,
          "supply": supply, "employment": data.get("employment")}
    try:
        if "months" in data:
            return Scenario.from_months(data["months"], **kw)
        return Scenario.from_profile(data["base"], profile=data.get("profile", "flat"),
                                     fixed=data.get("fixed"), overrides=data.get("overrides"), **kw)
    except ScenarioError as e:
        raise ScenarioError(Phrase("err.located", where=where, message=error_words(e))) from None
    except (TypeError, ValueError, AttributeError, OverflowError) as e:
        raise ScenarioError(Phrase("err.scenario_malformed", where=where, detail=error_words(e))) from None


def _employment_problems(block) -> list[Problem]:
    """The ``employment:`` overrides checked as the design's employment block checks them,
    each at ``employment.<key>``; a scenario need not name the city (the design's stays)."""
    from ..model import Employment
    from ..validation import problems_from_pydantic

    if block is None:
        return []
    if not isinstance(block, dict):
        return [Problem("employment", Phrase("err.mapping", got=_shown(block)))]
    try:
        Employment.model_validate({"city": "-", **block})  # a stand-in city when the scenario gives none
    except ValidationError as e:
        return [Problem(f"employment.{p.location}".rstrip("."), p.phrase or p.message)
                for p in problems_from_pydantic(e, Employment)]
    return []


def _supply(data, where: str, designs=None) -> tuple[dict[str, float], list[Problem]]:
    """The ``supply:`` mapping: parameter keys to numbers, and the problems found, each at
    ``supply.<key>`` with what is allowed there. With ``designs``, a key that fills a
    parameter of one of them is checked by that pay kind's field (a rate 0–1, money
    within its bounds), as the design file's value would be; the payroll checks it again."""
    from ..pay.amounts import PayrollError, checked_supply

    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem("supply", Phrase("err.scenario_supply", got=_shown(data)), file=where)]
    out, problems = {}, []
    for key, value in data.items():
        if not isinstance(key, str) or not key.strip():
            problems.append(Problem("supply", Phrase("err.scenario_supply_key", got=_shown(key)), file=where))
            continue
        here = f"supply.{key}"
        try:
            for design in designs or ():
                checked_supply(design, {key: value})
        except PayrollError as e:  # err.pay_supply_value: the component, the reason and what is allowed
            fields = e.phrase.fields if e.phrase is not None else {}
            problems.append(Problem(here, Phrase("err.scenario_supply_value", reason=fields.get("reason", str(e)),
                                                 allowed=fields.get("allowed", ""), where=fields.get("where", key)),
                                    file=where))
            continue
        try:
            out[key] = float(to_decimal(value, places=None, minimum=None))
        except ValueError as e:
            problems.append(Problem(here, Phrase("err.scenario_supply_number", reason=e.args[0]), file=where))
    return out, problems
