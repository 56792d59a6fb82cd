"""The readers' common serial protocol: the security-module (SAM) frames of GA 467,
spoken over an RS-232 or USB-CDC port through pyserial.

A command frame is ``AA AA AA 96 69 | LEN1 LEN2 | CMD PARA | data | CHK`` and an answer
``AA AA AA 96 69 | LEN1 LEN2 | SW1 SW2 SW3 | data | CHK``: the length (big-endian)
counts everything after it, the check byte is the XOR of every byte between the
preamble and itself. SW3 is the module's status (90 done, 9F card found, 80 no card…).
Reading a card is find (20 01), select (20 02), read base information (30 01); the
answer to the last holds the text length, the photo length, the 256-byte text block and
the 1024-byte photo block (still compressed: only the vendor's decoder opens it)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from caseworker.devices.card import (
    PHOTO_BLOCK_SIZE,
    TEXT_BLOCK_SIZE,
    CardDataError,
    CardRecord,
    NoCardError,
    ReaderNotFoundError,
    decode_text_block,
)
from caseworker.devices.errors import DeviceError

PREAMBLE = bytes((0xAA, 0xAA, 0xAA, 0x96, 0x69))
BAUD_RATE = 115200

# commands: (CMD, PARA)
RESET = (0x10, 0xFF)
STATUS = (0x11, 0xFF)
SAM_ID = (0x12, 0xFF)
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_BASE = (0x30, 0x01)

# SW3 statuses
OK = 0x90
CARD_FOUND = 0x9F
NO_CARD = 0x80
SELECT_FAILED = 0x81
READ_FAILED = 0x41
CHECKSUM_ERROR = 0x10
LENGTH_ERROR = 0x11
COMMAND_ERROR = 0x21

#: what a status other than success means, for the person at the counter
STATUS_MESSAGES = {
    CHECKSUM_ERROR: "the reader received a damaged command (check byte); check the cable",
    LENGTH_ERROR: "the reader received a command of the wrong length; check the cable",
    COMMAND_ERROR: "the reader does not know the command; it may not be a GA 467 reader",
    0x23: "the reader refused the command (not authorised); restart the reader",
    0x24: "the reader reported an unrecognised error; restart the reader",
    0x31: "the card did not authenticate the reader; place the card again",
    0x32: "the reader could not authenticate the card; the card may not be genuine",
    0x33: "the card's data failed verification; the card may be damaged or not genuine",
    0x40: "the card is not a resident ID card",
    READ_FAILED: "the card was taken away while it was being read; place it again and keep it "
    "still",
    0x47: "the reader's security module (SAM) is not working; call the IT person",
    0x60: "the reader's security module failed its self-test; call the IT person",
    0x66: "the reader's security module is not authorised; call the IT person",
    NO_CARD: "没有读到身份证 no card on the reader; place the card on it",
    SELECT_FAILED: "the card moved before it could be selected; place it again and keep it still",
}

#: garbage tolerated before a preamble (line noise after plugging in) before giving up
MAX_GARBAGE = 4096


class SerialPort(Protocol):
    """What is used of a pyserial ``Serial``."""

    timeout: float | None

    def read(self, size: int = 1) -> bytes: ...

    def write(self, data: bytes, /) -> int | None: ...

    def reset_input_buffer(self) -> None: ...

    def close(self) -> None: ...


class FrameError(DeviceError):
    """A frame from the reader was damaged (check byte, length) or never came whole."""


class ReaderTimeoutError(DeviceError):
    """The reader did not answer in time (``partial``: it stopped in the middle of a
    frame, as when the card leaves the field while its data is sent)."""

    def __init__(self, message: str, *, partial: bool = False) -> None:
        super().__init__(message)
        self.partial = partial


def checksum(body: bytes) -> int:
    result = 0
    for byte in body:
        result ^= byte
    return result


def command_frame(command: tuple[int, int], data: bytes = b"") -> bytes:
    length = 2 + len(data) + 1
    body = length.to_bytes(2, "big") + bytes(command) + data
    return PREAMBLE + body + bytes((checksum(body),))


def answer_frame(sw3: int, data: bytes = b"", *, sw1: int = 0, sw2: int = 0) -> bytes:
    length = 3 + len(data) + 1
    body = length.to_bytes(2, "big") + bytes((sw1, sw2, sw3)) + data
    return PREAMBLE + body + bytes((checksum(body),))


@dataclass(frozen=True, slots=True)
class Answer:
    sw1: int
    sw2: int
    sw3: int
    data: bytes


def _read_exact(port: SerialPort, size: int, deadline: float) -> bytes:
    out = bytearray()
    while len(out) < size:
        left = deadline - time.monotonic()
        if left <= 0:
            raise ReaderTimeoutError(
                "the reader stopped answering"
                + (f" after {len(out)} of {size} bytes" if out else "")
                + "; check its cable and power, then try again"
            )
        wait = min(left, 0.2)
        if port.timeout != wait:  # pyserial reconfigures the port on every change
            port.timeout = wait
        out += port.read(size - len(out))
    return bytes(out)


def read_answer(port: SerialPort, *, timeout: float) -> Answer:
    """One answer frame: noise before the preamble is skipped, a bad check byte or length
    refused."""
    deadline = time.monotonic() + timeout
    window = b""
    skipped = 0
    while window != PREAMBLE:
        window = (window + _read_exact(port, 1, deadline))[-len(PREAMBLE) :]
        skipped += 1
        if skipped > MAX_GARBAGE + len(PREAMBLE):
            raise FrameError(
                "the device on this port does not speak the card readers' protocol; "
                "choose the reader's port"
            )
    header = _read_exact(port, 2, deadline)
    length = int.from_bytes(header, "big")
    if length < 4:
        raise FrameError(f"the reader sent a frame of impossible length {length}; try again")
    try:
        body = _read_exact(port, length, deadline)
    except ReaderTimeoutError as exc:
        raise ReaderTimeoutError(str(exc), partial=True) from None
    if checksum(header + body[:-1]) != body[-1]:
        raise FrameError("a frame from the reader was damaged (check byte); try again")
    return Answer(body[0], body[1], body[2], body[3:-1])


def split_base_information(data: bytes) -> tuple[bytes, bytes]:
    """The text and photo blocks of a read-base-information answer."""
    if len(data) < 4:
        raise CardDataError("the reader's answer holds no card data; read the card again")
    text_length = int.from_bytes(data[:2], "big")
    photo_length = int.from_bytes(data[2:4], "big")
    if text_length != TEXT_BLOCK_SIZE or len(data) != 4 + text_length + photo_length:
        raise CardDataError(
            f"the reader's answer has {len(data)} bytes for text {text_length} and photo "
            f"{photo_length}; read the card again"
        )
    return data[4 : 4 + text_length], data[4 + text_length :]


class SamReader:
    """A card reader on a serial or USB-CDC port, speaking the SAM frames itself."""

    def __init__(
        self,
        port: str,
        *,
        baudrate: int = BAUD_RATE,
        timeout: float = 3.0,
        open_port: Callable[[str, int], SerialPort] | None = None,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.timeout = timeout
        self._open = open_port or _open_serial

    def transact(self, port: SerialPort, command: tuple[int, int], *, retries: int = 1) -> Answer:
        """Send one command and read its answer; a damaged frame either way is sent again
        (``retries`` times) before giving up."""
        for attempt in range(retries + 1):
            port.reset_input_buffer()
            port.write(command_frame(command))
            try:
                answer = read_answer(port, timeout=self.timeout)
            except FrameError:
                if attempt == retries:
                    raise
                continue
            if answer.sw3 == CHECKSUM_ERROR and attempt < retries:
                continue
            while _stale(command, answer):  # a late answer to an earlier command
                answer = read_answer(port, timeout=self.timeout)
            return answer
        raise AssertionError("unreachable")  # pragma: no cover

    def status(self) -> Answer:
        port = self._open(self.port, self.baudrate)
        try:
            return self.transact(port, STATUS)
        finally:
            port.close()

    def read_card(self) -> CardRecord:
        port = self._open(self.port, self.baudrate)
        try:
            found = self.transact(port, FIND_CARD)
            _expect(found, CARD_FOUND, no_card=True)
            selected = self.transact(port, SELECT_CARD)
            _expect(selected, OK, no_card=True)
            try:
                content = self.transact(port, READ_BASE)
            except ReaderTimeoutError as exc:
                if exc.partial:  # the card's data stopped coming: it left the field
                    raise NoCardError(
                        STATUS_MESSAGES[READ_FAILED] + " (if the card did not move, check "
                        "the reader's cable)"
                    ) from None
                raise
            _expect(content, OK, no_card=True)
        finally:
            port.close()
        text, photo = split_base_information(content.data)
        if len(photo) not in (0, PHOTO_BLOCK_SIZE):
            raise CardDataError(f"the card's photo block has {len(photo)} bytes; read it again")
        return decode_text_block(text, photo=photo)


def _stale(command: tuple[int, int], answer: Answer) -> bool:
    """An answer that cannot be to ``command``: answers carry no command, so one that
    arrived after its command timed out would otherwise be taken for the next one's."""
    if answer.sw3 == CARD_FOUND:
        return command != FIND_CARD
    if command == READ_BASE and answer.sw3 == OK:
        # the card's answer holds the text block; a select's (8 bytes) or a status's not
        return len(answer.data) < 4 + TEXT_BLOCK_SIZE
    return False


def _expect(answer: Answer, wanted: int, *, no_card: bool) -> None:
    if answer.sw3 == wanted:
        return
    message = STATUS_MESSAGES.get(
        answer.sw3, f"the reader answered with status {answer.sw3:02X}; try again"
    )
    if no_card and answer.sw3 in (NO_CARD, SELECT_FAILED, READ_FAILED):
        raise NoCardError(message)
    raise DeviceError(message)


def _open_serial(port: str, baudrate: int) -> SerialPort:
    import serial  # noqa: PLC0415 - pyserial is needed only with a serial reader

    try:
        opened: SerialPort = serial.Serial(port, baudrate=baudrate, timeout=0.2)
    except (serial.SerialException, OSError) as exc:
        raise ReaderNotFoundError(
            f"cannot open the reader's port {port} ({exc}); check the cable, or choose "
            "the port with `caseworker reader probe`"
        ) from None
    return opened


def list_ports() -> list[str]:
    """The serial and USB-CDC ports the system has, as pyserial lists them."""
    from serial.tools import list_ports as ports  # noqa: PLC0415

    return sorted(p.device for p in ports.comports())


@dataclass(frozen=True, slots=True)
class ProbeResult:
    port: str
    answered: bool
    detail: str


def probe(
    ports: Iterable[str] | None = None,
    *,
    timeout: float = 0.5,
    open_port: Callable[[str, int], SerialPort] | None = None,
) -> list[ProbeResult]:
    """Ask every port for the module's status; a reader answers 90."""
    results = []
    for name in list_ports() if ports is None else ports:
        reader = SamReader(name, timeout=timeout, open_port=open_port)
        try:
            answer = reader.status()
        except DeviceError as exc:
            results.append(ProbeResult(name, False, str(exc)))
            continue
        if answer.sw3 == OK:
            results.append(ProbeResult(name, True, "a GA 467 card reader answers"))
        else:
            results.append(ProbeResult(name, False, f"answered status {answer.sw3:02X}"))
    return results


def find_reader(ports: Iterable[str] | None = None, *, timeout: float = 0.5) -> str:
    """The first port with a reader on it."""
    results = probe(ports, timeout=timeout)
    for result in results:
        if result.answered:
            return result.port
    tried = ", ".join(r.port for r in results) or "none"
    raise ReaderNotFoundError(
        f"no card reader answers on any port (tried: {tried}); plug it in and check that "
        "its driver is installed"
    )
