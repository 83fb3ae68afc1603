"""Comparer: pick two to four designs and see them side by side, with the diff of the first two.

>>> import shoporg
>>> from shoporg.widgets import Comparer
>>> d = shoporg.load_template("seed-14-basic-22")
>>> app = Comparer({"now": d, "more pickers": d.with_headcount("picker", 3)}, lang="en")
>>> list(app.result.columns)
['metric', 'now', 'more pickers', 'delta']
"""

from __future__ import annotations

import ipywidgets as w

from ..errors import ShopOrgError
from ._common import check_lang, error_text, frame_html, message_html

__all__ = ["Comparer"]

_LABELS = {
    "choice": ("方案", "Designs"),
    "choose": ("请选择 2 至 4 个方案", "Choose two to four designs"),
    "diff": ("前两个方案的差异", "Differences of the first two"),
    "same": ("两个方案的岗位相同", "The two designs have the same roles"),
}

_DIFF_COLUMNS = ["action", "role", "name", "changes"]


class Comparer:
    """Widget app comparing designs with :func:`shoporg.compare` and :func:`shoporg.diff`.

    Parameters
    ----------
    designs : dict of str to OrgDesign
        The designs to choose from, by display name.
    scenario : Scenario, optional
        Adds payroll rows to the comparison.
    lang : {"zh", "en"}

    Attributes
    ----------
    choice : ipywidgets.SelectMultiple
        The chosen names (2–4; the first is the baseline).
    result : pandas.DataFrame or None
        The last comparison, one column per chosen design (named as in ``designs``) and deltas.
    table, diff_table : ipywidgets.HTML
    """

    def __init__(self, designs: dict, scenario=None, lang: str = "zh"):
        self.lang = check_lang(lang)
        self.designs = dict(designs)
        if len(self.designs) < 2:
            raise ShopOrgError(f"Comparer needs at least two designs, got {len(self.designs)}")
        self.scenario = scenario
        self.result = None
        self.diff_result = None
        names = list(self.designs)
        self.choice = w.SelectMultiple(options=names, value=tuple(names[:2]), description=self._t("choice"),
                                       rows=min(len(names), 8))
        self.message = w.HTML()
        self.table = w.HTML()
        self.diff_table = w.HTML()
        self.choice.observe(lambda _c: self.refresh(), names="value")
        self.refresh()

    def _t(self, key: str) -> str:
        return _LABELS[key][0 if self.lang == "zh" else 1]

    @property
    def widget(self) -> w.Widget:
        """The top-level container to display."""
        return w.VBox([self.choice, self.message, self.table, w.HTML(f"<b>{self._t('diff')}</b>"),
                       self.diff_table])

    def refresh(self) -> None:
        """Compare the chosen designs and diff the first two."""
        import shoporg

        chosen = [n for n in self.choice.options if n in self.choice.value]
        if not 2 <= len(chosen) <= 4:
            self.message.value = message_html(self._t("choose"), "info")
            self.table.value = self.diff_table.value = ""
            self.result = self.diff_result = None
            return
        designs = [self.designs[n] for n in chosen]
        try:
            table = shoporg.compare(designs, self.scenario, lang=self.lang)
            d = shoporg.diff(designs[0], designs[1])
        except ShopOrgError as e:
            self.message.value = message_html(error_text(e))
            self.table.value = self.diff_table.value = ""
            self.result = self.diff_result = None
            return
        old = list(table.columns[1:1 + len(chosen)])
        rename = dict(zip(old, chosen))
        if len(chosen) > 2:
            rename.update({f"Δ {o}": f"Δ {n}" for o, n in zip(old, chosen)})
        self.result = table.rename(columns=rename)
        self.diff_result = d
        self.message.value = ""
        self.table.value = frame_html(self.result, "{:,.4g}")
        if d.empty:
            self.diff_table.value = message_html(self._t("same"), "info")
        else:
            self.diff_table.value = frame_html(d[[c for c in _DIFF_COLUMNS if c in d.columns]])
