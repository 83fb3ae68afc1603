"""The client's design in the designer: rename the design, add a department and rename
one; each is one undoable step and a bad name is refused beside its field."""

import re

import shoporg
from shoporg.widgets import Designer


def _said(app) -> str:
    return re.sub(r"<[^>]+>", "", "".join(m.value for m in app.messages.values()))


def test_rename_the_design_in_the_ui_language():
    app = Designer(show_chart=False, lang="en")
    app.design_name.value = "Flagship store · option A"
    assert app.design.name.en == "Flagship store · option A"
    assert app.design.name.zh == shoporg.load_template("seed-14-basic-22").name.zh  # the other language kept
    app.design_name.value = "  "
    assert "name" in _said(app) and app.design.name.en == "Flagship store · option A"


def test_add_and_rename_a_department():
    app = Designer(show_chart=False)
    app.role.value = "sales_cs"
    assert app.add_department("直播运营部")
    dep = app.design.role("sales_cs").department
    assert [d.name.zh for d in app.design.departments if d.id == dep] == ["直播运营部"]
    app.department_name.value = "直播运营中心"
    assert [d.name.zh for d in app.design.departments if d.id == dep] == ["直播运营中心"]
    assert not app.add_department("直播运营中心") and "已有部门“直播运营中心”" in _said(app)
    assert not app.add_department("  ") and "请填写新部门的名称" in _said(app)
    app.undo()  # the rename
    app.undo()  # the new department
    assert app.design == shoporg.load_template("seed-14-basic-22")
