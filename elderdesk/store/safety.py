"""The SQLite side of backups and restores, called by services/safety: taking a backup with the
reasons a folder refuses it, finding the backup folder of a file that may not open, and the
checked restore (staging, page size, migration, the restore mark and generation, the backup API
into the live file). Nothing here checks roles or writes the audit log itself: the restore takes
the function that writes its audit record."""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from elderdesk.domain.errors import ElderError
from elderdesk.store import backup, leftovers, schema, sqlite_file
from elderdesk.store.audit_repo import RecordHash
from elderdesk.store.db import GENERATION_KEY, MOVED_KEY, RESTORING_KEY, Database

log = logging.getLogger(__name__)

RESTORE_WAIT = 10.0  # seconds a restore waits for other writers before DB_BUSY (cli.md)

# Writes the restore's audit record into the checked copy, given what it names: file,
# previous_kept_as, restored_head, replaced_head.
RestoreRecord = Callable[[Session, dict[str, Any]], None]


def reason(exc: BaseException) -> str:
    """Why a folder or file could not be written, in Chinese where the cause is a common one."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return "该路径是一个文件，不是文件夹"
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EROFS):
        return "没有写入权限（U盘是否写保护？）"
    if code == errno.ENOSPC or "full" in str(exc):
        return "磁盘空间不足"
    return getattr(exc, "strerror", None) or str(exc)


def backup_to(db_path: Path, target: Path) -> None:
    """An online backup into a file that must not exist yet (FILE_EXISTS; a folder that takes
    no files: BACKUP_FOLDER_UNUSABLE with the reason)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        backup.online_backup(db_path, target, exclusive=True)
    except FileExistsError:  # made meanwhile by someone else: never overwritten
        raise ElderError("FILE_EXISTS", path=str(target)) from None
    except (OSError, ValueError, sqlite3.Error) as exc:  # full, write-protected, NUL
        raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(target.parent),
                         detail=reason(exc)) from None


def snapshot_into(db_path: Path, folder: Path, at: datetime, kind: str) -> Path:
    """backup.snapshot, a full or pulled-out USB stick said as BACKUP_FOLDER_UNUSABLE."""
    try:
        return backup.snapshot(db_path, folder, at, kind)
    except (OSError, sqlite3.Error) as exc:
        raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(folder), detail=reason(exc)) from None


def folder_of(db_path: Path) -> Path:
    """The chosen backup folder (office setting backup.folder), else `backups` beside the file."""
    return backup.configured_folder(db_path) or backup.default_folder(db_path)


def folder_if_readable(db_path: Path) -> Path:
    """folder_of for a file that may be missing or damaged: the default folder then."""
    try:
        return folder_of(db_path)
    except (sqlite3.Error, ElderError):
        return backup.default_folder(db_path)


def usable(db_path: Path) -> bool:
    """The file is an SQLite database that passes quick_check."""
    try:
        with open(db_path, "rb") as f:
            if f.read(16) != sqlite_file.SQLITE_HEADER:
                return False
    except OSError:
        return False
    return sqlite_file.quick_check(db_path) == "ok"


# --- restore ---------------------------------------------------------------------------------
def restore(db_path: Path, source: Path, clock: Callable[[], datetime],
            record: RestoreRecord) -> Path | None:
    """Check a backup and put its data in place of db_path's (SafetyService.restore explains
    the protocol); `clock` times the copies kept. Returns the copy of the current data."""
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
        in_place = db_path.exists() and usable(db_path)
        if in_place:
            _match_page_size(staged, db_path)
        if found != schema.HEAD:
            _migrate(staged, db_path, found, clock())
        seal = _Seal(source, clock, record)
        if in_place:
            return _restore_in_place(db_path, staged, seal)
        return _replace(db_path, staged, seal)
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


def _migrate(staged: Path, db_path: Path, found: str, at: datetime) -> None:
    """Bring an older backup to this program's schema, keeping a copy of it first (named after
    the database) in the backup folder it names, else the `backups` folder beside the database."""
    folders = [backup.configured_folder(staged), backup.default_folder(db_path)]
    error: Exception | None = None
    for folder in [f for f in folders if f is not None]:
        try:
            backup.snapshot(staged, folder, at, f"before-migration-{found}", stem=db_path.stem)
            break
        except (OSError, sqlite3.Error) as exc:
            error = exc
    else:
        raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(folders[-1]),
                         detail=reason(error or OSError()))
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


def _restore_in_place(db_path: Path, staged: Path, seal: _Seal) -> Path:
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
            moved = conn.execute("SELECT value FROM settings WHERE key = ?",
                                 (MOVED_KEY,)).fetchone()
            if moved is not None:  # its office lives on the server: a restored copy would be a
                raise ElderError("DB_MOVED", server=moved[0])  # second live one
            generation = _generation(conn)
            replaced = backup.last_record(db_path)  # nobody can add one now
            kept = _keep_current(db_path, seal.clock())
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                         (RESTORING_KEY, mark))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            seal(staged, generation, kept, replaced)
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


def _replace(db_path: Path, staged: Path, seal: _Seal) -> Path | None:
    """The current file is missing or damaged: the checked copy takes its place as a file."""
    kept = replaced = None
    generation = 0
    if db_path.exists():
        kept = _keep_current(db_path, seal.clock())
        with contextlib.suppress(sqlite3.Error, ElderError):
            replaced = backup.last_record(db_path)
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                generation = _generation(conn)
            finally:
                conn.close()
    seal(staged, generation, kept, replaced)
    for suffix in ("-wal", "-shm"):  # the old WAL must never be applied to the new file
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    staged.replace(db_path)
    return kept


def _head_json(last: RecordHash | None) -> dict | None:
    return {"record": last.record, "sha256": last.sha256} if last else None


class _Seal:
    """What sealing a restore needs besides the files: the backup's name, the clock, and the
    function that writes the restore's audit record."""

    def __init__(self, source: Path, clock: Callable[[], datetime], record: RestoreRecord) -> None:
        self.source, self.clock, self.record = source, clock, record

    def __call__(self, staged: Path, generation: int, kept: Path | None,
                 replaced: RecordHash | None) -> None:
        _seal(staged, generation, kept, replaced, self)


def _seal(staged: Path, generation: int, kept: Path | None, replaced: RecordHash | None,
          how: _Seal) -> None:
    """Make the checked copy the next state of the database: a new restore generation, no
    restore mark (a copy kept during an earlier restore may hold one), and the restore's own
    audit record naming both heads (the restored one and the one replaced). (The kill tests
    find this step by its name.)"""
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
            how.record(s, {
                "file": str(how.source), "previous_kept_as": str(kept) if kept else None,
                "restored_head": _head_json(restored), "replaced_head": _head_json(replaced)})
    finally:
        db.close()
    conn = sqlite3.connect(staged, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file again
    finally:
        conn.close()


def _keep_current(db_path: Path, at: datetime) -> Path:
    """A copy of the database about to be replaced, beside it (the backup API when the file
    reads; else the raw file and its WAL)."""
    kept = db_path.with_name(f"{db_path.stem}.before-restore-{at:%Y%m%d-%H%M%S}.db")
    n = 1
    while kept.exists():
        kept = kept.with_name(f"{db_path.stem}.before-restore-{at:%Y%m%d-%H%M%S}-{n}.db")
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
