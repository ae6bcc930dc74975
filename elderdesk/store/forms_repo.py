"""Queries behind the printed forms: a person's roster items and recoveries, the card pick-up
register."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from elderdesk.domain.ledger import KINDS
from elderdesk.domain.months import Month


def roster_items(session: Session, person_id: int) -> list[tuple[str, str, str, str, int]]:
    """(period, roster status, month, kind, fen) of every roster line of the person, by period
    with a frozen roster before a draft of the same period, then by month."""
    rows = session.execute(text(
        "SELECT r.period, r.status, i.month, i.kind, i.amount_fen FROM roster_items i"
        " JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id"
        " WHERE l.person_id = :p ORDER BY r.period, r.status DESC, i.month, i.kind"),
        {"p": person_id})
    return [(r[0], r[1], str(Month.from_index(r[2])), KINDS[r[3]], r[4]) for r in rows]


def recoveries_of(session: Session, person_id: int) -> list[tuple[str, str, int, date | None]]:
    """(period, month, fen, settled on) of the person's recoveries from frozen rosters."""
    rows = session.execute(text(
        "SELECT period, month, amount_fen, settled_on FROM recoveries WHERE person_id = :p"
        " ORDER BY month, id"), {"p": person_id})
    return [(r[0], r[1], r[2], _opt(r[3])) for r in rows]


def people_with_open_recoveries(session: Session) -> list[str]:
    """ID numbers of the people owing money back, in ID order."""
    return list(session.execute(text(
        "SELECT DISTINCT p.id_number FROM recoveries r JOIN people p ON p.id = r.person_id"
        " WHERE r.settled_on IS NULL ORDER BY p.id_number")).scalars())


def pickup_rows(session: Session, first: date, last: date) -> list[tuple]:
    """Cards issued first..last: (card_no, type, reason, issued_on, picked_up_on, agent name,
    agent ID, ID number, name, sex, community, status), in issue order."""
    rows = session.execute(text(
        "SELECT c.card_no, c.card_type, c.reason, c.issued_on, c.picked_up_on, c.agent_name,"
        " c.agent_id_number, p.id_number, p.name, p.sex, p.community, c.status FROM cards c"
        " JOIN people p ON p.id = c.person_id WHERE c.issued_on >= :a AND c.issued_on <= :b"
        " ORDER BY c.issued_on, c.seq_year, c.seq"),
        {"a": first.isoformat(), "b": last.isoformat()})
    out = []
    for r in rows:
        out.append((r[0], r[1], r[2], _day(r[3]), _opt(r[4]), *r[5:]))
    return out


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def approved_born_in(session: Session, months: set[str]) -> tuple[list[tuple], dict, dict]:
    """People ever approved whose birth month ('YYYY-MM') is in `months`, as
    roster_repo.candidates gives them, with their enrollments and proof-of-life dates keyed by
    person id (as roster_repo.enrollments_by_person / lifecerts_by_person)."""
    if not months:
        return [], {}, {}
    marks = ", ".join(f":m{i}" for i in range(len(months)))
    month = ("to_char(birth_date, 'YYYY-MM')" if session.get_bind().dialect.name == "postgresql"
             else "substr(birth_date, 1, 7)")
    rows = session.execute(text(
        "SELECT id, id_number, name, sex, birth_date, street, community, bank, account,"
        f" death_date, moved_out_on FROM people WHERE {month} IN ({marks})"
        " AND id IN (SELECT person_id FROM enrollments WHERE approved_on IS NOT NULL)"),
        {f"m{i}": m for i, m in enumerate(sorted(months))}).all()
    people = [(r[0], r[1], r[2], r[3], _day(r[4]), r[5], r[6], r[7], r[8], _opt(r[9]),
               _opt(r[10])) for r in rows]
    enrollments: dict[int, list[tuple]] = defaultdict(list)
    certs: dict[int, list[date]] = defaultdict(list)
    for chunk in _chunks([p[0] for p in people]):
        where = ", ".join(str(int(i)) for i in chunk)
        for pid, applied, status, approved_on, ended, reason, source in session.execute(text(
                "SELECT person_id, applied_on, status, approved_on, ended_on, end_reason, source"
                f" FROM enrollments WHERE person_id IN ({where}) ORDER BY id")):
            approved = approved_on is not None and status in ("approved", "stopped")
            enrollments[pid].append((_day(applied), approved, _opt(ended), reason,
                                     source != "online"))
        for pid, d in session.execute(text(
                f"SELECT person_id, cert_date FROM lifecerts WHERE person_id IN ({where})")):
            certs[pid].append(_day(d))
    return people, enrollments, certs


def _day(value: str | date) -> date:
    """A stored date: ISO text on SQLite, a date from PostgreSQL (str() gives its ISO text)."""
    return date.fromisoformat(str(value)[:10])


def _opt(value: str | date | None) -> date | None:
    return _day(value) if value else None
