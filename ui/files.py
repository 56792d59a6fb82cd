"""Writing a file the clerk chose: on failure they are told why and asked for another
place; what they made stays in the desk, ready to be saved again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import tr


def save_bytes(parent: QWidget | None, path: Path, data: bytes) -> bool:
    try:
        path.write_bytes(data)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            tr("无法保存"),
            tr("{file}：{reason}\n请换一个位置。").format(file=path, reason=exc.strerror),
        )
        return False
    return True
