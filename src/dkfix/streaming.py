"""Fixing files too large to hold in memory: read in pieces, cut at paragraph ends, fix each piece.

`fix_stream` reads a binary stream a piece at a time and yields each piece fixed,
with its edits; the memory it needs depends on the piece size, not on the size
of the file. An input no larger than one piece is decoded and fixed whole, exactly
as ``fix_and_explain(decode_bytes(data).text)`` would.

Pieces are about `CHUNK_SIZE` bytes (2 MiB). The letter repairs judge one paragraph
at a time and the layout fixes (running headers) need a few pages of context, so a
piece of 2 MiB, cut where a paragraph ends, loses them nothing; larger pieces are
no faster (repair runs at the same speed from about 1 MiB up), while the memory
a piece needs during repair is up to about fifty times its size for the heaviest
damage (folded letters): about 100 MB, beside the 140 MB of language data.

A piece ends at a blank line if there is one in its second half, else at a line
end, else (a line longer than several pieces) wherever a character ends. A CRLF is
never split. The encoding chosen for the first piece with non-ASCII bytes is kept
for the rest of the file, so that one file is never read in two code pages; a
piece it cannot decode is decoded on its own (a file that mixes encodings).
UTF-16 and UTF-32 are decoded as a stream, which keeps the byte order mark and the
alignment of the code units across the cuts.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import AnyStr, BinaryIO, Generic

from .config import Config
from .decode import decode_bytes
from .edits import Edit
from .fixing import fix_and_explain

__all__ = ["CHUNK_SIZE", "DecodedPiece", "FixedPiece", "decode_stream", "fix_stream"]

CHUNK_SIZE = 2 * 1024 * 1024
"""The size of a piece in bytes (characters for UTF-16 and UTF-32 input)."""

_SMALLEST_CHUNK = 1024
# With no line end near a piece's size, reading goes on up to this many piece
# sizes to find one before cutting inside the line.
_LONGEST_LINE_PIECES = 2
# UTF-16 and UTF-32 are recognised in this much of the start of the input.
_SNIFF_BYTES = 1 << 16
_WIDE_ENCODINGS = frozenset(
    {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)
# UTF-16 and UTF-32 of any text start with one of these BOMs or hold NUL bytes.
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# After the first piece the byte order mark is behind us; U+FEFF later is text.
_CONTINUE_WITH = {"utf-8-sig": "utf-8"}


@dataclass(frozen=True, slots=True)
class DecodedPiece:
    """One piece of a stream, decoded: `text` begins at `start` in the whole decoded input."""

    start: int
    text: str
    encoding: str
    confidence: float


@dataclass(frozen=True, slots=True)
class FixedPiece:
    """One piece of a stream: its decoded text (`original`) and the fixed `text`.

    `start` is where `original` begins in the whole decoded input; the offsets of
    `edits` and `flagged` count from the start of the whole input too, as if it
    had been fixed in one call. `encoding` and `confidence` tell how the piece
    was decoded.
    """

    start: int
    original: str
    text: str
    encoding: str
    confidence: float
    edits: list[Edit] = field(default_factory=list)
    flagged: list[Edit] = field(default_factory=list)


def fix_stream(
    source: BinaryIO, config: Config | None = None, *, chunk_size: int = CHUNK_SIZE
) -> Iterator[FixedPiece]:
    """Decode and fix the bytes read from `source`, a piece at a time.

    Joining the pieces' `text` gives the fixed document; memory use depends on
    `chunk_size`, not on the length of the input. Raises `ValueError` for a
    `chunk_size` under 1024 and `TypeError`, when called, for anything but a binary stream.

    >>> import io
    >>> pieces = fix_stream(io.BytesIO("Velkommen til KÃ¸benhavn.\\n".encode()))
    >>> [(piece.text, [edit.replacement for edit in piece.edits]) for piece in pieces]
    [('Velkommen til København.\\n', ['København'])]
    """
    _require_binary_stream(source, "fix_stream")
    _check_chunk_size(chunk_size)
    return _fixed_pieces(source, Config() if config is None else config, chunk_size)


def _fixed_pieces(source: BinaryIO, config: Config, chunk_size: int) -> Iterator[FixedPiece]:
    for piece in _numbered_pieces(source, chunk_size):
        fixed = fix_and_explain(piece.text, config)
        yield FixedPiece(
            piece.start,
            piece.text,
            fixed.text,
            piece.encoding,
            piece.confidence,
            [edit.shifted(piece.start) for edit in fixed.edits],
            [edit.shifted(piece.start) for edit in fixed.flagged],
        )


def decode_stream(source: BinaryIO, *, chunk_size: int = CHUNK_SIZE) -> Iterator[DecodedPiece]:
    """Decode the bytes read from `source` a piece at a time, as `fix_stream` does.

    >>> import io
    >>> [piece.text for piece in decode_stream(io.BytesIO("På Ærø\\n".encode("cp865")))]
    ['På Ærø\\n']
    """
    _require_binary_stream(source, "decode_stream")
    _check_chunk_size(chunk_size)
    return _numbered_pieces(source, chunk_size)


def _require_binary_stream(source: object, function: str) -> None:
    # Checked when called, not when first iterated: a generator would raise far from the
    # mistake, or, for bytes, fail on `.read` with an AttributeError that explains nothing.
    if isinstance(source, io.TextIOBase) or not callable(getattr(source, "read", None)):
        hint = ""
        if isinstance(source, (bytes, bytearray, memoryview)):
            hint = "; for bytes in memory use dkfix.decode_bytes(data) or io.BytesIO(data)"
        elif isinstance(source, io.TextIOBase):
            hint = "; open the file in binary mode ('rb')"
        raise TypeError(
            f"dkfix.{function}() takes a binary stream (a file opened with 'rb', "
            f"io.BytesIO), not {type(source).__name__}{hint}"
        )


def _check_chunk_size(chunk_size: int) -> None:
    if chunk_size < _SMALLEST_CHUNK:
        raise ValueError(f"chunk_size must be at least {_SMALLEST_CHUNK} bytes, not {chunk_size}")


def _numbered_pieces(source: BinaryIO, chunk_size: int) -> Iterator[DecodedPiece]:
    start = 0
    for text, encoding, confidence in _decoded_pieces(source, chunk_size):
        yield DecodedPiece(start, text, encoding, confidence)
        start += len(text)


def _decoded_pieces(source: BinaryIO, size: int) -> Iterator[tuple[str, str, float]]:
    """(text, encoding, confidence) of each piece of `source`."""
    read = _byte_reader(source)
    head, at_end = _fill(read, b"", size + 1, at_end=False)
    if at_end and len(head) <= size:  # one piece: decoded exactly as a whole file is
        decoded = decode_bytes(head)
        yield decoded.text, decoded.encoding, decoded.confidence
        return
    wide = _wide_encoding(head)
    if wide is not None:
        encoding, confidence = wide
        text_read = _TextReader(read, encoding, head).read
        for text in _split(text_read, _TEXT_CUTTER, "", size):
            yield text, encoding, confidence
        return
    decoder = _PieceDecoder()
    for raw in _split(read, _BYTE_CUTTER, head, size):
        yield decoder.decode(raw)


def _byte_reader(source: BinaryIO) -> Callable[[int], bytes]:
    def read(size: int) -> bytes:
        data = source.read(size)
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError(
                f"dkfix reads bytes from streams, not {type(data).__name__}: open the file in "
                "binary mode ('rb')"
            )
        return bytes(data)

    return read


def _wide_encoding(head: bytes) -> tuple[str, float] | None:
    """UTF-16 or UTF-32 (and the confidence), recognised at the start of the input."""
    sample = head[:_SNIFF_BYTES]
    if not sample.startswith(_WIDE_BOMS) and b"\x00" not in sample:
        return None
    decoded = decode_bytes(sample[: len(sample) - len(sample) % 4])
    if decoded.encoding in _WIDE_ENCODINGS:
        return decoded.encoding, decoded.confidence
    return None


class _TextReader:
    """Reads text from a UTF-16 or UTF-32 byte stream; never returns "" before the end."""

    def __init__(self, read: Callable[[int], bytes], encoding: str, head: bytes) -> None:
        self._read = read
        self._head = head
        # Like decode_bytes for the first piece, never fail: a bad code unit becomes U+FFFD.
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._finished = False

    def read(self, size: int) -> str:
        while not self._finished:
            data, self._head = self._head or self._read(size), b""
            text = self._decoder.decode(data, final=not data)
            self._finished = not data
            if text:
                return text
        return ""


class _PieceDecoder:
    """Decodes the pieces of one file alike, in the encoding of its first non-ASCII piece."""

    def __init__(self) -> None:
        self.encoding: str | None = None
        self.confidence = 1.0

    def decode(self, raw: bytes) -> tuple[str, str, float]:
        if self.encoding is not None:
            text = _decode_as(raw, self.encoding)
            if text is not None:
                return text, self.encoding, self.confidence
        decoded = decode_bytes(raw)
        if self.encoding is None and decoded.encoding != "ascii":
            self.encoding, self.confidence = decoded.encoding, decoded.confidence
        return decoded.text, decoded.encoding, decoded.confidence


def _decode_as(raw: bytes, encoding: str) -> str | None:
    """`raw` decoded as `encoding` (as decode_bytes names it), or None if it does not decode."""
    if "+" in encoding:  # "utf-8+cp1252": a file of UTF-8 lines and lines of a code page
        legacy = encoding.partition("+")[2]
        return "".join(_line_as(line, legacy) for line in raw.splitlines(keepends=True))
    try:
        return raw.decode(_CONTINUE_WITH.get(encoding, encoding))
    except UnicodeDecodeError:
        return None


def _line_as(line: bytes, legacy: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode(legacy, errors="replace")


def _fill(
    read: Callable[[int], AnyStr], buffer: AnyStr, wanted: int, at_end: bool
) -> tuple[AnyStr, bool]:
    """Read until `buffer` holds `wanted` items or the input ends (reads may come short)."""
    parts = [buffer]
    held = len(buffer)
    while held < wanted and not at_end:
        data = read(wanted - held)
        at_end = not data
        parts.append(data)
        held += len(data)
    return buffer[:0].join(parts), at_end


class _Cutter(Generic[AnyStr]):
    """Where to end a piece: at a blank line, else a line end, else a character boundary."""

    def __init__(
        self,
        paragraph_end: re.Pattern[AnyStr],
        line_end: re.Pattern[AnyStr],
        crlf: AnyStr,
        boundary: Callable[[AnyStr, int], int],
    ) -> None:
        self.paragraph_end: re.Pattern[AnyStr] = paragraph_end
        self.line_end: re.Pattern[AnyStr] = line_end
        self.crlf: AnyStr = crlf
        self.boundary: Callable[[AnyStr, int], int] = boundary

    def cut(self, buffer: AnyStr, size: int, at_end: bool) -> int | None:
        """The end of the first piece of `buffer`, or None to read more first."""
        # Before the end, the last character is held back: it may be a CR whose LF is unread.
        usable = len(buffer) if at_end else len(buffer) - 1
        within = min(size, usable)
        for pattern in (self.paragraph_end, self.line_end):
            end = _last_end(pattern, buffer, size // 2, within)
            if end is not None:
                return self._after_crlf(buffer, end)
        beyond = self.line_end.search(buffer, within, usable)
        if beyond is not None:
            return self._after_crlf(buffer, beyond.end())
        if at_end or len(buffer) >= _LONGEST_LINE_PIECES * size:
            return self.boundary(buffer, size)
        return None

    def _after_crlf(self, buffer: AnyStr, end: int) -> int:
        # A match cut short by the end of the search may have stopped between CR and LF.
        return end + 1 if buffer[end - 1 : end + 1] == self.crlf else end


def _last_end(pattern: re.Pattern[AnyStr], buffer: AnyStr, start: int, end: int) -> int | None:
    last: int | None = None
    for match in pattern.finditer(buffer, start, end):
        last = match.end()
    return last


def _utf8_boundary(buffer: bytes, size: int) -> int:
    """`size`, moved back to the start of a UTF-8 character (harmless for single-byte text)."""
    end = size
    while end > size - 3 and buffer[end] & 0xC0 == 0x80:
        end -= 1
    return end


def _char_boundary(buffer: str, size: int) -> int:
    return size


_BYTE_CUTTER = _Cutter(
    re.compile(rb"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)"),
    re.compile(rb"\r\n|\r|\n"),
    b"\r\n",
    _utf8_boundary,
)
_TEXT_CUTTER = _Cutter(
    re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)"),
    re.compile(r"\r\n|\r|\n"),
    "\r\n",
    _char_boundary,
)


def _split(
    read: Callable[[int], AnyStr], cutter: _Cutter[AnyStr], head: AnyStr, size: int
) -> Iterator[AnyStr]:
    """The input, `head` first, in pieces of about `size` cut by `cutter`."""
    buffer, at_end, wanted = head, False, size + 1
    while True:
        buffer, at_end = _fill(read, buffer, wanted, at_end)
        if at_end and len(buffer) <= size:
            if buffer:
                yield buffer
            return
        end = cutter.cut(buffer, size, at_end)
        if end is None:  # no line end yet: read another piece's worth and look again
            wanted = len(buffer) + size
            continue
        yield buffer[:end]
        buffer, wanted = buffer[end:], size + 1
