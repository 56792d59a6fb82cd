"""A generated test set for scanning: resident ID card fronts, hukou book 户主页 and
常住人口登记卡 pages rendered with known text in the embedded CJK font, then rotated a
little, blurred, lit unevenly and stamped, as a counter's scanner or phone camera would
give them. Used by tests/scanning and bench/bench_scan.py.

    python -m tests.scanning.images OUT_DIR [--count 120]   # writes PNGs and truth.json
"""

from __future__ import annotations

import io
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from caseworker.models.resident_id import check_digit
from caseworker.printing.fonts import font_bytes

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美霞平刚桂兰玉萍红娥玲芬燕彩春菊凤洁"
    "梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青"
    "倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯"
    "毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
)
ETHNICITIES = ["汉", "汉", "汉", "回", "满", "蒙古", "朝鲜"]
COUNTIES = [
    ("371502", "山东省聊城市东昌府区"),
    ("370102", "山东省济南市历下区"),
    ("370402", "山东省枣庄市市中区"),
    ("370103", "山东省济南市市中区"),
]
STREETS = ["古楼街道", "泉城路街道", "中心街街道", "大明湖街道", "新华路", "光明路", "建设路"]
KINDS = ("id-card", "household-page", "registration-card")


@dataclass(frozen=True)
class Sample:
    kind: str
    fields: dict[str, str]  # the truth, in the form extract() gives
    png: bytes


#: the fields a 常住人口登记卡 (registration card) prints for its person, besides the relation
CARD_FIELDS = (
    "name",
    "former_name",
    "sex",
    "ethnicity",
    "birth_date",
    "birthplace",
    "native_place",
    "id_number",
    "education",
    "marital_status",
    "military_service",
    "workplace",
    "occupation",
    "moved_in_from",
)


def _id_number(rng: random.Random, born: date, sex: str, county: str) -> str:
    """A valid number drawn from ``rng`` alone: an image is the same whichever tests ran
    before it (tests.helpers.make_id counts across the process, so the same seed drew
    another number, and another image, after other tests)."""
    sequence = rng.randrange(0, 500) * 2 + (1 if sex == "M" else 0)  # odd for men
    first17 = f"{county}{born:%Y%m%d}{sequence:03d}"
    return first17 + check_digit(first17)


def person(rng: random.Random) -> dict[str, str]:
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 55))
    sex = rng.choice("MF")
    county, place = rng.choice(COUNTIES)
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    address = f"{place}{rng.choice(STREETS)}{rng.randrange(1, 300)}号"
    if rng.random() < 0.5:
        address += (
            f"{rng.randrange(1, 30)}号楼{rng.randrange(1, 6)}单元{rng.randrange(101, 2801)}室"
        )
    return {
        "name": name,
        "sex": "男" if sex == "M" else "女",
        "ethnicity": rng.choice(ETHNICITIES),
        "birth_date": born.isoformat(),
        "address": address,
        "id_number": _id_number(rng, born, sex, county),
        "birthplace": place,
        "native_place": place[:6],
        "former_name": rng.choice(("", "", "", rng.choice(SURNAMES) + rng.choice(GIVEN))),
        "education": rng.choice(("大学本科", "硕士研究生", "高中", "初中", "大学专科")),
        "marital_status": rng.choice(("已婚", "未婚", "离婚", "丧偶")),
        "military_service": rng.choice(("未服兵役", "退出现役", "预备役")),
        "workplace": rng.choice(("济南", "聊城", "枣庄"))
        + rng.choice(("华信", "鲁能", "泰山", "黄河", "齐鲁"))
        + rng.choice(("科技有限公司", "商贸有限公司", "中学", "医院")),
        "occupation": rng.choice(("工程师", "教师", "职员", "个体经营", "农民", "医生")),
        "moved_in_from": f"{2000 + rng.randrange(0, 24)}年{rng.randrange(1, 13):02d}月"
        + rng.choice(COUNTIES)[1],
    }


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(font_bytes()), size)


def _chinese_date(iso: str, padded: bool) -> str:
    d = date.fromisoformat(iso)
    return (
        f"{d.year}年{d.month:02d}月{d.day:02d}日" if padded else f"{d.year}年{d.month}月{d.day}日"
    )


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def draw_id_card(p: dict[str, str]) -> Image.Image:
    image = Image.new("RGB", (900, 570), (233, 238, 244))
    d = ImageDraw.Draw(image)
    label, value = (46, 92, 150), (20, 20, 20)
    f, big = _font(30), _font(34)
    d.text((50, 50), "姓名", font=f, fill=label)
    d.text((170, 48), p["name"], font=big, fill=value)
    d.text((50, 120), "性别", font=f, fill=label)
    d.text((170, 120), p["sex"], font=f, fill=value)
    d.text((300, 120), "民族", font=f, fill=label)
    d.text((420, 120), p["ethnicity"], font=f, fill=value)
    d.text((50, 190), "出生", font=f, fill=label)
    d.text((170, 190), _chinese_date(p["birth_date"], padded=False), font=f, fill=value)
    d.text((50, 260), "住址", font=f, fill=label)
    for n, part in enumerate(_wrap(p["address"], 12)):
        d.text((170, 260 + n * 48), part, font=f, fill=value)
    d.text((50, 470), "公民身份号码", font=f, fill=label)
    d.text((300, 466), p["id_number"], font=big, fill=value)
    return image


def draw_household_page(p: dict[str, str], kind: str, number: str) -> Image.Image:
    image = Image.new("RGB", (1100, 620), (250, 247, 240))
    d = ImageDraw.Draw(image)
    f = _font(30)
    d.text((480, 30), "户口簿", font=_font(40), fill=(60, 60, 60))
    for x0, y0, x1, y1 in ((40, 110, 1060, 580),):
        d.rectangle((x0, y0, x1, y1), outline=(90, 90, 90), width=2)
    d.text((70, 150), "户别", font=f, fill=(40, 40, 40))
    d.text((200, 150), kind, font=f, fill=(10, 10, 10))
    d.text((560, 150), "户主姓名", font=f, fill=(40, 40, 40))
    d.text((740, 150), p["name"], font=f, fill=(10, 10, 10))
    d.text((70, 250), "户号", font=f, fill=(40, 40, 40))
    d.text((200, 250), number, font=f, fill=(10, 10, 10))
    d.text((70, 350), "住址", font=f, fill=(40, 40, 40))
    for n, part in enumerate(_wrap(p["address"], 20)):
        d.text((200, 350 + n * 50), part, font=f, fill=(10, 10, 10))
    return image


def draw_registration_card(p: dict[str, str], relation: str) -> Image.Image:
    image = Image.new("RGB", (1100, 1260), (252, 250, 244))
    d = ImageDraw.Draw(image)
    f = _font(28)
    d.text((420, 30), "常住人口登记卡", font=_font(38), fill=(60, 60, 60))
    ink, text = (40, 40, 40), (10, 10, 10)
    rows = [
        (("姓名", p["name"]), ("户主或与户主关系", relation)),
        (("曾用名", p["former_name"]), ("性别", p["sex"])),
        (("出生日期", _chinese_date(p["birth_date"], padded=True)), ("民族", p["ethnicity"])),
        (("出生地", p["birthplace"]), None),
        (("籍贯", p["native_place"]), ("文化程度", p["education"])),
        (("公民身份证件编号", p["id_number"]), None),
        (("婚姻状况", p["marital_status"]), ("兵役状况", p["military_service"])),
        (("服务处所", p["workplace"]), None),
        (("职业", p["occupation"]), None),
        (("何时由何地迁来本址", p["moved_in_from"]), None),
    ]
    y = 120
    for left, right in rows:
        d.text((60, y), left[0], font=f, fill=ink)
        d.text((60 + 30 * len(left[0]) + 40, y), left[1], font=f, fill=text)
        if right:
            d.text((560, y), right[0], font=f, fill=ink)
            d.text((560 + 30 * len(right[0]) + 30, y), right[1], font=f, fill=text)
        d.line((50, y + 50, 1050, y + 50), fill=(180, 180, 180), width=1)
        y += 95
    return image


def damage(image: Image.Image, rng: random.Random) -> Image.Image:
    """A little rotation, blur, uneven light and a red stamp."""
    w, h = image.size
    stamp = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    s = ImageDraw.Draw(stamp)
    cx, cy, r = int(w * rng.uniform(0.68, 0.85)), int(h * rng.uniform(0.15, 0.45)), 95
    s.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(210, 30, 30, 150), width=7)
    s.text((cx - 60, cy - 18), "户口专用章", font=_font(24), fill=(210, 30, 30, 150))
    image = Image.alpha_composite(image.convert("RGBA"), stamp).convert("RGB")
    light = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270))).resize((w, h))
    dark = rng.uniform(0.55, 0.8)
    light = light.point(lambda v, dark=dark: int(255 * (dark + (1 - dark) * v / 255)))
    image = Image.composite(image, Image.new("RGB", (w, h), (0, 0, 0)), light)
    image = image.rotate(
        rng.uniform(-3, 3),
        resample=Image.Resampling.BICUBIC,
        expand=True,
        fillcolor=(255, 255, 255),
    )
    return image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))


def sample(kind: str, seed: int) -> Sample:
    rng = random.Random(seed)
    p = person(rng)
    if kind == "id-card":
        image = draw_id_card(p)
        truth = {
            k: p[k] for k in ("name", "sex", "ethnicity", "birth_date", "address", "id_number")
        }
    elif kind == "household-page":
        household_kind = rng.choice(("家庭户", "集体户"))
        number = f"{rng.randrange(1, 999999):06d}"
        image = draw_household_page(p, household_kind, number)
        truth = {
            "household_kind": household_kind,
            "head_name": p["name"],
            "household_number": number,
            "address": p["address"],
        }
    else:
        relation = rng.choice(("户主", "妻", "子", "女", "母"))
        image = draw_registration_card(p, relation)
        truth = {key: p[key] for key in CARD_FIELDS} | {"relation_to_head": relation}
    out = io.BytesIO()
    damage(image, rng).save(out, "PNG")
    return Sample(kind, truth, out.getvalue())


def samples(count: int, first_seed: int = 1) -> list[Sample]:
    return [sample(KINDS[n % len(KINDS)], first_seed + n) for n in range(count)]


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    count = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else 120
    folder.mkdir(parents=True, exist_ok=True)
    truth = {}
    for n, s in enumerate(samples(count)):
        name = f"{n:03d}-{s.kind}.png"
        (folder / name).write_bytes(s.png)
        truth[name] = {"kind": s.kind, "fields": s.fields}
    (folder / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    print(f"{count} images in {folder}")
