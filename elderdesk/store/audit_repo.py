"""Reading the audit log for its checks: the chain in order, the head, a record's hash."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.store.orm import AuditRow

CHAIN_BATCH = 5000


class ChainRow(NamedTuple):
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


def head(session: Session) -> tuple[int, str] | None:
    """(record number, SHA-256) of the last record; None for an empty log."""
    row = session.execute(select(AuditRow.id, AuditRow.hash).order_by(AuditRow.id.desc())
                          .limit(1)).first()
    return (row[0], row[1]) if row else None


def last_of(session: Session, action: str, entity_key: str) -> tuple[int, str] | None:
    """(record number, SHA-256) of the newest record of an action on a key (entity_key index)."""
    row = session.execute(select(AuditRow.id, AuditRow.hash).where(
        AuditRow.entity_key == entity_key, AuditRow.action == action)
        .order_by(AuditRow.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row else None


def hashes_of(session: Session, records: set[int]) -> dict[int, str]:
    """The stored hash of each of a few records that exist."""
    if not records:
        return {}
    rows = session.execute(select(AuditRow.id, AuditRow.hash).where(AuditRow.id.in_(records)))
    return {r[0]: r[1] for r in rows}


def records_on(session: Session, action: str, keys: tuple[str, ...]) -> list[tuple[str | None,
                                                                                  str | None]]:
    """(before_json, after_json) of every record of an action on any of keys (entity_key
    index)."""
    rows = session.execute(select(AuditRow.before_json, AuditRow.after_json).where(
        AuditRow.entity_key.in_(keys), AuditRow.action == action).order_by(AuditRow.id))
    return [(r[0], r[1]) for r in rows]
