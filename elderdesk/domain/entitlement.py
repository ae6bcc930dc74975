"""The entitlement engine: per month, what a person is owed and whether it may be paid."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from elderdesk.domain.errors import ElderError
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month
from elderdesk.domain.policy import Policy

PAYABLE = "entitled_payable"
WITHHELD = "withheld"
NOT_ENTITLED = "not_entitled"

_NO_LIMIT = 10**9  # a month index later than any real month

_EXPLAIN = {
    "payable": "{band} 档 {amount} 元，应发",
    "no_life_cert": "未按期生存认证，暂停",
    "no_policy": "高龄津贴政策尚未实施",
    "no_band": "按出生年月计 {note} 岁，不在津贴档次内",
    "before_floor": "早于 {note}，不予发放",
    "not_enrolled": "未获批准享受高龄津贴",
    "before_start": "自 {note} 起发放，此前月份不予补发",
    "died": "已于 {note} 死亡，停发",
    "moved_out": "已于 {note} 迁出，停发",
    "stopped": "已于 {note}停止享受，停发",  # note: date（reason）
}
STOP_REASONS_ZH = {
    "death": "死亡",
    "moved_out": "迁出",
    "voluntary": "本人申请",
    "duplicate": "重复享受",
    "disqualified": "不符合条件",
    "lost_contact": "失去联系",
    "policy": "政策调整",
    "other": "其他",
}


@dataclass(frozen=True, slots=True)
class PersonFacts:
    birth_date: date  # from the ID number, never a birth-date column
    death_date: date | None = None
    moved_out_on: date | None = None


@dataclass(frozen=True, slots=True)
class EnrollmentFacts:
    """One application of the person, in any state; only approved ones entitle."""

    applied_on: date
    approved: bool
    ended_on: date | None = None
    end_reason: str | None = None  # 'death' | 'moved_out' | 'voluntary' | ...


@dataclass(frozen=True, slots=True)
class MonthStatus:
    """One month of one person: band, entitled amount (0 if not entitled), state and why."""

    month: Month
    band: str | None
    amount_fen: int
    state: str  # PAYABLE | WITHHELD | NOT_ENTITLED
    reason: str  # a key of _EXPLAIN
    note: str = ""  # the date, month or age the explanation names

    @property
    def entitled(self) -> bool:
        return self.state != NOT_ENTITLED

    @property
    def payable(self) -> bool:
        return self.state == PAYABLE

    @property
    def explanation(self) -> str:
        text = _EXPLAIN[self.reason].format(
            band=self.band, amount=fen_to_str(self.amount_fen), note=self.note
        )
        return f"{self.month}: {text}"


@dataclass(frozen=True, slots=True)
class _Window:
    """Months lo..hi (indexes, inclusive) one approved enrollment entitles, and why it ends."""

    lo: int
    hi: int
    lo_note: str
    hi_reason: str
    hi_note: str


class Entitlement:
    """Sections 2-4 for one person, precomputed once; then cheap per-month queries."""

    __slots__ = ("policy", "birth_index", "windows", "pay_until", "_shift", "_floor")

    def __init__(
        self,
        policy: Policy,
        person: PersonFacts,
        enrollments: Sequence[EnrollmentFacts],
        lifecerts: Iterable[date] = (),
    ) -> None:
        self.policy = policy
        self.birth_index = Month.of(person.birth_date).index
        self._shift = 1 if policy.start == "next_month" else 0
        self._floor = policy.backpay_floor.index if policy.backpay_floor else -_NO_LIMIT
        same_month = policy.death_stop == "same_month"

        # Person-level ends apply to every enrollment.
        person_ends: list[tuple[int, str, str]] = []
        if person.death_date is not None:
            person_ends.append((_end_index(person.death_date, same_month), "died",
                                str(person.death_date)))
        if person.moved_out_on is not None:
            person_ends.append((Month.of(person.moved_out_on).index, "moved_out",
                                str(person.moved_out_on)))

        windows = []
        approved = sorted((e for e in enrollments if e.approved), key=lambda e: e.applied_on)
        for n, e in enumerate(approved):
            a = Month.of(e.applied_on).index
            if policy.backpay == "after_application":
                lo = a + 1
            elif policy.backpay == "application_month" or n > 0:
                lo = a  # back pay to eligibility is for the first enrollment only
            else:
                lo = -_NO_LIMIT
            ends = [*person_ends, (_NO_LIMIT, "", "")]
            if e.ended_on is not None:
                ends.append(_enrollment_end(e.ended_on, e.end_reason, same_month))
            hi, hi_reason, hi_note = min(ends, key=lambda t: t[0])
            lo_note = str(Month.from_index(lo)) if lo > -_NO_LIMIT else ""
            windows.append(_Window(lo, hi, lo_note, hi_reason, hi_note))
        self.windows: tuple[_Window, ...] = tuple(windows)

        # Proof of life: C = latest lifecert or application date (the current application).
        n_months = policy.life_cert_months
        proofs = [*lifecerts, *(e.applied_on for e in enrollments)]
        if n_months == 0:
            self.pay_until = _NO_LIMIT
        elif proofs:
            self.pay_until = Month.of(max(proofs)).index + n_months - 1
        else:
            self.pay_until = -_NO_LIMIT

    def first_month(self) -> Month | None:
        """Earliest month that can be entitled (None: no approved enrollment)."""
        if not self.windows:
            return None
        versions = self.policy.versions
        youngest = min(v.min_age for v in versions)
        low = max(
            versions[0].effective.index,
            self._floor,
            self.birth_index + 12 * youngest + self._shift,
            min(w.lo for w in self.windows),
        )
        return Month.from_index(low)

    def status(self, month: Month) -> MonthStatus:
        return self._status(month.index, month)

    def statuses(self, first: Month, last: Month) -> list[MonthStatus]:
        """Statuses of every month first..last inclusive."""
        status = self._status
        return [status(i, Month.from_index(i)) for i in range(first.index, last.index + 1)]

    def _status(self, i: int, month: Month) -> MonthStatus:
        version = self.policy.version_at(i)
        if version is None:
            return MonthStatus(month, None, 0, NOT_ENTITLED, "no_policy")
        age = (i - self._shift - self.birth_index) // 12
        band = version.band_for_age(age)
        if band is None:
            return MonthStatus(month, None, 0, NOT_ENTITLED, "no_band", str(age))
        if i < self._floor:
            return MonthStatus(month, band.label, 0, NOT_ENTITLED, "before_floor",
                               str(self.policy.backpay_floor))
        ended: _Window | None = None
        for w in self.windows:
            if w.lo <= i <= w.hi:
                if i <= self.pay_until:
                    return MonthStatus(month, band.label, band.monthly, PAYABLE, "payable")
                return MonthStatus(month, band.label, band.monthly, WITHHELD, "no_life_cert")
            if w.hi < i and (ended is None or w.hi > ended.hi):
                ended = w
        if ended is not None:
            return MonthStatus(month, band.label, 0, NOT_ENTITLED, ended.hi_reason, ended.hi_note)
        if self.windows:
            return MonthStatus(month, band.label, 0, NOT_ENTITLED, "before_start",
                               self.windows[0].lo_note)
        return MonthStatus(month, band.label, 0, NOT_ENTITLED, "not_enrolled")


def _end_index(death: date, same_month: bool) -> int:
    """Last entitled month index for a death on `death`."""
    return Month.of(death).index - (1 if same_month else 0)


def _enrollment_end(ended_on: date, reason: str | None, same_month: bool) -> tuple[int, str, str]:
    if reason == "death":
        return _end_index(ended_on, same_month), "died", str(ended_on)
    if reason == "moved_out":
        return Month.of(ended_on).index, "moved_out", str(ended_on)
    label = STOP_REASONS_ZH.get(reason or "", reason) or STOP_REASONS_ZH["other"]
    return Month.of(ended_on).index, "stopped", f"{ended_on}（{label}）"


def month_statuses(
    policy: Policy,
    person: PersonFacts,
    enrollments: Sequence[EnrollmentFacts],
    lifecerts: Iterable[date],
    first: Month,
    last: Month,
) -> list[MonthStatus]:
    """Convenience: statuses of first..last for one person."""
    return Entitlement(policy, person, enrollments, lifecerts).statuses(first, last)


# --- applications --------------------------------------------------------------------


def earliest_application_date(birth: date, policy: Policy, on: date) -> date | None:
    """First day of the second month before the person reaches the lowest min_age of the
    version in force on `on`; None when no version is in force then."""
    low = policy.min_age_in(Month.of(on))
    if low is None:
        return None
    return (Month(birth.year + low, birth.month) - 2).first_day()


def application_allowed(
    birth: date,
    policy: Policy,
    on: date,
    *,
    death_date: date | None = None,
    moved_out_on: date | None = None,
    active_application: bool = False,
    name: str = "",
    id_number: str = "",
) -> ElderError | None:
    """None if an application dated `on` may be accepted, else the refusal (not raised)."""
    if on < birth:
        return ElderError("DATE_BEFORE_BIRTH", date=on, birth=birth)
    if death_date is not None:
        return ElderError("PERSON_DECEASED", name=name, id=id_number, date=death_date)
    if moved_out_on is not None:
        return ElderError("PERSON_MOVED_OUT", name=name, id=id_number, date=moved_out_on)
    if active_application:
        return ElderError("APPLICATION_EXISTS", name=name, id=id_number)
    earliest = earliest_application_date(birth, policy, on)
    if earliest is None:
        return ElderError("POLICY_NOT_IN_FORCE", date=on)
    if on < earliest:
        age = policy.min_age_in(Month.of(on))
        return ElderError("APPLY_TOO_EARLY", birth=birth, age=age,
                          month=Month(birth.year + (age or 0), birth.month), earliest=earliest)
    return None
