"""The seed corpus of each fuzz target, generated from the repository's fixtures.

Seeds are written at the start of each run (nothing binary is committed): the seed
documents cut into paragraphs, each paragraph put through every damage of
`dkfix.damage`; for decode_bytes, the paragraphs written in every encoding Danish
text has been stored in; for find_numbers, the number expressions of
fixtures/numbers; for find_tables, the table regions of the seeds. A dictionary of
the byte strings dkfix looks for (mojibake pairs, placeholders, number words) helps
the mutations find them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
# Longer inputs make each execution slower without reaching new code.
MAX_SEED_BYTES = 4096
_ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "cp865", "cp850", "mac_roman", "latin-1")
_WIDE = ("utf-16", "utf-16-le", "utf-16-be", "utf-32")

# Byte strings worth inserting whole: what the fixes look for.
DICTIONARY_WORDS = (
    "Ã¸",
    "Ã¥",
    "Ã¦",
    "Ã˜",
    "Ã…",
    "Ã†",
    "â€œ",
    "â€",
    "Ã\xa0",
    "√∏",
    "‘",
    "›",
    "†",
    "¿",
    "Œ",
    "Å",
    "?",
    "\ufffd",
    "aa",
    "oe",
    "ae",
    "AA",
    "Aa",
    "&amp;",
    "&aelig;",
    "&#248;",
    "\x1b[0m",
    "\x00",
    "\u00a0",
    "\u200b",
    "\r\n",
    "\t",
    "-",
    "•",
    "–",
    "mio.",
    "mia.",
    "kr.",
    "pct.",
    "%",
    "ca.",
    "cirka",
    "knap",
    "over",
    "§",
    "nr.",
    "kl.",
    "j.nr.",
    "tlf.",
    "januar",
    "december",
    "tusind",
    "million",
    "1.000",
    "2,5",
    "1/2",
    "2021-12-14",
    "10.45",
)


def paragraphs() -> list[str]:
    """The paragraphs of the seed documents and demo files, each at most MAX_SEED_BYTES."""
    found: list[str] = []
    for path in sorted([*(FIXTURES / "seeds").glob("*.txt"), *(FIXTURES / "demo").glob("*.txt")]):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        for paragraph in text.split("\n\n"):
            found.extend(_pieces(paragraph))
    return found


def _pieces(paragraph: str) -> Iterator[str]:
    piece = ""
    for line in paragraph.splitlines(keepends=True):
        if piece and len((piece + line).encode("utf-8", "surrogateescape")) > MAX_SEED_BYTES:
            yield piece
            piece = ""
        piece += line[: MAX_SEED_BYTES // 4]
    if piece.strip():
        yield piece


def text_seeds() -> Iterator[str]:
    """Each paragraph clean and through each damage."""
    from dkfix.damage import DAMAGES

    for paragraph in paragraphs():
        yield paragraph
        for damage in DAMAGES.values():
            try:
                yield damage(paragraph)
            except UnicodeError:
                continue  # a character the damage's code page cannot write


def byte_seeds() -> Iterator[bytes]:
    """Each paragraph in each encoding that can write it."""
    for paragraph in paragraphs():
        for encoding in (*_ENCODINGS, *_WIDE):
            try:
                yield paragraph.encode(encoding)
            except UnicodeEncodeError:
                yield paragraph.encode(encoding, "replace")


def number_seeds() -> Iterator[str]:
    """The number expressions of fixtures/numbers, one per seed, and the lines with digits."""
    data = json.loads((FIXTURES / "numbers" / "seeds.json").read_text(encoding="utf-8"))
    for document in data["documents"]:
        for expression in document["expressions"]:
            yield expression["text"]
    for paragraph in paragraphs():
        yield from (line for line in paragraph.splitlines() if any(c.isdigit() for c in line))


def table_seeds() -> Iterator[str]:
    """The paragraphs with tabs or rows of marks, and the repaired Punkt 96."""
    yield (FIXTURES / "expected" / "004_punkt96.txt").read_text(encoding="utf-8")[:MAX_SEED_BYTES]
    for paragraph in paragraphs():
        if "\t" in paragraph or " X " in paragraph or "..." in paragraph:
            yield paragraph


SEEDS: dict[str, Callable[[], Iterator[str] | Iterator[bytes]]] = {
    "fix_text": text_seeds,
    "decode_bytes": byte_seeds,
    "find_numbers": number_seeds,
    "find_tables": table_seeds,
}


def write_seeds(target: str, directory: Path, limit: int | None = None) -> int:
    """Write the seeds of `target` into `directory`, one file each; how many were written."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    for seed in _unique(_as_bytes(SEEDS[target]())):
        (directory / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
        count += 1
        if limit is not None and count >= limit:
            break
    return count


def write_dictionary(path: Path) -> None:
    """The libFuzzer dictionary: one quoted byte string a line, non-printable bytes escaped."""
    lines = []
    for word in DICTIONARY_WORDS:
        if word:
            escaped = "".join(
                chr(b) if 0x20 <= b < 0x7F and chr(b) not in '"\\' else f"\\x{b:02x}"
                for b in word.encode("utf-8")
            )
            lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n", encoding="ascii")


def _as_bytes(seeds: Iterable[str | bytes]) -> Iterator[bytes]:
    for seed in seeds:
        data = seed if isinstance(seed, bytes) else seed.encode("utf-8", "surrogateescape")
        yield data[:MAX_SEED_BYTES]


def _unique(seeds: Iterable[bytes]) -> Iterator[bytes]:
    seen: set[bytes] = set()
    for seed in seeds:
        if seed and seed not in seen:
            seen.add(seed)
            yield seed
