"""The intake's questions: a row for every fact answered and every fact the engine still
needs, in its order, with the focus moving on to the next open one as each is answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.rules.decision import Decision, Question
from caseworker.rules.facts import FACT_BY_NAME
from caseworker.services.intake import full_name
from ui.answer_editors import AnswerEditor, make_editor
from ui.citations import Citations
from ui.decision_panel import DecisionPanel
from ui.i18n import term, tr
from ui.intake_sections import tab_path


class IntakeQuestions:
    """The questions part of ``IntakePage`` (which builds the form and owns the state)."""

    facts_box: QGroupBox
    facts_grid: QGridLayout
    destination_address: QLineEdit
    relative_list: QListWidget
    panel: DecisionPanel
    citations: Citations
    decision: Decision | None
    changed: Any
    _answers: dict[str, Any]
    _skipped: set[str]
    _editors: dict[str, AnswerEditor]
    _last_answered: str

    if TYPE_CHECKING:  # given by the page (QWidget's window, its own schedule)

        def window(self) -> QWidget: ...
        def schedule(self) -> None: ...

    def _show_questions(self, questions: tuple[Question, ...]) -> None:
        """Rows for every answered fact and every question still open, in the engine's
        order, each with the editor its fact type calls for (``answer_editors``). If the
        focus was in the questions it moves on to the first open one (with none open, to
        the answer just given; with no row at all, to the box); if the clerk has moved
        elsewhere meanwhile, it stays there. What is typed but not yet taken is kept."""
        focused = self.window().focusWidget()  # the window's, active or not
        in_questions = focused is not None and (
            focused is self.facts_box or self.facts_box.isAncestorOf(focused)
        )
        typed = {
            fact: pending
            for fact, editor in self._editors.items()
            if fact not in self._answers and (pending := editor.pending()) is not None
        }
        old = self._take_questions()
        open_facts = [full_name(q.fact) for q in questions]
        clauses = {full_name(q.fact): q.clauses for q in questions}
        shown = open_facts + [f for f in self._answers if f not in open_facts]
        chain: list[QWidget] = [self.destination_address]
        for fact in shown:
            spec = FACT_BY_NAME.get(fact)
            if spec is None:
                continue
            assert isinstance(self, QWidget)  # the page
            widget = make_editor(spec, self)
            editor = cast("AnswerEditor", widget)
            editor.set_answer(self._answers.get(fact))
            if fact in typed:
                editor.restore(typed[fact])
                self._check(fact, editor, say=False)  # the heading shows the decision
            editor.committed.connect(lambda f=fact: self._answer(f, advance=True))
            editor.left.connect(lambda f=fact: self._answer(f, advance=False))
            label = _question_label(
                term(spec.label_zh, spec.label_en),
                # the numbers alone when one policy is in force (its title heads the panel
                # and the place line), beside each policy's title when several are
                self.citations.clauses(clauses.get(fact, ()), titled=self._policies_in_force() > 1),
                widget,
            )
            row = len(chain) - 1  # rows from 0 again: the old ones were taken out
            self.facts_grid.addWidget(label, row, 0)
            self.facts_grid.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignTop)
            # shown now, not by the layout's queued call: a hidden editor cannot take the
            # focus, and keys typed until the queue ran would reach nothing
            label.show()
            widget.show()
            chain.append(widget)
            self._editors[fact] = editor
        # in the Tab path where they are on screen: after the address, before the relatives
        chain.append(self.relative_list)
        tab_path(chain)
        if in_questions:
            target = self.next_question() or self._last_answered
            first = next(iter(self._editors.values()), None)
            # with no question left at all, the box holds the place in the tab order
            place = cast("QWidget | None", self._editors.get(target) or first) or self.facts_box
            place.setFocus(Qt.FocusReason.TabFocusReason)
        for old_widget in old:
            # hidden only now that the focus has left them, so it is not passed along
            # the old rows; deleted by the event loop, not here: this runs inside an
            # editor's own signal, and Qt goes on using that editor after it
            old_widget.hide()
            old_widget.deleteLater()

    def _policies_in_force(self) -> int:
        return len(self.decision.policies) if self.decision is not None else 0

    def _take_questions(self) -> list[QWidget]:
        """The rows out of the grid, their widgets silenced: an old row never answers for
        the new one (its text is carried over by the caller)."""
        widgets: list[QWidget] = []
        while self.facts_grid.count():
            item = self.facts_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.blockSignals(True)
                widgets.append(widget)
        self._editors.clear()
        return widgets

    def next_question(self) -> str | None:
        if self.decision is None:
            return None
        for question in self.decision.questions:
            fact = full_name(question.fact)
            if fact not in self._answers and fact not in self._skipped and fact in self._editors:
                return fact
        return None

    def question_text(self, fact: str) -> str:
        """The label of ``fact``'s question as shown: its text, and below it the clauses
        (one line each part); "" when the question is not on screen."""
        editor = cast("QWidget | None", self._editors.get(fact))
        for row in range(self.facts_grid.rowCount()):
            field = self.facts_grid.itemAtPosition(row, 1)
            label = self.facts_grid.itemAtPosition(row, 0)
            if editor is not None and field is not None and field.widget() is editor:
                box = label.widget() if label is not None else None
                if box is not None:
                    return "\n".join(t.text() for t in box.findChildren(QLabel))
        return ""

    def focus_next_question(self) -> bool:
        """F4: the focus to the next question still open (one a relative added may have
        opened again), else to the first question shown; False when there is none."""
        open_now = [full_name(q.fact) for q in (self.decision.questions if self.decision else ())]
        target = self.next_question() or next((f for f in open_now if f in self._editors), None)
        editor = self._editors.get(target or "") or next(iter(self._editors.values()), None)
        if editor is None:
            return False
        cast("QWidget", editor).setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _answer(self, fact: str, *, advance: bool) -> None:
        editor = self._editors.get(fact)
        if editor is None:
            return
        try:
            value = editor.answer()
        except ValueError:
            value = self._check(fact, editor)
            return
        if value is None:
            if advance:
                self._skipped.add(fact)
                self._last_answered = fact
                self._show_questions(self.decision.questions if self.decision else ())
            return
        editor.mark(None)
        if self._answers.get(fact) == value and not advance:
            return
        self._answers[fact] = value
        self._last_answered = fact
        self._skipped.discard(fact)
        self.changed.emit()
        self.schedule()

    def _check(self, fact: str, editor: AnswerEditor, *, say: bool = True) -> Any:
        """The answer in ``editor``, or None with the editor marked (and the reason in
        the heading if ``say``, in the desk's language) when it cannot be read."""
        try:
            value = editor.answer()
        except ValueError as exc:
            editor.mark(str(exc))
            if say:
                spec = FACT_BY_NAME[fact]
                self.panel.heading.setText(
                    tr("{question}：{reason}").format(
                        question=term(spec.label_zh, spec.label_en), reason=exc
                    )
                )
            return None
        editor.mark(None)
        return value

    def take_shown_answers(self) -> None:
        """Every answer on screen taken, committed with Enter or not, so that what is
        saved or decided is what the clerk sees: one emptied is no longer answered, one
        left unreadable stays marked and is not taken."""
        for fact, editor in self._editors.items():
            try:
                value = editor.answer()
            except ValueError:
                continue
            if value is None:
                self._answers.pop(fact, None)  # emptied on screen (Delete): not answered
            elif self._answers.get(fact) != value:
                self._answers[fact] = value
                self._skipped.discard(fact)

    def answered(self) -> dict[str, Any]:
        return dict(self._answers)


def _question_label(question: str, cited: str, editor: QWidget) -> QWidget:
    """A question's label: its text, wrapping, and below it the clauses that ask it,
    small and grey (secondary); the text is the editor's buddy (its mnemonic, its name)."""
    box = QWidget()
    box.setObjectName("questionLabel")
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    text = QLabel(question, box)
    text.setWordWrap(True)
    text.setBuddy(editor)
    column.addWidget(text)
    if cited:
        clauses = QLabel(cited, box)
        clauses.setObjectName("questionClauses")
        clauses.setWordWrap(True)
        font = clauses.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        clauses.setFont(font)
        # a line with Chinese in it (、, 过渡条款) is a pixel taller than the small font's
        # own metrics say, drawn from a fallback font: the label is at least that tall
        metrics = QFontMetrics(font)
        wrapped = metrics.boundingRect(
            QRect(0, 0, 100_000, 100_000), int(Qt.TextFlag.TextWordWrap.value), cited
        )
        clauses.setMinimumHeight(max(metrics.boundingRect(cited).height(), wrapped.height()) + 1)
        clauses.setStyleSheet("color: #666")
        column.addWidget(clauses)
    return box
