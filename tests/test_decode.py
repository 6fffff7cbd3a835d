"""decode_bytes: bytes of unknown encoding back to the Danish text they hold.

Texts are compared, not encoding names: cp1252, latin-1 and iso8859-15 encode
plain Danish to the same bytes, and so do cp865 and cp850, so either name is a
right answer for those bytes.

Genuinely ambiguous inputs, which no decoder can get right from the bytes alone
and which the generated texts below therefore leave out:

* text whose only non-ASCII bytes are symbols: ``½ liter`` in cp865 is
  ``« liter`` in cp1252; ``®`` in cp850 is ``©`` in cp1252; ``§ 58`` in
  mac_roman is ``€ 58`` in iso8859-15 (the tie goes to iso8859-15, the more
  common code page);
* UTF-16 without a BOM whose characters all lie above U+00FF (``•`` alone):
  without NUL bytes it looks like two ASCII characters;
* ``¢`` in cp437 is the byte of ``ø`` in cp865: cp437 cannot hold ø or Ø,
  and its bytes are read as cp865 Danish when that fits better;
* a lone capital or symbol byte: ``Æ`` alone in cp865 is ``’`` in cp1252.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dkfix import decode_bytes, lexicon

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"

LEGACY = ("cp1252", "latin-1", "iso8859-15", "cp865", "cp850", "cp437", "mac_roman")
UNICODE = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le")
SUPPORTED = UNICODE + LEGACY

SHORT_STRINGS = (
    "Grønkjær på Ærø",
    "Øl",
    "på",
    "Æble",
    "ø",
    "Århus",
    "Søren Kierkegaard",
    "Blåbærgrød med fløde",
    "GRØNKJÆR",
    "“Hej”, sagde hun – og gik.",
    "Peter’s café",
)


@cache
def seed_texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}


@cache
def seed_sentences() -> list[str]:
    """Seed lines of five words or more with non-ASCII letters, without case damage.

    Some seed lines hold damage of their own (``BÅrn`` for ``Børn``): a capital
    inside a lower-case word. Their decoding is rightly in doubt; they are left out,
    as are lines whose only non-ASCII characters are symbols (``§§ 42-43``: see above).
    """
    damaged = re.compile(r"[a-zæøå][ÆØÅ]")
    lines = (line.strip() for text in seed_texts().values() for line in text.splitlines())
    return [
        line
        for line in lines
        if any(not char.isascii() and char.isalpha() for char in line)
        and len(line.split()) >= 5
        and not damaged.search(line)
    ]


@cache
def seed_words() -> list[str]:
    """Words of the seeds with non-ASCII letters that the lexicon knows."""
    words = {word for line in seed_sentences() for word in re.findall(r"\w+", line)}
    return sorted(
        word for word in words if len(word) > 1 and not word.isascii() and lexicon.is_word(word)
    )


def encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def test_seeds_are_present() -> None:
    assert len(seed_texts()) == 5
    assert len(seed_sentences()) > 50
    assert len(seed_words()) > 100


@pytest.mark.parametrize("encoding", SUPPORTED)
@pytest.mark.parametrize("text", SHORT_STRINGS)
def test_short_strings(text: str, encoding: str) -> None:
    if not encodable(text, encoding):
        pytest.skip(f"{encoding} cannot represent {text!r}")
    assert decode_bytes(text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", SUPPORTED)
@pytest.mark.parametrize("name", sorted(seed_texts()))
def test_whole_seed_documents(name: str, encoding: str) -> None:
    text = seed_texts()[name]
    if encoding == "cp437":  # no ø in cp437: written ö, as on US machines
        text = text.replace("ø", "ö").replace("Ø", "Ö")
    text = text.encode(encoding, errors="replace").decode(encoding)
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    if encoding in LEGACY and not text.isascii():
        assert decoded.confidence > 0.9


@pytest.mark.parametrize("encoding", LEGACY)
def test_seed_sentences(encoding: str) -> None:
    sentences = [line for line in seed_sentences()[::4] if encodable(line, encoding)]
    wrong = [line for line in sentences if decode_bytes(line.encode(encoding)).text != line]
    assert wrong == []


def test_encoding_names() -> None:
    text = "Grønkjær på Ærø"
    assert decode_bytes(text.encode("utf-8")).encoding == "utf-8"
    assert decode_bytes(text.encode("utf-8-sig")).encoding == "utf-8-sig"
    assert decode_bytes(text.encode("cp1252")).encoding == "cp1252"
    assert decode_bytes(text.encode("mac_roman")).encoding == "mac_roman"
    # cp865 and cp850 give the same bytes for Danish; cp865 is the Danish code page.
    assert decode_bytes(text.encode("cp850")).encoding == "cp865"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_and_without_bom(encoding: str) -> None:
    text = "Grønkjær på Ærø – 5 €"
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == encoding
    assert decoded.confidence > 0.9


def test_bom_is_not_part_of_the_text() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "Øl".encode()).text == "Øl"
    assert decode_bytes(codecs.BOM_UTF16_BE + "Øl".encode("utf-16-be")).text == "Øl"


def test_ascii_and_empty() -> None:
    assert decode_bytes(b"Aarhus Kommune").encoding == "ascii"
    assert decode_bytes(b"Aarhus Kommune").confidence == 1.0
    empty = decode_bytes(b"")
    assert (empty.text, empty.encoding) == ("", "ascii")


def test_utf8_holding_mojibake_stays_utf8() -> None:
    """The fixers repair the mojibake; decoding must not guess a code page for it."""
    text = "KÃ¸benhavn og Ã…rhus"
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (text, "utf-8")


def test_utf8_cut_inside_the_last_character() -> None:
    data = "Grønkjær på Ærø".encode()[:-1]
    decoded = decode_bytes(data)
    assert decoded.text == "Grønkjær på Ær\ufffd"
    assert decoded.encoding == "utf-8"


def test_mixed_utf8_and_cp1252_lines() -> None:
    lines = [
        "Første linje er UTF-8: Grønkjær.",
        "Anden linje er cp1252: Ærø og Åbenrå.",
        "Så UTF-8.",
    ]
    data = b"\n".join(
        [lines[0].encode("utf-8"), lines[1].encode("cp1252"), lines[2].encode("utf-8")]
    )
    decoded = decode_bytes(data)
    assert decoded.text == "\n".join(lines)
    assert decoded.encoding == "utf-8+cp1252"


def test_mixed_utf8_and_cp865_lines_with_crlf() -> None:
    lines = ["Blåbær på tallerkenen\r\n", "Rødgrød med fløde\r\n", "Kære Søren\r\n"]
    data = lines[0].encode() + lines[1].encode("cp865") + lines[2].encode()
    decoded = decode_bytes(data)
    assert decoded.text == "".join(lines)
    assert decoded.encoding == "utf-8+cp865"


def test_placeholder_damage_does_not_pull_in_a_foreign_code_page() -> None:
    """'fÅlger' is not Danish, but neither is HP Roman-8's 'félger': the listed code page wins."""
    text = "Udvalget fÅlger Åkonomien pÅ omrÅdet.\n\n\tAntal\tProcent\nDrenge\t10\t40,0 %\n"
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.encoding in ("cp1252", "latin-1", "iso8859-15")
    assert decoded.text == text


def test_large_input_is_decoded_whole() -> None:
    text = "\n".join(seed_texts().values()) * 2
    data = text.encode("cp865", errors="replace")
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp865"
    assert decoded.text == data.decode("cp865")


def test_undefined_byte_outside_the_sample_disqualifies() -> None:
    """cp1252 lacks 0x81; a byte far into a large file must still count."""
    text = "\n".join(seed_texts().values()) * 2
    data = text.encode("cp1252", errors="replace") + b"\nslut \x81"
    decoded = decode_bytes(data)
    assert decoded.encoding != "cp1252"
    assert decoded.text.startswith(text[:1000])


def test_candidates_and_confidence() -> None:
    decoded = decode_bytes("Grønkjær på Ærø".encode("cp1252"))
    scores = [candidate.score for candidate in decoded.candidates]
    assert scores == sorted(scores, reverse=True)
    assert decoded.candidates[0].encoding == decoded.encoding
    assert decoded.candidates[0].text == decoded.text
    assert decoded.confidence > 0.99
    # One ambiguous byte: decoded, but with little confidence.
    assert decode_bytes("½ liter".encode("cp865")).confidence < 0.8


@pytest.mark.parametrize("data", [bytearray(b"p\xe5"), memoryview(b"p\xe5")])
def test_bytes_like_input(data: bytearray | memoryview) -> None:
    assert decode_bytes(data).text == "på"  # type: ignore[arg-type]


def test_str_input_points_to_fix_text() -> None:
    with pytest.raises(TypeError, match="fix_text"):
        decode_bytes("på")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="int"):
        decode_bytes(42)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_never_raises(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert isinstance(decoded.text, str)
    assert 0.0 <= decoded.confidence <= 1.0
    assert decoded.candidates


# Generated Danish: seed sentences, or a seed word followed by seed words, made-up
# lower-case words (some capitalised) and punctuation, all drawn from what the
# encoding can represent (cp437 has no ø: its texts are those without).
# Made-up words keep Danish casing: a capital inside a word is damage, not Danish.
_MADE_UP_LETTERS = "abdefghijklmnoprstuvyæøåé"
_PUNCTUATION = (".", ",", "–", "“", "”", "…", "?", "!", "«", "»", "€", "°")


@cache
def _pools(encoding: str) -> tuple[list[str], list[str], str, list[str]]:
    """Seed sentences, seed words, letters and punctuation that `encoding` can represent."""

    def keep(items: Iterable[str]) -> list[str]:
        return [item for item in items if encodable(item, encoding)]

    letters = "".join(keep(_MADE_UP_LETTERS))
    return keep(seed_sentences()), keep(seed_words()), letters, keep(_PUNCTUATION)


@st.composite
def danish_texts(draw: st.DrawFn, encoding: str) -> str:
    sentences, words, letters, punctuation = _pools(encoding)
    if draw(st.booleans()):
        return draw(st.sampled_from(sentences))
    made_up = st.text(alphabet=letters, min_size=1, max_size=10).map(
        lambda word: word.capitalize() if len(word) % 3 == 0 else word
    )
    token = st.one_of(st.sampled_from(words), made_up, st.sampled_from(punctuation))
    return " ".join([draw(st.sampled_from(words)), *draw(st.lists(token, max_size=8))])


@st.composite
def encoded_danish(draw: st.DrawFn) -> tuple[str, str]:
    encoding = draw(st.sampled_from(SUPPORTED))
    return draw(danish_texts(encoding)), encoding


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(encoded_danish())
def test_danish_text_decodes_back_exactly(case: tuple[str, str]) -> None:
    text, encoding = case
    assert decode_bytes(text.encode(encoding)).text == text
