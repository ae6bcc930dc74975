"""Resident ID numbers (GB 11643-1999): cleaning, check character, 15→18, parsing, masking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import mul

from elderdesk.domain.errors import ElderError
from elderdesk.domain.text import clean_text

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"  # indexed by (Σ digit × weight) mod 11
_ZERO_TOTAL = ord("0") * sum(WEIGHTS)
_CHECK_SET = frozenset("0123456789X")

SEX_LABELS = {"M": "男", "F": "女"}
_SEX_WORDS = {"男": "M", "男性": "M", "女": "F", "女性": "F"}


def clean_id(value: object) -> str:
    """ID text as typed or imported: trimmed, full-width to ASCII, no apostrophe, `x` → `X`."""
    return clean_text(value).replace("x", "X")


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def check_char(first17: str) -> str:
    """The check character (ISO 7064 MOD 11-2) for the first 17 digits."""
    if len(first17) != 17 or not _is_digits(first17):
        raise ValueError(f"need 17 digits, got {first17!r}")
    total = sum(map(mul, first17.encode(), WEIGHTS)) - _ZERO_TOTAL  # ASCII codes − "0"s
    return CHECK_CHARS[total % 11]


def convert15(id15: str) -> str:
    """A 15-digit legacy number as 18: "19" after the area code, check character computed."""
    if len(id15) != 15 or not _is_digits(id15):
        raise ValueError(f"need 15 digits, got {id15!r}")
    first17 = id15[:6] + "19" + id15[6:]
    return first17 + check_char(first17)


def is_well_formed(text: str) -> bool:
    """17 digits + digit or X, or 15 digits (cleaned text; checks nothing else)."""
    if len(text) == 18:
        return _is_digits(text[:17]) and text[17] in _CHECK_SET
    return len(text) == 15 and _is_digits(text)


def expected_sex(number: str) -> str:
    """'M' or 'F' from the sequence: the 17th digit of 18, the 15th of 15 (odd = male)."""
    digit = number[16] if len(number) == 18 else number[14]
    return "M" if int(digit) % 2 else "F"


def sex_from_text(text: str) -> str | None:
    """'M' for 男/男性, 'F' for 女/女性 (cleaned text), else None."""
    return _SEX_WORDS.get(text)


@dataclass(frozen=True, slots=True)
class IdInfo:
    """A valid ID number and what it says."""

    number: str  # 18 characters, upper-case X
    birth_date: date
    sex: str  # "M" | "F"
    area_code: str
    converted_from_15: bool
    original: str  # the cleaned text before 15→18 conversion
    checksum_ok: bool = True  # False only when parsed with allow_bad_checksum


def parse_id(value: object, today: date, *, allow_bad_checksum: bool = False) -> IdInfo:
    """Clean and check an ID: ID_MISSING → ID_FORMAT → ID_BIRTHDATE → ID_CHECKSUM (ElderError)."""
    text = clean_id(value)
    if not text:
        raise ElderError("ID_MISSING")
    if not is_well_formed(text):
        raise ElderError("ID_FORMAT", id=text)
    long = len(text) == 18
    digits = text[6:14] if long else "19" + text[6:12]
    try:
        birth = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        birth = None
    if birth is None or birth > today:
        detail = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
        raise ElderError("ID_BIRTHDATE", id=text, detail=detail)
    checksum_ok = True
    if long:
        number = text
        expected = check_char(text[:17])
        if text[17] != expected:
            if not allow_bad_checksum:
                raise ElderError("ID_CHECKSUM", id=text, expected=expected)
            checksum_ok = False
    else:
        number = convert15(text)
    return IdInfo(
        number=number,
        birth_date=birth,
        sex=expected_sex(number),
        area_code=number[:6],
        converted_from_15=not long,
        original=text,
        checksum_ok=checksum_ok,
    )


def mask_id(number: str) -> str:
    """First 6 and last 4 characters shown: 420103********1234."""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_account(account: str) -> str:
    """Only the last 4 characters shown: ****1234."""
    if not account:
        return ""
    return "****" + (account[-4:] if len(account) > 4 else "")
