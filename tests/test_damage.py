"""The damage simulator: exact outputs, determinism, and what each damage must keep."""

from __future__ import annotations

import re
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dkfix.damage
from dkfix.damage import DAMAGES, FOLDING_SCHEMES, fold, in_paragraphs, mojibake, placeholder

CP1252 = "sloppy-windows-1252"
DANISH = "Søren Kierkegaard bor på Ærø og kører i en blå Citroën. Ælle, bælle, ÅKANDE."
TYPOGRAPHY = "a\u00a0b – c — “d” ‘e’ • f § 3 … é"

# Text with every kind of character the damages distinguish.
any_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("æøåÆØÅ éÉ\u00a0–—“”•§ \n\n"),
    ),
    max_size=200,
)
ascii_text = st.text(alphabet=st.characters(codec="ascii"), max_size=200)


def ascii_skeleton(text: str) -> list[tuple[int, str]]:
    return [(i, c) for i, c in enumerate(text) if c.isascii()]


def test_importable_as_attribute_of_package() -> None:
    assert dkfix.damage.placeholder is placeholder


class TestPlaceholder:
    def test_replaces_every_non_ascii_character(self) -> None:
        assert placeholder(TYPOGRAPHY) == "aÅb Å c Å ÅdÅ ÅeÅ Å f Å 3 Å Å"

    def test_the_real_case(self) -> None:
        # Seed 004, "Punkt 96": nbsp after a name became Å as well.
        assert placeholder("Jytte Grønkjær Jensen\u00a0") == "Jytte GrÅnkjÅr JensenÅ"

    @pytest.mark.parametrize("char", ["?", "\ufffd", "#", "Å"])
    def test_any_single_character(self, char: str) -> None:
        assert placeholder("blå bær", char) == f"bl{char} b{char}r"

    @pytest.mark.parametrize("char", ["", "??", "Ã¸"])
    def test_rejects_other_than_one_character(self, char: str) -> None:
        with pytest.raises(ValueError, match="single character"):
            placeholder("blå", char)

    @pytest.mark.parametrize("rate", [-0.1, 1.5])
    def test_rejects_rate_outside_0_1(self, rate: float) -> None:
        with pytest.raises(ValueError, match="rate"):
            placeholder("blå", rate=rate)

    def test_rate_damages_that_share(self) -> None:
        text = "æøå" * 100
        damaged = placeholder(text, "?", rate=0.25, seed=3)
        assert damaged.count("?") == 75

    def test_rate_zero_changes_nothing(self) -> None:
        assert placeholder(DANISH, rate=0.0) == DANISH

    def test_same_seed_same_output(self) -> None:
        text = DANISH * 5
        assert placeholder(text, rate=0.5, seed=7) == placeholder(text, rate=0.5, seed=7)

    def test_different_seeds_differ(self) -> None:
        text = DANISH * 5
        assert placeholder(text, rate=0.5, seed=1) != placeholder(text, rate=0.5, seed=2)

    @given(any_text, st.sampled_from("Å?\ufffd"), st.floats(0, 1), st.integers(0, 99))
    def test_keeps_length_and_ascii_skeleton(
        self, text: str, char: str, rate: float, seed: int
    ) -> None:
        damaged = placeholder(text, char, rate=rate, seed=seed)
        assert len(damaged) == len(text)
        for i, c in ascii_skeleton(text):
            assert damaged[i] == c
        if rate == 1.0:
            assert set(damaged) - set(text) <= {char}
            assert all(c == char for c, o in zip(damaged, text, strict=True) if not o.isascii())


class TestFold:
    @pytest.mark.parametrize(
        ("scheme", "expected"),
        [
            ("o/ae/aa", "Soren Kierkegaard bor paa Aero og korer i en blaa Citroën. "),
            ("oe/ae/aa", "Soeren Kierkegaard bor paa Aeroe og koerer i en blaa Citroën. "),
            ("o/a/a", "Soren Kierkegaard bor pa Aro og korer i en bla Citroën. "),
        ],
    )
    def test_schemes(self, scheme: str, expected: str) -> None:
        assert fold(DANISH, scheme).startswith(expected)

    @pytest.mark.parametrize(
        ("text", "scheme", "expected"),
        [
            ("Ærø", "o/ae/aa", "Aero"),
            ("ÆRØ", "o/ae/aa", "AERO"),
            ("ÆRØ", "oe/ae/aa", "AEROE"),
            ("Øl og ØL", "oe/ae/aa", "Oel og OEL"),
            ("Århus, ÅRHUS, Å", "o/ae/aa", "Aarhus, AARHUS, Aa"),
            ("ÆBLE-ÅEN", "o/ae/aa", "AEBLE-AAEN"),
            ("ÆRØ Ærø", "o/a/a", "ARO Aro"),
        ],
    )
    def test_case_rules(self, text: str, scheme: str, expected: str) -> None:
        assert fold(text, scheme) == expected

    def test_leaves_other_non_ascii_alone(self) -> None:
        assert fold(TYPOGRAPHY) == TYPOGRAPHY

    def test_fold_all_spells_others_in_ascii(self) -> None:
        assert fold(TYPOGRAPHY, fold_all=True) == "a b - c - \"d\" 'e' * f § 3 ... e"

    def test_unknown_scheme(self) -> None:
        with pytest.raises(ValueError, match="unknown folding scheme"):
            fold("blå", "o/e/a")

    def test_schemes_are_exposed_and_read_only(self) -> None:
        assert set(FOLDING_SCHEMES) == {"o/ae/aa", "oe/ae/aa", "o/a/a"}
        with pytest.raises(TypeError):
            FOLDING_SCHEMES["x"] = {}  # type: ignore[index]

    def test_rate_is_seeded(self) -> None:
        text = DANISH * 5
        first = fold(text, rate=0.5, seed=1)
        assert first == fold(text, rate=0.5, seed=1)
        assert first != fold(text, rate=0.5, seed=2)
        assert first != text
        assert first != fold(text)

    @given(any_text, st.sampled_from(sorted(FOLDING_SCHEMES)))
    def test_only_danish_letters_change(self, text: str, scheme: str) -> None:
        folded = fold(text, scheme)
        assert not re.search("[æøåÆØÅ]", folded)
        # Everything else is kept in order; each letter became one or two ASCII letters.
        pieces = re.split("[æøåÆØÅ]", text)
        assert re.fullmatch("[A-Za-z]{1,2}".join(map(re.escape, pieces)), folded, re.DOTALL)


class TestMojibake:
    def test_utf8_as_cp1252(self) -> None:
        assert mojibake("Grønkjær på Ærø") == "GrÃ¸nkjÃ¦r pÃ¥ Ã†rÃ¸"

    def test_undefined_cp1252_bytes_survive_as_c1_controls(self) -> None:
        # "Á" is C3 81 in UTF-8; 0x81 is undefined in cp1252.
        assert mojibake("Á") == "Ã\x81"

    def test_control_characters_stay(self) -> None:
        # ftfy's sloppy codec reads 0x1A as U+FFFD; real software did not.
        assert mojibake("\x1a\x7fø") == "\x1a\x7fÃ¸"

    def test_unrepresentable_raises_unless_replaced(self) -> None:
        with pytest.raises(UnicodeEncodeError):
            mojibake("– ø", "cp865", "cp1252")
        assert mojibake("– ø", "cp865", "cp1252", errors="replace") == "? ›"

    @given(
        st.text(alphabet=st.sampled_from("æøåÆØÅéü abc.,-\n"), max_size=80),
        st.sampled_from(
            [
                ("utf-8", CP1252),
                ("utf-8", "mac_roman"),
                ("cp865", CP1252),
                ("mac_roman", CP1252),
                (CP1252, "cp865"),
                ("cp850", "latin-1"),
            ]
        ),
    )
    def test_reversible(self, text: str, encodings: tuple[str, str]) -> None:
        written_as, read_as = encodings
        damaged = mojibake(text, written_as, read_as)
        assert damaged.encode(read_as).decode(written_as) == text


class TestInParagraphs:
    PARAGRAPHS: ClassVar[list[str]] = [f"Afsnit {n}: blå bær og grød." for n in range(7)]

    def test_every_third_paragraph(self) -> None:
        text = "\n\n".join(self.PARAGRAPHS)
        pieces = in_paragraphs(text, placeholder).split("\n\n")
        for n, piece in enumerate(pieces):
            expected = placeholder(self.PARAGRAPHS[n]) if n % 3 == 0 else self.PARAGRAPHS[n]
            assert piece == expected

    def test_offset(self) -> None:
        text = "\n\n".join(self.PARAGRAPHS)
        pieces = in_paragraphs(text, placeholder, every=2, offset=1).split("\n\n")
        assert [p != q for p, q in zip(pieces, self.PARAGRAPHS, strict=True)] == [
            False,
            True,
        ] * 3 + [False]

    def test_separators_kept_byte_for_byte(self) -> None:
        text = "\n \n\nblå\n\t\n\nrød\r\n\r\ngrøn\n\n\n"
        assert in_paragraphs(text, placeholder, every=1) == placeholder(text)
        assert (
            in_paragraphs(text, placeholder, every=2) == "\n \n\nblÅ\n\t\n\nrød\r\n\r\ngrÅn\n\n\n"
        )

    def test_lines_when_no_blank_lines(self) -> None:
        assert in_paragraphs("å\nå\nå\nå", placeholder) == "Å\nå\nå\nÅ"

    def test_rejects_every_below_one(self) -> None:
        with pytest.raises(ValueError, match="every"):
            in_paragraphs("blå", placeholder, every=0)

    @given(any_text, st.integers(1, 4), st.integers(0, 5))
    def test_untouched_paragraphs_byte_identical(self, text: str, every: int, offset: int) -> None:
        damaged = in_paragraphs(text, placeholder, every=every, offset=offset)
        assert len(damaged) == len(text)
        # Only positions that were non-ASCII may differ, and every=1 damages all.
        for c, o in zip(damaged, text, strict=True):
            assert c == o or not o.isascii()
        if every == 1:
            assert damaged == placeholder(text)


@pytest.mark.parametrize("name", sorted(DAMAGES))
@given(text=ascii_text)
def test_ascii_text_unchanged_by_every_damage(name: str, text: str) -> None:
    assert DAMAGES[name](text) == text
    assert in_paragraphs(text, DAMAGES[name]) == text


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_presets_damage_danish_deterministically(name: str) -> None:
    damaged = DAMAGES[name](DANISH + TYPOGRAPHY)
    assert damaged != DANISH + TYPOGRAPHY
    assert damaged == DAMAGES[name](DANISH + TYPOGRAPHY)
    letters_left = set(damaged) & set("æøåÆØÅ")
    if name == "placeholder-Å":
        letters_left -= {"Å"}
    if name != "cp1252-as-cp865":  # cp865 has æ and Æ where cp1252 has ‘ and ’
        assert not letters_left


def test_preset_names() -> None:
    assert {
        "placeholder-Å",
        "placeholder-?",
        "placeholder-U+FFFD",
        "fold-o/ae/aa",
        "fold-oe/ae/aa",
        "fold-o/a/a",
        "utf8-as-cp1252",
        "cp865-as-cp1252",
        "mac_roman-as-cp1252",
        "utf8-as-mac_roman",
        "cp1252-as-cp865",
    } <= set(DAMAGES)
