"""When the language setting cannot be written, the clerk is told so in the interface's
language (what it means and what to do); the system's own words are in the details, for
the office's IT person, never the message itself (issue 20 review)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ui import i18n
from ui.main_window import MainWindow


def test_a_settings_file_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    (tmp_path / i18n.PREFERENCES_FILE).mkdir()  # where the file should be: a folder
    with pytest.raises(OSError, match="could not be written"):
        i18n.set_preferred(tmp_path, i18n.ENGLISH)


def test_the_clerk_is_told_in_chinese_with_the_detail_aside(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_folder: Path, _language: str) -> None:
        raise PermissionError(13, "Permission denied", "/srv/caseworker/desk.ini")

    shown: list[QMessageBox] = []
    plain: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(i18n, "set_preferred", refuse)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: plain.append(a[2]) or 0)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]) or 0)
    window.choose_language(i18n.ENGLISH)
    assert plain == [], f"the system's words shown as the message: {plain}"
    assert told == [], "a language not saved is not announced for the next start"
    assert len(shown) == 1
    box = shown[0]
    assert box.windowTitle() == "无法保存设置"
    assert "下次启动" in box.text() and "Permission denied" not in box.text()
    assert "Errno" not in box.text() and "/srv/" not in box.text()
    assert "Permission denied" in box.detailedText() and "/srv/caseworker" in box.detailedText()
