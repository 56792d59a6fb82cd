"""The vendors' reader libraries most counters already have installed, through ctypes.

- ``termb.dll`` / ``libtermb.so`` (Synjones 新中新 CVR-100 and compatibles):
  ``CVR_InitComm(port)`` → 1, ``CVR_Authenticate()`` → 1 when a card is found and
  selected, ``CVR_Read_Content(4)`` → 1, then ``GetPeopleName(buf, &len)`` … each field as
  text (GBK on Windows; UTF-8 in some Linux builds), ``GetBMPData`` for the decoded photo
  where the build has it, ``CVR_CloseComm()``.
- ``sdtapi.dll`` (the security module's own API, shipped by most other vendors):
  ``SDT_OpenPort(port)`` → 0x90, ``SDT_StartFindIDCard`` → 0x9F, ``SDT_SelectIDCard`` →
  0x90, ``SDT_ReadBaseMsg`` → 0x90 with the raw 256-byte text block and 1024-byte photo,
  ``SDT_ClosePort``.

Ports follow the vendors' numbering: 1-16 serial (COM1…), 1001-1016 USB. On Windows the
libraries use the stdcall convention (``WinDLL``); elsewhere the C one."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from caseworker.devices import sam
from caseworker.devices.card import (
    ETHNICITY_CODES,
    LONG_TERM,
    CardDataError,
    CardRecord,
    NoCardError,
    ReaderNotFoundError,
    decode_text_block,
)
from caseworker.devices.errors import DeviceError

USB_PORT = 1001
_TERMB_FIELDS = (
    "GetPeopleName",
    "GetPeopleSex",
    "GetPeopleNation",
    "GetPeopleBirthday",
    "GetPeopleAddress",
    "GetPeopleIDCode",
    "GetDepartment",
    "GetStartDate",
    "GetEndDate",
)
_NAMES_TO_ETHNICITY = {name: name for name in ETHNICITY_CODES.values()}


def load_library(path: str) -> Any:
    """The vendor's library; a clear message when it is missing or not a library."""
    loader: Callable[[str], Any] = (
        ctypes.WinDLL if sys.platform == "win32" else ctypes.CDLL  # type: ignore[attr-defined]
    )
    try:
        return loader(path)
    except OSError as exc:
        raise ReaderNotFoundError(
            f"the reader's library {path} cannot be loaded ({exc}); install the vendor's "
            "driver, or set the library's full path in the device settings"
        ) from None


def _function(library: Any, name: str, argtypes: list[Any]) -> Any:
    try:
        function = getattr(library, name)
    except AttributeError:
        raise ReaderNotFoundError(
            f"the reader's library has no {name}; it is not the library this reader "
            "kind needs (check the reader kind in the device settings)"
        ) from None
    function.argtypes = argtypes
    function.restype = ctypes.c_int
    return function


def _text(raw: bytes) -> str:
    raw = raw.split(b"\x00", 1)[0]
    for encoding in ("utf-8", "gbk"):
        try:
            return raw.decode(encoding).strip()
        except UnicodeDecodeError:
            continue
    raise CardDataError("the reader's library gave text in an unknown encoding")


def _date(text: str, what: str) -> date:
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) != 8:
        raise CardDataError(f"the card's {what} {text!r} is not a date")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise CardDataError(f"the card's {what} {text!r} is not a calendar date") from None


class TermbReader:
    """A reader through ``termb.dll`` / ``libtermb.so``."""

    def __init__(self, library: str, *, port: int = USB_PORT) -> None:
        self.library_path = library
        self.port = port

    def read_card(self) -> CardRecord:
        lib = load_library(self.library_path)
        init = _function(lib, "CVR_InitComm", [ctypes.c_int])
        close = _function(lib, "CVR_CloseComm", [])
        authenticate = _function(lib, "CVR_Authenticate", [])
        read_content = _function(lib, "CVR_Read_Content", [ctypes.c_int])
        getters = {
            name: _function(lib, name, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)])
            for name in _TERMB_FIELDS
        }
        if init(self.port) != 1:
            raise ReaderNotFoundError(
                f"no reader answers on port {self.port} through {self.library_path}; "
                "check the cable, or the port (1001 is the first USB reader)"
            )
        try:
            if authenticate() != 1:
                raise NoCardError("没有读到身份证 no card on the reader; place the card on it")
            if read_content(4) != 1:
                raise NoCardError(sam.STATUS_MESSAGES[sam.READ_FAILED])
            values = {}
            for name, getter in getters.items():
                buffer = ctypes.create_string_buffer(256)
                length = ctypes.c_int(256)
                if getter(buffer, ctypes.byref(length)) != 1:
                    raise CardDataError(f"the reader's library could not give {name}")
                values[name] = _text(buffer.raw[: max(0, min(length.value, 256))])
            photo = self._photo(lib)
        finally:
            close()
        return self._record(values, photo)

    @staticmethod
    def _photo(lib: Any) -> bytes:
        if not hasattr(lib, "GetBMPData"):
            return b""  # an older build writes zp.bmp beside itself instead
        get = _function(lib, "GetBMPData", [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)])
        buffer = ctypes.create_string_buffer(40 * 1024)
        length = ctypes.c_int(len(buffer))
        if get(buffer, ctypes.byref(length)) != 1:
            return b""
        return buffer.raw[: max(0, min(length.value, len(buffer)))]

    @staticmethod
    def _record(values: dict[str, str], photo: bytes) -> CardRecord:
        sex = {"男": "M", "女": "F", "1": "M", "2": "F"}.get(values["GetPeopleSex"])
        if sex is None:
            raise CardDataError(f"the card's sex {values['GetPeopleSex']!r} is not 男 or 女")
        nation = values["GetPeopleNation"].removesuffix("族")
        ethnicity = ETHNICITY_CODES.get(nation.zfill(2)) if nation.isdigit() else None
        ethnicity = ethnicity or _NAMES_TO_ETHNICITY.get(nation)
        if ethnicity is None:
            raise CardDataError(f"the card's 民族 {nation!r} is not in GB 3304")
        end = values["GetEndDate"]
        return CardRecord(
            name=values["GetPeopleName"],
            sex=sex,
            ethnicity=ethnicity,
            birth_date=_date(values["GetPeopleBirthday"], "birth date"),
            address=values["GetPeopleAddress"],
            id_number=values["GetPeopleIDCode"].upper(),
            issued_by=values["GetDepartment"],
            valid_from=_date(values["GetStartDate"], "valid-from date"),
            valid_until=None if LONG_TERM in end else _date(end, "valid-until date"),
            photo_image=photo,
        )


class SdtapiReader:
    """A reader through ``sdtapi.dll`` (the module's own API: raw blocks, decoded here)."""

    def __init__(self, library: str, *, port: int = USB_PORT) -> None:
        self.library_path = library
        self.port = port

    def read_card(self) -> CardRecord:
        lib = load_library(self.library_path)
        byte_p = ctypes.POINTER(ctypes.c_ubyte)
        uint_p = ctypes.POINTER(ctypes.c_uint)
        open_port = _function(lib, "SDT_OpenPort", [ctypes.c_int])
        close_port = _function(lib, "SDT_ClosePort", [ctypes.c_int])
        find = _function(lib, "SDT_StartFindIDCard", [ctypes.c_int, byte_p, ctypes.c_int])
        select = _function(lib, "SDT_SelectIDCard", [ctypes.c_int, byte_p, ctypes.c_int])
        read = _function(
            lib,
            "SDT_ReadBaseMsg",
            [ctypes.c_int, byte_p, uint_p, byte_p, uint_p, ctypes.c_int],
        )
        status = open_port(self.port)
        if status != sam.OK:
            raise ReaderNotFoundError(
                f"no reader answers on port {self.port} through {self.library_path} "
                f"(status {status:02X}); check the cable, or the port (1001 is the first "
                "USB reader)"
            )
        try:
            scratch = (ctypes.c_ubyte * 64)()
            _check(find(self.port, scratch, 0), sam.CARD_FOUND)
            _check(select(self.port, scratch, 0), sam.OK)
            text = (ctypes.c_ubyte * 256)()
            photo = (ctypes.c_ubyte * 1024)()
            text_length, photo_length = ctypes.c_uint(0), ctypes.c_uint(0)
            _check(
                read(
                    self.port,
                    text,
                    ctypes.byref(text_length),
                    photo,
                    ctypes.byref(photo_length),
                    0,
                ),
                sam.OK,
            )
        finally:
            close_port(self.port)
        if text_length.value != 256 or photo_length.value > 1024:
            raise CardDataError(
                f"the reader's library gave {text_length.value} bytes of text and "
                f"{photo_length.value} of photo; read the card again"
            )
        return decode_text_block(bytes(text), photo=bytes(photo)[: photo_length.value])


def _check(status: int, wanted: int) -> None:
    if status == wanted:
        return
    message = sam.STATUS_MESSAGES.get(status, f"the reader answered with status {status:02X}")
    if status in (sam.NO_CARD, sam.SELECT_FAILED, sam.READ_FAILED):
        raise NoCardError(message)
    raise DeviceError(message)


def default_library(kind: str) -> str:
    """Where the vendor's installer usually puts the library (the setting overrides)."""
    if kind == "termb":
        return "termb.dll" if sys.platform == "win32" else "libtermb.so"
    return "sdtapi.dll" if sys.platform == "win32" else str(Path("libsdtapi.so"))
