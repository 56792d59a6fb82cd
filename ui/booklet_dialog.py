"""A collective's family household booklets (家庭居民户口簿): the members chosen for one
booklet page with their relation to its head, its application, decision and print."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.models.enums import RELATION_ZH, Relation
from caseworker.services.base import Actor
from caseworker.services.collectives import (
    BookletView,
    CollectiveService,
    CollectiveView,
    MemberView,
)
from caseworker.services.permissions import SUPERVISING
from ui.i18n import term, tr


class BookletHost(Protocol):
    """What the dialog needs of the page that opens it (the collectives page)."""

    actor: Actor
    service: CollectiveService

    def _call(self, work: Callable[[], Any], done: Callable[[Any], Any]) -> None: ...
    def _write(self, name: str, work: Callable[[], Any], done: Callable[[Any], Any]) -> None: ...
    def _tell(self, message: str) -> None: ...
    def _preview(self, pdf: bytes, title: str) -> None: ...


MANAGING = SUPERVISING


def relation_name(relation: str) -> str:
    if not relation:
        return tr("本人")
    try:
        known = Relation(relation)
    except ValueError:
        return relation
    return term(RELATION_ZH[known], known.value)


class BookletDialog(QDialog):
    """The family booklets (家庭居民户口簿) of one collective: apply with members of its
    roster, decide (a supervisor who did not take it), print."""

    RELATIONS = ("", *(r.value for r in Relation))

    def __init__(self, page: BookletHost, collective: CollectiveView) -> None:
        super().__init__(page if isinstance(page, QWidget) else None)
        self.page, self.collective = page, collective
        self.setWindowTitle(tr("家庭居民户口簿 — {code}").format(code=collective.code))
        self.resize(820, 560)
        self.people = QTableWidget(0, 4, self)
        self.people.setObjectName("bookletPeople")
        self.people.setHorizontalHeaderLabels(
            [tr("纳入"), tr("姓名"), tr("与户主关系（空为户主）"), tr("共同居住")]
        )
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.list = QTableWidget(0, 3, self)
        self.list.setObjectName("booklets")
        self.list.setHorizontalHeaderLabels([tr("编号"), tr("状态"), tr("户号或理由")])
        self.list.horizontalHeader().setStretchLastSection(True)
        apply_button = QPushButton(tr("申请"), self)
        decide_button = QPushButton(tr("审批"), self)
        print_button = QPushButton(tr("打印"), self)
        decide_button.setEnabled(page.actor.role in MANAGING)
        apply_button.clicked.connect(self.apply)
        decide_button.clicked.connect(self.decide)
        print_button.clicked.connect(self.print_page)
        row = QHBoxLayout()
        for button in (apply_button, decide_button, print_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("选择同一集体户内具有家庭成员关系的人员："), self))
        layout.addWidget(self.people)
        layout.addWidget(QLabel(tr("本集体户的家庭户口簿："), self))
        layout.addWidget(self.list)
        layout.addLayout(row)
        self._members: list[MemberView] = []
        self._booklets: list[BookletView] = []
        self.reload()

    def reload(self) -> None:
        code = self.collective.code
        self.page._call(lambda: self.page.service.roster(self.page.actor, code), self._fill_people)
        self.page._call(
            lambda: self.page.service.booklets(self.page.actor, code), self._fill_booklets
        )

    def _fill_people(self, members: list[MemberView]) -> None:
        self._members = members
        self.people.setRowCount(len(members))
        for n, member in enumerate(members):
            include = QTableWidgetItem()
            include.setCheckState(Qt.CheckState.Unchecked)
            self.people.setItem(n, 0, include)
            self.people.setItem(n, 1, QTableWidgetItem(member.person.name))
            relation = QComboBox(self.people)
            for value in self.RELATIONS:
                relation.addItem(relation_name(value) if value else tr("户主"), value)
            self.people.setCellWidget(n, 2, relation)
            together = QTableWidgetItem()
            together.setCheckState(Qt.CheckState.Checked)
            self.people.setItem(n, 3, together)

    def _fill_booklets(self, booklets: list[BookletView]) -> None:
        self._booklets = booklets
        self.list.setRowCount(len(booklets))
        for n, booklet in enumerate(booklets):
            said = booklet.household_number or "；".join(booklet.reasons)
            for column, text in enumerate((booklet.number, booklet.state, said)):
                self.list.setItem(n, column, QTableWidgetItem(text))

    def chosen(self) -> tuple[int | None, list[tuple[str | int, str, bool]]]:
        """The head's roster row and the others' (row, relation, living together): the
        roster may show masked ID numbers, its rows name the people all the same."""
        head: int | None = None
        others: list[tuple[str | int, str, bool]] = []
        for n, member in enumerate(self._members):
            item = self.people.item(n, 0)
            if item is None or item.checkState() != Qt.CheckState.Checked:
                continue
            combo = self.people.cellWidget(n, 2)
            relation = combo.currentData() if isinstance(combo, QComboBox) else ""
            together = self.people.item(n, 3)
            living = together is not None and together.checkState() == Qt.CheckState.Checked
            number = member.id
            if relation:
                others.append((number, str(relation), living))
            else:
                head = number
        return head, others

    def apply(self) -> None:
        head, others = self.chosen()
        if head is None:
            self.page._tell(tr("请勾选户主（关系留空的一人）和其他家庭成员。"))
            return
        code = self.collective.code
        chosen_head = head
        self.page._write(
            "apply_booklet",
            lambda: self.page.service.apply_booklet(
                self.page.actor, code, head=chosen_head, members=others
            ),
            lambda _b: self.reload(),
        )

    def _selected(self) -> BookletView | None:
        row = self.list.currentRow()
        return self._booklets[row] if 0 <= row < len(self._booklets) else None

    def decide(self) -> None:
        booklet = self._selected()
        if booklet is None:
            return
        self.page._write(
            "decide_booklet",
            lambda: self.page.service.decide_booklet(self.page.actor, booklet.number),
            lambda _b: self.reload(),
        )

    def print_page(self) -> None:
        booklet = self._selected()
        if booklet is None:
            return
        self.page._call(
            lambda: self.page.service.print_booklet(self.page.actor, booklet.number),
            lambda pdf: self.page._preview(pdf, f"{tr('家庭居民户口簿')} {booklet.number}"),
        )
