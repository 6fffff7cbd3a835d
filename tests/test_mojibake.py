"""The Danish mojibake repairs beyond ftfy: misreading tables and the evidence rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dkfix
from dkfix.danish import DANISH_LETTERS
from dkfix.misreadings import misreadings

ALL_MISREADINGS = misreadings("fix_residual_mojibake") + misreadings("fix_code_pages")


@pytest.mark.parametrize("misreading", ALL_MISREADINGS, ids=lambda m: m.name)
def test_tables_undo_the_codec(misreading: object) -> None:
    from dkfix.misreadings import Misreading

    assert isinstance(misreading, Misreading)
    for letter in DANISH_LETTERS:
        try:
            misread = letter.encode(misreading.written_as).decode(misreading.read_as)
        except UnicodeError:
            continue
        assert misreading.restore(misread) == letter


@pytest.mark.parametrize(
    ("original", "fixed"),
    [
        ("Ã…rhus Kommune", "Århus Kommune"),
        ("SÃ…DAN GÃ˜R DU", "SÅDAN GØR DU"),
        ("Ã¥r", "år"),
        ("Ã¥r\tbeløb", "år\tbeløb"),
        ("Jeg bor i K›benhavn", "Jeg bor i København"),
        ("Vi bor p† landet", "Vi bor på landet"),
        ("‘ndring af lokalplan", "ændring af lokalplan"),
        ("Patienten fik en BedЫvelse", "Patienten fik en Bedøvelse"),
        ("Jeg bor i K√∏benhavn", "Jeg bor i København"),
        ("Jeg bor i K¿benhavn pŒ Amager", "Jeg bor i København på Amager"),
        ("Jeg bor i K°benhavn σr efter σr", "Jeg bor i København år efter år"),
        ("Byen hedder K├╕benhavn", "Byen hedder København"),
    ],
)
def test_repairs_beyond_ftfy(original: str, fixed: str) -> None:
    assert dkfix.fix_text(original) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "SÃO PAULO",
        "Aarhus, Aabenraa og Kjøbenhavn paa Sjælland",
        "Født 1850, † 1923",
        "FN’s generalforsamling og ‘citat’",
        "Hvad koster det?",
        "ÅBENT HUS i Århus",
        "Jeg drikker en øl på Café Noir",
    ],
)
def test_clean_text_is_left_alone(clean: str) -> None:
    assert dkfix.fix_and_explain(clean).edits == []


def test_context_repairs_names_next_to_evidence() -> None:
    fixed = dkfix.fix_and_explain("Jeg bor i K›benhavn og hedder Pr‘stekj‘r")
    assert fixed.text == "Jeg bor i København og hedder Præstekjær"
    confidences = {e.replacement: e.confidence for e in fixed.edits}
    assert confidences["Præstekjær"] < confidences["København"]


def test_apostrophes_next_to_evidence_stay() -> None:
    assert dkfix.fix_text("Jeg bor i K›benhavn, FN’s by") == "Jeg bor i København, FN’s by"


def test_only_the_broken_lines_change() -> None:
    text = "Linjen er fin: København.\nLinjen er d†rlig: K›benhavn.\nSå er vi færdige."
    fixed = dkfix.fix_and_explain(text)
    assert fixed.text == text.replace("d†rlig: K›benhavn", "dårlig: København")
    assert {e.kind for e in fixed.edits} == {"fix_code_pages"}


def test_fixes_can_be_switched_off_by_kind() -> None:
    assert dkfix.fix_text("K›benhavn", fix_code_pages=False) == "K›benhavn"
    assert dkfix.fix_text("Ã…rhus", fix_residual_mojibake=False) == "Ã…rhus"


@given(st.text(alphabet="abc ›†‘’Ã…¥\n", max_size=40))
def test_misreading_fixes_replay_and_settle(text: str) -> None:
    fixed = dkfix.fix_and_explain(text)
    assert dkfix.apply_edits(text, fixed.edits) == fixed.text
    assert dkfix.fix_text(fixed.text) == fixed.text
