"""``python -m caseworker``: the same as the ``caseworker`` command."""

from __future__ import annotations

from caseworker.cli import run

if __name__ == "__main__":
    run()
