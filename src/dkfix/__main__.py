"""``python -m dkfix``: the same as the ``dkfix`` command."""

from __future__ import annotations

from dkfix.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
