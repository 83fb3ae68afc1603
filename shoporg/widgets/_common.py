"""Helpers shared by the widget apps: the language check, errors in the UI language and message HTML."""

from __future__ import annotations

import html

from .. import errors, fmt
from ..i18n import LANGS, Phrase, check_lang, driver_name

__all__ = ["LANGS", "check_lang", "error_text", "message_html", "frame_html", "show_figure", "fit_scenario"]


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


def frame_html(df, float_format=fmt.fixed, *, formatters=None, index: bool = True) -> str:
    """A DataFrame as a compact HTML table; numbers through ``float_format`` (a function
    of :mod:`shoporg.fmt` or a format string), or per column through ``formatters``.

    >>> import pandas as pd
    >>> "<td>1,234.50</td>" in frame_html(pd.DataFrame({"a": [1234.5]}))
    True
    """
    number = float_format.format if isinstance(float_format, str) else float_format
    return df.to_html(float_format=number, formatters=formatters, border=0, na_rep="", index=index)


def show_figure(output, fig, alt: str) -> None:
    """Put ``fig`` into the ``output`` widget as one PNG and close it (works without a kernel).

    The PNG uses fast compression (it only lives on screen) and the figure's own size.

    >>> import ipywidgets as w, matplotlib.pyplot as plt
    >>> out = w.Output()
    >>> show_figure(out, plt.figure(figsize=(2, 1)), "empty")
    >>> out.outputs[0]["data"]["text/plain"]
    'empty'
    """
    import base64
    import io

    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    try:
        fig.savefig(buf, format="png", dpi=100, pil_kwargs={"compress_level": 1})
    finally:
        plt.close(fig)
    data = {"image/png": base64.b64encode(buf.getvalue()).decode("ascii"), "text/plain": alt}
    output.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)


def fit_scenario(scenario, designs, lang: str = "zh"):
    """``(scenario, note)``: the scenario the apps cost ``designs`` with, and what was changed.

    Where a design has more or fewer people in a role than the scenario gives per-person
    values for (five sales agents' attainment, seven agents in the design), those values
    are replaced by their monthly mean — for that design alone, or for every role when
    several designs are costed together — and ``note`` says so. Otherwise the scenario is
    returned as it is with an empty note.

    >>> import shoporg
    >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    >>> d = shoporg.load_template("seed-14-basic-22")
    >>> fit_scenario(s, [d])[1]
    ''
    >>> fitted, note = fit_scenario(s, [d.with_headcount("sales_cs", 7)], lang="en")
    >>> note
    "The scenario gives 5 people's attainment for sales_cs, which has 7: their mean is used."
    """
    if scenario is None:
        return None, ""
    misfits = [m for d in designs for m in scenario.people_mismatches(d)]
    if not misfits:
        return scenario, ""
    fitted = scenario.averaged(designs[0]) if len(designs) == 1 else scenario.averaged()
    names = {r.id: r.name.zh for d in designs for r in d.roles}
    lines = []
    for role, driver, given, people in dict.fromkeys(misfits):
        lines.append(Phrase("ui.fit_note", given=given, people=fmt.headcount(people, lang),
                            driver={"zh": driver_name(driver, "zh"), "en": driver},
                            role={"zh": names.get(role, role), "en": role}).text(lang))
    return fitted, "\n".join(lines)
