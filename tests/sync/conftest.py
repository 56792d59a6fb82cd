"""A real PostgreSQL on loopback (started once per test session), the real central
server on it (uvicorn in a thread), a fault-injecting proxy in front, and desks (real
stores) enrolled with it.

Without PostgreSQL a test here is skipped on a developer's machine and FAILS in CI
(``CI`` set): `.ci/run` installs Debian's PostgreSQL, so missing it there is a fault."""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, text

from caseworker.central.app import create_app
from caseworker.central.database import migrate, open_database
from caseworker.central.schema import Base
from caseworker.central.service import Central
from caseworker.services.applications import ApplicationService
from caseworker.services.base import Actor
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from caseworker.services.sync import SyncService
from caseworker.services.users import UserService
from tests.sync.pg import Postgres, PostgresUnavailableError, free_port, running_postgres
from tests.sync.proxy import FaultProxy

PASSWORD = "s3cret-pass"
ADMIN = Actor("admin", "admin")
CLERK = Actor("li", "clerk")
SUPERVISOR = Actor("zhao", "supervisor")
OTHER_SUPERVISOR = Actor("qian", "supervisor")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    try:
        with running_postgres() as server:
            yield server
    except PostgresUnavailableError as exc:
        _unavailable(str(exc))


@pytest.fixture(scope="session")
def central_engine(postgres: Postgres) -> Iterator[Engine]:
    engine = open_database(postgres.url("central"))
    migrate(engine)
    yield engine
    engine.dispose()


def empty(engine: Engine) -> None:
    names = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))


class Server:
    """The real app under uvicorn on a free loopback port, in a thread."""

    def __init__(self, central: Central) -> None:
        self.central = central
        self.port = free_port()
        config = uvicorn.Config(
            create_app(central),
            host="127.0.0.1",
            port=self.port,
            log_level="error",
            timeout_keep_alive=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True, name="central")
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the central server did not start")
            time.sleep(0.02)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)


@pytest.fixture(scope="session")
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def central(central_engine: Engine, signing_key: Ed25519PrivateKey) -> Central:
    empty(central_engine)
    return Central(central_engine, signing_key)


@pytest.fixture(scope="session")
def server(central_engine: Engine, signing_key: Ed25519PrivateKey) -> Iterator[Server]:
    running = Server(Central(central_engine, signing_key))
    yield running
    running.stop()


@pytest.fixture
def live(server: Server, central: Central) -> Server:
    """The running server over an emptied database."""
    return server


@pytest.fixture
def proxy(server: Server) -> Iterator[FaultProxy]:
    made = FaultProxy(server.port)
    yield made
    made.close()


_offices = itertools.count(1)


@dataclass
class Desk:
    store: Store
    apps: ApplicationService
    sync: SyncService
    office_code: str

    def close(self) -> None:
        self.store.close()


def make_desk(
    folder: Path,
    central: Central,
    url: str,
    evaluation: EvaluationService,
    *,
    office_code: str | None = None,
    timeout: float = 2.0,
    key_file: Path | None = None,
) -> Desk:
    """A store set up, with a clerk and two supervisors, enrolled with the centre."""
    office = office_code or f"3701020{next(_offices):02d}"
    store = Store.init(
        folder,
        office_code=office,
        police_station_name="测试派出所",
        admin_password=PASSWORD,
        key_file=key_file,
    )
    users = UserService(OfficeContext(store))
    for name, role in (("li", "clerk"), ("zhao", "supervisor"), ("qian", "supervisor")):
        users.add(ADMIN, username=name, role=role, password=PASSWORD)
    sync = SyncService(ServiceContext(store, evaluation=evaluation), timeout=timeout)
    sync.enrol(ADMIN, url, central.issue_code(office))
    return Desk(
        store, ApplicationService(ServiceContext(store, evaluation=evaluation)), sync, office
    )


@pytest.fixture
def desks(
    tmp_path: Path, central: Central, live: Server, service: EvaluationService
) -> Iterator[Any]:
    made: list[Desk] = []

    def factory(url: str | None = None, **kwargs: Any) -> Desk:
        desk = make_desk(tmp_path / f"desk{len(made)}", central, url or live.url, service, **kwargs)
        made.append(desk)
        return desk

    yield factory
    for desk in made:
        desk.close()


def now() -> datetime:
    return datetime.now()
