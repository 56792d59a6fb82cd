"""The service boundary: storage and model errors become ``ServiceError`` data here, so
a front end catches one family and words it (``ui/errors.py``, the command line).

The translated errors keep their old kind too (``InvalidCaseError`` is still a
``CaseError``, ``StepRefusedError`` still a ``WorkflowError``): callers that caught those
go on working."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from caseworker.models.facts import CaseError
from caseworker.models.workflow import WorkflowError
from caseworker.printing.fonts import MissingGlyphError
from caseworker.services.base import (
    ChangedMeanwhileError,
    InvalidInputError,
    ServiceError,
    StepNotAllowedError,
)
from caseworker.storage.applications import ConcurrentChangeError


class InvalidCaseError(InvalidInputError, CaseError):
    """A case or its records that do not validate; ``problems`` as ``CaseError`` has them:
    (field, problem) pairs the desk words field by field."""

    code = "case.invalid"

    def __init__(self, source: CaseError) -> None:
        problems = source.problems
        InvalidInputError.__init__(self, str(source), field=problems[0][0] if problems else None)
        self.problems = problems
        self.details = source.details


class StepRefusedError(StepNotAllowedError, WorkflowError):
    """A workflow step its state (or its decision) does not allow."""


class GlyphRefusedError(MissingGlyphError, ServiceError):
    """A document the font cannot draw: nothing printed; the characters as data."""

    code = "print.missing_glyph"

    def __init__(self, source: MissingGlyphError) -> None:
        characters = "、".join(f"{c} (U+{ord(c):04X})" for c in source.missing)
        ServiceError.__init__(self, str(source), document=source.document, characters=characters)
        self.document = source.document
        self.missing = source.missing


@contextmanager
def service_boundary(what: str = "application") -> Iterator[None]:
    """Turn what storage and the models raise into ``ServiceError`` data."""
    try:
        yield
    except ConcurrentChangeError as exc:
        raise ChangedMeanwhileError(
            code="collective.changed_meanwhile" if what == "collective" else "changed_meanwhile",
            what=what,
        ) from exc
    except (InvalidCaseError, StepRefusedError, GlyphRefusedError):
        raise
    except MissingGlyphError as exc:
        raise GlyphRefusedError(exc) from exc
    except CaseError as exc:
        raise InvalidCaseError(exc) from exc
    except WorkflowError as exc:
        raise _step_refused(exc) from exc


def _step_refused(exc: WorkflowError) -> StepRefusedError:
    """A refused step as data: the state, the step and the steps the state allows."""
    assert exc.state is not None and exc.action is not None, "next_state says both"
    return StepRefusedError(
        str(exc),
        code="workflow.step_refused" if exc.allowed else "workflow.closed",
        state=exc.state.value,
        action=exc.action.value,
        allowed=", ".join(a.value for a in exc.allowed),
    )
