"""Helpers shared by the widget apps: labels in two languages and message HTML."""

from __future__ import annotations

import base64
import html
import io

from ..scenario import filled_note, fit_people

__all__ = ["LANGS", "check_lang", "error_text", "message_html", "frame_html", "show_figure", "scenario_note"]

LANGS = ("zh", "en")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is ``"zh"`` or ``"en"``; raise ``ValueError`` otherwise.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return lang


def error_text(err: BaseException) -> str:
    """The readable text of an error: one line per located problem when it has them.

    >>> from shoporg.errors import DesignValidationError, Problem
    >>> error_text(DesignValidationError([Problem("headcount", "must be >= 0, got -1")]))
    'headcount: must be >= 0, got -1'
    """
    problems = getattr(err, "problems", None)
    if problems:
        return "\n".join(str(p) for p in problems)
    return str(err)


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


def frame_html(df, float_format: str = "{:,.2f}") -> str:
    """A DataFrame as a compact HTML table.

    >>> import pandas as pd
    >>> "<table" in frame_html(pd.DataFrame({"a": [1.5]}))
    True
    """
    return df.to_html(float_format=float_format.format, border=0, na_rep="")


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
