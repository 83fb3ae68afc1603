"""Comparison charts (matplotlib): cost composition, span distribution, layer pyramid,
coverage heat map. Each takes ``ax=None`` and returns the Axes; Chinese labels use the
font :func:`shoporg.chart.cjk_font` picks, so they render with no font set-up.

>>> import matplotlib; matplotlib.use("Agg")
>>> from shoporg import load_template
>>> ax = plot_span_distribution([load_template("seed-14-basic-22"), load_template("seed-10-taobao-tmall-functions")])
>>> [t.get_text() for t in ax.get_xticklabels()]
['1', '2–3', '4–7', '8–12', '13+']
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np

from . import fmt
from .analysis import SPAN_BANDS, coverage
from .catalogue import duty_areas
from .chart import cjk_font
from .hierarchy import layers, span_of_control, to_graph
from .i18n import check_lang, pick, t
from .pay.engine import payroll
from .pay.kinds import COST_GROUPS as _PAY_COST_GROUPS
from .pay.kinds import PAY_KINDS
from .staffing.agents import service_metrics

__all__ = ["plot_cost_composition", "plot_span_distribution", "plot_layer_pyramid", "plot_coverage",
           "plot_payroll", "plot_service_level", "plot_plan", "plot_headcount_sensitivity", "plot_shift_plan",
           "COST_GROUPS"]

#: The cost-composition bars, in stacking order: each pay kind adds to its ``cost_group``
#: (:data:`shoporg.pay.kinds.PAY_KINDS`).
COST_GROUPS = {key: (words["zh"], words["en"]) for key, words in _PAY_COST_GROUPS.items()}


def _w(key: str, lang: str, **fields) -> str:
    return t(f"plot.{key}", lang, **fields)


def _month_ticks(months, lang: str) -> list[str]:
    """Month tick labels: the month's short name (1月 / Jan), the year where it changes."""
    out, year = [], None
    for m in months:
        name = t(f"fmt.month.{int(str(m)[5:7])}", lang)
        out.append(name if str(m)[:4] == year else f"{name}\n{str(m)[:4]}")
        year = str(m)[:4]
    return out


def _yuan_ticks(v, _pos) -> str:
    return fmt.count(v)


@contextmanager
def _fonts():
    """Make Chinese render: put the CJK font first in matplotlib's sans-serif list.

    Fonts are looked up when a figure is drawn (tick labels are made then), so this
    stays in place after the call; the other fonts keep their order behind it.
    """
    import matplotlib  # matplotlib is heavy: loaded when a chart is drawn

    font = cjk_font()
    families = list(matplotlib.rcParams["font.sans-serif"])
    if not families or families[0] != font:
        matplotlib.rcParams["font.sans-serif"] = [font] + [f for f in families if f != font]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False
    yield


def _axes(ax, size=(8, 4)):
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def plot_payroll(pr, ax=None, lang: str = "zh"):
    """Bars of the accrued payroll per month with the cash paid as a line.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> from shoporg import load_template, read_scenario, payroll, templates_dir
    >>> pr = payroll(load_template("seed-14-basic-22"),
    ...              read_scenario(templates_dir() / "scenarios" / "d14-double11.yaml"))
    >>> [t.get_text() for t in plot_payroll(pr).get_legend().get_texts()]
    ['实付', '应计']
    """
    with _fonts():
        ax = _axes(ax, (9, 3.5))
        m = pr.by_month()
        x = range(len(m))
        ax.bar(x, m["accrued"], color="#9ecae1", label=_w("accrued", lang))
        ax.plot(x, m["paid"], color="#de2d26", marker="o", label=_w("paid", lang))
        ax.set_xticks(list(x), _month_ticks(m.index, lang))
        ax.set_ylabel(_w("yuan", lang))
        ax.set_title(_w("pay_title", lang))
        ax.yaxis.set_major_formatter(_yuan_ticks)
        ax.legend(loc="upper left")
        ax.margins(y=0.15)
    return ax


def plot_cost_composition(designs, scenario, ax=None, lang: str = "zh", supply=None):
    """Stacked bars per design: the year's accrued payroll by kind of pay."""
    with _fonts():
        ax = _axes(ax)
        names = [d.name.get(lang) for d in designs]
        totals = []
        for d in designs:
            lines = payroll(d, scenario, supply=supply).lines
            group = lines.kind.map(lambda k: PAY_KINDS[k].cost_group if k in PAY_KINDS else k)
            totals.append(lines.groupby(group)["accrued_fen"].sum() / 100)
        bottom = np.zeros(len(designs))
        for key, label in COST_GROUPS.items():
            values = np.array([float(t.get(key, 0.0)) for t in totals])
            if not values.any():
                continue
            ax.bar(range(len(designs)), values, bottom=bottom if key != "deduction" else 0,
                   label=pick(label, lang))
            if key != "deduction":
                bottom += values
        ax.set_xticks(range(len(designs)), names)
        ax.set_ylabel(_w("cost", lang))
        ax.set_title(_w("cost_title", lang))
        ax.yaxis.set_major_formatter(_yuan_ticks)
        ax.legend(fontsize="small")
    return ax


def plot_span_distribution(designs, ax=None, lang: str = "zh"):
    """Grouped bars: how many managers of each design fall in each span band."""
    with _fonts():
        ax = _axes(ax)
        width = 0.8 / len(designs)
        for j, d in enumerate(designs):
            spans = span_of_control(to_graph(d)).values()
            counts = [sum(lo <= s <= hi for s in spans) for lo, hi, _ in SPAN_BANDS]
            ax.bar(np.arange(len(SPAN_BANDS)) + j * width - 0.4 + width / 2, counts, width, label=d.name.get(lang))
        ax.set_xticks(range(len(SPAN_BANDS)), [label for *_, label in SPAN_BANDS])
        ax.set_xlabel(_w("span_x", lang))
        ax.set_ylabel(_w("span", lang))
        ax.set_title(_w("span_title", lang))
        ax.legend(fontsize="small")
    return ax


def plot_layer_pyramid(design, ax=None, lang: str = "zh"):
    """People per layer as centred horizontal bars, the top layer at the top."""
    with _fonts():
        ax = _axes(ax, (6, 3.5))
        G = to_graph(design)
        per_layer: dict[int, float] = {}
        for node, layer in layers(G).items():
            per_layer[layer] = per_layer.get(layer, 0.0) + G.nodes[node]["headcount"]
        ks = sorted(per_layer)
        ax.barh(ks, [per_layer[k] for k in ks], left=[-per_layer[k] / 2 for k in ks], color="#6baed6")
        for k in ks:
            ax.text(0, k, fmt.headcount(per_layer[k], lang), ha="center", va="center")
        ax.invert_yaxis()
        ax.set_yticks(ks, [str(k) for k in ks])
        ax.set_ylabel(_w("layer_y", lang))
        ax.set_xlabel(_w("layer", lang))
        ax.set_title(f"{_w('layer_title', lang)} · {design.name.get(lang)}")
    return ax


def plot_coverage(design, ax=None, lang: str = "zh"):
    """Heat map of roles × duty areas: a filled cell where the role owns the area."""
    with _fonts():
        table = coverage(design, lang=lang)
        cat = duty_areas()
        ax = _axes(ax, (min(16, 2 + 0.35 * table.shape[1]), 1.5 + 0.35 * table.shape[0]))
        ax.imshow((table == "owner").to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1.4, aspect="auto")
        ax.set_yticks(np.arange(table.shape[0]), list(table.index))
        ax.set_xticks(np.arange(table.shape[1]), [cat.loc[a, check_lang(lang)] for a in table.columns],
                      rotation=60, ha="right", fontsize="small")
        ax.set_title(f"{_w('coverage_title', lang)} · {design.name.get(lang)}")
    return ax


def plot_service_level(arrivals: float, aht_s: float, agents=None, ax=None, lang: str = "zh", *,
                       target: float = 0.8, answer_within_s: float = 20, interval_s: float = 1800,
                       concurrency: int = 1, patience_s: float | None = None):
    """Service level (share answered within ``answer_within_s``) against agents on the
    queue, for ``arrivals`` chats per interval; the target as a dashed line.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> ax = plot_service_level(100, 180, range(12, 20))
    >>> round(float(ax.lines[0].get_ydata()[2]), 3)    # 14 agents
    0.888
    """
    with _fonts():
        ax = _axes(ax, (6, 3.5))
        if agents is None:
            load = arrivals * aht_s / interval_s / max(concurrency, 1)
            agents = range(max(1, int(load)), int(load * 1.6) + 6)
        agents = list(agents)
        m = service_metrics(agents, arrivals, aht_s, interval_s=interval_s, answer_within_s=answer_within_s,
                            concurrency=concurrency, patience_s=patience_s)
        ax.plot(agents, m["service_level"], marker="o", color="#3182bd")
        ax.axhline(target, color="#de2d26", linestyle="--", linewidth=1)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel(_w("agents", lang))
        ax.set_ylabel(_w("answered_within", lang, seconds=fmt.number(answer_within_s, lang)))
        ax.set_title(_w("service_title", lang))
        ax.yaxis.set_major_formatter(lambda v, _: fmt.percent(v, lang, digits=0))
    return ax


def plot_plan(p, ax=None, lang: str = "zh"):
    """A plan's monthly cost (payroll and temporary staff, stacked) with the cost per
    order as a line on a second axis."""
    with _fonts():
        ax = _axes(ax, (9, 3.5))
        m = p.monthly()
        x = range(len(m))
        ax.bar(x, m["payroll"], color="#9ecae1", label=_w("permanent", lang))
        ax.bar(x, m["temporary"], bottom=m["payroll"], color="#fd8d3c", label=_w("temporary", lang))
        ax.set_xticks(list(x), _month_ticks(m.index, lang))
        ax.yaxis.set_major_formatter(_yuan_ticks)
        ax.set_ylabel(_w("yuan", lang))
        ax.legend(loc="upper left", fontsize="small")
        ax2 = ax.twinx()
        ax2.plot(list(x), m["cost_per_order"], color="#de2d26", marker="o")
        ax2.set_ylabel(_w("cost_per_order", lang))
        ax2.set_ylim(0, float(m["cost_per_order"].max()) * 1.3)
        ax.set_title(_w("plan_title", lang))
    return ax


def plot_headcount_sensitivity(table, axes=None, lang: str = "zh", role: str | None = None):
    """Recommended headcount against each norm input (AHT, chats at once, service-level
    target), one small panel per input, from
    :func:`shoporg.staffing.sensitivity.headcount_sensitivity`; the norm's own value as
    a red dot. ``axes``: as many Axes as inputs (a row is made if None); returns them.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> from shoporg.staffing import ErlangNorm
    >>> from shoporg.staffing.sensitivity import headcount_sensitivity
    >>> n = ErlangNorm(method="erlang", driver="consultations", aht_s=240, concurrency=3)
    >>> axes = plot_headcount_sensitivity(headcount_sensitivity(n, 12000), role="销售客服")
    >>> [ax.get_xlabel() for ax in axes], axes[0].figure.texts[0].get_text()
    (['处理时长（秒）', '同时接待数', '服务水平目标'], '销售客服：建议人数的敏感度')
    """
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn
    from matplotlib.ticker import MaxNLocator

    names = list(dict.fromkeys(table["input"]))
    with _fonts():
        if axes is None:
            fig, axes = plt.subplots(1, len(names), figsize=(3.0 * len(names), 2.6), sharey=True, squeeze=False)
            axes = list(axes[0])
        ticks = {"aht_s": lambda v: fmt.count(v, lang), "concurrency": lambda v: fmt.count(v, lang),
                 "service_level": lambda v: fmt.percent(v, lang, digits=0)}
        for ax, name in zip(axes, names):
            rows = table[table["input"] == name]
            ax.plot(rows["value"], rows["headcount"], marker="o", color="#3182bd", drawstyle="default")
            own = rows[rows["at_norm"]]
            ax.plot(own["value"], own["headcount"], "o", color="#de2d26", markersize=8)
            ax.set_xticks(list(rows["value"]), [ticks[name](v) for v in rows["value"]], fontsize="small",
                          rotation=45 if name == "aht_s" else 0)
            ax.set_xlabel(_w(f"sens_{name}", lang))
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.yaxis.set_major_formatter(lambda v, _: fmt.headcount(v, lang))
            ax.grid(axis="y", alpha=0.3)
        axes[0].set_ylabel(_w("headcount", lang))
        if role is not None:
            axes[0].figure.suptitle(_w("sens_title", lang, role=role), fontsize="medium")
        axes[0].figure.tight_layout()
    return axes


def plot_shift_plan(day, ax=None, lang: str = "zh", title: str | None = None):
    """People needed in each interval of the day (bars) and the people on shift under the
    shift plan (a step line), from :func:`shoporg.staffing.shift_plan.shift_plan`.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> from shoporg.staffing import ErlangNorm
    >>> from shoporg.staffing.shift_plan import shift_plan
    >>> day = shift_plan(ErlangNorm(method="erlang", driver="consultations", aht_s=240), 12000)
    >>> ax = plot_shift_plan(day)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['排班在岗人数', '所需在岗人数']
    """
    from matplotlib.ticker import MaxNLocator  # matplotlib is heavy: loaded when a chart is drawn

    with _fonts():
        ax = _axes(ax, (8, 3))
        t_ = day.intervals
        x = np.arange(len(t_))
        ax.bar(x, t_["positions"], color="#9ecae1", label=_w("shift_need", lang), width=0.85)
        ax.step(np.append(x, x[-1] + 1) - 0.5, np.append(t_["on_shift"].to_numpy(), t_["on_shift"].iloc[-1]),
                where="post", color="#de2d26", linewidth=2, label=_w("shift_cover", lang))
        every = max(1, len(t_) // 12)
        ax.set_xticks(x[::every], list(t_.index[::every]), fontsize="small", rotation=45)
        ax.set_xlim(-0.6, len(t_) - 0.4)
        ax.set_xlabel(_w("hour", lang))
        ax.set_ylabel(_w("headcount", lang))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(lambda v, _: fmt.headcount(v, lang))
        ax.legend(loc="upper left", fontsize="small")
        ax.margins(y=0.15)
        if title:
            ax.set_title(title, fontsize="medium")
    return ax
