"""At first run on a machine with a keyring (钥匙串): the offer to make the key recovery
file and its printed sheet now, while the administrator is at the machine. Without them
a lost Windows profile makes every backup unreadable (README: For the office's IT)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caseworker.printing.recovery_sheet import RecoverySheet, render
from caseworker.services.base import Actor
from caseworker.services.key_recovery import MIN_PASSPHRASE, export_keys, read_header
from ui.errors import describe
from ui.i18n import tr
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from caseworker.services.store import Store


class RecoveryOfferDialog(QDialog):
    """Two passphrase fields and a folder; 制作 writes ``<office>.cwkey`` and its PDF."""

    def __init__(
        self,
        store: Store,
        admin: str,
        folder: Path,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner,
    ) -> None:
        super().__init__(parent)
        self.store, self.admin = store, admin
        self._runner = runner  # the passphrase stretched and the export audited: on its worker
        self.written: list[Path] = []
        self.setWindowTitle(tr("制作密钥恢复单"))
        layout = QVBoxLayout(self)
        note = QLabel(
            tr(
                "存储密钥保存在本用户的系统钥匙串中。换电脑或用户配置丢失时，只有用恢复文件和口令"
                "才能打开备份。建议现在制作：恢复文件和打印的恢复单放所内保险柜，口令另行密封保管。"
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("recoveryPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setObjectName("recoveryPassphraseAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder = QLineEdit(str(folder), self)
        self.folder.setObjectName("recoveryFolder")
        form.addRow(tr("恢复口令（至少 {n} 个字符）").format(n=MIN_PASSPHRASE), self.passphrase)
        form.addRow(tr("再次输入"), self.again)
        form.addRow(tr("保存到文件夹"), self.folder)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("recoveryError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.make = buttons.addButton(tr("制作"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("以后再说"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.make_files)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def make_files(self) -> None:
        if self.passphrase.text() != self.again.text():
            self.error.setText(tr("两次输入的口令不一致"))
            return
        store, actor = self.store, Actor(self.admin, "admin")
        passphrase, target = self.passphrase.text(), Path(self.folder.text())

        def work() -> list[Path]:
            text = export_keys(store, actor, passphrase=passphrase, now=datetime.now())
            header = read_header(text)
            target.mkdir(parents=True, exist_ok=True)
            stem = f"caseworker-key-{header['office_code']}"
            key_path, sheet_path = target / f"{stem}.cwkey", target / f"{stem}.pdf"
            key_path.write_text(text, encoding="utf-8")
            sheet_path.write_bytes(
                render(
                    RecoverySheet(
                        office_code=str(header["office_code"]),
                        police_station_name=str(header["station_name"]),
                        store_id=str(header["store_id"]),
                        created_at=str(header["created_at"]),
                        recovery_text=text,
                    )
                )
            )
            return [key_path, sheet_path]

        def made(written: list[Path]) -> None:
            self.written = written
            self.accept()

        def failed(exc: Exception) -> None:  # shown in the dialog, in the desk's language
            self.make.setEnabled(True)
            self.error.setText(describe(exc)[1])

        self.make.setEnabled(False)  # one at a time
        self.error.clear()
        self._runner.store(work, made, failed)


def offer(
    store: Store, admin: str, parent: QWidget | None = None, *, runner: TaskRunner
) -> list[Path]:
    """The offer, on a keyring machine only (a key file is the administrator's copy
    already); returns the files written, or nothing when declined."""
    if store.settings.key_source != "keyring":
        return []
    dialog = RecoveryOfferDialog(store, admin, Path.home() / "Documents", parent, runner=runner)
    dialog.exec()
    return dialog.written
