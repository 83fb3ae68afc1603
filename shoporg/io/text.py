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

import html
import io
from pathlib import Path

from ..errors import DesignFileError
from .yaml_io import atomic_write_text

__all__ = ["to_markdown", "to_html", "export_csv", "read_csv"]

_SHOWN = ["name", "department", "reports_to", "headcount", "pay", "duties"]


def _table(design, lang: str):
    from ..tables import COLUMNS, role_table
    df = role_table(design, lang=lang)[_SHOWN]
    df["headcount"] = [f"{r.headcount.normalize():f}" for r in design.roles]
    return df.rename(columns={k: COLUMNS[k][lang] for k in _SHOWN})


def to_markdown(design, lang: str = "zh") -> str:
    """The role table as a GitHub-flavoured Markdown table (line breaks as ``<br>``)."""
    df = _table(design, lang)

    def cell(v) -> str:
        return str(v).replace("|", "\\|").replace("\n", "<br>")

    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
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


def export_csv(design, path, lang: str = "zh", *, overwrite: bool = False) -> Path:
    """Write the role table as CSV (UTF-8 with BOM); atomic, no silent overwrite."""
    buf = io.StringIO()
    _table(design, lang).to_csv(buf, index=False, lineterminator="\n")
    return atomic_write_text(path, "\ufeff" + buf.getvalue(), overwrite=overwrite)


def read_csv(path):
    """Read a CSV written by :func:`export_csv` or edited in Excel: UTF-8 or GBK/GB18030.

    >>> import tempfile
    >>> from shoporg import load_template
    >>> p = export_csv(load_template("seed-14-basic-22"), Path(tempfile.mkdtemp()) / "roles.csv")
    >>> read_csv(p)["岗位"].tolist()[:2]
    ['电商总监', '促销策划经理']
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise DesignFileError("no such file" if not path.exists() else "is not a file", file=str(path))
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DesignFileError("UTF-16 text (Excel's 'Unicode text'); save it as 'CSV UTF-8' instead",
                              file=str(path))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DesignFileError("not UTF-8 or GBK/GB18030 text; save the CSV as UTF-8", file=str(path))
    if "\x00" in text:
        raise DesignFileError("not a text CSV (UTF-16 or binary?); save it as 'CSV UTF-8'", file=str(path))
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as e:
        raise DesignFileError(f"not a valid CSV: {e}", file=str(path)) from None
