"""Edits: every change dkfix makes, with its span in the input and the reason for it.

A fix works on the text it is given and returns edits against that text. The
pipeline composes the edits of successive fixes so that the edits it reports
always point into the caller's original input, and replaying them (last to
first) gives the output exactly.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace


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
        return replace(self, start=self.start + offset, end=self.end + offset)


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

    Raises `ValueError` if the edits overlap or do not match `text`.
    """
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
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
    else:
        matcher = difflib.SequenceMatcher(None, before_chunks, after_chunks, autojunk=False)
        pairs = [
            (i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
        ]
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


def _paired_runs(before: Sequence[str], after: Sequence[str]) -> list[tuple[int, int, int, int]]:
    pairs = zip(before, after, strict=True)
    return [(i, i + 1, i, i + 1) for i, (old, new) in enumerate(pairs) if old != new]


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
    offsets = [0]
    for chunk in chunks:
        offsets.append(offsets[-1] + len(chunk))
    return offsets


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
