"""The baseline of bench/bench_bundle.py: a bare PySide6 window, bundled the same way as
the desk, that says when it is on screen."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def main() -> None:
    app = QApplication(sys.argv)
    window = QWidget()
    window.setWindowTitle("bare")
    window.show()
    app.processEvents()
    print("shown", flush=True)


if __name__ == "__main__":
    main()
