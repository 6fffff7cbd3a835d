"""Bytes of unknown encoding to text, chosen by Danish plausibility (placeholder; being written)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Candidate:
    """One way of decoding the bytes, with its Danish plausibility score."""

    encoding: str
    score: float
    text: str


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoding dkfix chose: `text`, `encoding`, `confidence` 0..1, and the `candidates`."""

    text: str
    encoding: str
    confidence: float
    candidates: list[Candidate] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Decode `data`, choosing the encoding under which it reads most like Danish."""
    text = bytes(data).decode("utf-8", errors="replace")
    return Decoded(text, "utf-8", 1.0, [])
