"""What every device can fail with."""

from __future__ import annotations


class DeviceError(Exception):
    """A device could not do what was asked; the message says what to do about it."""
