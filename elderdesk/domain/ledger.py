"""The roster engine (allowance-rules.md sections 4 and 5): from the facts of each candidate,
the lines a roster pays and recovers, the months it withholds, and the freeze rule.

There is one engine: `build_roster` (used by `RosterService.build`, full or incremental) calls
`roster_line` for each candidate; `person_items` gives one person's items (forms). The store
reads the facts in bulk (`store/roster_repo.roster_facts`) and writes the result; freezing adds
each item's `signed` amount to the ledger (`store/roster_repo.apply_to_ledger`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from elderdesk.domain.entitlement import EnrollmentFacts, Entitlement, PersonFacts
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month, Period, age_in
from elderdesk.domain.person import has_account
from elderdesk.domain.policy import Policy
from elderdesk.domain.roster import ItemView, LineView, WithheldView

REGULAR = "regular"
ARREARS = "arrears"
RECOVERY = "recovery"
# Item kinds as stored (roster_items.kind): their position in KINDS.
KINDS = (REGULAR, ARREARS, RECOVERY)
KIND_CODE = {k: n for n, k in enumerate(KINDS)}

NO_ACCOUNT = "no_account"
NO_PROOF_OF_LIFE = "no_proof_of_life"

Ledger = Mapping[Month, int]  # month -> net fen paid by frozen rosters (absent = 0)
Runs = list[tuple[int, int, int, bool]]  # Entitlement.runs: (first, last, fen, payable)


def signed(kind: str, amount_fen: int) -> int:
    """The freeze rule: a regular or arrears item adds its amount to the person's ledger month,
    a recovery subtracts it. A month whose net becomes 0 has no ledger row; a negative net is
    refused (it cannot happen: a recovery never exceeds what was paid)."""
    return -amount_fen if kind == RECOVERY else amount_fen


@dataclass(frozen=True, slots=True)
class Item:
    month: Month
    kind: str  # REGULAR | ARREARS | RECOVERY
    amount_fen: int  # always > 0


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

    def __add__(self, other: RosterTotals) -> RosterTotals:
        return RosterTotals(self.people + other.people, self.regular + other.regular,
                            self.arrears + other.arrears, self.recovery + other.recovery)

    def __sub__(self, other: RosterTotals) -> RosterTotals:
        return RosterTotals(self.people - other.people, self.regular - other.regular,
                            self.arrears - other.arrears, self.recovery - other.recovery)


# --- facts in, lines out ----------------------------------------------------------------


class RosterFacts(NamedTuple):
    """Everything the engine needs of one candidate (a person ever approved, or holding
    ledger money), as the store reads it in bulk when the roster is built."""

    person_id: int
    id_number: str
    name: str
    sex: str
    birth_date: date  # from the ID number
    street: str | None
    community: str | None
    bank: str | None
    account: str | None
    death_date: date | None
    moved_out_on: date | None
    enrollments: Sequence[EnrollmentFacts]  # in application order
    latest_cert: date | None  # the latest proof of life (only the latest counts)
    ledger: str | None  # the person's ledger, packed (see pack_ledger)


@dataclass(slots=True)
class DraftLine:
    """One person's line: the view a roster shows and the items it stores."""

    person_id: int
    view: LineView
    rows: tuple[tuple[int, int, int], ...]  # (Month.index, KIND_CODE, fen), by month
    paid_fen: int
    recovery_fen: int


@dataclass
class Draft:
    """What a build stores and returns: lines and withheld people sorted by ID number."""

    lines: list[DraftLine] = field(default_factory=list)
    withheld: list[WithheldView] = field(default_factory=list)
    totals: RosterTotals = RosterTotals()


def pack_ledger(paid: Mapping[int, int]) -> str | None:
    """A ledger {Month.index: fen} as the engine reads it: 'index:fen,index:fen,...' in any
    order (the store has SQLite build it: no Python object per ledger row)."""
    return ",".join(f"{i}:{p}" for i, p in paid.items()) or None


def parse_ledger(text: str | None) -> dict[int, int]:
    out: dict[int, int] = {}
    if text:
        for part in text.split(","):
            month, fen = part.split(":")
            out[int(month)] = int(fen)
    return out


def reconcile_runs(period: Period, runs: Sequence[tuple[int, int, int, bool]],
                   paid: Mapping[int, int]) -> list[Item]:
    """Section 5 for one person: `runs` from Entitlement.runs(period.last), `paid` the ledger
    keyed by Month.index; items sorted by month."""
    return [Item(Month.from_index(m), k, a) for m, k, a in _reconcile(period, runs, paid)]


def _reconcile(period: Period, runs: Sequence[tuple[int, int, int, bool]],
               paid: Mapping[int, int]) -> list[tuple[int, str, int]]:
    """reconcile_runs as (Month.index, kind, fen)."""
    first = period.first.index
    items: list[tuple[int, str, int]] = []
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
                items.append((i, REGULAR if i >= first else ARREARS, e))
            else:
                matched += p > 0
                items.append((i, ARREARS, e - p) if p < e else (i, RECOVERY, p - e))
    if matched < len(paid):  # some ledger month lies outside every entitled run
        last = first + period.size - 1
        starts = [r[0] for r in runs]
        for i, p in paid.items():
            k = bisect.bisect_right(starts, i) - 1
            if p > 0 and i <= last and (k < 0 or runs[k][1] < i):
                items.append((i, RECOVERY, p))
        items.sort(key=lambda it: it[0])
    return items


def person_items(period: Period, entitlement: Entitlement, ledger: Ledger) -> list[Item]:
    """One person's items for `period` against their ledger (forms and tests)."""
    paid = {m.index: p for m, p in ledger.items()}
    return reconcile_runs(period, entitlement.runs(period.last), paid)


def reconcile_packed(period: Period, runs: Runs, ledger: str | None, settled_until: int | None,
                     cache: dict) -> list[Item]:
    """reconcile_runs(period, runs, parse_ledger(ledger)), by the shortcut of _packed."""
    return [Item(Month.from_index(m), k, a)
            for m, k, a in _packed(period, runs, ledger, settled_until, cache)]


def _packed(period: Period, runs: Runs, ledger: str | None, settled_until: int | None,
            cache: dict) -> Sequence[tuple[int, str, int]]:
    """_reconcile(period, runs, parse_ledger(ledger)), without parsing the ledger when it is
    settled: it holds exactly the entitled amount of every payable month up to settled_until
    (the last frozen month) and nothing else. Then those months give no item, and only the
    later ones need reconciling, against an empty ledger (the same for everyone with the same
    runs: computed once). Any other ledger (an unpaid or withheld month paid, a month missing,
    another order of months) takes the full path."""
    text, after = _settled(period, runs, settled_until, cache)
    if text is not None and text == (ledger or ""):
        return after
    return _reconcile(period, runs, parse_ledger(ledger))


def _settled(period: Period, runs: Runs, settled_until: int | None, cache: dict
             ) -> tuple[str | None, tuple[tuple[int, str, int], ...]]:
    """(the packed ledger of someone settled up to settled_until with these runs, the items
    such a person gets); (None, ()) without a frozen month."""
    if settled_until is None:
        return None, ()
    parts = []
    for lo, hi, e, payable in runs:
        if lo > settled_until:
            break
        if payable:
            key = (lo, min(hi, settled_until), e)
            text = cache.get(key)
            if text is None:
                text = cache[key] = ",".join(f"{i}:{e}" for i in range(key[0], key[1] + 1))
            parts.append(text)
    tail = tuple((max(lo, settled_until + 1), hi, e, pay) for lo, hi, e, pay in runs
                 if hi > settled_until)
    found = cache.get(tail)
    if found is None:
        found = cache[tail] = tuple(_reconcile(period, tail, {}))
    return ",".join(parts), found


def _unpaid_withheld(runs: Runs, ledger: str | None) -> list[tuple[int, int]]:
    """(Month.index, fen still owed) of the months the proof-of-life test withholds that the
    ledger has not paid in full."""
    paid: dict[int, int] | None = None
    out = []
    for lo, hi, e, payable in runs:
        if payable:
            continue
        if paid is None:
            paid = parse_ledger(ledger)
        for i in range(lo, hi + 1):
            owed = e - paid.get(i, 0)
            if owed > 0:
                out.append((i, owed))
    return out


class _Memo:
    """Values shared by many people of one build (month labels, item views, bands)."""

    def __init__(self, policy: Policy, period: Period) -> None:
        self.policy, self.period, self.last = policy, period, period.last
        self.runs: dict[tuple, tuple] = {}  # key -> (runs, settled text, items after it)
        self.ledger_texts: dict[tuple[int, int, int], str] = {}
        self.labels: dict[int, str] = {}
        self.lines: dict[tuple, tuple] = {}
        self.bands: dict[tuple[int, int, int], tuple[str | None, int]] = {}
        self.ages: dict[tuple[int, int], int] = {}

    def label(self, month: int) -> str:
        found = self.labels.get(month)
        if found is None:
            found = self.labels[month] = str(Month.from_index(month))
        return found

    def line(self, found: Sequence[tuple[int, str, int]]) -> tuple:
        """(item views, stored rows, paid, recovered, last paid month) of a line's items,
        shared by every line with the same items."""
        key = tuple(found)
        out = self.lines.get(key)
        if out is None:
            paid = rec = 0
            last_paid = -1
            for m, kind, fen in key:  # sorted by month
                if kind == RECOVERY:
                    rec += fen
                else:
                    paid += fen
                    last_paid = m
            out = self.lines[key] = (
                tuple(ItemView(self.label(m), k, a) for m, k, a in key),
                tuple((m, KIND_CODE[k], a) for m, k, a in key), paid, rec, last_paid)
        return out

    def band(self, birth: date, month: int) -> tuple[str | None, int]:
        key = (birth.year, birth.month, month)
        found = self.bands.get(key)
        if found is None:
            band = self.policy.band_for(birth, Month.from_index(month))
            found = self.bands[key] = (band.label, band.monthly) if band else (None, 0)
        return found

    def age(self, birth: date) -> int:
        key = (birth.year, birth.month)
        found = self.ages.get(key)
        if found is None:
            found = self.ages[key] = age_in(birth, self.last)
        return found


def roster_line(policy: Policy, period: Period, f: RosterFacts, settled_until: int | None,
                memo: _Memo | None = None, office: str | None = None
                ) -> tuple[DraftLine | None, WithheldView | None]:
    """One candidate's line (None: nothing to pay or recover) and withheld entry (None: nothing
    withheld). settled_until: Month.index of the last month the ledger is expected to hold as
    paid (the last frozen month, if any): only a shortcut, the items are the same whatever it
    is (see _packed). office: the line's office (a district's: the registering street)."""
    memo = memo or _Memo(policy, period)
    ent = Entitlement(policy, PersonFacts(f.birth_date, f.death_date, f.moved_out_on),
                      f.enrollments, (f.latest_cert,) if f.latest_cert else ())
    # The runs depend only on these (people born in the same month, enrolled alike, share them),
    # and so do the settled ledger text and the items that follow it (see _packed).
    key = (ent.birth_index, ent.pay_until, *[w[:2] for w in ent.windows])
    shared = memo.runs.get(key)
    if shared is None:
        runs = ent.runs(memo.last)
        shared = memo.runs[key] = (runs, *_settled(period, runs, settled_until, memo.ledger_texts))
    runs, settled_text, after = shared
    if settled_text is not None and settled_text == (f.ledger or ""):
        found: Sequence[tuple[int, str, int]] = after
    else:
        found = _reconcile(period, runs, parse_ledger(f.ledger))
    held = _unpaid_withheld(runs, f.ledger)
    reason = NO_PROOF_OF_LIFE if held else None
    if found and not has_account(f.bank, f.account):
        # No account: nothing is paid; the payments are withheld, recoveries still listed.
        payments = [(m, a) for m, k, a in found if k != RECOVERY]
        if payments:
            reason = NO_ACCOUNT
            held = sorted(held + payments)
            found = [i for i in found if i[1] == RECOVERY]
    withheld = None
    if reason is not None:
        withheld = WithheldView(f.id_number, f.name, reason,
                                tuple(memo.label(i) for i, _ in held),
                                sum(owed for _, owed in held))
    if not found:
        return None, withheld
    shown, rows, paid, rec, last_paid = memo.line(found)
    band, monthly = memo.band(f.birth_date, last_paid) if paid else (None, 0)
    view = LineView(f.id_number, f.name, f.sex, f.birth_date, f.street, f.community, f.bank,
                    f.account, band, monthly, memo.age(f.birth_date), shown, office)
    return DraftLine(f.person_id, view, rows, paid, rec), withheld


def totals_of(lines: Iterable[DraftLine]) -> RosterTotals:
    people = regular = arrears = recovery = 0
    for line in lines:
        people += line.paid_fen > 0
        recovery += line.recovery_fen
        for _m, kind, fen in line.rows:
            if kind == 0:
                regular += fen
            elif kind == 1:
                arrears += fen
    return RosterTotals(people, regular, arrears, recovery)


CHECK_EVERY = 5000  # candidates between calls of `check` (progress, cancel)


def build_roster(policy: Policy, period: Period, candidates: Iterable[RosterFacts],
                 settled_until: int | None,
                 check: Callable[[int], None] | None = None,
                 offices: Mapping[int, str] | None = None, own: str | None = None) -> Draft:
    """The roster of `period` for these candidates: every line with an item, every withheld
    person, both sorted by ID number, and the totals. `check(n)` is called before candidate
    n every CHECK_EVERY candidates (progress; it may raise to cancel). offices (a district):
    person_id -> the line's office, `own` for a person not in it; None: lines without one."""
    memo = _Memo(policy, period)
    draft = Draft()
    lines, withheld = draft.lines, draft.withheld
    office = None
    for n, f in enumerate(candidates):
        if check is not None and n % CHECK_EVERY == 0:
            check(n)
        if offices is not None:
            office = offices.get(f.person_id, own)
        line, held = roster_line(policy, period, f, settled_until, memo, office)
        if line is not None:
            lines.append(line)
        if held is not None:
            withheld.append(held)
    by_id = attrgetter("view.id_number")
    lines.sort(key=by_id)
    withheld.sort(key=attrgetter("id_number"))
    draft.totals = totals_of(lines)
    return draft
