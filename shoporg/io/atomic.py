"""Atomic, non-clobbering file writes shared by every writer (YAML, Excel, Word, charts).

The content goes to a temporary file beside the target, is flushed to disk, and is
moved into place only when complete, so a reader never sees half a file. Without
``overwrite`` an existing file is never replaced, not even one that appears while
writing (the final step is a hard link, which fails if the name exists).

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> atomic_write(p, lambda tmp: pathlib.Path(tmp).write_text("hi")).read_text()
'hi'
>>> atomic_write(p, lambda tmp: None)
Traceback (most recent call last):
...
shoporg.errors.FileExistsRefusedError: ...a.txt: already exists; pass overwrite=True (CLI: --overwrite) to replace it
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import DesignFileError, FileExistsRefusedError
from ..i18n import Phrase

__all__ = ["atomic_write"]


def _refused(path: Path) -> FileExistsRefusedError:
    return FileExistsRefusedError(Phrase("err.exists", path=str(path)))


def atomic_write(path, write: Callable[[str], object], *, overwrite: bool = False) -> Path:
    """Call ``write(temporary_path)`` and move the result to ``path``; return ``path``."""
    path = Path(path)
    if path.is_dir():
        raise DesignFileError(Phrase("err.dir_not_file"), file=str(path))
    if path.exists() and not overwrite:
        raise _refused(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise _refused(path) from None
            except OSError:  # file systems without hard links
                os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
