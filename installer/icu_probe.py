"""Every answer the desk can get from ICU through Qt, as JSON on standard output.

QtCore is ICU's one caller in the bundle, and it calls four services: collation
(QCollator, which QFileDialog's file list uses too), case mapping (QLocale.toUpper and
toLower), time-zone names (QTimeZone.displayName) and codecs (QStringConverter by name).
tests/installer/test_trim.py runs this once against the stock libicudata and once against
the trimmed one (``LD_LIBRARY_PATH``: Qt's RUNPATH is searched after it) and compares.

    python installer/icu_probe.py
"""

from __future__ import annotations

import json
import re
from functools import cmp_to_key
from pathlib import Path

from PySide6.QtCore import QCollator, QLocale, QStringConverter, QStringEncoder, Qt, QTimeZone

#: the desk's languages, as a counter PC may be set up (C is an unset locale)
LOCALES = ("zh_CN", "zh_TW", "zh_HK", "en_US", "en_GB", "C")
NAMES = (
    "张三丰",
    "张三",
    "李四",
    "王五",
    "赵六",
    "欧阳娜娜",
    "阿依古丽",
    "单田芳",
    "𠈌",
    "丽",
    "Zhang",
    "zhang",
    "Émile",
    "Zoë",
    "file10.pdf",
    "file9.pdf",
    "FILE9.pdf",
    "_x",
    "1号",
)
#: locales with special casing rules (Turkish dotted i, Lithuanian, Greek), beside ours
CASE_LOCALES = (*LOCALES, "tr_TR", "lt_LT", "el_GR")
CASE_TEXT = "straße istanbul İI ǆ ΌΣΟΣ ﬁ 张 ß"
ZONES = (
    "Asia/Shanghai",
    "Asia/Urumqi",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
)
CODECS = (
    "GB18030",
    "GBK",
    "GB2312",
    "Big5",
    "Big5-HKSCS",
    "windows-1252",
    "windows-1251",
    "CP936",
    "EUC-CN",
    "UTF-8",
    "ISO-8859-1",
    "UTF-16LE",
)


def collation() -> dict[str, dict[str, list[str]]]:
    answers: dict[str, dict[str, list[str]]] = {}
    for name in LOCALES:
        collator = QCollator(QLocale(name))
        plain = sorted(NAMES, key=cmp_to_key(collator.compare))
        collator.setNumericMode(True)  # as QFileSystemModel sorts file names
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        files = sorted(NAMES, key=cmp_to_key(collator.compare))
        answers[name] = {"plain": plain, "files": files}
    return answers


def case_mapping() -> dict[str, list[str]]:
    return {
        name: [QLocale(name).toUpper(CASE_TEXT), QLocale(name).toLower(CASE_TEXT)]
        for name in CASE_LOCALES
    }


def zone_names() -> dict[str, list[str]]:
    kinds = [(t, n) for t in QTimeZone.TimeType for n in QTimeZone.NameType]
    return {
        f"{zone} {locale}": [
            QTimeZone(zone.encode()).displayName(time, name, QLocale(locale))
            for time, name in kinds
        ]
        for zone in ZONES
        for locale in LOCALES
    }


def codecs() -> dict[str, list[object]]:
    answers: dict[str, list[object]] = {}
    for name in CODECS:
        encoder = QStringEncoder(name)
        answers[name] = [encoder.isValid(), encoder.name() if encoder.isValid() else None]
    return answers


def loaded_icu_data() -> str:
    """The libicudata this process mapped (so a comparison knows which one it ran)."""
    maps = Path("/proc/self/maps").read_text(encoding="utf-8")
    found = re.search(r"(/\S*libicudata\.so[.\d]*)$", maps, flags=re.MULTILINE)
    return found[1] if found else ""


def main() -> None:
    answers = {
        "collation": collation(),
        "case_mapping": case_mapping(),
        "zone_names": zone_names(),
        "codecs": codecs(),
        "available_codecs": sorted(QStringConverter.availableCodecs()),
        "libicudata": loaded_icu_data(),
    }
    print(json.dumps(answers, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
