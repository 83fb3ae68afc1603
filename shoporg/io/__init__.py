"""Readers and writers: design files (YAML), office formats, text tables, charts,
scenario and norms files.

Each design format is a pair named alike in its module (``read_excel``/``write_excel``,
``read_csv``/``write_csv`` ...) and a row of one table, :data:`FORMATS`
(:mod:`shoporg.io.formats`), from which :func:`export` picks the writer by the file's
suffix, so one call writes any deliverable:

>>> import tempfile, pathlib
>>> from shoporg import load_template
>>> from shoporg.io import export
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> export([load_template("seed-14-basic-22")], out / "roles.md").name
'roles.md'
>>> export([load_template("seed-14-basic-22")], out / "roles.txt")
Traceback (most recent call last):
...
shoporg.errors.DesignFileError: .../roles.txt: unsupported file type '.txt'; supported: .xlsx, .docx, .pptx, .md, .html, .csv, .png, .svg, .pdf, .yaml

Names are imported on first use: reading a design file does not load the office writers.
"""

from __future__ import annotations

from .._lazy import exports

# Public name -> module (under shoporg). Imported on first use.
_EXPORTS = {
    "read_design": "io.yaml_io", "write_design": "io.yaml_io", "design_from_dict": "io.yaml_io",
    "design_to_dict": "io.yaml_io",
    "Format": "io.formats", "FORMATS": "io.formats", "EXPORTERS": "io.formats", "format_of": "io.formats",
    "format_for": "io.formats", "csv_cell": "io.text", "load_yaml": "io.yaml_io",
    "export": "io.formats",
    "read_excel": "io.excel", "write_excel": "io.excel", "write_docx": "io.word",
    "read_csv": "io.text", "write_csv": "io.text", "write_markdown": "io.text", "write_html": "io.text",
    "read_scenario": "io.scenario_io", "read_norms": "io.norms_io",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = exports(globals(), _EXPORTS)
