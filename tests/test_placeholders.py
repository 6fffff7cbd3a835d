"""Placeholder damage: one character for every lost letter, found and repaired unasked."""

from __future__ import annotations

from pathlib import Path

import pytest

import dkfix
from dkfix.letters.placeholders import find_placeholders

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_004 = next((FIXTURES / "seeds").glob("004_*.txt"))


def _punkt96(text: str) -> str:
    return text[text.index("# Punkt 96") : text.index("# Punkt 97")]


def test_seed_004_punkt_96_is_repaired_word_for_word() -> None:
    text = SEED_004.read_text(encoding="utf-8")
    expected = (FIXTURES / "expected" / "004_punkt96.txt").read_text(encoding="utf-8")
    fixed = dkfix.fix_text(text)
    assert _punkt96(fixed) == expected
    assert fixed.replace(_punkt96(fixed), "") == text.replace(_punkt96(text), "")


def test_seed_004_damage_is_found_in_punkt_96_only() -> None:
    text = SEED_004.read_text(encoding="utf-8")
    (damage,) = find_placeholders(text)
    section = (text.index("# Punkt 96"), text.index("# Punkt 97"))
    assert damage.char == "Å"
    assert all(section[0] <= start and end <= section[1] for start, end in damage.blocks)


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        (
            "BÅrne- og Familieudvalget fÅlger udviklingen i Åkonomien pÅ serviceomrÅde 16",
            "Børne- og Familieudvalget følger udviklingen i økonomien på serviceområde 16",
        ),
        (
            "Der kan vÅre store udsving i lÅbet af Året.",
            "Der kan være store udsving i løbet af året.",
        ),
        ("Jeg f?r en kop kaffe, og s? g?r jeg hjem.", "Jeg får en kop kaffe, og så går jeg hjem."),
        (
            "Vi m\ufffdder hinanden p\ufffd torsdag i n\ufffdste uge.",
            "Vi møder hinanden på torsdag i næste uge.",
        ),
    ],
)
def test_placeholders_are_repaired(damaged: str, fixed: str) -> None:
    assert dkfix.fix_text(damaged) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "Åben rådgivning i Århus hver tirsdag. ÅBENT HUS på lørdag.",
        "Hvad koster det? Det ved vi ikke (??).",
        "Familien flyttede til Åbenrå, og det var godt.",
    ],
)
def test_real_placeholders_characters_stay(clean: str) -> None:
    assert dkfix.fix_and_explain(clean).edits == []


def test_clean_text_elsewhere_in_the_document_stays() -> None:
    clean = "Året begynder godt. Åben rådgivning på torsdag.\n\n"
    damaged = "Der kan vÅre store udsving i lÅbet af Året, og BÅrn fÅlger med.\n"
    assert dkfix.fix_text(clean + damaged) == clean + (
        "Der kan være store udsving i løbet af året, og Børn følger med.\n"
    )


def test_placeholder_repair_can_be_switched_off() -> None:
    damaged = "Der kan vÅre store udsving i lÅbet af Året."
    assert dkfix.fix_text(damaged, restore_placeholders=False) == damaged
