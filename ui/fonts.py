"""The desk's font stack: names with characters of CJK Extension B (𠈌, 𡘙 …) shown as
themselves, never as an empty box.

Qt falls back per character, but which system font it falls back to for Han is its own
choice (on a counter PC with Microsoft YaHei, or on Linux with WenQuanYi first, a rare
character comes out as a box although the printed paper shows it). So the application
font is a stack, in order: the system's own UI face (Latin), the first common Chinese UI
face present, SimSun-ExtB where Windows has it, and last the font the papers print with
(AR PL UMing CN, shipped in resources/fonts, Extension B included), which is registered
with Qt here."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from caseworker.printing.fonts import font_bytes

log = logging.getLogger(__name__)

#: Chinese UI faces, the first present is used for ordinary Han characters
CHINESE_FACES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimSun",
)
#: Windows' own face for Extension B, before the shipped one
EXTENSION_B_FACES = ("SimSun-ExtB",)


def install_font_stack(app: QApplication) -> list[str]:
    """Set the application font to the stack above; returns the families, in order."""
    font_id = QFontDatabase.addApplicationFontFromData(QByteArray(font_bytes()))
    shipped = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not shipped:
        log.warning("the shipped font could not be registered with Qt")
    present = set(QFontDatabase.families())
    base = app.font()
    ui_face = QFontInfo(base).family()  # what "Sans Serif" or the system font resolves to
    chinese = [next((f for f in CHINESE_FACES if f in present), "")]
    extension_b = [f for f in EXTENSION_B_FACES if f in present]
    families = [f for f in (ui_face, *chinese, *extension_b, *shipped) if f]
    families = list(dict.fromkeys(families))
    font = QFont(base)
    font.setFamilies(families)
    app.setFont(font)
    return families
