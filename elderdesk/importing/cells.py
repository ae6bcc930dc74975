"""Cell values as python-calamine returns them: text, damaged numbers and dates (import-rules)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TypeGuard

from elderdesk.domain.text import WHITESPACE, clean_text

# Excel keeps 15 significant digits: an integer of 16 or more digits in a number cell is damaged.
_DAMAGED_FROM = 1e15
_SERIAL_BASE = date(1899, 12, 30)  # Excel serial 61 = 1900-03-01 (serial 60 is a fake Feb 29)
_SERIAL_MAX = 2958465  # 9999-12-31

_SEPARATED = re.compile(r"(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?", re.ASCII)
_CHINESE = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日?)?", re.ASCII)


def is_blank(value: object) -> bool:
    """True for an empty cell or one holding only spaces, tabs and line breaks."""
    if value == "" or value is None:
        return True
    return isinstance(value, str) and not value.strip(WHITESPACE)


def is_number(value: object) -> TypeGuard[float]:
    """A number cell (python-calamine gives float; int accepted too, bool not)."""
    return type(value) is float or type(value) is int


def is_damaged_number(value: object) -> TypeGuard[float]:
    """A number cell holding an integer of 16 or more digits (ID_NUMERIC_CELL and its kin)."""
    if type(value) is not float and type(value) is not int:
        return False
    return abs(value) >= _DAMAGED_FROM and float(value).is_integer()


def number_digits(value: float) -> str:
    """A whole number as the digits Excel shows: at most 15 significant, then zeros."""
    if abs(value) < _DAMAGED_FROM:
        return str(int(value))
    return str(int(Decimal(format(value, ".15g"))))


def cell_text(value: object) -> str:
    """Cleaned text of any cell; numbers without `.0` or exponent, dates as YYYY-MM-DD."""
    if type(value) is str:
        return clean_text(value)
    if type(value) is float:
        if value.is_integer():
            return number_digits(value)
        return format(Decimal(repr(value)), "f")
    if type(value) is bool:
        return "TRUE" if value else "FALSE"
    return clean_text(value)


@dataclass(frozen=True, slots=True)
class CellDate:
    """A date read from a cell; day is None for the year-and-month-only forms."""

    year: int
    month: int
    day: int | None = None

    def matches(self, other: date) -> bool:
        """Equal to `other`, on year and month only when the day is missing."""
        if self.day is None:
            return (self.year, self.month) == (other.year, other.month)
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def as_date(self) -> date | None:
        """The full date, or None for year and month only."""
        return None if self.day is None else date(self.year, self.month, self.day)

    def last_day(self) -> date:
        """The date, or the month's last day for year and month only."""
        if self.day is not None:
            return date(self.year, self.month, self.day)
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __str__(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def of(cls, day: date) -> CellDate:
        return cls(day.year, day.month, day.day)


def _make(year: int, month: int, day: int | None) -> CellDate | None:
    """A CellDate if the parts form a real date (or a real month when day is None)."""
    if day is None:
        return CellDate(year, month) if 1 <= month <= 12 and year >= 1 else None
    try:
        date(year, month, day)
    except ValueError:
        return None
    return CellDate(year, month, day)


def _from_digits(text: str) -> CellDate | None:
    if len(text) == 8:
        return _make(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        return _make(int(text[:4]), int(text[4:]), None)
    return None


def _from_serial(serial: int) -> CellDate | None:
    if serial < 1 or serial == 60 or serial > _SERIAL_MAX:
        return None
    return CellDate.of(_SERIAL_BASE + timedelta(days=serial + (1 if serial < 60 else 0)))


def read_date(value: object) -> CellDate | None:
    """A non-blank cell as a date per import-rules.md's Dates section; None if unreadable.

    Date cells; text 1945-03-12, 1945/3/12, 1945.03.12, 1945年3月12日, 19450312 and the
    year-month forms 1945-03, 1945年3月, 194503; numbers of 8 digits (YYYYMMDD), 6 digits
    (YYYYMM), other whole numbers as Excel serial dates. Non-integer numbers are unreadable.
    """
    if isinstance(value, datetime):
        return CellDate.of(value.date())
    if isinstance(value, date):
        return CellDate.of(value)
    if is_number(value):
        number = float(value)
        if not number.is_integer():
            return None
        whole = int(number)
        if 10_000_000 <= whole <= 99_999_999 or 100_000 <= whole <= 999_999:
            return _from_digits(str(whole))
        return _from_serial(whole)
    if type(value) is not str:
        return None
    text = clean_text(value)
    if text.isascii() and text.isdigit():
        return _from_digits(text)
    match = _SEPARATED.fullmatch(text)
    if match:
        year, _, month, day = match.groups()
    else:
        match = _CHINESE.fullmatch(text)
        if not match:
            return None
        year, month, day = match.groups()
    return _make(int(year), int(month), None if day is None else int(day))
