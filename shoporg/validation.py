"""Checks of a design's meaning, and pydantic errors rewritten as located problems.

Structure (types, required and unknown keys) is pydantic's job; this module checks
what a schema cannot: ids unique, every manager and department known, no cycle,
one top role (unless ``forest: true``), KPI weights, duty areas in the catalogue.

>>> from shoporg import load_template
>>> check_design(load_template("seed-14-basic-22"))
[]
"""

from __future__ import annotations

import difflib
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from .catalogue import duty_area_ids
from .errors import DesignValidationError, Problem, ShopOrgError
from .i18n import Phrase, t
from .pay.components import PAY_KINDS
from .pay.expr import ExpressionError, evaluation_order, parse_expression

__all__ = ["check_design", "problems_from_pydantic", "format_path", "FileProblemsError", "reporting_cycles",
           "name_problems"]


class FileProblemsError(DesignValidationError):
    """The problems of a file that is not a design (a scenario, a norms file), headed by
    the kind of file and its name rather than as problems "in design".

    >>> e = FileProblemsError([Problem("norms.picker.quota_per_day", "must be > 0, got -5", file="n.yaml", line=5)],
    ...                       "word.norms_file", "n.yaml")
    >>> print(e)
    1 problem in the norms file n.yaml:
      n.yaml:5: norms.picker.quota_per_day: must be > 0, got -5
    """

    def __init__(self, problems: list[Problem], kind: str, file: str):
        super().__init__(problems)
        self.kind, self.file = kind, file
        n = len(self.problems)
        head = t("err.problem_in_file" if n == 1 else "err.problems_in_file", "en", n=n, kind=t(kind, "en"), file=file)
        ShopOrgError.__init__(self, head + ":\n" + "\n".join(f"  {p}" for p in self.problems))

    def at(self, file: str, lines: dict[str, int] | None = None) -> "FileProblemsError":
        lines = lines or {}
        return FileProblemsError([p.at(file, lines.get(p.location)) for p in self.problems], self.kind, file)


def _suggest(word: str, choices) -> Phrase | str:
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return Phrase("err.suggest", close=repr(close[0])) if close else ""


def check_design(design) -> list[Problem]:
    """Every problem with the meaning of ``design``, in file order (empty when valid)."""
    problems: list[Problem] = []
    add = lambda loc, msg: problems.append(Problem(loc, msg))  # noqa: E731

    problems.extend(name_problems("name", design.name))
    dep_ids = [d.id for d in design.departments]
    deps_seen: set[str] = set()
    for i, dep in enumerate(design.departments):
        problems.extend(name_problems(f"departments[{i}].name", dep.name))
        if dep.id in deps_seen:
            add(f"departments[{i}].id", Phrase("err.duplicate_department", id=repr(dep.id)))
        deps_seen.add(dep.id)

    ids = [r.id for r in design.roles]
    seen: set[str] = set()
    for i, r in enumerate(design.roles):
        if r.id in seen:
            add(f"roles[{i}].id", Phrase("err.duplicate_role", id=repr(r.id)))
        seen.add(r.id)
    known = set(ids)
    areas = duty_area_ids()

    for i, r in enumerate(design.roles):
        here = f"roles[{i}]"
        problems.extend(name_problems(f"{here}.name", r.name))
        if r.reports_to is not None:
            if r.reports_to == r.id:
                add(f"{here}.reports_to", Phrase("err.self_report", id=repr(r.id)))
            elif r.reports_to not in known:
                add(f"{here}.reports_to", Phrase("err.unknown_manager", id=repr(r.reports_to),
                                                 hint=_suggest(r.reports_to, known), ids=", ".join(ids)))
        for j, m in enumerate(r.dotted_line):
            if m not in known or m == r.id or m == r.reports_to:
                why = ("err.dotted_unknown" if m not in known else
                       "err.dotted_self" if m == r.id else
                       "err.dotted_manager")
                add(f"{here}.dotted_line[{j}]", Phrase(why, id=repr(m)))
        if design.departments and r.department is not None and r.department not in deps_seen:
            add(f"{here}.department", Phrase("err.unknown_department", id=repr(r.department),
                                             hint=_suggest(r.department, dep_ids), ids=", ".join(dep_ids)))
        if r.vacancies > r.headcount:
            add(f"{here}.vacancies", Phrase("err.vacancies", vacancies=r.vacancies, headcount=r.headcount))
        for j, duty in enumerate(r.duties):
            if duty.area not in areas:
                add(f"{here}.duties[{j}].area", Phrase("err.unknown_area", id=repr(duty.area),
                                                       hint=_suggest(duty.area, areas)))
        for j, c in enumerate(r.pay):
            for key, text in c.expressions().items():
                problems.extend(_expression_problems(text, f"{here}.pay[{j}].{key}"))
        weights = [d.weight for d in r.duties]
        given = [w for w in weights if w is not None]
        total = sum(given, Decimal(0))
        if total > 100:
            add(f"{here}.duties", Phrase("err.kpi_over", total=total))
        elif given and len(given) == len(weights) and total != 100:
            add(f"{here}.duties", Phrase("err.kpi_sum", total=total))

    problems.extend(_rule_problems(design.rules))
    problems.extend(_hierarchy_problems(design, known))
    return problems


#: What a name (of the design, a department, a role) may not hold besides what no text may
#: (:func:`shoporg._types.check_text`): a line break, a tab, or Unicode's line and paragraph
#: separators. A name is one line in a chart box, a table cell, a sheet's or a heading's text;
#: descriptions, duties and notes keep their line breaks.
_NOT_IN_NAMES = {"\n": "err.name_kind.line_break", "\t": "err.name_kind.tab", "\u2028": "err.name_kind.line_break",
                 "\u2029": "err.name_kind.line_break"}


def name_problems(where: str, name) -> list[Problem]:
    r"""A problem for each language of ``name`` (a Text) that holds a line break or a tab.

    >>> from shoporg.model import Text
    >>> [str(p) for p in name_problems("roles[1].name", Text(zh="客服\n主管"))]
    ['roles[1].name.zh: holds a line break at character 3; allowed in a name: one line of text (line breaks may go into the description or the notes)']
    """
    problems = []
    for lang in ("zh", "en"):
        text = getattr(name, lang, None) or ""
        at = next((i for i, c in enumerate(text) if c in _NOT_IN_NAMES), None)
        if at is not None:
            problems.append(Problem(f"{where}.{lang}", Phrase("err.name_char", kind=Phrase(_NOT_IN_NAMES[text[at]]),
                                                               at=at + 1)))
    return problems


def _rule_problems(rules: dict) -> list[Problem]:
    problems, parsed = [], {}
    for name, text in rules.items():
        try:
            parsed[name] = parse_expression(text, where=f"rules.{name}")
        except ExpressionError as e:
            problems.append(Problem(f"rules.{name}", e.problem.phrase or e.problem.message))
    if not problems:
        try:
            evaluation_order(parsed)
        except ExpressionError as e:
            problems.append(Problem("rules", e.problem.phrase or e.problem.message))
    return problems


def _expression_problems(text: str, where: str) -> list[Problem]:
    try:
        parse_expression(text, where=where)
    except ExpressionError as e:
        return [Problem(where, e.problem.phrase or e.problem.message)]
    return []


def reporting_cycles(manager: dict[str, str | None]) -> list[list[str]]:
    """The cycles among reporting lines (``manager``: role id -> its manager), each as the
    ring of ids from the role met first in ``manager``'s order, back to it. Linear in the
    roles: each is walked up from once, then marked done.

    >>> reporting_cycles({"a": None, "b": "c", "c": "d", "d": "b", "e": "a"})
    [['b', 'c', 'd', 'b']]
    """
    order = {rid: i for i, rid in enumerate(manager)}
    ON_PATH, DONE = 1, 2
    state: dict[str, int] = {}
    rings = []
    for start in manager:
        path, node = [], start
        while node is not None and node not in state:
            state[node] = ON_PATH
            path.append(node)
            node = manager.get(node)
        if node is not None and state[node] == ON_PATH:  # came back to a role on this path: a cycle
            cycle = path[path.index(node):]
            first = min(cycle, key=lambda n: order.get(n, len(order)))
            rings.append(cycle[cycle.index(first):] + cycle[:cycle.index(first)] + [first])
        for n in path:
            state[n] = DONE
    return rings


def _hierarchy_problems(design, known: set[str]) -> list[Problem]:
    """Cycles and top roles, in one pass over the reporting lines (see :func:`reporting_cycles`)."""
    index = {r.id: i for i, r in reversed(list(enumerate(design.roles)))}
    manager = {r.id: r.reports_to for r in design.roles if r.reports_to in known and r.reports_to != r.id}
    problems = [Problem(f"roles[{index[ring[0]]}].reports_to", Phrase("err.cycle", ring=" → ".join(ring)))
                for ring in reporting_cycles(manager)]  # in file order: a role's first place
    roots = [r.id for r in design.roles if r.reports_to is None]
    if not design.forest and len(roots) > 1:
        problems.append(Problem("roles", Phrase("err.roots", n=len(roots), ids=", ".join(roots))))
    if not roots and not problems:
        problems.append(Problem("roles", Phrase("err.no_root")))
    return problems


# -- pydantic errors -> problems ---------------------------------------------------------

def format_path(loc: tuple[Any, ...]) -> str:
    """``('roles', 4, 'pay', 1, 'rate')`` → ``'roles[4].pay[1].rate'``.

    >>> format_path(('roles', 4, 'pay', 1, 'rate'))
    'roles[4].pay[1].rate'
    """
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> tuple[type[BaseModel] | None, tuple]:
    """Follow ``loc`` through the model classes; return the innermost model and a clean loc.

    pydantic puts the discriminator tag of a tagged union into ``loc``
    (``roles.0.pay.1.base.monthly``); the clean loc drops it.
    """
    model: Any = root
    clean: list[Any] = []
    pending: Any = None  # the annotation of a field whose value is a list or a union
    for part in loc:
        if pending is not None:
            if typing.get_origin(pending) is dict:  # a mapping's key, then its value's type
                clean.append(part)
                pending = typing.get_args(pending)[1] if typing.get_args(pending) else None
                model = _as_model(pending)
                if model is not None:
                    pending = None
                continue
            tagged = _tagged(pending)
            if part in tagged:  # the tag pydantic puts in loc for a tagged union (``method: quota``)
                model, pending = tagged[part], None
                continue
            if isinstance(part, int):
                clean.append(part)
                args = typing.get_args(pending)
                pending = args[0] if args else None
                model = _as_model(pending)
                if model is not None:
                    pending = None
                continue
            if part in PAY_KINDS:
                model, pending = PAY_KINDS[part].model, None
                continue
            if part in ("function-before", "function-after") or str(part).startswith("function"):
                continue
        clean.append(part)
        fields = getattr(model, "model_fields", None)
        if not fields or part not in _field_names(model):
            model, pending = None, None
            continue
        ann = fields[_field_names(model)[part]].annotation
        inner = _as_model(ann)
        if inner is not None:
            model, pending = inner, None
        else:
            model, pending = None, ann
    return (model if pending is None else None), tuple(clean)


def _tagged(ann: Any) -> dict[str, type[BaseModel]]:
    """The models of a tagged union (``Annotated[Union[A, B], Field(discriminator=...)]``)
    by their tag, else empty."""
    if typing.get_origin(ann) is not typing.Annotated:
        return {}
    union, *meta = typing.get_args(ann)
    key = next((getattr(m, "discriminator", None) for m in meta if getattr(m, "discriminator", None)), None)
    out = {}
    for member in typing.get_args(union) if isinstance(key, str) else ():
        field = getattr(member, "model_fields", {}).get(key)
        for tag in typing.get_args(field.annotation) if field is not None else ():
            out[tag] = member
    return out


def _field_names(model) -> dict[str, str]:
    """Map of the keys a file may use (aliases included) to field names."""
    return {(f.alias or n): n for n, f in model.model_fields.items()} | {n: n for n in model.model_fields}


def _as_model(ann: Any):
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    args = [a for a in typing.get_args(ann) if a is not type(None)]
    if typing.get_origin(ann) in (typing.Union, getattr(__import__("types"), "UnionType", None)) and len(args) == 1:
        return _as_model(args[0])
    return None


def _file_keys(model) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def problems_from_pydantic(error: ValidationError, root: type[BaseModel]) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into located, plain-worded problems."""
    problems: list[Problem] = []
    errors = error.errors()
    # pydantic also reports a list as too short when one of its items failed: say only the item
    failed_inside = {tuple(e["loc"][:i]) for e in errors for i in range(len(e["loc"]))}
    errors = [e for e in errors if not (e["type"] == "too_short" and tuple(e["loc"]) in failed_inside)]
    for err in errors:
        loc = tuple(err["loc"])
        kind, msg, value = err["type"], err["msg"], err.get("input")
        ctx = err.get("ctx") or {}
        inner = ctx.get("error")
        if isinstance(inner, DesignValidationError):
            prefix = format_path(_model_at(root, loc)[1])
            for p in inner.problems:
                problems.append(Problem(f"{prefix}.{p.location}" if prefix else p.location, p.phrase or p.message))
            continue
        if kind == "extra_forbidden":
            parent, clean = _model_at(root, loc[:-1])
            allowed = ", ".join(sorted(_file_keys(parent))) if parent else Phrase("err.see_schema")
            key = loc[-1]
            hint = _suggest(key, _file_keys(parent)) if parent else ""
            problems.append(Problem(format_path(clean + (key,)), Phrase("err.unknown_key", key=repr(key), hint=hint,
                                                                        allowed=allowed)))
            continue
        _, clean = _model_at(root, loc)
        path = format_path(clean)
        if kind == "missing":
            problems.append(Problem(path, Phrase("err.missing_key")))
        elif kind == "union_tag_invalid" and ctx.get("discriminator") != "'kind'":  # another tagged union
            field = str(ctx.get("discriminator", "")).strip("'")
            allowed = [tag.strip(" '") for tag in str(ctx.get("expected_tags", "")).split(",")]
            problems.append(Problem(f"{path}.{field}" if path else field,
                                    Phrase("err.tag", field=field, tag=repr(ctx.get("tag")),
                                           hint=_suggest(ctx.get("tag"), allowed), allowed=", ".join(allowed))))
        elif kind == "union_tag_invalid":
            problems.append(Problem(path + ".kind" if path else "kind",
                                    Phrase("err.pay_kind", kind=repr(ctx.get("tag")),
                                           hint=_suggest(ctx.get("tag"), PAY_KINDS), allowed=", ".join(sorted(PAY_KINDS)))))
        elif kind == "union_tag_not_found":
            problems.append(Problem(path + ".kind" if path else "kind",
                                    Phrase("err.pay_kind_missing", allowed=", ".join(sorted(PAY_KINDS)))))
        elif kind == "literal_error":
            problems.append(Problem(path, Phrase("err.literal", got=repr(value), allowed=ctx.get("expected"))))
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            problems.append(Problem(path, Phrase("err.mapping", got=_show(value))))
        elif kind in ("tuple_type", "list_type"):
            problems.append(Problem(path, Phrase("err.list", got=_show(value))))
        elif kind == "value_error":
            said = inner.args[0] if isinstance(inner, ValueError) and inner.args else None
            problems.append(Problem(path, said if isinstance(said, Phrase) else msg.removeprefix("Value error, ")))
        elif kind == "string_pattern_mismatch":
            problems.append(Problem(path, Phrase("err.pattern", got=repr(value), pattern=ctx.get("pattern"))))
        elif kind in _PYDANTIC:
            problems.append(Problem(path, Phrase(_PYDANTIC[kind], got=_show(value), **{
                k: v for k, v in ctx.items() if k in ("ge", "le", "gt", "lt", "min_length", "max_length")})))
        else:
            problems.append(Problem(path, Phrase("err.invalid", detail=f"{msg[0].lower()}{msg[1:]}", got=_show(value))))
    return problems


#: pydantic error types worded by the catalogue (with the context fields they use)
_PYDANTIC = {"greater_than_equal": "err.ge", "less_than_equal": "err.le", "greater_than": "err.gt",
             "less_than": "err.lt", "string_too_short": "err.too_short_text", "string_too_long": "err.too_long_text",
             "too_short": "err.too_few", "too_long": "err.too_many", "string_type": "err.string",
             "bool_type": "err.bool", "bool_parsing": "err.bool", "int_type": "err.int", "int_parsing": "err.int",
             "int_from_float": "err.int", "float_type": "err.number", "float_parsing": "err.number",
             "decimal_type": "err.number", "decimal_parsing": "err.number"}


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

