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

    # ---- end of pay ------------------------------------------------------------------

    # ---- readers and writers, formats (io/) ------------------------------------------

    # ---- end of io -------------------------------------------------------------------

    # ---- staffing, erlang, norms -----------------------------------------------------

    # ---- end of staffing -------------------------------------------------------------

    # ---- tables, exports, charts, widgets, CLI, errors, health, diff ----------------
    # errors: every message of a located problem or error (err.*); en is what str() shows
    "err.lang": {"zh": "语言须为 {allowed} 之一，实际为 {got}", "en": "lang must be one of {allowed}, got {got}"},
    "err.located": {"zh": "{where}：{message}", "en": "{where}: {message}"},
    "err.number": {"zh": "须为数字，实际为 {got}", "en": "must be a number, got {got}"},
    "err.finite": {"zh": "须为有限的数字，实际为 {got}", "en": "must be a finite number, got {got}"},
    "err.min": {"zh": "须不小于 {minimum}，实际为 {got}", "en": "must be >= {minimum}, got {got}"},
    "err.max": {"zh": "须不大于 {maximum}，实际为 {got}", "en": "must be <= {maximum}, got {got}"},
    "err.places": {"zh": "最多保留 {places} 位小数，实际为 {got}", "en": "must have at most {places} decimal places, got {got}"},
    "err.range_len": {"zh": "区间写作 [最小值, 最大值]，实际给了 {n} 个值", "en": "a range is [min, max], got {n} values"},
    "err.range_order": {"zh": "区间的最小值不得大于最大值，实际为 [{low}, {high}]",
                        "en": "range min must not exceed max, got [{low}, {high}]"},
    "err.amount": {"zh": "{reason}；可填：以元计的金额（如 4000）或区间 [最小值, 最大值]",
                   "en": "{reason}; allowed: an amount in yuan (e.g. 4000) or a range [min, max]"},
    "err.on_cost_bounds": {"zh": "缴费基数下限（{floor}）不得高于上限（{cap}）",
                           "en": "base_floor ({floor}) must not exceed base_cap ({cap})"},
    "err.unknown_role": {"zh": "设计 {design} 中没有岗位 {id}；已有：{known}",
                         "en": "unknown role {id} in design {design}; known: {known}"},
    "err.unknown_design_fields": {"zh": "设计没有字段 {fields}；可用：{allowed}",
                                  "en": "unknown design field(s) {fields}; allowed: {allowed}"},
    "err.unknown_role_fields": {"zh": "岗位没有字段 {fields}；可用：{allowed}",
                                "en": "unknown role field(s) {fields}; allowed: {allowed}"},
    "err.suggest": {"zh": "（是否应为 {close}？）", "en": " (did you mean {close}?)"},
    "err.duplicate_department": {"zh": "部门编号 {id} 重复；编号不得重复", "en": "duplicate department id {id}; ids must be unique"},
    "err.duplicate_role": {"zh": "岗位编号 {id} 重复；编号不得重复", "en": "duplicate role id {id}; ids must be unique"},
    "err.self_report": {"zh": "岗位 {id} 不能向自己汇报", "en": "role {id} cannot report to itself"},
    "err.unknown_manager": {"zh": "上级 {id} 不存在{hint}；可填：本设计的岗位编号（{ids}）或 null",
                            "en": "unknown manager {id}{hint}; allowed: a role id of this design ({ids}) or null"},
    "err.dotted_unknown": {"zh": "岗位不存在：{id}", "en": "unknown role: {id}"},
    "err.dotted_self": {"zh": "岗位不能虚线汇报给自己：{id}", "en": "a role cannot have a dotted line to itself: {id}"},
    "err.dotted_manager": {"zh": "已是直线上级：{id}", "en": "already the solid-line manager: {id}"},
    "err.unknown_department": {"zh": "部门 {id} 不存在{hint}；可填：{ids}", "en": "unknown department {id}{hint}; allowed: {ids}"},
    "err.vacancies": {"zh": "空缺数（{vacancies}）超过人数（{headcount}）",
                      "en": "vacancies ({vacancies}) exceed headcount ({headcount})"},
    "err.unknown_area": {"zh": "职责领域 {id} 不存在{hint}；可填：templates/duty_areas.yaml 中的编号",
                         "en": "unknown duty area {id}{hint}; allowed: an id of templates/duty_areas.yaml"},
    "err.kpi_over": {"zh": "KPI 权重合计 {total}%，超过 100%", "en": "KPI weights sum to {total}%, more than 100%"},
    "err.kpi_sum": {"zh": "KPI 权重合计 {total}%；每项职责都有权重时，合计须为 100",
                    "en": "KPI weights sum to {total}%; when every duty has a weight they must sum to 100"},
    "err.cycle": {"zh": "汇报关系形成循环：{ring}", "en": "reporting lines form a cycle: {ring}"},
    "err.roots": {"zh": "{n} 个岗位没有上级（{ids}）；一个设计只有一个最高岗位，有多个时请设 `forest: true`",
                  "en": "{n} roles have no manager ({ids}); a design has one top role, or set `forest: true` for several"},
    "err.no_root": {"zh": "没有最高岗位：每个岗位都向另一个岗位汇报", "en": "no top role: every role reports to another"},
    "err.see_schema": {"zh": "见设计文件的格式说明", "en": "see the schema"},
    "err.unknown_key": {"zh": "未知的键 {key}{hint}；可用：{allowed}", "en": "unknown key {key}{hint}; allowed: {allowed}"},
    "err.missing_key": {"zh": "缺少必填的键", "en": "required key is missing"},
    "err.pay_kind": {"zh": "薪酬项目类型 {kind} 不存在{hint}；可用：{allowed}",
                     "en": "unknown pay kind {kind}{hint}; allowed: {allowed}"},
    "err.pay_kind_missing": {"zh": "薪酬项目须写明类型（kind）；可用：{allowed}",
                             "en": "a pay component needs a 'kind'; allowed: {allowed}"},
    "err.literal": {"zh": "实际为 {got}；可填：{allowed}", "en": "got {got}; allowed: {allowed}"},
    "err.mapping": {"zh": "须为映射（键: 值），实际为 {got}", "en": "must be a mapping (key: value), got {got}"},
    "err.list": {"zh": "须为列表，实际为 {got}", "en": "must be a list, got {got}"},
    "err.pattern": {"zh": "此处不能填 {got}；可填：符合 {pattern} 的文字（小写字母、数字、下划线）",
                    "en": "{got} is not allowed here; allowed: text matching {pattern} (lower-case letters, digits, _)"},
    "err.ge": {"zh": "须不小于 {ge}，实际为 {got}", "en": "input should be greater than or equal to {ge}, got {got}"},
    "err.le": {"zh": "须不大于 {le}，实际为 {got}", "en": "input should be less than or equal to {le}, got {got}"},
    "err.gt": {"zh": "须大于 {gt}，实际为 {got}", "en": "input should be greater than {gt}, got {got}"},
    "err.lt": {"zh": "须小于 {lt}，实际为 {got}", "en": "input should be less than {lt}, got {got}"},
    "err.too_short_text": {"zh": "至少须有 {min_length} 个字，实际为 {got}",
                           "en": "string should have at least {min_length} character(s), got {got}"},
    "err.too_long_text": {"zh": "最多 {max_length} 个字，实际为 {got}",
                          "en": "string should have at most {max_length} characters, got {got}"},
    "err.too_few": {"zh": "至少须有 {min_length} 项，实际为 {got}", "en": "list should have at least {min_length} item(s), got {got}"},
    "err.too_many": {"zh": "最多 {max_length} 项，实际为 {got}", "en": "list should have at most {max_length} items, got {got}"},
    "err.string": {"zh": "须为文字，实际为 {got}", "en": "input should be a valid string, got {got}"},
    "err.bool": {"zh": "须为是或否（true 或 false），实际为 {got}", "en": "input should be a valid boolean, got {got}"},
    "err.int": {"zh": "须为整数，实际为 {got}", "en": "input should be a valid integer, got {got}"},
    "err.invalid": {"zh": "取值无效（{detail}），实际为 {got}", "en": "{detail}, got {got}"},

    # pay conditions and amounts as a person reads them (expr.*: operators and functions)
    "expr.and": {"zh": "且", "en": "and"},
    "expr.or": {"zh": "或", "en": "or"},
    "expr.not": {"zh": "非", "en": "not"},
    "expr.min": {"zh": "较小值", "en": "the smaller of"},
    "expr.max": {"zh": "较大值", "en": "the larger of"},
    "expr.round": {"zh": "四舍五入", "en": "rounded"},
    "expr.True": {"zh": "是", "en": "true"},
    "expr.False": {"zh": "否", "en": "false"},
    "expr.==": {"zh": "=", "en": "="},
    "expr.!=": {"zh": "≠", "en": "≠"},
    "expr.<=": {"zh": "≤", "en": "≤"},
    "expr.>=": {"zh": "≥", "en": "≥"},
    "sep.list": {"zh": "、", "en": ", "},

    "err.yaml_key": {"zh": "映射的键须为简单的值", "en": "a mapping key must be a plain value"},
    "err.yaml_duplicate": {"zh": "键 {key} 重复（第一次出现在第 {line} 行）", "en": "duplicate key {key} (first on line {line})"},
    "err.no_file": {"zh": "文件不存在", "en": "no such file"},
    "err.is_dir": {"zh": "这是文件夹，不是设计文件；请给出 .yaml 文件（`shoporg validate` 可检查文件夹）",
                   "en": "is a directory, not a design file; give a .yaml file (`shoporg validate` accepts folders)"},
    "err.gbk_hint": {"zh": "看来是 GBK/GB18030 编码（中文 Windows 编辑器常见）；请另存为 UTF-8",
                     "en": "it looks like GBK/GB18030 (common from Chinese Windows editors); save it as UTF-8"},
    "err.utf8_hint": {"zh": "请另存为 UTF-8 文本", "en": "save it as UTF-8 text"},
    "err.not_utf8": {"zh": "不是 UTF-8 文本（第 {byte} 字节）；{hint}", "en": "not UTF-8 text (byte {byte}); {hint}"},
    "err.yaml_tag": {"zh": "不允许使用标签 {tag}：设计文件只含普通数据（不能用 python/ 等自定义标签）；没有执行任何内容",
                     "en": "tag {tag} is not allowed: design files are plain data (no python/ or other custom tags); "
                           "nothing was executed"},
    "err.yaml_other": {"zh": "无法读取 YAML：{what}", "en": "{what}"},
    "err.not_yaml": {"zh": "不是有效的 YAML：{what}", "en": "not valid YAML: {what}"},
    "err.empty_design": {"zh": "文件是空的；设计至少需要 schema、id、name 和 roles",
                         "en": "the file is empty; a design needs at least schema, id, name and roles"},
    "err.top_mapping": {"zh": "设计文件的顶层须为映射（键: 值），实际为 {type}",
                        "en": "a design file must be a mapping (key: value) at the top, got a {type}"},

    "err.xlsx_missing": {"zh": "文件不存在；请给出由 export_excel 写出的 .xlsx 工作簿",
                         "en": "no such file; give an .xlsx workbook written by export_excel"},
    "err.not_xlsx": {"zh": "不是 Excel .xlsx 工作簿（请另存为 .xlsx，而不是 .xls 或 .csv）",
                     "en": "not an Excel .xlsx workbook (save it as .xlsx, not .xls or .csv)"},
    "err.xlsx_damaged": {"zh": "无法读取的 .xlsx 工作簿（{detail}）", "en": "not a readable .xlsx workbook ({detail})"},
    "err.xlsx_no_data": {"zh": "缺少隐藏工作表 {sheet}；read_excel 需要由 export_excel 写出的工作簿",
                         "en": "the hidden sheet {sheet} is missing; read_excel needs a workbook written by export_excel"},
    "err.xlsx_no_roles": {"zh": "没有岗位职责表工作表；应为 {zh} 或 {en}", "en": "no role table sheet; expected {zh} or {en}"},
    "err.xlsx_column": {"zh": "缺少列 {column}；表头须有：{columns}", "en": "missing column {column}; the header row must have: {columns}"},
    "err.xlsx_merged": {"zh": "岗位职责表中不能有合并单元格；请取消合并并逐格填写",
                        "en": "merged cells are not allowed in the role table; unmerge them and fill in each cell"},
    "err.xlsx_headcount": {"zh": "实际为 {got}；可填：0 至 100000 的人数（全职当量），最多 2 位小数，如 3 或 0.5",
                           "en": "got {got}; allowed: a number of people (FTE) from 0 to 100000 with at most 2 decimals, "
                                 "e.g. 3 or 0.5"},
    "err.xlsx_name": {"zh": "不能为空；请填写岗位名称", "en": "empty; allowed: the role's name"},
    "err.none_defined": {"zh": "（未定义部门）", "en": "(none defined)"},
    "err.xlsx_manager": {"zh": "上级 {name} 不存在；可填：本表中的岗位名称或编号（{ids}），或留空",
                         "en": "unknown manager {name}; allowed: a role name or id in this table ({ids}) or empty"},
    "err.xlsx_new_id": {"zh": "实际为 {got}；可填：以小写字母开头、只含小写字母、数字和 _ 的新编号（如 live_host），或留空自动编号",
                        "en": "got {got}; allowed: a new id in lower-case letters, digits and _ starting with a letter "
                              "(e.g. live_host), or empty for an automatic one"},
    "err.xlsx_id_twice": {"zh": "编号 {id} 用了两次；编号不得重复", "en": "id {id} is used twice; allowed: a unique id"},

    "err.not_a_file": {"zh": "不是文件", "en": "is not a file"},
    "err.csv_utf16": {"zh": "这是 UTF-16 文本（Excel 的“Unicode 文本”）；请改存为“CSV UTF-8”",
                      "en": "UTF-16 text (Excel's 'Unicode text'); save it as 'CSV UTF-8' instead"},
    "err.csv_encoding": {"zh": "不是 UTF-8 或 GBK/GB18030 文本；请把 CSV 存为 UTF-8",
                         "en": "not UTF-8 or GBK/GB18030 text; save the CSV as UTF-8"},
    "err.csv_binary": {"zh": "不是文本 CSV（是 UTF-16 还是二进制文件？）；请存为“CSV UTF-8”",
                       "en": "not a text CSV (UTF-16 or binary?); save it as 'CSV UTF-8'"},
    "err.csv_invalid": {"zh": "不是有效的 CSV：{detail}", "en": "not a valid CSV: {detail}"},
    "err.csv_columns": {"zh": "缺少列 {missing}；应有：{expected}", "en": "missing column(s) {missing}; expected: {expected}"},
    "err.csv_headcount": {"zh": "须为人数，实际为 {got}", "en": "must be a number of people, got {got}"},
    "err.csv_manager": {"zh": "上级 {name} 不存在；可填：本表中的岗位名称或编号",
                        "en": "unknown manager {name}; allowed: a role name or id of the table"},

    # column headers of tables meant for reading (col.*)
    "col.id": {"zh": "编号", "en": "id"},
    "col.name": {"zh": "岗位", "en": "role"},
    "col.department": {"zh": "部门", "en": "department"},
    "col.reports_to": {"zh": "上级", "en": "reports to"},
    "col.headcount": {"zh": "人数", "en": "headcount"},
    "col.pay": {"zh": "工资构成", "en": "pay"},
    "col.pay_structure": {"zh": "工资构成", "en": "pay structure"},
    "col.pay_method": {"zh": "计算方式", "en": "pay method"},
    "col.duties": {"zh": "岗位职责", "en": "duties"},
    "col.requirements": {"zh": "任职要求", "en": "requirements"},

    # @@i18n-insert

    # ---- end of presentation ---------------------------------------------------------
}
