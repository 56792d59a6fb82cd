"""帮助 (Help): 关于 (About) — the version, the rule packs and data editions the desk
decides with, the libraries it runs on and their licences (the third-party notices the
build ships) — and the hook that puts the Help menu on the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker import about
from ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from ui.main_window import Desk


def facts(desk: Desk | None = None) -> dict[str, Any]:
    """What the dialog shows: the core's facts with Qt's own version."""
    rules = desk.evaluation.book if desk is not None else None
    found = about.facts(rules=rules, qt=qVersion())
    found["libraries"]["PySide6 (binding)"] = pyside_version
    return found


class AboutDialog(QDialog):
    def __init__(self, shown: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("关于落户受理台"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        self.version = QLabel(
            tr("落户受理台 版本 {version}").format(version=shown["version"]), self
        )
        self.version.setObjectName("aboutVersion")
        layout.addWidget(self.version)
        tabs = QTabWidget(self)
        layout.addWidget(tabs)

        self.packs = QTreeWidget(self)
        self.packs.setObjectName("aboutRulePacks")
        self.packs.setHeaderLabels([tr("政策"), tr("版本"), tr("文号"), tr("校验值")])
        for pack in shown["rule_packs"]:
            self.packs.addTopLevelItem(
                QTreeWidgetItem([pack["policy"], pack["version"], pack["document"], pack["sha256"]])
            )
        tabs.addTab(self.packs, tr("规则包"))

        self.data = QTreeWidget(self)
        self.data.setObjectName("aboutData")
        self.data.setHeaderLabels([tr("名称"), tr("版本")])
        rows = [
            *((name, edition) for name, edition in shown["data"].items()),
            ("Python", shown["python"]),
            *((name, version) for name, version in shown["libraries"].items()),
        ]
        for name, value in rows:
            self.data.addTopLevelItem(QTreeWidgetItem([name, str(value)]))
        tabs.addTab(self.data, tr("数据和组件"))

        self.notices = QPlainTextEdit(self)
        self.notices.setObjectName("aboutNotices")
        self.notices.setReadOnly(True)
        path = shown.get("notices")
        if path:
            with open(path, encoding="utf-8") as fh:
                self.notices.setPlainText(fh.read())
        else:
            self.notices.setPlainText(
                tr("第三方许可声明在安装包中（构建时生成）；源代码运行时没有。")
            )
        tabs.addTab(self.notices, tr("第三方许可"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def install_help_menu(window: QMainWindow, desk: Desk) -> dict[str, QAction]:
    """帮助(&H): 关于… and 导出诊断包…, on the window's menu bar."""
    from ui import diagnostics  # noqa: PLC0415

    menu = window.menuBar().addMenu(tr("帮助(&H)"))
    about_action = QAction(tr("关于…"), window)
    about_action.triggered.connect(lambda: AboutDialog(facts(desk), window).exec())
    export_action = QAction(tr("导出诊断包…"), window)
    export_action.triggered.connect(lambda: diagnostics.export(window, desk))
    menu.addAction(about_action)
    menu.addAction(export_action)
    return {"about": about_action, "diagnostics": export_action}
