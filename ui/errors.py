"""Errors as the clerk sees them: a title in the desk's language, the service's one-line
reason after it, never a traceback. Unexpected errors are logged in full and shown as such."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox, QWidget

from caseworker.models.facts import CaseError
from caseworker.models.workflow import WorkflowError
from caseworker.printing.fonts import MissingGlyphError
from caseworker.services.base import PermissionDeniedError, ServiceError
from caseworker.services.id_reader import ReaderError
from ui.i18n import tr

log = logging.getLogger("caseworker.desk")

_TITLES: list[tuple[type[Exception], str]] = [
    (PermissionDeniedError, QT_TRANSLATE_NOOP("", "无权操作")),
    (WorkflowError, QT_TRANSLATE_NOOP("", "当前状态不能这样办理")),
    (CaseError, QT_TRANSLATE_NOOP("", "信息有误")),
    (ReaderError, QT_TRANSLATE_NOOP("", "读卡失败")),
    (MissingGlyphError, QT_TRANSLATE_NOOP("", "字库缺字")),
    (ServiceError, QT_TRANSLATE_NOOP("", "无法办理")),
]


def describe(exc: Exception) -> tuple[str, str]:
    """(title, message) for a dialog or the status bar."""
    for kind, title in _TITLES:
        if isinstance(exc, kind):
            log.warning("refused (%s): %s", type(exc).__name__, exc)
            return tr(title), str(exc)
    log.error("unexpected error in the desk", exc_info=exc)
    return (
        tr("程序出错"),
        tr("操作未完成，已保存的内容不受影响；请把日志交给管理员。（{error}）").format(
            error=f"{type(exc).__name__}: {exc}"
        ),
    )


def show_error(parent: QWidget | None, exc: Exception) -> None:
    title, message = describe(exc)
    QMessageBox.warning(parent, title, message)
