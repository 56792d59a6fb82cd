"""Property-based tests (hypothesis): arbitrary Unicode names and addresses, malformed ID
numbers, impossible dates and oversized fields thrown at the services and the commands.

The property each time: no crash; either the request is done and what was entered is
what is stored, or it is refused with one clear line (a ServiceError / CaseError /
WorkflowError) and nothing at all was saved. ``pytest --hypothesis-show-statistics``
reports how many inputs each test tried.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseworker.cli import main
from caseworker.models.facts import CaseError
from caseworker.models.workflow import WorkflowError
from caseworker.services.applications import ApplicationService, ServiceError
from caseworker.services.context import OfficeContext
from caseworker.services.store import Store
from caseworker.services.users import UserService
from caseworker.storage import repositories as repo
from tests.stores import CLERK, PASSWORD, SUPERVISOR, application

REFUSALS = (ServiceError, CaseError, WorkflowError)
TABLES = ("applications", "persons", "audit_events", "outbox", "fact_answers", "relatives")
EXAMPLES = 150
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# text as it comes from a keyboard, a paste, or a corrupted file: every plane, control
# characters, combining marks, right-to-left marks, very long
ANY_TEXT = st.text(max_size=300)
CJK_CHAR = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF, categories=["Lo"]),
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF, categories=["Lo"]),
    st.characters(min_codepoint=0x20000, max_codepoint=0x3134F, categories=["Lo"]),
)
CJK_NAME = st.builds(
    lambda first, rest: first + "".join(rest),
    CJK_CHAR,
    st.lists(st.one_of(CJK_CHAR, st.just("·")), max_size=59),
)
ID_LIKE = st.one_of(
    st.text(alphabet="0123456789Xx", min_size=0, max_size=20),
    st.text(max_size=25),
    st.integers(),
    st.none(),
)
DATE_LIKE = st.one_of(
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}\Z"),
    st.text(max_size=12),
    st.integers(),
    st.none(),
)


def _counts(store: Store) -> dict[str, int]:
    with store.sessions() as session:
        return {table: repo.count_rows(session, table) for table in TABLES}


def _try_create(apps: ApplicationService, data: Any) -> tuple[bool, str]:
    before = _counts(apps.store)
    try:
        view = apps.create_draft(CLERK, data)
    except REFUSALS as exc:
        message = str(exc)
        assert message and "\n" not in message.strip() and "Traceback" not in message
        assert _counts(apps.store) == before, "a refused request left rows behind"
        return False, message
    assert _counts(apps.store)["applications"] == before["applications"] + 1
    return True, view.number


@PROPERTY
@given(name=ANY_TEXT, address=ANY_TEXT, workplace=ANY_TEXT)
def test_any_name_and_address(
    apps: ApplicationService, name: str, address: str, workplace: str
) -> None:
    data = application()
    data["records"]["applicant"]["name"] = name
    data["records"]["applicant"]["workplace"] = workplace
    data["records"]["household"]["address"] = address
    data["records"]["destination_address"] = address
    done, number = _try_create(apps, data)
    if done:  # what was entered is what is kept, character for character
        view = apps.get(number)
        assert view.applicant.name == name.strip() or not name.strip()
        assert view.applicant.card["workplace"] == workplace.strip()
        assert view.destination_address == address.strip()
        apps.withdraw(CLERK, number)  # the next example may use the same person


@PROPERTY
@given(name=CJK_NAME)
def test_every_chinese_name_of_every_plane_is_kept_and_found(
    apps: ApplicationService, name: str
) -> None:
    data = application()
    data["records"]["applicant"]["name"] = name
    done, number = _try_create(apps, data)
    if len(name.strip()) > 50:
        assert not done and "name" in number
        return
    assert done, number
    assert apps.get(number).applicant.name == name.strip()
    found = apps.search(SUPERVISOR, name.strip()[:5]).items
    assert number in {item.number for item in found}
    apps.withdraw(CLERK, number)


@PROPERTY
@given(id_number=ID_LIKE, relative_id=ID_LIKE)
def test_malformed_id_numbers(apps: ApplicationService, id_number: Any, relative_id: Any) -> None:
    data = application()
    data["applicant"]["id_number"] = id_number
    data["family"][0]["id_number"] = relative_id
    done, message = _try_create(apps, data)
    if not done:
        assert "id_number" in message or "ID" in message, message
    else:
        apps.withdraw(CLERK, message)


@PROPERTY
@given(on=DATE_LIKE, born=DATE_LIKE)
def test_impossible_dates(apps: ApplicationService, on: Any, born: Any) -> None:
    data = application()
    data["on"] = on
    data["family"][0].pop("id_number", None)
    data["family"][0]["born"] = born
    done, message = _try_create(apps, data)
    if done:
        apps.withdraw(CLERK, message)


@PROPERTY
@given(
    field=st.sampled_from(
        [
            ("records", "household", "household_kind"),
            ("records", "household", "household_number"),
            ("records", "household", "head_name"),
            ("records", "applicant", "ethnicity"),
            ("records", "applicant", "native_place"),
            ("records", "applicant", "birthplace"),
            ("records", "applicant", "occupation"),
            ("records", "applicant", "moved_in_from"),
            ("records", "destination_address"),
            ("destination", "street"),
            ("applicant", "hukou_county"),
        ]
    ),
    size=st.integers(min_value=0, max_value=100_000),
)
def test_oversized_fields(apps: ApplicationService, field: tuple[str, ...], size: int) -> None:
    data = application()
    target = data
    for part in field[:-1]:
        target = target[part]
    target[field[-1]] = "张" * size
    done, message = _try_create(apps, data)
    if done:
        stored = json.dumps(apps.get(message).case, ensure_ascii=False)
        assert size <= 200 or "张" * size not in stored
        apps.withdraw(CLERK, message)
    elif size > 200:
        assert field[-1] in message, message


@PROPERTY
@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
        ),
        max_leaves=30,
    )
)
def test_any_json_at_all(apps: ApplicationService, data: Any) -> None:
    _try_create(apps, data)


@PROPERTY
@given(
    mutation=st.dictionaries(
        st.sampled_from(["on", "destination", "applicant", "family", "records", "case", "expect"]),
        st.none() | st.integers() | st.text(max_size=30) | st.lists(st.integers(), max_size=3),
        min_size=1,
        max_size=3,
    )
)
def test_parts_replaced_by_the_wrong_kind_of_value(
    apps: ApplicationService, mutation: dict[str, Any]
) -> None:
    data = application()
    data.update(copy.deepcopy(mutation))
    done, message = _try_create(apps, data)
    if done:
        apps.withdraw(CLERK, message)


@PROPERTY
@given(text=ANY_TEXT, page=st.integers(-5, 10**9), size=st.integers(-5, 10_000))
def test_search_takes_anything(apps: ApplicationService, text: str, page: int, size: int) -> None:
    try:
        apps.search(CLERK, text, page=page, page_size=size)
    except ServiceError as exc:
        assert str(exc)


@PROPERTY
@given(username=ANY_TEXT, password=ANY_TEXT, display=ANY_TEXT)
def test_user_accounts_take_anything(
    store: Store, username: str, password: str, display: str
) -> None:
    users = UserService(OfficeContext(store))
    admin = users.login("admin", PASSWORD).actor
    before = _counts(store)
    try:
        users.add(admin, username=username, role="clerk", password=password, display_name=display)
    except ServiceError as exc:
        assert str(exc) and _counts(store) == before
        return
    assert users.login(username, password).actor.username == username


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=st.one_of(st.binary(max_size=400), ANY_TEXT.map(str.encode)), text=ANY_TEXT)
def test_the_commands_take_anything(  # noqa: PLR0917 - fixtures and drawn values
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    text: str,
) -> None:
    monkeypatch.setenv("CASEWORKER_USER", "li")
    monkeypatch.setenv("CASEWORKER_PASSWORD", PASSWORD)
    path = tmp_path / "case.json"
    path.write_bytes(content)
    folder = str(store.folder)
    before = _counts(store)
    assert main(["apply", "--data-dir", folder, str(path)]) == 2
    assert _counts(store)["applications"] == before["applications"]
    if not text.startswith("-"):
        assert main(["search", "--data-dir", folder, text]) in {0, 2}
        assert main(["show", "--data-dir", folder, text]) == 2
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "internal error" not in out.err, out.err
