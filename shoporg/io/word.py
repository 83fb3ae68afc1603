"""The Word report (python-docx), A4: a cover from the client block, a one-page summary
of the options, per option its org chart, role table, payroll, staffing and findings,
then the comparison and differences, and the assumptions of each option.

The cover, summary and comparison are portrait; each option (its org chart, the wide
role and payroll tables) and the assumptions (the drivers' twelve months) are landscape.
Every style names Microsoft YaHei for Latin and East Asian text (the font table offers
PingFang SC and Noto Sans CJK SC in its place); the running header is the client and
project, the footer the page number. The building blocks are in
:mod:`shoporg.io.word_doc` (column widths: :mod:`shoporg.io.word_widths`), the
sections' facts in :mod:`shoporg.io.word_parts`.

>>> import tempfile, pathlib
>>> from shoporg import load_template
>>> p = write_docx([load_template("seed-14-basic-22")], pathlib.Path(tempfile.mkdtemp()) / "r.docx")
>>> p.suffix, p.stat().st_size > 20_000
('.docx', True)
"""

from __future__ import annotations

from pathlib import Path

from .. import fmt
from ..analysis import compare, compare_view, diff, diff_view, gaps, health, health_view
from ..catalogue import duty_areas
from ..client import ClientBlock
from ..errors import DesignFileError
from ..i18n import Phrase, check_lang, driver_name, t, words
from ..pay.engine import payroll
from ..scenario import filled_note
from ..tables import CHAIN_COLUMNS, chain_months, pay_summary, role_table
from .atomic import atomic_write, check_target
from .picture import chart_page_pngs, chart_page_scales
from .staffing_rows import staffing_rows
from .word_doc import Report, capital
from .word_parts import Costs, fact_rows, findings, option_names, region_name

__all__ = ["write_docx", "export_docx"]

#: Charts are drawn with text this large so that, made smaller to fit a landscape page's
#: text area (at most by 0.74), no text on them is under 8 pt.
CHART_MIN_PT = 11.0
_CHART_DPI = 150
#: the smallest text on a chart before it is scaled (``shoporg.chart``'s detail lines) and
#: the smallest it may be on the page
_DRAWN_PT, _FLOOR_PT = 8.0, 8.0


def write_docx(designs, path, scenario=None, lang: str = "zh", *, client=None, author: str = "",
               date: str | None = None, supply=None, norms=None, overwrite: bool = False) -> Path:
    """Write the client report as .docx; atomic, refuses to overwrite unless asked.

    ``designs`` is one design or a list of two to four options; ``client`` the client
    block (a mapping, a client's name, or None for the design's own); with a ``scenario``
    each option has its payroll, staffing (``norms`` size the roles that have one) and
    the summary its costs.
    """
    designs = [designs] if hasattr(designs, "roles") else list(designs)
    check_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise DesignFileError(Phrase("err.docx_suffix", got=repr(path.suffix) if path.suffix else Phrase("err.no_suffix")),
                              file=str(path))
    check_target(path, overwrite=overwrite)

    block = ClientBlock.of(client, designs[0])
    title = block.project or t("doc.title", lang)
    rep = Report(block.heading(lang) or title, tuple(t("doc.page", lang, page="\0", pages="\0").split("\0")))
    props = rep.doc.core_properties  # python-docx's template names itself as author and comment
    props.author, props.comments, props.title = author or block.consultant, "", title
    names = option_names(designs, lang)
    runs = [payroll(d, scenario, supply=supply) if scenario is not None else None for d in designs]
    # a design without any pay rule has no cost to show (not a cost of zero)
    costs = [Costs.of(pr) if pr is not None and any(r.pay for r in d.roles) else None for d, pr in zip(designs, runs)]
    checks = [health(d, scenario=scenario, lang=lang) for d in designs]  # the findings and each option read them

    _cover(rep, block, title, names, lang, author=author, date=date)
    rep.section("portrait")
    _summary(rep, designs, names, costs, checks, scenario, lang, supply=supply, norms=norms)
    areas = duty_areas()
    for d, name, pr, cost, h in zip(designs, names, runs, costs, checks):
        _option(rep, d, name, pr, cost, h, scenario, lang, areas, supply=supply, norms=norms)
    if len(designs) > 1:
        _comparison(rep, designs, names, scenario, lang, supply=supply)
    if scenario is not None:
        _assumptions(rep, designs, names, runs, scenario, lang)
    atomic_write(path, rep.save, overwrite=overwrite)
    return path


export_docx = write_docx  # the earlier name


def _cover(rep: Report, block: ClientBlock, title: str, names, lang: str, *, author: str, date) -> None:
    for _ in range(5):
        rep.para("")
    rep.para(title, "Title")
    if block.project:
        rep.para(t("doc.title", lang), "Subtitle")
    rep.para(t("doc.options", lang, names=words(names, lang)), "Subtitle")
    rep.para("")
    fields = (("doc.client", block.client), ("doc.consultant", author or block.consultant),
              ("doc.date", date or block.shown_date(lang)), ("doc.version", block.version))
    for key, value in fields:
        if value:
            rep.para(t("doc.field", lang, label=t(key, lang), value=value), "Cover Line")


def _summary(rep: Report, designs, names, costs, checks, scenario, lang: str, *, supply, norms) -> None:
    rep.heading(t("doc.summary", lang), 1)
    # the summary reads only the layers and the roles without pay: no payroll to run for them
    table = compare(designs if len(designs) > 1 else designs * 2, lang=lang)
    rows = [[t("doc.sum.people", lang)] + [fmt.headcount(d.headcount, lang) for d in designs],
            [t("doc.sum.roles", lang)] + [fmt.count(len(d.roles), lang) for d in designs],
            [t("doc.sum.layers", lang)] + [fmt.count(v, lang) for v in table.loc["layers"].iloc[1:1 + len(designs)]]]
    if scenario is not None and any(costs):
        chains = [c is not None and c.labour_year is not None for c in costs]

        def money(values):
            return [fmt.fixed(v, lang) if v is not None else "—" for v in values]
        if not all(chains):  # gross pay, labelled as such, for every option
            rows += [[t(f"doc.sum.gross_{k}", lang)] + money(getattr(c, f"gross_{k}", None) for c in costs)
                     for k in ("month", "year", "order")]
        if any(chains):
            rows += [[t(f"doc.sum.labour_{k}", lang)] + money(getattr(c, f"labour_{k}", None) for c in costs)
                     for k in ("month", "year", "order")]
    rep.table([t("col.metric", lang)] + names, rows, numeric=set(range(1, len(names) + 1)))
    if any(costs) and not any(c is not None and c.labour_year is not None for c in costs):
        rep.para(t("doc.sum.gross_note", lang), "Note")
    rep.heading(t("doc.findings", lang), 2)
    rep.bullets(findings(designs, names, table, scenario, lang, norms=norms, checks=checks))


def _option(rep: Report, d, name: str, pr, cost, h, scenario, lang: str, areas, *, supply, norms) -> None:
    rep.section("landscape")
    rep.heading(name, 1)
    rep.heading(t("doc.chart", lang), 2)
    pngs = chart_page_pngs(d, lang, _CHART_DPI, min_pt=CHART_MIN_PT, crop=True)
    scales = chart_page_scales(d, lang, min_pt=CHART_MIN_PT)
    for i, (png, drawn) in enumerate(zip(pngs, scales)):
        if i:
            rep.doc.add_page_break()
        # as large as the page allows (below the headings), its smallest text at 8 pt or more
        rep.picture(png, _CHART_DPI, height_mm=rep.text_mm[1] - (40 if i == 0 else 12),
                    least=_FLOOR_PT / (_DRAWN_PT * drawn))
    rep.doc.add_page_break()  # the role table starts on a page of its own
    rep.heading(t("doc.roles", lang) + " · " + name, 2)
    roles = role_table(d, lang=lang)
    rows = [["\n".join([r["name"]] + [x for x in (r["department"], r["reports_to"] and
                                                   t("doc.reports_to", lang, name=r["reports_to"])) if x]),
             fmt.headcount(r["headcount"], lang), r["pay"], r["duties"]] for _, r in roles.iterrows()]
    head = [t("doc.col.role", lang), t("doc.col.people", lang), capital(t("col.pay", lang)), capital(t("col.duties", lang))]
    rep.table(head, rows, numeric={1}, shares={2: 0.22, 3: 0.56}, minor={0})

    if pr is not None:
        rep.heading(t("doc.payroll", lang) + " · " + name, 2)
    if pr is not None and cost is None:
        rep.para(t("doc.no_pay", lang))
    if cost is not None:
        m = chain_months(pr)
        if m is not None:  # a city's terms: the whole chain, from gross pay to net pay
            cols, heads = zip(*CHAIN_COLUMNS)
        else:
            m, cols, heads = pr.by_month(), ("accrued", "paid"), ("accrued_yuan", "paid_yuan")
        rows = [[fmt.month(i, lang), *(fmt.fixed(m.loc[i, c], lang) for c in cols)] for i in m.index]
        rows.append([t("total", lang), *(fmt.fixed(cost.column_total(m, c), lang) for c in cols)])
        rep.table([capital(t("col.month", lang)), *(capital(t(f"col.{h}", lang)) for h in heads)], rows,
                  numeric=set(range(1, len(cols) + 1)), total_row=True, fill=False, together=True)
        if pr.chain is not None:  # the year's chain in one sentence, from the table's own totals
            def year(column):
                return fmt.yuan(cost.column_total(m, column), lang, cents=True)
            rep.para(t("doc.chain_line", lang, gross=year("gross"), employer=year("employer"),
                       labour=year("labour_cost"), employee=year("employee_contributions"), tax=year("tax"),
                       net=year("net")), "Note")
        if pr.carried_over:
            rep.para(t("doc.field", lang, label=capital(t("doc.carried", lang)), value=fmt.yuan(pr.carried_over, lang,
                                                                                          cents=True)), "Note")
    if pr is not None:
        _staffing(rep, d, scenario, lang, supply=supply, norms=norms)

    rep.heading(t("doc.findings", lang), 2)
    rep.heading(t("doc.gaps", lang), 3)
    missing = gaps(d)
    rep.para(words([areas.loc[a, lang] for a in missing], lang) if missing else capital(t("word.none", lang)))
    rep.heading(t("doc.health", lang), 3)
    if h.empty:
        rep.para(capital(t("word.none", lang)))
    else:
        hv = health_view(h, d, lang)
        rep.table([capital(c) for c in hv.columns], hv.values.tolist())


def _staffing(rep: Report, d, scenario, lang: str, *, supply, norms) -> None:
    rep.heading(t("doc.staffing", lang), 2)
    sized, kept, peak = staffing_rows(d, scenario, lang, supply=supply, norms=norms)
    if sized:
        rep.table([capital(t("col.name", lang)), t("doc.col.current", lang), t("doc.col.recommended", lang),
                   t("doc.col.reason", lang)], sized, numeric={1, 2}, shares={3: 0.55}, together=len(sized) <= 15)
        if kept:
            rep.para(t("doc.staffing_kept", lang, names=words(kept, lang)), "Note")
        rep.heading(t("doc.peak", lang), 3)
        if peak is None or peak.empty:
            rep.para(t("doc.peak_none", lang))
        else:
            rep.table(list(peak.columns), peak.values.tolist(), numeric={3, 5}, fill=False, together=len(peak) <= 15)
    else:
        rep.para(t("doc.staffing_none", lang))


def _comparison(rep: Report, designs, names, scenario, lang: str, *, supply) -> None:
    rep.section("portrait")
    rep.heading(t("doc.compare", lang), 1)
    c = compare_view(compare(designs, scenario, lang=lang, supply=supply), lang)
    c.columns = [c.columns[0], *names, *c.columns[1 + len(names):]]
    rep.table(list(c.columns), c.values.tolist(), numeric=set(range(1, len(c.columns))))
    for other, other_name in zip(designs[1:], names[1:]):
        rep.heading(t("doc.diff", lang, a=names[0], b=other_name), 2)
        dd = diff_view(diff(designs[0], other), lang, designs=(designs[0], other))
        dd = dd.drop(columns=dd.columns[1])  # role ids serve reading a table back, not a reader
        if dd.empty:
            rep.para(capital(t("word.none", lang)))
        else:
            rep.table(list(dd.columns), dd.values.tolist())


def _assumptions(rep: Report, designs, names, runs, scenario, lang: str) -> None:
    rep.section("landscape")
    rep.heading(t("doc.assumptions", lang), 1)
    rep.para(t("doc.scenario", lang, name=scenario.name.get(lang), start=fmt.month(scenario.months[0], lang),
               end=fmt.month(scenario.months[-1], lang)))
    drivers = scenario.table()
    rep.table([capital(t("col.driver", lang))] + [fmt.month_short(m, lang) for m in drivers.index],
              [[capital(driver_name(k, lang))] + [fmt.number(v, lang) for v in drivers[k]] for k in drivers.columns],
              numeric=set(range(1, len(drivers.index) + 1)))
    if all(pr.terms is None for pr in runs):
        rep.para(t("doc.employment_none", lang), "Note")
    groups: dict = {}  # options with the same pay rules share one list
    for d, name in zip(designs, names):
        rules = tuple(t("doc.field", lang, label=r.name.get(lang), value=pay_summary(r, lang)) for r in d.roles if r.pay)
        groups.setdefault(rules, []).append(name)
    for rules, who in groups.items():
        rep.heading(t("doc.rules_of", lang, name=words(who, lang)), 2)
        rep.bullets(rules or [t("word.none", lang)])
    if any(pr.terms is not None for pr in runs):
        terms: dict = {}  # options on the same terms share one table
        for name, pr in zip(names, runs):
            key = (pr.terms.region, *fact_rows(pr.terms, lang)[0]) if pr.terms is not None else None
            terms.setdefault(str(key), (pr, []))[1].append(name)
        for pr, who in terms.values():
            region = region_name(pr.terms, lang) if pr.terms is not None else "—"
            rep.heading(t("doc.employment_of", lang, name=words(who, lang), region=region), 2)
            if pr.terms is None:
                rep.para(t("doc.employment_none", lang))
                continue
            rows, assumed = fact_rows(pr.terms, lang)
            rep.table([t(f"doc.col.{c}", lang) for c in ("parameter", "value", "source", "verified")], rows,
                      shares={2: 0.5})
            rep.para(t("doc.employment_assumed", lang) + words(assumed, lang) if assumed else
                     t("doc.employment_all_verified", lang), "Note")
    for d, pr in zip(designs, runs):
        note = filled_note(pr.filled, d, lang)
        if note:
            rep.para(note, "Note")
