"""The counter PC's devices, kept beside the user's configuration (not in the store: the
same store may be opened on another PC with other devices)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from caseworker.devices.errors import DeviceError

SETTINGS_ENV = "CASEWORKER_DEVICES"
READER_KINDS = ("none", "simulated", "sam", "termb", "sdtapi")


@dataclass(frozen=True, slots=True)
class Calibration:
    """How far a printer puts the page from where it should be, measured on a test print:
    positive moves the print right (x) and down (y), in millimetres."""

    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0


@dataclass(frozen=True, slots=True)
class DeviceSettings:
    #: none | simulated | sam (the serial protocol) | termb | sdtapi (vendor libraries)
    reader: str = "none"
    #: sam: a port (COM3, /dev/ttyUSB0) or "auto"; termb/sdtapi: the vendor's port number
    reader_port: str = "auto"
    #: termb/sdtapi: the library's path (else its usual name); simulated: the card file
    reader_library: str = ""
    #: the printer (CUPS queue or Windows printer name); empty: the system's default
    printer: str = ""
    calibration: dict[str, Calibration] = field(default_factory=dict)
    #: the document camera: a device index ("0") or a video file / URL
    camera: str = "0"
    #: the flatbed scanner: SANE's device name or WIA's DeviceID (as `caseworker scanner
    #: list` shows them), or "auto": the first one the system's scanner interface lists
    scanner: str = "auto"

    def calibration_for(self, printer: str) -> Calibration:
        return self.calibration.get(printer, Calibration())

    def with_calibration(self, printer: str, calibration: Calibration) -> DeviceSettings:
        return replace(self, calibration={**self.calibration, printer: calibration})

    @classmethod
    def from_json(cls, data: Any) -> DeviceSettings:
        if not isinstance(data, dict):
            raise DeviceError("the device settings are not a JSON object")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        raw_calibration = known.pop("calibration", {}) or {}
        try:
            calibration = {
                str(name): Calibration(
                    offset_x_mm=float(value.get("offset_x_mm", 0.0)),
                    offset_y_mm=float(value.get("offset_y_mm", 0.0)),
                )
                for name, value in dict(raw_calibration).items()
            }
            settings = cls(**{k: str(v) for k, v in known.items()}, calibration=calibration)
        except (TypeError, ValueError, AttributeError) as exc:
            raise DeviceError(
                f"the device settings are damaged ({exc}); fix or delete them"
            ) from None
        if settings.reader not in READER_KINDS:
            raise DeviceError(
                f"unknown card reader kind {settings.reader!r}; one of: " + ", ".join(READER_KINDS)
            )
        return settings


def default_path() -> Path:
    configured = os.environ.get(SETTINGS_ENV)
    if configured:
        return Path(configured)
    import platformdirs  # noqa: PLC0415

    return platformdirs.user_config_path("caseworker") / "devices.json"


def load(path: Path | None = None) -> DeviceSettings:
    """The settings, or the defaults when none were saved."""
    path = path or default_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return DeviceSettings()
    except OSError as exc:
        raise DeviceError(f"cannot read the device settings {path}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DeviceError(f"the device settings {path} are not JSON ({exc}); fix them") from None
    return DeviceSettings.from_json(data)


def save(settings: DeviceSettings, path: Path | None = None) -> Path:
    path = path or default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(
        json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    temporary.replace(path)
    return path
