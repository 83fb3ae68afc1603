"""Read and write design files (YAML, schema ``shoporg/design-v1``).

Reading uses PyYAML's safe loader only (python tags are refused, nothing runs),
rejects duplicate keys and anchors/aliases (``&a`` / ``*a``: a design needs none, and a
few hundred bytes of nested aliases expand to billions of nodes), reads YAML 1.1's
base-60 numbers (``1:30``, which would mean 90) as the text they look like, checks the structure with pydantic and the meaning with
:mod:`shoporg.validation`; each problem names the file, the key path and the line.
Writing is atomic and refuses to overwrite unless asked.

>>> import tempfile, pathlib
>>> from shoporg import load_template
>>> d = load_template("seed-14-basic-22")
>>> p = pathlib.Path(tempfile.mkdtemp()) / "d14.yaml"
>>> _ = write_design(d, p)
>>> read_design(p) == d
True
"""

from __future__ import annotations

import functools
import gc
import os
import re
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import DesignFileError, DesignValidationError, Problem
from ..i18n import Phrase
from ..model import SCHEMA_ID, OrgDesign
from ..validation import problems_from_pydantic
from .atomic import atomic_write

__all__ = ["read_design", "write_design", "design_from_dict", "design_to_dict", "load_yaml",
           "dump_yaml", "atomic_write_text", "gc_paused"]


@contextmanager
def gc_paused(kept: bool = False):
    """Python's cyclic garbage collector off for the block, as it was after it.

    Building a design of thousands of roles makes hundreds of thousands of small objects
    and no cycles to collect; the collector would walk all of them again and again
    (most of the time of reading a large design file). Reference counting still frees
    what goes out of use. ``kept``: what the block makes is kept, and holds no cycles
    (a design, plain data): it joins the oldest generation at once, as a long-lived
    design's objects end up anyway, and no young collection walks it after the block.
    Without it (a workbook is cells and sheets that point at each other), what the block
    leaves behind is the young generation's, collected soon.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # not when the program keeps objects frozen itself: unfreezing would undo that
        if kept and not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        gc.enable()


# libyaml's parser when PyYAML was built with it (much faster); the safe constructor either way.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeBase):
    """The safe loader, refusing duplicate keys (a typo must not silently win).

    The parser asks the resolver for the tag of every plain scalar: the answers are kept
    (a design file repeats its keys and values thousands of times), and the path
    resolvers, which the safe loader has none of, are not walked for each node.
    """

    _tags: dict[str, str] = {}

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0]:
            tag = self._tags.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(self._tags) < 50_000 and len(value) < 200:
                    self._tags[value] = tag
            return tag
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node, current_index):
        if self.yaml_path_resolvers:
            super().descend_resolver(current_node, current_index)

    def ascend_resolver(self):
        if self.yaml_path_resolvers:
            super().ascend_resolver()


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    keys: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, Phrase("err.yaml_key"), key_node.start_mark) from None
        if key in keys:
            raise yaml.constructor.ConstructorError(
                None, None, Phrase("err.yaml_duplicate", key=repr(key), line=keys[key].start_mark.line + 1),
                key_node.start_mark)
        keys[key] = key_node
    return _SafeBase.construct_mapping(loader, node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _construct_number(loader: _StrictLoader, node: yaml.ScalarNode):
    """YAML 1.1 reads ``1:30`` as 90 (base 60): such a scalar stays the text it looks like,
    so the schema refuses it where a number is due; every other number as usual."""
    if ":" in node.value:
        return loader.construct_scalar(node)
    digits = str(node.value).replace("_", "").lstrip("+-")
    if len(digits) > 4000 and digits.isdigit() and digits[0] != "0" and node.tag.endswith(":int"):
        # past the 4,300 digits int(text) reads: through Decimal (exact), so the number
        # converters refuse it with its place instead of a traceback
        return int(Decimal(str(node.value).replace("_", "")))
    return _NUMBER_CONSTRUCTORS[node.tag](loader, node)


_NUMBER_CONSTRUCTORS = {tag: _SafeBase.yaml_constructors[tag] for tag in ("tag:yaml.org,2002:int",
                                                                           "tag:yaml.org,2002:float")}
for _tag in _NUMBER_CONSTRUCTORS:
    _StrictLoader.add_constructor(_tag, _construct_number)


_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _NULL, _BOOL, _SEQ, _MAP, _MERGE = (_TAG + x for x in (
    "str", "int", "float", "null", "bool", "seq", "map", "merge"))
#: Numbers whose plain reading (``int``, ``float``) is what the safe constructor makes of them.
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,3999})")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def _construct(loader: _StrictLoader, node: yaml.Node) -> Any:
    """The data of a composed node, as the loader's constructors make it, but with the
    common nodes (text, plain numbers, booleans, nulls, lists, mappings) built directly:
    the constructors' bookkeeping is most of the time of reading a large file. Every
    other node (timestamps, tags, merge keys, octal or base-60 numbers) goes to them.

    >>> loader = _StrictLoader("a: [1, 2.5, x, null, yes, 0o17, 2026-01-01]")
    >>> _construct(loader, loader.get_single_node())
    {'a': [1, 2.5, 'x', None, True, '0o17', datetime.date(2026, 1, 1)]}
    """
    tag = node.tag
    if type(node) is yaml.ScalarNode:
        value = node.value
        if tag == _STR:
            return value
        if tag == _INT and _PLAIN_INT.fullmatch(value):
            return int(value)
        if tag == _FLOAT and _PLAIN_FLOAT.fullmatch(value):
            return float(value)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return loader.bool_values[value.lower()]
    elif type(node) is yaml.SequenceNode and tag == _SEQ:
        return [_construct(loader, v) for v in node.value]
    elif type(node) is yaml.MappingNode and tag == _MAP and all(k.tag != _MERGE for k, _ in node.value):
        keys, lines = [], {}
        for key_node, _ in node.value:  # every key first, as the constructor checks them
            key = _construct(loader, key_node)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, Phrase("err.yaml_key"), key_node.start_mark) from None
            if key in lines:
                raise yaml.constructor.ConstructorError(
                    None, None, Phrase("err.yaml_duplicate", key=repr(key), line=lines[key] + 1),
                    key_node.start_mark)
            lines[key] = key_node.start_mark.line
            keys.append(key)
        return {key: _construct(loader, v) for key, (_, v) in zip(keys, node.value)}
    return loader.construct_object(node, deep=True)


#: Where an anchor or alias may stand: ``&`` or ``*`` at the start of a token (a text such as
#: ``R&D`` has none, so the parser's events are scanned only when one may be there).
_ANCHOR_LIKE = re.compile(r"(?:^|[\s\[\]{},:])[&*][^\s\[\]{},]", re.M)


def _refuse_aliases(path: Path, text: str) -> None:
    """Refuse the first anchor (``&name``) or alias (``*name``), naming its line.

    Nested aliases make a few hundred bytes stand for billions of nodes (a "billion
    laughs"), which everything that walks the data would then walk: they are refused
    before anything is built. Only a text where ``&`` or ``*`` may start a token is
    scanned (the events of the parser, no nodes built).
    """
    if ("&" not in text and "*" not in text) or not _ANCHOR_LIKE.search(text):
        return
    try:
        for event in yaml.parse(text, Loader=_SafeBase):
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                alias = isinstance(event, yaml.AliasEvent)
                raise DesignFileError(Phrase("err.yaml_alias", what=f"{'*' if alias else '&'}{anchor}"),
                                      file=str(path), line=event.start_mark.line + 1)
    except yaml.YAMLError:
        return  # not YAML: the loader says where


def _read_text(path: Path) -> str:
    if not path.exists():
        raise DesignFileError(Phrase("err.no_file"), file=str(path))
    if path.is_dir():
        raise DesignFileError(Phrase("err.is_dir"), file=str(path))
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        try:
            raw.decode("gb18030")
            hint = Phrase("err.gbk_hint")
        except UnicodeDecodeError:
            hint = Phrase("err.utf8_hint")
        line = raw[: e.start].count(b"\n") + 1
        raise DesignFileError(Phrase("err.not_utf8", byte=e.start, hint=hint), file=str(path), line=line) from None


def load_yaml(path: str | os.PathLike, text: str | None = None) -> Any:
    """Parse a YAML file safely (no python tags, no duplicate keys, no anchors or aliases);
    errors name the line."""
    path = Path(path)
    text = _read_text(path) if text is None else text
    _refuse_aliases(path, text)
    loader = _StrictLoader(text)  # the safe loader: plain data only, no tags run
    try:
        with gc_paused(kept=True):
            node = loader.get_single_node()
            data = None if node is None else _construct(loader, node)
            del node  # the node tree goes before the collector is back, which would walk it once more
        return data
    except yaml.constructor.ConstructorError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        problem = e.problem or str(e)
        if isinstance(problem, Phrase):
            pass
        elif "could not determine a constructor" in problem:
            tag = problem.split("tag", 1)[-1].strip(" '!")
            problem = Phrase("err.yaml_tag", tag=repr(tag))
        else:
            problem = Phrase("err.yaml_other", what=problem)
        raise DesignFileError(problem, file=str(path), line=line) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise DesignFileError(Phrase("err.not_yaml", what=what), file=str(path), line=line) from None
    finally:
        loader.dispose()


def _line_index(text: str) -> dict[str, int]:
    """Map dotted key paths (``roles[4].pay[1].rate``) to 1-based line numbers."""
    try:
        root = yaml.compose(text, Loader=_SafeBase)
    except yaml.YAMLError:
        return {}
    index: dict[str, int] = {}

    def walk(node: yaml.Node, path: str) -> None:
        index.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                sub = f"{path}.{k.value}" if path else str(k.value)
                index[sub] = k.start_mark.line + 1
                walk(v, sub)
                index[sub] = k.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, f"{path}[{i}]")

    if root is not None:
        walk(root, "")
    return index


def _nearest_line(lines: dict[str, int], location: str) -> int | None:
    loc = location
    while loc:
        if loc in lines:
            return lines[loc]
        cut = max(loc.rfind("."), loc.rfind("["))
        loc = loc[:cut] if cut > 0 else ""
    return None


def design_from_dict(data: Any, file: str | None = None, text: str | None = None):
    """Build an :class:`~shoporg.model.OrgDesign` from plain data, with located errors.

    >>> d = design_from_dict({"schema": "shoporg/design-v1", "id": "x", "name": "小店",
    ...                       "roles": [{"id": "boss", "name": "店长"}]})
    >>> d.role("boss").name.zh
    '店长'
    >>> design_from_dict({"schema": "shoporg/design-v1", "id": "x", "name": "小店",
    ...                   "roles": [{"id": "boss", "name": "店长", "headcount": -1}]}, file="x.yaml")
    Traceback (most recent call last):
    ...
    shoporg.errors.DesignValidationError: 1 problem in design:
      x.yaml: roles[0].headcount: must be >= 0, got -1
    """
    if data is None:
        raise DesignFileError(Phrase("err.empty_design"), file=file)
    if not isinstance(data, dict):
        raise DesignFileError(Phrase("err.top_mapping", type=type(data).__name__), file=file, line=1)
    if data.get("schema") != SCHEMA_ID:
        problems = [Problem("schema", Phrase("err.literal", got=repr(data.get("schema")), allowed=repr(SCHEMA_ID)))]
    else:
        try:
            with gc_paused(kept=True):
                return OrgDesign.model_validate(data)
        except ValidationError as e:
            problems = problems_from_pydantic(e, OrgDesign)
    lines = _line_index(text) if text else {}  # parsed again only when there is an error
    raise DesignValidationError([p.at(file, _nearest_line(lines, p.location) or (1 if text else None))
                                 for p in problems])


def read_design(path: str | os.PathLike):
    """Read and check one design file.

    Raises
    ------
    DesignFileError
        The file is missing, a directory, not UTF-8, empty, not YAML, or uses tags.
    DesignValidationError
        The structure or meaning is wrong; ``.problems`` lists each located problem.
    """
    path = Path(path)
    text = _read_text(path)
    with gc_paused(kept=True):  # one pause for the parse and the build: the collector walks the result once
        data = load_yaml(path, text)
        design = design_from_dict(data, file=str(path), text=text)
        del data
    return design


# -- writing -----------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@functools.lru_cache(maxsize=None)  # a model class: its fields looked at once a process
def _dump_plan(cls) -> tuple[tuple[str, str, bool, Any], ...]:
    """Each field of ``cls`` as (name, key written, always kept, default): a field left
    at its default is left out, but a required one, one ``NULLABLE`` names, and ``schema_id``."""
    nullable = getattr(cls, "NULLABLE", ())
    plan = []
    for name, field in cls.model_fields.items():
        keep = field.is_required() or name in nullable or name == "schema_id"
        plan.append((name, field.alias or name, keep, None if keep else field.get_default(call_default_factory=True)))
    return tuple(plan)


def design_to_dict(design) -> dict[str, Any]:
    """The design as plain data in file order, leaving out values equal to their defaults.

    Parameters that are missing in the source (``rate: null``) are kept.

    >>> from shoporg import load_template
    >>> design_to_dict(load_template("seed-14-basic-22"))["roles"][0]["pay"][1]
    {'kind': 'revenue_bonus', 'label': {'zh': '营业额奖金', 'en': 'Revenue bonus'}, 'note': {'zh': '原文未给出营业额奖金计算方式。', 'en': 'The source gives no formula for the revenue bonus.'}, 'rate': None}
    """
    def dump(model) -> Any:
        if isinstance(model, BaseModel):
            out = {}
            values = model.__dict__  # a model's field values (getattr would look further for each)
            for name, key, keep, default in _dump_plan(type(model)):
                value = values[name] if name in values else getattr(model, name)
                if not keep and value == default:
                    continue
                out[key] = dump(value)
            if "kind" in out:  # a pay component reads best with its kind first
                out = {"kind": out.pop("kind"), **out}
            return out
        if isinstance(model, (list, tuple)):
            return [dump(v) for v in model]
        return _plain(model)

    with gc_paused(kept=True):
        return dump(design)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Block style, but short flat mappings (``{zh: ..., en: ...}``) inline."""


def _represent_dict(dumper: _Dumper, data: dict):
    flat = all(not isinstance(v, (dict, list)) for v in data.values())
    short = sum(len(str(k)) + len(str(v)) for k, v in data.items()) < 100
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flat and short)


def _represent_list(dumper: _Dumper, data: list):
    flat = all(isinstance(v, (int, float)) for v in data) and len(data) <= 4
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)


_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(list, _represent_list)


def dump_yaml(data: Any) -> str:
    """YAML text with Chinese written as Chinese (not ``\\u`` escapes), keys in given order."""
    with gc_paused():
        return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def atomic_write_text(path: str | os.PathLike, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) atomically; an existing file is replaced
    only with ``overwrite=True`` (see :func:`shoporg.io.atomic.atomic_write`)."""
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    return atomic_write(path, write, overwrite=overwrite)


def write_design(design, path: str | os.PathLike, *, overwrite: bool = False) -> Path:
    """Write ``design`` as YAML, atomically; return the path written.

    Raises :class:`~shoporg.errors.FileExistsRefusedError` if ``path`` exists and
    ``overwrite`` is false.
    """
    header = "# shoporg design file — check it with `shoporg validate`\n"
    return atomic_write_text(path, header + dump_yaml(design_to_dict(design)), overwrite=overwrite)
