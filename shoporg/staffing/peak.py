"""Peak options: for every month in which a role sized by a norm needs more people than its
permanent headcount, the ways to cover the extra work, priced, and the cheapest mix that
breaks no rule.

The ways: temporary staff hired directly or through an agency (whole people for the month,
paid ``temp_wage``; they take their share of a pooled piece rate, which the permanent staff
then do not get; the agency adds ``agency_markup`` on what it pays), overtime of the
permanent staff (workday overtime at 150% of the hourly wage, 劳动法 第四十四条, up to 3 hours
a day and 36 a month, 第四十一条), an outsourced chat service priced ``per_chat``, and a
chatbot answering ``chatbot_share`` of the chats. Every price and share is the user's: a
way whose price is not given is not priced, and the temp wage is the role's own base pay
unless the user sets one (``"minimum_wage"``: the city's, from its parameter pack).

Overtime hours are the work the permanent staff lack, in hours of their norm: for a quota,
the extra units ÷ (quota a day ÷ 8 hours); for chat service, the FTE gap × shift hours ×
working days. A mix is legal when each permanent person's overtime stays within both caps
(spread evenly over the month's working days) and each temp earns at least the minimum wage.
Amounts are what the shop pays on top (pay, agency fees, service fees), exact to the fen,
before employer social insurance and housing fund.

>>> import shoporg
>>> from shoporg.staffing import read_norms
>>> d = shoporg.load_template("seed-14-basic-22")
>>> s = shoporg.load_scenario("d14-double11")
>>> p = peak_options(d, s, read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml"),
...                  PeakInputs(agency_markup=0.15))
>>> row = p.best.set_index("role").loc["picker"]
>>> mix_words(row, "zh"), float(row["cost"]), row["cheaper_mix"], row["cheaper_breaks"]
('临时工1人', 1500.0, 'overtime', 'overtime.month_cap')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import fmt
from ..employment.params import EmploymentError, load_pack
from ..errors import ShopOrgError, error_words
from ..i18n import Phrase, t
from ..pay.amounts import base_amount, to_fen
from ..pay.kinds.overtime import HOURS_PER_DAY, hourly_wage
from .norms import QuotaNorm
from .sizing import erlang_headcount, norms_for, recommend_headcount, scale_design

__all__ = ["PeakInputs", "PeakOptions", "PeakError", "peak_options"]

_NOISE = 1e-9


class PeakError(ShopOrgError):
    """A peak input out of range, or a default it needs that no pack gives."""


@dataclass(frozen=True)
class PeakInputs:
    """What the user sets for pricing the peak. ``None``: the way is not priced.

    temp_wage : monthly pay of one temp (yuan), ``"base"`` (the role's base pay, the
        design's figure) or ``"minimum_wage"`` (the city's, from ``region``'s pack)
    agency_markup : the agency's fee as a share of what it pays its staff (0.15)
    per_chat : price of one chat answered by an outsourced service (yuan)
    chatbot_share : share of chats a chatbot answers (0–1)
    chatbot_per_chat : what the chatbot costs per chat it answers (yuan)
    region : the city whose pack gives the minimum wage (the overtime law is national)
    """

    temp_wage: float | str = "base"
    agency_markup: float | None = None
    per_chat: float | None = None
    chatbot_share: float | None = None
    chatbot_per_chat: float | None = None
    region: str | None = None

    def __post_init__(self):
        for name, hi in (("agency_markup", 10), ("per_chat", 1000), ("chatbot_share", 1), ("chatbot_per_chat", 1000)):
            v = getattr(self, name)
            if v is not None and not (isinstance(v, (int, float)) and math.isfinite(v) and 0 <= v <= hi):
                raise PeakError(Phrase("peak.err.input", name=name, got=repr(v), high=hi))
        w = self.temp_wage
        if not (w in ("base", "minimum_wage") or (isinstance(w, (int, float)) and math.isfinite(w) and 0 < w <= 1e6)):
            raise PeakError(Phrase("peak.err.temp_wage", got=repr(w)))
        if w == "minimum_wage" and self.region is None:
            raise PeakError(Phrase("peak.err.no_region"))

    def assumptions(self) -> list[Phrase]:
        """What the pricing assumes, each said as the user's."""
        out = [Phrase("peak.assume.temp_base") if self.temp_wage == "base" else
               Phrase("peak.assume.temp_minimum") if self.temp_wage == "minimum_wage" else
               Phrase("peak.assume.temp_wage", wage=_both(fmt.money, self.temp_wage))]
        for name, say in (("agency_markup", fmt.percent), ("per_chat", fmt.money), ("chatbot_share", fmt.percent)):
            v = getattr(self, name)
            out.append(Phrase(f"peak.assume.{name}", value=_both(say, v)) if v is not None
                       else Phrase(f"peak.assume.no_{name}"))
        return out


@dataclass
class PeakOptions:
    """``options``: every mix priced, one row per role, month and mix; ``best``: per role
    and month the cheapest mix that breaks no rule (``legal`` False when every mix breaks
    one), with the cheapest mix under it, its cost and the rule it breaks; ``inputs``: what
    was assumed."""

    options: pd.DataFrame
    best: pd.DataFrame
    inputs: PeakInputs
    facts: list = field(default_factory=list)
    """The pack figures the pricing read (overtime law, minimum wage), each with its source."""
    names: dict = field(default_factory=dict)
    """Role id → its name (``Text``), for the table a person reads."""
    employer_priced: bool = False
    """Whether ``employer_fen`` holds the employer's contributions (a region whose pack prices the plan)."""
    employer_note: Phrase | None = None
    """Why they are not priced, when a region was given."""

    def sources(self) -> pd.DataFrame:
        """The figures read, one row each: key, month, value, source, verified."""
        return pd.DataFrame([{"key": f.key, "month": m, "value": f.value, "source": f.cite(),
                              "verified": f.verified} for m, f in self.facts],
                            columns=["key", "month", "value", "source", "verified"])

    def cost_by_month(self, months) -> pd.DataFrame:
        """The best mix's cost in fen, months × roles (0 outside the peaks)."""
        out = pd.DataFrame(0, index=list(months), columns=sorted(set(self.best["role"])), dtype=np.int64)
        for row in self.best.itertuples():
            out.loc[row.month, row.role] = row.cost_fen
        return out

    def table(self, lang: str = "zh") -> pd.DataFrame:
        """The best mixes as a person reads them."""
        rows = [[self.names[row.role].get(lang) if row.role in self.names else row.role, fmt.month(row.month, lang),
                 mix_words(row, lang), row.labour_cost_fen / 100 if self.employer_priced else row.cost,
                 t(f"peak.rule.{row.cheaper_breaks}", lang) if row.cheaper_breaks else "",
                 row.cheaper_cost if row.cheaper_breaks else None] for row in self.best.itertuples()]
        cost = "labour_cost" if self.employer_priced else "cost"
        return pd.DataFrame(rows, columns=[t(f"peak.col.{c}", lang) for c in
                                           ("role", "month", "mix", cost, "cheaper_breaks", "cheaper_cost")])


def _both(f, x) -> dict:
    return {"zh": f(x, "zh"), "en": f(x, "en")}


def mix_words(row, lang: str = "zh") -> str:
    """A mix in words: ``临时工1人 + 加班每人36小时``."""
    parts = []
    if row.temps:
        parts.append(t("peak.mix.agency" if row.agency else "peak.mix.temps", lang, n=int(row.temps)))
    if row.overtime_hours > _NOISE:
        parts.append(t("peak.mix.overtime", lang, hours=fmt.number(row.overtime_hours, lang, digits=1)))
    if row.outsourced_chats > _NOISE:
        parts.append(t("peak.mix.outsourced", lang, chats=fmt.count(row.outsourced_chats, lang)))
    if row.bot_chats > _NOISE:
        parts.append(t("peak.mix.bot", lang, chats=fmt.count(row.bot_chats, lang)))
    return " + ".join(parts) or t("peak.mix.none", lang)


class _Work:
    """One role's norm as work: FTE a volume needs and the volume FTE can handle."""

    def __init__(self, norm):
        self.norm, self._cache = norm, {}
        self.quota = isinstance(norm, QuotaNorm)

    def fte(self, volume: float) -> float:
        """FTE needed, unrounded."""
        if volume <= 0:
            return 0.0
        n = self.norm
        if self.quota:
            return volume * float(n.peak_factor) / float(n.quota_per_day * n.working_days * n.attendance)
        if volume not in self._cache:
            self._cache[volume] = erlang_headcount(volume, n)[1].get("fte_month", 0.0)
        return self._cache[volume]

    def hours_per_fte(self) -> float:
        """Hours of work one FTE gives a month (a quota person's attended hours; a chat agent's shifts)."""
        n = self.norm
        if self.quota:
            return HOURS_PER_DAY * float(n.working_days * n.attendance)
        return float(n.shift_hours * n.working_days)

    def volume_for(self, fte: float, upto: float) -> float:
        """The most volume (≤ ``upto``) that ``fte`` FTE can handle."""
        if self.fte(upto) <= fte + _NOISE:
            return upto
        if self.quota:
            n = self.norm
            return fte * float(n.quota_per_day * n.working_days * n.attendance) / float(n.peak_factor)
        lo, hi = 0.0, upto
        for _ in range(30):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if self.fte(mid) <= fte + _NOISE else (lo, mid)
        return lo


def _pool(role, scenario, m: int, supply) -> float:
    """The role's pooled piece pay in month ``m`` (yuan), the pool temps share in."""
    total = 0.0
    for ci, c in enumerate(role.pay):
        if c.kind == "piece_rate" and c.basis == "pooled":
            rate = c.rate if c.rate is not None else (supply or {}).get(f"{role.id}.pay[{ci}].rate")
            if rate is not None:
                total += float(rate) * float(scenario.driver(c.driver)[m])
    return total


def peak_options(design, scenario, norms=None, inputs: PeakInputs | None = None, *, base_level: str = "mid",
                 supply=None, recommendation=None, payroll=None, pack=None) -> PeakOptions:
    """Price the ways to cover each peak month of each normed role (see the module docstring).

    ``design`` is the design before staffing; the permanent headcount is the recommended one
    (:func:`~shoporg.staffing.sizing.recommend_headcount`, or ``recommendation``). With a
    ``region`` in ``inputs`` each mix also carries the employer's social insurance and housing
    fund it adds (``employer_fen``: the temps' own, and the change in the permanent staff's
    as their overtime pay comes in and their piece pay goes to the temps, from ``payroll`` of
    the staffed design), and the cheapest mix is the one of least ``labour_cost_fen``. A pack
    that cannot price a plan month leaves them out (``employer_priced`` False, and said so).
    ``pack`` is read in place of ``region``'s (a pack of one's own)."""
    inputs = inputs or PeakInputs()
    rec = recommendation if recommendation is not None else recommend_headcount(design, scenario, norms)
    table = norms_for(design, norms)
    law = load_pack("national")  # the overtime law and the wage conversions are national
    city = pack if pack is not None else load_pack(inputs.region) if inputs.region is not None else None
    supply = dict(supply or {}) | dict(getattr(scenario, "supply", None) or {})
    rows = []
    for r in rec.itertuples():
        norm = table.get(r.role)
        if norm is None:
            continue
        work = _Work(norm)
        role = design.role(r.role)
        perm = float(r.recommended)
        bases = [c for c in role.pay if c.kind == "base"]
        base = base_amount(bases[0], base_level) if bases else 0.0
        volumes = scenario.driver(norm.driver)
        for m, label in enumerate(scenario.months):
            v = float(volumes[m])
            if work.fte(v) <= perm + _NOISE:
                continue  # the permanent staff cope
            rows += _mixes(work, role, perm, base, v, m, label, scenario, inputs, law, city, supply)
    options = _nones(pd.DataFrame(rows, columns=_COLUMNS))
    options["employer_fen"] = 0
    options["labour_cost_fen"] = options["cost_fen"]
    priced, note = False, None
    if city is not None and len(options):
        from ..employment.terms import resolve_terms  # the employment room: bases and rates by month

        try:
            terms = resolve_terms(city, scenario.months)
        except EmploymentError as e:  # the pack lacks a figure for some plan month
            note = Phrase("peak.assume.no_employer", reason=error_words(e))
        else:
            if payroll is None:
                from ..pay.engine import payroll as run  # the permanent staff's pay, to price the change in theirs
                payroll = run(scale_design(design, scenario, norms), scenario, base_level=base_level, supply=supply)
            _employer(options, terms, payroll, scenario.months, inputs)
            priced = True
    read = [(law, k) for k in _FACTS[:-1]] + ([(city, _FACTS[-1])] if city is not None else [])
    facts = [(m, f) for m in sorted(set(options["month"])) for f in (p.get(k, m) for p, k in read) if f is not None]
    return PeakOptions(options, _best(options), inputs, facts, {r.id: r.name for r in design.roles}, priced, note)


#: the pack keys the pricing reads
_FACTS = ("overtime.multipliers", "overtime.max_hours_day", "overtime.max_hours_month", "wage.paid_days_month",
          "minimum_wage.monthly")


_COLUMNS = ["role", "month", "mix", "temps", "agency", "overtime_hours", "outsourced_chats", "bot_chats",
            "piece_to_temps", "temps_fen", "overtime_fen", "outsourced_fen", "bot_fen", "cost_fen", "cost",
            "breaks", "legal", "temp_pay_fen", "employer_fen", "labour_cost_fen"]


def _mixes(work, role, perm, base, v, m, label, scenario, inputs, law, city, supply) -> list[dict]:
    mult = float(law.fact("overtime.multipliers", label).value["workday"])
    cap_day, cap_month = (float(law.fact(k, label).value) for k in ("overtime.max_hours_day",
                                                                      "overtime.max_hours_month"))
    minimum = city.get("minimum_wage.monthly", label) if city is not None else None
    wage = (base if inputs.temp_wage == "base" else
            float(city.fact("minimum_wage.monthly", label).value) if inputs.temp_wage == "minimum_wage"
            else float(inputs.temp_wage))
    hourly = hourly_wage(base) * mult
    hpf = work.hours_per_fte()
    days = float(work.norm.working_days)
    pool = _pool(role, scenario, m, supply)
    chat = not work.quota
    bots = [0.0] + ([inputs.chatbot_share] if chat and inputs.chatbot_share else [])
    agencies = [False] + ([True] if inputs.agency_markup is not None else [])
    out = []
    for bot in bots:
        volume = v * (1 - bot)
        top = max(0, math.ceil(work.fte(volume) - perm - _NOISE))
        for k in range(top + 1):
            gap = max(0.0, work.fte(volume) - perm - k) * hpf  # hours the people there lack
            ways = [("", 0.0, 0.0)]
            if gap > _NOISE:
                ways = [("overtime", gap, 0.0)] if perm > 0 else []
                if chat and inputs.per_chat is not None:
                    ways.append(("outsourced", 0.0, volume - work.volume_for(perm + k, volume)))
                    if perm > 0 and gap > cap_month * perm + _NOISE:  # overtime to the cap, the rest outsourced
                        hours = cap_month * perm
                        ways.append(("overtime+outsourced", hours,
                                     volume - work.volume_for(perm + k + hours / hpf, volume)))
            for way, hours, chats in ways:
                for agency in agencies if k else [False]:
                    out.append(_row(role.id, label, k, agency, way, hours, chats, v * bot, pool, perm, wage, hourly,
                                    inputs, cap_day, cap_month, days, minimum))
    return out


def _row(role, month, k, agency, way, hours, chats, bot_chats, pool, perm, wage, hourly, inputs, cap_day,
         cap_month, days, minimum) -> dict:
    share = pool * k / (perm + k) if k else 0.0  # the temps' share of the pooled piece pay
    markup = float(inputs.agency_markup or 0) if agency else 0.0
    temps_fen = int(to_fen(np.array([k * wage * (1 + markup) + markup * share]))[0])
    overtime_fen = int(to_fen(np.array([hours * hourly]))[0])
    outsourced_fen = int(to_fen(np.array([chats * float(inputs.per_chat or 0)]))[0])
    bot_fen = int(to_fen(np.array([bot_chats * float(inputs.chatbot_per_chat or 0)]))[0])
    per_person = hours / perm if perm else 0.0
    breaks = []
    if per_person > cap_month + _NOISE:
        breaks.append("overtime.month_cap")
    if per_person / days > cap_day + _NOISE:
        breaks.append("overtime.day_cap")
    if k and minimum is not None and wage + share / k < float(minimum.value) - _NOISE:
        breaks.append("minimum_wage")
    parts = [p for p, on in (("agency" if agency else "temps", k), ("overtime", hours > _NOISE),
                             ("outsourced", chats > _NOISE), ("bot", bot_chats > _NOISE)) if on]
    cost_fen = temps_fen + overtime_fen + outsourced_fen + bot_fen
    return {"role": role, "month": month, "mix": "+".join(parts) or "none", "temps": k, "agency": agency,
            "temp_pay_fen": int(to_fen(np.array([k * wage]))[0]),
            "overtime_hours": per_person, "outsourced_chats": chats, "bot_chats": bot_chats,
            "piece_to_temps": round(share, 2), "temps_fen": temps_fen, "overtime_fen": overtime_fen,
            "outsourced_fen": outsourced_fen, "bot_fen": bot_fen, "cost_fen": cost_fen, "cost": cost_fen / 100,
            "breaks": ",".join(breaks) or None, "legal": not breaks}


def _best(options: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for (role, month), g in options.groupby(["role", "month"], sort=False):
        legal = g[g["legal"]].sort_values("labour_cost_fen", kind="stable")
        if legal.empty:  # every way breaks a rule: the cheapest is shown, marked unlawful
            legal = g.sort_values("labour_cost_fen", kind="stable")
        best = legal.iloc[0].to_dict()
        cheaper = g[(~g["legal"]) & (g["labour_cost_fen"] < best["labour_cost_fen"])].sort_values(
            "labour_cost_fen", kind="stable")
        best["cheaper_breaks"] = cheaper.iloc[0]["breaks"].split(",")[0] if len(cheaper) else None
        best["cheaper_mix"] = cheaper.iloc[0]["mix"] if len(cheaper) else None
        best["cheaper_cost"] = float(cheaper.iloc[0]["labour_cost_fen"]) / 100 if len(cheaper) else None
        rows.append(best)
    return _nones(pd.DataFrame(rows, columns=_COLUMNS + ["cheaper_breaks", "cheaper_mix", "cheaper_cost"]))


def _nones(df: pd.DataFrame) -> pd.DataFrame:
    """``None`` (not NaN) where a mix breaks no rule or has no cheaper mix."""
    for c in ("breaks", "cheaper_breaks", "cheaper_mix", "cheaper_cost"):
        if c in df:
            df[c] = df[c].astype(object).where(df[c].notna(), None)
    return df


def employer_fen(gross_fen, terms, m: int) -> np.ndarray:
    """The employer's social insurance and housing fund on each monthly gross pay of
    ``gross_fen`` in plan month ``m``: every branch and the fund on the pay clamped to
    their floor and cap."""
    from ..employment.contributions import contribution_base, share_ppm  # the employment room's arithmetic

    g = np.asarray(gross_fen, dtype=np.int64)
    base = contribution_base(g, int(terms.base_floor[m]), int(terms.base_cap[m]))
    out = sum(share_ppm(base, int(ppm[m])) for ppm in terms.employer_ppm.values())
    fund = contribution_base(g, int(terms.fund_floor[m]), int(terms.fund_cap[m]))
    return out + share_ppm(fund, int(terms.fund_ppm[m]))


def _employer(options: pd.DataFrame, terms, payroll, months, inputs) -> None:
    """Fill ``employer_fen`` and ``labour_cost_fen`` of every mix (see :func:`peak_options`)."""
    from ..pay.kinds import PAY_KINDS  # the pay lines (not an on-cost line) make the gross

    lines = payroll.lines[payroll.lines["kind"].isin(list(PAY_KINDS))]
    gross = lines.groupby(["role", "month", "person"])["accrued_fen"].sum()
    index = {label: i for i, label in enumerate(months)}
    markup = float(inputs.agency_markup or 0)
    added = []
    for row in options.itertuples():
        m = index[row.month]
        g = gross.loc[(row.role, row.month)].to_numpy(dtype=np.int64)
        share_fen = int(round(row.piece_to_temps * 100))
        change = (row.overtime_fen - share_fen) // max(len(g), 1)  # spread evenly over the permanent staff
        more = int((employer_fen(g + change, terms, m) - employer_fen(g, terms, m)).sum())
        if row.temps:
            each = (row.temp_pay_fen + share_fen) // row.temps
            own = int(employer_fen(np.array([each]), terms, m)[0]) * row.temps
            more += round(own * (1 + markup)) if row.agency else own  # the agency's fee is on them too
        added.append(more)
    options["employer_fen"] = np.array(added, dtype=np.int64)
    options["labour_cost_fen"] = options["cost_fen"] + options["employer_fen"]
