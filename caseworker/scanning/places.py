"""Places against the shipped division data (行政区划): the province, city and county at the
start of a place, each corrected one character at a time where exactly one division fits
and, between two, where the recogniser's confusions point at one. Pure: text in, text
out; the data loads once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from caseworker.resources import resource_path

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

COUNTY_SUFFIXES = ("自治县", "县", "区", "市", "旗")


@dataclass(frozen=True, slots=True)
class _Places:
    provinces: dict[str, str]  # code -> name
    cities: dict[str, dict[str, str]]  # province code -> {name: city code}
    counties_of_city: dict[str, dict[str, str]]  # city code -> {name: county code}
    counties_of_province: dict[str, dict[str, str]]  # province code -> {name: county code}
    streets: dict[str, set[str]]  # county code -> street names
    county_codes: frozenset[str]  # today's and earlier county codes


@cache
def places_data() -> _Places:
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
    places = places_data()
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


#: the province the desk serves: a place misread a character away from one of its
#: divisions and from one elsewhere (同泽市: 菏泽市, 同江市) is taken for its own
HOME_PROVINCE = "37"


@cache
def _named_places(province: str = "") -> dict[str, str]:
    """Every city and county of the country (or of ``province``) by name, today's and
    earlier forms, as a moved-in value names them without their province (由青岛市迁来)."""
    data = places_data()
    names: dict[str, str] = {}
    for level in (*data.cities.values(), *data.counties_of_province.values()):
        for name, code in level.items():
            if code.startswith(province):
                names.setdefault(name, code)
    return names


def named_place(text: str) -> tuple[str, bool, bool] | None:
    """(the place, corrected, guessed) when ``text`` is a division's name, from its
    province or a city or county alone, read right or one character misread where only
    one fits (青岛审 → 青岛市); where one fits in Shandong and more elsewhere (同泽市:
    菏泽市, 同江市), Shandong's, as a guess (``HOME_PROVINCE``). None when it is none."""
    parsed = parse_place(text)
    if parsed.county is not None and parsed.known == len(parsed.text) and parsed.corrections < 2:
        return parsed.text, parsed.corrected, False
    found = _at(text, 0, _named_places())
    guessed = found is None
    if found is None:
        found = _at(text, 0, _named_places(HOME_PROVINCE))
    if found is None or found[3] != len(text):
        return None
    return found[0], found[2], guessed and found[2]


@cache
def _stems() -> frozenset[str]:
    """Every city's and county's name without its 市, 县 or 区, two characters or more
    (章丘, 聊城): how a place begins a workplace's name or a page's place."""
    return frozenset(
        name[:-1] for name in _named_places() if len(name) >= 3 and name[-1] in "市县区"
    )


def begins_with_place(text: str) -> bool:
    """The text starts with a province, or a city's or a county's name (章丘…, 山东省…)."""
    if parse_place(text).county is not None:
        return True
    return any(text.startswith(stem) for stem in _stems() if len(stem) >= 2)


def place_at_start(text: str) -> str | None:
    """A name that starts with a city's or a county's name misread by one character the
    recogniser confuses (峰城…, 郭城… for 峄城…, 郓城…), that name mended; None where it
    starts with a place already, or no single place fits so."""
    if begins_with_place(text):
        return None
    fits = {
        stem
        for stem in _stems()
        if len(stem) == 2
        and len(text) > 2
        and _confusable_at(text, 0, stem)
        and sum(a != b for a, b in zip(text[:2], stem, strict=True)) == 1
    }
    if len(fits) != 1:
        return None
    return fits.pop() + text[2:]
