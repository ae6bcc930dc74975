"""Pinyin initials of names, every reading of a character (曾 → c and z), from a table built once."""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

MAX_KEYS = 16  # reading combinations stored per name


@lru_cache(maxsize=1)
def _initials_table() -> dict[str, str]:
    """Character → its possible initial letters (e.g. '曾' → 'cz'), built once from pypinyin."""
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[str, str] = {}
    for code, readings in pinyin_dict.items():
        letters = set()
        for reading in readings.split(","):
            base = unicodedata.normalize("NFD", reading.strip())[:1].lower()
            if "a" <= base <= "z":
                letters.add(base)
        if letters:
            table[chr(code)] = "".join(sorted(letters))
    return table


def name_keys(name: str) -> list[str]:
    """All initials strings of a name (at most MAX_KEYS), e.g. '曾乐' → ['cl', 'cy', 'zl', 'zy']."""
    table = _initials_table()
    options: list[str] = []
    for ch in name:
        if ch in table:
            options.append(table[ch])
        elif ch.isascii() and ch.isalnum():
            options.append(ch.lower())
        # other characters (·, spaces, rare ones without a reading) are left out
    if not options:
        return []
    keys = []
    for combo in itertools.product(*options):
        keys.append("".join(combo)[:32])
        if len(keys) >= MAX_KEYS:
            break
    return keys
