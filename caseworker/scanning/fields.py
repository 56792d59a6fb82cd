"""The fields of a resident ID card's front, a hukou book's 户主页 (household_page) and its
常住人口登记卡 (registration_card), found among the OCR's lines by their printed labels,
with the cross-checks that catch a misread: the ID number's check digit, birth date and
sex against the number, and the same person between the card and the book page.

Pure: lines in, fields out (``caseworker.scanning.ocr`` reads the lines)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from caseworker.models.resident_id import ResidentIdError, parse_resident_id
from caseworker.scanning.ocr import OcrLine

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
#: fields whose value may run on to the next lines
MULTILINE = {"address"}
_DATE = re.compile(r"(\d{4})\D{0,2}(\d{1,2})\D{0,2}(\d{1,2})")
#: the 56 ethnic groups (民族) as cards print them, without 族
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
#: marks a smudge, a ruled line or a stamp's edge leaves at either end of a short field
_STRAY = "“”\"'‘’、，,。.·・-—_|:：;；()（）[]【】"


@dataclass(frozen=True, slots=True)
class Field:
    value: str
    score: float
    box: tuple[int, int, int, int] | None  # where it was read, to show beside the image

    @property
    def doubtful(self) -> bool:
        return self.box is None or self.score < LOW_CONFIDENCE


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
    compact = _compact(text)
    for label in sorted(labels, key=len, reverse=True):
        if compact.startswith(label):
            return label
    return None


def extract(kind: str, lines: list[OcrLine]) -> ScanResult:
    """Each field of ``kind``: the text after its label on the label's line, else the
    nearest line to the right on the same row; an address also takes the lines under it
    up to the next label. A field not found is empty and doubtful."""
    if kind not in LAYOUTS:
        raise ValueError(f"kind {kind!r}: one of {', '.join(KINDS)}")
    layout = LAYOUTS[kind]
    labels = [label for _name, label in layout]
    label_of = {i: _labels_in(line.text, labels) for i, line in enumerate(lines)}
    used = {i for i, label in label_of.items() if label and _compact(lines[i].text) == label}
    found: dict[str, Field] = {}
    for name, label in layout:
        index = next((i for i, lab in label_of.items() if lab == label), None)
        if index is None:
            found[name] = Field("", 0.0, None)
            continue
        line = lines[index]
        rest = _compact(line.text)[len(label) :]
        parts: list[OcrLine] = []
        if rest:
            parts.append(OcrLine(rest, line.score, line.box))
        else:
            # the value lies right of its label and left of the next label on the row (an
            # empty field must not take its neighbour's value)
            row = [
                j
                for j, other in enumerate(lines)
                if other.box[0] > line.box[0]
                and abs(other.middle - line.middle) < max(line.height, other.height) * 0.6
            ]
            fence = min((lines[j].box[0] for j in row if label_of[j] is not None), default=10**9)
            right = [
                (lines[j].box[0], j)
                for j in row
                if j not in used and label_of[j] is None and lines[j].box[0] < fence
            ]
            if right:
                j = min(right)[1]
                used.add(j)
                parts.append(lines[j])
        if name in MULTILINE and parts:
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
    return ScanResult(kind, found, tuple(check_one(kind, found)))


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


def _normalise(name: str, text: str) -> str:
    text = text.strip(_STRAY)
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
