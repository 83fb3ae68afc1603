"""A pack value whose period ended, with no newer one in the pack, is carried forward as
an assumption (said so, counted as not verified), so a plan for a year whose figures are
not yet published still prices; asked not to, the lookup refuses."""

import subprocess
import sys

import pytest

from shoporg.employment.params import EmploymentError, load_pack

from .conftest import ROOT


def test_the_last_published_value_is_carried_forward_and_flagged():
    pack = load_pack("上海")
    key = "social_insurance.unemployment.employer"
    in_force = pack.fact(key, "2025-06")
    assert not in_force.carried and in_force.effective_to is not None
    later = pack.fact(key, "2026-01")
    assert later.carried and not later.verified
    assert (later.value, later.effective_from) == (in_force.value, in_force.effective_from)
    with pytest.raises(EmploymentError, match="no value of"):
        pack.fact(key, "2026-01", carry=False)
    with pytest.raises(EmploymentError):
        pack.fact("minimum_wage.monthly", "1990-01")  # nothing before the first value


def test_the_payroll_for_shanghai_prices_and_says_what_it_carried():
    r = subprocess.run([sys.executable, "-m", "shoporg", "payroll", "seed-14-basic-22", "--scenario",
                        str(ROOT / "templates" / "scenarios" / "d14-double11.yaml"), "--city", "上海"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert "人工成本" in r.stdout and "实发" in r.stdout
    assert "social_insurance.unemployment.employer = 0.005" in r.stdout
    assert "沿用上期数值，本期未见发布（假设）" in r.stdout
