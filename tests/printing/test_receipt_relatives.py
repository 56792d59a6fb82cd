"""The receipt lists the accompanying relatives (issue 25, item 6): the clerk and the
applicant see on paper who was taken in with the application."""

from __future__ import annotations

import io

from pypdf import PdfReader

from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.printing import PrintingService
from tests.stores import CLERK, application


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_receipt_lists_each_accompanying_relative(apps: ApplicationService) -> None:
    number = apps.create_draft(CLERK, application(names=["张三", "李四"])).number
    apps.accept(CLERK, number)
    view = apps.get(number)
    assert view.relatives, "the sample application has a relative"
    text = _text(
        PrintingService(apps.context).print_document(CLERK, number, DocumentKind.RECEIPT).pdf
    )
    assert "随迁人员" in text
    for relative in view.relatives:
        assert relative.person.name in text
        assert relative.person.id_number and relative.person.id_number in text
    assert "配偶" in text  # the relation, in Chinese


def test_a_receipt_without_relatives_has_no_empty_list(apps: ApplicationService) -> None:
    number = apps.create_draft(CLERK, application(names=["王五"], family=[])).number
    apps.accept(CLERK, number)
    assert not apps.get(number).relatives
    text = _text(
        PrintingService(apps.context).print_document(CLERK, number, DocumentKind.RECEIPT).pdf
    )
    assert "受理回执" in text and "随迁人员" not in text
