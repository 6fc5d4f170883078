"""eculture: strategy-as-code for digital-transformation programmes.

>>> import eculture
>>> s = eculture.Strategy.e_culture()
>>> s.is_valid()
True

The work is done by the Rust core (the private ``eculture._eculture`` module); this package
only re-exports it next to the exception hierarchy.
"""

from ._eculture import (
    Diagnostic,
    Matrix,
    MatrixCell,
    Strategy,
    __version__,
    json_schema,
)
from ._errors import (
    ArgumentError,
    CycleError,
    EcultureError,
    EcultureIOError,
    ParseError,
    ScheduleError,
    ValidationError,
)

__all__ = [
    "ArgumentError",
    "CycleError",
    "Diagnostic",
    "EcultureError",
    "EcultureIOError",
    "Matrix",
    "MatrixCell",
    "ParseError",
    "ScheduleError",
    "Strategy",
    "ValidationError",
    "__version__",
    "json_schema",
]
