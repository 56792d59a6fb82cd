"""`caseworker verify` on the command line (issue 25's tester, items 4 and 6): it lists
everyone on the permit, text and JSON; anyone may check without logging in but learns only
the answer and what to compare, not why a paper is void; a logged-in check is audited."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker.cli import main
from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.printing import PrintingService
from caseworker.services.store import Store
from caseworker.storage import schema
from tests.printing.test_printing import _permit_ready
from tests.stores import CLERK, PASSWORD, SUPERVISOR, Clock


def _issued(apps: ApplicationService, tmp_path: Path) -> tuple[str, Path, Path]:
    clock = apps.clock
    assert isinstance(clock, Clock)
    clock.now = datetime.now()  # the command line checks on today's date
    number = _permit_ready(apps, names=["张三丰", "李秀英"])
    printed = PrintingService(apps.context).print_document(CLERK, number, DocumentKind.PERMIT)
    pdf = tmp_path / "permit1.pdf"
    pdf.write_bytes(printed.pdf)
    return number, pdf, apps.store.folder


def test_verify_lists_everyone_on_the_permit_in_text_and_json(
    apps: ApplicationService,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _number, pdf, folder = _issued(apps, tmp_path)
    apps.store.close()
    monkeypatch.delenv("CASEWORKER_USER", raising=False)
    assert main(["verify", str(pdf), "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "本人  张三丰  " in out and "配偶  李秀英  " in out and "核对 compare" in out
    assert main(["verify", str(pdf), "--json", "--data-dir", str(folder)]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert [(p["relation"], p["name"]) for p in answer["people"]] == [
        ("本人", "张三丰"),
        ("配偶", "李秀英"),
    ]
    assert all(p["id_masked"].count("*") == 8 for p in answer["people"])
    assert answer["compare"] and answer["logged_in"] is False


def test_an_anonymous_check_is_not_told_why_a_logged_in_one_is_and_is_audited(
    apps: ApplicationService,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number, pdf, folder = _issued(apps, tmp_path)
    apps.void(SUPERVISOR, number, "证件系伪造")
    apps.store.close()
    monkeypatch.delenv("CASEWORKER_USER", raising=False)
    assert main(["verify", str(pdf), "--data-dir", str(folder)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("void:") and "证件系伪造" not in out and "泉城路派出所" in out
    monkeypatch.setenv("CASEWORKER_USER", "zhao")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    assert main(["verify", str(pdf), "--data-dir", str(folder)]) == 1
    assert "证件系伪造" in capsys.readouterr().out
    store = Store.open(folder)
    try:
        with store.sessions() as session:
            events = session.scalars(
                select(schema.AuditEvent).where(schema.AuditEvent.action == "document.verify")
            ).all()
        assert [(e.actor, e.detail["status"]) for e in events] == [("zhao", "void")]
        assert events[0].detail["document"].startswith("ZQ-")
    finally:
        store.close()
