"""The exception hierarchy.

Every error raised by eculture is an :class:`EcultureError`, which is a :class:`ValueError`.
The native module builds these from the core's errors (``py/src/errors.rs``), passing the
structured fields as keyword arguments; ``str(err)`` is the core's one-line message.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, List, Optional, Tuple

if TYPE_CHECKING:
    from . import Diagnostic

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


class EcultureError(ValueError):
    """Base class of every eculture error.

    Attributes:
        code: stable machine-readable code: ``parse_error``, ``io_error``,
            ``validation_error``, ``dependency_cycle`` or ``invalid_argument``.
        path: where the problem is: a JSON path (``measures[3].start``), a file path, or an
            argument (``ids[0]``); None when unknown.
        location: the core's location string (``file:line:column`` for parse errors).
    """

    code: str = "error"

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        path: Optional[str] = None,
        location: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.path = path
        self.location = location


class ParseError(EcultureError):
    """Malformed JSON, YAML or TOML, or a value of the wrong type.

    Attributes:
        line, column: 1-based position of the error, when known.
        path: JSON path of the offending value (``measures[0].duration_days``), when known.
        format: ``json``, ``yaml`` or ``toml``.
        source: the file name, or ``<string>`` for text.
    """

    code = "parse_error"

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        path: Optional[str] = None,
        location: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        format: Optional[str] = None,
        source: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, path=path, location=location)
        self.line = line
        self.column = column
        self.format = format
        self.source = source


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

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        path: Optional[str] = None,
        location: Optional[str] = None,
        errno: Optional[int] = None,
    ) -> None:
        super().__init__(message, code=code, path=path, location=location)
        self.filename = path
        self.errno = errno
        self.strerror = os.strerror(errno) if errno is not None else None

    def __str__(self) -> str:
        # OSError.__str__ would render "[Errno None] None: <filename>".
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> Tuple[Any, ...]:
        # OSError.__reduce__ would call __init__(errno, strerror, filename).
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
    """The strategy has errors that stop the requested operation.

    Attributes:
        diagnostics: the error-severity diagnostics (at least one).
    """

    code = "validation_error"

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        path: Optional[str] = None,
        location: Optional[str] = None,
        diagnostics: Optional[List[Diagnostic]] = None,
    ) -> None:
        super().__init__(message, code=code, path=path, location=location)
        self.diagnostics: List[Diagnostic] = list(diagnostics or [])


class CycleError(ValidationError):
    """The dependency graph has a cycle and the operation needs an acyclic plan.

    Attributes:
        cycle: measure ids in dependency order: each is a prerequisite of the next, and the
            last is a prerequisite of the first.
        path: JSON path of the first measure on the cycle (``measures[7]``).
        diagnostics: the strategy's ``dependency_cycle`` diagnostics.
    """

    code = "dependency_cycle"

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        path: Optional[str] = None,
        location: Optional[str] = None,
        diagnostics: Optional[List[Diagnostic]] = None,
        cycle: Optional[List[str]] = None,
    ) -> None:
        super().__init__(
            message, code=code, path=path, location=location, diagnostics=diagnostics
        )
        self.cycle: List[str] = list(cycle or [])


class ArgumentError(EcultureError):
    """An invalid argument, such as an unknown measure id; ``path`` names it (``ids[0]``)."""

    code = "invalid_argument"


class ScheduleError(EcultureError):
    """A schedule cannot be computed from the inputs given.

    Attributes:
        kind: ``no_working_days``, ``conflicting_calendar_day``, ``date_out_of_range`` or
            ``invalid_estimate``.
        path: where (``calendar.weekend``, ``measures[3].estimate``), when known.
        id: the measure concerned, when there is one.
    """

    code = "schedule_error"

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        path: Optional[str] = None,
        location: Optional[str] = None,
        kind: Optional[str] = None,
        id: Optional[str] = None,
    ) -> None:
        super().__init__(message, code=code, path=path, location=location)
        self.kind = kind
        self.id = id
