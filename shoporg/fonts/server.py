"""The packaged Chinese font served by a Jupyter server at :data:`shoporg.fonts.ROUTE`, so
that a browser without a Chinese font shows the workbook's Chinese (see
:func:`shoporg.fonts.font_face_css`).

The web app adds :func:`font_handlers` itself (:func:`shoporg.app.serve`); JupyterLab
loads this module as a server extension when asked on its command line (``scripts/workbook``
does: ``--ServerApp.jpserver_extensions={'shoporg.fonts.server': True}``), which changes
no setting of the user's.

>>> [route for route, *_ in font_handlers("/")]
['/shoporg/font/(NotoSansCJK\\\\-Regular\\\\.ttc)']
"""

from __future__ import annotations

import re

from . import ROUTE, packaged_font

__all__ = ["font_handlers"]


def font_handlers(base_url: str = "/") -> list[tuple]:
    """Tornado handlers serving the packaged font under ``base_url`` (none when it is not installed)."""
    import tornado.web  # the server's own: loaded in a server only

    font = packaged_font()
    if font is None:
        return []
    route = "/" + "/".join(p for p in (base_url.strip("/"), ROUTE.strip("/")) if p) + "/(" + re.escape(font.name) + ")"
    return [(route, tornado.web.StaticFileHandler, {"path": str(font.parent)})]


def _jupyter_server_extension_points():
    return [{"module": "shoporg.fonts.server"}]


def _load_jupyter_server_extension(serverapp) -> None:
    serverapp.web_app.add_handlers(".*$", font_handlers(serverapp.base_url))
