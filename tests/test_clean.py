"""clean(): one call from text or bytes to clean text, its tables and its numbers.

Checked here: the order of the steps (letters before layout before tables and numbers),
the table forms, that cleaning twice changes nothing on every seed, that the edits
replay and nothing outside them changes, and that no str or bytes makes it raise.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dkfix
from dkfix import Cleaned, Config, apply_edits, clean, find_numbers, find_tables
from dkfix.config import LAYOUT_FIXES
from strategies import SEED_FILES, arbitrary_text, clean_danish_text, damaged_danish_text

ROOT = Path(__file__).resolve().parents[1]
TABLE_FIXTURES = ROOT / "fixtures" / "tables"
SEED_004 = next(path for path in SEED_FILES if path.name.startswith("004_"))
FORMS = ("keep", "tabs", "markdown")
ALL_LAYOUT = Config(**{name: True for name in LAYOUT_FIXES})

any_text = st.one_of(clean_danish_text(), damaged_danish_text(), arbitrary_text())


# -- the call ----------------------------------------------------------------------


def test_clean_is_exported() -> None:
    assert dkfix.clean is clean
    assert dkfix.Cleaned is Cleaned


def test_text_in() -> None:
    text = "K›benhavn har 1.881 sager, 44,9 %"
    result = clean(text)
    assert result.text == "København har 1.881 sager, 44,9 %"
    assert result.encoding is None
    assert result.original == text
    assert [edit.kind for edit in result.edits] == ["fix_code_pages"]
    assert [number.text for number in result.numbers] == ["1.881", "44,9 %"]
    assert result.tables == []


def test_bytes_in() -> None:
    result = clean("Grønkjær på Ærø".encode("cp865"))
    assert (result.text, result.encoding, result.original) == (
        "Grønkjær på Ærø",
        "cp865",
        result.text,
    )


def test_options_as_for_fix_text() -> None:
    text = "FN´s mål\u00a0\n"
    assert clean(text).text == text
    assert clean(text, fix_acute_apostrophes=True, remove_stray_nbsp=True).text == "FN's mål\n"
    assert clean(text, Config(remove_stray_nbsp=True)).text == "FN´s mål\n"


@pytest.mark.parametrize("wrong", [None, 12, ["tekst"], Path("tekst.txt")])
def test_what_is_not_text_or_bytes_is_a_type_error(wrong: Any) -> None:
    with pytest.raises(TypeError, match=r"dkfix\.clean\(\) takes str or bytes"):
        clean(wrong)


def test_an_unknown_table_form_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="keep, tabs, markdown"):
        clean("tekst", tables="html")  # type: ignore[arg-type]


def test_a_wrong_config_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"dkfix\.Config"):
        clean("tekst", {"uncurl_quotes": True})  # type: ignore[arg-type]


# -- the order of the steps ----------------------------------------------------------


def test_letters_are_repaired_before_the_layout() -> None:
    """The hyphenated halves are only known to the lexicon once their letters are right."""
    assert clean("Vi fik et fÃ¦lles-\nskab i kommunen.").text == "Vi fik et fællesskab\ni kommunen."


def test_numbers_are_read_after_the_letters() -> None:
    result = clean("Ã…rlig pulje pÃ¥ 300 mio kr og 44,9%", normalize_numbers="da")
    assert result.text == "Årlig pulje på 300 mio. kr. og 44,9 %"
    assert [(n.text, n.kind) for n in result.numbers] == [
        ("300 mio. kr.", "amount"),
        ("44,9 %", "percent"),
    ]
    assert apply_edits(result.original, result.edits) == result.text


def test_table_spans_follow_the_numbers_written_after_them() -> None:
    result = clean(SEED_004.read_bytes(), normalize_numbers="plain")
    assert any(edit.kind == "normalize_numbers" for edit in result.edits)
    assert [t.span for t in result.tables] == [t.span for t in find_tables(result.text)]
    assert result.numbers == find_numbers(result.text)


def test_numbers_and_tables_are_found_in_the_clean_text() -> None:
    result = clean(SEED_004.read_bytes(), normalize_numbers="da", tables="markdown")
    assert result.numbers == find_numbers(result.text)
    for table in result.tables:
        start, end = table.span
        assert result.text[start:end].startswith("|" if table.rows else table.header[0])


# -- the seeds -------------------------------------------------------------------------


def _cleaned(path: Path, form: str) -> Cleaned:
    return clean(path.read_bytes(), tables=form)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: path.name)
def test_cleaning_a_seed_twice_changes_nothing(path: Path) -> None:
    once = _cleaned(path, "keep")
    twice = clean(once.text)
    assert twice.text == once.text
    assert twice.edits == []
    assert apply_edits(once.original, once.edits) == once.text


@pytest.mark.parametrize("form", ["tabs", "markdown"])
@pytest.mark.parametrize("seed", ["002_", "004_"])
def test_written_tables_are_stable(seed: str, form: str) -> None:
    path = next(path for path in SEED_FILES if path.name.startswith(seed))
    once = _cleaned(path, form)
    assert clean(once.text, tables=form).text == once.text  # type: ignore[arg-type]
    assert apply_edits(once.original, once.edits) == once.text


def _expected_tables(path: Path) -> list[tuple[list[str], list[list[str]]]]:
    """The seed's hand-written tables; for seed 004 "Punkt 96" as its repair reads."""
    fixture = json.loads((TABLE_FIXTURES / f"{path.stem}.json").read_text("utf-8"))
    tables = [(t["header"], t["rows"]) for t in fixture["tables"]]
    if path == SEED_004:
        repaired = json.loads((TABLE_FIXTURES / "004_punkt96.json").read_text("utf-8"))
        text = path.read_text(encoding="utf-8")
        section = (text.index("# Punkt 96"), text.index("# Punkt 97"))
        inside = [
            i for i, t in enumerate(find_tables(text)) if section[0] <= t.span[0] < section[1]
        ]
        assert len(inside) == len(repaired["tables"])
        for index, table in zip(inside, repaired["tables"], strict=True):
            tables[index] = (table["header"], table["rows"])
    return tables


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda path: path.name)
def test_the_tables_of_the_seeds_are_read_from_the_clean_text(path: Path) -> None:
    result = _cleaned(path, "keep")
    assert [(t.header, t.rows) for t in result.tables] == _expected_tables(path)
    assert [t.span for t in result.tables] == [t.span for t in find_tables(result.text)]


@pytest.mark.parametrize("form", ["tabs", "markdown"])
def test_tables_are_written_in_the_form_asked(form: str) -> None:
    kept = _cleaned(SEED_004, "keep")
    written = _cleaned(SEED_004, form)
    assert [(t.header, t.rows) for t in written.tables] == [(t.header, t.rows) for t in kept.tables]
    for table in written.tables:
        text = written.text[table.span[0] : table.span[1]]
        if not table.rows:  # marks whose columns were lost stay as they were found
            assert "\t" not in text and "|" not in text
        elif form == "markdown":
            assert text == table.to_markdown()
        else:
            assert text.split("\n") == ["\t".join(row) for row in [table.header, *table.rows]]
    assert {e.kind for e in written.edits} - {e.kind for e in kept.edits} == {"tables"}


# -- any input ---------------------------------------------------------------------------


def _unchanged_outside_the_edits(original: str, result: Cleaned) -> bool:
    """True if every stretch of `original` between edits is in the result, in order."""
    position = output = 0
    for edit in result.edits:
        gap = original[position : edit.start]
        if result.text[output : output + len(gap)] != gap:
            return False
        output += len(gap) + len(edit.replacement)
        position = edit.end
    return result.text[output:] == original[position:]


@given(any_text)
def test_the_edits_replay_and_nothing_else_changes(text: str) -> None:
    result = clean(text, ALL_LAYOUT)
    assert result.original == text
    assert apply_edits(text, result.edits) == result.text
    assert _unchanged_outside_the_edits(text, result)


@settings(max_examples=50)
@given(any_text)
def test_cleaning_is_stable(text: str) -> None:
    once = clean(text, ALL_LAYOUT, tables="tabs")
    assert clean(once.text, ALL_LAYOUT, tables="tabs").text == once.text


@settings(max_examples=50)
@given(st.binary(max_size=200))
def test_no_bytes_make_it_raise(data: bytes) -> None:
    result = clean(data)
    assert isinstance(result.text, str) and isinstance(result.encoding, str)
    assert apply_edits(result.original, result.edits) == result.text
