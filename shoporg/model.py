"""The design model: roles with duties and pay, grouped into an immutable OrgDesign.

An :class:`OrgDesign` never changes; every edit returns a new design, so undo,
compare and diff need no bookkeeping. Every design is checked when it is built:
the structure by pydantic, the meaning (one root, no cycle, known managers, KPI
weights, known duty areas) by :mod:`shoporg.validation`.

>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> d2 = d.with_headcount("sales_cs", 6)
>>> d.role("sales_cs").headcount, d2.role("sales_cs").headcount, d2 is d
(Decimal('5'), Decimal('6'), False)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Iterator, Literal

from pydantic import (
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ._types import (
    AreaCode,
    DesignId,
    DriverName,
    Expr,
    Frozen,
    Money,
    Rate,
    RoleId,
    Text,
    TextStr,
    to_decimal,
)
from .client import ClientBlock
from .errors import DesignValidationError, Problem, UnknownRoleError
from .i18n import Phrase
from .pay.components import PayComponent
from .staffing.norms import Norm
from .validation import check_design, problems_from_pydantic

__all__ = ["SCHEMA_ID", "Text", "Duty", "Requirement", "Department", "Source", "RoleSource",
           "Role", "OnCost", "RoleEmployment", "Employment", "OrgDesign", "lift_reports"]

SCHEMA_ID = "shoporg/design-v1"

Headcount = Annotated[Decimal, WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100000})]
Weight = Annotated[Decimal, Field(ge=0, le=100), WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})]


class Duty(Frozen):
    """One duty (职责) of a role, mapped to an area of the duty catalogue.

    ``weight`` is the duty's KPI weight in percent, when the source gives one.
    """

    area: AreaCode
    zh: Annotated[TextStr, Field(min_length=1)]
    en: TextStr | None = None
    group: Text | None = None
    """The heading the duty stands under in the source (工作统筹, 职责一...)."""
    weight: Weight | None = None
    note: Text | None = None

    def text(self, lang: str = "zh") -> str:
        return Text(zh=self.zh, en=self.en).get(lang)


class Requirement(Frozen):
    """A requirement for holding a role (任职要求): education, experience, skills..."""

    kind: Literal["education", "experience", "skill", "software", "ability", "trait", "other"]
    zh: Annotated[TextStr, Field(min_length=1)]
    en: TextStr | None = None

    def text(self, lang: str = "zh") -> str:
        return Text(zh=self.zh, en=self.en).get(lang)


class Department(Frozen):
    """A department (部门) roles are grouped into; ``role.department`` names its id."""

    id: RoleId
    name: Text
    note: Text | None = None


class RoleSource(Frozen):
    """Where a role stands in the source document (``岗位9``, a heading, a reading note)."""

    label: TextStr | None = None
    heading: TextStr | None = None
    note: Text | None = None


class Source(Frozen):
    """The source document and heading a design was made from."""

    document: TextStr
    heading: TextStr
    note: Text | None = None


class Role(Frozen):
    """A position (岗位): who holds it, whom it reports to, what it does and how it is paid.

    ``headcount`` is in FTE: 0.5 means one person holding this role half time.
    ``headcount_assumed`` marks a headcount the source does not give;
    ``reports_to_inferred`` marks a reporting line the source does not draw.
    """

    id: RoleId
    name: Text
    department: RoleId | None = None
    reports_to: RoleId | None = None
    reports_to_inferred: bool = False
    dotted_line: tuple[RoleId, ...] = ()
    headcount: Headcount = Decimal(1)
    headcount_assumed: bool = False
    vacancies: int = Field(0, ge=0)
    pay_structure: Text | None = None
    """工资构成 as the source words it (e.g. 底薪 + 营业额奖金)."""
    pay_method: Text | None = None
    """计算方式 as the source words it."""
    pay: tuple[PayComponent, ...] = ()
    norm: Norm | None = None
    """The workload norm that sizes this role from volume (see :mod:`shoporg.staffing.norms`)."""
    duties: tuple[Duty, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    notes: tuple[Text, ...] = ()
    source: RoleSource | None = None

    @field_validator("headcount", mode="before")
    @classmethod
    def _headcount(cls, v: Any) -> Decimal:
        return to_decimal(v, places=2, maximum=100_000)

    def label(self, lang: str = "zh") -> str:
        return self.name.get(lang)


class OnCost(Frozen):
    """Employer on-cost (social insurance and housing fund) as a rate on gross pay.

    The contribution base is each person's monthly gross pay, clamped to
    ``[base_floor, base_cap]``. Rates and bounds differ by city and year: set them from
    the client's local rules; shoporg ships no city presets.
    """

    rate: Rate
    base_floor: Money | None = None
    base_cap: Money | None = None
    label: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "OnCost":
        if self.base_floor is not None and self.base_cap is not None and self.base_floor > self.base_cap:
            raise ValueError(Phrase("err.on_cost_bounds", floor=self.base_floor, cap=self.base_cap))
        return self


class RoleEmployment(Frozen):
    """How a role's people are engaged (用工方式) and what that adds to their cost.

    ``full_time`` (the default), ``part_time`` (非全日制, paid by the hour: ``hours_month``
    paid hours a month, checked against the city's hourly minimum wage; the employer
    insures work injury only), ``agency`` (劳务派遣: the agency's fee is ``agency_share``
    of the wages, contributions and housing fund it passes on) or ``outsourced`` (业务外包:
    no wages of the shop's own; ``unit_price`` yuan per unit of ``driver``, e.g. per chat).
    ``special_deductions`` is each person's special additional deductions a month (个税).
    """

    hire: Literal["full_time", "part_time", "agency", "outsourced"] = "full_time"
    hours_month: Annotated[Decimal, Field(gt=0, le=744)] | None = None
    agency_share: Rate | None = None
    unit_price: Money | None = None
    driver: DriverName | None = None
    special_deductions: Money | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _needs(self) -> "RoleEmployment":
        needs = {"part_time": ("hours_month",), "agency": ("agency_share",), "outsourced": ("unit_price", "driver")}
        for key in needs.get(self.hire, ()):
            if getattr(self, key) is None:
                raise ValueError(Phrase("err.employment_hire_needs", hire=self.hire, key=key))
        return self


class Employment(Frozen):
    """Where and how the design's people are employed: the city whose parameter pack
    prices social insurance, housing fund, minimum wage and tax, and the choices the
    law leaves to the employer. A scenario may override any key (its ``employment:``).

    ``effective`` (YYYY-MM or YYYY-MM-DD): read every figure as in force on that date
    (default: each plan month's own); ``base_rule``: the contribution base is the actual
    gross pay clamped to the floor and cap, the floor, or ``base_amount`` (fixed);
    ``housing_fund_rate``: one share within the city's range (default: its minimum);
    ``work_injury_class``: the industry class (default: the pack's); ``special_deductions``
    a month per person (个税); ``prior_months``: months of the tax year worked before the
    plan start (at the first month's pay); ``bonus_tax``: how an annual bonus is taxed
    when its component does not say.
    """

    city: Annotated[TextStr, Field(min_length=1, max_length=40)]
    effective: Annotated[TextStr, Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")] | None = None
    base_rule: Literal["actual", "floor", "fixed"] = "actual"
    base_amount: Money | None = None
    housing_fund_rate: Rate | None = None
    work_injury_class: Annotated[int, Field(ge=1, le=8)] | None = None
    special_deductions: Money = Decimal(0)
    prior_months: Annotated[int, Field(ge=0, le=11)] = 0
    bonus_tax: Literal["separate", "with_wages", "cheaper"] = "cheaper"
    roles: dict[RoleId, RoleEmployment] = {}
    note: Text | None = None

    @field_validator("effective", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        return v.isoformat() if hasattr(v, "isoformat") else v  # YAML reads 2026-01-01 as a date

    @model_validator(mode="after")
    def _fixed(self) -> "Employment":
        if self.base_rule == "fixed" and self.base_amount is None:
            raise ValueError(Phrase("err.employment_fixed_base"))
        return self

    def role(self, role_id: str) -> RoleEmployment:
        """The role's terms (full-time when the block does not name it)."""
        return self.roles.get(role_id) or RoleEmployment()

    def overridden(self, changes) -> "Employment":
        """A copy with a scenario's ``employment:`` keys applied (``roles`` merged by role)."""
        data = self.model_dump(exclude_defaults=True)
        changes = dict(changes or {})
        roles = dict(data.get("roles", {}))
        roles.update(changes.pop("roles", None) or {})
        data.update(changes)
        if roles:
            data["roles"] = roles
        return Employment.model_validate(data)


class OrgDesign(Frozen):
    """An org design: roles in a hierarchy (one root, or a forest if ``forest: true``)."""

    schema_id: Literal["shoporg/design-v1"] = Field(SCHEMA_ID, alias="schema")
    id: DesignId
    name: Text
    description: Text | None = None
    source: Source | None = None
    client: ClientBlock | None = None
    """Who the design is made for (client, project, consultant, date, version): used on
    the covers and in the file names of its deliverables."""
    currency: Literal["CNY"] = "CNY"
    forest: bool = False
    on_cost: OnCost | None = None
    employment: Employment | None = None
    rules: dict[DriverName, Expr] = {}
    """Named derived drivers, e.g. ``capped_orders: min(orders_picked, 5000)``; a rule may
    read drivers and other rules (evaluated in dependency order) and pay rules read it
    like any driver."""
    departments: tuple[Department, ...] = ()
    roles: tuple[Role, ...] = Field(min_length=1)
    notes: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _check_meaning(self) -> "OrgDesign":
        problems = check_design(self)
        if self.employment is not None:
            problems += [Problem(f"employment.roles.{rid}", Phrase("err.employment_role",
                                                                   known=", ".join(self.role_ids)))
                         for rid in self.employment.roles if rid not in self.role_ids]
        if problems:
            raise DesignValidationError(problems)
        return self

    # -- reading ---------------------------------------------------------
    def role(self, role_id: str) -> Role:
        """The role with this id; :class:`UnknownRoleError` lists the known ids otherwise."""
        for r in self.roles:
            if r.id == role_id:
                return r
        raise UnknownRoleError(Phrase("err.unknown_role", id=repr(role_id), design=repr(self.id),
                                      known=", ".join(self.role_ids)))

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)

    @property
    def headcount(self) -> Decimal:
        """Total FTE of the design."""
        return sum((r.headcount for r in self.roles), Decimal(0))

    def department(self, dep_id: str | None) -> Department | None:
        return next((d for d in self.departments if d.id == dep_id), None)

    def reports(self, role_id: str) -> tuple[Role, ...]:
        """The roles that report directly to ``role_id``, in file order."""
        self.role(role_id)
        return tuple(r for r in self.roles if r.reports_to == role_id)

    def __iter__(self) -> Iterator[Role]:  # type: ignore[override]
        return iter(self.roles)

    def __len__(self) -> int:
        return len(self.roles)

    # -- editing: each returns a new, checked design ------------------------
    def replace(self, **changes: Any) -> "OrgDesign":
        """A copy with ``changes`` applied and checked again (like ``dataclasses.replace``)."""
        data = {name: getattr(self, name) for name in type(self).model_fields}
        unknown = set(changes) - set(data)
        if unknown:
            raise TypeError(Phrase("err.unknown_design_fields", fields=sorted(unknown), allowed=sorted(data)))
        data.update(changes)
        return _build(OrgDesign, data)

    def with_role(self, role: Role, *, after: str | None = None) -> "OrgDesign":
        """Add ``role``, or replace the role with the same id in place.

        >>> from shoporg import load_template
        >>> d = load_template("seed-14-basic-22")
        >>> r = Role(id="live_host", name={"zh": "主播", "en": "Live-stream host"},
        ...          reports_to="promo_manager", headcount=2)
        >>> d.with_role(r).headcount - d.headcount
        Decimal('2')
        """
        roles = list(self.roles)
        ids = self.role_ids
        if role.id in ids:
            roles[ids.index(role.id)] = role
        elif after is not None:
            self.role(after)
            roles.insert(ids.index(after) + 1, role)
        else:
            roles.append(role)
        return self.replace(roles=tuple(roles))

    def without_role(self, role_id: str) -> "OrgDesign":
        """Remove a role; its direct reports move up to its manager, dotted lines to it go.

        >>> from shoporg import load_template
        >>> d = load_template("seed-14-basic-22").without_role("cs_manager")
        >>> d.role("sales_cs").reports_to
        'director'
        """
        self.role(role_id)
        kept = [r for r in self.roles if r.id != role_id]
        return self.replace(roles=lift_reports(kept, {r.id: r.reports_to for r in self.roles}))

    def with_headcount(self, role_id: str, headcount: float | int | str | Decimal) -> "OrgDesign":
        """Set a role's headcount (FTE)."""
        return self.with_role_changes(role_id, headcount=headcount, headcount_assumed=False)

    def move_role(self, role_id: str, new_manager: str | None) -> "OrgDesign":
        """Make ``role_id`` report to ``new_manager`` (``None``: a top role)."""
        return self.with_role_changes(role_id, reports_to=new_manager, reports_to_inferred=False)

    def with_role_changes(self, role_id: str, **changes: Any) -> "OrgDesign":
        """A copy in which one role's fields are changed.

        >>> from shoporg import load_template
        >>> d = load_template("seed-14-basic-22").with_role_changes("picker", vacancies=1)
        >>> d.role("picker").vacancies
        1
        """
        return self.with_role(_edit(self.role(role_id), changes))

    def only(self, role_ids) -> "OrgDesign":
        """The design cut down to ``role_ids`` (a department, a few roles to cost).

        A kept role whose manager is dropped reports to its nearest kept superior, or
        becomes a top role; with several top roles the result is a forest.

        >>> from shoporg import load_template
        >>> d = load_template("seed-14-basic-22").only(["director", "picker", "shipper"])
        >>> [(r.id, r.reports_to) for r in d.roles]
        [('director', None), ('picker', 'director'), ('shipper', 'director')]
        """
        keep = set(role_ids)
        for rid in keep:
            self.role(rid)
        roles = lift_reports([r for r in self.roles if r.id in keep], {r.id: r.reports_to for r in self.roles})
        forest = self.forest or sum(r.reports_to is None for r in roles) > 1
        return self.replace(roles=tuple(roles), forest=forest)

    def renamed(self, role_id: str, zh: str, en: str | None = None) -> "OrgDesign":
        """Give a role a new bilingual name."""
        return self.with_role_changes(role_id, name=Text(zh=zh, en=en))


def lift_reports(roles, managers: dict[str, str | None]) -> tuple[Role, ...]:
    """``roles`` with their reports moved up past the roles that are gone: the one
    implementation of "reports move up" (removing a role, cutting a design down, a row
    deleted from an imported table).

    ``managers`` maps each role id of the design the roles come from to its manager. A
    role whose manager is not among ``roles`` reports to its nearest superior that is
    (or becomes a top role), marked ``reports_to_inferred``; dotted lines to roles that
    are gone are dropped. A manager ``managers`` does not know is left for the checks.

    >>> a = Role(id="a", name="店长")
    >>> b = Role(id="b", name="主管", reports_to="a")
    >>> c = Role(id="c", name="客服", reports_to="b", dotted_line=("b",))
    >>> (c2,) = lift_reports([c], {"a": None, "b": "a", "c": "b"})
    >>> c2.reports_to, c2.reports_to_inferred, c2.dotted_line
    (None, True, ())
    >>> [(r.id, r.reports_to) for r in lift_reports([a, c], {"a": None, "b": "a", "c": "b"})]
    [('a', None), ('c', 'a')]
    """
    kept = {r.id for r in roles}
    out = []
    for r in roles:
        up = r.reports_to
        while up is not None and up not in kept and up in managers:
            up = managers[up]
        changes: dict[str, Any] = {}
        if up != r.reports_to and (up is None or up in kept):
            changes.update(reports_to=up, reports_to_inferred=True)
        dotted = tuple(x for x in r.dotted_line if x in kept or x not in managers)
        if dotted != r.dotted_line:
            changes["dotted_line"] = dotted
        out.append(_edit(r, changes) if changes else r)
    return tuple(out)


def _edit(role: Role, changes: dict[str, Any]) -> Role:
    unknown = set(changes) - set(Role.model_fields)
    if unknown:
        raise TypeError(Phrase("err.unknown_role_fields", fields=sorted(unknown), allowed=sorted(Role.model_fields)))
    data = {name: getattr(role, name) for name in Role.model_fields}
    data.update(changes)
    return _build(Role, data)


def _build(cls, data: dict[str, Any]):
    """Validate ``data`` into ``cls``, turning pydantic errors into located shoporg errors."""
    try:
        return cls.model_validate(data)
    except ValidationError as e:
        raise DesignValidationError(problems_from_pydantic(e, cls)) from None
