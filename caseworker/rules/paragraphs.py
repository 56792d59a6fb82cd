"""A policy text cut into its numbered paragraphs, each with the clause id that cites it.

The numbering is the document's own, as case-format.md turns it into dotted ids:
一、→ 1, （一）→ 1, 1. → 1, （1）→ 1, so 二（一）1.（3） is ``2.1.1.3``. A numbered line
and the unnumbered lines after it form one paragraph. A numbered heading with no text of
its own (一、总体要求) is not a paragraph; nor is anything before the first number (the
title, the addressees, the preamble).

What the numbering alone cannot say comes from the reviewed coverage file beside the
packs (``TextLayout``): that a document numbers its items straight through (jinan-2020:
``1``–``17``), where an annex starts (its ids prefixed), which unnumbered paragraph is a
provision of its own (jinan-2017's closing ``transition``), and what is not text at all
(signatures, the list of annexes, the distribution list).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

#: (level, pattern): 一、 / （一） / 1. / （1）; the number is group 1
_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^([一二三四五六七八九十]+)、")),
    (2, re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]")),
    (3, re.compile(r"^(\d{1,3})\s*[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]")),
)
_MARKUP = re.compile(r"[*#\s]+")
#: a heading's text: short, and no sentence in it
_SENTENCE_END = re.compile(r"[。；;：:]")


def normalise(text: str) -> str:
    """The form in which quotes are compared: NFKC, no whitespace (as the pack loader does)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _chinese_number(word: str) -> int:
    if word == "十":
        return 10
    if word.startswith("十"):
        return 10 + _CHINESE_DIGITS[word[1]]
    if word.endswith("十"):
        return _CHINESE_DIGITS[word[0]] * 10
    if "十" in word:
        tens, ones = word.split("十")
        return _CHINESE_DIGITS[tens] * 10 + _CHINESE_DIGITS[ones]
    return _CHINESE_DIGITS[word]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where the text changes kind: the first line, after the first numbered paragraph and
    the previous anchor, whose text (without whitespace) starts with ``starts``."""

    starts: str
    #: an annex: its numbering starts again, its ids are prefixed ``annex.``
    annex: str | None = None
    #: an unnumbered paragraph that is a provision of its own, cited by this id
    paragraph: str | None = None
    #: not policy text (a signature, the list of annexes): left out until the next anchor
    skip: bool = False


@dataclass(frozen=True, slots=True)
class TextLayout:
    #: "dotted" (the default) or "items": numbered items (1. 2. …) run straight through
    #: the main text and are cited by their number alone; its 一、 headings carry no text
    numbering: str = "dotted"
    anchors: tuple[Anchor, ...] = ()


@dataclass(slots=True)
class Paragraph:
    id: str
    #: the line of the policy text it starts on (1-based)
    line: int
    text: str
    #: where its text lies in ``normalise(whole text)``: [start, end)
    start: int = 0
    end: int = 0
    numbered: bool = True
    #: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; 0 when unnumbered
    level: int = 0
    lines: list[str] = field(default_factory=list)


class LayoutError(ValueError):
    """The layout does not fit the text (an anchor not found, an id twice)."""


def _numbered(line: str) -> tuple[int, int, str] | None:
    """(level, number, the rest of the line) of a numbered line, else None."""
    for level, pattern in _LEVELS:
        match = pattern.match(line)
        if match:
            raw = match.group(1)
            number = int(raw) if raw.isdigit() else _chinese_number(raw)
            return level, number, line[match.end() :].strip()
    return None


def cut(text: str, layout: TextLayout) -> list[Paragraph]:
    """The numbered paragraphs of a policy text, in document order."""
    raw_lines = text.splitlines()
    anchors = list(layout.anchors)
    out: list[Paragraph] = []
    stack: list[tuple[int, int]] = []  # (level, number) of the numbers above this line
    prefix = ""
    items = layout.numbering == "items"
    skipping = False
    current: Paragraph | None = None
    position = 0  # in the normalised whole text
    for index, raw in enumerate(raw_lines, start=1):
        line = _MARKUP.sub(" ", raw).strip(" -")
        flat = normalise(raw)
        begin, position = position, position + len(flat)
        if not line:
            continue
        if (
            anchors
            and out
            and normalise(_MARKUP.sub("", raw)).lstrip("-").startswith(normalise(anchors[0].starts))
        ):
            anchor = anchors.pop(0)
            current = None
            skipping = anchor.skip
            if anchor.annex is not None:
                prefix, stack, items = f"{anchor.annex}.", [], False
                continue
            if anchor.paragraph is not None:
                current = Paragraph(anchor.paragraph, index, "", begin, position, numbered=False)
                current.lines.append(line)
                out.append(current)
                continue
        if skipping:
            continue
        numbered = _numbered(line)
        if numbered is not None:
            level, number, rest = numbered
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, number))
            if items and level < 3:
                current = None  # a heading of a document that numbers its items through
                if rest and _SENTENCE_END.search(rest):
                    raise LayoutError(
                        f"line {index}: a section with text of its own in a document that "
                        "numbers its items straight through; give it an anchor"
                    )
                continue
            number_path = str(number) if items else ".".join(str(n) for _, n in stack)
            pid = prefix + number_path
            current = Paragraph(pid, index, "", begin, begin, level=level)
            out.append(current)
        elif current is None:
            continue  # before the first number: the title, the addressees, the preamble
        current.lines.append(line)
        current.end = position
    paragraphs = [p for p in out if _has_text(p)]
    for paragraph in paragraphs:
        paragraph.text = " ".join(paragraph.lines)
    seen: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.id in seen:
            raise LayoutError(f"line {paragraph.line}: paragraph {paragraph.id} appears twice")
        seen.add(paragraph.id)
    if anchors:
        raise LayoutError(f"anchor not found in the text: {anchors[0].starts!r}")
    return paragraphs


def _has_text(paragraph: Paragraph) -> bool:
    """A numbered section heading alone (一、总体要求, （二）基本原则。) is no paragraph: one
    short line with no sentence in it. An item (1. or （1）) always is, however short."""
    if paragraph.level not in {1, 2} or len(paragraph.lines) > 1:
        return True
    body = _numbered(paragraph.lines[0])
    rest = (body[2] if body else paragraph.lines[0]).rstrip("。")
    return bool(_SENTENCE_END.search(rest)) or len(rest) > 30
