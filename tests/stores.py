"""The store the storage, services and command-line tests share: a fresh store per test, with
a clerk, two supervisors and a clock that moves on; and `application()`, a fresh eligible case."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caseworker.services.application_checks import materials_missing
from caseworker.services.applications import Actor, ApplicationService
from caseworker.services.context import OfficeContext, ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from caseworker.services.users import UserService
from tests.helpers import JINAN_OPTIMIZED_WORKER, build_case

PASSWORD = "s3cret-pass"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 3, 1, 9, 0, 0)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.init(
        tmp_path / "data",
        office_code="370102001",
        police_station_name="泉城路派出所",
        admin_password=PASSWORD,
    )
    admin = Actor("admin", "admin")
    users = UserService(OfficeContext(opened))
    for name, role in (("li", "clerk"), ("zhao", "supervisor"), ("qian", "supervisor")):
        users.add(admin, username=name, role=role, password=PASSWORD)
    yield opened
    opened.close()


@pytest.fixture
def apps(store: Store, service: EvaluationService) -> ApplicationService:
    return ApplicationService(ServiceContext(store, Clock(), evaluation=service))


CLERK = Actor("li", "clerk")
SUPERVISOR = Actor("zhao", "supervisor")
OTHER_SUPERVISOR = Actor("qian", "supervisor")

_people = itertools.count(1)


def application(**spec: Any) -> dict[str, Any]:
    """An application of a master's graduate (eligible under jinan-2017 2.1.1.2) with a
    fresh ID number and hukou-book records; ``spec`` changes the case."""
    n = next(_people)
    family = spec.pop("family", [{"relation": "spouse", "born": "1986-01-01"}])
    data = build_case(
        {
            "applicant": {"degree": "master"},
            "born": f"198{n % 10}-0{1 + n % 9}-1{n % 9}",
            "family": family,
            **spec,
        },
        JINAN_OPTIMIZED_WORKER,
    )
    data.pop("case")
    names = spec.pop("names", None) or [f"王{_hanzi(n)}"] + [
        f"李{_hanzi(n)}{_hanzi(i)}" for i in range(len(family))
    ]
    data["records"] = {
        "household": {
            "household_kind": "家庭户",
            "household_number": f"{n:06d}",
            "head_name": names[0],
            "address": "聊城市东昌府区古楼街道1号",
        },
        "applicant": {"name": names[0], "ethnicity": "汉"},
        "family": [{"name": name} for name in names[1:]],
        "destination_address": "济南市历下区泉城路1号",
    }
    return data


def _hanzi(n: int) -> str:
    return "".join("零一二三四五六七八九"[int(d)] for d in str(n))


def see_materials(apps: ApplicationService, number: str, actor: Actor = CLERK) -> None:
    """Record every material of the route a permit for ``number`` is issued under as seen
    (a permit waits for them)."""
    for name in materials_missing(apps.get(number), apps.documents_seen(number)):
        apps.mark_document_seen(actor, number, name)
