"""The refusal notice (不予迁入通知书) gives each route's reasons in plain Chinese, never
the engine's syntax (issue 25 item 5)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from caseworker.printing.model import DocumentKind
from caseworker.rules.decision import Decision
from caseworker.services.applications import ApplicationService
from caseworker.services.printing import PrintingService
from caseworker.storage.schema import DecisionRecord
from tests.stores import CLERK, SUPERVISOR, application

_ENGINE = re.compile(r"\(has|none of|>=|<=|\b(?:in|degree|education|pension_months)\b")


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _refused(apps: ApplicationService) -> str:
    number = apps.create_draft(
        CLERK, application(names=["孙八", "周九"], applicant={"degree": "none"})
    ).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    apps.refuse(SUPERVISOR, number, "无符合条件的落户途径")
    return number


def _reasons(text: str) -> str:
    """The notice without its citations (a clause id is ``jinan-2017:2.1.1.2``)."""
    return re.sub(r"[a-z]+-\d{4}(?:-[a-z]+)?:[\w.]+", "", text)


def test_the_refusal_notice_gives_its_reasons_in_chinese(apps: ApplicationService) -> None:
    number = _refused(apps)
    text = _text(
        PrintingService(apps.context).print_document(CLERK, number, DocumentKind.REFUSAL).pdf
    )
    assert "最高学位" in text and "（现为：无学位）" in text
    assert not _ENGINE.search(_reasons(text)), text


def test_a_decision_recorded_before_chinese_reasons_were_kept_prints_them_too(
    apps: ApplicationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the decision recorded as the engine wrote it then: without ``unmet_zh`` (changing
    # the stored record afterwards would be refused: it is bound to the audit trail)
    monkeypatch.setattr(Decision, "to_record", Decision.to_json)

    number = _refused(apps)
    monkeypatch.undo()
    with apps.store.sessions() as session:
        for record in session.scalars(select(DecisionRecord)):
            assert all("unmet_zh" not in r for r in record.result["routes"])
    text = _text(
        PrintingService(apps.context).print_document(CLERK, number, DocumentKind.REFUSAL).pdf
    )
    assert "最高学位" in text and "（现为：无学位）" in text
    assert not _ENGINE.search(_reasons(text)), text
