"""A flatbed through SANE: its own `test` backend stands in for a scanner (switched on in
a private SANE configuration, not the system's)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from caseworker.devices.scanner import ScannerError, scan, scanners
from tests.devices.conftest import fail_or_skip


@pytest.fixture
def sane_test_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("scanimage") is None:
        fail_or_skip("SANE's scanimage is missing (apt install sane-utils)")
    (tmp_path / "dll.conf").write_text("test\n", encoding="utf-8")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(tmp_path))


@pytest.mark.usefixtures("sane_test_backend")
def test_a_page_is_scanned_as_png() -> None:
    found = scanners()
    assert [s.device for s in found][:2] == ["test:0", "test:1"]
    png = scan("test:0", resolution=75)
    assert png.startswith(b"\x89PNG")
    cv2 = pytest.importorskip("cv2")
    np = pytest.importorskip("numpy")
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    # the test backend's page is 80 mm x 100 mm: at 75 dpi about 236 x 295 pixels
    assert abs(image.shape[1] - 236) <= 2 and abs(image.shape[0] - 295) <= 2


@pytest.mark.usefixtures("sane_test_backend")
def test_a_missing_scanner_says_what_to_do() -> None:
    with pytest.raises(ScannerError, match="caseworker scanner list"):
        scan("caseworker-no-such-scanner")
    with pytest.raises(ScannerError, match="not sensible"):
        scan("test:0", resolution=5000)


@pytest.mark.usefixtures("sane_test_backend")
def test_cli_list_and_scan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from caseworker.cli import main  # noqa: PLC0415

    assert main(["scanner", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["device"] == "test:0"
    out = tmp_path / "page.png"
    assert main(["scanner", "scan", str(out), "--device", "test:0", "--resolution", "75"]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    assert main(["scanner", "scan", str(out), "--device", "nosuch"]) == 2
    assert "did not scan" in capsys.readouterr().err


@pytest.mark.usefixtures("sane_test_backend")
def test_cli_scans_from_the_settings_scanner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --device, the scanner of the device settings; auto: the first listed."""
    from caseworker.cli import main  # noqa: PLC0415

    settings = tmp_path / "devices.json"
    settings.write_text('{"scanner": "test:1"}', encoding="utf-8")
    out = tmp_path / "page.png"
    args = ["scanner", "scan", str(out), "--resolution", "75", "--devices", str(settings)]
    assert main(args) == 0
    assert "scanned test:1" in capsys.readouterr().out
    settings.write_text('{"scanner": "auto"}', encoding="utf-8")
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["device"] == "test:0"
    assert out.read_bytes().startswith(b"\x89PNG")
