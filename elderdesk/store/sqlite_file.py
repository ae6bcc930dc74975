"""The SQLite database file itself: its header, SQLite's failures on it as ElderErrors (the state
of the machine, damage) and PRAGMA quick_check. Shared by the engine (store/db.py) and the
backups (store/backup.py), which both import it at the top."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from pathlib import Path

from elderdesk.domain.errors import ElderError

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT = 30.0  # seconds a connection waits for another's lock before DB_LOCKED
LOW_SPACE = 4 << 20  # an I/O error with less free space than this is a full disk

# SQLite's primary result codes (the low byte of the extended code)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
_READONLY_DBMOVED = 1032  # the file was replaced under the connection (a restore): not read-only


def sqlite_code(exc: BaseException) -> int | None:
    """SQLite's extended result code of an error (sqlite3's, or SQLAlchemy's wrapping it)."""
    err = getattr(exc, "orig", exc)
    return getattr(err, "sqlite_errorcode", None) if isinstance(err, sqlite3.Error) else None


def is_damage(exc: BaseException) -> bool:
    """SQLite said "malformed" or "not a database" (to be confirmed by a check)."""
    code = sqlite_code(exc)
    return code is not None and code & 0xFF in (_CORRUPT, _NOTADB)


def _free(folder: str) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _writable(path: Path) -> bool:
    return all(os.access(p, os.W_OK) for p in (path, path.parent) if p.exists())


def machine_error(exc: BaseException, path: Path | str) -> ElderError | None:
    """The code for an SQLite failure on the database file at `path` that is the state of the
    machine: DISK_FULL, DB_READ_ONLY, DB_LOCKED or DB_IO_ERROR; None for any other error
    (constraints, damage, a file replaced by a restore). The driver's text goes to the log."""
    code = sqlite_code(exc)
    if code is None:
        return None
    path = Path(os.path.abspath(path))
    folder = str(path.parent)
    primary = code & 0xFF
    free = _free(folder)
    low = free is not None and free < LOW_SPACE
    found: ElderError | None = None
    if primary == _FULL:
        found = ElderError("DISK_FULL", path=folder)
    elif primary in (_BUSY, _LOCKED):
        found = ElderError("DB_LOCKED", path=str(path), seconds=f"{BUSY_TIMEOUT:g}")
    elif (primary == _READONLY and code != _READONLY_DBMOVED) or (
            primary in (_IOERR, _CANTOPEN) and not _writable(path)):
        found = ElderError("DB_READ_ONLY", path=str(path))
    elif primary in (_IOERR, _CANTOPEN) and low:
        found = ElderError("DISK_FULL", path=folder)
    elif primary == _CANTOPEN and not path.exists():
        found = ElderError("DB_MISSING", path=str(path))
    elif primary in (_IOERR, _CANTOPEN):
        found = ElderError("DB_IO_ERROR", path=str(path))
    if found is not None:
        err = getattr(exc, "orig", exc)
        log.warning("%s on %s: %s (%s, free %s bytes)", found.code, path, err,
                    getattr(err, "sqlite_errorname", code), free)
    return found


def check_header(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite touches it."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise ElderError("FILE_UNREADABLE", path=str(path), detail=exc.strerror) from None
    if head and head != SQLITE_HEADER:
        raise ElderError("DB_CORRUPT", detail="文件头不是 SQLite 数据库")


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a database file (never creates it, never writes to it)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def quick_check(path: Path) -> str:
    """PRAGMA quick_check of a database file: "ok", or SQLite's first complaint. A check that
    cannot run for the state of the machine (a full disk, a read-only or locked file) raises
    that ElderError (DISK_FULL, ...): it says nothing about damage."""
    try:
        conn = read_only(path)
        try:
            return str(conn.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        found = None if is_damage(exc) else machine_error(exc, path)
        if found is not None:
            raise found from exc
        return str(exc)
