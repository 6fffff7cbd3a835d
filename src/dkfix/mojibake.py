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
* a line with evidence, or in a document where one misreading dominates, is
  *trusted*: there, words with misread sequences inside them (names, rare words),
  lone misread letters (``(›)`` for the party Ø) and misread typography
  (``¯`` for ``»``) are repaired too, with lower confidence;
* a line with evidence for several misreadings uses the one with most evidence;
* UTF-8 mojibake (``Ã…``, ``√∏``) is distinctive enough to be repaired where it
  is glued to letters, or stands alone in a line that reads as Danish.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from . import lexicon
from .config import Config
from .danish import TYPOGRAPHY, WORD_RE
from .edits import Edit, lines_with_offsets
from .misreadings import (
    RESTORED_LETTERS,
    SLOPPY_CP1252,
    Misreading,
    is_foreign_to_danish,
    misreadings,
)

_EVIDENCE_CONFIDENCE = 0.95
_DISTINCTIVE_CONFIDENCE = 0.85
_CONTEXT_CONFIDENCE = 0.75
_SYMBOL_CONFIDENCE = 0.7
# A misreading must be this far ahead of the next one to speak for a whole document.
_DOMINANCE = 3
# Short restored words must be common to count as evidence: "ÆT" from "∆T" is not.
_SHORT_WORD = 3
_SHORT_WORD_MIN_ZIPF = 3.5
_APOSTROPHES = frozenset("’'`´")
# A character neither ASCII nor a restored letter: a regex, not a loop over characters.
_NOT_RESTORED = re.compile(f"[^\\x00-\\x7f{re.escape(RESTORED_LETTERS)}]")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    original: str
    restored: str
    is_evidence: bool


@dataclass(frozen=True, slots=True)
class _Line:
    offset: int
    text: str
    found: dict[Misreading, list[_Candidate]]


def residual_mojibake_edits(text: str, config: Config) -> list[Edit]:
    """UTF-8 read as cp1252 or latin-1 that ftfy left alone (``Ã…rhus``, ``Ã¥r``)."""
    if not config.fix_residual_mojibake:
        return []
    return _misreading_edits(text, "fix_residual_mojibake", distinctive=True)


def code_page_edits(text: str, config: Config) -> list[Edit]:
    """Single-byte code pages read as each other: DOS, Windows, Mac Roman, Russian DOS.

    These run before ftfy, which would take some of them for something else and
    destroy the evidence (``pÂ torsdag`` is cp1252 read as Mac Roman; ftfy reads
    ``Â`` plus a space as a UTF-8 no-break space).
    """
    if not config.fix_code_pages:
        return []
    return _misreading_edits(text, "fix_code_pages", distinctive=False)


def utf8_code_page_edits(text: str, config: Config) -> list[Edit]:
    """UTF-8 read as DOS or Mac Roman, where ftfy, which runs first, left it."""
    if not config.fix_code_pages:
        return []
    return _misreading_edits(text, "fix_code_pages", distinctive=True)


def _utf8_layer_pattern() -> re.Pattern[str]:
    """A UTF-8 lead byte and continuation byte, both read as cp1252 (``Â°``, ``Ã¸``)."""
    leads = bytes(range(0xC2, 0xF5)).decode(SLOPPY_CP1252)
    continuations = bytes(range(0x80, 0xC0)).decode(SLOPPY_CP1252)
    return re.compile(f"[{re.escape(leads)}][{re.escape(continuations)}]")


# A line with a layer of UTF-8 mojibake on top waits for ftfy to take that layer off
# before the code pages underneath are read ("MÂ°det" is "M°det", cp1252 read as cp865).
_UTF8_LAYER = _utf8_layer_pattern()


@functools.cache
def _stage(kind: str, distinctive: bool) -> tuple[Misreading, ...]:
    return tuple(m for m in misreadings(kind) if m.is_distinctive == distinctive)


@functools.cache
def trigger(kind: str, distinctive: bool) -> re.Pattern[str]:
    """Matches wherever these misreadings might change the text.

    A character class of the first characters of all misread sequences: one fast
    scan that clean text mostly passes without a match.
    """
    return _first_characters(_stage(kind, distinctive))


@functools.cache
def _any_trigger() -> re.Pattern[str]:
    """Matches wherever any misreading of any stage might change the text."""
    return _first_characters(
        [m for kind in ("fix_code_pages", "fix_residual_mojibake") for m in misreadings(kind)]
    )


def _first_characters(stage: Sequence[Misreading]) -> re.Pattern[str]:
    keys = [key for m in stage for key in [*m.table, *m.symbols]]
    return re.compile(f"[{re.escape(''.join(sorted({key[0] for key in keys})))}]")


# The text the stages last scanned, and whether any of them might change it: the three
# fixes that read misreadings run one after the other on the same text, mostly clean,
# and one scan answers for all three.
_last_scan: tuple[str, bool] = ("", False)


def _may_be_misread(text: str) -> bool:
    global _last_scan  # noqa: PLW0603  (a one-entry cache, replaced whole: thread-safe)
    scanned, found = _last_scan
    if scanned is not text:
        found = _any_trigger().search(text) is not None
        _last_scan = (text, found)
    return found


def _misreading_edits(text: str, kind: str, distinctive: bool) -> list[Edit]:
    if not _may_be_misread(text):
        return []
    pattern = trigger(kind, distinctive)
    if pattern.search(text) is None:
        return []
    stage = _stage(kind, distinctive)
    lines = [
        _Line(offset, line, _line_candidates(line, stage))
        for offset, line in lines_with_offsets(text)
        if pattern.search(line) is not None and (distinctive or not _UTF8_LAYER.search(line))
    ]
    document_evidence: Counter[Misreading] = Counter()
    for line in lines:
        for misreading, found in line.found.items():
            document_evidence[misreading] += sum(c.is_evidence for c in found)
    dominant = _dominant(document_evidence)
    edits: list[Edit] = []
    for line in lines:
        edits.extend(edit.shifted(line.offset) for edit in _line_edits(line, dominant))
    return edits


def _line_candidates(
    line: str, stage: tuple[Misreading, ...]
) -> dict[Misreading, list[_Candidate]]:
    """Per misreading with anything to restore in `line`: its word candidates (maybe none,
    when the line holds only misread typography)."""
    found: dict[Misreading, list[_Candidate]] = {}
    for misreading in stage:
        has_symbols = misreading.symbol_re is not None and misreading.symbol_re.search(line)
        if misreading.key_re.search(line) is None and not has_symbols:
            continue
        candidates = [c for c in _candidates(line, misreading) if c.restored != c.original]
        if candidates or has_symbols:
            found[misreading] = candidates
    return found


def _candidates(line: str, misreading: Misreading) -> Iterator[_Candidate]:
    """Each word of `line` that holds a misread sequence, with its restored form."""
    for match in misreading.word_re.finditer(line):
        word = match.group()
        if misreading.key_re.search(word) is None or _odd_neighbours(line, match):
            continue
        follows = line[match.end() : match.end() + 1]
        restored, is_evidence = _restoration(misreading, word, follows)
        yield _Candidate(match.start(), match.end(), word, restored, is_evidence)


@functools.lru_cache(maxsize=1 << 14)
def _restoration(misreading: Misreading, word: str, follows: str) -> tuple[str, bool]:
    """`word` restored, and whether that is evidence for the misreading.

    Cached: a document repeats its misread words (``p†``, ``f›r``), and the lexicon
    look-ups behind the evidence cost more than finding the words.
    """
    restored = misreading.restore(word)
    return restored, _is_evidence(word, restored, follows)


def _odd_neighbours(line: str, match: re.Match[str]) -> bool:
    """True if the word touches a symbol that belongs to some other misreading.

    ``├ÿge`` is ``Øge`` in UTF-8 read as cp850; Mac Roman alone would see ``ÿge``.
    """
    around = line[max(0, match.start() - 1) : match.start()] + line[match.end() : match.end() + 1]
    return any(not (c.isascii() or c.isspace() or c in TYPOGRAPHY) for c in around)


def _is_evidence(word: str, restored: str, follows: str) -> bool:
    # A lone symbol ("†" in "† 1923") is no word: demand an ASCII letter beside it.
    if not any(char.isascii() and char.isalpha() for char in word):
        return False
    if _is_danish_word(word):
        return False
    if follows == "-" and lexicon.is_compound_part(restored):  # "B›rne- og Familieudvalget"
        return True
    if len(restored) <= _SHORT_WORD and lexicon.word_zipf(restored) < _SHORT_WORD_MIN_ZIPF:
        return False
    return _is_danish_word(restored)


def _is_danish_word(word: str) -> bool:
    return all(lexicon.is_word(part) for part in word.split("-") if part)


def _dominant(evidence: Counter[Misreading]) -> Misreading | None:
    ranked = evidence.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= _DOMINANCE * max(1, runner_up) else None


def _best_misreading(line: _Line, dominant: Misreading | None) -> Misreading | None:
    """The misreading with most evidence in the line; on a tie, the one that explains most."""

    def rank(misreading: Misreading) -> tuple[int, int, bool]:
        found = line.found[misreading]
        explained = sum(_fully_restored(c.restored) for c in found)
        return (sum(c.is_evidence for c in found), explained, misreading is dominant)

    best = max(line.found, key=rank, default=None)
    if best is not None and rank(best)[0] == 0 and best is not dominant:
        return dominant if dominant in line.found else best if best.is_distinctive else None
    return best


def _fully_restored(restored: str) -> bool:
    """True if nothing in `restored` still looks misread by a sibling code page."""
    return _NOT_RESTORED.search(restored) is None


def _line_edits(line: _Line, dominant: Misreading | None) -> Iterator[Edit]:
    best = _best_misreading(line, dominant)
    if best is None:
        return
    proven = any(c.is_evidence for c in line.found[best]) or (
        best.is_distinctive and _reads_as_danish(line.text)
    )
    trusted = proven or best is dominant
    words = [
        _edit(candidate, best, confidence)
        for candidate in line.found[best]
        if (confidence := _confidence(candidate, best, trusted, proven)) is not None
    ]
    yield from words
    if trusted and best.symbol_re is not None:
        taken = [(edit.start, edit.end) for edit in words]
        for edit in _symbol_edits(line.text, best):
            # A document's evidence reaches only symbols clean Danish never has (ÿ).
            free = all(edit.end <= start or end <= edit.start for start, end in taken)
            if free and (proven or is_foreign_to_danish(edit.original)):
                yield edit


def _confidence(
    candidate: _Candidate, misreading: Misreading, trusted: bool, proven: bool
) -> float | None:
    """How sure the repair of `candidate` is, or None to leave it alone.

    `trusted`: the line, or the document, has evidence for this misreading;
    `proven`: the line itself has. Lone misread letters and capitals at the start
    of a word look like punctuation (``› Nyheder``, ``† 1875``) and need the line's
    own evidence; a document's evidence does not reach clean lines. UTF-8 mojibake
    is another matter: ``Ã…`` standing alone or running into a letter is never
    anything but mojibake (Portuguese has ``AMANHÃ…`` only at the end of a word).
    """
    if candidate.is_evidence:
        return _EVIDENCE_CONFIDENCE
    if misreading.is_distinctive and (
        _glued_to_letters(candidate, misreading) or _only_misread(candidate, misreading)
    ):
        return _DISTINCTIVE_CONFIDENCE
    if trusted and (misreading.is_distinctive or _misread_inside(candidate, misreading)):
        return _CONTEXT_CONFIDENCE
    if proven and (_misread_alone(candidate) or _misread_capital_initial(candidate, misreading)):
        return _CONTEXT_CONFIDENCE
    return None


def _glued_to_letters(candidate: _Candidate, misreading: Misreading) -> bool:
    """True if UTF-8 mojibake runs into a letter (``Ã…lesund``) and restores to letters.

    At the end of a word it may be real: Portuguese ``AMANHÃ…`` is Ã and an ellipsis.
    """
    word = candidate.original
    followed_by_letter = any(
        match.end() < len(word) and word[match.end()].isalpha()
        for match in misreading.key_re.finditer(word)
    )
    return followed_by_letter and candidate.restored.isalpha()


def _only_misread(candidate: _Candidate, misreading: Misreading) -> bool:
    """True if the word is nothing but misread sequences (a lone ``Ã…`` cell)."""
    return not misreading.key_re.sub("", candidate.original) and candidate.restored.isalpha()


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


def _misread_alone(candidate: _Candidate) -> bool:
    """A misread letter standing alone (``(\\x9d)`` for the party Ø), not typography."""
    return candidate.restored.isalpha() and not any(c in TYPOGRAPHY for c in candidate.original)


def _misread_capital_initial(candidate: _Candidate, misreading: Misreading) -> bool:
    """A misread capital opening an all-caps word (``’BLEVEJ`` for ``ÆBLEVEJ``)."""
    match = misreading.key_re.match(candidate.original)
    rest = candidate.original[match.end() :] if match else ""
    return bool(match) and rest.isupper() and candidate.restored[:1].isupper()


def _reads_as_danish(line: str) -> bool:
    """True if the line has at least three words of two letters or more, mostly Danish."""
    words = [word for word in WORD_RE.findall(line) if len(word) > 1]
    known = sum(lexicon.is_word(word) for word in words)
    return len(words) >= 3 and known >= 0.6 * len(words)


def _symbol_edits(line: str, misreading: Misreading) -> Iterator[Edit]:
    assert misreading.symbol_re is not None
    for match in misreading.symbol_re.finditer(line):
        symbol = misreading.symbols[match.group()]
        reason = f"{misreading.name}: {symbol!r} in a line proven misread"
        yield Edit(
            match.start(),
            match.end(),
            match.group(),
            symbol,
            misreading.kind,
            _SYMBOL_CONFIDENCE,
            reason,
        )


def _edit(candidate: _Candidate, misreading: Misreading, confidence: float) -> Edit:
    why = "becomes a Danish word" if candidate.is_evidence else "same misreading as its context"
    return Edit(
        candidate.start,
        candidate.end,
        candidate.original,
        candidate.restored,
        misreading.kind,
        confidence,
        f"{misreading.name}: {candidate.restored!r} {why}",
    )
