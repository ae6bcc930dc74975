"""Masking ID and account numbers inside free text (log lines, audit values shown on screen)."""

from __future__ import annotations

import re

# An 18-character ID number not part of a longer digit run; then any run of 12 or more digits
# (bank accounts, 15-digit IDs, IDs already cut by other text).
_ID = re.compile(r"(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9Xx])")
_LONG = re.compile(r"(?<![0-9])[0-9]{12,}(?![0-9])")


def mask_numbers(text: str) -> str:
    """420103194003120112 → 420103********0112; 6222021234567890123 → ****0123."""
    if not text or not any(c.isdigit() for c in text):
        return text
    text = _ID.sub(lambda m: f"{m.group(1)}********{m.group(2)}", text)
    return _LONG.sub(lambda m: "****" + m.group(0)[-4:], text)
