"""The desk's two languages: Chinese (zh_CN) is written in the source, English ships as a
Qt translation (``resources/translations/desk_en.ts``, compiled to ``.qm``).

Every string a clerk reads goes through ``tr`` (or ``QT_TRANSLATE_NOOP("", …)`` where it
is a module-level table, translated when drawn), so ``pyside6-lupdate`` finds it. Text
with values in it is translated first and formatted after: ``tr("申请 {number}")
.format(number=…)``, never an f-string inside ``tr``.

The choice is per machine, kept beside the store in ``desk.ini`` and applied at the next
start (a running window is not rebuilt under the clerk's hands). ``CASEWORKER_LANG``
overrides it for training and tests."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from caseworker.resources import resource_path

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = {CHINESE: "中文", ENGLISH: "English"}
PREFERENCES_FILE = "desk.ini"

_current = CHINESE
_installed: list[QTranslator] = []


def tr(text: object, disambiguation: str | None = None) -> str:
    """The text in the desk's language; ``disambiguation`` tells apart one Chinese text
    that needs two English ones. ``text`` is a ``str``; ``object`` because PySide6 types
    what ``QT_TRANSLATE_NOOP`` marks as an object."""
    return QCoreApplication.translate("", str(text), disambiguation)


def current() -> str:
    return _current


def english() -> bool:
    return _current == ENGLISH


def preferred(folder: Path) -> str:
    """``CASEWORKER_LANG``, else the machine's choice in ``desk.ini``, else Chinese."""
    env = os.environ.get("CASEWORKER_LANG", "")
    if env in LANGUAGES:
        return env
    value = _preferences(folder).value("language", CHINESE)
    return value if value in LANGUAGES else CHINESE


def set_preferred(folder: Path, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; one of {', '.join(LANGUAGES)}")
    folder.mkdir(parents=True, exist_ok=True)
    settings = _preferences(folder)
    settings.setValue("language", language)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:  # Qt says so only here, never raises
        raise OSError(f"the settings file {settings.fileName()} could not be written")


def _preferences(folder: Path) -> QSettings:
    return QSettings(str(folder / PREFERENCES_FILE), QSettings.Format.IniFormat)


def install(app: QCoreApplication, language: str) -> str:
    """Load ``language`` into ``app``; returns the language in use (Chinese, with a note in
    the log, when the English catalogue cannot be had)."""
    global _current  # noqa: PLW0603 - one language per process, set once at start
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = CHINESE
    if language == ENGLISH:
        catalogue = compiled(ENGLISH)
        translator = QTranslator(app)
        if catalogue is not None and translator.load(str(catalogue)):
            app.installTranslator(translator)
            _installed.append(translator)
            _current = ENGLISH
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
            return _current
    # Qt's own dialogs (buttons of message boxes, the file and print dialogs) in Chinese.
    qt_own = QTranslator(app)
    if qt_own.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return _current


def source(language: str) -> Path:
    return resource_path("translations", f"desk_{language}.ts")


def compiled(language: str) -> Path | None:
    """The ``.qm`` for ``language``: shipped beside its ``.ts`` (the installer builds it),
    else built once with ``pyside6-lrelease`` into the user's cache folder, under a name
    taken from the catalogue's content: two versions of the desk on one machine (or two
    checkouts) each find their own, never the other's."""
    ts = source(language)
    shipped = ts.with_suffix(".qm")
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.is_file():
        return None
    cache = platformdirs.user_cache_path("caseworker-desk", appauthor=False)
    content = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    built = cache / f"{shipped.stem}-{content}.qm"
    if built.is_file():
        return built
    cache.mkdir(parents=True, exist_ok=True)
    return built if release(ts, built) else None


def qt_tool(name: str) -> str | None:
    """A Qt tool that ships inside PySide6 (``lrelease``, ``lupdate``); its ``pyside6-``
    wrapper sits beside the interpreter in a virtual environment."""
    import shutil  # noqa: PLC0415 - start-up stays light: this runs once, if ever

    import PySide6  # noqa: PLC0415

    for candidate in (
        Path(PySide6.__file__).parent / (f"{name}.exe" if sys.platform == "win32" else name),
        Path(sys.executable).parent / f"pyside6-{name}",
    ):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(f"pyside6-{name}")


def release(ts: Path, qm: Path) -> bool:
    import subprocess  # noqa: PLC0415 - start-up stays light: this runs once, if ever

    tool = qt_tool("lrelease")
    if tool is None:
        return False
    done = subprocess.run(
        [tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, check=False
    )
    return done.returncode == 0 and qm.is_file()


def term(zh: str, en: str) -> str:
    """A domain word the core names in both languages (a state, a role, a decision)."""
    return en.replace("_", " ") if _current == ENGLISH else zh
