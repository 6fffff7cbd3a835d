"""Fuzz target: find_numbers, parse_number and normalize_numbers on any str.

Checked besides "no exception": every match is the text at its span, in order and
apart, of a known kind; each match's text parses on its own; and, on a sample of the
inputs, normalizing settles in one pass in both styles.
"""

from __future__ import annotations

import harness

harness.instrumented_dkfix()

from dkfix import find_numbers, normalize_numbers, parse_number  # noqa: E402
from dkfix.numbers import KINDS  # noqa: E402


def test_one_input(data: bytes) -> None:
    text = harness.as_text(data)
    position = 0
    for match in find_numbers(text):
        assert position <= match.start < match.end <= len(text), match
        assert text[match.start : match.end] == match.text, match
        assert match.kind in KINDS, match
        position = match.end
        parse_number(match.text)
    if harness.sampled(data):
        for style in ("da", "plain"):
            once = normalize_numbers(text, style)
            assert normalize_numbers(once, style) == once, f"style {style} does not settle"


if __name__ == "__main__":
    harness.fuzz(test_one_input)
