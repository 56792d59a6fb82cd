"""Removable-media sync of a township's 5,000 applications, each with a scan:

- export: the desk's bundle of the whole outbox (seconds, bytes), against writing the
  same body as plain compressed JSON (no encryption, no signature) in the same run;
- import at the centre (``Central.import_bundle``: decrypt, verify, apply every
  operation, build and encrypt the return bundle), against pushing the same operations
  online (``Central.push`` in batches of 500) into a second, empty central database;
- the return bundle applied at the township (seconds, bytes).

    python bench/bench_bundles.py [--applications 5000] [--scan-kb 40] [--keep DIR]

The township store is made through the real services (drafts with a scan attached,
about 20 a second); ``--keep`` keeps it between runs. The centre is a PostgreSQL on
loopback with fsync on (Debian's packages, as `.ci/run` installs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import zlib
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from caseworker.central.database import migrate, open_database  # noqa: E402
from caseworker.central.service import Central  # noqa: E402
from caseworker.services.applications import ApplicationService  # noqa: E402
from caseworker.services.base import Actor  # noqa: E402
from caseworker.services.context import OfficeContext, ServiceContext  # noqa: E402
from caseworker.services.evaluation import EvaluationService  # noqa: E402
from caseworker.services.store import Store  # noqa: E402
from caseworker.services.sync import SyncService  # noqa: E402
from caseworker.storage import sync as sync_repo  # noqa: E402
from caseworker.storage.database import transaction  # noqa: E402
from tests.helpers import make_id  # noqa: E402
from tests.stores import application  # noqa: E402
from tests.sync.pg import running_postgres  # noqa: E402

PASSWORD = "s3cret-pass"
ADMIN = Actor("admin", "admin")
OFFICE = "370102001"


def township(folder: Path, count: int, scan_kb: int) -> None:
    """A store with ``count`` drafts, each with a scan (incompressible, as a JPEG is)."""
    store = Store.init(
        folder / "data",
        office_code=OFFICE,
        police_station_name="乡镇派出所",
        admin_password=PASSWORD,
        key_file=folder / "store.key",
    )
    apps = ApplicationService(ServiceContext(store, evaluation=EvaluationService.from_resources()))
    started = time.perf_counter()
    for i in range(count):
        data = application(family=[])
        # a distinct person each time: the test helper's numbers repeat after a few thousand
        data["applicant"]["id_number"] = make_id(date(1960, 1, 1) + timedelta(days=i))
        view = apps.create_draft(ADMIN, data)
        scan = b"\xff\xd8\xff\xe0" + os.urandom(scan_kb * 1024)
        apps.attach_scan(
            ADMIN, view.number, filename="id.jpg", content=scan, media_type="image/jpeg"
        )
        if i % 500 == 499:
            print(
                f"  {i + 1} applications ({(i + 1) / (time.perf_counter() - started):.0f}/s)",
                flush=True,
            )
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--scan-kb", type=int, default=40)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    kept = args.keep or Path(tempfile.mkdtemp(prefix="bench-township-"))
    if not (kept / "data").exists():
        print(f"making the township store in {kept} …", flush=True)
        kept.mkdir(parents=True, exist_ok=True)
        township(kept, args.applications, args.scan_kb)
    work = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    shutil.copytree(kept, work / "t")
    settings = json.loads((work / "t" / "data" / "settings.json").read_text())
    settings["key_file"] = str(work / "t" / "store.key")
    (work / "t" / "data" / "settings.json").write_text(json.dumps(settings))
    with running_postgres(durable=True) as pg:
        pg.psql("CREATE DATABASE online")
        engine = open_database(pg.url("central"))
        online_engine = open_database(pg.url("online"))
        migrate(engine)
        migrate(online_engine)
        key = Ed25519PrivateKey.generate()
        central = Central(engine, key)
        online = Central(online_engine, key)
        store = Store.open(work / "t" / "data")
        sync = SyncService(OfficeContext(store))
        signer = sync._signer()
        with store.sessions() as session:  # the centre takes a device's own numbers only
            device_code = str(sync_repo.pending(session, limit=1)[0].payload["device_code"])
        device = central.enrol(
            code=central.issue_code(OFFICE),
            office_code=OFFICE,
            device_code=device_code,
            public_key=signer.public_hex,
        )
        online_device = online.enrol(
            code=online.issue_code(OFFICE),
            office_code=OFFICE,
            device_code=device_code,
            public_key=signer.public_hex,
        )
        with transaction(store.sessions) as session:
            sync_repo.save_link(
                session,
                central_url="http://offline.invalid",
                device_id=device,
                central_key=central.public_key,
                central_box_key=central.box_key,
                at=sync.clock(),
            )
        started = time.perf_counter()
        data, count = sync.export_bundle(ADMIN)
        export_s = time.perf_counter() - started
        # the baseline: the same rows read from the same store, written out unencrypted
        started = time.perf_counter()
        with store.sessions() as session:
            operations = [
                {"key": i.key, "kind": i.kind, "payload": i.payload}
                for i in sync_repo.pending(session, limit=10**9)
            ]
            scans = sync_repo.attachments_of(
                session,
                {
                    str(o["payload"]["application"]["number"])
                    for o in operations
                    if o["kind"].startswith("application.")
                },
            )
        text = zlib.compress(json.dumps({"operations": operations}).encode(), 6)
        plain = b"".join([text, *(scan["content"] for scan in scans)])
        plain_s = time.perf_counter() - started

        started = time.perf_counter()
        answer = central.import_bundle(data)
        import_s = time.perf_counter() - started
        started = time.perf_counter()
        for i in range(0, len(operations), 500):
            online.push(online_device, operations[i : i + 500], None)
        online_s = time.perf_counter() - started

        started = time.perf_counter()
        _, _, summary = sync.import_bundle(ADMIN, answer)
        return_s = time.perf_counter() - started
        assert summary.applied == count, (summary.applied, count)
        assert sync.status().waiting == 0
        store.close()
        engine.dispose()
        online_engine.dispose()
    shutil.rmtree(work, ignore_errors=True)
    print(
        f"{args.applications} applications, {count} operations, "
        f"{len(scans)} scans of {args.scan_kb} KB"
    )
    print(
        f"export: {export_s:.1f} s, bundle {len(data) / 1e6:.1f} MB "
        f"(the same rows read and written unencrypted: "
        f"{plain_s:.1f} s, {len(plain) / 1e6:.1f} MB; "
        f"{export_s / plain_s:.2f}x)"
    )
    print(
        f"import at the centre: {import_s:.1f} s (the same operations pushed online: "
        f"{online_s:.1f} s; {import_s / online_s:.2f}x)"
    )
    print(f"return bundle applied at the township: {return_s:.1f} s, {len(answer) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
