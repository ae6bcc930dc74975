"""Backups (manual, automatic daily, checked restore), the backup folder, the audit chain check
and the integrity check after the GUI starts."""

from __future__ import annotations

import contextlib
import logging
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
from elderdesk.store import backup, leftovers, schema
from elderdesk.store.db import GENERATION_KEY, RESTORING_KEY, Database

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
                backup.online_backup(self.db.path, target, exclusive=True)
            except FileExistsError:  # made meanwhile by someone else: never overwritten
                raise ElderError("FILE_EXISTS", path=str(target)) from None
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
        clean_leftovers(self.db.path, folder)
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


RESTORE_WAIT = 10.0  # seconds a restore waits for other writers before DB_BUSY (cli.md)


def clean_leftovers(db_path: Path, folder: Path | None = None) -> list[Path]:
    """At a start (CLI open, GUI start): delete the temporary files that interrupted backups and
    restores of this database left beside it and in its backup folder; a file still in use (its
    process alive) is kept. Returns what was deleted."""
    if folder is None:
        try:
            folder = backup.configured_folder(db_path) or backup.default_folder(db_path)
        except (sqlite3.Error, ElderError):
            folder = backup.default_folder(db_path)
    removed = leftovers.clean(db_path, folder)
    if removed:
        log.info("removed leftovers of interrupted backups or restores: %s", removed)
    return removed


def restore(db_path: Path, source: Path, op: Operator) -> Path | None:
    """Check a backup and put its data in place of db_path's; the current data is kept as a copy
    first. Nothing is changed unless every check passes. Returns the path of that copy (None if
    there was no current database).

    The live file is never renamed or replaced (Windows cannot while another process has it
    open): the checked copy is written into it with SQLite's backup API, in one transaction.
    The restore first waits up to RESTORE_WAIT for other writers (then DB_BUSY), keeps the
    current data, and marks the database as being restored (writes elsewhere: DB_RESTORING);
    the restored data carries a new restore generation, so every session opened before notices
    the swap at its next write (DB_RESTORED, Database.write) and nothing is committed into data
    that was replaced. A missing or damaged database file is replaced as a file."""
    require(op, "backup.restore")
    source = Path(source)
    if not source.is_file():
        raise ElderError("FILE_NOT_FOUND", path=str(source))
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise ElderError("BACKUP_SAME_FILE")
    staged = leftovers.staged_path(db_path)
    try:
        _remove_with_sidecars(staged)
        shutil.copyfile(source, staged)  # the bytes checked are the bytes put in place
        found = _check_backup(staged, db_path)
        in_place = db_path.exists() and _usable(db_path)
        if in_place:
            _match_page_size(staged, db_path)
        if found != schema.HEAD:
            _migrate(staged, db_path, found)
        if in_place:
            return _restore_in_place(db_path, staged, source, op)
        return _replace(db_path, staged, source, op)
    finally:
        _remove_with_sidecars(staged)


def _check_backup(staged: Path, db_path: Path) -> str:
    """Integrity, schema and office of the copy; its schema revision."""
    info = backup.inspect(staged)
    if info.integrity != "ok":
        raise ElderError("BACKUP_INVALID", detail=info.integrity)
    if info.schema is None or not info.region:
        raise ElderError("BACKUP_INVALID", detail="不是 ElderDesk 数据库")
    if info.schema > schema.HEAD:
        raise ElderError("BACKUP_NEWER_SCHEMA", found=info.schema, known=schema.HEAD)
    if db_path.exists():
        current = backup.office_of(db_path)  # unreadable (damaged): any office's backup may help
        found = backup.office_of(staged)
        if current.code and found.code not in (current.code, current.region):
            raise ElderError("BACKUP_WRONG_OFFICE", found=found.name, region=found.code,
                             expected=current.name)
    return info.schema


def _usable(db_path: Path) -> bool:
    """The current file opens and passes quick_check: its data is replaced in place."""
    try:
        with open(db_path, "rb") as f:
            if f.read(16) != backup.SQLITE_HEADER:
                return False
    except OSError:
        return False
    return backup.quick_check(db_path) == "ok"


def _page_size(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def _match_page_size(staged: Path, db_path: Path) -> None:
    """SQLite's backup API cannot write pages of another size into a database in WAL mode: the
    copy is rebuilt with the live file's page size first."""
    wanted = _page_size(db_path)
    conn = sqlite3.connect(staged, isolation_level=None)
    try:
        if int(conn.execute("PRAGMA page_size").fetchone()[0]) != wanted:
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute(f"PRAGMA page_size={wanted}")
            conn.execute("VACUUM")
    finally:
        conn.close()


def _migrate(staged: Path, db_path: Path, found: str) -> None:
    """Bring an older backup to this program's schema, keeping a copy of it first (named after
    the database) in the backup folder it names, else the `backups` folder beside the database."""
    folders = [backup.configured_folder(staged), backup.default_folder(db_path)]
    error: Exception | None = None
    for folder in [f for f in folders if f is not None]:
        try:
            backup.snapshot(staged, folder, now(), f"before-migration-{found}", stem=db_path.stem)
            break
        except (OSError, sqlite3.Error) as exc:
            error = exc
    else:
        raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(folders[-1]),
                         detail=backup_rotation.reason(error or OSError()))
    db = Database(staged)
    try:
        schema.upgrade(db)
        if found < schema.COMPACTED:
            schema.give_back_space(db)
    finally:
        db.close()


def _busy(exc: sqlite3.Error) -> bool:
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in (5, 6)  # BUSY, LOCKED


def _generation(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?",
                           (GENERATION_KEY,)).fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def _restore_in_place(db_path: Path, staged: Path, source: Path, op: Operator) -> Path:
    conn = sqlite3.connect(db_path, timeout=RESTORE_WAIT, isolation_level=None)
    try:
        try:
            conn.execute("BEGIN IMMEDIATE")  # waits for the other writers
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                raise ElderError("DB_BUSY") from None
            raise
        mark = leftovers.restore_mark()
        try:
            generation = _generation(conn)
            replaced = backup.last_record(db_path)  # nobody can add one now
            kept = _keep_current(db_path)
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                         (RESTORING_KEY, mark))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            _seal(staged, generation, op, source, kept, replaced)
            copy = sqlite3.connect(staged)
            try:
                copy.backup(conn)  # one write transaction: all of it or (killed) none
            finally:
                copy.close()
        except BaseException:
            _unmark(conn, mark)
            raise
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        conn.close()
    return kept


def _unmark(conn: sqlite3.Connection, mark: str) -> None:
    """A restore that failed changed nothing: the other sessions may write again."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM settings WHERE key = ? AND value = ?", (RESTORING_KEY, mark))
        conn.execute("COMMIT")
    except sqlite3.Error:  # stale once this process ends (leftovers.mark_stale)
        log.warning("could not remove the restore mark", exc_info=True)


def _replace(db_path: Path, staged: Path, source: Path, op: Operator) -> Path | None:
    """The current file is missing or damaged: the checked copy takes its place as a file."""
    kept = replaced = None
    generation = 0
    if db_path.exists():
        kept = _keep_current(db_path)
        with contextlib.suppress(sqlite3.Error, ElderError):
            replaced = backup.last_record(db_path)
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                generation = _generation(conn)
            finally:
                conn.close()
    _seal(staged, generation, op, source, kept, replaced)
    for suffix in ("-wal", "-shm"):  # the old WAL must never be applied to the new file
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    staged.replace(db_path)
    return kept


def _head_json(last: tuple[int, str] | None) -> dict | None:
    return {"record": last[0], "sha256": last[1]} if last else None


def _seal(staged: Path, generation: int, op: Operator, source: Path, kept: Path | None,
          replaced: tuple[int, str] | None) -> None:
    """Make the checked copy the next state of the database: a new restore generation, no
    restore mark (a copy kept during an earlier restore may hold one), and the restore's own
    audit record naming both heads (the restored one and the one replaced)."""
    restored = backup.last_record(staged)
    conn = sqlite3.connect(staged, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        new = max(generation, _generation(conn)) + 1
        conn.execute("DELETE FROM settings WHERE key = ?", (RESTORING_KEY,))
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                     (GENERATION_KEY, str(new)))
        conn.execute("COMMIT")
    finally:
        conn.close()
    db = Database(staged)
    try:
        with db.write() as s:
            audit.record(s, op, "backup.restore", "backup", source.name, None, {
                "file": str(source), "previous_kept_as": str(kept) if kept else None,
                "restored_head": _head_json(restored), "replaced_head": _head_json(replaced)})
    finally:
        db.close()
    conn = sqlite3.connect(staged, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file again
    finally:
        conn.close()


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
    for p in (path, *(Path(f"{path}{side}") for side in leftovers.SIDECARS)):
        p.unlink(missing_ok=True)
