"""Edits: every change dkfix makes, with its span in the input and the reason for it.

A fix works on the text it is given and returns edits against that text. The
pipeline composes the edits of successive fixes so that the edits it reports
always point into the caller's original input, and replaying them (last to
first) gives the output exactly.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import ne


@dataclass(frozen=True, slots=True)
class Edit:
    """One change: ``text[start:end]`` (== `original`) became `replacement`.

    `kind` names the fix that made it, which is also its `Config` field;
    `confidence` is between 0 and 1; `reason` says why, for a person.
    """

    start: int
    end: int
    original: str
    replacement: str
    kind: str
    confidence: float = 1.0
    reason: str = ""

    def shifted(self, offset: int) -> Edit:
        """The same edit with its span moved by `offset` characters."""
        # Built directly: dataclasses.replace costs several times more, and edits of
        # every line are shifted to document offsets.
        return Edit(
            self.start + offset,
            self.end + offset,
            self.original,
            self.replacement,
            self.kind,
            self.confidence,
            self.reason,
        )


@dataclass(frozen=True, slots=True)
class Fixed:
    """The result of `dkfix.fix_and_explain`: the fixed `text` and the `edits` made.

    `flagged` lists the edits among them that restored letters with less confidence
    than `Config.confidence_threshold`: made, but worth a look by a person.
    """

    text: str
    edits: list[Edit] = field(default_factory=list)
    flagged: list[Edit] = field(default_factory=list)


def lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    """Each line of `text` with its line break, and the offset where it starts."""
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line
        offset += len(line)


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of `text`: the text between blank lines."""
    spans, start = [], 0
    for match in _BLANK_LINE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping `edits` (offsets into `text`); the result of replaying them.

    Raises `ValueError` if the edits overlap or do not match `text`, and `TypeError`
    for a `text` that is not a str or `edits` that are not Edits.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"dkfix.apply_edits() takes the str the edits were made on, not {type(text).__name__}"
        )
    try:
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
    except (TypeError, AttributeError):
        ordered = None
    if ordered is None or not all(isinstance(edit, Edit) for edit in ordered):
        raise TypeError("dkfix.apply_edits() takes an iterable of dkfix.Edit as its edits")
    pieces: list[str] = []
    position = 0
    for edit in ordered:
        if edit.start < position or edit.start > edit.end:
            raise ValueError(f"overlapping or inverted edit at {edit.start}:{edit.end}")
        if text[edit.start : edit.end] != edit.original:
            raise ValueError(
                f"edit at {edit.start}:{edit.end} expects {edit.original!r}, "
                f"text has {text[edit.start : edit.end]!r}"
            )
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


_CHUNK_RE = re.compile(r"\s+|\S+")
# Punctuation that sits beside a word without being part of its damage.
_EDGE_PUNCTUATION = frozenset(",.;:!?()[]\"'«»")


def diff_edits(
    before: str, after: str, kind: str, confidence: float = 1.0, reason: str = ""
) -> list[Edit]:
    """The edits, one per changed word, that turn `before` into `after`.

    Used for changes made by a library (ftfy) that reports what it did but not where.
    Words are compared rather than characters so that an edit covers a whole damaged
    word (``KÃ¸benhavn`` → ``København``). Mojibake repairs keep the spaces between
    words, so the words usually pair up one to one, which is linear; otherwise a
    sequence alignment of the words finds the changed runs.
    """
    if before == after:
        return []
    before_chunks = _CHUNK_RE.findall(before)
    after_chunks = _CHUNK_RE.findall(after)
    if len(before_chunks) == len(after_chunks):
        pairs = _paired_runs(before_chunks, after_chunks)
    elif _alignment_cost(before_chunks, after_chunks) <= _ALIGNMENT_BUDGET:
        pairs = _aligned_runs(before_chunks, after_chunks)
    else:
        pairs = _long_runs(before_chunks, after_chunks)
    before_offsets = _offsets(before_chunks)
    after_offsets = _offsets(after_chunks)
    edits = []
    for i1, i2, j1, j2 in pairs:
        old_span = (before_offsets[i1], before_offsets[i2])
        new_span = (after_offsets[j1], after_offsets[j2])
        (start, end), (new_start, new_end) = _trim_punctuation(before, after, old_span, new_span)
        edits.append(
            Edit(start, end, before[start:end], after[new_start:new_end], kind, confidence, reason)
        )
    return edits


def respelled_word_edits(
    before: str,
    after: str,
    kind: str,
    *,
    confidence: float = 1.0,
    reason: str = "",
    offset: int = 0,
) -> list[Edit]:
    """`diff_edits` for an `after` that is `before` with every run of non-ASCII characters
    written as another run of them (a re-decoding: ``KÃ¸benhavn`` → ``København``), the
    edits shifted by `offset`.

    The ASCII of both is the same, so where neither has non-ASCII white space the words
    pair up one to one and the changed ones are the words with non-ASCII characters: one
    regex scan of each text finds them, where `diff_edits` compares every word.
    """
    if _NON_ASCII_SPACE.search(before) or _NON_ASCII_SPACE.search(after):
        return [
            edit.shifted(offset) for edit in diff_edits(before, after, kind, confidence, reason)
        ]
    edits = []
    pairs = zip(_NON_ASCII_WORD.finditer(before), _NON_ASCII_WORD.finditer(after), strict=True)
    for old, new in pairs:
        (start, end), (new_start, new_end) = _trim_punctuation(
            before, after, old.span(), new.span()
        )
        edits.append(
            Edit(
                start + offset,
                end + offset,
                before[start:end],
                after[new_start:new_end],
                kind,
                confidence,
                reason,
            )
        )
    return edits


# A word (as _CHUNK_RE cuts them) with a non-ASCII character; the look-behind starts
# matches only where words start, so a word without one costs one pass.
_NON_ASCII_WORD = re.compile(r"(?<!\S)\S*?[^\x00-\x7f]\S*")
_NON_ASCII_SPACE = re.compile(r"[^\x00-\x7f](?<=\s)")


# difflib's alignment looks at every pair of equal words of the two texts for each run
# it finds, and a line can be a megabyte long (an extraction that lost its line breaks)
# or repeat a few words a thousand times (``ord \x00 `` × 1000: half a minute). Up to this
# many pairs the words are aligned as they are; beyond it, only what lies between the
# words both texts share at their start and end, leaving out as anchors the words
# frequent there (spaces, "og": difflib's "autojunk"), and beyond the second number of
# words, that middle is one run.
_ALIGNMENT_BUDGET = 20_000
_MOST_ROUGHLY_ALIGNED_WORDS = 50_000


def _alignment_cost(before: Sequence[str], after: Sequence[str]) -> int:
    """The pairs of equal words of `before` and `after`: what one step of difflib reads."""
    counts = Counter(after)
    return sum(counts[word] for word in before if word in counts)


def _aligned_runs(
    before: Sequence[str], after: Sequence[str], autojunk: bool = False
) -> list[tuple[int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=autojunk)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _long_runs(before: Sequence[str], after: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """The changed runs of texts too long or repetitive to align as they are (see
    _ALIGNMENT_BUDGET)."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    before_end, after_end = len(before), len(after)
    while (
        before_end > start and after_end > start and before[before_end - 1] == after[after_end - 1]
    ):
        before_end, after_end = before_end - 1, after_end - 1
    old, new = before[start:before_end], after[start:after_end]
    if max(len(old), len(new)) > _MOST_ROUGHLY_ALIGNED_WORDS:
        return [(start, before_end, start, after_end)]
    runs = _aligned_runs(old, new, autojunk=_alignment_cost(old, new) > _ALIGNMENT_BUDGET)
    return [(i1 + start, i2 + start, j1 + start, j2 + start) for i1, i2, j1, j2 in runs]


def _paired_runs(before: Sequence[str], after: Sequence[str]) -> list[tuple[int, int, int, int]]:
    # map/compress compare the words in C: most words of a line are unchanged.
    changed = compress(range(len(before)), map(ne, before, after))
    return [(i, i + 1, i, i + 1) for i in changed]


def _trim_punctuation(
    before: str, after: str, old: tuple[int, int], new: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Narrow a changed span by punctuation both sides share at its edges (``(KÃ¸benhavn),``)."""
    (b_start, b_end), (a_start, a_end) = old, new
    while (
        b_start < b_end
        and a_start < a_end
        and before[b_start] == after[a_start]
        and before[b_start] in _EDGE_PUNCTUATION
    ):
        b_start, a_start = b_start + 1, a_start + 1
    while (
        b_end > b_start
        and a_end > a_start
        and before[b_end - 1] == after[a_end - 1]
        and before[b_end - 1] in _EDGE_PUNCTUATION
    ):
        b_end, a_end = b_end - 1, a_end - 1
    if (b_start, a_start) == (b_end, a_end):  # nothing left: keep the untrimmed change
        return old, new
    return (b_start, b_end), (a_start, a_end)


def _offsets(chunks: Sequence[str]) -> list[int]:
    return list(accumulate(map(len, chunks), initial=0))


def compose(
    original: str, intermediate: str, earlier: Sequence[Edit], later: Sequence[Edit]
) -> list[Edit]:
    """Express two rounds of edits as one round of edits of `original`.

    `earlier` turned `original` into `intermediate`; `later` has offsets into
    `intermediate`. Where a later edit touches the result of an earlier one, they
    merge into one edit of the original span. The merged edit keeps the earlier
    kind, because that fix is where the change began, and joins both reasons.
    """
    if not later:
        return sorted(earlier, key=_position)
    if not earlier:
        return sorted(later, key=_position)
    spans = _spans_in_intermediate(sorted(earlier, key=_position))
    spans += [(e.start, e.end, False, e) for e in later]
    spans.sort(key=lambda s: (s[0], s[1], not s[2]))
    result: list[Edit] = []
    delta = 0  # length change of the earlier edits before the current group
    for group in _conflict_groups(spans):
        olds = [e for _, _, is_old, e in group if is_old]
        news = [e for _, _, is_old, e in group if not is_old]
        if not news:
            result.extend(olds)
        elif not olds:
            result.extend(e.shifted(-delta) for e in news)
        else:
            result.append(_merge_group(original, intermediate, group, delta))
        delta += sum(len(e.replacement) - (e.end - e.start) for e in olds)
    return result


# (start, end, is_earlier, edit): an edit's span in the intermediate text.
_Span = tuple[int, int, bool, Edit]


def _position(edit: Edit) -> tuple[int, int]:
    return (edit.start, edit.end)


def _spans_in_intermediate(earlier: Sequence[Edit]) -> list[_Span]:
    spans: list[_Span] = []
    delta = 0
    for edit in earlier:
        start = edit.start + delta
        spans.append((start, start + len(edit.replacement), True, edit))
        delta += len(edit.replacement) - (edit.end - edit.start)
    return spans


def _conflict_groups(spans: Sequence[_Span]) -> list[list[_Span]]:
    """Group sorted spans that overlap or touch, so each group becomes one edit."""
    groups: list[list[_Span]] = []
    group_end = -1
    for span in spans:
        start, end = span[0], span[1]
        if groups and _conflicts(groups[-1], start, end, group_end):
            groups[-1].append(span)
            group_end = max(group_end, end)
        else:
            groups.append([span])
            group_end = end
    return groups


def _conflicts(group: Sequence[_Span], start: int, end: int, group_end: int) -> bool:
    if start < group_end:
        return True
    # Touching spans conflict only where one is an insertion (empty span) at the seam,
    # or where an edit starts exactly where a replaced region begins.
    return start == group_end and (start == end or any(s[0] == s[1] for s in group[-1:]))


def _merge_group(original: str, intermediate: str, group: Sequence[_Span], delta: int) -> Edit:
    start = group[0][0]
    end = max(span[1] for span in group)
    olds = [span for span in group if span[2]]
    news = [span[3] for span in group if not span[2]]
    # Map the group's boundaries back into the original text. A boundary either is
    # the boundary of an earlier edit or lies in text the earlier edits did not touch.
    first_old, last_old = olds[0], olds[-1]
    original_start = first_old[3].start if first_old[0] == start else start - delta
    inner_delta = sum(len(s[3].replacement) - (s[3].end - s[3].start) for s in olds)
    original_end = last_old[3].end if last_old[1] == end else end - delta - inner_delta
    region = apply_edits(intermediate[start:end], [e.shifted(-start) for e in news])
    kinds = [s[3] for s in group]
    return Edit(
        original_start,
        original_end,
        original[original_start:original_end],
        region,
        first_old[3].kind,
        min(e.confidence for e in kinds),
        "; ".join(dict.fromkeys(e.reason for e in kinds if e.reason)),
    )
