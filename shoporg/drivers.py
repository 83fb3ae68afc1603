"""Business drivers: the monthly volumes pay rules and staffing norms refer to.

A glossary, so tables can say "每拣货单2元" instead of "2/orders_picked". A rule may
use any snake_case name; names not listed here are shown as written. The words live in
the catalogue (``driver.*`` and ``unit.*`` in :mod:`shoporg.i18n.catalogue`); this module
is a view on them.

>>> unit("orders_picked", "zh"), unit("orders_picked", "en")
('拣货单', 'order picked')
>>> unit("my_driver", "en")
'my_driver'
>>> DRIVERS["negative_reviews"]
('条差评', 'negative review', '差评数', 'negative reviews')
"""

from __future__ import annotations

from .i18n import WORDS, driver_unit, t

__all__ = ["DRIVERS", "unit"]


def _entry(name: str) -> tuple[str, str, str, str]:
    units = tuple(t(f"unit.{name}", lang) if f"unit.{name}" in WORDS else "" for lang in ("zh", "en"))
    return units + (t(f"driver.{name}", "zh"), t(f"driver.{name}", "en"))


#: name -> (Chinese unit, English unit, Chinese description, English description)
DRIVERS: dict[str, tuple[str, str, str, str]] = {
    key.removeprefix("driver."): _entry(key.removeprefix("driver.")) for key in WORDS if key.startswith("driver.")}


def unit(driver: str, lang: str = "zh") -> str:
    """The unit a rate is quoted per, in ``lang`` (the driver name itself if unknown)."""
    return driver_unit(driver, lang)
