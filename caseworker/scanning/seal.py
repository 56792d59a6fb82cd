"""The text of a red seal (公章) read into a value. A hukou book's pages are stamped with
the police's seal, "…公安局…派出所 户口专用章" or "山东省公安厅 户口专用", over the
fields; what is left of it on the squared-up page is pale, but the recogniser still reads
it, and a value under the seal comes out as 离婚公安厅户 or …迁来户口专用章.

Only a run of seal characters at a value's start or end holding one no value of these
fields has there (厅 专 用 章) is taken away; the value is then marked (``extract``).

Pure: text in, text out."""

from __future__ import annotations

import re

from caseworker.scanning.places import begins_with_place

#: what a hukou seal says
SEAL_WORDS = ("山东省公安厅", "公安局", "派出所", "户口专用章")
SEAL_CHARACTERS = frozenset("".join(SEAL_WORDS))
#: seal characters a value of a table's fields does not start or end with
TELLING = frozenset("厅专用章")
#: fields a seal's text is looked for in: never a name or a number, which the checks judge
SEALED_FIELDS = frozenset(
    {
        "household_kind",
        "relation_to_head",
        "sex",
        "ethnicity",
        "birthplace",
        "native_place",
        "education",
        "marital_status",
        "military_service",
        "workplace",
        "occupation",
        "moved_in_from",
        "address",
    }
)


#: what 何时由何地迁来本址 holds: a date, 由, a place, 迁来 (the form prints nothing else)
_MOVED_IN = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日由.+迁来")


def moved_in_shape(value: str) -> str:
    """A moved-in value cut to its printed shape (date, 由, place, 迁来): what stands before
    the date or after 迁来 is the seal's text, however misread (户国专量, 丁户, 东). A value
    with no digit that holds a seal's telling character, or is a speck of one or two
    characters, is nothing (an empty cell under the seal); any other value without that
    shape is left as it is."""
    found = _MOVED_IN.search(value)
    if found:
        return found.group(0)
    if not any(c.isdigit() for c in value) and (TELLING & set(value) or len(value) <= 2):
        # no date at all: the seal's text (日专用草) or a speck in an empty cell
        return ""
    return value


def without_seal(value: str, *, allowed: tuple[str, ...] = ()) -> str:
    """The value with the seal's text at its end and its start taken away: the run of seal
    characters at the end from its first character, the run at the start up to its last
    telling character (山东省 at a place's start stays). Where something was taken away,
    a free value left with one character or none was the seal's alone (empty), and a
    closed one (``allowed``) that begins with one of its values is that value (离婚监 is
    离婚 and the seal's 公 misread)."""
    cut = value
    end = len(cut)
    while end > 0 and cut[end - 1] in SEAL_CHARACTERS:
        end -= 1
    if TELLING & set(cut[end:]):
        cut = cut[:end]
    start = 0
    while start < len(cut) and cut[start] in SEAL_CHARACTERS:
        start += 1
    told = [n for n in range(start) if cut[n] in TELLING]
    if told and not begins_with_place(cut):
        # (章丘…, 山东省章丘县: a place's 章 is no seal's)
        cut = cut[told[-1] + 1 :]
    if cut == value:
        return value
    if allowed:
        if cut in allowed:
            return cut
        begins = [a for a in allowed if cut.startswith(a)]
        return max(begins, key=len) if begins else cut
    return cut if len(cut) > 1 else ""
