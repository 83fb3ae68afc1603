"""Checks for the training course (``notebooks/course/``): does a student's answer meet the target?

Every lesson ends with an exercise: the student builds or changes a design (or picks a
number), and a check cell calls one function of this module. Each check computes with
the package itself (duty coverage, Erlang C, the staffing norms, the payroll engine,
the hierarchy) and compares the result with the target; it returns a :class:`Check`
that prints a verdict in Chinese and English, with the numbers behind it.

>>> from shoporg import course, load_template
>>> d12 = load_template("seed-12-ordinary-shop")
>>> print(course.check_coverage(d12, ["service.presales", "warehouse.stock"]))
✗ 未达标 · Not yet
  1个职责领域无人负责：仓储与库存（warehouse.stock）
  1 duty area has no owner: Warehousing and inventory (warehouse.stock)

Two helpers prepare scenarios for the exercises: :func:`grow` multiplies a scenario's
volumes, and :func:`shop_wide` averages per-person drivers so that a design with a
different headcount can be costed under the same scenario; :func:`show` displays a chart.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from .analysis import gaps
from .catalogue import duty_area_ids, duty_areas
from .errors import ShopOrgError
from .hierarchy import layers, span_of_control, to_graph
from .pay.engine import payroll
from .pay.expr import parse_expression
from .pay.kinds import PAY_KINDS
from .scenario import NOT_SCALED
from .staffing.agents import required_agents, service_metrics
from .staffing.sizing import recommend_headcount
from .unit_cost import cost_per_order

__all__ = ["Check", "check_coverage", "check_agents", "check_headcount", "check_pay", "check_structure",
           "check_option", "grow", "shop_wide", "show"]


@dataclass(frozen=True)
class Check:
    """The verdict of a check: ``passed`` and the reasons in Chinese and English.

    ``str()`` gives three lines: the verdict (``✓ 达标 · Meets the target`` or
    ``✗ 未达标 · Not yet``), the Chinese message and the English one. A Check is
    true when it passed, so ``assert course.check_...(...)`` works in tests.

    >>> c = Check(False, "少1人", "one person short")
    >>> print(c)
    ✗ 未达标 · Not yet
      少1人
      one person short
    >>> bool(c)
    False
    """

    passed: bool
    message_zh: str
    message_en: str

    @property
    def verdict(self) -> str:
        return "✓ 达标 · Meets the target" if self.passed else "✗ 未达标 · Not yet"

    def __str__(self) -> str:
        return f"{self.verdict}\n  {self.message_zh}\n  {self.message_en}"

    def __bool__(self) -> bool:
        return self.passed

    def _repr_pretty_(self, p, cycle) -> None:  # IPython shows the verdict, not the fields
        p.text(str(self))


def _verdict(failures: list[tuple[str, str]], successes: list[tuple[str, str]]) -> Check:
    """A Check from reasons: failures if there are any, else what was met."""
    reasons = failures or successes
    return Check(not failures, "；".join(zh for zh, _ in reasons), "; ".join(en for _, en in reasons))


def _yuan(x: float) -> tuple[str, str]:
    return f"{x:,.2f}元", f"¥{x:,.2f}"


def _people(x) -> str:
    return f"{float(x):g}"


def _role_name(design, role_id: str) -> tuple[str, str]:
    role = design.role(role_id)
    return f"{role.name.get('zh')}（{role_id}）", f"{role.name.get('en')} ({role_id})"


def _area_names(areas: Iterable[str]) -> tuple[str, str]:
    cat = duty_areas()
    areas = list(areas)
    return ("、".join(f"{cat.loc[a, 'zh']}（{a}）" for a in areas),
            ", ".join(f"{cat.loc[a, 'en']} ({a})" for a in areas))


def _owned_areas(design) -> set[str]:
    return {d.area for r in design.roles for d in r.duties}


def _lost_areas(design, baseline) -> list[str]:
    """Areas the baseline covers that ``design`` no longer covers, in catalogue order."""
    before = set(gaps(baseline))
    return [a for a in gaps(design) if a not in before]


# -- scenarios for the exercises --------------------------------------------------------------

def grow(scenario, factor: float):
    """The scenario with every volume multiplied by ``factor`` (rates and flags such as
    ``attainment``, ``store_incidents`` and ``negative_reviews`` stay as they are).

    >>> from shoporg import Scenario
    >>> s = Scenario.from_profile({"orders": 3000, "attainment": 1.05})
    >>> g = grow(s, 2)
    >>> float(g.driver("orders")[0]), float(g.driver("attainment")[0])
    (6000.0, 1.05)
    """
    factor = float(factor)
    if not math.isfinite(factor) or factor < 0:
        raise ShopOrgError(f"factor must be a number >= 0, got {factor!r}")
    changes = {k: v * factor for k, v in scenario.drivers.items() if k not in NOT_SCALED}
    return scenario.with_drivers(**changes)


def shop_wide(scenario, design=None):
    """The scenario with per-person drivers (e.g. each sales agent's ``attainment``)
    replaced by the mean over the people, month by month (:meth:`Scenario.averaged`).

    A scenario that gives five agents' values cannot cost a design with eleven agents;
    averaging lets options of different sizes be compared under one scenario. With a
    ``design``, only roles whose number of people differs from the scenario's are averaged.

    >>> import shoporg
    >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    >>> s.driver("attainment", "sales_cs").shape, shop_wide(s).driver("attainment", "sales_cs")[:2].round(2).tolist()
    ((12, 5), [1.06, 1.06])
    """
    return scenario.averaged(design)


def show(chart, dpi: int = 100):
    """A chart (a matplotlib Axes or Figure) as a PNG image to display in a lesson; the
    figure is closed.

    The lessons run matplotlib with the non-interactive Agg backend, which puts nothing
    on screen; ``show`` draws the chart to PNG so the notebook displays it.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import shoporg
    >>> img = show(shoporg.plot_service_level(100, 180, range(11, 21)))
    >>> img.format, len(img.data) > 1000
    ('png', True)
    """
    import matplotlib.pyplot as plt  # matplotlib is heavy: loaded when a chart is drawn
    from IPython.display import (
        Image,  # notebook display: loaded only when a chart is shown in a notebook
    )

    fig = chart.figure if hasattr(chart, "figure") and not hasattr(chart, "savefig") else chart
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return Image(data=buf.getvalue(), format="png")


# -- lesson 1: duty coverage ------------------------------------------------------------------

def check_coverage(design, areas: Iterable[str], *, max_people: float | None = None) -> Check:
    """Does some role of ``design`` own each duty area in ``areas`` (and, with
    ``max_people``, does the design keep to that many people, in FTE)?

    A role owns an area when one of its duties is mapped to it (as in
    :func:`shoporg.coverage`). An area code not in the catalogue is an error.

    >>> from shoporg import load_template
    >>> d12 = load_template("seed-12-ordinary-shop")
    >>> print(check_coverage(d12, ["service.presales", "service.aftersales"], max_people=5))
    ✓ 达标 · Meets the target
      2个职责领域都有岗位负责：售前客服（service.presales）、售后客服（service.aftersales）；共5人，不超过5人
      All 2 duty areas have an owner: Pre-sales customer service (service.presales),
      After-sales customer service (service.aftersales); 5 people, within 5
    """
    areas = list(dict.fromkeys(areas))
    if not areas:
        raise ShopOrgError("check_coverage needs at least one duty area")
    unknown = [a for a in areas if a not in duty_area_ids()]
    if unknown:
        raise ShopOrgError(f"unknown duty area(s) {', '.join(unknown)}; "
                           f"known: {', '.join(sorted(duty_area_ids()))}")
    owned = _owned_areas(design)
    missing = [a for a in areas if a not in owned]
    people = float(design.headcount)
    failures, successes = [], []
    if missing:
        zh, en = _area_names(missing)
        failures.append((f"{len(missing)}个职责领域无人负责：{zh}",
                         f"{len(missing)} duty area{'s' if len(missing) > 1 else ''} "
                         f"{'have' if len(missing) > 1 else 'has'} no owner: {en}"))
    else:
        zh, en = _area_names(areas)
        successes.append((f"{len(areas)}个职责领域都有岗位负责：{zh}", f"All {len(areas)} duty areas have an owner: {en}"))
    if max_people is not None:
        if people > max_people:
            failures.append((f"共{_people(people)}人，超过上限{_people(max_people)}人",
                             f"{_people(people)} people, more than the limit of {_people(max_people)}"))
        else:
            successes.append((f"共{_people(people)}人，不超过{_people(max_people)}人",
                              f"{_people(people)} people, within {_people(max_people)}"))
    return _verdict(failures, successes)


# -- lesson 2: queueing and headcount ---------------------------------------------------------

def check_agents(agents: int, arrivals: float, aht_s: float, *, service_level: float = 0.8,
                 answer_within_s: float = 20, interval_s: float = 1800, concurrency: int = 1,
                 max_occupancy: float = 1.0, shrinkage: float = 0.0) -> Check:
    """Is ``agents`` the fewest chat agents that answer ``service_level`` of the
    conversations within ``answer_within_s`` seconds (Erlang C, see
    :func:`shoporg.required_agents`)? Too few fails, and so does one agent more than needed.

    >>> print(check_agents(13, 100, 180))
    ✗ 未达标 · Not yet
      13名坐席的服务水平为79.6%，低于目标80.0%；至少需要14名
      13 agents answer 79.6% within 20 s, below the target of 80.0%; at least 14 are needed
    >>> check_agents(14, 100, 180).passed, check_agents(15, 100, 180).passed
    (True, False)
    """
    if isinstance(agents, bool) or not isinstance(agents, (int, np.integer)) or agents < 0:
        raise ShopOrgError(f"agents must be a whole number >= 0, got {agents!r}")
    agents = int(agents)
    kw = dict(interval_s=interval_s, answer_within_s=answer_within_s, concurrency=concurrency)
    need = required_agents(arrivals, aht_s, service_level=service_level, max_occupancy=max_occupancy,
                           shrinkage=shrinkage, **kw)
    mine = service_metrics(agents, arrivals, aht_s, shrinkage=shrinkage, **kw)
    t = f"{answer_within_s:g}"
    if agents < need.agents:
        if mine.service_level < service_level:
            return Check(False, f"{agents}名坐席的服务水平为{mine.service_level:.1%}，低于目标{service_level:.1%}；"
                                f"至少需要{need.agents}名",
                         f"{agents} agents answer {mine.service_level:.1%} within {t} s, below the target of "
                         f"{service_level:.1%}; at least {need.agents} are needed")
        return Check(False, f"{agents}名坐席的占用率为{mine.occupancy:.1%}，高于上限{max_occupancy:.1%}；"
                            f"至少需要{need.agents}名",
                     f"{agents} agents are busy {mine.occupancy:.1%} of the time, above the cap of "
                     f"{max_occupancy:.1%}; at least {need.agents} are needed")
    if agents > need.agents:
        return Check(False, f"{agents}名坐席多了：{need.agents}名已达到服务水平{need.service_level:.1%}"
                            f"（目标{service_level:.1%}）",
                     f"{agents} agents are more than needed: {need.agents} already answer "
                     f"{need.service_level:.1%} within {t} s (target {service_level:.1%})")
    fewer = service_metrics(agents - 1, arrivals, aht_s, **kw) if agents > 0 else None
    less = (f"；{agents - 1}名只有{fewer.service_level:.1%}", f"; {agents - 1} would answer only "
            f"{fewer.service_level:.1%}") if fewer is not None else ("", "")
    return Check(True, f"{agents}名坐席：{mine.service_level:.1%}的咨询在{t}秒内接起（目标{service_level:.1%}），"
                       f"平均等待{mine.asa_s:.1f}秒，排班{mine.positions}人{less[0]}",
                 f"{agents} agents answer {mine.service_level:.1%} within {t} s (target {service_level:.1%}), "
                 f"average wait {mine.asa_s:.1f} s, {mine.positions} people to schedule{less[1]}")


def check_headcount(design, volumes, norms=None, *, slack: float = 0) -> Check:
    """Does every role with a workload norm have the headcount the norms recommend for
    ``volumes`` (see :func:`shoporg.recommend_headcount`)? Fewer people fails, and so
    does more than ``slack`` people above the recommendation. Roles without a norm
    are not judged.

    >>> import shoporg
    >>> from shoporg.staffing import read_norms
    >>> d = shoporg.load_template("seed-14-basic-22")
    >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    >>> norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    >>> print(check_headcount(d, s, norms))
    ✗ 未达标 · Not yet
      销售客服（sales_cs）5人，建议11人（少6人）；售后客服（aftersales_cs）3人，建议1人（多2人）；...
      Sales customer service (sales_cs) has 5, 11 recommended (6 short); ...
    >>> check_headcount(shoporg.scale_design(d, s, norms), s, norms).passed
    True
    """
    rec = recommend_headcount(design, volumes, norms)
    sized = rec[rec["method"] != "kept"]
    if sized.empty:
        raise ShopOrgError(f"no role of design {design.id!r} has a workload norm; give norms for some roles")
    failures, ok_zh, ok_en = [], [], []
    for row in sized.itertuples():
        zh, en = _role_name(design, row.role)
        cur, need = row.current, row.recommended
        if cur < need:
            failures.append((f"{zh}{_people(cur)}人，建议{_people(need)}人（少{_people(need - cur)}人）",
                             f"{en} has {_people(cur)}, {_people(need)} recommended ({_people(need - cur)} short)"))
        elif cur > need + slack:
            failures.append((f"{zh}{_people(cur)}人，建议{_people(need)}人（多{_people(cur - need)}人）",
                             f"{en} has {_people(cur)}, {_people(need)} recommended ({_people(cur - need)} too many)"))
        else:
            name = design.role(row.role).name
            ok_zh.append(f"{name.get('zh')}{_people(cur)}人（建议{_people(need)}人）")
            ok_en.append(f"{name.get('en')} {_people(cur)} (recommended {_people(need)})")
    if failures:
        return _verdict(failures, [])
    temporary = float(sized["temporary"].sum())
    return Check(True, f"{len(ok_zh)}个定额岗位的人数都符合建议：{'、'.join(ok_zh)}；旺季另需临时工{_people(temporary)}人",
                 f"All {len(ok_en)} roles sized by norms have the recommended headcount: {', '.join(ok_en)}; "
                 f"{_people(temporary)} temporary staff for the peak on top")


# -- lesson 3: incentive pay ------------------------------------------------------------------

def _incentive_kinds() -> list[str]:
    """Pay that rewards results: every registered kind but fixed pay and deductions."""
    return [name for name, k in PAY_KINDS.items() if not k.fixed and k.cost_group != "deduction"]


def _bonus_breaches(pr, scenario, role_id: str, condition: str) -> list[tuple[str, int, float, str]]:
    """(month, person, incentive pay, driver values) where ``condition`` fails but incentive pay was earned."""
    expr = parse_expression(condition, where="bonus_only_if")
    lines = pr.lines[(pr.lines.role == role_id) & pr.lines.kind.isin(_incentive_kinds())]
    if lines.empty:
        return []
    paid = lines.pivot_table(index="month", columns="person", values="accrued_fen", aggfunc="sum",
                             sort=False).reindex(scenario.months)
    env = {}
    for name in sorted(expr.names):
        v = scenario.driver(name, role_id)
        env[name] = v if v.ndim == 2 else v[:, None]
    value = np.asarray(expr.evaluate(env), dtype=bool)
    holds = np.broadcast_to(value if value.ndim == 2 else value.reshape(-1, 1), paid.shape)
    out = []
    for m, month in enumerate(scenario.months):
        for j, person in enumerate(paid.columns):
            if not holds[m, j] and paid.iloc[m, j] > 0:
                values = ", ".join(f"{n} = {env[n][m, min(j, env[n].shape[1] - 1)]:g}" for n in sorted(env))
                out.append((month, int(person), paid.iloc[m, j] / 100, values))
    return out


def check_pay(design, scenario, role_id: str, *, min_variable_share: float | None = None,
              max_revenue_share: float | None = None, max_cost_per_order: float | None = None,
              min_monthly_pay: float | None = None, bonus_only_if: str | None = None,
              base_level: str = "mid", supply: Mapping[str, float] | None = None) -> Check:
    """Does the pay of one role meet the client's targets over the plan year?

    The role's payroll is computed with :func:`shoporg.payroll` (accrued view) and
    compared with each target given:

    - ``min_variable_share``: incentive pay (everything but base) as a share of the role's pay;
    - ``max_revenue_share``: the role's pay as a share of the year's ``revenue``;
    - ``max_cost_per_order``: the role's pay per order (``orders``) of the year;
    - ``min_monthly_pay``: the lowest month of any person (in yuan);
    - ``bonus_only_if``: a condition (e.g. ``"attainment >= 1"``); no person may earn
      incentive pay in a month where it fails for them.

    >>> import shoporg
    >>> d = shoporg.load_template("seed-14-basic-22")
    >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    >>> print(check_pay(d, s, "picker", max_cost_per_order=2.5))
    ✗ 未达标 · Not yet
      捡单员（picker）单均成本2.89元，高于上限2.50元
      Order picker (picker) costs ¥2.89 per order, above the limit of ¥2.50
    >>> check_pay(d, s, "sales_cs", bonus_only_if="attainment >= 1").passed
    True
    """
    targets = (min_variable_share, max_revenue_share, max_cost_per_order, min_monthly_pay, bonus_only_if)
    if all(t is None for t in targets):
        raise ShopOrgError("check_pay needs at least one target (min_variable_share, max_revenue_share, "
                           "max_cost_per_order, min_monthly_pay or bonus_only_if)")
    design.role(role_id)
    one = design.only([role_id])
    fitted = shop_wide(scenario, one)
    pr = payroll(one, fitted, base_level=base_level, supply=dict(supply or {}))
    summary = pr.summary().loc["accrued"]
    total = float(summary["total"])
    zh, en = _role_name(design, role_id)
    failures, successes = [], []

    def judge(ok, good, bad):
        (failures if not ok else successes).append(bad if not ok else good)

    if min_variable_share is not None:
        share = float(summary["variable"]) / total if total else 0.0
        judge(share >= min_variable_share,
              (f"浮动薪酬占{share:.1%}（目标≥{min_variable_share:.0%}）",
               f"incentive pay is {share:.1%} of pay (target ≥ {min_variable_share:.0%})"),
              (f"{zh}浮动薪酬只占{share:.1%}，低于目标{min_variable_share:.0%}",
               f"{en} incentive pay is only {share:.1%} of pay, below the target of {min_variable_share:.0%}"))
    if max_revenue_share is not None:
        share = total / float(fitted.driver("revenue").sum())
        judge(share <= max_revenue_share,
              (f"人工成本占营业额{share:.2%}（上限{max_revenue_share:.2%}）",
               f"pay is {share:.2%} of revenue (limit {max_revenue_share:.2%})"),
              (f"{zh}人工成本占营业额{share:.2%}，高于上限{max_revenue_share:.2%}",
               f"{en} pay is {share:.2%} of revenue, above the limit of {max_revenue_share:.2%}"))
    if max_cost_per_order is not None:
        per_order = cost_per_order(total, fitted.driver("orders").sum())
        (a, b), (c, d) = _yuan(per_order), _yuan(max_cost_per_order)
        judge(per_order <= max_cost_per_order,
              (f"单均成本{a}（上限{c}）", f"costs {b} per order (limit {d})"),
              (f"{zh}单均成本{a}，高于上限{c}", f"{en} costs {b} per order, above the limit of {d}"))
    if min_monthly_pay is not None:
        per = pr.lines[pr.lines.role == role_id].groupby(["month", "person"], sort=False)["accrued_fen"].sum()
        (month, person), low = per.idxmin(), per.min() / 100
        (a, b), (c, d) = _yuan(low), _yuan(min_monthly_pay)
        judge(low >= min_monthly_pay,
              (f"最低月收入{a}（第{person}人，{month}；目标≥{c}）",
               f"lowest month {b} (person {person}, {month}; target ≥ {d})"),
              (f"{zh}第{person}人{month}只得{a}，低于{c}",
               f"{en} person {person} earns only {b} in {month}, below {d}"))
    if bonus_only_if is not None:
        breaches = _bonus_breaches(pr, fitted, role_id, bonus_only_if)
        if breaches:
            month, person, amount, values = breaches[0]
            (a, b) = _yuan(amount)
            failures.append((f"{zh}第{person}人{month}不满足“{bonus_only_if}”（{values}），仍得浮动薪酬{a}"
                             f"（共{len(breaches)}处）",
                             f"{en} person {person} earns {b} of incentive pay in {month} although "
                             f"'{bonus_only_if}' fails ({values}); {len(breaches)} such person-months"))
        else:
            successes.append((f"不满足“{bonus_only_if}”的月份没有浮动薪酬",
                              f"no incentive pay in months where '{bonus_only_if}' fails"))
    if failures:
        return _verdict(failures, [])
    return Check(True, f"{zh}：" + "；".join(z for z, _ in successes), f"{en}: " + "; ".join(e for _, e in successes))


# -- lesson 4: structure ----------------------------------------------------------------------

def check_structure(design, *, max_span: float = 7, max_layers: int | None = None,
                    max_people: float | None = None, baseline=None) -> Check:
    """Is the hierarchy within limits: no manager with more than ``max_span`` people
    reporting directly, at most ``max_layers`` layers, at most ``max_people`` (FTE),
    every role with duties, and (with a ``baseline`` design) no duty area lost?

    >>> from shoporg import load_template
    >>> d14 = load_template("seed-14-basic-22")
    >>> print(check_structure(d14, max_span=7))
    ✗ 未达标 · Not yet
      客服组经理（cs_manager）直接管理8人，超过上限7人
      Customer service team manager (cs_manager) has 8 people reporting directly, above the limit of 7
    >>> check_structure(d14, max_span=8, max_layers=3, baseline=d14).passed
    True
    """
    G = to_graph(design)
    spans, depth = span_of_control(G), max(layers(G).values())
    failures = []
    for rid, people in spans.items():
        if people > max_span:
            zh, en = _role_name(design, rid)
            failures.append((f"{zh}直接管理{_people(people)}人，超过上限{_people(max_span)}人",
                             f"{en} has {_people(people)} people reporting directly, above the limit of "
                             f"{_people(max_span)}"))
    if max_layers is not None and depth > max_layers:
        failures.append((f"共{depth}层，超过上限{max_layers}层", f"{depth} layers, more than the limit of {max_layers}"))
    people = float(design.headcount)
    if max_people is not None and people > max_people:
        failures.append((f"共{_people(people)}人，超过上限{_people(max_people)}人",
                         f"{_people(people)} people, more than the limit of {_people(max_people)}"))
    for r in design.roles:
        if not r.duties:
            zh, en = _role_name(design, r.id)
            failures.append((f"{zh}没有职责", f"{en} has no duties"))
    if baseline is not None:
        lost = _lost_areas(design, baseline)
        if lost:
            zh, en = _area_names(lost)
            failures.append((f"与原方案相比，{len(lost)}个职责领域无人负责：{zh}",
                             f"{len(lost)} duty area(s) the baseline covers have no owner: {en}"))
    if failures:
        return _verdict(failures, [])
    widest = max(spans.values(), default=0.0)
    zh = f"最大管理幅度{_people(widest)}人（上限{_people(max_span)}人），共{depth}层，{_people(people)}人"
    en = f"widest span {_people(widest)} people (limit {_people(max_span)}), {depth} layers, {_people(people)} people"
    if baseline is not None:
        zh, en = zh + "，职责领域无缺失", en + ", no duty area lost"
    return Check(True, zh, en)


# -- lesson 5: an option for the client -------------------------------------------------------

def check_option(design, scenario, norms, *, max_cost_per_order: float, baseline=None,
                 base_level: str = "mid", supply: Mapping[str, float] | None = None) -> Check:
    """Is ``design`` an option the client can take: no role with a norm below its
    recommended headcount (:func:`shoporg.recommend_headcount`), a year's payroll per
    order (:func:`shoporg.payroll`, accrued, excluding peak temporary staff) of at most
    ``max_cost_per_order``, and (with a ``baseline``) no duty area lost?

    Per-person drivers are averaged where the option's headcount differs from the
    scenario's (see :func:`shop_wide`).

    >>> import shoporg
    >>> from shoporg.staffing import read_norms
    >>> d = shoporg.load_template("seed-14-basic-22")
    >>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
    >>> norms = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")
    >>> print(check_option(d, s, norms, max_cost_per_order=26))
    ✗ 未达标 · Not yet
      销售客服（sales_cs）5人，建议11人（少6人）
      Sales customer service (sales_cs) has 5, 11 recommended (6 short)
    """
    failures = []
    rec = recommend_headcount(design, scenario, norms)
    for row in rec[rec["method"] != "kept"].itertuples():
        if row.current < row.recommended:
            zh, en = _role_name(design, row.role)
            failures.append((f"{zh}{_people(row.current)}人，建议{_people(row.recommended)}人"
                             f"（少{_people(row.recommended - row.current)}人）",
                             f"{en} has {_people(row.current)}, {_people(row.recommended)} recommended "
                             f"({_people(row.recommended - row.current)} short)"))
    fitted = shop_wide(scenario, design)
    total = payroll(design, fitted, base_level=base_level, supply=dict(supply or {})).total()
    per_order = cost_per_order(total, fitted.driver("orders").sum())
    (a, b), (c, d) = _yuan(per_order), _yuan(max_cost_per_order)
    if per_order > max_cost_per_order:
        failures.append((f"单均人工成本{a}，高于上限{c}", f"payroll per order {b}, above the limit of {d}"))
    if baseline is not None:
        lost = _lost_areas(design, baseline)
        if lost:
            zh, en = _area_names(lost)
            failures.append((f"与原方案相比，{len(lost)}个职责领域无人负责：{zh}",
                             f"{len(lost)} duty area(s) the baseline covers have no owner: {en}"))
    if failures:
        return _verdict(failures, [])
    y_zh, y_en = _yuan(total)
    zh = f"各定额岗位人数不低于建议；全年人工成本{y_zh}，单均{a}（上限{c}）"
    en = f"every role with a norm is staffed to the recommendation; year's payroll {y_en}, {b} per order (limit {d})"
    if baseline is not None:
        zh, en = zh + "；职责领域无缺失", en + "; no duty area lost"
    return Check(True, zh, en)
