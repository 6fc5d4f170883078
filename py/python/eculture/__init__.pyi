# Hand-written stubs for the eculture package. Keep in sync with py/src/*.rs;
# py/tests/test_stubs.py checks that every name, method and parameter here exists at runtime
# and that nothing public is missing.

import os
from typing import Any, Dict, Iterable, List, Literal, Optional, TypedDict, Union, final

from ._errors import ArgumentError as ArgumentError
from ._errors import CycleError as CycleError
from ._errors import EcultureError as EcultureError
from ._errors import EcultureIOError as EcultureIOError
from ._errors import ParseError as ParseError
from ._errors import ScheduleError as ScheduleError
from ._errors import ValidationError as ValidationError

__version__: str

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

def json_schema() -> Dict[str, Any]:
    """The JSON Schema of the strategy document format."""

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
    def topological_order(self) -> List[str]: ...
    def waves(self) -> List[List[str]]: ...
    def impact(self, ids: Iterable[str]) -> List[str]: ...
    def ancestors(self, ids: Iterable[str]) -> List[str]: ...
    def find_cycle(self) -> Optional[List[str]]: ...
    def dependencies(self) -> List[_DependencyDict]: ...
    def cyclic_blocks(self) -> List[List[str]]: ...
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
    def to_dict(self) -> _DiagnosticDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, tuple[str, str, str, Optional[str], str]]: ...

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
