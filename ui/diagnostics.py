"""帮助 → 导出诊断包 (export a diagnostics bundle): the logs, the versions and the store's
check in one zip for a support ticket, with no personal data (caseworker/diagnostics.py
says what is in it). Built on the task runner: the store check reads the whole file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from caseworker.diagnostics import build
from ui.errors import show_error
from ui.i18n import tr

if TYPE_CHECKING:
    from ui.main_window import Desk


def default_name(now: datetime | None = None) -> str:
    return f"caseworker-diagnostics-{(now or datetime.now()):%Y%m%d-%H%M}.zip"


def write(folder: Path, target: Path) -> Path:
    """Build the bundle of ``folder`` and write it to ``target`` (beside, then moved)."""
    data = build(folder, qt=qVersion())
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    partial.replace(target)
    return target


def export(parent: QWidget, desk: Desk, target: Path | None = None) -> None:
    """Ask where (unless ``target`` is given), then build and write on the runner."""
    if target is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            tr("导出诊断包"),
            str(Path.home() / default_name()),
            tr("诊断包 (*.zip)"),
        )
        if not chosen:
            return
        target = Path(chosen)
    folder = desk.data_folder
    chosen_target = target

    def done(written: Path) -> None:
        QMessageBox.information(
            parent,
            tr("导出诊断包"),
            tr("诊断包已保存：{file}\n其中没有个人信息，可以附在报修单中。").format(file=written),
        )

    desk.runner.compute(lambda: write(folder, chosen_target), done, lambda e: show_error(parent, e))
