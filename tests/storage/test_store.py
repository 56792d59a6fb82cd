"""The store: duplicate guard, search, encryption, migrations, backups, bad input."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import keyring
import pytest
from alembic import command
from keyring.backends import fail
from sqlalchemy import inspect, text

from caseworker.logs import mask
from caseworker.models.facts import CaseError
from caseworker.services.applications import (
    ApplicationService,
    DuplicateError,
    NotFoundError,
    ServiceError,
)
from caseworker.services.base import StepNotAllowedError
from caseworker.services.context import ServiceContext
from caseworker.services.store import SetupError, Store
from caseworker.storage import audit
from caseworker.storage import repositories as repo
from caseworker.storage.database import StoreKeyError, open_engine
from caseworker.storage.maintenance import (
    HEAD,
    MigrationError,
    _alembic_config,
    backup_store,
    check_file,
    current_revision,
    head_revision,
    restore_store,
)
from tests.stores import CLERK, OTHER_SUPERVISOR, PASSWORD, SUPERVISOR, application, see_materials


def _counts(apps: ApplicationService) -> dict[str, int]:
    with apps.store.sessions() as session:
        return {
            name: repo.count_rows(session, name)
            for name in ("applications", "persons", "audit_events", "outbox", "relatives")
        }


def _settle(apps: ApplicationService, number: str) -> None:
    apps.accept(CLERK, number)
    apps.decide(CLERK, number)
    apps.approve(SUPERVISOR, number)
    see_materials(apps, number)
    apps.issue_permit(CLERK, number)
    apps.mark_settled(CLERK, number)


# --- duplicate guard ---------------------------------------------------------------------


def test_one_open_application_per_person(apps: ApplicationService) -> None:
    data = application()
    first = apps.create_draft(CLERK, data).number
    before = _counts(apps)
    with pytest.raises(DuplicateError, match=f"already has open application {first}"):
        apps.create_draft(CLERK, data)
    assert _counts(apps) == before
    apps.withdraw(CLERK, first)
    second = apps.create_draft(CLERK, data).number
    assert second != first


def test_nobody_is_settled_twice(apps: ApplicationService) -> None:
    data = application()
    number = apps.create_draft(CLERK, data).number
    _settle(apps, number)
    with pytest.raises(DuplicateError, match="already settled here"):
        apps.create_draft(CLERK, data)


def test_a_relative_in_another_open_application_is_flagged(apps: ApplicationService) -> None:
    first = application()
    spouse_id = first["family"][0]["id_number"]
    second = application(
        family=[
            {
                "relation": "spouse",
                "id_number": spouse_id,
                "marital_status": "married",
                "co_residing": True,
            }
        ]
    )
    # the same person: one name on every application (the name is not overwritten)
    second["records"]["family"][0]["name"] = first["records"]["family"][0]["name"]
    a = apps.create_draft(CLERK, first).number
    b = apps.create_draft(CLERK, second).number
    flags = apps.flags(b)
    assert flags and f"also the relative of application {a}" in flags[0]
    _settle(apps, a)
    apps.accept(CLERK, b)
    apps.decide(CLERK, b)
    apps.approve(OTHER_SUPERVISOR, b)
    see_materials(apps, b)
    apps.issue_permit(CLERK, b)
    with pytest.raises(DuplicateError, match="was already settled here under"):
        apps.mark_settled(CLERK, b)
    assert apps.get(b).state == "permit_issued"


# --- search ------------------------------------------------------------------------------


def test_search_by_every_key(apps: ApplicationService) -> None:
    a = apps.create_draft(CLERK, application(names=["张三丰", "李秀英"])).number
    b = apps.create_draft(
        CLERK,
        application(
            names=["赵敏", "张翠山"],
            destination={"county": "370105", "street": "大桥街道"},
        ),
    ).number
    c = apps.create_draft(CLERK, application(names=["𠈌明", "王五"])).number
    apps.accept(CLERK, a)

    def found(text: str = "", **kw: object) -> list[str]:
        return [item.number for item in apps.search(SUPERVISOR, text, **kw).items]  # type: ignore[arg-type]

    assert found(apps.get(a).applicant.id_number or "") == [a]
    assert found("张三丰") == [a]
    assert found("张") == [b, a]  # 张翠山 is b's relative; newest first
    assert found("zhangsanfeng") == [a]
    assert found("Zhang San") == [a]
    assert found("zsf") == [a]
    assert found("zhao") == [b]
    assert found("𠈌") == [c]  # a name character outside the basic plane
    assert found("ming") == [c]
    assert found(states=("accepted",)) == [a]
    assert found(county="370105") == [b]
    assert found(street="大桥街道") == [b]
    assert found(date_from=date(2024, 3, 1), date_to=date(2024, 3, 1)) == [c, b, a]
    assert found(date_from=date(2024, 3, 2)) == []
    receipt = apps.get(a).receipt_number
    assert receipt is not None and found(receipt) == [a]
    first = apps.search(SUPERVISOR, "", page_size=2)
    assert [i.number for i in first.items] == [c, b] and first.has_more
    second = apps.search(SUPERVISOR, "", page=2, page_size=2)
    assert [i.number for i in second.items] == [a] and not second.has_more


def test_bad_search_input(apps: ApplicationService) -> None:
    with pytest.raises(ServiceError, match="not a valid ID number"):
        apps.search(SUPERVISOR, "371502197205200039")
    with pytest.raises(ServiceError, match="unknown state"):
        apps.search(SUPERVISOR, "", states=("pending",))
    with pytest.raises(ServiceError, match="not an ID number, a name"):
        apps.search(SUPERVISOR, "??!")


# --- bad input changes nothing -----------------------------------------------------------


def test_bad_input_gets_a_clear_message_and_changes_nothing(apps: ApplicationService) -> None:
    number = apps.create_draft(CLERK, application()).number
    before = _counts(apps)
    with pytest.raises(NotFoundError, match="no application 'X-1'"):
        apps.accept(CLERK, "X-1")
    with pytest.raises(CaseError, match=r"applicant\.education"):
        apps.create_draft(CLERK, application(applicant={"education": "masters"}))
    with pytest.raises(CaseError, match=r"destination\.county: 370199"):
        apps.create_draft(CLERK, application(destination={"county": "370199"}))
    emoji = application(names=["王😀", "李四"])
    with pytest.raises(
        CaseError, match=r"records.applicant.name: '😀' \(U\+1F600\) cannot be part"
    ):
        apps.create_draft(CLERK, emoji)
    with pytest.raises(StepNotAllowedError, match="cannot approve"):
        apps.approve(SUPERVISOR, number)
    nameless = application(names=["", ""])
    draft = apps.create_draft(CLERK, nameless).number
    after_draft = _counts(apps)
    with pytest.raises(ServiceError, match=r"missing: the applicant's, family member 1's\)"):
        apps.accept(CLERK, draft)
    assert apps.get(draft).state == "draft" and _counts(apps) == after_draft
    assert after_draft["applications"] == before["applications"] + 1
    with pytest.raises(CaseError, match=r"records\.family has 2 entries but family has 1"):
        apps.create_draft(CLERK, application(names=["王一", "李二", "张三"]))


def test_rare_name_characters_are_kept_exactly(apps: ApplicationService) -> None:
    number = apps.create_draft(CLERK, application(names=["𡘙𠈌", "欧阳·娜娜"])).number
    view = apps.get(number)
    assert view.applicant.name == "𡘙𠈌" and view.relatives[0].person.name == "欧阳·娜娜"


def test_audit_and_answers_never_hold_full_id_numbers(apps: ApplicationService) -> None:
    data = application()
    number = apps.create_draft(CLERK, data).number
    full = data["applicant"]["id_number"]
    with apps.store.sessions() as session:
        audit = session.execute(text("SELECT detail FROM audit_events")).all()
        answers = session.execute(text("SELECT value FROM fact_answers")).all()
    assert full not in str(audit) and full not in str(answers)
    assert apps.get(number).applicant.id_number == full
    assert mask(f"id {full} key {'ab' * 32}") == f"id {full[:6]}********{full[14:]} key [key]"


# --- encryption ----------------------------------------------------------------------------


def test_the_file_is_encrypted_and_opens_only_with_its_key(store: Store) -> None:
    header = store.path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store.path).execute("SELECT * FROM sqlite_master").fetchall()
    with pytest.raises(StoreKeyError, match="cannot be opened with this key"):
        open_engine(store.path, "0" * 64)
    engine = open_engine(store.path, store.settings.key())
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT police_station_name FROM office")).scalar() == "泉城路派出所"
        )
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_headless_machine_without_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(SetupError, match="--key-file FILE"):
        Store.init(
            tmp_path / "d",
            office_code="370102001",
            police_station_name="站",
            admin_password=PASSWORD,
        )
    assert not (tmp_path / "d" / "store.db").exists()
    key_file = tmp_path / "keys" / "store.key"
    store = Store.init(
        tmp_path / "d",
        office_code="370102001",
        police_station_name="站",
        admin_password=PASSWORD,
        key_file=key_file,
    )
    store.close()
    assert key_file.stat().st_mode & 0o777 == 0o600
    reopened = Store.open(tmp_path / "d")
    assert reopened.office().police_station_name == "站"
    reopened.close()
    key_file.chmod(0o644)
    with pytest.raises(SetupError, match="chmod 600"):
        Store.open(tmp_path / "d")


def test_init_refuses_bad_settings_and_an_existing_store(store: Store, tmp_path: Path) -> None:
    with pytest.raises(SetupError, match="already holds a store"):
        Store.init(
            store.folder, office_code="370102001", police_station_name="站", admin_password=PASSWORD
        )
    with pytest.raises(SetupError, match="6 to 12 digits"):
        Store.init(
            tmp_path / "x", office_code="abc", police_station_name="站", admin_password=PASSWORD
        )
    with pytest.raises(SetupError, match="at least 8 characters"):
        Store.init(
            tmp_path / "x", office_code="370102001", police_station_name="站", admin_password="a1"
        )
    with pytest.raises(SetupError, match="no store in"):
        Store.open(tmp_path / "nowhere")


# --- migrations ------------------------------------------------------------------------------


def test_an_empty_store_is_migrated_to_the_newest_schema(store: Store) -> None:
    assert current_revision(store.engine) == head_revision() == HEAD == "0012"
    assert check_file(store.path, store.settings.key()).ok


def _store_at(store: Store, revision: str) -> None:
    """Roll the store back to an earlier revision, with a person in it."""
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO persons (id_number, name, name_pinyin, name_initials, "
                "relation_to_head, former_name, sex, ethnicity, native_place, birthplace, "
                "education, marital_status, military_service, workplace, occupation, "
                "moved_in_from) VALUES ('371502197205200038', '张三丰', '', '', '', '', 'M', "
                "'', '', '', '', '', '', '', '', '')"
            )
        )
        command.downgrade(_alembic_config(conn), revision)
    assert current_revision(store.engine) == revision


@pytest.mark.parametrize("revision", ["0001", "0002", "0003"])
def test_a_store_at_an_earlier_revision_is_backed_up_then_migrated(
    store: Store, revision: str
) -> None:
    _store_at(store, revision)
    if revision == "0002":  # a printed document in the register's old shape
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO applications (number, state, applicant_id, on_date, "
                    "destination_county, destination_street, destination_address, case_json, "
                    "decision, reason, created_at, created_by, accepted_by, updated_at, version) "
                    "VALUES ('A-1', 'draft', 1, '2024-01-01', '370102', '', '', '{}', '', '', "
                    "'2024-01-01 00:00:00', 'admin', '', '2024-01-01 00:00:00', 1)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO printed_documents (application_id, kind, number, voided, "
                    "printed_by, printed_at) VALUES (1, 'receipt', 'SL-1', 0, 'admin', "
                    "'2024-01-01 00:00:00')"
                )
            )
    folder = store.folder
    store.close()
    reopened = Store.open(folder)
    try:
        assert current_revision(reopened.engine) == "0012"
        # the events written before the chain existed are chained on this first open
        with reopened.sessions() as session:
            report = audit.verify(session)
        assert report.ok and report.events >= 4, report.findings
        backup = reopened.last_migration_backup
        assert backup is not None and backup.is_file()
        assert check_file(backup, reopened.settings.key()).revision == revision
        with reopened.engine.connect() as conn:
            row = conn.execute(text("SELECT name_pinyin, name_initials FROM persons")).one()
            if revision == "0001":  # 0002 fills the search keys of existing names
                assert tuple(row) == ("zhangsanfeng", "zsf")
            elif revision == "0002":
                printed = conn.execute(
                    text("SELECT number, copy, void_reason FROM printed_documents")
                ).one()
                assert tuple(printed) == ("SL-1", 0, "")
    finally:
        reopened.close()


def test_the_police_station_name_survives_its_column_rename(store: Store) -> None:
    """0012 renames the office's ``station_name`` column to ``police_station_name``: a
    store at 0011 keeps its 派出所's name through the upgrade."""
    _store_at(store, "0011")
    with store.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("office")}
        assert "station_name" in columns and "police_station_name" not in columns
        kept = conn.execute(text("SELECT station_name FROM office")).scalar()
    assert kept == "泉城路派出所"
    folder = store.folder
    store.close()
    reopened = Store.open(folder)
    try:
        assert current_revision(reopened.engine) == HEAD
        assert reopened.office().police_station_name == "泉城路派出所"
        with reopened.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("office")}
        assert "police_station_name" in columns and "station_name" not in columns
    finally:
        reopened.close()


def test_a_failed_migration_restores_the_store(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_at(store, "0001")
    folder = store.folder
    store.close()

    def broken(config: object, revision: str) -> None:
        conn = config.attributes["connection"]  # type: ignore[attr-defined]
        conn.execute(text("DELETE FROM persons"))
        conn.commit()
        raise RuntimeError("disk full")

    monkeypatch.setattr(command, "upgrade", broken)
    with pytest.raises(MigrationError, match="restored from the backup"):
        Store.open(folder)
    monkeypatch.undo()
    reopened = Store.open(folder)
    with reopened.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM persons")).scalar() == 1
    reopened.close()


# --- backup and restore --------------------------------------------------------------------


def test_backup_and_restore_round_trip(apps: ApplicationService, tmp_path: Path) -> None:
    store = apps.store
    key = store.settings.key()
    number = apps.create_draft(CLERK, application()).number
    backup = backup_store(store.path, key, tmp_path / "b" / "backup.db")
    assert not (tmp_path / "b" / "backup.db.partial").exists()
    apps.create_draft(CLERK, application())
    store.close()
    kept = restore_store(backup, store.path, key)
    assert kept is not None and kept.exists()
    reopened = Store.open(store.folder)
    fresh = ApplicationService(ServiceContext(reopened, evaluation=apps.evaluation))
    assert [i.number for i in fresh.search(SUPERVISOR, "").items] == [number]
    reopened.close()


def test_restore_checks_the_backup_first(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a store at all" * 100)
    store.close()  # closing checkpoints the journal into the file: compare after it
    before = store.path.read_bytes()
    with pytest.raises(StoreKeyError):
        restore_store(bad, store.path, store.settings.key())
    assert store.path.read_bytes() == before


# --- documents seen and attached scans ------------------------------------------------


def test_documents_seen_and_scans_are_kept_with_their_hash(apps: ApplicationService) -> None:
    number = apps.create_draft(CLERK, application()).number
    apps.mark_document_seen(CLERK, number, "居民户口簿")
    assert [d[:2] for d in apps.documents_seen(number)] == [("居民户口簿", "li")]
    content = b"\xff\xd8\xff" + bytes(range(256)) * 10
    scan = apps.attach_scan(
        CLERK, number, filename="户口簿首页.jpg", content=content, media_type="image/jpeg"
    )
    assert scan.sha256 == hashlib.sha256(content).hexdigest() and scan.size == len(content)
    assert apps.scans(number) == [scan]
    assert apps.scan_content(scan.id) == content
    with pytest.raises(ServiceError, match="the file is empty"):
        apps.attach_scan(CLERK, number, filename="x.jpg", content=b"", media_type="image/jpeg")
    with pytest.raises(ServiceError, match="name is required"):
        apps.mark_document_seen(CLERK, number, " ")
    actions = [e.action for e in apps.history(number)]
    assert actions[-2:] == ["application.document_seen", "application.attach"]
