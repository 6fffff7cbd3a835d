"""The shortcuts taken for speed give exactly what the long way gives.

* `ftfy_fixes.utf8_misreading` (UTF-8 read as cp1252 or latin-1, repaired without
  asking ftfy) agrees with ftfy, and its edits with those made through ftfy;
* lines that only U+FFFD sends to ftfy, and that ftfy does not call bad, ftfy leaves alone;
* the one-class scans (`needs_ftfy`, the placeholder candidates) match where the
  plain alternations they replace match;
* the lexicon read by initial holds exactly the forms of the whole lexicon;
* the running-header search drops only page numbers no recurring title can precede;
* the word patterns that start only where a word starts (linear on long runs of
  letters) match what the patterns tried at every character matched;
* the pipeline runs no fix twice on the same text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import ftfy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dkfix import Config, _datafiles, fix_and_explain, fixing, lexicon, plausibility
from dkfix.damage import placeholder
from dkfix.danish import DANISH_WORD_RE
from dkfix.edits import diff_edits, lines_with_offsets, respelled_word_edits
from dkfix.ftfy_fixes import (
    SAFE_TEXT_CHARS,
    _ftfy_config,
    _line_edits,
    _only_replacement_characters,
    ftfy_edits,
    needs_ftfy,
    utf8_misreading,
)
from dkfix.layout import headers
from dkfix.letters import placeholders
from strategies import SEED_FILES, TRICKY_CHARACTERS, clean_danish_text, misread

DEFAULTS = Config()
UTF8_MISREADINGS = ("UTF-8 read as cp1252", "UTF-8 read as latin-1", "UTF-8 read as cp1252 twice")


def _seed_lines() -> list[str]:
    return [line for path in SEED_FILES for line in path.read_text("utf-8").splitlines(True)]


def _misread_lines() -> list[str]:
    """Seed lines misread as UTF-8 (maybe twice), part of a line, with a lost no-break space."""
    lines = []
    for line in _seed_lines():
        for name in UTF8_MISREADINGS:
            damaged = misread(line, name)
            if damaged not in (None, line):
                assert damaged is not None
                lines += [damaged, line[: len(line) // 2] + damaged[len(damaged) // 2 :]]
                lines.append(damaged.replace("Ã", "Ã ", 1))
    return lines


def _slow_line_edits(line: str, config: Config, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patch:
        patch.setattr("dkfix.ftfy_fixes.utf8_misreading", lambda line, config: None)
        return _line_edits(line, _ftfy_config(config, "<" in line), config)


def _assert_agrees_with_ftfy(line: str, config: Config) -> bool:
    """True if the shortcut took `line`; then ftfy must do the same, in the same steps."""
    shortcut = utf8_misreading(line, config)
    if shortcut is None:
        return False
    fixed, encoding = shortcut
    explained = ftfy.fix_and_explain(line, _ftfy_config(config, "<" in line))
    assert explained.text == fixed
    assert explained.explanation == [("encode", encoding), ("decode", "utf-8")]
    return True


@pytest.mark.skipif(not SEED_FILES, reason="fixtures/seeds is missing")
def test_utf8_misreading_agrees_with_ftfy_on_the_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _misread_lines()
    taken = [line for line in lines if _assert_agrees_with_ftfy(line, DEFAULTS)]
    assert len(taken) > len(lines) / 4  # the shortcut takes the plain misreadings
    for line in taken[::7]:
        fast = _line_edits(line, _ftfy_config(DEFAULTS, False), DEFAULTS)
        assert fast == _slow_line_edits(line, DEFAULTS, monkeypatch)


@pytest.mark.parametrize(
    "config",
    [Config(uncurl_quotes=True), Config(fix_line_breaks=True), Config(normalization=None)],
    ids=["uncurl_quotes", "fix_line_breaks", "no normalization"],
)
def test_utf8_misreading_agrees_with_ftfy_under_other_options(config: Config) -> None:
    for line in ["KÃ¸benhavn og Ã…rhus\r\n", "â€œpÃ¥â€\x9d og â€˜sÃ¥â€™\n", "cafe\u0301 Ã¦"]:
        _assert_agrees_with_ftfy(line, config)


@given(clean_danish_text(), st.sampled_from(UTF8_MISREADINGS), st.text(TRICKY_CHARACTERS))
def test_utf8_misreading_agrees_with_ftfy(clean: str, name: str, noise: str) -> None:
    damaged = misread(clean, name) or clean
    for line in (damaged, damaged + noise, noise + damaged):
        _assert_agrees_with_ftfy(line, DEFAULTS)


def test_utf8_misreading_leaves_other_cases_to_ftfy() -> None:
    assert utf8_misreading("København", DEFAULTS) is None  # nothing to repair
    assert utf8_misreading("Ã  la carte", DEFAULTS) is None  # a lost no-break space
    assert utf8_misreading("KÃƒÂ¸benhavn", DEFAULTS) is None  # two layers
    assert utf8_misreading("KÃ¸benhavn &amp; Ã…rhus", DEFAULTS) is None  # an entity
    assert utf8_misreading("KÃ¸benhavn", Config(fix_encoding=False)) is None
    assert utf8_misreading("KÃ¸benhavn", DEFAULTS) == ("København", "latin-1")
    assert utf8_misreading("KÃ¸benhavn â€œja", DEFAULTS) == ("København “ja", "sloppy-windows-1252")


@pytest.mark.parametrize(
    "before",
    [
        "(KÃ¸benhavn), Ã…rhus og Ã¦blet.",
        "Ã¦bleÂ\u00a0KÃ¸ge",  # a no-break space: the words do not pair up as they are
        "pÃ¥ - â€œjaâ€\x9d\n",
    ],
)
def test_respelled_word_edits_are_diff_edits(before: str) -> None:
    after = before.encode("sloppy-windows-1252").decode("utf-8")
    expected = [edit.shifted(7) for edit in diff_edits(before, after, "k", 0.5, "why")]
    assert respelled_word_edits(before, after, "k", confidence=0.5, reason="why", offset=7) == (
        expected
    )


# Pieces of lines like placeholder damage: ASCII words, U+FFFD in and between them, and
# safe characters on their own or (rarely) beside another one.
_REPLACEMENT_PIECES = [*"ab \t\r\n.,?1&;#", "g\ufffdr ", "p\ufffd", " \ufffd "] * 8
_REPLACEMENT_PIECES += [f" {char} " for char in SAFE_TEXT_CHARS] + list(SAFE_TEXT_CHARS)


@pytest.mark.parametrize(
    "config",
    [DEFAULTS, Config(uncurl_quotes=True), Config(fix_line_breaks=True)],
    ids=["defaults", "uncurl_quotes", "fix_line_breaks"],
)
@given(text=st.lists(st.sampled_from(_REPLACEMENT_PIECES), max_size=16).map("".join))
def test_lines_only_replacement_characters_send_to_ftfy_are_left_alone(
    config: Config, text: str
) -> None:
    if _only_replacement_characters(text, config):
        explained = ftfy.fix_and_explain(text, _ftfy_config(config, "<" in text))
        assert (explained.text, explained.explanation) == (text, [])


@pytest.mark.skipif(not SEED_FILES, reason="fixtures/seeds is missing")
def test_placeholder_damage_by_replacement_characters_skips_ftfy() -> None:
    lines = [placeholder(line, "\ufffd") for line in _seed_lines()]
    skipped = [line for line in lines if _only_replacement_characters(line, DEFAULTS)]
    assert len(skipped) > len([line for line in lines if "\ufffd" in line]) / 2
    for line in skipped:
        explained = ftfy.fix_and_explain(line, _ftfy_config(DEFAULTS, "<" in line))
        assert (explained.text, explained.explanation) == (line, [])


def _plain_needs_ftfy(config: Config) -> re.Pattern[str]:
    """`needs_ftfy` as the alternation of its three cases."""
    safe = SAFE_TEXT_CHARS
    if config.uncurl_quotes:
        safe = "".join(c for c in safe if c not in "\u2018\u2019\u201a\u201c\u201d\u201e")
    if config.normalization is not None:
        safe = "".join(c for c in safe if unicodedata.normalize(config.normalization, c) == c)
    breaks = "\t\n" if config.fix_line_breaks else "\t\n\r"
    return re.compile(f"[^{breaks}\x20-\x7e{safe}]|[{safe}]{{2}}|&#?[0-9A-Za-z]{{1,24}};")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


_EVERY_CHARACTER = "".join(chr(c) for c in range(0x3_0000) if not 0xD800 <= c < 0xE000)


@pytest.mark.parametrize(
    "config",
    [DEFAULTS, Config(uncurl_quotes=True), Config(fix_line_breaks=True)],
    ids=["defaults", "uncurl_quotes", "fix_line_breaks"],
)
def test_needs_ftfy_matches_its_three_cases(config: Config) -> None:
    plain, fast = _plain_needs_ftfy(config), needs_ftfy(config)
    for text in [_EVERY_CHARACTER, "a &amp; b &#248; &#x; &x", "æø å\r\n“”", *_seed_lines()]:
        assert _spans(fast, text) == _spans(plain, text)


@given(st.text(st.sampled_from("aæøå&#;x1 \r\n“’\u0301\x85☃"), max_size=16))
def test_needs_ftfy_matches_its_three_cases_anywhere(text: str) -> None:
    assert _spans(needs_ftfy(DEFAULTS), text) == _spans(_plain_needs_ftfy(DEFAULTS), text)


def test_placeholder_candidates_match_the_alternation() -> None:
    plain = re.compile(rf"[À-ÖØ-Þ]|{placeholders._MARK}")
    assert _spans(placeholders._CANDIDATE, _EVERY_CHARACTER) == _spans(plain, _EVERY_CHARACTER)


def test_lexicon_by_initial_holds_the_whole_lexicon() -> None:
    whole = _datafiles.load_lexicon()
    data = _datafiles.read_lexicon()
    initials = _datafiles.initials(data)
    assert initials == sorted({form[:1] for form in whole})
    parts = {initial: _datafiles.forms_with_initial(data, initial) for initial in initials}
    assert sum(len(forms) for forms in parts.values()) == len(whole)
    for initial, forms in parts.items():
        assert all(form[:1] == initial for form in forms)
    for initial in ["\x00", "\n", "0", "{", "\uffff", "\U0010ffff"]:
        assert _datafiles.forms_with_initial(data, initial) == {
            form: None for form in whole if form[:1] == initial
        }
    for form in list(whole)[::997]:
        assert lexicon.has_form(form) and lexicon.is_word(form)
        assert not lexicon.has_form(form + "\x00")
    assert not lexicon.has_form("") and not lexicon.is_word("")


def test_an_initial_is_one_character() -> None:
    with pytest.raises(ValueError, match="one character"):
        _datafiles.forms_with_initial(b"", "ab")


def test_preload_reads_every_initial_and_no_other() -> None:
    assert not lexicon.is_word("\U0001f600")  # no form begins with it: nothing is kept
    lexicon.preload()
    assert sorted(lexicon._forms) == _datafiles.initials(_datafiles.read_lexicon())


def _recurring_titles(text: str) -> dict[str, int]:
    return {
        title: len(found)
        for title, found in headers._candidates(text).items()
        if len(found) >= headers._FEWEST_PAGES
    }


def test_running_header_search_keeps_every_recurring_title(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = "Lorem ipsum dolor sit amet og mere tekst om sagen. " * 8
    texts = [path.read_text("utf-8") for path in SEED_FILES]
    texts.append("".join(f"{page}A B {n} c {page}Budget 2018 {n} tekst\n" for n in range(1, 6)))
    texts.append("".join(f"xy {n} ab A B {n + 1}\n" for n in range(9)))
    for text in texts:
        fast = _recurring_titles(text)
        with monkeypatch.context() as patch:
            patch.setattr(headers, "_recurring_endings", lambda text, numbers: numbers)
            assert _recurring_titles(text) == fast


@given(st.text(st.sampled_from("abæøÅé 1_-\n\t\u00a0\u2028"), max_size=16))
def test_word_patterns_match_as_tried_everywhere(text: str) -> None:
    everywhere = {
        DANISH_WORD_RE: re.compile(r"[^\W\d_]*[æøåÆØÅ][^\W\d_]*"),
        plausibility._NON_ASCII_TOKEN: re.compile(r"\S*[^\x00-\x7f]\S*"),
    }
    for pattern, plain in everywhere.items():
        assert _spans(pattern, text) == _spans(plain, text)


@given(st.text(st.sampled_from("ab, \n1_"), max_size=12))
def test_word_before_a_page_number_is_found_near_it(content: str) -> None:
    for start in range(len(content) + 1):
        assert headers._mid_sentence(content, start, start) == (
            bool(headers._WORD_BEFORE.search(content, 0, start))
            and bool(headers._WORD_AFTER.match(content, start))
        )


def test_no_fix_runs_twice_on_the_same_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[tuple[str, str]] = Counter()
    phases = []
    for phase in fixing._PHASES:
        counted = []
        for fix in phase:

            def count(text: str, config: Config, fix: fixing.Fix = fix) -> list[object]:
                calls[fix.__name__, text] += 1
                return fix(text, config)  # type: ignore[return-value]

            counted.append(count)
        phases.append(tuple(counted))
    monkeypatch.setattr(fixing, "_PHASES", tuple(phases))
    damaged = "KÃ¸benhavn og K›benhavn fÅr et nyt\n\nbibliotek pÅ havnen, fÅr vi at vide.\n"
    assert fix_and_explain(damaged).text == (
        "København og København får et nyt\n\nbibliotek på havnen, får vi at vide.\n"
    )
    assert max(calls.values()) == 1


def test_ftfy_edits_of_a_whole_text_are_those_of_its_lines() -> None:
    text = "KÃ¸benhavn\nog â€œÃ…rhusâ€\x9d\nclean line\n"
    edits = ftfy_edits(text, DEFAULTS)
    config = _ftfy_config(DEFAULTS, False)
    expected = [
        edit.shifted(offset)
        for offset, line in lines_with_offsets(text)
        for edit in _line_edits(line, config, DEFAULTS)
    ]
    assert edits == expected
