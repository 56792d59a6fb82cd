"""The search box: every kind of search finds what it should, in the queue's order, and
the name index (``storage.search_index``) follows every change of the rows it indexes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from caseworker.models.names import search_keys, searchable_name
from caseworker.services.applications import ApplicationService
from caseworker.services.context import ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from caseworker.storage import search_index
from caseworker.storage.maintenance import _alembic_config, current_revision
from caseworker.storage.search import SearchFilter, search
from tests.stores import CLERK, SUPERVISOR, Clock, application


def _found(apps: ApplicationService, text: str = "", **kw: Any) -> list[str]:
    return [item.number for item in apps.search(SUPERVISOR, text, **kw).items]


def _create(apps: ApplicationService, *names: str, **spec: Any) -> str:
    # one spouse, then children, each born on another day (an applicant has one spouse,
    # and the same person twice among the relatives is refused)
    family = [
        {"relation": "spouse", "born": "1986-01-01"}
        if i == 0
        else {"relation": "child", "born": f"2010-01-{i:02d}"}
        for i in range(len(names) - 1)
    ]
    return apps.create_draft(CLERK, application(names=list(names), family=family, **spec)).number


# --- the keys of one name -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("单田芳", {"单田芳", "dantianfang", "shantianfang", "dtf", "stf"}),
        ("曾国藩", {"zengguofan", "cengguofan", "zgf", "cgf"}),
        ("解缙", {"xiejin", "jiejin", "xj", "jj"}),
        ("区志华", {"ouzhihua", "qzh", "ozh"}),
        ("朴槿惠", {"piaojinhui", "pjh"}),
        ("查良镛", {"zhaliangyong", "chaliangyong", "zly", "cly"}),
        ("阿卜杜拉·买买提", {"阿卜杜拉买买提", "abudulamaimaiti", "abdlmmt"}),
        ("𠈌明", {"𠈌明"}),  # Extension B: the 汉字 key whatever pypinyin knows of it
        ("张 三", {"张三", "zhangsan", "zs"}),
    ],
)
def test_a_name_has_a_key_for_every_way_a_clerk_types_it(name: str, keys: set[str]) -> None:
    assert keys <= set(search_keys(name).split())


def test_the_usual_reading_comes_first_and_the_keys_are_bounded() -> None:
    assert search_keys("张三丰").split()[:3] == ["张三丰", "zhangsanfeng", "zsf"]
    assert len(search_keys("阿卜杜拉·买买提·艾合买提江").split()) <= 24
    assert search_keys("") == "" and search_keys("·") == ""
    assert searchable_name("阿卜杜拉・买买提") == searchable_name("阿卜杜拉·买买提")


# --- every kind of search -----------------------------------------------------------------


def test_every_kind_of_search_finds_applicants_and_relatives(apps: ApplicationService) -> None:
    shan = _create(apps, "单田芳", "曾小贤")
    uyghur = _create(apps, "阿卜杜拉·买买提", "古丽")
    rare = _create(apps, "王五", "𠈌明")
    zhang = _create(apps, "张三丰")

    assert _found(apps, "shan") == [shan]  # 单 read as the surname
    assert _found(apps, "dan") == [shan]  # and as the word
    assert _found(apps, "stf") == [shan]
    assert _found(apps, "zengxiao") == [shan]  # a relative, by a polyphonic surname
    assert _found(apps, "cx") == [shan]
    assert _found(apps, "曾") == [shan]
    assert _found(apps, "阿卜杜拉·买") == [uyghur]  # with the dot
    assert _found(apps, "阿卜杜拉买") == [uyghur]  # or without it
    assert _found(apps, "abudulamai") == [uyghur]
    assert _found(apps, "古") == [uyghur]  # one character: a relative
    assert _found(apps, "𠈌") == [rare]  # Extension B, a relative
    assert _found(apps, "𠈌明") == [rare]
    assert _found(apps, "w") == [rare]  # one letter
    assert _found(apps, "z") == [zhang, shan]  # zsf; zengxiaoxian; newest first
    assert _found(apps, "zsf") == [zhang]
    assert _found(apps, "zhangsanfe") == [zhang]
    assert _found(apps, "张三丰") == [zhang]
    assert _found(apps, "张三丰丰") == []
    assert _found(apps, "zsfx") == []
    assert _found(apps, apps.get(zhang).applicant.id_number or "") == [zhang]


def test_an_id_number_finds_the_person_as_applicant_and_as_relative(
    apps: ApplicationService,
) -> None:
    first = apps.create_draft(CLERK, application(names=["张三丰", "李四"]))
    relative_id = first.relatives[0].person.id_number
    assert relative_id
    data = application(names=["王五", "李四"])
    data["family"][0]["id_number"] = relative_id
    second = apps.create_draft(CLERK, data)
    assert _found(apps, relative_id) == [second.number, first.number]
    masked = apps.search(CLERK, relative_id).items[0].applicant_id_number
    assert masked and "*" in masked  # a clerk's list masks the ID numbers


def test_a_name_search_pages_in_the_queues_order(apps: ApplicationService) -> None:
    numbers = [_create(apps, f"张{'一二三四五六七'[i]}") for i in range(7)]
    _create(apps, "李四")
    newest_first = numbers[::-1]
    assert _found(apps, "zh") == newest_first
    pages = [apps.search(SUPERVISOR, "张", page=p, page_size=3) for p in (1, 2, 3)]
    assert [[i.number for i in page.items] for page in pages] == [
        newest_first[:3],
        newest_first[3:6],
        newest_first[6:],
    ]
    assert [page.has_more for page in pages] == [True, True, False]
    everything = [n for n in _found(apps) if n in numbers]
    assert everything == newest_first  # the browsing queue agrees


def test_a_name_search_with_the_other_filters(apps: ApplicationService) -> None:
    a = _create(apps, "张三")
    b = _create(apps, "张四", destination={"county": "370105", "street": "大桥街道"})
    apps.accept(CLERK, a)
    assert _found(apps, "zs", states=("accepted",)) == [a]
    assert _found(apps, "zs", states=("draft",)) == [b]
    assert _found(apps, "张", county="370105") == [b]
    assert _found(apps, "张", street="大桥街道") == [b]
    day = date(2024, 3, 1)  # the test clock's day
    assert _found(apps, "张", date_from=day, date_to=day) == [b, a]
    assert _found(apps, "张", date_from=date(2024, 3, 2)) == []
    assert _found(apps, "张", date_to=date(2024, 2, 29)) == []


def test_the_index_follows_renames_and_relatives(apps: ApplicationService) -> None:
    data = application(names=["张三丰", "李四"])
    number = apps.create_draft(CLERK, data).number
    other = apps.create_draft(CLERK, application(names=["王五", "赵六"])).number
    assert _found(apps, "ls") == [number]
    data["records"]["applicant"]["name"] = "单雄信"
    data["records"]["family"][0]["name"] = "秦琼"
    apps.edit(CLERK, number, data)
    assert _found(apps, "zsf") == [] and _found(apps, "ls") == []
    assert _found(apps, "shanxiong") == [number]
    assert _found(apps, "qq") == [number]
    data["family"], data["records"]["family"] = [], []
    apps.edit(CLERK, number, data)
    assert _found(apps, "秦") == []
    assert _found(apps, "单雄信") == [number]
    assert _found(apps, "zl") == [other]


def test_a_filter_with_nothing_left_to_look_for_finds_nothing(
    apps: ApplicationService,
) -> None:
    _create(apps, "张三")
    with apps._reader_lock:
        driver = apps._reader()
        for flt in (SearchFilter(name_prefix="·"), SearchFilter(pinyin_prefix="'")):
            assert search(driver, flt, limit=10, offset=0) == ([], False)
        assert len(search(driver, SearchFilter(), limit=10, offset=0)[0]) == 1


# --- the index in the store ---------------------------------------------------------------


def test_the_store_holds_the_declared_index_and_triggers(store: Store) -> None:
    with store.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'search_names%'")
        ).all()
    held = {name: sql for name, sql in rows if not name.startswith(search_index.TABLE + "_")}
    held |= {name: sql for name, sql in rows if "TRIGGER" in sql}
    assert held == search_index.DDL


def test_a_store_with_applications_is_indexed_when_migrated(
    store: Store, service: EvaluationService
) -> None:
    apps = ApplicationService(ServiceContext(store, Clock(), evaluation=service))
    shan = _create(apps, "单田芳", "曾小贤")
    zhang = _create(apps, "张三丰")
    apps.close()
    with store.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0008")
    assert current_revision(store.engine) == "0008"
    folder = store.folder
    store.close()
    reopened = Store.open(folder)
    try:
        again = ApplicationService(ServiceContext(reopened, Clock(), evaluation=service))
        assert _found(again, "shan") == [shan]
        assert _found(again, "zengx") == [shan]
        assert _found(again, "z") == [zhang, shan]
        assert _found(again, "张三") == [zhang]
    finally:
        reopened.close()


# --- against a brute force over the keys --------------------------------------------------

_SURNAMES = ["单", "曾", "解", "张", "王", "阿卜杜拉·"]
_GIVEN = "三丰明乐长𠈌买提"
_NAME = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(_SURNAMES),
    st.text(alphabet=_GIVEN, min_size=1, max_size=3),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    families=st.lists(st.lists(_NAME, min_size=1, max_size=3), min_size=1, max_size=3),
    data=st.data(),
)
def test_a_name_search_finds_exactly_the_applications_holding_a_key_with_that_prefix(
    apps: ApplicationService, families: list[list[str]], data: st.DataObject
) -> None:
    for names in families:
        _create(apps, *names)
    queue = [item.number for item in apps.search(SUPERVISOR, "", page_size=500).items]
    keys = {}
    for number in queue:
        view = apps.get(number)
        people = [view.applicant.name, *(r.person.name for r in view.relatives)]
        keys[number] = [key for name in people for key in search_keys(name).split()]
    key = data.draw(st.sampled_from(sorted({k for found in keys.values() for k in found})))
    prefix = key[: data.draw(st.integers(1, len(key)))]
    expected = [n for n in queue if any(k.startswith(prefix) for k in keys[n])]
    assert _found(apps, prefix, page_size=500) == expected
