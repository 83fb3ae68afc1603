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

import base64
import html
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import ipywidgets as w
from ipywidgets.widgets.widget_description import DescriptionWidget

import shoporg

from .. import fmt
from ..analysis import diff, diff_view, merge_roles
from ..errors import ShopOrgError
from ..hierarchy import layers, span_of_control, to_graph
from ..i18n import Phrase, driver_name, pick, t, words
from ..live_chart import LiveOrgChart
from ..model import Department, Duty, Role
from ..pay.kinds import PAY_KINDS
from ..scenario import filled_note
from ..textable import width as text_width
from ._common import Shown, check_lang, error_text, message_html

__all__ = ["Designer", "PAY_FIELDS", "COMMON_DRIVERS"]

#: The number a pay component's editor field changes, by component kind (each kind's ``field``).
PAY_FIELDS = {name: kind.field for name, kind in PAY_KINDS.items()}

#: Drivers offered for a new piece rate or revenue bonus (a scenario adds its own).
COMMON_DRIVERS = ("orders", "orders_picked", "orders_shipped", "revenue", "consultations", "complaints",
                  "negative_reviews", "reviews_reversed", "review_followups")


_FIELDS = ("design_name", "name", "department", "headcount", "manager", "pay", "duties", "actions")


def _pay_field(component) -> str:
    return PAY_KINDS[component.kind].edit_field(component)


def labelled_options(pairs) -> list[tuple[str, str]]:
    """Dropdown options labelled by name alone; a name that repeats gets a number.

    >>> labelled_options([("客服", "a"), ("美工", "b"), ("客服", "c")])
    [('客服', 'a'), ('美工', 'b'), ('客服（2）', 'c')]
    """
    seen: dict[str, int] = {}
    out = []
    for label, value in pairs:
        seen[label] = seen.get(label, 0) + 1
        out.append((label if seen[label] == 1 else f"{label}（{seen[label]}）", value))
    return out


def _kind_menu(kind: str, lang: str) -> str:
    return pick(PAY_KINDS[kind].label, lang)


def _row(children) -> w.HBox:
    """A row of the editor that wraps onto a second line on a narrow page."""
    return w.HBox(children, layout=w.Layout(flex_flow="row wrap", align_items="center"))


def _checked_department(dep) -> Department:
    """A department edited by ``model_copy`` checked again (a blank name is refused)."""
    return Department.model_validate(dep.model_dump())


def _show_number(value) -> str:
    """A pay number as typed: ``4000``, ``0.002``, ``4000-6000`` for a range, empty when blank."""
    if value is None:
        return ""
    if isinstance(value, (tuple, list)):
        return "-".join(_show_number(v) for v in value)
    return format(Decimal(value).normalize(), "f")


def _read_number(text: str):
    """``"4000"`` → Decimal, ``"4000-6000"`` → (low, high), ``""`` → None; ValueError otherwise."""
    text = text.strip().replace("，", ",").replace(",", "")
    if not text:
        return None
    parts = re.split(r"\s*[-~～–—至]\s*", text) if not text.startswith("-") else [text]
    try:
        values = [Decimal(p) for p in parts]
    except InvalidOperation:
        raise ValueError(text) from None
    if len(values) == 1:
        return values[0]
    if len(values) == 2:
        return tuple(values)
    raise ValueError(text)


class Designer(Shown):
    """Widget app that edits one design: every field of a role, add/remove/merge roles,
    undo, live payroll and org chart, save.

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
    messages : dict of str to ipywidgets.HTML
        One message beside each editor field (``name``, ``department``, ``headcount``,
        ``manager``, ``pay``, ``duties``) and one for the buttons (``actions``).
    message : ipywidgets.HTML
        The message shown last (an error next to the field at fault, or a confirmation).
    summary : ipywidgets.HTML
        Roles, people, layers, widest span, duty areas and, with a scenario, the payroll.
    chart : ipywidgets.Output
        The org chart drawn with :func:`shoporg.plot_org`.
    """

    def __init__(self, design=None, template: str = "seed-14-basic-22", scenario=None, lang: str = "zh",
                 show_chart: bool = True):
        self.lang = check_lang(lang)
        self.scenario = scenario
        self.show_chart = show_chart
        self.design = design if design is not None else shoporg.load_template(template)
        self.history: list = []
        self._syncing = False
        self._payroll_cache: tuple | None = None
        self._listeners: list = []
        self._live = None
        self.scenario_note = ""
        self._shown_id = self.design.id

        L = self._t
        wide = {"description_width": "initial"}
        templates = shoporg.list_templates()
        ids = list(templates["id"])
        names = templates[f"name_{self.lang}"]
        described = [self._t("template_option", name=name, roles=n, people=fmt.headcount(hc, self.lang))
                     for name, n, hc in zip(names, templates["roles"], templates["headcount"])]
        self.template = w.Dropdown(options=labelled_options(zip(described, ids)),
                                   value=self.design.id if self.design.id in ids else None,
                                   description=L("template"), layout=w.Layout(width="34em"))
        self.design_name = w.Text(description=L("design_name"), continuous_update=False, layout=w.Layout(width="34em"))
        self.department_name = w.Text(description=L("department_name"), continuous_update=False)
        self.new_department = w.Text(description=L("new_department"), placeholder=L("new_department_hint"))
        self.add_department_button = w.Button(description=L("add_department"), icon="plus")
        self.role = w.Dropdown(description=L("role"))
        self.name = w.Text(description=L("name"), continuous_update=False)
        self.department = w.Dropdown(description=L("department"))
        self.headcount = w.FloatText(step=0.5, description=L("headcount"))
        self.manager = w.Dropdown(description=L("manager"))
        self.pay_component = w.Dropdown(description=L("pay"), style=wide)
        self.pay_value = w.Text(description=L("pay_value"), continuous_update=False, style=wide)
        self.pay_kind = w.Dropdown(options=[(_kind_menu(k, self.lang), k) for k in PAY_KINDS],
                                   value="base", description=L("pay_kind"), style=wide)
        drivers = sorted(set(COMMON_DRIVERS) | set(scenario.names if scenario is not None else ()))
        self.pay_driver = w.Dropdown(options=[(driver_name(x, self.lang), x) for x in drivers], value="orders",
                                     description=L("pay_driver"))
        self.add_pay_button = w.Button(description=L("add_pay"), icon="plus")
        self.remove_pay_button = w.Button(description=L("remove_pay"), icon="minus")
        self.duties = w.Select(description=L("duties"), rows=6, layout=w.Layout(width="34em"))
        self.remove_duty_button = w.Button(description=L("remove_duty"), icon="minus")
        areas = shoporg.duty_areas()
        self._area_names = areas[self.lang].to_dict()
        self.duty_area = w.Dropdown(options=labelled_options((row[self.lang], aid) for aid, row in areas.iterrows()),
                                    value="other.general", description=L("duty_area"), style=wide)
        self.duty_text = w.Text(description=L("duty_text"), style=wide)
        self.add_duty_button = w.Button(description=L("add_duty"), icon="plus")
        self.new_role_id = w.Text(description=L("new_id"))
        self.new_role_name = w.Text(description=L("new_name"))
        self.add_button = w.Button(description=L("add"), icon="plus")
        self.remove_button = w.Button(description=L("remove"), icon="trash")
        self.merge_with = w.Dropdown(description=L("merge_with"))
        self.merge_button = w.Button(description=L("merge"), icon="compress")
        self.undo_button = w.Button(description=L("undo"), icon="undo")
        self.open_path = w.Text(description=L("open_path"), placeholder="my-shop.yaml")
        self.open_button = w.Button(description=L("open"), icon="folder-open")
        self.save_path = w.Text(value=f"{self.design.id}.yaml", description=L("save_path"))
        self.overwrite = w.Checkbox(value=False, description=L("overwrite"))
        self.save_button = w.Button(description=L("save"), icon="save")
        self.messages = {field: w.HTML() for field in _FIELDS}
        self.message = self.messages["actions"]
        self.summary = w.HTML()
        self.chart = w.Output()
        # labels and buttons as long as their words (English ones are longer than Chinese)
        labelled = [x for x in vars(self).values() if isinstance(x, DescriptionWidget) and x.description
                    and not isinstance(x, (w.Checkbox, w.Button)) and x.style.description_width != "initial"]
        room = min(max(text_width(x.description) for x in labelled) * 0.62 + 0.5, 13)  # a wide character ≈ 1.2 em
        for widget in vars(self).values():
            if isinstance(widget, w.Button):
                widget.layout.width, widget.layout.flex = "auto", "0 0 auto"  # never squeezed to "…"
        for widget in labelled:
            widget.style.description_width = f"{room:.1f}em"
        # stable hooks for browser tests and custom styling
        for name in ("role", "manager", "headcount", "summary", "pay_value", "name", "chart"):
            getattr(self, name).add_class(f"shoporg-designer-{name.replace('_', '-')}")

        self.template.observe(self._on_template, names="value")
        self.role.observe(self._on_role, names="value")
        self.name.observe(self._on_name, names="value")
        self.design_name.observe(self._on_design_name, names="value")
        self.department_name.observe(self._on_department_name, names="value")
        self.add_department_button.on_click(lambda _b: self.add_department())
        self.department.observe(self._on_department, names="value")
        self.headcount.observe(self._on_headcount, names="value")
        self.manager.observe(self._on_manager, names="value")
        self.pay_component.observe(self._on_pay_component, names="value")
        self.pay_value.observe(self._on_pay_value, names="value")
        self.pay_kind.observe(lambda c: self._on_pay_kind(c["new"]), names="value")
        self._on_pay_kind(self.pay_kind.value)
        self.add_pay_button.on_click(lambda _b: self.add_pay())
        self.remove_pay_button.on_click(lambda _b: self.remove_pay())
        self.add_duty_button.on_click(lambda _b: self.add_duty())
        self.remove_duty_button.on_click(lambda _b: self.remove_duty())
        self.add_button.on_click(lambda _b: self.add_role())
        self.remove_button.on_click(lambda _b: self.remove_role())
        self.merge_button.on_click(lambda _b: self.merge_role())
        self.undo_button.on_click(lambda _b: self.undo())
        self.save_button.on_click(lambda _b: self.save())
        self.open_button.on_click(lambda _b: self.open())
        self._refresh()

    def _t(self, key: str, **fields) -> str:
        return t(f"ui.designer.{key}", self.lang, **fields)

    # -- the app ------------------------------------------------------------------
    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        m = self.messages
        editor = w.VBox([
            _row([self.template, self.open_path, self.open_button]),
            _row([self.design_name, m["design_name"]]), self.role,
            _row([self.name, m["name"]]), _row([self.department, self.department_name, m["department"]]),
            _row([self.new_department, self.add_department_button]),
            _row([self.headcount, m["headcount"]]), _row([self.manager, m["manager"]]),
            _row([self.pay_component, self.pay_value, self.remove_pay_button, m["pay"]]),
            _row([self.pay_kind, self.pay_driver, self.add_pay_button]),
            _row([self.duties, w.VBox([self.remove_duty_button, m["duties"]])]),
            _row([self.duty_area, self.duty_text, self.add_duty_button]),
            _row([self.new_role_id, self.new_role_name, self.add_button]),
            _row([self.merge_with, self.merge_button, self.remove_button]),
            _row([self.undo_button, self.save_path, self.overwrite, self.save_button]),
            m["actions"]])
        # the summary sits beside the editor where there is room and below it where not
        return w.VBox([w.HBox([editor, self.summary], layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
                       self.chart])

    @property
    def monthly_payroll(self) -> float | None:
        """First month's accrued payroll of the current design (None without scenario or on error)."""
        result = self._payroll()
        if result is None or isinstance(result, str):
            return None
        accrued = result.by_month()["accrued"]
        return None if accrued.empty else float(accrued.iloc[0])

    def on_change(self, callback) -> None:
        """Call ``callback(design)`` after every change of the design (edits, undo,
        template, opened file); ``None`` removes every callback."""
        if callback is None:
            self._listeners.clear()
        else:
            self._listeners.append(callback)

    def _changed(self) -> None:
        for callback in self._listeners:
            callback(self.design)

    # -- editing --------------------------------------------------------------------
    def apply(self, edit, field: str = "actions") -> bool:
        """Apply ``edit(design) -> design``; keep the old design and show the error if it fails.

        The error goes into ``messages[field]``, beside the field at fault. Returns True
        if the design changed.
        """
        try:
            new = edit(self.design)
        except (ShopOrgError, TypeError, ValueError) as e:
            self._show(error_text(e, self.lang), field=field)
            self._sync_fields()
            return False
        if new == self.design:
            self._show("")
            return False
        self.history.append(self.design)
        self.design = new
        self._show("")
        self._refresh()
        self._changed()
        return True

    def set_headcount(self, role_id: str, value: float) -> None:
        """Select ``role_id`` and set its headcount to ``value`` through the widgets."""
        self.role.value = role_id
        self.headcount.value = float(value)

    def set_headcounts(self, headcounts: dict) -> bool:
        """Set several roles' headcounts as one step (one undo takes it back)."""
        def edit(d):
            for rid, n in headcounts.items():
                d = d.with_headcount(rid, n)
            return d

        return self.apply(edit, "headcount")

    def set_pay(self, role_id: str, index: int, value: str) -> None:
        """Select ``role_id``'s ``pay[index]`` and type ``value`` into its number field."""
        self.role.value = role_id
        self.pay_component.value = index
        self.pay_value.value = str(value)

    def add_role(self) -> bool:
        """Add a role with ``new_role_id`` / ``new_role_name`` reporting to the selected role."""
        rid = self.new_role_id.value.strip()
        if not rid:
            self._show(self._t("need_id"))
            return False
        name = self.new_role_name.value.strip() or rid
        manager = self.role.value

        if not re.fullmatch(r"[a-z][a-z0-9_]{0,63}", rid):
            self._show(self._t("bad_id", id=rid))
            return False
        names = {"zh": name, self.lang: name}

        def edit(d):
            if rid in d.role_ids:
                raise ShopOrgError(Phrase("err.role_exists", id=repr(rid)))
            return d.with_role(Role(id=rid, name=names, reports_to=manager, headcount=1,
                                    department=d.role(manager).department if manager else None))

        done = self.apply(edit)
        if done:
            self.role.value = rid
            self.new_role_id.value = self.new_role_name.value = ""
        return done

    def remove_role(self) -> bool:
        """Remove the selected role (its reports move up to its manager)."""
        rid = self.role.value
        return self.apply(lambda d: d.without_role(rid))

    def merge_role(self) -> bool:
        """Merge the role chosen in ``merge_with`` into the selected role (duties united,
        headcounts added, pay of the selected role; see :func:`shoporg.analysis.merge_roles`)."""
        into, other = self.role.value, self.merge_with.value
        if other is None:
            self._show(self._t("need_merge"))
            return False
        return self.apply(lambda d: merge_roles(d, [into, other], into=into))

    def _on_pay_kind(self, kind: str) -> None:
        """Offer the driver a new component of ``kind`` counts (orders for a piece rate,
        revenue for a revenue bonus); other kinds count none."""
        default = PAY_KINDS[kind].new_driver
        self.pay_driver.disabled = default is None
        if default is not None and default in {value for _label, value in self.pay_driver.options}:
            self.pay_driver.value = default

    def add_pay(self) -> bool:
        """Add a ``pay_kind`` component worth 0 to the selected role and select it; type
        its number in ``pay_value``. Piece rates and revenue bonuses count ``pay_driver``;
        a deduction is a fixed amount."""
        kind, rid = self.pay_kind.value, self.role.value
        component = PAY_KINDS[kind].new(self.pay_driver.value)
        done = self.apply(lambda d: d.with_role_changes(rid, pay=[*d.role(rid).pay, component]), "pay")
        if done:
            self.pay_component.value = len(self.design.role(rid).pay) - 1
        return done

    def remove_pay(self) -> bool:
        """Remove the pay component selected in ``pay_component``."""
        rid, index = self.role.value, self.pay_component.value
        if index is None:
            return False
        return self.apply(lambda d: d.with_role_changes(
            rid, pay=[c for i, c in enumerate(d.role(rid).pay) if i != index]), "pay")

    def add_duty(self) -> bool:
        """Add the duty typed in ``duty_text`` (area ``duty_area``) to the selected role."""
        text = self.duty_text.value.strip()
        if not text:
            self._show(self._t("need_duty"), field="duties")
            return False
        rid, area = self.role.value, self.duty_area.value
        duty = Duty(area=area, **{"zh": text, self.lang: text})
        done = self.apply(lambda d: d.with_role_changes(rid, duties=d.role(rid).duties + (duty,)), "duties")
        if done:
            self.duty_text.value = ""
        return done

    def remove_duty(self) -> bool:
        """Remove the duty selected in ``duties`` from the selected role."""
        rid, index = self.role.value, self.duties.value
        if index is None:
            return False
        return self.apply(lambda d: d.with_role_changes(
            rid, duties=tuple(x for i, x in enumerate(d.role(rid).duties) if i != index)), "duties")

    def undo(self) -> bool:
        """Go back to the previous design."""
        if not self.history:
            self._show(self._t("nothing_to_undo"), "info")
            return False
        undone, self.design = self.design, self.history.pop()
        self._show(self._t("undone", what=self._change_words(self.design, undone)), "info")
        self._refresh()
        self._changed()
        return True

    def _change_words(self, before, after) -> str:
        """What changed from ``before`` to ``after``, in a line or two of the UI's language."""
        view = diff_view(diff(before, after), self.lang, designs=(before, after))
        if view.empty:
            return self._t("no_change")
        said = [f"{row.iloc[2]} {row.iloc[3]}" for _, row in view.iterrows()]
        more = len(said) - 2
        return words(said[:2], self.lang) + (self._t("and_more", n=more) if more > 0 else "")

    def open(self) -> bool:
        """Open the design file named in ``open_path`` (its problems, with file and line,
        show in ``message`` and the current design stays)."""
        path = self.open_path.value.strip()
        try:
            design = shoporg.read_design(path)
        except (ShopOrgError, OSError) as e:
            self._show(error_text(e, self.lang))
            return False
        if self.apply(lambda _d: design):
            self.save_path.value = Path(path).name
            self._show(self._t("opened") + path, "ok")
            return True
        return False

    def save(self):
        """Write the design as YAML to ``save_path`` (refused if it exists unless ``overwrite``).

        Returns the path written, or None if refused or failed.
        """
        try:
            path = shoporg.write_design(self.design, self.save_path.value, overwrite=self.overwrite.value)
        except (ShopOrgError, OSError) as e:
            self._show(error_text(e, self.lang))
            return None
        self._show(self._t("saved") + str(path), "ok")
        return path

    # -- events ---------------------------------------------------------------------
    def _on_template(self, change) -> None:
        if self._syncing or change["new"] is None:
            return
        self.apply(lambda _d: shoporg.load_template(change["new"]))

    def _on_role(self, change) -> None:
        if not self._syncing:
            self._show("")
            self._sync_fields()

    def _on_name(self, change) -> None:
        if self._syncing or self.role.value is None:
            return
        rid, text = self.role.value, change["new"].strip()

        def edit(d):
            old = d.role(rid).name
            new = old.model_copy(update={self.lang: text})
            return d.with_role_changes(rid, name=new.model_dump())

        self.apply(edit, "name")

    def _on_design_name(self, change) -> None:
        if self._syncing:
            return
        text = change["new"].strip()
        self.apply(lambda d: d.replace(name=d.name.model_copy(update={self.lang: text}).model_dump()), "design_name")

    def _on_department_name(self, change) -> None:
        """Rename the selected role's department (every role in it follows)."""
        if self._syncing or self.department.value is None:
            return
        did, text = self.department.value, change["new"].strip()

        def edit(d):
            deps = [dep.model_copy(update={"name": dep.name.model_copy(update={self.lang: text})})
                    if dep.id == did else dep for dep in d.departments]
            return d.replace(departments=tuple(_checked_department(x) for x in deps))

        self.apply(edit, "department")

    def add_department(self, name: str | None = None) -> bool:
        """Add a department named ``name`` (or the text in ``new_department``) and put the
        selected role in it."""
        text = (name if name is not None else self.new_department.value).strip()
        if not text:
            self._show(self._t("need_department_name"), field="department")
            return False
        rid = self.role.value

        def edit(d):
            if any(dep.name.get(self.lang) == text for dep in d.departments):
                raise ValueError(Phrase("err.department_exists", name=text))
            taken = {dep.id for dep in d.departments}
            n = len(taken) + 1
            while f"dept_{n}" in taken:
                n += 1
            new = Department(id=f"dept_{n}", name={"zh": text, self.lang: text})  # Chinese is always given
            d = d.replace(departments=(*d.departments, new))
            return d.with_role_changes(rid, department=new.id) if rid is not None else d

        changed = self.apply(edit, "department")
        if changed:
            self.new_department.value = ""
        return changed

    def _on_department(self, change) -> None:
        if self._syncing or self.role.value is None:
            return
        rid = self.role.value
        self.apply(lambda d: d.with_role_changes(rid, department=change["new"]), "department")

    def _on_headcount(self, change) -> None:
        if self._syncing or self.role.value is None:
            return
        rid, value = self.role.value, float(change["new"])
        value = int(value) if value.is_integer() else Decimal(str(value))
        self.apply(lambda d: d.with_headcount(rid, value), "headcount")

    def _on_manager(self, change) -> None:
        if self._syncing or self.role.value is None:
            return
        rid = self.role.value
        self.apply(lambda d: d.move_role(rid, change["new"]), "manager")

    def _on_pay_component(self, change) -> None:
        if not self._syncing:
            self._sync_pay_value()

    def _on_pay_value(self, change) -> None:
        if self._syncing or self.role.value is None or self.pay_component.value is None:
            return
        rid, index = self.role.value, self.pay_component.value
        try:
            number = _read_number(change["new"])
        except ValueError:
            self._show(self._t("bad_number"), field="pay")
            return

        def edit(d):
            pay = list(d.role(rid).pay)
            data = pay[index].model_dump()
            data[_pay_field(pay[index])] = number
            pay[index] = data
            return d.with_role_changes(rid, pay=pay)

        self.apply(edit, "pay")

    # -- display ----------------------------------------------------------------------
    def _show(self, text: str, kind: str = "error", field: str = "actions") -> None:
        for box in self.messages.values():
            box.value = ""
        self.message = self.messages[field]
        self.message.value = message_html(text, kind)

    def _sync_fields(self) -> None:
        """Make the fields show the current design (without triggering edits)."""
        d = self.design
        self._syncing = True
        try:
            ids = list(d.role_ids)
            labelled = labelled_options((r.name.get(self.lang), r.id) for r in d.roles)
            if list(self.role.options) != labelled:
                keep = self.role.value if self.role.value in ids else ids[0]
                self.role.options = labelled
                self.role.value = keep
            templates = {value for _label, value in self.template.options}
            self.template.value = d.id if d.id in templates else None
            if d.id != self._shown_id:  # another design: save under its own name
                self.save_path.value = f"{d.id}.yaml"
                self._shown_id = d.id
            role = d.role(self.role.value)
            self.design_name.value = d.name.get(self.lang)
            self.name.value = getattr(role.name, self.lang) or ""
            self.department.options = [(self._t("none"), None)] + [
                *labelled_options((dep.name.get(self.lang), dep.id) for dep in d.departments)]
            self.department.value = role.department if role.department in {x.id for x in d.departments} else None
            dep = next((x for x in d.departments if x.id == self.department.value), None)
            self.department_name.value = dep.name.get(self.lang) if dep is not None else ""
            self.department_name.disabled = dep is None
            self.headcount.value = float(role.headcount)
            others = [item for item in labelled if item[1] != role.id]
            self.manager.options = [(self._t("none"), None)] + others
            self.manager.value = role.reports_to
            self.merge_with.options = [(self._t("none"), None)] + others
            self.merge_with.value = None
            pay_options = []
            for i, c in enumerate(role.pay):
                kind = _kind_menu(c.kind, self.lang)
                label = c.label.get(self.lang) if c.label else ""
                pay_options.append((self._t("pay_option", n=i + 1, kind=kind) + (f" · {label}" if label and label != kind
                                                                                  else ""), i))
            keep_pay = self.pay_component.value
            self.pay_component.options = pay_options or [(self._t("no_pay"), None)]
            self.pay_component.value = keep_pay if keep_pay is not None and keep_pay < len(role.pay) else (
                0 if role.pay else None)
            self.duties.options = [(f"{x.text(self.lang)}  [{self._area_names.get(x.area, x.area)}]", i)
                                   for i, x in enumerate(role.duties)]
            self.duties.value = None
        finally:
            self._syncing = False
        self._sync_pay_value()

    def _sync_pay_value(self) -> None:
        self._syncing = True
        try:
            index = self.pay_component.value
            if index is None or self.role.value is None:
                self.pay_value.value, self.pay_value.disabled = "", True
                return
            c = self.design.role(self.role.value).pay[index]
            field = _pay_field(c)
            words = pick(PAY_KINDS[c.kind].fields[field], self.lang)  # how the kind names the number
            self.pay_value.disabled = False
            self.pay_value.description = self._t("pay_value_field", label=self._t("pay_value"), field=words)
            self.pay_value.value = _show_number(getattr(c, field))
        finally:
            self._syncing = False

    def set_scenario(self, scenario) -> None:
        """Cost the design under ``scenario`` from now on (the brief made a new one)."""
        self.scenario, self._payroll_cache = scenario, None
        self._refresh()

    def _payroll(self):
        """The current design's Payroll, an error text, or None without scenario (cached)."""
        if self.scenario is None:
            return None
        if self._payroll_cache is None or self._payroll_cache[0] is not self.design:
            try:
                result = shoporg.payroll(self.design, self.scenario)
                self.scenario_note = filled_note(result.filled, self.design, self.lang)
            except ShopOrgError as e:
                result, self.scenario_note = error_text(e, self.lang), ""
            self._payroll_cache = (self.design, result)
        return self._payroll_cache[1]

    def summary_rows(self) -> list[tuple[str, str]]:
        """The figures ``summary`` shows, as (label, text) pairs: the numbers of one update."""
        d = self.design
        G = to_graph(d)
        spans = span_of_control(G)
        areas = {x.area for r in d.roles for x in r.duties}
        lang = self.lang
        rows = [(self._t("roles"), fmt.count(len(d.roles), lang)), (self._t("people"), fmt.headcount(d.headcount, lang)),
                (self._t("layers"), fmt.count(max(layers(G).values()), lang)),
                (self._t("max_span"), fmt.headcount(max(spans.values()), lang) if spans else "0"),
                (self._t("areas"), fmt.count(len(areas), lang))]
        first = self.monthly_payroll
        if first is not None:
            rows.append((self._t("first_month"), fmt.yuan(first, lang, cents=True)))
            rows.append((self._t("year"), fmt.yuan(self._payroll().total("accrued"), lang, cents=True)))
        return rows

    def _refresh(self) -> None:
        self._sync_fields()
        d = self.design
        rows = self.summary_rows()
        result = self._payroll()
        extra = ""
        if self.scenario is None:
            extra = message_html(self._t("no_scenario"), "info")
        elif isinstance(result, str):
            extra = message_html(self._t("payroll_error") + result)
        elif not any(r.pay for r in d.roles):
            extra = message_html(self._t("no_pay_rules"), "info")
        else:
            extra = message_html(self.scenario_note, "info")
        body = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
                       f"<td class='shoporg-value'>{html.escape(v)}</td></tr>" for k, v in rows)
        self.summary.value = f"<b>{html.escape(d.name.get(self.lang))}</b><table>{body}</table>{extra}"
        if self.show_chart:
            self._draw()

    def _draw(self) -> None:
        """Redraw the org chart as a PNG into ``chart`` (only the pixels the edit changes,
        see :class:`shoporg.live_chart.LiveOrgChart`)."""
        if self._live is None:
            self._live = LiveOrgChart(self.lang)
        data = {"image/png": base64.b64encode(self._live.png(self.design)).decode("ascii"),
                "text/plain": f"<org chart of {self.design.id}>"}
        self.chart.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)
