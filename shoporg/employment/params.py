"""Parameter packs: the dated, cited legal and market figures of a region
(``templates/params/cn/*.yaml``, schema ``shoporg/params-v1``).

A pack holds, per key, a list of values each in force over a period, with the issuer
and document it was read in and whether it was read in the issuer's own text
(``verified``). :func:`load_pack` reads a city's pack with the national pack merged
underneath; :meth:`Pack.fact` gives the value in force on a date.

>>> pack = load_pack("national")
>>> pack.fact("tax.basic_deduction_monthly", on="2026-01").value
5000
>>> load_pack("全国").region.zh
'全国'
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    Field,
    StrictBool,
    ValidationError,
    field_validator,
    model_validator,
)

from .._types import Frozen, Text
from ..catalogue import templates_dir
from ..errors import Problem, ShopOrgError
from ..i18n import Phrase

__all__ = ["PACK_SCHEMA", "Source", "DatedValue", "Fact", "Pack", "EmploymentError", "load_pack", "read_pack",
           "pack_dir", "regions", "as_date"]

PACK_SCHEMA = "shoporg/params-v1"


class EmploymentError(ShopOrgError):
    """A parameter pack that cannot be read, a region or key it lacks, an employment
    setting outside what the city allows."""

    def __init__(self, message, problems: list[Problem] | None = None):
        if problems:
            self.problems = list(problems)
        super().__init__(message)


class Source(Frozen):
    """Where a value was read: the issuer, the document (its number as printed) and its address."""

    issuer: str
    document: str
    number: str | None = None
    url: str | None = None

    def cite(self) -> str:
        """The source in one line: ``issuer《document》number``.

        >>> Source(issuer="国家税务总局", document="关于发布《个人所得税扣缴申报管理办法（试行）》的公告",
        ...        number="国家税务总局公告2018年第61号").cite()
        '国家税务总局《关于发布《个人所得税扣缴申报管理办法（试行）》的公告》国家税务总局公告2018年第61号'
        """
        return f"{self.issuer}《{self.document}》" + (self.number or "")


class DatedValue(Frozen):
    """One value of a key and the period it is in force (``effective_to`` inclusive)."""

    value: Any
    effective_from: dt.date
    effective_to: dt.date | None = None
    source: Source
    verified: StrictBool
    note: str | None = None

    @field_validator("effective_from", "effective_to", mode="before")
    @classmethod
    def _iso(cls, v):
        if v is None or isinstance(v, dt.date):
            return v
        if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return dt.date.fromisoformat(v)
        raise ValueError(Phrase("err.employment_date", got=repr(v)))

    @model_validator(mode="after")
    def _ordered(self) -> "DatedValue":
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError(Phrase("err.employment_period", start=str(self.effective_from),
                                    end=str(self.effective_to)))
        return self


class _PackFile(Frozen):
    schema_id: Literal["shoporg/params-v1"] = Field(alias="schema")
    region: Text
    level: Literal["city", "national"]
    province: Text | None = None
    values: dict[str, tuple[DatedValue, ...]]


#: How long after its period a value may still be carried forward as an assumption: a
#: yearly figure (a base, a rate) whose next one is up to two years late; an older one
#: (a minimum wage from three years ago) is not assumed.
CARRY_FOR = dt.timedelta(days=731)


@dataclass(frozen=True)
class Fact:
    """A value in force on a date, with its key, its region, period and source."""

    key: str
    value: Any
    effective_from: dt.date
    effective_to: dt.date | None
    source: Source
    verified: bool
    region: Text
    note: str | None = None
    carried: bool = False
    """The value's period ended before the date asked for and no later one is in the pack:
    the last published value is used, as an assumption (it counts as not verified)."""

    def cite(self) -> str:
        return self.source.cite()


def _named(region: Text) -> dict[str, str]:
    """A region as a phrase field: its Chinese name, its English name in English."""
    return {"zh": region.zh, "en": region.en or region.zh}


def as_date(on) -> dt.date:
    """A date from a ``date``, ``YYYY-MM-DD`` or ``YYYY-MM`` (the month's first day).

    >>> as_date("2026-07"), as_date("2026-07-15")
    (datetime.date(2026, 7, 1), datetime.date(2026, 7, 15))
    """
    if isinstance(on, dt.datetime):
        return on.date()
    if isinstance(on, dt.date):
        return on
    text = str(on)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    try:
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        pass
    raise EmploymentError(Phrase("err.employment_date", got=repr(on)))


class Pack:
    """The figures of one region, the national ones beneath a city's.

    ``values[key]`` lists the key's dated values oldest first, each with the region it
    comes from; ``files`` the pack files read, city first.
    """

    def __init__(self, region: Text, level: str, values: dict[str, list[tuple[DatedValue, Text]]],
                 files: tuple[str, ...] = (), province: Text | None = None):
        self.region, self.level, self.values, self.files, self.province = region, level, values, files, province

    def __repr__(self) -> str:
        return f"<Pack {self.region.zh}: {len(self.values)} keys>"

    @property
    def keys(self) -> list[str]:
        return sorted(self.values)

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def fact(self, key: str, on, *, carry: bool = True) -> Fact:
        """The value of ``key`` in force on ``on`` (a date, ``YYYY-MM-DD`` or ``YYYY-MM``).

        When the pack's last value of ``key`` ended less than :data:`CARRY_FOR` before
        ``on`` (the new one not yet published or not yet in the pack), that last value is
        used with ``carried=True`` and counts as not verified (``carry=False`` refuses). Raises
        :class:`EmploymentError` naming the keys the pack has, or the periods the key has
        values for."""
        day = as_date(on)
        if key not in self.values:
            close = difflib.get_close_matches(key, self.keys, n=1)
            raise EmploymentError(Phrase("err.employment_no_key", key=repr(key), region=_named(self.region),
                                         hint=f" ({close[0]}?)" if close else "", known=", ".join(self.keys)))
        for v, region in self.values[key]:
            if v.effective_from <= day and (v.effective_to is None or day <= v.effective_to):
                return Fact(key, v.value, v.effective_from, v.effective_to, v.source, v.verified, region, v.note)
        if carry:  # not long after its period ended: older figures are too stale to assume
            earlier = [(v, region) for v, region in self.values[key]
                       if v.effective_to is not None and v.effective_to < day <= v.effective_to + CARRY_FOR]
            if earlier:
                v, region = max(earlier, key=lambda x: x[0].effective_to)
                return Fact(key, v.value, v.effective_from, v.effective_to, v.source, False, region, v.note, carried=True)
        periods = ", ".join(f"{v.effective_from}–{v.effective_to or ''}" for v, _ in self.values[key])
        raise EmploymentError(Phrase("err.employment_not_in_force", key=repr(key), region=_named(self.region),
                                     on=str(day), periods=periods))

    def get(self, key: str, on, default=None) -> Fact | None:
        """Like :meth:`fact`, but ``default`` when the key is absent or not in force then."""
        try:
            return self.fact(key, on)
        except EmploymentError:
            return default


def pack_dir() -> Path:
    """Where the shipped packs are: ``templates/params/cn/``."""
    return templates_dir() / "params" / "cn"


class _UniqueKeyLoader(yaml.SafeLoader):
    """The safe loader (plain data only), refusing a key given twice in one mapping."""


def _unique_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def _where(loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "values" and not out:
            out = "values"
        elif out == "values" and "." in str(part):
            out += f"[{part!r}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_pack(path) -> tuple[_PackFile, str]:
    """Read one pack file (the safe loader only); every problem names the file and key."""
    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise EmploymentError(Phrase("err.employment_no_file", file=where))
    try:
        loader = _UniqueKeyLoader(path.read_text(encoding="utf-8-sig"))  # the safe loader: plain data, no tags run
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        mark = getattr(e, "problem_mark", None)
        problem = Problem("", Phrase("err.employment_yaml", detail=str(getattr(e, "problem", None) or e)),
                          file=where, line=mark.line + 1 if mark else None)
        raise EmploymentError(str(problem), [problem]) from None
    try:
        pack = _PackFile.model_validate(data)
    except ValidationError as e:
        problems = [Problem(_where(err["loc"]), err["msg"].removeprefix("Value error, "), file=where)
                    for err in e.errors()]
        raise EmploymentError("\n".join(str(p) for p in problems), problems) from None
    problems = []
    for key, values in pack.values.items():
        for i in range(1, len(values)):
            before, after = values[i - 1], values[i]
            if before.effective_to is None or before.effective_to >= after.effective_from:
                problems.append(Problem(f"values[{key!r}][{i}].effective_from", Phrase(
                    "err.employment_overlap", start=str(after.effective_from),
                    end=str(before.effective_to or "")), file=where))
    if problems:
        raise EmploymentError("\n".join(str(p) for p in problems), problems)
    return pack, where


def _files(root: Path) -> dict[str, Path]:
    return {p.stem: p for p in sorted(root.glob("*.yaml"))}


def _region_index(root: Path) -> dict[str, str]:
    """Every name a region goes by (pinyin file stem, Chinese name, English name) → stem."""
    out = {}
    for stem, path in _files(root).items():
        pack, _ = read_pack(path)
        out.update({stem: stem, pack.region.zh: stem})
        if pack.region.en:
            out[pack.region.en.lower()] = stem
    if "national" in out.values():
        out.setdefault("全国", "national")
    return out


def regions(root=None) -> list[str]:
    """The regions with a pack: pinyin file names, ``national`` first if present."""
    stems = list(_files(Path(root) if root else pack_dir()))
    return sorted(stems, key=lambda s: (s != "national", s))


def load_pack(region: str, root=None) -> Pack:
    """The pack of ``region`` (Chinese name ``上海``, pinyin ``shanghai`` or English name),
    the national pack merged underneath (a city's value of a key replaces the national one).

    >>> load_pack("nowhere")
    Traceback (most recent call last):
    ...
    shoporg.employment.params.EmploymentError: no parameter pack for region 'nowhere'; packs: national, ...
    """
    root = Path(root) if root is not None else pack_dir()
    return _load(str(region), root, tuple((p.name, p.stat().st_mtime_ns) for p in _files(root).values()))


@lru_cache(maxsize=32)
def _load(region: str, root: Path, _stamp) -> Pack:
    index = _region_index(root)
    stem = index.get(region) or index.get(region.lower())
    if stem is None:
        raise EmploymentError(Phrase("err.employment_no_region", region=repr(region),
                                     known=", ".join(regions(root)) or "—"))
    files = _files(root)
    city, where = read_pack(files[stem])
    values: dict[str, list[tuple[DatedValue, Text]]] = {}
    used = [where]
    if city.level == "city" and "national" in files:
        national, nwhere = read_pack(files["national"])
        used.append(nwhere)
        values.update({k: [(v, national.region) for v in vs] for k, vs in national.values.items()})
    values.update({k: [(v, city.region) for v in vs] for k, vs in city.values.items()})
    return Pack(city.region, city.level, values, tuple(used), city.province)
