"""Why each headcount, and the peak months' plan, as rows of text for the report and the deck.

>>> import shoporg
>>> from shoporg.staffing import read_norms
>>> d = shoporg.load_template("seed-14-basic-22")
>>> s = shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")
>>> sized, kept, plan = staffing_rows(d, s, "zh", norms=read_norms(shoporg.templates_dir() / "norms" / "d14-norms.yaml"))
>>> [row[:3] for row in sized][0], len(kept)
(['销售客服', '5', '11'], 7)
"""

from __future__ import annotations

from .. import fmt

__all__ = ["staffing_rows"]


def staffing_rows(design, scenario, lang: str, *, supply=None, norms=None):
    """(rows of role, current, recommended and the reason for each role with a norm;
    names of the roles without; the peak months' plan as a table of text, or None)."""
    from ..staffing.peak import peak_options  # the staffing room, read when sizing
    from ..staffing.sizing import norms_for, recommend_headcount, sizing_reason

    rec = recommend_headcount(design, scenario, norms, lang)
    table = norms_for(design, norms)
    sized, kept = [], []
    for _, row in rec.iterrows():
        if row["method"] == "kept":
            kept.append(row["name"])
        else:
            sized.append([row["name"], fmt.headcount(row["current"], lang), fmt.headcount(row["recommended"], lang),
                          sizing_reason(row, table[row["role"]], lang)])
    if not sized:
        return sized, kept, None
    import pandas as pd  # loaded with the plan

    plan = peak_options(design, scenario, norms, supply=supply, recommendation=rec).table(lang)
    if plan.empty:
        return sized, kept, plan
    for col in (plan.columns[3], plan.columns[5]):
        plan[col] = [fmt.fixed(v, lang) if v is not None and not pd.isna(v) else "" for v in plan[col]]
    if not any(plan.iloc[:, 4]):  # no cheaper mix breaks a rule: the two columns say nothing
        plan = plan.iloc[:, :4]
    return sized, kept, plan
