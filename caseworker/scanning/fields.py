"""The fields of a resident ID card's front, a hukou book's 户主页 (household_page) and its
常住人口登记卡 (registration_card), found among the OCR's lines by their printed labels,
with the cross-checks that catch a misread: the ID number's check digit, birth date and
sex against the number, and the same person between the card and the book page.

Pure: lines in, fields out (``caseworker.scanning.ocr`` reads the lines)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.scanning.checks import (
    CLOSED,
    ETHNIC_GROUPS,
    Status,
    Verdict,
    common_name_character,
    judge,
)
from caseworker.scanning.lines import (
    _tail,
    characters,
    join_split_labels,
    same_row,
    split_at_labels,
)
from caseworker.scanning.ocr import Choices, OcrLine
from caseworker.scanning.seal import SEALED_FIELDS, moved_in_shape, without_seal
from caseworker.scanning.surnames import SURNAMES
from caseworker.scanning.table import is_text, near_label, read_empty_cells, read_table

Box = tuple[int, int, int, int]
#: reads regions of the document with the recogniser alone (``ocr.Reading.recognise``)
Recognise = Callable[[list[Box]], list[tuple[str, float]]]
#: reads one region with what its first character could be (``ocr.Reading.first_choices``)
ChooseFirst = Callable[[Box], Choices]
#: fields holding a person's name, whose first character is a surname
NAME_FIELDS = ("name", "head_name", "former_name")

#: below this the model's confidence is shown to the clerk as doubtful
LOW_CONFIDENCE = 0.90

#: kind -> (field name, printed label, Chinese name); longer labels first where one
#: starts another (出生日期 before 出生)
LAYOUTS: dict[str, tuple[tuple[str, str], ...]] = {
    "id-card": (
        ("name", "姓名"),
        ("sex", "性别"),
        ("ethnicity", "民族"),
        ("birth_date", "出生"),
        ("address", "住址"),
        ("id_number", "公民身份号码"),
    ),
    "household-page": (
        ("household_kind", "户别"),
        ("head_name", "户主姓名"),
        ("household_number", "户号"),
        ("address", "住址"),
    ),
    "registration-card": (
        ("name", "姓名"),
        ("relation_to_head", "户主或与户主关系"),
        ("former_name", "曾用名"),
        ("sex", "性别"),
        ("ethnicity", "民族"),
        ("birth_date", "出生日期"),
        ("birthplace", "出生地"),
        ("native_place", "籍贯"),
        ("id_number", "公民身份证件编号"),
        ("education", "文化程度"),
        ("marital_status", "婚姻状况"),
        ("military_service", "兵役状况"),
        ("workplace", "服务处所"),
        ("occupation", "职业"),
        ("moved_in_from", "何时由何地迁来本址"),
    ),
}
KINDS = tuple(LAYOUTS)
#: other labels printed for the same field: older 常住人口登记卡 print the ID card's label
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "registration-card": {"id_number": ("公民身份号码",)},
}
#: fields whose values are of a list no other field shares, of two characters or more:
#: a cell reading one belongs to the field even where its label was not read
TELLING: dict[str, tuple[str, ...]] = {
    name: tuple(v for v in CLOSED[name] if len(v) >= 2)
    for name in ("household_kind", "education", "marital_status", "military_service")
}
#: fields whose value may run on to the next lines
MULTILINE = {"address"}
_DATE = re.compile(r"(\d{4})\D{0,2}(\d{1,2})\D{0,2}(\d{1,2})")
#: marks a smudge, a ruled line or a stamp's edge leaves at either end of a short field
_STRAY = "“”\"'‘’、，,。.·・-—_|:：;；()（）[]【】"


@dataclass(frozen=True, slots=True)
class Field:
    value: str
    score: float
    box: tuple[int, int, int, int] | None  # where it was read, to show beside the image
    #: how the value was established (``caseworker.scanning.checks``): only ``checked``
    #: needs no look from the clerk
    status: Status = Status.UNCHECKED
    reason: str = ""
    read: str = ""  # what the recogniser read, when the value shown differs
    #: found by its place on the form, its label not read: never shown as checked
    placed: bool = False

    @property
    def doubtful(self) -> bool:
        """Doubtful or not found: the clerk must look closely."""
        return self.status in (Status.DOUBTFUL, Status.MISSING)

    @property
    def needs_look(self) -> bool:
        """Anything but read-and-checked: the clerk must confirm it before accepting."""
        return self.status is not Status.CHECKED


@dataclass(frozen=True, slots=True)
class ScanResult:
    kind: str
    fields: dict[str, Field]
    problems: tuple[str, ...] = field(default_factory=tuple)

    def values(self) -> dict[str, str]:
        return {name: f.value for name, f in self.fields.items()}


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _labels_in(text: str, labels: list[str]) -> str | None:
    """The label a line starts with: exactly, else (for a label of 4 or more characters)
    with one character misread, as 公民身粉号码."""
    compact = _compact(text)
    for label in sorted(labels, key=len, reverse=True):
        if compact.startswith(label):
            return label
    near = [
        label
        for label in labels
        if len(label) >= 4
        and len(compact) >= len(label)
        and sum(a != b for a, b in zip(compact, label, strict=False)) == 1
    ]
    return near[0] if len(near) == 1 else None


def _misread_label(text: str, label: str, labels: list[str]) -> bool:
    """``text`` starts with ``label`` one character misread, and with no other label so."""

    def one_off(other: str) -> bool:
        head = text[: len(other)]
        return (
            len(head) == len(other) and sum(a != b for a, b in zip(head, other, strict=True)) == 1
        )

    return one_off(label) and not any(one_off(x) for x in labels if x != label)


_ID_SHAPE = re.compile(r"\d{17}[\dXx]")


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
    if "id_number" in read and not read["id_number"].value:
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
        (
            min(line.box[0] for line in taken),
            min(line.box[1] for line in taken),
            max(line.box[2] for line in taken),
            max(line.box[3] for line in taken),
        ),
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


def _read_fields(kind: str, lines: list[OcrLine]) -> tuple[dict[str, Field], dict[str, Box]]:
    """The raw values by label, line by line (the ID card), before any check; with them
    the region right of a label where its value should stand."""
    layout = LAYOUTS[kind]
    labels = [label for _name, label in layout]
    labels += [a for names in ALIASES.get(kind, {}).values() for a in names]
    lines = split_at_labels(join_split_labels(lines, labels), labels)
    label_of = {i: _labels_in(line.text, labels) for i, line in enumerate(lines)}
    for label in labels:
        # a two-character label on the ID card with one misread (佳址 for 住址, 民旗 for
        # 民族): only where the label is read nowhere else and one line alone starts so
        if kind != "id-card" or len(label) != 2 or label in label_of.values():
            continue  # the card's few labels differ in both characters; a table's do not
        starts = [
            i
            for i, line in enumerate(lines)
            if label_of[i] is None and _misread_label(_compact(line.text), label, labels)
        ]
        if len(starts) == 1:
            label_of[starts[0]] = label
    used = {
        i for i, label in label_of.items() if label and len(_compact(lines[i].text)) == len(label)
    }
    column = _value_column(lines, label_of) if kind == "id-card" else None
    if column is not None:
        _first_character_lost(lines, label_of, labels, column)
    found: dict[str, Field] = {}
    regions: dict[str, Box] = {}
    for name, label in layout:
        wanted = (label, *ALIASES.get(kind, {}).get(name, ()))
        index = next((i for i, lab in label_of.items() if lab in wanted), None)
        if index is None:
            found[name] = Field("", 0.0, None)
            continue
        line = lines[index]
        matched = label_of[index] or label
        skip = _label_length(line, matched, column)
        rest = _compact(line.text)[skip:]
        parts: list[OcrLine] = []
        right = _right_on_row(lines, label_of, used, line)
        tail = _tail(line, skip) if rest else None
        if tail is not None and len(rest) <= 2 and right and right[0][0] < tail.box[2]:
            # a stroke of the value's first character read with the label (住址L), the
            # value itself found as a line of its own over it: the line is the value
            tail = None
        if tail is not None:
            parts.append(tail)
        elif right:
            j = right[0][1]
            used.add(j)
            parts.append(lines[j])
        if name in MULTILINE and parts:
            used.add(index)  # its own line is no line under it
            parts += _continued(lines, label_of, used, parts[0])
        if not parts:
            found[name] = Field("", 0.0, line.box)
            continue
        text = "".join(_compact(p.text) for p in parts)
        score = min(p.score for p in parts)
        box = (
            min(p.box[0] for p in parts),
            min(p.box[1] for p in parts),
            max(p.box[2] for p in parts),
            max(p.box[3] for p in parts),
        )
        found[name] = Field(_normalise(name, text), score, box)
    if kind == "id-card" and "ethnicity" in found and not found["ethnicity"].value:
        found["ethnicity"] = _ethnicity_beside_sex(lines, label_of) or found["ethnicity"]
    return found, regions


def _first_character_lost(
    lines: list[OcrLine],
    label_of: dict[int, str | None],
    labels: list[str],
    columns: tuple[float, float],
) -> None:
    """A card's two-character label read nowhere, whose first character the detector
    lost (名逢琼岚 for 姓名逄琼岚): the one line in the labels' column that starts with
    its second character, the next one standing in the values' column."""
    for label in labels:
        if len(label) != 2 or label in label_of.values():
            continue
        starts = []
        for i, line in enumerate(lines):
            chars = characters(line) if line.chars else []
            if (
                label_of[i] is None
                and len(chars) >= 2
                and chars[0][0] == label[1]
                and line.box[0] <= columns[0] + line.height
                and chars[1][2][0] >= columns[1] - line.height * 0.5
            ):
                starts.append(i)
        if len(starts) == 1:
            label_of[starts[0]] = label


def _right_on_row(
    lines: list[OcrLine], label_of: dict[int, str | None], used: set[int], line: OcrLine
) -> list[tuple[int, int]]:
    """The lines right of ``line`` on its row and left of the next label there (an empty
    field must not take its neighbour's value), not yet taken, as (left edge, index)
    left to right."""
    row = [
        j for j, other in enumerate(lines) if other.box[0] > line.box[0] and same_row(other, line)
    ]
    fence = min((lines[j].box[0] for j in row if label_of[j] is not None), default=10**9)
    return sorted(
        (lines[j].box[0], j)
        for j in row
        if j not in used and label_of[j] is None and lines[j].box[0] < fence
    )


def _value_column(
    lines: list[OcrLine], label_of: dict[int, str | None]
) -> tuple[float, float] | None:
    """Where the card's labels and values start, left to right (each in one column): the
    labels' left-most edge, and the median of the first value character's left edge on
    the lines that start there with their label read exactly."""
    starts = [lines[i].box[0] for i, label in label_of.items() if label]
    if not starts:
        return None
    edge = min(starts)
    lefts = []
    for i, label in label_of.items():
        line = lines[i]
        if (
            not label
            or line.box[0] > edge + line.height
            or not _compact(line.text).startswith(label)
        ):
            continue
        chars = characters(line)
        if len(chars) > len(label) and line.chars:
            lefts.append(chars[len(label)][2][0])
    lefts.sort()
    return (float(edge), float(lefts[len(lefts) // 2])) if lefts else None


def _label_length(line: OcrLine, label: str, columns: tuple[float, float] | None) -> int:
    """How many characters the line's label takes: all of it when read exactly; a
    two-character label in the labels' column taken as misread (姓朱斌 for 姓名朱斌, its
    spaced-out 名 lost) ends where the values' column starts, as the characters' boxes
    say."""
    if (
        columns is None
        or len(label) != 2
        or not line.chars
        or _compact(line.text).startswith(label)
        or line.box[0] > columns[0] + line.height
    ):
        return len(label)
    inside = [c for c in characters(line)[:2] if c[2][0] < columns[1] - line.height * 0.5]
    return max(1, len(inside))


_ID_RUN = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])")


def _id_number_anywhere(lines: list[OcrLine]) -> Field | None:
    """The label misread beyond knowing (公民期价)呼6): the one line that is an ID number's
    shape, or holds exactly one run of 18 that passes the check digit, the birth date
    and the rest (``parse_resident_id``) — a run that fails is no ID number."""
    shaped = [line for line in lines if _ID_SHAPE.fullmatch(_compact(line.text))]
    if len(shaped) == 1:
        line = shaped[0]
        return Field(_normalise("id_number", _compact(line.text)), line.score, line.box)
    valid = []
    for line in lines:
        # the spaces as read: a misread label's last character before the gap is no digit
        # of the number (公民期价)呼6 3707…)
        for run in _ID_RUN.findall(line.text.translate(_FULL_WIDTH)):
            try:
                parse_resident_id(run)
            except ResidentIdError:
                continue
            valid.append(Field(_normalise("id_number", run), line.score, line.box))
    return valid[0] if len(valid) == 1 else None


def _ethnicity_beside_sex(lines: list[OcrLine], label_of: dict[int, str | None]) -> Field | None:
    """The card prints 民族 on the row of 性别, right of it: with its label misread beyond
    knowing (民族汉 read as 呈汉 or 民汉), the one line there that is an ethnic group's name
    after at most two characters."""
    sex = next((lines[i] for i, label in label_of.items() if label == "性别"), None)
    if sex is None:
        return None
    found = []
    for i, line in enumerate(lines):
        text = _compact(line.text)
        if (
            # no label, or 民族 taken as misread where it was a character and the value
            # (民汉: 民 and 汉)
            (label_of[i] is None or (label_of[i] == "民族" and text != "民族"))
            and line.box[0] > sex.box[0]
            and same_row(line, sex)
        ):
            named = [g for g in ETHNIC_GROUPS if text.endswith(g) and len(text) - len(g) <= 2]
            if named:
                found.append(Field(max(named, key=len), line.score, line.box))
    return found[0] if len(found) == 1 else None


def _continued(
    lines: list[OcrLine], label_of: dict[int, str | None], used: set[int], first: OcrLine
) -> list[OcrLine]:
    """Lines under an address's first line, starting near its left edge, until a label."""
    out: list[OcrLine] = []
    last = first
    for j, other in enumerate(lines):
        if j in used or other.middle <= last.middle:
            continue
        if label_of[j] is not None:
            break
        close = other.box[1] - last.box[3] < last.height * 1.2
        aligned = abs(other.box[0] - first.box[0]) < first.height * 1.5
        if not (close and aligned):
            continue
        used.add(j)
        out.append(other)
        last = other
    return out


#: full-width digits and Latin letters (０-９, Ｘ) as the recogniser sometimes gives them
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


#: what a ruled line's piece or a cell's edge is read as, alone in an empty cell
_RULE_PIECES = frozenset("1lI|丨一")


def _normalise(name: str, text: str) -> str:
    text = text.translate(_FULL_WIDTH).strip(_STRAY)
    if len(text) <= 2 and set(text) <= _RULE_PIECES:
        return ""  # no field's value is a stroke or two (一, 1, 11): a rule's piece
    if name not in NAME_FIELDS:
        text = simplified(text)
    if name == "sex":
        # only 男 or 女 is printed there: a stroke beside it is a smudge
        both = [c for c in text if c in "男女"]
        return both[0] if len(both) == 1 else text
    if name == "ethnicity":
        # a closed list: a stroke or a stamp's edge beside the name is not part of it
        named = [g for g in ETHNIC_GROUPS if g in text]
        if named:
            return max(named, key=len)
    if name == "id_number":
        return text.upper().replace("O", "0").replace("Ｘ", "X")
    if name == "birth_date":
        match = _DATE.search(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return f"{year:04d}-{month:02d}-{day:02d}"
    return text


@cache
def _to_simplified() -> Callable[[str], str]:
    try:
        import opencc  # noqa: PLC0415 - comes with the OCR (caseworker[scan])
    except ImportError:
        return str
    converter = opencc.OpenCC("t2s")
    return lambda text: str(converter.convert(text))


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def simplified(text: str) -> str:
    """The text with each traditional-only character in its simplified form: the book and
    the card print simplified characters, and the recogniser sometimes gives a
    character's traditional form (商貿, 峄城區, 山東省). A character simplified writing
    uses too (GB 2312) is never changed: 乾县 is not 干县, 於家庄 not 于家庄. Never applied
    to a name either."""
    convert = _to_simplified()
    return "".join(char if _in_gb2312(char) else convert(char) for char in text)


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
