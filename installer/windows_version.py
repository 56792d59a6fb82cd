"""The Windows version resource of both executables (Explorer's Properties → Details,
and what signtool and an inventory tool read), from the one version:
caseworker/__init__.py. The spec writes it with :func:`write` and passes it to EXE."""

from __future__ import annotations

import re
from pathlib import Path

PRODUCT = "落户受理台 Caseworker desk"
COMPANY = "Caseworker desk project"


def numeric(version: str) -> tuple[int, int, int, int]:
    """(1, 2, 3, 0) for "1.2.3"; (1, 2, 3, 1) for "1.2.3rc1": the digits, four at most."""
    parts = [int(p) for p in re.findall(r"\d+", version.split("+", maxsplit=1)[0])[:4]]
    parts += [0] * (4 - len(parts))
    return parts[0], parts[1], parts[2], parts[3]


def version_info(version: str, *, name: str, description: str) -> str:
    """PyInstaller's version-file text (a VSVersionInfo expression)."""
    fixed = numeric(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": name,
        "OriginalFilename": f"{name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
        "LegalCopyright": "see THIRD-PARTY-NOTICES.txt for the parts of others",
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={fixed},
    prodvers={fixed},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
          {table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write(folder: Path, version: str, *, name: str, description: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"version-{name}.txt"
    target.write_text(version_info(version, name=name, description=description), "utf-8")
    return target
