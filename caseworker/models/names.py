"""Search keys for Chinese names: full pinyin and initials (pypinyin), so a clerk can
find 张三 by typing 张三, zhangsan or zs."""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

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
