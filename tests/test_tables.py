"""Tables: every table of the seeds rebuilt as its hand-written grid, and no table in prose.

The expected grids are in ``fixtures/tables/*.json`` (see its README): header, rows,
the value of every cell, and the notes each table must carry.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dkfix.tables import Table, find_tables

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "fixtures" / "tables").glob("*.json"))
CORPORA = ROOT.parent / "shared" / "corpora"
SEED_004 = ROOT / "fixtures" / "seeds" / "004_9f5ec77289a6f8e8.txt"


def _load(path: Path) -> dict[str, Any]:
    # Numbers are read as Decimal, as to_records() gives them.
    data: dict[str, Any] = json.loads(
        path.read_text(encoding="utf-8"), parse_float=Decimal, parse_int=Decimal
    )
    return data


def _source(fixture: dict[str, Any]) -> str:
    return (ROOT / str(fixture["source"])).read_text(encoding="utf-8")


def _expected_tables() -> list[tuple[str, int]]:
    return [(path.name, n) for path in FIXTURES for n in range(len(_load(path)["tables"]))]


@pytest.fixture(scope="module")
def found() -> dict[str, list[Table]]:
    return {path.name: find_tables(_source(_load(path))) for path in FIXTURES}


def _line_span(text: str, first: int, last: int) -> tuple[int, int]:
    lines = text.splitlines(keepends=True)
    start = sum(len(line) for line in lines[: first - 1])
    end = (
        sum(len(line) for line in lines[:last])
        - len(lines[last - 1])
        + len(lines[last - 1].rstrip("\r\n"))
    )
    return start, end


# -- the seeds, table by table ------------------------------------------------


@pytest.mark.parametrize("name", [path.name for path in FIXTURES])
def test_every_table_is_found_and_nothing_else(name: str, found: dict[str, list[Table]]) -> None:
    fixture = _load(ROOT / "fixtures" / "tables" / name)
    text = _source(fixture)
    expected = [_line_span(text, int(t["lines"][0]), int(t["lines"][1])) for t in fixture["tables"]]
    assert [table.span for table in found[name]] == expected


@pytest.mark.parametrize(("name", "index"), _expected_tables())
def test_grid_matches_the_hand_written_one(
    name: str, index: int, found: dict[str, list[Table]]
) -> None:
    expected = _load(ROOT / "fixtures" / "tables" / name)["tables"][index]
    table = found[name][index]
    assert table.kind == expected["kind"]
    assert table.header == expected["header"]
    assert table.rows == expected["rows"]
    if "groups" in expected:
        assert table.column_groups == [tuple(pair) for pair in expected["groups"]]


@pytest.mark.parametrize(("name", "index"), _expected_tables())
def test_values_match_the_hand_written_ones(
    name: str, index: int, found: dict[str, list[Table]]
) -> None:
    pytest.importorskip("dkfix.numbers")
    expected = _load(ROOT / "fixtures" / "tables" / name)["tables"][index]
    table = found[name][index]
    records = table.to_records()
    assert [list(record.values()) for record in records] == expected["values"]
    for record, values in zip(records, expected["values"], strict=True):
        for value, wanted in zip(record.values(), values, strict=True):
            assert type(value) is type(wanted)  # Decimal, str or None: never a number as text


@pytest.mark.parametrize(("name", "index"), _expected_tables())
def test_notes_say_what_was_repaired_and_checked(
    name: str, index: int, found: dict[str, list[Table]]
) -> None:
    expected = _load(ROOT / "fixtures" / "tables" / name)["tables"][index]
    notes = found[name][index].notes
    for fragment in expected["notes"]:
        assert any(fragment in note for note in notes), (fragment, notes)
    assert not [note for note in notes if note.startswith("check failed")]


def test_span_indexes_the_text_exactly(found: dict[str, list[Table]]) -> None:
    text = SEED_004.read_text(encoding="utf-8")
    tables = found[SEED_004.with_suffix(".json").name]
    table_1 = next(t for t in tables if t.rows and t.rows[0][0] == "I alt på landsplan")
    start, end = table_1.span
    assert text[start:end].startswith("\tAfgørelser i alt Antal")
    assert text[start:end].endswith(
        "<b>Voksenområdet Herning Kommune</b>\t28\t42,9 %\t12\t3,6 %\t1\t39,3 %\t11"
    )


def test_seed_004_passes_its_checks_only_when_1881_is_a_thousand_and_more() -> None:
    pytest.importorskip("dkfix.numbers")
    misread = SEED_004.read_text(encoding="utf-8").replace("1.881", "1,881")
    [table_2] = [
        t
        for t in find_tables(misread)
        if t.rows and t.rows[0][0] == "På landsplan" and "1,881" in t.rows[0]
    ]
    failed = [note for note in table_2.notes if note.startswith("check failed")]
    assert failed
    assert "1,881" in failed[0]


# -- repairs, one at a time ---------------------------------------------------


def test_a_label_only_row_that_does_not_continue_its_label_stays_a_row() -> None:
    text = "Område\tAntal\nBørn\t3\nVoksne\t\nPlejehjem\t4\n"
    [table] = find_tables(text)
    assert table.rows == [["Børn", "3"], ["Voksne", ""], ["Plejehjem", "4"]]
    assert any("only a label" in note for note in table.notes)


def test_a_label_continued_in_lower_case_is_joined() -> None:
    [table] = find_tables("Område\tAntal\nBørn og\t3\nunge\t\nVoksne\t4\n")
    assert table.rows == [["Børn og unge", "3"], ["Voksne", "4"]]


def test_rows_are_padded_and_trailing_tabs_dropped() -> None:
    [table] = find_tables("Navn\tA\tB\nx\t1\ny\t2\t3\t\t\n")
    assert table.rows == [["x", "1", ""], ["y", "2", "3"]]
    assert any("padded" in note for note in table.notes)
    assert any("trailing tabs dropped" in note for note in table.notes)


def test_a_table_of_contents_with_spaced_leaders() -> None:
    text = "Indhold\n\nIndledning . . . . . . 3\nMetode ........ 7\nResultater …… 12\n"
    [table] = find_tables(text)
    assert table.kind == "contents"
    assert table.rows == [["Indledning", "3"], ["Metode", "7"], ["Resultater", "12"]]


def test_a_flattened_grid_with_a_mark_out_of_place_is_not_guessed() -> None:
    [table] = find_tables("AB\n\nCD\n\nEF\n\nX\n\nX\n")
    assert table.rows == []
    assert "column positions lost: 2 marks (X X) under 3 columns" in table.notes[0]


def test_crlf_text_gives_exact_spans() -> None:
    text = "Intro\r\n\r\nTilbud\tAntal\r\nPPR\t15\r\nUngMod\t2\r\n\r\nSlut"
    [table] = find_tables(text)
    assert text[table.span[0] : table.span[1]] == "Tilbud\tAntal\r\nPPR\t15\r\nUngMod\t2"


# -- output -------------------------------------------------------------------

TABLE = Table(["Tilbud", "Antal | i alt"], [["PPR, Herning", "1.881"], ["Åben", ""]], (0, 0))


def test_to_csv_quotes_what_needs_it() -> None:
    assert TABLE.to_csv() == 'Tilbud,Antal | i alt\n"PPR, Herning",1.881\nÅben,\n'


def test_to_markdown_escapes_pipes_and_leaves_numbers() -> None:
    assert TABLE.to_markdown().splitlines() == [
        "| Tilbud | Antal \\| i alt |",
        "| --- | --- |",
        "| PPR, Herning | 1.881 |",
        "| Åben |  |",
    ]


def test_to_pandas_gives_the_records() -> None:
    pytest.importorskip("dkfix.numbers")
    pandas = pytest.importorskip("pandas")
    frame = TABLE.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["Tilbud", "Antal | i alt"]
    assert frame.iloc[0, 1] == Decimal(1881)


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"dkfix\[pandas\]"):
        TABLE.to_pandas()


def test_repeated_and_empty_header_cells_give_distinct_keys() -> None:
    assert Table(["", "Antal", "Antal", ""], [], (0, 0)).keys == [
        "column (1)",
        "Antal (2)",
        "Antal (3)",
        "column (4)",
    ]


def test_find_tables_refuses_bytes() -> None:
    with pytest.raises(TypeError, match="takes str"):
        find_tables(b"a\tb\nc\td\n")  # type: ignore[arg-type]


# -- prose yields no tables ---------------------------------------------------


@pytest.mark.parametrize(
    "seed", ["000_fa9871aa47e9117d.txt", "001_495e8ae0a6aa1438.txt", "003_a3d5cadb0ea245bc.txt"]
)
def test_seeds_without_tables_give_none(seed: str) -> None:
    assert find_tables((ROOT / "fixtures" / "seeds" / seed).read_text(encoding="utf-8")) == []


def test_prose_paragraphs_of_the_table_seeds_give_none() -> None:
    for seed in sorted((ROOT / "fixtures" / "seeds").glob("*.txt")):
        paragraphs = [
            line
            for line in seed.read_text(encoding="utf-8").splitlines()
            if len(line) > 80 and "\t" not in line
        ]
        assert paragraphs
        assert find_tables("\n\n".join(paragraphs)) == [], seed.name


def test_clean_corpora_give_no_tables() -> None:
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is not available")
    for path in sorted(CORPORA.glob("*/*.txt")):
        with path.open(encoding="utf-8") as lines:
            text = "".join(line for _, line in zip(range(2000), lines, strict=False))
        assert find_tables(text) == [], path.name


# -- any text at all ----------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\xa0",
        " ",
        "X",
        "DIR",
        "ØKE",
        "BYR",
        ".....",
        "…",
        "12",
        "1.881",
        "44,9 %",
        "I alt",
        "Kommune",
        "<b>",
        "</b>",
        "&amp;",
        "-",
        "–",
        "Å",
        "|",
        "a",
    ]
)
_TABLEISH = st.lists(_PIECES, max_size=60).map("".join)


def _assert_sound(text: str) -> None:
    tables = find_tables(text)
    previous_end = 0
    for table in tables:
        start, end = table.span
        assert previous_end <= start <= end <= len(text)
        previous_end = end
        assert all(len(row) == len(table.header) for row in table.rows)
        table.to_csv()
        table.to_markdown()


@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text: str) -> None:
    _assert_sound(text)


@given(_TABLEISH)
def test_table_like_text_is_read_without_error(text: str) -> None:
    _assert_sound(text)
    for table in find_tables(text):
        table.to_records()


@pytest.mark.parametrize(
    "text",
    [
        "\t" * 100_000,
        "." * 100_000,
        ("a" + "." * 100_000 + "\t3\n") * 3,
        ("a\t" * 50_000 + "\n") * 2,
        "<b " * 50_000 + "\tx\ny\tz\n",
        "AB\n\n" * 50_000,
        "h\tk\na\t1\n" + "b\t\n" * 50_000,
        ("DIR BFU SOS\nX\n") * 10_000,
    ],
    ids=["tabs", "dots", "leaders", "wide", "tags", "codes", "labels", "grids"],
)
def test_pathological_lines_are_read(text: str) -> None:
    _assert_sound(text)
