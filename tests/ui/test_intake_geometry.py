"""The intake holds its layout (issue 25, item 2): at 1366×768 and 1920×1080, in Chinese
and in English, at 100 % and at 150 % scaling, with questions open and relatives
present, no visible label or editor overlaps a sibling, no text is cut, and the window
needs no horizontal scrolling.

150 % scaling (``QT_SCALE_FACTOR=1.5``) scales fonts, widgets and margins alike, so a
1366×768 screen at 150 % is laid out as a 911×512 window at 100 %: those logical sizes
are what is measured here (the offscreen platform has one screen of fixed size)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitterHandle,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from tests.ui.test_desk import SHARED_COPY
from ui import i18n
from ui.main_window import Desk, MainWindow
from ui.relative_dialog import RelativeDialog

#: (width, height) of the window in logical pixels: the two screens at 100 %, and at 150 %
SIZES = {
    "1366x768": (1366, 768),
    "1920x1080": (1920, 1080),
    "1366x768@150%": (911, 512),
    "1920x1080@150%": (1280, 720),
}
#: a composite Qt widget draws its own parts: what is inside it is not laid out by us
COMPOSITE = (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractButton)


def _open_questions_case() -> dict[str, object]:
    """Shared case 01 with most of the applicant's answers taken away: the engine asks
    its questions, and the three relatives are there."""
    case = json.loads(
        (SHARED_COPY / "01-jinan2017-master-degree-optimized.json").read_text("utf-8")
    )
    case.pop("expect")
    case.pop("case")
    applicant = case["applicant"]
    case["applicant"] = {
        "id_number": applicant["id_number"],
        "hukou_county": applicant["hukou_county"],
        "marital_status": applicant["marital_status"],
    }
    case["records"] = {
        "applicant": {"name": "张三丰"},
        "family": [{"name": n} for n in ("李四", "张小", "张幺")],
    }
    return case


@pytest.fixture(params=[i18n.CHINESE, i18n.ENGLISH])
def language_window(  # noqa: PLR0917 - pytest passes fixtures by position
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    qapp: QApplication,
    desk: Desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the .qm is built there
    language = str(request.param)
    assert i18n.install(qapp, language) == language
    window = MainWindow(desk)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, desk.runner)
    try:
        window.new_application()
        window.intake.load_data(_open_questions_case(), number=None, state="", version=0)
        settle(qtbot, desk.runner)
        yield window
    finally:
        window.intake.changed.disconnect()
        window.dirty = False
        window.close()
        window.intake._timer.stop()
        desk.runner.wait()
        QApplication.processEvents()
        window.deleteLater()
        i18n.install(qapp, i18n.CHINESE)


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def _label_needs(label: QLabel) -> tuple[int, int] | None:
    """What the label's text needs inside its contents rect, (width, height)."""
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    area = label.contentsRect()
    indent = 2 * max(label.margin(), 0)
    width = area.width() - indent
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(width)
        size = document.size()
        return int(document.idealWidth() + 0.999), int(size.height() + 0.999)
    metrics = QFontMetrics(label.font())
    flags = int(label.alignment().value)
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap.value)
        needed = metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000), flags, text)
    else:
        needed = metrics.boundingRect(QRect(0, 0, 100_000, 100_000), flags, text)
    return needed.width(), needed.height()


def _problems_of(widget: QWidget) -> list[str]:
    """Text cut inside one widget."""
    name = f"{type(widget).__name__}({widget.objectName() or ''})"
    problems: list[str] = []
    if isinstance(widget, QLabel):
        needs = _label_needs(widget)
        area = widget.contentsRect()
        if needs is not None and (needs[0] > area.width() or needs[1] > area.height()):
            problems.append(
                f"{name} {widget.text()[:40]!r} needs {needs[0]}×{needs[1]}, "
                f"has {area.width()}×{area.height()}"
            )
    elif isinstance(widget, QAbstractButton) and widget.text():
        if widget.sizeHint().width() > widget.width() + 1:
            problems.append(
                f"{name} {widget.text()!r} needs {widget.sizeHint().width()} wide, "
                f"has {widget.width()}"
            )
    elif isinstance(widget, QLineEdit):
        shown = widget.text() or widget.placeholderText()
        room = widget.width() - 2 * widget.style().pixelMetric(
            QStyle.PixelMetric.PM_DefaultFrameWidth
        )
        room -= 4  # the line edit's own text margins (QLineEditPrivate horizontalMargin)
        room -= widget.textMargins().left() + widget.textMargins().right()
        wide = QFontMetrics(widget.font()).horizontalAdvance(shown)
        if shown and wide > room:
            problems.append(f"{name} {shown[:40]!r} needs {wide} wide, has {room}")
    elif isinstance(widget, QComboBox):
        shown = widget.currentText() or widget.placeholderText()
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        wide = QFontMetrics(widget.font()).horizontalAdvance(shown)
        if shown and wide > field.width():
            problems.append(f"{name} {shown[:40]!r} needs {wide} wide, has {field.width()}")
    return problems


def layout_problems(top: QWidget) -> list[str]:
    """Every overlap between visible siblings, every child reaching out of its parent,
    every cut text, under ``top``."""
    problems: list[str] = []
    stack = [top]
    while stack:
        parent = stack.pop()
        children = [
            c
            for c in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if _shown(c, top) and not c.isWindow()
        ]
        problems += _problems_of(parent) if parent is not top else []
        if isinstance(parent, COMPOSITE) or isinstance(parent.parentWidget(), QAbstractItemView):
            continue
        for i, child in enumerate(children):
            name = f"{type(child).__name__}({child.objectName()})"
            inside = parent.rect()
            if not inside.contains(child.geometry()) and not isinstance(
                parent.parentWidget(), QScrollArea
            ):
                problems.append(f"{name} {child.geometry()} reaches out of {parent.rect()}")
            for other in children[i + 1 :]:
                if isinstance(child, QSplitterHandle) or isinstance(other, QSplitterHandle):
                    continue
                if child.geometry().intersects(other.geometry()):
                    problems.append(
                        f"{name} {child.geometry()} overlaps "
                        f"{type(other).__name__}({other.objectName()}) {other.geometry()}"
                    )
        stack += children
    return problems


def no_horizontal_scrolling(window: MainWindow) -> list[str]:
    problems = []
    for area in window.intake_page.findChildren(QAbstractScrollArea):
        if _shown(area, window) and area.horizontalScrollBar().isVisible():
            problems.append(f"{type(area).__name__}({area.objectName()}) scrolls sideways")
    return problems


@pytest.mark.parametrize("size", list(SIZES))
def test_the_intake_holds_its_layout(
    qtbot: QtBot, language_window: MainWindow, desk: Desk, size: str
) -> None:
    window = language_window
    width, height = SIZES[size]
    assert window.minimumSizeHint().width() <= width, window.minimumSizeHint()
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    settle(qtbot, desk.runner)
    QApplication.processEvents()
    intake = window.intake
    # the fixture's state is on screen: questions open, relatives listed
    assert any(
        n.startswith("fact:") for n in (w.objectName() for w in intake.findChildren(QWidget))
    )
    assert intake.relative_list.count() == 3
    problems = layout_problems(window.intake_page) + no_horizontal_scrolling(window)
    assert problems == [], "\n".join(problems)
    # and with the 户口簿 section opened (folded by default)
    assert not intake.book.isVisibleTo(window)
    intake.book_toggle.setChecked(True)
    QApplication.processEvents()
    problems = layout_problems(window.intake_page) + no_horizontal_scrolling(window)
    assert problems == [], "\n".join(problems)


def test_the_relative_dialog_holds_its_layout(qtbot: QtBot, language_window: MainWindow) -> None:
    """The relative's dialog, as it opens for a child with an ID number, and for one
    without (birth date and sex asked), in both languages."""
    for relative in (
        {"relation": "child", "id_number": "371502199802010151", "name": "张小"},
        {"relation": "child", "birth_date": "2015-06-01", "sex": "F", "name": "张幺"},
    ):
        dialog = RelativeDialog(language_window, relative)
        dialog.show()
        qtbot.waitExposed(dialog)
        try:
            problems = layout_problems(dialog)
            assert problems == [], "\n".join(problems)
        finally:
            dialog.close()
            dialog.deleteLater()
