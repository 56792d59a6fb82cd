"""The intake's questions: a row for every fact answered and every fact the engine still
needs, in its order, with the focus moving on to the next open one as each is answered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from caseworker.rules.decision import Decision, Question
from caseworker.rules.facts import FACT_BY_NAME
from caseworker.services.intake import (
    answer_text,
    choices,
    full_name,
    parse_answer,
)
from ui.decision_panel import DecisionPanel
from ui.i18n import term, tr
from ui.relative_dialog import line_edit as _line


class IntakeQuestions:
    """The questions part of ``IntakePage`` (which builds the form and owns the state)."""

    facts_box: QGroupBox
    facts_form: QFormLayout
    panel: DecisionPanel
    decision: Decision | None
    changed: Any
    _answers: dict[str, Any]
    _skipped: set[str]
    _editors: dict[str, QLineEdit]
    _last_answered: str

    if TYPE_CHECKING:  # given by the page (QWidget's window, its own schedule)

        def window(self) -> QWidget: ...
        def schedule(self) -> None: ...

    def _show_questions(self, questions: tuple[Question, ...]) -> None:
        """Rows for every answered fact and every question still open, in the engine's
        order. If the focus was in the questions it moves on to the first open one (with
        none open, to the answer just given; with no row at all, to the box); if the clerk
        has moved elsewhere meanwhile, it stays there. Text typed but not yet taken as an
        answer is kept."""
        focused = self.window().focusWidget()  # the window's, active or not
        in_questions = focused is not None and (
            focused is self.facts_box or self.facts_box.isAncestorOf(focused)
        )
        typed = {
            fact: editor.text()
            for fact, editor in self._editors.items()
            if fact not in self._answers and editor.text().strip()
        }
        old = self._take_questions()
        open_facts = [full_name(q.fact) for q in questions]
        clauses = {full_name(q.fact): q.clauses for q in questions}
        shown = open_facts + [f for f in self._answers if f not in open_facts]
        for fact in shown:
            spec = FACT_BY_NAME.get(fact)
            if spec is None:
                continue
            assert isinstance(self, QWidget)  # the page
            editor = _line(f"fact:{fact}", self)
            options = choices(spec)
            if options:
                completer = QCompleter(options, editor)
                completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
                editor.setCompleter(completer)
                editor.setPlaceholderText(" / ".join(options[:6]))
            answer = self._answers.get(fact)
            # yes and no in the desk's language (either is accepted typed)
            text = (tr("是") if answer else tr("否")) if isinstance(answer, bool) else None
            editor.setText(text or answer_text(fact, answer))
            if fact in typed:
                editor.setText(typed[fact])
                self._check(fact, editor, say=False)  # the heading shows the decision
            editor.returnPressed.connect(lambda f=fact: self._answer(f, advance=True))
            editor.editingFinished.connect(lambda f=fact: self._answer(f, advance=False))
            cited = ", ".join(clauses.get(fact, ()))
            label = QLabel(term(spec.label_zh, spec.label_en) + (f"  〔{cited}〕" if cited else ""))
            label.setWordWrap(True)
            label.setBuddy(editor)
            self.facts_form.addRow(label, editor)
            # shown now, not by the layout's queued call: a hidden editor cannot take the
            # focus, and keys typed until the queue ran would reach nothing
            label.show()
            editor.show()
            self._editors[fact] = editor
        if in_questions:
            target = self.next_question() or self._last_answered
            first = next(iter(self._editors.values()), None)
            # with no question left at all, the box holds the place in the tab order
            place = self._editors.get(target) or first or self.facts_box
            place.setFocus(Qt.FocusReason.TabFocusReason)
        for widget in old:
            # hidden only now that the focus has left them, so it is not passed along
            # the old rows; deleted by the event loop, not here: this runs inside an
            # editor's own returnPressed, and Qt goes on using that editor after it
            # (editingFinished, the key release)
            widget.hide()
            widget.deleteLater()

    def _take_questions(self) -> list[QWidget]:
        """The rows out of the form, their widgets silenced: an old row never answers for
        the new one (its text is carried over by the caller)."""
        widgets: list[QWidget] = []
        while self.facts_form.rowCount():
            row = self.facts_form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
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

    def _answer(self, fact: str, *, advance: bool) -> None:
        editor = self._editors.get(fact)
        if editor is None:
            return
        text = editor.text().strip()
        if not text:
            if advance:
                self._skipped.add(fact)
                self._last_answered = fact
                self._show_questions(self.decision.questions if self.decision else ())
            return
        value = self._check(fact, editor)
        if value is None:
            return
        if self._answers.get(fact) == value and not advance:
            return
        self._answers[fact] = value
        self._last_answered = fact
        self._skipped.discard(fact)
        self.changed.emit()
        self.schedule()

    def _check(self, fact: str, editor: QLineEdit, *, say: bool = True) -> Any:
        """The answer typed in ``editor``, or None with the editor marked (and the reason
        in the heading if ``say``) when it cannot be read."""
        try:
            value = parse_answer(fact, editor.text().strip())
        except ValueError as exc:
            editor.setStyleSheet("border: 1px solid #c62828")
            editor.setToolTip(str(exc))
            if say:
                spec = FACT_BY_NAME[fact]
                self.panel.heading.setText(f"{term(spec.label_zh, spec.label_en)}: {exc}")
            return None
        editor.setStyleSheet("")
        editor.setToolTip("")
        return value

    def answered(self) -> dict[str, Any]:
        return dict(self._answers)
