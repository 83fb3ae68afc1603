"""Names a package imports on first use, from a table of name -> module (under shoporg).

A leaf: the packages that use it (``shoporg``, ``shoporg.io``, ``shoporg.staffing``) stay
quick to import, and a name's module is loaded only when the name is read.

>>> import types
>>> pkg = types.ModuleType("pkg")
>>> pkg.__getattr__, pkg.__dir__ = exports(pkg.__dict__, {"cost_per_order": "unit_cost"})
>>> pkg.cost_per_order(10.0, 4), dir(pkg)
(2.5, ['cost_per_order'])
>>> pkg.nothing
Traceback (most recent call last):
...
AttributeError: module 'pkg' has no attribute 'nothing'
"""

from __future__ import annotations

from importlib import import_module

__all__ = ["exports"]


def exports(namespace: dict, table: dict[str, str]):
    """A module's ``__getattr__`` and ``__dir__`` for the names of ``table``: each is
    imported from ``shoporg.<module>`` when first read, then kept in ``namespace``."""
    def __getattr__(name: str):
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        value = getattr(import_module(f"shoporg.{module}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(table)

    return __getattr__, __dir__
