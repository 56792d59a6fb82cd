"""The evidence behind a collective registration and its scan are written together: a
refused evidence write leaves neither the scan nor its attach event behind."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from caseworker.services.applications import ApplicationService
from caseworker.services.base import ServiceError
from caseworker.services.collectives import CollectiveService
from caseworker.services.store import Store
from caseworker.storage import collectives as collective_rows
from caseworker.storage import schema as tables
from caseworker.storage.applications import ConcurrentChangeError
from caseworker.storage.collectives import EvidenceView
from tests.stores import CLERK, application

SCAN = ("consent.png", b"\x89PNG a homeowner's consent", "image/png")


def _count(store: Store, what: object) -> int:
    with store.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(what)) or 0)


def _attach_events(store: Store) -> int:
    with store.sessions() as session:
        query = select(func.count()).where(tables.AuditEvent.action == "application.attach")
        return int(session.scalar(query) or 0)


def _consent_with_scan(collectives: CollectiveService, number: str) -> EvidenceView:
    return collectives.add_evidence(
        CLERK,
        number,
        kind="owner_consent",
        consent_date=date(2024, 1, 2),
        owner_name="钱多多",
        address="济南市历下区泉城路1号",
        scan=SCAN,
    )


def test_a_refused_evidence_write_leaves_no_scan_behind(
    store: Store, apps: ApplicationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    collectives = CollectiveService(apps.context)
    number = apps.create_draft(CLERK, application(destination={"household": "rented_home"})).number

    def refused(*args: object, **kwargs: object) -> None:
        raise ConcurrentChangeError  # the store refuses the evidence row

    monkeypatch.setattr(collective_rows, "add_evidence", refused)
    with pytest.raises(ServiceError):
        _consent_with_scan(collectives, number)
    assert _count(store, tables.Attachment) == 0
    assert _attach_events(store) == 0
    assert apps.scans(number) == []


def test_evidence_and_its_scan_are_kept_together(store: Store, apps: ApplicationService) -> None:
    collectives = CollectiveService(apps.context)
    number = apps.create_draft(CLERK, application(destination={"household": "rented_home"})).number
    kept = _consent_with_scan(collectives, number)
    (scan,) = apps.scans(number)
    assert kept.attachment_id == scan.id
    assert apps.scan_content(scan.id) == SCAN[1]
    assert _attach_events(store) == 1


def test_an_empty_scan_refuses_the_evidence_too(store: Store, apps: ApplicationService) -> None:
    collectives = CollectiveService(apps.context)
    number = apps.create_draft(CLERK, application(destination={"household": "rented_home"})).number
    with pytest.raises(ServiceError) as refused:
        collectives.add_evidence(
            CLERK,
            number,
            kind="registered_lease",
            consent_date=date(2024, 1, 2),
            address="济南市历下区泉城路1号",
            lease_registration="JNZL-2024-000001",
            scan=("lease.png", b"", "image/png"),
        )
    assert refused.value.code == "scan.empty"
    assert _count(store, tables.ConsentEvidence) == 0
    assert _count(store, tables.Attachment) == 0
