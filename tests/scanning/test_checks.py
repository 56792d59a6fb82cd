"""Issue 22: nothing wrong shown unmarked. Each rule on canned values and lines, so each is
tested alone: places against the division data (corrected one character at a time, only
where one division fits), closed lists, the ID number, names; the ruled page read cell by
cell; the ID card's lines mended (split labels joined, a run-on line cut at the label)."""

from __future__ import annotations

import pytest

from caseworker.models.resident_id import check_digit, parse_resident_id
from caseworker.scanning.checks import Status, judge, parse_place
from caseworker.scanning.fields import extract
from caseworker.scanning.ocr import OcrLine
from caseworker.scanning.table import read_table


def make_id(born: str, sex: str, region: str) -> str:
    """A valid number; not tests.helpers.make_id, whose shared sequence the old image
    generator's numbers depend on."""
    first17 = f"{region}{born.replace('-', '')}{'001' if sex == 'M' else '002'}"
    return first17 + check_digit(first17)


def line(text: str, x: int, y: int, score: float = 0.99) -> OcrLine:
    return OcrLine(text, score, (x, y, x + 30 * len(text), y + 32))


@pytest.mark.parametrize(
    ("read", "shown", "status"),
    [
        ("山东省聊城市在平县", "山东省聊城市茌平县", Status.CORRECTED),  # 茌平县: the old name
        ("山东省在平县", "山东省茌平县", Status.CORRECTED),  # 东平县 is one away too: 茌/在 decides
        ("山东省菏泽市郸城县", "山东省菏泽市郓城县", Status.CORRECTED),  # 郸城县 is in Henan
        ("山东省枣庄市峰城区", "山东省枣庄市峄城区", Status.CORRECTED),
        ("山东省济宁市充州市", "山东省济宁市兖州市", Status.CORRECTED),
        ("山东省临沂市城县", "山东省临沂市郯城县", Status.CORRECTED),  # a character dropped
        ("山东省菏泽市城县", "山东省菏泽市城县", Status.DOUBTFUL),  # 郓城县 or 鄄城县: no guess
        ("山东省临沂市费县", "山东省临沂市费县", Status.CHECKED),
        ("山东省青州市", "山东省青州市", Status.CHECKED),  # a county-level city
        ("山东省济南市青州市", "山东省济南市青州市", Status.DOUBTFUL),  # not a county of 济南
        ("济南历下", "济南历下", Status.DOUBTFUL),  # does not parse
        # every level corrected is a guess too far: shown as read, doubtful
        ("山东吉泰旺市设城区", "山东吉泰旺市设城区", Status.DOUBTFUL),
        # two levels corrected: the guess is offered, doubtful (the clerk must look)
        ("山东福清泽市单县", "山东省菏泽市单县", Status.DOUBTFUL),
        ("山东省冬庄市峰城区", "山东省枣庄市峄城区", Status.DOUBTFUL),
        # the newer recogniser reads 郓 as 郭 or 军: between 郓城县 and 鄄城县 that decides
        ("山东省菏泽市郭城县", "山东省菏泽市郓城县", Status.CORRECTED),
        ("山东省菏泽市军城县", "山东省菏泽市郓城县", Status.CORRECTED),
    ],
)
def test_a_birthplace_is_a_division_or_is_marked(read: str, shown: str, status: Status) -> None:
    verdict = judge({"native_place": read})["native_place"]
    assert (verdict.value, verdict.status) == (shown, status)


def test_a_guess_at_two_levels_says_so() -> None:
    guessed = judge({"birthplace": "山东省冬庄市峰城区"})["birthplace"]
    assert guessed.reason == "place-guessed"
    assert judge({"birthplace": "山东省枣庄市峰城区"})["birthplace"].reason == "place-corrected"
    assert judge({"birthplace": "山东吉泰旺市设城区"})["birthplace"].reason == "place-unknown"


def test_a_name_with_a_place_confusion_is_not_doubtful_for_it() -> None:
    # 郭 stands for 郓 only in place names: 郓 is no surname, 郭 a common one
    name = judge({"name": "郭建华"})["name"]
    assert name.status is Status.UNCHECKED


def test_an_address_is_checked_as_far_as_the_data_goes() -> None:
    address = judge({"address": "山东省聊城市在平区振兴街道1号"})["address"]
    assert address.value == "山东省聊城市茌平区振兴街道1号"
    assert address.status is Status.CORRECTED
    plain = judge({"address": "山东省济南市历下区泉城路1号"})["address"]
    assert plain.status is Status.UNCHECKED  # the street and number cannot be checked
    assert parse_place("山东省济南市历下区泉城路1号").county == "370102"
    swallowed = judge({"address": "山东省济南市历下区泉城路1号370102197205200038"})
    assert swallowed["address"].status is Status.DOUBTFUL  # the ID line run into it
    assert judge({"address": "历下泉城路1号"})["address"].status is Status.DOUBTFUL


def test_closed_lists() -> None:
    fields = {
        "ethnicity": "汊",  # not one of the 56
        "education": "大学本料",  # one character from 大学本科 only
        "marital_status": "已婚",
        "military_service": "退出役",
        "relation_to_head": "长子",
        "household_kind": "家庭户",
    }
    got = judge(fields)
    assert got["ethnicity"].status is Status.DOUBTFUL
    assert (got["education"].value, got["education"].status) == ("大学本科", Status.CORRECTED)
    assert got["marital_status"].status is Status.CHECKED
    assert got["military_service"].status is Status.DOUBTFUL
    assert got["relation_to_head"].status is Status.CHECKED
    assert got["household_kind"].status is Status.CHECKED
    assert judge({"ethnicity": ""})["ethnicity"].status is Status.MISSING


def test_the_id_number_checks_and_is_checked() -> None:
    number = make_id("1972-05-20", "M", "371502")
    right = judge({"id_number": number, "birth_date": "1972-05-20", "sex": "男"})
    assert {v.status for v in right.values()} == {Status.CHECKED}
    wrong = judge({"id_number": number[:-1] + ("1" if number[-1] != "1" else "2")})
    # a number failing its check digit is never shown: the clerk types it
    assert wrong["id_number"].value == "" and wrong["id_number"].status is Status.DOUBTFUL
    other = judge({"id_number": number, "birth_date": "1972-05-21", "sex": "女"})
    assert other["id_number"].status is Status.DOUBTFUL
    assert other["birth_date"].status is Status.DOUBTFUL
    assert other["sex"].status is Status.DOUBTFUL
    alone = judge({"birth_date": "1972-05-20", "sex": "男"})  # nothing to check them by
    assert {v.status for v in alone.values()} == {Status.UNCHECKED}
    unknown_region = make_id("1972-05-20", "M", "379999")
    assert judge({"id_number": unknown_region})["id_number"].value == ""


def test_a_name_is_never_certain_by_itself() -> None:
    assert judge({"name": "王建国"})["name"].status is Status.UNCHECKED
    for confusable in ("元庆", "亓庆", "逢春", "郑明"):  # 亓/元, 逄/逢, 郯/郑
        assert judge({"name": confusable})["name"].status is Status.DOUBTFUL
    assert judge({"name": "王垚"})["name"].reason == "name-rare"
    differs = judge({"name": "王建国"}, known={"name": "王建图"})
    assert differs["name"].status is Status.DOUBTFUL
    agrees = judge({"name": "王建国"}, known={"name": "王建国"})
    assert agrees["name"].status is Status.CHECKED
    assert judge({"former_name": "户主或与"})["former_name"].status is Status.DOUBTFUL


# --- reading the ruled page cell by cell ------------------------------------------------------

#: a 常住人口登记卡's rows as cells: (left, top, right, bottom)
CELLS = [
    (0, 0, 100, 60),  # 姓名
    (100, 0, 300, 60),
    (300, 0, 420, 60),  # 户主或与户主关系, wrapped on two lines
    (420, 0, 700, 60),
    (0, 60, 100, 120),  # 曾用名, empty
    (100, 60, 300, 120),
    (300, 60, 420, 120),  # 性别
    (420, 60, 700, 120),
    (0, 120, 100, 180),  # 公民身份号码: the older label
    (100, 120, 700, 180),
]


def test_a_ruled_page_is_read_cell_by_cell() -> None:
    lines = [
        line("姓", 5, 10),
        line("名", 60, 10),  # the label spaced across its cell
        line("亓庆", 110, 12),
        line("户主或与户主", 305, 2),
        line("关系", 305, 28),
        line("户主", 430, 12),
        line("曾用名", 5, 70),
        line("性", 305, 72),
        # the recogniser ran the label's second half and the value together across the rule
        OcrLine(
            "别男",
            0.99,
            (380, 70, 460, 102),
            (("别", 0.99, (380, 70, 410, 102)), ("男", 0.99, (430, 70, 460, 102))),
        ),
        line("公民身份号码", 5, 130),
        line("371502197205200038", 110, 130),
    ]
    layout = (
        ("name", "姓名"),
        ("relation_to_head", "户主或与户主关系"),
        ("former_name", "曾用名"),
        ("sex", "性别"),
        ("id_number", "公民身份证件编号"),
    )
    table = read_table(layout, {"id_number": ("公民身份号码",)}, lines, CELLS)
    got = {name: value.text if value else None for name, value in table.items()}
    assert got == {
        "name": "亓庆",
        "relation_to_head": "户主",
        "former_name": "",  # empty, never the neighbouring label
        "sex": "男",
        "id_number": "371502197205200038",
    }
    result = extract("registration-card", lines, cells=CELLS)
    assert result.fields["name"].status is Status.DOUBTFUL  # 亓/元
    assert result.fields["former_name"].status is Status.MISSING
    assert result.fields["id_number"].status is Status.CHECKED
    # no label, so nothing is read from the page; the checked ID number gives the date,
    # marked for the clerk to confirm
    birth = result.fields["birth_date"]
    assert (birth.read, birth.status, birth.reason) == ("", Status.CORRECTED, "id-derived")
    assert birth.value == parse_resident_id(result.fields["id_number"].value).birth_date.isoformat()


# --- the ID card's lines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "ethnicity_line",
    [
        OcrLine("呈汉", 0.72, (373, 212, 562, 260)),  # 民族 read as one character
        OcrLine("民汉", 1.0, (373, 212, 562, 260)),  # 族 dropped: 民汉 looks like 民族 misread
    ],
)
def test_the_ethnicity_beside_the_sex_is_found_with_its_label_misread(
    ethnicity_line: OcrLine,
) -> None:
    lines = [
        OcrLine("姓名隋菲", 0.99, (80, 114, 338, 171)),
        OcrLine("性别男", 0.99, (83, 214, 277, 262)),
        ethnicity_line,
        OcrLine("出生1945年9月18日", 0.96, (82, 306, 635, 356)),
    ]
    found = extract("id-card", lines).fields["ethnicity"]
    assert found.value == "汉"
    assert found.status is (Status.CHECKED if ethnicity_line.score >= 0.9 else Status.DOUBTFUL)


def test_the_id_cards_lines_are_mended() -> None:
    lines = [
        line("姓", 50, 50),
        line("名", 110, 50),  # spaced apart: joined again
        line("张三丰", 170, 48),
        OcrLine("性别男民族汉", 0.99, (50, 120, 410, 152)),  # one line for two fields
        line("出生1972年5月20日", 50, 190),
        line("住址山东省聊城市东昌府区古", 50, 260),
        line("楼街道1号", 110, 300),
        line("公民身份号码", 50, 470),
        line("371502197205200038", 240, 466),
    ]
    result = extract("id-card", lines)
    assert result.values() == {
        "name": "张三丰",
        "sex": "男",
        "ethnicity": "汉",
        "birth_date": "1972-05-20",
        "address": "山东省聊城市东昌府区古楼街道1号",
        "id_number": "371502197205200038",
    }


def test_an_id_number_under_a_misread_label_is_still_found_and_checked() -> None:
    lines = [line("公民身粉号码", 50, 470), line("371502197205200038", 240, 466)]
    found = extract("id-card", lines).fields["id_number"]
    assert (found.value, found.status) == ("371502197205200038", Status.CHECKED)
    stray = [line("公民身份号码", 50, 470), line("371502197205200039", 240, 466)]
    assert extract("id-card", stray).fields["id_number"].value == ""  # fails its check digit


def test_an_unread_sex_or_birth_date_is_taken_from_a_checked_number_and_marked() -> None:
    """Not read on the image, but the ID number (check digit, region, a real date) gives
    them: filled in as "corrected", never "checked", so the clerk confirms them."""
    body = "37040219710508193"
    number = body + check_digit(body)
    verdicts = judge({"id_number": number, "sex": "", "birth_date": ""})
    assert (verdicts["sex"].value, verdicts["sex"].status) == ("男", Status.CORRECTED)
    assert (verdicts["birth_date"].value, verdicts["birth_date"].status) == (
        "1971-05-08",
        Status.CORRECTED,
    )
    # a number that fails its check gives nothing
    wrong = judge({"id_number": body + ("0" if check_digit(body) != "0" else "1"), "sex": ""})
    assert wrong["sex"].status is Status.MISSING


@pytest.mark.parametrize(
    ("read", "shown", "status"),
    [
        ("1984年08月02日由青岛审迁来", "1984年08月02日由青岛市迁来", Status.CORRECTED),
        ("2017年03月04日由潍坊南迁来", "2017年03月04日由潍坊市迁来", Status.CORRECTED),
        ("2002年05月07日由济南市迁来", "2002年05月07日由济南市迁来", Status.UNCHECKED),
        (
            "1990年01月01日由河北省石家庄市迁来",
            "1990年01月01日由河北省石家庄市迁来",
            Status.UNCHECKED,
        ),
        # 泰安市, 西安市, 六安市…: one dropped character fits many; no guess
        ("2013年03月04日由安市迁来", "2013年03月04日由安市迁来", Status.UNCHECKED),
        # written another way, a date and a place: free text
        ("2004年09月山东省济南市市中区", "2004年09月山东省济南市市中区", Status.UNCHECKED),
        # not the form's shape: part of it was not read
        ("1982", "1982", Status.DOUBTFUL),
        ("1986年095日由济", "1986年095日由济", Status.DOUBTFUL),
    ],
)
def test_a_moved_in_values_place_is_corrected_where_one_division_fits(
    read: str, shown: str, status: Status
) -> None:
    verdict = judge({"moved_in_from": read})["moved_in_from"]
    assert (verdict.value, verdict.status) == (shown, status)


@pytest.mark.parametrize(
    ("field", "read", "shown", "status"),
    [
        ("military_service", "预备役丁户", "预备役", Status.CORRECTED),  # the seal's 口户
        ("military_service", "服现役户", "服现役", Status.CORRECTED),
        # the next cell's label (兵役状况) read on, misread: taken away, marked
        ("marital_status", "丧偶兵设状况", "丧偶", Status.CORRECTED),
        ("marital_status", "丧偶东西南北", "丧偶东西南北", Status.DOUBTFUL),  # too much after
        ("education", "中等专", "中等专", Status.DOUBTFUL),  # 中等专科 goes on: not cut short
    ],
)
def test_a_closed_value_with_a_character_or_two_after_it_is_corrected(
    field: str, read: str, shown: str, status: Status
) -> None:
    verdict = judge({field: read})[field]
    assert (verdict.value, verdict.status) == (shown, status)
