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

from . import fmt
from .analysis import gaps
from .catalogue import duty_area_ids, duty_areas
from .errors import ShopOrgError
from .hierarchy import layers, span_of_control, to_graph
from .i18n import LANGS, Phrase, driver_name, expression_text, t, words
from .pay.engine import payroll
from .pay.expr import parse_expression
from .pay.kinds import PAY_KINDS
from .scenario import NOT_SCALED
from .staffing.agents import required_agents, service_metrics
from .staffing.sizing import recommend_headcount
from .unit_cost import cost_per_order

__all__ = ["Check", "check_coverage", "check_agents", "check_headcount", "check_pay", "check_structure",
           "check_option", "grow", "lift_to_minimum_wage", "shop_wide", "show"]


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
        key = "course.passed" if self.passed else "course.not_yet"
        return f"{'✓' if self.passed else '✗'} {t(key, 'zh')} · {t(key, 'en')}"

    def __str__(self) -> str:
        return f"{self.verdict}\n  {self.message_zh}\n  {self.message_en}"

    def __bool__(self) -> bool:
        return self.passed

    def _repr_pretty_(self, p, cycle) -> None:  # IPython shows the verdict, not the fields
        p.text(str(self))


def _say(key: str, **fields) -> tuple[str, str]:
    """A reason in Chinese and English: the catalogue phrase ``key`` with ``fields``."""
    return t(key, "zh", **fields), t(key, "en", **fields)


def _verdict(failures: list[tuple[str, str]], successes: list[tuple[str, str]]) -> Check:
    """A Check from reasons: failures if there are any, else what was met."""
    reasons = failures or successes
    return Check(not failures, t("sep.changes", "zh").join(zh for zh, _ in reasons),
                 t("sep.changes", "en").join(en for _, en in reasons))


def _both(phrase: Phrase) -> dict[str, str]:
    return {lang: phrase.text(lang) for lang in LANGS}


def _yuan(x: float) -> dict[str, str]:
    return _both(Phrase("course.yuan", n=fmt.fixed(x)))


def _share(x: float, digits: int = 1) -> str:
    return fmt.percent(x, digits=digits)


def _people(x) -> str:
    return fmt.headcount(x)


def _role_name(design, role_id: str) -> dict[str, str]:
    return _both(Phrase("course.named", name=design.role(role_id).name, id=role_id))


def _area_names(areas: Iterable[str]) -> dict[str, str]:
    cat = duty_areas()
    named = [_both(Phrase("course.named", name={"zh": cat.loc[a, "zh"], "en": cat.loc[a, "en"]}, id=a))
             for a in areas]
    return {lang: words(named, lang) for lang in LANGS}


def _owned_areas(design) -> set[str]:
    return {d.area for r in design.roles for d in r.duties}


def _lost_areas(design, baseline) -> list[str]:
    """Areas the baseline covers that ``design`` no longer covers, in catalogue order."""
    before = set(gaps(baseline))
    return [a for a in gaps(design) if a not in before]


def _lost_reason(design, baseline) -> list[tuple[str, str]]:
    """The failure "areas the baseline covers have no owner" (none without a baseline)."""
    lost = _lost_areas(design, baseline) if baseline is not None else []
    return [_say("course.areas_lost", n=len(lost), areas=_area_names(lost))] if lost else []


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
        raise ShopOrgError(Phrase("err.course_factor", got=repr(factor)))
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
        raise ShopOrgError(Phrase("err.course_no_area"))
    unknown = [a for a in areas if a not in duty_area_ids()]
    if unknown:
        raise ShopOrgError(Phrase("err.course_unknown_area", ids=", ".join(unknown),
                                  known=", ".join(sorted(duty_area_ids()))))
    owned = _owned_areas(design)
    missing = [a for a in areas if a not in owned]
    people = float(design.headcount)
    failures, successes = [], []
    if missing:
        failures.append(_say("course.areas_missing_one" if len(missing) == 1 else "course.areas_missing",
                             n=len(missing), areas=_area_names(missing)))
    else:
        successes.append(_say("course.areas_owned", n=len(areas), areas=_area_names(areas)))
    if max_people is not None:
        if people > max_people:
            failures.append(_say("course.people_over", people=_people(people), limit=_people(max_people)))
        else:
            successes.append(_say("course.people_within", people=_people(people), limit=_people(max_people)))
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
        raise ShopOrgError(Phrase("err.course_agents", got=repr(agents)))
    agents = int(agents)
    kw = dict(interval_s=interval_s, answer_within_s=answer_within_s, concurrency=concurrency)
    need = required_agents(arrivals, aht_s, service_level=service_level, max_occupancy=max_occupancy,
                           shrinkage=shrinkage, **kw)
    mine = service_metrics(agents, arrivals, aht_s, shrinkage=shrinkage, **kw)
    seconds = fmt.number(answer_within_s)
    # Chinese says 服务水平 and leaves the answer time to the lesson; English names it
    within = {"zh": "", "en": t("course.within", "en", seconds=seconds)}
    target = _share(service_level)
    if agents < need.agents:
        if mine.service_level < service_level:
            return Check(False, *_say("course.agents_low", agents=agents, level=_share(mine.service_level),
                                      within=within, target=target, need=need.agents))
        return Check(False, *_say("course.agents_busy", agents=agents, occupancy=_share(mine.occupancy),
                                  cap=_share(max_occupancy), need=need.agents))
    if agents > need.agents:
        return Check(False, *_say("course.agents_many", agents=agents, need=need.agents,
                                  level=_share(need.service_level), within=within, target=target))
    fewer = service_metrics(agents - 1, arrivals, aht_s, **kw) if agents > 0 else None
    less = (_both(Phrase("course.agents_fewer", agents=agents - 1, level=_share(fewer.service_level)))
            if fewer is not None else "")
    return Check(True, *_say("course.agents_ok", agents=agents, level=_share(mine.service_level), seconds=seconds,
                             target=target, wait=fmt.fixed(mine.asa_s, digits=1), positions=mine.positions, less=less))


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
        raise ShopOrgError(Phrase("err.course_no_norm", id=repr(design.id)))
    failures, ok = [], []
    for row in sized.itertuples():
        role = _role_name(design, row.role)
        cur, need = row.current, row.recommended
        if cur < need:
            failures.append(_say("course.short", role=role, current=_people(cur), need=_people(need),
                                 n=_people(need - cur)))
        elif cur > need + slack:
            failures.append(_say("course.too_many", role=role, current=_people(cur), need=_people(need),
                                 n=_people(cur - need)))
        else:
            ok.append(_both(Phrase("course.sized", name=design.role(row.role).name, current=_people(cur),
                                   need=_people(need))))
    if failures:
        return _verdict(failures, [])
    temporary = float(sized["temporary"].sum())
    return Check(True, *_say("course.sized_all", n=len(ok), roles={lang: words(ok, lang) for lang in LANGS},
                             temporary=_people(temporary)))


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
                values = [_both(Phrase("course.value", name={"zh": driver_name(n, "zh"), "en": n},
                                       value=fmt.number(env[n][m, min(j, env[n].shape[1] - 1)], digits=4)))
                          for n in sorted(env)]
                values = {lang: words(values, lang) for lang in LANGS}
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
        raise ShopOrgError(Phrase("err.course_no_target"))
    design.role(role_id)
    one = design.only([role_id])
    fitted = shop_wide(scenario, one)
    pr = payroll(one, fitted, base_level=base_level, supply=dict(supply or {}))
    summary = pr.summary().loc["accrued"]
    total = float(summary["total"])
    role = _role_name(design, role_id)
    failures, successes = [], []

    def judge(ok, good, bad, **fields):
        (failures if not ok else successes).append(_say(bad if not ok else good, role=role, **fields))

    if min_variable_share is not None:
        share = float(summary["variable"]) / total if total else 0.0
        judge(share >= min_variable_share, "course.variable_ok", "course.variable_low",
              share=_share(share), target=_share(min_variable_share, 0))
    if max_revenue_share is not None:
        share = total / float(fitted.driver("revenue").sum())
        judge(share <= max_revenue_share, "course.revenue_share_ok", "course.revenue_share_high",
              share=_share(share, 2), limit=_share(max_revenue_share, 2))
    if max_cost_per_order is not None:
        per_order = cost_per_order(total, fitted.driver("orders").sum())
        judge(per_order <= max_cost_per_order, "course.per_order_ok", "course.per_order_high",
              cost=_yuan(per_order), limit=_yuan(max_cost_per_order))
    if min_monthly_pay is not None:
        per = pr.lines[pr.lines.role == role_id].groupby(["month", "person"], sort=False)["accrued_fen"].sum()
        (month, person), low = per.idxmin(), per.min() / 100
        judge(low >= min_monthly_pay, "course.lowest_ok", "course.lowest_low", pay=_yuan(low), person=person,
              month=month, target=_yuan(min_monthly_pay))
    if bonus_only_if is not None:
        breaches = _bonus_breaches(pr, fitted, role_id, bonus_only_if)
        condition = {"zh": expression_text(bonus_only_if, "zh"), "en": bonus_only_if}
        if breaches:
            month, person, amount, values = breaches[0]
            failures.append(_say("course.bonus_breach", role=role, person=person, month=month, condition=condition,
                                 values=values, pay=_yuan(amount), n=len(breaches)))
        else:
            successes.append(_say("course.bonus_ok", condition=condition))
    if failures:
        return _verdict(failures, [])
    return Check(True, *_say("course.role_ok", role=role, reasons={
        lang: t("sep.changes", lang).join(x[i] for x in successes) for i, lang in enumerate(LANGS)}))


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
            failures.append(_say("course.span_over", role=_role_name(design, rid), people=_people(people),
                                 limit=_people(max_span)))
    if max_layers is not None and depth > max_layers:
        failures.append(_say("course.layers_over", depth=depth, limit=max_layers))
    people = float(design.headcount)
    if max_people is not None and people > max_people:
        failures.append(_say("course.people_over", people=_people(people), limit=_people(max_people)))
    for r in design.roles:
        if not r.duties:
            failures.append(_say("course.no_duties", role=_role_name(design, r.id)))
    failures += _lost_reason(design, baseline)
    if failures:
        return _verdict(failures, [])
    widest = max(spans.values(), default=0.0)
    zh, en = _say("course.structure_ok", widest=_people(widest), limit=_people(max_span), depth=depth,
                  people=_people(people))
    if baseline is not None:
        zh, en = zh + t("course.structure_no_loss", "zh"), en + t("course.structure_no_loss", "en")
    return Check(True, zh, en)


# -- lesson 5: an option for the client -------------------------------------------------------

def check_option(design, scenario, norms, *, max_cost_per_order: float, baseline=None,
                 base_level: str = "mid", supply: Mapping[str, float] | None = None) -> Check:
    """Is ``design`` an option the client can take: no role with a norm below its
    recommended headcount (:func:`shoporg.recommend_headcount`), a year's cost per order
    (accrued, excluding peak temporary staff) of at most ``max_cost_per_order``, and (with a
    ``baseline``) no duty area lost? When the scenario prices a city's employment terms the
    cost is the employer's whole cost (人工成本: gross pay, employer social insurance,
    housing fund and agency fees) and nobody may be paid below the city's minimum wage;
    without a city it is gross pay (应发工资).

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
            failures.append(_say("course.short", role=_role_name(design, row.role), current=_people(row.current),
                                 need=_people(row.recommended), n=_people(row.recommended - row.current)))
    fitted = shop_wide(scenario, design)
    pr = payroll(design, fitted, base_level=base_level, supply=dict(supply or {}))
    labour = pr.chain is not None  # a city's terms: what the employer pays, and the minimum wage
    total = pr.chain_total("labour_cost") if labour else pr.total()
    per_order = cost_per_order(total, fitted.driver("orders").sum())
    if labour:
        found = {lang: pr.findings(lang) for lang in LANGS}
        for i in found["zh"].index[found["zh"]["check"] == "minimum_wage"]:
            name = _role_name(design, found["zh"].loc[i, "role"])
            failures.append(tuple(t("course.option_below_minimum", lang, role=name[lang], finding=found[lang].loc[i, "message"])
                                  for lang in ("zh", "en")))
    if per_order > max_cost_per_order:
        failures.append(_say("course.option_labour_high" if labour else "course.option_per_order_high",
                             cost=_yuan(per_order), limit=_yuan(max_cost_per_order)))
    failures += _lost_reason(design, baseline)
    if failures:
        return _verdict(failures, [])
    zh, en = _say("course.option_ok_labour" if labour else "course.option_ok", total=_yuan(total), cost=_yuan(per_order),
                  limit=_yuan(max_cost_per_order))
    if baseline is not None:
        zh, en = zh + t("course.option_no_loss", "zh"), en + t("course.option_no_loss", "en")
    return Check(True, zh, en)


def lift_to_minimum_wage(design, scenario, *, supply=None):
    """The option with each base raised as little as needed (whole tens of yuan) for nobody to
    be paid below the scenario's city minimum wage, and the rise per role; see
    :func:`shoporg.employment.minimum_base.lift_to_minimum_wage`. Per-person drivers are
    averaged as :func:`check_option` does."""
    from .employment.minimum_base import lift_to_minimum_wage as lift

    return lift(design, shop_wide(scenario, design), supply=supply)
