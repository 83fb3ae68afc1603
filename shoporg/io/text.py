"""The role table as Markdown, HTML and CSV, for pasting into other documents.

CSV is written as UTF-8 with a byte-order mark, so Excel on Windows shows the Chinese;
reading accepts UTF-8 (with or without the mark) and GBK/GB18030 (common in files saved
by Chinese Excel), and says so clearly for anything else.

>>> from shoporg import load_template
>>> md = to_markdown(load_template("seed-14-basic-22"))
>>> md.splitlines()[0]
'| 岗位 | 部门 | 上级 | 人数 | 工资构成 | 岗位职责 |'
"""

from __future__ import annotations

import csv
import html
import io
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from .._types import Text, check_text, to_decimal
from ..analysis import apply_diff, diff
from ..errors import DesignFileError, DesignValidationError, Problem
from ..i18n import Phrase
from ..model import Role
from ..tables import COLUMNS, role_table
from ..validation import name_problems, reporting_cycles
from .yaml_io import atomic_write_text

__all__ = ["to_markdown", "to_html", "write_markdown", "write_html", "write_csv", "read_csv", "export_csv",
           "design_from_csv"]

_SHOWN = ["name", "department", "reports_to", "headcount", "pay", "duties"]


def _table(design, lang: str, with_id: bool = False):
    df = role_table(design, lang=lang)[(["id"] if with_id else []) + _SHOWN]
    df["headcount"] = [f"{r.headcount.normalize():f}" for r in design.roles]
    return df.rename(columns={k: COLUMNS[k][lang] for k in df.columns})


def _md(text) -> str:
    """A text as literal Markdown: HTML escaped, Markdown's markup characters backslashed.

    >>> _md('<img src=x onerror=alert(1)> [a](b) | *c*')
    '&lt;img src=x onerror=alert(1)&gt; \\\\[a\\\\](b) \\\\| \\\\*c\\\\*'
    """
    text = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_\[\]|])", r"\\\1", text)


def to_markdown(design, lang: str = "zh") -> str:
    """The role table as a GitHub-flavoured Markdown table (line breaks as ``<br>``).

    Cells are literal text: HTML (``<img onerror=...>``) is escaped and Markdown's markup
    characters (``| * _ [ ] ` \\``) are backslashed, so a name cannot add markup or links.
    """
    df = _table(design, lang)

    def cell(v) -> str:
        return _md(v).replace("\n", "<br>")

    lines = ["| " + " | ".join(_md(c) for c in df.columns) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def to_html(design, lang: str = "zh") -> str:
    """The role table as a standalone HTML fragment (escaped; line breaks as ``<br>``).

    >>> from shoporg import load_template
    >>> "<th>岗位</th>" in to_html(load_template("seed-14-basic-22"))
    True
    """
    df = _table(design, lang)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in df.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(v)).replace(chr(10), '<br>')}</td>" for v in row)
                   + "</tr>\n" for row in df.itertuples(index=False))
    title = html.escape(design.name.get(lang))
    return (f'<table class="shoporg-roles">\n<caption>{title}</caption>\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{rows}</tbody>\n</table>\n")


def _designs(designs) -> list:
    return [designs] if hasattr(designs, "roles") else list(designs)


def write_markdown(designs, path, lang: str = "zh", *, overwrite: bool = False) -> Path:
    """Write the role tables of one or more designs as Markdown, each under its name.

    >>> import tempfile
    >>> from shoporg import load_template
    >>> p = write_markdown(load_template("seed-12-ordinary-shop"), Path(tempfile.mkdtemp()) / "r.md", "en")
    >>> p.read_text(encoding="utf-8").splitlines()[0]
    '## Positions and duties of an ordinary online shop'
    """
    body = "\n".join(f"## {_md(d.name.get(lang))}\n\n" + to_markdown(d, lang) for d in _designs(designs))
    return atomic_write_text(path, body, overwrite=overwrite)


def write_html(designs, path, lang: str = "zh", *, overwrite: bool = False) -> Path:
    """Write the role tables of one or more designs as a standalone HTML page."""
    body = "\n<hr>\n".join(to_html(d, lang) for d in _designs(designs))
    page = f'<!doctype html>\n<html lang="{lang}">\n<meta charset="utf-8">\n<body>\n{body}</body>\n</html>\n'
    return atomic_write_text(path, page, overwrite=overwrite)


#: What a spreadsheet takes for the start of a formula (OWASP's CSV-injection rule).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    """Whether a CSV cell is written with a leading ``'``: it starts a formula, or it
    starts with ``'`` before such a cell (so that reading back is exact).

    >>> [_needs_quote(s) for s in ("=1+1", "-1", "'=x", "'s", "店长")]
    [True, True, True, False, False]
    """
    return text.lstrip("'").startswith(_FORMULA_START)  # no recursion: a cell may hold thousands of quotes


def _neutral(value):
    """A CSV cell no spreadsheet runs as a formula: ``'`` before one that would be.

    >>> print(_neutral('=HYPERLINK("http://x","click")'), _neutral("店长"), _neutral(3))
    '=HYPERLINK("http://x","click") 店长 3
    """
    return "'" + value if isinstance(value, str) and _needs_quote(value) else value


#: the public name of :func:`_neutral`, for other writers of CSV (the command line's ``--format csv``)
csv_cell = _neutral


def _unneutral(value: str) -> str:
    """The text a neutralised cell stands for (:func:`_neutral` read back).

    >>> all(_unneutral(_neutral(s)) == s for s in ("=1", "'=1", "''@x", "'s", "-", "'"))
    True
    """
    return value[1:] if value.startswith("'") and _needs_quote(value[1:]) else value


def write_csv(design, path, lang: str = "zh", *, overwrite: bool = False) -> Path:
    """Write the role table as CSV (UTF-8 with BOM); atomic, no silent overwrite.

    A cell that starts with ``= + - @``, a tab or a carriage return gets a leading ``'``,
    so Excel, LibreOffice or Google Sheets show it as text rather than run it as a
    formula (``=HYPERLINK(...)``, ``=cmd|...``); :func:`read_csv` reads the original back.
    """
    buf = io.StringIO()
    _table(design, lang, with_id=True).map(_neutral).to_csv(buf, index=False, lineterminator="\n")
    return atomic_write_text(path, "\ufeff" + buf.getvalue(), overwrite=overwrite)


export_csv = write_csv  # the earlier name


def read_csv(path, base=None, lang: str = "zh"):
    """Read a CSV written by :func:`write_csv` or edited in Excel: UTF-8 or GBK/GB18030.

    Without ``base``, the table as written (a DataFrame of strings); with ``base``, the
    design the edited table makes of it (:func:`design_from_csv`).

    >>> import tempfile
    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> p = write_csv(d, Path(tempfile.mkdtemp()) / "roles.csv")
    >>> read_csv(p)["岗位"].tolist()[:2]
    ['电商总监', '促销策划经理']
    >>> read_csv(p, d) == d
    True
    """
    if base is not None:
        return design_from_csv(path, base, lang)
    return _read_table(path)


def _read_table(path, lines: list | None = None):
    """The table as strings; ``lines`` (when given) gets the line each data row starts on
    (a cell may hold several lines: the duties do)."""
    path = Path(path)
    if not path.is_file():
        raise DesignFileError(Phrase("err.no_file" if not path.exists() else "err.not_a_file"), file=str(path))
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DesignFileError(Phrase("err.csv_utf16"), file=str(path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DesignFileError(Phrase("err.csv_encoding"), file=str(path))
    if "\x00" in text:
        raise DesignFileError(Phrase("err.csv_binary"), file=str(path))
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as e:
        raise DesignFileError(Phrase("err.csv_invalid", detail=str(e)), file=str(path)) from None
    if lines is not None:
        lines.extend(_record_lines(text)[1:])
    return df.map(_unneutral)  # cells written with a leading ' (see write_csv) read as they were


def _record_lines(text: str) -> list[int]:
    """The line each record of a CSV text starts on (blank lines are no records).

    >>> _record_lines('a,b\\n1,"x\\ny"\\n\\n2,z\\n')
    [1, 2, 5]
    """
    reader = csv.reader(io.StringIO(text))
    starts, end = [], 0
    try:
        for record in reader:
            if record:
                starts.append(end + 1)
            end = reader.line_num
    except csv.Error:
        return []
    return starts


def design_from_csv(path, base, lang: str = "zh"):
    """Apply a role table edited as CSV to ``base``: headcounts, names, managers and
    departments change; rows with a new id become new roles; rows left out are removed
    (their reports move up). The table's roles are turned into the diff against ``base``,
    which :func:`~shoporg.analysis.apply_diff` applies. Errors name the row and column:
    an empty or malformed id, a headcount that is not 0–100000 people with at most two
    decimals (``-5``, ``NaN``, ``2.555``), an unknown manager or department, an empty name.

    >>> import tempfile
    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> design_from_csv(export_csv(d, Path(tempfile.mkdtemp()) / "r.csv"), d) == d
    True
    """
    starts: list[int] = []
    df = _read_table(path, starts)
    if len(starts) != len(df):
        starts = [i + 2 for i in range(len(df))]
    col = {k: COLUMNS[k][lang] for k in ["id"] + _SHOWN}
    missing = [c for c in col.values() if c not in df.columns]
    if missing:
        raise DesignValidationError([Problem("columns", Phrase("err.csv_columns", missing=missing,
                                                                expected=", ".join(col.values())),
                                             file=str(path), line=1)])
    by_name = {r.name.get(lang): r.id for r in base.roles}
    by_name.update({r: r for r in df[col["id"]]})
    deps = {d.name.get(lang): d.id for d in base.departments}
    deps.update({d.id: d.id for d in base.departments})
    problems, roles, placed = [], [], []  # placed: the (row, line) of each role read
    for i, row in df.iterrows():
        line, start = i + 2, starts[i]  # the row (the header is row 1) and the line it starts on

        def refuse(key: str, phrase: Phrase) -> None:
            problems.append(Problem(f"row {line}, column {col[key]}", phrase, file=str(path), line=start))

        rid = row[col["id"]].strip()
        if rid not in base.role_ids and not re.fullmatch(r"[a-z][a-z0-9_]{0,63}", rid):
            refuse("id", Phrase("err.csv_id", got=repr(row[col["id"]])))
            continue
        if not row[col["name"]].strip():  # a new role needs a name; an old one keeps one
            refuse("name", Phrase("err.xlsx_name"))
            continue
        try:
            named = name_problems("name", Text(zh=check_text(row[col["name"]]))) if row[col["name"]] else []
        except ValueError as e:  # a control character or a direction override
            named = [Problem("name", e.args[0])]
        if named:
            refuse("name", named[0].phrase)
            continue
        try:
            headcount = Decimal(row[col["headcount"]].strip())
        except InvalidOperation:
            refuse("headcount", Phrase("err.csv_headcount", got=repr(row[col['headcount']])))
            continue
        try:
            headcount = to_decimal(headcount, places=2)
            if headcount > 100_000:
                raise ValueError
        except (ValueError, ArithmeticError):  # ArithmeticError: decimal's, for 1e30 and the like
            refuse("headcount", Phrase("err.csv_headcount_range", got=repr(row[col["headcount"]])))
            continue
        manager = row[col["reports_to"]].strip()
        if manager and manager not in by_name:
            problems.append(Problem(f"row {line}, column {col['reports_to']}",
                                    Phrase("err.csv_manager", name=repr(manager)), file=str(path), line=start))
            continue
        old = base.role(rid) if rid in base.role_ids else Role(id=rid, name=row[col["name"]])
        department = row[col["department"]].strip()
        shown = base.department(old.department)
        if department in deps:
            department = deps[department]
        elif department in ("", old.department or "", shown.name.get(lang) if shown else ""):
            department = old.department if department else None
        elif base.departments or not re.fullmatch(r"[a-z][a-z0-9_]{0,63}", department):
            refuse("department", Phrase("err.csv_department", name=repr(department),
                                        names=", ".join(d.name.get(lang) for d in base.departments)
                                        or Phrase("err.none_defined")))
            continue
        changes = {"headcount": headcount, "reports_to": by_name.get(manager) if manager else None}
        if row[col["name"]] != old.name.get(lang):
            changes["name"] = Text(**{"zh": old.name.zh, "en": old.name.en, lang: row[col["name"]]})
        if department != old.department:
            changes["department"] = department
        if changes["reports_to"] == old.reports_to:
            changes.pop("reports_to")
        if changes.get("headcount") == old.headcount:
            changes.pop("headcount")
        roles.append(old.model_copy(update=changes) if changes else old)
        placed.append((line, start))
    rows = {r.id: (line, start) for r, (line, start) in zip(roles, placed)}
    shown = {r.id: f"{r.name.get(lang)} ({r.id})" for r in roles}
    for ring in reporting_cycles({r.id: r.reports_to for r in roles}):
        line, start = rows[ring[0]]
        problems.append(Problem(f"row {line}, column {col['reports_to']}",
                                Phrase("err.csv_cycle", ring=" → ".join(shown[r] for r in ring)),
                                file=str(path), line=start))
    if problems:
        raise DesignValidationError(problems)
    return apply_diff(base, diff(base, roles))
