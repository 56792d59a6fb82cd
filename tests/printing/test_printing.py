"""Printed documents: their text, their QR codes, the register, numbers across offices."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from stdnum.iso7064 import mod_37_36

from caseworker.printing import fonts
from caseworker.printing.fonts import MissingGlyphError, missing_glyphs
from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService, PermissionDeniedError, ServiceError
from caseworker.services.context import ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.printing import PrintingService
from caseworker.services.store import Store
from caseworker.storage import repositories as repo
from caseworker.storage.database import transaction
from tests.stores import CLERK, PASSWORD, SUPERVISOR, Clock, application, see_materials

NEEDS_TOOLS = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")) and not os.environ.get("CI"),
    reason="pdftoppm and zbarimg (poppler-utils, zbar-tools) are installed by .ci/run",
)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _permit_ready(apps: ApplicationService, **spec: object) -> str:
    number = apps.create_draft(CLERK, application(**spec)).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    apps.approve(SUPERVISOR, number)
    see_materials(apps, number)
    apps.issue_permit(CLERK, number)
    return number


@pytest.fixture
def printing(apps: ApplicationService) -> PrintingService:
    return PrintingService(apps.context)


def test_permit_names_everyone_with_numbers_and_clause(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps, names=["王𠈌", "李秀英"])
    view = apps.get(number)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT, counterfoil=True)
    text = _text(printed.pdf)
    assert "准予迁入证明" in text and "准予迁入证明（存根）" in text
    assert "王𠈌" in text  # an Extension-B character comes back out of the PDF
    assert "李秀英" in text and "配偶" in text
    assert view.applicant.id_number in text and view.relatives[0].person.id_number in text
    assert view.permit_number in text and number in text
    assert "jinan-2017:2.1.1.2" in text and "泉城路派出所" in text and "有效期至" in text
    assert printed.record.number == view.permit_number and printed.record.copy == 0


def test_receipt_notice_and_refusal(apps: ApplicationService, printing: PrintingService) -> None:
    number = apps.create_draft(CLERK, application(names=["张三", "李四"])).number
    apps.accept(CLERK, number)
    apps.mark_document_seen(CLERK, number, "居民户口簿")
    receipt = _text(printing.print_document(CLERK, number, DocumentKind.RECEIPT).pdf)
    assert "受理回执" in receipt and apps.get(number).receipt_number in receipt
    assert "居民户口簿" in receipt and "张三" in receipt

    pending = apps.create_draft(
        CLERK, application(names=["赵六", "钱七"], unasked=["pension_months", "degree"])
    ).number
    apps.accept(CLERK, pending)
    apps.decide(CLERK, pending)
    notice = _text(printing.print_document(CLERK, pending, DocumentKind.NOTICE).pdf)
    assert "一次性告知书" in notice and "本市城镇职工养老保险缴费月数" in notice
    assert "GZ-370102001-" in notice

    refused = apps.create_draft(
        CLERK, application(names=["孙八", "周九"], applicant={"degree": "none"})
    ).number
    apps.accept(CLERK, refused)
    apps.decide(CLERK, refused)
    apps.refuse(SUPERVISOR, refused, "无符合条件的落户途径")
    refusal = _text(printing.print_document(CLERK, refused, DocumentKind.REFUSAL).pdf)
    assert "无符合条件的落户途径" in refusal and "行政复议" in refusal
    assert "依据 jinan-2017:" in refusal and "BY-370102001-" in refusal


def test_a_document_is_only_printed_in_its_state(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = apps.create_draft(CLERK, application()).number
    with pytest.raises(ServiceError, match="not printed for an application that is draft"):
        printing.print_document(CLERK, number, DocumentKind.RECEIPT)
    with pytest.raises(ServiceError, match="not printed for an application that is draft"):
        printing.print_document(CLERK, number, DocumentKind.PERMIT)


def test_the_shipped_font_covers_what_its_readme_says() -> None:
    """resources/fonts/uming-cn.ttf.gz is face 0 of AR PL UMing cut to its own character
    map: a rebuild from another face, or a subset that loses characters, shows here."""
    covered = fonts.font_coverage()
    blocks = {
        "ascii": (0x20, 0x7E),
        "cjk": (0x4E00, 0x9FFF),
        "ext_a": (0x3400, 0x4DBF),
        "ext_b": (0x20000, 0x2A6DF),
    }
    counts = {name: sum(lo <= c <= hi for c in covered) for name, (lo, hi) in blocks.items()}
    assert len(covered) == 24_232
    assert counts == {"ascii": 95, "cjk": 18_739, "ext_a": 762, "ext_b": 1_790}
    assert fonts.missing_glyphs(["𠈌𡘙张三丰"]) == []


def test_a_character_the_font_lacks_stops_the_document(
    apps: ApplicationService, printing: PrintingService
) -> None:
    absent = next(chr(code) for code in range(0x20000, 0x2A6E0) if missing_glyphs([chr(code)]))
    number = _permit_ready(apps, names=[f"王{absent}", "李四"])
    with pytest.raises(MissingGlyphError, match=f"U\\+{ord(absent):04X}"):
        printing.print_document(CLERK, number, DocumentKind.PERMIT)
    with apps.store.sessions() as session:
        assert repo.printed_of(session, apps.get(number).id) == []  # nothing recorded


def test_reprint_keeps_the_number_and_void_needs_a_reason(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps)
    first = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    with pytest.raises(ServiceError, match="use reprint"):
        printing.print_document(CLERK, number, DocumentKind.PERMIT)
    again = printing.print_document(CLERK, number, DocumentKind.PERMIT, reprint=True)
    assert again.record.number == first.record.number and again.record.copy == 1
    assert "准予迁入证明（补打）" in _text(again.pdf)
    with pytest.raises(PermissionDeniedError):
        printing.void_printed(CLERK, first.record.number, "打印错误")
    with pytest.raises(ServiceError, match="needs a reason"):
        printing.void_printed(SUPERVISOR, first.record.number, " ")
    printing.void_printed(SUPERVISOR, first.record.number, "打印错误")
    assert printing.verify(again.record.payload).status == "void"
    actions = [e.action for e in apps.history(number)]
    assert {"document.print", "document.reprint", "document.void"} <= set(actions)


def test_verify_accepts_and_catches_one_changed_character(
    apps: ApplicationService, printing: PrintingService
) -> None:
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    payload = printed.record.payload
    assert printing.verify(payload).status == "valid"
    assert printing.verify(printed.pdf.decode("latin-1")).status == "valid"
    for position in (len("CW1|") + 5 + 3, len(payload) - 5):
        original = payload[position]
        changed = payload[:position] + ("A" if original != "A" else "B") + payload[position + 1 :]
        assert printing.verify(changed).status == "tampered", position
    assert printing.verify("hello").status == "unknown"


@NEEDS_TOOLS
def test_the_qr_code_decodes_to_the_signed_payload(
    apps: ApplicationService, printing: PrintingService, tmp_path: Path
) -> None:
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    pdf = tmp_path / "permit.pdf"
    pdf.write_bytes(printed.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == printed.record.payload
    assert printing.verify(decoded).status == "valid"


def test_two_offices_offline_never_share_a_number(
    tmp_path: Path, service: EvaluationService
) -> None:
    numbers: list[set[str]] = []
    for office in ("370102001", "370103002"):
        store = Store.init(
            tmp_path / office, office_code=office, police_station_name="站", admin_password=PASSWORD
        )
        apps = ApplicationService(ServiceContext(store, Clock(), evaluation=service))
        issued: set[str] = set()
        with transaction(store.sessions) as session:
            for _ in range(1000):
                issued.add(apps.document_number(session, "ZQ"))
        store.close()
        assert len(issued) == 1000
        for number in issued:
            prefix, code, device, year, serial, check = number.split("-")
            assert mod_37_36.is_valid(f"{prefix}{code}{device}{year}{serial}{check}")
        numbers.append(issued)
    assert not numbers[0] & numbers[1]


def test_another_office_does_not_know_this_device(
    apps: ApplicationService,
    printing: PrintingService,
    tmp_path: Path,
    service: EvaluationService,
) -> None:
    number = _permit_ready(apps)
    payload = printing.print_document(CLERK, number, DocumentKind.PERMIT).record.payload
    other = Store.init(
        tmp_path / "other",
        office_code="370103002",
        police_station_name="站",
        admin_password=PASSWORD,
    )
    elsewhere = PrintingService(ServiceContext(other, evaluation=service))
    assert elsewhere.verify(payload).status == "unknown"
    other.close()
