"""shoporg: design the staff organization of an online shop.

Templates made from Chinese staffing documents, a design model with pay rules,
the hierarchy as a networkx graph, and pandas tables for every result.

>>> import shoporg
>>> d = shoporg.load_template("seed-14-basic-22")
>>> len(d.roles), d.headcount
(11, Decimal('22'))
"""

from __future__ import annotations

from ._lazy import exports

__version__ = "0.1.0"

# Public name -> module. Imported on first use, so `import shoporg` stays fast.
_EXPORTS = {
    "OrgDesign": "model", "Role": "model", "Duty": "model", "Requirement": "model",
    "Department": "model", "Text": "model",
    "ShopOrgError": "errors", "DesignFileError": "errors", "DesignValidationError": "errors",
    "UnknownTemplateError": "errors", "UnknownRoleError": "errors",
    "FileExistsRefusedError": "errors", "Problem": "errors",
    "read_design": "io.yaml_io", "write_design": "io.yaml_io",
    "list_templates": "templates", "load_template": "templates", "templates_dir": "templates",
    "load_design": "templates", "load_scenario": "templates", "export": "io", "read_excel": "io.excel",
    "to_graph": "hierarchy", "layers": "hierarchy", "span_of_control": "hierarchy",
    "headcount_rollup": "hierarchy", "is_valid_hierarchy": "hierarchy",
    "hierarchy_table": "hierarchy",
    "role_table": "tables", "pay_summary": "tables", "readable": "tables",
    "duty_areas": "catalogue",
    "Scenario": "scenario", "read_scenario": "io.scenario_io", "ScenarioError": "scenario",
    "scorecard": "pay.scorecard", "plot_payroll": "plots", "plot_cost_composition": "plots",
    "plot_span_distribution": "plots", "plot_layer_pyramid": "plots", "plot_coverage": "plots",
    "plot_service_level": "plots", "plot_plan": "plots", "plot_org": "chart", "save_org_chart": "chart",
    "required_agents": "staffing.agents", "intraday_staffing": "staffing.intraday",
    "compare": "analysis", "compare_view": "analysis", "diff": "analysis", "diff_view": "analysis",
    "filled_note": "scenario", "apply_diff": "analysis", "coverage": "analysis", "coverage_by_design": "analysis",
    "gaps": "analysis", "overlaps": "analysis", "health": "analysis", "health_view": "analysis", "merge_roles": "analysis",
    "split_role": "analysis", "recommend_headcount": "staffing", "scale_design": "staffing", "plan": "staffing", "explain": "pay.explain", "payroll": "pay.engine", "payroll_sweep": "pay.sweep", "Payroll": "pay.engine", "PayrollError": "pay.engine",
}

__all__ = sorted(_EXPORTS) + ["__version__"]
__getattr__ = exports(globals(), _EXPORTS)[0]


def __dir__() -> list[str]:
    return __all__
