"""The vendors' libraries through the real ctypes binding, against a library with the
same functions compiled here with gcc (skipped without gcc, except in CI)."""

from __future__ import annotations

import ctypes
import ctypes.util
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from caseworker.devices.card import CardDataError, NoCardError, ReaderNotFoundError
from caseworker.devices.vendor import SdtapiReader, TermbReader
from tests.devices.conftest import CARD_NUMBER, card_text, fail_or_skip

SOURCE = Path(__file__).with_name("fake_vendor.c")


@pytest.fixture(scope="module")
def fake_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gcc = shutil.which("gcc")
    if gcc is None:
        fail_or_skip("gcc is needed to build the fake vendor library")
    out = tmp_path_factory.mktemp("vendor") / "libfakereader.so"
    subprocess.run(
        [str(gcc), "-shared", "-fPIC", "-Wall", "-Werror", "-o", str(out), str(SOURCE)],
        check=True,
    )
    return out


@pytest.fixture
def fake(fake_library: Path) -> ctypes.CDLL:
    # the same handle the binding gets: dlopen of one path shares the library's state
    lib = ctypes.CDLL(str(fake_library))
    lib.fake_set_card_present(1)
    values = [
        "李四".encode("gbk"),  # as termb.dll gives it on Windows
        "女".encode(),
        "回".encode(),
        b"19900101",
        "山东省济南市历下区经十路2号".encode(),
        CARD_NUMBER.encode(),
        "济南市公安局历下分局".encode(),
        b"20100301",
        b"20200301",
    ]
    for index, value in enumerate(values):
        lib.fake_set_field(index, ctypes.c_char_p(value))
    text = card_text(name="王五", sex_code="2", ethnicity_code="11", valid_until="长期")
    photo = bytes(range(256)) * 4
    lib.fake_set_block(text, photo)
    return lib


def test_termb_reads_every_field(fake_library: Path, fake: ctypes.CDLL) -> None:
    card = TermbReader(str(fake_library)).read_card()
    assert card.name == "李四"
    assert (card.sex, card.ethnicity) == ("F", "回")
    assert card.birth_date == date(1990, 1, 1)
    assert card.address == "山东省济南市历下区经十路2号"
    assert card.id_number == CARD_NUMBER
    assert card.issued_by == "济南市公安局历下分局"
    assert (card.valid_from, card.valid_until) == (date(2010, 3, 1), date(2020, 3, 1))
    assert card.expired(on=date(2026, 1, 1))
    assert card.photo_image == b"BM\x01\x02\x03\x04"  # the vendor's decoded photo
    assert fake.fake_opened_port() == 1001
    assert fake.fake_closed() == 1


def test_termb_without_a_card(fake_library: Path, fake: ctypes.CDLL) -> None:
    fake.fake_set_card_present(0)
    with pytest.raises(NoCardError, match="place the card"):
        TermbReader(str(fake_library)).read_card()
    assert fake.fake_closed() == 1  # the port is closed again


def test_termb_wrong_port(fake_library: Path, fake: ctypes.CDLL) -> None:
    with pytest.raises(ReaderNotFoundError, match="port 1002"):
        TermbReader(str(fake_library), port=1002).read_card()


def test_termb_long_term_and_unknown_ethnicity(fake_library: Path, fake: ctypes.CDLL) -> None:
    fake.fake_set_field(8, ctypes.c_char_p("长期".encode("gbk")))
    assert TermbReader(str(fake_library)).read_card().valid_until is None
    fake.fake_set_field(2, ctypes.c_char_p("火星".encode()))
    with pytest.raises(CardDataError, match="GB 3304"):
        TermbReader(str(fake_library)).read_card()


def test_sdtapi_decodes_the_raw_block(fake_library: Path, fake: ctypes.CDLL) -> None:
    card = SdtapiReader(str(fake_library)).read_card()
    assert (card.name, card.sex, card.ethnicity) == ("王五", "F", "满")
    assert card.id_number == CARD_NUMBER
    assert card.valid_until is None
    assert card.photo == bytes(range(256)) * 4
    assert fake.fake_closed() == 1


def test_sdtapi_no_card(fake_library: Path, fake: ctypes.CDLL) -> None:
    fake.fake_set_card_present(0)
    with pytest.raises(NoCardError, match="place the card"):
        SdtapiReader(str(fake_library)).read_card()


def test_sdtapi_wrong_port(fake_library: Path, fake: ctypes.CDLL) -> None:
    with pytest.raises(ReaderNotFoundError, match="status 01"):
        SdtapiReader(str(fake_library), port=3).read_card()


def test_a_missing_library_says_what_to_install(tmp_path: Path) -> None:
    with pytest.raises(ReaderNotFoundError, match="install the vendor's driver"):
        TermbReader(str(tmp_path / "libtermb.so")).read_card()


def test_a_library_without_the_functions_is_refused(fake_library: Path) -> None:
    libc = ctypes.util.find_library("c")
    assert libc
    with pytest.raises(ReaderNotFoundError, match="has no CVR_InitComm"):
        TermbReader(libc).read_card()
