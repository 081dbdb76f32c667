"""The exceptions of ``according``.

Every error the library raises is an :class:`Error`; its subclasses match
the kinds of the library's error, and ``str(error)`` is the library's
message, unchanged (lowercase, naming the offending item). Each subclass
also derives from the built-in exception a Python user would catch for the
same problem (``LookupError``, ``ValueError``, ``OSError``).
"""

from __future__ import annotations

from typing import Optional


class Error(Exception):
    """Base class of every error raised by ``according``."""


class UnknownIdError(Error, LookupError):
    """An id, key or index names no item of the graph.

    ``kind`` is ``"source"``, ``"claim"``, ``"report"`` or ``"document"``;
    ``id`` is the reference as given (a printed id such as ``"r12"``, a key
    or an index).
    """

    kind: str = ""
    id: str = ""


class ParseError(Error, ValueError):
    """Input in one of the formats is malformed or inconsistent.

    ``format`` is ``"json"``, ``"prov-json"``, ``"edge list"``, ...;
    ``line`` and ``column`` are 1-based, 0 where unknown; ``detail`` is the
    message without the format and position.
    """

    format: str = ""
    line: int = 0
    column: int = 0
    detail: str = ""


class UnsupportedVersionError(ParseError):
    """A native JSON file declares a format version this release cannot read."""

    found: int = 0
    supported: int = 0


class InvalidValueError(Error, ValueError):
    """A value could not be parsed from its textual form (a date, an id).

    ``what`` names the kind of value, ``value`` is the text given.
    """

    what: str = ""
    value: str = ""


class InvalidGraphError(Error, ValueError):
    """The operation would make an invalid graph: a duplicate key, a report
    relaying itself, an evidence span outside its text, ..."""


class LimitExceededError(Error):
    """An input exceeded a limit (size of a file or text, number of chains).

    Inputs are rejected, never silently truncated. ``what`` names what was
    counted, ``limit`` the limit in force.
    """

    what: str = ""
    limit: int = 0


class IoError(Error, OSError):
    """Reading or writing a file failed. ``path`` is the file, where known."""

    path: Optional[str] = None


__all__ = [
    "Error",
    "UnknownIdError",
    "ParseError",
    "UnsupportedVersionError",
    "InvalidValueError",
    "InvalidGraphError",
    "LimitExceededError",
    "IoError",
]
