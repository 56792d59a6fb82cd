"""The embedded CJK font, and the check that it has every character of a document.

ReportLab drops a character the font lacks without a word; a permit with a blank in the
holder's name is worse than no permit, so every character is checked first."""

from __future__ import annotations

import gzip
import io
import unicodedata
from collections.abc import Iterable
from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from caseworker.resources import resource_path

FONT_NAME = "UMing"
#: AR PL UMing CN, outlines only, gzip-compressed (resources/fonts/build_font.py)
FONT_FILE = ("fonts", "uming-cn.ttf.gz")
_IGNORED = {"\n", "\r", "\t"}


class MissingGlyphError(ValueError):
    """The font cannot draw some characters; the message names them."""

    def __init__(self, document: str, missing: list[str]) -> None:
        self.document = document
        self.missing = missing
        shown = "、".join(f"{c} (U+{ord(c):04X})" for c in missing)
        super().__init__(
            f"cannot print the {document}: the font has no glyph for {shown}; nothing was "
            "printed. Check the characters against the 户口簿, or ask the office IT person "
            "for a font that has them"
        )


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond the basic plane written as
    UTF-16 surrogate pairs. ReportLab 5.1 writes them as five hex digits (``<2020C>``),
    so text extraction, search and screen readers read 𠈌 as †: the name on a permit
    must come back out of the PDF as it went in."""

    def utf16(code: int) -> str:
        return "".join(f"{unit:04X}" for unit in _utf16_units(code))

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def _utf16_units(code: int) -> list[int]:
    if code < 0x10000:
        return [code]
    code -= 0x10000
    return [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]


def font_bytes() -> bytes:
    """The TrueType font itself. It ships compressed (7.7 MB instead of 17 MB); ReportLab
    reads a whole font into memory in any case, so inflating it there costs only the
    inflating (~0.1 s)."""
    return gzip.decompress(resource_path(*FONT_FILE).read_bytes())


@cache
def register_font() -> str:
    """Register the font with ReportLab once per process (~0.2 s) and return its name."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    font_file = io.BytesIO(font_bytes())
    font_file.name = "/".join(FONT_FILE)  # what ReportLab names in its messages
    pdfmetrics.registerFont(TTFont(FONT_NAME, font_file))
    return FONT_NAME


@cache
def font_coverage() -> frozenset[int]:
    """The code points the font can draw."""
    register_font()
    font = pdfmetrics.getFont(FONT_NAME)
    return frozenset(font.face.charToGlyph)


def missing_glyphs(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts`` the font cannot draw, each once, in order of appearance."""
    covered = font_coverage()
    seen: dict[str, None] = {}
    for text in texts:
        for char in unicodedata.normalize("NFC", text):
            if char in _IGNORED or char == " " or ord(char) in covered:
                continue
            seen.setdefault(char, None)
    return list(seen)


def check(document: str, texts: Iterable[str]) -> None:
    missing = missing_glyphs(texts)
    if missing:
        raise MissingGlyphError(document, missing)
