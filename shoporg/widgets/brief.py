"""Widget app: the client brief (客户需求) — absolute volumes, peaks and service hours in,
the twelve-month scenario out, saved as a scenario file and opened again.

>>> form = BriefForm(lang="en")
>>> form.set(client="Tmall flagship", orders=1000, orders_per="day", order_value=200)
>>> form.add_peak("双11", 11, 3)
>>> s = form.apply()
>>> int(s.driver("orders")[10]), form.message.value
(90000, '')
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from .. import fmt
from ..brief import PLATFORMS, Brief, Peak
from ..employment.params import load_pack, regions
from ..errors import ShopOrgError
from ..i18n import Phrase, driver_name, t
from ..io.brief_io import read_brief, write_brief
from ..validation import problems_from_pydantic
from ._common import Shown, check_lang, error_text, message_html
from .exporter import app_exports, confined

__all__ = ["BriefForm"]


def _cities(lang: str) -> list[tuple[str, str]]:
    """The cities with a parameter pack, by name, after "none" (gross pay only)."""
    names = [load_pack(r).region for r in regions() if r != "national"]
    return [(t("ui.brief.no_city", lang), "")] + [(n.get(lang), n.zh) for n in names]

_NUMBERS = ("orders", "order_value", "chats", "complaints_per_month", "negative_reviews_per_month", "attainment")
_MOST = 1e9


class BriefForm(Shown):
    """The brief as a form. :meth:`apply` builds the scenario (or shows, beside each
    field, what is wrong); :meth:`save` writes it as a scenario file that keeps the brief;
    :meth:`open` fills the form from one. ``on_apply(scenario)`` is called after each
    successful :meth:`apply`.

    Attributes
    ----------
    brief : Brief or None
        The last brief that was applied.
    scenario : Scenario or None
        Its scenario.
    messages : dict
        Field → the message shown beside it after a refused :meth:`apply`.
    """

    def __init__(self, brief: Brief | None = None, lang: str = "zh", folder=None, on_apply=None):
        self.lang = check_lang(lang)
        self.folder = Path(folder) if folder is not None else Path(".")
        self.on_apply = on_apply
        self.brief, self.scenario, self.messages = None, None, {}
        L = self._t
        wide, narrow = w.Layout(width="24em"), w.Layout(width="14em")
        style = {"description_width": "8em"}
        self.fields = {
            "client": w.Text(description=L("client"), layout=wide, style=style),
            "project": w.Text(description=L("project"), layout=wide, style=style),
            "platform": w.Dropdown(options=[(t(f"brief.platform.{p}", lang), p) for p in PLATFORMS],
                                   description=L("platform"), layout=wide, style=style),
            "city": w.Dropdown(options=_cities(lang), description=L("city"), layout=wide, style=style),
            "start": w.Text(value="2026-01", description=L("start"), layout=wide, style=style),
            "orders": w.BoundedFloatText(min=0, max=_MOST, description=L("orders"), layout=narrow, style=style),
            "orders_per": w.ToggleButtons(options=[(L("per_day"), "day"), (L("per_month"), "month")], value="month",
                                          style={"button_width": "5em"}),
            "order_value": w.BoundedFloatText(min=0, max=1_000_000, description=L("order_value"), layout=narrow,
                                              style=style),
            "chats": w.BoundedFloatText(min=0, max=_MOST, description=L("chats"), layout=narrow, style=style),
            "chats_per": w.ToggleButtons(options=[(L("per_day"), "day"), (L("per_month"), "month")], value="day",
                                         style={"button_width": "5em"}),
            "hours_from": w.Text(value="09:00", description=L("hours"), layout=narrow, style=style),
            "hours_to": w.Text(value="24:00", layout=w.Layout(width="6em")),
            "complaints_per_month": w.BoundedFloatText(min=0, max=_MOST, description=L("complaints"), layout=narrow,
                                                       style=style),
            "negative_reviews_per_month": w.BoundedFloatText(min=0, max=_MOST, description=L("reviews"),
                                                             layout=narrow, style=style),
            "incident_months": w.SelectMultiple(options=[(fmt.month_short(f"2026-{m:02d}", lang), m) for m in range(1, 13)],
                                                rows=4, description=L("incidents"), layout=narrow, style=style),
            "attainment": w.BoundedFloatText(value=1.0, min=0, max=5, step=0.05, description=L("attainment"),
                                             layout=narrow, style=style),
        }
        self.notes = {k: w.HTML() for k in ("client", "project", "city", "start", "orders", "order_value", "chats",
                                             "service_hours", "peaks", "complaints_per_month",
                                             "negative_reviews_per_month", "incident_months", "attainment", "other")}
        self.other_rows = w.VBox()
        self.others: dict[str, w.BoundedFloatText] = {}
        self.peak_rows = w.VBox()
        self.peaks: list[tuple[w.Text, w.Dropdown, w.BoundedFloatText, w.Button]] = []
        self.add_button = w.Button(description=L("add_peak"), icon="plus")
        self.add_button.on_click(lambda _b: self.add_peak("", 11, 2))
        self.apply_button = w.Button(description=L("apply"), button_style="primary")
        self.apply_button.on_click(lambda _b: self.apply())
        self.file = w.Text(value="brief.yaml", description=L("file"), layout=wide, style=style)
        self.overwrite = w.Checkbox(value=False, description=L("overwrite"), indent=False)
        self.save_button = w.Button(description=L("save"), icon="save")
        self.save_button.on_click(lambda _b: self.save())
        self.open_button = w.Button(description=L("open"), icon="folder-open")
        self.open_button.on_click(lambda _b: self.open())
        self.message = w.HTML()
        self.table = w.HTML()
        if brief is not None:
            self.fill(brief)
        f, n = self.fields, self.notes

        def row(*items):
            return w.HBox(list(items), layout=w.Layout(flex_flow="row wrap", align_items="center"))

        def card(title: str, *rows):
            return w.VBox([w.HTML(f"<b>{html.escape(title)}</b>"), *rows],
                          layout=w.Layout(width="30em", margin="0 1.5em 1em 0"))

        cards = w.HBox([
            card(L("who"), row(f["client"], n["client"]), row(f["project"], n["project"]), row(f["platform"]),
                 row(f["city"], n["city"]), row(f["start"], n["start"])),
            card(L("volumes"), row(f["orders"], f["orders_per"], n["orders"]), row(f["order_value"], n["order_value"]),
                 row(f["chats"], f["chats_per"], n["chats"]),
                 row(f["hours_from"], w.HTML("–"), f["hours_to"], n["service_hours"])),
            card(L("peaks"), self.peak_rows, row(self.add_button, n["peaks"])),
            card(L("events"), row(f["complaints_per_month"], n["complaints_per_month"]),
                 row(f["negative_reviews_per_month"], n["negative_reviews_per_month"]),
                 row(f["incident_months"], n["incident_months"]), row(f["attainment"], n["attainment"])),
            card(L("other"), self.other_rows, n["other"]),
        ], layout=w.Layout(flex_flow="row wrap", align_items="flex-start"))
        self._box = w.VBox([cards, row(self.apply_button), self.message, self.table,
                            row(self.file, self.overwrite, self.save_button, self.open_button)])
        self._box.add_class("shoporg-brief")
        for key, widget in self.fields.items():  # stable hooks for browser tests
            widget.add_class(f"shoporg-brief-{key.replace('_', '-')}")
        for name in ("add_button", "apply_button", "table", "message"):
            getattr(self, name).add_class(f"shoporg-brief-{name.replace('_button', '').replace('_', '-')}")

    def _t(self, key: str, **fields) -> str:
        return t(f"ui.brief.{key}", self.lang, **fields)

    @property
    def widget(self) -> w.Widget:
        return self._box


    # -- filling -------------------------------------------------------------------
    def set(self, **values) -> None:
        """Set fields by name (``orders=1000, orders_per="day"``; ``service_hours=("09:00", "24:00")``)."""
        for key, value in values.items():
            if key == "service_hours":
                self.fields["hours_from"].value, self.fields["hours_to"].value = value
            elif key == "other":
                self.others = {name: w.BoundedFloatText(value=float(v), min=0, max=_MOST,
                                                        description=driver_name(name, self.lang),
                                                        style={"description_width": "12em"},
                                                        layout=w.Layout(width="22em")) for name, v in value.items()}
                self.other_rows.children = list(self.others.values())
            elif key == "peaks":
                self.clear_peaks()
                for p in value:
                    p = Peak(**p) if isinstance(p, dict) else p
                    self.add_peak(p.name, p.month, p.factor)
            elif key == "city" and value and value not in [v for _, v in self.fields["city"].options]:
                self.fields["city"].options = [*self.fields["city"].options, (value, value)]  # a city without a pack
                self.fields["city"].value = value
            elif key in self.fields:
                self.fields[key].value = tuple(value) if key == "incident_months" else value
            else:
                raise ShopOrgError(Phrase("err.brief_field", key=repr(key), allowed=", ".join(self.fields)))

    def fill(self, brief: Brief) -> None:
        """Show ``brief`` in the form."""
        data = brief.model_dump()
        data.pop("peaks")
        self.set(**data, peaks=brief.peaks)

    def add_peak(self, name: str = "", month: int = 11, factor: float = 2.0) -> None:
        """A row for one more peak."""
        row = (w.Text(value=name, placeholder=self._t("peak_name"), layout=w.Layout(width="10em")),
               w.Dropdown(options=[(fmt.month_short(f"2026-{m:02d}", self.lang), m) for m in range(1, 13)], value=month,
                          layout=w.Layout(width="6em")),
               w.BoundedFloatText(value=factor, min=0, max=20, step=0.1, description="×",
                                  style={"description_width": "1.2em"}, layout=w.Layout(width="7em")),
               w.Button(icon="trash", tooltip=self._t("remove_peak"), layout=w.Layout(width="3em")))
        row[3].on_click(lambda _b, r=row: self._remove(r))
        self.peaks.append(row)
        self._show_peaks()

    def clear_peaks(self) -> None:
        self.peaks = []
        self._show_peaks()

    def _remove(self, row) -> None:
        self.peaks = [r for r in self.peaks if r is not row]
        self._show_peaks()

    def _show_peaks(self) -> None:
        boxes = [w.HBox(list(r)) for r in self.peaks]
        for box in boxes:
            box.add_class("shoporg-brief-peak")
        self.peak_rows.children = boxes

    # -- building ------------------------------------------------------------------
    def values(self) -> dict:
        """The form as the brief's fields."""
        f = self.fields
        out = {k: f[k].value for k in ("client", "project", "platform", "city", "start", "orders_per", "chats_per")}
        out.update({k: float(f[k].value) for k in _NUMBERS})
        out["service_hours"] = (f["hours_from"].value.strip(), f["hours_to"].value.strip())
        out["incident_months"] = tuple(f["incident_months"].value)
        out["other"] = {name: float(box.value) for name, box in self.others.items()}
        out["peaks"] = tuple(dict(name=n.value.strip() or t("brief.peak_month", self.lang, month=m.value),
                                  month=m.value, factor=float(x.value)) for n, m, x, _ in self.peaks)
        return out

    def apply(self):
        """Build the brief and its scenario from the form; on a problem say so beside the
        field and keep the last good scenario. Returns the scenario (or None)."""
        from pydantic import ValidationError

        self.messages = {}
        for note in self.notes.values():
            note.value = ""
        try:
            brief = Brief(**self.values())
        except ValidationError as e:
            for p in problems_from_pydantic(e, Brief):
                field = p.location.split(".")[0].split("[")[0]
                self.messages[field] = p.message_text(self.lang)
                if field in self.notes:
                    self.notes[field].value = message_html(self.messages[field])
            self.message.value = message_html(self._t("refused"))
            return None
        except ShopOrgError as e:
            self.message.value = message_html(error_text(e, self.lang))
            return None
        self.brief, self.scenario = brief, brief.scenario()
        if self.on_apply is not None:  # the other tabs first: the months shown mean they are costed on them
            self.on_apply(self.scenario)
        self.message.value = message_html(self._t("applied"), "ok") if self.on_apply is not None else ""
        self.table.value = self.table_html()
        return self.scenario

    def table_html(self) -> str:
        """The scenario's twelve months as a table: months across, drivers down."""
        s = self.scenario
        head = "".join(f"<th>{html.escape(fmt.month_short(m, self.lang))}</th>" for m in s.months)
        rows = []
        for name, values in s.drivers.items():
            shown = fmt.percent if name == "attainment" else (lambda v, lang: fmt.count(v, lang))
            cells = "".join(f'<td style="text-align:right">{html.escape(shown(v, self.lang))}</td>' for v in values)
            rows.append(f"<tr><th style='text-align:left'>{html.escape(driver_name(name, self.lang))}</th>{cells}</tr>")
        return (f"<div style='overflow-x:auto'><table style='font-size:90%'><caption>{html.escape(s.name.get(self.lang))}"
                f"</caption><tr><th></th>{head}</tr>{''.join(rows)}</table></div>")

    # -- files ---------------------------------------------------------------------
    def _path(self) -> Path | None:
        """The file the name box names: in the web app only a plain name in its export
        folder; elsewhere any path (relative to ``folder``)."""
        root = app_exports()
        if root is not None:
            return confined(root, self.file.value)
        name = Path(self.file.value.strip()).expanduser()
        return name if name.is_absolute() else self.folder / name

    def save(self) -> Path | None:
        """Apply, then write the scenario file (never over a file unless overwrite is ticked)."""
        if self.apply() is None:
            return None
        path = self._path()
        if path is None:
            self.message.value = message_html(self._t("plain_name"))
            return None
        try:
            path = write_brief(self.brief, path, overwrite=self.overwrite.value)
        except (ShopOrgError, OSError) as e:
            self.message.value = message_html(error_text(e, self.lang))
            return None
        self.message.value = message_html(self._t("saved", path=str(path)), "ok")
        return path

    def open(self, path=None):
        """Fill the form from a scenario file that keeps its brief, and apply it."""
        path = Path(path) if path is not None else self._path()
        if path is None:
            self.message.value = message_html(self._t("plain_name"))
            return None
        try:
            brief = read_brief(path)
        except (ShopOrgError, OSError) as e:
            self.message.value = message_html(error_text(e, self.lang))
            return None
        self.fill(brief)
        return self.apply()
