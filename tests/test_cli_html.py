"""The HTML page beside the JSONL report: complete, self-contained, and escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dkfix import _cli_html
from dkfix.cli import EXIT_INCOMPLETE, EXIT_OK, EXIT_USAGE, main

MOJIBAKE = "Velkommen til KÃ¸benhavn, hvor der bor mange søde mennesker.\n"
CLEAN = "Blåbærgrød med fløde.\n"
PLACEHOLDERS = "Vi gÅr hjem fÅr jul, og BÅrne- og Familieudvalget fÅlger Åkonomien pÅ omrÅdet.\n"
# The "/" makes it a folder "<script>alert(1)<" holding "script>.txt": a path that reads as HTML.
HOSTILE = "<script>alert(1)</script>.txt"


class Page(HTMLParser):
    """The tags, attributes and text of a page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(f"{name}={value}" for name, value in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "broken.txt").write_text(MOJIBAKE, encoding="utf-8")
    (root / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (root / "punkt.txt").write_text(PLACEHOLDERS, encoding="utf-8")
    (root / HOSTILE).parent.mkdir()
    (root / HOSTILE).write_text(MOJIBAKE, encoding="utf-8")
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return root


def test_the_page_has_totals_a_chart_and_every_file(inputs: Path, tmp_path: Path) -> None:
    report = tmp_path / "reports" / "run.jsonl"
    argv = ["fix", str(inputs), "--out", str(tmp_path / "out"), "--report", str(report)]
    assert main([*argv, "--quiet", "--confidence-threshold", "1"]) == EXIT_INCOMPLETE
    page = Page((tmp_path / "reports" / "run.html").read_text(encoding="utf-8"))
    text = " ".join(page.text)
    assert "svg" in page.tags and "rect" in page.tags
    # Self-contained: no script, no style sheet, image or frame from elsewhere.
    assert not {"script", "link", "img", "iframe", "object"} & set(page.tags)
    assert not [a for a in page.attributes if "http" in a and not a.startswith("xmlns=")]
    for name in ("broken.txt", "clean.txt", "punkt.txt", "picture.png", HOSTILE):
        assert name in text
    kinds = {
        kind
        for line in report.read_text(encoding="utf-8").splitlines()
        for kind in json.loads(line)["edits"]
    }
    assert "restore_placeholders" in kinds
    assert all(kind in text for kind in kinds)
    assert "binary file" in text
    assert "fÅr før" in text  # the unsure restorations, for a person to check


def test_a_hostile_file_name_is_shown_as_text(inputs: Path, tmp_path: Path) -> None:
    report = tmp_path / "run.jsonl"
    argv = ["fix", str(inputs), "--dry-run", "--report", str(report), "--quiet"]
    assert main(argv) == EXIT_INCOMPLETE
    html = (tmp_path / "run.html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in html
    assert "script" not in Page(html).tags


def test_a_long_run_lists_the_files_worth_a_look_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_cli_html, "MAX_ROWS", 3)
    root = tmp_path / "in"
    root.mkdir()
    for index in range(6):
        (root / f"clean{index}.txt").write_text(CLEAN, encoding="utf-8")
    (root / "zz-broken.txt").write_text(MOJIBAKE, encoding="utf-8")
    report = tmp_path / "run.log"  # not .jsonl: the page is run.log.html
    assert main(["fix", str(root), "--dry-run", "--report", str(report), "--quiet"]) == EXIT_OK
    text = " ".join(Page((tmp_path / "run.log.html").read_text(encoding="utf-8")).text)
    assert "zz-broken.txt" in text
    assert "clean0.txt" not in text
    assert "1 of 7 files are listed" in text
    assert "run.log" in text


def test_a_page_that_would_land_on_an_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "run.html"
    source.write_text(CLEAN, encoding="utf-8")
    argv = ["fix", str(source), "--out", str(tmp_path / "out"), "--report"]
    assert main([*argv, str(tmp_path / "run.jsonl")]) == EXIT_USAGE
    assert source.read_text(encoding="utf-8") == CLEAN
