"""Reversible mojibake that ftfy leaves broken in Danish text.

ftfy repairs mojibake when the damaged text itself proves it (its "badness"
heuristic). Danish text often gives too little signal for that: ``Ã…rhus``
(``Ã…`` is also Portuguese Ã plus an ellipsis), ``Ã¥r`` at the start of a cell,
DOS files read on Windows (``K›benhavn``), Mac Roman (``K√∏benhavn``). What ftfy
lacks is a Danish lexicon: a misread word that becomes a Danish word when
restored, and was not one before, is the signal.

The decision is made per word, then widened with care:

* a word is *evidence* for a misreading when restoring it turns a non-word into
  a Danish word; it is repaired with high confidence;
* other words with misread sequences *inside* them (names, rare words) are
  repaired only where their line, or the whole document, already has evidence
  for that same misreading;
* a line with evidence for several misreadings uses the one with most evidence.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from . import lexicon
from .config import Config
from .edits import Edit
from .misreadings import Misreading, misreadings

_EVIDENCE_CONFIDENCE = 0.95
_CONTEXT_CONFIDENCE = 0.75
# A misreading must be this far ahead of the next one to speak for a whole document.
_DOMINANCE = 3
_APOSTROPHES = frozenset("’'`´")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    original: str
    restored: str
    is_evidence: bool


def residual_mojibake_edits(text: str, config: Config) -> list[Edit]:
    """UTF-8 read as cp1252 or latin-1 that ftfy left alone (``Ã…rhus``, ``Ã¥r``)."""
    if not config.fix_residual_mojibake:
        return []
    return _misreading_edits(text, "fix_residual_mojibake")


def code_page_edits(text: str, config: Config) -> list[Edit]:
    """DOS (865/850/437), Mac Roman and Russian DOS misreadings, in both directions."""
    if not config.fix_code_pages:
        return []
    return _misreading_edits(text, "fix_code_pages")


@functools.cache
def trigger(kind: str) -> re.Pattern[str]:
    """Matches wherever the fix named `kind` might change the text.

    A character class of the first characters of all misread sequences: one fast
    scan that clean text mostly passes without a match.
    """
    firsts = "".join(sorted({key[0] for m in misreadings(kind) for key in m.table}))
    return re.compile(f"[{re.escape(firsts)}]")


def _misreading_edits(text: str, kind: str) -> list[Edit]:
    if trigger(kind).search(text) is None:
        return []
    lines = [
        (offset, line, _line_candidates(line, kind))
        for offset, line in _lines_with_offsets(text)
        if trigger(kind).search(line) is not None
    ]
    document_evidence: Counter[Misreading] = Counter()
    for _, _, candidates in lines:
        for misreading, found in candidates.items():
            document_evidence[misreading] += sum(c.is_evidence for c in found)
    dominant = _dominant(document_evidence)
    edits: list[Edit] = []
    for offset, _, candidates in lines:
        edits.extend(edit.shifted(offset) for edit in _line_edits(candidates, dominant, kind))
    return edits


def _lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line
        offset += len(line)


def _line_candidates(line: str, kind: str) -> dict[Misreading, list[_Candidate]]:
    found: dict[Misreading, list[_Candidate]] = {}
    for misreading in misreadings(kind):
        if misreading.key_re.search(line) is None:
            continue
        candidates = [c for c in _candidates(line, misreading) if c.restored != c.original]
        if candidates:
            found[misreading] = candidates
    return found


def _candidates(line: str, misreading: Misreading) -> Iterator[_Candidate]:
    """Each word of `line` that holds a misread sequence, with its restored form."""
    for match in misreading.word_re.finditer(line):
        word = match.group()
        if misreading.key_re.search(word) is None:
            continue
        restored = misreading.restore(word)
        yield _Candidate(match.start(), match.end(), word, restored, _is_evidence(word, restored))


def _is_evidence(word: str, restored: str) -> bool:
    # A lone symbol ("†" in "† 1923") is no word: demand an ASCII letter beside it.
    if not any(char.isascii() and char.isalpha() for char in word):
        return False
    return _is_danish_word(restored) and not _is_danish_word(word)


def _is_danish_word(word: str) -> bool:
    return all(lexicon.is_word(part) for part in word.split("-") if part)


def _dominant(evidence: Counter[Misreading]) -> Misreading | None:
    ranked = evidence.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= _DOMINANCE * max(1, runner_up) else None


def _line_edits(
    candidates: dict[Misreading, list[_Candidate]], dominant: Misreading | None, kind: str
) -> Iterator[Edit]:
    evidence = {m: sum(c.is_evidence for c in found) for m, found in candidates.items()}
    best = max(evidence, key=lambda m: evidence[m], default=None)
    if best is None or evidence[best] == 0:
        best = dominant if dominant in candidates else None
    if best is None:
        return
    trusted = evidence.get(best, 0) >= 1 or best is dominant
    for candidate in candidates[best]:
        if candidate.is_evidence:
            yield _edit(candidate, best, kind, _EVIDENCE_CONFIDENCE, "becomes a Danish word")
        elif trusted and _misread_inside(candidate, best):
            yield _edit(candidate, best, kind, _CONTEXT_CONFIDENCE, "same misreading as context")


def _misread_inside(candidate: _Candidate, misreading: Misreading) -> bool:
    """True if every misread sequence has letters on both sides and none is an apostrophe.

    A quote mark at the edge of a word is punctuation, and ``’`` inside one is an
    apostrophe (``FN’s``), even though cp865 ``Æ`` read as cp1252 looks the same.
    """
    word = candidate.original
    return all(
        match.start() > 0 and match.end() < len(word) and match.group() not in _APOSTROPHES
        for match in misreading.key_re.finditer(word)
    )


def _edit(
    candidate: _Candidate, misreading: Misreading, kind: str, confidence: float, why: str
) -> Edit:
    return Edit(
        candidate.start,
        candidate.end,
        candidate.original,
        candidate.restored,
        kind,
        confidence,
        f"{misreading.name}: {candidate.restored!r} {why}",
    )
