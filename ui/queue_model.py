"""The queue: applications as a lazily loading table model over frozen summaries.

Pages come from ``ApplicationService.search`` on the database worker; the view asks for
more as it scrolls, so 300,000 applications cost what the rows on screen cost
(``ui.paged_model``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor

from caseworker.models.divisions import Divisions
from caseworker.models.workflow import STATE_ZH, State
from caseworker.rules.decision import STATUS_ZH
from caseworker.services.applications import ApplicationService, ApplicationSummary
from caseworker.services.base import Actor
from ui.i18n import term, tr
from ui.paged_model import PagedTableModel
from ui.tasks import TaskRunner

#: (header, field of the summary) per column
FIELDS = (
    (QT_TRANSLATE_NOOP("", "申请编号"), "number"),
    (QT_TRANSLATE_NOOP("", "状态"), "state"),
    (QT_TRANSLATE_NOOP("", "申请人"), "applicant_name"),
    (QT_TRANSLATE_NOOP("", "身份证号"), "applicant_id_number"),
    (QT_TRANSLATE_NOOP("", "申请日期"), "on"),
    (QT_TRANSLATE_NOOP("", "拟落户地"), "destination"),
    (QT_TRANSLATE_NOOP("", "审查结果"), "decision"),
)

#: status colours, light enough to read black text on
STATE_COLOURS = {
    State.DRAFT: "#f2f2f2",
    State.ACCEPTED: "#e3f0ff",
    State.DECIDED: "#fff5d6",
    State.APPROVED: "#e2f6e2",
    State.PERMIT_ISSUED: "#d3f0d3",
    State.SETTLED: "#c8e6c9",
    State.REFUSED: "#fde2e2",
    State.WITHDRAWN: "#eeeeee",
    State.VOIDED: "#e0e0e0",
}


def state_name(state: State) -> str:
    return term(STATE_ZH[state], state.value)


@dataclass(frozen=True, slots=True)
class QueueFilter:
    text: str = ""
    states: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None


class ApplicationQueueModel(PagedTableModel):
    PAGE_SIZE = 200
    COLUMNS = tuple(header for header, _ in FIELDS)

    def __init__(
        self,
        apps: ApplicationService,
        actor: Actor,
        runner: TaskRunner,
        divisions: Divisions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._apps = apps
        self._actor = actor
        self._divisions = divisions
        self._filter = QueueFilter()
        self._county_names: dict[str, str] = {}

    def set_filter(self, new: QueueFilter) -> None:
        self._filter = new
        self.refresh()

    def fetch_page(self, page: int, last: Any | None) -> tuple[list[Any], bool]:
        flt = self._filter
        result = self._apps.search(
            self._actor,
            flt.text,
            states=flt.states,
            date_from=flt.date_from,
            date_to=flt.date_to,
            page=page,
            page_size=self.PAGE_SIZE,
        )
        return list(result.items), result.has_more

    def summary(self, row: int) -> ApplicationSummary | None:
        found: ApplicationSummary | None = self.item(row)
        return found

    def cell(self, item: ApplicationSummary, column: int, role: int) -> Any:
        key = FIELDS[column][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, key)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATE_COLOURS.get(State(item.state))
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and key == "state":
            return state_name(State(item.state))  # the state's name, never its code
        if role == Qt.ItemDataRole.UserRole:
            return item.number
        return None

    def _display(self, item: ApplicationSummary, key: str) -> str:
        if key == "state":
            return state_name(State(item.state))
        if key == "on":
            return item.on.isoformat()
        if key == "destination":
            return f"{self._county(item.destination_county)} {item.destination_street}".strip()
        if key == "decision":
            return (
                term(STATUS_ZH.get(item.decision, item.decision), item.decision)
                if item.decision
                else ""
            )
        if key == "applicant_name":
            return item.applicant_name or tr("（未填姓名）")
        return str(getattr(item, key) or "")

    def _county(self, code: str) -> str:
        name = self._county_names.get(code)
        if name is None:
            try:
                name = self._divisions.county_name(code)
            except Exception:  # an unknown old code: show the code itself
                name = code
            self._county_names[code] = name
        return name
