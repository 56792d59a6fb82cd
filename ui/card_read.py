"""What the desk does with a card just read, beyond filling the form: it asks before a
card replaces another person's data in the form (an application is open, or another
number typed), flags a card past its 有效期限 (valid-until date) and shows the photo
when the reader's vendor library decoded one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QWidget

from caseworker.services.base import mask_id
from caseworker.services.id_reader import CardData
from ui.i18n import tr

PHOTO_HEIGHT = 96  # a card photo is 102 x 126 pixels


def may_replace(parent: QWidget, *, card: CardData, number: str | None, current: str) -> bool:
    """True when the card may fill the form: nothing else is in it, it is the same
    person, or the clerk said so."""
    current = current.strip().upper()
    if current == card.id_number or (not current and number is None):
        return True
    what = (
        tr("申请 {number}").format(number=number)
        if number is not None
        else tr("身份证号 {id}").format(id=mask_id(current) or current)
    )
    shown = tr(
        "读到的身份证（{name} {card}）与表单中的{what}不是同一人。\n"
        "用读到的身份证替换表单中的申请人信息吗？"
    ).format(name=card.name, card=mask_id(card.id_number), what=what)
    answer = QMessageBox.question(
        parent,
        tr("替换申请人信息？"),
        shown,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class CardView(QWidget):
    """The card last read: its photo (when decoded) and, in red, an expired card."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel(self)
        self.note.setObjectName("cardNote")
        self.note.setWordWrap(True)
        self.photo = QLabel(self)
        self.photo.setObjectName("cardPhoto")
        row.addWidget(self.note, 1)
        row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignRight)
        self.clear()

    def clear(self) -> None:
        self.note.clear()
        self.photo.clear()
        self.photo.hide()

    def show_card(self, card: CardData) -> None:
        if card.expired:
            self.note.setStyleSheet("color: #c62828; font-weight: bold")
            self.note.setText(
                tr(
                    "此身份证已过有效期限（至 {until}）：请申请人换领新证，或凭临时身份证办理。"
                ).format(until=card.valid_until.isoformat() if card.valid_until else "—")
            )
        else:
            self.note.setStyleSheet("")
            until = card.valid_until.isoformat() if card.valid_until else tr("长期")
            self.note.setText(tr("身份证有效期至 {until}").format(until=until))
        pixmap = QPixmap()
        if card.photo_image and pixmap.loadFromData(card.photo_image):
            self.photo.setPixmap(
                pixmap.scaledToHeight(PHOTO_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )
            self.photo.show()
        else:
            self.photo.clear()
            self.photo.hide()
