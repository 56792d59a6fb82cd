"""The card reader the device settings name, behind one small interface."""

from __future__ import annotations

from typing import Protocol

from caseworker.devices import sam, vendor
from caseworker.devices.card import CardRecord, ReaderNotFoundError
from caseworker.devices.errors import DeviceError
from caseworker.devices.settings import DeviceSettings


class CardDevice(Protocol):
    def read_card(self) -> CardRecord: ...


class AutoSamReader:
    """A SAM reader on whichever port answers; the port is found again when it goes away
    (a USB reader plugged into another socket gets another name)."""

    def __init__(self, *, timeout: float = 3.0) -> None:
        self.timeout = timeout
        self.port: str | None = None

    def read_card(self) -> CardRecord:
        if self.port is None:
            self.port = sam.find_reader()
        try:
            return sam.SamReader(self.port, timeout=self.timeout).read_card()
        except ReaderNotFoundError:
            self.port = None
            raise


def _vendor_port(settings: DeviceSettings) -> int:
    if settings.reader_port in ("", "auto"):
        return vendor.USB_PORT
    try:
        return int(settings.reader_port)
    except ValueError:
        raise DeviceError(
            f"the reader port {settings.reader_port!r} is not a number; the vendors number "
            "serial ports 1-16 and USB readers 1001-1016"
        ) from None


def card_device(settings: DeviceSettings) -> CardDevice | None:
    """The device for the settings' reader kind; None for none and simulated (the
    simulated reader reads a file and lives with the services)."""
    kind = settings.reader
    if kind == "sam":
        if settings.reader_port in ("", "auto"):
            return AutoSamReader()
        return sam.SamReader(settings.reader_port)
    if kind in ("termb", "sdtapi"):
        library = settings.reader_library or vendor.default_library(kind)
        port = _vendor_port(settings)
        if kind == "termb":
            return vendor.TermbReader(library, port=port)
        return vendor.SdtapiReader(library, port=port)
    return None
