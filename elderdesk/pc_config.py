"""Per-PC settings kept outside the database and outside Qt (the CLI reads them too): the
office server this PC works on (the GUI's first-start choice 连接单位服务器) and, for a
database on a PostgreSQL server, this PC's backup folder (multi-office.md: the backup folder
is set per PC; an SQLite office keeps it in its own file, which is on this PC anyway).

One small JSON file in the per-user data folder (`ELDERDESK_PC_CONFIG` names another one: the
tests). It may hold the server's password inside the URL, so it is written for the user alone
(mode 600 where the system has modes), never logged, and shown only masked.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from elderdesk import paths

ENV = "ELDERDESK_PC_CONFIG"
DATABASE = "database"  # the PostgreSQL URL this PC connects to by default
PG_BACKUP_FOLDER = "pg_backup_folder"  # where this PC puts the server database's backups


def path() -> Path:
    given = os.environ.get(ENV)
    return Path(given) if given else paths.data_dir() / "pc.json"


def load() -> dict[str, str]:
    """Every setting; {} when the file is missing or unreadable (the defaults apply)."""
    try:
        doc = json.loads(path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in doc.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(doc, dict) else {}


def get(key: str) -> str | None:
    return load().get(key) or None


def put(key: str, value: str | None) -> None:
    """Set (None: remove) one setting: written aside, then renamed (complete or unchanged)."""
    doc = load()
    if value is None:
        doc.pop(key, None)
    else:
        doc[key] = value
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        partial.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def db_location(given: str | None) -> Path | str:
    """--db or ELDERDESK_DB or the office server this PC was set to (DATABASE, the GUI's first
    start) or the default file: a Path, or a PostgreSQL URL kept as text (a URL is never taken
    for a file name)."""
    value = given or os.environ.get("ELDERDESK_DB") or get(DATABASE)
    if value and paths.is_url(value):
        return value.strip()
    return Path(value) if value else paths.data_dir() / "elderdesk.db"
