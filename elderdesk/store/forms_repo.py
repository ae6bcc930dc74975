"""Queries behind the printed forms: a person's roster items and recoveries, the card pick-up
register."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

from elderdesk.domain.entitlement import EnrollmentFacts
from elderdesk.domain.ledger import KINDS
from elderdesk.domain.months import Month
from elderdesk.store import roster_repo


class RosterItem(NamedTuple):
    """One item of a roster line of the person, with the roster's period and state."""

    period: str  # the roster's period ('2025-Q1', '2025-03' …)
    roster_status: str  # draft | frozen
    month: str  # 'YYYY-MM' the item pays (or recovers)
    kind: str  # regular | arrears | recovery
    amount_fen: int


class PersonRecovery(NamedTuple):
    """One month's recovery of the person, recorded by a frozen roster."""

    period: str  # the frozen roster's period
    month: str  # 'YYYY-MM' paid wrongly
    amount_fen: int
    settled_on: date | None  # None: still owed


class PickupRow(NamedTuple):
    """A card issued in the range, with its holder (codes as stored; the form names them)."""

    card_no: str
    card_type: str
    reason: str
    issued_on: date
    picked_up_on: date | None
    agent_name: str | None
    agent_id_number: str | None
    id_number: str
    name: str
    sex: str
    community: str | None
    status: str


class ApprovedPerson(NamedTuple):
    """A person the adjustment list looks at: the facts the entitlement engine needs and the
    columns the list shows."""

    person_id: int
    id_number: str
    name: str
    sex: str
    birth_date: date
    street: str | None
    community: str | None
    bank: str | None
    account: str | None
    death_date: date | None
    moved_out_on: date | None


class ApprovedPeople(NamedTuple):
    """People with their applications and proof-of-life dates, keyed by person id."""

    people: list[ApprovedPerson]
    enrollments: dict[int, list[EnrollmentFacts]]  # in application order
    lifecerts: dict[int, list[date]]


def roster_items(session: Session, person_id: int) -> list[RosterItem]:
    """Every roster item of the person, by period with a frozen roster before a draft of the
    same period, then by month."""
    rows = session.execute(text(
        "SELECT r.period, r.status, i.month, i.kind, i.amount_fen FROM roster_items i"
        " JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id"
        " WHERE l.person_id = :p ORDER BY r.period, r.status DESC, i.month, i.kind"),
        {"p": person_id})
    return [RosterItem(period, status, str(Month.from_index(month)), KINDS[kind], fen)
            for period, status, month, kind, fen in rows]


def recoveries_of(session: Session, person_id: int) -> list[PersonRecovery]:
    """The person's recoveries from frozen rosters, by month."""
    rows = session.execute(text(
        "SELECT period, month, amount_fen, settled_on FROM recoveries WHERE person_id = :p"
        " ORDER BY month, id"), {"p": person_id})
    return [PersonRecovery(period, month, fen, _opt(settled))
            for period, month, fen, settled in rows]


def people_with_open_recoveries(session: Session) -> list[str]:
    """ID numbers of the people owing money back, in ID order."""
    return list(session.execute(text(
        "SELECT DISTINCT p.id_number FROM recoveries r JOIN people p ON p.id = r.person_id"
        " WHERE r.settled_on IS NULL ORDER BY p.id_number")).scalars())


def pickup_rows(session: Session, first: date, last: date) -> list[PickupRow]:
    """Cards issued first..last, in issue order."""
    rows = session.execute(text(
        "SELECT c.card_no, c.card_type, c.reason, c.issued_on, c.picked_up_on, c.agent_name,"
        " c.agent_id_number, p.id_number, p.name, p.sex, p.community, c.status FROM cards c"
        " JOIN people p ON p.id = c.person_id WHERE c.issued_on >= :a AND c.issued_on <= :b"
        " ORDER BY c.issued_on, c.seq_year, c.seq"),
        {"a": first.isoformat(), "b": last.isoformat()})
    return [PickupRow(card_no, card_type, reason, _day(issued), _opt(picked), agent, agent_id,
                      id_number, name, sex, community, status)
            for (card_no, card_type, reason, issued, picked, agent, agent_id, id_number, name,
                 sex, community, status) in rows]


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def everyone_approved(session: Session) -> ApprovedPeople:
    """Everyone roster_repo.candidates gives (ever approved, or holding ledger money), with
    their applications and proof-of-life dates: a new policy version may change anyone's
    amount. Named from roster_repo's rows in one pass each."""
    people = list(map(ApprovedPerson._make, roster_repo.candidates(session)))
    enrollments = {pid: list(map(EnrollmentFacts._make, rows))
                   for pid, rows in roster_repo.enrollments_by_person(session).items()}
    return ApprovedPeople(people, enrollments, roster_repo.lifecerts_by_person(session))


def approved_born_in(session: Session, months: set[str]) -> ApprovedPeople:
    """People ever approved whose birth month ('YYYY-MM') is in `months`, with their
    applications and proof-of-life dates."""
    if not months:
        return ApprovedPeople([], {}, {})
    marks = ", ".join(f":m{i}" for i in range(len(months)))
    month = ("to_char(birth_date, 'YYYY-MM')" if session.get_bind().dialect.name == "postgresql"
             else "substr(birth_date, 1, 7)")
    rows = session.execute(text(
        "SELECT id, id_number, name, sex, birth_date, street, community, bank, account,"
        f" death_date, moved_out_on FROM people WHERE {month} IN ({marks})"
        " AND id IN (SELECT person_id FROM enrollments WHERE approved_on IS NOT NULL)"),
        {f"m{i}": m for i, m in enumerate(sorted(months))}).all()
    people = [ApprovedPerson(pid, number, name, sex, _day(birth), street, community, bank,
                             account, _opt(death), _opt(moved))
              for (pid, number, name, sex, birth, street, community, bank, account, death,
                   moved) in rows]
    enrollments: dict[int, list[EnrollmentFacts]] = defaultdict(list)
    certs: dict[int, list[date]] = defaultdict(list)
    for chunk in _chunks([p.person_id for p in people]):
        where = ", ".join(str(int(i)) for i in chunk)
        for pid, applied, status, approved_on, ended, reason, source in session.execute(text(
                "SELECT person_id, applied_on, status, approved_on, ended_on, end_reason, source"
                f" FROM enrollments WHERE person_id IN ({where}) ORDER BY id")):
            approved = approved_on is not None and status in ("approved", "stopped")
            enrollments[pid].append(EnrollmentFacts(_day(applied), approved, _opt(ended), reason,
                                                    source != "online"))
        for pid, d in session.execute(text(
                f"SELECT person_id, cert_date FROM lifecerts WHERE person_id IN ({where})")):
            certs[pid].append(_day(d))
    return ApprovedPeople(people, enrollments, certs)


def _day(value: str | date) -> date:
    """A stored date: ISO text on SQLite, a date from PostgreSQL (str() gives its ISO text)."""
    return date.fromisoformat(str(value)[:10])


def _opt(value: str | date | None) -> date | None:
    return _day(value) if value else None
