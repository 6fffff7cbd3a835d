"""Clean Danish development texts for the benchmarks, none of them used to build dkfix's data.

* ``europarl``: ``europarl_da/heldout_dev.txt``, the held-out chunk of the
  Europarl debates (the rest of Europarl trains the bigram model);
* ``ud-ddt``: ``ud_ddt/ddt_dev.txt`` and ``ddt_test.txt``, news, magazines and
  fiction from 1983-92;
* ``news``: ``ntrex128_da/newstest2019-ref.dan.txt``, news from 2019;
* ``seeds``: the municipal documents in ``fixtures/seeds/``, without the
  section of seed 004 that was already damaged when it reached us.

The corpora live in ``../shared/corpora`` beside the repository. They hold one
sentence per line; the loader groups the lines into paragraphs of five,
separated by blank lines, so that damaging "every third paragraph" means
something. The seeds keep their own paragraphs.

    from devsets import load_devsets
    for devset in load_devsets(sample_chars=20_000):
        print(devset.name, len(devset.text))
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
SEEDS = ROOT / "fixtures" / "seeds"

CORPUS_FILES: dict[str, tuple[str, ...]] = {
    "europarl": ("europarl_da/heldout_dev.txt",),
    "ud-ddt": ("ud_ddt/ddt_dev.txt", "ud_ddt/ddt_test.txt"),
    "news": ("ntrex128_da/newstest2019-ref.dan.txt",),
}
DEVSET_NAMES = (*CORPUS_FILES, "seeds")

LINES_PER_PARAGRAPH = 5

# Seed 004's "Punkt 96" (lines 147-185) came to us with every non-ASCII
# character already turned into "Å" by a PDF extractor: damaged, not clean.
_DAMAGED_SEED = "004_"
_DAMAGED_SECTION_START = "# Punkt 96"


@dataclass(frozen=True)
class DevSet:
    """One development text: its name and the clean text, paragraphs separated by blank lines."""

    name: str
    text: str


def load_devsets(
    names: tuple[str, ...] | list[str] = DEVSET_NAMES, *, sample_chars: int | None = None
) -> list[DevSet]:
    """The named development texts, each cut to about `sample_chars` characters if given.

    A sample takes whole paragraphs spread evenly over the text, so it has the
    variety of the whole. Exits with a message if the shared corpora are absent.
    """
    unknown = set(names) - set(DEVSET_NAMES)
    if unknown:
        sys.exit(f"unknown development set(s) {sorted(unknown)}; known: {', '.join(DEVSET_NAMES)}")
    devsets = []
    for name in names:
        paragraphs = seed_paragraphs() if name == "seeds" else corpus_paragraphs(name)
        if sample_chars is not None:
            paragraphs = spread_sample(paragraphs, sample_chars)
        devsets.append(DevSet(name, "\n\n".join(paragraphs) + "\n"))
    return devsets


def corpus_paragraphs(name: str) -> list[str]:
    """The corpus's sentences grouped into paragraphs of `LINES_PER_PARAGRAPH` lines."""
    lines: list[str] = []
    for relative in CORPUS_FILES[name]:
        path = CORPORA / relative
        if not path.is_file():
            sys.exit(
                f"development corpus {path} not found: the benchmarks need the shared "
                "corpora in ../shared/corpora beside the repository"
            )
        text = path.read_text(encoding="utf-8")
        lines += [line.strip() for line in text.splitlines() if line.strip()]
    step = LINES_PER_PARAGRAPH
    return ["\n".join(lines[i : i + step]) for i in range(0, len(lines), step)]


def seed_paragraphs() -> list[str]:
    """The paragraphs of the seed documents, without the section that came damaged."""
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        sys.exit(f"no seed documents in {SEEDS}")
    paragraphs: list[str] = []
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        if path.name.startswith(_DAMAGED_SEED):
            lines = without_damaged_section(lines)
        text = "\n".join(lines)
        paragraphs += [p.strip("\n") for p in text.split("\n\n") if p.strip()]
    return paragraphs


def without_damaged_section(lines: list[str]) -> list[str]:
    """`lines` without the "Punkt 96" section (its heading up to the next top-level heading)."""
    starts = [i for i, line in enumerate(lines) if line.startswith(_DAMAGED_SECTION_START)]
    if not starts:
        return lines
    start = starts[0]
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith("# ")),
        len(lines),
    )
    return lines[:start] + lines[end:]


def spread_sample(paragraphs: list[str], sample_chars: int) -> list[str]:
    """Whole paragraphs, evenly spaced over `paragraphs`, adding up to about `sample_chars`."""
    total = sum(len(p) + 2 for p in paragraphs)
    if total <= sample_chars:
        return paragraphs
    step = total / sample_chars
    chosen = []
    size = 0
    position = 0.0
    while size < sample_chars and int(position) < len(paragraphs):
        paragraph = paragraphs[int(position)]
        chosen.append(paragraph)
        size += len(paragraph) + 2
        position += step
    return chosen
