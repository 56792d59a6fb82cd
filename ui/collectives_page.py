"""The collective-hukou tab (集体户): the collectives this user may see, the roster of the
one selected, and the work on it — admit from an application, move out, transfer, print
and export the roster, close, and the family booklet. Every call goes to
``CollectiveService`` on the database worker; the service decides who may do what."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker.models.collectives import KIND_ZH, MOVEMENT_ZH, CollectiveKind, Movement
from caseworker.services.base import Actor
from caseworker.services.collectives import (
    CollectiveService,
    CollectiveView,
    MemberView,
)
from caseworker.services.permissions import SUPERVISING
from ui.booklet_dialog import BookletDialog, relation_name
from ui.errors import show_error
from ui.files import save_bytes
from ui.i18n import term, tr
from ui.operations import Changes, Operations
from ui.paged_model import RowsTableModel
from ui.print_preview import PrintPreview
from ui.tasks import TaskRunner

Index = QModelIndex | Any
MANAGING = SUPERVISING


class _RowsModel(RowsTableModel):
    """A small table of frozen values (tens of collectives, a roster of hundreds)."""

    @property
    def rows(self) -> list[Any]:
        return self._rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def cell(self, item: Any, column: int, role: int) -> Any:
        return self.text(item, column) if role == Qt.ItemDataRole.DisplayRole else None

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError


class CollectiveModel(_RowsModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("", "户号"),
        QT_TRANSLATE_NOOP("", "类别"),
        QT_TRANSLATE_NOOP("", "名称"),
        QT_TRANSLATE_NOOP("", "在册人数"),
        QT_TRANSLATE_NOOP("", "管理员"),
        QT_TRANSLATE_NOOP("", "状态"),
    )

    def text(self, row: CollectiveView, column: int) -> str:
        kind = CollectiveKind(row.kind)
        state = tr("正常") if row.is_open else tr("已关闭")
        return (
            row.code,
            term(KIND_ZH[kind], kind.value),
            row.name,
            str(row.members),
            row.administrator or "—",
            state,
        )[column]


class RosterModel(_RowsModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("", "姓名"),
        QT_TRANSLATE_NOOP("", "公民身份号码"),
        QT_TRANSLATE_NOOP("", "与申请人关系"),
        QT_TRANSLATE_NOOP("", "迁入方式"),
        QT_TRANSLATE_NOOP("", "迁入日期"),
        QT_TRANSLATE_NOOP("", "申请编号"),
        QT_TRANSLATE_NOOP("", "去向"),
    )

    def text(self, row: MemberView, column: int) -> str:
        began = Movement(row.began)
        left = ""
        if row.ended:
            ended = Movement(row.ended)
            left = (
                f"{term(MOVEMENT_ZH[ended], ended.value)} {row.left_at:%Y-%m-%d} {row.destination}"
            )
        return (
            row.person.name,
            row.person.id_number or "",
            relation_name(row.relation),
            term(MOVEMENT_ZH[began], began.value),
            f"{row.admitted_at:%Y-%m-%d}",
            row.application_number or "",
            left,
        )[column]


class CollectivesPage(QWidget):
    def __init__(
        self,
        service: CollectiveService,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
        operations: Operations,
    ) -> None:
        super().__init__(parent)
        self.service, self.actor, self.runner = service, actor, runner
        self.read_only = read_only
        # the desk's named operations: a write here announces its change record, and
        # this page (the queue and statistics too) redraws from it in ``changed``
        self.operations = operations
        self.model = CollectiveModel(self)
        self.roster = RosterModel(self)
        self.table = _table(self, self.model, "collectives")
        self.members = _table(self, self.roster, "roster")
        self.show_closed = QCheckBox(tr("含已关闭"), self)
        self.show_past = QCheckBox(tr("含已迁出"), self)
        self.heading = QLabel(tr("选择一个集体户"), self)
        self.heading.setObjectName("collectiveHeading")
        self.heading.setWordWrap(True)
        managing = actor.role in MANAGING
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot, allowed in (
            ("create", tr("新建…"), self.new_collective, managing),
            ("admit", tr("接收入户…"), self.admit, True),
            ("move_out", tr("迁出…"), self.move_out, True),
            ("transfer", tr("转移…"), self.transfer, True),
            ("booklet", tr("家庭户口簿…"), self.booklets, True),
            ("print", tr("打印花名册"), self.print_roster, True),
            ("export", tr("导出…"), self.export, managing),
            ("close", tr("关闭集体户…"), self.close_collective, managing),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"collective:{key}")
            button.clicked.connect(slot)
            writes = key not in {"print", "export", "booklet"}
            button.setEnabled(allowed and not (read_only and writes))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.show_closed)
        left_layout.addWidget(self.table)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.show_past)
        right_layout.addWidget(self.members)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.load_roster())
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.show_past.toggled.connect(lambda _on: self.load_roster())

    # --- reading -----------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        keep = select or self.selected_code()
        closed = self.show_closed.isChecked()

        def loaded(rows: list[CollectiveView]) -> None:
            self.model.set_rows(rows)
            codes = [r.code for r in rows]
            if rows:
                self.table.selectRow(codes.index(keep) if keep in codes else 0)
            else:
                self.roster.set_rows([])
                self.heading.setText(tr("没有可查看的集体户"))

        self._call(lambda: self.service.collectives(self.actor, include_closed=closed), loaded)

    def selected(self) -> CollectiveView | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def selected_code(self) -> str | None:
        chosen = self.selected()
        return chosen.code if chosen else None

    def selected_member(self) -> MemberView | None:
        row = self.members.currentIndex().row()
        found = self.roster.rows[row] if 0 <= row < len(self.roster.rows) else None
        return found if found is not None and found.current else None

    def load_roster(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        kind = CollectiveKind(chosen.kind)
        self.heading.setText(
            f"<b>{chosen.name}</b>  {chosen.code}  {term(KIND_ZH[kind], kind.value)}<br>"
            + tr("住址：{address}　在册 {count} 人").format(
                address=chosen.address, count=chosen.members
            )
        )
        past = self.show_past.isChecked()
        self._call(
            lambda: self.service.roster(self.actor, chosen.code, include_past=past),
            self.roster.set_rows,
        )

    # --- the work ------------------------------------------------------------------------

    def new_collective(self) -> None:
        dialog = CollectiveDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        self._write(
            "create_collective",
            lambda: self.service.create(self.actor, **values),
            lambda view: self.refresh(select=view.code),
        )

    def admit(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        number, ok = QInputDialog.getText(
            self, tr("接收入户"), tr("已批准的申请编号（本人及可随迁的亲属一并入户）：")
        )
        if not ok or not number.strip():
            return
        self._write(
            "admit",
            lambda: self.service.admit(self.actor, chosen.code, number.strip()),
            lambda admitted: self._after(tr("已入户 {count} 人").format(count=len(admitted))),
        )

    def move_out(self) -> None:
        chosen, member = self.selected(), self.selected_member()
        if chosen is None or member is None:
            self._tell(tr("请先在名册中选择一名在册人员。"))
            return
        destination, ok = QInputDialog.getText(
            self, tr("迁出"), tr("{name} 迁往何处：").format(name=member.person.name)
        )
        if not ok or not destination.strip():
            return
        number = member.id
        self._write(
            "move_out",
            lambda: self.service.move_out(self.actor, chosen.code, number, destination=destination),
            lambda _m: self._after(tr("已迁出")),
        )

    def transfer(self) -> None:
        chosen, member = self.selected(), self.selected_member()
        if chosen is None or member is None:
            self._tell(tr("请先在名册中选择一名在册人员。"))
            return
        others = [r.code for r in self.model.rows if r.is_open and r.code != chosen.code]
        family = tr("家庭户（填户号或地址）")
        target, ok = QInputDialog.getItem(
            self, tr("转移"), tr("转往："), [*others, family], 0, True
        )
        if not ok or not target.strip():
            return
        number = member.id
        if target == family:
            text, ok = QInputDialog.getText(self, tr("转移"), family)
            if not ok or not text.strip():
                return
            work: Callable[[], Any] = lambda: self.service.transfer(  # noqa: E731
                self.actor, chosen.code, number, to_family_household=text
            )
        else:
            work = lambda: self.service.transfer(  # noqa: E731
                self.actor, chosen.code, number, to_collective=target.strip()
            )
        self._write("transfer", work, lambda _m: self._after(tr("已转移")))

    def print_roster(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self._call(
            lambda: self.service.roster_pdf(self.actor, chosen.code),
            lambda pdf: self._preview(pdf, tr("集体户成员名册 {code}").format(code=chosen.code)),
        )

    def export(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, tr("导出名册"), f"{chosen.code}.csv", "CSV (*.csv)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        chosen = self.selected()
        if chosen is None:
            return

        def written(data: bytes) -> None:
            if not save_bytes(self, path, data):
                return
            self._after(tr("已导出到 {file}").format(file=path))

        self._call(lambda: self.service.export_roster(self.actor, chosen.code), written)

    def close_collective(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        reason, ok = QInputDialog.getText(
            self, tr("关闭集体户"), tr("关闭 {code} 的理由：").format(code=chosen.code)
        )
        if not ok or not reason.strip():
            return
        self._write(
            "close_collective",
            lambda: self.service.close(self.actor, chosen.code, reason),
            lambda _v: None,
        )

    def booklets(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.booklet_dialog = BookletDialog(self, chosen)
        self.booklet_dialog.show()

    # --- plumbing --------------------------------------------------------------------------

    def _after(self, message: str) -> None:
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(message, 8000)

    def _tell(self, message: str) -> None:
        QMessageBox.information(self, tr("集体户"), message)

    def _preview(self, pdf: bytes, title: str) -> None:
        self.preview = PrintPreview(pdf, title, self)
        self.preview.show()

    def _call(self, work: Callable[[], Any], done: Callable[[Any], Any]) -> None:
        self.runner.store(work, done, lambda exc: show_error(self, exc))

    def _write(self, name: str, work: Callable[[], Any], done: Callable[[Any], Any]) -> None:
        """A named operation on a collective; the change record redraws the lists."""
        self.operations.collective(
            name,
            work,
            code=self.selected_code(),
            done=done,
            failed=lambda exc: show_error(self, exc),
        )

    def changed(self, changes: Changes) -> None:
        """A change record: the collectives and the roster are read again."""
        if changes.collectives:
            self.refresh()


class CollectiveDialog(QDialog):
    """A new collective household: kind, name, address, division, sponsor, administrator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("新建集体户"))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        for kind in CollectiveKind:
            self.kind.addItem(term(KIND_ZH[kind], kind.value), kind.value)
        self.name = QLineEdit(self)
        self.address = QLineEdit(self)
        self.division = QLineEdit(self)
        self.division.setPlaceholderText(tr("区划代码：区县 6 位、街道 9 位或社区 12 位"))
        self.sponsor = QLineEdit(self)
        self.administrator = QLineEdit(self)
        self.administrator.setPlaceholderText(tr("集体户管理员的用户名"))
        for label, widget in (
            (tr("类别"), self.kind),
            (tr("名称"), self.name),
            (tr("住址"), self.address),
            (tr("区划代码"), self.division),
            (tr("设立单位"), self.sponsor),
            (tr("管理员"), self.administrator),
        ):
            form.addRow(label, widget)
        ok = QPushButton(tr("确定"), self)
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        cancel = QPushButton(tr("取消"), self)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(ok)
        row.addWidget(cancel)
        form.addRow(row)

    def values(self) -> dict[str, str]:
        return {
            "kind": str(self.kind.currentData()),
            "name": self.name.text(),
            "address": self.address.text(),
            "division_code": self.division.text(),
            "sponsor": self.sponsor.text(),
            "administrator": self.administrator.text(),
        }


def _table(parent: QWidget, model: QAbstractTableModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    # a few collectives, a roster of hundreds: sized to their contents (the queue of
    # 300,000 rows is not, see ui/main_window.py)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table
