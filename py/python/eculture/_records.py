"""Tables in results: a list of dicts that converts itself to a pandas DataFrame.

The native module returns every table of a result (execution-rate records, achievement
records, triage rows, the reporting calendar, ...) as a ``Records`` list, so that
``s.execution_rate(by="direction")["records"].to_pandas()`` works without knowing the columns.
"""

from __future__ import annotations

from typing import Any


class Records(list):  # type: ignore[type-arg]
    """A list of records (dicts with the same keys): a table of a result."""

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame, one row per record, columns in record order."""
        try:
            import pandas
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(
                "Records.to_pandas() needs pandas; install it with `pip install 'eculture[pandas]'`"
            ) from e
        columns = list(self[0].keys()) if self else None
        return pandas.DataFrame(list(self), columns=columns)

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """The records as an Arrow C stream (the Arrow PyCapsule interface), typed by the core
        like every other table: ``pyarrow.table(r)``, ``polars.DataFrame(r)``, DuckDB."""
        from eculture._eculture import records_arrow

        return records_arrow(self)

    def to_arrow(self) -> Any:
        """The records as a ``pyarrow.Table`` (requires pyarrow). ``pyarrow.table(records)``
        would read a list as columns, so a ``Records`` list is handed over by this method (or
        ``pyarrow.RecordBatchReader.from_stream(records)``)."""
        try:
            import pyarrow
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(
                "Records.to_arrow() needs pyarrow; install it with `pip install pyarrow`"
            ) from e
        return pyarrow.RecordBatchReader.from_stream(self).read_all()

    def to_polars(self) -> Any:
        """The records as a polars DataFrame (requires polars), typed as ``to_arrow()``."""
        try:
            import polars
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError(
                "Records.to_polars() needs polars; install it with `pip install polars`"
            ) from e
        return polars.DataFrame(_Stream(self))

    def __repr__(self) -> str:
        return f"Records({list.__repr__(self)})"


class _Stream:
    """A ``Records`` list seen only through its Arrow stream (polars reads a plain list as
    rows of its own typing)."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._records.__arrow_c_stream__(requested_schema)


class Pictured(dict):  # type: ignore[type-arg]
    """A result (plain data) that also shows as the core's picture of it in notebooks
    (``rollout()``, ``dsm()``)."""

    def __init__(self, data: Any, svg: str) -> None:
        super().__init__(data)
        self._svg = svg

    def _repr_svg_(self) -> str:
        return self._svg
