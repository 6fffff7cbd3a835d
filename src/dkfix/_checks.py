"""Argument checks shared by the public functions: a wrong type fails at once, saying what to do."""

from __future__ import annotations

BYTES_TYPES = (bytes, bytearray, memoryview)
DECODE_FIRST = "decode bytes first: dkfix.decode_bytes(data).text"


def require_str(value: object, function: str, bytes_hint: str = DECODE_FIRST) -> str:
    """Return `value` if it is a str, else raise a TypeError naming `function`.

    Bytes get `bytes_hint` added: they are the usual mistake, and the fix is to decode.

    >>> require_str(b"abc", "find_numbers")
    Traceback (most recent call last):
      ...
    TypeError: dkfix.find_numbers() takes str, not bytes; decode bytes first: ...
    """
    if isinstance(value, str):
        return value
    message = f"dkfix.{function}() takes str, not {type(value).__name__}"
    if isinstance(value, BYTES_TYPES):
        message += f"; {bytes_hint}"
    raise TypeError(message)
