"""Reading the audit log for its checks: the chain in order, the head, a record's hash."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session, undefer

from elderdesk.store.orm import AuditRow

CHAIN_BATCH = 5000


class ChainRow(NamedTuple):
    """One audit record with every field its hash covers, as the chain check reads it."""

    id: int
    at: str
    operator: str
    action: str
    entity: str
    entity_key: str | None
    before_json: str | None
    after_json: str | None
    prev_hash: str
    hash: str
    today: str | None


def chain(session: Session) -> Iterator[ChainRow]:
    """Every record in record-number order, streamed (a city's log has millions)."""
    cols = [getattr(AuditRow, f) for f in ChainRow._fields]
    result = session.execute(select(*cols).order_by(AuditRow.id)
                             .execution_options(yield_per=CHAIN_BATCH))
    for row in result:
        yield ChainRow(*row)


def server_clock(session: Session) -> datetime | None:
    """The database server's local time (whole seconds) on PostgreSQL, where several counters
    append to one chain and their own clocks disagree; None on SQLite (the PC's clock is the
    database's)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return session.execute(text("SELECT localtimestamp(0)")).scalar_one()


class RecordHash(NamedTuple):
    """One audit record's number and stored SHA-256 (a head of the chain, or a record found)."""

    record: int
    sha256: str


class BeforeAfter(NamedTuple):
    """The JSON texts an audit record holds: the state before and after its action."""

    before_json: str | None
    after_json: str | None


def head(session: Session) -> RecordHash | None:
    """The number and SHA-256 of the last record; None for an empty log."""
    row = session.execute(select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc())
                          .limit(1)).first()
    return RecordHash(row.id, row.hash) if row else None


class AuditFilter(NamedTuple):
    """What the log viewer asks for (values already checked): None means any."""

    person: str | None = None  # ID number: records on it, and bulk records naming it
    operator: str | None = None
    kind: str | None = None  # "people" (every people.* action) or one action "people.edit"
    first_day: str | None = None  # ISO date, inclusive
    after_last_day: str | None = None  # ISO date, exclusive
    before: int | None = None  # record numbers below this
    bulk_actions: tuple[str, ...] = ()  # actions whose after_json names the people touched


def search(session: Session, f: AuditFilter, limit: int) -> list[AuditRow]:
    """Records matching the filter, newest first."""
    stmt = select(AuditRow).options(undefer(AuditRow.today)).order_by(AuditRow.id.desc())
    if f.person:
        like = f'%"{f.person}"%'
        stmt = stmt.where(or_(AuditRow.entity_key == f.person,
                              AuditRow.action.in_(f.bulk_actions) & AuditRow.after_json.like(like)))
    if f.operator:
        stmt = stmt.where(AuditRow.operator == f.operator)
    if f.kind:
        if "." in f.kind:
            stmt = stmt.where(AuditRow.action == f.kind)
        else:
            stmt = stmt.where(or_(AuditRow.action == f.kind,
                                  AuditRow.action.between(f.kind + ".", f.kind + ".\uffff")))
    if f.first_day:
        stmt = stmt.where(AuditRow.at >= f.first_day)
    if f.after_last_day:
        stmt = stmt.where(AuditRow.at < f.after_last_day)
    if f.before:
        stmt = stmt.where(AuditRow.id < f.before)
    return list(session.execute(stmt.limit(limit)).scalars())


def operators(session: Session) -> list[str]:
    """Every name that appears as an operator, sorted."""
    return sorted(set(session.execute(select(AuditRow.operator).distinct()).scalars()))


def records_of(session: Session, entity: str, entity_key: str,
               actions: tuple[str, ...]) -> list[AuditRow]:
    """Every record of some actions on one entity, oldest first."""
    return list(session.scalars(select(AuditRow).where(
        AuditRow.entity == entity, AuditRow.entity_key == entity_key,
        AuditRow.action.in_(actions)).order_by(AuditRow.id)))


def append(session: Session, row: AuditRow) -> None:
    """Add a record (its id assigned at once)."""
    session.add(row)
    session.flush()


def last_of(session: Session, action: str, entity_key: str) -> RecordHash | None:
    """The number and SHA-256 of the newest record of an action on a key (entity_key index)."""
    row = session.execute(select(AuditRow.id, AuditRow.hash).where(
        AuditRow.entity_key == entity_key, AuditRow.action == action)
        .order_by(AuditRow.id.desc()).limit(1)).first()
    return RecordHash(row.id, row.hash) if row else None


def hashes_of(session: Session, records: set[int]) -> dict[int, str]:
    """The stored hash of each of a few records that exist."""
    if not records:
        return {}
    rows = session.execute(select(AuditRow.id, AuditRow.hash).where(AuditRow.id.in_(records)))
    return {r.id: r.hash for r in rows}


def records_on(session: Session, action: str, keys: tuple[str, ...]) -> list[BeforeAfter]:
    """The before and after JSON of every record of an action on any of keys (entity_key
    index), oldest first."""
    rows = session.execute(select(AuditRow.before_json, AuditRow.after_json).where(
        AuditRow.entity_key.in_(keys), AuditRow.action == action).order_by(AuditRow.id))
    return [BeforeAfter(r.before_json, r.after_json) for r in rows]
