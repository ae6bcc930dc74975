"""SQL of the 疑似重复 list (multi-office.md §5): ID numbers a district holds from more than
one street (people.office, migration 0011), each registration with its latest application."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_allowance import EnrollmentRow


class Registration(NamedTuple):
    """One registration of a shared ID number, with its latest application (if any)."""

    person_id: int
    id_number: str
    office: str
    name: str
    status: str
    community: str | None
    application: str | None  # the latest application's state (None: none)
    applied_on: date | None  # of the latest application
    approved_on: date | None


def _latest_ids():  # type: ignore[no-untyped-def]
    return (select(func.max(EnrollmentRow.id)).where(EnrollmentRow.person_id == PersonRow.id)
            .correlate(PersonRow).scalar_subquery())


def _registrations(session: Session, where) -> list[Registration]:  # type: ignore[no-untyped-def]
    q = (select(PersonRow.id, PersonRow.id_number, PersonRow.office, PersonRow.name,
                PersonRow.status, PersonRow.community, EnrollmentRow.status,
                EnrollmentRow.applied_on, EnrollmentRow.approved_on)
         .outerjoin(EnrollmentRow, EnrollmentRow.id == _latest_ids())
         .where(where).order_by(PersonRow.id_number, PersonRow.office, PersonRow.id))
    return [Registration(*r) for r in session.execute(q)]


def shared_numbers(session: Session) -> list[str]:
    """ID numbers held in more than one registration (at a district: from two streets)."""
    return list(session.execute(
        select(PersonRow.id_number).group_by(PersonRow.id_number)
        .having(func.count() > 1).order_by(PersonRow.id_number)).scalars())


def registrations_of(session: Session, numbers: Iterable[str]) -> list[Registration]:
    """Every registration of these ID numbers, by ID number and office."""
    out: list[Registration] = []
    ids = list(dict.fromkeys(numbers))
    for i in range(0, len(ids), 900):
        out += _registrations(session, PersonRow.id_number.in_(ids[i:i + 900]))
    return out


def numbers_of_people(session: Session, person_ids: Iterable[int]) -> list[str]:
    ids = list(dict.fromkeys(person_ids))
    out: list[str] = []
    for i in range(0, len(ids), 900):
        out += session.execute(select(PersonRow.id_number).where(
            PersonRow.id.in_(ids[i:i + 900]))).scalars()
    return sorted(set(out))


def numbers_of_applications(session: Session, enrollment_ids: Iterable[int]) -> list[str]:
    ids = list(dict.fromkeys(enrollment_ids))
    out: list[str] = []
    for i in range(0, len(ids), 900):
        out += session.execute(select(PersonRow.id_number).join(
            EnrollmentRow, EnrollmentRow.person_id == PersonRow.id).where(
            EnrollmentRow.id.in_(ids[i:i + 900]))).scalars()
    return sorted(set(out))
