"""eculture: strategy-as-code for digital-transformation programmes.

>>> import eculture
>>> s = eculture.Strategy.e_culture()
>>> s.is_valid()
True

The work is done by the Rust core (the private ``eculture._eculture`` module); this package
only re-exports it next to the exception hierarchy.

Large plans (a million measures) are answered column-wise, so that the Python boundary does
not cost more than the algorithm:

==========================================  ==============================================
call                                        what crosses the boundary
==========================================  ==============================================
``Strategy.load(path)``                     nothing: the file is read and parsed in Rust
``Strategy.measure_count``                  one int
``Strategy.measure_ids``                    O(1) view, no copy; strings made per item asked
``wave_index()``, ``order_indices()``,      one NumPy array; the core's buffer is moved into
``impact_indices(ids)``,                    it, not copied (4 bytes per measure, 8 for
``descendant_counts(ids)``                  ``descendant_counts``)
``rollup()``                                clusters x modules arrays (small), built once,
                                            read-only; ``executed_share()`` is a new array
``measure_ids[i]``, ``[slice]``,            copies: one Python str per id returned
``[index array]``, ``to_list()``
``waves()``, ``topological_order()``,       lazy views (``IdLists``, ``IdList``) over the
``impact()``, ``ancestors()``,              core's index arrays: O(1) to hand over, a str
``cyclic_blocks()``                         made per item read; ``to_list()`` copies
``validate()``                              a lazy ``Diagnostics`` sequence over the core's
                                            list: a ``Diagnostic`` made per item read
``matrix()``, monitoring results            copies (small results)
==========================================  ==============================================

Measure indices are positions in ``document()["measures"]``; map them back to ids with
``s.measure_ids[indices]``. NumPy is a required dependency.
"""

from collections.abc import Sequence as _Sequence

from ._eculture import (
    Achievement,
    Diagnostic,
    Diagnostics,
    ExecutionRate,
    IdList,
    IdLists,
    Matrix,
    MatrixCell,
    MeasureIds,
    Micmac,
    MonitoringReport,
    PlanDiff,
    Portfolio,
    ResultsRating,
    Rollup,
    Schedule,
    Strategy,
    Triage,
    __version__,
    diagnostic_entity,
    format_diagnostic,
    format_of,
    gap_reason_text,
    json_schema,
    near_critical_days,
    operations,
    percent_text,
)
from ._records import Records
from ._errors import (
    ArgumentError,
    CycleError,
    EcultureError,
    EcultureFileExistsError,
    EcultureFileNotFoundError,
    EcultureIOError,
    EcultureIsADirectoryError,
    EcultureNotADirectoryError,
    EculturePermissionError,
    ParseError,
    ScheduleError,
    ValidationError,
)

# Read-only sequences: isinstance(s.measure_ids, collections.abc.Sequence) is True, and so for
# the lazy results (IdList: impact(), topological_order(); IdLists: waves(), cyclic_blocks()).
_Sequence.register(MeasureIds)
_Sequence.register(IdList)
_Sequence.register(IdLists)
_Sequence.register(Diagnostics)

__all__ = [
    "Achievement",
    "ArgumentError",
    "CycleError",
    "Diagnostic",
    "Diagnostics",
    "EcultureError",
    "EcultureFileExistsError",
    "EcultureFileNotFoundError",
    "EcultureIOError",
    "EcultureIsADirectoryError",
    "EcultureNotADirectoryError",
    "EculturePermissionError",
    "ExecutionRate",
    "IdList",
    "IdLists",
    "Matrix",
    "MatrixCell",
    "MeasureIds",
    "Micmac",
    "MonitoringReport",
    "ParseError",
    "PlanDiff",
    "Portfolio",
    "Records",
    "ResultsRating",
    "Rollup",
    "Schedule",
    "ScheduleError",
    "Strategy",
    "Triage",
    "ValidationError",
    "__version__",
    "diagnostic_entity",
    "format_diagnostic",
    "format_of",
    "gap_reason_text",
    "json_schema",
    "near_critical_days",
    "operations",
    "percent_text",
]
