"""Excel export and import: sheets, payroll totals, round trips, edits and located errors."""

import pytest
from openpyxl import load_workbook

import shoporg
from shoporg.errors import DesignValidationError, FileExistsRefusedError
from shoporg.io.excel import DATA_SHEET, MONEY_FORMAT, ROLE_COLUMNS, SHEETS, export_excel, read_excel


@pytest.fixture(scope="module")
def scenario():
    return shoporg.read_scenario(shoporg.templates_dir() / "scenarios" / "d14-double11.yaml")


@pytest.fixture
def book(d14, tmp_path):
    """A zh workbook of seed-14 and a helper to edit its role table and save it."""
    path = export_excel(d14, tmp_path / "d14.xlsx")

    def edit(change):
        wb = load_workbook(path)
        change(wb[SHEETS["roles"]["zh"]])
        wb.save(path)
        return path
    return path, edit


def col(ws, key, lang="zh"):
    """The role table's column of ``key`` (found by its header, as read-back finds it)."""
    return next(c.column for c in ws[1] if str(c.value).casefold() == ROLE_COLUMNS[key][lang].casefold())


def row_of(ws, role_id):
    ids = next(c.column for c in ws[1] if str(c.value).casefold() in {v.casefold() for v in ROLE_COLUMNS["id"].values()})
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, ids).value == role_id)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sheet_names_in_both_languages(d14, scenario, tmp_path, lang):
    other = d14.with_headcount("picker", 3).replace(name={"zh": "方案B", "en": "Option B"})
    wb = load_workbook(export_excel([d14, other], tmp_path / "x.xlsx", scenario=scenario, lang=lang))
    name = other.name.get(lang)
    assert wb.sheetnames == [SHEETS[k][lang] for k in ("cover", "roles", "payroll", "staffing", "headcount", "coverage",
                                                           "kpi", "chart", "compare", "diff")] + [
        f"{SHEETS[k][lang]}-{name}" for k in ("roles", "payroll", "staffing", "chart")] + [DATA_SHEET]
    assert wb[DATA_SHEET].sheet_state == "hidden"


def test_every_option_has_its_own_role_table_and_payroll(d14, scenario, tmp_path):
    from shoporg import payroll

    b = d14.with_headcount("picker", 3).replace(name={"zh": "方案B", "en": "Option B"})
    c = d14.with_headcount("shipper", 4).replace(name={"zh": "方案C", "en": "Option C"})
    wb = load_workbook(export_excel([d14, b, c], tmp_path / "x.xlsx", scenario=scenario))
    ws = wb["岗位职责表-方案B"]
    assert ws.cell(row_of(ws, "picker"), col(ws, "headcount")).value == 3
    ws = wb["岗位职责表-方案C"]
    assert ws.cell(row_of(ws, "shipper"), col(ws, "headcount")).value == 4
    for title, design in (("薪酬测算", d14), ("薪酬测算-方案B", b), ("薪酬测算-方案C", c)):
        ws = wb[title]
        accrued = next(r for r in ws.iter_rows(values_only=True) if r[0] == "合计" and r[1] == "应计")
        assert round(accrued[-1] * 100) == int(payroll(design, scenario).lines["accrued_fen"].sum())
    assert len(wb["组织架构图-方案C"]._images) >= 1
    assert not any("(2)" in title for title in wb.sheetnames)
    assert read_excel(tmp_path / "x.xlsx") == d14  # the baseline reads back


def test_without_scenario_there_is_no_payroll_sheet(d14, tmp_path):
    wb = load_workbook(export_excel(d14, tmp_path / "x.xlsx", lang="en"))
    assert wb.sheetnames == ["Cover", "Roles", "Headcount", "Coverage", "KPI", "Org chart", DATA_SHEET]


def test_role_table_layout(d14, tmp_path):
    from shoporg.tables import pay_summary

    wb = load_workbook(export_excel(d14, tmp_path / "x.xlsx"))
    ws = wb["岗位职责表"]
    assert [c.value for c in ws[1]] == ["岗位", "部门", "上级", "人数", "薪酬规则", "岗位职责", "任职要求", "编号"]
    assert ws.max_row == len(d14.roles) + 1
    for sheet in wb.worksheets[:-1]:
        assert int(sheet.page_setup.paperSize) == 9  # A4
        if sheet.title in (SHEETS["chart"]["zh"], SHEETS["cover"]["zh"]):
            continue
        assert sheet.freeze_panes is not None and sheet.freeze_panes.endswith("2")
        assert sheet.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    row = row_of(ws, "picker")
    duties = ws.cell(row, col(ws, "duties")).value
    assert duties.startswith("1. ") and "\n2. " in duties and ws.cell(row, col(ws, "duties")).alignment.wrap_text
    assert ws.cell(row, col(ws, "pay_rules")).value.replace("\n", " + ") == pay_summary(d14.role("picker"))
    assert isinstance(ws.cell(row, col(ws, "headcount")).value, int)
    ids = ws.column_dimensions["H"]
    assert ws.cell(row, 8).value == "picker" and ws.cell(row, 8).font.color.rgb.endswith("808080")
    assert ids.width < ws.column_dimensions["F"].width  # the id column: last, narrow, grey
    assert ws.cell(row, col(ws, "requirements")).value == "（原方案未列任职要求）"  # d14 lists none


def test_the_role_table_shows_the_pay_its_rules_give_after_an_edit(d14, tmp_path):
    from shoporg.tables import pay_summary

    base = d14.role("picker").pay[0]
    raised = d14.with_role_changes("picker", pay=(base.model_copy(update={"monthly": base.monthly + 500}),)
                                   + d14.role("picker").pay[1:])
    ws = load_workbook(export_excel(raised, tmp_path / "x.xlsx"))["岗位职责表"]
    shown = ws.cell(row_of(ws, "picker"), col(ws, "pay_rules")).value.replace("\n", " + ")  # a component a line
    assert shown == pay_summary(raised.role("picker")) and shown != pay_summary(d14.role("picker"))
    assert "2000元/月" in shown  # 1500 + 500: the rules, not the source's text
    assert all(c.value not in ("工资构成", "计算方式") for c in ws[1])


def test_payroll_total_is_a_number_to_the_fen(d14, scenario, tmp_path):
    pr = shoporg.payroll(d14, scenario)
    ws = load_workbook(export_excel(d14, tmp_path / "x.xlsx", scenario=scenario))["薪酬测算"]
    totals = {r[1].value: r[-1] for r in ws.iter_rows() if r[0].value == "合计"}
    for view, word in (("accrued", "应计"), ("paid", "实付")):
        cell = totals[word]
        assert isinstance(cell.value, (int, float))
        assert round(cell.value * 100) == int(pr.lines[f"{view}_fen"].sum())
        assert cell.number_format == MONEY_FORMAT
    assert ws.cell(2, 3).number_format == MONEY_FORMAT and isinstance(ws.cell(2, 3).value, (int, float))
    assert "picker" not in [c.value for row in ws.iter_rows() for c in row]  # names, not ids


@pytest.mark.parametrize("template", list(shoporg.list_templates()["id"]))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_round_trip_is_lossless(template, lang, tmp_path):
    d = shoporg.load_template(template)
    assert read_excel(export_excel(d, tmp_path / "t.xlsx", lang=lang)) == d


def test_edit_headcount_duty_and_add_a_row(d14, book):
    path, edit = book

    def change(ws):
        r = row_of(ws, "sales_cs")
        ws.cell(r, col(ws, "headcount")).value = 6
        ws.cell(r, col(ws, "duties")).value = ws.cell(r, col(ws, "duties")).value + "\n9. 负责直播间答疑。"
        ws.append(["主播", "促销策划与视觉", "促销策划经理", 2, None, "1. 直播带货\n2. 复盘数据", None, "live_host"])
    d = read_excel(edit(change))
    assert d.role("sales_cs").headcount == 6
    assert d.role("sales_cs").duties[-1].zh == "负责直播间答疑。"
    assert d.role("sales_cs").duties[:-1] == d14.role("sales_cs").duties
    host = d.role("live_host")
    assert (host.name.zh, host.department, host.reports_to, host.headcount) == ("主播", "marketing", "promo_manager", 2)
    assert [x.zh for x in host.duties] == ["直播带货", "复盘数据"]
    assert d.headcount == d14.headcount + 3
    assert d.role("director") == d14.role("director")


def test_edit_name_and_manager(d14, book):
    path, edit = book

    def change(ws):
        r = row_of(ws, "copywriter")
        ws.cell(r, col(ws, "name")).value, ws.cell(r, col(ws, "reports_to")).value = "文案策划", "电商总监"
    d = read_excel(edit(change))
    assert d.role("copywriter").name.zh == "文案策划" and d.role("copywriter").reports_to == "director"
    assert d.role("copywriter").name.en == d14.role("copywriter").name.en


def test_edit_requirements_over_the_grey_note(d14, book):
    path, edit = book

    def change(ws):
        r = row_of(ws, "picker")
        ws.cell(r, col(ws, "requirements")).value = "1. 会用千牛工作台\n2. 能适应大促加班"
    d = read_excel(edit(change))
    assert [(q.kind, q.zh) for q in d.role("picker").requirements] == [("other", "会用千牛工作台"),
                                                                        ("other", "能适应大促加班")]
    assert d.role("shipper") == d14.role("shipper")  # its grey note reads as no requirement


def test_a_workbook_of_the_earlier_layout_reads_its_pay_texts(d14, book):
    """Columns are found by header: a role table with 编号 second and the source's pay texts
    (工资构成, 计算方式), as earlier workbooks have it, reads back and its pay texts edit."""
    path, edit = book

    def change(ws):
        ids = [ws.cell(r, 8).value for r in range(1, ws.max_row + 1)]
        ws.delete_cols(8)
        ws.insert_cols(2)
        for r, v in enumerate(ids, 1):
            ws.cell(r, 2).value = v
        ws.insert_cols(6, 2)
        ws.cell(1, 6).value, ws.cell(1, 7).value = "工资构成", "计算方式"
        for r in range(2, ws.max_row + 1):
            role = d14.role(ws.cell(r, 2).value)
            ws.cell(r, 6).value = role.pay_structure.zh if role.pay_structure else None
            ws.cell(r, 7).value = role.pay_method.zh if role.pay_method else None
        r = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "picker")
        ws.cell(r, 6).value, ws.cell(r, 7).value = "底薪+计件", "1600元/月 + 每单2.5元。"
    d = read_excel(edit(change))
    assert d.role("picker").pay_structure.zh == "底薪+计件"
    assert d.role("picker").pay_structure.en == d14.role("picker").pay_structure.en  # the other language stays
    assert d.role("picker").pay_method.zh == "1600元/月 + 每单2.5元。"
    assert d.role("picker").pay == d14.role("picker").pay  # the pay rules are not parsed from text
    assert d.replace(roles=[r if r.id != "picker" else d14.role("picker") for r in d.roles]) == d14


def test_edited_requirements_keep_their_kind(tmp_path, designs):
    d = next(t for t in designs.values() if any(r.requirements for r in t.roles))
    role = next(r for r in d.roles if r.requirements)
    path = export_excel(d, tmp_path / "r.xlsx")
    wb = load_workbook(path)
    ws = wb[SHEETS["roles"]["zh"]]
    r = row_of(ws, role.id)
    ws.cell(r, col(ws, "requirements")).value = (ws.cell(r, col(ws, "requirements")).value
                                                 + f"\n{len(role.requirements) + 1}. 会用千牛工作台")
    wb.save(path)
    reqs = read_excel(path).role(role.id).requirements
    assert reqs[:-1] == role.requirements and (reqs[-1].kind, reqs[-1].zh) == ("other", "会用千牛工作台")


def test_a_deleted_row_moves_its_reports_up(d14, book):
    path, edit = book
    d = read_excel(edit(lambda ws: ws.delete_rows(row_of(ws, "storekeeper"))))
    assert "storekeeper" not in d.role_ids
    assert d.role("picker").reports_to == "director" and d.role("shipper").reports_to == "director"
    assert d.headcount == d14.headcount - 1


def problems(path):
    with pytest.raises(DesignValidationError) as e:
        read_excel(path)
    return e.value.problems


def test_text_headcount_is_located(book):
    path, edit = book
    row = {}

    def change(ws):
        row["r"] = row_of(ws, "picker")
        ws.cell(row["r"], col(ws, "headcount")).value = "两个"
    (p,) = problems(edit(change))
    assert p.location == f"岗位职责表!D{row['r']} (人数)"
    assert "两个" in p.message and "allowed" in p.message and p.file == str(path)


def test_unknown_manager_is_located(book):
    path, edit = book
    row = {}

    def change(ws):
        row["r"] = row_of(ws, "picker")
        ws.cell(row["r"], col(ws, "reports_to")).value = "老板娘"
    (p,) = problems(edit(change))
    assert p.location == f"岗位职责表!C{row['r']} (上级)" and "老板娘" in p.message and "allowed" in p.message


def test_merged_cells_are_refused(book):
    path, edit = book
    (p,) = problems(edit(lambda ws: ws.merge_cells("C2:C3")))
    assert p.location == "岗位职责表!C2:C3" and "merged" in p.message


def test_missing_column_is_named(book):
    path, edit = book
    (p,) = problems(edit(lambda ws: ws.delete_cols(4)))
    assert p.location.startswith("岗位职责表!") and "(人数)" in p.location and "missing column" in p.message


def test_not_an_xlsx_file(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_text("岗位,人数\n店长,1\n", encoding="utf-8")
    (p,) = problems(path)
    assert "not an Excel .xlsx" in p.message and p.file == str(path)


def test_a_cycle_is_located_at_the_row(book):
    path, edit = book

    def change(ws):
        ws.cell(row_of(ws, "director"), col(ws, "reports_to")).value = "捡单员"
    located = [p.location for p in problems(edit(change))]
    assert any(loc.startswith("岗位职责表!") for loc in located)


def test_refuses_to_overwrite_and_leaves_no_temp_files(d14, tmp_path):
    path = export_excel(d14, tmp_path / "d.xlsx")
    before = path.read_bytes()
    with pytest.raises(FileExistsRefusedError):
        export_excel(d14.with_headcount("picker", 3), path)
    assert path.read_bytes() == before
    export_excel(d14.with_headcount("picker", 3), path, overwrite=True)
    assert read_excel(path).role("picker").headcount == 3
    assert [p.name for p in tmp_path.iterdir()] == ["d.xlsx"]


def test_long_designs_are_chunked_in_the_hidden_sheet(d14, tmp_path):
    from shoporg.model import Duty
    long = d14.with_role_changes("picker", duties=tuple(
        Duty(area="warehouse.stock", zh=f"第{i}项职责：" + "整理库房货架" * 20) for i in range(300)))
    path = export_excel(long, tmp_path / "long.xlsx")
    cells = [c.value for c in load_workbook(path)[DATA_SHEET]["A"]]
    assert len(cells) > 1 and all(len(c) <= 30_000 for c in cells)
    assert read_excel(path) == long


def test_english_table_edits_and_a_row_without_id(d14, tmp_path):
    path = export_excel(d14, tmp_path / "en.xlsx", lang="en")
    wb = load_workbook(path)
    ws = wb["Roles"]
    ws.cell(row_of(ws, "picker"), col(ws, "headcount", "en")).value = 2.5
    ws.append(["Live host", "Promotion and creative", "promo_manager", 1, None, "1. Hosts live streams", None, None])
    wb.save(path)
    d = read_excel(path)
    assert d.role("picker").headcount == shoporg.model.Decimal("2.5")
    new = d.roles[-1]
    assert new.id == f"role_{ws.max_row}" and new.name.zh == "Live host" and new.reports_to == "promo_manager"
    assert new.duties[0].area == "other.general"


def test_kpi_sheet_keeps_design_6_weights_and_scores_by_formula(tmp_path, d06):
    wb = load_workbook(export_excel(d06, tmp_path / "kpi.xlsx"))
    ws = wb[SHEETS["kpi"]["zh"]]
    weights = [ws.cell(r, 4).value for r in range(2, ws.max_row + 1) if ws.cell(r, 3).value]
    assert sorted(w for w in weights if w is not None) == [4, 5, 10, 20]
    assert ws.cell(2, 6).value == '=IF(E2="","",D2*E2/100)'
    assert "迟到早退减2分/次" in ws.cell(ws.max_row, 1).value


def test_long_option_names_keep_what_tells_the_options_apart(d14, tmp_path):
    """Excel allows 31 characters a sheet name: a long name keeps its bracketed label."""
    from shoporg.widgets.exporter import named_options

    options = named_options({"Original": d14, "Option B": d14.with_headcount("picker", 3),
                             "Option C": d14.with_headcount("picker", 4)})
    names = load_workbook(export_excel(options, tmp_path / "x.xlsx", lang="en")).sheetnames
    roles = [n for n in names if n.startswith("Roles-")]
    assert roles == ["Roles-Basic online-s…(Option B)", "Roles-Basic online-s…(Option C)"]
    assert all(len(n) <= 31 for n in names)
