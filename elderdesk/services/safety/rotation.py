"""Backups in the office's backup folder and their rotation: every backup of the last 24 hours
and every manual and pre-upgrade backup is kept; older automatic (daily) ones thin to one a day
for 7 days, one a week for 4 weeks, one a month for 12 months (cli.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Literal, NamedTuple

from elderdesk import pc_config
from elderdesk.domain.errors import ElderError
from elderdesk.domain.text import CONTROL
from elderdesk.services.clock import now
from elderdesk.store import backup, backup_names, leftovers, pg_backup, sqlite_file
from elderdesk.store import safety as store_safety
from elderdesk.store.db import Database
from elderdesk.store.safety import reason

DAILY, WEEKLY, MONTHLY = 7, 4, 12
RECENT = timedelta(hours=24)  # every backup this young is kept
# The kind thinned by the rotation. Manual backups and copies made before a migration are kept
# until the admin removes them: someone chose to make them, or they may be the only copy at
# the older schema.


class BackupKind(StrEnum):
    """The kind in a backup's name (a collision suffix -1, -2 aside)."""

    DAILY = "daily"  # the GUI's automatic backup, thinned by the rotation
    MANUAL = "manual"  # backup create
    BEFORE_MIGRATION = "before-migration"  # before-migration-<revision>, kept


ROTATED = (BackupKind.DAILY,)
# cli.md's kinds for `backup list --json`
PublicKind = Literal["daily", "manual", "upgrade"]
PUBLIC_KINDS: dict[str, PublicKind] = {BackupKind.DAILY: "daily", BackupKind.MANUAL: "manual",
                                       BackupKind.BEFORE_MIGRATION: "upgrade"}


@dataclass(frozen=True)
class Backup:
    path: Path
    at: datetime
    kind: str  # a BackupKind, or another name's kind; without a collision suffix

    @property
    def public_kind(self) -> PublicKind:
        """"daily", "manual" or "upgrade" (cli.md)."""
        return PUBLIC_KINDS.get(self.kind, "manual")


def folder_of(db: Database) -> Path:
    """The chosen backup folder (office setting backup.folder), else `backups` beside the file.
    A database on a PostgreSQL server: this PC's folder (pc_config), else `backups` in the
    per-user data folder (multi-office.md: the backup folder is set per PC)."""
    if db.is_pg:
        chosen = pc_config.get(pc_config.PG_BACKUP_FOLDER)
        return Path(chosen) if chosen else pg_default_folder()
    return store_safety.folder_of(db.path)


def pg_default_folder() -> Path:
    return pc_config.path().parent / "backups"


class BackupNames(NamedTuple):
    """How this database's backups are named: `STEM-YYYYMMDD-HHMMSS-KIND` and the suffix."""

    stem: str
    suffix: str


def names_of(db: Database) -> BackupNames:
    """The names of this database's backups: `office` and .db for office.db; the database's
    name and .dump on a PostgreSQL server."""
    if db.is_pg:
        return BackupNames(pg_backup.stem(db.url), backup_names.PG_SUFFIX)
    return BackupNames(db.path.stem, backup_names.SQLITE_SUFFIX)


def base_kind(kind: str) -> str:
    """'daily-1' → 'daily'; 'before-migration-0002' → 'before-migration'."""
    return re.sub(r"(-\d+)+$", "", kind)


def list_backups(folder: Path, stem: str, suffix: str = backup_names.SQLITE_SUFFIX) -> list[Backup]:
    """This database's backups in folder (by name), newest first."""
    found = []
    if folder.is_dir():
        for path in folder.glob(f"{glob_escape(stem)}-*{suffix}"):
            name = backup_names.parse_name(path.name)
            if name is not None and name.stem == stem and name.suffix == suffix:
                found.append(Backup(path, name.at, base_kind(name.kind)))
    found.sort(key=lambda b: (b.at, b.path.name), reverse=True)
    return found


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def keep(backups: list[Backup], daily: int = DAILY, weekly: int = WEEKLY,
         monthly: int = MONTHLY) -> set[Path]:
    """The backups a rotation keeps: for each of the last `daily` days that have a backup the
    newest of that day; likewise for ISO weeks and months; and always the newest of all."""
    newest_first = sorted(backups, key=lambda b: (b.at, b.path.name), reverse=True)
    kept: set[Path] = set()
    buckets: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (daily, lambda at: at.date()),
        (weekly, lambda at: at.isocalendar()[:2]),
        (monthly, lambda at: (at.year, at.month)),
    )
    for count, bucket in buckets:
        seen: set[Hashable] = set()
        for b in newest_first:
            key = bucket(b.at)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            kept.add(b.path)
    if newest_first:
        kept.add(newest_first[0].path)
    return kept


def rotate(folder: Path, stem: str, at: datetime | None = None,
           suffix: str = backup_names.SQLITE_SUFFIX) -> list[Path]:
    """Delete the daily backups the rotation does not keep (with their head files) and the
    temporary files of interrupted backups; returns what was deleted. Backups of the 24 hours
    before `at` (default: now), manual and pre-upgrade backups, files of other kinds or other
    names are never touched."""
    recent = (at or now()) - RECENT
    rotated = [b for b in list_backups(folder, stem, suffix) if b.kind in ROTATED]
    kept = keep(rotated)
    removed = []
    for b in rotated:
        if b.path not in kept and b.at < recent:
            for path in (b.path, backup.head_path(b.path), pg_backup.checksum_path(b.path)):
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue
                removed.append(path)
    for partial in leftovers.backup_folder_leftovers(folder, stem):
        partial.unlink(missing_ok=True)
        removed.append(partial)
    return removed


def has_backup_on(folder: Path, stem: str, day: date,
                  suffix: str = backup_names.SQLITE_SUFFIX) -> bool:
    """That day's automatic backup exists (a manual one, or a copy from before a migration, does
    not count: they are not in the rotation)."""
    return any(b.at.date() == day and b.kind == BackupKind.DAILY
               for b in list_backups(folder, stem, suffix))


def check_folder(folder: Path) -> Path:
    """A folder that exists (created if its parent does) and takes files; else
    BACKUP_FOLDER_UNUSABLE with the reason."""
    if CONTROL.search(str(folder)):
        raise ElderError("BACKUP_FOLDER_UNUSABLE", path=CONTROL.sub("?", str(folder))[:200],
                         detail="路径含有控制字符")
    folder = folder.expanduser()
    try:
        if not folder.is_dir():
            if not folder.parent.is_dir():
                raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(folder),
                                 detail="上级文件夹不存在（U盘是否已插入？）")
            folder.mkdir()
        probe = folder / ".elderdesk-write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(folder), detail=reason(exc)) from None
    return folder.resolve()


def check_integrity(db: Database) -> None:
    """PRAGMA quick_check; a damaged file is marked so that it is never written (DB_CORRUPT).
    (A PostgreSQL server checks its own pages: nothing to do.)"""
    if db.is_pg:
        return
    result = sqlite_file.quick_check(db.path)
    if result != "ok":
        db.damaged = result
        raise ElderError("DB_CORRUPT", detail=result)


def take(db: Database, kind: str, at: datetime, folder: Path | None = None, *,
         checked: bool = False) -> Path:
    """Check the database (quick_check, unless just done), copy it into the backup folder, thin
    the rotation. A damaged file is never copied: it could push good backups out."""
    if not checked:
        check_integrity(db)
    folder = check_folder(folder or folder_of(db))
    if db.is_pg:
        path = pg_backup.snapshot_into(db.engine, db.url, folder, at, kind)
    else:
        path = store_safety.snapshot_into(db.path, folder, at, kind)
    stem, suffix = names_of(db)
    rotate(folder, stem, at, suffix)
    return path
