"""One error tree for shoporg.

Every error is a :class:`ShopOrgError` (a ``ValueError``) and says *where*
(file, dotted key path such as ``roles[4].pay[1].rate``, line) and *what is
allowed*. Validation collects every problem it finds, so a consultant fixes a
file in one pass instead of one error at a time.

Examples
--------
>>> p = Problem("roles[3].headcount", "must be >= 0, got -1", file="shop.yaml", line=12)
>>> str(p)
'shop.yaml:12: roles[3].headcount: must be >= 0, got -1'
>>> err = DesignValidationError([p])
>>> isinstance(err, ValueError), err.problems[0].location
(True, 'roles[3].headcount')
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = [
    "Problem",
    "ShopOrgError",
    "DesignFileError",
    "DesignValidationError",
    "UnknownTemplateError",
    "UnknownRoleError",
    "FileExistsRefusedError",
]


@dataclass(frozen=True)
class Problem:
    """One located problem: the key path, the message, and where the file is."""

    location: str
    message: str
    file: str | None = None
    line: int | None = None

    def at(self, file: str | None = None, line: int | None = None) -> "Problem":
        """Return a copy that names the file (and line) it was found in."""
        return replace(self, file=file if file is not None else self.file,
                       line=line if line is not None else self.line)

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where += f":{self.line}"
        parts = [p for p in (where, self.location) if p]
        return ": ".join(parts + [self.message])


class ShopOrgError(ValueError):
    """Base class of every error shoporg raises on bad input."""


class DesignFileError(ShopOrgError):
    """A file that cannot be read as a design at all (missing, not UTF-8, not YAML...)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        self.problem = Problem("", message, file=file, line=line)
        self.problems = [self.problem]
        super().__init__(str(self.problem))


class DesignValidationError(ShopOrgError):
    """A design whose structure or meaning is wrong; ``problems`` lists each one."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in design"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))

    def at(self, file: str, lines: dict[str, int] | None = None) -> "DesignValidationError":
        """Return the same error with every problem located in ``file``."""
        lines = lines or {}
        return DesignValidationError(
            [p.at(file, lines.get(p.location)) for p in self.problems])


class UnknownTemplateError(ShopOrgError, LookupError):
    """A template id that is not in ``templates/``."""


class UnknownRoleError(ShopOrgError, LookupError):
    """A role id that is not in the design."""


class FileExistsRefusedError(ShopOrgError, FileExistsError):
    """Saving would overwrite an existing file and ``overwrite=True`` was not given."""
