"""Scanning a document into the form: open (or scan to a file and open) an image of the ID
card, the 户主页 or a 常住人口登记卡; the document is found in the photo and squared up,
and the fields read appear beside it, each with how it was established (read and checked /
corrected from a list / unchecked / doubtful / not found) and the piece of the image it was
read from. Every field that is not "read and checked" must be looked at — confirmed or
corrected — before the clerk can accept. Nothing is stored here: accepted values go into
the form, and the image is attached to the application when the clerk saves it, with a
note of which fields came from the scan and which the clerk changed (``provenance``)."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRect, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
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

from caseworker.devices import scanner
from caseworker.devices import settings as device_settings
from caseworker.devices.errors import DeviceError
from caseworker.scanning.checks import Status
from caseworker.scanning.fields import (
    LAYOUTS,
    Field,
    ScanResult,
    check_one,
    cross_check,
)
from caseworker.services.scanning import ScannedDocument, read_scan
from ui.camera_dialog import CameraDialog
from ui.errors import describe
from ui.i18n import tr
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

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
#: how each value was established, as the clerk reads it
STATUS_LABELS = {
    Status.CHECKED: QT_TRANSLATE_NOOP("", "已核验"),
    Status.CORRECTED: QT_TRANSLATE_NOOP("", "已按名录改正"),
    Status.UNCHECKED: QT_TRANSLATE_NOOP("", "无法核验"),
    Status.DOUBTFUL: QT_TRANSLATE_NOOP("", "存疑"),
    Status.MISSING: QT_TRANSLATE_NOOP("", "未识别"),
}
# the narrowest a field's value is shown (about 16 characters: a county and a street)
EDIT_MIN_WIDTH = 260
#: why, in the field's tooltip
REASONS = {
    "closed-list": QT_TRANSLATE_NOOP("", "是表格允许的值之一。"),
    "list-corrected": QT_TRANSLATE_NOOP(
        "", "识别为“{read}”，不是允许的值；已改为相差一个字的唯一允许值。"
    ),
    "list-guessed": QT_TRANSLATE_NOOP(
        "", "识别为“{read}”，不是允许的值；与其中一项差两个字，这是猜测，请务必对照原件。"
    ),
    "not-in-list": QT_TRANSLATE_NOOP("", "不是这一栏允许的值。"),
    "place-home-guessed": QT_TRANSLATE_NOOP(
        "",
        "识别为“{read}”，与山东省的一个地名和外省的地名都只差一个字；已按山东省的猜测填入，请务必对照原件。",
    ),
    "moved-in-mended": QT_TRANSLATE_NOOP(
        "", "识别为“{read}”，表格格式中的“由”“迁来”按格式补正；日期和地名请对照原件。"
    ),
    "moved-in-shape": QT_TRANSLATE_NOOP(
        "", "不是“某年某月某日由某地迁来”的样子，可能有字没有识别出来。"
    ),
    "place-known": QT_TRANSLATE_NOOP("", "省、市、县与行政区划相符。"),
    "place-corrected": QT_TRANSLATE_NOOP(
        "", "识别为“{read}”，行政区划中没有；已改为相差一个字的唯一地名。"
    ),
    "place-unknown": QT_TRANSLATE_NOOP("", "无法按省、市、县对上行政区划。"),
    "place-guessed": QT_TRANSLATE_NOOP(
        "",
        "识别为“{read}”，省、市、县中有两级对不上行政区划；这是按行政区划的猜测，请务必对照原件。",
    ),
    "township-corrected": QT_TRANSLATE_NOOP(
        "", "识别为“{read}”，县后面乡镇名末尾的“多”按“乡”改正；其后的村、路、门牌无法核验。"
    ),
    "place-rest-unchecked": QT_TRANSLATE_NOOP(
        "", "省、市、县与行政区划相符；其后的街道、门牌无法核验。"
    ),
    "id-valid": QT_TRANSLATE_NOOP("", "校验码、地区码和出生日期都对。"),
    "id-invalid": QT_TRANSLATE_NOOP("", "识别出的号码“{read}”校验不通过，未填入；请照证件输入。"),
    "id-disagrees": QT_TRANSLATE_NOOP("", "号码中的出生日期或性别与本栏不一致。"),
    "id-agrees": QT_TRANSLATE_NOOP("", "与身份号码中的性别一致。"),
    "id-derived": QT_TRANSLATE_NOOP("", "这一栏没有识别到文字，已按身份号码填入；请对照原件确认。"),
    "date-agrees": QT_TRANSLATE_NOOP("", "与身份号码中的出生日期一致。"),
    "date-invalid": QT_TRANSLATE_NOOP("", "不是一个日期。"),
    "free-text": QT_TRANSLATE_NOOP("", "没有名录可以核对这一栏。"),
    "name-confusable": QT_TRANSLATE_NOOP("", "含有识别时常被认错的字（如 茌/在、亓/元、逄/逢）。"),
    "name-rare": QT_TRANSLATE_NOOP("", "含有姓名中少见的字，或字数不寻常。"),
    "surname-corrected": QT_TRANSLATE_NOOP(
        "", "识别为“{read}”，首字不是常见姓氏；已改为识别时看到的相近姓氏，请对照原件确认。"
    ),
    "name-read-again": QT_TRANSLATE_NOOP(
        "",
        "识别为“{read}”，首字不是常见姓氏；在原处再读一次得到现在的姓名，请逐字对照原件确认。",
    ),
    "name-differs": QT_TRANSLATE_NOOP("", "与另一证件上识别的姓名不同。"),
    "name-agrees": QT_TRANSLATE_NOOP("", "与另一证件上的姓名相同。"),
    "label-fragment": QT_TRANSLATE_NOOP("", "混入了别的栏目的文字。"),
    "workplace-trimmed": QT_TRANSLATE_NOOP(
        "",
        "识别为“{read}”，单位名称结尾之后的字不像名称的一部分（印章、表格线的痕迹），已去掉；请对照原件确认。",
    ),
    "label-removed": QT_TRANSLATE_NOOP(
        "", "识别为“{read}”，后面连着下一栏的栏目名，已去掉；请对照原件确认。"
    ),
    "seal-removed": QT_TRANSLATE_NOOP(
        "", "识别为“{read}”，其中盖章的文字已去掉；章下的字也可能没认全。"
    ),
    "by-position": QT_TRANSLATE_NOOP(
        "", "这一栏的栏目名没有识别到，按表格中同一行的位置读出；请对照原件确认是这一栏的内容。"
    ),
    "outside-table": QT_TRANSLATE_NOOP(
        "", "这一栏的表格线没有找到，按同一行的文字读出；请对照原件确认是这一栏的内容。"
    ),
    "low-confidence": QT_TRANSLATE_NOOP("", "识别把握不大。"),
    "not-read": QT_TRANSLATE_NOOP("", "这一栏没有识别到文字（也可能本来就空着）。"),
}
# what the clerk can do when the flatbed does not scan, by ``ScannerError.reason``
_OWN_PROGRAM = QT_TRANSLATE_NOOP(
    "", "也可以用扫描仪自带的程序扫描，再点“打开图片”（Ctrl+O）打开扫描出的文件。"
)
SCANNER_PROBLEMS = {
    "no-scanner": QT_TRANSLATE_NOOP(
        "", "没有找到扫描仪。请检查扫描仪的数据线是否插好、电源是否打开，然后再试。"
    ),
    "failed": QT_TRANSLATE_NOOP(
        "",
        "扫描仪没有扫描成功。请检查扫描仪的数据线和电源，确认盖板已合上、"
        "没有别的程序在用扫描仪，然后再试。",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "", "扫描仪长时间没有扫完。请检查扫描仪的数据线和电源，然后再试。"
    ),
    "no-tool": QT_TRANSLATE_NOOP("", "这台电脑上没有可用的扫描仪接口，请联系信息员安装。"),
}
STATUS_STYLES = {
    Status.CHECKED: "",
    Status.CORRECTED: "background: #e3f2fd",
    Status.UNCHECKED: "background: #f5f5f5",
    Status.DOUBTFUL: "background: #fff3cd",
    Status.MISSING: "background: #fff3cd",
}
DOUBTFUL_STYLE = STATUS_STYLES[Status.DOUBTFUL]
LOOKED_STYLE = "background: #e8f5e9"
CROP_HEIGHT = 30
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
        self.resize(1280, 700)
        self._runner = runner
        self._known = known or {}
        self.image: bytes = b""
        self.filename = ""
        self.scan: ScanResult | None = None
        self.values: dict[str, str] = {}
        #: per field: how the scan established it and what the clerk did with it
        #: ({"status": "checked", "by": "scan" | "clerk-confirmed" | "clerk-changed"})
        self.provenance: dict[str, dict[str, str]] = {}
        self.kind = QComboBox(self)
        self.kind.setObjectName("scanKind")
        for key, label in KIND_LABELS.items():
            self.kind.addItem(tr(label), key)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.open_button = QPushButton(tr("打开图片… (Ctrl+O)"), self)
        self.open_button.setObjectName("scanOpen")
        self.camera_button = QPushButton(tr("高拍仪拍摄… (Ctrl+K)"), self)
        self.camera_button.setObjectName("scanCamera")
        self.scanner_button = QPushButton(tr("扫描仪扫描(&S)… (Ctrl+J)"), self)
        self.scanner_button.setObjectName("scanFlatbed")
        self.scanner_button.setToolTip(tr("用本机设置的扫描仪扫描玻璃板上的材料"))
        # the device the last flatbed scan came from (for the IT person, in the log)
        self.scanned_from = ""
        self.camera_dialog: CameraDialog | None = None
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
        self.badges: dict[str, QLabel] = {}
        self.looks: dict[str, QCheckBox] = {}
        self.crops: dict[str, QLabel] = {}
        self.accept_button = QPushButton(tr("接受并填入表单"), self)
        self.accept_button.setObjectName("scanAccept")
        self.accept_button.setEnabled(False)
        cancel = QPushButton(tr("取消"), self)
        right = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.open_button)
        top.addWidget(self.camera_button)
        top.addWidget(self.scanner_button)
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
        layout.addWidget(scroll, 5)
        layout.addLayout(right, 6)
        self.open_button.clicked.connect(self.choose_file)
        self.camera_button.clicked.connect(self._camera_of_the_pc)
        self.scanner_button.clicked.connect(self._scanner_of_the_pc)
        self.accept_button.clicked.connect(self._accept)
        cancel.clicked.connect(self.reject)
        self.kind.currentIndexChanged.connect(lambda _i: self._reread())
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_file)
        QShortcut(QKeySequence("Ctrl+K"), self, self._camera_of_the_pc)
        QShortcut(QKeySequence("Ctrl+J"), self, self._scanner_of_the_pc)
        self._document: ScannedDocument | None = None
        self._pixmap: QPixmap | None = None
        self._focused = ""

    # --- reading ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("打开图片"), "", tr("图片 (*.png *.jpg *.jpeg)")
        )
        if name:
            self.read_file(Path(name))

    def take_with_camera(self, source: str | None = None) -> None:
        """The document camera (高拍仪) of the PC's device settings, or ``source``: its
        live picture, and the page it takes read as an opened image would be."""
        if source is None:
            settings = self._device_settings()
            if settings is None:
                return
            source = settings.camera
        dialog = CameraDialog(source, self)
        dialog.accepted.connect(lambda: self._camera_took(dialog))
        self.camera_dialog = dialog
        dialog.open()

    def _device_settings(self) -> device_settings.DeviceSettings | None:
        """The PC's device settings, or None with the damaged file said in the status line
        (what is wrong with it in the tooltip, for the IT person)."""
        try:
            return device_settings.load()
        except DeviceError as exc:
            self.status.setText(tr("本机的外设设置（devices.json）无法使用，请联系信息员修正。"))
            self.status.setToolTip(str(exc))
            return None

    def _camera_of_the_pc(self) -> None:
        """The button and Ctrl+K: the camera the IT person set (``clicked`` would hand
        ``take_with_camera`` its checked flag as the source)."""
        self.take_with_camera()

    def _camera_took(self, dialog: CameraDialog) -> None:
        if dialog.captured:
            self.read_image(dialog.captured, "camera.png")

    def scan_with_scanner(self, device: str | None = None) -> None:
        """The flatbed of the PC's device settings (or ``device``), scanned on a worker
        thread; the page it returns is read as an opened image would be."""
        if not self.scanner_button.isEnabled():
            return  # a scan is under way
        if device is None:
            settings = self._device_settings()
            if settings is None:
                return
            device = settings.scanner
        chosen = device
        self.scanner_button.setEnabled(False)
        self.accept_button.setEnabled(False)
        self.status.setToolTip("")
        self.status.setText(tr("正在扫描，请稍候（扫描仪扫完一页可能要一分钟）…"))
        self._runner.compute(
            lambda: scanner.scan_page(device=chosen),
            self._scanned,
            self._scan_failed,
        )

    def _scanner_of_the_pc(self) -> None:
        """The button and Ctrl+J: the scanner the IT person set."""
        self.scan_with_scanner()

    def _scanned(self, scanned: tuple[str, bytes]) -> None:
        if not shiboken6.isValid(self) or not self.isVisible():
            return  # the clerk closed the dialog (the intake deletes it) while it scanned
        self.scanner_button.setEnabled(True)
        self.scanned_from, png = scanned
        log.info("scanned a page on %s", self.scanned_from)
        self.read_image(png, "scanner.png")

    def _scan_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            log.info("a scan failed after its dialog was closed: %s", exc)
            return
        self.scanner_button.setEnabled(True)
        self._count()  # the accept button as it was, for a page read before
        if isinstance(exc, scanner.ScannerError):
            log.warning("the scanner did not scan (%s): %s", exc.reason, exc)
            problem = SCANNER_PROBLEMS.get(exc.reason, SCANNER_PROBLEMS["failed"])
            self.status.setText(tr(problem) + tr(_OWN_PROGRAM))
            self.status.setToolTip(str(exc))  # the interface's own words, for the IT person
        else:
            self.status.setText(describe(exc)[1])

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
        self.status.setToolTip("")
        self.status.setText(tr("正在识别…"))
        self.accept_button.setEnabled(False)
        self._runner.compute(
            lambda: read_scan(image),
            lambda document: self._read(image, filename, document),
            self._not_read,
        )

    def _not_read(self, exc: Exception) -> None:
        if shiboken6.isValid(self):  # else the clerk closed the dialog while it was read
            self.status.setText(describe(exc)[1])

    def _read(self, image: bytes, filename: str, document: ScannedDocument) -> None:
        """The original image is what is kept; the squared-up one is what is shown, as
        the boxes are in its pixels."""
        if not shiboken6.isValid(self):
            return  # the clerk closed the dialog (the intake deletes it) while it was read
        self.image, self.filename, self._document = image, filename, document
        self._pixmap = QPixmap.fromImage(QImage.fromData(document.image))
        self._reread()

    def _reread(self) -> None:
        if self._pixmap is None or self._document is None:
            return
        kind = str(self.kind.currentData())
        known = {k: v for k, v in self._known.items() if v}
        self.scan = self._document.fields(kind, known=known)
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits.clear()
        self.badges.clear()
        self.looks.clear()
        self.crops.clear()
        labels = dict(LAYOUTS[kind])
        for name, found in self.scan.fields.items():
            self.form.addRow(tr(labels[name]), self._row(name, found))
        self._count()
        self._check()
        self._draw()
        first = next(iter(self.edits.values()), None)
        if first is not None:
            first.setFocus()

    def _row(self, name: str, found: Field) -> QWidget:
        """The value, how it was established, the confirmation it needs, and the piece
        of the image it was read from."""
        row = QWidget(self.form_box)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(found.value, row)
        edit.setObjectName(f"scan:{name}")
        edit.setStyleSheet(STATUS_STYLES[found.status])
        edit.setToolTip(tr(REASONS.get(found.reason, "")).format(read=found.read))
        edit.textEdited.connect(lambda _t, n=name: self._edited(n))
        edit.installEventFilter(self)
        # the value is what the clerk compares: never squeezed below a place's width by
        # the confirmation box beside it (longer in English)
        edit.setMinimumWidth(EDIT_MIN_WIDTH)
        badge = QLabel(tr(STATUS_LABELS[found.status]), row)
        badge.setObjectName(f"scanStatus:{name}")
        badge.setMinimumWidth(90)
        look = QCheckBox(tr("已对照原件"), row)
        look.setObjectName(f"scanLooked:{name}")
        look.setVisible(found.needs_look)
        look.setToolTip(tr("对照原件看过这一栏后勾选；改动这一栏也算看过。"))
        look.toggled.connect(lambda _on: self._count())
        crop = QLabel(row)
        crop.setObjectName(f"scanCrop:{name}")
        crop.setFixedWidth(220)
        piece = self._crop(found.box)
        if piece is not None:
            crop.setPixmap(piece)
        line.addWidget(edit, 3)
        line.addWidget(badge)
        line.addWidget(look)
        line.addWidget(crop)
        for widget in (row, edit, badge, look, crop):
            widget.show()  # now, not by the layout's queued call: hidden, it takes no focus
        look.setHidden(not found.needs_look)
        self.edits[name], self.badges[name] = edit, badge
        self.looks[name], self.crops[name] = look, crop
        return row

    def _crop(self, box: tuple[int, int, int, int] | None) -> QPixmap | None:
        if box is None or self._pixmap is None:
            return None
        left, top, right, bottom = box
        pad = max(4, (bottom - top) // 4)
        piece = self._pixmap.copy(
            QRect(left - pad, top - pad, right - left + 2 * pad, bottom - top + 2 * pad)
        )
        if piece.isNull():
            return None
        piece = piece.scaledToHeight(CROP_HEIGHT, Qt.TransformationMode.SmoothTransformation)
        if piece.width() > 220:
            piece = piece.scaledToWidth(220, Qt.TransformationMode.SmoothTransformation)
        return piece

    def _edited(self, name: str) -> None:
        """Typing in a field is looking at it."""
        look = self.looks.get(name)
        if look is not None and not look.isChecked():
            look.setChecked(True)
        self._check()

    def unlooked(self) -> list[str]:
        """The fields the clerk must still look at before accepting."""
        if self.scan is None:
            return []
        return [
            name
            for name, found in self.scan.fields.items()
            if found.needs_look and not self.looks[name].isChecked()
        ]

    def _count(self) -> None:
        if self.scan is None:
            return
        left = self.unlooked()
        for name, look in self.looks.items():
            if look.isChecked():
                self.edits[name].setStyleSheet(LOOKED_STYLE)
            elif self.scan.fields[name].needs_look:
                self.edits[name].setStyleSheet(STATUS_STYLES[self.scan.fields[name].status])
        checked = sum(not f.needs_look for f in self.scan.fields.values())
        if left:
            self.status.setText(
                tr(
                    "已识别 {count} 项，其中 {checked} 项已核验；还有 {left} 项须对照原件"
                    "看过（勾选“已对照原件”或改正）才能接受。"
                ).format(count=len(self.scan.fields), checked=checked, left=len(left))
            )
        else:
            self.status.setText(
                tr("已识别 {count} 项，都已核验或看过。可以接受。").format(
                    count=len(self.scan.fields)
                )
            )
        self.accept_button.setEnabled(not left)

    def _check(self) -> None:
        """The checks again on what is in the form now (the clerk's corrections count)."""
        if self.scan is None:
            return
        current = {name: Field(edit.text().strip(), 1.0, None) for name, edit in self.edits.items()}
        problems = check_one(self.scan.kind, current)
        known = {k: Field(v, 1.0, None) for k, v in self._known.items() if v}
        problems += cross_check(ScanResult("known", known), ScanResult(self.scan.kind, current))
        self.problems.setText("\n".join(problems))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._focused = next((n for n, e in self.edits.items() if e is watched), "")
            self._draw()
        return super().eventFilter(watched, event)

    def _draw(self) -> None:
        """The image with each field's region outlined; the one being checked in red."""
        if self._pixmap is None or self.scan is None:
            return
        shown = self._pixmap.copy()
        painter = QPainter(shown)
        for name, found in self.scan.fields.items():
            if found.box is None:
                continue
            left, top, right, bottom = found.box
            painter.setPen(QPen(FOCUS if name == self._focused else BOX, 3))
            painter.drawRect(QRect(left - 3, top - 3, right - left + 6, bottom - top + 6))
        painter.end()
        self.picture.setPixmap(
            shown.scaledToWidth(min(shown.width(), 640), Qt.TransformationMode.SmoothTransformation)
        )

    def _accept(self) -> None:
        if self.scan is None or self.unlooked():
            return
        self.values = {name: edit.text().strip() for name, edit in self.edits.items()}
        self.provenance = {}
        for name, found in self.scan.fields.items():
            if self.values[name] != found.value:
                by = "clerk-changed"
            elif found.needs_look:
                by = "clerk-confirmed"
            else:
                by = "scan"
            self.provenance[name] = {"status": found.status.value, "by": by}
        self.accept()

    @property
    def media_type(self) -> str:
        return mimetypes.guess_type(self.filename)[0] or "image/png"
