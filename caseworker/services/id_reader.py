"""Resident ID card readers: one interface, pluggable devices.

A real reader (a CVR-100 or Sinosecu desk reader, through its vendor's library) is a
class with ``read()``; it is chosen by name in the office's settings. The simulated
reader shipped here reads what a card would give from a JSON file, so the desk, the
tests and a training machine work without a device."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

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


#: device name -> how to make it from its setting (a path, a port)
READERS: dict[str, Callable[[str], IdCardReader]] = {
    "simulated": lambda setting: SimulatedReader(Path(setting)),
}


def make_reader(kind: str, setting: str) -> IdCardReader:
    try:
        factory = READERS[kind]
    except KeyError:
        raise ReaderError(
            f"unknown card reader {kind!r}; one of: {', '.join(sorted(READERS))}"
        ) from None
    return factory(setting)
