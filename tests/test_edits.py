"""Located edits: applying them, composing two rounds of them, and diffing text into them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dkfix import Edit, apply_edits
from dkfix.edits import compose, diff_edits

# Short texts over a small alphabet, so random edits touch, nest and collide often.
small_text = st.text(alphabet="abcæøå Ã…", max_size=12)


def edit(start: int, end: int, text: str, replacement: str, kind: str = "k") -> Edit:
    return Edit(start, end, text[start:end], replacement, kind)


@st.composite
def edits_of(draw: st.DrawFn, text: str, kind: str) -> list[Edit]:
    """Random non-overlapping edits of `text`: replacements, deletions and insertions.

    Two insertions at one point would have no defined order, so there is at most one.
    """
    edits: list[Edit] = []
    position = 0
    last_insertion = -1
    while position <= len(text) and draw(st.booleans()):
        start = draw(st.integers(position, len(text)))
        end = draw(st.integers(start, min(len(text), start + 4)))
        if start == end == last_insertion:
            continue
        replacement = draw(small_text)
        if replacement == text[start:end]:
            continue
        edits.append(Edit(start, end, text[start:end], replacement, kind, 0.5, kind))
        position = end
        last_insertion = start if start == end else -1
    return edits


# -- apply_edits --------------------------------------------------------------


def test_apply_one_edit() -> None:
    text = "KÃ¸benhavn"
    assert apply_edits(text, [edit(0, 10, text, "København")]) == "København"


def test_apply_several_edits_in_any_order() -> None:
    text = "p† K›benhavn"
    edits = [edit(3, 12, text, "København"), edit(0, 2, text, "på")]
    assert apply_edits(text, edits) == "på København"
    assert apply_edits(text, reversed(edits)) == "på København"


def test_apply_insertion_and_deletion() -> None:
    text = "abc"
    assert apply_edits(text, [edit(1, 1, text, "X"), edit(2, 3, text, "")]) == "aXb"


def test_apply_nothing() -> None:
    assert apply_edits("uændret", []) == "uændret"


def test_overlapping_edits_are_refused() -> None:
    text = "abcdef"
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits(text, [edit(0, 3, text, "x"), edit(2, 4, text, "y")])


def test_edit_that_does_not_match_the_text_is_refused() -> None:
    with pytest.raises(ValueError, match="expects"):
        apply_edits("abc", [Edit(0, 1, "z", "y", "k")])


def test_shifted() -> None:
    moved = Edit(1, 3, "ab", "c", "k", 0.5, "why").shifted(10)
    assert (moved.start, moved.end, moved.original, moved.reason) == (11, 13, "ab", "why")


# -- compose --------------------------------------------------------------------


def test_compose_merges_an_edit_of_an_edit() -> None:
    original = "Ãƒâ€¦rhus"
    intermediate = "Ã…rhus"
    earlier = [Edit(0, 10, original[:10], "Ã…rhus", "fix_encoding", 1.0, "peeled")]
    later = [Edit(0, 6, "Ã…rhus", "Århus", "fix_residual_mojibake", 0.9, "restored")]
    (merged,) = compose(original, intermediate, earlier, later)
    assert (merged.start, merged.end, merged.replacement) == (0, 10, "Århus")
    assert merged.kind == "fix_encoding"
    assert merged.confidence == 0.9
    assert merged.reason == "peeled; restored"


def test_compose_keeps_separate_edits_separate() -> None:
    original = "aa bb cc"
    earlier = [edit(0, 2, original, "A")]
    intermediate = apply_edits(original, earlier)  # "A bb cc"
    later = [edit(5, 7, intermediate, "C", "other")]
    composed = compose(original, intermediate, earlier, later)
    assert [(e.start, e.end, e.replacement, e.kind) for e in composed] == [
        (0, 2, "A", "k"),
        (6, 8, "C", "other"),
    ]


@given(st.data())
def test_compose_equals_applying_in_turn(data: st.DataObject) -> None:
    original = data.draw(small_text)
    earlier = data.draw(edits_of(original, "first"))
    intermediate = apply_edits(original, earlier)
    later = data.draw(edits_of(intermediate, "second"))
    final = apply_edits(intermediate, later)
    composed = compose(original, intermediate, earlier, later)
    assert apply_edits(original, composed) == final
    for change in composed:
        assert original[change.start : change.end] == change.original


# -- diff_edits -------------------------------------------------------------------


def test_diff_covers_the_whole_damaged_word() -> None:
    (change,) = diff_edits("Velkommen til KÃ¸benhavn!", "Velkommen til København!", "fix")
    assert (change.start, change.end, change.original, change.replacement) == (
        14,
        24,
        "KÃ¸benhavn",
        "København",
    )
    assert change.kind == "fix"


def test_diff_of_equal_texts_is_empty() -> None:
    assert diff_edits("uændret", "uændret", "fix") == []


@given(small_text, small_text)
def test_diff_edits_replay(before: str, after: str) -> None:
    assert apply_edits(before, diff_edits(before, after, "fix")) == after


@given(st.text(max_size=40), st.text(max_size=40))
def test_diff_edits_replay_on_any_text(before: str, after: str) -> None:
    assert apply_edits(before, diff_edits(before, after, "fix")) == after


def test_diff_of_a_long_line_stays_word_by_word() -> None:
    # A line of 20,000 words whose word count changes: aligned on its rarer words, not
    # word by word across the whole line (which would take minutes).
    middle = "".join(f"og ord{number} " for number in range(5_000))
    before = "fÃ¸r\x0bnu " + middle + "sÃ¥\x0bnu " + middle + "slut"
    after = before.replace("\x0b", "").replace("Ã¸", "ø").replace("Ã¥", "å")
    edits = diff_edits(before, after, "k")
    assert [(e.original, e.replacement) for e in edits] == [
        ("fÃ¸r\x0bnu", "førnu"),
        ("sÃ¥\x0bnu", "sånu"),
    ]
    assert apply_edits(before, edits) == after


def test_diff_of_a_huge_changed_line_replays() -> None:
    before = "x\x0by " * 60_000  # every word changes: one run
    after = before.replace("\x0b", "")
    assert apply_edits(before, diff_edits(before, after, "k")) == after


def test_diff_of_a_repetitive_line_replays() -> None:
    # Aligned word by word, "ord \x00 " * 1000 took half a minute (cubic in the repeats).
    before = "ord \x00 " * 1_000
    after = before.replace("\x00", "")
    assert apply_edits(before, diff_edits(before, after, "k")) == after
