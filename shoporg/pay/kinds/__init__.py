"""The pay kinds: one module each, and :data:`PAY_KINDS`, the registry the engine, the
tables, the charts, the designer, validation, the JSON Schema and the docs read.

A kind is a module holding the component's pydantic model (a :class:`Component` with a
``kind`` literal) and a :class:`Kind` instance ``KIND``: its amount over arrays, its
words, its editor fields, its cost group and, if it has one, its settlement. Adding one
is that module plus its ``register(...)`` line at the bottom of this file;
:func:`register` also adds one at run time (a plug-in, a test) and rebuilds the models
that hold pay components.

>>> list(PAY_KINDS)
['base', 'piece_rate', 'revenue_bonus', 'team_bonus', 'allowance', 'deduction', 'year_end_bonus', 'overtime',
 'probation']
>>> PAY_KINDS["team_bonus"].cost_group, PAY_KINDS["base"].fixed
('bonus', True)
"""

from __future__ import annotations

import typing
from typing import Annotated

from pydantic_core import core_schema

from ..._types import Frozen
from ...i18n import Phrase
from . import allowance, base, deduction, overtime, piece_rate, probation, revenue_bonus, team_bonus, year_end_bonus
from ._kind import COST_GROUPS, Component, Inputs, Kind, money

__all__ = ["PAY_KINDS", "COST_GROUPS", "PayComponent", "Component", "Kind", "Inputs", "register",
           "unregister", "kind_of", "missing_parameters", "keys_table", "money"]

#: kind name → its :class:`Kind`, in the order files and menus list them
PAY_KINDS: dict[str, Kind] = {}


class _PaySchema:
    """Validates a pay component by its ``kind`` against the kinds registered now."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        choices = {name: handler.generate_schema(k.model) for name, k in PAY_KINDS.items()}
        return core_schema.tagged_union_schema(choices, discriminator="kind")


#: A pay component of any registered kind, told apart by ``kind``.
PayComponent = Annotated[Component, _PaySchema]


def _mentions(annotation, targets) -> bool:
    if annotation is _PaySchema or annotation in targets:
        return True
    return any(_mentions(a, targets) for a in typing.get_args(annotation))


def _holds(field, targets) -> bool:
    return any(m is _PaySchema for m in field.metadata) or _mentions(field.annotation, targets)


def _rebuild_models() -> None:
    """Rebuild every model that holds pay components (directly or through another model),
    inner ones first, so they accept the kinds registered now."""
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    models = list(dict.fromkeys(subclasses(Frozen)))
    done: list[type] = []
    while more := [m for m in models if m not in done and any(_holds(f, done) for f in m.model_fields.values())]:
        for m in more:
            m.model_rebuild(force=True)
        done += more


def register(kind: Kind) -> Kind:
    """Add ``kind`` to :data:`PAY_KINDS` (or replace the kind of that name) and rebuild the
    models that hold pay components."""
    if not (isinstance(kind, Kind) and issubclass(kind.model, Component)):
        raise TypeError(Phrase("err.pay_kind_type", got=repr(kind)))
    PAY_KINDS[kind.name] = kind
    if _ready:
        _rebuild_models()
    return kind


def unregister(name: str) -> None:
    """Remove the kind ``name`` (a kind registered at run time) and rebuild the models."""
    PAY_KINDS.pop(name)
    _rebuild_models()


def kind_of(c) -> Kind:
    """The :class:`Kind` of component ``c``.

    >>> kind_of(base.Base(kind="base", monthly=4000)).label["en"]
    'Base pay'
    """
    return PAY_KINDS[c.kind]


def missing_parameters(component) -> list[str]:
    """Names of the parameters that the source left blank (``None``).

    >>> missing_parameters(revenue_bonus.RevenueBonus(kind="revenue_bonus", rate=None))
    ['rate']
    """
    return kind_of(component).missing(component)


def keys_table() -> str:
    """The pay kinds and their keys as the Markdown table ``docs/design-format.md`` shows."""
    rows = ["| kind | keys |", "|---|---|"] + [f"| `{name}` | {k.keys} |" for name, k in PAY_KINDS.items()]
    return "\n".join(rows) + "\n"


_ready = False
# The registry: one line per kind.
register(base.KIND)
register(piece_rate.KIND)
register(revenue_bonus.KIND)
register(team_bonus.KIND)
register(allowance.KIND)
register(deduction.KIND)
register(year_end_bonus.KIND)
register(overtime.KIND)
register(probation.KIND)
_ready = True
