"""Bytes of unknown encoding to text, chosen by Danish plausibility.

The order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. the pattern of NUL bytes that UTF-16 and UTF-32 without a BOM leave in Latin text;
3. pure ASCII;
4. strict UTF-8: bytes of a legacy code page almost never form valid UTF-8 by
   chance, so valid UTF-8 is kept, even when the text it holds is mojibake
   (``KÃ¸benhavn`` is UTF-8 text; the fixers repair it afterwards);
5. a file that mixes UTF-8 lines with lines of a legacy code page is decoded
   line by line;
6. otherwise every legacy code page Danish has been written in is tried, and
   the decoding that reads most like Danish wins (``dkfix.plausibility``).

Why not just charset-normalizer: it knows no Danish, so it calls Danish cp865
"cp775", short cp1252 "cp1250" and UTF-8 that contains mojibake "cp932". Its
guess is still scored, as one more candidate, never taken as the answer.
"""

from __future__ import annotations

import codecs
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .danish import LEGACY_ENCODINGS
from .plausibility import plausibility

logger = logging.getLogger(__name__)

__all__ = ["Candidate", "Decoded", "decode_bytes"]

# Longest BOMs first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# (encoding, code unit width, offset of the low byte in a unit) for text without a BOM.
_WIDE_ENCODINGS: tuple[tuple[str, int, int], ...] = (
    ("utf-32-le", 4, 0),
    ("utf-32-be", 4, 3),
    ("utf-16-le", 2, 0),
    ("utf-16-be", 2, 1),
)
# In Latin text nearly every code unit has zero high bytes; a low byte is rarely zero.
_MIN_ZERO_HIGH_SHARE = 0.3
_MAX_ZERO_LOW_SHARE = 0.1

# Characters that valid UTF-8 from Danish text would rarely hold: anything beyond
# Latin, general punctuation and common symbols. Their presence makes the UTF-8
# reading compete with the legacy code pages instead of winning outright.
_UNUSUAL_IN_UTF8 = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u2fff]")
# The same test on the bytes, fast: deleting every byte below 0xCA and the lead bytes
# 0xE1 and 0xE2 leaves only lead bytes of unusual characters. The lead bytes 0xC9
# and 0xE1 start usual and unusual characters alike; the regex decides for them.
_USUAL_UTF8_BYTES = bytes(range(0xCA)) + b"\xe1\xe2"
# Each multi-byte UTF-8 character is evidence for UTF-8: single-byte text seldom forms one.
_UTF8_PRIOR_PER_CHAR = 3.0

# Danish text is almost never in a code page outside danish.LEGACY_ENCODINGS, so
# charset-normalizer's guess, when it names another one, starts well behind: far enough
# that Danish text with damage of its own (letters lost to a placeholder, "fÅlger")
# is not read as a code page that makes the damage look like other letters ("félger").
_UNLISTED_ENCODING_PRIOR = -6.0

# charset-normalizer's guess is one candidate among several; a few KiB is enough for it.
_CHARSET_NORMALIZER_BYTES = 4096

# Larger inputs are scored on a sample of their non-ASCII lines.
_SAMPLE_BYTES = 16 * 1024
_REPLACEMENT = "\ufffd"
_PREVIEW_CHARS = _SAMPLE_BYTES
# Valid UTF-8 is not in doubt; its score is only informative, so score little of it.
_FAST_PATH_SCORED_CHARS = 4096


@dataclass(frozen=True, slots=True)
class Candidate:
    """One way of decoding the bytes, with its Danish plausibility score.

    `text` is the decoding of the bytes that were scored: all of them for inputs
    up to 16 KiB, a sample of the lines with non-ASCII bytes for larger ones (for
    UTF-8 and other certain decodings, the first 16,384 characters).
    """

    encoding: str
    score: float
    text: str


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoding dkfix chose: `text`, `encoding`, `confidence` 0..1, and the `candidates`.

    `candidates` are sorted best first. `confidence` comes from the score margin
    between the chosen text and the best candidate that gives a *different*
    text: cp1252 and latin-1 read most Danish text identically, and that is no
    doubt about the text.
    """

    text: str
    encoding: str
    confidence: float
    candidates: list[Candidate] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    """Decode `data`, choosing the encoding under which it reads most like Danish.

    Never raises on any bytes; `bytearray` and `memoryview` are accepted too.

    >>> decode_bytes("Grønkjær på Ærø".encode("cp865")).text
    'Grønkjær på Ærø'
    >>> decode_bytes("Grønkjær på Ærø".encode("cp1252")).encoding
    'cp1252'
    >>> decode_bytes(b"Aarhus").encoding
    'ascii'
    """
    raw = _require_bytes(data)
    if not raw:
        return Decoded("", "ascii", 1.0, [Candidate("ascii", 0.0, "")])
    for decoder in (_decode_with_bom, _decode_wide, _decode_ascii, _decode_utf8):
        decoded = decoder(raw)
        if decoded is not None:
            return decoded
    return _decode_mixed_lines(raw) or _decode_legacy(raw)


def _require_bytes(data: object) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if isinstance(data, str):
        raise TypeError(
            "dkfix.decode_bytes() takes bytes, not str: the text is already decoded; "
            "to repair it use dkfix.fix_text(text)"
        )
    raise TypeError(f"dkfix.decode_bytes() takes bytes, not {type(data).__name__}")


def _decode_with_bom(raw: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None  # a BOM-like start of a legacy text; score it like one
            return _certain(text, encoding)
    return None


def _decode_wide(raw: bytes) -> Decoded | None:
    """UTF-16 or UTF-32 without a BOM, recognised by where the NUL bytes are."""
    if b"\x00" not in raw:
        return None
    for encoding, width, low_offset in _WIDE_ENCODINGS:
        if len(raw) % width:
            continue
        units = len(raw) // width
        low_zeros = raw[low_offset::width].count(0)
        zero_low = low_zeros / units
        zero_high = (raw.count(0) - low_zeros) / (len(raw) - units)
        if zero_high < _MIN_ZERO_HIGH_SHARE or zero_low > _MAX_ZERO_LOW_SHARE:
            continue
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        confidence = zero_high * (1.0 - zero_low)
        return Decoded(text, encoding, confidence, [Candidate(encoding, 0.0, _preview(text))])
    return None


def _decode_ascii(raw: bytes) -> Decoded | None:
    return _certain(raw.decode("ascii"), "ascii") if raw.isascii() else None


def _decode_utf8(raw: bytes) -> Decoded | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _decode_truncated_utf8(raw, error)
    if _has_unusual_characters(raw, text):
        return _utf8_against_legacy(raw, text)
    candidate = _utf8_candidate(text, _FAST_PATH_SCORED_CHARS)
    return Decoded(text, "utf-8", _utf8_confidence(raw, text), [candidate])


def _has_unusual_characters(raw: bytes, text: str) -> bool:
    if raw.translate(None, _USUAL_UTF8_BYTES):
        return True
    if b"\xc9" in raw or b"\xe1" in raw:
        return _UNUSUAL_IN_UTF8.search(text) is not None
    return False


def _decode_truncated_utf8(raw: bytes, error: UnicodeDecodeError) -> Decoded | None:
    """UTF-8 cut off inside its last character (a sample, a truncated download)."""
    if error.end != len(raw) or error.reason != "unexpected end of data":
        return None
    head = raw[: error.start]
    if head.isascii():
        return None  # no UTF-8 character before the cut: no evidence for UTF-8 at all
    text = head.decode("utf-8") + _REPLACEMENT
    candidate = _utf8_candidate(text, _FAST_PATH_SCORED_CHARS)
    return Decoded(text, "utf-8", _utf8_confidence(raw, text), [candidate])


def _utf8_against_legacy(raw: bytes, text: str) -> Decoded:
    """Valid UTF-8 holding unusual characters competes with the legacy code pages."""
    sample = _scoring_sample(raw)
    utf8 = _utf8_candidate(sample.decode("utf-8", errors="ignore"))
    ranked = _sorted([utf8, *_rank_legacy(sample)])
    if ranked[0].encoding == "utf-8":
        return Decoded(text, "utf-8", _margin_confidence(ranked), ranked)
    return _decode_full(raw, ranked)


def _utf8_candidate(text: str, scored_chars: int = _PREVIEW_CHARS) -> Candidate:
    """UTF-8 as a candidate: plausibility plus a prior for each multi-byte character."""
    scored = text[:scored_chars]
    multibyte_chars = sum(1 for char in scored if not char.isascii())
    score = plausibility(scored) + _UTF8_PRIOR_PER_CHAR * multibyte_chars
    return Candidate("utf-8", score, _preview(text))


def _utf8_confidence(raw: bytes, text: str) -> float:
    """Each extra byte of a multi-byte character makes a chance match less likely."""
    extra_bytes = len(raw) - len(text)
    return 1.0 - 2.0 ** (-4 * max(1, extra_bytes))


def _decode_mixed_lines(raw: bytes) -> Decoded | None:
    """A file whose lines are partly UTF-8, partly one legacy code page."""
    lines = raw.splitlines(keepends=True)
    is_utf8 = [_is_utf8(line) for line in lines]
    utf8_lines = [
        line for line, utf8 in zip(lines, is_utf8, strict=True) if utf8 and not line.isascii()
    ]
    legacy_lines = [line for line, utf8 in zip(lines, is_utf8, strict=True) if not utf8]
    if not utf8_lines or not legacy_lines:
        return None
    utf8_sample = _sample_lines(utf8_lines)
    utf8_score = plausibility(utf8_sample.decode("utf-8", errors="ignore"))
    if _rank_legacy(utf8_sample)[0].score >= utf8_score:
        return None  # the "UTF-8" lines read better in a legacy code page too
    ranked = _rank_legacy(_sample_lines(legacy_lines))
    encoding = _first_decoding_all(b"".join(legacy_lines), ranked)
    text = "".join(
        line.decode("utf-8") if utf8 else line.decode(encoding, errors="replace")
        for line, utf8 in zip(lines, is_utf8, strict=True)
    )
    logger.debug(
        "mixed file: %d UTF-8 lines, %d %s lines", len(utf8_lines), len(legacy_lines), encoding
    )
    return Decoded(text, f"utf-8+{encoding}", _margin_confidence(ranked), ranked)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_legacy(raw: bytes) -> Decoded:
    return _decode_full(raw, _rank_legacy(_scoring_sample(raw)))


def _decode_full(raw: bytes, ranked: list[Candidate]) -> Decoded:
    """Decode all of `raw` with the best candidate that decodes it without error.

    The ranking may rest on a sample, so a byte a code page lacks (cp1252 has
    holes) may only show up here.
    """
    encoding = _first_decoding_all(raw, ranked)
    chosen = next(candidate for candidate in ranked if candidate.encoding == encoding)
    ranked = [chosen, *(candidate for candidate in ranked if candidate is not chosen)]
    return Decoded(
        raw.decode(encoding, errors="replace"), encoding, _margin_confidence(ranked), ranked
    )


def _first_decoding_all(raw: bytes, ranked: list[Candidate]) -> str:
    for candidate in ranked:
        try:
            raw.decode(candidate.encoding)
        except UnicodeDecodeError:
            continue
        return candidate.encoding
    return ranked[0].encoding


def _rank_legacy(sample: bytes) -> list[Candidate]:
    """Every legacy code page that decodes `sample`, scored, best first."""
    candidates = []
    for encoding in _legacy_encodings(sample):
        try:
            text = sample.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue  # a byte the code page does not define disqualifies it
        prior = 0.0 if encoding in LEGACY_ENCODINGS else _UNLISTED_ENCODING_PRIOR
        candidates.append(Candidate(encoding, plausibility(text) + prior, text))
    if not candidates:  # cannot happen while latin-1 is a candidate; never raise
        text = sample.decode("latin-1")
        candidates.append(Candidate("latin-1", plausibility(text), text))
    return _sorted(candidates)


def _legacy_encodings(sample: bytes) -> list[str]:
    """danish.LEGACY_ENCODINGS, then charset-normalizer's guess if it is another one."""
    encodings = list(LEGACY_ENCODINGS)
    guess = _charset_normalizer_guess(sample)
    known = {_codec_name(encoding) for encoding in encodings}
    if guess is not None and _codec_name(guess) not in known:
        encodings.append(guess)
    return encodings


def _charset_normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported late: only legacy bytes need it

    best = from_bytes(sample[:_CHARSET_NORMALIZER_BYTES]).best()
    return None if best is None else str(best.encoding)


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _sorted(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Best score first; ties keep the given order (LEGACY_ENCODINGS: most common first)."""
    return sorted(candidates, key=lambda candidate: -candidate.score)


def _margin_confidence(ranked: list[Candidate]) -> float:
    """Logistic in the margin to the best candidate with a different text."""
    best = ranked[0]
    rival = next((other for other in ranked[1:] if other.text != best.text), None)
    if rival is None:
        return 1.0
    return 1.0 / (1.0 + math.exp(-(best.score - rival.score)))


def _scoring_sample(raw: bytes) -> bytes:
    """All of `raw` if small, else lines with non-ASCII bytes spread evenly through it."""
    if len(raw) <= _SAMPLE_BYTES:
        return raw
    return _sample_lines([line for line in raw.splitlines(keepends=True) if not line.isascii()])


def _sample_lines(lines: list[bytes]) -> bytes:
    """Every n-th line, for about _SAMPLE_BYTES; cut if the lines are very long."""
    total = sum(len(line) for line in lines)
    stride = max(1, math.ceil(total / _SAMPLE_BYTES))
    return b"".join(lines[::stride])[: 2 * _SAMPLE_BYTES]


def _certain(text: str, encoding: str) -> Decoded:
    return Decoded(text, encoding, 1.0, [Candidate(encoding, 0.0, _preview(text))])


def _preview(text: str) -> str:
    return text[:_PREVIEW_CHARS]
