"""The SAM serial protocol against a simulator on a pseudo-terminal, byte for byte."""

from __future__ import annotations

import time
from datetime import date

import pytest

from caseworker.devices import sam
from caseworker.devices.card import (
    ETHNICITY_CODES,
    CardDataError,
    NoCardError,
    ReaderNotFoundError,
    decode_text_block,
    mask_id_number,
)
from caseworker.devices.errors import DeviceError
from caseworker.devices.sam_simulator import SamSimulator
from tests.devices.conftest import CARD_NUMBER, card_text


def test_command_frames_match_the_ones_real_readers_take() -> None:
    # the frames as published for GA 467 readers (find, select, read, status)
    assert sam.command_frame(sam.FIND_CARD).hex(" ") == "aa aa aa 96 69 00 03 20 01 22"
    assert sam.command_frame(sam.SELECT_CARD).hex(" ") == "aa aa aa 96 69 00 03 20 02 21"
    assert sam.command_frame(sam.READ_BASE).hex(" ") == "aa aa aa 96 69 00 03 30 01 32"
    assert sam.command_frame(sam.STATUS).hex(" ") == "aa aa aa 96 69 00 03 11 ff ed"


def test_a_card_is_read_through_the_pty(pty_reader: tuple[str, SamSimulator]) -> None:
    port, simulator = pty_reader
    card = sam.SamReader(port).read_card()
    assert card.name == "张三丰"
    assert card.sex == "M"
    assert card.ethnicity == "汉"
    assert card.birth_date == date(1990, 1, 1)
    assert card.address == "山东省济南市历下区泉城路1号"
    assert card.id_number == CARD_NUMBER
    assert card.issued_by == "济南市公安局历下分局"
    assert card.valid_from == date(2015, 1, 1)
    assert card.valid_until == date(2035, 1, 1)
    assert card.photo == simulator.photo  # kept as it came
    assert simulator.behaviour.seen == [sam.FIND_CARD, sam.SELECT_CARD, sam.READ_BASE]


def test_no_card_says_place_the_card(pty_reader: tuple[str, SamSimulator]) -> None:
    port, simulator = pty_reader
    simulator.behaviour.card_present = False
    with pytest.raises(NoCardError, match="place the card"):
        sam.SamReader(port).read_card()
    assert simulator.behaviour.seen == [sam.FIND_CARD]


def test_card_taken_away_between_select_and_read(pty_reader: tuple[str, SamSimulator]) -> None:
    port, simulator = pty_reader
    simulator.behaviour.card_removed_before_read = True
    with pytest.raises(NoCardError, match="taken away"):
        sam.SamReader(port).read_card()


def test_card_taken_away_in_the_middle_of_the_answer(
    pty_reader: tuple[str, SamSimulator],
) -> None:
    port, simulator = pty_reader
    simulator.behaviour.card_removed_mid_answer = True
    with pytest.raises(NoCardError, match="taken away while it was being read"):
        sam.SamReader(port, timeout=0.5).read_card()


def test_one_damaged_check_byte_is_read_again(pty_reader: tuple[str, SamSimulator]) -> None:
    port, simulator = pty_reader
    simulator.behaviour.bad_checksums = 1
    card = sam.SamReader(port).read_card()
    assert card.id_number == CARD_NUMBER
    # the find command was sent twice: once damaged, once well
    assert simulator.behaviour.seen[:2] == [sam.FIND_CARD, sam.FIND_CARD]


def test_check_bytes_damaged_every_time_are_refused(
    pty_reader: tuple[str, SamSimulator],
) -> None:
    port, simulator = pty_reader
    simulator.behaviour.bad_checksums = 100
    with pytest.raises(sam.FrameError, match="check byte"):
        sam.SamReader(port).read_card()


def test_a_damaged_command_is_reported_by_the_device_and_sent_again(
    pty_reader: tuple[str, SamSimulator],
) -> None:
    port, _ = pty_reader
    reader = sam.SamReader(port)
    opened = sam._open_serial(port, sam.BAUD_RATE)
    try:
        opened.write(sam.command_frame(sam.STATUS)[:-1] + b"\x00")  # wrong check byte
        answer = sam.read_answer(opened, timeout=2)
        assert answer.sw3 == sam.CHECKSUM_ERROR
        assert reader.transact(opened, sam.STATUS).sw3 == sam.OK
    finally:
        opened.close()


def test_a_silent_device_times_out(pty_reader: tuple[str, SamSimulator]) -> None:
    port, simulator = pty_reader
    simulator.behaviour.silent = True
    started = time.monotonic()
    with pytest.raises(sam.ReaderTimeoutError, match="stopped answering"):
        sam.SamReader(port, timeout=0.4).read_card()
    assert time.monotonic() - started < 3  # gives up, does not hang


def test_garbage_before_the_frame_is_skipped(pty_reader: tuple[str, SamSimulator]) -> None:
    port, simulator = pty_reader
    simulator.behaviour.garbage = b"\x00\xff\xaa\xaa\x13garbage\xaa\xaa\xaa\x96"
    assert sam.SamReader(port).read_card().id_number == CARD_NUMBER


def test_a_port_of_only_garbage_is_not_a_reader(pty_reader: tuple[str, SamSimulator]) -> None:
    port, simulator = pty_reader
    simulator.behaviour.garbage = b"\x55" * (sam.MAX_GARBAGE + 100)
    with pytest.raises(sam.FrameError, match="does not speak"):
        sam.SamReader(port, timeout=5).status()


def test_a_slow_device_is_waited_for(pty_reader: tuple[str, SamSimulator]) -> None:
    port, simulator = pty_reader
    simulator.behaviour.byte_delay = 0.02  # 1295 bytes in 21 chunks: about 0.4 s
    assert sam.SamReader(port, timeout=3).read_card().id_number == CARD_NUMBER


def test_a_device_slower_than_the_timeout_is_given_up(
    pty_reader: tuple[str, SamSimulator],
) -> None:
    port, simulator = pty_reader
    simulator.behaviour.byte_delay = 1.0  # each answer starts after 1 s
    with pytest.raises(sam.ReaderTimeoutError, match="stopped answering; check") as caught:
        sam.SamReader(port, timeout=0.5).read_card()
    assert not caught.value.partial


def test_a_device_that_slows_in_the_middle_of_the_card(
    pty_reader: tuple[str, SamSimulator],
) -> None:
    port, simulator = pty_reader
    simulator.behaviour.byte_delay = 0.2  # the short answers come, the card's data not
    with pytest.raises(NoCardError, match="check the reader's cable"):
        sam.SamReader(port, timeout=0.5).read_card()


class _Port:
    """A port whose answers are given: a late one first."""

    def __init__(self, answers: bytes) -> None:
        self.timeout: float | None = None
        self.buffer = bytearray(answers)
        self.written: list[bytes] = []

    def read(self, size: int = 1) -> bytes:
        out, self.buffer = bytes(self.buffer[:size]), self.buffer[size:]
        return out

    def write(self, data: bytes, /) -> int:
        self.written.append(data)
        return len(data)

    def reset_input_buffer(self) -> None:  # the late answer arrives after the reset
        pass

    def close(self) -> None:
        pass


def test_a_late_answer_is_not_taken_for_the_next_commands() -> None:
    late_find = sam.answer_frame(sam.CARD_FOUND, bytes(4))
    late_select = sam.answer_frame(sam.OK, bytes(8))
    select = sam.answer_frame(sam.OK, bytes(8))
    reader = sam.SamReader("fake")
    assert reader.transact(_Port(late_find + select), sam.SELECT_CARD).data == bytes(8)
    text = card_text()
    data = (256).to_bytes(2, "big") + (1024).to_bytes(2, "big") + text + bytes(1024)
    port = _Port(late_select + sam.answer_frame(sam.OK, data))
    assert reader.transact(port, sam.READ_BASE).data == data


def test_probe_finds_the_reader_among_ports(pty_reader: tuple[str, SamSimulator]) -> None:
    port, _ = pty_reader
    results = sam.probe(["/dev/caseworker-no-such-port", port], timeout=0.5)
    assert [r.answered for r in results] == [False, True]
    assert "cannot open" in results[0].detail
    assert sam.find_reader([port]) == port
    with pytest.raises(ReaderNotFoundError, match="no card reader answers"):
        sam.find_reader(["/dev/caseworker-no-such-port"])


def test_an_open_error_says_how_to_find_the_port() -> None:
    with pytest.raises(ReaderNotFoundError, match="caseworker reader probe"):
        sam.SamReader("/dev/caseworker-no-such-port").read_card()


def test_code_tables_long_term_and_expiry() -> None:
    card = decode_text_block(
        card_text(sex_code="2", ethnicity_code="56", valid_until="长期"), photo=b""
    )
    assert (card.sex, card.ethnicity, card.valid_until) == ("F", "基诺", None)
    assert not card.expired(on=date(2099, 1, 1))
    assert len(ETHNICITY_CODES) == 58  # the 56 of GB 3304, 97 其他, 98 外国血统
    assert ETHNICITY_CODES["46"] == "德昂"
    dated = decode_text_block(card_text(valid_until="20200101"))
    assert not dated.expired(on=date(2020, 1, 1))  # the last valid day
    assert dated.expired(on=date(2020, 1, 2))
    assert decode_text_block(card_text(ethnicity_code="08")).ethnicity == "壮"
    assert decode_text_block(card_text(ethnicity_code="98")).ethnicity == "外国血统中国籍人士"


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"sex_code": "3"}, "sex code"),
        ({"ethnicity_code": "57"}, "GB 3304"),
        ({"birth": "19901301"}, "not a calendar date"),
        ({"valid_until": "2035"}, "not a date"),
    ],
)
def test_a_block_that_cannot_be_a_card_is_refused(override: dict[str, str], message: str) -> None:
    with pytest.raises(CardDataError, match=message):
        decode_text_block(card_text(**override))


def test_a_short_block_is_refused() -> None:
    with pytest.raises(DeviceError, match="256"):
        decode_text_block(card_text()[:200])


def test_id_numbers_are_masked() -> None:
    assert mask_id_number(CARD_NUMBER) == "370102********1231"
