"""`DkfixFormatter`: dkfix as a datatrove pipeline step, in place of `FTFYFormatter`.

    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from dkfix.integrations.datatrove import DkfixFormatter

    pipeline = [JsonlReader("raw/"), DkfixFormatter(), JsonlWriter("fixed/")]

Each document's text is fixed with `dkfix.fix_and_explain`. What was done is recorded
twice: per document in its metadata (``doc.metadata["dkfix_edits"] = {"fix_encoding": 3}``
and ``doc.metadata["dkfix_flagged"] = 0``), which datatrove's writers save with the text,
and summed over the task in datatrove's stats (``stats.json`` in the logging folder).

The executor pickles the step to every task; the step holds only its `Config` and its
stats, and dkfix loads its word data lazily, in the worker, when a text first needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

try:
    from datatrove.pipeline.formatters.base import (  # type: ignore[import-untyped]
        BaseFormatter,
    )
    from datatrove.utils.typeshelper import StatHints  # type: ignore[import-untyped]
except ImportError as error:
    raise ImportError(
        'dkfix.integrations.datatrove needs datatrove and regex: pip install "dkfix[datatrove]"'
    ) from error

from ..config import Config, with_overrides
from ..edits import Fixed
from ..fixing import fix_and_explain, fix_text
from ._common import edit_counts

# The keys this step writes to doc.metadata.
EDITS_KEY = "dkfix_edits"
FLAGGED_KEY = "dkfix_flagged"

# The stats this step keeps besides one per edit kind (named after the kind, its total
# being the number of edits of that kind and its n the number of documents that had one).
CHANGED_STAT = "changed"
UNCHANGED_STAT = "unchanged"
FLAGGED_STAT = "flagged"


class DkfixFormatter(BaseFormatter):  # type: ignore[misc]  # datatrove has no type hints
    """Fix each document's text with dkfix and record the edits by kind.

    `config` and keyword overrides of its fields choose the fixes, as in `dkfix.fix_text`
    (``DkfixFormatter(restore_folded_letters=False)``); unknown names raise TypeError
    at once, before any task starts. With ``record_metadata=False`` the documents'
    metadata is left alone and only the stats are kept.

    Metadata per document (overwriting keys of the same name):

    * ``dkfix_edits``: ``{kind: number of edits}``, ``{}`` for a document left unchanged;
    * ``dkfix_flagged``: how many letter restorations were less sure than
      `Config.confidence_threshold` (see `dkfix.Fixed.flagged`).

    Stats: ``total`` documents, ``changed`` and ``unchanged`` documents, ``flagged``
    restorations, and one stat per edit kind.
    """

    name = "🇩🇰 dkfix"
    # No _requires_dependencies: datatrove checks them to name a missing extra when a step
    # is built, but everything this step needs was installed with dkfix or checked above.

    def __init__(
        self, config: Config | None = None, *, record_metadata: bool = True, **overrides: Any
    ) -> None:
        super().__init__()
        self.config = with_overrides(config, overrides)
        self.record_metadata = record_metadata

    def format(self, text: str) -> str:
        """The fixed text, for callers of datatrove's formatter interface."""
        return fix_text(text, self.config)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """Fix every document of `data` and yield it; BaseFormatter.run only sees the text."""
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                fixed = fix_and_explain(doc.text, self.config)
            self._record(doc, fixed, changed=fixed.text != doc.text)
            doc.text = fixed.text
            yield doc

    def _record(self, doc: Any, fixed: Fixed, *, changed: bool) -> None:
        counts = edit_counts(fixed)
        self.stat_update(CHANGED_STAT if changed else UNCHANGED_STAT)
        for kind, count in counts.items():
            self.stat_update(kind, value=count)
        if fixed.flagged:
            self.stat_update(FLAGGED_STAT, value=len(fixed.flagged))
        if self.record_metadata:
            doc.metadata[EDITS_KEY] = counts
            doc.metadata[FLAGGED_KEY] = len(fixed.flagged)
