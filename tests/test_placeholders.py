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


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        # Every word of a hyphenated or slashed token is repaired, not only the first.
        (
            "Programmet: Lyngby-BrÅndby spilles efterÅr/forÅr i Året.",
            "Programmet: Lyngby-Brøndby spilles efterår/forår i året.",
        ),
        # é is a letter too.
        (
            "Der er blevet fremsat mange idÅer pÅ mÅdet. Hvad dÅt angÅr, er vi enige.",
            "Der er blevet fremsat mange idéer på mødet. Hvad dét angår, er vi enige.",
        ),
        # Names and loans with foreign letters, when the lexicon has them.
        (
            "De stÅttede tjekkoslovakkerne i MÅnchen fÅr krigen.",
            "De støttede tjekkoslovakkerne i München før krigen.",
        ),
        # Compounds the lexicon lacks: the split into common words wins.
        (
            "Det er kommunens selvbetjeningslÅsninger, der skal bruges af bÅrn.",
            "Det er kommunens selvbetjeningsløsninger, der skal bruges af børn.",
        ),
    ],
)
def test_letters_are_restored_in_every_word(damaged: str, fixed: str) -> None:
    assert dkfix.fix_text(damaged) == fixed


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        (
            " Å Frem mod 2021 vil der vÅre behov for nye plejeboliger til bÅrn.",
            " • Frem mod 2021 vil der være behov for nye plejeboliger til børn.",
        ),
        (
            "Merudgiftsydelse Å 41 og tabt arbejdsfortjeneste ÅÅ 42-43 gÅr til bÅrn.",
            "Merudgiftsydelse § 41 og tabt arbejdsfortjeneste §§ 42-43 går til børn.",
        ),
        (
            "Affald er en ressource Å vi skal sortere mere i fÅllesskab pÅ skolen.",
            "Affald er en ressource – vi skal sortere mere i fællesskab på skolen.",
        ),
        (
            "Blive et ÅerhvervsmÅssigt fyrtÅrnÅ inden for grÅn omstilling i lÅbet af Året.",
            "Blive et ”erhvervsmæssigt fyrtårn” inden for grøn omstilling i løbet af året.",
        ),
        (
            "PÅ beskÅftigelsesomrÅdet vilÅHerning Kommune ansÅtte flere.",
            "På beskæftigelsesområdet vil\u00a0Herning Kommune ansætte flere.",
        ),
        (
            "Der er 6.000 stillinger.ÅCirka 2000 er ansat pÅ skoler, sÅ vi fÅr travlt.",
            "Der er 6.000 stillinger.\u00a0Cirka 2000 er ansat på skoler, så vi får travlt.",
        ),
        (
            "Med FNÅs VerdensmÅl som inspiration vil vi nÅ langt.",
            "Med FN´s Verdensmål som inspiration vil vi nå langt.",
        ),
        (
            "Det koster 100 millioner Å. Det er mange penge for bÅrn pÅ skolen.",
            "Det koster 100 millioner €. Det er mange penge for børn på skolen.",
        ),
    ],
)
def test_placeholders_for_marks_become_the_mark_their_place_calls_for(
    damaged: str, fixed: str
) -> None:
    assert dkfix.fix_text(damaged) == fixed


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        # The full stop of an ordinal ends no sentence.
        (
            "Holdningerne i det 19. Århundrede var anderledes, sÅ vi fÅr travlt.",
            "Holdningerne i det 19. århundrede var anderledes, så vi får travlt.",
        ),
        # A "?" that reads as a letter is no question mark.
        (
            "Vi ser p? ?ndringsforslag 7, og s? ?del?gges det hele.",
            "Vi ser på ændringsforslag 7, og så ødelægges det hele.",
        ),
        # A name the lexicon only has capitalised.
        (
            "Vi sÅ frem til et mÅde med Susanne Åstrup i Året.",
            "Vi så frem til et møde med Susanne Østrup i året.",
        ),
        # The halves of a suspended compound share their case.
        (
            "Sundheds- og Åldrechef Anne og Åkonomi- og Erhvervsudvalget mÅdes pÅ rÅdhuset.",
            "Sundheds- og Ældrechef Anne og Økonomi- og Erhvervsudvalget mødes på rådhuset.",
        ),
    ],
)
def test_case_follows_the_sentence_and_the_lexicon(damaged: str, fixed: str) -> None:
    assert dkfix.fix_text(damaged) == fixed


def test_a_row_of_abbreviations_is_read_as_abbreviations() -> None:
    damaged = "DIR BSK ÅKE BYR\n\nVi fÅlger udviklingen i Åkonomien pÅ omrÅdet."
    assert dkfix.fix_text(damaged) == (
        "DIR BSK ØKE BYR\n\nVi følger udviklingen i økonomien på området."
    )


def test_real_question_marks_stay_in_damaged_text() -> None:
    damaged = "Hvad med l?nninger? S? han er d?d, siger du...? Min veninde ved det."
    assert dkfix.fix_text(damaged) == (
        "Hvad med lønninger? Så han er død, siger du...? Min veninde ved det."
    )


def test_every_edit_is_explained() -> None:
    damaged = " Å Blive et ÅerhvervsmÅssigt fyrtÅrnÅ Å vi fÅr FNÅs stÅtte i MÅnchen Å 41."
    edits = dkfix.fix_and_explain(damaged).edits
    assert edits
    for edit in edits:
        assert edit.kind == "restore_placeholders"
        assert 0 < edit.confidence <= 1
        assert edit.reason


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        # "far?" reads as a word without its "?": a question mark, not "farø".
        (
            "Var det din far? sp?rgte jeg. S? kommer vi hjem til et f?lles m?ltid.",
            "Var det din far? spørgte jeg. Så kommer vi hjem til et fælles måltid.",
        ),
        # After an abbreviation a "?" ending the line is a question mark too.
        (
            "Det g?lder k?n, alder, tro osv.?\nS? kommer vi hjem.",
            "Det gælder køn, alder, tro osv.?\nSå kommer vi hjem.",
        ),
    ],
)
def test_question_marks_are_told_from_placeholders(damaged: str, fixed: str) -> None:
    assert dkfix.fix_text(damaged) == fixed


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        (
            "Vi st?tter Det ?konomiske og Sociale Udvalg og Den ?konomiske og Monet?re Union.",
            "Vi støtter Det Økonomiske og Sociale Udvalg og Den Økonomiske og Monetære Union.",
        ),
        (
            "Det er foresl?et i bl.a. ?ndringsforslag 24, som vi st?tter.",
            "Det er foreslået i bl.a. ændringsforslag 24, som vi støtter.",
        ),
        (
            'S? kan man sige: "?h! Europa har det sv?rt."',
            'Så kan man sige: "Åh! Europa har det svært."',
        ),
        (
            "Jeg takker fru Wallstr?m for svaret, og vi st?tter hende p? mødet.",
            "Jeg takker fru Wallström for svaret, og vi støtter hende på mødet.",
        ),
    ],
)
def test_names_and_sentences_keep_their_capitals(damaged: str, fixed: str) -> None:
    assert dkfix.fix_text(damaged) == fixed


def test_two_placeholders_claiming_one_word_do_not_collide() -> None:
    # "¡" and "×" are both suspects here, and each reads "b" with its neighbour.
    text = "b¡×" * 3
    result = dkfix.fix_and_explain(text)
    assert dkfix.apply_edits(text, result.edits) == result.text
    assert dkfix.fix_text(result.text) == result.text


def test_chance_evidence_in_one_long_block_of_questions_is_not_damage() -> None:
    # A corpus on single lines is one block: `?` glued to a word on a few of its many
    # question lines must not get the whole block rewritten (seen at 30 MB of Europarl).
    clean = "Vi g?r hjem nu.\nDe f?r mad senere.\n" + "Kommer du i morgen?\n" * 20
    assert dkfix.fix_text(clean) == clean
    damaged = "Vi g?r hjem nu.\nDe f?r mad senere.\n" + "Kommer du i morgen.\n" * 20
    assert dkfix.fix_text(damaged).startswith("Vi går hjem nu.\nDe får mad senere.\n")
