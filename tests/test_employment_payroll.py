"""The chain through the payroll engine: a 13th month, part-time minimum wage, the sweep
against one payroll per scenario (a property), the command line."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import shoporg
import shoporg.employment.params as params
from shoporg.io.yaml_io import design_from_dict

PACKS = Path(__file__).parent / "params" / "cn"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def test_packs(monkeypatch):
    monkeypatch.setattr(params, "pack_dir", lambda: PACKS)


def design(bonus=None, hire=None):
    pay = [{"kind": "base", "monthly": 10000}] + ([bonus] if bonus else [])
    roles = [{"id": "lead", "name": "主管", "pay": pay},
             {"id": "picker", "name": "捡单员", "reports_to": "lead", "headcount": 2,
              "pay": [{"kind": "base", "monthly": 1500}, {"kind": "piece_rate", "driver": "orders_picked", "rate": 2}]}]
    emp = {"city": "测试市"} | ({"roles": {"picker": hire}} if hire else {})
    return design_from_dict({"schema": "shoporg/design-v1", "id": "x", "name": "x", "roles": roles,
                             "employment": emp})


def scenario(orders=3000.0):
    return shoporg.Scenario.from_profile({"orders_picked": orders}, start="2026-01")


def test_a_13th_month_is_paid_in_its_month_and_taxed_the_cheaper_way():
    pr = shoporg.payroll(design({"kind": "year_end_bonus", "months": 1, "month": 12}), scenario())
    lead = pr.chain[(pr.chain.view == "accrued") & (pr.chain.role == "lead")]
    assert lead["gross"].tolist() == [10000.0] * 11 + [20000.0]
    separate = shoporg.payroll(design({"kind": "year_end_bonus", "months": 1, "month": 12, "tax": "separate"}),
                               scenario())
    with_wages = shoporg.payroll(design({"kind": "year_end_bonus", "months": 1, "month": 12, "tax": "with_wages"}),
                                 scenario())
    taxes = [p.chain_total("tax") for p in (pr, separate, with_wages)]
    assert taxes[0] == min(taxes[1:])
    # separately: 10,000 ÷ 12 is in the 3% bracket of the monthly-converted table: 300 on top of the wages' tax
    plain = shoporg.payroll(design(), scenario())
    assert taxes[1] == pytest.approx(plain.chain_total("tax") + 300, abs=0.001)
    # a once-a-year bonus does not count toward a month's minimum wage
    assert lead["counted_fen"].max() == 1_000_000


def test_the_picker_is_lifted_above_the_minimum_by_piece_pay_but_not_without_it():
    assert shoporg.payroll(design(), scenario(3000)).findings().empty    # 1,500 + 3,000 a month each
    low = shoporg.payroll(design(), scenario(200)).findings()            # 1,500 + 200 a month each
    row = low.set_index("role").loc["picker"]
    # 24 person-months; the city leaves out the employee's own contributions: 1,700 − 8% − 2% − 0.5% of the
    # 7,460 floor − 5% fund on the 2,740 fund floor = 1,700 − 783.30 − 137 = 779.70
    assert row["message"].startswith("24个人月低于测试市最低工资2,740.00元（最低779.70元")
    assert row["severity"] == "error" and not row["verified"]


def test_a_part_timer_is_held_to_the_hourly_minimum():
    hire = {"hire": "part_time", "hours_month": 80}
    assert shoporg.payroll(design(hire=hire), scenario(3000)).findings().empty    # 4,500 ÷ 80 = 56.25 an hour
    row = shoporg.payroll(design(hire=hire), scenario(200)).findings().set_index("role").loc["picker"]
    assert "小时最低工资25.00元" in row["message"] and "最低21.25元" in row["message"]   # 1,700 ÷ 80


@settings(max_examples=15, deadline=None)
@given(st.lists(st.floats(0, 200_000), min_size=2, max_size=4), st.sampled_from(["full_time", "agency", "part_time"]))
def test_the_sweep_gives_every_payrolls_chain_to_the_fen(volumes, kind):
    hire = {"full_time": None, "agency": {"hire": "agency", "agency_share": 0.07},
            "part_time": {"hire": "part_time", "hours_month": 100}}[kind]
    d = design({"kind": "year_end_bonus", "amount": 30000, "month": 2}, hire)
    runs = [scenario(round(v, 2)) for v in volumes]
    sweep = shoporg.payroll_sweep(d, runs)
    for i, run in enumerate(runs):
        ch = shoporg.payroll(d, run).chain
        for view, suffix in (("accrued", ""), ("paid", "_paid")):
            for col in ("gross", "labour_cost", "net"):
                assert int(sweep[f"{col}{suffix}_fen"][i]) == int(ch.loc[ch.view == view, f"{col}_fen"].sum())
        assert int(sweep["tax_fen"][i]) == int(ch.loc[ch.view == "accrued", "tax_fen"].sum())


def test_the_payroll_command_shows_gross_cost_and_net_with_sources(tmp_path):
    text = (ROOT / "templates" / "scenarios" / "d14-double11.yaml").read_text(encoding="utf-8")
    f = tmp_path / "s.yaml"
    f.write_text(text, encoding="utf-8")
    code = ("import sys, pathlib, shoporg.employment.params as p; p.pack_dir = lambda: pathlib.Path(sys.argv[1]); "
            "from shoporg.cli import main; sys.exit(main(sys.argv[2:]))")
    out = subprocess.run([sys.executable, "-c", code, str(PACKS), "payroll", "seed-14-basic-22", "--scenario", str(f),
                          "--city", "测试市", "--by", "role"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "应发工资（元）" in out.stdout and "人工成本（元）" in out.stdout and "实发工资（元）" in out.stdout
    assert "国家税务总局公告2018年第61号" in out.stdout and "verified: false" in out.stdout
    total = [line for line in out.stdout.splitlines() if line.startswith("合计")][0].split()
    d = shoporg.load_template("seed-14-basic-22")
    pr = shoporg.payroll(d, shoporg.read_scenario(f), city="测试市")
    assert total[1:] == [f"{pr.chain_total(c):,.2f}" for c in ("gross", "labour_cost", "net")]
    bad = subprocess.run([sys.executable, "-c", code, str(PACKS), "payroll", "seed-14-basic-22", "--scenario", str(f),
                          "--city", "火星"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "testcity" in bad.stderr


def test_chain_arrays_are_int_fen():
    pr = shoporg.payroll(design(), scenario())
    assert pr.chain["labour_cost_fen"].dtype == np.int64
