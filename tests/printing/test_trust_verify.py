"""`verify` (issue 21, finding 5): a permit whose application was voided after issue is
void, one past its 有效期至 is expired, and a valid one is valid *for* a named holder, so
that a genuine code on a forged paper or file (the PDF's keywords carry the code) shows
when the person checking compares the holder with what the paper says."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.printing.documents import render
from caseworker.printing.model import DocumentKind, PersonLine
from caseworker.services.applications import ApplicationService
from caseworker.services.base import mask_id
from caseworker.services.printing import PERMIT_VALID_DAYS, PrintingService
from tests.printing.test_printing import _permit_ready
from tests.stores import CLERK, PASSWORD, SUPERVISOR, Clock


@pytest.fixture
def printing(apps: ApplicationService) -> PrintingService:
    return PrintingService(apps.context)


def test_a_permit_whose_application_was_voided_after_issue_is_void(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    apps.void(SUPERVISOR, number, "材料系伪造")
    verdict = printing.verify(printed.record.payload, actor=SUPERVISOR)
    assert verdict.status == "void" and "材料系伪造" in verdict.message
    anonymous = printing.verify(printed.record.payload)  # the reason is the office's
    assert anonymous.status == "void" and "材料系伪造" not in anonymous.message


def test_a_permit_past_its_valid_until_is_expired(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    clock = apps.clock
    assert isinstance(clock, Clock)
    clock.now += timedelta(days=PERMIT_VALID_DAYS - 1)
    assert printing.verify(printed.record.payload).status == "valid"
    clock.now += timedelta(days=2)
    verdict = printing.verify(printed.record.payload)
    assert verdict.status == "expired" and "有效期至" in verdict.message


def test_valid_names_the_holder_masked_id_and_destination(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    view = apps.get(number)
    verdict = printing.verify(printed.record.payload)
    assert verdict.status == "valid"
    assert verdict.holder == view.applicant.name
    assert verdict.id_masked == mask_id(view.applicant.id_number)
    assert view.applicant.id_number not in verdict.message
    assert "泉城路1号" in verdict.destination
    assert verdict.message.startswith(f"valid for {view.applicant.name} (")


def test_a_forged_pdf_with_a_genuine_code_names_the_genuine_holder(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    apps: ApplicationService,
    printing: PrintingService,
) -> None:
    clock = apps.clock
    assert isinstance(clock, Clock)
    clock.now = datetime.now()  # the command line below checks on today's date
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    genuine = apps.get(number).applicant.name
    assert genuine
    # the forger's permit: their own name, the genuine code in the QR and the keywords
    with apps.store.sessions() as session:
        data = printing._data(
            session, apps.get(number), DocumentKind.PERMIT, printed.record.number, reprint=False
        )
    forged_data = replace(
        data,
        applicant=PersonLine("冒名者", "370102199001011234", "本人"),
        qr_payload=printed.record.payload,
    )
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(render(DocumentKind.PERMIT, forged_data))
    folder = apps.store.folder
    apps.store.close()
    monkeypatch.setenv("CASEWORKER_USER", "admin")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    assert main(["verify", str(forged), "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"valid for {genuine} (") and "冒名者" not in out
    assert "核对 compare" in out and "read from the file's text" in out
    assert main(["verify", str(forged), "--json", "--data-dir", str(folder)]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["holder"] == genuine and answer["read_from_file"] is True
    assert answer["id_masked"].count("*") == 8
