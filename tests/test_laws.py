"""The laws dkfix keeps on damaged Danish of every kind, checked with hypothesis.

test_properties.py states the laws on seed text and on any str; here they are held
against every damage of `dkfix.damage` (the presets, each misreading, placeholders
and folding of part of the letters, damage in some paragraphs only) and against
sentences of everyday words from the bundled word list:

* clean Danish comes back unchanged, with no edits;
* fixing is idempotent, and so is `clean`;
* the edits replay: in order, apart, each on the text it names, of a known kind;
* the output is never longer than ``3 * len(input)`` (see `GROWTH_FACTOR`);
* the result is the same in every process, whatever ``PYTHONHASHSEED`` is.

The expensive laws draw a quarter of the profile's examples (``HYPOTHESIS_PROFILE=dev``
draws more); see conftest.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from dkfix import Config, apply_edits, clean, fix_and_explain, fix_text
from dkfix.config import field_names
from dkfix.edits import Edit
from strategies import any_damage, arbitrary_text, lexicon_text

ROOT = Path(__file__).resolve().parents[1]

# Damaged text runs the whole pipeline; a quarter of the profile's examples keeps CI quick.
FEWER = settings(max_examples=max(10, settings().max_examples // 4))

# The most a fix lengthens text: a character becomes at most three. NFC, the default
# normalization, expands a code point to at most 3 (UAX #15, "Stream-Safe" bounds:
# U+FB2C → 3), and ftfy's fix_latin_ligatures writes "ﬃ" as "ffi"; every other fix
# only shortens text or replaces a character by one character. NFKC/NFKD (opt-in)
# and normalize_numbers="plain" ("2 mia" → "2000000000") may grow text further.
GROWTH_FACTOR = 3


def assert_sound_edits(text: str, edits: list[Edit]) -> None:
    """Each edit names what it replaces in `text`; in order, apart, of a known kind."""
    position = 0
    for edit in edits:
        assert position <= edit.start <= edit.end <= len(text), edit
        assert text[edit.start : edit.end] == edit.original, edit
        assert edit.original != edit.replacement, edit
        assert edit.kind in field_names(), edit
        assert 0.0 <= edit.confidence <= 1.0, edit
        assert edit.reason, edit
        position = edit.end


# -- clean text stays as it is ---------------------------------------------------------


@given(lexicon_text())
def test_sentences_of_everyday_words_are_unchanged(text: str) -> None:
    result = fix_and_explain(text)
    assert result.text == text
    assert result.edits == []


@FEWER
@given(lexicon_text(), st.sampled_from(["upper", "title"]))
def test_everyday_words_in_capitals_are_unchanged(text: str, case: str) -> None:
    """Headlines and shouting: "PÅ", "Å" and "AA" in capitals are letters, not damage."""
    text = text.upper() if case == "upper" else text.title()
    assert fix_text(text) == text


# -- every damage ------------------------------------------------------------------------


@FEWER
@given(any_damage())
def test_fixing_damage_of_every_kind_is_idempotent(case: tuple[str, str, str]) -> None:
    name, _, damaged = case
    once = fix_text(damaged)
    assert fix_text(once) == once, name


@FEWER
@given(any_damage())
def test_edits_of_every_damage_replay(case: tuple[str, str, str]) -> None:
    name, _, damaged = case
    result = fix_and_explain(damaged)
    assert_sound_edits(damaged, result.edits)
    assert apply_edits(damaged, result.edits) == result.text, name
    assert all(edit in result.edits for edit in result.flagged), name


@FEWER
@given(any_damage())
def test_damage_is_repaired_in_place(case: tuple[str, str, str]) -> None:
    """The repair touches only what the damage touched: the clean text's common
    prefix and suffix with the damaged text survive (a repair may reach one character
    into them, as a word's repair spans the whole word)."""
    _, clean_text, damaged = case
    prefix = _common_prefix(clean_text, damaged)
    suffix = _common_prefix(clean_text[::-1], damaged[::-1])
    fixed = fix_and_explain(damaged)
    if damaged == clean_text:
        assert fixed.edits == []
    for edit in fixed.edits:
        assert edit.end > prefix - _WORD_REACH, edit
        assert edit.start < len(damaged) - suffix + _WORD_REACH, edit


def _common_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


# How far back from the first damaged character a repair may begin: the start of the
# word it is in. Seed words and lexicon words are shorter than this.
_WORD_REACH = 40


@FEWER
@given(any_damage())
def test_clean_agrees_with_fix_text_on_every_damage(case: tuple[str, str, str]) -> None:
    _, _, damaged = case
    result = clean(damaged)
    assert result.text == fix_text(damaged)
    assert apply_edits(result.original, result.edits) == result.text
    assert clean(result.text).text == result.text


# -- a bound on the output ---------------------------------------------------------------


@given(st.one_of(arbitrary_text(), any_damage().map(lambda case: case[2])))
@example("ﬃ")  # a ligature: three letters
@example("\ufb2c")  # NFC: three code points
@example("\u0958" * 5)
def test_output_is_at_most_three_times_the_input(text: str) -> None:
    assert len(fix_text(text)) <= GROWTH_FACTOR * len(text)


def test_the_growth_factor_is_reached() -> None:
    """The bound is tight: both ways of growing give three characters for one."""
    assert fix_text("ﬃ") == "ffi"
    assert len(unicodedata.normalize("NFC", "\ufb2c")) == GROWTH_FACTOR
    assert len(fix_text("\ufb2c")) == GROWTH_FACTOR


def test_opt_in_fixes_may_grow_text_further() -> None:
    """Why the bound is stated for the default configuration."""
    assert len(fix_text("\ufdfa", normalization="NFKC")) > GROWTH_FACTOR
    grown = fix_text("2 mia", Config(normalize_numbers="plain"))
    assert len(grown) > len("2 mia")


# -- the same result in every process ----------------------------------------------------

# Runs in a fresh interpreter: varied damaged text, every function, one digest out.
_DIGEST_SCRIPT = """
import hashlib, json, sys
from pathlib import Path
import dkfix
from dkfix.damage import DAMAGES, in_paragraphs

seed = sorted(Path(sys.argv[1]).glob("*.txt"))[1].read_text(encoding="utf-8")
hostile = "\\x00\\ud800 \\u200b\\u2028😀 a\\u0301 K›benhavn pÃ¥ \\ufffd \\x1b[1m"
texts = [seed, hostile + seed[:500]]
texts += [in_paragraphs(seed, damage, every=2) for damage in DAMAGES.values()]
out = []
for text in texts:
    fixed = dkfix.fix_and_explain(text)
    out.append([fixed.text, [repr(e) for e in fixed.edits], repr(fixed.flagged)])
    out.append(repr(dkfix.detect(text)))
    out.append(repr(dkfix.clean(text, tables="markdown")))
out.append(repr(dkfix.decode_bytes(seed.encode("cp865", "replace"))))
print(hashlib.sha256(json.dumps(out).encode("utf-8", "surrogatepass")).hexdigest())
"""


def _digest(hash_seed: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-c", _DIGEST_SCRIPT, str(ROOT / "fixtures" / "seeds")]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)


def test_results_do_not_depend_on_the_hash_seed() -> None:
    """Sets and dicts iterate in hash order; no result may follow it."""
    runs = [_digest(hash_seed) for hash_seed in ("0", "4242")]  # in parallel
    digests = [run.communicate(timeout=120)[0].strip() for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert len(digests[0]) == 64
    assert digests[0] == digests[1]
