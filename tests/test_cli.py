"""The command line, run as a user runs it (a subprocess) and in-process."""

import json
import subprocess
import sys

import pytest

from shoporg.cli import main

from .conftest import TEMPLATES


def run(*args):
    return subprocess.run([sys.executable, "-m", "shoporg", *args], capture_output=True, text=True,
                          encoding="utf-8")


def test_validate_all_templates():
    r = run("validate", str(TEMPLATES))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("ok  ") == 14
    assert "duty_areas" not in r.stdout


def test_validate_reports_each_problem_with_its_place(write):
    bad = write("schema: shoporg/design-v1\nid: x\nname: 店\nroles:\n  - id: a\n    name: 甲\n    headcount: -1\n"
                "  - id: b\n    name: 乙\n    reports_to: c\n")
    r = run("validate", str(bad))  # errors in English unless a language is asked for, as every command
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert f"{bad}:7: roles[0].headcount: must be >= 0, got -1" in lines
    assert lines[-1] == "1 of 1 file(s) invalid"
    r = run("validate", "--lang", "zh", str(bad))
    lines = r.stderr.strip().splitlines()
    assert f"{bad}:7: roles[0].headcount：须不小于 0，实际为 -1" in lines
    assert lines[-1] == "1个文件中有1个有误"


def test_validate_mixed_good_and_unreadable(write, capsys):
    good = TEMPLATES / "seed-14-basic-22.yaml"
    bad = write("a: [", name="broken.yaml")
    assert main(["validate", "--lang", "en", str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2: not valid YAML" in err or f"{bad}:1: not valid YAML" in err


def test_show_design_14_lists_11_positions_and_22_people():
    r = run("show", str(TEMPLATES / "seed-14-basic-22.yaml"))
    assert r.returncode == 0, r.stderr
    assert "11 个岗位，22 人" in r.stdout
    assert "电商总监" in r.stdout and "司库" in r.stdout
    en = run("show", "seed-14-basic-22", "--lang", "en")
    assert "11 roles, 22 people" in en.stdout and "Storekeeper" in en.stdout


def test_show_csv_and_json(capsys):
    assert main(["show", "seed-14-basic-22", "--format", "json", "--lang", "en"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 11 and sum(r["headcount"] for r in rows) == 22
    assert rows[0]["id"] == "director" and rows[0]["duties"].startswith("1. ")
    assert main(["show", "seed-14-basic-22", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "id,name,department,reports_to,headcount,pay,duties"
    assert "捡单员" in out


def test_templates_lists_all(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    assert "seed-14-basic-22" in out and out.count("seed-") == 14


def test_unknown_template_is_a_clear_error(capsys):
    assert main(["show", "seed-99"]) == 2
    assert "unknown template 'seed-99'; known: seed-01" in capsys.readouterr().err


def test_bad_arguments_exit_2():
    with pytest.raises(SystemExit) as e:
        main(["show", "seed-14-basic-22", "--lang", "fr"])
    assert e.value.code == 2


SCENARIO = str(TEMPLATES / "scenarios" / "d14-double11.yaml")


def test_payroll_by_month_and_role(capsys):
    assert main(["payroll", "seed-14-basic-22", "--scenario", SCENARIO, "--by", "role"]) == 0
    out = capsys.readouterr().out
    assert "司库" in out and "计划期后发放（结转）: 3,000.00 元" in out
    assert main(["payroll", "seed-14-basic-22", "--scenario", SCENARIO, "--format", "json",
                 "--view", "paid", "--lang", "en"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["month"] for r in rows][:2] == ["2026-01", "2026-02"] and set(rows[0]) == {"month", "paid"}


def test_payroll_levels_and_supply_change_the_total(capsys):
    def total(*extra):
        main(["payroll", "seed-14-basic-22", "--scenario", SCENARIO, "--format", "csv", "--by", "role", *extra])
        lines = capsys.readouterr().out.strip().splitlines()[1:]
        return sum(float(line.rsplit(",", 2)[1]) for line in lines)
    low, high = total("--level", "low"), total("--level", "high")
    assert round(high - low, 2) == (67400 - 63300) * 12
    more = total("--supply", "director.pay[1].rate=0.003")
    assert more > total()


def test_payroll_missing_parameter_exits_2(write, capsys):
    scenario = write("schema: shoporg/scenario-v1\nbase: {orders: 1}\n", name="s.yaml")
    assert main(["payroll", "seed-14-basic-22", "--scenario", str(scenario)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("shoporg: ") and "'director'" in err


def test_compare_and_diff_commands(capsys, write, d14):
    from shoporg import write_design
    assert main(["compare", "seed-14-basic-22", "seed-12-ordinary-shop", "--lang", "en", "--format", "json"]) == 0
    rows = {r["key"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["people"]["delta"] == -17 and rows["roles"]["metric"] == "roles"
    d = d14
    b = write(b"", name="b.yaml")
    b.unlink()
    write_design(d.with_headcount("picker", 4), b)
    assert main(["diff", "seed-14-basic-22", str(b), "--format", "csv"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["action,role,name,changes", "Change,picker,捡单员,headcount: 2 → 4"]
    assert main(["diff", "seed-14-basic-22", "seed-14-basic-22"]) == 0
    assert "两个设计的岗位相同" in capsys.readouterr().out


def test_chart_command_writes_and_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "d14.svg"
    assert main(["chart", "seed-14-basic-22", "-o", str(out), "--lang", "en"]) == 0
    assert out.read_bytes().lstrip().startswith((b"<?xml", b"<svg")) and out.stat().st_size > 5000
    assert main(["chart", "seed-14-basic-22", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["chart", "seed-14-basic-22", "-o", str(out), "--overwrite", "--mode", "stacked"]) == 0
