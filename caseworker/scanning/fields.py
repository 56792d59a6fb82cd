"""The fields of a resident ID card's front, a hukou book's 户主页 (household_page) and its
常住人口登记卡 (registration_card), found among the OCR's lines by their printed labels,
with the cross-checks that catch a misread: the ID number's check digit, birth date and
sex against the number, and the same person between the card and the book page.

Pure: lines in, fields out (``caseworker.scanning.ocr`` reads the lines)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.scanning.card import (
    _id_number_anywhere,
    _read_fields,
)
from caseworker.scanning.checks import (
    Status,
    Verdict,
    common_name_character,
    judge,
)
from caseworker.scanning.lists import CLOSED
from caseworker.scanning.ocr import Choices, OcrLine
from caseworker.scanning.seal import SEALED_FIELDS, moved_in_shape, without_seal
from caseworker.scanning.surnames import SURNAMES
from caseworker.scanning.table import is_text, near_label, read_empty_cells, read_table, union
from caseworker.scanning.values import (
    ALIASES,
    KINDS,
    LAYOUTS,
    NAME_FIELDS,
    TELLING,
    Box,
    Field,
    _compact,
    _normalise,
)

__all__ = [
    "KINDS",
    "LAYOUTS",
    "ChooseFirst",
    "Field",
    "Recognise",
    "ScanResult",
    "check_one",
    "cross_check",
    "extract",
]

#: reads regions of the document with the recogniser alone (``ocr.Reading.recognise``)
Recognise = Callable[[list[Box]], list[tuple[str, float]]]
#: reads one region with what its first character could be (``ocr.Reading.first_choices``)
ChooseFirst = Callable[[Box], Choices]

#: below this the model's confidence is shown to the clerk as doubtful
LOW_CONFIDENCE = 0.90
#: an ID number's value with fewer digits than this is no number: looked for elsewhere
MIN_DIGITS = 15


@dataclass(frozen=True, slots=True)
class ScanResult:
    kind: str
    fields: dict[str, Field]
    problems: tuple[str, ...] = field(default_factory=tuple)

    def values(self) -> dict[str, str]:
        return {name: f.value for name, f in self.fields.items()}


def extract(
    kind: str,
    lines: list[OcrLine],
    *,
    cells: list[tuple[int, int, int, int]] | None = None,
    known: dict[str, str] | None = None,
    recognise: Recognise | None = None,
    choices: ChooseFirst | None = None,
) -> ScanResult:
    """Each field of ``kind``: the text after its label on the label's line, else the
    nearest line to the right on the same row; an address also takes the lines under it
    up to the next label. Then each value is judged (``checks.judge``): a field not found
    is empty and missing, a wrong ID number is emptied, a place one character from a
    division is corrected. ``cells``: a ruled page's table cells (``ocr.find_cells``); with
    them each value is its label's neighbouring cell. ``known``: what the other document
    said (name, ID number). ``recognise`` (``ocr.Reading.recognise``): with it a cell
    the detector found nothing in is read by the recogniser alone, and so is the region
    of a value not found or not checked, the better of the two readings kept.
    ``choices`` (``ocr.Reading.first_choices``): with it a name whose first character is
    no surname is read again for one that is (``_surnames``)."""
    if kind not in LAYOUTS:
        raise ValueError(f"kind {kind!r}: one of {', '.join(KINDS)}")
    if cells and recognise is not None:
        lines = lines + read_empty_cells(lines, cells, recognise)
    read, regions = _read_table(kind, lines, cells) if cells else _read_fields(kind, lines)
    placed = {name for name, f in read.items() if f.placed}
    outside: set[str] = set()
    if cells:
        read, regions, outside = _beside_the_table(kind, lines, read, regions, cells)
    if "id_number" in read and sum(c.isdigit() for c in read["id_number"].value) < MIN_DIGITS:
        # not found, or what was found is no number (号 of a label read twice)
        anywhere = _id_number_anywhere(lines)
        if anywhere is not None:
            read["id_number"] = anywhere
            if cells:
                outside.add("id_number")  # not in its cell: the cells do not confirm it
    if recognise is not None:
        read = _read_again(read, regions, recognise, known)
    surnamed: set[str] = set()
    if choices is not None:
        read, surnamed = _surnames(read, choices)
    verdicts = judge({name: f.value for name, f in read.items()}, known=known)
    found = {name: _settled(f, verdicts[name]) for name, f in read.items()}
    for name in surnamed:
        f = found[name]
        if f.reason == "name-differs":
            continue
        if f.value[1:] != f.read[1:]:
            # read again whole, not only its surname: a second reading, to be checked
            found[name] = replace(f, status=Status.DOUBTFUL, reason="name-read-again")
        elif f.status is not Status.DOUBTFUL:
            found[name] = replace(f, status=Status.CORRECTED, reason="surname-corrected")
        else:
            found[name] = replace(f, reason="surname-corrected")
    for name in outside:
        if found[name].status is Status.CHECKED:
            found[name] = replace(found[name], status=Status.UNCHECKED, reason="outside-table")
    for name in placed:
        if found[name].status in (Status.CHECKED, Status.UNCHECKED):
            found[name] = replace(found[name], status=Status.UNCHECKED, reason="by-position")
    return ScanResult(kind, found, tuple(check_one(kind, read)))


#: a first character read this surely is kept, surname or not
SURE_OF_FIRST = 0.99


def _surnames(read: dict[str, Field], choices: ChooseFirst) -> tuple[dict[str, Field], set[str]]:
    """Names whose first character is no surname (``surnames``), read again where they
    stand. Where the second reading is as long, sure, and starts with a surname, it is
    shown (鑫敏位 → 冯梅琴), doubtful; else only the first character is changed, to the
    surname the recogniser saw behind it (逄 behind 逢, at any probability it gave: 逢 is
    a surname hardly anyone bears, 逄 one many in Shandong do), unless it read that
    character beyond doubt (阿依古丽). The names changed are returned with the fields,
    keeping what was first read."""
    out = dict(read)
    changed = set()
    for name in NAME_FIELDS:
        f = read.get(name)
        if (
            f is None
            or not 2 <= len(f.value) <= 4  # a transliterated name (阿依古丽·买买提) has none
            or f.value[0] in SURNAMES
            or f.box is None
        ):
            continue
        again = choices(f.box)
        text = _compact(again.text)
        if (
            len(text) == len(f.value)
            and text[0] in SURNAMES
            and again.score >= SURE
            and all(common_name_character(c) for c in text[1:])
        ):
            value = text
        else:
            seen = [(p, c) for c, p in again.first.items() if c in SURNAMES]
            if (
                not seen
                or again.first.get(f.value[0], 0.0) >= SURE_OF_FIRST
                or len(text) != len(f.value)
            ):
                # no surname seen, the character read beyond doubt, or the second reading
                # is not of the same characters (a stroke before them)
                continue
            value = max(seen)[1] + f.value[1:]
        out[name] = Field(value, min(f.score, again.score), f.box, read=f.value)
        changed.add(name)
    return out, changed


def _beside_the_table(
    kind: str,
    lines: list[OcrLine],
    read: dict[str, Field],
    regions: dict[str, Box],
    cells: list[Box],
) -> tuple[dict[str, Field], dict[str, Box], set[str]]:
    """Where the ruled lines were not found (a page curled or blurred at its foot), a
    field whose label stands in no cell is read as the card is, by its label's row; such a
    value is never shown as checked (``outside-table``): the cells could not confirm
    where it stands."""
    missing = [name for name, f in read.items() if not f.value and name not in regions]
    if not missing:
        return read, regions, set()
    by_line, line_regions = _read_fields(kind, lines)
    read, regions = dict(read), dict(regions)
    taken = set()
    labels = [label for _name, label in LAYOUTS[kind]]
    for name in missing:
        if by_line[name].value:
            read[name] = by_line[name]
            if name in line_regions:
                regions[name] = line_regions[name]
            taken.add(name)
        elif (label_cell := read[name].box) is not None:
            # the label's cell was found, its value's was not (the rule under it lost):
            # the lines right of the label's cell, within its height
            beside = _beside_cell(lines, label_cell, labels, cells)
            if beside is not None:
                read[name] = _unsealed(name, beside[0], beside[1], beside[2])
                taken.add(name)
    return read, regions, taken


def _beside_cell(
    lines: list[OcrLine], cell: Box, labels: list[str], cells: list[Box]
) -> tuple[str, float, Box] | None:
    """The text of the lines whose middle lies within ``cell``'s height and which start
    right of it in no cell that was found, left to right up to the first that is a
    printed label, read right or misread as the table allows (牲别 for 性别): (text,
    score, box)."""

    def in_a_cell(line: OcrLine) -> bool:
        x = (line.box[0] + line.box[2]) / 2
        return any(c[0] <= x <= c[2] and c[1] <= line.middle <= c[3] for c in cells)

    row = sorted(
        (
            line
            for line in lines
            if cell[1] <= line.middle <= cell[3] and line.box[0] >= cell[2] - 4
        ),
        key=lambda line: line.box[0],
    )
    taken: list[OcrLine] = []
    for line in row:
        if near_label(_compact(line.text), labels) or in_a_cell(line):
            break  # the next field's label, or a cell of its own
        taken.append(line)
    if not taken:
        return None
    return (
        "".join(_compact(line.text) for line in taken),
        min(line.score for line in taken),
        union([line.box for line in taken]),
    )


def _settled(f: Field, verdict: Verdict) -> Field:
    """The field as shown: the verdict's value and status, doubtful where the recogniser
    was unsure of a value nothing else could check, never checked where a seal's text
    was taken out of it."""
    status = verdict.status
    unsure = f.score < LOW_CONFIDENCE
    if unsure and status is Status.UNCHECKED:
        status = Status.DOUBTFUL
    if unsure and verdict.reason == "closed-list":
        # in the list, but the recogniser hesitated: another entry may be printed
        status = Status.DOUBTFUL
    reason = "low-confidence" if status != verdict.status else verdict.reason
    if f.read and status is not Status.DOUBTFUL:
        # the seal's text taken out: the rest may be the seal's too, or hide under it
        status = Status.CORRECTED if status is Status.CHECKED else status
        reason = "seal-removed"
    return Field(
        verdict.value,
        f.score,
        f.box,
        status,
        reason,
        f.read or (f.value if verdict.value != f.value else ""),
    )


#: a second reading fills a value not found only when the recogniser is this sure of it
#: (an empty cell's ruled line is read as 一 with less)
SURE = 0.90


def _read_again(
    read: dict[str, Field],
    regions: dict[str, Box],
    recognise: Recognise,
    known: dict[str, str] | None,
) -> dict[str, Field]:
    """Each field not found or doubtful, read again where its value stands by the
    recogniser alone. The second reading is kept where a check confirms it and the first
    was not confirmed (a closed list, a place, the ID number), or where nothing was found
    and the recogniser is sure; two free readings that differ keep the first."""
    values = {name: f.value for name, f in read.items()}
    verdicts = judge(values, known=known)
    first = {name: _settled(f, verdicts[name]) for name, f in read.items()}
    # a second reading replaces only a value not found or doubtful, or free text nothing
    # checks: read nothing else
    again = [
        n
        for n in regions
        if first[n].status in (Status.DOUBTFUL, Status.MISSING)
        or (n in READ_TWICE and first[n].reason == "free-text")
    ]
    if not again:
        return read
    out = dict(read)
    confirmed = (Status.CHECKED, Status.CORRECTED)
    for name, (raw, score) in zip(again, recognise([regions[n] for n in again]), strict=True):
        text = _compact(raw)
        if not is_text(text):
            continue
        second = _unsealed(name, text, score, regions[name])
        text = second.value
        if not text or text == read[name].value:
            continue
        if name in READ_TWICE and read[name].value:
            if _better_free_text(read[name], second):
                out[name] = second
            continue
        if verdicts[name].reason == "place-rest-unchecked" and len(text) < len(read[name].value):
            continue  # the first found its county and read on further: the second lost a line
        status = _settled(second, judge({**values, name: text}, known=known)[name]).status
        if status is Status.CORRECTED and first[name].status is Status.CORRECTED:
            continue
        if (
            (status in confirmed and first[name].status not in confirmed)
            or (not read[name].value and score >= SURE)
            or (not read[name].value and name in NAME_FIELDS and _plausible_name(text, score))
        ):
            out[name] = second
    return out


#: an empty name's cell read again gives a name at this confidence or more, shown doubtful
SURE_OF_NAME = 0.5


def _plausible_name(text: str, score: float) -> bool:
    """Two to four everyday characters starting with a surname, read at ``SURE_OF_NAME``
    or more: a name the detector did not see (shown doubtful below ``SURE``), not a
    ruled line's 一 or a speck."""
    return (
        score >= SURE_OF_NAME
        and 2 <= len(text) <= 4
        and text[0] in SURNAMES
        and all("\u4e00" <= c <= "\u9fff" for c in text)
    )


#: free text no list checks, read a second time from its whole cell: the detector's line
#: can leave out a character standing apart (机械厂 read 机械, 第一中学 read 第中学)
READ_TWICE = ("workplace", "occupation")
#: the second reading of free text is taken only when the recogniser is this sure of it
SURE_OF_FREE_TEXT = 0.85


def _better_free_text(first: Field, second: Field) -> bool:
    """The cell's second reading is the better one: the first with one or two characters
    it left out, or as long and read more surely (郭城 → 郓城 at 0.91 → 0.98)."""
    if second.score < SURE_OF_FREE_TEXT:
        return False
    old, new = first.value, second.value
    if 0 < len(new) - len(old) <= 2:
        rest = iter(new)
        return all(char in rest for char in old)  # the first, in order, inside the second
    return len(new) == len(old) and second.score > first.score + 0.02 and second.score >= SURE


def _read_table(
    kind: str, lines: list[OcrLine], cells: list[Box]
) -> tuple[dict[str, Field], dict[str, Box]]:
    """The raw values of a ruled page, cell by cell; a label not found leaves its field
    empty (never a guess from the lines around it). With them, the cell each value
    stands in."""
    table = read_table(
        LAYOUTS[kind], ALIASES.get(kind, {}), lines, cells, TELLING, row_after=ROW_AFTER.get(kind)
    )
    found: dict[str, Field] = {}
    regions: dict[str, Box] = {}
    for name, value in table.items():
        if value is None:
            found[name] = Field("", 0.0, None)
        else:
            found[name] = _unsealed(name, _compact(value.text), value.score, value.box)
            if value.cell is not None:
                regions[name] = value.cell
            if value.placed:
                found[name] = replace(found[name], placed=True)
    return found, regions


#: fields the 常住人口登记卡 prints on another field's row, right after that one's value
#: (婚姻状况 | … | 兵役状况 | …; 服务处所 | … | 职业 | …): with the label unread, the
#: value is found by its place (never shown as checked)
ROW_AFTER: dict[str, dict[str, str]] = {
    "registration-card": {
        "relation_to_head": "name",
        "sex": "former_name",
        "ethnicity": "birthplace",
        "birth_date": "native_place",
        "military_service": "marital_status",
        "occupation": "workplace",
    }
}


def _unsealed(name: str, text: str, score: float, box: Box | None) -> Field:
    """A table's value with a seal's text read into it taken away (``seal``), keeping what
    was read so the field is marked."""
    value = _normalise(name, text) if text else ""
    if name not in SEALED_FIELDS:
        return Field(value, score, box)
    cut = without_seal(value, allowed=CLOSED.get(name, ()))
    if name == "moved_in_from":
        cut = moved_in_shape(cut)
    return Field(cut, score, box, read=value if cut != value else "")


def check_one(kind: str, fields: dict[str, Field]) -> list[str]:
    """What one image says against itself: the number's check digit, and the birth date
    and sex printed beside it."""
    problems: list[str] = []
    if "id_number" not in fields:  # the 户主页 carries no ID number
        return problems
    number = fields["id_number"].value
    if not number:
        return ["公民身份号码 not read; type it from the card / 未识别到身份号码"]
    try:
        rid = parse_resident_id(number)
    except ResidentIdError as exc:
        return [f"公民身份号码 {number}: {exc}"]
    born = fields.get("birth_date", Field("", 0, None)).value
    if born and born != rid.birth_date.isoformat():
        problems.append(
            f"出生 {born} differs from the birth date in the number ({rid.birth_date.isoformat()})"
        )
    sex = fields.get("sex", Field("", 0, None)).value
    expected = "男" if rid.sex.value == "M" else "女"
    if sex and sex != expected:
        problems.append(f"性别 {sex} differs from the sex in the number ({expected})")
    return problems


def cross_check(card: ScanResult | None, page: ScanResult | None) -> list[str]:
    """The same person on the ID card and on the book's registration card."""
    if card is None or page is None:
        return []
    problems = []
    for name, zh in (("id_number", "公民身份号码"), ("name", "姓名")):
        a, b = card.fields.get(name), page.fields.get(name)
        if a and b and a.value and b.value and a.value != b.value:
            problems.append(
                f"{zh}: card {a.value}, book {b.value}; check both against the originals"
            )
    return problems
