"""Interactive ipywidgets apps for notebooks: design, explore scenarios, compare, export,
and the workbook that links the four in tabs.

Each app holds its widgets as attributes and returns its top-level container from
``.widget``; display that in Jupyter. Labels are Chinese by default (``lang="en"``).

>>> import matplotlib; matplotlib.use("Agg")
>>> from shoporg.widgets import Designer
>>> Designer(show_chart=False).role.value
'director'
"""

from __future__ import annotations

from .comparer import Comparer
from .designer import Designer
from .explorer import ScenarioExplorer
from .exporter import Exporter
from .workbook import Workbook

__all__ = ["Designer", "ScenarioExplorer", "Comparer", "Exporter", "Workbook"]
