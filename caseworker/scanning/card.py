"""The resident ID card's front read line by line: it has no ruled cells, so a value is
what follows its printed label on the row (an address running on over the lines under
it). Its labels and values each stand in a column, which tells a label that lost a
character from a value; an ID number whose label was misread beyond knowing is found by
its shape. Also used for a ruled page's fields whose cells were not found. Pure: lines
in, raw values out (``fields.extract`` judges them)."""

from __future__ import annotations

import re

from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.scanning.lines import (
    _tail,
    characters,
    join_split_labels,
    same_row,
    split_at_labels,
)
from caseworker.scanning.lists import ETHNIC_GROUPS
from caseworker.scanning.ocr import OcrLine
from caseworker.scanning.table import union
from caseworker.scanning.values import (
    _FULL_WIDTH,
    ALIASES,
    LAYOUTS,
    MULTILINE,
    Box,
    Field,
    _compact,
    _normalise,
)


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
        found[name] = Field(_normalise(name, text), score, union([p.box for p in parts]))
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
    labels = [lines[i] for i, label in label_of.items() if label is not None]

    def nearer_label(other: OcrLine) -> bool:
        """The label of another row, left of ``other``, stands clearly nearer its row than
        ``line`` does: a line on a slanted photo can be on two labels' rows, and is the
        nearer one's (a label on ``line``'s own row, 户主或与户主关系 beside 姓名, is
        no other row)."""
        distance = abs(other.middle - line.middle)
        return any(
            label is not line
            and not same_row(label, line)
            and label.box[0] < other.box[0]
            and same_row(label, other)
            and abs(other.middle - label.middle) < distance - NEARER * other.height
            for label in labels
        )

    return sorted(
        (lines[j].box[0], j)
        for j in row
        if j not in used
        and label_of[j] is None
        and lines[j].box[0] < fence
        and not nearer_label(lines[j])
    )


#: a label of another row is nearer a value line by this share of the line's height at least
NEARER = 0.2


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
