"""Designer: edit a staff organization design with widgets, with undo, live payroll and chart.

Every change goes through an immutable edit of :class:`~shoporg.model.OrgDesign`; an
edit the model rejects leaves the design as it was and shows why in ``message``.

>>> import matplotlib; matplotlib.use("Agg")
>>> from shoporg.widgets import Designer
>>> app = Designer(show_chart=False)
>>> app.set_headcount("picker", 3)
>>> float(app.design.role("picker").headcount), len(app.history)
(3.0, 1)
>>> app.undo_button.click()
>>> float(app.design.role("picker").headcount)
2.0
"""

from __future__ import annotations

import html
from decimal import Decimal

import ipywidgets as w

from ..errors import ShopOrgError
from ._common import check_lang, error_text, message_html

__all__ = ["Designer"]

_LABELS = {
    "template": ("模板", "Template"),
    "role": ("岗位", "Role"),
    "headcount": ("人数", "Headcount"),
    "manager": ("上级", "Reports to"),
    "none": ("（无）", "(none)"),
    "new_id": ("新岗位编号", "New role id"),
    "new_name": ("新岗位名称", "New role name"),
    "add": ("添加下属岗位", "Add role below"),
    "remove": ("删除岗位", "Remove role"),
    "undo": ("撤销", "Undo"),
    "save": ("保存", "Save"),
    "save_path": ("保存到", "Save to"),
    "overwrite": ("覆盖已有文件", "Overwrite existing file"),
    "roles": ("岗位数", "Roles"),
    "people": ("人数", "People"),
    "first_month": ("首月人工成本（应计）", "First month payroll (accrued)"),
    "year": ("全年人工成本（应计）", "Year payroll (accrued)"),
    "no_scenario": ("未选择情景，不计算人工成本", "No scenario: payroll not computed"),
    "payroll_error": ("无法计算人工成本：", "Payroll cannot be computed: "),
    "saved": ("已保存：", "Saved: "),
    "nothing_to_undo": ("没有可撤销的修改", "Nothing to undo"),
    "need_id": ("请填写新岗位编号", "Give the new role an id"),
}


class Designer:
    """Widget app that edits one design: headcount, manager, add/remove roles, undo, save.

    Parameters
    ----------
    design : OrgDesign, optional
        The design to start from; without one, ``template`` is loaded.
    template : str
        Template id loaded when no ``design`` is given.
    scenario : Scenario, optional
        With a scenario, ``summary`` shows the payroll and ``monthly_payroll`` is set.
    lang : {"zh", "en"}
        Language of labels, summary and chart.
    show_chart : bool
        Redraw the org chart in ``chart`` after each change (turn off to save time).

    Attributes
    ----------
    design : OrgDesign
        The current design.
    history : list of OrgDesign
        Earlier designs; ``undo_button`` pops the last one.
    message : ipywidgets.HTML
        The last error (or confirmation) text.
    summary : ipywidgets.HTML
        Roles, people and, with a scenario, the payroll.
    chart : ipywidgets.Output
        The org chart drawn with :func:`shoporg.plot_org`.
    """

    def __init__(self, design=None, template: str = "seed-14-basic-22", scenario=None, lang: str = "zh",
                 show_chart: bool = True):
        import shoporg

        self.lang = check_lang(lang)
        self.scenario = scenario
        self.show_chart = show_chart
        self.design = design if design is not None else shoporg.load_template(template)
        self.history: list = []
        self._syncing = False
        self._payroll_cache: tuple | None = None

        L = self._t
        ids = list(shoporg.list_templates()["id"])
        self.template = w.Dropdown(options=ids, value=self.design.id if self.design.id in ids else None,
                                   description=L("template"))
        self.role = w.Dropdown(description=L("role"))
        self.headcount = w.FloatText(step=0.5, description=L("headcount"))
        self.manager = w.Dropdown(description=L("manager"))
        self.new_role_id = w.Text(description=L("new_id"))
        self.new_role_name = w.Text(description=L("new_name"))
        self.add_button = w.Button(description=L("add"), icon="plus")
        self.remove_button = w.Button(description=L("remove"), icon="trash")
        self.undo_button = w.Button(description=L("undo"), icon="undo")
        self.save_path = w.Text(value=f"{self.design.id}.yaml", description=L("save_path"))
        self.overwrite = w.Checkbox(value=False, description=L("overwrite"))
        self.save_button = w.Button(description=L("save"), icon="save")
        self.message = w.HTML()
        self.summary = w.HTML()
        self.chart = w.Output()

        self.template.observe(self._on_template, names="value")
        self.role.observe(self._on_role, names="value")
        self.headcount.observe(self._on_headcount, names="value")
        self.manager.observe(self._on_manager, names="value")
        self.add_button.on_click(lambda _b: self.add_role())
        self.remove_button.on_click(lambda _b: self.remove_role())
        self.undo_button.on_click(lambda _b: self.undo())
        self.save_button.on_click(lambda _b: self.save())
        self._refresh()

    def _t(self, key: str) -> str:
        return _LABELS[key][0 if self.lang == "zh" else 1]

    # -- the app ------------------------------------------------------------------
    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        editor = w.VBox([self.template, self.role, w.HBox([self.headcount, self.message]), self.manager,
                         w.HBox([self.new_role_id, self.new_role_name]),
                         w.HBox([self.add_button, self.remove_button, self.undo_button]),
                         w.HBox([self.save_path, self.overwrite, self.save_button])])
        return w.VBox([w.HBox([editor, self.summary]), self.chart])

    @property
    def monthly_payroll(self) -> float | None:
        """First month's accrued payroll of the current design (None without scenario or on error)."""
        result = self._payroll()
        return None if result is None or isinstance(result, str) else float(result.by_month()["accrued"].iloc[0])

    # -- editing --------------------------------------------------------------------
    def apply(self, edit) -> bool:
        """Apply ``edit(design) -> design``; keep the old design and show the error if it fails.

        Returns True if the design changed.
        """
        try:
            new = edit(self.design)
        except (ShopOrgError, TypeError) as e:
            self._show(error_text(e))
            self._sync_fields()
            return False
        if new == self.design:
            self._show("")
            return False
        self.history.append(self.design)
        self.design = new
        self._show("")
        self._refresh()
        return True

    def set_headcount(self, role_id: str, value: float) -> None:
        """Select ``role_id`` and set its headcount to ``value`` through the widgets."""
        self.role.value = role_id
        self.headcount.value = float(value)

    def add_role(self) -> bool:
        """Add a role with ``new_role_id`` / ``new_role_name`` reporting to the selected role."""
        from ..model import Role

        rid = self.new_role_id.value.strip()
        if not rid:
            self._show(self._t("need_id"))
            return False
        name = self.new_role_name.value.strip() or rid
        manager = self.role.value

        def edit(d):
            if rid in d.role_ids:
                raise ShopOrgError(f"role {rid!r} already exists")
            return d.with_role(Role(id=rid, name={"zh": name, "en": name}, reports_to=manager, headcount=1))

        done = self.apply(edit)
        if done:
            self.role.value = rid
        return done

    def remove_role(self) -> bool:
        """Remove the selected role (its reports move up to its manager)."""
        rid = self.role.value
        return self.apply(lambda d: d.without_role(rid))

    def undo(self) -> bool:
        """Go back to the previous design."""
        if not self.history:
            self._show(self._t("nothing_to_undo"), "info")
            return False
        self.design = self.history.pop()
        self._show("")
        self._refresh()
        return True

    def save(self):
        """Write the design as YAML to ``save_path`` (refused if it exists unless ``overwrite``).

        Returns the path written, or None if refused or failed.
        """
        import shoporg

        try:
            path = shoporg.write_design(self.design, self.save_path.value, overwrite=self.overwrite.value)
        except (ShopOrgError, OSError) as e:
            self._show(error_text(e))
            return None
        self._show(self._t("saved") + str(path), "ok")
        return path

    # -- events ---------------------------------------------------------------------
    def _on_template(self, change) -> None:
        if self._syncing or change["new"] is None:
            return
        import shoporg
        self.apply(lambda _d: shoporg.load_template(change["new"]))

    def _on_role(self, change) -> None:
        if not self._syncing:
            self._sync_fields()

    def _on_headcount(self, change) -> None:
        if self._syncing or self.role.value is None:
            return
        rid, value = self.role.value, float(change["new"])
        value = int(value) if value.is_integer() else Decimal(str(value))
        self.apply(lambda d: d.with_headcount(rid, value))

    def _on_manager(self, change) -> None:
        if self._syncing or self.role.value is None:
            return
        rid = self.role.value
        self.apply(lambda d: d.move_role(rid, change["new"]))

    # -- display ----------------------------------------------------------------------
    def _show(self, text: str, kind: str = "error") -> None:
        self.message.value = message_html(text, kind)

    def _sync_fields(self) -> None:
        """Make the fields show the current design (without triggering edits)."""
        d = self.design
        self._syncing = True
        try:
            ids = list(d.role_ids)
            if list(self.role.options) != ids:
                keep = self.role.value if self.role.value in ids else ids[0]
                self.role.options = ids
                self.role.value = keep
            if d.id in self.template.options:
                self.template.value = d.id
            role = d.role(self.role.value)
            self.headcount.value = float(role.headcount)
            self.manager.options = [(self._t("none"), None)] + [(r, r) for r in ids if r != role.id]
            self.manager.value = role.reports_to
        finally:
            self._syncing = False

    def _payroll(self):
        """The current design's Payroll, an error text, or None without scenario (cached)."""
        if self.scenario is None:
            return None
        if self._payroll_cache is None or self._payroll_cache[0] is not self.design:
            import shoporg
            try:
                result = shoporg.payroll(self.design, self.scenario)
            except ShopOrgError as e:
                result = error_text(e)
            self._payroll_cache = (self.design, result)
        return self._payroll_cache[1]

    def _refresh(self) -> None:
        self._sync_fields()
        d = self.design
        rows = [(self._t("roles"), str(len(d.roles))), (self._t("people"), f"{float(d.headcount):g}")]
        result = self._payroll()
        extra = ""
        if self.scenario is None:
            extra = message_html(self._t("no_scenario"), "info")
        elif isinstance(result, str):
            extra = message_html(self._t("payroll_error") + result)
        else:
            rows.append((self._t("first_month"), f"¥{result.by_month()['accrued'].iloc[0]:,.2f}"))
            rows.append((self._t("year"), f"¥{result.total('accrued'):,.2f}"))
        body = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
                       for k, v in rows)
        self.summary.value = f"<b>{html.escape(d.name.get(self.lang))}</b><table>{body}</table>{extra}"
        if self.show_chart:
            self._draw()

    def _draw(self) -> None:
        """Redraw the org chart as a PNG into ``chart`` (works with or without a kernel)."""
        import base64
        import io

        import matplotlib.pyplot as plt

        import shoporg

        ax = shoporg.plot_org(self.design, lang=self.lang)
        buf = io.BytesIO()
        try:
            ax.figure.savefig(buf, format="png", dpi=100, bbox_inches="tight")
        finally:
            plt.close(ax.figure)
        data = {"image/png": base64.b64encode(buf.getvalue()).decode("ascii"),
                "text/plain": f"<org chart of {self.design.id}>"}
        self.chart.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)
