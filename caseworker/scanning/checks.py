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

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.scanning.lists import (
    CLOSED,
    NEXT_ON_ROW,
    PRINTED_LABELS,
    WORKPLACE_ENDS,
)
from caseworker.scanning.places import (
    CONFUSABLE,
    named_place,
    parse_place,
    place_at_start,
    places_data,
)
from caseworker.scanning.table import near_label


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
    "list-guessed",  # two characters from one entry of the list: a guess
    "place-home-guessed",  # one character from a Shandong division and from one elsewhere
    "moved-in-shape",  # a moved-in value without a date, 由, a place and 迁来
    "moved-in-mended",  # the form's words 由 and 迁来 around a date and a known place mended
    "not-in-list",
    "place-known",  # a division of the shipped data, the levels fitting together
    "place-corrected",
    "place-unknown",  # does not parse into province / city / county
    "place-guessed",  # two of province, city and county corrected: a guess, doubtful
    "place-rest-unchecked",  # province, city and county known; the rest cannot be checked
    "township-corrected",  # a township's 乡 read as 多
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
    "surname-corrected",  # its first character taken for the surname behind it
    "name-read-again",  # read again where it stands: the second reading is shown
    "name-differs",  # differs from the name read on the other document
    "name-agrees",
    "label-fragment",  # holds a printed label: taken from a neighbouring cell
    "label-removed",  # the next field's label read after the value, taken away
    "by-position",  # its label not read: found by its place in the form's row
    "workplace-trimmed",  # characters after an organisation's name's end taken away
    "seal-removed",  # a seal's text read into it taken out (``seal``)
    "outside-table",  # read by its label's row where the table's cells were not found
    "not-read",
)


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


# --- one field -------------------------------------------------------------------------------


def _workplace(value: str) -> Verdict:
    """A workplace named after its county with the county's name misread (郭城鲁信… →
    郓城鲁信…), and one or two characters after the end of an organisation's name that
    no such name has (…有限公司公, …机械厂件山, …医院A: a seal's or a rule's trace) taken
    away; either is marked corrected. Else free text."""
    mended = place_at_start(value)
    text = mended or value
    trimmed = text
    if not text.endswith(WORKPLACE_ENDS):
        for extra in (1, 2):
            if len(text) > extra + 2 and text[:-extra].endswith(WORKPLACE_ENDS):
                trimmed = text[:-extra]
                break
    if mended is not None:
        return Verdict(Status.CORRECTED, trimmed, "place-corrected")
    if trimmed != value:
        return Verdict(Status.CORRECTED, trimmed, "workplace-trimmed")
    return Verdict(Status.UNCHECKED, value, "free-text")


def _closed(name: str, value: str) -> Verdict:
    allowed = CLOSED[name]
    if value in allowed:
        return Verdict(Status.CHECKED, value, "closed-list")
    near = [a for a in allowed if len(a) == len(value) >= 2 and _distance(a, value) == 1]
    if len(near) == 1:
        return Verdict(Status.CORRECTED, near[0], "list-corrected")
    # two characters of four or more misread (中海专料): the one entry that close, no other
    # within three, offered as a guess the clerk must check
    close = [a for a in allowed if len(a) == len(value) >= 4 and _distance(a, value) <= 3]
    if len(close) >= 1:
        nearest = min(close, key=lambda a: _distance(a, value))
        if _distance(nearest, value) == 2 and all(
            _distance(a, value) == 3 for a in close if a != nearest
        ):
            return Verdict(Status.DOUBTFUL, nearest, "list-guessed")
    # an allowed value of two or more with a character or two after it that no allowed
    # value has (预备役丁户: the seal's 口 and 户 misread)
    begins = [a for a in allowed if len(a) >= 2 and value.startswith(a)]
    longest = max(begins, key=len, default="")
    longer = value[: len(longest) + 1]  # no allowed value goes on as the reading does
    if begins and len(value) - len(longest) <= 2 and not any(a.startswith(longer) for a in allowed):
        return Verdict(Status.CORRECTED, longest, "list-corrected")
    if (
        begins
        and len(value) - len(longest) >= 3
        and near_label(value[len(longest) :], PRINTED_LABELS)
    ):
        # the next cell's label read on, itself misread (未婚兵仪状况, 离婚兵器林况)
        return Verdict(Status.CORRECTED, longest, "label-removed")
    return Verdict(Status.DOUBTFUL, value, "not-in-list")


def _distance(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


#: a township's 乡 read as 多 right after the county (西刘多南南村: 西刘乡, then the
#: village or the road); no township's name ends so
_TOWNSHIP_MISREAD = re.compile(
    r"^([\u4e00-\u9fff]{2,3})多(?=[\u4e00-\u9fff]+?(?:村|路|街|巷|社区))"
)


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
    township = _TOWNSHIP_MISREAD.sub(r"\1乡", rest, count=1) if rest else rest
    mended = parsed.text[: parsed.known] + township
    if parsed.corrected:
        return Verdict(Status.CORRECTED, mended, "place-corrected")
    if township != rest:
        return Verdict(Status.CORRECTED, mended, "township-corrected")
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
            out[name] = _label_after(name, value, number, known)
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
        elif name == "moved_in_from":
            out[name] = _moved_in(value)
        elif name == "workplace":
            out[name] = _workplace(value)
        else:
            out[name] = Verdict(Status.UNCHECKED, value, "free-text")
    if rid is not None and "id_number" in out:
        disagree = [
            n for n in ("birth_date", "sex") if n in out and out[n].reason == "id-disagrees"
        ]
        if disagree:
            out["id_number"] = Verdict(Status.DOUBTFUL, number, "id-disagrees")
    return out


#: the form's shape with its words 由 and 迁来 misread or lost: a full date, then a place
#: ending in 市, 县 or 区, then at most two characters
_MOVED_IN_LOOSE = re.compile(
    r"(\d{4}年\d{1,2}月\d{1,2}日)[由申曲田]?(.{2,8}?[市县区])(?:迁.|.来|来|迁|米)?"
)
#: the same written otherwise: a year and month (and day), then the place
_MOVED_IN_OTHERWISE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?由?(.+?)(?:迁来|迁入)?")
#: 何时由何地迁来本址 as the form has it: a date, 由, a place, 迁来
_MOVED_IN = re.compile(r"(\d{4}年\d{1,2}月\d{1,2}日由)(.+)(迁来)")


def _moved_in(value: str) -> Verdict:
    """The place a moved-in value names, corrected where one character of a division's
    name was misread (由青岛审迁来 → 由青岛市迁来); the date cannot be checked, so a value
    read right is still unchecked. A value without the form's shape is doubtful."""
    shape = _MOVED_IN.fullmatch(value)
    loose = _MOVED_IN_LOOSE.fullmatch(value) if shape is None else None
    if loose is not None and (named := named_place(loose.group(2))) is not None:
        # the form's own words misread (申 for 由; 迁费, 迁表, 米 or 来 for 迁来) around a
        # date and a known place: the words mended, marked
        mended = f"{loose.group(1)}由{named[0]}迁来"
        if named[2]:
            return Verdict(Status.DOUBTFUL, mended, "place-home-guessed")
        return Verdict(Status.CORRECTED, mended, "moved-in-mended")
    if shape is None:
        # written another way (2004年09月山东省济南市市中区: a date and a place) it is free
        # text; else (1982, 1986年095日由济) part of it was not read
        other = _MOVED_IN_OTHERWISE.fullmatch(value)
        if other and (parse_place(other.group(1)).county or named_place(other.group(1))):
            return Verdict(Status.UNCHECKED, value, "free-text")
        return Verdict(Status.DOUBTFUL, value, "moved-in-shape")
    found = named_place(shape.group(2))
    if found is None or not found[1]:
        return Verdict(Status.UNCHECKED, value, "free-text")
    place, _corrected, guessed = found
    mended = shape.group(1) + place + shape.group(3)
    if guessed:
        # one character from a division of Shandong's and from one elsewhere
        return Verdict(Status.DOUBTFUL, mended, "place-home-guessed")
    return Verdict(Status.CORRECTED, mended, "place-corrected")


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


def _label_after(name: str, value: str, number: str, known: dict[str, str]) -> Verdict:
    """A value holding a printed label: doubtful; but where the label follows the value
    (未婚兵役状况: the next cell's label read on), the value before it, judged as any other
    and marked, never checked: a value stops at the next label on its row. A label with
    more after it cuts the value only where the pages print it next on the field's row
    (``NEXT_ON_ROW``: 某某公司职业无业, the rule between the cells not seen); a workplace
    is cut only after an organisation's name (济南职业学院 is a school, not 济南 and 职业's
    学院); and only where what stands before it passes its own check (家庭户 before 住址 is
    no 户号, and no more that field's than the rest: the whole stays, doubtful)."""

    def fits(end: int) -> bool:
        return name != "workplace" or value[:end].endswith(WORKPLACE_ENDS)

    after = [
        len(value) - len(label)
        for label in PRINTED_LABELS
        if len(label) >= 2 and value.endswith(label) and len(value) > len(label)
    ]
    inside = [value.find(label) for label in NEXT_ON_ROW.get(name, ()) if value.find(label) > 0]
    after, inside = [e for e in after if fits(e)], [e for e in inside if fits(e)]
    cut = value[: min(after)] if after else value[: min(inside, default=0)]
    if cut and not _holds_label(cut, fragments=name not in CLOSED):
        verdict = judge({name: cut, "id_number": number}, known=known)[name]
        if verdict.status is not Status.DOUBTFUL:
            return Verdict(Status.CORRECTED, verdict.value, "label-removed")
        if after:
            return verdict
    return Verdict(Status.DOUBTFUL, value, "label-fragment")


def _holds_label(value: str, *, fragments: bool) -> bool:
    """Holds a printed label, or (``fragments``: a field no list checks) is a piece of
    one, as an empty 曾用名 given 户主或与 from the cell beside it."""
    if any(label in value for label in PRINTED_LABELS):
        return True
    return fragments and len(value) >= 2 and any(value in label for label in PRINTED_LABELS)


def _places_code_unknown(region: str) -> bool:
    return region not in places_data().county_codes
