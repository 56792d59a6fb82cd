"""A damaged store is found at start, with a message, and never crashes the program:
100 copies, each damaged differently (flipped bits, cut short, a zeroed page)."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from caseworker.cli import main
from caseworker.services.applications import ApplicationService
from caseworker.services.store import (
    SETTINGS_FILE,
    STORE_FILE,
    DamagedStoreError,
    Store,
)
from caseworker.storage.database import StoreError
from caseworker.storage.maintenance import backup_store, damage
from tests.stores import CLERK, PASSWORD, application

COPIES = 100


@pytest.fixture
def sound(store: Store, apps: ApplicationService) -> Iterator[tuple[Path, str, int]]:
    """A closed store with some applications in it: its folder, key and page size."""
    for _ in range(12):
        view = apps.create_draft(CLERK, application())
        apps.accept(CLERK, view.number)
    key = store.settings.key()
    folder = store.folder
    backup_store(store.path, key, folder / "backups" / "nightly.db")
    store.close()
    assert not Path(f"{folder / STORE_FILE}-wal").exists()  # all in the main file
    yield folder, key, 4096


def _damaged_copy(folder: Path, target: Path, n: int, page_size: int) -> str:
    """Copy the store and damage copy ``n``; return how, for the failure message."""
    target.mkdir()
    shutil.copy(folder / SETTINGS_FILE, target / SETTINGS_FILE)
    shutil.copytree(folder / "backups", target / "backups")
    path = target / STORE_FILE
    shutil.copy(folder / STORE_FILE, path)
    data = bytearray(path.read_bytes())
    pages = len(data) // page_size
    rng = random.Random(n)
    kind = n % 5
    if kind == 0:  # one flipped bit somewhere
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
        how = f"bit flipped at byte {at}"
    elif kind == 1:  # a burst of flipped bits in one page
        page = rng.randrange(pages)
        for _ in range(rng.randint(2, 40)):
            data[page * page_size + rng.randrange(page_size)] ^= 0xFF
        how = f"bytes flipped in page {page}"
    elif kind == 2:  # cut short at any byte
        cut = rng.randrange(len(data))
        del data[cut:]
        how = f"cut at byte {cut}"
    elif kind == 3:  # cut at a page boundary (whole pages lost)
        cut = rng.randrange(pages) * page_size
        del data[cut:]
        how = f"cut after page {cut // page_size}"
    else:  # a zeroed page
        page = rng.randrange(pages)
        data[page * page_size : (page + 1) * page_size] = bytes(page_size)
        how = f"page {page} zeroed"
    path.write_bytes(bytes(data))
    return how


def test_a_sound_store_and_its_backup_pass(sound: tuple[Path, str, int]) -> None:
    folder, key, _ = sound
    assert damage(folder / STORE_FILE, key) == []
    Store.open(folder, verify=True).close()


def test_every_damaged_copy_is_found_with_a_message(
    sound: tuple[Path, str, int], tmp_path: Path
) -> None:
    folder, key, page_size = sound
    found = 0
    for n in range(COPIES):
        target = tmp_path / f"copy-{n}"
        how = _damaged_copy(folder, target, n, page_size)
        problems = damage(target / STORE_FILE, key)
        assert problems, f"copy {n} ({how}) passed its check"
        with pytest.raises(StoreError) as refused:
            Store.open(target, verify=True).close()
        message = str(refused.value)
        assert "damaged" in message or "cannot be" in message, (how, message)
        if isinstance(refused.value, DamagedStoreError):
            # the newest verified backup is offered
            assert refused.value.backup == target / "backups" / "nightly.db", how
        found += 1
    assert found == COPIES


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4])
def test_the_commands_on_a_damaged_store_answer_with_a_message(
    sound: tuple[Path, str, int],
    tmp_path: Path,
    n: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _, page_size = sound
    target = tmp_path / "copy"
    _damaged_copy(folder, target, n + 1000, page_size)
    monkeypatch.setenv("CASEWORKER_USER", "li")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    assert main(["db", "check", "--data-dir", str(target)]) in {1, 2}
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "damaged" in out.out + out.err or "cannot be" in out.out + out.err


def test_a_damaged_store_opens_read_only_for_what_can_still_be_read(
    sound: tuple[Path, str, int], tmp_path: Path
) -> None:
    folder, _, page_size = sound
    target = tmp_path / "copy"
    _damaged_copy(folder, target, 4, page_size)
    path = target / STORE_FILE
    data = bytearray(path.read_bytes())
    data[-page_size:] = bytes(page_size)  # the last page zeroed, the schema intact
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedStoreError):
        Store.open(target, verify=True)
    store = Store.open(target, read_only=True)
    try:
        assert store.read_only
        assert store.office().office_code == "370102001"  # what is sound still reads
        with (
            pytest.raises(DBAPIError, match=r"readonly|attempt to write"),
            store.engine.begin() as conn,
        ):
            conn.exec_driver_sql("DELETE FROM counters")
    finally:
        store.close()
