"""Administrative divisions (行政区划代码 division_code) and the places applicants name.

Loaded once from ``resources/divisions`` and passed to whoever needs it: the
rules engine resolves a destination with it, the desk fills its pickers from it.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from caseworker.models.enums import Area, FunctionalZone

STREET_SUFFIXES = ("街道办事处", "街道", "镇", "乡")


class DivisionError(ValueError):
    """A place that the division data does not know; the message names it and the way out.
    ``code`` and ``params`` say the same as data, for a front end to word."""

    def __init__(self, message: str, *, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class Street:
    """A street (街道) or town (镇/乡) of the statistics edition."""

    code: str
    name: str
    county: str  # the legal county, after functional-zone streets are mapped back

    @property
    def kind(self) -> str:
        if self.name.endswith("街道"):
            return "street"
        if self.name.endswith("镇"):
            return "town"
        if self.name.endswith("乡"):
            return "township"
        return "other"


@dataclass(frozen=True, slots=True)
class Community:
    code: str
    name: str
    street_code: str

    @property
    def urban(self) -> bool | None:
        """True for a 居委会 (residents' committee), False for a 村委会 (villagers'
        committee), None where the name does not say (类似社区, truncated names)."""
        name = self.name
        if "村民委员会" in name or name.endswith("村委会"):
            return False
        if "居民委员会" in name or name.endswith(("居委会", "社区居")):
            return True
        return None


@dataclass(frozen=True, slots=True)
class Place:
    """A destination resolved against the division data."""

    county: str
    county_name: str
    street: Street | None
    community: Community | None
    area: Area | None
    #: the city's functional zone (功能区) the street lies in, where a city's policy
    #: defines such zones (today Liaocheng's); None elsewhere
    functional_zone: FunctionalZone | None


class Divisions:
    def __init__(self, data: dict[str, Any], amendments: dict[str, Any]) -> None:
        self.source: dict[str, str] = data["source"]
        self._provinces: dict[str, str] = data["provinces"]
        self._cities: dict[str, str] = data["cities"]
        self._counties: dict[str, tuple[str, str]] = {
            code: (name, city) for code, (name, city) in data["counties"].items()
        }
        self._renamed_counties: dict[str, str] = {
            entry["old"]: entry["new"] for entry in amendments["renamed_counties"]
        }
        self._old_county_names: dict[str, str] = {
            entry["old"]: entry["old_name"] for entry in amendments["renamed_counties"]
        }
        zone_streets: dict[tuple[str, str], str] = {}
        self._functional_zones: set[str] = set()
        for zone_code, entries in amendments["functional_zone_streets"].items():
            self._functional_zones.add(zone_code)
            for entry in entries:
                zone_streets[(zone_code, entry["street"])] = entry["county"]
        self._streets_by_county: dict[str, dict[str, Street]] = {}
        self._cities_with_streets: set[str] = set()
        for code, (name, stat_county) in data["streets"].items():
            county = zone_streets.get((stat_county, name), stat_county)
            street = Street(code=code, name=name, county=county)
            self._streets_by_county.setdefault(county, {})[name] = street
            if stat_county != county:
                self._streets_by_county.setdefault(stat_county, {})[name] = street
            self._cities_with_streets.add(code[:4])
        self._renamed_streets: dict[tuple[str, str], str] = {
            (entry["county"], entry["old"]): entry["new"] for entry in amendments["renamed_streets"]
        }
        self._communities: dict[str, dict[str, Community]] = {}
        for code, (name, street_code) in data["communities"].items():
            self._communities.setdefault(street_code, {})[name] = Community(code, name, street_code)
        # (city prefix, street) -> the functional zone that administers it (data, by city)
        self._functional_zone_of: dict[tuple[str, str], str] = {
            ("3715", street): FunctionalZone(zone).value
            for zone, streets in amendments["liaocheng_zones"].items()
            for street in streets
        }
        for zone, streets in amendments["zaozhuang_zones"].items():
            for street in streets:
                self._functional_zone_of[("3704", street)] = zone

    def functional_zone(self, county: str, street: str) -> str | None:
        """The functional zone (not a division) that administers a street, for display."""
        return self._functional_zone_of.get((county[:4], street))

    @classmethod
    def load(cls, folder: Path) -> Divisions:
        data = json.loads((folder / "divisions.json").read_text(encoding="utf-8"))
        amendments = yaml.safe_load((folder / "amendments.yaml").read_text(encoding="utf-8"))
        return cls(data, amendments)

    # counties -----------------------------------------------------------------

    def canonical_county(self, code: str) -> str | None:
        """Today's code for a county code, old codes included; None for an unknown code."""
        code = self._renamed_counties.get(code, code)
        return code if code in self._counties else None

    def county_name(self, code: str) -> str:
        if code in self._counties:
            return self._counties[code][0]
        return self._old_county_names.get(code, code)

    def full_name(self, code: str) -> str:
        """省 + 市 + 县 for a county code, e.g. 山东省济南市历下区."""
        if code not in self._counties:
            return self.county_name(code)
        name, city = self._counties[code]
        return f"{self._provinces.get(code[:2], '')}{self._cities.get(city, '')}{name}"

    def destination_counties(self) -> list[tuple[str, str]]:
        """(code, name) of every county of the cities whose streets are known: the places
        an application can go to."""
        return sorted(
            (code, name)
            for code, (name, _city) in self._counties.items()
            if code[:4] in self._cities_with_streets
        )

    def is_functional_zone(self, code: str) -> bool:
        return code in self._functional_zones

    def birthplace_known(self, code: str) -> bool:
        return code in self._counties or code in self._renamed_counties

    # streets ------------------------------------------------------------------

    def has_streets(self, county: str) -> bool:
        return county[:4] in self._cities_with_streets

    def streets_of(self, county: str) -> list[Street]:
        return sorted(self._streets_by_county.get(county, {}).values(), key=lambda s: s.code)

    def find_street(self, county: str, name: str) -> Street | None:
        streets = self._streets_by_county.get(county, {})
        name = name.strip()
        name = self._renamed_streets.get((county, name), name)
        if name in streets:
            return streets[name]
        stem = _stem(name)
        for street in streets.values():
            if _stem(street.name) == stem:
                return street
        return None

    def communities_of(self, street_code: str) -> list[Community]:
        return sorted(self._communities.get(street_code, {}).values(), key=lambda c: c.code)

    # destinations -------------------------------------------------------------

    def resolve(
        self,
        *,
        county: str,
        street: str | None,
        community: str | None,
        area: Area | None,
        zone: FunctionalZone | None,
    ) -> Place:
        legal = self.canonical_county(county)
        if legal is None:
            raise DivisionError(
                f"destination.county: {county} is not a county-level division code; "
                "use today's 6-digit code, e.g. 370105 for 天桥区",
                code="place.county_unknown",
                county=county,
            )
        found: Street | None = None
        if self.is_functional_zone(legal) and street is None:
            raise DivisionError(
                f"destination.county: {legal} {self.county_name(legal)} is a functional zone, "
                "not a county; give destination.street so that its county can be found",
                code="place.functional_zone",
                name=self.county_name(legal),
            )
        if street is not None and self.has_streets(legal):
            found = self.find_street(legal, street)
            if found is None:
                known = [s.name for s in self.streets_of(legal)]
                near = difflib.get_close_matches(street, known, n=3, cutoff=0.3)
                hint = f"; did you mean {', '.join(near)}?" if near else ""
                raise DivisionError(
                    f"destination.street: {street!r} is not a street or town of "
                    f"{legal} {self.county_name(legal)}{hint}",
                    code="place.street_unknown",
                    street=street,
                    county_name=self.county_name(legal),
                    near="、".join(near),
                )
            legal = found.county
        elif street is not None:
            found = Street(code="", name=street, county=legal)
        found_community: Community | None = None
        if community is not None:
            if found is None or not found.code:
                raise DivisionError(
                    "destination.community: a community needs a known destination.street",
                    code="place.community_needs_street",
                )
            found_community = self._communities.get(found.code, {}).get(community)
            if found_community is None:
                raise DivisionError(
                    f"destination.community: {community!r} is not a community of {found.name}",
                    code="place.community_unknown",
                    community=community,
                    street=found.name,
                )
        derived_area = area if area is not None else _derive_area(found, found_community)
        derived_zone = zone
        if derived_zone is None and found is not None and legal == "371502":
            # the county whose streets the policy places in functional zones
            street_zone = self._functional_zone_of.get((legal[:4], found.name))
            derived_zone = FunctionalZone(street_zone) if street_zone is not None else None
        return Place(
            county=legal,
            county_name=self.county_name(legal),
            street=found,
            community=found_community,
            area=derived_area,
            functional_zone=derived_zone,
        )


def _stem(name: str) -> str:
    for suffix in STREET_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _derive_area(street: Street | None, community: Community | None) -> Area | None:
    """城区/镇区/村 from the data where that is possible (case-format.md, destination.area).

    A 居委会 under a 街道 is urban, under a 镇 a town area; a 村委会 is rural.
    A 街道 alone is urban. A 镇 or 乡 alone could be either: unknown. The 街道 of a 县
    (codes xxxx21–xxxx80) are its seat, which case-format.md counts as a town area
    (镇区: county seats and other 建制镇), not as 城区.
    """
    if street is None or not street.code:
        return None
    urban_kind = Area.TOWN if _is_county_proper(street.county) else Area.URBAN
    if community is not None:
        urban = community.urban
        if urban is None:
            return None
        if not urban:
            return Area.RURAL
        return urban_kind if street.kind == "street" else Area.TOWN
    return urban_kind if street.kind == "street" else None


def _is_county_proper(code: str) -> bool:
    """A 县 (not a 市辖区 or a 县级市): GB/T 2260 numbers them 21–80 within their city."""
    return code.isdigit() and len(code) == 6 and 21 <= int(code[4:]) <= 80
