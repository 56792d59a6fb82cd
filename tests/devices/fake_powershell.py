"""A stand-in for Windows PowerShell driving WIA, for the tests on Linux (put first on
PATH as ``powershell``). It takes the command line the desk gives PowerShell, decodes the
script, refuses it (exit 90) unless it holds what WIA needs, and answers as a scanner
would: ``FAKE_WIA`` picks the scene (one scanner, none, busy, slow, garbage, no WIA).
The received scripts are appended to ``FAKE_WIA_LOG`` when set."""

from __future__ import annotations

import base64
import json
import os
import struct
import sys
import time
import zlib

DEVICE_ID = "{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001"
PNG_GUID = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"
BMP_GUID = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}"
EVERY_SCRIPT = (
    "New-Object -ComObject WIA.DeviceManager",
    "$manager.DeviceInfos",
    "ConvertTo-Json",
    "[Console]::OutputEncoding = [Text.Encoding]::UTF8",
)
LIST_SCRIPT = ("$info.Type -eq 1", "'Manufacturer'", "'Name'")
SCAN_SCRIPT = (
    "$env:CASEWORKER_WIA_DEVICE",
    "$info.Connect()",
    "$device.Items.Item(1)",
    "$p.PropertyID -eq 6147",
    "$p.PropertyID -eq 6148",
    "$p.PropertyID -eq 6146",
    "$item.Transfer($png)",
    "$item.Transfer($bmp)",
    PNG_GUID,
    BMP_GUID,
    "WIA.ImageProcess",
    "SaveFile($env:CASEWORKER_WIA_OUT)",
)


def say(value: object, code: int = 0) -> None:
    sys.stdout.buffer.write(json.dumps(value, ensure_ascii=False).encode("utf-8") + b"\r\n")
    sys.stdout.flush()
    raise SystemExit(code)


def png(width: int, height: int, *, grey: bool) -> bytes:
    channels = 1 if grey else 3
    row = (
        b"\x00" + bytes(range(256)) * (width * channels // 256) + b"\x80" * (width * channels % 256)
    )
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0 if grey else 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 1))
        + chunk(b"IEND", b"")
    )


def main(argv: list[str]) -> None:
    if len(argv) != 4 or argv[:3] != ["-NoProfile", "-NonInteractive", "-EncodedCommand"]:
        sys.stderr.write(f"fake powershell: unexpected command line {argv[:3]}\n")
        raise SystemExit(91)
    script = base64.b64decode(argv[3]).decode("utf-16-le")
    log = os.environ.get("FAKE_WIA_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as file:
            file.write(script + "\n---\n")
    scanning = ".Transfer(" in script
    missing = [
        needed
        for needed in (*EVERY_SCRIPT, *(SCAN_SCRIPT if scanning else LIST_SCRIPT))
        if needed not in script
    ]
    if missing:
        sys.stderr.write(f"fake powershell: the script lacks {missing}\n")
        raise SystemExit(90)
    scene = os.environ.get("FAKE_WIA", "one")
    if scene == "slow":
        time.sleep(60)
    if scene == "garbage":
        sys.stdout.write("Exception calling Connect with 0 arguments\n")
        sys.stderr.write("At line:1 char:1 + $device = $info.Connect()\n")
        raise SystemExit(1)
    if scene == "no-wia":
        say({"error": "no-wia", "hresult": "0x80040154", "message": "Class not registered"}, 2)
    if not scanning:
        found = (
            []
            if scene == "none"
            else [{"device": DEVICE_ID, "vendor": "佳能 Canon", "model": "CanoScan LiDE 300"}]
        )
        say({"scanners": found})
    if scene == "none" or os.environ["CASEWORKER_WIA_DEVICE"] != DEVICE_ID:
        say({"error": "no-device"}, 3)
    if scene == "busy":
        say({"error": "failed", "hresult": "0x80210006", "message": "WIA device is busy."}, 4)
    dpi = int(os.environ["CASEWORKER_WIA_DPI"])
    intent = os.environ["CASEWORKER_WIA_INTENT"]
    out = os.environ["CASEWORKER_WIA_OUT"]
    if intent not in ("1", "2") or not 50 <= dpi <= 1200:
        say({"error": "failed", "hresult": "0x80070057", "message": "bad property"}, 4)
    if os.path.exists(out):  # as WIA's ImageFile.SaveFile
        say({"error": "failed", "hresult": "0x80070050", "message": "The file exists."}, 4)
    # the glass of an A4 flatbed is 216 x 297 mm; the fake scans an 80 x 100 mm page
    width, height = round(80 / 25.4 * dpi), round(100 / 25.4 * dpi)
    with open(out, "wb") as file:
        file.write(png(width, height, grey=intent == "2"))
    say({"file": out, "width": width, "height": height, "refused": []})


if __name__ == "__main__":
    main(sys.argv[1:])
