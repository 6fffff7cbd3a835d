"""`fix_dataset`: fix a text column of a Hugging Face `Dataset` (or every split of a
`DatasetDict`) with a batched `map`, optionally with a column of edit counts.

The module is not called ``datasets.py``: inside this package that name would shadow
the library it imports.
"""

from __future__ import annotations

from functools import partial
from typing import Any

try:
    import datasets  # type: ignore[import-untyped]
except ImportError as error:
    raise ImportError(
        'dkfix.integrations.hf_datasets needs datasets: pip install "dkfix[datasets]"'
    ) from error

from ..__about__ import __version__
from ..config import Config, with_overrides
from ._common import edit_count_rows, fix_column

DEFAULT_BATCH_SIZE = 1000


def fix_dataset(
    dataset: Any,
    column: str = "text",
    *,
    config: Config | None = None,
    num_proc: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    edits_column: str | None = None,
    **overrides: Any,
) -> Any:
    """Return `dataset` with the texts of `column` fixed by dkfix.

    `dataset` is a `datasets.Dataset` or a `datasets.DatasetDict` (every split is
    fixed). `config` and keyword overrides of its fields choose the fixes, as in
    `dkfix.fix_text`. `num_proc` and `batch_size` are passed to `Dataset.map`; the
    result is cached by `datasets` like any map, keyed on the config.

    Missing values (None) stay None. A value of any other type than str raises a
    TypeError naming the column and the row's index.

    With `edits_column`, a column of that name is added holding each row's edits by
    kind, ``[{"kind": "fix_encoding", "count": 3}]``, ``[]`` for a row left unchanged
    (a list of records rather than a dict, so that every row has the same Arrow type).
    """
    options: dict[str, Any] = {
        "column": column,
        "config": with_overrides(config, overrides),
        "num_proc": num_proc,
        "batch_size": batch_size,
        "edits_column": edits_column,
    }
    if isinstance(dataset, datasets.DatasetDict):
        return datasets.DatasetDict(
            {split: _fix_split(part, **options) for split, part in dataset.items()}
        )
    if not isinstance(dataset, datasets.Dataset):
        raise TypeError(
            "fix_dataset() takes a datasets.Dataset or DatasetDict, "
            f"not {type(dataset).__name__}; an IterableDataset can use "
            "dataset.map(dkfix.fix_text, input_columns=...) directly"
        )
    return _fix_split(dataset, **options)


def _fix_split(
    dataset: Any,
    *,
    column: str,
    config: Config,
    num_proc: int | None,
    batch_size: int,
    edits_column: str | None,
) -> Any:
    if column not in dataset.column_names:
        raise ValueError(
            f"fix_dataset(): no column {column!r}; the columns are {dataset.column_names}"
        )
    if edits_column is not None and edits_column in dataset.column_names:
        raise ValueError(f"fix_dataset(): the dataset already has a column {edits_column!r}")
    features = dataset.features.copy()
    if edits_column is not None:
        # Declared, because a first batch of clean rows would make datasets infer a list of
        # nulls; a one-element Python list means a list feature in every datasets version.
        features[edits_column] = [
            {"kind": datasets.Value("string"), "count": datasets.Value("int64")}
        ]
    # partial of a module-level function: picklable for num_proc and hashable for the cache.
    # datasets keys its cache on this function's code and arguments, not on the dkfix code it
    # calls: the version is among the arguments so that a new dkfix does not reuse old results.
    fix_batch = partial(
        _fix_batch,
        column=column,
        config=config,
        edits_column=edits_column,
        dkfix_version=__version__,
    )
    return dataset.map(
        fix_batch,
        batched=True,
        with_indices=True,
        batch_size=batch_size,
        num_proc=num_proc,
        features=features,
        desc="dkfix",
    )


def _fix_batch(
    batch: dict[str, list[Any]],
    indices: list[int],
    *,
    column: str,
    config: Config,
    edits_column: str | None,
    dkfix_version: str,
) -> dict[str, list[Any]]:
    del dkfix_version  # only part of the cache key
    results = fix_column(batch[column], config, column=column, labels=indices)
    update: dict[str, list[Any]] = {
        column: [None if fixed is None else fixed.text for fixed in results]
    }
    if edits_column is not None:
        update[edits_column] = [
            [] if fixed is None else edit_count_rows(fixed) for fixed in results
        ]
    return update
