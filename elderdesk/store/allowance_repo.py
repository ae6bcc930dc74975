"""Queries for enrollments, proofs of life, ledger and rosters (bulk loads keyed by person)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.store.bulk import driver_sql
from elderdesk.store.orm import AuditRow, PolicyRow, UserRow
from elderdesk.store.orm_allowance import EnrollmentRow, LifeCertRow, RosterRow
from elderdesk.store.stamp import to_stamp

OPEN = ("applied", "reviewed")
ACTIVE = ("applied", "reviewed", "approved")


def current_policy_source(session: Session) -> str | None:
    return session.execute(
        select(PolicyRow.source).order_by(PolicyRow.id.desc()).limit(1)
    ).scalar_one_or_none()


def latest_enrollment(session: Session, person_id: int) -> EnrollmentRow | None:
    return session.execute(
        select(EnrollmentRow).where(EnrollmentRow.person_id == person_id)
        .order_by(EnrollmentRow.id.desc()).limit(1)
    ).scalar_one_or_none()


def enrollments_of(session: Session, person_id: int) -> list[EnrollmentRow]:
    return list(session.execute(
        select(EnrollmentRow).where(EnrollmentRow.person_id == person_id)
        .order_by(EnrollmentRow.id)
    ).scalars())


def lifecert_dates(session: Session, person_id: int) -> list[date]:
    return list(session.execute(
        select(LifeCertRow.cert_date).where(LifeCertRow.person_id == person_id)
    ).scalars())


def add_lifecert(session: Session, person_id: int, on: date, user_name: str,
                 at: datetime) -> None:
    """Record a proof of life (one per person and day: the caller has checked) with the id of
    the user recording it (None for a name that is no user: the system)."""
    session.add(LifeCertRow(
        person_id=person_id, cert_date=on, recorded_at=at,
        user_id=session.execute(select(UserRow.id).where(UserRow.name == user_name)).scalar()))


def insert_lifecerts(session: Session, rows: Iterable[tuple[int, date, int | None, datetime]]
                     ) -> None:
    """Many proofs of life at once (the demo): (person_id, date, user id, recorded at)."""
    conn = session.connection()
    conn.exec_driver_sql(driver_sql(
        conn, "INSERT INTO lifecerts (person_id, cert_date, user_id, recorded_at) "
        "VALUES (?, ?, ?, ?)"),
        [(pid, on.isoformat(), user, to_stamp(at)) for pid, on, user, at in rows])


def group_by_person(rows: Iterable[tuple]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = defaultdict(list)
    for r in rows:
        out[r[0]].append(r[1:])
    return out


def last_frozen(session: Session) -> RosterRow | None:
    return session.execute(
        select(RosterRow).where(RosterRow.status == "frozen").order_by(RosterRow.id.desc()).limit(1)
    ).scalar_one_or_none()


def draft(session: Session) -> RosterRow | None:
    return session.execute(
        select(RosterRow).where(RosterRow.status == "draft")
    ).scalar_one_or_none()


def changes_since(session: Session, audit_id: int, harmless: tuple[str, ...]) -> AuditRow | None:
    """The first audit record after audit_id whose action could change a roster."""
    rows = session.execute(
        select(AuditRow).where(AuditRow.id > audit_id).order_by(AuditRow.id)
    ).scalars()
    for row in rows:
        if not row.action.startswith(harmless):
            return row
    return None


class AuditAction(NamedTuple):
    """What an audit record did, and to whom (a draft's staleness check)."""

    action: str
    entity_key: str | None  # the person's ID number for one person's changes


def actions_since(session: Session, audit_id: int) -> list[AuditAction]:
    """Every audit record after audit_id, in order."""
    return [AuditAction(a, k) for a, k in session.execute(
        select(AuditRow.action, AuditRow.entity_key).where(AuditRow.id > audit_id)
        .order_by(AuditRow.id))]
