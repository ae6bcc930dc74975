"""Backups (manual, automatic daily, checked restore), the backup folder, the audit chain check
and the integrity check after the GUI starts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from elderdesk import pc_config
from elderdesk.domain.errors import ElderError
from elderdesk.services import audit, settings
from elderdesk.services.audit import anchors as audit_anchors
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import now
from elderdesk.services.safety import rotation as backup_rotation
from elderdesk.services.safety.rotation import BackupKind, check_integrity
from elderdesk.services.users.passwords import hash_password, verify_password
from elderdesk.store import backup, leftovers, pg_backup, sqlite_file
from elderdesk.store import safety as store_safety
from elderdesk.store.db import Database, Session
from elderdesk.store.safety import RESTORE_WAIT

__all__ = ["RESTORE_WAIT", "AuditCheck", "SafetyService", "StartupReport", "verify_chain"]

log = logging.getLogger(__name__)


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
        check_integrity(self.db)  # nothing on PostgreSQL (the server checks its pages)
        default = (backup_rotation.pg_default_folder() if self.db.is_pg
                   else backup.default_folder(self.db.path))
        with self.db.read() as s:
            offices = audit_anchors.office_codes(s)
            folders = audit_anchors.backup_folders(s, backup_rotation.folder_of(self.db),
                                                   default)
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
            target = backup_rotation.take(self.db, BackupKind.MANUAL, now())
        else:
            if target.exists():
                raise ElderError("FILE_EXISTS", path=str(target))
            check_integrity(self.db)
            if self.db.is_pg:
                pg_backup.backup_to(self.db.engine, self.db.url, target)
            else:
                store_safety.backup_to(self.db.path, target)
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
        chosen = backup_rotation.check_folder(Path(folder))
        if self.db.is_pg:  # per PC (multi-office.md): in this PC's settings, audited
            before = str(backup_rotation.folder_of(self.db))
            pc_config.put(pc_config.PG_BACKUP_FOLDER, str(chosen))
            with self.db.write() as s:
                audit.record(s, op, "backup.folder", "backup", None, {"folder": before},
                             {"folder": str(chosen)})
            return chosen
        with self.db.write() as s:
            settings.put(s, op, backup.FOLDER_KEY, str(chosen))
        return chosen

    def backups(self, op: Operator) -> list[backup_rotation.Backup]:
        """The backups of this database in the backup folder, newest first."""
        require(op, "backup.create")
        return backup_rotation.list_backups(backup_rotation.folder_of(self.db),
                                            *backup_rotation.names_of(self.db))

    def startup_checks(self, op: Operator) -> StartupReport:
        """After the GUI window shows (off the GUI thread; reads only): quick_check, then the
        day's first automatic backup. A damaged database is marked so that it refuses writes,
        and is not backed up. Any logged-in user starts it."""
        require(op, "backup.auto")
        folder = backup_rotation.folder_of(self.db)
        names = backup_rotation.names_of(self.db)
        self.clean_leftovers(folder)
        integrity = "ok" if self.db.is_pg else sqlite_file.quick_check(self.db.path)
        if integrity != "ok":
            self.db.damaged = integrity
            found = backup_rotation.list_backups(folder, names.stem, names.suffix)
            return StartupReport(integrity, folder, latest=found[0].path if found else None)
        stamp = now()  # the system clock's day, as in the backups' names (never ELDERDESK_TODAY)
        if backup_rotation.has_backup_on(folder, names.stem, stamp.date(), names.suffix):
            return StartupReport(integrity, folder)
        try:
            path = backup_rotation.take(self.db, BackupKind.DAILY, stamp, folder, checked=True)
        except ElderError as exc:
            return StartupReport(integrity, folder, backup_error=exc.message)
        return StartupReport(integrity, folder, backup=path)

    def record_auto_backup(self, op: Operator, path: Path) -> None:
        """The audit record of an automatic backup (written on the GUI's write thread)."""
        require(op, "backup.auto")
        with self.db.write() as s:
            audit.record(s, op, "backup.auto", "backup", path.name, None, {"file": str(path)})

    def clean_leftovers(self, folder: Path | None = None) -> list[Path]:
        """At a start (CLI open, GUI start): delete the temporary files that interrupted
        backups and restores of this database left beside it and in its backup folder; a file
        still in use (its process alive) is kept. Returns what was deleted."""
        path = self.db.path
        if path is None:  # PostgreSQL: no files beside the database
            return []
        removed = leftovers.clean(path, folder or store_safety.folder_if_readable(path))
        if removed:
            log.info("removed leftovers of interrupted backups or restores: %s", removed)
        return removed

    def usable(self) -> bool:
        """The database file exists and passes quick_check (else a restore replaces it as a
        file, and a login is checked against the backup instead). A database on a server: the
        login is checked there (its faults are said when it connects), unless it is empty (a
        new server's: no users yet, the login is checked against the dump: backup_login);
        another program's tables: PG_NOT_ELDERDESK."""
        if self.db.is_pg:
            return not pg_backup.is_empty(self.db.url)
        return self.db.path.exists() and store_safety.usable(self.db.path)

    def backup_login(self, source: Path, name: str | None, password: str | None) -> Operator:
        """The login of a restore into an empty server database (docs/postgresql.md): checked
        against the users of the dump, after the dump passed the restore's checks, as a missing
        SQLite file's against its backup. The same answers as a login (a wrong password, an
        unknown, disabled or locked account: AUTH_FAILED first); nothing counts the failures
        (the database has nowhere to keep them yet)."""
        if not name or password is None:
            raise ElderError("AUTH_REQUIRED")
        if not self.db.is_pg:
            raise ElderError("USAGE", detail="只用于恢复到服务器上的空数据库")
        user = pg_backup.dump_user(self.db.url, Path(source), name)
        stored = (user or {}).get("password_hash") or hash_password("x" * 8)
        if not verify_password(stored, password) or user is None:
            raise ElderError("AUTH_FAILED")
        if user.get("active") not in ("t", "true", "1"):
            raise ElderError("AUTH_DISABLED", user=name)
        locked = user.get("locked_until")
        if locked and datetime.fromisoformat(locked).replace(tzinfo=None) > now():
            raise ElderError("AUTH_LOCKED", until=locked[11:16])
        return Operator(name, frozenset(r for r in (user.get("roles") or "").split(",") if r))

    def limit_lock_wait(self) -> None:
        """From now on this database's connections wait at most RESTORE_WAIT for another
        writer (the CLI login before a restore, which writes, waits like the restore). On a
        server the login waits as any writer does (store/pg.py LOCK_TIMEOUT_MS)."""
        if self.db.is_pg:
            return
        self.db.set_busy_timeout(store_safety.RESTORE_WAIT)

    def restore(self, op: Operator, source: Path) -> Path | None:
        """Check a backup and put its data in place of this database's; the current data is
        kept as a copy first. Nothing is changed unless every check passes. Returns the path of
        that copy (None if there was no current database). Close every session of this
        database first (the GUI waits for its jobs; the CLI opens none: Services.offline_safety).

        The live file is never renamed or replaced (Windows cannot while another process has
        it open): the checked copy is written into it with SQLite's backup API, in one
        transaction. The restore first waits up to RESTORE_WAIT for other writers (then
        DB_BUSY), keeps the current data, and marks the database as being restored (writes
        elsewhere: DB_RESTORING); the restored data carries a new restore generation, so every
        session opened before notices the swap at its next write (DB_RESTORED, Database.write)
        and nothing is committed into data that was replaced. A missing or damaged database
        file is replaced as a file."""
        require(op, "backup.restore")
        source = Path(source)

        def record(s: Session, after: dict) -> None:
            audit.record(s, op, "backup.restore", "backup", source.name, None, after)

        if self.db.is_pg:  # pg_backup.restore: one transaction on the server, the same checks
            return pg_backup.restore(self.db.url, source, backup_rotation.folder_of(self.db),
                                     lambda: now(), record)
        return store_safety.restore(self.db.path, source, lambda: now(), record)


