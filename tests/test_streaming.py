"""dkfix.streaming: pieces cut at paragraph ends, decoded alike, fixed as the whole would be."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dkfix import Config, apply_edits, decode_bytes, fix_and_explain
from dkfix.damage import DAMAGES, in_paragraphs
from dkfix.streaming import decode_stream, fix_stream

REPO = Path(__file__).resolve().parent.parent
SEEDS = "".join(path.read_text(encoding="utf-8") for path in sorted(REPO.glob("fixtures/seeds/*")))
DEMO = sorted((REPO / "fixtures" / "demo").glob("*.txt"))
SMALL = 4096
# Running headers are found by their repetition over a document's pages: pieces of a
# few KiB hold too few pages, so the headers of the seeds are left out of the
# comparisons of many small pieces (pieces of 2 MiB hold hundreds of pages).
NO_HEADERS = Config(remove_running_headers=False)


class ShortReads(io.BytesIO):
    """A stream that returns fewer bytes than asked for, as pipes and sockets do."""

    def read(self, size: int | None = -1) -> bytes:
        return super().read(min(size, 777) if size and size > 0 else size)


def whole(data: bytes, config: Config | None = None) -> tuple[str, list[object], list[object]]:
    fixed = fix_and_explain(decode_bytes(data).text, config)
    return fixed.text, list(fixed.edits), list(fixed.flagged)


def streamed(
    data: bytes, config: Config | None = None, chunk_size: int = SMALL
) -> tuple[str, list[object], list[object]]:
    pieces = list(fix_stream(io.BytesIO(data), config, chunk_size=chunk_size))
    return (
        "".join(piece.text for piece in pieces),
        [edit for piece in pieces for edit in piece.edits],
        [edit for piece in pieces for edit in piece.flagged],
    )


@pytest.mark.parametrize("path", DEMO, ids=lambda path: path.name)
def test_an_input_of_one_piece_is_fixed_exactly_as_a_whole_file(path: Path) -> None:
    data = path.read_bytes()
    [piece] = fix_stream(io.BytesIO(data))
    decoded = decode_bytes(data)
    assert (piece.original, piece.encoding, piece.confidence) == (
        decoded.text,
        decoded.encoding,
        decoded.confidence,
    )
    assert (piece.text, piece.edits, piece.flagged) == whole(data)


def spans(edits: list[object]) -> list[tuple[object, ...]]:
    return [(e.start, e.end, e.original, e.replacement, e.kind) for e in edits]  # type: ignore[attr-defined]


@pytest.mark.parametrize("damage", ["clean", "placeholder-Å", "fold-o/ae/aa"])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16", "utf-16-le"])
def test_many_small_pieces_make_the_repairs_of_the_whole(damage: str, encoding: str) -> None:
    # Damage throughout: a word damaged in one place and whole in another would be
    # restored from the document's own vocabulary, which a small piece may lack.
    text = SEEDS[:40_000] if damage == "clean" else DAMAGES[damage](SEEDS[:40_000])
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot hold this text")
    fixed, edits, _ = streamed(data, NO_HEADERS)
    expected, expected_edits, _ = whole(data, NO_HEADERS)
    assert fixed == expected
    assert spans(edits) == spans(expected_edits)
    assert len(list(decode_stream(io.BytesIO(data), chunk_size=SMALL))) > 10


def test_edit_offsets_count_from_the_start_of_the_whole_input() -> None:
    damaged = in_paragraphs(SEEDS, DAMAGES["utf8-as-cp1252"], every=3)
    data = damaged.encode("utf-8")
    fixed, edits, _ = streamed(data)
    assert edits
    assert apply_edits(damaged, edits) == fixed  # type: ignore[arg-type]


def test_pieces_end_at_blank_lines_and_never_inside_a_crlf() -> None:
    text = SEEDS.replace("\n", "\r\n")
    pieces = [piece.text for piece in decode_stream(io.BytesIO(text.encode()), chunk_size=SMALL)]
    assert "".join(pieces) == text
    assert all(piece.endswith("\r\n") for piece in pieces[:-1])
    assert all(len(piece.encode()) <= SMALL for piece in pieces)
    # At a line end only where the second half of a piece has no blank line.
    assert sum(piece.endswith("\r\n\r\n") for piece in pieces) > len(pieces) / 2


def test_old_mac_line_ends_are_line_ends_too() -> None:
    text = "\r\r".join(f"Afsnit {n} om Ærø og Århus." for n in range(2000))
    data = text.encode("mac_roman")
    pieces = list(decode_stream(io.BytesIO(data), chunk_size=SMALL))
    assert len(pieces) > 1
    assert all(piece.text.endswith("\r\r") for piece in pieces[:-1])
    assert "".join(piece.text for piece in pieces) == text


def test_a_line_longer_than_several_pieces_is_cut_between_characters() -> None:
    text = "Blåbærgrød med fløde og æbleskiver på Ærø. " * 2000  # one line, 90 KB
    pieces = list(decode_stream(io.BytesIO(text.encode()), chunk_size=SMALL))
    assert len(pieces) > 4
    assert "".join(piece.text for piece in pieces) == text
    assert {piece.encoding for piece in pieces} == {"utf-8"}


def test_the_encoding_of_the_first_non_ascii_piece_is_kept() -> None:
    heading = b"Referat af byraadets moede\n\n" * 200
    danish = "Grønkjær på Ærø spiser blåbærgrød med fløde.\n\n".encode("cp865") * 300
    # A box-drawn table alone reads best in ISO 8859-15 ("ÉÍÍÍÍ»"); in cp865 it is "╔════╗".
    table = "Tabel:\n╔════╗\n╚════╝\n\n".encode("cp865")
    ending = b"Slut.\n\n" * 1000
    data = heading + danish + ending + table + ending
    pieces = list(decode_stream(io.BytesIO(data), chunk_size=SMALL))
    assert pieces[0].encoding == "ascii"
    assert {piece.encoding for piece in pieces[1:]} == {"cp865"}
    assert "".join(piece.text for piece in pieces) == data.decode("cp865")


def test_utf16_keeps_its_byte_order_mark_and_alignment_across_pieces() -> None:
    text = SEEDS[:30000]
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        data = text.encode(encoding)
        pieces = list(decode_stream(ShortReads(data), chunk_size=SMALL + 1))
        assert len(pieces) > 3
        assert "".join(piece.text for piece in pieces) == text
        assert not pieces[0].text.startswith("\ufeff")


def test_a_file_mixing_utf8_and_cp1252_lines_is_decoded_line_by_line() -> None:
    lines = [
        ("Grønkjær på Ærø spiser blåbærgrød.\n\n", "utf-8"),
        ("Æbleskiver og rødgrød med fløde.\n\n", "cp1252"),
    ]
    data = b"".join(line.encode(encoding) for line, encoding in lines) * 500
    text = "".join(line for line, _ in lines) * 500
    pieces = list(decode_stream(io.BytesIO(data), chunk_size=SMALL))
    assert len(pieces) > 3
    assert "".join(piece.text for piece in pieces) == text
    assert {piece.encoding for piece in pieces} == {"utf-8+cp1252"}


def test_short_reads_change_nothing() -> None:
    data = in_paragraphs(SEEDS, DAMAGES["placeholder-Å"], every=2).encode("utf-8")
    pieces = list(fix_stream(ShortReads(data), NO_HEADERS, chunk_size=SMALL))
    assert "".join(piece.text for piece in pieces) == streamed(data, NO_HEADERS)[0]


def test_empty_input_is_one_empty_piece() -> None:
    [piece] = fix_stream(io.BytesIO(b""))
    assert (piece.start, piece.text, piece.encoding) == (0, "", "ascii")


def test_wrong_arguments_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        list(fix_stream(io.BytesIO(b"abc"), chunk_size=10))
    with pytest.raises(TypeError, match="binary mode"):
        list(fix_stream(io.StringIO("abc")))  # type: ignore[arg-type]
