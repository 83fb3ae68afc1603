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

from .catalogue import duty_area_ids, duty_areas
from .errors import ShopOrgError
from .hierarchy import layers, span_of_control, to_graph
from .model import Role, lift_reports
from .pay.engine import payroll
from .pay.environment import Environment
from .scenario import fit_people
from .staffing.sizing import norms_within, recommend_headcount
from .unit_cost import cost_per_order

__all__ = ["ACTIONS", "SPAN_BANDS", "compare", "metric_text", "diff_view", "diff", "apply_diff", "coverage", "coverage_by_design", "gaps",
           "overlaps", "health",
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
    for ra in a.roles:
        new_id = mapping.get(ra.id, ra.id)
        if new_id not in b_ids:
            rows.append({"action": "Delete", "role": ra.id, "name": ra.name.zh, "changes": "", "fields": (),
                         "before": ra, "after": None, "follows": None})
    for rb in b_roles:
        old_id = back.get(rb.id, rb.id)
        ra = next((r for r in a.roles if r.id == old_id), None)
        if ra is None:
            rows.append({"action": "Add", "role": rb.id, "name": rb.name.zh, "changes": "", "fields": (),
                         "before": None, "after": rb, "follows": before[rb.id]})
            continue
        changed = [f for f in _FIELDS if getattr(ra, f) != getattr(rb, f)]
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


_ACTION_WORDS = {"Add": ("新增", "Add"), "Delete": ("删除", "Delete"), "Move": ("调整汇报", "Move"),
                 "Change": ("修改", "Change"), "Move+Change": ("调整汇报并修改", "Move+Change")}
_FIELD_WORDS = {
    "id": ("编号", "id"), "name": ("名称", "name"), "department": ("部门", "department"),
    "reports_to": ("上级", "reports to"), "reports_to_inferred": ("上级为推断", "inferred manager"),
    "dotted_line": ("虚线汇报", "dotted line"), "headcount": ("人数", "headcount"),
    "headcount_assumed": ("人数为假设", "assumed headcount"), "vacancies": ("空缺", "vacancies"),
    "pay_structure": ("工资构成", "pay structure"), "pay_method": ("计算方式", "pay method"),
    "pay": ("薪酬项目", "pay components"), "norm": ("定额", "norm"), "duties": ("岗位职责", "duties"),
    "requirements": ("任职要求", "requirements"), "notes": ("备注", "notes"), "source": ("来源", "source"),
}


def diff_view(d, lang: str = "zh"):
    """A :func:`diff` table as a client reads it, in ``lang``: action, role, name and
    the changes with field names in words; lists shown by their length.

    >>> from shoporg import load_template
    >>> a = load_template("seed-14-basic-22")
    >>> diff_view(diff(a, a.with_headcount("picker", 3))).values.tolist()
    [['修改', 'picker', '捡单员', '人数：2 → 3']]
    >>> diff_view(diff(a, a.with_headcount("picker", 3)), "en").values.tolist()
    [['Change', 'picker', 'Order picker', 'headcount: 2 → 3']]
    """
    i = 0 if lang == "zh" else 1
    sep, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    rows = []
    for r in d.itertuples():
        role = r.after if r.after is not None else r.before
        shown = ""
        if r.before is not None and r.after is not None:
            shown = sep.join(f"{_FIELD_WORDS.get(f, (f, f))[i]}{colon}{_show(getattr(r.before, f))} → "
                             f"{_show(getattr(r.after, f))}" for f in r.fields if f != "reports_to_inferred")
        rows.append([_ACTION_WORDS.get(r.action, (r.action, r.action))[i], r.role, role.name.get(lang), shown])
    words = (["变动", "编号", "岗位", "内容"], ["action", "role", "name", "changes"])[i]
    return pd.DataFrame(rows, columns=words)


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
    cat = duty_areas()
    table = pd.DataFrame("", index=[r.id for r in design.roles], columns=list(cat.index))
    for r in design.roles:
        for d in r.duties:
            table.loc[r.id, d.area] = "owner"
    table.index = [r.name.get(lang) for r in design.roles]
    return table


def coverage_by_design(designs, lang: str = "zh"):
    """Duty areas × designs: how many roles of each design own each area (0 = a gap).

    >>> from shoporg import load_template
    >>> t = coverage_by_design([load_template("seed-14-basic-22"), load_template("seed-12-ordinary-shop")])
    >>> [int(x) for x in t.loc["procurement.sourcing"].iloc[1:]]
    [0, 1]
    """
    cat = duty_areas()
    table = pd.DataFrame({"area": cat["zh" if lang == "zh" else "en"]})
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
           scenario=None):
    """Named findings with a severity (``warning`` or ``info``), one row each.

    Checks: a manager with one report; a span (people) above ``max_span``; a chain
    deeper than ``max_depth`` layers; a role with no duties; a base pay below
    ``pay_floor``; KPI weights that do not sum to 100; a piece rate whose driver the
    ``scenario`` never feeds (all zero or absent; a driver the design's ``rules`` derive
    is fed when the drivers it reads give it a value).
    """
    G = to_graph(design)
    spans, roles_span, lay = span_of_control(G), span_of_control(G, by="roles"), layers(G)
    drivers = Environment(design, [fit_people(scenario, design)[0]]) if scenario is not None else None
    rows = []

    def add(check, severity, role, message):
        rows.append({"check": check, "severity": severity, "role": role, "message": message})

    for rid, n in roles_span.items():
        if n == 1 and spans[rid] <= 1:
            add("single_report", "info", rid, "manages one person: merge the layers or widen the role")
    for rid, people in spans.items():
        if people > max_span:
            add("wide_span", "warning", rid, f"span of {people:g} people, above the limit of {max_span:g}")
    for rid, depth in lay.items():
        if depth > max_depth:
            add("deep_chain", "warning", rid, f"layer {depth}, deeper than the limit of {max_depth}")
    for r in design.roles:
        if not r.duties:
            add("no_duties", "warning", r.id, "has no duties")
        weights = [d.weight for d in r.duties]
        given = [w for w in weights if w is not None]
        if given and sum(given) != 100:
            add("kpi_weights", "warning", r.id, f"KPI weights sum to {sum(given):g}%, not 100%")
        for c in r.pay:
            if c.kind == "base" and pay_floor is not None:
                low = c.monthly[0] if isinstance(c.monthly, tuple) else c.monthly
                if float(low) < pay_floor:
                    add("pay_floor", "warning", r.id, f"base pay {float(low):g} below the floor {pay_floor:g}")
            if c.kind == "piece_rate" and drivers is not None:
                if not drivers.fed(c.driver, r.id):
                    add("unfed_driver", "warning", r.id, f"piece rate on {c.driver!r}, which the scenario never feeds")
    return pd.DataFrame(rows, columns=["check", "severity", "role", "message"])


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
        raise ShopOrgError(f"into={into!r} must be one of the merged roles {ids}")
    if len(set(ids)) < 2:
        raise ShopOrgError("merge_roles needs at least two different roles")
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
        raise ShopOrgError(f"split_role: the parts must take each of the {len(role.duties)} duties of "
                           f"{role_id!r} exactly once, got {sorted(taken)}")
    new_roles = []
    for k, p in enumerate(parts):
        unknown = set(p) - {"id", "name", "headcount", "duties", "pay"}
        if unknown:
            raise ShopOrgError(f"split_role: unknown key(s) {sorted(unknown)} in part {k}; "
                               "allowed: id, name, headcount, duties, pay")
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

_METRICS = {
    "people": ("人数", "people"), "fte": ("全职当量", "FTE"), "roles": ("岗位数", "roles"),
    "managers": ("管理岗位数", "managers"), "layers": ("层级数", "layers"),
    "span_avg": ("平均管理幅度", "average span"), "span_max": ("最大管理幅度", "maximum span"),
    **{f"span_{label}": (f"管理幅度 {label} 的管理者", f"managers with span {label}") for *_, label in SPAN_BANDS},
    "coverage": ("职责领域覆盖率", "duty areas covered"), "gaps": ("无人负责的领域", "areas nobody owns"),
    "overlaps": ("多岗共担的领域", "areas several roles own"),
    "unpaid_roles": ("无薪酬规则的岗位", "roles without pay rules"),
    "base_low": ("月底薪（低）", "monthly base (low)"), "base_high": ("月底薪（高）", "monthly base (high)"),
    "annual_accrued": ("年度人工成本（应计）", "annual payroll (accrued)"),
    "annual_paid": ("年度人工成本（实发）", "annual payroll (paid)"),
    "annual_low": ("年度人工成本（低）", "annual payroll (low)"),
    "annual_high": ("年度人工成本（高）", "annual payroll (high)"),
    "monthly_avg": ("月均人工成本", "average monthly payroll"),
    "fixed_share": ("固定薪酬占比", "fixed pay share"), "variable_share": ("浮动薪酬占比", "variable pay share"),
    "cost_per_order": ("单均人工成本", "payroll per order"), "cost_share": ("人工成本占营业额", "payroll share of revenue"),
    "recommended": ("建议人数", "recommended people"), "staffing_gap": ("建议与现有之差", "recommended − current"),
}


def _metrics(design, scenario, norms, supply) -> dict:
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
        mid = payroll(design, scenario, supply=supply)
        s = mid.summary()
        out["annual_accrued"], out["annual_paid"] = float(s.loc["accrued", "total"]), float(s.loc["paid", "total"])
        out["annual_low"] = payroll(design, scenario, base_level="low", supply=supply).total()
        out["annual_high"] = payroll(design, scenario, base_level="high", supply=supply).total()
        out["monthly_avg"] = round(out["annual_accrued"] / 12, 2)
        total = s.loc["accrued", "total"]
        out["fixed_share"] = round(float(s.loc["accrued", "fixed"] / total), 4) if total else None
        out["variable_share"] = round(float(s.loc["accrued", "variable"] / total), 4) if total else None
        names = scenario.names
        if "orders" in names and scenario.driver("orders").sum() > 0:
            out["cost_per_order"] = cost_per_order(total, scenario.driver("orders").sum())
        if "revenue" in names and scenario.driver("revenue").sum() > 0:
            out["cost_share"] = round(total / float(scenario.driver("revenue").sum()), 4)
        if norms is not None:
            # an option may have merged or removed roles the norms name
            rec = recommend_headcount(design, scenario, norms_within(design, norms))
            out["recommended"] = float(rec.recommended.sum())
            out["staffing_gap"] = float(rec.recommended.sum() - rec.current.sum())
    return out


_MONEY_METRICS = {"base_low", "base_high", "annual_accrued", "annual_paid", "annual_low", "annual_high",
                  "monthly_avg", "cost_per_order"}
_SHARE_METRICS = {"coverage", "fixed_share", "variable_share", "cost_share"}


def metric_text(key: str, value) -> str:
    """A comparison value as a client reads it: yuan with two decimals, shares in per
    cent, counts plainly; an unknown value (a design without pay rules) as a dash.

    >>> metric_text("annual_accrued", 1026003.0), metric_text("fixed_share", 0.7643), metric_text("people", 22.0)
    ('1,026,003.00', '76.4%', '22')
    >>> metric_text("cost_per_order", float("nan"))
    '—'
    """
    if value is None or value != value:
        return "—"
    if key in _MONEY_METRICS:
        return f"{value:,.2f}"
    if key in _SHARE_METRICS:
        return f"{value:.1%}"
    return f"{value:,.4g}"


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
    designs = list(designs)
    if not 2 <= len(designs) <= 4:
        raise ShopOrgError(f"compare takes two to four designs, got {len(designs)}")
    if not 0 <= baseline < len(designs):
        raise ShopOrgError(f"baseline must index one of the {len(designs)} designs, got {baseline}")
    values = [_metrics(d, scenario, norms, supply) for d in designs]
    keys = [k for k in _METRICS if any(k in v for v in values)]
    i = 0 if lang == "zh" else 1
    names = [d.name.get(lang) for d in designs]
    if len(set(names)) < len(names):  # two versions of one design: tell them apart by letter
        names = [f"{n} ({chr(65 + j)})" for j, n in enumerate(names)]
    table = pd.DataFrame({n: [v.get(k) for k in keys] for n, v in zip(names, values)}, index=keys, dtype=float)
    for j, n in enumerate(names):
        if j != baseline:
            label = f"Δ {n}" if len(designs) > 2 else ("差异" if lang == "zh" else "delta")
            table[label] = table[n] - table[names[baseline]]
    table.insert(0, "metric", [_METRICS[k][i] for k in keys])
    return table
