"""Fuzz target: fix_text and fix_and_explain on any str.

Checked besides "no exception": the output is a str at most three times as long as
the input, fix_text and fix_and_explain agree, the edits replay, and, on a sample of
the inputs, fixing the output again changes nothing.
"""

from __future__ import annotations

import harness

harness.instrumented_dkfix()

from dkfix import fix_and_explain, fix_text  # noqa: E402  (after the instrumentation)


def test_one_input(data: bytes) -> None:
    text = harness.as_text(data)
    if harness.known_slow(text):
        return
    result = fix_and_explain(text)
    assert isinstance(result.text, str)
    assert len(result.text) <= harness.GROWTH_FACTOR * len(text)
    harness.check_edits(text, result.text, list(result.edits))
    assert all(edit in result.edits for edit in result.flagged)
    if harness.sampled(data):
        assert fix_text(text) == result.text, "fix_text and fix_and_explain differ"
        assert fix_text(result.text) == result.text, "fixing the output changes it again"


if __name__ == "__main__":
    harness.fuzz(test_one_input)
