"""Result tables as a person reads them: every cell of a zh table reads in Chinese with
formatted numbers (no 3000.0, no ids, no snake_case), with row labels instead of 0, 1, 2."""

import pandas as pd
import pytest

import shoporg
from shoporg.staffing import read_norms
from tests.test_zh_outputs import leaks

D14 = shoporg.load_template("seed-14-basic-22")
SCENARIO = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
NORMS = read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml")


def tables():
    pr = shoporg.payroll(D14, SCENARIO)
    p = shoporg.plan(D14, SCENARIO, NORMS)
    return {
        "by_month": (pr.by_month(), {}), "by_role": (pr.by_role(), {"design": D14}),
        "unit_costs": (pr.unit_costs(), {}), "templates": (shoporg.list_templates()[["id", "name_zh", "roles"]], {}),
        "recommend": (shoporg.recommend_headcount(D14, SCENARIO, NORMS), {"design": D14}),
        "plan": (p.monthly(), {"yuan": ("temporary",)}),
    }


@pytest.mark.parametrize("name", list(tables()))
def test_a_zh_result_table_reads_in_chinese(name):
    df, kw = tables()[name]
    shown = shoporg.readable(df, **kw)
    assert not isinstance(shown.index, pd.RangeIndex)
    cells = [str(v) for v in shown.to_numpy().ravel()] + [str(c) for c in shown.columns] + [str(shown.index.name)]
    cells += [str(v) for v in shown.index]
    found = [(c, leaks(c)) for c in cells if leaks(c) and not c.startswith("seed-")]  # template ids are ids
    assert not found, found


def test_numbers_are_the_packages_numbers():
    pr = shoporg.payroll(D14, SCENARIO)
    shown = shoporg.readable(pr.by_month())
    assert shown.loc["2026年11月", "应发工资（应计）"] == shoporg.fmt.yuan(pr.by_month().loc["2026-11", "accrued"])
    rec = shoporg.readable(shoporg.recommend_headcount(D14, SCENARIO, NORMS), "en", design=D14)
    assert rec.loc["Sales customer service", "Gap"] == "+6" and rec.loc["Sales customer service", "Method"] == "Erlang C"
