"""An application's row bound to its audit trail (issue 21's follow-up, finding 1): with
the store key alone, one SQL update turned a refused application into an issued permit
that `verify` called valid, while `audit verify` said intact. The row (state, decision,
what they rest on) is now compared with the newest MAC'd step before every step, before
a permit is printed or verified, at start and by `audit verify`."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.audit import AuditService
from caseworker.services.base import ServiceError
from caseworker.services.context import OfficeContext
from caseworker.services.printing import PrintingService
from caseworker.services.store import STORE_FILE, Store
from caseworker.storage import audit
from caseworker.storage import schema as tables
from caseworker.storage.database import connect_raw
from tests.printing.test_printing import _permit_ready
from tests.stores import CLERK, SUPERVISOR, application


def _sql(store: Store, *statements: str) -> None:
    conn = connect_raw(store.folder / STORE_FILE, store.settings.key())
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def _refused(apps: ApplicationService) -> str:
    number = apps.create_draft(CLERK, application()).number
    apps.accept(CLERK, number)
    apps.refuse(SUPERVISOR, number, "材料不全")
    return number


def _mismatches(store: Store) -> list[dict[str, object]]:
    with store.sessions() as session:
        return [
            dict(d)
            for d in session.scalars(
                select(tables.AuditEvent.detail).where(
                    tables.AuditEvent.action == audit.ROW_MISMATCH
                )
            )
        ]


def test_a_refused_application_approved_in_sql_gets_no_permit(
    store: Store, apps: ApplicationService
) -> None:
    number = _refused(apps)
    _sql(
        store,
        f"UPDATE applications SET state='approved', decision='eligible' WHERE number = '{number}'",
    )
    with pytest.raises(ServiceError) as refused:
        apps.issue_permit(CLERK, number)
    assert refused.value.code == "application.tampered"
    said = str(refused.value)
    assert number in said and "approved" in said and "refused" in said and "\n" not in said
    assert apps.get(number).permit_number is None
    # the refusal is in the chain, and `audit verify` reports it and the row
    assert [m["number"] for m in _mismatches(store)] == [number]
    report = AuditService(OfficeContext(store)).verify(SUPERVISOR)
    assert not report.ok
    rows = [f for f in report.findings if f.kind == "row"]
    assert any(number in f.message and "refused" in f.message for f in rows), rows
    assert any("a step was refused" in f.message for f in rows), rows


def test_a_permit_cannot_be_printed_for_a_row_set_to_issued(
    store: Store, apps: ApplicationService
) -> None:
    printing = PrintingService(apps.context)
    number = _refused(apps)
    _sql(
        store,
        "UPDATE applications SET state='permit_issued', decision='eligible' "
        f"WHERE number = '{number}'",
    )
    with pytest.raises(ServiceError) as refused:
        printing.print_document(SUPERVISOR, number, DocumentKind.PERMIT)
    assert refused.value.code == "application.tampered"
    assert _mismatches(store)


def test_a_voided_permit_set_back_to_issued_in_sql_is_not_valid(
    store: Store, apps: ApplicationService
) -> None:
    printing = PrintingService(apps.context)
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    apps.void(SUPERVISOR, number, "材料系伪造")
    _sql(store, f"UPDATE applications SET state='permit_issued' WHERE number = '{number}'")
    verdict = printing.verify(printed.record.payload)
    assert verdict.status == "tampered", verdict
    assert number in verdict.message


@pytest.mark.parametrize(
    "statement",
    [
        # the answers the decision rests on
        "UPDATE applications SET case_json = json_set(case_json, '$.applicant.degree', "
        "'doctorate') WHERE number = '{number}'",
        # the engine's result, as a permit would print it
        "UPDATE decisions SET result = json_set(result, '$.routes', json('[]')) "
        "WHERE application_id = (SELECT id FROM applications WHERE number = '{number}')",
        # the decision alone
        "UPDATE applications SET decision = 'ineligible' WHERE number = '{number}'",
    ],
    ids=["answers", "decision record", "decision"],
)
def test_what_a_decision_rests_on_is_bound_too(
    store: Store, apps: ApplicationService, statement: str
) -> None:
    number = apps.create_draft(CLERK, application()).number
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    _sql(store, statement.format(number=number))
    with pytest.raises(ServiceError) as refused:
        apps.approve(SUPERVISOR, number)
    assert refused.value.code == "application.tampered"


def test_audit_verify_and_start_name_every_application_that_disagrees(
    store: Store, apps: ApplicationService
) -> None:
    first, second = _refused(apps), _refused(apps)
    untouched = _refused(apps)
    _sql(
        store,
        f"UPDATE applications SET state='approved' WHERE number IN ('{first}', '{second}')",
    )
    report = AuditService(OfficeContext(store)).verify(SUPERVISOR)
    said = [f.message for f in report.findings if f.kind == "row"]
    assert len(said) == 2 and first in said[0] and second in said[1], said
    assert all(untouched not in line for line in said)
    folder: Path = store.folder
    store.close()
    again = Store.open(folder, verify=True)
    try:
        assert again.audit_report is not None and not again.audit_report.ok
        assert first in audit.summary(again.audit_report)
    finally:
        again.close()


def test_an_application_row_put_in_by_sql_has_no_trail(
    store: Store, apps: ApplicationService
) -> None:
    number = _refused(apps)
    _sql(
        store,
        "INSERT INTO applications (number, state, applicant_id, on_date, destination_county, "
        "destination_street, destination_address, case_json, decision, reason, created_at, "
        "created_by, accepted_by, updated_at, version) SELECT number || 'X', 'approved', "
        "applicant_id, on_date, destination_county, destination_street, destination_address, "
        "case_json, 'eligible', '', created_at, created_by, accepted_by, updated_at, 1 "
        f"FROM applications WHERE number = '{number}'",
    )
    with pytest.raises(ServiceError) as refused:
        apps.issue_permit(CLERK, number + "X")
    assert refused.value.code == "application.tampered"
    assert "no step of it is in the audit trail" in str(refused.value)


def test_the_ordinary_road_to_a_printed_permit_is_untouched(
    store: Store, apps: ApplicationService
) -> None:
    printing = PrintingService(apps.context)
    number = _permit_ready(apps)
    printed = printing.print_document(CLERK, number, DocumentKind.PERMIT)
    assert printing.verify(printed.record.payload).status == "valid"
    assert AuditService(OfficeContext(store)).verify(SUPERVISOR).ok
    assert not _mismatches(store)
