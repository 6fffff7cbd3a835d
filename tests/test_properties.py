"""The laws dkfix keeps on any input, checked with hypothesis.

* clean Danish text comes back unchanged, with no edits, and `detect` calls it clean;
* fixing is idempotent: ``fix_text(fix_text(x)) == fix_text(x)``;
* the edits replay: applying ``.edits`` to the input, last to first, gives ``.text``;
* no str makes dkfix raise, lone surrogates and control characters included;
* the ftfy fast path is sound: text it lets through unchecked is text ftfy leaves alone;
* UTF-8 mojibake of whole Danish sentences is repaired exactly;
* placeholder damage of sentences whose words have one restoration is repaired exactly.

Round trips of each supported encoding through `decode_bytes` are in test_decode.py.
"""

from __future__ import annotations

from pathlib import Path

import ftfy
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from dkfix import Config, apply_edits, detect, fix_and_explain, fix_text
from dkfix.config import FTFY_FIXES, field_names
from dkfix.ftfy_fixes import needs_ftfy
from strategies import (
    SEED_FILES,
    arbitrary_text,
    clean_danish_text,
    damaged_danish_text,
    damaged_sentence,
    fast_path_text,
    placeholder_damaged_sentence,
)

any_text = st.one_of(clean_danish_text(), damaged_danish_text(), arbitrary_text())


@given(clean_danish_text())
def test_clean_danish_is_unchanged(text: str) -> None:
    result = fix_and_explain(text)
    assert result.text == text
    assert result.edits == []
    assert not detect(text).is_broken


# Seed 000 came from a PDF whose running header, "Budgetforlig 2018" and the page
# number, the extraction left inside sentences ("… til Budgetforlig 2018 5 læge/sexolog
# …"), twice with its page number lost; line number -> the header removed there.
SEED_000_RUNNING_HEADERS = {
    20: " Budgetforlig 2018",
    34: " Budgetforlig 2018",
    44: "Budgetforlig 2018 5 ",
    53: "Budgetforlig 2018 6 ",
    75: "Budgetforlig 2018 9 ",
}


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: path.name)
def test_seed_documents_are_unchanged(path: Path) -> None:
    """The seeds are clean, but for seed 004's "Punkt 96", damaged at its source, and
    the running headers of seed 000, which are removed and nothing else."""
    text = path.read_text(encoding="utf-8")
    damaged = (text.find("# Punkt 96"), text.find("# Punkt 97"))
    if not path.name.startswith("004_"):
        damaged = (0, 0)
    edits = fix_and_explain(text).edits
    if path.name.startswith("000_"):
        headers = [e for e in edits if e.kind == "remove_running_headers"]
        removed = {text.count("\n", 0, e.start) + 1: e.original for e in headers}
        assert removed == SEED_000_RUNNING_HEADERS
        assert all(e.replacement == "" for e in headers)
        edits = [e for e in edits if e not in headers]
    assert all(damaged[0] <= edit.start and edit.end <= damaged[1] for edit in edits)


@given(any_text)
def test_fixing_is_idempotent(text: str) -> None:
    once = fix_text(text)
    assert fix_text(once) == once


@given(st.one_of(damaged_danish_text(), arbitrary_text()))
def test_edits_replay(text: str) -> None:
    result = fix_and_explain(text)
    assert apply_edits(text, result.edits) == result.text
    for edit in result.edits:
        assert text[edit.start : edit.end] == edit.original
        assert edit.kind in field_names()


@given(arbitrary_text())
def test_no_exception_on_any_str(text: str) -> None:
    fixed = fix_text(text)
    assert isinstance(fixed, str)
    assert fix_and_explain(text).text == fixed
    assert isinstance(detect(text).is_broken, bool)


def _ftfy_config(config: Config) -> ftfy.TextFixerConfig:
    """The ftfy configuration dkfix delegates with, for the same `config`."""
    options = {name: getattr(config, name) for name in FTFY_FIXES}
    return ftfy.TextFixerConfig(normalization=config.normalization, **options)


# The options a user may turn on that change what ftfy does to "safe" characters.
FAST_PATH_CONFIGS = {
    "defaults": Config(),
    "uncurl_quotes": Config(uncurl_quotes=True),
    "fix_line_breaks": Config(fix_line_breaks=True),
}


@pytest.mark.parametrize("config_name", FAST_PATH_CONFIGS)
@given(text=fast_path_text())
@example(text="4×Ø12")  # ftfy reads × Ø as the UTF-8 of Hebrew ר
@example(text="”Ü")  # ftfy reads ” Ü as Mac Roman mojibake of ӆ
def test_fast_path_is_sound(config_name: str, text: str) -> None:
    """Text the fast path hands past ftfy is text ftfy, with the same options, leaves alone.

    A counterexample is a hole in NEEDS_FTFY, or an ftfy false positive ("4×Ø12")
    that the fast path happens to dodge; then dkfix must guard against it on every
    line, not only on the lines the fast path skips.
    """
    config = FAST_PATH_CONFIGS[config_name]
    assume(needs_ftfy(config).search(text) is None)
    assert ftfy.fix_text(text, _ftfy_config(config)) == text


UTF8_MISREADINGS = ("UTF-8 read as cp1252", "UTF-8 read as latin-1", "UTF-8 read as cp1252 twice")


@given(damaged_sentence(UTF8_MISREADINGS))
def test_utf8_mojibake_of_danish_sentences_is_repaired(example: tuple[str, str, str]) -> None:
    clean, damaged, _ = example
    assert fix_text(damaged) == clean


@given(placeholder_damaged_sentence())
def test_placeholder_damage_round_trips(case: tuple[str, str, str]) -> None:
    clean, damaged, char = case
    fixed = fix_and_explain(damaged)
    assert fixed.text == clean, f"placeholder {char!r}"
    assert apply_edits(damaged, fixed.edits) == fixed.text
    assert fix_text(fixed.text) == fixed.text
    assert detect(damaged).is_broken
