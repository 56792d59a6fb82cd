"""The desk's English translation: the catalogue in the repo is complete and current, every
Chinese text on screen goes through it, and the desk switched to English reads English —
and still takes a shared case by keyboard."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from caseworker.services.evaluation import EvaluationService
from tests.ui.conftest import settle
from tests.ui.test_desk import SHARED_COPY, take_by_keyboard
from ui import i18n
from ui.login import LoginDialog
from ui.main_window import Desk, MainWindow
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "desk_en.ts"
CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
#: the one text shown in both languages at once: the note that the language will change,
#: read by a clerk who may not read the language they left
BOTH_LANGUAGES = ("界面语言将在下次启动时改为", "中文")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {
        (m.findtext("source") or "", m.findtext("comment") or ""): m for m in tree.iter("message")
    }


def test_every_message_has_its_english() -> None:
    messages = _messages(CATALOGUE)
    assert len(messages) > 150
    for (source, comment), message in messages.items():
        translation = message.find("translation")
        assert translation is not None and translation.text, (source, comment)
        assert translation.get("type") is None, f"{source!r} is {translation.get('type')}"
        english = translation.text
        assert not CJK.search(english.replace("历下", "")), (source, english)
        # the values put in after translating are the same in both
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", english))


def test_the_catalogue_is_what_lupdate_finds_in_the_ui_now(tmp_path: Path) -> None:
    """Run ``pyside6-lupdate`` again over ``ui/``: no text new, none gone."""
    tool = i18n.qt_tool("lupdate")
    assert tool is not None, "PySide6 ships lupdate"
    fresh = tmp_path / "fresh.ts"
    shutil.copy(CATALOGUE, fresh)
    subprocess.run(
        [
            tool,
            *sorted(str(p) for p in (ROOT / "ui").glob("*.py")),
            "-ts",
            str(fresh),
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
        ],
        check=True,
        capture_output=True,
    )
    assert _messages(fresh).keys() == _messages(CATALOGUE).keys()
    assert fresh.read_text(encoding="utf-8") == CATALOGUE.read_text(encoding="utf-8")


def _translatable_calls(tree: ast.AST) -> set[int]:
    """ids of the string constants that are the text argument of tr / QT_TRANSLATE_NOOP."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        if name == "tr" and node.args:
            found.add(id(node.args[0]))
        if name == "QT_TRANSLATE_NOOP" and len(node.args) == 2:
            found.add(id(node.args[1]))
    return found


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_every_chinese_text_in_the_ui_goes_through_the_translation() -> None:
    untranslated = []
    for path in sorted((ROOT / "ui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = _translatable_calls(tree) | _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                assert not any(id(v) in allowed for v in node.values)
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CJK.search(node.value)
                and id(node) not in allowed
                and not node.value.startswith(BOTH_LANGUAGES)
            ):
                untranslated.append(f"{path.name}:{node.lineno} {node.value!r}")
    assert untranslated == []


def test_an_f_string_is_never_the_text_translated() -> None:
    """lupdate would record ``{name}`` literally and the lookup would never match."""
    for path in sorted((ROOT / "ui").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tr":
                assert node.args and not isinstance(node.args[0], ast.JoinedStr), (
                    f"{path.name}:{node.lineno}"
                )


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the .qm is built there
    assert i18n.install(qapp, i18n.ENGLISH) == i18n.ENGLISH
    yield i18n.ENGLISH
    i18n.install(qapp, i18n.CHINESE)


def test_the_login_window_in_english(qtbot: QtBot, english: str, runner: TaskRunner) -> None:
    dialog = LoginDialog(runner)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Log in — Settlement counter desk"
    assert dialog.ok.text() == "Log in" and "Opening the store" in dialog.station.text()


def test_the_desk_in_english_reads_english_and_takes_a_case(
    qtbot: QtBot, english: str, desk: Desk, service: EvaluationService
) -> None:
    window = MainWindow(desk)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, desk.runner)
    try:
        assert window.step_buttons["save"].text() == "Save (Ctrl+S)"
        assert window.step_buttons["accept"].text() == "Accept"
        headers = [window.queue_model.headerData(c, _horizontal()) for c in range(7)]
        assert headers[:3] == ["Application number", "State", "Applicant"]
        assert window.user_label.text() == "User 李娜 (clerk)"
        assert window.menuBar().actions()[0].text() == "&Application"
        path = SHARED_COPY / "02-jinan2017-encouraged-rental.json"
        take_by_keyboard(qtbot, window, json.loads(path.read_text(encoding="utf-8")))
        shown = window.intake.decision
        assert shown is not None and shown.decision == service.decide_file(path).decision
        heading = window.intake.panel.heading.text()
        assert heading.startswith("Decision: eligible") and "Zone:" in heading
        assert not CJK.search(window.state_label.text())
    finally:
        window.intake.changed.disconnect()
        window.dirty = False
        window.close()
        window.deleteLater()


def _horizontal() -> object:
    from PySide6.QtCore import Qt  # noqa: PLC0415

    return Qt.Orientation.Horizontal


def test_chinese_is_the_default_and_qt_own_buttons_are_chinese(qapp: QApplication) -> None:
    assert i18n.install(qapp, i18n.CHINESE) == i18n.CHINESE
    assert i18n.tr("保存") == "保存"
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"


def test_the_choice_is_kept_per_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEWORKER_LANG", raising=False)
    assert i18n.preferred(tmp_path) == i18n.CHINESE
    i18n.set_preferred(tmp_path, i18n.ENGLISH)
    assert i18n.preferred(tmp_path) == i18n.ENGLISH
    monkeypatch.setenv("CASEWORKER_LANG", "zh_CN")
    assert i18n.preferred(tmp_path) == i18n.CHINESE
    monkeypatch.delenv("CASEWORKER_LANG")
    (tmp_path / i18n.PREFERENCES_FILE).write_text("[General]\nlanguage=klingon\n")
    assert i18n.preferred(tmp_path) == i18n.CHINESE  # a value it does not know: Chinese
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_preferred(tmp_path, "klingon")


def test_switching_in_the_settings_menu_applies_at_the_next_start(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CASEWORKER_LANG", raising=False)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window.language_actions[i18n.ENGLISH].trigger()
    assert i18n.preferred(window.desk.apps.store.folder) == i18n.ENGLISH
    assert told and "下次启动" in told[0] and "next start" in told[0]
    assert window.step_buttons["save"].text() == "保存 (Ctrl+S)"  # this window unchanged


def test_without_a_shipped_catalogue_it_is_built_once_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources" / "rules", resources / "rules")
    (resources / "translations").mkdir()
    shutil.copy(CATALOGUE, resources / "translations")
    monkeypatch.setattr(i18n, "resource_path", resources.joinpath)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    built = i18n.compiled(i18n.ENGLISH)
    assert built is not None and built.parent == tmp_path / "cache" / "caseworker-desk"
    first = built.stat().st_mtime_ns
    assert i18n.compiled(i18n.ENGLISH) == built and built.stat().st_mtime_ns == first
    # a catalogue with other content (another version, another checkout) gets its own
    (resources / "translations" / "desk_en.ts").write_text(
        CATALOGUE.read_text(encoding="utf-8").replace("The store is damaged", "Store damaged", 1),
        encoding="utf-8",
    )
    other = i18n.compiled(i18n.ENGLISH)
    assert other is not None and other != built and built.is_file()
    # and a shipped one (the installer's) is used as it is
    shipped = resources / "translations" / "desk_en.qm"
    shutil.copy(other, shipped)
    assert i18n.compiled(i18n.ENGLISH) == shipped
