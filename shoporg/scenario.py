"""Scenarios: the business volume of each month of a 12-month plan.

A scenario holds drivers (``orders``, ``revenue``, ``consultations``, ``complaints``,
``reviews_reversed``, ``review_followups``, ``negative_reviews``, ``store_incidents``,
``attainment`` ...) as arrays of 12 monthly values, optionally per role and per person
(``attainment`` of each of five sales agents). Build one month by month, or from a
monthly base and a seasonality profile with 双11 / 618 / 年货节 peaks.

>>> s = Scenario.from_profile({"orders": 3000}, profile="double11", start="2026-01")
>>> s.months[10], int(s.driver("orders")[10]), int(s.driver("orders")[0])
('2026-11', 7500, 3000)
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from . import fmt
from ._types import NUMBER_MAX, Text
from .errors import ShopOrgError
from .i18n import Phrase, driver_name, listed_drivers, quoted_driver, t

__all__ = ["MONTHS", "PROFILES", "Scenario", "ScenarioError", "month_labels",
           "Filled", "fit_people", "filled_note"]

MONTHS = 12

#: Seasonality presets: a factor per calendar month (Jan..Dec) on the monthly base.
#: These are illustrative shapes, not measured data: 年货节 lifts January before the
#: Spring Festival and drops February, 618 lifts June, 双11 lifts November and 双12
#: December. Replace them with the client's own history where there is one.
PROFILES: dict[str, tuple[float, ...]] = {
    "flat": (1,) * 12,
    "double11": (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2.5, 1),
    "618": (1, 1, 1, 1, 1, 1.8, 1, 1, 1, 1, 1, 1),
    "new_year": (1.5, 0.7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    "tmall_year": (1.3, 0.7, 0.9, 0.9, 1.1, 1.8, 0.9, 0.9, 1.0, 1.1, 2.5, 1.4),
}

#: Drivers that are rates or flags, not volumes: a seasonality profile leaves them alone.
NOT_SCALED = frozenset({"attainment", "store_incidents", "negative_reviews"})
#: The largest value of a driver (10^15, :data:`shoporg._types.NUMBER_MAX`): past it no count
#: or amount of a shop is meant.
_LARGEST = float(NUMBER_MAX)


class ScenarioError(ShopOrgError):
    """A scenario that is malformed or lacks what a rule needs."""


def month_labels(start: str, n: int = MONTHS) -> list[str]:
    """``n`` consecutive months from ``start`` as ``YYYY-MM``.

    >>> month_labels("2026-11", 3)
    ['2026-11', '2026-12', '2027-01']
    """
    m = re.fullmatch(r"(\d{4})-(\d{2})", str(start))
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ScenarioError(Phrase("err.scenario_start", got=repr(start)))
    y, mo = int(m.group(1)), int(m.group(2)) - 1
    return [f"{y + (mo + i) // 12:04d}-{(mo + i) % 12 + 1:02d}" for i in range(n)]


def _series(name: str, values: Any, where: str, persons: bool = False) -> np.ndarray:
    """Check one driver's values: 12 months (each a number, or a list per person)."""
    try:
        arr = np.asarray(values, dtype=float) if not isinstance(values, (int, float)) else np.full(MONTHS, float(values))
    except OverflowError:  # an integer past any float (hundreds of digits)
        raise ScenarioError(Phrase("err.scenario_finite", where=where, driver=quoted_driver(name))) from None
    if arr.ndim == 0:
        arr = np.full(MONTHS, float(arr))
    if persons and arr.ndim == 2 and arr.shape[0] == 1:  # one row of per-person values: every month
        arr = np.repeat(arr, MONTHS, axis=0)
    if arr.shape[0] != MONTHS or arr.ndim > (2 if persons else 1):
        raise ScenarioError(Phrase("err.scenario_shape", where=where, driver=quoted_driver(name), n=MONTHS,
                                   persons=Phrase("err.scenario_persons") if persons else "", shape=arr.shape))
    if not np.isfinite(arr).all():
        raise ScenarioError(Phrase("err.scenario_finite", where=where, driver=quoted_driver(name)))
    if (np.abs(arr) > _LARGEST).any():
        raise ScenarioError(Phrase("err.scenario_too_large", where=where, driver=quoted_driver(name),
                                   maximum={lang: fmt.number(_LARGEST, lang) for lang in ("zh", "en")}))
    if (arr < 0).any():
        i = int(np.argwhere(arr < 0)[0][0])
        value = arr.flat[np.flatnonzero(arr < 0)[0]]
        raise ScenarioError(Phrase("err.scenario_negative", where=where, driver=quoted_driver(name), month=i + 1,
                                   value={"zh": fmt.number(value, "zh", digits=4) if value > -1e15 else f"{value:g}",
                                          "en": f"{value:g}"}))
    return arr


@dataclass(frozen=True)
class Scenario:
    """Twelve months of business drivers, shop-wide and optionally per role.

    ``drivers[name]`` is an array of 12 floats. ``roles[role_id][name]`` overrides a
    driver for one role, as 12 values, a 12 × persons array (per-person attainment),
    or one row ``[[p1, p2, ...]]`` that holds for every month.
    """

    start: str
    drivers: Mapping[str, np.ndarray]
    roles: Mapping[str, Mapping[str, np.ndarray]] = field(default_factory=dict)
    name: Text = field(default_factory=lambda: Text(zh="情景", en="Scenario"))
    id: str = "scenario"
    supply: Mapping[str, float] = field(default_factory=dict)
    """Values for pay parameters a design leaves blank, keyed ``"<role>.pay[<i>].<param>"``."""
    employment: Mapping[str, Any] | None = None
    """Keys of the design's employment block this scenario overrides (``city``, ``base_rule``...)."""

    def __post_init__(self):
        month_labels(self.start)
        drivers = {k: _series(k, v, "drivers") for k, v in self.drivers.items()}
        roles = {r: {k: _series(k, v, f"roles.{r}", persons=True) for k, v in d.items()}
                 for r, d in self.roles.items()}
        object.__setattr__(self, "drivers", drivers)
        object.__setattr__(self, "roles", roles)

    # -- building -----------------------------------------------------------------
    @classmethod
    def from_months(cls, months: Sequence[Mapping[str, float]], start: str = "2026-01",
                    roles: Mapping[str, Mapping[str, Any]] | None = None, **kw) -> "Scenario":
        """From a list of 12 dicts of driver values, one per month.

        >>> s = Scenario.from_months([{"orders": 100 * (i + 1)} for i in range(12)])
        >>> s.driver("orders")[:3].tolist()
        [100.0, 200.0, 300.0]
        """
        if len(months) != MONTHS:
            raise ScenarioError(Phrase("err.scenario_months", n=MONTHS, got=len(months)))
        names = sorted({k for m in months for k in m})
        for i, m in enumerate(months):
            missing = [n for n in names if n not in m]
            if missing:
                label = month_labels(start)[i]
                raise ScenarioError(Phrase("err.scenario_month_lacks", i=i, drivers=listed_drivers(missing),
                                           month={"zh": fmt.month(label, "zh"), "en": label}))
        return cls(start=start, drivers={n: [m[n] for m in months] for n in names}, roles=roles or {}, **kw)

    @classmethod
    def from_profile(cls, base: Mapping[str, float], profile: str | Sequence[float] = "flat",
                     start: str = "2026-01", fixed: Mapping[str, float] | None = None,
                     roles: Mapping[str, Mapping[str, Any]] | None = None,
                     overrides: Mapping[str, Mapping[str, float]] | None = None, **kw) -> "Scenario":
        """A monthly ``base`` shaped by a seasonality ``profile`` (a preset name or 12 factors
        by calendar month); ``fixed`` drivers (and rates such as ``attainment``) are not scaled.
        ``overrides`` sets single months: ``{"store_incidents": {"2026-02": 1}}``.

        >>> s = Scenario.from_profile({"store_incidents": 0}, overrides={"store_incidents": {"2026-02": 1}})
        >>> s.driver("store_incidents")[:3].tolist()
        [0.0, 1.0, 0.0]
        """
        for k, v in base.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool) and abs(float(v)) > _LARGEST:
                _series(k, float(v), "base")  # refused before the profile scales it past any float
        factors = _profile(profile)
        first = int(start[5:7]) - 1 if re.fullmatch(r"\d{4}-\d{2}", str(start)) else 0
        shaped = np.array([factors[(first + i) % 12] for i in range(MONTHS)])
        drivers = {k: (np.full(MONTHS, float(v)) if k in NOT_SCALED else np.round(float(v) * shaped, 2))
                   for k, v in base.items()}
        drivers.update({k: np.full(MONTHS, float(v)) for k, v in (fixed or {}).items()})
        labels = month_labels(start)
        for name, by_month in (overrides or {}).items():
            if name not in drivers:
                raise ScenarioError(Phrase("err.located", where=f"overrides.{name}", message=Phrase(
                    "err.scenario_not_driver", drivers=listed_drivers(sorted(drivers)))))
            for month, value in by_month.items():
                if str(month) not in labels:
                    outside = Phrase("err.month_not_in_plan", month=repr(month),
                                     first={"zh": fmt.month(labels[0], "zh"), "en": labels[0]},
                                     last={"zh": fmt.month(labels[-1], "zh"), "en": labels[-1]})
                    raise ScenarioError(Phrase("err.located", where=f"overrides.{name}", message=outside))
                drivers[name][labels.index(str(month))] = float(value)
        return cls(start=start, drivers=drivers, roles=roles or {}, **kw)

    # -- reading ------------------------------------------------------------------
    @property
    def months(self) -> list[str]:
        return month_labels(self.start)

    @property
    def names(self) -> list[str]:
        """Every driver name the scenario gives, shop-wide or for a role."""
        return sorted(set(self.drivers) | {k for d in self.roles.values() for k in d})

    def driver(self, name: str, role: str | None = None) -> np.ndarray:
        """A driver's 12 monthly values (for ``role`` when it has its own)."""
        if role is not None and name in self.roles.get(role, {}):
            return self.roles[role][name]
        if name not in self.drivers:
            hint = difflib.get_close_matches(name, self.names, n=1)
            raise ScenarioError(Phrase("err.scenario_no_driver", driver=quoted_driver(name),
                                       scenario={"zh": f"“{getattr(self.name, 'zh', None) or self.id}”", "en": repr(self.id)},
                                       hint=Phrase("err.suggest", close=quoted_driver(hint[0])) if hint else "",
                                       drivers=listed_drivers(self.names) if self.names else Phrase("word.none")))
        return self.drivers[name]

    def with_drivers(self, **changes: Any) -> "Scenario":
        """A copy with some shop-wide drivers replaced (12 values or one for every month)."""
        drivers = dict(self.drivers)
        drivers.update(changes)
        return Scenario(start=self.start, drivers=drivers, roles=self.roles, name=self.name, id=self.id,
                        supply=self.supply, employment=self.employment)

    def people_mismatches(self, design) -> list[tuple[str, str, int, int]]:
        """``(role, driver, people in the scenario, people in the design)`` for every
        per-person driver whose number of people differs from the design's role.

        >>> import shoporg
        >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
        >>> s.people_mismatches(shoporg.load_template("seed-14-basic-22").with_headcount("sales_cs", 7))
        [('sales_cs', 'attainment', 5, 7)]
        """
        out = []
        for rid, drivers in self.roles.items():
            if rid not in design.role_ids:
                continue
            people = math.ceil(design.role(rid).headcount)
            out += [(rid, k, v.shape[1], people) for k, v in drivers.items() if v.ndim == 2 and v.shape[1] != people]
        return out

    def averaged(self, design=None) -> "Scenario":
        """A copy with per-person drivers replaced by their mean over the people, month by
        month: all of them, or with a ``design`` only those of :meth:`people_mismatches`
        (the people a design adds have no values of their own).

        >>> import shoporg
        >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
        >>> s.driver("attainment", "sales_cs").shape, s.averaged().driver("attainment", "sales_cs")[:2].round(2).tolist()
        ((12, 5), [1.06, 1.06])
        """
        misfit = None if design is None else {(r, k) for r, k, _, _ in self.people_mismatches(design)}
        roles = {rid: {k: (v.mean(axis=1) if v.ndim == 2 and (misfit is None or (rid, k) in misfit) else v)
                       for k, v in drivers.items()} for rid, drivers in self.roles.items()}
        return Scenario(start=self.start, drivers=self.drivers, roles=roles, name=self.name, id=self.id,
                        supply=self.supply, employment=self.employment)

    def table(self):
        """The shop-wide drivers as a DataFrame, one row per month."""
        return pd.DataFrame({k: v for k, v in sorted(self.drivers.items())}, index=pd.Index(self.months, name="month"))


class Filled(NamedTuple):
    """A per-person driver fitted to a role's headcount: the scenario gave ``given``
    people's values, the role has ``people``."""

    role: str
    driver: str
    given: int
    people: int


def fit_people(scenario: Scenario, design) -> tuple[Scenario, tuple[Filled, ...]]:
    """The scenario with every per-person driver fitted to the design's headcount, and
    what was fitted. A role with more people than values: the extra people take the mean
    of the given people's values, month by month; with fewer, the first people's values
    are kept. A scenario that fits is returned as it is.

    >>> import shoporg
    >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    >>> seven = shoporg.load_template("seed-14-basic-22").with_headcount("sales_cs", 7)
    >>> fitted, filled = fit_people(s, seven)
    >>> filled
    (Filled(role='sales_cs', driver='attainment', given=5, people=7),)
    >>> fitted.driver("attainment", "sales_cs")[0].round(2).tolist()
    [1.1, 1.0, 0.95, 1.2, 1.05, 1.06, 1.06]
    """
    filled: list[Filled] = []
    roles = {}
    for rid, drivers in scenario.roles.items():
        if rid not in design.role_ids:
            roles[rid] = drivers
            continue
        people = math.ceil(design.role(rid).headcount)
        fitted = {}
        for name, v in drivers.items():
            if v.ndim == 2 and v.shape[1] != people:
                filled.append(Filled(rid, name, v.shape[1], people))
                if v.shape[1] > people:
                    v = v[:, :people]
                else:
                    v = np.hstack([v, np.repeat(v.mean(axis=1, keepdims=True), people - v.shape[1], axis=1)])
            fitted[name] = v
        roles[rid] = fitted
    if not filled:
        return scenario, ()
    return (Scenario(start=scenario.start, drivers=scenario.drivers, roles=roles, name=scenario.name,
                     id=scenario.id, supply=scenario.supply, employment=scenario.employment), tuple(filled))


def filled_note(filled, designs=(), lang: str = "zh") -> str:
    """What :func:`fit_people` did, one sentence per fitted driver (empty when nothing was),
    with the role names of ``designs`` (a design or several).

    >>> print(filled_note([Filled("sales_cs", "attainment", 5, 7)], lang="en"))
    The scenario gives 5 people's attainment of the sales plan for sales_cs, which has 7: for the other 2, their mean is used.
    """
    designs = [designs] if hasattr(designs, "roles") else list(designs)
    names = {}
    for d in reversed(designs):
        names.update({r.id: r.name.get(lang) for r in d.roles})
    lines = [t("pay.filled_more" if f.people > f.given else "pay.filled_fewer", lang, given=f.given,
               driver=driver_name(f.driver, lang), role=names.get(f.role, f.role), people=f.people,
               extra=f.people - f.given) for f in dict.fromkeys(filled)]
    return "\n".join(lines)


def _profile(profile: str | Sequence[float]) -> tuple[float, ...]:
    if isinstance(profile, str):
        if profile not in PROFILES:
            raise ScenarioError(Phrase("err.profile_unknown", profile=repr(profile), allowed=", ".join(PROFILES)))
        return PROFILES[profile]
    factors = tuple(float(f) for f in profile)
    if len(factors) != 12 or any(f < 0 for f in factors):
        raise ScenarioError(Phrase("err.profile_factors", n=len(factors)))
    return factors

