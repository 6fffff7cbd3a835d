"""The HTML page written beside the JSONL report: totals, a chart of the edits, the files.

One self-contained page an archivist can open in any browser: no JavaScript, no
external style sheet, font or image; the chart is inline SVG. Every path, reason
and word from the files is escaped, so a file named ``<script>…`` is shown as text.
A run over many thousands of files lists at most `MAX_ROWS` of them (the changed,
skipped and failed ones first) so that the page stays usable; the JSONL report
always has every file.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence

from .__about__ import __version__
from ._cli_io import visible
from ._cli_results import FileResult

MAX_ROWS = 1000
MAX_FLAGGED = 200
_BAR_PIXELS = 320
_BAR_HEIGHT = 22
_LABEL_PIXELS = 210
_STATUSES = ("fixed", "unchanged", "skipped", "error")

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.fixed td.s { color: #05620f; } tr.skipped td.s { color: #8a5a00; }
tr.error td.s { color: #b00020; font-weight: bold; }
code { font-size: 0.95em; word-break: break-all; }
p.note { color: #555; }
"""


def html_report(
    results: Sequence[FileResult], summary: str, report_name: str, *, interrupted: bool
) -> str:
    """The page for `results`; `summary` is the summary line, `report_name` the JSONL's name."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>dkfix report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>dkfix report</h1>",
        f"<p>{_text(summary)}</p>",
    ]
    if interrupted:
        parts.append('<p class="note"><strong>The run was interrupted</strong>; ')
        parts.append("these are the files finished before it stopped.</p>")
    parts.extend(_totals(results))
    parts.extend(_edit_chart(results))
    parts.extend(_file_table(results, report_name))
    parts.extend(_flagged_table(results))
    parts.append(f'<p class="note">Made by dkfix {_text(__version__)}.</p></body></html>')
    return "\n".join(parts) + "\n"


def _text(value: object) -> str:
    """Escaped for HTML, with control characters shown as ``\\xNN``."""
    return html.escape(visible(str(value)), quote=True)


def _number(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else _text(value)


def _totals(results: Sequence[FileResult]) -> list[str]:
    statuses = Counter(result.status for result in results)
    rows = [("files", len(results))] + [(status, statuses[status]) for status in _STATUSES]
    resumed = sum(result.resumed for result in results)
    if resumed:
        rows.append(("finished before (--resume)", resumed))
    rows.append(("bytes read", sum(result.bytes_in or 0 for result in results)))
    rows.append(("bytes written", sum(r.bytes_out or 0 for r in results if r.written)))
    cells = "".join(f'<tr><th>{_text(name)}</th><td class="n">{n}</td></tr>' for name, n in rows)
    encodings = Counter(result.encoding for result in results if result.encoding)
    return [
        "<h2>Totals</h2>",
        f"<table>{cells}</table>",
        *(_count_table("Encodings read", ("encoding", "files"), encodings) if encodings else []),
    ]


def _edit_chart(results: Sequence[FileResult]) -> list[str]:
    edits: Counter[str] = Counter()
    for result in results:
        edits.update(result.edits)
    if not edits:
        return ["<h2>Edits</h2>", "<p>No edits.</p>"]
    ranked = edits.most_common()
    most = ranked[0][1]
    height = _BAR_HEIGHT * len(ranked)
    width = _LABEL_PIXELS + _BAR_PIXELS + 80
    bars = []
    for row, (kind, count) in enumerate(ranked):
        y = row * _BAR_HEIGHT
        length = max(1, round(_BAR_PIXELS * count / most))
        bars.append(
            f'<text x="{_LABEL_PIXELS - 8}" y="{y + 15}" text-anchor="end">{_text(kind)}</text>'
            f'<rect x="{_LABEL_PIXELS}" y="{y + 3}" width="{length}" height="{_BAR_HEIGHT - 6}"'
            ' fill="#3b6ea8"/>'
            f'<text x="{_LABEL_PIXELS + length + 6}" y="{y + 15}">{count}</text>'
        )
    return [
        "<h2>Edits by kind</h2>",
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-size="13" role="img" aria-label="edits by kind">{"".join(bars)}</svg>',
        *_count_table("", ("kind", "edits"), edits),
    ]


def _count_table(title: str, header: tuple[str, str], counts: Counter[str]) -> list[str]:
    rows = "".join(
        f'<tr><td>{_text(name)}</td><td class="n">{count}</td></tr>'
        for name, count in counts.most_common()
    )
    heading = [f"<h2>{_text(title)}</h2>"] if title else []
    return [*heading, f"<table><tr><th>{header[0]}</th><th>{header[1]}</th></tr>{rows}</table>"]


def _file_table(results: Sequence[FileResult], report_name: str) -> list[str]:
    shown = list(results) if len(results) <= MAX_ROWS else _worth_a_look(results)[:MAX_ROWS]
    lines = ["<h2>Files</h2>"]
    if len(shown) < len(results):
        lines.append(
            f'<p class="note">{len(shown)} of {len(results)} files are listed: '
            "the changed, skipped and failed ones, in input order. Every file is in "
            f"<code>{_text(report_name)}</code>.</p>"
        )
    lines.append(
        "<table><tr><th>file</th><th>status</th><th>encoding</th><th>edits</th><th>reason</th></tr>"
    )
    lines.extend(_file_row(result) for result in shown)
    lines.append("</table>")
    return lines


def _worth_a_look(results: Iterable[FileResult]) -> list[FileResult]:
    """The files not simply unchanged, in input order."""
    return [result for result in results if result.status != "unchanged"]


def _file_row(result: FileResult) -> str:
    encoding = result.encoding or ""
    if result.encoding and result.confidence is not None:
        encoding += f" ({result.confidence:.2f})"
    edits = ", ".join(f"{kind} {count}" for kind, count in result.edits.items())
    return (
        f'<tr class="{_text(result.status)}"><td><code>{_text(result.path)}</code></td>'
        f'<td class="s">{_text(result.status)}</td><td>{_text(encoding)}</td>'
        f"<td>{_text(edits)}</td><td>{_text(result.reason or '')}</td></tr>"
    )


def _flagged_table(results: Sequence[FileResult]) -> list[str]:
    flagged = [(result.path, entry) for result in results for entry in result.flagged]
    if not flagged:
        return []
    lines = [
        "<h2>Unsure letter restorations, for a person to check</h2>",
        "<table><tr><th>file</th><th>offset</th><th>was</th><th>now</th><th>confidence</th></tr>",
    ]
    for path, entry in flagged[:MAX_FLAGGED]:
        lines.append(
            f"<tr><td><code>{_text(path)}</code></td>"
            f'<td class="n">{_text(entry.get("start"))}</td>'
            f"<td>{_text(entry.get('original'))}</td><td>{_text(entry.get('replacement'))}</td>"
            f'<td class="n">{_number(entry.get("confidence"))}</td></tr>'
        )
    lines.append("</table>")
    if len(flagged) > MAX_FLAGGED:
        lines.append(f'<p class="note">The first {MAX_FLAGGED} of {len(flagged)} are listed.</p>')
    return lines
