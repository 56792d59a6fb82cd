"""What each value read can be, and how sure the desk may be of it.

Every field gets one status:

- ``checked``: read, and a check that a misread would fail confirms it (a closed list
  such as 民族 ethnicity, the ID number's check digit, the birth date against the
  number, a place that is a division of the shipped division data, province, city and
  county fitting together);
- ``corrected``: the reading was not a possible value and exactly one possible value is
  one character away (在平县 → 茌平县): shown corrected, and marked;
- ``unchecked``: nothing can check it (a name, the rest of an address, a workplace);
- ``doubtful``: it fails a check, or holds characters a recogniser confuses (茌/在,
  亓/元, …), or runs into another field's label;
- ``missing``: nothing was read there.

Only ``checked`` needs no look from the clerk; the rest are marked.

Pure: fields in, fields with their status out."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

import yaml

from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.resources import resource_path


class Status(StrEnum):
    CHECKED = "checked"
    CORRECTED = "corrected"
    UNCHECKED = "unchecked"
    DOUBTFUL = "doubtful"
    MISSING = "missing"


#: why a field has its status; the desk words each one for the clerk
REASONS = (
    "closed-list",  # one of the values the form allows
    "list-corrected",  # one character from exactly one allowed value
    "not-in-list",
    "place-known",  # a division of the shipped data, the levels fitting together
    "place-corrected",
    "place-unknown",  # does not parse into province / city / county
    "place-guessed",  # two of province, city and county corrected: a guess, doubtful
    "place-rest-unchecked",  # province, city and county known; the rest cannot be checked
    "id-valid",  # check digit, known region, a real birth date
    "id-invalid",
    "id-disagrees",  # the number's birth date or sex differs from the field read
    "id-agrees",  # the sex the number gives
    "id-derived",  # not read; taken from the (checked) ID number, for the clerk to confirm
    "date-agrees",
    "date-invalid",
    "free-text",
    "name-confusable",  # a character a recogniser confuses with another
    "name-rare",  # a character rare in names
    "name-differs",  # differs from the name read on the other document
    "name-agrees",
    "label-fragment",  # holds a printed label: taken from a neighbouring cell
    "seal-removed",  # a seal's text read into it taken out (``seal``)
    "outside-table",  # read by its label's row where the table's cells were not found
    "not-read",
)

ETHNIC_GROUPS = [
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
#: the values the 常住人口登记卡 and 户主页 allow in their closed fields
CLOSED: dict[str, tuple[str, ...]] = {
    "sex": ("男", "女"),
    "ethnicity": tuple(ETHNIC_GROUPS),
    "household_kind": ("家庭户", "集体户"),
    "education": tuple(
        [
            "博士研究生",
            "硕士研究生",
            "研究生",
            "大学本科",
            "大学专科",
            "中等专科",
            "职业高中",
            "技工学校",
            "高中",
            "初中",
            "小学",
            "文盲",
            "文盲或半文盲",
            "不识字或识字很少",
        ]
    ),
    "marital_status": tuple(["未婚", "已婚", "初婚", "再婚", "复婚", "丧偶", "离婚", "有配偶"]),
    "military_service": tuple(["未服兵役", "退出现役", "服现役", "预备役", "民兵", "士兵预备役"]),
    "relation_to_head": tuple(
        [
            "户主",
            "配偶",
            "妻",
            "夫",
            "子",
            "女",
            "长子",
            "次子",
            "三子",
            "四子",
            "长女",
            "次女",
            "三女",
            "四女",
            "独生子",
            "独生女",
            "养子",
            "养女",
            "继子",
            "继女",
            "女婿",
            "儿媳",
            "孙子",
            "孙女",
            "外孙子",
            "外孙女",
            "父",
            "母",
            "父亲",
            "母亲",
            "公公",
            "婆婆",
            "岳父",
            "岳母",
            "祖父",
            "祖母",
            "外祖父",
            "外祖母",
            "兄",
            "弟",
            "姐",
            "妹",
            "哥哥",
            "弟弟",
            "姐姐",
            "妹妹",
            "侄子",
            "侄女",
            "外甥",
            "外甥女",
            "其他",
        ]
    ),
}
#: characters a Chinese recogniser reads for one another, each shape with its look-alikes
CONFUSABLE_GROUPS = (
    "茌在花",
    "郯郑郏",
    "兖充究",
    "郓郸",
    "峄峰",
    "亓元",
    "逄逢",
    "己已巳",
    "戊戌戍",
    "未末",
    "土士",
    "日曰",
    "汩汨",
    "祎袆",
    "晔烨",
    "崔雀",
    "栾峦",
    "綦基",
    "郗都",
    "鞠鞫",
    "禚谯",
    "盖盍",
    "隋随",
    "淼森",
)
CONFUSABLE = frozenset("".join(CONFUSABLE_GROUPS))
#: more shapes the recogniser takes for a place's character, used only to choose between
#: two divisions one character away (郭城县 in 菏泽市: 郓城县, not 鄄城县); a name holding
#: 郭 or 军 is not doubtful for it
PLACE_CONFUSABLE_GROUPS = (*CONFUSABLE_GROUPS, "郓郭军")
#: labels printed on the documents, the scanner's and the others: a value holding one was
#: taken from a neighbouring cell
PRINTED_LABELS = [
    "姓名",
    "性别",
    "民族",
    "出生",
    "住址",
    "公民身份号码",
    "户别",
    "户主姓名",
    "户号",
    "户主或与户主关系",
    "出生日期",
    "出生地",
    "籍贯",
    "公民身份证件编号",
    "曾用名",
    "文化程度",
    "婚姻状况",
    "兵役状况",
    "服务处所",
    "职业",
    "何时由何地迁来本址",
    "宗教信仰",
    "身高",
    "血型",
    "承办人签章",
    "签发日期",
    "登记日期",
    "户口专用章",
    "本市其他住址",
    "何时由何市",
]
COUNTY_SUFFIXES = ("自治县", "县", "区", "市", "旗")


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    value: str  # the value to show: the reading, corrected or emptied
    reason: str


def common_name_character(char: str) -> bool:
    """In the 3,755 characters of GB 2312 level 1, the ones in everyday use (names too)."""
    try:
        code = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0 <= code[0] <= 0xD7


# --- places ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Places:
    provinces: dict[str, str]  # code -> name
    cities: dict[str, dict[str, str]]  # province code -> {name: city code}
    counties_of_city: dict[str, dict[str, str]]  # city code -> {name: county code}
    counties_of_province: dict[str, dict[str, str]]  # province code -> {name: county code}
    streets: dict[str, set[str]]  # county code -> street names
    county_codes: frozenset[str]  # today's and earlier county codes


@cache
def _places() -> _Places:
    folder = resource_path("divisions")
    data: dict[str, Any] = json.loads((folder / "divisions.json").read_text(encoding="utf-8"))
    amendments = yaml.safe_load((folder / "amendments.yaml").read_text(encoding="utf-8"))
    provinces = dict(data["provinces"])
    cities: dict[str, dict[str, str]] = {}
    for code, name in data["cities"].items():
        if name not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            cities.setdefault(code[:2], {})[name] = code
    of_city: dict[str, dict[str, str]] = {}
    of_province: dict[str, dict[str, str]] = {}

    def add(code: str, name: str, city: str) -> None:
        for variant in _county_variants(name):
            of_city.setdefault(city, {}).setdefault(variant, code)
            of_province.setdefault(code[:2], {}).setdefault(variant, code)

    for code, (name, city) in data["counties"].items():
        if name != "市辖区":
            add(code, name, city)
    for entry in amendments["renamed_counties"]:
        add(entry["new"], entry["old_name"], entry["old"][:4])
    streets: dict[str, set[str]] = {}
    for name, county in data["streets"].values():
        streets.setdefault(county, set()).add(name)
    codes = frozenset(data["counties"]) | {e["old"] for e in amendments["renamed_counties"]}
    return _Places(provinces, cities, of_city, of_province, streets, codes)


def _county_variants(name: str) -> list[str]:
    """A county's name and its earlier forms: 茌平区 was 茌平县, 兖州区 was 兖州市."""
    for suffix in COUNTY_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2 and suffix != "自治县":
            stem = name[: -len(suffix)]
            return [name, *(stem + s for s in ("县", "区", "市") if stem + s != name)]
    return [name]


def _at(text: str, pos: int, names: dict[str, str]) -> tuple[str, str, bool, int] | None:
    """(name, code, corrected, characters read) of the one name that ``text`` holds at
    ``pos``: exactly, else the only one a single character away; None when none or more
    than one fits."""
    exact = [n for n in names if text.startswith(n, pos)]
    if exact:
        name = max(exact, key=len)
        return name, names[name], False, len(name)
    # one character misread in a name of three or more (two agreeing with it), or one
    # dropped (the recogniser leaves out a character it cannot read: 郓城县 → 城县)
    near: dict[str, str] = {}
    for n, code in names.items():  # a division's name today comes before its earlier forms
        if (
            len(n) >= 3
            and pos + len(n) <= len(text)
            and sum(a != b for a, b in zip(text[pos : pos + len(n)], n, strict=True)) == 1
        ):
            near.setdefault(code, n)
    if not near:
        near = {
            names[n]: n
            for n in names
            if len(n) >= 3
            and any(n[:k] + n[k + 1 :] == text[pos : pos + len(n) - 1] for k in range(len(n)))
        }
        if len(near) == 1:
            code, name = next(iter(near.items()))
            return name, code, True, len(name) - 1
        return None

    if len(near) > 1:
        # 在平县 is one character from 茌平县 and from 东平县: the recogniser's confusion
        # decides, and only when it points at one of them
        near = {code: n for code, n in near.items() if _confusable_at(text, pos, n)}
    if len(near) == 1:
        code, name = next(iter(near.items()))
        return name, code, True, len(name)
    return None


def _confusable_at(text: str, pos: int, name: str) -> bool:
    return any(
        a != b and any(a in group and b in group for group in PLACE_CONFUSABLE_GROUPS)
        for a, b in zip(text[pos : pos + len(name)], name, strict=True)
    )


@dataclass(frozen=True, slots=True)
class ParsedPlace:
    text: str  # the place with any correction made
    known: int  # how many leading characters are a known province / city / county / street
    corrected: bool
    county: str | None
    corrections: int = 0  # how many of province, city and county were corrected


def parse_place(text: str) -> ParsedPlace:
    """The province, city, county (and street, where the data has them) at the start of a
    place, corrected one character at a time where exactly one division fits."""
    places = _places()
    pos, corrected, corrections = 0, False, 0
    found = _at(text, pos, {n: c for c, n in places.provinces.items()})
    if found is None:
        return ParsedPlace(text, 0, False, None)
    name, province, fixed, used = found
    text, pos, corrected = text[:pos] + name + text[pos + used :], pos + len(name), fixed
    corrections += fixed
    city = _at(text, pos, places.cities.get(province, {}))
    counties = places.counties_of_province.get(province, {})
    if city is not None:
        name, city_code, fixed, used = city
        text, pos = text[:pos] + name + text[pos + used :], pos + len(name)
        corrected |= fixed
        corrections += fixed
        counties = places.counties_of_city.get(city_code, {})
    county = _at(text, pos, counties)
    if county is None:
        return ParsedPlace(text, pos if city else 0, corrected, None)
    name, county_code, fixed, used = county
    text, pos = text[:pos] + name + text[pos + used :], pos + len(name)
    corrected |= fixed
    corrections += fixed
    street = _at(text, pos, {s: s for s in places.streets.get(county_code, set())})
    if street is not None and not street[2]:  # streets are only known, never corrected
        pos += len(street[0])
    return ParsedPlace(text, pos, corrected, county_code, corrections)


# --- one field -------------------------------------------------------------------------------


def _closed(name: str, value: str) -> Verdict:
    allowed = CLOSED[name]
    if value in allowed:
        return Verdict(Status.CHECKED, value, "closed-list")
    near = [a for a in allowed if len(a) == len(value) >= 2 and _distance(a, value) == 1]
    if len(near) == 1:
        return Verdict(Status.CORRECTED, near[0], "list-corrected")
    return Verdict(Status.DOUBTFUL, value, "not-in-list")


def _distance(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


def _place(value: str, *, whole: bool) -> Verdict:
    parsed = parse_place(value)
    if parsed.county is None:
        return Verdict(Status.DOUBTFUL, value, "place-unknown")
    rest = parsed.text[parsed.known :]
    if whole and rest:
        return Verdict(Status.DOUBTFUL, parsed.text, "place-unknown")
    if parsed.corrections > 2:
        # every level guessed (山东吉泰旺市设城区 → 山东省泰安市肥城区): too far from the
        # reading to offer; shown as read
        return Verdict(Status.DOUBTFUL, value, "place-unknown")
    if parsed.corrections == 2:
        # two levels guessed (山东省冬庄市峰城区 → 山东省枣庄市峄城区): the guess is shown,
        # as doubtful, with what was read
        return Verdict(Status.DOUBTFUL, parsed.text, "place-guessed")
    if parsed.corrected:
        return Verdict(Status.CORRECTED, parsed.text, "place-corrected")
    if rest:
        return Verdict(Status.UNCHECKED, parsed.text, "place-rest-unchecked")
    return Verdict(Status.CHECKED, parsed.text, "place-known")


def _name(value: str, other: str) -> Verdict:
    if any(c in CONFUSABLE for c in value):
        return Verdict(Status.DOUBTFUL, value, "name-confusable")
    if not 2 <= len(value) <= 4 or not all(common_name_character(c) for c in value):
        return Verdict(Status.DOUBTFUL, value, "name-rare")
    if other and other != value:
        return Verdict(Status.DOUBTFUL, value, "name-differs")
    if other:
        return Verdict(Status.CHECKED, value, "name-agrees")
    return Verdict(Status.UNCHECKED, value, "free-text")


_LONG_DIGITS = re.compile(r"\d{9,}")


def judge(fields: dict[str, str], *, known: dict[str, str] | None = None) -> dict[str, Verdict]:
    """Each field's status, from the values read (in ``extract``'s form) and what the other
    document said (``known``: the ID card's name and number when reading the book)."""
    known = known or {}
    number = fields.get("id_number", "")
    rid = None
    if number:
        try:
            rid = parse_resident_id(number)
        except ResidentIdError:
            rid = None
        if rid is not None and _places_code_unknown(number[:6]):
            rid = None
    out: dict[str, Verdict] = {}
    for name, value in fields.items():
        if not value and rid is not None and name in ("sex", "birth_date"):
            # not read, but the number (check digit, region, a real date) says it: filled
            # in and marked, so the clerk confirms it against the card
            derived = rid.birth_date.isoformat() if name == "birth_date" else rid_sex(rid)
            out[name] = Verdict(Status.CORRECTED, derived, "id-derived")
        elif not value:
            out[name] = Verdict(Status.MISSING, "", "not-read")
        elif name != "id_number" and _holds_label(value, fragments=name not in CLOSED):
            out[name] = Verdict(Status.DOUBTFUL, value, "label-fragment")
        elif name in ("name", "head_name", "former_name"):
            other = known.get("name", "") if name != "former_name" else ""
            out[name] = _name(value, other)
        elif name == "id_number":
            if rid is None:
                # a wrong number is never shown: the clerk types it from the card
                out[name] = Verdict(Status.DOUBTFUL, "", "id-invalid")
            elif known.get("id_number") and known["id_number"] != number:
                out[name] = Verdict(Status.DOUBTFUL, number, "id-disagrees")
            else:
                out[name] = Verdict(Status.CHECKED, number, "id-valid")
        elif name == "birth_date":
            out[name] = _birth_date(value, rid)
        elif name == "sex":
            verdict = _closed(name, value)
            if rid is not None and verdict.status is Status.CHECKED:
                expected = rid_sex(rid)
                verdict = (
                    Verdict(Status.CHECKED, value, "id-agrees")
                    if value == expected
                    else Verdict(Status.DOUBTFUL, value, "id-disagrees")
                )
            elif verdict.status is Status.CHECKED:
                verdict = Verdict(Status.UNCHECKED, value, "closed-list")
            out[name] = verdict
        elif name in CLOSED:
            out[name] = _closed(name, value)
        elif name == "household_number":
            out[name] = (
                Verdict(Status.UNCHECKED, value, "free-text")
                if value.isdigit() and 6 <= len(value) <= 9
                else Verdict(Status.DOUBTFUL, value, "not-in-list")
            )
        elif name in ("birthplace", "native_place"):
            out[name] = _place(value, whole=True)
        elif name == "address":
            out[name] = (
                Verdict(Status.DOUBTFUL, value, "label-fragment")
                if _LONG_DIGITS.search(value)  # the ID number's line swallowed
                else _place(value, whole=False)
            )
        else:
            out[name] = Verdict(Status.UNCHECKED, value, "free-text")
    if rid is not None and "id_number" in out:
        disagree = [
            n for n in ("birth_date", "sex") if n in out and out[n].reason == "id-disagrees"
        ]
        if disagree:
            out["id_number"] = Verdict(Status.DOUBTFUL, number, "id-disagrees")
    return out


def rid_sex(rid: Any) -> str:
    """The sex an ID number gives, as the card prints it."""
    return "男" if rid.sex.value == "M" else "女"


def _birth_date(value: str, rid: Any) -> Verdict:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Verdict(Status.DOUBTFUL, value, "date-invalid")
    if rid is None:
        return Verdict(Status.UNCHECKED, value, "free-text")
    if rid.birth_date.isoformat() != value:
        return Verdict(Status.DOUBTFUL, value, "id-disagrees")
    return Verdict(Status.CHECKED, value, "date-agrees")


def _holds_label(value: str, *, fragments: bool) -> bool:
    """Holds a printed label, or (``fragments``: a field no list checks) is a piece of
    one, as an empty 曾用名 given 户主或与 from the cell beside it."""
    if any(label in value for label in PRINTED_LABELS):
        return True
    return fragments and len(value) >= 2 and any(value in label for label in PRINTED_LABELS)


def _places_code_unknown(region: str) -> bool:
    return region not in _places().county_codes
