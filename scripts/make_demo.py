"""Write the damaged demo documents in fixtures/demo/ from the seed documents in fixtures/seeds/.

Each demo file is an excerpt of a real Danish municipal document, damaged the
way such files are damaged in the wild. The output is deterministic, and a test
checks that the committed files match it. ``make demo`` repairs them.

    python scripts/make_demo.py [--out fixtures/demo]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"

# DOS code pages have no typographic punctuation; an editor of the time typed
# these instead. Anything else missing from the code page is an error.
DOS_PUNCTUATION = str.maketrans({"–": "-", "“": '"', "”": '"', "´": "'", "•": "*"})


def excerpt(seed: str, first: int, last: int) -> str:
    """Lines `first`..`last` (1-based, inclusive) of the seed whose name starts with `seed`."""
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(lines[first - 1 : last])


def section(seed: str, heading: str, next_heading: str) -> str:
    """From the line starting with `heading` up to the line starting with `next_heading`."""
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    text = path.read_text(encoding="utf-8")
    start = text.index(heading)
    return text[start : text.index(next_heading, start)].rstrip("\n") + "\n"


def utf8_read_as_cp1252(text: str) -> bytes:
    """UTF-8 bytes decoded as Windows-1252 and saved again as UTF-8: ``KÃ¸benhavn``."""
    return text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")


def dos_cp865(text: str) -> bytes:
    """The bytes of a Danish DOS file (code page 865)."""
    return text.translate(DOS_PUNCTUATION).encode("cp865")


def windows_cp1252(text: str) -> bytes:
    """The bytes of a Windows file (code page 1252)."""
    return text.encode("cp1252")


def cp865_read_as_cp1252(text: str) -> bytes:
    """A DOS file opened as Windows-1252 and saved as UTF-8: ``K›benhavn``."""
    return dos_cp865(text).decode("sloppy-windows-1252").encode("utf-8")


def as_is(text: str) -> bytes:
    """Already damaged at the source; saved unchanged, as UTF-8."""
    return text.encode("utf-8")


# (file name, damage, source text)
DEMOS: tuple[tuple[str, Callable[[str], bytes], Callable[[], str]], ...] = (
    ("budgetforlig-utf8-read-as-cp1252.txt", utf8_read_as_cp1252, lambda: excerpt("000", 1, 40)),
    ("borgerservice-dos-cp865.txt", dos_cp865, lambda: excerpt("002", 55, 112)),
    ("pejlemaerker-windows-cp1252.txt", windows_cp1252, lambda: excerpt("003", 1, 50)),
    ("herning-cp865-read-as-cp1252.txt", cp865_read_as_cp1252, lambda: excerpt("001", 9, 60)),
    ("punkt96.txt", as_is, lambda: section("004", "# Punkt 96:", "# Punkt 97:")),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "fixtures" / "demo")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    for name, damage, source in DEMOS:
        (out / name).write_bytes(damage(source()))
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
