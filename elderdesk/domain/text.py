"""Cleaning of typed or imported text: trimming, full-width to ASCII, the Excel apostrophe."""

from __future__ import annotations

import re
from datetime import date, datetime

# Spaces, full-width (ideographic) spaces, no-break spaces, tabs and line breaks.
WHITESPACE = " \u3000\u00a0\t\r\n\v\f\u2028\u2029"

# Full-width digits and letters (U+FF10…, U+FF21…, U+FF41…) to ASCII.
_FULLWIDTH = str.maketrans(
    {
        **{0xFF10 + i: 0x30 + i for i in range(10)},
        **{0xFF21 + i: 0x41 + i for i in range(26)},
        **{0xFF41 + i: 0x61 + i for i in range(26)},
    }
)
# Excel's text prefix, as typed with an ASCII, full-width or Chinese input method.
_APOSTROPHES = "'\uff07\u2018\u2019"

_SURROGATE = re.compile("[\ud800-\udfff]")
# ASCII control characters (line breaks and tabs included): refused in one-line settings.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")

_NO_WHITESPACE = str.maketrans(dict.fromkeys(map(ord, WHITESPACE)))


def clean_text(value: object) -> str:
    """Trimmed text of a value; full-width digits/letters to ASCII; a leading apostrophe dropped.

    None gives ""; a whole float gives its digits without ".0"; a date gives YYYY-MM-DD.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.strip(WHITESPACE)
    if not text:
        return text
    if not text.isascii() and _SURROGATE.search(text):  # undecodable bytes from a terminal
        text = _SURROGATE.sub("\ufffd", text)
    if not text.isascii() and max(text) >= "\uff10":  # cheap test before translating
        text = text.translate(_FULLWIDTH)
    if text[0] in _APOSTROPHES:
        text = text[1:].strip(WHITESPACE)
    return text


def squeeze(text: str) -> str:
    """The text with every space, full-width space, tab and line break removed (header names)."""
    return text.translate(_NO_WHITESPACE)
