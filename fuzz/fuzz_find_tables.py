"""Fuzz target: find_tables and the Table exports on any str.

Checked besides "no exception": the tables are in order and apart, inside the text;
every row has as many cells as the header; records, CSV and Markdown can be written.
"""

from __future__ import annotations

import harness

harness.instrumented_dkfix()

from dkfix import find_tables  # noqa: E402  (after the instrumentation)


def test_one_input(data: bytes) -> None:
    text = harness.as_text(data)
    position = 0
    for table in find_tables(text):
        start, end = table.span
        assert position <= start <= end <= len(text), table.span
        position = end
        assert all(len(row) == len(table.header) for row in table.rows), table
        assert len(table.to_records()) == len(table.rows)
        table.to_csv()
        table.to_markdown()


if __name__ == "__main__":
    harness.fuzz(test_one_input)
