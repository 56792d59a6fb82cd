"""A child process for tests/it/test_logs.py: writes numbered lines into a shared log
with a small rotation size, as the desk and a scheduled command would together.

Windows refuses to rename or delete a file another process holds open ("being used by
another process"); Linux allows it. To test the Windows behaviour here, this child makes
``os.rename``/``os.replace``/``os.remove`` refuse the same way when the sibling writer
has the file open (read from /proc)."""

from __future__ import annotations

import errno
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from caseworker import logs


def _open_elsewhere(folder: Path, path: str) -> bool:
    target = os.path.realpath(path)
    for ready in folder.glob("*.ready"):
        pid = ready.read_text(encoding="ascii").strip()
        if not pid or int(pid) == os.getpid():
            continue
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                    return True
            except OSError:
                continue
    return False


def _like_windows(folder: Path) -> None:
    for name in ("rename", "replace", "remove", "unlink"):
        real = getattr(os, name)

        def refusing(src: Any, *rest: Any, _real: Any = real, **kw: Any) -> Any:
            if _open_elsewhere(folder, os.fspath(src)):
                raise PermissionError(errno.EACCES, "being used by another process", src)
            return _real(src, *rest, **kw)

        setattr(os, name, refusing)


if __name__ == "__main__":
    folder, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    _like_windows(folder)
    logs.setup(folder, program=name, max_bytes=20_000, backups=200)
    log = logging.getLogger("caseworker.test")
    (folder / f"{name}.ready").write_text(str(os.getpid()), encoding="ascii")
    while not (folder / "go").exists():  # both write at once, not one after the other
        time.sleep(0.01)
    for i in range(count):
        log.info("line %s %06d %s", name, i, "x" * 40)
    logs.shutdown()
