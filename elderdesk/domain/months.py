"""Calendar months, periods (month or quarter) and ages as the allowance rules count them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import overload

from elderdesk.domain.errors import ElderError

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER_RE = re.compile(r"^(\d{4})Q([1-4])$")

# Dates the program takes as input (arguments, ELDERDESK_TODAY, policy months, GUI dates):
# wide enough for every living person's life and for planning, narrow enough that month
# arithmetic around them (a year back for statistics, 80 back for forms) never leaves 1..9999.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


def out_of_range(value: object) -> ElderError:
    return ElderError("DATE_OUT_OF_RANGE", value=value, first=FIRST_DAY, last=LAST_DAY)


def check_in_range(day: date, value: object = None) -> date:
    """The day itself, or DATE_OUT_OF_RANGE (exit 2) outside FIRST_DAY..LAST_DAY."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise out_of_range(day if value is None else value)
    return day


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month; `Month(2026, 5) + 1 == Month(2026, 6)`."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.year <= 9999:
            raise ValueError(f"bad month {self.year}-{self.month}")

    @classmethod
    def parse(cls, text: str) -> Month:
        m = _MONTH_RE.match(str(text).strip())
        if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1:
            raise ElderError("INVALID_MONTH", value=text)
        if not FIRST_DAY.year <= int(m.group(1)) <= LAST_DAY.year:
            raise out_of_range(text)
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def index(self) -> int:
        """Months since year 0, for arithmetic."""
        return month_index(self.year, self.month)

    @classmethod
    def from_index(cls, index: int) -> Month:
        if not 12 <= index < 10000 * 12:  # arithmetic past year 1 or 9999: a coded refusal
            raise out_of_range(f"{index // 12:04d}-{index % 12 + 1:02d}")
        return cls(index // 12, index % 12 + 1)

    def __add__(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    @overload
    def __sub__(self, other: Month) -> int: ...

    @overload
    def __sub__(self, other: int) -> Month: ...

    def __sub__(self, other: int | Month) -> int | Month:
        """Months between two months, or the month `other` months earlier."""
        if isinstance(other, Month):
            return self.index - other.index
        return Month.from_index(self.index - other)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def zh(self) -> str:
        return f"{self.year}年{self.month}月"


def month_index(year: int, month: int) -> int:
    """Months since year 0 of a (year, month): Month.index, the integer months stored in the
    money tables, and every month arithmetic (the one place that counts them)."""
    return year * 12 + month - 1


def index_of(day: date) -> int:
    """Month.index of the month holding a day."""
    return month_index(day.year, day.month)


def month_range(first: Month, last: Month) -> list[Month]:
    """Every month from first to last inclusive (empty if last < first)."""
    return [Month.from_index(i) for i in range(first.index, last.index + 1)]


@dataclass(frozen=True, order=True, slots=True)
class Period:
    """What one roster covers: a month (`2026-07`) or a quarter (`2026Q3`)."""

    first: Month
    kind: str  # "month" | "quarter"

    @classmethod
    def parse(cls, text: str) -> Period:
        t = str(text).strip()
        q = _QUARTER_RE.match(t)
        if q:
            year = int(q.group(1))
            if year < 1:
                raise ElderError("INVALID_PERIOD", value=text)
            if not FIRST_DAY.year <= year <= LAST_DAY.year:
                raise out_of_range(text)
            return cls(Month(year, 3 * (int(q.group(2)) - 1) + 1), "quarter")
        try:
            return cls(Month.parse(t), "month")
        except ElderError as exc:
            if exc.code == "DATE_OUT_OF_RANGE":
                raise
            raise ElderError("INVALID_PERIOD", value=text) from None

    @classmethod
    def containing(cls, m: Month, kind: str) -> Period:
        if kind == "quarter":
            return cls(Month(m.year, (m.month - 1) // 3 * 3 + 1), "quarter")
        return cls(m, "month")

    @property
    def size(self) -> int:
        return 3 if self.kind == "quarter" else 1

    @property
    def last(self) -> Month:
        return self.first + (self.size - 1)

    def months(self) -> list[Month]:
        return month_range(self.first, self.last)

    def next(self) -> Period:
        return Period(self.first + self.size, self.kind)

    def previous(self) -> Period:
        return Period(self.first - self.size, self.kind)

    def __contains__(self, m: object) -> bool:
        return isinstance(m, Month) and self.first <= m <= self.last

    def __str__(self) -> str:
        if self.kind == "quarter":
            return f"{self.first.year:04d}Q{(self.first.month - 1) // 3 + 1}"
        return str(self.first)


def age_in(birth: date, m: Month) -> int:
    """Allowance age in month m: a person reaches N in the month of the Nth birthday."""
    return m.year - birth.year - (1 if m.month < birth.month else 0)


def age_on(birth: date, day: date) -> int:
    """Age in full years on a day (Feb 29 birthdays count on Mar 1 in common years)."""
    before = (day.month, day.day) < (birth.month, birth.day)
    return day.year - birth.year - (1 if before else 0)


def parse_date(text: str) -> date:
    """A YYYY-MM-DD argument; anything else is INVALID_DATE."""
    t = str(text).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        raise ElderError("INVALID_DATE", value=text)
    try:
        day = date.fromisoformat(t)
    except ValueError:
        raise ElderError("INVALID_DATE", value=text) from None
    return check_in_range(day, text)


def date_zh(d: date) -> str:
    """2026-09-29 -> '2026年9月29日'."""
    return f"{d.year}年{d.month}月{d.day}日"


def period_zh(period: str) -> str:
    """'2026Q3' -> '2026年第3季度', '2026-07' -> '2026年7月'; anything else unchanged."""
    try:
        p = Period.parse(period)
    except ElderError:  # print what we were given
        return period
    if p.kind == "quarter":
        return f"{p.first.year}年第{(p.first.month - 1) // 3 + 1}季度"
    return p.first.zh()


def month_ranges(months: list[str] | tuple[str, ...]) -> list[str]:
    """['2026-05', '2026-06', '2026-09'] -> ['2026年5月至2026年6月', '2026年9月']."""
    ms = sorted({Month.parse(m) for m in months})
    out: list[str] = []
    i = 0
    while i < len(ms):
        j = i
        while j + 1 < len(ms) and ms[j + 1] - ms[j] == 1:
            j += 1
        out.append(ms[i].zh() if i == j else f"{ms[i].zh()}至{ms[j].zh()}")
        i = j + 1
    return out
