"""Roster reconciliation against the payment ledger (allowance-rules.md section 5)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any

from elderdesk.domain.entitlement import NOT_ENTITLED, PAYABLE, Entitlement, MonthStatus
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month, Period

REGULAR = "regular"
ARREARS = "arrears"
RECOVERY = "recovery"

Ledger = Mapping[Month, int]  # month -> net fen paid by frozen rosters (absent = 0)


@dataclass(frozen=True, slots=True)
class Item:
    month: Month
    kind: str  # REGULAR | ARREARS | RECOVERY
    amount_fen: int  # always > 0


@dataclass(frozen=True, slots=True)
class RosterLine:
    """Everything one roster holds for one person: payments and recoveries."""

    person: str  # the caller's key (ID number or row id)
    items: tuple[Item, ...]

    @property
    def payments(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.kind != RECOVERY)

    @property
    def recoveries(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.kind == RECOVERY)

    @property
    def paid_fen(self) -> int:
        return sum(i.amount_fen for i in self.items if i.kind != RECOVERY)

    @property
    def recovery_fen(self) -> int:
        return sum(i.amount_fen for i in self.items if i.kind == RECOVERY)


@dataclass(frozen=True, slots=True)
class RosterTotals:
    """people = lines with payments; paid = regular + arrears; recovery apart; all fen."""

    people: int = 0
    regular: int = 0
    arrears: int = 0
    recovery: int = 0

    @property
    def paid(self) -> int:
        return self.regular + self.arrears

    def to_json(self) -> dict[str, Any]:
        return {
            "people": self.people,
            "regular": fen_to_str(self.regular),
            "arrears": fen_to_str(self.arrears),
            "paid": fen_to_str(self.paid),
            "recovery": fen_to_str(self.recovery),
        }


def reconcile(period: Period, statuses: Sequence[MonthStatus], ledger: Ledger) -> list[Item]:
    """Items of one person for `period`, sorted by month.

    `statuses` covers the months that may be entitled up to period.last, ascending (as
    Entitlement.statuses returns them); a ledger month it does not cover counts as not
    entitled. Ledger months after period.last are left alone.
    """
    first, last = period.first, period.last
    items: list[Item] = []
    for st in statuses:
        m = st.month
        if m > last:
            break
        p = ledger.get(m, 0)
        if st.state == PAYABLE:
            e = st.amount_fen
            if p == 0:
                items.append(Item(m, REGULAR if m >= first else ARREARS, e))
            elif p < e:
                items.append(Item(m, ARREARS, e - p))
            elif p > e:
                items.append(Item(m, RECOVERY, p - e))
        elif st.state == NOT_ENTITLED and p > 0:
            items.append(Item(m, RECOVERY, p))
    if ledger:
        covered = _covered(statuses)
        extra = [
            Item(m, RECOVERY, p)
            for m, p in ledger.items()
            if p > 0 and m <= last and not covered(m)
        ]
        if extra:
            items.extend(extra)
            items.sort(key=lambda i: i.month)
    return items


def _covered(statuses: Sequence[MonthStatus]) -> Callable[[Month], bool]:
    """Membership test for the months of `statuses` (a range check when contiguous)."""
    if not statuses:
        return lambda m: False
    lo, hi = statuses[0].month, statuses[-1].month
    if hi - lo + 1 == len(statuses):
        return lambda m: lo <= m <= hi
    months = {st.month for st in statuses}
    return months.__contains__


def person_items(period: Period, entitlement: Entitlement, ledger: Ledger) -> list[Item]:
    """Items of one person for `period`: reconcile() over every status up to period.last,
    computed from Entitlement.runs instead of per-month objects."""
    paid = {m.index: p for m, p in ledger.items()}
    return reconcile_runs(period, entitlement.runs(period.last), paid)


def reconcile_runs(
    period: Period, runs: Sequence[tuple[int, int, int, bool]], paid: Mapping[int, int]
) -> list[Item]:
    """The fast core: `runs` from Entitlement.runs, `paid` keyed by Month.index."""
    first, last = period.first.index, period.last.index
    items: list[Item] = []
    matched = 0  # ledger rows with p > 0 inside entitled months
    get = paid.get
    for lo, hi, e, payable in runs:
        if not payable:  # withheld: neither paid nor recovered
            if paid:
                matched += sum(1 for i in range(lo, hi + 1) if get(i, 0) > 0)
            continue
        for i in range(lo, hi + 1):
            p = get(i, 0)
            if p == e:
                matched += 1
            elif p == 0:
                items.append(Item(Month.from_index(i), REGULAR if i >= first else ARREARS, e))
            else:
                matched += p > 0
                kind, amount = (ARREARS, e - p) if p < e else (RECOVERY, p - e)
                items.append(Item(Month.from_index(i), kind, amount))
    if matched < len(paid):  # some ledger month lies outside every entitled run
        starts = [r[0] for r in runs]
        for i, p in paid.items():
            k = bisect.bisect_right(starts, i) - 1
            if p > 0 and i <= last and (k < 0 or runs[k][1] < i):
                items.append(Item(Month.from_index(i), RECOVERY, p))
        items.sort(key=lambda it: it.month)
    return items


def build_roster(
    period: Period, people: Iterable[tuple[str, Entitlement, Ledger]]
) -> list[RosterLine]:
    """Lines for everyone with at least one item, in the order given."""
    lines = []
    for key, entitlement, ledger in people:
        items = person_items(period, entitlement, ledger)
        if items:
            lines.append(RosterLine(key, tuple(items)))
    return lines


def roster_totals(lines: Iterable[RosterLine]) -> RosterTotals:
    people = regular = arrears = recovery = 0
    for line in lines:
        paid = False
        for i in line.items:
            if i.kind == REGULAR:
                regular += i.amount_fen
                paid = True
            elif i.kind == ARREARS:
                arrears += i.amount_fen
                paid = True
            else:
                recovery += i.amount_fen
        people += paid
    return RosterTotals(people, regular, arrears, recovery)


def apply_items(ledger: MutableMapping[Month, int], items: Iterable[Item]) -> None:
    """Freeze one person's items into their ledger: payments add, recoveries subtract.

    A month whose net becomes 0 is removed (absent = 0).
    """
    for i in items:
        delta = -i.amount_fen if i.kind == RECOVERY else i.amount_fen
        net = ledger.get(i.month, 0) + delta
        if net < 0:
            raise ValueError(f"ledger of {i.month} would become negative")
        if net:
            ledger[i.month] = net
        else:
            ledger.pop(i.month, None)


def apply_roster(
    ledgers: MutableMapping[str, MutableMapping[Month, int]], lines: Iterable[RosterLine]
) -> None:
    """Freeze a roster: apply each line's items to that person's ledger (created if absent)."""
    for line in lines:
        ledger = ledgers.get(line.person)
        if ledger is None:
            ledger = ledgers[line.person] = {}
        apply_items(ledger, line.items)
