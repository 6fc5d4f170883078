"""The exception hierarchy.

Every error raised by eculture is an :class:`EcultureError`, which is a :class:`ValueError`.
The native module builds these from the core's errors (``py/src/errors.rs``), passing the
structured fields as keyword arguments; ``str(err)`` is the core's one-line message.
"""

from __future__ import annotations

import os
from typing import Any, Optional, Tuple

__all__ = [
    "ArgumentError",
    "CycleError",
    "EcultureError",
    "EcultureFileExistsError",
    "EcultureFileNotFoundError",
    "EcultureIOError",
    "EcultureIsADirectoryError",
    "EcultureNotADirectoryError",
    "EculturePermissionError",
    "ParseError",
    "ScheduleError",
    "ValidationError",
]


#: The attributes every eculture exception carries (None where they do not apply), one per
#: field of the core's ``ErrorInfo``: the JavaScript errors carry the same ones.
FIELDS = (
    "code",
    "path",
    "location",
    "line",
    "column",
    "source",
    "format",
    "id",
    "kind",
    "cycle",
    "diagnostics",
)


class EcultureError(ValueError):
    """Base class of every eculture error.

    Every eculture exception has the same attributes (None where they do not apply):

    Attributes:
        code: stable machine-readable code: ``parse_error``, ``io_error``,
            ``validation_error``, ``dependency_cycle``, ``invalid_argument`` or
            ``schedule_error``.
        path: where the problem is: a JSON path (``measures[3].start``), a file path, or an
            argument (``options.calendar``, ``ids[0]``).
        location: the core's location string (``file:line:column`` for parse errors).
        line, column: 1-based position in the text (of a syntax error, or of the first
            blocking diagnostic).
        source: the file (or ``<string>``) a parse or I/O error is about.
        format: ``json``, ``yaml`` or ``toml`` for a parse error.
        id: the measure or entity concerned.
        kind: what kind of schedule or I/O error it is (``no_working_days``, ``not_found``).
        cycle: the measure ids on a dependency cycle (``CycleError``).
        diagnostics: the diagnostics that stop the operation (``ValidationError``,
            ``CycleError``).
    """

    code: str = "error"

    def __init__(self, message: str = "", **info: Any) -> None:
        super().__init__(message)
        unknown = set(info) - set(FIELDS)
        if unknown:
            raise TypeError(f"unknown error field(s): {', '.join(sorted(unknown))}")
        for field in FIELDS:
            value = info.get(field)
            if field == "code":
                if value is not None:
                    self.code = value
                continue
            if field in ("cycle", "diagnostics") and value is not None:
                value = list(value)
            setattr(self, field, value)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), self.args, self.__dict__)


class ParseError(EcultureError):
    """Malformed JSON, YAML or TOML, or a value of the wrong type: ``line``, ``column``,
    ``path`` (``measures[0].duration_days``), ``format`` and ``source`` say where."""

    code = "parse_error"


class EcultureIOError(EcultureError, OSError):
    """A file could not be read or written, or its extension is not .json/.yaml/.yml/.toml.

    Also an :class:`OSError`; ``path`` and ``filename`` are the file path. When the operating
    system reported the error, ``errno`` is its number (``errno.ENOENT``, ...) and ``strerror``
    its text; both are None for an unknown extension. For the errors Python itself maps to a
    builtin subclass, the exception raised is a subclass of both this class and that builtin
    (:class:`EcultureFileNotFoundError` is a :class:`FileNotFoundError`, and so on), so
    ``except FileNotFoundError`` works as with :func:`open`.
    """

    code = "io_error"

    def __init__(self, message: str = "", *, errno: Optional[int] = None, **info: Any) -> None:
        super().__init__(message, **info)
        self.filename = self.path
        self.errno = errno
        self.strerror = os.strerror(errno) if errno is not None else None

    def __str__(self) -> str:
        # OSError.__str__ would render "[Errno None] None: <filename>".
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> Tuple[Any, ...]:
        # OSError.__reduce__ would call __init__(errno, strerror, filename); its attributes
        # are slots, not in __dict__.
        state = {
            **self.__dict__,
            "filename": self.filename,
            "errno": self.errno,
            "strerror": self.strerror,
        }
        return (type(self), self.args, state)


class EcultureFileNotFoundError(EcultureIOError, FileNotFoundError):
    """The file does not exist (``errno.ENOENT``)."""


class EculturePermissionError(EcultureIOError, PermissionError):
    """Permission denied (``errno.EACCES``)."""


class EcultureFileExistsError(EcultureIOError, FileExistsError):
    """The file already exists (``errno.EEXIST``)."""


class EcultureIsADirectoryError(EcultureIOError, IsADirectoryError):
    """The path is a directory (``errno.EISDIR``)."""


class EcultureNotADirectoryError(EcultureIOError, NotADirectoryError):
    """A component of the path is not a directory (``errno.ENOTDIR``)."""


class ValidationError(EcultureError):
    """The strategy has errors that stop the requested operation: ``diagnostics`` lists
    exactly those (other diagnostics never stop anything; see docs/diagnostics.md)."""

    code = "validation_error"


class CycleError(ValidationError):
    """The dependency graph has a cycle and the operation needs an acyclic plan: ``cycle``
    lists measure ids in dependency order (each a prerequisite of the next, the last of the
    first), ``path`` is the first measure's (``measures[7]``), ``diagnostics`` the plan's
    ``dependency_cycle`` diagnostics."""

    code = "dependency_cycle"


class ArgumentError(EcultureError):
    """An invalid argument, such as an unknown measure id or option; ``path`` names it
    (``ids[0]``, ``options.calendar``)."""

    code = "invalid_argument"


class ScheduleError(EcultureError):
    """A schedule cannot be computed from the inputs given: ``kind`` is
    ``no_working_days``, ``conflicting_calendar_day``, ``date_out_of_range`` or
    ``invalid_estimate``; ``path`` (``calendar.weekend``) and ``id`` say where."""

    code = "schedule_error"
