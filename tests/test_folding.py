"""ASCII folding: æ, ø, å written as o/ae/aa, oe/ae/aa or o/a/a, found and restored unasked."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dkfix
from dkfix.damage import fold, in_paragraphs
from dkfix.letters.folding import find_folding
from dkfix.letters.folding_readings import choices
from dkfix.letters.folding_schemes import cased_like, spellings

SCHEMES = ("o/ae/aa", "oe/ae/aa", "o/a/a")

SENTENCES = [
    "Vi mødes på rådhuset i København, og det bliver også godt at være med.",
    "Kære Søren, når du kommer hjem, skal vi tale om økonomien. Jeg håber, at du har det godt.",
    "Børne- og Familieudvalget følger udviklingen i økonomien på området, "
    "og udvalget får en status hvert år.",
    "Der kan være store udsving i løbet af året, så vi må følge økonomien nøje.",
]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_each_scheme_is_restored(sentence: str, scheme: str) -> None:
    assert dkfix.fix_text(fold(sentence, scheme)) == sentence


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_scheme_is_found_with_evidence(scheme: str) -> None:
    damaged = fold(" ".join(SENTENCES), scheme)
    (damage,) = find_folding(damaged)
    assert damage.scheme == scheme
    assert damage.regions == [(0, len(damaged))]
    assert damage.evidence >= 5
    assert any("på" in example or "økonomien" in example for example in damage.examples)


def test_edits_explain_the_scheme() -> None:
    result = dkfix.fix_and_explain("Vi ses paa fredag i Kobenhavn, naar vi har tid.")
    assert result.text == "Vi ses på fredag i København, når vi har tid."
    assert {edit.kind for edit in result.edits} == {"restore_folded_letters"}
    assert all("o/ae/aa" in edit.reason and 0 < edit.confidence <= 1 for edit in result.edits)
    assert dkfix.detect("Vi ses paa fredag i Kobenhavn, naar vi har tid.").is_broken


@pytest.mark.parametrize(
    ("damaged", "fixed"),
    [
        ("AEROE KOMMUNE: ogsaa i aar", "ÆRØ KOMMUNE: også i år"),
        ("Aeblet faldt paa jorden, og Kobenhavn fik ogsaa sin del.", None),
        ("KOBENHAVNS KOMMUNE OG AERO KOMMUNE ER OGSAA MED", None),
    ],
)
def test_case_follows_the_folded_word(damaged: str, fixed: str | None) -> None:
    expected = (
        fixed
        or {
            "Aeblet faldt paa jorden, og Kobenhavn fik ogsaa sin del.": (
                "Æblet faldt på jorden, og København fik også sin del."
            ),
            "KOBENHAVNS KOMMUNE OG AERO KOMMUNE ER OGSAA MED": (
                "KØBENHAVNS KOMMUNE OG ÆRØ KOMMUNE ER OGSÅ MED"
            ),
        }[damaged]
    )
    assert dkfix.fix_text(damaged) == expected


def test_spellings_and_casing() -> None:
    assert spellings("paa", "o/ae/aa") == ["på"]
    assert sorted(spellings("Kare", "o/a/a")) == ["Kåre", "Kære"]
    assert cased_like("ærø", "AEROE") == "ÆRØ"
    assert cased_like("æblet", "Aeblet") == "Æblet"


def test_ambiguous_words_keep_both_readings() -> None:
    assert {c.text for c in choices("for", "o/ae/aa")} >= {"for", "før"}
    assert {c.text for c in choices("far", "o/a/a")} >= {"far", "får"}


def test_context_chooses_between_words() -> None:
    damaged = "Vi skal hjem for jul, og det er godt for os alle, naar vi ses paa torsdag."
    assert dkfix.fix_text(damaged) == (
        "Vi skal hjem før jul, og det er godt for os alle, når vi ses på torsdag."
    )


def test_only_the_folded_paragraph_is_repaired() -> None:
    clean = "Økonomiudvalget går ind for, at København får flere cykelstier."
    folded = "Det vil ogsaa vaere godt for okonomien, naar flere cykler til arbejde paa stierne."
    after = "Forslaget behandles på næste møde i udvalget."
    text = f"{clean}\n\n{folded}\n\n{after}\n"
    (damage,) = find_folding(text)
    start = text.index(folded)
    assert damage.regions == [(start, start + len(folded))]
    assert dkfix.fix_text(text) == text.replace(
        folded, "Det vil også være godt for økonomien, når flere cykler til arbejde på stierne."
    )


def test_every_third_paragraph() -> None:
    text = "\n\n".join(SENTENCES * 2)
    damaged = in_paragraphs(text, functools.partial(fold, scheme="o/a/a"))
    assert damaged != text
    assert dkfix.fix_text(damaged) == text


NEGATIVE = [
    # English, Norwegian, Swedish, German: they fold alike, but are no Danish.
    "The meeting was held in Copenhagen on Monday, and the board approved the budget.",
    "Det er ikke noe problem for oss, men vi ble enige om at han skulle komme tilbake etter jul.",
    "Vi har ogsa hatt mye a gjore pa kontoret etter at han ble syk, og det var ikke lett.",
    "Vi har ocksa haft mycket att gora pa kontoret efter att han blev sjuk, och det ar inte latt.",
    "Wir haben auch viel zu tun, aber das ist nicht so schlimm fur uns.",
    # Code, addresses and file names.
    "def beregn_okonomi(aar):\n    return aar * 2",
    "for (int i = 0; i < naar; i++) { okonomi += paa[i]; }",
    "https://www.kobenhavn.dk/okonomi/aarsrapport_2020.pdf",
    "soren.moller@okonomi-kobenhavn.dk",
    "rapport_okonomi.pdf paa_vej.txt C:\\Users\\soren\\okonomi\\aarsopgoerelse.xlsx",
    # Historical Danish and names that keep their aa.
    "Han kom til Kjøbenhavn om Aftenen, og der var meget koldt paa Gaden.",
    "Det var en kold Vinter, og Bønderne sad inde.\n\nNaar Solen gaar ned, kommer Manden hjem.",
    "Gaarden ved Aaen blev solgt i Aaret 1887.",
    "Aarhus og Aalborg er store byer, og familien Aagaard bor i Aabenraa.",
    # Danish that is right as it is.
    "Økonomiudvalget går ind for, at København får flere cykelstier.",
    "Det er en god ide at komme i morgen, hvis du kan.",
    "Der er ikke noget at sige til det, og vi kan godt vente til efter jul.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_text_that_is_not_folded_danish_stays(text: str) -> None:
    assert find_folding(text) == []
    assert dkfix.fix_and_explain(text).edits == []


def test_addresses_in_folded_text_stay() -> None:
    damaged = (
        "Du kan laese mere paa www.kobenhavn.dk/okonomi, og vi svarer ogsaa paa mail til "
        "okonomi@kobenhavn.dk naar vi kan. Se filen rapport_okonomi.pdf."
    )
    assert dkfix.fix_text(damaged) == (
        "Du kan læse mere på www.kobenhavn.dk/okonomi, og vi svarer også på mail til "
        "okonomi@kobenhavn.dk når vi kan. Se filen rapport_okonomi.pdf."
    )


def test_folding_repair_can_be_switched_off() -> None:
    damaged = "Vi ses paa fredag i Kobenhavn, naar vi har tid."
    assert dkfix.fix_text(damaged, restore_folded_letters=False) == damaged


# -- round trip: sentences whose folded words have one reading each -----------------

# Words without a or o (so no reading of their own in any scheme) to carry the sentences.
_FILLERS = ("det", "er", "ikke", "jeg", "vi", "de", "til", "med", "en", "et", "hun", "der")
_WORDS = (
    "København", "økonomien", "også", "være", "på", "rådhuset", "når", "kære", "året",
    "løbet", "følger", "mødet", "børnene", "første", "større", "måske", "sådan", "hvornår",
    "næste", "gælder", "områderne", "spørgsmål", "høring", "færre", "fælles", "tæt",
)  # fmt: skip


@functools.cache
def _restorable(scheme: str) -> tuple[str, ...]:
    """The words of `_WORDS` that come back from folding by `scheme` alone, without context."""
    found = []
    for word in _WORDS:
        options = choices(fold(word, scheme), scheme)
        if len(options) == 2 and options[0].penalty > 0 and options[1].text == word:
            found.append(word)
    return tuple(found)


@st.composite
def _folded_sentences(draw: st.DrawFn) -> tuple[str, str]:
    scheme = draw(st.sampled_from(SCHEMES))
    restorable = _restorable(scheme)
    words = draw(st.lists(st.sampled_from(restorable), min_size=2, max_size=6))
    fillers = draw(st.lists(st.sampled_from(_FILLERS), min_size=2 * len(words)))
    mixed = [w for pair in zip(fillers[::2], fillers[1::2], words, strict=False) for w in pair]
    sentence = " ".join(mixed).capitalize() + "."
    return sentence, scheme


@given(_folded_sentences())
def test_round_trip(case: tuple[str, str]) -> None:
    sentence, scheme = case
    damaged = fold(sentence, scheme)
    fixed = dkfix.fix_text(damaged)
    assert fixed == sentence
    assert dkfix.fix_text(fixed) == fixed


@given(_folded_sentences())
def test_fixing_is_idempotent(case: tuple[str, str]) -> None:
    sentence, scheme = case
    once = dkfix.fix_text(fold(sentence, scheme) + "\n\n" + sentence)
    assert dkfix.fix_text(once) == once
