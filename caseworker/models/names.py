"""Search keys for Chinese names: full pinyin and initials (pypinyin), so a clerk can
find 张三 by typing 张三, zhangsan or zs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

_LATIN = re.compile(r"[^a-z]")


def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) in lower case without tones or spaces.

    Characters pypinyin does not know (rare Extension-B name characters, Latin letters)
    are kept as their own lower-case letters where they are letters, else dropped.
    """
    name = unicodedata.normalize("NFKC", name.strip())
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors=lambda chars: chars.lower())
    syllables = [_LATIN.sub("", s.lower()) for s in syllables]
    syllables = [s for s in syllables if s]
    return "".join(syllables), "".join(s[0] for s in syllables)


def looks_like_pinyin(text: str) -> bool:
    return bool(text) and text.isascii() and text.replace(" ", "").isalpha()


def normalise_pinyin_query(text: str) -> str:
    return _LATIN.sub("", text.lower())


#: readings kept for one character, its usual one included (pypinyin lists common first)
_READINGS_PER_CHARACTER = 3
#: search keys kept for one name at most (every reading is a prefix of some of them)
_MAX_KEYS = 24


def searchable_name(text: str) -> str:
    """A name as the search index holds it and a typed 汉字 query is compared with it:
    NFKC, lower case, only letters and digits (no spaces, no ``·`` between the parts of
    a name such as 阿卜杜拉·买买提)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def search_keys(name: str) -> str:
    """Every key a clerk may type the start of to find this name, space-separated: the
    name itself (``searchable_name``), its full pinyin and its initials, in the usual
    reading and in every other reading of one polyphonic character at a time, so 单田芳
    is found by ``dan``, ``shan``, ``stf`` and ``dtf`` alike (a surname such as 单 shàn,
    曾 zēng, 解 xiè, 区 ōu, 朴 piáo, 查 zhā is read otherwise than the word)."""
    name = unicodedata.normalize("NFKC", name.strip())
    keys = [searchable_name(name)]
    spelled = lazy_pinyin(name, style=Style.NORMAL, errors=_keep_letters)
    usual = [s for s in (_LATIN.sub("", s) for s in spelled) if s]
    # one reading list per syllable of the usual reading; a character pypinyin does not
    # know (kept as its letters, or dropped) has only its usual one
    readings: list[list[str]] = []
    for syllable, char in zip(usual, _syllable_sources(name, len(usual)), strict=True):
        others = [r for r in _readings(char) if r != syllable] if char else []
        readings.append([syllable, *others[: _READINGS_PER_CHARACTER - 1]])
    spellings = [usual]
    for i, options in enumerate(readings):
        for other in options[1:]:
            spellings.append([*usual[:i], other, *usual[i + 1 :]])
    for syllables in spellings:
        for key in ("".join(syllables), "".join(s[0] for s in syllables)):
            if key and key not in keys:
                keys.append(key)
    return " ".join(k for k in keys[:_MAX_KEYS] if k)


def _keep_letters(chars: str) -> str:
    return chars.lower()


def _syllable_sources(name: str, count: int) -> list[str]:
    """The character behind each usual syllable when every Chinese character gave one
    syllable, else no character at all (no other readings are offered then)."""
    chinese = [ch for ch in name if _readings(ch)]
    return chinese if len(chinese) == count else [""] * count


@lru_cache(maxsize=8192)
def _readings(char: str) -> tuple[str, ...]:
    if len(char) != 1 or char.isascii():
        return ()
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(r for r in (found[0] if found else []) if r and r.isalpha() and r.isascii())
