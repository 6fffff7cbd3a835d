"""Text tables: damaged tables found in a text and rebuilt as clean grids.

`find_tables` returns every table of a text as a `Table`: a header, rows of cleaned
cell text, the span of the text it came from, and notes on what was repaired (inline
HTML, blank lines and continued labels inside a table, tabs lost or left over),
what could not be (grids whose column positions were lost), and which arithmetic
checks held. Three layouts are read: tab-separated rows, grids of marks under
column codes (whole or flattened one cell per line) and tables of contents.

>>> lines = ["\\tSager\\tOmgjort\\tProcent", "I alt\\t27\\t11\\t40,7 %", "Børn\\t20\\t8\\t40,0 %"]
>>> text = "\\n".join([*lines, "Unge\\t7\\t3\\t42,9 %"]) + "\\n"
>>> [table] = find_tables(text)
>>> table.header, table.rows[0], table.span == (0, len(text) - 1)
(['', 'Sager', 'Omgjort', 'Procent'], ['I alt', '27', '11', '40,7 %'], True)
>>> table.to_records()[2]
{'': 'Unge', 'Sager': Decimal('7'), 'Omgjort': Decimal('3'), 'Procent': Decimal('42.9')}
>>> for note in table.notes:
...     print(note)
empty first header cell kept: the column of row labels
checked: row 'I alt' is the sum of rows 'Børn' and 'Unge' in 2 columns
checked: 'Procent' = 'Omgjort' / 'Sager' in 3 rows
"""

from __future__ import annotations

from ._detect import find_tables
from ._model import Table, TableKind

__all__ = ["Table", "TableKind", "find_tables"]
