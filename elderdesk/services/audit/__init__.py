"""Writing the hash-chained audit log, inside the caller's transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from elderdesk.services.auth import Operator
from elderdesk.services.clock import fixed_today, now
from elderdesk.store import audit_repo
from elderdesk.store.db import Session
from elderdesk.store.orm import AuditRow

GENESIS = "0" * 64

# Checks run before a record is appended, inside the change's transaction: raising refuses the
# whole change (services/exchange/ownership.py refuses edits of records another office owns).
GUARDS: list[Callable[[Session, Operator, str, str | None], None]] = []


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal | set | frozenset):
        return str(value) if isinstance(value, Decimal) else sorted(value)
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return str(value)


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def record_hash(prev_hash: str, at: str, operator: str, action: str, entity: str,
                entity_key: str | None, before: str | None, after: str | None,
                today: str | None = None) -> str:
    """SHA-256 over the previous hash and this record's fields (the chain link). `today` (the
    ELDERDESK_TODAY date the record was written under, migration 0006) joins the hashed fields
    only when set, so records without it keep the hash they were written with."""
    fields = [prev_hash, at, operator, action, entity, entity_key, before, after]
    if today is not None:
        fields.append(today)
    payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(session: Session, op: Operator, action: str, entity: str, entity_key: str | None,
           before: Any = None, after: Any = None) -> AuditRow:
    """Append one audit record; the caller's transaction holds the write lock."""
    for guard in GUARDS:
        guard(session, op, action, entity_key)
    last = audit_repo.head(session)
    prev = last.sha256 if last is not None else GENESIS
    # the system clock (the server's on PostgreSQL: one clock for every counter), never
    # ELDERDESK_TODAY
    at = (audit_repo.server_clock(session) or now()).isoformat(timespec="seconds")
    fixed = fixed_today()
    day = fixed.isoformat() if fixed is not None else None
    b, a = to_json(before), to_json(after)
    row = AuditRow(
        at=at, operator=op.name, action=action, entity=entity, entity_key=entity_key,
        before_json=b, after_json=a, prev_hash=prev,
        hash=record_hash(prev, at, op.name, action, entity, entity_key, b, a, day),
    )
    if day is not None:  # unset, the column stays out of the INSERT (a file before 0006)
        row.today = day
    audit_repo.append(session, row)
    return row
