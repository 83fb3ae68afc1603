"""The ``shoporg`` command line (also ``python -m shoporg``).

    shoporg templates                       list the template designs
    shoporg validate PATH...                check design, scenario and norms files (or folders)
    shoporg show PATH|TEMPLATE_ID [--lang zh|en] [--format table|csv|json]
    shoporg payroll DESIGN --scenario FILE [--view accrued|paid] [--by role|month|department]
                    [--level low|mid|high] [--supply KEY=VALUE] [--city CITY [--effective DATE]]
                    [--format ...] [--lang ...]
    shoporg staff DESIGN --volumes FILE [--norms FILE] [--format table|csv|json] [--lang ...]
    shoporg compare A B [C [D]] [--scenario FILE] [--norms FILE] [--format ...] [--lang ...]
    shoporg diff A B [--rename OLD=NEW] [--format ...] [--lang ...]
    shoporg export DESIGN... --to FILE [--to FILE ...] [--scenario FILE [--norms FILE]] [--lang ...] [--overwrite]
                   [--client NAME] [--project TITLE] [--consultant NAME] [--version V] [--date YYYY-MM-DD]
    shoporg export DESIGN... --folder DIR --format xlsx [--format docx ...] [...]   files named from the client
    shoporg chart DESIGN -o FILE.png|svg|pdf [--lang zh|en] [--mode auto|top-down|left-right|stacked]

Exit status: 0 on success, 2 when any input is invalid (one located message per
problem on standard error).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import signal
import sys
from pathlib import Path

import shoporg
import shoporg.io

from . import fmt
from .errors import ShopOrgError, error_text
from .i18n import Phrase, has, t
from .textable import render

# The engines are reached through the package's names (``shoporg.payroll``...), which
# load their modules when first used: ``shoporg --help`` or ``validate`` never pays for
# pandas, the office writers or the queueing models; a command that needs a heavy module
# (the app's server, the chart's layout) imports it when it runs or is parsed.

__all__ = ["main"]

EXIT_OK, EXIT_INVALID = 0, 2

#: Ctrl-C, a closed terminal, a service manager's stop.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGHUP", "SIGTERM") if hasattr(signal, name))


class _Signals:
    """The stop signals while :func:`main` runs.

    From its first line they are *held*: noted, not acted on, so that one landing while
    the modules load is no traceback. A command then either takes them back as usual
    (:meth:`release`: the previous handlers, and a held signal delivered again) or, like
    ``app``, acts on them itself (:meth:`take`, :meth:`interrupting`).
    """

    def __init__(self):
        self.held: list[int] = []
        self.saved: dict[int, object] = {}

    def hold(self) -> "_Signals":
        try:
            for sig in STOP_SIGNALS:
                previous = signal.signal(sig, self._note)
                self.saved.setdefault(sig, previous)
        except ValueError:  # not the main thread (main() called from a thread): nothing to hold
            pass
        return self

    def _note(self, signum, _frame) -> None:
        self.held.append(signum)

    def take(self) -> bool:
        """Whether a stop signal was held; it is then dealt with (not delivered again)."""
        held, self.held = bool(self.held), []
        return held

    def interrupting(self) -> None:
        """From now on each stop signal raises ``KeyboardInterrupt``."""
        for sig in self.saved:
            signal.signal(sig, signal.default_int_handler)

    def release(self) -> None:
        """The handlers as they were, and each held signal delivered to them."""
        saved, self.saved = self.saved, {}
        for sig, handler in saved.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        held, self.held = self.held, []
        for sig in dict.fromkeys(held):
            signal.raise_signal(sig)


class _Lang(argparse.Action):
    """``--lang``: the language of the output and, when given on the command line, of the
    errors too (without it errors stay in English, as ``str()`` says them)."""

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)
        namespace.error_lang = values


def _error_lang(args) -> str:
    """The language errors are printed in: the ``--lang`` given, else English."""
    return getattr(args, "error_lang", "en")


def _said(err: ShopOrgError, args) -> str:
    """An error as the command line prints it: in the ``--lang`` given, else as ``str()`` says it."""
    lang = _error_lang(args)
    return str(err) if lang == "en" else error_text(err, lang)


#: The files ``validate`` checks, by their ``schema:`` line: how to read one, and what an
#: ``ok`` line says of it.
_CHECKED = {
    "shoporg/design-v1": (lambda p: shoporg.read_design(p),
                          lambda d, lang: t("cli.validate_design", lang, roles=len(d.roles),
                                            people=fmt.headcount(d.headcount, lang))),
    "shoporg/scenario-v1": (lambda p: shoporg.read_scenario(p),
                            lambda s, lang: t("cli.validate_scenario", lang, months=len(s.months),
                                              start=fmt.month(s.months[0], lang), drivers=len(s.drivers))),
    "shoporg/norms-v1": (lambda p: shoporg.staffing.read_norms(p),
                         lambda n, lang: t("cli.validate_norms", lang, roles=len(n.norms))),
}


def _schema_of(path: Path) -> str | None:
    """The ``schema:`` line of a YAML file (None when it cannot be read or has none)."""
    try:
        data = shoporg.io.load_yaml(path)
    except Exception:  # unreadable: reading it as a design reports why
        return None
    schema = data.get("schema") if isinstance(data, dict) else None
    return schema if isinstance(schema, str) else None


def _checked_files(path: Path) -> list[tuple[Path, str]]:
    """The files a path stands for, each with the schema it is checked against: the file
    itself, or the design, scenario and norms files in a folder (others skipped)."""
    if not path.is_dir():
        return [(path, _schema_of(path) if path.exists() else "shoporg/design-v1")]
    out = []
    for p in sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")):
        schema = _schema_of(p)
        if schema is None or schema in _CHECKED:
            out.append((p, schema or "shoporg/design-v1"))
    return out


def _cmd_validate(args) -> int:
    bad = 0
    files = [f for p in args.paths for f in _checked_files(Path(p))]
    lang, said_in = args.lang, _error_lang(args)  # problems as every command says them: see _Lang
    if not files:
        print(t("cli.validate_none", said_in, paths=", ".join(args.paths)), file=sys.stderr)
        return EXIT_INVALID
    for f, schema in files:
        if schema is not None and schema.startswith("shoporg/") and schema not in _CHECKED:
            bad += 1
            print(t("cli.validate_schema", said_in, file=f, got=repr(schema), checked=", ".join(map(repr, _CHECKED))),
                  file=sys.stderr)
            continue
        read, said = _CHECKED.get(schema or "shoporg/design-v1", _CHECKED["shoporg/design-v1"])
        try:
            thing = read(f)
        except ShopOrgError as e:
            bad += 1
            for p in getattr(e, "problems", [e]):
                text = p.text(said_in) if hasattr(p, "text") else str(p)
                print(text if text.startswith(str(f)) else f"{f}: {text}", file=sys.stderr)
            continue
        if not args.quiet:
            print(f"ok  {f}  ({said(thing, lang)})")
    if bad:
        print(t("cli.validate_bad", said_in, bad=bad, files=len(files)), file=sys.stderr)
    return EXIT_INVALID if bad else EXIT_OK


def _cmd_templates(args) -> int:
    df = shoporg.list_templates()
    headers = [t(f"cli.templates_{c}", args.lang) for c in ("id", "name", "roles", "headcount")]
    rows = [[i, name, n, fmt.headcount(hc, args.lang)]
            for i, name, n, hc in df[["id", f"name_{args.lang}", "roles", "headcount"]].values.tolist()]
    if args.format == "table":
        print(render(rows, headers, max_width=44))
    else:
        _print_frame(df, args.format)
    return EXIT_OK


def _load(target: str):
    return shoporg.load_design(target)


def _print_frame(df, fmt: str) -> None:
    if fmt == "csv":  # cells a spreadsheet would run as formulas are neutralised, as in exported files
        sys.stdout.write(df.map(shoporg.io.csv_cell).to_csv(index=False))
    else:
        print(json.dumps(df.to_dict(orient="records"), ensure_ascii=False, indent=2, default=str))


def _cmd_show(args) -> int:
    from .tables import COLUMNS, role_rows

    design = _load(args.design)
    if args.format != "table":
        _print_frame(shoporg.role_table(design, lang=args.lang), args.format)
        return EXIT_OK
    print(f"{design.name.get(args.lang)}  [{design.id}]")
    rows = role_rows(design, args.lang)  # a plain table: no pandas to load
    for row, r in zip(rows, design.roles):
        row["duties"] = t("cli.duties_n", args.lang, n=len(r.duties))
        row["headcount"] = fmt.headcount(row["headcount"], args.lang)
    headers = [t(f"col.{c}", args.lang) for c in COLUMNS]
    print(render([[row[c] for c in COLUMNS] for row in rows], headers, max_width=40))
    print("\n" + t("cli.show_summary", args.lang, roles=len(design.roles), people=fmt.headcount(design.headcount,
                                                                                               args.lang)))
    return EXIT_OK


def _supply(pairs: list[str], lang: str = "en") -> dict[str, float]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        try:
            out[key.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep or not key.strip():
            raise ShopOrgError(Phrase("err.cli_supply", got=repr(pair)))
    return out


def _cmd_payroll(args) -> int:
    design = _load(args.design)
    scenario = shoporg.read_scenario(args.scenario, design)
    if args.effective:  # every pack figure as in force on that date
        scenario = dataclasses.replace(scenario, employment={**(scenario.employment or {}), "effective": args.effective})
    pr = shoporg.payroll(design, scenario, base_level=args.level, supply=_supply(args.supply, _error_lang(args)),
                         city=args.city)
    lang = args.lang
    table = {"month": pr.by_month, "role": pr.by_role, "department": pr.by_department}[args.by]()
    names = {"role": {r.id: r.name.get(lang) for r in design.roles},
             "department": {d.id: d.name.get(lang) for d in design.departments}}.get(args.by, {})
    views = ["accrued", "paid"] if args.view is None else [args.view]
    if pr.chain is not None:  # gross, employment cost and net pay of the chosen view
        suffix = "" if (args.view or "accrued") == "accrued" else "_paid"
        table = table.assign(gross=table[f"gross{suffix}"], labour_cost=table[f"labour_cost{suffix}"],
                             net=table[f"net{suffix}"])
        views = ["gross", "labour_cost", "net"]
    frame = table[views].copy()
    frame.index = [names.get(i, i) or t("cli.none", lang) for i in frame.index]
    frame.index.name = args.by
    if args.format != "table":
        _print_frame(frame.reset_index(), args.format)
        return EXIT_OK
    headers = [t({"month": "col.month", "role": "col.name", "department": "col.department"}[args.by], lang)] + [
        t(f"col.{v}_yuan", lang) for v in views]
    shown = [fmt.month(i, lang) for i in frame.index] if args.by == "month" else list(frame.index)
    rows = [[i] + [fmt.fixed(x, lang) for x in row] for i, row in zip(shown, frame.values.tolist())]
    if pr.chain is not None:
        view = args.view or "accrued"
        rows.append([t("col.total", lang)] + [fmt.fixed(pr.chain_total(v, view), lang) for v in views])
    else:
        rows.append([t("col.total", lang)] + [fmt.fixed(pr.total(v), lang) for v in views])
    print(f"{design.name.get(lang)} × {pr.scenario.name.get(lang)}  "
          f"[{fmt.month(pr.scenario.months[0], lang)} – {fmt.month(pr.scenario.months[-1], lang)}]")
    print(render(rows, headers))
    if pr.carried_over:
        print("\n" + t("cli.carried", lang, amount=fmt.fixed(pr.carried_over, lang)))
    if pr.filled:
        print("\n" + shoporg.filled_note(pr.filled, design, lang))
    if pr.terms is not None and pr.terms.facts:
        _print_sources(pr, lang)
    return EXIT_OK


def _print_sources(pr, lang: str) -> None:
    """The pack's figures the payroll read, each with its source, and those not verified."""
    print("\n" + t("employment.sources", lang, region=pr.terms.region, on=fmt.month(pr.scenario.months[0], lang)))
    for key, f in sorted(pr.terms.facts.items()):
        value = f.value if not isinstance(f.value, (list, dict)) else "…"
        period = f"{f.effective_from}–{f.effective_to or ''}"
        flag = t("employment.carried" if getattr(f, "carried", False) else
                 "employment.verified" if f.verified else "employment.unverified", lang)
        print("  " + t("employment.fact_line", lang, key=key, value=value, period=period, source=f.cite())
              + f" [{flag}]")
    if pr.terms.assumptions:
        print("\n" + t("employment.assumptions", lang))
        print("  " + ", ".join(sorted(f.key for f in pr.terms.assumptions)))


def _cmd_staff(args) -> int:
    design = _load(args.design)
    norms = shoporg.io.read_norms(args.norms) if args.norms else None
    rec = shoporg.recommend_headcount(design, shoporg.read_scenario(args.volumes, design), norms, lang=args.lang)
    if args.format != "table":
        _print_frame(rec, args.format)
        return EXIT_OK
    lang = args.lang
    cols = ["name", "current", "recommended", "gap", "peak", "peak_month", "temporary", "method"]
    headers = [t(f"cli.staff_{c}", lang) for c in cols]
    rows = [[name, *(fmt.headcount(x, lang) for x in (cur, rec_, gap, peak)), fmt.month(month, lang) if isinstance(month, str) else "",
             fmt.headcount(temp, lang), t(f"cli.method_{method}", lang) if has(f"cli.method_{method}") else method]
            for name, cur, rec_, gap, peak, month, temp, method in rec[cols].values.tolist()]
    print(render(rows, headers))
    total_now, total_rec = rec["current"].sum(), rec["recommended"].sum()
    print("\n" + t("cli.staff_summary", lang, current=fmt.headcount(total_now, lang),
                   recommended=fmt.headcount(total_rec, lang)))
    return EXIT_OK


def _cmd_compare(args) -> int:
    designs = [_load(p) for p in args.designs]
    scenario = shoporg.read_scenario(args.scenario, designs) if args.scenario else None
    norms = shoporg.io.read_norms(args.norms) if args.norms else None
    table = shoporg.compare(designs, scenario, baseline=args.baseline, norms=norms,
                            supply=_supply(args.supply, _error_lang(args)), lang=args.lang)
    if args.format != "table":
        _print_frame(table.reset_index(names="key"), args.format)
        return EXIT_OK
    shown = shoporg.compare_view(table, args.lang)
    print(render(shown.values.tolist(), list(shown.columns), max_width=30))
    return EXIT_OK


def _renames(pairs: list[str], a, b) -> dict[str, str]:
    """``--rename OLD=NEW`` pairs as a mapping: OLD a role of design A, NEW a role of B."""
    out = {}
    for pair in pairs:
        old, sep, new = (x.strip() for x in pair.partition("="))
        if not (sep and old and new):
            raise ShopOrgError(Phrase("err.cli_rename", got=repr(pair)))
        for rid, design, which in ((old, a, "A"), (new, b, "B")):
            ids = [r.id for r in design.roles]
            if rid not in ids:
                raise ShopOrgError(Phrase("err.cli_rename_role", got=repr(pair), which=which, role=repr(rid),
                                          roles=", ".join(ids)))
        out[old] = new
    return out


def _cmd_diff(args) -> int:
    a, b = _load(args.a), _load(args.b)
    d = shoporg.diff(a, b, mapping=_renames(args.rename, a, b))
    cols = ["action", "role", "name", "changes"]
    if args.format != "table":
        _print_frame(d[cols], args.format)
        return EXIT_OK
    if d.empty:
        print(t("cli.same", args.lang))
        return EXIT_OK
    shown = shoporg.diff_view(d, args.lang, designs=(a, b))
    print(render(shown.values.tolist(), list(shown.columns), max_width=70))
    return EXIT_OK


def _cmd_chart(args) -> int:
    from .chart import FORMATS as CHART_FORMATS  # the chart module is heavy (networkx)

    out = Path(args.output)
    try:
        folder = out.is_dir()
    except OSError:  # a name the system cannot even look up (too long): the chart writer says so
        folder = False
    if folder or out.suffix.lower() not in CHART_FORMATS:
        raise ShopOrgError(Phrase("err.cli_chart_output", got=repr(args.output), suffixes=", ".join(CHART_FORMATS)))
    import matplotlib  # matplotlib is heavy: loaded when a chart is drawn
    matplotlib.use("Agg")

    if out.suffix.lower() == ".png":  # drawn with Pillow from the chart's scene, as an export draws it
        from .io.picture import save_png

        path = save_png(_load(args.design), args.output, lang=args.lang, mode=args.mode, overwrite=args.overwrite)
    else:
        path = shoporg.save_org_chart(_load(args.design), args.output, lang=args.lang, mode=args.mode,
                                      overwrite=args.overwrite)
    print(path)
    return EXIT_OK


def _cmd_export(args) -> int:
    from .client import ClientBlock

    designs = [_load(p) for p in args.designs]
    given = {k: getattr(args, k) for k in ("client", "project", "consultant", "version", "date")
             if getattr(args, k) is not None}
    own = designs[0].client.model_dump() if designs[0].client is not None else {}
    block = ClientBlock.of({**own, **given}) if given else None  # None: the first design's own block
    if bool(args.to) == bool(args.folder):
        raise ShopOrgError(Phrase("err.cli_export_where"))
    if args.folder:
        targets = shoporg.io.formats.named_targets(designs, args.format or ["xlsx", "docx", "pptx"], args.folder,
                                                    client=block, lang=args.lang)
        Path(args.folder).mkdir(parents=True, exist_ok=True)
    else:
        targets = [(designs, Path(target)) for target in args.to]
    for group, target in targets:  # every target is checked before the first file is written
        shoporg.io.format_for(target, group)
    scenario = shoporg.read_scenario(args.scenario, designs) if args.scenario else None
    norms = shoporg.staffing.read_norms(args.norms) if args.norms else None
    for group, target in targets:
        print(shoporg.export(group, target, scenario=scenario, lang=args.lang, overwrite=args.overwrite, client=block,
                             norms=norms))
    return EXIT_OK


def _cmd_app(args) -> int:
    # A stop signal (held since main()'s first line) ends the command quietly, and Voila
    # too: it runs in its own session, so a closed terminal does not reach it by itself.
    # While Voila starts they stay held and start() looks at them between its checks, so
    # none cuts the start in half (a server left running unseen).
    signals: _Signals = args.signals
    port, timeout = _port(args.port), _seconds(args.timeout)
    if signals.take():
        return EXIT_OK
    from .app import start  # the server's modules: loaded for this command only

    try:
        app = start(args.notebook, port=port, token=not args.no_token, open_browser=args.browser,
                    timeout=timeout, stopping=lambda: bool(signals.held))
    except KeyboardInterrupt:
        signals.take()
        return EXIT_OK
    try:
        print(f"shoporg workbook: {app.url}", flush=True)
        if app.token is None:
            print("shoporg: the token is off: anyone on this computer can open the page", file=sys.stderr)
        print(f"exports go to {app.exports}; Ctrl-C to stop; Voila's log: {app.log}", file=sys.stderr, flush=True)
        signals.interrupting()
        if not signals.take():  # none came while starting
            return app.process.wait()
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        signals.hold()  # a second Ctrl-C does not cut the stop short
        app.stop()
        signals.take()


def _port(text: str | None) -> int | None:
    """``--port``: a whole number from 1 to 65535 (``None``: not given)."""
    if text is None:
        return None
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise ShopOrgError(Phrase("err.cli_port", got=repr(text)))
    return port


def _seconds(text: str) -> float:
    """``--timeout``: a finite number of seconds above 0."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise ShopOrgError(Phrase("err.cli_seconds", got=repr(text)))
    return seconds


class _Parser(argparse.ArgumentParser):
    """A parser whose arguments may be added when it is first used (:meth:`later`): a
    command's options that need a heavy module are built only when that command is parsed
    or its help is shown, never for ``shoporg --help`` or another command."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._later: list = []

    def later(self, add) -> None:
        """Run ``add(self)`` (which adds arguments) just before this parser is first used."""
        self._later.append(add)

    def _ready(self) -> None:
        while self._later:
            self._later.pop(0)(self)

    def parse_known_args(self, args=None, namespace=None):
        self._ready()
        return super().parse_known_args(args, namespace)

    def format_usage(self):
        self._ready()
        return super().format_usage()

    def format_help(self):
        self._ready()
        return super().format_help()


def _chart_arguments(p) -> None:
    # the layout module brings networkx: loaded when `chart` is parsed
    from .layout import MODES

    p.add_argument("design", metavar="PATH|TEMPLATE_ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="file.png, file.svg or file.pdf")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.add_argument("--mode", choices=list(MODES) + ["auto"], default="auto",
                   help="auto: the first of top-down, stacked, left-right that fits A4 landscape")
    p.add_argument("--overwrite", action="store_true", help="replace an existing file")


def build_parser() -> argparse.ArgumentParser:
    # the table of formats (its writers load when they write)
    from .io.formats import FORMATS

    parser = _Parser(prog="shoporg", description="Design the staff organization of online shops.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('shoporg').__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("templates", help="list the template designs")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=_cmd_templates)

    p = sub.add_parser("validate", help="check design, scenario and norms files (or folders of them)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("show", help="print a design's role table")
    p.add_argument("design", metavar="PATH|TEMPLATE_ID")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=_cmd_show)

    p = sub.add_parser("payroll", help="a design's payroll under a scenario (accrued and paid)")
    p.add_argument("design", metavar="PATH|TEMPLATE_ID")
    p.add_argument("--scenario", required=True, metavar="FILE", help="scenario YAML (templates/scenarios/)")
    p.add_argument("--view", choices=["accrued", "paid"], help="one view only (default: both)")
    p.add_argument("--by", choices=["month", "role", "department"], default="month")
    p.add_argument("--level", choices=["low", "mid", "high"], default="mid", help="end of base-pay ranges")
    p.add_argument("--supply", action="append", default=[], metavar="KEY=VALUE",
                   help="a value the source leaves blank, e.g. director.pay[1].rate=0.002 (repeatable)")
    p.add_argument("--city", metavar="CITY", help="price employment with a city's parameter pack (上海 or shanghai): "
                   "gross pay, employment cost (人工成本) and net pay")
    p.add_argument("--effective", metavar="DATE", help="with --city: read every pack figure as in force on DATE "
                   "(YYYY-MM-DD), e.g. when the pack has no figures for the plan year yet")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.set_defaults(func=_cmd_payroll)

    p = sub.add_parser("staff", help="recommended headcount per role from monthly volumes")
    p.add_argument("design", metavar="PATH|TEMPLATE_ID")
    p.add_argument("--volumes", required=True, metavar="FILE", help="a scenario YAML with the monthly volumes")
    p.add_argument("--norms", metavar="FILE", help="a norms YAML (templates/norms/); else the design's own norms")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.set_defaults(func=_cmd_staff)

    p = sub.add_parser("compare", help="two to four designs side by side")
    p.add_argument("designs", nargs="+", metavar="DESIGN")
    p.add_argument("--scenario", metavar="FILE", help="adds payroll and cost metrics")
    p.add_argument("--norms", metavar="FILE", help="adds recommended headcount (with --scenario)")
    p.add_argument("--baseline", type=int, default=0, help="index of the design the deltas are taken against")
    p.add_argument("--supply", action="append", default=[], metavar="KEY=VALUE")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.set_defaults(func=_cmd_compare)

    p = sub.add_parser("diff", help="what changes from design A to design B, role by role")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--rename", action="append", default=[], metavar="OLD=NEW", help="a role id renamed in B")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.set_defaults(func=_cmd_diff)

    p = sub.add_parser("chart", help="draw the org chart to PNG, SVG or PDF")
    p.later(_chart_arguments)
    p.set_defaults(func=_cmd_chart)

    p = sub.add_parser("export", help="write client deliverables; the suffix picks the format")
    p.add_argument("designs", nargs="+", metavar="DESIGN")
    p.add_argument("--to", action="append", default=[], metavar="FILE",
                   help="a file to write (repeatable); its suffix picks the format: "
                        + ", ".join(f"{f.suffix} ({f.describe('en')}{'' if f.several else ', one design'})"
                                    for f in FORMATS.values()))
    p.add_argument("--folder", metavar="DIR", help="instead of --to: write into DIR, files named from the client "
                                                    "block ({client}-{option}.xlsx)")
    p.add_argument("--format", action="append", choices=[f for f in FORMATS if f != "yaml"], metavar="FORMAT",
                   help="with --folder: a format to write (repeatable; default xlsx, docx and pptx)")
    p.add_argument("--scenario", metavar="FILE", help="adds payroll (and comparison costs)")
    p.add_argument("--norms", metavar="FILE", help="with --scenario: workload norms, for the staffing of each option")
    for key, meaning in (("client", "the client's name"), ("project", "the project's title"),
                         ("consultant", "who made it"), ("version", "e.g. V1.0"), ("date", "YYYY-MM-DD (default today)")):
        p.add_argument(f"--{key}", metavar=key.upper(), help=f"client block: {meaning}; on covers and in file names "
                       "(default: the first design's own client block)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", action=_Lang)
    p.add_argument("--overwrite", action="store_true", help="replace existing files")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("app", help="serve the workbook as a web app (Voila) on 127.0.0.1 and print its URL")
    p.add_argument("--notebook", metavar="FILE", help="the notebook to serve (default: shoporg.ipynb, the workbook alone)")
    p.add_argument("--port", help="1-65535 (default: the first free port from 8866)")
    p.add_argument("--no-token", action="store_true",
                   help="serve without a token (anyone on this computer can open it)")
    p.add_argument("--browser", action="store_true", help="also open the page in the default browser")
    p.add_argument("--timeout", default="60", help="seconds to wait for Voila to answer (> 0)")
    p.set_defaults(func=_cmd_app)
    return parser


def main(argv: list[str] | None = None) -> int:
    signals = _Signals().hold()  # first: a Ctrl-C while the modules load is no traceback
    try:
        args = build_parser().parse_args(argv)
        args.signals = signals
        if args.func is not _cmd_app:
            signals.release()  # the other commands stop on a signal as any program does
        try:
            return args.func(args)
        except ShopOrgError as e:
            print(f"shoporg: {_said(e, args)}", file=sys.stderr)
            return EXIT_INVALID
        except BrokenPipeError:  # `shoporg show ... | head`
            return EXIT_OK
    finally:
        signals.release()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
