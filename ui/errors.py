"""Errors as the clerk sees them: Chinese first, the service's one-line reason after it,
never a traceback. Unexpected errors are logged in full and shown as such."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from caseworker.models.facts import CaseError
from caseworker.models.workflow import WorkflowError
from caseworker.printing.fonts import MissingGlyphError
from caseworker.services.base import PermissionDeniedError, ServiceError
from caseworker.services.id_reader import ReaderError

log = logging.getLogger("caseworker.desk")

_TITLES: list[tuple[type[Exception], str]] = [
    (PermissionDeniedError, "无权操作 Not allowed"),
    (WorkflowError, "当前状态不能这样办理 Not possible in this state"),
    (CaseError, "信息有误 Please correct the form"),
    (ReaderError, "读卡失败 Card not read"),
    (MissingGlyphError, "字库缺字 A character cannot be printed"),
    (ServiceError, "无法办理 Cannot be done"),
]


def describe(exc: Exception) -> tuple[str, str]:
    """(title, message) for a dialog or the status bar."""
    for kind, title in _TITLES:
        if isinstance(exc, kind):
            return title, str(exc)
    log.error("unexpected error in the desk", exc_info=exc)
    return (
        "程序出错 Something went wrong",
        f"操作未完成，已保存的内容不受影响；请把日志交给管理员。\n"
        f"The action did not finish; what was saved is safe. Please give the log to the "
        f"office IT person. ({type(exc).__name__}: {exc})",
    )


def show_error(parent: QWidget | None, exc: Exception) -> None:
    title, message = describe(exc)
    QMessageBox.warning(parent, title, message)
