"""The applicant's screen (双屏核对 the applicant's screen): a window on the second
screen, facing the applicant, in large Chinese: who was entered (ID numbers masked), the
destination, the decision in plain words and the materials still missing.

Nothing on it can be edited or take the keyboard: labels only, and one big confirm
button for a touch screen that never takes focus. The clerk may also record the
confirmation (F12, 申请人已确认) after asking the applicant aloud. Either way the
confirmation goes through a named operation and lands in the audit trail with the
SHA-256 of exactly what was shown (``caseworker.services.applicant_screen``).

It redraws from the desk's change records (``ui.operations.ChangeBus``) and from the
application page's own signals (the form edited, the decision made, a material ticked)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from caseworker.models.enums import RELATION_ZH
from caseworker.rules.decision import ELIGIBLE, INCOMPLETE, INELIGIBLE
from caseworker.services.applicant_screen import ScreenContent, ShownPerson, shown_person
from ui.errors import show_error
from ui.i18n import tr
from ui.operations import Changes

if TYPE_CHECKING:
    from ui.application_page import ApplicationPage
    from ui.operations import ChangeBus, Operations

FONT_POINTS = 22


def plain_decision(decision: str | None) -> str:
    """The engine's decision as an applicant understands it."""
    if decision == ELIGIBLE:
        return tr("符合落户条件")
    if decision == INCOMPLETE:
        return tr("还需补充情况或材料后才能决定")
    if decision == INELIGIBLE:
        return tr("按现行政策不符合落户条件")
    return tr("尚未审查")


def content_of(page: ApplicationPage) -> ScreenContent:
    """What the page holds now, as the applicant's screen shows it."""
    intake = page.intake
    people = [
        shown_person(
            relation="",
            name=intake.applicant_name.text().strip(),
            id_number=intake.id_number.text(),
        )
    ]
    for relative in intake._relatives:
        people.append(
            shown_person(
                relation=str(relative.get("relation", "")),
                name=str(relative.get("name", "")),
                id_number=str(relative.get("id_number") or ""),
            )
        )
    county = intake.county_code()
    place = intake._evaluation.divisions.full_name(county) if county else ""
    destination = " ".join(
        part
        for part in (place, intake.street.text().strip(), intake.destination_address.text().strip())
        if part
    )
    decision = intake.decision
    missing: list[str] = []
    if decision is not None:
        seen = intake.panel._seen
        # eligible: the materials of the route the engine ranks first (one route is
        # enough); otherwise those of every route still open
        routes = decision.eligible[:1] or [
            r for r in decision.routes if r.applies_here and r.status == INCOMPLETE
        ]
        for route in routes:
            missing += [d for d in route.documents if d not in seen and d not in missing]
    return ScreenContent(
        number=intake.number,
        people=tuple(people),
        destination=destination,
        decision=plain_decision(decision.decision if decision is not None else None),
        missing=tuple(missing),
    )


def applicant_screen_for(main: QScreen | None) -> QScreen | None:
    """The screen facing the applicant: one that is not the clerk's (None if only one)."""
    for screen in QGuiApplication.screens():
        if screen is not main:
            return screen
    return None


class ApplicantScreen(QWidget):
    """The window facing the applicant. Read-only by construction: no editable widget,
    no widget that accepts focus, and the window itself never activates."""

    confirm_requested = Signal()

    def __init__(self, page: ApplicationPage, bus: ChangeBus, operations: Operations) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.page = page
        self.operations = operations
        self.setObjectName("applicantScreen")
        self.setWindowTitle(tr("请核对您的信息"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = QFont(self.font())
        font.setPointSize(FONT_POINTS)
        self.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        self.heading = self._label("heading", FONT_POINTS + 6)
        self.heading.setText(tr("请核对您的信息"))
        self.people = self._label("people")
        self.destination = self._label("destination")
        self.decision = self._label("decision")
        self.missing = self._label("missing")
        self.status = self._label("status", FONT_POINTS - 2)
        for label in (self.heading, self.people, self.destination, self.decision, self.missing):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.status)
        self.confirm_button = QPushButton(tr("信息无误，确认"), self)
        self.confirm_button.setObjectName("applicantConfirm")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button.setMinimumHeight(90)
        self.confirm_button.clicked.connect(lambda _checked=False: self.confirm(via="screen"))
        layout.addWidget(self.confirm_button)
        self.content: ScreenContent | None = None
        self.confirmed_digest: str | None = None
        self.active = False  # an application is being taken on the desk
        bus.changed.connect(self._changed)
        page.intake.changed.connect(self.redraw)
        page.intake.decided.connect(lambda _d: self.redraw())
        page.intake.panel.document_ticked.connect(lambda _n, _t: self.redraw())

    def _label(self, name: str, points: int = FONT_POINTS) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"applicant:{name}")
        label.setWordWrap(True)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = QFont(label.font())
        font.setPointSize(points)
        label.setFont(font)
        return label

    def event(self, event: QEvent) -> bool:
        """Activated all the same (a window manager, a platform that ignores the flags, a
        touch): the keyboard goes straight back to the clerk's window."""
        if event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self._give_keyboard_back)
        return super().event(event)

    def _give_keyboard_back(self) -> None:
        desk = self.page.window()
        if desk is not self and desk.isVisible():
            desk.activateWindow()

    # --- where it is shown ----------------------------------------------------------

    def show_facing_applicant(self, main: QScreen | None) -> bool:
        """Full screen on the screen that is not the clerk's; with only one screen, as a
        window (training). True when it went to a second screen."""
        self.redraw()
        screen = applicant_screen_for(main)
        if screen is None:
            self.resize(900, 640)
            self.show()
            return False
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        return True

    # --- what is shown ----------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.application is None or changes.application == self.page.intake.number:
            self.redraw()

    def set_active(self, active: bool) -> None:
        """The desk shows an application (True), or the queue, a lock, a case file: then
        the screen greets whoever is at the counter and shows nobody's data."""
        self.active = active
        self.redraw()

    def redraw(self) -> None:
        if not self.active:
            self.content = None
            self.confirmed_digest = None
            self.heading.setText(tr("欢迎办理户口迁入业务"))
            for label in (self.people, self.destination, self.decision, self.missing):
                label.clear()
            self.status.clear()
            self.confirm_button.hide()
            return
        self.heading.setText(tr("请核对您的信息"))
        self.confirm_button.show()
        content = content_of(self.page)
        self.content = content
        lines = []
        for person in content.people:
            who = (
                RELATION_ZH.get(person.relation, person.relation)  # type: ignore[call-overload]
                if person.relation
                else tr("申请人")
            )
            lines.append(
                tr("{who}：{name}  身份证号 {id}").format(
                    who=who, name=person.name or "—", id=person.id_masked or "—"
                )
            )
        self.people.setText("\n".join(lines))
        self.destination.setText(
            tr("拟迁入：{place}").format(place=content.destination or tr("（尚未填写）"))
        )
        self.decision.setText(tr("审查结果：{decision}").format(decision=content.decision))
        self.missing.setText(
            tr("还需提交的材料：{materials}").format(materials="、".join(content.missing))
            if content.missing
            else tr("还需提交的材料：无")
        )
        if self.confirmed_digest is not None and self.confirmed_digest == content.digest():
            self.status.setText(tr("您已确认以上信息。"))
        else:
            self.confirmed_digest = None
            self.status.setText(tr("请核对以上信息。无误请告诉工作人员，或点击下方按钮。"))

    # --- the confirmation -----------------------------------------------------------

    def confirm(self, *, via: str) -> None:
        """Record the applicant's confirmation of what is shown now (``via``: "screen",
        their button; "clerk", F12 after asking)."""
        page = self.page
        if not self.active:
            return
        self.redraw()
        content = self.content
        if content is None or content.number is None or page.dirty:
            page.message.emit(tr("请先保存申请 (Ctrl+S)，再请申请人确认。"), 8000)
            self.status.setText(tr("请稍候，工作人员正在保存。"))
            return
        confirmations = page.desk.confirmations
        if confirmations is None:
            return
        actor = page.actor
        number = content.number

        def done(digest: str) -> None:
            self.confirmed_digest = digest
            self.redraw()
            page.message.emit(
                tr("申请人已确认 {number} {time}").format(
                    number=number, time=datetime.now().strftime("%H:%M:%S")
                ),
                8000,
            )

        self.operations.run(
            lambda: confirmations.confirm(actor, shown=content, via=via),
            lambda _digest: Changes("applicant_confirmed", application=number),
            done,
            lambda exc: show_error(page, exc),
        )


__all__ = ["ApplicantScreen", "ShownPerson", "applicant_screen_for", "content_of"]
