"""Raise base pay to the minimum wage: for every role with person-months below the city's
minimum wage (:func:`shoporg.employment.compliance.payroll_findings`), the smallest rise of
its base, in whole tens of yuan, after which none is below. A range ``[min, max]`` moves
as a whole. The finding decides, so the rise counts what the city counts (the employee's
own contributions left out where the city says so, piece pay in, overtime out).

>>> import dataclasses, shoporg
>>> d = shoporg.load_template("seed-14-basic-22")
>>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
>>> lifted, rises = lift_to_minimum_wage(d, dataclasses.replace(s, employment={"city": "上海"}))
>>> sorted(rises) == ["admin_finance", "aftersales_cs", "copywriter", "sales_cs"]
True
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["lift_to_minimum_wage", "with_base_rise"]

_STEP = 10           # yuan: rises are whole tens, as pay scales are written
_MOST = 100_000      # yuan a month: past this no rise is sought (the finding must be something else)


def with_base_rise(design, role_id: str, rise) -> object:
    """``design`` with the first base component of ``role_id`` raised by ``rise`` yuan a month.

    >>> import shoporg
    >>> d = with_base_rise(shoporg.load_template("seed-14-basic-22"), "sales_cs", 500)
    >>> d.role("sales_cs").pay[0].monthly
    (Decimal('2100'), Decimal('2500'))
    """
    rise = Decimal(str(rise))
    role = design.role(role_id)
    pay, done = [], False
    for c in role.pay:
        if c.kind == "base" and not done:
            m = c.monthly
            c = c.model_copy(update={"monthly": tuple(x + rise for x in m) if isinstance(m, tuple) else m + rise})
            done = True
        pay.append(c)
    return design.with_role_changes(role_id, pay=tuple(pay)) if done else design


def _below(design, scenario, role_id: str, supply) -> bool:
    from ..pay.engine import payroll  # the engine sits above this room

    found = payroll(design, scenario, supply=supply).findings()
    return bool(((found["check"] == "minimum_wage") & (found["role"] == role_id)).any())


def lift_to_minimum_wage(design, scenario, *, supply=None) -> tuple[object, dict[str, int]]:
    """The design with each base raised as little as needed (whole tens of yuan) for no
    person-month to stay below the minimum wage of the scenario's city, and the rise per
    role in yuan a month. A role without a base component, or one a rise of 100,000 yuan
    does not lift, keeps its pay (and its finding)."""
    from ..pay.engine import payroll

    found = payroll(design, scenario, supply=supply).findings()
    roles = list(dict.fromkeys(found.loc[found["check"] == "minimum_wage", "role"])) if len(found) else []
    rises = {}
    for rid in roles:
        if not any(c.kind == "base" for c in design.role(rid).pay):
            continue
        lo, hi = 0, _MOST // _STEP  # in steps; bisect the first that lifts
        if _below(with_base_rise(design, rid, hi * _STEP), scenario, rid, supply):
            continue
        while lo < hi:
            mid = (lo + hi) // 2
            if _below(with_base_rise(design, rid, mid * _STEP), scenario, rid, supply):
                lo = mid + 1
            else:
                hi = mid
        design = with_base_rise(design, rid, lo * _STEP)
        rises[rid] = lo * _STEP
    return design, rises
