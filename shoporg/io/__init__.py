"""Readers and writers: design files (YAML), office formats, text tables and charts.

:func:`export` picks the writer by the file's suffix (a dispatch table, as in
``EXPORTERS``), so one call writes any deliverable:

>>> import tempfile, pathlib
>>> from shoporg import load_template
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> export([load_template("seed-14-basic-22")], out / "roles.md").name
'roles.md'
>>> export([load_template("seed-14-basic-22")], out / "roles.txt")
Traceback (most recent call last):
...
shoporg.errors.DesignFileError: .../roles.txt: unsupported file type '.txt'; supported: .xlsx, .docx, .md, .html, .csv, .png, .svg, .pdf
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DesignFileError
from .yaml_io import atomic_write_text, design_from_dict, design_to_dict, read_design, write_design

__all__ = ["read_design", "write_design", "design_from_dict", "design_to_dict", "export", "EXPORTERS"]


def _excel(designs, path, scenario, lang, overwrite):
    from .excel import export_excel
    return export_excel(designs if len(designs) > 1 else designs[0], path, scenario=scenario, lang=lang,
                        overwrite=overwrite)


def _word(designs, path, scenario, lang, overwrite):
    from .word import export_docx
    return export_docx(designs, path, scenario=scenario, lang=lang, overwrite=overwrite)


def _text(kind):
    def write(designs, path, scenario, lang, overwrite):
        from . import text
        if kind == "csv":
            if len(designs) > 1:
                raise DesignFileError("a CSV holds one design's role table; give one design", file=str(path))
            return text.export_csv(designs[0], path, lang=lang, overwrite=overwrite)
        render = text.to_markdown if kind == "md" else text.to_html
        sep = "\n" if kind == "md" else "\n<hr>\n"
        body = sep.join((f"## {d.name.get(lang)}\n\n" if kind == "md" else "") + render(d, lang) for d in designs)
        if kind == "html":
            body = f'<!doctype html>\n<html lang="{lang}">\n<meta charset="utf-8">\n<body>\n{body}</body>\n</html>\n'
        return atomic_write_text(path, body, overwrite=overwrite)
    return write


def _chart(designs, path, scenario, lang, overwrite):
    import matplotlib
    matplotlib.use("Agg")
    from ..chart import save_org_chart
    if len(designs) > 1:
        raise DesignFileError("an org chart file holds one design; give one design", file=str(path))
    return save_org_chart(designs[0], path, lang=lang, overwrite=overwrite)


#: file suffix -> writer(designs, path, scenario, lang, overwrite)
EXPORTERS = {".xlsx": _excel, ".docx": _word, ".md": _text("md"), ".html": _text("html"), ".csv": _text("csv"),
             ".png": _chart, ".svg": _chart, ".pdf": _chart}


def export(designs, path, scenario=None, lang: str = "zh", overwrite: bool = False) -> Path:
    """Write a deliverable for one or more designs; the suffix of ``path`` picks the format."""
    path = Path(path)
    designs = [designs] if hasattr(designs, "roles") else list(designs)
    writer = EXPORTERS.get(path.suffix.lower())
    if writer is None:
        raise DesignFileError(f"unsupported file type {path.suffix or '(none)'!r}; supported: "
                              f"{', '.join(EXPORTERS)}", file=str(path))
    return Path(writer(designs, path, scenario, lang, overwrite))
