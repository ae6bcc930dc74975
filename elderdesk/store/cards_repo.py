"""Queries for cards, their photos and the yearly number counters."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_cards import CardCounterRow, CardPhotoRow, CardRow


class CardOfPerson(NamedTuple):
    """A card and the person it was issued to."""

    card: CardRow
    person: PersonRow


def recent_cards(session: Session, limit: int) -> list[CardOfPerson]:
    """The most recently issued cards with their holders, newest first."""
    rows = session.execute(
        select(CardRow, PersonRow).join(PersonRow, PersonRow.id == CardRow.person_id)
        .order_by(CardRow.id.desc()).limit(limit)).all()
    return [CardOfPerson(card, person) for card, person in rows]


def valid_card(session: Session, person_id: int) -> CardRow | None:
    return session.execute(
        select(CardRow).where(CardRow.person_id == person_id, CardRow.status == "valid")
    ).scalar_one_or_none()


def latest_card(session: Session, person_id: int) -> CardRow | None:
    """The valid card, else the most recently issued one."""
    return valid_card(session, person_id) or session.execute(
        select(CardRow).where(CardRow.person_id == person_id).order_by(CardRow.id.desc()).limit(1)
    ).scalar_one_or_none()


def cards_of(session: Session, person_id: int) -> list[CardRow]:
    return list(session.execute(
        select(CardRow).where(CardRow.person_id == person_id).order_by(CardRow.id)
    ).scalars())


def by_card_no(session: Session, card_no: str) -> CardRow | None:
    return session.execute(select(CardRow).where(CardRow.card_no == card_no)).scalar_one_or_none()


def paid_reissues(session: Session, person_id: int) -> int:
    """How many lost/damaged reissues the person has had (the first one costs less)."""
    return session.execute(
        select(func.count()).select_from(CardRow).where(
            CardRow.person_id == person_id, CardRow.reason.in_(("lost", "damaged")))
    ).scalar_one()


def next_seq(session: Session, year: int) -> int:
    """Take the next sequence number of a year. The caller's write transaction (BEGIN
    IMMEDIATE) serialises writers, and a rollback gives the number back: no gaps, no reuse."""
    row = session.get(CardCounterRow, year)
    if row is None:
        row = CardCounterRow(year=year, last_seq=0)
        session.add(row)
    row.last_seq += 1
    session.flush()
    return row.last_seq


def latest_photo(session: Session, person_id: int) -> CardPhotoRow | None:
    return session.execute(
        select(CardPhotoRow).where(CardPhotoRow.person_id == person_id)
        .order_by(CardPhotoRow.id.desc()).limit(1)
    ).scalar_one_or_none()


def latest_photo_image(session: Session, person_id: int) -> bytes | None:
    return session.execute(
        select(CardPhotoRow.image).where(CardPhotoRow.person_id == person_id)
        .order_by(CardPhotoRow.id.desc()).limit(1)
    ).scalar_one_or_none()
