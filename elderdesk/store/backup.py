"""SQLite online backups (consistent while the program runs) and checks of a backup file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from elderdesk.store.db import SQLITE_HEADER


@dataclass(frozen=True)
class BackupInfo:
    integrity: str  # "ok" or SQLite's first complaint
    schema: str | None
    office_name: str | None
    region: str | None


def online_backup(source: Path, target: Path) -> None:
    """Copy a live database with SQLite's backup API into a new file (written, then renamed)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst, pages=4096)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)


def inspect(path: Path) -> BackupInfo:
    """Integrity, schema version and office of a database file, read-only."""
    with open(path, "rb") as f:
        if f.read(16) != SQLITE_HEADER:
            return BackupInfo("文件头不是 SQLite 数据库", None, None, None)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
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
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()
