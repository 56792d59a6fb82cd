"""The diagnostics bundle (诊断包) for a support ticket: one zip with the logs, the
versions, the store's check and this machine's set-up, and no personal data.

What it holds:
- ``about.json``: the program's version, rule packs, data editions, library versions;
- ``store-check.json``: whether every page of the store authenticates, its schema
  revision and the number of tables (never a row), the backups' names and sizes, how
  the key is kept (keyring or file; never the key);
- ``logs/``: the log files, with ID numbers masked again and every run of Chinese
  characters replaced by ``[zh:N]`` (a refusal may quote what a clerk typed, a name
  among it; the English of the log is what support reads);
- ``environment.json``: the operating system, the locale's encoding, whether Qt's
  platform is forced, the data folder's free space.

Never: the store, a backup, a key, a password, a setting's value that could identify
a person."""

from __future__ import annotations

import io
import json
import locale
import os
import re
import shutil
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from caseworker import about, logs
from caseworker.locations import SETTINGS_FILE, STORE_FILE

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def scrub(text: str) -> str:
    """A log line as the bundle carries it: ID numbers masked, Chinese runs removed."""
    return _HAN.sub(lambda m: f"[zh:{len(m.group(0))}]", logs.mask(text))


def store_check(folder: Path) -> dict[str, Any]:
    from caseworker.security.secrets import KeyUnavailableError  # noqa: PLC0415
    from caseworker.services.store import Settings, SetupError  # noqa: PLC0415
    from caseworker.storage.database import StoreError  # noqa: PLC0415
    from caseworker.storage.maintenance import check_file, damage  # noqa: PLC0415

    found: dict[str, Any] = {"set_up": (folder / SETTINGS_FILE).exists()}
    if not found["set_up"]:
        return found
    store = folder / STORE_FILE
    found["store_bytes"] = store.stat().st_size if store.exists() else None
    backups = sorted((folder / "backups").glob("*.db"))
    found["backups"] = [{"name": b.name, "bytes": b.stat().st_size} for b in backups[-20:]]
    try:
        settings = Settings.load(folder)
        found["key_kept_in"] = settings.key_source
        key = settings.key()
    except (SetupError, KeyUnavailableError, StoreError) as exc:
        found["key"] = f"unavailable: {scrub(str(exc))}"
        return found
    try:
        problems = damage(store, key)
        found["damage"] = [scrub(p) for p in problems]
        if not problems:
            health = check_file(store, key)
            found.update(
                ok=health.ok,
                schema=health.revision,
                newest_schema=health.head,
                tables=health.tables,
            )
        else:
            found["ok"] = False
    except Exception as exc:  # the bundle is what support needs most when this fails
        found["ok"] = False
        found["check_failed"] = f"{type(exc).__name__}: {scrub(str(exc))}"
    return found


def environment(folder: Path) -> dict[str, Any]:
    try:
        free = shutil.disk_usage(folder if folder.exists() else folder.parent).free
    except OSError:
        free = None
    return {
        "os": sys.platform,
        "preferred_encoding": locale.getpreferredencoding(False),
        "utf8_mode": bool(sys.flags.utf8_mode),
        "stdout_encoding": getattr(sys.stdout, "encoding", None),
        "qt_qpa_platform": os.environ.get("QT_QPA_PLATFORM"),
        "data_folder_free_bytes": free,
        "executable": sys.executable,
    }


def build(folder: Path, *, qt: str | None = None, now: datetime | None = None) -> bytes:
    """The bundle of the office's data ``folder``, as zip bytes."""
    made = (now or datetime.now()).isoformat(timespec="seconds")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:

        def put(name: str, value: Any) -> None:
            archive.writestr(name, json.dumps(value, ensure_ascii=False, indent=2) + "\n")

        put("about.json", {**about.facts(qt=qt), "bundle_made": made})
        put("store-check.json", store_check(folder))
        put("environment.json", environment(folder))
        for path in sorted((folder / "logs").glob(f"{logs.LOG_FILE}*")):
            if path.name.endswith(".lock"):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            archive.writestr(f"logs/{path.name}", "\n".join(map(scrub, text.splitlines())))
    return buffer.getvalue()
