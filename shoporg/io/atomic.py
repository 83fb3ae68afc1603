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

Writing over a file keeps its permission bits; a new file gets the user's umask (as
``open()`` would), not the 0600 of a temporary file. A target that cannot be written (a
folder without write permission, a path through a regular file, a name too long for the
file system) is a located :class:`~shoporg.errors.DesignFileError` naming the file.

The temporary file is named ``.NAME.PID.XXXXXXXX.tmp`` (PID: the writing process). A save
killed half way (SIGKILL, power loss) leaves it behind; the next write to the same target
removes such leftovers (see :func:`_remove_stale`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import DesignFileError, FileExistsRefusedError, ShopOrgError
from ..i18n import Phrase

__all__ = ["atomic_write", "check_target", "check_name", "UnwritableError"]

#: A leftover temporary file older than this (seconds) is stale, whoever wrote it.
STALE_AFTER = 3600
#: A leftover of a process that is gone is stale once this old (seconds): the grace
#: covers a temporary file whose writer has just started on another machine sharing
#: the folder (its PID means nothing here).
GONE_AFTER = 60
_NAME_MAX = 255


def _refused(path: Path) -> FileExistsRefusedError:
    return FileExistsRefusedError(Phrase("err.exists", path=str(path)))


class UnwritableError(DesignFileError, OSError):
    """A target that cannot be written: a located error naming the file, and still an
    ``OSError`` for callers that catch those."""


def _unwritable(path: Path, e: OSError) -> UnwritableError:
    """The located error for a target the operating system will not let us write."""
    if e.errno == errno.ENAMETOOLONG or len(os.fsencode(path.name)) > _NAME_MAX:
        return UnwritableError(Phrase("err.write_name_long", n=len(path.name), most=_NAME_MAX), file=str(path))
    if e.errno in (errno.ENOTDIR, errno.EEXIST):
        blocker = next((str(p) for p in path.parents if p.is_file()), e.filename or str(path.parent))
        return UnwritableError(Phrase("err.write_not_dir", part=str(blocker)), file=str(path))
    return UnwritableError(Phrase("err.write_failed", reason=e.strerror or str(e)), file=str(path))


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: the only way to read it is to set it
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine (always True where we cannot tell)."""
    if os.name != "posix":  # os.kill(pid, 0) would signal the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is not ours (EPERM)
        return True
    return True


def _remove_stale(path: Path) -> None:
    """Remove leftover temporary files of earlier saves of ``path`` that were cut short.

    Only files named exactly as ours for this target (``.NAME.PID.XXXXXXXX.tmp``, or the
    earlier ``.NAME.XXXXXXXX.tmp``) and regular files are considered, so nothing a person
    made is touched. One is stale when it is older than :data:`STALE_AFTER` (no save of
    ours takes an hour), or when its writing process (the PID in its name) no longer runs
    on this machine and it is older than :data:`GONE_AFTER`. A save in progress, here or
    from another machine sharing the folder, is never removed: its process runs, and its
    file is young. Errors (a file removed meanwhile, no permission) are ignored: cleaning
    is a courtesy, never a reason for the save to fail.
    """
    pattern = re.compile(r"\." + re.escape(path.name) + r"\.(?:(\d+)\.)?[A-Za-z0-9_]{6,}\.tmp")
    now = time.time()
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if not m:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode):
                continue
            age = now - st.st_mtime
            pid = int(m.group(1)) if m.group(1) else None
            if age > STALE_AFTER or (pid is not None and pid != os.getpid() and age > GONE_AFTER
                                     and not _alive(pid)):
                os.unlink(entry.path)
        except OSError:
            continue


def check_name(path) -> Path:
    """Refuse a file name longer than file systems allow (255 bytes), before any work.

    >>> check_name("报告.docx").name
    '报告.docx'
    >>> check_name("图" * 90 + ".png")
    Traceback (most recent call last):
    ...
    shoporg.io.atomic.UnwritableError: 图...png: the file name is too long (94 characters); allowed: ...
    """
    path = Path(path)
    if len(os.fsencode(path.name)) > _NAME_MAX:
        raise _unwritable(path, OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG)))
    return path


def check_target(path, *, overwrite: bool = False) -> Path:
    """Check before the work that ``path`` can be written: a file name (not a folder) of
    a length the file system takes, not an existing file unless ``overwrite``."""
    path = check_name(path)
    try:
        if path.is_dir():
            raise DesignFileError(Phrase("err.dir_not_file"), file=str(path))
        if path.exists() and not overwrite:
            raise _refused(path)
    except ShopOrgError:
        raise
    except OSError as e:
        raise _unwritable(path, e) from None
    return path


def atomic_write(path, write: Callable[[str], object], *, overwrite: bool = False) -> Path:
    """Call ``write(temporary_path)`` and move the result to ``path``; return ``path``."""
    path = check_target(path, overwrite=overwrite)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except ShopOrgError:
        raise
    except OSError as e:
        raise _unwritable(path, e) from None
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise _refused(path) from None
            except OSError:  # file systems without hard links
                os.replace(tmp, path)
    except ShopOrgError:
        raise
    except OSError as e:
        raise _unwritable(path, e) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
