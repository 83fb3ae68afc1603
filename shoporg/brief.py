"""The client brief: what a client tells the consultant about volumes, turned into the
twelve-month scenario every payroll, staffing norm and export is costed on.

Volumes are absolute numbers a client knows (orders per day or per month, the average
order value, chats per day); peaks are a list (双11 ×3 in November, 618 ×1.8 in June);
a month's volume is its daily figure times the days of that calendar month, times the
peaks that fall in it.

>>> b = Brief(client="某旗舰店", orders=1000, orders_per="day", order_value=180, chats=1500,
...           peaks=[Peak(name="618", month=6, factor=1.8), Peak(name="双11", month=11, factor=3)])
>>> s = b.scenario()
>>> s.driver("orders")[[0, 5, 10]].tolist()   # January (31 days), June (30 × 1.8), November (30 × 3)
[31000.0, 54000.0, 90000.0]
>>> float(s.driver("revenue")[0])
5580000.0
"""

from __future__ import annotations

import calendar
import re
from typing import Literal

import numpy as np
from pydantic import Field, field_validator, model_validator

from ._types import Frozen, Text, TextStr
from .i18n import LANGS, WORDS, Phrase, t
from .scenario import MONTHS, NOT_SCALED, Scenario, month_labels

__all__ = ["Brief", "Peak", "PLATFORMS", "VOLUME_DRIVERS"]

#: Where the shop sells; the names are in the catalogue (``brief.platform.*``).
PLATFORMS = ("tmall", "taobao", "jd", "douyin", "pdd", "own", "other")
#: Drivers a peak multiplies; the others (incidents, negative reviews, attainment) are
#: counts or rates the brief gives month by month.
VOLUME_DRIVERS = ("orders", "orders_picked", "orders_shipped", "revenue", "consultations", "complaints")
_MOST = 1e9  # orders, chats or complaints in a day or a month: far beyond any shop
_TIME = re.compile(r"([01]\d|2[0-4]):([0-5]\d)")
_DRIVER = re.compile(r"[a-z][a-z0-9_]{0,63}")
#: the drivers the brief's own fields make
_OWN = frozenset(VOLUME_DRIVERS) | {"negative_reviews", "store_incidents", "attainment"}


class Peak(Frozen):
    """A sales event: its calendar month and the factor on that month's volumes."""

    name: TextStr = Field(min_length=1, max_length=40)
    month: int = Field(ge=1, le=12)
    factor: float = Field(gt=0, le=20)


class Brief(Frozen):
    """A client brief. ``orders`` and ``chats`` are per day or per month (``*_per``);
    ``order_value`` is yuan; ``service_hours`` the chat service day (``"09:00"``–``"24:00"``);
    ``incident_months`` calendar months with a store-room incident; ``city`` (a city with a
    parameter pack, e.g. ``上海``) makes the scenario price employer contributions and tax."""

    client: TextStr = Field("", max_length=80)
    project: TextStr = Field("", max_length=80)
    platform: Literal[PLATFORMS] = "tmall"
    city: TextStr = Field("", max_length=20)
    start: str = "2026-01"
    orders: float = Field(ge=0, le=_MOST)
    orders_per: Literal["day", "month"] = "month"
    order_value: float = Field(ge=0, le=1_000_000)
    chats: float = Field(0, ge=0, le=_MOST)
    chats_per: Literal["day", "month"] = "day"
    service_hours: tuple[str, str] = ("09:00", "24:00")
    peaks: tuple[Peak, ...] = ()
    complaints_per_month: float = Field(0, ge=0, le=_MOST)
    negative_reviews_per_month: float = Field(0, ge=0, le=_MOST)
    incident_months: tuple[int, ...] = ()
    attainment: float = Field(1.0, ge=0, le=5)
    other: dict[str, float] = {}
    """Further monthly drivers the design's pay rules read (``reviews_reversed: 6``),
    scaled by the peaks unless they are counts or rates (see ``NOT_SCALED``)."""

    @field_validator("start")
    @classmethod
    def _start(cls, v: str) -> str:
        month_labels(v)  # a located ScenarioError for anything but YYYY-MM
        return v

    @field_validator("service_hours")
    @classmethod
    def _hours(cls, v: tuple[str, str]) -> tuple[str, str]:
        for x in v:
            if not _TIME.fullmatch(x) or (x.startswith("24") and x != "24:00"):
                raise ValueError(Phrase("err.brief_time", got=repr(x)))
        if _minutes(v[0]) >= _minutes(v[1]):
            raise ValueError(Phrase("err.brief_hours_order", start=v[0], end=v[1]))
        return v

    @field_validator("incident_months")
    @classmethod
    def _months(cls, v: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 1 <= m <= 12 for m in v):
            raise ValueError(Phrase("err.brief_month", got=repr(list(v))))
        return tuple(sorted(set(v)))

    @field_validator("other")
    @classmethod
    def _other(cls, v: dict[str, float]) -> dict[str, float]:
        for name, value in v.items():
            if not _DRIVER.fullmatch(name) or name in _OWN:
                raise ValueError(Phrase("err.brief_other", name=repr(name)))
            if not 0 <= value <= _MOST:
                raise ValueError(Phrase("err.brief_other_value", name=name, got=repr(value)))
        return v

    @model_validator(mode="after")
    def _one_peak_a_month(self) -> "Brief":
        seen: dict[int, str] = {}
        for p in self.peaks:
            if p.month in seen:
                raise ValueError(Phrase("err.brief_peak_twice", month=p.month, a=seen[p.month], b=p.name))
            seen[p.month] = p.name
        return self

    @classmethod
    def from_scenario(cls, scenario: "Scenario", **fields) -> "Brief":
        """A brief that reads like ``scenario``: its typical (median) month as monthly
        volumes, every month above or below it as a peak; ``fields`` add the rest
        (client, city, ...). A starting point for the form, not the client's figures.

        >>> from shoporg import read_scenario, templates_dir
        >>> b = Brief.from_scenario(read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml"))
        >>> b.orders, b.order_value, [(p.name, p.month, p.factor) for p in b.peaks], b.incident_months
        (3000.0, 180.0, [('双11', 11, 2.5)], (11,))
        """
        def typical(name: str) -> float:
            return float(np.median(scenario.driver(name))) if name in scenario.drivers else 0.0

        orders = typical("orders")
        value = round(typical("revenue") / orders, 2) if orders else 0.0
        peaks = []
        if orders:
            for label, x in zip(scenario.months, scenario.driver("orders")):
                factor = round(float(x) / orders, 3)
                if factor != 1 and factor > 0:
                    month = int(label[5:7])
                    peaks.append(Peak(name=t(f"brief.peak.{month}", "zh") if f"brief.peak.{month}" in WORDS
                                      else t("brief.peak_month", "zh", month=month), month=month, factor=factor))
        incidents = tuple(int(m[5:7]) for m, x in zip(scenario.months, scenario.driver("store_incidents")) if x > 0) \
            if "store_incidents" in scenario.drivers else ()
        values = dict(start=scenario.start, orders=orders, orders_per="month", order_value=value,
                      chats=typical("consultations"), chats_per="month", peaks=tuple(peaks),
                      complaints_per_month=typical("complaints"), negative_reviews_per_month=typical("negative_reviews"),
                      incident_months=incidents, attainment=typical("attainment") if "attainment" in scenario.drivers
                      else 1.0, other={k: typical(k) for k in scenario.drivers if k not in _OWN})
        return cls(**(values | fields))

    # -- reading --------------------------------------------------------------------
    @property
    def service_hours_per_day(self) -> float:
        """Hours of chat service a day.

        >>> Brief(orders=1, order_value=1, service_hours=("09:00", "24:00")).service_hours_per_day
        15.0
        """
        return (_minutes(self.service_hours[1]) - _minutes(self.service_hours[0])) / 60

    def days(self) -> np.ndarray:
        """Calendar days of each plan month (February of a leap year has 29)."""
        return np.array([calendar.monthrange(int(m[:4]), int(m[5:7]))[1] for m in month_labels(self.start)], float)

    def factors(self) -> np.ndarray:
        """The peak factor of each plan month (1 where no peak falls)."""
        by_month = {p.month: p.factor for p in self.peaks}
        return np.array([by_month.get(int(m[5:7]), 1.0) for m in month_labels(self.start)])

    def scenario(self, name: Text | None = None) -> "Scenario":
        """The twelve months the brief describes, as a :class:`~shoporg.scenario.Scenario`."""
        days, peak = self.days(), self.factors()
        orders = np.round((self.orders * days if self.orders_per == "day" else np.full(MONTHS, self.orders)) * peak, 2)
        chats = np.round((self.chats * days if self.chats_per == "day" else np.full(MONTHS, self.chats)) * peak, 2)
        calendar_months = [int(m[5:7]) for m in month_labels(self.start)]
        drivers = {
            "orders": orders, "orders_picked": orders, "orders_shipped": orders,
            "revenue": np.round(orders * self.order_value, 2),
            "consultations": chats,
            "complaints": np.round(self.complaints_per_month * peak, 2),
            "negative_reviews": np.full(MONTHS, self.negative_reviews_per_month),
            "store_incidents": np.array([1.0 if m in self.incident_months else 0.0 for m in calendar_months]),
            "attainment": np.full(MONTHS, self.attainment),
        }
        for driver, value in self.other.items():
            drivers[driver] = np.full(MONTHS, float(value)) if driver in NOT_SCALED else np.round(value * peak, 2)
        if name is None:
            who = self.client or self.project
            name = Text(**{lang: t("brief.scenario", lang, who=who) if who else t("brief.scenario_anon", lang)
                           for lang in LANGS})
        employment = {"city": self.city} if self.city else None  # the city's pack prices 五险一金 and tax
        return Scenario(start=self.start, drivers=drivers, name=name, id="brief", employment=employment)


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)
