"""A realistic test set for scanning, made deliberately unlike ``tests/scanning/images.py``:
free CJK typefaces from Debian packages (黑体 labels from WenQuanYi and Noto Sans, 宋体/楷体
values from Noto Serif, AR PL UMing and UKai, OCR-B for the ID number), true sizes (the ID
card is 85.6 × 54 mm with its photo; 户口簿 pages are 105 × 143 mm ruled tables with labels
spaced across their cells, like 户　别, and the fields the scanner does not need printed
too), rendered at 150–300 dpi, then either laid on a flatbed or photographed on a desk
(perspective tilt up to 16°, page curl, shadow, glare on the laminate, motion blur), seals
over the text and JPEG at quality 50–70. Names are drawn from surnames common in Shandong
(亓 逄 禚 鞠 隋 栾 衣 綦 郗 牟 盖 and polyphonic ones such as 单 解 仇), places from the shipped
division data with 茌平 郯城 兖州 郓城 峄城 — the characters a recogniser confuses.

Fixed seed; images are generated on demand and cached (never committed) in
``$CASEWORKER_SCAN_SET`` or the system's temporary folder::

    python -m tests.scanning.realistic [--count 240]   # fills the cache, prints where
"""

from __future__ import annotations

import io
import json
import math
import os
import random
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from caseworker.models.resident_id import check_digit
from tests.scanning.images import CARD_FIELDS

#: bump when the drawing changes: the cache is kept per version
VERSION = "r1"
KINDS = ("id-card", "household-page", "registration-card")
DIVISIONS = Path(__file__).resolve().parents[2] / "resources" / "divisions" / "divisions.json"

SANS = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
)
SERIF = (
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
)
OCR_B = ("/usr/share/fonts/opentype/ocr-b/OCRB.otf", 0)

#: surnames common in Shandong, the rare ones first (禚 is outside the recogniser's
#: dictionary), then polyphonic ones, then the most common
RARE_SURNAMES = "亓逄禚鞠隋栾衣綦郗牟盖"
POLYPHONIC_SURNAMES = "单解仇查区曾乐朴"
COMMON_SURNAMES = "王张刘李孙赵陈杨徐马高郭宋于董周吴韩田崔许曹冯朱孟袁魏丁吕任邵秦尹"
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧玉萍红玲芬燕春菊凤洁梅琳云莲雪荣爱香"
    "瑞佳嘉琼珍莉晶妍秋珊青倩婷颖瑶怡丹蓉君琴薇岚馨韵纯悦冰爽羽宁欣晓欢菲宜可舒建国"
    "庆利民振东海波志德文广庆玉成福来山峰元在存祥鹏飞辉斌浩宇鑫淼森垚"
)
#: (code, how often) of the places a recogniser confuses; other Shandong counties fill the rest
SPECIAL_COUNTIES = ("371503", "371322", "370812", "371725", "370404")
OLD_NAMES = {"371503": "茌平县", "370812": "兖州市"}
ROADS = [
    "人民",
    "建设",
    "解放",
    "新华",
    "文化",
    "光明",
    "振兴",
    "胜利",
    "和平",
    "东风",
    "黄河",
    "泰山",
    "幸福",
    "育才",
]
VILLAGE_CHARS = "东西南北前后大小王李张刘孙马杨庄屯集店堡营河"
ETHNIC = ["汉"] * 14 + ["回", "满", "蒙古", "朝鲜", "壮", "土家"]
EDUCATION = ("大学本科", "大学专科", "高中", "初中", "小学", "硕士研究生", "中等专科", "文盲")
MARITAL = ("已婚", "未婚", "离婚", "丧偶")
MILITARY = ("未服兵役", "退出现役", "预备役", "服现役")
RELATIONS = ("户主", "妻", "夫", "长子", "次子", "长女", "次女", "母", "父", "孙子", "儿媳")
OCCUPATIONS = ("工人", "教师", "职员", "农民", "医生", "个体经营", "学生", "无业", "工程师")
RELIGION = ("无", "无", "佛教", "伊斯兰教")
BLOOD = ("A", "B", "O", "AB")


@dataclass(frozen=True)
class Sample:
    kind: str
    seed: int
    fields: dict[str, str]  # the truth, in the form extract() gives
    image: bytes  # JPEG
    how: str  # "photo" or "scan", dpi and tilt, for the bench's breakdown


@cache
def _divisions() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(DIVISIONS.read_text(encoding="utf-8"))
    return data


def _county(rng: random.Random) -> tuple[str, str, str, str]:
    """(code, province, city, county) of a Shandong county, the confusable ones often."""
    data = _divisions()
    counties = data["counties"]
    if rng.random() < 0.45:
        code = rng.choice(SPECIAL_COUNTIES)
    else:
        code = rng.choice(sorted(c for c in counties if c.startswith("37") and c[4:] != "01"))
    name, city = counties[code]  # type: ignore[misc]
    return code, str(data["provinces"]["37"]), str(data["cities"][city]), str(name)


def _streets(code: str) -> list[str]:
    return sorted(str(n) for n, county in _divisions()["streets"].values() if county == code)  # type: ignore[misc]


def _address(rng: random.Random, place: tuple[str, str, str, str]) -> str:
    code, province, city, county = place
    streets = _streets(code)
    if streets and rng.random() < 0.7:
        middle = rng.choice(streets)
    else:
        middle = rng.choice(VILLAGE_CHARS) + rng.choice(VILLAGE_CHARS) + rng.choice("镇乡")
    if rng.random() < 0.5:
        rest = f"{rng.choice(ROADS)}路{rng.randrange(1, 400)}号"
        if rng.random() < 0.5:
            rest += (
                f"{rng.randrange(1, 30)}号楼{rng.randrange(1, 6)}单元{rng.randrange(101, 1802)}室"
            )
    else:
        rest = f"{rng.choice(VILLAGE_CHARS)}{rng.choice(VILLAGE_CHARS)}村{rng.randrange(1, 300)}号"
    return f"{province}{city}{county}{middle}{rest}"


def person(rng: random.Random) -> dict[str, str]:
    roll = rng.random()
    pool = RARE_SURNAMES if roll < 0.35 else POLYPHONIC_SURNAMES if roll < 0.5 else COMMON_SURNAMES
    surname = rng.choice(pool)
    name = surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    born = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 80))
    male = rng.random() < 0.5
    home = _county(rng)
    seq = rng.randrange(0, 500) * 2 + (1 if male else 0)
    first17 = f"{home[0]}{born:%Y%m%d}{seq:03d}"
    native = _county(rng) if rng.random() < 0.3 else home
    native_county = OLD_NAMES.get(native[0], native[3]) if rng.random() < 0.5 else native[3]
    return {
        "name": name,
        "sex": "男" if male else "女",
        "ethnicity": rng.choice(ETHNIC),
        "birth_date": born.isoformat(),
        "address": _address(rng, _county(rng) if rng.random() < 0.4 else home),
        "id_number": first17 + check_digit(first17),
        "birthplace": f"{home[1]}{home[2]}{home[3]}",
        "native_place": f"{native[1]}{native_county}",
        "former_name": surname + rng.choice(GIVEN) if rng.random() < 0.2 else "",
        "education": rng.choice(EDUCATION),
        "marital_status": rng.choice(MARITAL),
        "military_service": rng.choice(MILITARY),
        "workplace": rng.choice((home[2][:-1], home[3][:-1]))
        + rng.choice(("鲁信", "齐鲁", "泰山", "黄河", "华宇"))
        + rng.choice(("商贸有限公司", "第一中学", "人民医院", "机械厂")),
        "occupation": rng.choice(OCCUPATIONS),
        "moved_in_from": (
            f"{rng.randrange(1980, 2024)}年{rng.randrange(1, 13):02d}月{rng.randrange(1, 29):02d}日"
            f"由{_county(rng)[2]}迁来"
        )
        if rng.random() < 0.4
        else "",
    }


# --- drawing ------------------------------------------------------------------------------


@cache
def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


class Page:
    """A page drawn in millimetres at a chosen resolution."""

    def __init__(self, width_mm: float, height_mm: float, dpi: int, paper: tuple[int, ...]):
        self.scale = dpi / 25.4
        self.image = Image.new("RGB", (self.px(width_mm), self.px(height_mm)), paper)
        self.draw = ImageDraw.Draw(self.image)

    def px(self, mm: float) -> int:
        return round(mm * self.scale)

    def text(  # noqa: PLR0917
        self,
        x: float,
        y: float,
        text: str,
        face: tuple[str, int],
        size_mm: float,
        ink: tuple[int, ...],
    ) -> None:
        self.draw.text(
            (self.px(x), self.px(y)), text, font=_font(*face, self.px(size_mm)), fill=ink
        )

    def spaced(  # noqa: PLR0917
        self,
        x0: float,
        x1: float,
        y: float,
        text: str,
        face: tuple[str, int],
        size_mm: float,
        ink: tuple[int, ...],
    ) -> None:
        """A label spread across its cell, as 户　别 is printed."""
        if len(text) == 1:
            self.text(x0, y, text, face, size_mm, ink)
            return
        step = (x1 - x0 - size_mm) / (len(text) - 1)
        for n, char in enumerate(text):
            self.text(x0 + n * step, y, char, face, size_mm, ink)

    def fit(self, text: str, face: tuple[str, int], size_mm: float, width_mm: float) -> list[str]:
        font = _font(*face, self.px(size_mm))
        lines, current = [], ""
        for char in text:
            if current and font.getlength(current + char) > self.px(width_mm):
                lines.append(current)
                current = ""
            current += char
        return [*lines, current] if current else lines


def _guilloche(page: Page, rng: random.Random, colour: tuple[int, int, int]) -> None:
    w, h = page.image.size
    for n in range(26):
        phase, amp, period = (
            rng.uniform(0, 6.3),
            rng.uniform(0.03, 0.1) * h,
            rng.uniform(0.2, 0.5) * w,
        )
        y0 = h * n / 26
        points = [
            (x, y0 + amp * math.sin(phase + 2 * math.pi * x / period)) for x in range(0, w, 4)
        ]
        page.draw.line(points, fill=colour, width=1)


def _seal(page: Page, cx: float, cy: float, r: float, text: str, rng: random.Random) -> None:  # noqa: PLR0917
    """A red round seal with a star and its text around the rim, over whatever is beneath."""
    layer = Image.new("RGBA", page.image.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    red = (205, 35, 45, rng.randrange(150, 220))
    x, y, rr = page.px(cx), page.px(cy), page.px(r)
    d.ellipse((x - rr, y - rr, x + rr, y + rr), outline=red, width=max(2, rr // 14))
    star = [
        (
            x + rr * 0.3 * (1 if k % 2 == 0 else 0.4) * math.sin(k * math.pi / 5),
            y - rr * 0.3 * (1 if k % 2 == 0 else 0.4) * math.cos(k * math.pi / 5),
        )
        for k in range(10)
    ]
    d.polygon(star, fill=red)
    font = _font(*SANS[0], max(8, rr // 4))
    for n, char in enumerate(text):
        angle = math.radians(-70 + 140 * n / max(1, len(text) - 1))
        d.text(
            (x + rr * 0.72 * math.sin(angle) - rr // 8, y - rr * 0.72 * math.cos(angle) - rr // 8),
            char,
            font=font,
            fill=red,
        )
    d.text(
        (x - rr * 0.55, y + rr * 0.35),
        "户口专用章",
        font=_font(*SANS[0], max(6, rr // 6)),
        fill=red,
    )
    page.image.paste(Image.alpha_composite(page.image.convert("RGBA"), layer).convert("RGB"))


def _cn_date(d: date, spaced: bool) -> str:
    return (
        f"{d.year} 年 {d.month} 月 {d.day} 日"
        if spaced
        else f"{d.year}年{d.month:02d}月{d.day:02d}日"
    )


def draw_id_card(p: dict[str, str], dpi: int, rng: random.Random) -> Image.Image:
    page = Page(
        85.6, 54, dpi, (rng.randrange(228, 240), rng.randrange(236, 246), rng.randrange(238, 250))
    )
    _guilloche(page, rng, (200, 214, 226))
    label_face, value_face = rng.choice(SANS), rng.choice(SANS[:2] + SERIF[:1])
    blue, black = (40, 90, 150), (15, 15, 20)
    ls, vs = 2.5, 2.9
    page.spaced(5, 11.5, 7, "姓名", label_face, ls, blue)
    page.text(14, 6.6, p["name"], value_face, vs * 1.1, black)
    page.spaced(5, 11.5, 13, "性别", label_face, ls, blue)
    page.text(14, 12.7, p["sex"], value_face, vs, black)
    page.spaced(23, 29.5, 13, "民族", label_face, ls, blue)
    page.text(32, 12.7, p["ethnicity"], value_face, vs, black)
    page.spaced(5, 11.5, 19, "出生", label_face, ls, blue)
    page.text(
        14, 18.7, _cn_date(date.fromisoformat(p["birth_date"]), spaced=True), value_face, vs, black
    )
    page.spaced(5, 11.5, 25, "住址", label_face, ls, blue)
    for n, part in enumerate(page.fit(p["address"], value_face, vs, 37)):
        page.text(14, 24.7 + n * 4.2, part, value_face, vs, black)
    page.text(5, 45.3, "公民身份号码", label_face, ls, blue)
    page.text(24, 44.6, p["id_number"], OCR_B, 3.3, black)
    # the photo: a head and shoulders on a pale ground, right of the text
    x0, y0, x1, y1 = page.px(58), page.px(7), page.px(81), page.px(37)
    photo = Image.new("RGB", (x1 - x0, y1 - y0), (220, 226, 232))
    d = ImageDraw.Draw(photo)
    tone, cx = rng.randrange(70, 140), (x1 - x0) // 2
    d.ellipse(
        (cx - page.px(6), page.px(5), cx + page.px(6), page.px(19)),
        fill=(tone + 60, tone + 40, tone + 20),
    )
    d.ellipse(
        (cx - page.px(11), page.px(19), cx + page.px(11), page.px(42)),
        fill=(tone // 2, tone // 2, tone // 2 + 20),
    )
    page.image.paste(photo, (x0, y0))
    return page.image


TABLE_INK = (70, 60, 60)


def _table(page: Page, x0: float, y0: float, widths: list[float], height: float) -> list[float]:
    """A ruled row; the x of each cell's left edge."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    page.draw.rectangle(
        (page.px(x0), page.px(y0), page.px(xs[-1]), page.px(y0 + height)),
        outline=TABLE_INK,
        width=max(1, page.px(0.25)),
    )
    for x in xs[1:-1]:
        page.draw.line(
            (page.px(x), page.px(y0), page.px(x), page.px(y0 + height)),
            fill=TABLE_INK,
            width=max(1, page.px(0.2)),
        )
    return xs


def _cells(  # noqa: PLR0917
    page: Page,
    y: float,
    h: float,
    cells: list[tuple[str, str, float, float]],
    faces: tuple[tuple[str, int], tuple[str, int]],
    rng: random.Random,
    x0: float = 5,
) -> None:
    """One ruled row of (label, value, label width, value width) pairs."""
    widths = [w for _l, _v, lw, vw in cells for w in (lw, vw)]
    xs = _table(page, x0, y, widths, h)
    size = 2.7
    for n, (label, value, lw, vw) in enumerate(cells):
        lx = xs[2 * n]
        if len(label) <= 3:
            page.spaced(
                lx + 1, lx + lw - 1, y + (h - size) / 2 - 0.4, label, faces[0], size, (30, 30, 30)
            )
        else:
            lines = page.fit(label, faces[0], 2.3, lw - 1.5)
            top = y + (h - 2.9 * len(lines)) / 2
            for k, part in enumerate(lines):
                page.text(lx + 0.8, top + k * 2.9, part, faces[0], 2.3, (30, 30, 30))
        if value:
            vx = xs[2 * n + 1] + 1 + rng.uniform(0, 1.5)
            lines = page.fit(value, faces[1], 3.0, vw - 2.5)
            top = y + (h - 3.6 * len(lines)) / 2 - 0.3
            for k, part in enumerate(lines):
                page.text(vx, top + k * 3.6, part, faces[1], 3.0, (10, 10, 25))


def draw_household_page(
    p: dict[str, str], household_kind: str, number: str, dpi: int, rng: random.Random
) -> Image.Image:
    page = Page(
        105, 143, dpi, (rng.randrange(238, 250), rng.randrange(234, 246), rng.randrange(222, 236))
    )
    faces = (rng.choice(SANS), rng.choice(SERIF))
    page.text(37, 8, "常住人口登记簿", faces[0], 4.2, (40, 40, 40))
    _cells(
        page,
        22,
        11,
        [("户别", household_kind, 14, 32), ("户主姓名", p["name"], 16, 33)],
        faces,
        rng,
    )
    _cells(page, 33, 18, [("户号", number, 14, 20), ("住址", p["address"], 11, 50)], faces, rng)
    _cells(page, 51, 40, [("户口专用章", "", 14, 81)], faces, rng)
    _cells(
        page,
        91,
        11,
        [
            ("承办人签章", "", 14, 32),
            (
                "签发日期",
                _cn_date(
                    date(2000 + rng.randrange(0, 24), rng.randrange(1, 13), rng.randrange(1, 28)),
                    spaced=False,
                ),
                16,
                33,
            ),
        ],
        faces,
        rng,
    )
    _seal(
        page,
        rng.uniform(55, 80),
        rng.uniform(60, 80),
        rng.uniform(15, 19),
        "山东省" + p["address"][6:9] + "公安局派出所",
        rng,
    )
    return page.image


def draw_registration_card(
    p: dict[str, str], relation: str, dpi: int, rng: random.Random
) -> Image.Image:
    page = Page(
        105, 143, dpi, (rng.randrange(238, 250), rng.randrange(234, 246), rng.randrange(222, 236))
    )
    faces = (rng.choice(SANS), rng.choice(SERIF))
    page.text(33, 5, "常住人口登记卡", faces[0], 4.2, (40, 40, 40))
    born = date.fromisoformat(p["birth_date"])
    # older cards print the ID card's label
    id_label = "公民身份号码" if rng.random() < 0.3 else "公民身份证件编号"
    y, h = 14.0, 9.0
    rows = [
        [("姓名", p["name"], 11, 27), ("户主或与户主关系", relation, 16, 41)],
        [("曾用名", p["former_name"], 11, 27), ("性别", p["sex"], 16, 41)],
        [("出生地", p["birthplace"], 11, 27), ("民族", p["ethnicity"], 16, 41)],
        [("籍贯", p["native_place"], 11, 27), ("出生日期", _cn_date(born, spaced=False), 16, 41)],
        [("本市（县）其他住址", "", 11, 84)],
        [("宗教信仰", rng.choice(RELIGION), 11, 14), (id_label, p["id_number"], 16, 54)],
        [
            ("身高", f"{rng.randrange(150, 190)}厘米", 11, 14),
            ("血型", rng.choice(BLOOD), 11, 12),
            ("文化程度", p["education"], 12, 35),
        ],
        [("婚姻状况", p["marital_status"], 11, 27), ("兵役状况", p["military_service"], 16, 41)],
        [("服务处所", p["workplace"], 11, 45), ("职业", p["occupation"], 9, 30)],
        [("何时由何市（县）迁来本市（县）", "", 16, 79)],
        [("何时由何地迁来本址", p["moved_in_from"], 16, 79)],
    ]
    for cells in rows:
        height = h + 2 if any(len(c[1]) > 12 for c in cells) else h
        _cells(page, y, height, cells, faces, rng)
        y += height
    page.text(8, y + 4, "承办人签章：", faces[0], 2.5, (30, 30, 30))
    page.text(
        58,
        y + 4,
        "登记日期："
        + _cn_date(
            date(2000 + rng.randrange(0, 24), rng.randrange(1, 13), rng.randrange(1, 28)),
            spaced=False,
        ),
        faces[0],
        2.5,
        (30, 30, 30),
    )
    _seal(
        page,
        rng.uniform(28, 80),
        rng.uniform(y - 25, y + 6),
        rng.uniform(14, 18),
        "山东省公安厅户口专用",
        rng,
    )
    return page.image


# --- the camera and the scanner ----------------------------------------------------------


def _desk(w: int, h: int, rng: np.random.Generator) -> np.ndarray:
    base = np.array(
        rng.choice([[60, 90, 130], [40, 55, 75], [150, 150, 150], [95, 120, 150], [30, 30, 30]]),
        dtype=np.float32,
    )
    grain = cv2.resize(
        rng.normal(0, 14, (max(2, h // 40), max(2, w // 4))).astype(np.float32), (w, h)
    )
    desk = base[None, None, :] + grain[:, :, None] + rng.normal(0, 4, (h, w, 1)).astype(np.float32)
    return desk


def _curl(page: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    h, w = page.shape[:2]
    amp = rng.uniform(0.005, 0.025) * h
    xs, ys = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    side = rng.choice([0, 1])
    t = xs / w if side else 1 - xs / w
    dy = (amp * t**2).astype(np.float32)
    out: np.ndarray = cv2.remap(
        page, xs, ys - dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    # the gutter's shadow on the bound side
    shade = 1 - 0.35 * np.clip(1 - t * 6, 0, 1) ** 2
    return (out * shade[:, :, None]).astype(np.float32)


def _tilt_quad(w: int, h: int, max_deg: float, rng: np.random.Generator) -> np.ndarray:
    """The page's corners after a 3-D tilt about both axes and a turn, seen by a camera."""
    ax, ay = np.radians(rng.uniform(-max_deg, max_deg, 2))
    az = np.radians(rng.uniform(-max_deg, max_deg))
    corners = np.array(
        [[-w / 2, -h / 2, 0], [w / 2, -h / 2, 0], [w / 2, h / 2, 0], [-w / 2, h / 2, 0]]
    )
    rx = np.array([[1, 0, 0], [0, np.cos(ax), -np.sin(ax)], [0, np.sin(ax), np.cos(ax)]])
    ry = np.array([[np.cos(ay), 0, np.sin(ay)], [0, 1, 0], [-np.sin(ay), 0, np.cos(ay)]])
    rz = np.array([[np.cos(az), -np.sin(az), 0], [np.sin(az), np.cos(az), 0], [0, 0, 1]])
    turned = corners @ (rz @ ry @ rx).T
    f = 1.6 * max(w, h)
    z = turned[:, 2] + f
    return np.stack([turned[:, 0] * f / z, turned[:, 1] * f / z], axis=1).astype(np.float32)


def photograph(
    doc: Image.Image, rng: np.random.Generator, *, laminated: bool, bound: bool
) -> tuple[np.ndarray, str]:
    page = np.asarray(doc, dtype=np.float32)[:, :, ::-1].copy()  # BGR
    if bound:
        page = _curl(page, rng)
    h, w = page.shape[:2]
    quad = _tilt_quad(w, h, 16, rng)
    margin = rng.uniform(0.12, 0.3)
    span = quad.max(axis=0) - quad.min(axis=0)
    cw, ch = int(span[0] * (1 + 2 * margin)), int(span[1] * (1 + 2 * margin))
    quad = (
        quad - quad.min(axis=0) + np.array([span[0] * margin, span[1] * margin], dtype=np.float32)
    )
    quad += rng.uniform(-0.05, 0.05, 2).astype(np.float32) * span.astype(np.float32)
    matrix = cv2.getPerspectiveTransform(
        np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32), quad
    )
    canvas = _desk(cw, ch, rng)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (cw, ch))
    warped = cv2.warpPerspective(page, matrix, (cw, ch))
    image = canvas * (1 - mask[:, :, None]) + warped * mask[:, :, None]
    # light falling unevenly, and a shadow of the phone or a hand
    xs, ys = np.meshgrid(np.linspace(-1, 1, cw), np.linspace(-1, 1, ch))
    a = rng.uniform(0, 2 * np.pi)
    light = 1 - rng.uniform(0.1, 0.4) * (0.5 + 0.5 * (np.cos(a) * xs + np.sin(a) * ys))
    if rng.random() < 0.5:
        edge = rng.uniform(-0.8, 0.8)
        light *= 1 - rng.uniform(0.2, 0.4) / (
            1 + np.exp(-(xs * np.cos(a + 1) + ys * np.sin(a + 1) - edge) * 12)
        )
    image *= light[:, :, None]
    if laminated and rng.random() < 0.7:
        gx, gy = (
            quad[:, 0].mean() + rng.uniform(-0.3, 0.3) * span[0],
            quad[:, 1].mean() + rng.uniform(-0.3, 0.3) * span[1],
        )
        r = rng.uniform(0.08, 0.18) * span[0]
        glare = np.exp(
            -(
                ((np.arange(cw)[None, :] - gx) ** 2) / (2 * r**2)
                + ((np.arange(ch)[:, None] - gy) ** 2) / (2 * (r * 0.6) ** 2)
            )
        )
        strength = rng.uniform(0.3, 0.7)
        image = image + (255 - image) * (strength * glare * mask)[:, :, None]
    length = int(rng.integers(1, 6))
    if length > 1:
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1 / length
        centre = (length / 2 - 0.5, length / 2 - 0.5)
        kernel = cv2.warpAffine(
            kernel, cv2.getRotationMatrix2D(centre, float(rng.uniform(0, 180)), 1), (length, length)
        )
        kernel /= max(kernel.sum(), 1e-6)
        image = cv2.filter2D(image, -1, kernel)
    image += rng.normal(0, rng.uniform(2, 6), image.shape)
    tilt = float(np.degrees(np.arctan2(quad[1, 1] - quad[0, 1], quad[1, 0] - quad[0, 0])))
    return np.clip(image, 0, 255).astype(np.uint8), f"photo tilt {tilt:+.0f}° blur {length}"


def flatbed(doc: Image.Image, rng: np.random.Generator) -> tuple[np.ndarray, str]:
    page = np.asarray(doc, dtype=np.uint8)[:, :, ::-1].copy()
    h, w = page.shape[:2]
    pad = int(0.08 * max(w, h))
    lid = int(rng.integers(215, 250))
    canvas = np.full((h + 2 * pad, w + 2 * pad, 3), lid, np.uint8)
    ox, oy = int(rng.integers(pad // 3, pad * 5 // 3)), int(rng.integers(pad // 3, pad * 5 // 3))
    canvas[oy : oy + h, ox : ox + w] = page
    angle = float(rng.uniform(-4, 4))
    matrix = cv2.getRotationMatrix2D((canvas.shape[1] / 2, canvas.shape[0] / 2), angle, 1)
    image = cv2.warpAffine(
        canvas, matrix, (canvas.shape[1], canvas.shape[0]), borderValue=(lid, lid, lid)
    )
    image = cv2.GaussianBlur(image, (0, 0), float(rng.uniform(0.4, 1.1)))
    noisy = image.astype(np.float32) + rng.normal(0, 3, image.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8), f"scan turned {angle:+.0f}°"


def sample(kind: str, seed: int) -> Sample:
    rng = random.Random(f"{VERSION}-{kind}-{seed}")
    nrng = np.random.default_rng(rng.randrange(2**32))
    p = person(rng)
    dpi = rng.choice((150, 200, 240, 300))
    if kind == "id-card":
        doc = draw_id_card(p, dpi, rng)
        truth = {
            k: p[k] for k in ("name", "sex", "ethnicity", "birth_date", "address", "id_number")
        }
    elif kind == "household-page":
        household_kind = rng.choice(("家庭户", "家庭户", "集体户"))
        number = f"{rng.randrange(1, 99999999):08d}"
        doc = draw_household_page(p, household_kind, number, dpi, rng)
        truth = {
            "household_kind": household_kind,
            "head_name": p["name"],
            "household_number": number,
            "address": p["address"],
        }
    else:
        relation = rng.choice(RELATIONS)
        doc = draw_registration_card(p, relation, dpi, rng)
        truth = {key: p[key] for key in CARD_FIELDS} | {"relation_to_head": relation}
    if rng.random() < 0.65:
        pixels, how = photograph(doc, nrng, laminated=kind == "id-card", bound=kind != "id-card")
    else:
        pixels, how = flatbed(doc, nrng)
    quality = rng.randrange(50, 71)
    ok, jpeg = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return Sample(kind, seed, truth, jpeg.tobytes(), f"{how} {dpi}dpi q{quality}")


def cache_folder() -> Path:
    root = os.environ.get("CASEWORKER_SCAN_SET") or os.path.join(
        tempfile.gettempdir(), "caseworker-scan-set"
    )
    return Path(root) / VERSION


def cached(kind: str, seed: int) -> Sample:
    """The sample, from the cache when it was made before."""
    folder = cache_folder()
    stem = folder / f"{seed:04d}-{kind}"
    image, meta = stem.with_suffix(".jpg"), stem.with_suffix(".json")
    if image.exists() and meta.exists():
        data = json.loads(meta.read_text(encoding="utf-8"))
        return Sample(kind, seed, data["fields"], image.read_bytes(), data["how"])
    made = sample(kind, seed)
    folder.mkdir(parents=True, exist_ok=True)
    image.write_bytes(made.image)
    meta.write_text(
        json.dumps({"fields": made.fields, "how": made.how}, ensure_ascii=False), encoding="utf-8"
    )
    return made


def samples(count: int, first_seed: int = 1) -> list[Sample]:
    return [cached(KINDS[n % len(KINDS)], first_seed + n) for n in range(count)]


def png_preview(s: Sample) -> bytes:  # pragma: no cover - for looking at a sample by hand
    out = io.BytesIO()
    Image.open(io.BytesIO(s.image)).save(out, "PNG")
    return out.getvalue()


if __name__ == "__main__":
    count = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else 240
    made = samples(count)
    print(f"{len(made)} images in {cache_folder()}")
