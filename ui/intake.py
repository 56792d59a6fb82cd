"""Taking an application: ID card, hukou book, destination, the facts still worth asking,
the relatives, and the decision beside them, live.

Everything is typed (or read from the card) and committed with Enter or Tab; after each
answer the case is decided again on the background worker and the focus moves to the
next question the engine still needs. An empty answer skips a question."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from caseworker.models.facts import case_from_dict
from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.rules.decision import Decision
from caseworker.services.applications import ApplicationView
from caseworker.services.evaluation import EvaluationService
from caseworker.services.intake import (
    answered_facts,
    county_search_terms,
    set_fact,
)
from ui.answer_editors import AnswerEditor
from ui.citations import Citations, relative_lines
from ui.decision_panel import DecisionPanel
from ui.errors import describe, id_problem
from ui.i18n import tr
from ui.intake_questions import IntakeQuestions
from ui.intake_scan import IntakeScans
from ui.intake_sections import (
    CARD_FIELDS,
    RECORD_FIELDS,
    BookSection,
    tab_path,
    wrapping_form,
)
from ui.relative_dialog import ERROR_STYLE, RelativeDialog
from ui.relative_dialog import line_edit as _line
from ui.tasks import TaskRunner

OK_STYLE = "color: #2e7d32"


class IntakePage(IntakeQuestions, IntakeScans, QWidget):
    """One application on screen. ``number`` is None until it is first saved."""

    changed = Signal()  # any edit (the window marks unsaved work)
    decided = Signal(object)  # the Decision shown (or None)

    def __init__(
        self,
        evaluation: EvaluationService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._evaluation = evaluation
        self._runner = runner
        self.number: str | None = None
        self.state: str = ""
        self.version = 0
        self._answers: dict[str, Any] = {}
        self._skipped: set[str] = set()
        self._relatives: list[dict[str, Any]] = []
        self._editors: dict[str, AnswerEditor] = {}
        self._generation = 0
        self._last_answered = ""
        self.decision: Decision | None = None
        #: the relatives the decision shown was made for (its verdicts are theirs only)
        self._decided_family: list[dict[str, Any]] | None = None
        self.citations = Citations(evaluation)
        self.card_name = ""  # the name the card reader gave, to compare with the book
        #: images accepted from the scanner, attached when the application is saved
        #: (filename, image, media type, provenance: which fields came from the scan)
        self.pending_scans: list[tuple[str, bytes, str, dict[str, dict[str, str]]]] = []
        # pinyin of every destination county, worked out once (county_code reads it at
        # every evaluation)
        self._county_terms = county_search_terms(evaluation.divisions)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._evaluate)

    # --- building ------------------------------------------------------------------

    def _build(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)

        # the clerk's order, top to bottom and in the Tab path: ID (or the card) → name →
        # date → county → street → address → the questions → relatives → documents; the
        # 户口簿 details in their own section, folded, out of that path (Ctrl+B opens it)
        card = QGroupBox(tr("身份证"), left)
        form = wrapping_form(card)
        self.read_card = QPushButton(tr("读卡 (F5)"), card)
        self.read_card.setObjectName("readCard")
        self.id_number = _line("idNumber", card, tr("18 位身份证号"))
        self.id_status = QLabel(card)
        self.id_status.setObjectName("idStatus")
        self.id_status.setWordWrap(True)  # a message wraps, never widening the form
        self.applicant_name = _line("applicantName", card, tr("姓名，与户口簿一致"))
        self.scan_button = QPushButton(tr("扫描证件… (F6)"), card)
        self.scan_button.setObjectName("scanDocument")
        for button in (self.read_card, self.scan_button):
            # their keys (F5, F6) reach them from anywhere: no Tab stop on the way
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        readers = QHBoxLayout()
        readers.addWidget(self.read_card)
        readers.addWidget(self.scan_button)
        readers.addStretch(1)
        form.addRow(readers)
        form.addRow(tr("身份证号"), self.id_number)
        form.addRow("", self.id_status)
        form.addRow(tr("姓名"), self.applicant_name)
        # the book against the card, shown whether the book's section is open or not
        self.mismatch = QLabel(card)
        self.mismatch.setObjectName("hukouMismatch")
        self.mismatch.setStyleSheet(ERROR_STYLE)
        self.mismatch.setWordWrap(True)
        form.addRow(self.mismatch)
        column.addWidget(card)

        self.book_section = BookSection(left)
        self.book = self.book_section.box
        self.book_toggle = self.book_section.toggle
        self.records = self.book_section.records
        self.book_birth = self.book_section.birth
        column.addWidget(self.book_section)

        place = QGroupBox(tr("拟落户地"), left)
        form = wrapping_form(place)
        self.on_date = _line("onDate", place, "2024-03-01")
        self.on_date.setText(date.today().isoformat())
        self.county = _line("county", place, tr("代码、汉字或拼音"))
        self.county.setToolTip(tr("区县：代码、汉字或拼音 370102 / 历下 / lixia"))
        # inline completion (no popup to take the keyboard away): the code, 汉字, pinyin
        # or initials typed are completed in place, and the line names the code
        counties = QCompleter(self._county_lines(), self.county)
        counties.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        counties.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.county.setCompleter(counties)
        self.street = _line("street", place, tr("街道（镇）"))
        self._streets = QStringListModel(self)
        streets = QCompleter(self._streets, self.street)
        streets.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.street.setCompleter(streets)
        self.destination_address = _line("destinationAddress", place, tr("详细地址"))
        self.place_info = QLabel(place)
        self.place_info.setObjectName("placeInfo")
        self.place_info.setWordWrap(True)
        form.addRow(tr("申请日期"), self.on_date)
        form.addRow(tr("区县"), self.county)
        form.addRow(tr("街道"), self.street)
        form.addRow(tr("地址"), self.destination_address)
        form.addRow(self.place_info)
        column.addWidget(place)

        facts = QGroupBox(tr("需要了解的情况（按规则需要的顺序）"), left)
        facts.setObjectName("facts")
        # can hold the focus while its rows are replaced (with NoFocus a group box hands
        # the focus on to a child, here one about to go), and is never a Tab stop
        facts.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.facts_box = facts
        # a grid, not a form: a question's label wraps and its row grows with it (a
        # form's label column gives a wrapped label the height of one line)
        self.facts_grid = QGridLayout(facts)
        self.facts_grid.setObjectName("factsGrid")
        self.facts_grid.setColumnStretch(0, 2)
        self.facts_grid.setColumnStretch(1, 3)
        column.addWidget(facts)

        relatives = QGroupBox(tr("随迁人员", "group"), left)
        box = QVBoxLayout(relatives)
        self.relative_list = QListWidget(relatives)
        self.relative_list.setObjectName("relatives")
        # a long line (relation, name, number, verdict) wraps: never a sideways scroll
        self.relative_list.setWordWrap(True)
        self.relative_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.relative_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.relative_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        self.add_relative = QPushButton(tr("添加 (Ctrl+R)"), relatives)
        self.add_relative.setObjectName("addRelative")
        self.add_relative.setAutoDefault(True)  # Enter on it adds the next relative
        self.remove_relative = QPushButton(tr("删除"), relatives)
        self.remove_relative.setObjectName("removeRelative")
        buttons.addWidget(self.add_relative)
        buttons.addWidget(self.remove_relative)
        buttons.addStretch(1)
        box.addWidget(self.relative_list)
        box.addLayout(buttons)
        column.addWidget(relatives)
        column.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setObjectName("intakeScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop: it scrolls to the focus
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        self.form_scroll = scroll
        self.panel = DecisionPanel(self.citations, self)
        # the routes' names take the room there is and wrap: never a sideways scroll
        header = self.panel.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.panel.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(scroll)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        for edit in (
            self.id_number,
            self.applicant_name,
            self.on_date,
            self.county,
            self.street,
            self.destination_address,
            self.book_birth,
            *self.records.values(),
        ):
            edit.editingFinished.connect(self._fixed_field_done)
            edit.textEdited.connect(lambda _text: self.changed.emit())
        self.id_number.textEdited.connect(self._check_id_as_typed)
        self.county.editingFinished.connect(self._county_done)
        self.add_relative.clicked.connect(self.new_relative)
        self.remove_relative.clicked.connect(self._remove_relative)
        self.relative_list.itemActivated.connect(lambda _item: self._edit_relative())
        QShortcut(QKeySequence("Ctrl+R"), self, self.new_relative)
        QShortcut(QKeySequence("F6"), self, self.scan)
        QShortcut(QKeySequence("Ctrl+B"), self, self.open_book)
        # the fixed part of the Tab path; the questions go in after the address as they
        # come (``_show_questions``), the relatives and the documents after them
        tab_path(
            [
                self.id_number,
                self.applicant_name,
                *self.book_section.fields(),
                self.on_date,
                self.county,
                self.street,
                self.destination_address,
                self.relative_list,
                self.add_relative,
                self.remove_relative,
                self.panel.tree,
            ]
        )
        self.scan_button.clicked.connect(self.scan)

    def open_book(self) -> None:
        """Ctrl+B: the 户口簿 section opened (focus in its first field), or folded."""
        self.book_section.open_or_fold(self.focusWidget(), self.applicant_name)

    def _county_lines(self) -> list[str]:
        """Each county under each way of typing it: 370102 历下区, 历下区 370102,
        lixiaqu 历下区 370102, lxq 历下区 370102."""
        lines = []
        for county in self._county_terms:
            code, name, full, initials = county.split()
            lines += [f"{code} {name}", f"{name} {code}", f"{full} {name} {code}"]
            lines.append(f"{initials} {name} {code}")
        return lines

    # --- the fixed fields ----------------------------------------------------------

    def _check_id_as_typed(self, text: str) -> None:
        """The check digit verified as the clerk types; birth date and sex shown."""
        text = text.strip().upper()
        if len(text) < 18:
            self.id_status.setStyleSheet("")
            self.id_status.setText(f"{len(text)}/18")
            return
        try:
            rid = parse_resident_id(text)
        except ResidentIdError as exc:
            self.id_status.setStyleSheet(ERROR_STYLE)
            self.id_status.setText(f"✘ {id_problem(exc)}")
            return
        sex = tr("男") if rid.sex.value == "M" else tr("女")
        self.id_status.setStyleSheet(OK_STYLE)
        self.id_status.setText(
            "✔ " + tr("出生 {born}  {sex}").format(born=rid.birth_date.isoformat(), sex=sex)
        )

    def _county_done(self) -> None:
        code = self.county_code()
        self._streets.setStringList(
            [s.name for s in self._evaluation.divisions.streets_of(code)] if code else []
        )

    def county_code(self) -> str:
        """The six-digit code in the county field, whichever way it was typed."""
        text = self.county.text().strip()
        for word in text.split():
            if len(word) == 6 and word.isdigit():
                return word
        matches = [t for t in self._county_terms if text and text in t]
        if len(matches) == 1:
            return matches[0].split()[0]
        return ""

    def _fixed_field_done(self) -> None:
        self._check_book()
        self.schedule()

    def _check_book(self) -> None:
        """The book against the card: birth date, sex (from the number) and name."""
        problems = []
        try:
            rid = parse_resident_id(self.id_number.text().strip().upper())
        except ResidentIdError:
            rid = None
        born = self.book_birth.text().strip()
        if rid is not None and born and born != rid.birth_date.isoformat():
            problems.append(
                tr("出生日期不一致：户口簿 {book}，身份证 {card}").format(
                    book=born, card=rid.birth_date.isoformat()
                )
            )
        name = self.applicant_name.text().strip()
        if self.card_name and name and name != self.card_name:
            problems.append(
                tr("姓名不一致：户口簿 {book}，身份证 {card}").format(
                    book=name, card=self.card_name
                )
            )
        self.mismatch.setText("\n".join(problems))
        self.mismatch.setVisible(bool(problems))  # no empty row under the name

    # --- the case ------------------------------------------------------------------

    def case_dict(self) -> dict[str, Any]:
        case: dict[str, Any] = {
            "on": self.on_date.text().strip(),
            "destination": {"county": self.county_code()},
            "applicant": {"id_number": self.id_number.text().strip().upper()},
            "family": [
                {k: v for k, v in r.items() if k != "name"} for r in copy.deepcopy(self._relatives)
            ],
        }
        street = self.street.text().strip()
        if street:
            case["destination"]["street"] = street
        for fact, value in self._answers.items():
            set_fact(case, fact, value)
        return case

    def application_data(self) -> dict[str, Any]:
        """What the store keeps: the case and the hukou book's records; every answer as
        shown on screen (a choice left without Enter is saved as the clerk sees it; while
        typing, the decision waits for Enter or Tab, so the focus is not moved on)."""
        self.take_shown_answers()
        data = self.case_dict()
        household = {k: self.records[k].text().strip() for k, _ in RECORD_FIELDS}
        applicant = {"name": self.applicant_name.text().strip()}
        applicant |= {k: self.records[k].text().strip() for k, _ in CARD_FIELDS}
        data["records"] = {
            "household": household,
            "applicant": {k: v for k, v in applicant.items() if v},
            "family": [{"name": r.get("name", "")} for r in self._relatives],
            "destination_address": self.destination_address.text().strip(),
        }
        return data

    def schedule(self) -> None:
        self._timer.start()

    def _evaluate(self) -> None:
        self._generation += 1
        generation = self._generation
        case = self.case_dict()
        if not case["applicant"]["id_number"] or not case["destination"]["county"]:
            self.decision = None
            self.panel.show_problem(tr("先填身份证号和拟落户区县"))
            self.place_info.clear()
            self._show_questions(())
            self._refresh_relatives()
            self.decided.emit(None)
            return

        def work() -> Decision:
            return self._evaluation.decide(case_from_dict(case))

        family = copy.deepcopy(case["family"])
        self._runner.compute(
            work,
            lambda decision: self._decided(generation, decision, family),
            lambda exc: self._not_decided(generation, exc),
        )

    def _decided(self, generation: int, decision: Decision, family: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return
        self.decision = decision
        self._decided_family = family
        self.panel.show_decision(decision)
        county = self.county_code()
        name = self._evaluation.divisions.full_name(county) if county else ""
        self.place_info.setText(
            f"{name} {self.street.text().strip()}\n"
            + tr("片区：{zone}；{on} 适用的政策：{policies}").format(
                zone=self.citations.zone(decision),
                on=decision.on.isoformat(),
                policies=self.citations.policies(decision),
            )
        )
        self._show_questions(decision.questions)
        self._refresh_relatives()  # each relative's verdict, as the panel says it
        self.decided.emit(decision)

    def _not_decided(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.decision = None
        self.panel.show_problem(describe(exc)[1])  # in the desk's language, field by field
        self.place_info.clear()
        self._show_questions(())
        self._refresh_relatives()
        self.decided.emit(None)

    # --- the questions -------------------------------------------------------------

    # --- relatives -----------------------------------------------------------------

    def new_relative(self) -> None:
        """Opened window-modal, not run in a nested loop: the form stays responsive."""
        dialog = RelativeDialog(self)
        dialog.accepted.connect(lambda: self.add_relative_value(dialog.value))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        """Back to the form, on the Add button: Enter adds the next relative."""
        dialog.deleteLater()
        self.window().activateWindow()
        self.add_relative.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def add_relative_value(self, value: dict[str, Any]) -> None:
        self._relatives.append(value)
        self._refresh_relatives()
        self.changed.emit()
        self.schedule()

    def _edit_relative(self) -> None:
        row = self.relative_list.currentRow()
        if not 0 <= row < len(self._relatives):
            return
        dialog = RelativeDialog(self, self._relatives[row])

        def replace() -> None:
            self._relatives[row] = dialog.value
            self._refresh_relatives()
            self.changed.emit()
            self.schedule()

        dialog.accepted.connect(replace)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _remove_relative(self) -> None:
        row = self.relative_list.currentRow()
        if 0 <= row < len(self._relatives):
            del self._relatives[row]
            self._refresh_relatives()
            self.changed.emit()
            self.schedule()

    def acceptance_missing(self) -> str:
        """Why the form cannot be accepted yet (the names acceptance needs, as the screen
        labels them), or "" when it can."""
        who = [tr("申请人姓名")] if not self.applicant_name.text().strip() else []
        who += [
            tr("随迁人员第 {n} 人的姓名").format(n=n)
            for n, relative in enumerate(self._relatives, start=1)
            if not str(relative.get("name") or "").strip()
        ]
        if not who:
            return ""
        return tr("受理前请填写{what}（与户口簿一致），保存后即可受理。").format(
            what=tr("、").join(who)
        )

    def _refresh_relatives(self) -> None:
        """The relatives list and the decision panel's relatives, drawn from one state:
        the relatives as they stand and the decision made for exactly them (a decision
        made before the last change of the relatives gives no verdict to anyone)."""
        current = self.case_dict()["family"]
        decision = self.decision if self._decided_family == current else None
        lines = relative_lines(
            [{**r, "name": r.get("name", "")} for r in self._relatives], decision, self.citations
        )
        if self.decision is not None and decision is None:
            deciding = tr("正在审查…")
            lines = [f"{line} — {deciding}" for line in lines]
        row = self.relative_list.currentRow()
        self.relative_list.clear()
        self.relative_list.addItems(lines)
        if 0 <= row < len(lines):
            self.relative_list.setCurrentRow(row)
        self.panel.show_family(lines if self.decision is not None else [])

    # --- loading and clearing -------------------------------------------------------

    def clear(self) -> None:
        """A new application: nothing of the previous one stays on screen (its place
        line, its decision and verdicts, the documents ticked, the name on its card)."""
        self.card_name = ""
        self.panel.set_seen(set())
        self.load_data({}, number=None, state="", version=0)

    def load_view(self, view: ApplicationView) -> None:
        data = dict(view.case)
        names = [r.person.name for r in view.relatives]
        card = view.applicant.card
        data["records"] = {
            "household": view.applicant.household,
            "applicant": {"name": view.applicant.name, **card},
            "family": [{"name": n} for n in names],
            "destination_address": view.destination_address,
        }
        self.load_data(data, number=view.number, state=view.state, version=view.version)

    def load_data(
        self, data: dict[str, Any], *, number: str | None, state: str, version: int
    ) -> None:
        self.number, self.state, self.version = number, state, version
        self.pending_scans = []
        records = data.get("records") or {}
        applicant = data.get("applicant") or {}
        destination = data.get("destination") or {}
        self.id_number.setText(applicant.get("id_number") or "")
        self._check_id_as_typed(self.id_number.text())
        self.applicant_name.setText((records.get("applicant") or {}).get("name", ""))
        for key, _ in RECORD_FIELDS:
            self.records[key].setText((records.get("household") or {}).get(key, ""))
        for key, _ in CARD_FIELDS:
            self.records[key].setText((records.get("applicant") or {}).get(key, ""))
        self.on_date.setText(str(data.get("on") or date.today().isoformat()))
        self.county.setText(destination.get("county", ""))
        self._county_done()
        self.street.setText(destination.get("street") or "")
        self.destination_address.setText(records.get("destination_address", ""))
        self._answers = answered_facts({k: v for k, v in data.items() if k != "records"})
        self._skipped.clear()
        names = [f.get("name", "") for f in records.get("family") or []]
        self._relatives = [
            {
                **{k: v for k, v in f.items() if v is not None},
                "name": names[i] if i < len(names) else "",
            }
            for i, f in enumerate(data.get("family") or [])
        ]
        self.decision = None
        self._decided_family = None
        self.place_info.clear()
        self._refresh_relatives()
        self._check_book()
        self.decided.emit(None)  # every view of the last one redraws now, not at the next
        # each application starts folded and at the top: nothing of the last one's view
        self.book_section.fold()
        self.scroll_to_top()
        self._evaluate()

    def scroll_to_top(self) -> None:
        """Another application starts at the top of the form, where its first field is."""
        for area in self.findChildren(QScrollArea):
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)
