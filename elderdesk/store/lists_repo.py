"""The counter's allowance lists: application queues, people about to reach the age, proofs of
life about to run out. Named rows; the service applies the policy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

LIST_LIMIT = 5000  # rows a list shows at most


class ApplicationLine(NamedTuple):
    """A person's latest application with who handled it."""

    id_number: str
    name: str
    birth_date: date
    community: str | None
    status: str
    applied_on: date
    applied_by: str
    reviewed_on: date | None
    reviewed_by: str | None
    reason: str | None
    approved_on: date | None
    approved_by: str | None
    source: str
    needs_visit: bool  # online, and no proof of life on or after the application date
    office: str = ""  # at a district: the registering street's code (people.office)


class DueLine(NamedTuple):
    """An active person about to reach the age, with no open or approved application."""

    id_number: str
    name: str
    birth_date: date
    community: str | None
    phone: str | None


class CoverLine(NamedTuple):
    """An approved, living person and the day their proof-of-life cover starts from."""

    id_number: str
    name: str
    birth_date: date
    community: str | None
    phone: str | None
    covered_from: date | None  # the latest proof of life (or counter application); None: none
    applied_on: date


_APPLICATION_SQL = (
    "SELECT p.id_number, p.name, p.birth_date, p.community, e.status, e.applied_on, "
    "e.applied_by, e.reviewed_on, e.reviewed_by, e.decision_reason, e.approved_on, "
    "e.approved_by, e.source, e.source = 'online' AND NOT EXISTS (SELECT 1 FROM lifecerts c "
    "WHERE c.person_id = p.id AND c.cert_date >= e.applied_on), p.office "
    "FROM enrollments e JOIN people p ON p.id = e.person_id WHERE {where} AND "
    "e.id = (SELECT max(id) FROM enrollments x WHERE x.person_id = e.person_id) "
    "ORDER BY e.applied_on, p.id_number LIMIT :limit")


def _on(value: str | date) -> date:
    """A stored date: ISO text on SQLite, a date from PostgreSQL."""
    return value if isinstance(value, date) else date.fromisoformat(value[:10])


def _day(value: str | date | None) -> date | None:
    return _on(value) if value else None


def _application(r: Sequence[Any]) -> ApplicationLine:
    return ApplicationLine(r[0], r[1], _on(r[2]), r[3], r[4], _on(r[5]), r[6], _day(r[7]),
                           r[8], r[9],
                           _day(r[10]), r[11], r[12], bool(r[13]), r[14] or "")


def applications_in(session: Session, status: str) -> list[ApplicationLine]:
    """Latest applications in one state, oldest first."""
    rows = session.execute(text(_APPLICATION_SQL.format(where="e.status = :st")),
                           {"st": status, "limit": LIST_LIMIT})
    return [_application(r) for r in rows]


def application_of(session: Session, id_number: str,
                   office: str | None = None) -> ApplicationLine | None:
    """One person's latest application (at a district: of one street's registration)."""
    where = "p.id_number = :id" + (" AND p.office = :office" if office is not None else "")
    rows = session.execute(text(_APPLICATION_SQL.format(where=where)),
                           {"id": id_number, "office": office, "limit": 1}).all()
    return _application(rows[0]) if rows else None


def born_between_without_application(session: Session, first: date,
                                     last: date) -> list[DueLine]:
    """Active people born in [first, last] with no open or approved application."""
    rows = session.execute(text(
        "SELECT p.id_number, p.name, p.birth_date, p.community, p.phone FROM people p "
        "WHERE p.status = 'active' AND p.birth_date >= :lo AND p.birth_date <= :hi AND "
        "NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.status IN "
        "('applied','reviewed','approved')) ORDER BY p.birth_date, p.id_number LIMIT :limit"),
        {"lo": first.isoformat(), "hi": last.isoformat(), "limit": LIST_LIMIT})
    return [DueLine(r[0], r[1], _on(r[2]), r[3], r[4]) for r in rows]


def approved_cover(session: Session) -> list[CoverLine]:
    """Every approved, living person with the start of their proof-of-life cover: the latest
    proof of life, or a counter application's date (an online one proves nothing)."""
    cover = (  # SQLite's max(a, b) with '' for none; PostgreSQL's greatest skips NULLs
        "greatest((SELECT max(cert_date) FROM lifecerts c WHERE c.person_id = p.id),"
        " CASE WHEN e.source = 'online' THEN NULL ELSE e.applied_on END)"
        if session.get_bind().dialect.name == "postgresql" else
        "max(coalesce((SELECT max(cert_date) FROM lifecerts c WHERE c.person_id = p.id), ''),"
        " CASE WHEN e.source = 'online' THEN '' ELSE e.applied_on END)")
    rows = session.execute(text(
        f"SELECT p.id_number, p.name, p.birth_date, p.community, p.phone, {cover}, e.applied_on "
        "FROM people p JOIN enrollments e ON e.person_id = p.id "
        "WHERE p.status = 'active' AND e.status = 'approved'"))
    return [CoverLine(r[0], r[1], _on(r[2]), r[3], r[4], _day(r[5]), _on(r[6])) for r in rows]
