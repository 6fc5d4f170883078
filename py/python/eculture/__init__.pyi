# Hand-written stubs for the eculture package. Keep in sync with py/src/*.rs;
# py/tests/test_stubs.py checks that every name, method and parameter here exists at runtime
# and that nothing public is missing.

import datetime
import os
from typing import (
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Literal,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypedDict,
    Union,
    final,
    overload,
)

import numpy as np
import numpy.typing as npt
from typing_extensions import Unpack

from ._errors import ArgumentError as ArgumentError
from ._errors import CycleError as CycleError
from ._errors import EcultureError as EcultureError
# An I/O error from the operating system carries `errno` and `strerror`; for ENOENT, EACCES,
# EEXIST, EISDIR and ENOTDIR the exception raised is the matching subclass below, which is also
# the builtin FileNotFoundError / PermissionError / FileExistsError / IsADirectoryError /
# NotADirectoryError, so `except FileNotFoundError:` works as it does with open().
from ._errors import EcultureFileExistsError as EcultureFileExistsError
from ._errors import EcultureFileNotFoundError as EcultureFileNotFoundError
from ._errors import EcultureIOError as EcultureIOError
from ._errors import EcultureIsADirectoryError as EcultureIsADirectoryError
from ._errors import EcultureNotADirectoryError as EcultureNotADirectoryError
from ._errors import EculturePermissionError as EculturePermissionError
from ._errors import ParseError as ParseError
from ._errors import ScheduleError as ScheduleError
from ._errors import ValidationError as ValidationError

__version__: str

__all__ = [
    "ArgumentError",
    "CycleError",
    "Diagnostic",
    "EcultureError",
    "EcultureFileExistsError",
    "EcultureFileNotFoundError",
    "EcultureIOError",
    "EcultureIsADirectoryError",
    "EcultureNotADirectoryError",
    "EculturePermissionError",
    "IdList",
    "IdLists",
    "Matrix",
    "MatrixCell",
    "MeasureIds",
    "ParseError",
    "Rollup",
    "Schedule",
    "ScheduleError",
    "Strategy",
    "ValidationError",
    "__version__",
    "format_diagnostic",
    "json_schema",
    "operations",
]

_Path = Union[str, "os.PathLike[str]"]
_CellState = Literal["not_applicable", "gap", "covered"]

class _DiagnosticDict(TypedDict):
    severity: Literal["error", "warning"]
    code: str
    path: str
    id: Optional[str]
    message: str

class _CellDict(TypedDict):
    cluster: str
    module: str
    state: _CellState
    measures: List[str]

class _MatrixDict(TypedDict):
    clusters: List[str]
    modules: List[str]
    cells: List[_CellDict]

# "from" is a keyword, hence the functional form.
_DependencyDict = TypedDict(
    "_DependencyDict",
    {
        "from": str,
        "to": str,
        "relation": Literal["FS", "SS", "FF", "SF"],
        "lag_days": int,
        "derived": bool,
        "module": Optional[str],
        "cluster": Optional[str],
    },
)

class _Coverage(TypedDict):
    id: str
    covered: int
    gaps: int
    applicable: int
    share: Optional[float]

class _CoverageReport(TypedDict):
    overall: _Coverage
    clusters: List[_Coverage]
    modules: List[_Coverage]

class _RollupDict(TypedDict):
    clusters: List[str]
    modules: List[str]
    measures: List[int]  # row-major, cluster by cluster
    executed: List[int]
    applicable: List[bool]

# An index into MeasureIds that selects several ids: an integer array (e.g. order_indices()),
# a sequence of ints, or a boolean mask of the view's length.
_IndexArray = Union[npt.NDArray[np.integer[Any]], npt.NDArray[np.bool_], Sequence[int]]

# Scheduling options shared by Strategy.schedule/what_if/rollout/risk.
_DateArg = Union[str, datetime.date, None]
_CalendarArg = Union[Literal["weekdays", "azerbaijan_example"], Mapping[str, Any], None]

class _ScheduleOptions(TypedDict, total=False):
    start: _DateArg
    calendar: _CalendarArg
    critical_float_days: int
    near_critical_days: int
    must_finish_by: _DateArg
    max_critical_paths: int

class _RiskOptions(_ScheduleOptions, total=False):
    runs: int
    seed: int

class _ChangeDict(TypedDict, total=False):
    id: str
    days: int
    kind: Literal["duration", "start"]

class _ScheduleRecord(TypedDict):
    id: str
    duration: int
    early_start: int
    early_finish: int
    late_start: int
    late_finish: int
    total_float: int
    free_float: int
    critical: bool
    early_start_date: str
    early_finish_date: str
    late_start_date: str
    late_finish_date: str

def json_schema() -> Dict[str, Any]:
    """The JSON Schema of the strategy document format."""

def format_diagnostic(d: Diagnostic) -> str:
    """A diagnostic as one line (the same text on every surface)."""

def operations() -> List[Dict[str, Any]]:
    """The table of operations every surface exposes, with their Rust, Python and JS names."""

@final
class IdList(Sequence[str]):
    """A lazy, read-only sequence of measure ids (strings made per item asked for)."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: int) -> str: ...
    @overload
    def __getitem__(self, key: slice) -> IdList: ...
    def __iter__(self) -> Iterator[str]: ...
    def __contains__(self, key: object) -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def index(self, value: str) -> int: ...  # type: ignore[override]
    def count(self, value: str) -> int: ...  # type: ignore[override]
    def to_list(self) -> List[str]: ...
    def to_numpy(self) -> npt.NDArray[np.object_]: ...
    @property
    def indices(self) -> npt.NDArray[np.uint32]: ...

@final
class IdLists(Sequence[IdList]):
    """A lazy, read-only sequence of IdLists (waves, cyclic blocks), stored flat."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: int) -> IdList: ...
    @overload
    def __getitem__(self, key: slice) -> List[IdList]: ...
    def __iter__(self) -> Iterator[IdList]: ...
    def __eq__(self, other: object) -> bool: ...
    def to_list(self) -> List[List[str]]: ...
    @property
    def indices(self) -> npt.NDArray[np.uint32]: ...
    @property
    def offsets(self) -> npt.NDArray[np.uint32]: ...

@final
class Strategy:
    """A strategy document with its validation index and dependency graph (cached, immutable)."""

    @staticmethod
    def e_culture() -> Strategy: ...
    @staticmethod
    def from_json(text: str) -> Strategy: ...
    @staticmethod
    def from_yaml(text: str) -> Strategy: ...
    @staticmethod
    def from_toml(text: str) -> Strategy: ...
    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> Strategy: ...
    @staticmethod
    def load(path: _Path) -> Strategy: ...
    def to_json(self) -> str: ...
    def to_yaml(self) -> str: ...
    def to_toml(self) -> str: ...
    def save(self, path: _Path) -> None: ...
    def document(self) -> Dict[str, Any]: ...
    @property
    def id(self) -> str: ...
    def validate(self) -> List[Diagnostic]: ...
    def is_valid(self) -> bool: ...
    def matrix(self) -> Matrix: ...
    def blocking(
        self, need: Literal["cells", "graph", "dag", "schedule"]
    ) -> List[Diagnostic]: ...
    def topological_order(self) -> IdList: ...
    def waves(self) -> IdLists: ...
    def impact(self, ids: Union[str, Iterable[str]]) -> IdList: ...
    def ancestors(self, ids: Union[str, Iterable[str]]) -> IdList: ...
    def find_cycle(self) -> Optional[List[str]]: ...
    def dependencies(self) -> List[_DependencyDict]: ...
    def cyclic_blocks(self) -> IdLists: ...
    # Columnar results: measure indices are positions in document()["measures"]; each array
    # is the core's buffer moved into NumPy (no copy).
    @property
    def measure_count(self) -> int: ...
    @property
    def measure_ids(self) -> MeasureIds: ...
    def measure_id(self, index: int) -> str: ...
    def wave_index(self) -> npt.NDArray[np.uint32]: ...
    def order_indices(self) -> npt.NDArray[np.uint32]: ...
    def impact_indices(self, ids: Union[str, Iterable[str]]) -> npt.NDArray[np.uint32]: ...
    def descendant_counts(self, ids: Union[str, Iterable[str]]) -> npt.NDArray[np.uint64]: ...
    def rollup(self) -> Rollup: ...
    # Scheduling (critical path method); see docs/scheduling.md. Options are keyword
    # arguments; the core holds their defaults and checks them.
    def schedule(self, **options: Unpack[_ScheduleOptions]) -> Schedule: ...
    def schedule_with_changes(
        self,
        changes: Iterable[Union[_ChangeDict, Tuple[str, int]]],
        **options: Unpack[_ScheduleOptions],
    ) -> Schedule: ...
    def what_if(
        self,
        changes: Iterable[Union[_ChangeDict, Tuple[str, int]]],
        **options: Unpack[_ScheduleOptions],
    ) -> Dict[str, Any]: ...
    def rollout(self, **options: Unpack[_ScheduleOptions]) -> Dict[str, Any]: ...
    def redundant_dependencies(self) -> List[Dict[str, Any]]: ...
    def dsm(self) -> Dict[str, Any]: ...
    def risk(self, **options: Unpack[_RiskOptions]) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __copy__(self) -> Strategy: ...
    def __deepcopy__(self, memo: Any) -> Strategy: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class Diagnostic:
    """One validation finding."""

    def __new__(
        cls,
        severity: Literal["error", "warning"],
        code: str,
        path: str,
        id: Optional[str],
        message: str,
        suggestion: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
    ) -> Diagnostic: ...
    @property
    def severity(self) -> Literal["error", "warning"]: ...
    @property
    def code(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def id(self) -> Optional[str]: ...
    @property
    def message(self) -> str: ...
    @property
    def suggestion(self) -> Optional[str]: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...
    @property
    def blocks(self) -> Optional[Literal["cells", "graph", "dag", "schedule"]]: ...
    def to_dict(self) -> _DiagnosticDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(
        self,
    ) -> tuple[
        Any,
        tuple[
            str, str, str, Optional[str], str, Optional[str], Optional[int], Optional[int]
        ],
    ]: ...

@final
class Matrix:
    """The cluster x module matrix."""

    @property
    def clusters(self) -> List[str]: ...
    @property
    def modules(self) -> List[str]: ...
    @property
    def cells(self) -> List[MatrixCell]: ...
    def coverage(self) -> _CoverageReport: ...
    def gaps(self) -> List[MatrixCell]: ...
    def cell(self, cluster: str, module: str) -> Optional[MatrixCell]: ...
    def to_markdown(self) -> str: ...
    def to_csv(self) -> str: ...
    def to_dict(self) -> _MatrixDict: ...
    def to_pandas(self) -> Any: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class MatrixCell:
    """One cell of the matrix."""

    @property
    def cluster(self) -> str: ...
    @property
    def module(self) -> str: ...
    @property
    def state(self) -> _CellState: ...
    @property
    def measures(self) -> List[str]: ...
    def to_dict(self) -> _CellDict: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class MeasureIds(Sequence[str]):
    """The measure ids in document order: an O(1) read-only view (strings made on access)."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: int) -> str: ...
    @overload
    def __getitem__(self, key: slice) -> List[str]: ...
    @overload
    def __getitem__(self, key: np.integer[Any]) -> str: ...
    @overload
    def __getitem__(self, key: _IndexArray) -> List[str]: ...
    def __iter__(self) -> Iterator[str]: ...
    def __contains__(self, key: object) -> bool: ...
    def index(self, value: str) -> int: ...  # type: ignore[override]
    def count(self, value: str) -> int: ...
    def to_list(self) -> List[str]: ...

@final
class Rollup:
    """The cluster x module roll-up: 2-D arrays, clusters (rows) x modules (columns)."""

    @property
    def clusters(self) -> List[str]: ...
    @property
    def modules(self) -> List[str]: ...
    @property
    def measures(self) -> npt.NDArray[np.uint32]: ...
    @property
    def executed(self) -> npt.NDArray[np.uint32]: ...
    @property
    def applicable(self) -> npt.NDArray[np.bool_]: ...
    def executed_share(self) -> npt.NDArray[np.float64]: ...
    def mean_executed_share(self) -> Optional[float]: ...
    def to_dict(self) -> _RollupDict: ...
    def to_pandas(self) -> Any: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Schedule:
    """A computed schedule: day offsets from project_start (finish exclusive) and ISO dates."""

    @property
    def duration_days(self) -> int: ...
    @property
    def project_start(self) -> str: ...
    @property
    def finish_date(self) -> str: ...
    def __len__(self) -> int: ...
    def to_records(self) -> List[_ScheduleRecord]: ...
    def record(self, id: str) -> _ScheduleRecord: ...
    def columns(self) -> Dict[str, npt.NDArray[Any]]: ...
    @property
    def critical_paths(self) -> List[List[str]]: ...
    def critical_path_indices(self) -> List[npt.NDArray[np.uint32]]: ...
    @property
    def critical_paths_truncated(self) -> bool: ...
    @property
    def critical_ids(self) -> List[str]: ...
    @property
    def near_critical(self) -> List[str]: ...
    @property
    def infeasible_deadlines(self) -> List[Dict[str, Any]]: ...
    def report(self) -> Dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_csv(self) -> str: ...
    def to_mermaid(self) -> str: ...
    def to_pandas(self) -> Any: ...
