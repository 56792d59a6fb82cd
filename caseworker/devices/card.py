"""What a second-generation resident ID card's chip holds, decoded from its 256-byte
text block (居民身份证 文字信息), with the national code tables the block uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from caseworker.devices.errors import DeviceError

TEXT_BLOCK_SIZE = 256
PHOTO_BLOCK_SIZE = 1024

#: the text block's fields in order, each its width in bytes (UCS-2 little-endian)
TEXT_LAYOUT: tuple[tuple[str, int], ...] = (
    ("name", 30),
    ("sex", 2),
    ("ethnicity", 4),
    ("birth", 16),
    ("address", 70),
    ("id_number", 36),
    ("issued_by", 30),
    ("valid_from", 16),
    ("valid_until", 16),
    ("reserved", 36),
)

#: sex codes of GB/T 2261.1 as the chip stores them; the desk keeps M | F
SEX_CODES = {"1": "M", "2": "F"}

#: 民族 ethnic groups by their GB 3304 code, named as the card prints them
_GB3304 = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 "
    "佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 "
    "阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 "
    "门巴 珞巴 基诺"
)
ETHNICITY_CODES: dict[str, str] = {
    f"{n:02d}": name for n, name in enumerate(_GB3304.split(), start=1)
}
ETHNICITY_CODES["97"] = "其他"
ETHNICITY_CODES["98"] = "外国血统中国籍人士"

#: what the chip holds in 有效期限's end for a card without an end date
LONG_TERM = "长期"


class NoCardError(DeviceError):
    """No card on the reader (or it was taken away before it was read)."""


class ReaderNotFoundError(DeviceError):
    """No reader answers on the port or library configured."""


class CardDataError(DeviceError):
    """The card was read but what it holds cannot be decoded."""


@dataclass(frozen=True, slots=True)
class CardRecord:
    """One card as read: the text fields decoded, the photo block kept as it came (its
    decoding needs the vendor's licensed decoder, so it is stored, not shown)."""

    name: str
    sex: str  # M | F
    ethnicity: str
    birth_date: date
    address: str
    id_number: str
    issued_by: str
    valid_from: date
    valid_until: date | None  # None: 长期 (no end date)
    photo: bytes = field(default=b"", repr=False)
    photo_image: bytes = field(default=b"", repr=False)  # decoded by a vendor library

    def expired(self, *, on: date) -> bool:
        """Past its 有效期限 on ``on``: the last valid day is ``valid_until``."""
        return self.valid_until is not None and on > self.valid_until


def _field_text(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-16-le")
    except UnicodeDecodeError:
        raise CardDataError(
            f"the card's {name} field is not readable text; read the card again"
        ) from None
    return text.replace("\x00", "").strip()


def _date(text: str, name: str) -> date:
    if len(text) != 8 or not text.isdigit():
        raise CardDataError(f"the card's {name} {text!r} is not a date (YYYYMMDD)")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise CardDataError(f"the card's {name} {text!r} is not a calendar date") from None


def split_text_block(block: bytes) -> dict[str, str]:
    """The text block's fields as strings, before any code table is applied."""
    if len(block) != TEXT_BLOCK_SIZE:
        raise CardDataError(
            f"the card's text block has {len(block)} bytes, not {TEXT_BLOCK_SIZE}; "
            "read the card again"
        )
    fields: dict[str, str] = {}
    offset = 0
    for name, width in TEXT_LAYOUT:
        fields[name] = _field_text(block[offset : offset + width], name)
        offset += width
    return fields


def decode_text_block(block: bytes, *, photo: bytes = b"") -> CardRecord:
    """Decode the 256-byte text block of the read-base-information answer."""
    raw = split_text_block(block)
    if raw["sex"] not in SEX_CODES:
        raise CardDataError(f"the card's sex code {raw['sex']!r} is neither 1 (男) nor 2 (女)")
    if raw["ethnicity"] not in ETHNICITY_CODES:
        raise CardDataError(f"the card's 民族 code {raw['ethnicity']!r} is not in GB 3304")
    until = raw["valid_until"]
    return CardRecord(
        name=raw["name"],
        sex=SEX_CODES[raw["sex"]],
        ethnicity=ETHNICITY_CODES[raw["ethnicity"]],
        birth_date=_date(raw["birth"], "birth date"),
        address=raw["address"],
        id_number=raw["id_number"].upper(),
        issued_by=raw["issued_by"],
        valid_from=_date(raw["valid_from"], "valid-from date"),
        valid_until=None if until == LONG_TERM else _date(until, "valid-until date"),
        photo=photo,
    )


def encode_text_block(
    *,
    name: str,
    sex_code: str,
    ethnicity_code: str,
    birth: str,
    address: str,
    id_number: str,
    issued_by: str,
    valid_from: str,
    valid_until: str,
) -> bytes:
    """The block a card with these fields gives, padded with spaces as chips are: for the
    simulators (training, tests); each value must fit its width."""
    values = {
        "name": name,
        "sex": sex_code,
        "ethnicity": ethnicity_code,
        "birth": birth,
        "address": address,
        "id_number": id_number,
        "issued_by": issued_by,
        "valid_from": valid_from,
        "valid_until": valid_until,
        "reserved": "",
    }
    out = bytearray()
    for key, width in TEXT_LAYOUT:
        raw = values[key].encode("utf-16-le")
        if len(raw) > width:
            raise ValueError(f"{key} {values[key]!r} does not fit in {width} bytes")
        out += raw + " ".encode("utf-16-le") * ((width - len(raw)) // 2)
    return bytes(out)


def mask_id_number(number: str) -> str:
    """``370102********1234``: the region and the last four, for logs and screens."""
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
