"""Documents per second of datatrove's FTFYFormatter and of DkfixFormatter, on the same documents.

The documents are clean Danish, whole paragraphs gathered into records of about 2,000
characters: the UD Danish treebank and NTREX news from ``../shared/corpora``, or the
bundled seed documents if that is absent (see devsets.py). They are written to a JSONL
file and read back with datatrove's ``JsonlReader``, as a pipeline would, then given to
each formatter's ``run`` in this process (no executor: its start-up would swamp the
figure). Four inputs:

* clean: what most of a corpus is; both formatters must leave it as it is;
* UTF-8 read as cp1252 (``KÃ¸benhavn``): ftfy's home ground;
* cp865 read as cp1252 (``K›benhavn``): DOS mojibake, which only dkfix repairs;
* mixed: 90 % clean, 5 % of each misreading, closer to a real crawl.

For each: documents per second (best of ``--repeat`` passes over fresh copies of the
documents, one core) and the share of documents that came out exactly as they were before
the misreading (for cp865, as far as cp865 can hold them: a character it lacks became "?"
when the file was written, and no fixer can know what it was). Both formatters run with
their defaults; dkfix's word data is loaded before timing (its first-call cost is in
bench_speed.py).

    python benchmarks/bench_datatrove.py [--docs N] [--repeat N] [--seeds-only]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ftfy.bad_codecs  # noqa: F401  # registers "sloppy-windows-1252", as bench_speed.py does
from datatrove.data import Document
from datatrove.pipeline.formatters import FTFYFormatter
from datatrove.pipeline.readers import JsonlReader
from loguru import logger  # datatrove logs through loguru

from devsets import CORPORA, corpus_paragraphs, seed_paragraphs
from dkfix.integrations.datatrove import DkfixFormatter

DOCUMENT_SIZE = 2000  # characters
MIXED_EVERY = 20  # in the mixed input, every 20th document has each misreading: 5 % each

Misreading = Callable[[str], str]
MISREADINGS: dict[str, Misreading] = {
    "utf-8 as cp1252": lambda text: text.encode("utf-8").decode("sloppy-windows-1252"),
    "cp865 as cp1252": lambda text: text.encode("cp865", "replace").decode("sloppy-windows-1252"),
}


def clean_documents(paragraphs: list[str], limit: int) -> list[str]:
    """Up to `limit` documents of about DOCUMENT_SIZE characters of whole `paragraphs`."""
    documents: list[str] = []
    current: list[str] = []
    for paragraph in paragraphs:
        current.append(paragraph)
        if sum(len(p) + 2 for p in current) >= DOCUMENT_SIZE:
            documents.append("\n\n".join(current) + "\n")
            current = []
            if len(documents) == limit:
                break
    return documents


def inputs(clean: list[str]) -> dict[str, list[tuple[str, str]]]:
    """The four inputs, each as long as `clean`: (misread text, what it should be fixed to)."""
    misread = {
        "clean": [(text, text) for text in clean],
        "utf-8 as cp1252": [(MISREADINGS["utf-8 as cp1252"](text), text) for text in clean],
        "cp865 as cp1252": [
            (MISREADINGS["cp865 as cp1252"](text), text.encode("cp865", "replace").decode("cp865"))
            for text in clean
        ],
    }
    kinds = ("clean", "utf-8 as cp1252", "cp865 as cp1252")
    misread["mixed"] = [
        misread[kinds[i % MIXED_EVERY if i % MIXED_EVERY < len(kinds) else 0]][i]
        for i in range(len(clean))
    ]
    return misread


def read_back(texts: list[str], folder: Path) -> list[Document]:
    """Write `texts` as JSONL and read them with datatrove's reader, as a pipeline would."""
    path = folder / "docs.jsonl"
    with path.open("w", encoding="utf-8") as file:
        for number, text in enumerate(texts):
            file.write(json.dumps({"id": str(number), "text": text}, ensure_ascii=False) + "\n")
    documents = list(JsonlReader(str(folder), glob_pattern="docs.jsonl").run())
    path.unlink()
    return documents


def fresh(documents: list[Document]) -> Iterator[Document]:
    for doc in documents:
        yield Document(doc.text, doc.id, metadata=dict(doc.metadata))


def best_pass(
    step_factory: Callable[[], Any], documents: list[Document], repeat: int
) -> tuple[float, list[str]]:
    """The fastest of `repeat` passes (seconds) and the texts of the last one."""
    best, texts = float("inf"), []
    for _ in range(repeat):
        step = step_factory()
        start = time.perf_counter()
        texts = [doc.text for doc in step.run(fresh(documents))]
        best = min(best, time.perf_counter() - start)
    return best, texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--docs", type=int, default=1000, help="documents per input, at most (default 1000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best counts")
    parser.add_argument("--seeds-only", action="store_true", help="ignore ../shared/corpora")
    args = parser.parse_args()
    logger.disable("datatrove")  # one line per file read would bury the table

    seeds = args.seeds_only or not CORPORA.is_dir()
    paragraphs = (
        seed_paragraphs() if seeds else corpus_paragraphs("ud-ddt") + corpus_paragraphs("news")
    )
    clean = clean_documents(paragraphs, args.docs)
    print(
        f"{len(clean)} documents of ~{DOCUMENT_SIZE} characters from "
        f"{'fixtures/seeds' if seeds else '../shared/corpora'}, best of {args.repeat}"
    )
    DkfixFormatter().format(MISREADINGS["cp865 as cp1252"]("Kærlig hilsen fra Ærø"))  # load data

    steps: dict[str, Callable[[], Any]] = {"ftfy": FTFYFormatter, "dkfix": DkfixFormatter}
    print(
        f"{'input':<16} {'ftfy docs/s':>12} {'dkfix docs/s':>13} {'dkfix/ftfy':>11}"
        f" {'ftfy exact':>11} {'dkfix exact':>12}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name, pairs in inputs(clean).items():
            documents = read_back([text for text, _ in pairs], Path(folder))
            rates, exact = {}, {}
            for label, factory in steps.items():
                seconds, fixed = best_pass(factory, documents, args.repeat)
                rates[label] = len(documents) / seconds
                right = sum(text == want for text, (_, want) in zip(fixed, pairs, strict=True))
                exact[label] = right / len(pairs)
            print(
                f"{name:<16} {rates['ftfy']:>12,.0f} {rates['dkfix']:>13,.0f}"
                f" {rates['dkfix'] / rates['ftfy']:>11.2f}"
                f" {exact['ftfy']:>11.1%} {exact['dkfix']:>12.1%}"
            )


if __name__ == "__main__":
    main()
