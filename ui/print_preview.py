"""Print preview for a rendered document: its pages as the printer will get them, then
print through the Qt print dialog or save as PDF. The desk's buttons open it.

Printing is at true size (``caseworker.devices.printer``): through CUPS the PDF itself
goes to the chosen printer; on Windows each page is rendered at the printer's resolution
and placed at its exact physical size from the paper's corner."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QSize, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.devices import printer as true_size
from caseworker.devices import settings as device_settings
from caseworker.devices.errors import DeviceError
from ui.files import save_bytes
from ui.i18n import tr

#: preview at 96 dpi (printing is at the printer's own resolution)
PREVIEW_SCALE = 96 / 72


def documents_folder() -> Path:
    """The user's documents folder (文档, Documents), else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def safe_file_name(text: str) -> str:
    """``text`` as a file name on every system: spaces and separators made dashes."""
    return re.sub(r'[\\/:*?"<>|\s]+', "-", text.strip()).strip("-") or "document"


def save_as_dialog(parent: QWidget, *, path: Path) -> QFileDialog:
    """Qt's save dialog for a PDF, every label of it in the desk's language (Qt's own
    Chinese catalogue leaves "Look in" and "Files of type" in English), opening at
    ``path``: the folder, and the file name suggested."""
    dialog = QFileDialog(parent, tr("另存为 PDF"), str(path.parent), tr("PDF 文件 (*.pdf)"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("pdf")
    labels = QFileDialog.DialogLabel
    for label, text in (
        (labels.LookIn, tr("查找范围：")),
        (labels.FileName, tr("文件名：")),
        (labels.FileType, tr("文件类型：")),
        (labels.Accept, tr("保存(&S)")),
        (labels.Reject, tr("取消")),
    ):
        dialog.setLabelText(label, text)
    dialog.selectFile(path.name)
    return dialog


def page_images(pdf: bytes, scale: float) -> list[QImage]:
    """The PDF's pages as images (pypdfium2 renders, Qt shows)."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for page in document:
            pil = page.render(scale=scale).to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels before the buffer goes
        return images
    finally:
        document.close()


def printer_of_the_pc() -> QPrinter:
    """A printer set to the one the PC's device settings name (``printer``), so that the
    print dialog opens on it; the system's default when none is named, or the one named
    is not installed (damaged settings are said when printing)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    try:
        named = device_settings.load().printer
    except DeviceError:
        return printer
    if named and named in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(named)
    return printer


def fitted_size(parent: QWidget | None, wanted: QSize) -> QSize:
    """``wanted``, made smaller where the screen (the parent's, else the primary) is: a
    window taller than a 1366×768 screen hides its own buttons."""
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() * 0.92
    return wanted.boundedTo(room)


class PrintPreview(QDialog):
    def __init__(
        self, pdf: bytes, title: str, parent: QWidget | None = None, *, file_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        #: what "save as" suggests: the document and its number, in the documents folder
        self.file_name = file_name or f"{safe_file_name(title)}.pdf"
        self.setWindowTitle(tr("打印预览 — {title}").format(title=title))
        self.resize(fitted_size(parent, QSize(900, 1000)))
        self.pages = page_images(pdf, PREVIEW_SCALE)
        column = QWidget(self)
        column_layout = QVBoxLayout(column)
        for image in self.pages:
            label = QLabel(column)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column_layout.addWidget(label)
        scroll = QScrollArea(self)
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        self.print_button = QPushButton(tr("打印(&P)…"), self)
        self.save_button = QPushButton(tr("另存为 PDF(&S)…"), self)
        close_button = QPushButton(tr("关闭"), self)
        self.print_button.clicked.connect(self._choose_printer)
        self.save_button.clicked.connect(self._choose_file)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)

    def _choose_printer(self) -> None:
        printer = printer_of_the_pc()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Send the document to ``printer`` at true size, with its calibration."""
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            self.save_to(Path(printer.outputFileName()))  # "print to file": the PDF itself
            return
        try:
            settings = device_settings.load()
        except DeviceError as exc:
            self._cannot_print(
                tr("本机的外设设置（devices.json）无法使用，请联系信息员修正。"), str(exc)
            )
            return
        try:
            if sys.platform == "win32":
                self._print_exact_size(printer, settings)
            else:
                true_size.print_pdf(
                    self.pdf,
                    printer=printer.printerName(),
                    title=self.windowTitle(),
                    settings=settings,
                )
        except DeviceError as exc:
            self._cannot_print(
                tr(
                    "打印机没有响应。请检查打印机的电源、连接线和纸张，"
                    "或在打印对话框中选择另一台打印机后再打印。"
                ),
                str(exc),
            )

    def _cannot_print(self, message: str, detail: str) -> None:
        """The clerk's message in the interface's language; the print system's own words
        (often English) kept behind 显示详细信息 for the IT person, never in the message."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("无法打印"), message, parent=self)
        box.setDetailedText(detail)
        box.open()
        self.cannot_print_box = box

    def _print_exact_size(
        self, printer: QPrinter, settings: device_settings.DeviceSettings
    ) -> None:
        """Windows: each page rendered at the printer's resolution, drawn from the paper's
        corner at its physical size (never fitted to the printable area)."""
        printer.setFullPage(True)
        calibration = settings.calibration_for(printer.printerName())
        dpi = printer.resolution()
        sizes = true_size.page_sizes_mm(self.pdf)
        painter = QPainter()
        if not painter.begin(printer):
            raise true_size.PrintError("the printer did not respond")
        try:
            # rendered at the printer's resolution up to 600 dpi (an A4 page at 1200 dpi is
            # 400 MB of pixels); the rectangle is the page's physical size either way
            for n, image in enumerate(page_images(self.pdf, min(dpi, 600) / 72)):
                if n:
                    printer.newPage()
                width_mm, height_mm = sizes[n]
                x, y, w, h = true_size.device_rect(
                    page_width_pt=width_mm * true_size.POINTS_PER_MM,
                    page_height_pt=height_mm * true_size.POINTS_PER_MM,
                    dpi_x=dpi,
                    dpi_y=dpi,
                    calibration=calibration,
                )
                painter.drawImage(QRect(x, y, w, h), image)
        finally:
            painter.end()

    def suggested_path(self) -> Path:
        return documents_folder() / self.file_name

    def _choose_file(self) -> None:
        dialog = save_as_dialog(self, path=self.suggested_path())
        self.save_dialog = dialog
        if dialog.exec() and dialog.selectedFiles():
            self.save_to(Path(dialog.selectedFiles()[0]))

    def save_to(self, path: Path) -> bool:
        return save_bytes(self, path, self.pdf)
