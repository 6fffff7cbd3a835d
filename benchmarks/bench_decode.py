"""Decoding accuracy per encoding, and speed, for dkfix and charset-normalizer in one run.

Samples of clean Danish text (short: 1-5 words, sentences, paragraphs of 3-8
lines) come from the evaluation corpora in ../shared/corpora (ud_ddt and
ntrex128_da) and from the bundled fixtures/seeds. Each sample that has at
least one non-ASCII character and that the encoding can represent is encoded,
decoded by ``dkfix.decode_bytes`` and by charset-normalizer's
``from_bytes(...).best()``, and counted right when the text comes back exactly
(the encoding name does not matter: cp1252 and latin-1 give the same Danish).

    python benchmarks/bench_decode.py [--samples N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from charset_normalizer import from_bytes

from dkfix import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
EVAL_GLOBS = ("ud_ddt/*.txt", "ntrex128_da/*.txt")
SEEDS = ROOT / "fixtures" / "seeds"

ENCODINGS = (
    "utf-8",
    "utf-16",
    "utf-16-le",
    "cp1252",
    "latin-1",
    "iso8859-15",
    "cp865",
    "cp850",
    "cp437",
    "mac_roman",
)
KINDS = ("short", "sentence", "paragraph")
SPEED_BYTES = 1_000_000

Decoder = Callable[[bytes], str]


def load_lines() -> list[str]:
    corpus_files = [path for pattern in EVAL_GLOBS for path in sorted(CORPORA.glob(pattern))]
    if not corpus_files:
        sys.exit(f"evaluation corpora not found under {CORPORA} (expected {', '.join(EVAL_GLOBS)})")
    files = corpus_files + sorted(SEEDS.glob("*.txt"))
    lines = []
    for path in files:
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def make_samples(lines: list[str], per_kind: int, rng: random.Random) -> dict[str, list[str]]:
    """Samples of each kind that hold at least one non-ASCII character."""
    samples: dict[str, list[str]] = {kind: [] for kind in KINDS}
    makers = {"short": _short, "sentence": _sentence, "paragraph": _paragraph}
    for kind in KINDS:
        while len(samples[kind]) < per_kind:
            sample = makers[kind](lines, rng)
            if not sample.isascii():
                samples[kind].append(sample)
    return samples


def _short(lines: list[str], rng: random.Random) -> str:
    words = rng.choice(lines).split()
    length = rng.randint(1, 5)
    start = rng.randrange(max(1, len(words) - length + 1))
    return " ".join(words[start : start + length])


def _sentence(lines: list[str], rng: random.Random) -> str:
    return rng.choice(lines)


def _paragraph(lines: list[str], rng: random.Random) -> str:
    start = rng.randrange(len(lines))
    return "\n".join(lines[start : start + rng.randint(3, 8)])


def dkfix_decode(data: bytes) -> str:
    return decode_bytes(data).text


def charset_normalizer_decode(data: bytes) -> str:
    best = from_bytes(data).best()
    return "" if best is None else str(best)


DECODERS: dict[str, Decoder] = {
    "dkfix": dkfix_decode,
    "charset-normalizer": charset_normalizer_decode,
}


def accuracy_table(samples: dict[str, list[str]]) -> None:
    header = f"{'encoding':<11} {'kind':<10} {'n':>5}" + "".join(f" {n:>19}" for n in DECODERS)
    print(header)
    print("-" * len(header))
    totals = {name: [0, 0] for name in DECODERS}
    for encoding in ENCODINGS:
        for kind in KINDS:
            encodable = [(s, s.encode(encoding)) for s in samples[kind] if _encodable(s, encoding)]
            if not encodable:
                continue
            row = f"{encoding:<11} {kind:<10} {len(encodable):>5}"
            for name, decode in DECODERS.items():
                right = sum(decode(data) == text for text, data in encodable)
                totals[name][0] += right
                totals[name][1] += len(encodable)
                row += f" {100 * right / len(encodable):>18.1f}%"
            print(row)
    print("-" * len(header))
    row = f"{'all':<11} {'':<10} {totals['dkfix'][1]:>5}"
    for right, count in totals.values():
        row += f" {100 * right / count:>18.2f}%"
    print(row)


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def speed_table(lines: list[str]) -> None:
    text = "\n".join(lines)
    text = (text * (SPEED_BYTES // len(text.encode("utf-8")) + 1))[:SPEED_BYTES]
    print(f"\n{'speed (1 MB)':<24}" + "".join(f" {name:>19}" for name in DECODERS))
    for encoding in ("utf-8", "cp1252", "cp865"):
        data = text.encode(encoding, errors="replace")
        row = f"{encoding:<24}"
        for decode in DECODERS.values():
            row += f" {_megabytes_per_second(decode, data):>14.1f} MB/s"
        print(row)


def _megabytes_per_second(decode: Decoder, data: bytes, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        decode(data)
        best = min(best, time.perf_counter() - start)
    return len(data) / 1e6 / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=300, help="samples per kind (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    lines = load_lines()
    decode_bytes("Grønkjær på Ærø".encode("cp1252"))  # load the lexicon before timing
    samples = make_samples(lines, args.samples, random.Random(args.seed))
    print(f"exact text recovered, samples with non-ASCII characters (seed {args.seed})\n")
    accuracy_table(samples)
    speed_table(lines)


if __name__ == "__main__":
    main()
