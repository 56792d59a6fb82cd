"""Reading a ruled page (户主页, 常住人口登记卡) by its cells: every character the recogniser
found goes to the cell it stands in, a cell whose text is a printed label (spaced or
wrapped as it may be: 户　别, 户主或与户主 / 关系) names the field, and the field's value is
the text of the next cell to the right on its row. A value therefore never runs into the
row above, the next field or a label, whatever the recogniser joined into one line.

Pure: lines and cells in (``caseworker.scanning.ocr`` finds both), raw values out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from caseworker.scanning.ocr import OcrLine

Box = tuple[int, int, int, int]

#: labels printed on the pages beside the scanner's own: a cell holding one is no value
OTHER_LABELS = (
    "宗教信仰",
    "身高",
    "血型",
    "本市县其他住址",
    "何时由何市县迁来本市县",
    "承办人签章",
    "签发日期",
    "登记日期",
    "户口专用章",
)
_NOISE = re.compile(r"[\s（）()：:、，,。.·・|]")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    score: float
    box: Box
    line: int = 0  # the recogniser's line it came from

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2)


@dataclass(frozen=True, slots=True)
class Cell:
    box: Box
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def key(self) -> str:
        return _NOISE.sub("", self.text)


def _pieces(lines: list[OcrLine]) -> list[Piece]:
    out: list[Piece] = []
    for n, line in enumerate(lines):
        if line.chars:
            out += [Piece(text, score, box, n) for text, score, box in line.chars if text.strip()]
        else:
            out.append(Piece(line.text, line.score, line.box, n))
    return out


def _in_reading_order(pieces: list[Piece]) -> tuple[Piece, ...]:
    """The recogniser's lines top to bottom (a value wrapped inside its cell), lines side
    by side left to right, each line's characters in their own order."""
    by_line: dict[int, list[Piece]] = {}
    for piece in pieces:
        by_line.setdefault(piece.line, []).append(piece)
    runs = [sorted(run, key=lambda p: p.box[0]) for run in by_line.values()]
    runs.sort(key=lambda run: min(p.box[1] for p in run))
    rows: list[list[list[Piece]]] = []
    for run in runs:
        top, bottom = min(p.box[1] for p in run), max(p.box[3] for p in run)
        if rows:
            last = rows[-1][-1]
            l_top, l_bottom = min(p.box[1] for p in last), max(p.box[3] for p in last)
            # side by side when each one's middle lies within the other's height: a
            # wrapped value's second line (3号 under …东风路8) starts inside the first's
            # tall box, but its middle lies below the first's
            if l_top <= (top + bottom) / 2 <= l_bottom and top <= (l_top + l_bottom) / 2 <= bottom:
                rows[-1].append(run)
                continue
        rows.append([run])
    return tuple(p for row in rows for run in sorted(row, key=lambda r: r[0].box[0]) for p in run)


def cells_with_text(lines: list[OcrLine], boxes: list[Box]) -> list[Cell]:
    """Each cell with the characters whose centre lies in it."""
    return _cells(boxes, _assigned(lines, boxes))


def _cells(boxes: list[Box], inside: list[list[Piece]]) -> list[Cell]:
    """Each cell with its characters (``_assigned``), specks left out, in reading order."""
    return [Cell(box, _in_reading_order(_without_specks(inside[n]))) for n, box in enumerate(boxes)]


def _assigned(lines: list[OcrLine], boxes: list[Box]) -> list[list[Piece]]:
    """The characters of each cell, each given to the one cell it stands in."""
    inside: list[list[Piece]] = [[] for _box in boxes]
    for piece in _pieces(lines):
        x, y = piece.centre
        # a slanted row's cells overlap a little as boxes: the one the character sits
        # most centrally in
        holding = [
            (max(abs(x - (left + r) / 2) / (r - left), abs(y - (t + b) / 2) / (b - t)), n)
            for n, (left, t, r, b) in enumerate(boxes)
            if left <= x <= r and t <= y <= b
        ]
        if holding:
            inside[min(holding)[1]].append(piece)
    return inside


#: below this a character is taken for a speck, a stamp's edge or a ruled line's stub
SPECK = 0.5


def _without_specks(pieces: list[Piece]) -> list[Piece]:
    """Drop what the recogniser barely believed, and an unsure character standing apart
    from the cell's text (a stamp's fragment at its edge)."""
    kept = pieces
    if len(kept) < 2:
        return [p for p in kept if p.score >= SPECK]
    width = sorted(p.box[2] - p.box[0] for p in kept)[len(kept) // 2]
    out = []
    for piece in kept:
        gap = min(
            max(other.box[0] - piece.box[2], piece.box[0] - other.box[2], 0)
            + max(other.box[1] - piece.box[3], piece.box[1] - other.box[3], 0)
            for other in kept
            if other is not piece
        )
        if piece.score < 0.85 and gap > 1.5 * width:
            continue  # an unsure character standing apart: never one inside the text

        out.append(piece)
    return out


def _label_key(label: str) -> str:
    return _NOISE.sub("", label)


def _is(key: str, label: str) -> bool:
    """The cell's text is exactly the label."""
    return key == _label_key(label)


def _near(key: str, label: str) -> bool:
    """The cell's text is the label with a character misread (箱贯 for 籍贯) or not seen
    at all (族 for 民族: the detector misses a character standing apart, as a label spaced
    across its cell has) — more such slips in a longer label (``_slips``: 娜状况 for
    婚姻状况) — or the label followed by another label (two cells whose rule was not seen)."""
    target = _label_key(label)
    if key and _edits(key, target) <= _slips(target):
        return True
    return key.startswith(target) and len(key) > len(target)


def near_label(text: str, labels: list[str]) -> bool:
    """The text is one of ``labels`` or of the page's other printed labels, read exactly
    or with the slips ``_near`` allows."""
    key = _label_key(text)
    return any(_is(key, x) or _near(key, x) for x in (*labels, *OTHER_LABELS))


def _slips(label: str) -> int:
    """Characters of a label that may be misread or missed while it is still known: one
    in a short label, two in one of four or more, a third of a long one (同时由间地迁東本址
    is 何时由何地迁来本址)."""
    if len(label) <= 3:
        return 1
    return max(2, len(label) // 3)


def _edits(a: str, b: str) -> int:
    """Characters to change, drop or add to make ``a`` into ``b`` (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        last, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            last, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, last + (x != y))
    return row[-1]


def _find_label(
    cells: list[Cell],
    wanted: tuple[str, ...],
    every_label: list[str],
    seen: set[str],
    order: list[str],
) -> int | None:
    """The cell of a field's label: one that reads exactly so, else the only one a
    character away (and not so near to another label not ``seen`` exactly elsewhere on
    the page: 户 is 户号 where 户别 stands in its own cell)."""
    exact = [n for n, c in enumerate(cells) if any(_is(c.key, w) for w in wanted)]
    if exact:
        return exact[0]
    near = []
    for n, cell in enumerate(cells):
        if not any(_near(cell.key, w) for w in wanted):
            continue
        if any(_is(cell.key, x) for x in every_label):
            continue  # another field's label, read right: 户别 is not a misread 户号
        if cell.key.startswith(tuple(_label_key(w) for w in wanted)):
            rest = cell.key[
                max(len(_label_key(w)) for w in wanted if cell.key.startswith(_label_key(w))) :
            ]
            if rest and not any(
                _label_key(x).startswith(rest) or rest.startswith(_label_key(x))
                for x in every_label
            ):
                continue  # the label and a value in one cell: read by _inside_one_cell
        # no other label not read elsewhere is as near (婚耀状况 is 婚姻状况, not 兵役状况)
        mine = min(_edits(cell.key, _label_key(w)) for w in wanted)
        others = [
            x
            for x in every_label
            if x not in wanted
            and x not in seen
            and _near(cell.key, x)
            and _edits(cell.key, _label_key(x)) <= mine
        ]
        if not others:
            near.append(n)
    if len(near) == 1:
        return near[0]
    return _in_printed_order(cells, wanted, every_label, seen, order)


def _in_printed_order(
    cells: list[Cell],
    wanted: tuple[str, ...],
    every_label: list[str],
    seen: set[str],
    order: list[str],
) -> int | None:
    """Where as many cells read alike as there are labels they could be (户 and 户 for 户别
    and 户号, neither read whole), the labels in the order the page prints them (``order``)
    go to the cells in reading order, top to bottom."""
    label = wanted[0]
    if label not in order:
        return None
    for cell in cells:
        if not _near(cell.key, label) or any(_is(cell.key, x) for x in every_label):
            continue
        could = [x for x in order if x not in seen and _near(cell.key, x)]
        alike = [m for m, c in enumerate(cells) if c.key == cell.key]
        if len(could) < 2 or len(alike) != len(could):
            continue
        if any(x not in order for x in every_label if x not in seen and _near(cell.key, x)):
            continue  # a label the page prints elsewhere could be it too
        alike.sort(key=lambda m: (cells[m].box[1] // max(1, _row_height(cells)), cells[m].box[0]))
        return alike[could.index(label)]
    return None


def _row_height(cells: list[Cell]) -> int:
    heights = sorted(c.box[3] - c.box[1] for c in cells)
    return heights[len(heights) // 2] // 2 if heights else 1


@dataclass(frozen=True, slots=True)
class TableValue:
    text: str
    score: float
    box: Box
    #: the cell the value stands in (to read it again), when one was found
    cell: Box | None = None
    #: found by its place in the row, its label not read (never shown as checked)
    placed: bool = False


def read_table(
    layout: tuple[tuple[str, str], ...],
    aliases: dict[str, tuple[str, ...]],
    lines: list[OcrLine],
    boxes: list[Box],
    telling: dict[str, tuple[str, ...]] | None = None,
    *,
    row_after: dict[str, str] | None = None,
) -> dict[str, TableValue | None]:
    """Each field's raw value from the table; None where its label's cell was not found.
    ``telling``: fields whose values name the field by themselves (家庭户 is only ever a
    户别): where the label is not found, the one cell reading exactly such a value."""
    inside = _assigned(lines, boxes)
    cells = _cells(boxes, inside)
    every_label = [label for _n, label in layout]
    every_label += [a for names in aliases.values() for a in names]
    every_label += list(OTHER_LABELS)
    is_label = [any(_is(c.key, label) for label in every_label) for c in cells]
    seen = {label for label in every_label for c in cells if _is(c.key, label)}
    out: dict[str, TableValue | None] = {}
    value_cell: dict[str, int] = {}
    for name, label in layout:
        wanted = (label, *aliases.get(name, ()))
        index = _find_label(cells, wanted, every_label, seen, [lab for _n, lab in layout])
        if index is None:
            out[name] = _inside_one_cell(cells, wanted) or _telling(
                cells, (telling or {}).get(name)
            )
            continue
        cell = cells[index]
        value = _right_of(cells, index)
        if value is None or is_label[value]:
            out[name] = TableValue("", 1.0, cell.box)
            continue
        found = _on_the_row(inside[value], cells, index, value, every_label)
        if len(found.pieces) == 1 and len(found.text) == 1 and found.pieces[0].score < 0.9:
            # one unsure character alone in a cell: a stamp's fragment, not a value
            out[name] = TableValue("", found.pieces[0].score, found.box, found.box)
            continue
        out[name] = TableValue(
            found.text,
            min((p.score for p in found.pieces), default=1.0),
            union([p.box for p in found.pieces]) if found.pieces else found.box,
            found.box,
        )
        value_cell[name] = value
    labels = dict(layout)
    for name, before in (row_after or {}).items():
        found_before = out.get(name)
        if (found_before is not None and found_before.text) or before not in value_cell:
            continue  # read by its label; or no place to go by
        # not found, or found empty: its label unread, or a value one character from the
        # label taken for it (无业 for 职业), the cell right of it empty
        placed = _placed_after(cells, value_cell[before], labels[name], is_label)
        if placed is not None:
            out[name] = placed
    return out


def _on_the_row(
    pieces: list[Piece], cells: list[Cell], label: int, value: int, labels: list[str]
) -> Cell:
    """The value's cell; or, where it runs down beside the label of another row too (the
    rule between two rows' values not seen: 民族 and 出生日期 beside one cell), its part
    beside ``label``: of the characters in the cell (``pieces``), only those standing
    within the label's height. A cell beside one label only keeps all its lines (an
    address wrapped in a cell taller than its label's; 户主或与户主 / 关系 split in two)."""
    top, bottom = cells[label].box[1], cells[label].box[3]
    left, v_top, right, v_bottom = cells[value].box

    def another_rows_label(n: int, cell: Cell) -> bool:
        middle = (cell.box[1] + cell.box[3]) / 2
        return (
            n not in (label, value)
            and abs(cell.box[2] - left) <= _tolerance(cells[label].box)
            and v_top <= middle <= v_bottom
            and not top <= middle <= bottom
            and near_label(cell.key, labels)
        )

    if not any(another_rows_label(n, cell) for n, cell in enumerate(cells)):
        return cells[value]
    band = (left, max(top, v_top), right, min(bottom, v_bottom))
    return _cells([band], [[p for p in pieces if top <= p.centre[1] <= bottom]])[0]


def _placed_after(
    cells: list[Cell], before: int, label: str, is_label: list[bool]
) -> TableValue | None:
    """The value of a field whose label was not read, where the form prints it on the row
    of another field, right after that one's value: the cell right of that value is the
    label's (empty, or the label misread), the cell right of it the value's."""
    label_cell = _right_of(cells, before)
    if label_cell is None:
        return None
    key = cells[label_cell].key
    if key and not (_near(key, label) or (len(key) == 1 and key in _label_key(label))):
        return None  # text of its own there: not the label's cell
    value = _right_of(cells, label_cell)
    if value is None or is_label[value] or not cells[value].pieces:
        return None
    found = cells[value]
    return TableValue(
        found.text,
        min(p.score for p in found.pieces),
        union([p.box for p in found.pieces]),
        found.box,
        placed=True,
    )


def _telling(cells: list[Cell], values: tuple[str, ...] | None) -> TableValue | None:
    """The one cell that reads exactly one of ``values``."""
    holding = [c for c in cells if values and c.key in values]
    if len(holding) != 1:
        return None
    cell = holding[0]
    return TableValue(
        cell.key, min(p.score for p in cell.pieces), union([p.box for p in cell.pieces]), cell.box
    )


def _inside_one_cell(cells: list[Cell], wanted: tuple[str, ...]) -> TableValue | None:
    """A cell that begins with the label and goes on: the rule between them was not seen."""
    for cell in cells:
        for label in wanted:
            key = _label_key(label)
            if cell.key.startswith(key) and len(cell.key) > len(key):
                rest = cell.pieces[len(key) :] if len(cell.pieces) > len(key) else ()
                if rest and "".join(p.text for p in cell.pieces[: len(key)]) == key:
                    return TableValue(
                        "".join(p.text for p in rest),
                        min(p.score for p in rest),
                        union([p.box for p in rest]),
                    )
    return None


def _right_of(cells: list[Cell], index: int) -> int | None:
    """The cell right of a label on its row: of the cells starting nearest its right edge,
    the one sharing most of its height (a slanted row's neighbours overlap as boxes)."""
    _left, top, right, bottom = cells[index].box
    tolerance = _tolerance(cells[index].box)
    candidates: list[tuple[int, float, int]] = []
    for n, cell in enumerate(cells):
        c_left, c_top, _c_right, c_bottom = cell.box
        if n == index or c_left < right - tolerance:
            continue
        overlap = (min(bottom, c_bottom) - max(top, c_top)) / min(bottom - top, c_bottom - c_top)
        if overlap >= 0.5:
            candidates.append((c_left, overlap, n))
    if not candidates:
        return None
    nearest = min(c[0] for c in candidates)
    close = [c for c in candidates if c[0] <= nearest + 3 * tolerance]
    # of those sharing about as much of its height, the nearer (a label's cell beyond the
    # value's)
    most = max(c[1] for c in close)
    alike = [c for c in close if c[1] >= most - ALIKE_OVERLAP]
    return min(alike, key=lambda c: (c[0], -c[1]))[2]


def _tolerance(box: Box) -> int:
    """How far apart two cells' edges may stand and still meet: a quarter of ``box``'s
    height, at least 4 pixels."""
    return max(4, (box[3] - box[1]) // 4)


#: shares of a label's height this close count as alike (``_right_of``): a value's cell
#: standing a few pixels past its label's; a cell of the row above shares far less
ALIKE_OVERLAP = 0.05


def union(boxes: list[Box]) -> Box:
    """The smallest box holding all of ``boxes``."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def is_text(text: str) -> bool:
    """More than a ruled line's piece or punctuation: what a recogniser reads in an empty
    region (一, 丨, a dash) is no value."""
    return bool(_NOISE.sub("", text).strip("一-_—|丨"))


#: an empty cell's reading is taken only when the recogniser is this sure of it: a ruled
#: line's piece or a stamp's edge is read as 一 or 丨 with less
SURE_EMPTY = 0.90


def read_empty_cells(
    lines: list[OcrLine],
    boxes: list[Box],
    recognise: Callable[[list[Box]], list[tuple[str, float]]],
) -> list[OcrLine]:
    """The text of the cells the detector found nothing in, read by the recogniser alone
    (``ocr.Reading.recognise``): a label or a value of one or two characters, or faint
    print, is what a detector misses. One line per cell read, boxed by the cell."""
    empty = [cell.box for cell in cells_with_text(lines, boxes) if not cell.pieces]
    out = []
    for (left, top, right, bottom), (text, score) in zip(empty, recognise(empty), strict=True):
        if score >= SURE_EMPTY and is_text(text):
            inset = max(1, min(right - left, bottom - top) // 8)
            box = (left + inset, top + inset, right - inset, bottom - inset)
            out.append(OcrLine(text.strip(), score, box))
    return out
