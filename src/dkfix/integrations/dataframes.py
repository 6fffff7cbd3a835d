"""`fix_pandas` and `fix_polars`: fix a text column of a pandas or polars table.

Both take a Series, or a DataFrame and the name of its text column (``"text"`` unless
told), and return a new object; the input is never modified. Missing values (None,
NaN, pandas.NA, polars null) stay missing. Any other value that is not a str raises a
TypeError naming the column and the row: passing a number or bytes through unchanged
would hide a problem in the data, and guessing text from it is not dkfix's to do (bytes
of unknown encoding: `dkfix.fix_bytes`).

With `edits_column`, a column of that name is added holding each row's edits by kind,
``[{"kind": "fix_encoding", "count": 3}]``, ``[]`` for a row left unchanged or missing.

pandas and polars are imported when a function is called, so this module imports with
either, or neither, installed.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from ..config import Config, with_overrides
from ..edits import Fixed
from ._common import edit_count_rows, fix_column

if TYPE_CHECKING:
    import polars as pl

DEFAULT_COLUMN = "text"


def fix_pandas(
    data: Any,
    column: str | None = None,
    *,
    config: Config | None = None,
    edits_column: str | None = None,
    **overrides: Any,
) -> Any:
    """Return a copy of a pandas Series, or of a DataFrame, with its texts fixed by dkfix.

    For a DataFrame, `column` names the text column (default ``"text"``). A Series keeps
    its index, name and string dtype; `edits_column` needs a DataFrame. `config` and
    keyword overrides of its fields choose the fixes, as in `dkfix.fix_text`.
    """
    pd = _import("pandas")  # no type hints in pandas: Any rather than ignores line by line
    resolved = with_overrides(config, overrides)
    if isinstance(data, pd.Series):
        if column is not None or edits_column is not None:
            raise ValueError("fix_pandas(): column and edits_column need a DataFrame, not a Series")
        return _fix_pandas_series(pd, data, resolved)[0]
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"fix_pandas() takes a pandas Series or DataFrame, not {type(data).__name__}"
        )
    name = DEFAULT_COLUMN if column is None else column
    _check_columns(list(data.columns), name, edits_column, "fix_pandas")
    texts, results = _fix_pandas_series(pd, data[name], resolved)
    changes = {name: texts}
    if edits_column is not None:
        changes[edits_column] = pd.Series(_edit_rows(results), index=data.index, dtype=object)
    return data.assign(**changes)


def _fix_pandas_series(pd: Any, series: Any, config: Config) -> tuple[Any, list[Fixed | None]]:
    """The fixed Series and the result per row."""
    results = fix_column(series.tolist(), config, column=_series_name(series), labels=series.index)
    # A categorical column would turn every text not among its categories into NaN.
    dtype = None if isinstance(series.dtype, pd.CategoricalDtype) else series.dtype
    texts = [None if fixed is None else fixed.text for fixed in results]
    return pd.Series(texts, index=series.index, name=series.name, dtype=dtype), results


def fix_polars(
    data: Any,
    column: str | None = None,
    *,
    config: Config | None = None,
    edits_column: str | None = None,
    **overrides: Any,
) -> Any:
    """Return a polars Series, DataFrame or LazyFrame with its texts fixed by dkfix.

    For a (Lazy)DataFrame, `column` names the text column (default ``"text"``), which
    must be of type String; a LazyFrame stays lazy and is fixed when collected.
    `edits_column` needs a (Lazy)DataFrame. `config` and keyword overrides of its
    fields choose the fixes, as in `dkfix.fix_text`.
    """
    _import("polars")
    import polars as pl  # again, for its type hints

    resolved = with_overrides(config, overrides)
    if isinstance(data, pl.Series):
        if column is not None or edits_column is not None:
            raise ValueError("fix_polars(): column and edits_column need a DataFrame, not a Series")
        _check_polars_dtype(pl, data.name, data.dtype)
        return _fix_polars_batch(data, config=resolved, edits_column=None)
    if not isinstance(data, (pl.DataFrame, pl.LazyFrame)):
        raise TypeError(
            f"fix_polars() takes a polars Series, DataFrame or LazyFrame, not {type(data).__name__}"
        )
    name = DEFAULT_COLUMN if column is None else column
    schema = data.collect_schema()
    _check_columns(schema.names(), name, edits_column, "fix_polars")
    _check_polars_dtype(pl, name, schema[name])
    return data.with_columns(fix_polars_expr(name, config=resolved, edits_column=edits_column))


def fix_polars_expr(
    column: str = DEFAULT_COLUMN,
    *,
    config: Config | None = None,
    edits_column: str | None = None,
    **overrides: Any,
) -> pl.Expr:
    """A polars expression for ``frame.with_columns(...)`` that fixes `column`.

    With `edits_column` it yields two columns, the fixed `column` and `edits_column`.
    """
    _import("polars")
    import polars as pl  # again, for its type hints

    fix_batch = partial(
        _fix_polars_batch, config=with_overrides(config, overrides), edits_column=edits_column
    )
    # map_batches rather than map_elements: one call per batch fixes the texts and counts
    # the edits in one pass (map_elements would need two passes or an inferred struct), and
    # is_elementwise=True lets the streaming engine cut the column into batches. The
    # Python call overhead is no reason either way: dkfix itself costs far more per text.
    if edits_column is None:
        return pl.col(column).map_batches(fix_batch, return_dtype=pl.String, is_elementwise=True)
    dtype = _polars_struct(pl, column, edits_column)
    expression = pl.col(column).map_batches(fix_batch, return_dtype=dtype, is_elementwise=True)
    return expression.struct.unnest()


def _fix_polars_batch(series: pl.Series, *, config: Config, edits_column: str | None) -> pl.Series:
    """Fix one batch of a String column; with `edits_column`, a struct of text and edits."""
    import polars as pl  # imported by the caller, which built the expression

    results = fix_column(series.to_list(), config, column=series.name)
    texts = [None if fixed is None else fixed.text for fixed in results]
    if edits_column is None:
        return pl.Series(series.name, texts, dtype=pl.String)
    rows = [
        {series.name: text, edits_column: edits}
        for text, edits in zip(texts, _edit_rows(results), strict=True)
    ]
    return pl.Series(series.name, rows, dtype=_polars_struct(pl, series.name, edits_column))


def _polars_struct(pl: Any, column: str, edits_column: str) -> Any:
    edit_count = pl.Struct({"kind": pl.String, "count": pl.Int64})
    return pl.Struct({column: pl.String, edits_column: pl.List(edit_count)})


def _check_polars_dtype(pl: Any, column: str, dtype: Any) -> None:
    # A String column holds only text and nulls, so checking the type checks every row.
    if dtype not in (pl.String, pl.Null):
        raise TypeError(
            f"dkfix can only fix text: column {column!r} is of type {dtype}, not String; "
            f"convert it first, e.g. pl.col({column!r}).cast(pl.String)"
        )


def _series_name(series: Any) -> str:
    return "(unnamed Series)" if series.name is None else str(series.name)


def _check_columns(
    names: Sequence[object], column: str, edits_column: str | None, function: str
) -> None:
    if column not in names:
        raise ValueError(f"{function}(): no column {column!r}; the columns are {list(names)}")
    if edits_column is not None and edits_column in names:
        raise ValueError(f"{function}(): the frame already has a column {edits_column!r}")


def _edit_rows(results: list[Fixed | None]) -> list[list[dict[str, Any]]]:
    return [[] if fixed is None else edit_count_rows(fixed) for fixed in results]


def _import(name: str) -> Any:
    """Import pandas or polars, or say which extra installs it."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise ImportError(
            f'dkfix.integrations.dataframes needs {name}: pip install "dkfix[{name}]"'
        ) from error
