"""The devices as the desk's card reader, and the `caseworker reader` command."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.devices import settings as device_settings
from caseworker.devices.errors import DeviceError
from caseworker.devices.sam_simulator import SamSimulator
from caseworker.devices.settings import Calibration, DeviceSettings
from caseworker.services.id_reader import (
    ReaderError,
    SimulatedReader,
    desk_reader,
    make_reader,
    reader_from_settings,
)
from tests.devices.conftest import CARD_NUMBER, card_text


def test_the_sam_reader_fills_card_data(pty_reader: tuple[str, SamSimulator]) -> None:
    port, _ = pty_reader
    settings = DeviceSettings(reader="sam", reader_port=port)
    reader = reader_from_settings(settings, today=lambda: date(2026, 12, 6))
    assert reader is not None
    card = reader.read()
    assert (card.id_number, card.name, card.sex) == (CARD_NUMBER, "张三丰", "M")
    assert card.valid_until == date(2035, 1, 1)
    assert not card.expired


def test_a_card_past_its_valid_until_date_is_flagged(
    pty_reader: tuple[str, SamSimulator],
) -> None:
    port, simulator = pty_reader
    simulator.text = card_text(valid_until="20251205")
    reader = reader_from_settings(
        DeviceSettings(reader="sam", reader_port=port), today=lambda: date(2025, 12, 6)
    )
    assert reader is not None
    assert reader.read().expired
    reader.today = lambda: date(2025, 12, 5)  # type: ignore[attr-defined]
    assert not reader.read().expired


def test_a_number_that_disagrees_with_the_card_is_refused(
    pty_reader: tuple[str, SamSimulator],
) -> None:
    port, simulator = pty_reader
    simulator.text = card_text(birth="19900102")
    with pytest.raises(ReaderError, match="does not match its number"):
        make_reader("sam", port).read()
    simulator.text = card_text(id_number="370102199001011234")
    with pytest.raises(ReaderError, match="check digit"):
        make_reader("sam", port).read()


def test_device_errors_reach_the_desk_as_reader_errors(
    pty_reader: tuple[str, SamSimulator],
) -> None:
    port, simulator = pty_reader
    simulator.behaviour.card_present = False
    with pytest.raises(ReaderError, match="place the card"):
        make_reader("sam", port).read()


def test_no_reader_set_gives_none() -> None:
    assert reader_from_settings(DeviceSettings()) is None


def test_settings_round_trip_and_refusals(tmp_path: Path) -> None:
    path = tmp_path / "devices.json"
    assert device_settings.load(path) == DeviceSettings()
    saved = DeviceSettings(reader="termb", reader_port="1001").with_calibration(
        "HP_LaserJet", Calibration(offset_x_mm=1.5, offset_y_mm=-0.5)
    )
    device_settings.save(saved, path)
    assert device_settings.load(path) == saved
    path.write_text('{"reader": "magic"}', encoding="utf-8")
    with pytest.raises(DeviceError, match="unknown card reader kind"):
        device_settings.load(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(DeviceError, match="not JSON"):
        device_settings.load(path)


def test_cli_read_masks_the_number(
    pty_reader: tuple[str, SamSimulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    port, _ = pty_reader
    devices = str(tmp_path / "none.json")
    argv = ["reader", "read", "--kind", "sam", "--port", port, "--json", "--devices", devices]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["id_number"] == "370102********1231"
    assert CARD_NUMBER not in json.dumps(out)
    assert (out["name"], out["valid_until"], out["expired"]) == ("张三丰", "2035-01-01", False)
    assert main([*argv, "--show-id"]) == 0
    assert json.loads(capsys.readouterr().out)["id_number"] == CARD_NUMBER


def test_cli_read_without_a_card_or_reader(
    pty_reader: tuple[str, SamSimulator], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    port, simulator = pty_reader
    simulator.behaviour.card_present = False
    devices = str(tmp_path / "none.json")
    assert main(["reader", "read", "--kind", "sam", "--port", port, "--devices", devices]) == 1
    assert "place the card" in capsys.readouterr().err
    assert main(["reader", "read", "--devices", devices]) == 2
    assert "no card reader is set" in capsys.readouterr().err


def test_cli_probe(
    pty_reader: tuple[str, SamSimulator], capsys: pytest.CaptureFixture[str]
) -> None:
    port, _ = pty_reader
    assert main(["reader", "probe", port, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"port": port, "reader": True, "detail": "a GA 467 card reader answers"}
    ]
    assert main(["reader", "probe", "/dev/caseworker-no-such-port"]) == 1
    assert "cannot open" in capsys.readouterr().out


def test_the_desk_reader_follows_the_settings_and_never_fails_at_start(
    pty_reader: tuple[str, SamSimulator], tmp_path: Path
) -> None:
    port, _ = pty_reader
    path = tmp_path / "devices.json"
    assert desk_reader(None, settings_file=path) is None  # nothing set: typing only
    device_settings.save(DeviceSettings(reader="sam", reader_port=port), path)
    reader = desk_reader(None, settings_file=path)
    assert reader is not None and reader.read().id_number == CARD_NUMBER
    card = tmp_path / "card.json"
    assert isinstance(desk_reader(card, settings_file=path), SimulatedReader)
    device_settings.save(DeviceSettings(reader="termb", reader_port="USB1"), path)
    broken = desk_reader(None, settings_file=path)
    assert broken is not None
    with pytest.raises(ReaderError, match=r"settings cannot be used.*not a number"):
        broken.read()
    path.write_text("{", encoding="utf-8")
    broken = desk_reader(None, settings_file=path)
    assert broken is not None
    with pytest.raises(ReaderError, match="not JSON"):
        broken.read()


def test_cli_simulate_serves_a_training_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = tmp_path / "card.json"
    card.write_text(
        json.dumps(
            {
                "id_number": CARD_NUMBER,
                "name": "赵六",
                "ethnicity": "回族",
                "address": "山东省济南市市中区经七路1号",
                "issued_by": "济南市公安局市中分局",
                "valid_from": "2006-05-01",
                "valid_until": "2026-05-01",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "caseworker.cli", "reader", "simulate", str(card)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        port = line.split(" on ")[1].split(";")[0]
        devices = str(tmp_path / "devices.json")
        argv = ["reader", "read", "--kind", "sam", "--port", port, "--json", "--devices", devices]
        assert main(argv) == 1  # read, and flagged: past its valid-until date
        out = json.loads(capsys.readouterr().out)
        assert (out["name"], out["ethnicity"], out["sex"]) == ("赵六", "回", "M")
        assert (out["valid_until"], out["expired"]) == ("2026-05-01", True)
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=10) == 0
        assert server.stdout is not None
        server.stdout.close()


def test_cli_simulate_refuses_a_bad_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = tmp_path / "card.json"
    card.write_text('{"id_number": "37010219900101123", "ethnicity": "火星"}', encoding="utf-8")
    assert main(["reader", "simulate", str(card)]) == 2
    assert "not 18 characters" in capsys.readouterr().err


def test_auto_finds_the_reader_among_the_ports_pyserial_lists(
    pty_reader: tuple[str, SamSimulator], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`"reader_port": "auto"`: every port pyserial's ``comports`` lists is asked (a pty
    is not a port pyserial finds by itself, so its list is given the simulator's)."""
    from types import SimpleNamespace  # noqa: PLC0415

    from serial.tools import list_ports  # noqa: PLC0415

    from caseworker.devices.readers import AutoSamReader, card_device  # noqa: PLC0415

    port, _ = pty_reader
    listed = ["/dev/caseworker-no-such-port", port]
    monkeypatch.setattr(
        list_ports, "comports", lambda: [SimpleNamespace(device=name) for name in listed]
    )
    device = card_device(DeviceSettings(reader="sam", reader_port="auto"))
    assert isinstance(device, AutoSamReader)
    assert device.read_card().id_number == CARD_NUMBER
    assert device.port == port
