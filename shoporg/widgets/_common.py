"""Helpers shared by the widget apps: the language check, errors in the UI language and message HTML."""

from __future__ import annotations

import base64
import html
import io

from .. import errors, fmt
from ..i18n import LANGS, check_lang, t
from ..scenario import filled_note, fit_people

__all__ = ["LANGS", "check_lang", "error_text", "message_html", "frame_html", "show_figure", "scenario_note"]


def error_text(err: BaseException, lang: str = "zh") -> str:
    """The readable text of an error in ``lang`` (the UI's language): one line per located
    problem when it has them.

    >>> from shoporg.errors import DesignValidationError, Problem
    >>> from shoporg.i18n import Phrase
    >>> error_text(DesignValidationError([Problem("headcount", "must be >= 0, got -1")]))
    'headcount: must be >= 0, got -1'
    >>> error_text(DesignValidationError([Problem("headcount", Phrase("err.min", minimum=0, got="-1"))]))
    'headcount：须不小于 0，实际为 -1'
    """
    return errors.error_text(err, check_lang(lang))


def message_html(text: str = "", kind: str = "error") -> str:
    """``text`` as a small coloured HTML block (empty string for no text).

    >>> message_html("")
    ''
    >>> message_html("a < b", "ok")
    '<div style="color:#1a7f37;white-space:pre-wrap">a &lt; b</div>'
    """
    if not text:
        return ""
    colour = {"error": "#b42318", "ok": "#1a7f37", "info": "#444"}[kind]
    return f'<div style="color:{colour};white-space:pre-wrap">{html.escape(text)}</div>'


def frame_html(df, float_format=fmt.fixed, *, formatters=None, index: bool = True, numeric=()) -> str:
    """A DataFrame as a compact HTML table; numbers through ``float_format`` (a function
    of :mod:`shoporg.fmt` or a format string), or per column through ``formatters``.
    Heads sit over their cells, left-aligned; the columns at the positions ``numeric``
    (counting the index as the first when shown) are right-aligned, heads and cells.

    >>> import pandas as pd
    >>> "<td>1,234.50</td>" in frame_html(pd.DataFrame({"a": [1234.5]}))
    True
    >>> "shoporg-num-1-2" in frame_html(pd.DataFrame({"a": ["x"], "b": [1], "c": [2]}), index=False, numeric=(1, 2))
    True
    """
    number = float_format.format if isinstance(float_format, str) else float_format
    numeric = sorted(set(numeric))
    name = "shoporg-num-" + "-".join(map(str, numeric)) if numeric else ""
    table = df.to_html(float_format=number, formatters=formatters, border=0, na_rep="", index=index,
                       justify="left", classes=["shoporg-frame", name] if name else ["shoporg-frame"])
    style = ".shoporg-frame th, .shoporg-frame td {text-align: left; padding: 2px 12px 2px 2px}"
    if numeric:
        cells = ", ".join(f".{name} {tag}:nth-child({k + 1})" for k in numeric for tag in ("th", "td"))
        style += f" {cells} {{text-align: right}}"
    return f"<style>{style}</style>{table}"


def show_figure(output, fig, alt: str) -> None:
    """Put ``fig`` into the ``output`` widget as one PNG and close it (works without a kernel).

    The PNG uses fast compression (it only lives on screen) and the figure's own size.

    >>> import ipywidgets as w, matplotlib.pyplot as plt
    >>> out = w.Output()
    >>> show_figure(out, plt.figure(figsize=(2, 1)), "empty")
    >>> out.outputs[0]["data"]["text/plain"]
    'empty'
    """
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn

    buf = io.BytesIO()
    try:
        fig.savefig(buf, format="png", dpi=100, pil_kwargs={"compress_level": 1})
    finally:
        plt.close(fig)
    data = {"image/png": base64.b64encode(buf.getvalue()).decode("ascii"), "text/plain": alt}
    output.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)


def scenario_note(scenario, designs, lang: str = "zh") -> str:
    """What costing ``designs`` under ``scenario`` fits in its per-person data, in words
    (:func:`shoporg.scenario.fit_people`, which the payroll applies; empty when nothing).

    >>> import shoporg
    >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    >>> d = shoporg.load_template("seed-14-basic-22")
    >>> scenario_note(s, [d])
    ''
    >>> scenario_note(s, [d.with_headcount("sales_cs", 7)], lang="en")
    "The scenario gives 5 people's attainment of the sales plan for Sales customer service, which has 7: for the other 2, their mean is used."
    """
    if scenario is None:
        return ""
    return filled_note([f for d in designs for f in fit_people(scenario, d)[1]], designs, lang)


class Shown:
    """A widget app that displays as its widget. A notebook saved without widget state
    shows the text of an output: here it says what appears when the notebook runs, not the
    repr of the widget tree (``VBox(children=(HTML(...``).

    >>> class App(Shown):
    ...     lang, widget = "en", __import__("ipywidgets").HTML("x")
    >>> App()._repr_mimebundle_()["text/plain"]
    '[shoporg app: shown here when the notebook runs]'
    """

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = t("ui.shown", getattr(self, "ui_lang", getattr(self, "lang", "zh")))
        return bundle
