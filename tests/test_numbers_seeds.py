"""Every number expression in the seed documents, read as the fixture table says.

``fixtures/numbers/seeds.json`` lists, line by line, each expression of the five seeds
with the fields `find_numbers` must give it; it was checked by hand against the
documents. The comparison is exact both ways: a missing expression, an extra one or
a wrong field fails. Lines of seed 004 damaged at their source ("Punkt 96") are read in
the repaired copy, ``fixtures/expected/004_punkt96.txt``.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dkfix.edits import apply_edits
from dkfix.numbers import KINDS, NumberMatch, find_numbers, normalize_numbers, number_edits

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "numbers" / "seeds.json"
DOCUMENTS: list[dict[str, Any]] = json.loads(FIXTURE.read_text(encoding="utf-8"))["documents"]
_FIELDS = ("value", "low", "high", "unit", "qualifier", "date", "time")


def _name(document: dict[str, Any]) -> str:
    return Path(document["path"]).name


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


def _entry(match: NumberMatch, line: int) -> dict[str, str | int]:
    """A match as the fixture writes it: strings for values, ISO dates, HH:MM times."""
    entry: dict[str, str | int] = {"line": line, "text": match.text, "kind": match.kind}
    for field in _FIELDS:
        value = getattr(match, field)
        if value is not None:
            entry[field] = value.strftime("%H:%M") if field == "time" else str(value)
    entry["normalized"] = match.normalized
    return entry


def _read(document: dict[str, Any]) -> tuple[str, list[int], list[tuple[int, NumberMatch]]]:
    """The document's text, its line starts, and its matches outside the skipped lines."""
    text = (ROOT / document["path"]).read_text(encoding="utf-8")
    starts = _line_starts(text)
    first, last = document.get("skip_lines", (0, -1))
    numbered = [(bisect.bisect_right(starts, m.start), m) for m in find_numbers(text)]
    return text, starts, [(n, m) for n, m in numbered if not first <= n <= last]


@pytest.mark.parametrize("document", DOCUMENTS, ids=_name)
def test_every_expression_is_read_as_the_table_says(document: dict[str, Any]) -> None:
    _, _, matches = _read(document)
    found = [_entry(match, line) for line, match in matches]
    expected = [{k: v for k, v in e.items() if k != "note"} for e in document["expressions"]]
    missing = [e for e in expected if e not in found]
    extra = [e for e in found if e not in expected]
    assert not missing and not extra, f"missing: {missing}\nextra: {extra}"
    assert found == expected  # and in the same order


@pytest.mark.parametrize("document", DOCUMENTS, ids=_name)
def test_every_digit_is_in_some_expression(document: dict[str, Any]) -> None:
    """The table is complete: no digit of the document is left outside an expression."""
    text, starts, matches = _read(document)
    covered = set()
    for _, match in matches:
        covered.update(range(match.start, match.end))
    first, last = document.get("skip_lines", (0, -1))
    stray = [
        (bisect.bisect_right(starts, i), text[max(0, i - 10) : i + 10])
        for i, c in enumerate(text)
        if c.isdigit() and i not in covered and not first <= bisect.bisect_right(starts, i) <= last
    ]
    assert stray == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=_name)
def test_idioms_and_non_numbers_are_not_read(document: dict[str, Any]) -> None:
    text, starts, matches = _read(document)
    for phrase in document["not_numbers"]:
        line_start = starts[phrase["line"] - 1]
        start = text.index(phrase["text"], line_start)
        end = start + len(phrase["text"])
        overlapping = [m.text for _, m in matches if m.start < end and start < m.end]
        assert overlapping == [], phrase


def test_the_table_holds_every_kind() -> None:
    """All kinds but "time": the seeds' one clock time belongs to a date ("… 2025 kl. 08:00")."""
    counts = Counter(e["kind"] for document in DOCUMENTS for e in document["expressions"])
    assert set(counts) == set(KINDS) - {"time"}


@pytest.mark.parametrize("document", DOCUMENTS, ids=_name)
@pytest.mark.parametrize("style", ["da", "plain"])
def test_normalizing_the_seeds_replays_and_settles(document: dict[str, Any], style: str) -> None:
    text = (ROOT / document["path"]).read_text(encoding="utf-8")
    edits = number_edits(text, style)
    result = apply_edits(text, edits)
    assert result == normalize_numbers(text, style)
    assert normalize_numbers(result, style) == result
    identifiers = {(m.start, m.end) for m in find_numbers(text) if m.kind == "identifier"}
    assert not any((e.start, e.end) in identifiers for e in edits)
