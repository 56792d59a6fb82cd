"""A card reader that speaks the SAM frames byte for byte, on the far side of a
pseudo-terminal (or any file descriptor): for training machines and the tests.

Faults a real device shows can be switched on: a damaged check byte, silence, no card,
the card taken away between select and read, garbage before a frame, a slow line."""

from __future__ import annotations

import os
import select
import threading
import time
from dataclasses import dataclass, field

from caseworker.devices import sam
from caseworker.devices.card import (
    ETHNICITY_CODES,
    PHOTO_BLOCK_SIZE,
    CardDataError,
    encode_text_block,
)


@dataclass
class Behaviour:
    card_present: bool = True
    #: damage the check byte of this many answers (then answer well)
    bad_checksums: int = 0
    #: never answer
    silent: bool = False
    #: the card is taken away after it was selected: the read fails
    card_removed_before_read: bool = False
    #: the card is taken away in the middle of the read's answer: it stops halfway
    card_removed_mid_answer: bool = False
    #: bytes written before each answer (line noise)
    garbage: bytes = b""
    #: seconds between chunks of 64 bytes of an answer
    byte_delay: float = 0.0
    seen: list[tuple[int, int]] = field(default_factory=list)


class SamSimulator:
    """Serve the protocol on ``fd`` in a thread until ``stop``."""

    def __init__(self, fd: int, *, text: bytes, photo: bytes | None = None) -> None:
        self.fd = fd
        self.text = text
        self.photo = photo if photo is not None else bytes(range(256)) * 4
        assert len(self.photo) == PHOTO_BLOCK_SIZE
        self.behaviour = Behaviour()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._buffer = b""

    def start(self) -> SamSimulator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                return
            self._buffer += chunk
            while True:
                frame = self._take_frame()
                if frame is None:
                    break
                self._answer(frame)

    def _take_frame(self) -> bytes | None:
        start = self._buffer.find(sam.PREAMBLE)
        if start < 0:
            self._buffer = self._buffer[-(len(sam.PREAMBLE) - 1) :]
            return None
        rest = self._buffer[start + len(sam.PREAMBLE) :]
        if len(rest) < 2:
            return None
        length = int.from_bytes(rest[:2], "big")
        if len(rest) < 2 + length:
            return None
        self._buffer = rest[2 + length :]
        return rest[: 2 + length]

    def _answer(self, frame: bytes) -> None:
        b = self.behaviour
        if sam.checksum(frame[:-1]) != frame[-1]:
            self._send(sam.answer_frame(sam.CHECKSUM_ERROR))
            return
        command = (frame[2], frame[3])
        b.seen.append(command)
        if b.silent:
            return
        if command in (sam.STATUS, sam.RESET):
            reply = sam.answer_frame(sam.OK)
        elif command == sam.SAM_ID:
            reply = sam.answer_frame(sam.OK, bytes(16))
        elif command == sam.FIND_CARD:
            found = b.card_present
            reply = sam.answer_frame(
                sam.CARD_FOUND if found else sam.NO_CARD, bytes(4) if found else b""
            )
        elif command == sam.SELECT_CARD:
            found = b.card_present
            reply = sam.answer_frame(
                sam.OK if found else sam.SELECT_FAILED, bytes(8) if found else b""
            )
        elif command == sam.READ_BASE:
            if not b.card_present or b.card_removed_before_read:
                b.card_present = False
                reply = sam.answer_frame(sam.READ_FAILED)
            else:
                data = (
                    len(self.text).to_bytes(2, "big")
                    + len(self.photo).to_bytes(2, "big")
                    + self.text
                    + self.photo
                )
                reply = sam.answer_frame(sam.OK, data)
                if b.card_removed_mid_answer:
                    b.card_present = False
                    reply = reply[: len(reply) // 2]
        else:
            reply = sam.answer_frame(sam.COMMAND_ERROR)
        if b.bad_checksums > 0:
            b.bad_checksums -= 1
            reply = reply[:-1] + bytes((reply[-1] ^ 0x5A,))
        self._send(b.garbage + reply)

    def _send(self, data: bytes) -> None:
        delay = self.behaviour.byte_delay
        for i in range(0, len(data), 64):
            if delay:
                time.sleep(delay)
            try:
                os.write(self.fd, data[i : i + 64])
            except OSError:
                return


def text_block_from_card(card: dict[str, str]) -> bytes:
    """The chip's text block for a training card: ``id_number``, ``name``, ``ethnicity``
    (a name as printed, 汉), ``address``, ``issued_by``, ``valid_from``, ``valid_until``
    (YYYY-MM-DD, or 长期); sex and birth date come from the number, as on a real card."""
    number = str(card.get("id_number", "")).strip().upper()
    if len(number) != 18 or not number[:17].isdigit():
        raise CardDataError(f"the training card's number {number!r} is not 18 characters")
    codes = {name: code for code, name in ETHNICITY_CODES.items()}
    ethnicity = str(card.get("ethnicity", "汉")).removesuffix("族")
    if ethnicity not in codes:
        raise CardDataError(f"the training card's 民族 {ethnicity!r} is not in GB 3304")
    until = str(card.get("valid_until", "长期"))
    try:
        return encode_text_block(
            name=str(card.get("name", "")),
            sex_code="1" if int(number[16]) % 2 else "2",
            ethnicity_code=codes[ethnicity],
            birth=number[6:14],
            address=str(card.get("address", "")),
            id_number=number,
            issued_by=str(card.get("issued_by", "")),
            valid_from=str(card.get("valid_from", "2020-01-01")).replace("-", ""),
            valid_until=until if until == "长期" else until.replace("-", ""),
        )
    except ValueError as exc:
        raise CardDataError(f"the training card does not fit a chip: {exc}") from None
