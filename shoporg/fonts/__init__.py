"""Which Chinese fonts shoporg uses, and the packaged one for browsers.

Charts (:func:`shoporg.chart.cjk_font`), the Word report and the deck name an installed
font of :data:`CJK_FONTS` where there is one; :data:`PACKAGED_FONTS` ships in a Python
package (``noto-cjk-sans-otc``) for machines that have none. The web app serves that
file to the browser (:data:`ROUTE`), and :func:`font_face_css` makes Chinese text use an
installed Chinese font first, then the served one, so Chinese never shows as boxes.
See README.md in this folder for the font's licence.

>>> packaged_font_path(*PACKAGED_FONTS[0][:2]).name
'NotoSansCJK-Regular.ttc'
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

__all__ = ["CJK_FONTS", "PACKAGED_FONTS", "FAMILY", "ROUTE", "CJK_RANGES", "packaged_font_path",
           "packaged_font", "font_face_css"]

CJK_FONTS = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
             "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei")
"""Installed fonts to use, in order of preference (Windows, macOS, then Linux fonts)."""

PACKAGED_FONTS = (("noto_cjk_sans_otc", "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),)
"""Fonts shipped by Python packages: (module, file in it, family to use)."""

FAMILY = "shoporg CJK"
"""The family name the browser knows the Chinese font by."""
ROUTE = "shoporg/font/"
"""Where the web app serves the packaged font, under its base URL."""
CJK_RANGES = ("U+2E80-2FDF, U+2FF0-303F, U+3040-30FF, U+3100-312F, U+3190-31FF, U+3200-4DBF, U+4E00-9FFF, "
              "U+F900-FAFF, U+FE10-FE1F, U+FE30-FE4F, U+FF00-FFEF, U+20000-2FA1F")
"""The characters the font is used for: CJK symbols, punctuation, ideographs and full-width
forms; Latin letters and digits keep the page's own font."""


def packaged_font_path(module: str, filename: str) -> Path | None:
    """The font file ``filename`` shipped in the Python package ``module`` (None when it is
    not installed)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / filename
        if path.is_file():
            return path
    return None


def packaged_font() -> Path | None:
    """The first packaged font that is installed."""
    for module, filename, _family in PACKAGED_FONTS:
        path = packaged_font_path(module, filename)
        if path is not None:
            return path
    return None


def font_face_css(served: bool = True) -> str:
    """CSS giving Chinese text a font in any browser: an installed Chinese font when the
    machine has one, else (``served``) the packaged font from the server's :data:`ROUTE`
    (the web app's, or JupyterLab's when started by ``scripts/workbook``; a server that
    does not serve it answers 404 and the installed fonts stay).
    The family comes first in JupyterLab's and the widgets' font stacks, limited to
    :data:`CJK_RANGES`, so Latin text keeps its font.

    >>> css = font_face_css()
    >>> 'local("Microsoft YaHei")' in css and 'url("/shoporg/font/NotoSansCJK-Regular.ttc")' in css
    True
    >>> "url(" in font_face_css(served=False)
    False
    """
    sources = [f'local("{name}")' for name in CJK_FONTS]
    path = packaged_font()
    if served and path is not None:
        sources.append(f'url("/{ROUTE}{path.name}") format("collection")')
    stack = f'"{FAMILY}", system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'
    return (f"@font-face {{ font-family: \"{FAMILY}\"; src: {', '.join(sources)}; unicode-range: {CJK_RANGES}; "
            "font-display: swap; }\n"
            f":root {{ --jp-ui-font-family: {stack}; --jp-content-font-family: {stack}; }}\n"
            f"body, .jupyter-widgets, .widget-label, .widget-html-content, .widget-button, .widget-toggle-button, "
            f".widget-dropdown select, .widget-select select, .widget-text input, .widget-textarea textarea, "
            f".lm-TabBar-tabLabel, .p-TabBar-tabLabel {{ font-family: {stack}; }}\n")
