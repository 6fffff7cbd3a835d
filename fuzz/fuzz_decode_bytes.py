"""Fuzz target: decode_bytes on any bytes.

Checked besides "no exception": the confidence is between 0 and 1, the candidates
are sorted best first and name the chosen encoding's score, ASCII without NUL bytes
decodes as itself, and bytes with a UTF-8 byte-order mark decode as UTF-8.
"""

from __future__ import annotations

import codecs

import harness

harness.instrumented_dkfix()

from dkfix import decode_bytes  # noqa: E402  (after the instrumentation)


def test_one_input(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert isinstance(decoded.text, str)
    assert 0.0 <= decoded.confidence <= 1.0, decoded.confidence
    scores = [candidate.score for candidate in decoded.candidates]
    assert scores == sorted(scores, reverse=True), scores
    if data.isascii() and b"\x00" not in data:
        assert decoded.text == data.decode("ascii"), decoded.encoding
    if data.startswith(codecs.BOM_UTF8):
        try:
            expected = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError:
            return
        assert decoded.text == expected, decoded.encoding


if __name__ == "__main__":
    harness.fuzz(test_one_input)
