"""The desk's main window (minimal until the intake screens land): open a case file, see
its decision explained clause by clause."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker import __version__
from caseworker.services.evaluation import CaseFileError, EvaluationService
from caseworker.services.explain import render_text


class MainWindow(QMainWindow):
    def __init__(self, service: EvaluationService) -> None:
        super().__init__()
        self._service = service
        self.setWindowTitle(f"落户受理台 Settlement counter desk {__version__}")
        self.resize(960, 720)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(
            "打开案例文件以查看决定 / Open a case file to see its decision", central
        )
        self.decision_view = QPlainTextEdit(central)
        self.decision_view.setReadOnly(True)
        self.decision_view.setObjectName("decisionView")
        layout.addWidget(self.heading)
        layout.addWidget(self.decision_view)
        self.setCentralWidget(central)

        menu = self.menuBar().addMenu("文件 &File")
        self.open_action = QAction("打开案例… Open case…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._choose_case)
        menu.addAction(self.open_action)
        quit_action = QAction("退出 Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        packs = ", ".join(p.policy for p in service.book.packs)
        self.statusBar().showMessage(f"规则包 Rule packs: {packs}")

    def _choose_case(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "打开案例 Open case", "", "案例 Case files (*.json)"
        )
        if name:
            self.show_case(Path(name))

    def show_case(self, path: Path) -> bool:
        """Decide one case file and show the explanation; a bad file gets a clear message."""
        try:
            decision = self._service.decide_file(path)
        except CaseFileError as exc:
            QMessageBox.warning(
                self,
                "案例文件有误 Case file not valid",
                f"{exc.message}\\n\\n文件 File: {exc.path}",
            )
            return False
        out = io.StringIO()
        render_text(decision, path, out)
        self.decision_view.setPlainText(out.getvalue())
        self.heading.setText(f"案例 Case: {path.name}")
        return True
