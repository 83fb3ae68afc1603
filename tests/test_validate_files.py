"""``shoporg validate`` checks every kind of file a consultant has by its ``schema:`` line:
designs, scenarios and norms; other shoporg files are named, not misread."""

from shoporg.cli import main

from .conftest import TEMPLATES


def test_every_shipped_scenario_and_norms_file_passes(capsys):
    files = sorted((TEMPLATES / "scenarios").glob("*.yaml")) + sorted((TEMPLATES / "norms").glob("*.yaml"))
    assert files
    assert main(["validate", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert out.count("ok  ") == len(files)
    assert "情景，自2026年1月起12个月，11项业务量" in out and "4个岗位的定编标准" in out
    assert main(["validate", "--lang", "en", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert "scenario, 12 months from Jan 2026, 11 drivers" in out and "norms for 4 roles" in out


def test_folders_hold_every_kind(capsys):
    assert main(["validate", str(TEMPLATES), str(TEMPLATES / "scenarios"), str(TEMPLATES / "norms")]) == 0
    out = capsys.readouterr().out
    assert out.count("ok  ") == 14 + 2  # the templates, the scenario and the norms
    assert "duty_areas" not in out  # the duty catalogue is not a file validate checks


def test_a_broken_scenario_or_norms_file_fails_with_its_place(write, capsys):
    scenario = write("schema: shoporg/scenario-v1\nid: s\nstart: 2026-01\nbase:\n  orders: 3000\n"
                     "roles:\n  nobody:\n    attainment: [1]\nsupply: [1, 2]\n", name="s.yaml")
    norms = write("schema: shoporg/norms-v1\nid: n\nname: 定额\nnorms:\n  picker:\n    method: quota\n"
                  "    driver: orders\n    quota_per_day: -1\n", name="n.yaml")
    assert main(["validate", "--lang", "en", str(scenario), str(norms)]) == 2
    err = capsys.readouterr().err
    assert f"{scenario}:9: supply:" in err
    assert "quota_per_day" in err and str(norms) in err
    assert err.strip().splitlines()[-1] == "2 of 2 file(s) invalid"


def test_another_kind_of_shoporg_file_is_named(capsys):
    assert main(["validate", "--lang", "en", str(TEMPLATES / "duty_areas.yaml")]) == 2
    err = capsys.readouterr().err
    assert "got 'shoporg/duty-areas-v1'; validate checks 'shoporg/design-v1', 'shoporg/scenario-v1'" in err
