"""clean(): the whole repair in one call, from text or bytes to clean text, tables and numbers.

The steps, in order: decode bytes (`decode_bytes`) → mojibake → lost letters → layout →
tables → numbers. Tables and numbers are read last, from words whose letters are
right and lines whose layout is. Every change is an `Edit` into the text `clean` was
given (into the decoded text, for bytes), so replaying `Cleaned.edits` on
`Cleaned.original` gives `Cleaned.text`.

Tables can be written back into the text: ``tables="keep"`` (the default) leaves them
as they were found, ``"tabs"`` writes each as tab-separated rows under its header,
``"markdown"`` as a Markdown pipe table. Their edits have the kind ``"tables"``. A
table whose column positions were lost (marks that could not be placed) is always kept.

>>> result = clean("Ledigheden på arbejds-\\nmarkedet falder.".encode("cp1252"))
>>> result.text, result.encoding
('Ledigheden på arbejdsmarkedet\\nfalder.', 'cp1252')
>>> [(e.original, e.replacement, e.kind) for e in result.edits]
[('-\\nmarkedet ', 'markedet\\n', 'join_hyphenated_words')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .config import Config, with_overrides
from .edits import Edit, apply_edits, compose
from .fixing import run_fixes
from .numbers import NumberMatch, find_numbers, number_edits
from .tables import Table, find_tables

TableForm = Literal["keep", "tabs", "markdown"]
TABLE_FORMS: tuple[TableForm, ...] = ("keep", "tabs", "markdown")
TABLES_KIND = "tables"


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What `clean` made: the clean `text` and how it got there.

    `edits` point into `original` (the text given, or the text decoded from the bytes
    given, whose `encoding` is then named; None for text). `tables` and `numbers` are
    found in `text`, their spans index it. `flagged` lists the letter restorations less
    sure than `Config.confidence_threshold`, as `Fixed.flagged` does.
    """

    text: str
    edits: list[Edit] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    numbers: list[NumberMatch] = field(default_factory=list)
    encoding: str | None = None
    original: str = ""
    flagged: list[Edit] = field(default_factory=list)


def clean(
    data: str | bytes | bytearray | memoryview,
    config: Config | None = None,
    *,
    tables: TableForm = "keep",
    **overrides: Any,
) -> Cleaned:
    """Repair `data` (text, or bytes of unknown encoding) and read its tables and numbers.

    `config` and `overrides` choose the fixes, as for `fix_text`; `tables` says how the
    tables are written back into the text: "keep", "tabs" or "markdown". Never raises
    on any str or bytes.

    >>> clean("K›benhavn har 1.881 sager, 44,9%", normalize_numbers="da").text
    'København har 1.881 sager, 44,9 %'
    """
    text, encoding = _text_of(data)
    config = with_overrides(config, overrides)
    if tables not in TABLE_FORMS:
        raise ValueError(f"tables must be one of {', '.join(TABLE_FORMS)}, not {tables!r}")
    # The numbers are written after the tables are read, so their phase runs here.
    fixed = run_fixes(text, replace(config, normalize_numbers=None))
    current, edits = fixed.text, fixed.edits
    found = find_tables(current)
    if tables != "keep":
        current, edits, found = _render_tables(text, current, edits, found, tables)
    if config.normalize_numbers:
        later = number_edits(current, config.normalize_numbers)
        if later:
            edits = compose(text, current, edits, later)
            found = [_moved(table, later) for table in found]
            current = apply_edits(current, later)
    numbers = find_numbers(current)
    return Cleaned(current, edits, found, numbers, encoding, text, fixed.flagged)


def _text_of(data: object) -> tuple[str, str | None]:
    if isinstance(data, str):
        return data, None
    if isinstance(data, (bytes, bytearray, memoryview)):
        from .decode import decode_bytes  # decode imports the lexicon; keep the import light

        decoded = decode_bytes(bytes(data))
        return decoded.text, decoded.encoding
    raise TypeError(
        f"dkfix.clean() takes str or bytes, not {type(data).__name__}; "
        "read a file with open(path, 'rb').read() and pass the bytes"
    )


def _render_tables(
    original: str, current: str, edits: list[Edit], found: list[Table], form: TableForm
) -> tuple[str, list[Edit], list[Table]]:
    """Write each table of `found` into `current` in `form`; the new text, edits, tables."""
    later: list[Edit] = []
    tables: list[Table] = []
    shift = 0
    for table in sorted(found, key=lambda t: t.span):
        start, end = table.span
        written = _written(table, form)
        if written is None or written == current[start:end]:
            tables.append(replace(table, span=(start + shift, end + shift)))
            continue
        reason = f"{table.kind} table written as {form}"
        later.append(Edit(start, end, current[start:end], written, TABLES_KIND, 1.0, reason))
        tables.append(replace(table, span=(start + shift, start + shift + len(written))))
        shift += len(written) - (end - start)
    if not later:
        return current, edits, found
    return apply_edits(current, later), compose(original, current, edits, later), tables


def _written(table: Table, form: TableForm) -> str | None:
    """`table` as text in `form`, or None where writing it would lose what was found."""
    if not table.rows:
        return None  # marks whose columns were lost: only the text as found keeps them
    if form == "markdown":
        return table.to_markdown()
    return "\n".join("\t".join(row) for row in [table.header, *table.rows])


def _moved(table: Table, edits: Sequence[Edit]) -> Table:
    """`table` with its span moved through `edits` (offsets into the text it indexes)."""
    start, end = table.span
    return replace(table, span=(_position(start, edits, True), _position(end, edits, False)))


def _position(position: int, edits: Sequence[Edit], is_start: bool) -> int:
    """Where `position` lands once `edits` (in text order) are applied; inside an edit,
    at the start of its replacement for a start, at the end for an end."""
    shift = 0
    for edit in edits:
        if edit.end <= position:
            shift += len(edit.replacement) - (edit.end - edit.start)
        elif edit.start < position:
            return edit.start + shift + (0 if is_start else len(edit.replacement))
        else:
            break
    return position + shift
