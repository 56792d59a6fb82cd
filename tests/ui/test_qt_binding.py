"""The Qt binding itself: PySide6 6.12.0 dropped one reference to None (and to True or
False) on every call of a method returning void (or bool) under Python 3.11, so a desk
crashed with "deallocating None" after some ten thousand clicks and labels. 6.11.3 is
pinned; this test fails if a later pin brings the fault back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    fired = Signal(object)


def test_void_and_bool_calls_keep_their_references(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    emitter.fired.connect(lambda _value: None)
    app = QApplication.instance()
    assert app is not None
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2_000):
        label.setText("落户")  # returns void
        app.processEvents()  # returns void
        emitter.fired.emit(1)  # returns bool
    assert sys.getrefcount(None) - none_before > -100
    assert sys.getrefcount(True) - true_before > -100
