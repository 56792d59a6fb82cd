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
from caseworker.services.base import (
    ChangedMeanwhileError,
    InvalidInputError,
    StepNotAllowedError,
)
from caseworker.storage.applications import ConcurrentChangeError


class InvalidCaseError(InvalidInputError, CaseError):
    """A case or its records that do not validate; ``problems`` as ``CaseError`` has them."""

    def __init__(self, source: CaseError) -> None:
        problems = source.problems
        InvalidInputError.__init__(self, str(source), field=problems[0][0] if problems else None)
        self.problems = problems
        self.details = source.details


class StepRefusedError(StepNotAllowedError, WorkflowError):
    """A workflow step its state (or its decision) does not allow."""


@contextmanager
def service_boundary(what: str = "application") -> Iterator[None]:
    """Turn what storage and the models raise into ``ServiceError`` data."""
    try:
        yield
    except ConcurrentChangeError as exc:
        raise ChangedMeanwhileError(what=what) from exc
    except (InvalidCaseError, StepRefusedError):
        raise
    except CaseError as exc:
        raise InvalidCaseError(exc) from exc
    except WorkflowError as exc:
        raise StepRefusedError(str(exc)) from exc
