"""Backup file names: <database stem>-YYYYMMDD-HHMMSS-<kind>.db, e.g.
office-20260520-083000-daily.db; a database on a PostgreSQL server: <database name>-…-<kind>.dump
(pg_dump's custom format, store/pg_backup.py). Read by the backups (store/backup.py) and by the
clean-up of their leftovers (store/leftovers.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z0-9-]+)(?P<suffix>\.db|\.dump)$")
SQLITE_SUFFIX, PG_SUFFIX = ".db", ".dump"


@dataclass(frozen=True)
class BackupName:
    stem: str
    at: datetime
    kind: str
    suffix: str = SQLITE_SUFFIX


def backup_name(db_path: Path, at: datetime, kind: str, suffix: str = SQLITE_SUFFIX) -> str:
    return f"{db_path.stem}-{at:%Y%m%d-%H%M%S}-{kind}{suffix}"


def parse_name(name: str) -> BackupName | None:
    m = _NAME.match(name)
    if m is None:
        return None
    try:
        at = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return BackupName(m["stem"], at, m["kind"], m["suffix"])
