"""What the papers print (issue 25's tester, items 7 and 8): the current hukou place never
a bare dash, the destination's division path once, the refusal notice's title the one that
applies, every page numbered with the document's number and the verification note on the
same page as the office's name, no program named on an official paper, and the receipt's
application date beside the date of acceptance."""

from __future__ import annotations

import io
from datetime import timedelta

from pypdf import PdfReader

from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.printing import PrintingService
from tests.printing.test_printing import _permit_ready
from tests.stores import CLERK, SUPERVISOR, Clock, application, see_materials


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _refused(apps: ApplicationService, *, decided: bool) -> str:
    number = apps.create_draft(
        CLERK, application(names=["孙八", "周九"], applicant={"degree": "none"})
    ).number
    apps.accept(CLERK, number)
    if decided:
        apps.decide(CLERK, number)
    apps.refuse(SUPERVISOR, number, "无符合条件的落户途径")
    return number


def test_the_permit_says_where_the_hukou_is_and_the_destination_once(
    apps: ApplicationService,
) -> None:
    data = application(names=["张三丰", "李秀英"])
    data["records"]["household"]["address"] = ""  # not typed from the 户口簿
    number = apps.create_draft(CLERK, data).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    apps.approve(SUPERVISOR, number)
    see_materials(apps, number)
    apps.issue_permit(CLERK, number)
    text = "".join(
        _pages(PrintingService(apps.context).print_document(CLERK, number, DocumentKind.PERMIT).pdf)
    )
    assert "现户口所在地山东省聊城市东昌府区" in text.replace(" ", "").replace("\n", "")
    flat = text.replace("\n", "")
    assert "山东省济南市历下区泉城路街道泉城路1号" in flat
    assert "街道济南市" not in flat


def test_a_typed_hukou_address_is_printed_under_its_division_once(
    apps: ApplicationService,
) -> None:
    number = _permit_ready(apps, names=["张三丰", "李秀英"])
    text = "".join(
        _pages(PrintingService(apps.context).print_document(CLERK, number, DocumentKind.PERMIT).pdf)
    )
    assert "山东省聊城市东昌府区古楼街道1号" in text.replace("\n", "")


def test_the_refusal_title_is_the_one_that_applies(apps: ApplicationService) -> None:
    printing = PrintingService(apps.context)
    decided = "".join(
        _pages(
            printing.print_document(CLERK, _refused(apps, decided=True), DocumentKind.REFUSAL).pdf
        )
    )
    assert "不予批准告知书" in decided and "不予受理" not in decided
    undecided = "".join(
        _pages(
            printing.print_document(CLERK, _refused(apps, decided=False), DocumentKind.REFUSAL).pdf
        )
    )
    assert "不予受理告知书" in undecided and "不予批准" not in undecided


def test_every_page_is_numbered_and_the_check_note_stays_with_the_office(
    apps: ApplicationService,
) -> None:
    printed = PrintingService(apps.context).print_document(
        CLERK, _refused(apps, decided=True), DocumentKind.REFUSAL
    )
    pages = _pages(printed.pdf)
    assert len(pages) >= 2  # the sample's reasons and clauses fill more than a page
    for n, page in enumerate(pages, 1):
        assert f"第{n}页 共{len(pages)}页" in page, page
        assert printed.record.number in page
    note = [page for page in pages if "扫描二维码" in page]
    assert len(note) == 1 and "泉城路派出所（370102001）" in note[0]


def test_no_paper_names_a_program_and_each_says_whom_to_ask(
    apps: ApplicationService,
) -> None:
    printing = PrintingService(apps.context)
    number = _permit_ready(apps)
    pending = apps.create_draft(
        CLERK, application(names=["赵六", "钱七"], unasked=["pension_months", "degree"])
    ).number
    apps.accept(CLERK, pending)
    apps.decide(CLERK, pending)
    papers = [
        printing.print_document(CLERK, number, DocumentKind.RECEIPT),
        printing.print_document(CLERK, number, DocumentKind.PERMIT),
        printing.print_document(CLERK, pending, DocumentKind.NOTICE),
        printing.print_document(CLERK, _refused(apps, decided=True), DocumentKind.REFUSAL),
    ]
    for paper in papers:
        text = "".join(_pages(paper.pdf)).replace("\n", "")
        assert "caseworker" not in text.lower()
        assert "向出具单位泉城路派出所核验" in text


def test_the_receipt_prints_the_application_date_and_the_date_of_acceptance(
    apps: ApplicationService,
) -> None:
    number = apps.create_draft(CLERK, application(on="2019-03-15")).number
    apps.accept(CLERK, number)
    text = "".join(
        _pages(
            PrintingService(apps.context).print_document(CLERK, number, DocumentKind.RECEIPT).pdf
        )
    ).replace("\n", "")
    assert "申请日期2019-03-15" in text and "受理日期2024-03-01" in text


def test_a_receipt_printed_days_later_keeps_the_date_of_acceptance(
    apps: ApplicationService,
) -> None:
    number = apps.create_draft(CLERK, application(on="2019-03-15")).number
    apps.accept(CLERK, number)
    clock = apps.clock
    assert isinstance(clock, Clock)
    clock.now += timedelta(days=3)
    text = "".join(
        _pages(
            PrintingService(apps.context).print_document(CLERK, number, DocumentKind.RECEIPT).pdf
        )
    ).replace("\n", "")
    assert "受理日期2024-03-01" in text and "2024年3月4日" in text
