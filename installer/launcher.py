"""The bundle's one entry point under two names: ``caseworker`` is the command line,
``caseworker-desk`` (or anything else) the desk. Both executables of the one-folder
bundle are built from this script and share every library beside them.

``caseworker desk ARGS`` starts the desk from the command line's executable: on Windows
``caseworker-desk.exe`` has no console, so ``caseworker.exe desk --self-test`` is how an
IT person sees the self-test's output."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    if Path(sys.argv[0]).stem.lower() == "caseworker" and sys.argv[1:2] != ["desk"]:
        from caseworker.cli import run  # noqa: PLC0415

        run()
    if sys.argv[1:2] == ["desk"]:
        del sys.argv[1]
    from ui.app import main as desk  # noqa: PLC0415

    sys.exit(desk())


if __name__ == "__main__":
    main()
