"""The decision panel: the engine's decision, route by route, live as facts change.

Each route shows its status colour, clause id and name; expanding it shows the original
clause text, the unmet conditions (actual against required), what would make it
eligible, and the documents to see as a checklist the clerk ticks."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from caseworker.rules.decision import (
    ELIGIBLE,
    INCOMPLETE,
    INELIGIBLE,
    STATUS_ZH,
    Decision,
    RouteResult,
)
from caseworker.rules.plain import alternatives_on_lines, fact_labels
from ui.citations import Citations, clause_number
from ui.i18n import english, term, tr
from ui.wrap_delegate import WrappingDelegate

STATUS_COLOURS = {ELIGIBLE: "#2e7d32", INCOMPLETE: "#b26a00", INELIGIBLE: "#c62828"}
DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = (QT_TRANSLATE_NOOP("", "途径"), QT_TRANSLATE_NOOP("", "结果"))


class DecisionPanel(QWidget):
    document_ticked = Signal(str, bool)  # document name, ticked

    def __init__(self, citations: Citations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.citations = citations
        self.heading = QLabel(
            tr("填写身份证号和拟落户地后显示审查结果"),
            self,
        )
        self.heading.setObjectName("decisionHeading")
        self.heading.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.tree = QTreeView(self)
        self.tree.setObjectName("decisionRoutes")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))  # long reasons wrap
        self.tree.setHeaderHidden(False)
        self.tree.setColumnWidth(0, 420)
        self.family = QLabel(self)
        self.family.setObjectName("decisionFamily")
        self.family.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.family)
        self.decision: Decision | None = None
        self._seen: set[str] = set()
        self.model.itemChanged.connect(self._item_changed)

    def set_seen(self, names: set[str]) -> None:
        self._seen = set(names)

    def show_problem(self, message: str) -> None:
        self.decision = None
        self.heading.setText(tr("尚不能审查：{reason}").format(reason=message))
        self.model.removeRows(0, self.model.rowCount())
        self.family.clear()

    def show_decision(self, decision: Decision) -> None:
        self.decision = decision
        self.heading.setText(
            tr("决定：{decision}    片区：{zone}    适用政策：{policies}").format(
                decision=status_name(decision.decision),
                zone=self.citations.zone(decision),
                policies=self.citations.policies(decision),
            )
        )
        self.model.blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        for route in decision.routes:
            if route.applies_here:
                self.model.appendRow(self._route_row(route))
        self.model.blockSignals(False)
        self.tree.reset()
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == ELIGIBLE:
                self.tree.expand(item.index())

    def show_family(self, lines: list[str]) -> None:
        """The relatives with their verdicts, the very lines the relatives list shows."""
        self.family.setText(tr("随迁人员：") + "\n" + "\n".join(lines) if lines else "")

    def route_statuses(self) -> dict[str, str]:
        """route key -> status as shown (tests compare it with ``caseworker evaluate``)."""
        out: dict[str, str] = {}
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            if item is not None:
                out[item.data(Qt.ItemDataRole.UserRole + 2)] = item.data(Qt.ItemDataRole.UserRole)
        return out

    def _route_row(self, route: RouteResult) -> list[QStandardItem]:
        cited = self.citations.clauses([route.key])
        name = route.route.name_en if english() and route.route.name_en else route.route.name
        # the clause first: a long name is cut at the end, never its number
        title = QStandardItem(f"{clause_number(route.route.clause)}  {name}")
        title.setToolTip(cited)
        title.setEditable(False)
        title.setData(route.status, Qt.ItemDataRole.UserRole)
        title.setData(route.key, Qt.ItemDataRole.UserRole + 2)
        status = QStandardItem(status_name(route.status))
        status.setEditable(False)
        colour = QColor(STATUS_COLOURS.get(route.status, "#555555"))
        status.setForeground(colour)
        title.setForeground(colour)
        title.appendRow([_leaf(tr("出处：{clause}").format(clause=cited)), _leaf("")])
        text = _leaf(tr("条款原文：{text}").format(text=route.route.text.strip()))
        title.appendRow([text, _leaf("")])
        for unmet_en, unmet_zh in zip(route.unmet_en, route.unmet_zh, strict=True):
            said = term(alternatives_on_lines(unmet_zh), unmet_en)
            title.appendRow([_leaf(tr("不符合：{condition}").format(condition=said)), _leaf("")])
        for unknown in route.unknown:
            said = term(*fact_labels(unknown))
            title.appendRow([_leaf(tr("待了解：{fact}").format(fact=said)), _leaf("")])
        for hint in route.hints:
            hint_text = tr("如何符合：{hint}").format(hint=term(hint.zh, hint.en))
            title.appendRow([_leaf(hint_text), _leaf("")])
        for document in route.documents:
            item = QStandardItem(tr("材料：{document}").format(document=document))
            item.setEditable(False)
            item.setCheckable(True)
            item.setData(document, DOCUMENT_ROLE)
            item.setCheckState(
                Qt.CheckState.Checked if document in self._seen else Qt.CheckState.Unchecked
            )
            title.appendRow([item, _leaf("")])
        return [title, status]

    def _item_changed(self, item: QStandardItem) -> None:
        name = item.data(DOCUMENT_ROLE)
        if name:
            ticked = item.checkState() == Qt.CheckState.Checked
            if ticked:
                self._seen.add(name)
            self.document_ticked.emit(name, ticked)


def status_name(status: str) -> str:
    return term(STATUS_ZH.get(status, status), status)


def _leaf(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setToolTip(text)
    return item
