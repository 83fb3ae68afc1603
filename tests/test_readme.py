"""The README's Python examples run as written, and the values their comments claim are true.

Every ``expression  # claim`` line of a README Python block is a claim about the value of
the expression (or of the name the line assigns). ``CHECKS`` is the table of claim patterns
and their checks; a claim that no pattern matches fails, so a new claim in the README needs
a check here. Comments on lines of their own are explanations, not claims.
"""

import ast
import copy
import csv
import inspect
import io
import math
import os
import re
import tokenize
import types
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from unittest import mock

import docx
import matplotlib.pyplot as plt
import networkx as nx
import openpyxl
import pandas as pd
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from shoporg import FileExistsRefusedError

from .conftest import ROOT

README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")
# (line in README.md of the block's first line of code, the code)
BLOCKS = [(TEXT.count("\n", 0, m.start(1)) + 1, m.group(1))
          for m in re.finditer(r"```python\n(.*?)```", TEXT, re.S)]

# Claims the README makes that are not true today, with what is true instead. Their
# tests are expected to fail; once a claim holds, its test fails until it is taken out.
KNOWN_FALSE: dict[str, str] = {}


# -- reading the claims -------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    block: int
    line: int  # in README.md
    text: str
    statement: int  # index of the statement in the block


def claims_of(block: int) -> list[Claim]:
    first, code = BLOCKS[block]
    body = ast.parse(code).body
    found = []
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT and tok.line[:tok.start[1]].strip():  # code before it
            row = tok.start[0]
            (i,) = [i for i, s in enumerate(body) if s.lineno <= row <= s.end_lineno]
            found.append(Claim(block, first + row - 1, tok.string.lstrip("#").strip(), i))
    return found


CLAIMS = [c for b in range(len(BLOCKS)) for c in claims_of(b)]


# -- what a claim is about ----------------------------------------------------------------------

@dataclass
class Line:
    """The value of a README line, and how to look at its call again."""

    node: ast.expr  # the expression whose value is claimed
    value: object
    names: dict  # the block's names after the line ran
    before: dict  # deep copies of the names the line reads, taken before it ran

    def eval(self, node: ast.expr):
        return eval(compile(ast.fix_missing_locations(ast.Expression(node)), str(README), "eval"), self.names)

    def arg(self, i: int):
        return self.eval(self.node.args[i])

    def kw(self, name: str):
        """A keyword argument of the call, or the called function's default for it."""
        for k in self.node.keywords:
            if k.arg == name:
                return self.eval(k.value)
        return inspect.signature(self.eval(self.node.func)).parameters[name].default

    def again(self, args: dict | None = None, **keywords):
        """The call evaluated once more, with some arguments replaced by constants."""
        node = copy.deepcopy(self.node)
        for i, value in (args or {}).items():
            node.args[i] = ast.Constant(value)
        node.keywords = [k for k in node.keywords if k.arg not in keywords] + [
            ast.keyword(arg=k, value=ast.Constant(v)) for k, v in keywords.items()]
        return self.eval(node)


CHECKS: list[tuple[re.Pattern, object]] = []


def claim(pattern: str):
    """Register a check for the claims that match ``pattern`` (the whole comment)."""
    def register(check):
        CHECKS.append((re.compile(pattern), check))
        return check
    return register


def check_for(text: str):
    found = [(p, c) for p, c in CHECKS if p.fullmatch(text)]
    if len(found) != 1:
        raise LookupError(f"{len(found)} checks match the README claim {text!r}; add one to CHECKS")
    (pattern, check), = found
    return pattern.fullmatch(text), check


# -- independent calculations -------------------------------------------------------------------

MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".svg": b"<?xml", ".pdf": b"%PDF-"}
CJK_FAMILIES = ("Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimSun", "宋体",
                "SimHei", "黑体")
CJK_FONT_NAMES = re.compile(rb"CJK|YaHei|PingFang|SourceHan|WenQuanYi|SimSun|SimHei")
EXPRESSION_WORDS = {"and", "or", "not", "min", "max", "round", "True", "False"}


def erlang_c_service_level(agents: int, arrivals: float, aht: float, interval: float, within: float) -> float:
    """Share of chats answered within ``within`` seconds, M/M/n (Erlang C), from Erlang B's recursion."""
    load = arrivals * aht / interval
    if agents <= load:
        return 0.0
    b = 1.0
    for k in range(1, agents + 1):
        b = load * b / (k + load * b)
    c = agents * b / (agents - load * (1 - b))
    return 1 - c * math.exp(-(agents - load) * within / aht)


def yuan(fen: int) -> str:
    """A regex for an amount as a person reads it: 4500.00, 4,500.00, ¥4,500 ..."""
    whole, cents = divmod(abs(int(fen)), 100)
    digits = f"{whole:,}".replace(",", ",?")
    tail = r"(?:\.00)?" if cents == 0 else rf"\.{cents:02d}"
    return rf"(?<![\d.,]){'-' if fen < 0 else ''}[¥￥]?{digits}{tail}(?!\d)"


def condition(component) -> str | None:
    return next((getattr(component, a) for a in ("condition", "when", "gate") if getattr(component, a, None)), None)


def holds(text: str, drivers: dict) -> bool:
    """A condition of the form ``driver OP number``, read without the package."""
    m = re.fullmatch(r"\s*(\w+)\s*(==|!=|<=|>=|<|>)\s*(-?[\d.]+)\s*", text)
    assert m, f"add a reading of the condition {text!r}"
    left, op, right = drivers[m[1]], m[2], float(m[3])
    return {"==": left == right, "!=": left != right, "<=": left <= right, ">=": left >= right,
            "<": left < right, ">": left > right}[op]


def plain(value) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


# -- the claims ---------------------------------------------------------------------------------

@claim(r"True")
def is_true(line, m):
    assert line.value is True


@claim(r"(?P<field>\w+)：须不小于 (?P<low>-?\d+)，实际为 (?P<got>-?\d+)")
def chinese_error(line, m):
    # the printed text is the problem worded in Chinese, with the bound and the value refused
    assert line.value == m.group(0)
    assert int(m["got"]) < int(m["low"])


@claim(r"(?P<field>\w+): must be >= (?P<low>-?\d+), got (?P<got>-?\d+)")
def english_error(line, m):
    assert line.value == m.group(0)
    assert int(m["got"]) < int(m["low"])


@claim(r"(?P<n>\d+) templates, a DataFrame")
def templates_table(line, m):
    assert isinstance(line.value, pd.DataFrame) and len(line.value) == int(m["n"])
    assert line.value["id"].is_unique


@claim(r"(?P<roles>\d+) positions, (?P<people>\d+) people")
def positions_and_people(line, m):
    design = line.value
    assert len(design.roles) == int(m["roles"]) and design.headcount == int(m["people"])


@claim(r"the role table \(岗位职责表\)")
def role_table(line, m):
    table, design, lang = line.value, line.arg(0), line.kw("lang")
    assert table["id"].tolist() == list(design.role_ids)
    assert table["name"].tolist() == [r.name.get(lang) for r in design.roles]
    assert table["headcount"].sum() == design.headcount
    assert {"department", "reports_to", "pay", "duties"} <= set(table.columns)


@claim(r"layers, spans, people under each role")
def hierarchy(line, m):
    table, design = line.value, line.arg(0)
    roles = {r.id: r for r in design.roles}
    reports = {rid: [r.id for r in design.roles if r.reports_to == rid] for rid in roles}

    def layer(rid):
        manager = roles[rid].reports_to
        return 1 if manager is None else 1 + layer(manager)

    def branch(rid):  # the role's own people and everyone under it
        return roles[rid].headcount + sum(branch(k) for k in reports[rid])

    assert list(table.index) == list(roles)
    for rid in roles:
        assert table.loc[rid, "layer"] == layer(rid), rid
        assert table.loc[rid, "span"] == sum(roles[k].headcount for k in reports[rid]), rid
        assert table.loc[rid, "subtree"] == branch(rid), rid


@claim(r"designs are immutable: edits return a copy")
def edits_return_a_copy(line, m):
    receiver = line.node.func.value.id  # NAME.edit(...)
    original = line.names[receiver]
    assert line.value is not original and line.value != original
    assert original == line.before[receiver]  # the design edited is as it was
    with pytest.raises((TypeError, ValueError)):
        line.value.id = "changed"


@claim(r"atomic; refuses to overwrite unless asked")
def safe_write(line, m):
    path = Path(line.arg(1)).resolve()
    kept, files = path.read_bytes(), sorted(path.parent.iterdir())
    with pytest.raises(FileExistsRefusedError):
        line.again()
    assert path.read_bytes() == kept
    with mock.patch.object(os, "replace", side_effect=OSError("disk full")):  # fails at the last step
        with pytest.raises(OSError, match="disk full"):
            line.again(overwrite=True)
    assert path.read_bytes() == kept and sorted(path.parent.iterdir()) == files  # nothing half-written
    line.again(overwrite=True)
    assert path.read_bytes() == kept and sorted(path.parent.iterdir()) == files


@claim(r"networkx DiGraph, manager -> report")
def graph(line, m):
    G, design = line.value, line.arg(0)
    assert isinstance(G, nx.DiGraph) and list(G.nodes) == list(design.role_ids)
    assert set(G.edges) == {(r.reports_to, r.id) for r in design.roles if r.reports_to is not None}


@claim(r"(?P<levels>\w+(?: / \w+)+) end of pay ranges")
def base_levels(line, m):
    design, month = line.arg(0), line.arg(1).months[0]

    def end(monthly, level):
        if not isinstance(monthly, tuple):
            return monthly
        low, high = monthly
        return {"low": low, "mid": (low + high) / 2, "high": high}[level]

    for level in m["levels"].split(" / "):
        pr = line.value if level == line.kw("base_level") else line.again(base_level=level)
        base = pr.lines[(pr.lines["kind"] == "base") & (pr.lines["month"] == month)]
        expected = sum(r.headcount * end(c.monthly, level) for r in design.roles for c in r.pay if c.kind == "base")
        assert Decimal(int(base["accrued_fen"].sum())) / 100 == expected, level


@claim(r"every component, inputs, amounts")
def explanation(line, m):
    text, pr, role_id = line.value, line.arg(0), line.arg(1)
    month, person, lang = line.kw("month"), line.kw("person"), line.kw("lang")
    assert isinstance(text, str)
    components = pr.design.role(role_id).pay
    where = [text.index(c.label.get(lang)) for c in components]  # every component, in order
    assert where == sorted(where)
    lines = pr.lines[(pr.lines["role"] == role_id) & (pr.lines["month"] == month) & (pr.lines["person"] == person)]
    at = pr.scenario.months.index(month)
    for c, start, end in zip(components, where, where[1:] + [len(text)]):
        part = text[start:end]
        for name in sorted(set(re.findall(r"[A-Za-z_]\w*", condition(c) or "")) - EXPRESSION_WORDS):
            value = pr.scenario.driver(name)[at]
            assert re.search(rf"\b{name} = {value:g}\b", part), (c.label.zh, name)  # the input
        (row,) = lines[lines["component"] == c.label.zh].itertuples()
        for fen in (row.accrued_fen, row.paid_fen):
            assert re.search(yuan(fen), part), (c.label.zh, fen)  # the amounts


@claim(r"Q4's quarterly allowance, paid after the plan")
def carried_over(line, m):
    pr = line.eval(line.node.value)  # NAME.carried_over
    months = pr.scenario.months
    assert months[0].endswith("-01") and len(months) == 12  # a calendar year: its last quarter is Q4
    expected = Decimal(0)
    for r in pr.design.roles:
        for c in r.pay:
            if c.kind == "allowance" and getattr(c, "settle", None) == "quarterly":
                for month in months[-3:]:
                    at = months.index(month)
                    drivers = {n: pr.scenario.driver(n)[at] for n in pr.scenario.names}
                    if condition(c) is None or holds(condition(c), drivers):
                        expected += c.monthly * r.headcount
    assert expected > 0 and Decimal(str(line.value)) == expected


@claim(r"assumptions to replace")
def assumed_norms(line, m):
    norms = line.value.norms
    assert norms and all(n.assumption for n in norms.values())


@claim(r"current, recommended, gap, peak month, temporary staff")
def recommendation(line, m):
    table, design, scenario = line.value, line.arg(0), line.arg(1)
    columns = {"current": "current", "recommended": "recommended", "gap": "gap", "peak month": "peak_month",
               "temporary staff": "temporary"}
    assert [columns[word] for word in m[0].split(", ")] == [c for c in table.columns if c in columns.values()]
    t = table.set_index("role")
    assert t["current"].to_dict() == {r.id: float(r.headcount) for r in design.roles}
    assert (t["gap"] == t["recommended"] - t["current"]).all()
    assert (t["temporary"] == (t["peak"] - t["recommended"]).clip(lower=0)).all()
    assert t["peak_month"].dropna().isin(scenario.months).all()


@claim(r"Erlang C: (?P<n>\d+) agents")
def erlang_c_agents(line, m):
    n, r = int(m["n"]), line.value
    assert r.agents == n
    assert line.kw("patience_s") is None and line.kw("concurrency") == 1  # no abandonment, one chat each
    target = line.kw("service_level")
    sl = [erlang_c_service_level(k, line.arg(0), line.arg(1), line.kw("interval_s"), line.kw("answer_within_s"))
          for k in (n - 1, n)]
    assert sl[0] < target <= sl[1]  # n agents meet the target, n - 1 do not
    assert r.service_level == pytest.approx(sl[1], abs=1e-9)


@claim(r"staff → payroll → cost per order, month by month")
def staffing_plan(line, m):
    p, scenario = line.value, line.arg(1)
    recommended = p.recommendation.set_index("role")["recommended"].to_dict()
    assert {r.id: float(r.headcount) for r in p.staffed.roles} == recommended
    month = p.monthly()
    assert list(month.index) == list(scenario.months)
    assert month["total"].to_numpy() == pytest.approx((month["payroll"] + month["temporary"]).to_numpy())
    assert month["cost_per_order"].to_numpy() == pytest.approx((month["total"] / month["orders"]).to_numpy(),
                                                               abs=0.005)


@claim(r"side by side, with a delta column")
def comparison(line, m):
    table, designs = line.value, line.arg(0)
    assert len(designs) == 2 and len(table.columns) == 4  # metric, one column per design, the delta
    a, b, delta = table.columns[1:]
    assert table.loc["people", [a, b]].tolist() == [float(d.headcount) for d in designs]
    numbers = table[[a, b, delta]].apply(pd.to_numeric, errors="coerce").dropna()
    assert len(numbers) >= 10
    assert numbers[delta].to_numpy() == pytest.approx((numbers[b] - numbers[a]).to_numpy(), abs=1.5e-4)


@claim(r"(?P<actions>\w+(?: / \w+)+), field by field")
def differences(line, m):
    table, a, b = line.value, line.arg(0), line.arg(1)
    old, new = {r.id: r.model_dump() for r in a.roles}, {r.id: r.model_dump() for r in b.roles}
    expected = {rid: "Add" for rid in new.keys() - old.keys()} | {rid: "Delete" for rid in old.keys() - new.keys()}
    changed = {}
    for rid in old.keys() & new.keys():
        fields = [f for f in old[rid] if old[rid][f] != new[rid][f] and f != "reports_to_inferred"]
        if fields:
            moved, other = "reports_to" in fields, [f for f in fields if f != "reports_to"]
            expected[rid] = "+".join(w for w, yes in (("Move", moved), ("Change", bool(other))) if yes)
            changed[rid] = fields
    got = dict(zip(table["role"], table["action"]))
    assert got == expected
    assert {w for action in got.values() for w in action.split("+")} <= set(m["actions"].split(" / "))
    changes = dict(zip(table["role"], table["changes"]))
    for rid, fields in changed.items():
        for f in fields:
            assert f"{f}: {plain(old[rid][f])} → {plain(new[rid][f])}" in changes[rid], (rid, f)


@claim(r"(?P<formats>[A-Z]{3}(?:, [A-Z]{3})* or [A-Z]{3}); Chinese with no font set-up")
def chart_files(line, m):
    written = Path(line.value)
    assert written.read_bytes().startswith(MAGIC[written.suffix])
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*glyph.*missing")  # boxes instead of Chinese
        for fmt in re.findall(r"[A-Z]{3}", m["formats"]):
            suffix = "." + fmt.lower()
            out = Path(line.again(args={1: f"also-{written.stem}{suffix}"}))
            data = out.read_bytes()
            assert out.suffix == suffix and data.startswith(MAGIC[suffix]), fmt
            if suffix == ".pdf":
                fonts = re.findall(rb"/BaseFont\s*/([^\s/]+)", data)
                assert any(CJK_FONT_NAMES.search(f) for f in fonts), fonts


@claim(r"roles, payroll, headcount, coverage, KPIs, chart, compare")
def workbook(line, m):
    sheets = {"roles": "岗位职责表", "payroll": "薪酬测算", "headcount": "人员汇总", "coverage": "职责覆盖",
              "KPIs": "绩效考核表", "chart": "组织架构图", "compare": "方案对比"}
    assert line.kw("lang") == "zh"
    wb = openpyxl.load_workbook(line.value)
    for word in m[0].split(", "):
        assert sheets[word] in wb.sheetnames, word
    assert wb[sheets["roles"]].max_row == 1 + len(line.arg(0)[0].roles)
    assert len(wb[sheets["chart"]]._images) == 1


@claim(r"Word report on A4, Chinese fonts set")
def word_report(line, m):
    doc = docx.Document(str(line.value))
    assert doc.paragraphs and doc.tables
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) in CJK_FAMILIES
    for section in doc.sections:  # A4, upright for text, on its side for wide tables
        landscape = section.orientation == WD_ORIENT.LANDSCAPE
        assert landscape == (section.page_width > section.page_height)
        assert sorted((round(section.page_width.mm), round(section.page_height.mm))) == [210, 297]


@claim(r"slides: org charts as editable boxes and lines")
def slide_deck(line, m):
    from pptx import Presentation

    designs = line.arg(0)
    slides = list(Presentation(str(line.value)).slides)
    for d in designs:
        chart = next(s for s in slides if s.shapes.title.text.startswith(d.name.zh) and "组织架构图" in s.shapes.title.text)
        assert {r.name.zh for r in d.roles} <= {s.name for s in chart.shapes}
        lines = [s for s in chart.shapes if s._element.tag.endswith("cxnSp")]
        assert len(lines) == sum(r.reports_to is not None for r in d.roles)
        assert all(c._element.find(".//{*}stCxn") is not None for c in lines)  # glued: they follow the boxes


@claim(r"also (?P<suffixes>\.\w+(?:(?:, | / )\.\w+)*) \(org chart\)")
def other_files(line, m):
    design, written = line.arg(0), Path(line.value)
    rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 + len(design.roles)  # a header, then a row per role
    for suffix in re.findall(r"\.\w+", m["suffixes"]):
        out = Path(line.again(args={1: f"{written.stem}{suffix}"}))
        data = out.read_bytes()
        if suffix in MAGIC:  # the org chart
            assert data.startswith(MAGIC[suffix]), suffix
        else:
            text = data.decode("utf-8")
            assert all(r.name.zh in text for r in design.roles), suffix


# -- running the blocks -------------------------------------------------------------------------

@dataclass
class Run:
    outcomes: dict = field(default_factory=dict)  # claim line -> None (it holds) or the failure
    error: BaseException | None = None  # a line that raised, and where
    error_line: int | None = None


def value_node(stmt: ast.stmt) -> ast.expr | None:
    if isinstance(stmt, ast.Expr):
        call = stmt.value
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "print":
            return call.args[0]  # a printed value: the claim is about what is printed
        return call
    if isinstance(stmt, ast.Assign):
        return stmt.value
    return None


def execute(stmt: ast.stmt, names: dict):
    """Run one statement; return the value its line shows."""
    where = str(README)
    node = value_node(stmt)
    if isinstance(stmt, ast.Expr):
        value = eval(compile(ast.fix_missing_locations(ast.Expression(node)), where, "eval"), names)
        if node is not stmt.value:
            print(value)
        return value
    exec(compile(ast.Module([stmt], type_ignores=[]), where, "exec"), names)
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        return names[stmt.targets[0].id]
    return None


def snapshot(stmt: ast.stmt, names: dict) -> dict:
    out = {}
    for n in ast.walk(stmt):
        if isinstance(n, ast.Name) and n.id in names and not isinstance(
                names[n.id], (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type)):
            try:
                out[n.id] = copy.deepcopy(names[n.id])
            except Exception:  # not every object copies; only the edited design's copy is used
                pass
    return out


def run_block(block: int, folder: Path) -> Run:
    first, code = BLOCKS[block]
    claims = {}
    for c in claims_of(block):
        claims.setdefault(c.statement, []).append(c)
    names: dict = {"__name__": "readme"}
    run = Run()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        for i, stmt in enumerate(ast.parse(code).body):
            before = snapshot(stmt, names) if i in claims else {}
            try:
                value = execute(stmt, names)
            except Exception as e:
                run.error, run.error_line = e, first + stmt.lineno - 1
                break
            for c in claims.get(i, []):
                try:
                    m, check = check_for(c.text)
                    check(Line(value_node(stmt), value, names, before), m)
                except Exception as e:
                    run.outcomes[c.line] = e
                else:
                    run.outcomes[c.line] = None
    finally:
        os.chdir(cwd)
        plt.close("all")
    return run


@pytest.fixture(scope="module")
def readme(tmp_path_factory):
    runs = {}

    def run(block: int) -> Run:
        if block not in runs:
            runs[block] = run_block(block, tmp_path_factory.mktemp(f"readme-{block}"))
        return runs[block]
    return run


@pytest.mark.parametrize("block", range(len(BLOCKS)), ids=[f"README.md:{first}" for first, _ in BLOCKS])
def test_readme_python_block_runs(block, readme):
    run = readme(block)
    if run.error is not None:
        raise AssertionError(f"README.md:{run.error_line} raised {run.error!r}") from run.error


@pytest.mark.parametrize("claim", CLAIMS, ids=[f"README.md:{c.line}" for c in CLAIMS])
def test_readme_claim_holds(claim, readme):
    run = readme(claim.block)
    if claim.line not in run.outcomes:
        pytest.fail(f"README.md:{claim.line} was not reached: README.md:{run.error_line} raised {run.error!r}")
    failure = run.outcomes[claim.line]
    if claim.text in KNOWN_FALSE:
        if failure is None:
            pytest.fail(f"README.md:{claim.line}: {claim.text!r} holds now: take it out of KNOWN_FALSE")
        pytest.xfail(f"README.md:{claim.line} says {claim.text!r}, but {KNOWN_FALSE[claim.text]} ({failure})")
    if failure is not None:
        raise AssertionError(f"README.md:{claim.line}: # {claim.text}") from failure


def test_the_readme_makes_the_claims_this_file_checks():
    assert len(CLAIMS) >= 20
    for pattern, check in CHECKS:
        assert any(pattern.fullmatch(c.text) for c in CLAIMS), \
            f"{check.__name__}: no README claim is {pattern.pattern!r}"
    for text in KNOWN_FALSE:
        assert text in {c.text for c in CLAIMS}, text
