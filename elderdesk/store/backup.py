"""SQLite online backups (consistent while the program runs), their head files, and reads of a
backup file (office, integrity)."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from elderdesk.store import leftovers
from elderdesk.store.audit_repo import RecordHash
from elderdesk.store.backup_names import backup_name
from elderdesk.store.sqlite_file import SQLITE_HEADER
from elderdesk.store.sqlite_file import read_only as _read_only

FOLDER_KEY = "backup.folder"  # office setting: where automatic backups go
PARTIAL = ".partial"


@dataclass(frozen=True)
class BackupInfo:
    integrity: str  # "ok" or SQLite's first complaint
    schema: str | None
    office_name: str | None
    region: str | None


def online_backup(source: Path, target: Path, *, exclusive: bool = False) -> None:
    """Copy a live database with SQLite's backup API into a new file: written as
    `target.<pid>.partial`, flushed to the disk, then renamed, so target is either absent or
    complete; then its head file beside it (`write_head`). exclusive: never replace an existing
    target (FileExistsError; another process may have taken the name meanwhile)."""
    partial = leftovers.tagged(target, PARTIAL)
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(source, timeout=30)
        try:
            dst = sqlite3.connect(partial)
            try:
                # All pages in one step: one consistent snapshot, which in WAL mode does not
                # block writers (a stepwise copy restarts whenever another connection writes).
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(partial)
        _rename(partial, target, exclusive)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    write_head(target)


def _rename(partial: Path, target: Path, exclusive: bool) -> None:
    if not exclusive:
        partial.replace(target)
        return
    try:
        os.link(partial, target)  # atomic and refuses an existing name (POSIX, NTFS)
    except FileExistsError:
        raise
    except OSError:  # no hard links (FAT on a USB stick): a check, then a rename
        if target.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        partial.replace(target)
        return
    partial.unlink()


# --- heads: the audit anchor beside each backup (cli.md `audit verify`) ----------------------
HEAD_SUFFIX = ".head"


@dataclass(frozen=True)
class BackupHead:
    office: str  # the office code (the full code once set, else the 6-digit region code)
    record: int  # the id of the last audit record in the backup
    sha256: str  # that record's hash

    def line(self) -> str:
        return f"{self.office} {self.record} {self.sha256}\n"


def head_path(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + HEAD_SUFFIX)


def last_record(path: Path) -> RecordHash | None:
    """The number and hash of the last audit record in a database file, read-only; None if
    none."""
    conn = _read_only(path)
    try:
        row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        conn.close()
    return RecordHash(int(row[0]), str(row[1])) if row else None


def read_head(path: Path) -> BackupHead | None:
    """The head of a complete backup file, read from the file itself; None when it has no audit
    record or no office yet."""
    last = last_record(path)
    office = office_of(path).code
    if last is None or not office:
        return None
    return BackupHead(office, last.record, last.sha256)


def write_head(backup_file: Path) -> Path | None:
    """`NAME.head` beside a complete backup (written aside, flushed, renamed: complete or
    absent). None when the backup has no head (see read_head)."""
    head = read_head(backup_file)
    if head is None:
        return None
    return put_head(backup_file, head)


def put_head(backup_file: Path, head: BackupHead) -> Path:
    """Write a known head beside a backup (a PostgreSQL dump's, read when it was taken)."""
    target = head_path(backup_file)
    partial = leftovers.tagged(target, PARTIAL)
    try:
        with open(partial, "w", encoding="utf-8", newline="\n") as f:
            f.write(head.line())
            f.flush()
            os.fsync(f.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return target


@dataclass(frozen=True)
class Office:
    name: str | None
    region: str | None
    code: str | None  # office.code once set (multi-office.md), else the region code


def office_of(path: Path) -> Office:
    """The office a database file belongs to (settings), read-only; all None if unreadable."""
    try:
        conn = _read_only(path)
    except sqlite3.Error:
        return Office(None, None, None)
    try:
        rows = dict(conn.execute(
            "SELECT key, value FROM settings WHERE key IN "
            "('office.name', 'office.region', 'office.code')"))
    except sqlite3.DatabaseError:
        rows = {}
    finally:
        conn.close()
    region = rows.get("office.region")
    return Office(rows.get("office.name"), region, rows.get("office.code") or region)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows cannot open a folder and needs nothing)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def inspect(path: Path) -> BackupInfo:
    """Integrity, schema version and office of a database file, read-only."""
    try:
        with open(path, "rb") as f:
            if f.read(16) != SQLITE_HEADER:
                return BackupInfo("文件头不是 SQLite 数据库", None, None, None)
    except OSError as exc:
        return BackupInfo(exc.strerror or str(exc), None, None, None)
    conn = _read_only(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            return BackupInfo(integrity, None, None, None)
        schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        settings = dict(conn.execute(
            "SELECT key, value FROM settings WHERE key IN ('office.name', 'office.region')"))
    except sqlite3.DatabaseError as exc:
        return BackupInfo(str(exc), None, None, None)
    finally:
        conn.close()
    return BackupInfo(integrity, schema[0] if schema else None, settings.get("office.name"),
                      settings.get("office.region"))


def configured_folder(db_path: Path) -> Path | None:
    """The backup folder chosen in the office settings of a database file (None: default)."""
    conn = _read_only(db_path)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (FOLDER_KEY,)).fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        conn.close()
    return Path(row[0]) if row and row[0] else None


def default_folder(db_path: Path) -> Path:
    """A `backups` folder beside the database."""
    return db_path.resolve().parent / "backups"


def snapshot(db_path: Path, folder: Path, at: datetime, kind: str, *,
             stem: str | None = None) -> Path:
    """An online backup of db_path into folder under a dated name (kind-1, kind-2, ... if
    that name is taken: never over another backup, even one another process just wrote).
    stem: the database name the backup is named after (default db_path's)."""
    folder.mkdir(parents=True, exist_ok=True)
    named = Path(f"{stem}.db") if stem else db_path
    n = 0
    while True:
        target = folder / backup_name(named, at, f"{kind}-{n}" if n else kind)
        n += 1
        if target.exists():
            continue
        try:
            online_backup(db_path, target, exclusive=True)
        except FileExistsError:
            continue
        return target
