"""Layout repairs: each fix on its cases and on the seeds, running headers found by
repetition alone, and the fixes on by default silent on clean text.

The cases and the expected edits of the seeds are in ``fixtures/layout/`` (see its
README). The check on clean corpora reads ``../shared/corpora`` and is skipped where
it is absent.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dkfix import Config, apply_edits, fix_and_explain, fix_text
from dkfix.config import LAYOUT_FIXES, field_names
from dkfix.layout import LAYOUT_PHASE, running_header_edits
from strategies import SEED_FILES, arbitrary_text, seed_sentences, seed_words

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "layout"
CORPORA = ROOT.parent / "shared" / "corpora"
CASES = json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))
FIXES = dict(zip(LAYOUT_FIXES, LAYOUT_PHASE, strict=True))
ALL_OFF = {name: False for name in LAYOUT_FIXES}
ALL_ON = Config(**{name: True for name in LAYOUT_FIXES})


def only(fix: str) -> Config:
    """The defaults, with `fix` the one layout fix turned on."""
    return Config(**{**ALL_OFF, fix: True})


# -- each fix is a fix like the others ------------------------------------------


def test_each_layout_fix_is_a_config_field() -> None:
    assert set(LAYOUT_FIXES) <= set(field_names())
    assert len(LAYOUT_PHASE) == len(LAYOUT_FIXES)


def test_the_fixes_on_by_default_are_the_safe_ones() -> None:
    on = [name for name in LAYOUT_FIXES if getattr(Config(), name)]
    assert on == ["remove_running_headers", "join_hyphenated_words"]


@pytest.mark.parametrize("fix", LAYOUT_FIXES)
def test_a_fix_turned_off_makes_no_edits(fix: str) -> None:
    for case in CASES:
        assert FIXES[fix](case["original"], Config(**ALL_OFF)) == []


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case['fix']}:{case['label']}")
def test_case(case: dict[str, Any]) -> None:
    original, fix = case["original"], case["fix"]
    result = fix_and_explain(original, only(fix))
    assert result.text == case["fixed"]
    assert apply_edits(original, result.edits) == result.text
    assert {edit.kind for edit in result.edits} <= {fix}
    assert all(edit.reason and 0 < edit.confidence <= 1 for edit in result.edits)
    assert fix_text(result.text, only(fix)) == result.text


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case['fix']}:{case['label']}")
def test_a_fix_names_its_edits_by_its_field(case: dict[str, Any]) -> None:
    edits = FIXES[case["fix"]](case["original"], only(case["fix"]))
    assert {edit.kind for edit in edits} <= {case["fix"]}


# -- the seeds ------------------------------------------------------------------


def _seed_expectation(path: Path) -> dict[str, Any]:
    expected: dict[str, Any] = json.loads((FIXTURES / f"{path.stem}.json").read_text("utf-8"))
    return expected


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: path.name)
@pytest.mark.parametrize("fix", LAYOUT_FIXES)
def test_seed_layout_edits_are_the_expected_ones(path: Path, fix: str) -> None:
    text = path.read_text(encoding="utf-8")
    expected = _seed_expectation(path)["edits"][fix]
    edits = [e for e in fix_and_explain(text, only(fix)).edits if e.kind == fix]
    found = [[text.count("\n", 0, e.start) + 1, e.original, e.replacement] for e in edits]
    assert found == expected


def test_seed_000_loses_its_running_headers_and_no_other_word() -> None:
    path = next(p for p in SEED_FILES if p.name.startswith("000_"))
    text = path.read_text(encoding="utf-8")
    fixed = fix_text(text)
    lost = Counter(text.split()) - Counter(fixed.split())
    assert lost == Counter({"Budgetforlig": 5, "2018": 5, "5": 1, "6": 1, "9": 1})
    assert not Counter(fixed.split()) - Counter(text.split())
    assert fixed.startswith("Budgetforlig 2018\n")  # the document's title stays
    assert "til læge/sexolog" in fixed
    assert "idet det samtidig præciseres" in fixed
    assert "Ønsker borgerforeningen at indrette" in fixed


def test_the_seeds_without_their_verified_damage_are_left_alone() -> None:
    """The default fixes change nothing in the seeds once the damage the fixtures list
    (seed 000's running headers) and seed 004's "Punkt 96" are taken out."""
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        headers = _seed_expectation(path)["edits"]["remove_running_headers"]
        lines = text.splitlines(keepends=True)
        for number, original, _ in headers:
            lines[number - 1] = lines[number - 1].replace(original, "", 1)
        text = "".join(lines)
        if "# Punkt 96" in text:
            text = text[: text.index("# Punkt 96")] + text[text.index("# Punkt 97") :]
        for name, fix in FIXES.items():
            assert fix(text, Config()) == [], (path.name, name)


# -- running headers, found by repetition -----------------------------------------

FILLER = (
    "Budgetforligspartierne ønsker en status på arbejdet med inklusionsstrategien og "
    "afsætter penge til en analyse af vikardækningen på kommunens folkeskoler, som skal "
    "fremlægges for byrådet i løbet af foråret, hvor den skal drøftes med skolerne. "
)


def _pages(pieces: list[str]) -> str:
    """Pieces of text separated by about four hundred characters of prose each."""
    return (FILLER * 2).join(pieces) + FILLER


def test_a_header_inside_sentences_is_removed() -> None:
    damaged = _pages(
        [
            "Pengene går til Årsrapport Herning 3 læger og",
            " psykologer, og det Årsrapport Herning 4 samtidig",
            " præciseres, at Årsrapport Herning 5 indsatsen",
            " øges.",
        ]
    )
    clean = _pages(
        [
            "Pengene går til læger og",
            " psykologer, og det samtidig",
            " præciseres, at indsatsen",
            " øges.",
        ]
    )
    assert fix_text(damaged) == clean


def test_a_header_on_a_line_of_its_own_goes_with_the_others() -> None:
    damaged = _pages(
        [
            "til Årsrapport Herning 3 læger",
            "og Årsrapport Herning 4 samtidig",
            "\nÅrsrapport Herning 5\n",
        ]
    )
    assert fix_text(damaged) == _pages(["til læger", "og samtidig", "\n"])


def test_a_series_of_headings_is_no_running_header() -> None:
    """A title and a rising number on lines of their own never interrupt a sentence."""
    text = _pages([f"\nFør afstemningen om ændringsforslag {n}\n" for n in (1, 4, 6, 9)])
    assert running_header_edits(text, Config()) == []


@pytest.mark.parametrize(
    "pieces",
    [
        ["som vist i Tabel 1 nedenfor", "som vist i Tabel 2 nedenfor", "som i Tabel 3 ses"],
        ["jf. Budget 2019 3 og", "jf. Budget 2019 2 og", "jf. Budget 2019 1 og"],
    ],
    ids=["one word", "falling numbers"],
)
def test_references_in_sentences_are_no_running_header(pieces: list[str]) -> None:
    assert running_header_edits(_pages(pieces), Config()) == []


def test_rising_numbers_closer_than_a_page_are_no_running_header() -> None:
    text = "til Budget Herning 1 læger, til Budget Herning 2 læger og til Budget Herning 3 læger. "
    assert running_header_edits(text * 3, Config()) == []


# Sentences that already carry seed 000's running header are not clean text.
def _clean_sentences() -> list[str]:
    return [s for s in seed_sentences() if not re.search(r"Budgetforlig 2018 \d", s)]


_LOWER_GAP = re.compile(r"(?<=[^\W\d_]) (?=[a-zæøå])")


@st.composite
def paged_document(draw: st.DrawFn) -> tuple[str, str, int]:
    """(clean, damaged, headers): seed sentences in paragraphs, and the same text with a
    running header, a title and a rising page number, put inside a sentence about once a
    page, as a PDF extraction leaves it."""
    sentences = draw(st.lists(st.sampled_from(_clean_sentences()), min_size=30, max_size=40))
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    clean = "\n\n".join(paragraphs) + "\n"
    capitalised = sorted(w for w in seed_words() if w[0].isupper() and len(w) > 4)
    title = f"{draw(st.sampled_from(capitalised))} {draw(st.integers(1990, 2030))}"
    assume(title not in clean)
    page_length = draw(st.integers(500, 1200))
    page = draw(st.integers(1, 50))
    gaps = [m.start() for m in _LOWER_GAP.finditer(clean)]
    chosen = []
    for k in range(1, len(clean) // page_length):
        later = [g for g in gaps if g >= k * page_length]
        if later and (not chosen or later[0] > chosen[-1]):
            chosen.append(later[0])
    assume(len(chosen) >= 3)
    damaged = clean
    for n, gap in reversed(list(enumerate(chosen))):
        damaged = f"{damaged[: gap + 1]}{title} {page + n} {damaged[gap + 1 :]}"
    return clean, damaged, len(chosen)


@settings(max_examples=25)
@given(paged_document())
def test_running_headers_put_inside_sentences_are_removed_exactly(
    example: tuple[str, str, int],
) -> None:
    clean, damaged, headers = example
    result = fix_and_explain(damaged)
    assert result.text == clean
    assert [e.kind for e in result.edits] == ["remove_running_headers"] * headers


# -- every fix on any text ----------------------------------------------------------


@given(arbitrary_text(max_size=200))
def test_all_layout_fixes_on_any_text_replay_and_settle(text: str) -> None:
    result = fix_and_explain(text, ALL_ON)
    assert apply_edits(text, result.edits) == result.text
    assert fix_text(result.text, ALL_ON) == result.text


# -- clean corpora ------------------------------------------------------------------

CORPUS_FILES = (
    "dawiki_abstracts/dawiki_abstracts.txt",
    "europarl_da/heldout_dev.txt",
    "ud_ddt/ddt_dev.txt",
    "ud_ddt/ddt_test.txt",
    "ntrex128_da/newstest2019-ref.dan.txt",
)
_LINES_PER_FILE = 3000
_LINES_PER_DOCUMENT = 200


@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is not available")
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_the_default_fixes_leave_clean_corpora_alone(name: str) -> None:
    lines = (CORPORA / name).read_text(encoding="utf-8").splitlines()[:_LINES_PER_FILE]
    on = [fix for field, fix in FIXES.items() if getattr(Config(), field)]
    for start in range(0, len(lines), _LINES_PER_DOCUMENT):
        document = "\n".join(lines[start : start + _LINES_PER_DOCUMENT]) + "\n"
        for fix in on:
            assert fix(document, Config()) == []
