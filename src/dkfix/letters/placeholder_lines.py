"""Repairing one line of a damaged block.

The line is cut into runs of letters and placeholders: the tokens the bigram
model counts (``Lyngby-BrÅndby`` is two). A run with a placeholder gets its
readings; a Viterbi search over the runs of the line picks one reading each, so
that ``jeg fÅr`` and ``fÅr jul`` come out differently. What no reading takes is a
mark: placeholders touching no letter (bullets, dashes, ``§``), placeholders at
the edge of a word (quotation marks, no-break spaces), a placeholder between a
word and a capital (``vilÅHerning``: a no-break space) or after an abbreviation
in capitals (``FNÅs``: an apostrophe).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon
from ..edits import Edit
from .decoder import Choice, decode
from .placeholder_case import capital_expected
from .placeholder_marks import (
    APOSTROPHE,
    CONFIDENCE,
    NAMES,
    NBSP,
    leading_mark,
    lone_mark,
    trailing_mark,
)
from .placeholder_readings import (
    Reading,
    abbreviation_reading,
    candidates,
    cased,
    is_name,
    is_readable,
    last_resort_readings,
    pattern_of,
    readings,
    run_pattern,
)

KIND = "restore_placeholders"
# A "?" closing a word that reads without it is a question mark at this cost (log10).
_QUESTION_PENALTY = 1.5
# Words the document spells correctly elsewhere are likelier than others (log10).
_VOCABULARY_BONUS = 1.0


@dataclass(frozen=True, slots=True)
class LineContext:
    """What the repair of one line needs to know: the text and where the line starts
    in it, the line, the placeholder, the words the document spells correctly
    elsewhere, and where quotations may open and close (positions of runs that
    begin or end with a placeholder no reading takes)."""

    text: str
    offset: int
    line: str
    char: str
    vocabulary: frozenset[str]
    openings: tuple[int, ...]
    closings: tuple[int, ...]


def line_edits(
    text: str, offset: int, line: str, char: str, vocabulary: frozenset[str]
) -> list[Edit]:
    """Edits repairing the placeholders of `line`, which starts at `offset` in `text`."""
    runs = [(m.start(), m.end()) for m in run_pattern(char).finditer(line)]
    context = _context(line, runs, text=text, offset=offset, char=char, vocabulary=vocabulary)
    edits: list[Edit] = []
    slots: list[Sequence[Choice]] = []
    spans: list[tuple[int, int]] = []
    for start, end in runs:
        run = line[start:end]
        if char not in run:
            slots.append(_plain(run))
        elif run.strip(char):
            slots.append(_run_choices(context, start, end))
        else:
            edits.extend(_mark_edit(line, offset, start, end, char))
            continue
        spans.append((start, end))
    for (start, end), choices, decision in zip(spans, slots, decode(slots), strict=True):
        chosen = choices[decision.index].text
        if chosen != line[start:end]:
            reason = f"{char!r} is a placeholder; {chosen!r} fits the lexicon and context"
            confidence = round(max(decision.confidence, 0.001), 3)
            edits.append(
                Edit(
                    offset + start, offset + end, line[start:end], chosen, KIND, confidence, reason
                )
            )
    return edits


@functools.lru_cache(maxsize=1 << 14)
def _plain(word: str) -> tuple[Choice]:
    """The one choice of an undamaged word, shared: a damaged text repeats its words."""
    return (Choice(word, word.lower()),)


def _context(
    line: str,
    runs: list[tuple[int, int]],
    *,
    text: str,
    offset: int,
    char: str,
    vocabulary: frozenset[str],
) -> LineContext:
    openings, closings = [], []
    for start, end in runs:
        run = line[start:end]
        if char not in run or not run.strip(char) or is_readable(run, char):
            continue
        if run[0] == char and (start == 0 or line[start - 1] in " \t("):
            openings.append(start)
        if run[-1] == char:
            closings.append(end)
    return LineContext(text, offset, line, char, vocabulary, tuple(openings), tuple(closings))


def _mark_edit(line: str, offset: int, start: int, end: int, char: str) -> list[Edit]:
    """The edit for placeholders touching no letter, if their place says what they were."""
    mark = lone_mark(line, start, end, char)
    if mark is None or mark == line[start:end]:
        return []
    name = NAMES.get(mark[0], "mark")
    reason = f"{char!r} is a placeholder for a {name}"
    confidence = CONFIDENCE.get(mark[0], 0.5)
    return [Edit(offset + start, offset + end, line[start:end], mark, KIND, confidence, reason)]


def _run_choices(context: LineContext, start: int, end: int) -> list[Choice]:
    """The readings of one run, best first among equals; the run itself if none."""
    line, char = context.line, context.char
    run = line[start:end]
    sentence_start = capital_expected(line, start, end, char)
    compound_part = _ends_suspended_compound(line, end)
    choices = (
        _apostrophe_choices(run, char)
        or _abbreviation_choices(context, start, end)
        or _word_choices(context, run, sentence_start, compound_part)
    )
    choices += _question_choices(context, start, end, sentence_start)
    return (
        choices
        or _edge_choices(context, start, end, sentence_start)
        or _split_choices(context, run, sentence_start)
        or _word_choices(context, run, sentence_start, compound_part, last_resort=True)
        or [Choice(run, _key(run))]
    )


def _question_choices(
    context: LineContext, start: int, end: int, sentence_start: bool
) -> list[Choice]:
    """A ``?`` placeholder closing a word that also reads without it (``far?``,
    ``l?s?``) may be a question mark rather than a lost letter (``farø``, ``Læsø``).
    A name inside a sentence (``Ren?``) keeps its letter (``René``)."""
    char, line = context.char, context.line
    run = line[start:end]
    if not char.isascii() or run[-1] != char or line[end : end + 1] not in _AFTER_QUESTION:
        return []
    core = run[:-1]
    if len(core) < 2 or (core[0].isupper() and not sentence_start):
        return []
    if any(position < start for position in context.openings):
        return []  # it closes a quotation: ”erhvervsm?ssigt fyrt?rn?
    if char not in core:
        known = lexicon.word_zipf(core) > 0
        return [Choice(run, core.lower(), _QUESTION_PENALTY)] if known else []
    return [
        Choice(choice.text + char, choice.key, choice.penalty + _QUESTION_PENALTY)
        for choice in _word_choices(context, core, sentence_start)
    ]


_AFTER_QUESTION = ("", " ", "\t", "\n", "\r", '"', "'", ")")


def _word_choices(
    context: LineContext,
    word: str,
    sentence_start: bool,
    compound_part: bool = False,
    last_resort: bool = False,
) -> list[Choice]:
    """Choices for `word` (no placeholder at its edges or all letters), cased as written."""
    char = context.char
    if char not in word:
        return [Choice(word, word.lower())]
    pattern = pattern_of(word, char)
    if last_resort:
        found = list(last_resort_readings(pattern, char))
    else:
        found = list(readings(pattern, char, compound_part))
        if context.vocabulary:
            found = _with_vocabulary(found, pattern, char, context.vocabulary)
    return [
        Choice(cased(reading, word, char, sentence_start), reading, penalty)
        for reading, penalty in found
    ]


def _with_vocabulary(
    found: list[Reading], pattern: str, char: str, vocabulary: frozenset[str]
) -> list[Reading]:
    """`found`, and the readings the document spells elsewhere, which are preferred:
    a clean ``ØKE`` in one table makes ``ÅKE`` in the next one ``ØKE``, not ``Åke``."""
    known = {reading for reading, _ in found}
    found = [
        (reading, min(penalty, 0.0) - _VOCABULARY_BONUS if reading in vocabulary else penalty)
        for reading, penalty in found
    ]
    found += [
        (reading, -_VOCABULARY_BONUS)
        for reading in candidates(pattern, char, "æøå")
        if reading in vocabulary and reading not in known
    ]
    return found


def _edge_choices(context: LineContext, start: int, end: int, sentence_start: bool) -> list[Choice]:
    """A word no reading takes, read without the placeholders at its edges, which were marks.

    ``ÅerhvervsmÅssigt`` is ``”erhvervsmæssigt``; ``JensenÅ`` is ``Jensen\\u00a0``.
    """
    line, char = context.line, context.char
    run = line[start:end]
    lead = len(run) - len(run.lstrip(char))
    trail = len(run) - len(run.rstrip(char))
    if not lead and not trail:
        return []
    opening = ""
    if lead:
        quoted = any(position >= end for position in context.closings)  # maybe this run's
        opening = leading_mark(line, start, char, quoted) or ""
    closing = ""
    if trail:
        quoted = any(position <= start for position in context.openings)
        closing = trailing_mark(line, end, char, quoted) or ""
    if (lead and not opening) or (trail and not closing):
        return []
    core = run[lead : len(run) - trail]
    core_choices = _word_choices(context, core, sentence_start) or _word_choices(
        context, core, sentence_start, last_resort=True
    )
    prefix, suffix = opening * lead, closing * trail
    return [
        Choice(prefix + choice.text + suffix, choice.key, choice.penalty) for choice in core_choices
    ]


def _split_choices(context: LineContext, run: str, sentence_start: bool) -> list[Choice]:
    """Two words joined by a no-break space: a placeholder before a capital (``vilÅHerning``)."""
    char = context.char
    for index in range(1, len(run) - 1):
        if run[index] != char or not (run[index - 1].islower() and run[index + 1].isupper()):
            continue
        left, right = run[:index], run[index + 1 :]
        left_choices = _word_choices(context, left, sentence_start)
        right_choices = _word_choices(context, right, False)
        if left_choices and right_choices:
            return [
                Choice(a.text + NBSP + b.text, a.key, a.penalty + b.penalty, last_key=b.exit_key)
                for a in left_choices
                for b in right_choices
            ]
    return []


def _apostrophe_choices(run: str, char: str) -> list[Choice]:
    """An abbreviation in capitals with a lower-case ending (``FNÅs``, ``SOSUÅer``)."""
    index = run.find(char)
    head, tail = run[:index], run[index + 1 :]
    if len(head) >= 2 and head.isupper() and tail and tail.islower() and char not in tail:
        return [Choice(head + APOSTROPHE + tail, head.lower(), last_key=tail)]
    return []


def _abbreviation_choices(context: LineContext, start: int, end: int) -> list[Choice]:
    """A short word in capitals beside another (``DIR BSK ÅKE BYR``) that reads as no
    word but a name: an abbreviation, read letter by letter."""
    line, char = context.line, context.char
    run = line[start:end]
    if not (_SHORTEST_ABBREVIATION <= len(run) <= _LONGEST_ABBREVIATION) or not (
        run.isupper() or run.strip(char).isupper()
    ):
        return []
    text, position = context.text, context.offset + start  # rows may be lines, or cells
    if not (
        _CAPS_BEFORE.search(text, max(0, position - _ABBREVIATION_REACH), position)
        or _CAPS_AFTER.match(text, position + len(run))
    ):
        return []
    pattern = pattern_of(run, char)
    found = readings(pattern, char)
    if any(not is_name(reading) for reading, _ in found) or any(
        option in context.vocabulary for option in candidates(pattern, char, "æøå")
    ):
        return []  # a word, or one the document spells elsewhere
    reading = abbreviation_reading(pattern, char)
    return [Choice(reading.upper(), reading)]


_SHORTEST_ABBREVIATION = 2
_LONGEST_ABBREVIATION = 4
_ABBREVIATION_REACH = 12
_CAPS_BEFORE = re.compile(r"(?<!\S)[A-ZÆØÅ]{2,4}\s+$")
_CAPS_AFTER = re.compile(r"\s+[A-ZÆØÅ]{2,4}(?!\S)")


def _ends_suspended_compound(line: str, end: int) -> bool:
    """True for ``BÅrne-`` in ``BÅrne- og Familieudvalget``: a hyphen, then a space."""
    return line[end : end + 1] == "-" and line[end + 1 : end + 2] in ("", " ", "\t", ",", "\n")


def _key(word: str) -> str:
    return "".join(c for c in word.lower() if c.isalpha())
