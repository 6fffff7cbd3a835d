"""Hostile input: no str and no bytes may make dkfix raise, and wrong types get clear errors.

A corpus pipeline hands dkfix whatever its crawl found: control characters, lone
surrogates, stacks of combining marks, zero-width characters, line separators,
emoji, megabyte-long lines, nothing at all. Every public function that takes
text or bytes must return its usual result for all of them; one that is given
something else must raise a TypeError that names the function, what it takes and
what to call instead. test_api.py checks fix_text, fix_and_explain and detect;
this module checks the rest of `dkfix.__all__`.
"""

from __future__ import annotations

import codecs
import inspect
import io
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dkfix
from dkfix import (
    Cleaned,
    Decoded,
    Diagnosis,
    Fixed,
    NumberMatch,
    Table,
    apply_edits,
    clean,
    decode_bytes,
    decode_stream,
    detect,
    find_numbers,
    find_tables,
    fix_and_explain,
    fix_bytes,
    fix_stream,
    fix_text,
    normalize_numbers,
    parse_number,
)
from test_pathological import time_limit

_RANDOM = random.Random(20240611)

# Each hostile str, by name. Danish words around the oddities make the letter fixes look.
HOSTILE_TEXT: dict[str, str] = {
    "empty": "",
    "one space": " ",
    "NUL": "\x00",
    "NULs in Danish": "Sø\x00ren gik p\x00å \x00\x00 gaden",
    "C0 controls": "".join(map(chr, range(0x20))) + "Århus",
    "C1 controls": "".join(map(chr, range(0x80, 0xA0))) + "K›benhavn",
    "DEL and escapes": "\x7f\x1b[31mRød\x1b[0m \x1b]0;titel\x07 \x1b[",
    "lone high surrogate": "p\ud800 gaden",
    "lone low surrogate": "\udc00Ærø",
    "surrogate pair as two": "\ud83d\ude00 og \udfff\ud800",
    "surrogates and mojibake": "KÃ\ud800¸benhavn pÃ¥ \udce6",
    "combining marks": "a\u0301\u0302\u0303\u0304 o\u0308 å\u030a \u0301start",
    "combining stack": "ø" + "\u0301" * 5000,
    "zero width": "p\u200bå \u200c\u200d\u2060\ufeff gaden\u200b",
    "line and paragraph separators": "Søren\u2028gik\u2029på\x85gaden\x0b\x0c\x1c",
    "emoji": "Hej 😀👨‍👩‍👧‍👦🇩🇰 👍🏽 på gaden 🧑🏻‍💻",
    "bidi controls": "\u202eneroS\u202c \u2066Århus\u2069 \u200f",
    "private use and noncharacters": "\ue000\uf8ff\ufdd0\ufffe\uffff\U0010ffff\U000f0000",
    "replacement characters": "\ufffd" * 50 + " G\ufffdr p\ufffd",
    "placeholders only": "Å ? \ufffd ÅÅÅ ??? \ufffd\ufffd",
    "broken HTML entities": "&#99999999; &#x110000; &#0; &#xD800; &amp &; &#; &aelig",
    "mojibake soup": "Ã¸Ã¦Ã¥ Ã˜Ã†Ã… â€œ â€\x9d Ã\xa0 √∏ ‘r› ›‘† ÃƒÂ¸",
    "table-like": "\t\t\t\n" + "x\t1\t2,5 %\t\n" * 20 + "I alt\t\t\t\n",
    "numbers": "1.1.1.1.1 1,1,1 1/1/1/1 -1 --1 1e999 ½ ¾ ² ١٢٣ ５ 10^9999 kr. % ‰",
    "mixed line breaks": "a\r\nb\rc\nd\r\r\n\n\u2028e",
    "tabs and spaces": "\t \t \u00a0\u202f\u3000\u2003 \t",
    "right-to-left": "مرحبا שלום Århus ЖСТЭ",
    "long word": "ø" + "a" * 20_000 + "Å",
    "many short lines": "Å\n" * 5000,
    "Danish with everything": (
        "Søren\x00 gik\u200b p\ud800å \x1b[1mgaden\x1b[0m 😀 KÃ¸benhavn K›benhavn G\ufffdr "
        "Aarhus o\u0301g \u2028 1.234,5 kr. \t 44,9%\r\n"
    ),
}


def _one_line(size: int, leave_out: str = "") -> str:
    """One line of `size` characters: Danish words and every oddity above, no line break."""
    pieces = [text for name, text in HOSTILE_TEXT.items() if name != leave_out]
    pieces.append("Søren går på gaden i København. ")
    text = " ".join(_RANDOM.choice(pieces) for _ in range(4000))
    for line_break in ("\r\n", "\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c"):
        text = text.replace(line_break, " ")
    return (text * (size // len(text) + 1))[:size]


MEGABYTE_LINE = _one_line(1_000_000)


HOSTILE_BYTES: dict[str, bytes] = {
    "empty": b"",
    "every byte": bytes(range(256)),
    "every byte backwards": bytes(range(255, -1, -1)),
    "NULs": b"\x00" * 1000,
    "odd NULs (half UTF-16)": b"a\x00b\x00c",
    "UTF-8 BOM only": codecs.BOM_UTF8,
    "UTF-16 BOM, odd length": codecs.BOM_UTF16_LE + b"a\x00b",
    "UTF-32 BOM, cut short": codecs.BOM_UTF32_LE + b"a\x00\x00",
    "UTF-32 BOM, out of range": codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff",
    "UTF-16 lone surrogate": codecs.BOM_UTF16_LE + b"\x00\xd8a\x00",
    "overlong UTF-8": b"\xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf",
    "encoded surrogate (CESU-8)": b"\xed\xa0\x80\xed\xb0\x80 p\xc3\xa5",
    "UTF-8 cut in a character": "Grønkjær på Ærø".encode()[:-1],
    "continuation bytes": b"\x80\x81\xbf" * 100,
    "bytes above F4": b"\xf5\xf8\xfc\xfe\xff" * 50,
    "mixed encodings by line": "Søren\n".encode() + "Søren\n".encode("cp865") + b"\xff\xfe\n",
    "random": _RANDOM.randbytes(1024),
    "a megabyte of 0xFF": b"\xff" * 1_000_000,
    "a megabyte on one line": MEGABYTE_LINE.encode("utf-8", "surrogatepass"),
}

# Every public function that takes a str, with a call that uses only that str.
STR_FUNCTIONS: dict[str, Callable[[Any], object]] = {
    "fix_text": fix_text,
    "fix_and_explain": fix_and_explain,
    "detect": detect,
    "clean": clean,
    "find_numbers": find_numbers,
    "find_tables": find_tables,
    "normalize_numbers": normalize_numbers,
    "parse_number": parse_number,
}
RESULT_TYPES: dict[str, type | tuple[type, ...]] = {
    "fix_text": str,
    "fix_and_explain": Fixed,
    "detect": Diagnosis,
    "clean": Cleaned,
    "find_numbers": list,
    "find_tables": list,
    "normalize_numbers": str,
    "parse_number": (NumberMatch, type(None)),
}


# -- any str ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_TEXT)
def test_hostile_text_is_fixed_without_error(name: str) -> None:
    text = HOSTILE_TEXT[name]
    result = fix_and_explain(text)
    assert isinstance(result.text, str)
    assert apply_edits(text, result.edits) == result.text
    assert fix_text(text) == result.text


@pytest.mark.parametrize("name", HOSTILE_TEXT)
@pytest.mark.parametrize("function", [f for f in STR_FUNCTIONS if f != "fix_and_explain"])
def test_hostile_text_in_every_function(function: str, name: str) -> None:
    result = STR_FUNCTIONS[function](HOSTILE_TEXT[name])
    assert isinstance(result, RESULT_TYPES[function])


def test_a_megabyte_line_is_read_without_error() -> None:
    """The letter fixes on such a line: test_a_long_hostile_line_is_fixed."""
    text = MEGABYTE_LINE
    numbers = find_numbers(text)
    assert all(text[m.start : m.end] == m.text for m in numbers)
    assert all(isinstance(table, Table) for table in find_tables(text))


def test_ten_megabytes_on_one_line() -> None:
    """An extraction that lost its line breaks: ten million characters of Danish, one line.

    Damaged lines that long cost seconds per megabyte (their cost per megabyte is
    measured by benchmarks/bench_scaling.py); clean ones must pass through untouched.
    """
    text = "Søren går på gaden og køber æbler til 12,50 kr. " * 208_400
    assert len(text) > 10_000_000
    assert fix_text(text) == text


def test_removed_words_are_aligned_in_time() -> None:
    """ftfy removes whole words (a NUL between spaces); aligning the words of such lines
    with difflib was cubic in the words: 20 lines of 500 took 95 s."""
    text = ("ord \x00 " * 500 + "\n") * 20
    with time_limit(10.0):
        assert fix_text(text) == ("ord  " * 500 + "\n") * 20


def test_a_long_hostile_line_is_fixed() -> None:
    """(Its long word is left out: test_pathological.py times that case on its own.)"""
    text = _one_line(50_000, leave_out="long word")
    with time_limit(20.0):
        result = fix_and_explain(text)
    assert apply_edits(text, result.edits) == result.text


@pytest.mark.parametrize(
    "text",
    [
        "■" * 14 + "r ■ver pesafg■relse, tåm",
        "\ufffdl " + "".join(map(chr, range(0xDC90, 0xDC9E))) + "ߝ.hj\ufffdlp FÃ¥",
    ],
    ids=["one mark", "many marks"],
)
def test_a_word_of_many_placeholders_is_read_in_time(text: str) -> None:
    """A redaction bar, or a careless decoder's lone surrogates, glued to a word."""
    with time_limit(0.5):
        fix_text(text)


def test_str_subclasses_are_str() -> None:
    class Text(str):
        pass

    assert fix_text(Text("K›benhavn")) == "København"
    assert fix_text(Text("København")) == "København"
    assert find_numbers(Text("5 kr."))[0].text == "5 kr."
    assert clean(Text("K›benhavn")).text == "København"


@given(st.text(st.characters(codec="utf-8"), max_size=60).map(lambda s: s * 3))
def test_repetitive_text_is_read_without_error(text: str) -> None:
    """Repeated lines and words drive the repetition finders (running headers, tables)."""
    assert isinstance(clean(text, tables="markdown"), Cleaned)


# -- any bytes ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_BYTES)
def test_hostile_bytes_are_decoded_without_error(name: str) -> None:
    data = HOSTILE_BYTES[name]
    decoded = decode_bytes(data)
    assert isinstance(decoded, Decoded)
    assert isinstance(decoded.text, str)
    assert 0.0 <= decoded.confidence <= 1.0
    if "megabyte" not in name:
        assert fix_bytes(data) == fix_text(decoded.text)
        assert clean(data).original == decoded.text


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_every_bytes_like_is_taken(kind: Callable[[bytes], Any]) -> None:
    data = "Grønkjær på Ærø".encode("cp865")
    assert decode_bytes(kind(data)).text == "Grønkjær på Ærø"
    assert fix_bytes(kind(data)) == "Grønkjær på Ærø"
    assert clean(kind(data)).text == "Grønkjær på Ærø"


@given(st.binary(max_size=400))
def test_no_bytes_make_fix_bytes_raise(data: bytes) -> None:
    assert isinstance(fix_bytes(data), str)


@pytest.mark.parametrize("name", [n for n in HOSTILE_BYTES if "megabyte" not in n])
def test_hostile_bytes_are_streamed_without_error(name: str) -> None:
    """Pieces of the smallest size cut the hostile bytes in many places."""
    pieces = list(fix_stream(io.BytesIO(HOSTILE_BYTES[name] * 3), chunk_size=1024))
    for piece in pieces:
        edits = [edit.shifted(-piece.start) for edit in piece.edits]
        assert apply_edits(piece.original, edits) == piece.text
    decoded = list(decode_stream(io.BytesIO(HOSTILE_BYTES[name] * 3), chunk_size=1024))
    assert "".join(p.text for p in decoded) == "".join(p.original for p in pieces)


# -- wrong types -------------------------------------------------------------------------

# The str functions test_api.py does not cover already.
MORE_STR_FUNCTIONS = ["clean", "find_numbers", "find_tables", "normalize_numbers", "parse_number"]
BYTES_FUNCTIONS: dict[str, Callable[[Any], object]] = {
    "decode_bytes": decode_bytes,
    "fix_bytes": fix_bytes,
}
STREAM_FUNCTIONS: dict[str, Callable[[Any], Iterator[object]]] = {
    "fix_stream": fix_stream,
    "decode_stream": decode_stream,
}
WRONG = [None, 42, 4.2, ["København"], {"text": "København"}, object()]


@pytest.mark.parametrize("function", MORE_STR_FUNCTIONS)
@pytest.mark.parametrize("value", WRONG, ids=lambda value: type(value).__name__)
def test_str_functions_name_themselves_and_the_type(function: str, value: object) -> None:
    pattern = rf"dkfix\.{function}\(\) takes str.*, not {type(value).__name__}"
    with pytest.raises(TypeError, match=pattern):
        STR_FUNCTIONS[function](value)


@pytest.mark.parametrize("function", [f for f in MORE_STR_FUNCTIONS if f != "clean"])
@pytest.mark.parametrize("kind", [bytes, bytearray])
def test_str_functions_given_bytes_point_to_decode_bytes(
    function: str, kind: Callable[[bytes], Any]
) -> None:
    with pytest.raises(TypeError, match=rf"takes str, not {kind.__name__}.*decode_bytes"):
        STR_FUNCTIONS[function](kind(b"5 kr."))


@pytest.mark.parametrize("function", BYTES_FUNCTIONS)
@pytest.mark.parametrize("value", [*WRONG, "København"], ids=lambda value: type(value).__name__)
def test_bytes_functions_name_themselves_and_the_type(function: str, value: object) -> None:
    with pytest.raises(TypeError, match=rf"dkfix\.{function}\(\) takes bytes, not"):
        BYTES_FUNCTIONS[function](value)


def test_decode_bytes_given_str_points_to_fix_text() -> None:
    with pytest.raises(TypeError, match="fix_text"):
        decode_bytes("København")  # type: ignore[arg-type]


def test_every_public_function_is_checked() -> None:
    """A new public function that takes text or bytes must be added to this module."""
    checked = {"apply_edits", *STR_FUNCTIONS, *BYTES_FUNCTIONS, *STREAM_FUNCTIONS}
    functions = {name for name in dkfix.__all__ if inspect.isfunction(getattr(dkfix, name))}
    assert functions <= checked


@pytest.mark.parametrize("function", STREAM_FUNCTIONS)
def test_streams_opened_as_text_are_type_errors(function: str) -> None:
    with pytest.raises(TypeError, match="binary"):
        list(STREAM_FUNCTIONS[function](io.StringIO("København")))


@pytest.mark.parametrize("function", STREAM_FUNCTIONS)
@pytest.mark.parametrize("value", [b"K\xc3\xb8benhavn", "København", None], ids=repr)
def test_streams_of_the_wrong_type_are_type_errors(function: str, value: object) -> None:
    with pytest.raises(TypeError, match=rf"dkfix\.{function}\(\) takes a binary stream"):
        STREAM_FUNCTIONS[function](value)


@pytest.mark.parametrize(
    ("text", "edits"),
    [(None, []), (b"abc", []), ("abc", None), ("abc", [None])],
    ids=["text None", "text bytes", "edits None", "an edit None"],
)
def test_apply_edits_names_itself_and_the_type(text: object, edits: object) -> None:
    with pytest.raises(TypeError, match=r"dkfix\.apply_edits\(\) takes"):
        apply_edits(text, edits)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "overrides",
    [{"confidence_threshold": "0.5"}, {"confidence_threshold": None}, {"uncurl_quotes": "yes"}],
    ids=["threshold str", "threshold None", "flag str"],
)
def test_config_fields_of_the_wrong_type_are_type_errors(overrides: dict[str, Any]) -> None:
    with pytest.raises(TypeError, match=next(iter(overrides))):
        fix_text("København", **overrides)
