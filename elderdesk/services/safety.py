"""Backups (create, checked restore) and the audit chain check."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from elderdesk.domain.errors import ElderError
from elderdesk.services import audit
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import now
from elderdesk.store import backup, schema
from elderdesk.store.db import Database
from elderdesk.store.orm import AuditRow


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    records: int
    first_broken: int | None

    def to_json(self) -> dict:
        return {"ok": self.ok, "records": self.records, "first_broken": self.first_broken}


def verify_chain(db: Database) -> AuditCheck:
    """Recompute every link; the first record whose hash or back-link is wrong is reported."""
    prev = audit.GENESIS
    count = 0
    with db.read() as s:
        rows = s.execute(select(AuditRow).order_by(AuditRow.id)).scalars()
        for row in rows:
            count += 1
            expected = audit.record_hash(prev, row.at, row.operator, row.action, row.entity,
                                         row.entity_key, row.before_json, row.after_json)
            if row.prev_hash != prev or row.hash != expected:
                return AuditCheck(False, count, row.id)
            prev = row.hash
    return AuditCheck(True, count, None)


class SafetyService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def verify_audit(self, op: Operator) -> AuditCheck:
        require(op, "audit.verify")
        return verify_chain(self.db)

    def create_backup(self, op: Operator, target: Path) -> Path:
        require(op, "backup.create")
        if target.exists():
            raise ElderError("FILE_EXISTS", path=str(target))
        target.parent.mkdir(parents=True, exist_ok=True)
        backup.online_backup(self.db.path, target)
        with self.db.write() as s:
            audit.record(s, op, "backup.create", "backup", target.name, None,
                         {"file": str(target)})
        return target


def restore(db_path: Path, source: Path, op_name: str | None = None) -> Path | None:
    """Check a backup and put it in place of db_path; the current file is kept as a backup
    first. Returns the path of that safety copy (None if there was no current database)."""
    if not source.is_file():
        raise ElderError("FILE_NOT_FOUND", path=str(source))
    info = backup.inspect(source)
    if info.integrity != "ok":
        raise ElderError("BACKUP_INVALID", detail=info.integrity)
    if info.schema is None:
        raise ElderError("BACKUP_INVALID", detail="不是 ElderDesk 数据库")
    if info.schema > schema.HEAD:
        raise ElderError("BACKUP_NEWER_SCHEMA", found=info.schema, known=schema.HEAD)
    kept = None
    if db_path.exists():
        current = backup.inspect(db_path)
        if current.region and info.region != current.region:
            raise ElderError("BACKUP_WRONG_OFFICE", found=info.office_name, region=info.region,
                             expected=current.office_name)
        kept = db_path.with_name(f"{db_path.stem}.before-restore-{now():%Y%m%d-%H%M%S}.db")
        backup.online_backup(db_path, kept)
    staged = db_path.with_name(db_path.name + ".restoring")
    shutil.copy2(source, staged)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    staged.replace(db_path)
    opened = schema.open_existing(db_path)  # migrates an older backup (copy kept first)
    opened.close()
    return kept
