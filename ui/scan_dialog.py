"""Scanning a document into the form: open (or scan to a file and open) an image of the ID
card, the 户主页 or a 常住人口登记卡; the fields read appear beside the image, each
region outlined on it, doubtful ones marked; the clerk corrects and accepts. Nothing is
stored here: accepted values go into the form, and the image is attached to the
application when the clerk saves it."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRect, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.scanning.fields import (
    LAYOUTS,
    Field,
    ScanResult,
    check_one,
    cross_check,
    extract,
)
from caseworker.scanning.ocr import read_lines
from ui.errors import describe
from ui.i18n import tr
from ui.tasks import TaskRunner

KIND_LABELS = {
    "id-card": QT_TRANSLATE_NOOP("", "居民身份证（正面）"),
    "registration-card": QT_TRANSLATE_NOOP("", "常住人口登记卡"),
    "household-page": QT_TRANSLATE_NOOP("", "户口簿户主页"),
}
#: the printed labels the core finds fields by, listed for lupdate
FIELD_LABELS = (
    QT_TRANSLATE_NOOP("", "姓名"),
    QT_TRANSLATE_NOOP("", "性别"),
    QT_TRANSLATE_NOOP("", "民族"),
    QT_TRANSLATE_NOOP("", "出生"),
    QT_TRANSLATE_NOOP("", "住址"),
    QT_TRANSLATE_NOOP("", "公民身份号码"),
    QT_TRANSLATE_NOOP("", "户别"),
    QT_TRANSLATE_NOOP("", "户主姓名"),
    QT_TRANSLATE_NOOP("", "户号"),
    QT_TRANSLATE_NOOP("", "户主或与户主关系"),
    QT_TRANSLATE_NOOP("", "出生日期"),
    QT_TRANSLATE_NOOP("", "出生地"),
    QT_TRANSLATE_NOOP("", "籍贯"),
    QT_TRANSLATE_NOOP("", "公民身份证件编号"),
    QT_TRANSLATE_NOOP("", "曾用名"),
    QT_TRANSLATE_NOOP("", "文化程度"),
    QT_TRANSLATE_NOOP("", "婚姻状况"),
    QT_TRANSLATE_NOOP("", "兵役状况"),
    QT_TRANSLATE_NOOP("", "服务处所"),
    QT_TRANSLATE_NOOP("", "职业"),
    QT_TRANSLATE_NOOP("", "何时由何地迁来本址"),
)
DOUBTFUL_STYLE = "background: #fff3cd"
BOX = QColor("#1f5fa8")
FOCUS = QColor("#c62828")


class ScanDialog(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        kind: str = "id-card",
        known: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("扫描证件"))
        self.resize(1200, 680)
        self._runner = runner
        self._known = known or {}
        self.image: bytes = b""
        self.filename = ""
        self.result: ScanResult | None = None
        self.values: dict[str, str] = {}
        self.kind = QComboBox(self)
        self.kind.setObjectName("scanKind")
        for key, label in KIND_LABELS.items():
            self.kind.addItem(tr(label), key)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.open_button = QPushButton(tr("打开图片… (Ctrl+O)"), self)
        self.open_button.setObjectName("scanOpen")
        self.picture = QLabel(self)
        self.picture.setObjectName("scanPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        self.status = QLabel(tr("打开扫描或拍摄的图片（PNG、JPEG）。"), self)
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("scanProblems")
        self.problems.setStyleSheet("color: #c62828")
        self.problems.setWordWrap(True)
        self.form_box = QWidget(self)
        self.form = QFormLayout(self.form_box)
        self.edits: dict[str, QLineEdit] = {}
        self.accept_button = QPushButton(tr("接受并填入表单"), self)
        self.accept_button.setObjectName("scanAccept")
        self.accept_button.setEnabled(False)
        cancel = QPushButton(tr("取消"), self)
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.open_button)
        right.addLayout(top)
        right.addWidget(self.status)
        right.addWidget(self.form_box)
        right.addWidget(self.problems)
        right.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(cancel)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addLayout(right, 2)
        self.open_button.clicked.connect(self.choose_file)
        self.accept_button.clicked.connect(self._accept)
        cancel.clicked.connect(self.reject)
        self.kind.currentIndexChanged.connect(lambda _i: self._reread())
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_file)
        self._lines: list[Any] = []
        self._pixmap: QPixmap | None = None
        self._focused = ""

    # --- reading ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("打开图片"), "", tr("图片 (*.png *.jpg *.jpeg)")
        )
        if name:
            self.read_file(Path(name))

    def read_file(self, path: Path) -> None:
        try:
            image = path.read_bytes()
        except OSError as exc:
            self.status.setText(
                tr("无法读取 {file}：{reason}").format(file=path, reason=exc.strerror)
            )
            return
        self.read_image(image, path.name)

    def read_image(self, image: bytes, filename: str) -> None:
        self.status.setText(tr("正在识别…"))
        self.accept_button.setEnabled(False)
        self._runner.compute(
            lambda: read_lines(image),
            lambda lines: self._read(image, filename, lines),
            lambda exc: self.status.setText(describe(exc)[1]),
        )

    def _read(self, image: bytes, filename: str, lines: list[Any]) -> None:
        self.image, self.filename, self._lines = image, filename, lines
        loaded = QImage.fromData(image)
        self._pixmap = QPixmap.fromImage(loaded)
        self._reread()

    def _reread(self) -> None:
        if self._pixmap is None:
            return
        kind = str(self.kind.currentData())
        self.result = extract(kind, self._lines)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits.clear()
        labels = dict(LAYOUTS[kind])
        for name, found in self.result.fields.items():
            edit = QLineEdit(found.value, self.form_box)
            edit.setObjectName(f"scan:{name}")
            if found.doubtful:
                edit.setStyleSheet(DOUBTFUL_STYLE)
                edit.setToolTip(
                    tr("识别把握不大（{score:.0%}），请对照原件核对。").format(score=found.score)
                )
            edit.textEdited.connect(lambda _t: self._check())
            edit.installEventFilter(self)
            self.form.addRow(tr(labels[name]), edit)
            edit.show()  # now, not by the layout's queued call: hidden, it takes no focus
            self.edits[name] = edit
        doubtful = sum(f.doubtful for f in self.result.fields.values())
        self.status.setText(
            tr("已识别 {count} 项，其中 {doubtful} 项需要核对（黄色）。核对后接受。").format(
                count=len(self.result.fields), doubtful=doubtful
            )
        )
        self.accept_button.setEnabled(True)
        self._check()
        self._draw()
        first = next(iter(self.edits.values()), None)
        if first is not None:
            first.setFocus()

    def _check(self) -> None:
        """The checks again on what is in the form now (the clerk's corrections count)."""
        if self.result is None:
            return
        current = {name: Field(edit.text().strip(), 1.0, None) for name, edit in self.edits.items()}
        problems = check_one(self.result.kind, current)
        known = {k: Field(v, 1.0, None) for k, v in self._known.items() if v}
        problems += cross_check(ScanResult("known", known), ScanResult(self.result.kind, current))
        self.problems.setText("\n".join(problems))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._focused = next((n for n, e in self.edits.items() if e is watched), "")
            self._draw()
        return super().eventFilter(watched, event)

    def _draw(self) -> None:
        """The image with each field's region outlined; the one being checked in red."""
        if self._pixmap is None or self.result is None:
            return
        shown = self._pixmap.copy()
        painter = QPainter(shown)
        for name, found in self.result.fields.items():
            if found.box is None:
                continue
            left, top, right, bottom = found.box
            painter.setPen(QPen(FOCUS if name == self._focused else BOX, 3))
            painter.drawRect(QRect(left - 3, top - 3, right - left + 6, bottom - top + 6))
        painter.end()
        self.picture.setPixmap(
            shown.scaledToWidth(min(shown.width(), 700), Qt.TransformationMode.SmoothTransformation)
        )

    def _accept(self) -> None:
        self.values = {name: edit.text().strip() for name, edit in self.edits.items()}
        self.accept()

    @property
    def media_type(self) -> str:
        return mimetypes.guess_type(self.filename)[0] or "image/png"
