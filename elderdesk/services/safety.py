"""Backups (manual, automatic daily, checked restore), the backup folder, the audit chain check
and the integrity check after the GUI starts."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from elderdesk.domain.errors import ElderError
from elderdesk.services import audit, audit_anchors, backup_rotation
from elderdesk.services.auth import Operator, require
from elderdesk.services.backup_rotation import check_integrity
from elderdesk.services.clock import now
from elderdesk.store import backup, schema
from elderdesk.store.db import Database


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    records: int
    first_broken: int | None
    anchors: tuple[audit_anchors.AnchorResult, ...] = ()
    clock_back: tuple[int, ...] = ()  # records timed before their predecessor (ok unchanged)

    def to_json(self) -> dict:
        return {"ok": self.ok, "records": self.records, "first_broken": self.first_broken,
                "anchors": [a.to_json() for a in self.anchors],
                "clock_back": list(self.clock_back)}


@dataclass(frozen=True)
class StartupReport:
    """What the background check after the GUI starts found and did."""

    integrity: str  # "ok" or SQLite's complaint (the database then refuses writes)
    folder: Path
    backup: Path | None = None  # today's automatic backup, when one was made now
    backup_error: str | None = None  # why it could not be made (Chinese)
    latest: Path | None = None  # the newest backup in the folder, when the database is damaged


def verify_chain(db: Database, anchors: Sequence[audit_anchors.Anchor] = ()) -> AuditCheck:
    """Recompute every link (the first record whose hash or back-link is wrong is reported) and
    look up every anchor (audit_anchors)."""
    with db.read() as s:
        c = audit_anchors.check_chain(s, anchors)
    return AuditCheck(c.ok, c.records, c.first_broken, c.anchors, c.clock_back)


class SafetyService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def verify_audit(self, op: Operator, head: str | None = None) -> AuditCheck:
        """The chain, and every anchor outside the database: the head beside each backup of
        this office in the backup folder, package heads, and `head` (a 校验码, N-HEX)."""
        require(op, "audit.verify")
        argument = audit_anchors.parse_head_arg(head) if head is not None else None
        check_integrity(self.db)
        with self.db.read() as s:
            offices = audit_anchors.office_codes(s)
            folders = audit_anchors.backup_folders(s, backup_rotation.folder_of(self.db),
                                                   backup.default_folder(self.db.path))
        anchors = [a for f in folders for a in audit_anchors.backup_anchors(f, offices)]
        for source in audit_anchors.PACKAGE_SOURCES:
            anchors += [a for a in source(self.db) if a.source == "package"]
        if argument is not None:
            anchors.append(audit_anchors.Anchor("argument", head.strip(), argument))
        return verify_chain(self.db, anchors)

    def create_backup(self, op: Operator, target: Path | None = None) -> Path:
        """An online backup to target, or (no target) into the backup folder, in rotation."""
        require(op, "backup.create")
        if target is None:
            target = backup_rotation.take(self.db, "manual", now())
        else:
            if target.exists():
                raise ElderError("FILE_EXISTS", path=str(target))
            check_integrity(self.db)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                backup.online_backup(self.db.path, target)
            except (OSError, ValueError, sqlite3.Error) as exc:  # full, write-protected, NUL
                raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(target.parent),
                                 detail=backup_rotation.reason(exc)) from None
        with self.db.write() as s:
            audit.record(s, op, "backup.create", "backup", target.name, None,
                         {"file": str(target)})
        return target

    def backup_folder(self, op: Operator) -> Path:
        require(op, "backup.create")
        return backup_rotation.folder_of(self.db)

    def set_backup_folder(self, op: Operator, folder: Path) -> Path:
        """Choose the folder of automatic backups (a USB stick): it must take files."""
        require(op, "settings.change")
        from elderdesk.services import settings

        chosen = backup_rotation.check_folder(Path(folder))
        with self.db.write() as s:
            settings.put(s, op, backup.FOLDER_KEY, str(chosen))
        return chosen

    def backups(self, op: Operator) -> list[backup_rotation.Backup]:
        """The backups of this database in the backup folder, newest first."""
        require(op, "backup.create")
        return backup_rotation.list_backups(backup_rotation.folder_of(self.db), self.db.path.stem)

    def startup_checks(self, op: Operator) -> StartupReport:
        """After the GUI window shows (off the GUI thread; reads only): quick_check, then the
        day's first automatic backup. A damaged database is marked so that it refuses writes,
        and is not backed up. Any logged-in user starts it."""
        require(op, "backup.auto")
        folder = backup_rotation.folder_of(self.db)
        integrity = backup.quick_check(self.db.path)
        if integrity != "ok":
            self.db.damaged = integrity
            found = backup_rotation.list_backups(folder, self.db.path.stem)
            return StartupReport(integrity, folder, latest=found[0].path if found else None)
        stamp = now()  # the system clock's day, as in the backups' names (never ELDERDESK_TODAY)
        if backup_rotation.has_backup_on(folder, self.db.path.stem, stamp.date()):
            return StartupReport(integrity, folder)
        try:
            path = backup_rotation.take(self.db, "daily", stamp, folder, checked=True)
        except ElderError as exc:
            return StartupReport(integrity, folder, backup_error=exc.message)
        return StartupReport(integrity, folder, backup=path)

    def record_auto_backup(self, op: Operator, path: Path) -> None:
        """The audit record of an automatic backup (written on the GUI's write thread)."""
        require(op, "backup.auto")
        with self.db.write() as s:
            audit.record(s, op, "backup.auto", "backup", path.name, None, {"file": str(path)})


def restore(db_path: Path, source: Path, op: Operator) -> Path | None:
    """Check a backup and put it in place of db_path; the current file is kept as a backup
    first. Nothing is changed unless every check passes. Returns the path of that safety copy
    (None if there was no current database)."""
    require(op, "backup.restore")
    source = Path(source)
    if not source.is_file():
        raise ElderError("FILE_NOT_FOUND", path=str(source))
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise ElderError("BACKUP_SAME_FILE")
    staged = db_path.with_name(db_path.name + ".restoring")
    try:
        _remove_with_sidecars(staged)
        shutil.copyfile(source, staged)  # the bytes checked are the bytes put in place
        _check_backup(staged, db_path)
        kept = _keep_current(db_path) if db_path.exists() else None
        for suffix in ("-wal", "-shm"):  # the old WAL must never be applied to the new file
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        staged.replace(db_path)
    finally:
        _remove_with_sidecars(staged)
    db = schema.open_existing(db_path)  # migrates an older backup (a copy is kept first)
    try:
        with db.write() as s:
            audit.record(s, op, "backup.restore", "backup", source.name, None,
                         {"file": str(source), "previous_kept_as": str(kept) if kept else None})
    finally:
        db.close()
    return kept


def _check_backup(staged: Path, db_path: Path) -> None:
    info = backup.inspect(staged)
    if info.integrity != "ok":
        raise ElderError("BACKUP_INVALID", detail=info.integrity)
    if info.schema is None or not info.region:
        raise ElderError("BACKUP_INVALID", detail="不是 ElderDesk 数据库")
    if info.schema > schema.HEAD:
        raise ElderError("BACKUP_NEWER_SCHEMA", found=info.schema, known=schema.HEAD)
    if db_path.exists():
        current = backup.inspect(db_path)  # unreadable (damaged): any office's backup may help
        if current.region and info.region != current.region:
            raise ElderError("BACKUP_WRONG_OFFICE", found=info.office_name, region=info.region,
                             expected=current.office_name)


def _keep_current(db_path: Path) -> Path:
    """A copy of the database about to be replaced, beside it (the backup API when the file
    reads; else the raw file and its WAL)."""
    kept = db_path.with_name(f"{db_path.stem}.before-restore-{now():%Y%m%d-%H%M%S}.db")
    n = 1
    while kept.exists():
        kept = kept.with_name(f"{db_path.stem}.before-restore-{now():%Y%m%d-%H%M%S}-{n}.db")
        n += 1
    try:
        backup.online_backup(db_path, kept)
    except sqlite3.DatabaseError:
        shutil.copy2(db_path, kept)
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            shutil.copy2(wal, Path(f"{kept}-wal"))
    return kept


def _remove_with_sidecars(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        p.unlink(missing_ok=True)
