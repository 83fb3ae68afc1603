"""Hostile input generated at random (hypothesis), for every public reader and the payroll:
whole design files and scenario files as YAML text, supplied values, CSV cells and Excel
cells, filled with what broke the package before: floats such as nan, inf and 1e308,
huge and many-digit integers, control characters and direction overrides, base-60 and
other YAML 1.1 look-alikes, anchors and aliases, deep and circular reporting chains, long
strings.

The property, for each: nothing but a :class:`~shoporg.errors.ShopOrgError` escapes, and
any payroll that is returned holds whole-fen integer lines whose sum is its total.

The examples are few (the suite stays fast) and derandomized: every run tries the same
inputs, so a failure seen once is seen again.
"""

from __future__ import annotations

import json
import math

import numpy as np
import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from shoporg import load_template, payroll, read_design, read_scenario
from shoporg.errors import ShopOrgError
from shoporg.io.excel import SHEETS, read_excel, write_excel
from shoporg.io.text import design_from_csv, write_csv
from shoporg.pay.amounts import MAX_FEN

FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=60,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])

# -- the pieces hostile input is made of ---------------------------------------------------

FLOATS = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [math.nan, math.inf, -math.inf, 1e308, -1e308, 1e300, 1e30, 1e15, 1e15 + 2, 5e-324, 2.555, -5.0, 0.0, -0.0])
INTEGERS = st.integers(-(10 ** 30), 10 ** 30) | st.sampled_from([2 ** 63 - 1, 2 ** 63, 2 ** 64, -(2 ** 63) - 1, 10 ** 15 + 1])
#: characters no name, cell or paragraph can hold, and the ones that read differently from what they are
ODD_CHARACTERS = st.sampled_from(["\x00", "\x07", "\x0b", "\x1b", "\r", "\n", "\t", "\x7f", "\x85", "\u202e", "\u2066",
                                  "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u200b", "＝", "\U0001f600"])
TEXTS = (st.text(st.characters(codec="utf-8") | ODD_CHARACTERS, max_size=30)
         | st.builds(lambda c, n: c * n, st.sampled_from(["x", "店", "=", "'"]), st.sampled_from([300, 5_000, 70_000]))
         | st.sampled_from(['=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0", "@SUM(1)", "+1+1", "-1+2",
                            "<img src=x onerror=alert(1)>", "1:30", "-1:30:00", "0x1F", "0o17", "1_000", "+.5",
                            "yes", "off", "~", "null", "NaN", "-inf", "1e30", "1e999999999", "2.555", " 3 ", ""]))
#: YAML text of a scalar that YAML reads as something odd: raw digits past what an int64
#: (or Python's int-to-text limit) holds, special floats, tags, anchors and aliases
RAW_YAML = st.sampled_from(["9" * 20, "9" * 4_000, "9" * 5_000, "-" + "9" * 400, "1" + "0" * 309 + ".0", ".nan", ".inf",
                            "-.inf", "1:30", "190:20:30", "0b101", "!!float 1e400", "!!python/object:os.system",
                            "!!binary aGk=", "&a 1", "*a", "[1, 2]", "{a: 1}", "[]", "{}", "'5'", "2026-01-01"])


def _scalar(value) -> str:
    """``value`` as a YAML scalar (the text itself for RAW_YAML's pieces)."""
    if isinstance(value, RawYaml):
        return value.text
    if isinstance(value, float):
        return ".nan" if math.isnan(value) else ".inf" if value == math.inf else "-.inf" if value == -math.inf \
            else repr(value)
    if isinstance(value, int):
        return str(value)
    return json.dumps(value)  # a double-quoted YAML scalar: control characters as escapes


class RawYaml:
    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"RawYaml({self.text[:40]!r})"


VALUES = FLOATS | INTEGERS | TEXTS | RAW_YAML.map(RawYaml)
NUMBERS = FLOATS | INTEGERS | RAW_YAML.map(RawYaml) | st.sampled_from(["1:30", "1e30", "NaN", "abc", ""])


def alias_bomb(width: int, depth: int) -> str:
    """YAML text of a list of ``width`` copies of the level below, ``depth`` levels deep."""
    lines = ['l0: &l0 ["x"]']
    for i in range(1, depth + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "\n".join(lines)


# -- whole designs --------------------------------------------------------------------------

DESIGN = """schema: shoporg/design-v1
id: shop
name: {name}
departments:
  - id: ops
    name: {department}
roles:
  - id: boss
    name: {role}
    department: ops
    headcount: {headcount}
    pay:
      - {{kind: base, monthly: {monthly}}}
      - {{kind: revenue_bonus, rate: {rate}}}
  - id: clerk
    name: 店员
    reports_to: {manager}
    headcount: {headcount2}
    pay:
      - {{kind: piece_rate, driver: orders, rate: {piece}}}
      - {{kind: team_bonus, amount: {amount}, scale: {scale}}}
{chain}"""

SCENARIO = "schema: shoporg/scenario-v1\nstart: 2026-01\nbase: {{orders: {orders}, revenue: {revenue}}}\n"


@st.composite
def chains(draw) -> str:
    """Roles each under the previous one, deep (up to a few hundred), perhaps closed into a ring."""
    n = draw(st.sampled_from([0, 0, 0, 1, 3, 50, 400]))
    ring = draw(st.integers(0, 3)) == 0
    lines = []
    for i in range(n):
        manager = f"c{n - 1}" if ring and i == 0 else ("clerk" if i == 0 else f"c{i - 1}")
        lines.append(f"  - {{id: c{i}, name: 链{i}, reports_to: {manager}, headcount: 1}}\n")
    return "".join(lines)


#: each field of DESIGN: a value that is fine, and what may come instead
DESIGN_FIELDS = {"name": ("小店", VALUES), "department": ("运营", VALUES), "role": ("店长", VALUES),
                 "headcount": (1, NUMBERS), "monthly": (4000, NUMBERS), "rate": (0.01, NUMBERS),
                 "headcount2": (2.5, NUMBERS), "piece": (2, NUMBERS), "amount": (500, NUMBERS),
                 "scale": ("orders", st.sampled_from(["orders * 1e200", "1e308 * 1e308", "-orders", "0 / 0",
                                                      "orders ** 400", "1" + "0" * 400]) | st.text(max_size=20))}


def _hostile_spots(draw, names) -> set:
    """Which few of ``names`` get a hostile value (none now and then): one bad value at a
    time is how a file goes wrong, and a file that is fine must be paid."""
    if draw(st.integers(0, 2)) == 0:
        return set()
    return set(draw(st.lists(st.sampled_from(sorted(names)), min_size=1, max_size=2)))


def sometimes(hostile, sane):
    """``sane`` three times in four, else a draw from ``hostile``."""
    return st.integers(0, 3).flatmap(lambda i: hostile if i == 0 else st.just(sane))


@st.composite
def design_texts(draw) -> str:
    spots = _hostile_spots(draw, DESIGN_FIELDS)
    fields = {k: _scalar(draw(hostile) if k in spots else sane) for k, (sane, hostile) in DESIGN_FIELDS.items()}
    fields["manager"] = draw(st.sampled_from(["boss"] * 6 + ["clerk", "c0", "nobody", "~"]))
    fields["chain"] = draw(chains())
    text = DESIGN.format(**fields)
    if draw(st.integers(0, 9)) == 0:  # now and then aliases: a bomb before the design, or an alias in it
        text = draw(st.sampled_from([alias_bomb(9, 8) + "\n", "x: &x 1\n"])) + text.replace("headcount: 1}", "headcount: *x}")
    return text


def _adds_up(pr) -> None:
    """The payroll's lines are whole fen in int64, and every total is exactly their sum."""
    lines = pr.lines
    for view in ("accrued", "paid"):
        column = lines[f"{view}_fen"]
        assert column.dtype == np.int64
        exact = sum(int(x) for x in column)  # Python integers: no wrap
        assert round(pr.total(view) * 100) == exact == int(column.sum())
        assert sum(int(x) for x in pr.by_month()[f"{view}_fen"]) == exact
        assert all(abs(int(x)) <= MAX_FEN for x in column)


@FUZZ
@given(text=design_texts(), scenario=st.tuples(sometimes(NUMBERS, 3000), sometimes(NUMBERS, 540000)))
def test_a_hostile_design_file_is_read_or_refused_and_its_payroll_adds_up(tmp_path_factory, text, scenario):
    folder = tmp_path_factory.mktemp("design")
    path = folder / "shop.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    scenario_path = folder / "sc.yaml"
    scenario_path.write_text(SCENARIO.format(orders=_scalar(scenario[0]), revenue=_scalar(scenario[1])),
                             encoding="utf-8", errors="surrogatepass")
    try:
        design = read_design(path)
        pr = payroll(design, read_scenario(scenario_path, design))
    except ShopOrgError:
        return
    _adds_up(pr)


# -- scenarios and supplies -----------------------------------------------------------------

D14 = load_template("seed-14-basic-22")
BLANKS = {"director.pay[1].rate": 0.002, "promo_manager.pay[1].rate": 0.001, "cs_manager.pay[1].rate": 0.0015,
          "sales_cs.pay[1].rate": 0.004}
SUPPLY_KEYS = [*BLANKS, "director.pay[0].monthly", "picker.pay[0].monthly", "director.pay[9].rate", "nobody.pay[0].x",
               "director.pay[1].rate ", "", "x" * 300]
DRIVERS = ["orders", "orders_picked", "orders_shipped", "revenue", "consultations", "complaints", "reviews_reversed",
           "review_followups", "negative_reviews", "store_incidents", "attainment"]


@st.composite
def scenario_texts(draw) -> str:
    spots = _hostile_spots(draw, [*DRIVERS, "start", "people", "supply"])
    base = {name: draw(NUMBERS) if name in spots else 100 for name in DRIVERS}
    start = draw(st.sampled_from(["2026-13", "x", "1:30", "2026-1"])) if "start" in spots else "2026-01"
    supply = dict(BLANKS) | ({k: draw(VALUES) for k in draw(st.lists(st.sampled_from(SUPPLY_KEYS), min_size=1, max_size=3))}
                             if "supply" in spots else {})
    lines = ["schema: shoporg/scenario-v1", f"start: {_scalar(start)}", "base:"]
    lines += [f"  {k}: {_scalar(v)}" for k, v in base.items()]
    if draw(st.booleans()):  # per person: a list (of hostile values, or long)
        people = draw(st.lists(NUMBERS if "people" in spots else st.floats(0, 2), max_size=draw(st.sampled_from([3, 50]))))
        lines += ["roles:", "  sales_cs:", f"    attainment: [{', '.join(_scalar(v) for v in people)}]"]
    lines += ["supply:"] + [f"  {json.dumps(k)}: {_scalar(v)}" for k, v in supply.items()]
    if draw(st.integers(0, 9)) == 0:
        lines.insert(1, draw(st.sampled_from([alias_bomb(9, 8), "anchor: &a 1", "name: !!python/name:os.system"])))
    return "\n".join(lines) + "\n"


@FUZZ
@given(text=scenario_texts(),
       supply=sometimes(st.dictionaries(st.sampled_from(SUPPLY_KEYS), FLOATS | INTEGERS | TEXTS, min_size=1, max_size=2), {}))
def test_a_hostile_scenario_and_supply_are_read_or_refused_and_the_payroll_adds_up(tmp_path_factory, text, supply):
    path = tmp_path_factory.mktemp("scenario") / "sc.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        pr = payroll(D14, read_scenario(path, D14), supply=supply)
    except ShopOrgError:
        return
    _adds_up(pr)


# -- CSV and Excel cells ----------------------------------------------------------------------

CELL_VALUES = FLOATS | INTEGERS | TEXTS


@pytest.fixture(scope="module")
def d12_files(tmp_path_factory):
    """Design 12 as a CSV role table and as a workbook, written once."""
    folder = tmp_path_factory.mktemp("d12")
    d12 = load_template("seed-12-ordinary-shop")
    return d12, write_csv(d12, folder / "roles.csv"), write_excel(d12, folder / "book.xlsx")


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, 8), st.integers(0, 6), CELL_VALUES), min_size=1, max_size=4))
def test_hostile_csv_cells_are_read_or_refused_at_their_place(d12_files, tmp_path_factory, edits):
    import csv
    import io

    base, csv_path, _ = d12_files
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    for r, c, value in edits:
        while len(rows) <= r + 1:
            rows.append(list(rows[-1]))
        rows[r + 1][c] = value if isinstance(value, str) else _scalar(value)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "edited.csv"
    path.write_text(out.getvalue(), encoding="utf-8", errors="surrogatepass")
    try:
        design_from_csv(path, base)
    except ShopOrgError:
        return


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(2, 9), st.integers(1, 9), CELL_VALUES), min_size=1, max_size=4))
def test_hostile_excel_cells_are_read_or_refused_at_their_place(d12_files, tmp_path_factory, edits):
    from openpyxl.utils.exceptions import IllegalCharacterError

    _, _, book = d12_files
    wb = openpyxl.load_workbook(book)
    sheet = wb[SHEETS["roles"]["zh"]]  # the role table (the cover comes first)
    for r, c, value in edits:
        try:
            sheet.cell(r, c).value = value
        except (IllegalCharacterError, ValueError):  # openpyxl itself refuses to store it: never reaches us
            assume(False)
    path = tmp_path_factory.mktemp("xlsx") / "edited.xlsx"
    wb.save(path)
    try:
        read_excel(path)
    except ShopOrgError:
        return
