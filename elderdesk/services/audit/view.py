"""Reading the audit log: filters (person, operator, dates, kind), newest first, paged; export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import clean_id, parse_id
from elderdesk.domain.text import clean_text
from elderdesk.services import audit
from elderdesk.services.audit.labels import (
    KINDS,
    action_name,
    change_text,
    changes,
    key_text,
    load_json,
)
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import today
from elderdesk.store import audit_repo
from elderdesk.store.audit_repo import AuditFilter
from elderdesk.store.db import Database
from elderdesk.store.orm import AuditRow

MAX_LIMIT = 1000
EXPORT_BATCH = 2000
# Bulk records name the people they touched inside after_json (imports; corrections keep the old ID).
_BULK_ACTIONS = ("import.people", "import.deaths", "people.correct_id")
_KIND_RE = re.compile(r"^[a-z_]{1,32}(\.[a-z_]{1,32})?$")


@dataclass(frozen=True)
class AuditQuery:
    person: str | None = None
    operator: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    kind: str | None = None  # "people" (every people.* action) or one action "people.edit"
    limit: int = 100
    before: int | None = None  # record number: the page of records older than it


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    operator: str
    action: str
    entity: str
    key: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    today: str | None = None  # ELDERDESK_TODAY when written under it (`at` is the system clock)

    @property
    def action_name(self) -> str:
        return action_name(self.action)

    def changes(self, masked: bool = True) -> list:
        return changes(self.entity, self.key, self.before, self.after, masked)

    def summary(self, masked: bool = True) -> str:
        return "；".join(change_text(c) for c in self.changes(masked))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "operator": self.operator, "action": self.action,
                "entity": self.entity, "key": self.key, "before": self.before,
                "after": self.after, "today": self.today}


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]
    next_before: int | None  # pass as AuditQuery.before for the next page; None: no more


def _person_filter(value: str) -> str:
    """An ID argument, cleaned like everywhere (15 → 18); a bad checksum is still searchable."""
    try:
        return parse_id(value, today()).number
    except ElderError as exc:
        if exc.code != "ID_CHECKSUM":
            raise
        return clean_id(value)


def check_query(q: AuditQuery) -> AuditQuery:
    """The query with cleaned values; INVALID_VALUE / AUDIT_KIND_UNKNOWN / ID_* (exit 2)."""
    person = _person_filter(q.person) if q.person not in (None, "") else None
    operator = clean_text(q.operator) or None if q.operator is not None else None
    if operator is not None and len(operator) > 64:
        raise ElderError("FIELD_TOO_LONG", field="操作员", max=64)
    kind = clean_text(q.kind) or None if q.kind is not None else None
    if kind is not None and (not _KIND_RE.match(kind) or kind.split(".")[0] not in KINDS):
        raise ElderError("AUDIT_KIND_UNKNOWN", kind=kind[:40], kinds="、".join(KINDS))
    if q.date_from and q.date_to and q.date_from > q.date_to:
        raise ElderError("INVALID_VALUE", field="日期范围", value=f"{q.date_from}～{q.date_to}",
                         detail="开始日期晚于结束日期")
    if not isinstance(q.limit, int) or not 1 <= q.limit <= MAX_LIMIT:
        raise ElderError("INVALID_VALUE", field="--limit", value=str(q.limit)[:20],
                         detail=f"应在 1 到 {MAX_LIMIT} 之间")
    if q.before is not None and (not isinstance(q.before, int) or not 1 <= q.before < 2**62):
        raise ElderError("INVALID_VALUE", field="--before", value=str(q.before)[:20],
                         detail="应为正整数（记录号）")
    return replace(q, person=person, operator=operator, kind=kind)


def _filter(q: AuditQuery) -> AuditFilter:
    return AuditFilter(
        q.person, q.operator, q.kind, q.date_from.isoformat() if q.date_from else None,
        (q.date_to + timedelta(days=1)).isoformat() if q.date_to else None, q.before,
        _BULK_ACTIONS)


def _entry(r: AuditRow) -> AuditEntry:
    return AuditEntry(r.id, r.at, r.operator, r.action, r.entity, r.entity_key,
                      load_json(r.before_json), load_json(r.after_json), r.today)


class AuditViewService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, op: Operator, query: AuditQuery) -> AuditPage:
        """One page of records, newest first."""
        require(op, "audit.read")
        q = check_query(query)
        with self.db.read() as s:
            rows = audit_repo.search(s, _filter(q), q.limit + 1)
            entries = tuple(_entry(r) for r in rows[:q.limit])
        more = len(rows) > q.limit
        return AuditPage(entries, entries[-1].id if more and entries else None)

    def person_trail(self, op: Operator, id_number: str, limit: int = 100) -> list[AuditEntry]:
        """One person's records, newest first (the register's detail pane): anyone who may
        read the register may read what was done to a person, not the whole log."""
        require(op, "people.read")
        q = check_query(AuditQuery(person=id_number, limit=limit))
        with self.db.read() as s:
            return [_entry(r) for r in audit_repo.search(s, _filter(q), q.limit)]

    def operators(self, op: Operator) -> list[str]:
        """Every name that appears as an operator (for the viewer's filter list)."""
        require(op, "audit.read")
        with self.db.read() as s:
            return audit_repo.operators(s)

    def export(self, op: Operator, query: AuditQuery, path: Path, *, masked: bool = True) -> int:
        """Every record matching the filters (not only one page) to an xlsx; the count."""
        from elderdesk.reports.audit_xlsx import AuditLine, write_audit_xlsx

        require(op, "audit.read")
        q = check_query(replace(query, limit=MAX_LIMIT, before=None))
        path = Path(path)  # an existing file is replaced (the CLI refuses one beforehand)

        def lines() -> Iterator[AuditLine]:
            before = None
            while True:
                with self.db.read() as s:
                    rows = audit_repo.search(s, _filter(replace(q, before=before)), EXPORT_BATCH)
                    batch = [_entry(r) for r in rows]
                for e in batch:
                    yield AuditLine(e.id, e.at, e.operator, e.action_name,
                                    key_text(e.entity, e.key, masked),
                                    [change_text(c) for c in e.changes(masked)])
                if len(batch) < EXPORT_BATCH:
                    return
                before = batch[-1].id

        count = write_audit_xlsx(path, lines(), masked=masked)
        with self.db.write() as s:
            audit.record(s, op, "audit.export", "audit", path.name, None, {
                "file": str(path), "records": count, "filters": {
                    k: str(v) for k, v in (("person", q.person), ("operator", q.operator),
                                           ("from", q.date_from), ("to", q.date_to),
                                           ("kind", q.kind)) if v},
                "masked": masked})
        return count
