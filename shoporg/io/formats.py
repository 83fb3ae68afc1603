"""Every design format shoporg writes and reads, in one table, and :func:`export`.

A :class:`Format` names its suffix and its traits (whether one file holds several
designs, binary or text, whether it reads back into a design) and carries its pair of
functions: ``write`` (the ``write_X`` of its module) and, for a format that reads back,
``read`` (the ``read_X``). :func:`export`, the CLI (its help and its ``export`` command)
and the exporter widget all take what they know of formats from :data:`FORMATS`.

>>> [f.suffix for f in FORMATS.values() if not f.several]
['.csv', '.png', '.svg', '.pdf', '.yaml']
>>> [name for name, f in FORMATS.items() if f.readable]
['xlsx', 'csv', 'yaml']
>>> format_of("report.DOCX").name, FORMATS["docx"].binary
('docx', True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..errors import DesignFileError
from ..i18n import Phrase, t

__all__ = ["Format", "FORMATS", "EXPORTERS", "format_of", "format_for", "export", "named_targets"]


@dataclass(frozen=True)
class Format:
    """One file format: its suffix, traits and its pair of functions.

    ``write(designs, path, *, scenario, lang, overwrite, client, norms)`` takes a list of designs
    (one for a format that holds one) and the client block (:class:`shoporg.client.ClientBlock`,
    used by the formats that have a cover); ``read(path, base=None, lang="zh")`` gives the design
    back (``base``: the design an edited role table applies to, for a format that does
    not hold a whole design; ``lang``: the language of its headers).
    """

    name: str
    suffix: str
    several: bool
    """One file holds several designs (else one design a file)."""
    binary: bool
    mime: str
    write: Callable
    read: Callable | None = None

    @property
    def readable(self) -> bool:
        """Whether the file reads back into a design."""
        return self.read is not None

    def describe(self, lang: str = "zh") -> str:
        """What the file is, in ``lang``.

        >>> FORMATS["xlsx"].describe("en")
        'Excel workbook'
        """
        return t(f"io.format.{self.name}", lang)


def _writer(module: str):
    """``shoporg.io.<module>``, loaded when a file of its format is first written or read:
    the office writers bring pandas, openpyxl and python-docx, which reading a design or
    asking the command line for help never needs."""
    return import_module(f"{__package__}.{module}")


def _write_excel(designs, path, *, scenario, lang, overwrite, client=None, norms=None):
    return _writer("excel").write_excel(designs if len(designs) > 1 else designs[0], path, scenario=scenario, lang=lang,
                                        overwrite=overwrite, client=client, norms=norms)


def _write_docx(designs, path, *, scenario, lang, overwrite, client=None, norms=None):
    return _writer("word").write_docx(designs, path, scenario=scenario, lang=lang, overwrite=overwrite, client=client,
                                      norms=norms)


def _write_pptx(designs, path, *, scenario, lang, overwrite, client=None, norms=None):
    return _writer("deck").write_pptx(designs, path, scenario=scenario, lang=lang, overwrite=overwrite, client=client,
                                      norms=norms)


def _write_markdown(designs, path, *, scenario, lang, overwrite, client=None, norms=None):
    return _writer("text").write_markdown(designs, path, lang, overwrite=overwrite)


def _write_html(designs, path, *, scenario, lang, overwrite, client=None, norms=None):
    return _writer("text").write_html(designs, path, lang, overwrite=overwrite)


def _write_csv(designs, path, *, scenario, lang, overwrite, client=None, norms=None):
    return _writer("text").write_csv(designs[0], path, lang, overwrite=overwrite)


def _write_chart(designs, path, *, scenario, lang, overwrite, client=None, norms=None):
    import matplotlib  # only to pick the file backend; charts load matplotlib on use

    matplotlib.use("Agg")
    if Path(path).suffix.lower() == ".png":  # drawn with Pillow from the chart's scene, many times faster
        return _writer("picture").save_png(designs[0], path, lang=lang, overwrite=overwrite)
    # the chart module brings networkx: loaded when a chart is drawn
    from ..chart import save_org_chart

    return save_org_chart(designs[0], path, lang=lang, overwrite=overwrite)


def _write_yaml(designs, path, *, scenario, lang, overwrite, client=None, norms=None):
    return _writer("yaml_io").write_design(designs[0], path, overwrite=overwrite)


def _read_excel(path, base=None, lang: str = "zh"):
    return _writer("excel").read_excel(path)


def _read_csv(path, base=None, lang: str = "zh"):
    if base is None:
        raise DesignFileError(Phrase("err.csv_base"), file=str(path))
    return _writer("text").read_csv(path, base, lang)


def _read_yaml(path, base=None, lang: str = "zh"):
    return _writer("yaml_io").read_design(path)


#: The chart formats (the suffixes :data:`shoporg.chart.FORMATS` draws, which a test holds
#: equal) and their MIME types; named here so the table needs no drawing module.
_CHART_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".pdf": "application/pdf"}
CHART_SUFFIXES = tuple(_CHART_MIME)

#: name -> :class:`Format`, in the order :func:`export` lists them.
FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("xlsx", ".xlsx", several=True, binary=True, write=_write_excel, read=_read_excel,
           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    Format("docx", ".docx", several=True, binary=True, write=_write_docx,
           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    Format("pptx", ".pptx", several=True, binary=True, write=_write_pptx,
           mime="application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    Format("md", ".md", several=True, binary=False, write=_write_markdown, mime="text/markdown"),
    Format("html", ".html", several=True, binary=False, write=_write_html, mime="text/html"),
    Format("csv", ".csv", several=False, binary=False, write=_write_csv, read=_read_csv, mime="text/csv"),
    *(Format(suffix[1:], suffix, several=False, binary=suffix != ".svg", write=_write_chart,
             mime=_CHART_MIME[suffix]) for suffix in CHART_SUFFIXES),
    Format("yaml", ".yaml", several=False, binary=False, write=_write_yaml, read=_read_yaml,
           mime="application/yaml"),
)}

#: suffix -> writer, as :data:`FORMATS` gives them (the earlier dispatch table).
EXPORTERS: dict[str, Callable] = {f.suffix: f.write for f in FORMATS.values()}


def format_of(path) -> Format:
    """The format a file's suffix names; :class:`~shoporg.errors.DesignFileError` for others.

    >>> format_of("roles.txt")
    Traceback (most recent call last):
    ...
    shoporg.errors.DesignFileError: roles.txt: unsupported file type '.txt'; supported: .xlsx, .docx, .pptx, .md, .html, .csv, .png, .svg, .pdf, .yaml
    """
    path = Path(path)
    suffix = path.suffix.lower()
    for f in FORMATS.values():
        if f.suffix == suffix:
            return f
    shown = {"zh": f"“{path.suffix}”", "en": repr(path.suffix)} if path.suffix else Phrase("err.suffix_none")
    raise DesignFileError(Phrase("err.unsupported_type", suffix=shown,
                                 supported=", ".join(f.suffix for f in FORMATS.values())), file=str(path))


def format_for(path, designs) -> Format:
    """The format ``path`` is written in, checked against the designs to go in it: a
    format that holds one design refuses several.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> format_for("book.xlsx", [d, d]).name
    'xlsx'
    >>> format_for("roles.csv", [d, d])
    Traceback (most recent call last):
    ...
    shoporg.errors.DesignFileError: roles.csv: a .csv file holds one design; give one design
    """
    fmt = format_of(path)
    designs = [designs] if hasattr(designs, "roles") else list(designs)
    if len(designs) > 1 and not fmt.several:
        raise DesignFileError(Phrase("err.one_design", suffix=fmt.suffix), file=str(path))
    return fmt


def named_targets(designs, formats, folder, client=None, lang: str = "zh") -> list[tuple[list, Path]]:
    """The files the ``formats`` make of ``designs`` in ``folder``, named from the client
    block (``client``, else the first design's): ``{client}-{option}`` for a file of one
    option, ``{client}-{project}`` (or ``-方案对比`` / ``-options``) for a file of several;
    names that would repeat get ``-2``, ``-3``. Returns (designs, path) pairs in order.

    >>> from shoporg import load_template
    >>> d = load_template("seed-14-basic-22")
    >>> b = d.replace(name={"zh": "方案B", "en": "Option B"})
    >>> [p.name for _, p in named_targets([d, b], ["xlsx", "png"], "out", client="某旗舰店")]
    ['某旗舰店-方案对比.xlsx', '某旗舰店-网店基本人员构成及职责表.png', '某旗舰店-方案B.png']
    >>> [p.name for _, p in named_targets([d], ["docx"], "out", lang="en")]
    ['Basic online-shop staffing and duties.docx']
    """
    from ..client import ClientBlock, file_stem

    designs = [designs] if hasattr(designs, "roles") else list(designs)
    block = ClientBlock.of(client, designs[0] if designs else None)
    folder, out, taken = Path(folder), [], set()

    def unique(stem: str, suffix: str) -> Path:
        name, n = f"{stem}{suffix}", 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name.lower())
        return folder / name

    for name in formats:
        fmt = FORMATS[name]
        if fmt.several and len(designs) > 1:
            option = block.project or t("io.several_options", lang)
            out.append((designs, unique(file_stem(block, option), fmt.suffix)))
        else:
            for d in designs:
                out.append(([d], unique(file_stem(block, d.name.get(lang), fallback=d.id), fmt.suffix)))
    return out


def export(designs, path, scenario=None, lang: str = "zh", overwrite: bool = False, client=None,
           norms=None) -> Path:
    """Write a deliverable for one or more designs; the suffix of ``path`` picks the format
    (:func:`format_for`); returns the path written. ``client`` (a client block, a mapping
    or the client's name; default: the first design's own block) goes on the covers;
    ``norms`` (workload norms) give the report, the workbook and the deck their staffing.

    >>> import tempfile, pathlib
    >>> from shoporg import load_template
    >>> export(load_template("seed-14-basic-22"), pathlib.Path(tempfile.mkdtemp()) / "d14.yaml").name
    'd14.yaml'
    """
    path = Path(path)
    designs = [designs] if hasattr(designs, "roles") else list(designs)
    fmt = format_for(path, designs)
    return Path(fmt.write(designs, path, scenario=scenario, lang=lang, overwrite=overwrite, client=client,
                          norms=norms))
