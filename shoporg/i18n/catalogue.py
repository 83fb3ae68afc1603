"""The phrase catalogue: key → ``{"zh": ..., "en": ...}``.

Grouped by topic with a key prefix (``driver.``, ``unit.``, ``col.``, ``err.``, ``health.``
...). Keep each entry on one line where it fits; ``{fields}`` are ``str.format`` fields.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # ---- common words -------------------------------------------------------------
    "total": {"zh": "合计", "en": "Total"},
    "accrued": {"zh": "应计", "en": "Accrued"},
    "paid": {"zh": "实发", "en": "Paid"},
    "people_count": {"zh": "{n}人", "en": "{n} people"},
    "month": {"zh": "月份", "en": "Month"},
    "role": {"zh": "岗位", "en": "Role"},
    "department": {"zh": "部门", "en": "Department"},
    "headcount": {"zh": "人数", "en": "Headcount"},

    # ---- business drivers: what a person calls each volume (driver.*), and the unit
    # a rate on it is quoted per (unit.*; empty where a rate per unit makes no sense)
    "driver.orders": {"zh": "订单数", "en": "orders"},
    "driver.orders_picked": {"zh": "拣货订单数", "en": "orders picked"},
    "driver.orders_shipped": {"zh": "发货订单数", "en": "orders shipped"},
    "driver.revenue": {"zh": "营业额（元）", "en": "revenue (yuan)"},
    "driver.consultations": {"zh": "咨询接待量", "en": "chat sessions"},
    "driver.complaints": {"zh": "投诉回复跟进次数", "en": "complaints answered and followed up"},
    "driver.reviews_reversed": {"zh": "差评取消次数", "en": "negative reviews withdrawn"},
    "driver.review_followups": {"zh": "催评回访次数", "en": "review follow-up contacts"},
    "driver.negative_reviews": {"zh": "差评数", "en": "negative reviews"},
    "driver.store_incidents": {"zh": "库房问题或意外次数", "en": "store-room incidents"},
    "driver.attainment": {"zh": "计划营业额达成率", "en": "attainment of the sales plan"},
    "driver.attendance_points": {"zh": "考勤扣分", "en": "attendance points deducted"},
    "unit.orders": {"zh": "单", "en": "order"},
    "unit.orders_picked": {"zh": "拣货单", "en": "order picked"},
    "unit.orders_shipped": {"zh": "发货单", "en": "order shipped"},
    "unit.revenue": {"zh": "元营业额", "en": "yuan of revenue"},
    "unit.consultations": {"zh": "次咨询", "en": "chat session"},
    "unit.complaints": {"zh": "次投诉跟进", "en": "complaint followed up"},
    "unit.reviews_reversed": {"zh": "次差评取消", "en": "negative review withdrawn"},
    "unit.review_followups": {"zh": "次催评回访", "en": "review follow-up"},
    "unit.negative_reviews": {"zh": "条差评", "en": "negative review"},
    "unit.store_incidents": {"zh": "次库房问题或意外", "en": "store-room incident"},
    "unit.attendance_points": {"zh": "分", "en": "attendance point"},

    # ---- pay kinds, payroll engine, explain (pay/) ---------------------------------
    # amounts as the source documents write them (4000元, ¥4,000) and a pay rule in words
    "pay.money": {"zh": "{plain}元", "en": "¥{grouped}"},
    "pay.range": {"zh": "{lo_plain}–{hi_plain}元", "en": "¥{lo_grouped}–¥{hi_grouped}"},
    "pay.per_month": {"zh": "{amount}/月", "en": "{amount}/month"},
    "pay.per_unit": {"zh": "每{unit}{amount}", "en": "{amount} per {unit}"},
    "pay.missing": {"zh": "原文未给出", "en": "not given in the source"},
    "pay.when": {"zh": "条件：{condition}", "en": "when {condition}"},
    "pay.qualified": {"zh": "{body}（{parts}）", "en": "{body} ({parts})"},
    "pay.part_sep": {"zh": "；", "en": ", "},
    "pay.on_cost": {"zh": "单位社保公积金", "en": "Employer social insurance and housing fund"},
    # per-person scenario data fitted to a role's headcount (fit_people)
    "pay.filled_more": {
        "zh": "情景给出{given}人的{driver}，{role}有{people}人：多出的{extra}人按平均值计算。",
        "en": "The scenario gives {given} people's {driver} for {role}, which has {people}: for the other {extra}, their mean is used."},
    "pay.filled_fewer": {
        "zh": "情景给出{given}人的{driver}，{role}只有{people}人：按前{people}人的数据计算。",
        "en": "The scenario gives {given} people's {driver} for {role}, which has {people}: the first {people} are used."},

    # explain(): one person's month
    "pay.explain.person": {"zh": "第{n}人", "en": "person {n}"},
    "pay.explain.accrued": {"zh": "应计", "en": "accrued"},
    "pay.explain.paid": {"zh": "实发", "en": "paid"},
    "pay.explain.total": {"zh": "合计", "en": "total"},
    "pay.explain.holds": {"zh": "条件成立", "en": "condition holds"},
    "pay.explain.fails": {"zh": "条件不成立，本月不计", "en": "condition fails: nothing this month"},
    # ---- end of pay ------------------------------------------------------------------

    # ---- readers and writers, formats (io/) ------------------------------------------
    "io.format.xlsx": {"zh": "Excel 工作簿", "en": "Excel workbook"},
    "io.format.docx": {"zh": "Word 报告", "en": "Word report"},
    "io.format.md": {"zh": "Markdown 岗位表", "en": "Markdown role table"},
    "io.format.html": {"zh": "HTML 岗位表", "en": "HTML role table"},
    "io.format.csv": {"zh": "CSV 岗位表", "en": "CSV role table"},
    "io.format.png": {"zh": "PNG 组织架构图", "en": "PNG org chart"},
    "io.format.svg": {"zh": "SVG 组织架构图", "en": "SVG org chart"},
    "io.format.pdf": {"zh": "PDF 组织架构图", "en": "PDF org chart"},
    "io.format.yaml": {"zh": "设计文件（YAML）", "en": "YAML design file"},

    # ---- end of io -------------------------------------------------------------------

    # ---- staffing, erlang, norms -----------------------------------------------------

    # ---- end of staffing -------------------------------------------------------------

    # ---- tables, exports, charts, widgets, CLI, errors, health, diff ----------------

    # ---- end of presentation ---------------------------------------------------------
}
