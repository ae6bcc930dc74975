"""SQLite online backups (consistent while the program runs), backup file names, and checks."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from elderdesk.store.db import SQLITE_HEADER, is_damage, machine_error

FOLDER_KEY = "backup.folder"  # office setting: where automatic backups go
# <database stem>-YYYYMMDD-HHMMSS-<kind>.db, e.g. office-20260520-083000-daily.db
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z0-9-]+)\.db$")
PARTIAL = ".partial"


@dataclass(frozen=True)
class BackupInfo:
    integrity: str  # "ok" or SQLite's first complaint
    schema: str | None
    office_name: str | None
    region: str | None


@dataclass(frozen=True)
class BackupName:
    stem: str
    at: datetime
    kind: str


def online_backup(source: Path, target: Path) -> None:
    """Copy a live database with SQLite's backup API into a new file: written as target.partial,
    flushed to the disk, then renamed, so target is either absent or complete."""
    partial = target.with_name(target.name + PARTIAL)
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
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


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


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


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


def quick_check(path: Path) -> str:
    """PRAGMA quick_check of a database file: "ok", or SQLite's first complaint. A check that
    cannot run for the state of the machine (a full disk, a read-only or locked file) raises
    that ElderError (DISK_FULL, ...): it says nothing about damage."""
    try:
        conn = _read_only(path)
        try:
            return str(conn.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        found = None if is_damage(exc) else machine_error(exc, path)
        if found is not None:
            raise found from exc
        return str(exc)


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


def backup_name(db_path: Path, at: datetime, kind: str) -> str:
    return f"{db_path.stem}-{at:%Y%m%d-%H%M%S}-{kind}.db"


def parse_name(name: str) -> BackupName | None:
    m = _NAME.match(name)
    if m is None:
        return None
    try:
        at = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return BackupName(m["stem"], at, m["kind"])


def snapshot(db_path: Path, folder: Path, at: datetime, kind: str) -> Path:
    """An online backup of db_path into folder under a dated name (kind-1, kind-2, ... if
    that name is taken)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(db_path, at, kind)
    n = 1
    while target.exists():
        target = folder / backup_name(db_path, at, f"{kind}-{n}")
        n += 1
    online_backup(db_path, target)
    return target
