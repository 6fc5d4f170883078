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

    def __repr__(self) -> str:
        return f"Records({list.__repr__(self)})"


class Pictured(dict):  # type: ignore[type-arg]
    """A result (plain data) that also shows as the core's picture of it in notebooks
    (``rollout()``, ``dsm()``)."""

    def __init__(self, data: Any, svg: str) -> None:
        super().__init__(data)
        self._svg = svg

    def _repr_svg_(self) -> str:
        return self._svg
