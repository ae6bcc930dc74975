"""Pinyin initials of names, every reading of a character (曾 → c and z), from a table built once."""

from __future__ import annotations

import importlib.util
import itertools
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

MAX_KEYS = 16  # reading combinations stored per name


def _readings() -> dict[int, str]:
    """pypinyin's character readings (code point → 'líng,yuán'). Its JSON file is parsed a
    slice at a time, so that a thread doing this never holds the GIL long (one json.loads of
    the whole file would freeze the GUI for ~0.1–0.3 s); pypinyin's own loader is the fallback."""
    spec = importlib.util.find_spec("pypinyin")
    folder = spec.submodule_search_locations if spec else None
    try:
        lines = (Path(list(folder)[0]) / "pinyin_dict.json").read_text(  # type: ignore[arg-type]
            encoding="utf-8").splitlines()
        body = [ln.strip().rstrip(",") for ln in lines if ln.strip() not in ("{", "}", "")]
        out: dict[int, str] = {}
        for i in range(0, len(body), 2000):
            part = json.loads("{" + ",".join(body[i:i + 2000]) + "}")
            out.update((int(k), v) for k, v in part.items())
        return out
    except (OSError, ValueError, TypeError, IndexError):
        from pypinyin.pinyin_dict import pinyin_dict

        return pinyin_dict


@lru_cache(maxsize=1)
def _initials_table() -> dict[str, str]:
    """Character → its possible initial letters (e.g. '曾' → 'cz'), built once from pypinyin."""
    table: dict[str, str] = {}
    for code, readings in _readings().items():
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
