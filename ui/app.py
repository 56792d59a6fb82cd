"""The desk's composition root: the one place that builds services and hands them to widgets."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from caseworker.rules.packs import PackError
from caseworker.services.evaluation import EvaluationService
from ui.main_window import MainWindow


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    try:
        service = EvaluationService.from_resources()
    except PackError as exc:
        QMessageBox.critical(
            None,
            "规则包有误 Rule pack refused",
            f"程序的规则包无法使用，请联系管理员。\\nThe program's rule packs cannot be used; "
            f"call the office IT person.\\n\\n{exc}",
        )
        return 2
    window = MainWindow(service)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
