"""Payroll charts (matplotlib): monthly cost, accrued against paid."""

from __future__ import annotations

__all__ = ["plot_payroll"]

_LABELS = {
    "zh": {"accrued": "应计", "paid": "实发", "title": "月度人工成本", "y": "元"},
    "en": {"accrued": "accrued", "paid": "paid (cash)", "title": "Monthly payroll", "y": "yuan"},
}


def plot_payroll(pr, ax=None, lang: str = "en"):
    """Bars of the accrued payroll per month with the cash paid as a line; returns the Axes.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> from shoporg import load_template, read_scenario, payroll, templates_dir
    >>> pr = payroll(load_template("seed-14-basic-22"),
    ...              read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml"))
    >>> ax = plot_payroll(pr)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['paid (cash)', 'accrued']
    """
    import matplotlib.pyplot as plt

    words = _LABELS[lang]
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3.5))
    m = pr.by_month()
    x = range(len(m))
    ax.bar(x, m["accrued"], color="#9ecae1", label=words["accrued"])
    ax.plot(x, m["paid"], color="#de2d26", marker="o", label=words["paid"])
    ax.set_xticks(list(x), [s[2:] for s in m.index], rotation=0)
    ax.set_ylabel(words["y"])
    ax.set_title(words["title"])
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:,.0f}")
    ax.legend(loc="upper left")
    ax.margins(y=0.15)
    return ax
