"""Compare and change designs: semantic diff, duty coverage, health checks, merge and split.

>>> from shoporg import load_template
>>> a = load_template("seed-14-basic-22")
>>> b = a.with_headcount("sales_cs", 6).move_role("copywriter", "director")
>>> diff(a, b)[["action", "role", "changes"]].values.tolist()
[['Change', 'sales_cs', 'headcount: 5 → 6'], ['Move', 'copywriter', 'reports_to: promo_manager → director']]
>>> apply_diff(a, diff(a, b)) == b
True
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import pandas as pd

from . import fmt
from .catalogue import duty_area_ids, duty_areas
from .errors import ShopOrgError
from .hierarchy import layers, span_of_control, to_graph
from .i18n import Phrase, check_lang, driver_name, has, t
from .model import Role, lift_reports
from .pay.engine import payroll
from .pay.environment import Environment
from .pay.sweep import payroll_sweep
from .scenario import fit_people
from .staffing.sizing import norms_within, recommend_headcount
from .unit_cost import cost_per_order

__all__ = ["ACTIONS", "SPAN_BANDS", "compare", "compare_view", "metric_text", "diff_view", "diff", "apply_diff", "coverage", "coverage_by_design", "gaps",
           "overlaps", "health", "health_view",
           "merge_roles", "split_role"]

ACTIONS = ("Add", "Delete", "Move", "Change", "Move+Change")
#: fields a diff compares, in the order it reports them ("reports_to" makes a Move)
_FIELDS = [f for f in Role.model_fields if f not in ("id",)]
_MOVE_FIELDS = ("reports_to",)


def _show(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, tuple):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if value is None:
        return "—"
    return str(value)


def diff(a, b, mapping: dict[str, str] | None = None):
    """One row per role that differs between designs ``a`` and ``b``.

    Columns: ``action`` (Add, Delete, Move, Change, Move+Change — OrgChart Now's words),
    ``role`` (the id in ``b``, or in ``a`` for a deletion), ``name``, ``changes`` (each
    changed field as ``old → new``), ``fields`` (the changed field names) and ``before``/
    ``after`` (the roles themselves, which :func:`apply_diff` uses) and, for an added
    role, ``follows`` (the role it comes after in ``b``). Roles match by id;
    ``mapping`` matches renamed ids (``{"old_id": "new_id"}``). ``b`` may also be the
    roles alone (a role table read from a file): the diff is what turns ``a`` into them.
    ``attrs["order"]`` holds ``b``'s role ids in order.
    """
    mapping = dict(mapping or {})
    back = {v: k for k, v in mapping.items()}
    rows = []
    b_roles = tuple(b.roles) if hasattr(b, "roles") else tuple(b)
    b_order = tuple(r.id for r in b_roles)
    b_ids = set(b_order)
    before = {rid: (b_order[i - 1] if i else None) for i, rid in enumerate(b_order)}
    a_by_id: dict[str, Any] = {}
    for ra in a.roles:  # the first role of an id, as a search in file order finds it
        a_by_id.setdefault(ra.id, ra)
    for ra in a.roles:
        new_id = mapping.get(ra.id, ra.id)
        if new_id not in b_ids:
            rows.append({"action": "Delete", "role": ra.id, "name": ra.name.zh, "changes": "", "fields": (),
                         "before": ra, "after": None, "follows": None})
    for rb in b_roles:
        old_id = back.get(rb.id, rb.id)
        ra = a_by_id.get(old_id)
        if ra is None:
            rows.append({"action": "Add", "role": rb.id, "name": rb.name.zh, "changes": "", "fields": (),
                         "before": None, "after": rb, "follows": before[rb.id]})
            continue
        da, db = ra.__dict__, rb.__dict__
        if da == db:
            continue  # the common case: one comparison of the fields together
        changed = [f for f in _FIELDS if da[f] != db[f]]
        old_parent = mapping.get(ra.reports_to, ra.reports_to)
        if "reports_to" in changed and old_parent == rb.reports_to:
            changed.remove("reports_to")  # the manager was only renamed
        if ra.id != rb.id:
            changed.insert(0, "id")
        if not changed:
            continue
        moved = "reports_to" in changed
        other = [f for f in changed if f not in _MOVE_FIELDS and f != "reports_to_inferred"]
        action = "Move+Change" if moved and other else "Move" if moved else "Change"
        text = "; ".join(f"{f}: {_show(getattr(ra, f))} → {_show(getattr(rb, f))}" for f in changed
                         if f != "reports_to_inferred")
        rows.append({"action": action, "role": rb.id, "name": rb.name.zh, "changes": text,
                     "fields": tuple(changed), "before": ra, "after": rb, "follows": None})
    out = pd.DataFrame(rows, columns=["action", "role", "name", "changes", "fields", "before", "after", "follows"])
    out.attrs["order"] = b_order
    return out


#: the catalogue key of each diff action's word
_ACTION_KEYS = {"Add": "diff.add", "Delete": "diff.delete", "Move": "diff.move", "Change": "diff.change",
                "Move+Change": "diff.move_change"}


def _shown(value: Any, lang: str, names: dict) -> str:
    """A field value as a client reads it: numbers plainly, roles and departments by name,
    lists by their length, yes/no in words."""
    if isinstance(value, bool):
        return t("word.yes" if value else "word.no", lang)
    if isinstance(value, Decimal):
        return fmt.number(value, lang)
    if isinstance(value, tuple):
        if all(isinstance(x, str) for x in value) and value:
            return t("sep.list", lang).join(_shown(x, lang, names) for x in value)
        return t("diff.items_one" if len(value) == 1 else "diff.items", lang, n=len(value))
    if value is None:
        return fmt.MISSING
    if isinstance(value, str):
        return names[value].get(lang) if value in names else value
    if hasattr(value, "zh") and callable(getattr(value, "get", None)):
        return value.get(lang)
    return t("diff.changed", lang)


def diff_view(d, lang: str = "zh", designs=(), ids: bool = True):
    """A :func:`diff` table as a client reads it, in ``lang``: action, role, name and
    the changes with field names in words; lists shown by their length. With the
    ``designs`` the diff was taken between, managers and departments show by name;
    ``ids=False`` leaves out the role ids (a client reads names; ids serve reading back).

    >>> from shoporg import load_template
    >>> a = load_template("seed-14-basic-22")
    >>> diff_view(diff(a, a.with_headcount("picker", 3))).values.tolist()
    [['修改', 'picker', '捡单员', '人数：2 → 3']]
    >>> diff_view(diff(a, a.with_headcount("picker", 3)), "en").values.tolist()
    [['Change', 'picker', 'Order picker', 'headcount: 2 → 3']]
    >>> b = a.move_role("copywriter", "director")
    >>> diff_view(diff(a, b), designs=(a, b))["内容"].tolist()
    ['上级：促销策划经理 → 电商总监']
    >>> list(diff_view(diff(a, b), ids=False).columns)
    ['变动', '岗位', '内容']
    """
    check_lang(lang)
    names = {x.id: x.name for design in designs for x in (*design.departments, *design.roles)}
    rows = []
    for r in d.itertuples():
        role = r.after if r.after is not None else r.before
        shown = ""
        if r.before is not None and r.after is not None:
            shown = t("sep.changes", lang).join(
                t("diff.item", lang, field=t(f"field.{f}", lang) if has(f"field.{f}") else f,
                  old=_shown(getattr(r.before, f), lang, names if f != "id" else {}),
                  new=_shown(getattr(r.after, f), lang, names if f != "id" else {}))
                for f in r.fields if f != "reports_to_inferred")
        action = t(_ACTION_KEYS[r.action], lang) if r.action in _ACTION_KEYS else r.action
        rows.append([action, r.role, role.name.get(lang), shown])
    out = pd.DataFrame(rows, columns=[t(f"col.diff_{c}", lang) for c in ("action", "id", "name", "changes")])
    return out if ids else out.drop(columns=[t("col.diff_id", lang)])


def apply_diff(a, d):
    """Apply a diff (from :func:`diff`) to design ``a`` as edits; returns the new design,
    checked once as a whole (so ``apply_diff(a, diff(a, b)) == b``).

    A deleted role goes and its reports move up to the nearest superior that stays
    (:func:`~shoporg.model.lift_reports`); a renamed id is renamed in every reference to
    it; a changed role becomes the role the diff gives; an added role goes after the
    role it followed. Where the diff knows the other design's order (``attrs["order"]``,
    for the same roles), the roles take it. The edited roles are checked again, and a
    problem is located at the role's place (``roles[3].headcount``).

    >>> from shoporg import load_template
    >>> a = load_template("seed-14-basic-22")
    >>> b = a.without_role("storekeeper")
    >>> apply_diff(a, diff(a, b)).role("picker").reports_to
    'director'
    >>> apply_diff(a, diff(a, a)) is a
    True
    """
    rows = list(d.itertuples())
    if not rows and tuple(d.attrs.get("order", a.role_ids)) == a.role_ids:
        return a
    gone = {r.before.id for r in rows if r.action == "Delete"}
    renamed = {r.before.id: r.after.id for r in rows
               if r.before is not None and r.after is not None and r.before.id != r.after.id}
    changed = {r.before.id: r.after for r in rows if r.before is not None and r.after is not None}
    kept = lift_reports([r for r in a.roles if r.id not in gone], {r.id: r.reports_to for r in a.roles})
    roles: list[Any] = []
    for r in kept:
        if r.id in changed:
            r = changed[r.id]
        elif renamed and (r.reports_to in renamed or any(x in renamed for x in r.dotted_line)):
            r = r.model_copy(update={"reports_to": renamed.get(r.reports_to, r.reports_to),
                                     "dotted_line": tuple(renamed.get(x, x) for x in r.dotted_line)})
        roles.append(r)
    for r in rows:
        if r.action == "Add":
            ids_now = [x.id for x in roles]
            at = ids_now.index(r.follows) + 1 if r.follows in ids_now else (0 if r.follows is None else len(roles))
            roles.insert(at, r.after)
    order = d.attrs.get("order")
    if order is not None and sorted(order) == sorted(x.id for x in roles):
        place = {rid: i for i, rid in enumerate(order)}
        roles.sort(key=lambda x: place[x.id])
    edited = {id(r) for r in roles} - {id(r) for r in a.roles}
    return a.replace(roles=tuple(r.model_dump(warnings=False) if id(r) in edited else r for r in roles))


# -- duty coverage -------------------------------------------------------------------------

def coverage(design, lang: str = "zh"):
    """Roles × duty areas: ``"owner"`` where a role's duties fall in the area, else ``""``.

    A role owns an area when at least one of its duties maps to it. Columns are the
    areas of the catalogue in catalogue order; rows are the roles (names in ``lang``).
    """
    areas = list(duty_areas().index)
    at = {a: j for j, a in enumerate(areas)}
    marks = [[""] * len(areas) for _ in design.roles]  # built as lists: one frame at the end
    for i, r in enumerate(design.roles):
        for d in r.duties:
            if d.area not in at:  # an area outside the catalogue: a column of its own, empty elsewhere
                at[d.area] = len(areas)
                areas.append(d.area)
                for row in marks:
                    row.append(float("nan"))
            marks[i][at[d.area]] = "owner"
    return pd.DataFrame(marks, index=[r.name.get(lang) for r in design.roles], columns=areas, dtype="str")


def coverage_by_design(designs, lang: str = "zh"):
    """Duty areas × designs: how many roles of each design own each area (0 = a gap).

    >>> from shoporg import load_template
    >>> t = coverage_by_design([load_template("seed-14-basic-22"), load_template("seed-12-ordinary-shop")])
    >>> [int(x) for x in t.loc["procurement.sourcing"].iloc[1:]]
    [0, 1]
    """
    cat = duty_areas()
    table = pd.DataFrame({"area": cat[check_lang(lang)]})
    for d in designs:
        owners = {a: len(ids) for a, ids in _owners(d).items()}
        table[d.name.get(lang) if d.name.get(lang) not in table else d.id] = [owners.get(a, 0) for a in cat.index]
    return table


def _owners(design) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = {}
    for r in design.roles:
        for area in dict.fromkeys(d.area for d in r.duties):
            owners.setdefault(area, []).append(r.id)
    return owners


def gaps(design) -> list[str]:
    """Catalogue areas no role of ``design`` owns (in catalogue order)."""
    owned = {d.area for r in design.roles for d in r.duties}
    return [a for a in duty_areas().index if a not in owned]


def overlaps(design) -> dict[str, list[str]]:
    """Areas owned by more than one role, with the roles (ids) that own them."""
    return {a: ids for a, ids in _owners(design).items() if len(ids) > 1}


# -- health ---------------------------------------------------------------------------------

def health(design, *, max_span: float = 8, max_depth: int = 5, pay_floor: float | None = None,
           scenario=None, city: str | None = None, supply=None, lang: str = "zh"):
    """Named findings with a severity (``warning`` or ``info``), one row each; the
    ``message`` says it in ``lang`` (:func:`health_view` makes the table a client reads).

    Checks: a manager with one report; a span (people) above ``max_span``; a chain
    deeper than ``max_depth`` layers; a role with no duties; a base pay below
    ``pay_floor``; KPI weights that do not sum to 100; a piece rate whose driver the
    ``scenario`` never feeds (all zero or absent; a driver the design's ``rules`` derive
    is fed when the drivers it reads give it a value). With a ``scenario`` and employment
    terms (``city``, or the design's or scenario's ``employment``), the compliance findings
    of :func:`shoporg.employment.compliance.payroll_findings` on the payroll at the low end
    of base ranges: pay below the city's minimum wage (severity ``error``) and implausible
    per-person pay; those rows also give the rule, its source and whether it is verified.

    >>> from shoporg import load_template
    >>> health(load_template("seed-14-basic-22"), max_span=7)["message"].tolist()
    ['管理幅度8人，超过上限7人']
    >>> health(load_template("seed-14-basic-22"), max_span=7, lang="en")["message"].tolist()
    ['span of 8 people, above the limit of 7']
    """
    check_lang(lang)
    G = to_graph(design)
    spans, roles_span, lay = span_of_control(G), span_of_control(G, by="roles"), layers(G)
    drivers = Environment(design, [fit_people(scenario, design)[0]]) if scenario is not None else None
    rows = []

    def add(check, severity, role, key, **fields):
        rows.append({"check": check, "severity": severity, "role": role, "message": t(key, lang, **fields)})

    for rid, n in roles_span.items():
        if n == 1 and spans[rid] <= 1:
            add("single_report", "info", rid, "health.single_report")
    for rid, people in spans.items():
        if people > max_span:
            add("wide_span", "warning", rid, "health.wide_span", people=fmt.headcount(people, lang),
                limit=fmt.headcount(max_span, lang))
    for rid, depth in lay.items():
        if depth > max_depth:
            add("deep_chain", "warning", rid, "health.deep_chain", depth=depth, limit=max_depth)
    for r in design.roles:
        if not r.duties:
            add("no_duties", "warning", r.id, "health.no_duties")
        weights = [d.weight for d in r.duties]
        given = [w for w in weights if w is not None]
        if given and sum(given) != 100:
            add("kpi_weights", "warning", r.id, "health.kpi_weights", total=fmt.number(sum(given), lang))
        for c in r.pay:
            if c.kind == "base" and pay_floor is not None:
                low = c.monthly[0] if isinstance(c.monthly, tuple) else c.monthly
                if float(low) < pay_floor:
                    add("pay_floor", "warning", r.id, "health.pay_floor", pay=fmt.number(low, lang),
                        floor=fmt.number(pay_floor, lang))
            if c.kind == "piece_rate" and drivers is not None:
                if not drivers.fed(c.driver, r.id):
                    add("unfed_driver", "warning", r.id, "health.unfed_driver",
                        driver={"zh": driver_name(c.driver, "zh"), "en": repr(c.driver)})
    out = pd.DataFrame(rows, columns=["check", "severity", "role", "message"])
    if scenario is not None and (city or design.employment is not None or getattr(scenario, "employment", None)):
        from .employment.compliance import minimum_wage_from_lines, payroll_findings  # reads the packs
        from .employment.params import EmploymentError
        try:
            found = payroll_findings(payroll(design, scenario, base_level="low", supply=supply, city=city), lang)
        except EmploymentError:  # the pack cannot price the whole chain: the minimum wage on gross pay
            settings = city or (dict(getattr(scenario, "employment", None) or {}).get("city")) or design.employment.city
            pr = payroll(design.replace(employment=None, on_cost=None), scenario, base_level="low", supply=supply)
            found = minimum_wage_from_lines(pr, settings, lang)
        if len(found):
            out = pd.concat([out, found], ignore_index=True) if len(out) else found
        # overtime over the legal caps, probation pay below its floor (Labour Law art. 41,
        # Labour Contract Law art. 20): only where a role has such pay
        kinds = {c.kind for r in design.roles for c in r.pay}
        if kinds & {"overtime", "probation"}:
            from .employment.params import load_pack  # reads the packs
            from .staffing.labour_rules import findings_table, overtime_findings, probation_findings

            where = city or (dict(getattr(scenario, "employment", None) or {}).get("city")) or design.employment.city
            pack = load_pack(where)
            rules = findings_table(overtime_findings(design, scenario, pack)
                                   + probation_findings(design, pack, scenario.months), lang)
            if len(rules):
                out = pd.concat([out, rules], ignore_index=True) if len(out) else rules
    return out


def health_view(h, design=None, lang: str = "zh"):
    """A :func:`health` table as a client reads it: the finding and its severity in words,
    the role by name (with ``design``), the message.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> health_view(health(d, max_span=7), d).values.tolist()
    [['管理幅度过大', '警告', '客服组经理', '管理幅度8人，超过上限7人']]
    """

    check_lang(lang)
    names = {r.id: r.name.get(lang) for r in design.roles} if design is not None else {}
    rows = [[t(f"health.check.{c}", lang) if has(f"health.check.{c}") else c,
             t(f"health.{s}", lang) if has(f"health.{s}") else s, names.get(r, r), m]
            for c, s, r, m in zip(h["check"], h["severity"], h["role"], h["message"])]
    return pd.DataFrame(rows, columns=[t(f"col.health_{c}", lang) for c in ("check", "severity", "role", "message")])


# -- restructuring --------------------------------------------------------------------------

def merge_roles(design, ids: list[str], into: str, *, name=None, headcount=None, pay_from: str | None = None):
    """One role in place of several (a small shop lets one person hold several roles).

    The merged role keeps the id ``into`` (one of ``ids``) and its place; duties are
    united in the given order; headcount is the sum unless ``headcount`` is given; pay
    is that of ``pay_from`` (default ``into``); reports of the merged roles report to it.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> m = merge_roles(d, ["visual_editor", "copywriter"], into="visual_editor", headcount=2)
    >>> len(m.roles), m.role("visual_editor").headcount, len(m.role("visual_editor").duties)
    (10, Decimal('2'), 9)
    """
    if into not in ids:
        raise ShopOrgError(Phrase("err.merge_into", into=repr(into), ids=ids))
    if len(set(ids)) < 2:
        raise ShopOrgError(Phrase("err.merge_two"))
    parts = [design.role(i) for i in ids]
    keep = design.role(into)
    source = design.role(pay_from or into)
    total = sum((r.headcount for r in parts), Decimal(0)) if headcount is None else headcount
    merged = keep.model_copy(update={
        "duties": tuple(d for r in parts for d in r.duties),
        "requirements": tuple(dict.fromkeys(q for r in parts for q in r.requirements)),
        "pay": source.pay, "pay_structure": source.pay_structure, "pay_method": source.pay_method,
        "notes": keep.notes + tuple(n for r in parts if r.id != into for n in r.notes),
        **({"name": name} if name is not None else {})})
    gone = set(ids) - {into}
    # merged into one of its own reports: the merged role takes the highest merged
    # manager's place, so that the roles in between report to it (not a cycle)
    chain, up = [], keep.reports_to
    while up is not None:
        chain.append(up)
        up = design.role(up).reports_to
    above = [a for a in chain if a in gone]
    if above:
        merged = merged.model_copy(update={"reports_to": design.role(above[-1]).reports_to})
    roles = []
    for r in design.roles:
        if r.id in gone:
            continue
        if r.id == into:
            r = merged
        elif r.reports_to in gone:
            r = r.model_copy(update={"reports_to": into})
        if r.reports_to in gone:  # the merged role's own manager was merged into it: go up past it
            up = r.reports_to
            while up in gone:
                up = design.role(up).reports_to
            r = r.model_copy(update={"reports_to": up})
        roles.append(r.model_copy(update={"dotted_line": tuple(into if x in gone else x for x in r.dotted_line
                                                               if x != r.id)}))
    out = design.replace(roles=tuple(roles))
    return out.with_headcount(into, total)


def split_role(design, role_id: str, parts: list[dict]):
    """Several roles in place of one: each part gives ``id``, ``name``, ``headcount``
    and which ``duties`` (indexes into the role's duties) it takes; the other fields
    (manager, department, pay, requirements) are copied. The first part keeps the
    role's reports.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> m = merge_roles(d, ["visual_editor", "copywriter"], into="visual_editor")
    >>> s = split_role(m, "visual_editor", [
    ...     {"id": "visual_editor", "name": d.role("visual_editor").name, "headcount": 2, "duties": range(4)},
    ...     {"id": "copywriter", "name": d.role("copywriter").name, "headcount": 1, "duties": range(4, 9)}])
    >>> s.role("copywriter").duties == d.role("copywriter").duties, s.headcount
    (True, Decimal('22'))
    """
    role = design.role(role_id)
    taken = [i for p in parts for i in p.get("duties", [])]
    if sorted(taken) != list(range(len(role.duties))):
        raise ShopOrgError(Phrase("err.split_duties", n=len(role.duties), id=repr(role_id), got=sorted(taken)))
    new_roles = []
    for k, p in enumerate(parts):
        unknown = set(p) - {"id", "name", "headcount", "duties", "pay"}
        if unknown:
            raise ShopOrgError(Phrase("err.split_keys", keys=sorted(unknown), part=k))
        new_roles.append(Role.model_validate({
            **{f: getattr(role, f) for f in Role.model_fields},
            "id": p["id"], "name": p["name"], "headcount": p.get("headcount", 1),
            "duties": tuple(role.duties[i] for i in p.get("duties", [])), "pay": p.get("pay", role.pay)}))
    first = new_roles[0].id
    roles = []
    for r in design.roles:
        if r.id == role_id:
            roles.extend(new_roles)
            continue
        if r.reports_to == role_id:
            r = r.model_copy(update={"reports_to": first})
        roles.append(r)
    return design.replace(roles=tuple(roles))


# -- side by side -----------------------------------------------------------------------------

#: Span-of-control bands (people managed directly), as Orgvue groups them.
SPAN_BANDS = ((1, 1, "1"), (2, 3, "2–3"), (4, 7, "4–7"), (8, 12, "8–12"), (13, float("inf"), "13+"))

_METRICS = ("people", "fte", "roles", "managers", "layers", "span_avg", "span_max",
            *(f"span_{label}" for *_, label in SPAN_BANDS), "coverage", "gaps", "overlaps", "unpaid_roles",
            "base_low", "base_high", "annual_accrued", "annual_paid", "annual_low", "annual_high", "monthly_avg",
            "fixed_share", "variable_share", "cost_per_order", "cost_share", "annual_labour_cost", "annual_net",
            "labour_cost_per_order", "recommended", "staffing_gap")


def _metric_label(key: str, lang: str) -> str:
    if key.startswith("span_") and key[5:] in {b[2] for b in SPAN_BANDS}:
        return t("metric.span_band", lang, band=key[5:])
    return t(f"metric.{key}", lang)


def _metrics(design, scenario, norms, supply, mid=None) -> dict:
    """Every metric of one design; ``mid`` is its mid-level payroll under ``scenario``
    where already run."""
    G = to_graph(design)
    spans = span_of_control(G)
    out: dict = {
        "people": sum(math.ceil(r.headcount) for r in design.roles), "fte": float(design.headcount),
        "roles": len(design.roles), "managers": len(spans), "layers": max(layers(G).values()),
        "span_avg": round(sum(spans.values()) / len(spans), 2) if spans else 0.0,
        "span_max": max(spans.values(), default=0.0)}
    for lo, hi, label in SPAN_BANDS:
        out[f"span_{label}"] = sum(lo <= v <= hi for v in spans.values())
    owned = {d.area for r in design.roles for d in r.duties}
    out["coverage"] = round(len(owned) / len(duty_area_ids()), 3)
    out["gaps"], out["overlaps"] = len(gaps(design)), len(overlaps(design))
    lows = highs = 0.0
    for r in design.roles:
        for c in r.pay:
            if c.kind == "base":
                lo, hi = c.monthly if isinstance(c.monthly, tuple) else (c.monthly, c.monthly)
                lows += float(lo * r.headcount)
                highs += float(hi * r.headcount)
    # a design whose source gives no pay has unknown, not zero, pay: its pay rows stay empty
    unpaid = sum(not r.pay for r in design.roles)
    out["unpaid_roles"] = unpaid
    if unpaid == len(design.roles):
        return out
    out["base_low"], out["base_high"] = lows, highs
    if scenario is not None:
        mid = mid if mid is not None else payroll(design, scenario, supply=supply)
        s = mid.summary()
        out["annual_accrued"], out["annual_paid"] = float(s.loc["accrued", "total"]), float(s.loc["paid", "total"])
        # the ends of the pay ranges need totals only: one sweep prices both, without line detail
        ends = payroll_sweep(design, [scenario, scenario], base_level=("low", "high"), supply=supply)["accrued_fen"]
        out["annual_low"], out["annual_high"] = int(ends.iloc[0]) / 100, int(ends.iloc[1]) / 100
        out["monthly_avg"] = round(out["annual_accrued"] / 12, 2)
        total = s.loc["accrued", "total"]
        out["fixed_share"] = round(float(s.loc["accrued", "fixed"] / total), 4) if total else None
        out["variable_share"] = round(float(s.loc["accrued", "variable"] / total), 4) if total else None
        names = scenario.names
        if "orders" in names and scenario.driver("orders").sum() > 0:
            out["cost_per_order"] = cost_per_order(total, scenario.driver("orders").sum())
        if "revenue" in names and scenario.driver("revenue").sum() > 0:
            out["cost_share"] = round(total / float(scenario.driver("revenue").sum()), 4)
        if mid.chain is not None:  # a city's terms: what the employer pays in all, what people get
            out["annual_labour_cost"] = mid.chain_total("labour_cost")
            out["annual_net"] = mid.chain_total("net")
            if "orders" in names and scenario.driver("orders").sum() > 0:
                out["labour_cost_per_order"] = cost_per_order(out["annual_labour_cost"], scenario.driver("orders").sum())
        if norms is not None:
            # an option may have merged or removed roles the norms name
            rec = recommend_headcount(design, scenario, norms_within(design, norms))
            out["recommended"] = float(rec.recommended.sum())
            out["staffing_gap"] = float(rec.recommended.sum() - rec.current.sum())
    return out


_MONEY_METRICS = {"base_low", "base_high", "annual_accrued", "annual_paid", "annual_low", "annual_high",
                  "monthly_avg", "cost_per_order", "annual_labour_cost", "annual_net", "labour_cost_per_order"}
_SHARE_METRICS = {"coverage", "fixed_share", "variable_share", "cost_share"}
#: money metrics small enough to be read to the fen (per order)
_UNIT_MONEY_METRICS = {"cost_per_order", "labour_cost_per_order"}


def metric_text(key: str, value, lang: str = "zh") -> str:
    """A comparison value as a client reads it: whole yuan (to the fen per order), shares
    in per cent, counts plainly (never in scientific notation); an unknown value (a design
    without pay rules) as a dash.

    >>> metric_text("annual_accrued", 1026003.0), metric_text("fixed_share", 0.7643), metric_text("people", 22.0)
    ('¥1,026,003', '76.4%', '22')
    >>> metric_text("cost_per_order", 25.3333), metric_text("monthly_avg", -1500.4)
    ('¥25.33', '-¥1,500')
    >>> metric_text("cost_per_order", float("nan")), metric_text("people", 1234567.0), metric_text("span_avg", 5.25)
    ('—', '1,234,567', '5.25')
    """
    if value is None or value != value:
        return fmt.MISSING
    if key in _MONEY_METRICS:
        return fmt.yuan(value, lang, cents=key in _UNIT_MONEY_METRICS)
    if key in _SHARE_METRICS:
        return fmt.percent(value, lang)
    return fmt.number(value, lang, digits=3)


def compare_view(table, lang: str = "zh"):
    """A :func:`compare` table as a client reads it: the metric in words, every value as
    text (:func:`metric_text`), the rows in the table's order.

    >>> from shoporg import load_template
    >>> v = compare_view(compare([load_template("seed-14-basic-22"), load_template("seed-12-ordinary-shop")]))
    >>> list(v.columns)[0], v.iloc[0].tolist()
    ('指标', ['人数', '22', '5', '-17'])
    """
    shown = table.copy().astype(object)
    for key in shown.index:
        shown.loc[key, shown.columns[1:]] = [metric_text(key, v, lang) for v in table.loc[key].iloc[1:]]
    return shown.rename(columns={"metric": t("col.metric", lang)}).reset_index(drop=True)


def compare(designs, scenario=None, baseline: int = 0, *, norms=None, supply=None, lang: str = "zh"):
    """Designs side by side: one column per design and a delta column against ``baseline``.

    Rows: people and FTE, roles, managers, layers, average and maximum span, the span
    distribution (bands 1 / 2–3 / 4–7 / 8–12 / 13+), duty-area coverage, gaps and
    overlaps, monthly base (low/high); with a ``scenario`` also the annual payroll
    accrued and paid (mid, low, high), fixed and variable shares, cost per order and
    share of revenue; with ``norms`` the recommended headcount and the gap. A design with
    no pay rules at all (most source documents give none) has empty pay rows, not zeros;
    ``unpaid_roles`` counts the roles without pay rules.

    >>> from shoporg import load_template
    >>> t = compare([load_template("seed-14-basic-22"), load_template("seed-12-ordinary-shop")], lang="en")
    >>> [float(x) for x in t.loc["people"].iloc[1:]]
    [22.0, 5.0, -17.0]
    """
    return _compare(designs, scenario, baseline, norms=norms, supply=supply, lang=lang)


def _compare(designs, scenario=None, baseline: int = 0, *, norms=None, supply=None, lang: str = "zh", payrolls=None):
    """:func:`compare`, given the mid-level payroll of each design where already run
    (``payrolls``, ``None`` for one not run); a design given twice is measured once."""
    designs = list(designs)
    if not 2 <= len(designs) <= 4:
        raise ShopOrgError(Phrase("err.compare_count", n=len(designs)))
    if not 0 <= baseline < len(designs):
        raise ShopOrgError(Phrase("err.compare_baseline", n=len(designs), got=baseline))
    check_lang(lang)
    runs = list(payrolls) if payrolls is not None else [None] * len(designs)
    measured: dict[int, dict] = {}
    for d, run in zip(designs, runs):
        if id(d) not in measured:
            measured[id(d)] = _metrics(d, scenario, norms, supply, run)
    values = [measured[id(d)] for d in designs]
    keys = [k for k in _METRICS if any(k in v for v in values)]
    names = [d.name.get(lang) for d in designs]
    if len(set(names)) < len(names):  # two versions of one design: tell them apart by letter
        names = [f"{n} ({chr(65 + j)})" for j, n in enumerate(names)]
    table = pd.DataFrame({n: [v.get(k) for k in keys] for n, v in zip(names, values)}, index=keys, dtype=float)
    for j, n in enumerate(names):
        if j != baseline:
            label = f"Δ {n}" if len(designs) > 2 else t("col.delta", lang)
            table[label] = table[n] - table[names[baseline]]
    table.insert(0, "metric", [_metric_label(k, lang) for k in keys])
    return table
