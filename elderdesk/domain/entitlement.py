"""The entitlement engine: per month, what a person is owed and whether it may be paid."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

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


class PersonFacts(NamedTuple):  # a named tuple: made 300,000 times per roster build
    birth_date: date  # from the ID number, never a birth-date column
    death_date: date | None = None
    moved_out_on: date | None = None


class EnrollmentFacts(NamedTuple):
    """One application of the person, in any state; only approved ones entitle."""

    applied_on: date
    approved: bool
    ended_on: date | None = None
    end_reason: str | None = None  # 'death' | 'moved_out' | 'voluntary' | ...
    at_counter: bool = True  # accepted at the counter; an online application is no proof of life


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


class _Window(NamedTuple):
    """Months lo..hi (indexes, inclusive) one approved enrollment entitles, and why it ends."""

    lo: int
    hi: int
    end_reason: str  # 'died' | 'moved_out' | 'stopped' | '' (open)
    end_date: date | None
    stop_reason: str | None


def _index(day: date) -> int:
    return day.year * 12 + day.month - 1


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
        self.birth_index = _index(person.birth_date)
        self._shift = 1 if policy.start == "next_month" else 0
        floor = policy.backpay_floor
        self._floor = floor.index if floor is not None else -_NO_LIMIT
        same = 1 if policy.death_stop == "same_month" else 0

        # Person-level ends apply to every enrollment; the earliest end wins.
        person_end = _Window(0, _NO_LIMIT, "", None, None)
        if person.moved_out_on is not None:
            person_end = _Window(
                0, _index(person.moved_out_on), "moved_out", person.moved_out_on, None
            )
        death = person.death_date
        if death is not None and _index(death) - same <= person_end.hi:
            person_end = _Window(0, _index(death) - same, "died", death, None)

        windows = []
        approved = [e for e in enrollments if e.approved]
        if len(approved) > 1:
            approved.sort(key=lambda e: e.applied_on)
        backpay = policy.backpay
        for n, e in enumerate(approved):
            a = _index(e.applied_on)
            if backpay == "after_application":
                lo = a + 1
            elif backpay == "application_month" or n > 0:
                lo = a  # back pay to eligibility is for the first enrollment only
            else:
                lo = -_NO_LIMIT
            end = person_end
            if e.ended_on is not None:
                r = e.end_reason
                hi = _index(e.ended_on) - (same if r == "death" else 0)
                if hi < end.hi:
                    kind = (
                        "died" if r == "death" else "moved_out" if r == "moved_out" else "stopped"
                    )
                    end = _Window(0, hi, kind, e.ended_on, r)
            windows.append(_Window(lo, end.hi, end.end_reason, end.end_date, end.stop_reason))
        self.windows: tuple[_Window, ...] = tuple(windows)

        # Proof of life: C = latest lifecert or application date (the current application),
        # the latter only when accepted at the counter (the ID original was seen there).
        n_months = policy.life_cert_months
        latest = max(lifecerts, default=None)
        for e in enrollments:
            if e.at_counter and (latest is None or e.applied_on > latest):
                latest = e.applied_on
        if n_months == 0:
            self.pay_until = _NO_LIMIT
        elif latest is not None:
            self.pay_until = _index(latest) + n_months - 1
        else:
            self.pay_until = -_NO_LIMIT

    def first_month(self) -> Month | None:
        """Earliest month that can be entitled (None: no approved enrollment)."""
        if not self.windows:
            return None
        policy = self.policy
        low = max(
            policy.version_starts[0],
            self._floor,
            self.birth_index + 12 * policy.age_edges[0] + self._shift,
            min(w.lo for w in self.windows),
        )
        return Month.from_index(low)

    def runs(self, last: Month) -> list[tuple[int, int, int, bool]]:
        """Entitled months up to `last` as stretches of equal amount and payability:
        (first month index, last month index, fen, payable), ascending. The facts of
        statuses() without a per-month object: the roster's fast path."""
        if not self.windows:
            return []
        policy, top = self.policy, last.index
        base = max(self._floor, policy.version_starts[0])
        spans = sorted((max(w.lo, base), min(w.hi, top)) for w in self.windows)
        merged: list[list[int]] = []
        for lo, hi in spans:
            if lo > hi:
                continue
            if merged and lo <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        if not merged:
            return []
        # Months where the amount or payability may change: versions, band edges, proof of life.
        born = self.birth_index + self._shift
        cuts = sorted(
            {
                *policy.version_starts,
                self.pay_until + 1,
                *[born + 12 * age for age in policy.age_edges],
            }
        )
        out: list[tuple[int, int, int, bool]] = []
        version_at, pay_until = policy.version_at, self.pay_until
        for lo, hi in merged:
            starts = [lo, *[c for c in cuts if lo < c <= hi]]
            for n, s in enumerate(starts):
                end = starts[n + 1] - 1 if n + 1 < len(starts) else hi
                version = version_at(s)
                band = version.band_for_age((s - born) // 12) if version else None
                if band is None:
                    continue
                pay = s <= pay_until
                if out and out[-1][1] == s - 1 and out[-1][2] == band.monthly and out[-1][3] == pay:
                    out[-1] = (out[-1][0], end, band.monthly, pay)
                else:
                    out.append((s, end, band.monthly, pay))
        return out

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
        label = band.label
        if i < self._floor:
            floor = str(self.policy.backpay_floor)
            return MonthStatus(month, label, 0, NOT_ENTITLED, "before_floor", floor)
        ended: _Window | None = None
        for w in self.windows:
            if w.lo <= i <= w.hi:
                if i <= self.pay_until:
                    return MonthStatus(month, label, band.monthly, PAYABLE, "payable")
                return MonthStatus(month, label, band.monthly, WITHHELD, "no_life_cert")
            if w.hi < i and (ended is None or w.hi > ended.hi):
                ended = w
        if ended is not None:
            note = str(ended.end_date)
            if ended.end_reason == "stopped":
                reason = STOP_REASONS_ZH.get(ended.stop_reason or "", ended.stop_reason)
                note += f"（{reason or STOP_REASONS_ZH['other']}）"
            return MonthStatus(month, label, 0, NOT_ENTITLED, ended.end_reason, note)
        if self.windows:
            start = str(Month.from_index(self.windows[0].lo))
            return MonthStatus(month, label, 0, NOT_ENTITLED, "before_start", start)
        return MonthStatus(month, label, 0, NOT_ENTITLED, "not_enrolled")


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
        return ElderError(
            "APPLY_TOO_EARLY",
            birth=birth,
            age=age,
            month=Month(birth.year + (age or 0), birth.month),
            earliest=earliest,
        )
    return None
