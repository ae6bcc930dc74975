"""The figures of the statistics page (StatsService computes them, tables.py lays them
out): dataclasses, the age bands and the month limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from elderdesk.domain.months import Month

# Age bands of the statistics (full years on the statistics date): (label, min, max or None).
AGE_BANDS = (("60岁以下", 0, 59), ("60–69岁", 60, 69), ("70–79岁", 70, 79),
             ("80–89岁", 80, 89), ("90–99岁", 90, 99), ("100岁及以上", 100, None))
OUT_OF_BAND = "档次外"
MAX_MONTHS = 120


def age_band(age: int) -> str:
    for label, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return AGE_BANDS[0][0]


@dataclass(frozen=True)
class BandCount:
    band: str
    male: int
    female: int

    @property
    def total(self) -> int:
        return self.male + self.female


@dataclass(frozen=True)
class CommunityCount:
    community: str | None
    active: int
    active_80: int  # active and 80 or older on the statistics date
    deceased: int
    moved_out: int
    enrolled: int  # latest application approved (receiving the allowance now)

    @property
    def total(self) -> int:
        return self.active + self.deceased + self.moved_out


@dataclass(frozen=True)
class MoneyRow:
    """One month and allowance band: who was enrolled, who was paid and how (frozen rosters)."""

    month: str
    band: str
    monthly_fen: int | None
    enrolled: int  # an approved enrollment in force during the month (approved by its end)
    paid_people: int  # ledger > 0 for the month
    regular_fen: int
    arrears_fen: int
    recovery_fen: int
    net_fen: int  # the ledger: regular + arrears - recovery


@dataclass(frozen=True)
class CardMonth:
    month: str
    blue: int
    red: int
    new: int  # first cards
    reissued: int  # lost, damaged, upgrade, correction
    fee_fen: int
    picked_up: int

    @property
    def total(self) -> int:
        return self.blue + self.red


@dataclass(frozen=True)
class Coverage:
    """Living people with an approved enrollment, by proof-of-life cover in the month."""

    community: str | None
    covered: int
    uncovered: int

    @property
    def total(self) -> int:
        return self.covered + self.uncovered


@dataclass(frozen=True)
class Statistics:
    office: str
    on: date
    first: Month
    last: Month
    life_cert_months: int | None  # None: no policy loaded
    by_band: tuple[BandCount, ...]
    by_community: tuple[CommunityCount, ...]
    by_status: tuple[tuple[str, int], ...]  # person status -> people
    by_application: tuple[tuple[str, int], ...]  # latest application state -> people
    money: tuple[MoneyRow, ...]
    cards: tuple[CardMonth, ...]
    coverage: tuple[Coverage, ...]
