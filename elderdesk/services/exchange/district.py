"""Who pays a street (multi-office.md §3 `payment`, §5): the district roster's scope, the
setting taking effect, what a street's own rosters paid travelling up, and the street's
refusals while its district pays.

- `office payment CODE district` travels to the street in the next package (records.py,
  `setting`); that package's number is kept (`exchange_partners.payment_seq`). The setting
  takes effect when the district imports a package of that street whose header acknowledges
  it (`received_seq >= payment_seq`): the district then pays the street from the period after
  the last roster the street froze itself, as far as the district holds them after that
  package (`pays_from`; `*` when the street never froze one), and the district roster leaves
  the street out until then: no period is paid twice.
- A street sends what its own frozen rosters paid: `paid_roster` (one per roster: period and
  totals) and `paid_ledger` (one per person: net fen by month). While the street pays, the
  district's ledger of the street's people is that ledger, so the district roster reconciles
  against what was really paid (arrears of months the street never paid, nothing paid
  twice); once the district pays, its own ledger goes on from there.
- A `paid_roster` also carries the street's `backpay_floor` (its policy's: the months before
  it were paid outside this program, by the former system). For the people of a street that
  froze rosters itself, the district roster pays no month before that floor (a later one than
  the district's own): its first roster pays what the street's own next draft would have, its
  arrears included. A street that froze nothing is paid by the district's policy alone.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from elderdesk.domain.errors import ElderError
from elderdesk.domain.ledger import (
    KIND_CODE,
    RECOVERY,
    Draft,
    RosterFacts,
    build_roster,
    pack_ledger,
    parse_ledger,
    totals_of,
)
from elderdesk.domain.months import Month, Period
from elderdesk.domain.policy import Policy, parse_policy_toml
from elderdesk.services import settings
from elderdesk.services.exchange.office import district_code
from elderdesk.store import allowance_repo, district_repo, exchange_repo, office_repo
from elderdesk.store.db import Session

PAID_ROSTER, PAID_LEDGER = "paid_roster", "paid_ledger"
PAID_KINDS = (PAID_ROSTER, PAID_LEDGER)
COUNTED_AS = {PAID_ROSTER: "roster", PAID_LEDGER: "ledger"}  # import JSON's counts
FROM_START = "*"  # pays_from of a street that never froze a roster


# --- a street ------------------------------------------------------------------------------
def paying_district(s: Session) -> str | None:
    """At a street whose district pays (the setting it received): the district's code."""
    if office_repo.level(s) == office_repo.DISTRICT:
        return None
    if (settings.get(s, "office.payment") or "street") != "district":
        return None
    return district_code(s) or (settings.get(s, office_repo.REGION) or "")


def refuse_if_district_pays(s: Session, action: str) -> None:
    """A street whose district pays: freezing, the bank file, settling recoveries and loading
    a policy are the district's (exit 4 DISTRICT_PAYS)."""
    district = paying_district(s)
    if district is not None:
        raise ElderError("DISTRICT_PAYS", district=district, action=action)


def street_paid_records(s: Session) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, key, data) of what the street's own frozen rosters paid (records.py)."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    rosters = district_repo.own_frozen_rosters(s)
    floor = _own_floor(s) if rosters else None
    for r in rosters:
        out.append((PAID_ROSTER, f"paid-{r.period}", {
            "period": r.period, "people": r.people, "regular_fen": r.regular_fen,
            "arrears_fen": r.arrears_fen, "recovery_fen": r.recovery_fen,
            "frozen_at": r.frozen_at.isoformat(timespec="seconds") if r.frozen_at else None,
            "backpay_floor": floor}))
    for pid, paid in sorted(district_repo.own_paid(s).items()):
        out.append((PAID_LEDGER, f"paid-{pid}", {
            "person": str(pid),
            "months": {str(Month.from_index(m)): fen for m, fen in sorted(paid.items())}}))
    return out


def _own_floor(s: Session) -> str | None:
    """The back-pay floor of the policy this street's rosters are built under."""
    source = allowance_repo.current_policy_source(s)
    floor = parse_policy_toml(source).backpay_floor if source else None
    return str(floor) if floor is not None else None


# --- a district ----------------------------------------------------------------------------
def apply_paid(s: Session, rec: dict[str, Any], held: Any,
               ledgers: dict[int, dict[int, int]]) -> str:
    """A street's `paid_roster` / `paid_ledger` at the district (local id returned). The ledger
    replaces the district's ledger of that person while the street pays (kept in `ledgers`,
    written in bulk by the caller: district_repo.replace_ledgers)."""
    owner, key, d = rec["owner"], rec["key"], rec["data"]
    if rec["kind"] == PAID_ROSTER:
        _period(d["period"])
        return f"{owner}-{key}"
    months = {_month(m): int(fen) for m, fen in dict(d["months"]).items()}
    pid = held.local_int("person", str(d["person"]))
    if pid is None:  # not held here (a DUP_OFFICE entry)
        return f"x{owner}-{key}"
    partner = exchange_repo.partner(s, owner)
    if partner is not None and partner.pays_from is None:
        ledgers[pid] = months
    return f"{owner}-{key}"


def _period(text: Any) -> Period:
    try:
        return Period.parse(str(text))
    except ElderError:
        raise ValueError(text) from None


def _month(text: Any) -> int:
    try:
        return Month.parse(str(text)).index
    except ElderError:
        raise ValueError(text) from None


def carried(partner: Any, seq: int, kinds: list[str]) -> None:
    """At export: the first package carrying the street's current payment setting."""
    if "setting" in kinds and partner.payment_seq is None:
        partner.payment_seq = seq


def changed(partner: Any) -> None:
    """`office payment` changed the setting: it takes effect once a package carried it."""
    partner.payment_seq = None


def take_effect(s: Session, partner: Any, header: dict[str, Any]) -> str | None:
    """After a street's package was applied: the setting takes effect when its header
    acknowledges the package that carried it. Returns the new `pays_from` ('' when the
    street pays again), None when nothing changed."""
    if partner.payment_seq is None or int(header.get("received_seq") or 0) < partner.payment_seq:
        return None
    want = partner.payment or "street"
    if want == "district" and partner.pays_from is None:
        periods = district_repo.street_roster_periods(s, partner.code, PAID_ROSTER)
        last = max((_period(p) for p in periods), default=None)
        partner.pays_from = str(last.next()) if last is not None else FROM_START
        return str(partner.pays_from)
    if want == "street" and partner.pays_from is not None:
        partner.pays_from = None
        return ""
    return None


def pays(pays_from: str | None, period: Period) -> bool:
    """Whether the district pays a street (its `pays_from`) in `period`."""
    if pays_from is None:
        return False
    return pays_from == FROM_START or _period(pays_from).first <= period.first


class RosterScope(NamedTuple):
    """What a district roster of one period covers, and how its streets are computed."""

    offices: dict[int, str]  # people.id -> registering street (the district's own: absent)
    paid: set[str]  # the streets the district pays in the period
    own: str  # the district's code (the office of its own registrations' lines)
    floors: dict[str, Month]  # street paid in the period that froze rosters -> back-pay floor
    until: dict[str, int]  # such a street -> Month.index of the last month its rosters paid


def roster_scope(s: Session, period: Period) -> RosterScope | None:
    """At a district: its RosterScope in `period` (`until`: the month before each street's
    `pays_from`); None at a street."""
    if office_repo.level(s) != office_repo.DISTRICT:
        return None
    partners = [p for p in exchange_repo.partners(s)
                if len(p.code) == 9 and pays(p.pays_from, period)]
    paid = {p.code for p in partners}
    floors = {code: floor for code, floor in street_floors(s).items() if code in paid}
    until = {p.code: _period(p.pays_from).first.index - 1 for p in partners
             if p.pays_from != FROM_START}
    return RosterScope(district_repo.person_offices(s), paid, office_repo.office_code(s),
                       floors, until)


def street_floors(s: Session) -> dict[str, Month]:
    """street -> the back-pay floor its own frozen rosters paid from (the `backpay_floor` of
    its latest `paid_roster`); streets without one are left out."""
    latest: dict[str, tuple[Period, Any]] = {}  # street -> (period, its backpay_floor)
    for rec in district_repo.street_record_bodies(s, PAID_ROSTER):
        try:
            data = json.loads(rec.body or "{}")
            period = Period.parse(rec.key.removeprefix("paid-"))
        except (ValueError, ElderError):
            continue
        seen = latest.get(rec.owner)
        if seen is None or seen[0].first < period.first:
            latest[rec.owner] = (period, data.get("backpay_floor"))
    out: dict[str, Month] = {}
    for owner, (_period, floor) in latest.items():
        if isinstance(floor, str) and floor:
            try:
                out[owner] = Month.parse(floor)
            except ElderError:
                continue
    return out


def later_floors(policy: Policy, floors: dict[str, Month]) -> dict[str, Month]:
    """The streets (of `floors`, street_floors) whose people are computed with their own
    back-pay floor: those whose floor is later than the district policy's. The one rule of the
    roster (build) and of the person views (person_policy)."""
    mine = policy.backpay_floor.index if policy.backpay_floor is not None else None
    return {code: m for code, m in floors.items() if mine is None or m.index > mine}


def _floored(policy: Policy, floor: Month | None) -> Policy:
    return policy if floor is None else replace(policy, backpay_floor=floor)


def person_policy(s: Session, policy: Policy, office: str | None) -> Policy:
    """The policy one person's entitlement is computed with (payment history, `people show`,
    forms): at a district, for a person registered at street `office` (people.office), the
    district's policy with that street's back-pay floor when later (build's rule), so the
    months the person views show as owed are the months the district roster pays; at a street
    and for the district's own registrations, the policy itself."""
    if not office or office_repo.level(s) != office_repo.DISTRICT:
        return policy
    return _floored(policy, later_floors(policy, street_floors(s)).get(office))


def build(policy: Policy, period: Period, facts: list[RosterFacts], settled: int | None,
          scope: RosterScope | None, check: Callable[[int], None] | None = None) -> Draft:
    """The engine's roster (domain.ledger.build_roster); at a district:

    - the people of a street whose own rosters paid from a later back-pay floor than the
      district's policy are computed with that floor: no month before it is paid (the former
      system paid it), so the district pays exactly what the street's own next draft would have;
    - each line carries its office (the registering street, the district's own code else);
    - the people of a street whose own rosters paid up to a month later than the district's
      last frozen one are computed with that month as the settled one (the street's ledger,
      paid_ledger, holds it): a ledger holding exactly what was owed up to it is not parsed
      and people alike share their items (domain.ledger._packed; the items do not depend on
      the month given, tests/exchange/test_district_settled.py)."""
    if scope is None:
        return build_roster(policy, period, facts, settled, check)
    offices, own, until = scope.offices, scope.own, scope.until
    later = later_floors(policy, scope.floors)
    keys: dict[str, tuple[Month | None, int | None]] = {}
    groups: dict[tuple[Month | None, int | None], list[RosterFacts]] = defaultdict(list)
    for f in facts:
        code = offices.get(f.person_id, own)
        key = keys.get(code)
        if key is None:
            paid_to = until.get(code)  # the later of the two settled months
            if paid_to is None or (settled is not None and settled >= paid_to):
                paid_to = settled
            key = keys[code] = (later.get(code), paid_to)
        groups[key].append(f)
    if len(groups) <= 1:
        floor, paid_to = next(iter(groups), (None, settled))
        return build_roster(_floored(policy, floor), period, facts, paid_to, check, offices,
                            own)
    draft, done = Draft(), 0
    for (floor, paid_to), group in groups.items():
        part = build_roster(_floored(policy, floor), period, group, paid_to,
                            None if check is None else _shifted(check, done), offices, own)
        done += len(group)
        draft.lines += part.lines
        draft.withheld += part.withheld
    draft.lines.sort(key=lambda ln: ln.view.id_number)
    draft.withheld.sort(key=lambda w: w.id_number)
    draft.totals = totals_of(draft.lines)
    return draft


def _shifted(check: Callable[[int], None], start: int) -> Callable[[int], None]:
    """check(n) of a group's engine, counted on from the `start` people before it."""
    return lambda n: check(start + n)


def street_names(s: Session) -> dict[str, str] | None:
    """At a district: street code -> name (the roster's subtotals); None at a street."""
    if office_repo.level(s) != office_repo.DISTRICT:
        return None
    return {p.code: p.name for p in exchange_repo.partners(s) if len(p.code) == 9}


# --- one ID, one line (§5: entitlement, ledger and lines go by ID number) -------------------
def _live(rows: list[RosterFacts]) -> RosterFacts:
    """The registration whose application is the latest (a person who moved: the new one)."""
    return max(rows, key=lambda f: (max((e.applied_on for e in f.enrollments),
                                        default=date.min), f.person_id))


def merge_by_id(facts: list[RosterFacts], offices: dict[int, str], paid: set[str]
                ) -> tuple[list[RosterFacts], dict[int, set[int]]]:
    """At a district, the candidates of one ID registered at several streets become one: the
    latest registration's (its person, register entry and street), with the applications of
    every registration the district pays in this period (back pay to eligibility for the
    first one only) and the ledgers of all (a month another street paid is not paid again).
    Returns the facts and, for each merged person, the months whose ledger rows the district
    can move onto it at the freeze (its own and those of registrations it pays): recoveries of
    other months stay with the street that paid them (drop_foreign_recoveries)."""
    by_id: dict[str, list[RosterFacts]] = defaultdict(list)
    for f in facts:
        by_id[f.id_number].append(f)
    out: list[RosterFacts] = []
    movable: dict[int, set[int]] = {}
    for rows in by_id.values():
        if len(rows) == 1:
            out.append(rows[0])
            continue
        live = _live(rows)
        ours = [f for f in rows if f is live or offices.get(f.person_id, "") in paid
                or f.person_id not in offices]
        enrollments = sorted((e for f in ours for e in f.enrollments),
                             key=lambda e: e.applied_on)
        ledger: dict[int, int] = defaultdict(int)
        for f in rows:
            for m, fen in parse_ledger(f.ledger).items():
                ledger[m] += fen
        certs = [f.latest_cert for f in rows if f.latest_cert is not None]
        movable[live.person_id] = {m for f in ours for m in parse_ledger(f.ledger)}
        out.append(live._replace(enrollments=tuple(enrollments), ledger=pack_ledger(ledger),
                                 latest_cert=max(certs, default=None)))
    return out, movable


def drop_foreign_recoveries(draft: Draft, movable: dict[int, set[int]]) -> None:
    """A merged line does not recover a month another street paid while paying itself (its
    ledger row is that street's); totals follow."""
    if not movable:
        return
    code = KIND_CODE[RECOVERY]
    kept = []
    changed = False
    for ln in draft.lines:
        months = movable.get(ln.person_id)
        if months is not None:
            rows = tuple((m, kind, fen) for m, kind, fen in ln.rows  # (Month.index, kind, fen)
                         if kind != code or m in months)
            if len(rows) != len(ln.rows):
                changed = True
                ln.recovery_fen = sum(fen for _m, kind, fen in rows if kind == code)
                ln.rows = rows
                ln.view = replace(ln.view, items=tuple(
                    i for i in ln.view.items
                    if i.kind != RECOVERY or Month.parse(i.month).index in months))
            if not ln.rows:
                continue
        kept.append(ln)
    if changed:  # else the engine's totals stand
        draft.lines[:] = kept
        draft.totals = totals_of(kept)
