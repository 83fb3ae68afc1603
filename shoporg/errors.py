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

A problem made from a catalogue :class:`~shoporg.i18n.Phrase` keeps its key and fields,
so it reads in Chinese too; ``message`` and ``str()`` stay English:

>>> from shoporg.i18n import Phrase
>>> q = Problem("roles[3].headcount", Phrase("err.min", minimum=0, got="-1"), file="shop.yaml", line=12)
>>> str(q), q.key
('shop.yaml:12: roles[3].headcount: must be >= 0, got -1', 'err.min')
>>> q.text("zh")
'shop.yaml:12: roles[3].headcount：须不小于 0，实际为 -1'
>>> error_text(DesignValidationError([q]), "zh") == q.text("zh")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .i18n import Phrase, t

__all__ = [
    "Problem",
    "error_text",
    "error_words",
    "quoted_role",
    "ShopOrgError",
    "DesignFileError",
    "DesignValidationError",
    "UnknownTemplateError",
    "UnknownRoleError",
    "FileExistsRefusedError",
]


@dataclass(frozen=True)
class Problem:
    """One located problem: the key path, the message, and where the file is.

    ``message`` may be given as a :class:`~shoporg.i18n.Phrase`: ``message`` is then its
    English text and ``key``/``fields`` keep it for :meth:`text` in another language.
    """

    location: str
    message: str
    file: str | None = None
    line: int | None = None
    key: str | None = field(default=None, compare=False)
    fields: dict | None = field(default=None, compare=False, hash=False)

    def __post_init__(self):
        if isinstance(self.message, Phrase):
            phrase = self.message
            object.__setattr__(self, "message", phrase.text("en"))
            object.__setattr__(self, "key", phrase.key)
            object.__setattr__(self, "fields", dict(phrase.fields))

    @property
    def phrase(self) -> Phrase | None:
        """The catalogue phrase of the message (None for a message given as plain text)."""
        return Phrase(self.key, **(self.fields or {})) if self.key else None

    def message_text(self, lang: str = "zh") -> str:
        """The message in ``lang`` (a plain-text message as it was given)."""
        return t(self.key, lang, **(self.fields or {})) if self.key else self.message

    def text(self, lang: str = "zh") -> str:
        """The located problem in ``lang``, like ``str()`` but with the message in ``lang`` (a
        message given as plain text reads as ``str()``)."""
        if not self.key:
            return str(self)
        where = self.file or ""
        if self.file and self.line:
            where += f":{self.line}"
        parts = [p for p in (where, self.location) if p]
        return t("err.located", lang, where=": ".join(parts), message=self.message_text(lang)) if parts \
            else self.message_text(lang)

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
    """Base class of every error shoporg raises on bad input.

    The message may be a :class:`~shoporg.i18n.Phrase`; ``str()`` is then English and
    :meth:`text` gives any language.
    """

    def __init__(self, *args):
        self.phrase = args[0] if args and isinstance(args[0], Phrase) else None
        super().__init__(*((str(args[0]),) + args[1:] if self.phrase else args))

    def text(self, lang: str = "zh") -> str:
        """The error in ``lang``: one line per located problem when it has them."""
        problems = getattr(self, "problems", None)
        if problems:
            return "\n".join(p.text(lang) for p in problems)
        return self.phrase.text(lang) if self.phrase else str(self)


def error_text(err: BaseException, lang: str = "zh") -> str:
    """The readable text of any error in ``lang``: a shoporg error's own words, a
    ``ValueError`` raised with a phrase, else ``str(err)``.

    >>> error_text(ValueError(Phrase("err.min", minimum=0, got="-1")), "zh")
    '须不小于 0，实际为 -1'
    """
    if isinstance(err, ShopOrgError):
        return err.text(lang)
    if err.args and isinstance(err.args[0], Phrase):
        return err.args[0].text(lang)
    return str(err)


def error_words(err: BaseException) -> dict[str, str]:
    """An error's text in every language, to be a field of another phrase (one error
    reported inside another); the English is ``str(err)``.

    >>> error_words(ValueError(Phrase("err.min", minimum=0, got="-1")))["zh"]
    '须不小于 0，实际为 -1'
    """
    return {"zh": error_text(err, "zh"), "en": str(err)}


def quoted_role(role_id: str, name=None) -> dict[str, str]:
    """A role named in a message (a phrase field): by its Chinese name when it is known, by its
    id as a file writes it in English.

    >>> quoted_role("picker", "捡单员"), quoted_role("picker")["zh"]
    ({'zh': '“捡单员”', 'en': "'picker'"}, "'picker'")
    """
    name = getattr(name, "zh", name)
    return {"zh": f"“{name}”" if name else repr(role_id), "en": repr(role_id)}


class DesignFileError(ShopOrgError):
    """A file that cannot be read as a design at all (missing, not UTF-8, not YAML...)."""

    def __init__(self, message: str | Phrase, file: str | None = None, line: int | None = None):
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
