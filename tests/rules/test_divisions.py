"""Division data: today's codes, old names, functional zones and the derived area."""

from __future__ import annotations

import json

import pytest

from caseworker.models.divisions import DivisionError, Divisions
from caseworker.models.enums import Area, FunctionalZone
from caseworker.resources import resource_path


@pytest.fixture(scope="module")
def divisions() -> Divisions:
    return Divisions.load(resource_path("divisions"))


def _resolve(
    divisions: Divisions, county: str, street: str | None = None, community: str | None = None
):  # type: ignore[no-untyped-def]
    return divisions.resolve(
        county=county, street=street, community=community, area=None, zone=None
    )


def test_data_covers_china_and_the_three_cities(divisions: Divisions) -> None:
    data = json.loads(resource_path("divisions", "divisions.json").read_text(encoding="utf-8"))
    assert len(data["counties"]) > 2800
    assert {code[:4] for code in data["streets"]} == {"3701", "3704", "3715"}
    assert "2023" in data["source"]["edition"]
    assert divisions.full_name("370402") == "山东省枣庄市市中区"


def test_old_county_codes_resolve(divisions: Divisions) -> None:
    assert divisions.canonical_county("370125") == "370115"
    assert divisions.canonical_county("370181") == "370114"
    assert divisions.canonical_county("371202") == "370116"
    assert divisions.canonical_county("999999") is None


def test_old_street_names_resolve(divisions: Divisions) -> None:
    place = _resolve(divisions, "370112", "唐王镇")
    assert place.street is not None and place.street.name == "唐王街道"


@pytest.mark.parametrize("street", ["孙村街道", "巨野河街道", "遥墙街道", "临港街道"])
def test_high_tech_zone_streets_are_licheng_streets(divisions: Divisions, street: str) -> None:
    assert _resolve(divisions, "370112", street).county == "370112"
    assert _resolve(divisions, "370176", street).county == "370112"


def test_functional_zone_without_a_street_is_refused(divisions: Divisions) -> None:
    with pytest.raises(DivisionError, match="functional zone"):
        _resolve(divisions, "370176")


def test_unknown_county_and_street_are_refused_with_suggestions(divisions: Divisions) -> None:
    with pytest.raises(DivisionError, match="370199 is not a county-level division code"):
        _resolve(divisions, "370199")
    with pytest.raises(DivisionError, match="did you mean 大桥街道"):
        _resolve(divisions, "370105", "大乔街道")


def test_street_suffix_may_be_left_out(divisions: Divisions) -> None:
    place = _resolve(divisions, "370105", "大桥")
    assert place.street is not None and place.street.name == "大桥街道"


def test_area_is_derived_where_the_data_tells(divisions: Divisions) -> None:
    assert _resolve(divisions, "370105", "大桥街道").area == Area.URBAN
    assert _resolve(divisions, "370406", "水泉镇").area is None
    village = divisions.communities_of(_resolve(divisions, "370406", "水泉镇").street.code)[0]  # type: ignore[union-attr]
    assert village.urban is False
    assert _resolve(divisions, "370406", "水泉镇", village.name).area == Area.RURAL
    town = next(
        c
        for s in divisions.streets_of("370481")
        if s.kind == "town"
        for c in divisions.communities_of(s.code)
        if c.urban is True
    )
    street_name = next(s.name for s in divisions.streets_of("370481") if s.code == town.street_code)
    assert _resolve(divisions, "370481", street_name, town.name).area == Area.TOWN


def test_a_street_of_a_county_is_its_seat_a_town_area(divisions: Divisions) -> None:
    """case-format.md: town = 镇区, county seats and other 建制镇; a 县's 街道 are its seat."""
    assert _resolve(divisions, "371521", "博济桥街道").area == Area.TOWN  # 阳谷县
    assert _resolve(divisions, "370124", "榆山街道").area == Area.TOWN  # 平阴县
    assert _resolve(divisions, "371581", "青年路街道").area == Area.URBAN  # 临清市
    assert _resolve(divisions, "371503", "振兴街道").area == Area.URBAN  # 茌平区


def test_unknown_community_is_refused(divisions: Divisions) -> None:
    with pytest.raises(DivisionError, match="is not a community of 大桥街道"):
        _resolve(divisions, "370105", "大桥街道", "不存在社区居委会")


def test_the_functional_zone_is_derived_from_the_street(divisions: Divisions) -> None:
    place = _resolve(divisions, "371502", "蒋官屯街道")
    assert place.functional_zone == FunctionalZone.ECONOMIC_DEVELOPMENT_ZONE
    assert _resolve(divisions, "371502", "古楼街道").functional_zone is None


def test_birthplace_codes(divisions: Divisions) -> None:
    assert divisions.birthplace_known("370181")
    assert not divisions.birthplace_known("379999")


def test_functional_zones_are_kept_for_display(divisions: Divisions) -> None:
    assert divisions.functional_zone("370403", "兴城街道") == "high_tech_zone"
    assert divisions.functional_zone("371502", "许营镇") == "high_tech_zone"
    assert divisions.functional_zone("370403", "临城街道") is None
    assert divisions.find_street("370403", "兴城街道") is not None
