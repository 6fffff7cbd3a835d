"""Bytes in and out for the CLI: telling binaries from text, atomic writes, readable diffs."""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import tempfile

# Binary detection looks at the start of a file, as git and grep do.
BINARY_SAMPLE_SIZE = 1 << 16  # binary_reason reads no further
# C0 controls that do not occur in text. Tab, line breaks, form feed, DOS's
# end-of-file mark (0x1A) and ESC (terminal colours, which dkfix removes) do.
_CONTROL_BYTES = frozenset(range(0x09)) | frozenset(range(0x0E, 0x1A)) | {0x1C, 0x1D, 0x1E, 0x1F}
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_MAX_CONTROL_SHARE = 0.1
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Shown escaped in diffs and listings: a C1 control such as U+009B acts as an
# escape sequence in some terminals, and damaged text is full of them.
_INVISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0)) if c != 0x09}


def binary_reason(data: bytes) -> str | None:
    """Why `data` is not text, or None: NUL bytes that UTF-16 does not explain, or many controls.

    >>> binary_reason("Blåbærgrød".encode("utf-16")) is None
    True
    >>> binary_reason(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    'binary file: contains NUL bytes'
    """
    sample = data[:BINARY_SAMPLE_SIZE]
    if not sample:
        return None
    if b"\x00" in sample and not _looks_like_utf16(sample):
        return "binary file: contains NUL bytes"
    controls = len(sample.translate(None, _NOT_CONTROL_BYTES))
    if b"\x00" not in sample and controls > _MAX_CONTROL_SHARE * len(sample):
        return f"binary file: {controls / len(sample):.0%} control bytes"
    return None


def _looks_like_utf16(sample: bytes) -> bool:
    if sample.startswith(_UTF16_BOMS):
        return True
    # Without a byte order mark, UTF-16 of Latin text has NUL in every other byte.
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0), odd.count(0)) >= 0.9 * len(odd) > 0


class AtomicOutput:
    """A file written under a temporary name beside `path`, renamed over `path` on `commit`.

    Readers see the old file or the new one, never half of it; if anything fails
    or the user presses Ctrl-C before the rename, `discard` removes the temporary file.
    """

    def __init__(self, path: str, mode: int = 0o644) -> None:
        self.path = path
        self.mode = mode
        self.directory = os.path.dirname(path) or "."
        handle, self.temporary = tempfile.mkstemp(
            dir=self.directory, prefix=".dkfix-", suffix=".tmp"
        )
        self.stream = os.fdopen(handle, "wb")

    def write(self, data: bytes) -> None:
        """Append `data` to the temporary file."""
        try:
            self.stream.write(data)
        except BaseException:
            self.discard()
            raise

    def commit(self) -> None:
        """Sync the temporary file to disk and rename it over `path`."""
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.chmod(self.temporary, self.mode)
            os.replace(self.temporary, self.path)
        except BaseException:
            self.discard()
            raise
        _sync_folder(self.directory)

    def discard(self) -> None:
        """Remove the temporary file; `path` keeps what it had."""
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)


def write_atomically(path: str, data: bytes, mode: int = 0o644) -> None:
    """Write `data` to a temporary file beside `path`, sync it, and rename it over `path`."""
    output = AtomicOutput(path, mode)
    output.write(data)
    output.commit()


def _sync_folder(directory: str) -> None:
    # Makes the rename itself durable; not possible on every platform.
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def unified_diff(before: str, after: str, path: str, output: str | None) -> str:
    """A line-based unified diff, with control characters made visible."""
    lines = difflib.unified_diff(
        text_lines(before), text_lines(after), fromfile=path, tofile=output or path
    )
    return "".join(visible(line.rstrip("\r\n")) + "\n" for line in lines)


def text_lines(text: str) -> list[str]:
    """The lines of `text`, each with its line break."""
    # Only \n, \r and \r\n end a line here: str.splitlines would also split at
    # U+0085 and U+001C..U+001E, which damaged text contains.
    return io.StringIO(text, newline="").readlines()


def visible(text: str) -> str:
    """`text` with control characters (other than tab) written as ``\\xNN`` escapes."""
    return text.translate(_INVISIBLE)


def current_umask() -> int:
    """The process umask, for files created outside `tempfile` (which uses 0o600)."""
    # The only way to read the umask is to set it; the CLI runs no threads here.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
