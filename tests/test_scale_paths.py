"""The quick paths for large designs give what the general paths give.

A scalar ``required_agents`` call against an array of one interval (every field, to the
bit); the design-file constructor against PyYAML's own safe constructor; the shared
org-chart picture against a fresh drawing; compare's range ends against payroll at each
level; the command line's help without the heavy modules. (How fast they are is measured
in ``benchmarks/bench_scale.py``, never here.)
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import subprocess
import sys

import pytest
import yaml

from shoporg import compare, load_scenario, load_template, payroll
from shoporg.chart import FORMATS as CHART_FORMATS
from shoporg.errors import DesignFileError
from shoporg.io import formats
from shoporg.io.yaml_io import _construct, _StrictLoader, gc_paused, load_yaml
from shoporg.staffing import StaffingInputError, required_agents

from .conftest import ROOT, TEMPLATES

# -- required_agents: one interval in plain floats, as an array of one ---------------------

GRID = list(itertools.product(
    [0, 0.5, 3, 17, 100, 333.3, 2500],          # arrivals
    [30, 180, 241.7],                            # aht_s
    [1, 3],                                      # concurrency
    [1.0, 0.85],                                 # max_occupancy
    [0.8, 0.95],                                 # service_level
    [0.0, 0.3],                                  # shrinkage
))


@pytest.mark.parametrize("arrivals, aht, c, occ, sl, shrink", GRID)
def test_a_scalar_call_answers_as_an_array_of_one_interval(arrivals, aht, c, occ, sl, shrink):
    kw = dict(concurrency=c, max_occupancy=occ, service_level=sl, shrinkage=shrink)
    one = required_agents(arrivals, aht, **kw)
    row = required_agents([arrivals], aht, **kw).iloc[0]
    assert dataclasses.asdict(one) == {k: (int(v) if k in ("agents", "positions") else float(v))
                                       for k, v in row.items()}


def test_the_scalar_path_keeps_the_worked_example():
    # callcentrehelper.com, "Erlang C formula - made simple": 100 chats in 30 minutes,
    # 180 s each, 80% within 20 s -> 14 agents, service level 88.8%, occupancy 71.4%.
    r = required_agents(100, 180)
    assert (r.agents, round(r.service_level, 3), round(r.occupancy, 3)) == (14, 0.888, 0.714)
    assert required_agents(100, 180, shrinkage=0.3).positions == 20


def test_a_load_no_staff_can_serve_is_refused_on_both_paths():
    for arrivals in (10_000, [10_000]):
        with pytest.raises(StaffingInputError, match="max_agents=5"):
            required_agents(arrivals, 180, max_agents=5)


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf")])
def test_bad_scalars_still_get_the_array_checks_message(bad):
    with pytest.raises(StaffingInputError, match="arrivals"):
        required_agents(bad, 180)


# -- design files: the direct constructor and PyYAML's ---------------------------------------

def _pyyaml(text: str):
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _ours(text: str):
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _construct(loader, node)
    finally:
        loader.dispose()


SCALARS = ["0", "-0", "+7", "012", "0x1F", "0b101", "1_000", "1:30", "1.5", "-.5", "1.", "6.02e+23", "1e5",
           ".inf", "-.Inf", ".nan", "yes", "No", "ON", "off", "true", "~", "null", "", "2026-01-01",
           "2026-01-01 10:00:00", "'1'", '"x"', "!!str 12", "!!float 3", "中文", "R&D", "9" * 4001]


@pytest.mark.parametrize("scalar", SCALARS)
def test_every_scalar_reads_as_the_safe_constructor_reads_it(scalar):
    text = f"a: {scalar}\nb: [{scalar}]\n"
    ours, theirs = _ours(text), _pyyaml(text)
    assert repr(ours) == repr(theirs)  # repr: nan == nan, and 1 is not True


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("**/*.yaml")), ids=lambda p: p.name)
def test_every_template_reads_as_the_safe_constructor_reads_it(path):
    text = path.read_text(encoding="utf-8")
    assert _ours(text) == _pyyaml(text)


@pytest.mark.parametrize("text", ["a: {<<: {x: 1}, y: 2}\n", "c: {[1, 2]: 3}\n", "d: !!python/name:os.system\n"])
def test_merge_keys_list_keys_and_tags_are_refused_as_before(text):
    with pytest.raises(yaml.constructor.ConstructorError) as ours:
        _ours(text)
    with pytest.raises(yaml.constructor.ConstructorError) as theirs:
        _pyyaml(text)
    assert str(ours.value.problem) == str(theirs.value.problem)
    assert ours.value.problem_mark.line == theirs.value.problem_mark.line


def test_sets_and_timestamps_go_to_the_constructor():
    text = "b: !!set {p, q}\nc: 2026-01-01\n"
    assert _ours(text) == _pyyaml(text)


def test_a_duplicate_key_is_refused_at_its_line_naming_the_first(tmp_path):
    p = tmp_path / "d.yaml"
    p.write_text("roles:\n  - id: a\n    name: x\n    id: b\n", encoding="utf-8")
    with pytest.raises(DesignFileError) as e:
        load_yaml(p)
    assert e.value.problem.line == 4 and "'id'" in str(e.value) and "line 2" in str(e.value)


# -- the org chart: one drawing, every writer ------------------------------------------------

def test_what_a_pause_made_is_not_walked_by_the_next_young_collection():
    gc.collect()
    walked = []

    def seen(phase, info):
        if phase == "start":
            walked.append(info["generation"])

    try:
        with gc_paused(kept=True):
            kept = [{"n": [i]} for i in range(20_000)]  # 40,000 tracked objects made
            gc.callbacks.append(seen)
        more = [[i] for i in range(100)]  # a few more: too few to start a collection
    finally:
        gc.callbacks.remove(seen)
    assert walked == []
    assert all(d["n"] == [i] for i, d in enumerate(kept)) and len(more) == 100


class Node:
    """An object in a cycle, as a workbook's cells and sheets are."""

    def __init__(self):
        self.me = self


def test_cycles_left_by_a_pause_are_the_young_generations_unless_kept():
    import weakref

    for kept, freed_young in ((False, True), (True, False)):
        gc.collect()
        with gc_paused(kept=kept):
            ref = weakref.ref(Node())  # garbage at once, but only the collector frees a cycle
        gc.collect(0)
        assert (ref() is None) is freed_young
        gc.collect()
        assert ref() is None


def test_a_pause_leaves_what_the_program_froze_frozen():
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused(kept=True):
            _ = [[i] for i in range(1_000)]
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()


def test_the_kept_chart_is_the_picture_a_fresh_drawing_gives():
    import matplotlib.pyplot as plt

    from shoporg.chart import org_scene
    from shoporg.chart_raster import Raster, png
    from shoporg.io import picture

    d = load_template("seed-14-basic-22")
    kept = {dpi: picture.chart_png(d, "zh", dpi) for dpi in (110, 150)}
    assert picture.chart_png(d, "zh", 110) == kept[110]  # from the kept scene
    for dpi, png_bytes in kept.items():
        assert png(Raster(org_scene(d, lang="zh"), dpi, crop="tight").draw()) == png_bytes
    assert not plt.get_fignums()  # nothing left for a notebook to show


def test_the_format_table_names_the_suffixes_the_chart_draws():
    assert formats.CHART_SUFFIXES == CHART_FORMATS


# -- compare: the ends of the pay ranges ---------------------------------------------------------

def test_compare_prices_each_end_of_the_ranges_as_payroll_does():
    a, b = load_template("seed-14-basic-22"), load_template("seed-14-basic-22").with_headcount("sales_cs", 7)
    s = load_scenario("d14-double11")
    table = compare([a, b], s)
    for j, d in enumerate((a, b)):
        for level in ("low", "mid", "high"):
            key = "annual_accrued" if level == "mid" else f"annual_{level}"
            assert table.loc[key].iloc[1 + j] == payroll(d, s, base_level=level).total()
    assert table.loc["annual_low"].iloc[1] < table.loc["annual_accrued"].iloc[1] < table.loc["annual_high"].iloc[1]


# -- the command line loads what a command uses ------------------------------------------------

def _modules_after(*args: str) -> set[str]:
    code = ("import sys; from shoporg.cli import main\n"
            "try:\n    main(list(sys.argv[1:]))\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.split("\n")[-2].split())


def test_help_loads_no_heavy_module():
    loaded = _modules_after("--help")
    assert not loaded & {"networkx", "matplotlib", "pandas", "numpy", "pydantic", "openpyxl", "docx"}


def test_show_loads_the_design_without_the_engines_libraries():
    """``show`` reads and prints a design: the pay kinds' arithmetic (numpy), the graph and
    the tables stay unloaded."""
    loaded = _modules_after("show", "seed-14-basic-22")
    assert "shoporg.model" in loaded and "pydantic" in loaded
    assert not loaded & {"networkx", "matplotlib", "pandas", "numpy", "openpyxl", "docx"}


def test_chart_help_lists_the_layout_modes():
    out = subprocess.run([sys.executable, "-m", "shoporg", "chart", "--help"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert "{top-down,left-right,stacked,auto}" in out
    bad = subprocess.run([sys.executable, "-m", "shoporg", "chart", "x", "-o", "x.png", "--mode", "sideways"],
                         cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "invalid choice: 'sideways'" in bad.stderr


def test_equal_texts_read_twice_are_one_object_and_text_makes_its_own():
    from shoporg._types import Text
    from shoporg.io.yaml_io import design_from_dict

    data = {"schema": "shoporg/design-v1", "id": "x", "name": "小店",
            "roles": [{"id": "boss", "name": {"zh": "店长", "en": "Manager"},
                       "duties": [{"area": "product.listing", "zh": "上架", "group": "工作统筹"}]}]}
    a, b = design_from_dict(data), design_from_dict(data)
    assert a.roles[0].name is b.roles[0].name and a.roles[0].duties[0].group is b.roles[0].duties[0].group
    assert a == b and a.roles[0].name == Text(zh="店长", en="Manager")
    made = Text(zh="店长", en="Manager")  # the object the call makes, filled, not a shared one
    assert made is not a.roles[0].name and (made.zh, made.en) == ("店长", "Manager")


def test_a_refused_text_is_refused_every_time_it_is_read():
    from pydantic import ValidationError

    from shoporg._types import Text

    for _ in range(2):
        with pytest.raises(ValidationError, match="U\\+202E"):
            Text.model_validate("店\u202e长")


def test_the_kept_texts_start_afresh_past_their_bound(monkeypatch):
    from shoporg import _types

    monkeypatch.setattr(_types, "_TEXTS", {})
    monkeypatch.setattr(_types, "_TEXTS_MAX", 3)
    texts = [_types.Text.model_validate(f"岗位{i}") for i in range(5)]
    assert len(_types._TEXTS) <= 3 and [t.zh for t in texts] == [f"岗位{i}" for i in range(5)]
