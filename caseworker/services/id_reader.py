"""Resident ID card readers: one interface, pluggable devices.

A real reader (the SAM serial protocol, or a vendor's library: ``caseworker.devices``)
is wrapped in ``DeviceReader``; which one is chosen in the PC's device settings. The
simulated reader reads what a card would give from a JSON file, so the desk, the tests
and a training machine work without a device."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from caseworker.devices import settings as device_settings
from caseworker.devices.card import CardRecord
from caseworker.devices.errors import DeviceError
from caseworker.devices.readers import CardDevice, card_device
from caseworker.devices.settings import DeviceSettings
from caseworker.models.resident_id import ResidentIdError, parse_resident_id


class ReaderError(Exception):
    """The card could not be read; the message says what to do (place the card, …)."""


@dataclass(frozen=True, slots=True)
class CardData:
    """What the chip of a second-generation ID card holds, as far as the desk needs it."""

    id_number: str
    name: str
    sex: str  # M | F
    birth_date: date
    ethnicity: str = ""
    address: str = ""
    issued_by: str = ""
    valid_from: date | None = None
    valid_until: date | None = None  # None: 长期 (no end date), or not known
    #: past its 有效期限 (valid-until date) on the day it was read
    expired: bool = False
    #: the holder's photo as an image, where the vendor's decoder gave one
    photo_image: bytes = field(default=b"", repr=False)


class IdCardReader(Protocol):
    name: str

    def read(self) -> CardData: ...


class SimulatedReader:
    """Reads a card from a JSON file: ``{"id_number", "name", "ethnicity", "address",
    "issued_by"}``; sex and birth date come from the number, as on a real card."""

    name = "simulated"

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> CardData:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ReaderError(
                f"没有读到身份证 no card on the reader ({self.path} is missing); place the "
                "card on the reader, or type the number"
            ) from None
        except (OSError, ValueError) as exc:
            raise ReaderError(f"the card could not be read ({exc}); try again") from None
        if not isinstance(data, dict):
            raise ReaderError("the card could not be read (not a card record); try again")
        try:
            rid = parse_resident_id(str(data.get("id_number", "")))
        except ResidentIdError as exc:
            raise ReaderError(f"the card's number is not valid: {exc}") from None
        return CardData(
            id_number=rid.number,
            name=str(data.get("name", "")).strip(),
            sex=rid.sex.value,
            birth_date=rid.birth_date,
            ethnicity=str(data.get("ethnicity", "")).strip(),
            address=str(data.get("address", "")).strip(),
            issued_by=str(data.get("issued_by", "")).strip(),
        )


class DeviceReader:
    """A real reader (``caseworker.devices``) as the desk's ``IdCardReader``: the number's
    check digit is verified, and a card past its valid-until date is flagged."""

    def __init__(
        self, device: CardDevice, *, name: str, today: Callable[[], date] = date.today
    ) -> None:
        self.device = device
        self.name = name
        self.today = today

    def read(self) -> CardData:
        try:
            record = self.device.read_card()
        except DeviceError as exc:
            raise ReaderError(str(exc)) from None
        return card_data(record, today=self.today())


def card_data(record: CardRecord, *, today: date) -> CardData:
    try:
        rid = parse_resident_id(record.id_number)
    except ResidentIdError as exc:
        raise ReaderError(f"the card's number is not valid: {exc}") from None
    if rid.sex.value != record.sex or rid.birth_date != record.birth_date:
        raise ReaderError(
            "the card's sex or birth date does not match its number; read the card again, "
            "and if it persists type the number and check the card by eye"
        )
    return CardData(
        id_number=rid.number,
        name=record.name,
        sex=record.sex,
        birth_date=record.birth_date,
        ethnicity=record.ethnicity,
        address=record.address,
        issued_by=record.issued_by,
        valid_from=record.valid_from,
        valid_until=record.valid_until,
        expired=record.expired(on=today),
        photo_image=record.photo_image,
    )


def reader_from_settings(
    settings: DeviceSettings, *, today: Callable[[], date] = date.today
) -> IdCardReader | None:
    """The reader the PC's device settings name; None when there is none."""
    if settings.reader == "simulated":
        return SimulatedReader(Path(settings.reader_library))
    try:
        device = card_device(settings)
    except DeviceError as exc:
        raise ReaderError(str(exc)) from None
    if device is None:
        return None
    return DeviceReader(device, name=settings.reader, today=today)


class UnusableReader:
    """Stands in for a reader whose settings cannot be used: reading says why."""

    name = "unusable"

    def __init__(self, message: str) -> None:
        self.message = message

    def read(self) -> CardData:
        raise ReaderError(self.message)


def desk_reader(
    card_file: Path | None, *, settings_file: Path | None = None
) -> IdCardReader | None:
    """The desk's reader: the simulated one when a card file is given (training), else the
    one this PC's device settings name; never fails at start-up (a broken setting is said
    when the clerk reads a card)."""
    if card_file is not None:
        return SimulatedReader(card_file)
    try:
        return reader_from_settings(device_settings.load(settings_file))
    except (DeviceError, ReaderError) as exc:
        return UnusableReader(f"the card reader's settings cannot be used: {exc}")


#: device name -> how to make it from its setting (a path, a port)
READERS: dict[str, Callable[[str], IdCardReader]] = {
    "simulated": lambda setting: SimulatedReader(Path(setting)),
    "sam": lambda setting: _from(DeviceSettings(reader="sam", reader_port=setting or "auto")),
    "termb": lambda setting: _from(DeviceSettings(reader="termb", reader_library=setting)),
    "sdtapi": lambda setting: _from(DeviceSettings(reader="sdtapi", reader_library=setting)),
}


def _from(settings: DeviceSettings) -> IdCardReader:
    reader = reader_from_settings(settings)
    assert reader is not None
    return reader


def make_reader(kind: str, setting: str) -> IdCardReader:
    try:
        factory = READERS[kind]
    except KeyError:
        raise ReaderError(
            f"unknown card reader {kind!r}; one of: {', '.join(sorted(READERS))}"
        ) from None
    return factory(setting)
