"""Schema versions: create a database at the head revision, check and migrate on open."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from elderdesk.domain.errors import ElderError
from elderdesk.store import backup, pg, sqlite_file
from elderdesk.store.db import Database, database_error, schema_version, translated
from elderdesk.store.orm import Base
from elderdesk.store.sqlite_file import check_header

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision this program knows; bump with every new migration file.
HEAD = "0013"


def _known_revisions() -> list[str]:
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def upgrade(db: Database, target: str = "head") -> None:
    """Run Alembic migrations up to target in one transaction."""
    with db.engine.begin() as conn:
        upgrade_on(conn, target)


def upgrade_on(conn: Any, target: str = "head") -> None:
    """The migrations on a connection, inside the transaction it is in (a PostgreSQL restore
    loads and migrates an older dump in one transaction)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)


def known_revisions() -> list[str]:
    return _known_revisions()


def create(path: Path | str) -> Database:
    """A new database at the head revision; the caller has checked that path does not exist.
    A PostgreSQL URL: the database must be empty (PG_ALREADY_ELDERDESK, PG_NOT_ELDERDESK)."""
    if isinstance(path, str):
        return _create_pg(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    try:
        with translated(db):  # a full disk: DISK_FULL
            upgrade(db)
    except BaseException:  # no half-made file left to be mistaken for a database
        db.close()
        for made in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            made.unlink(missing_ok=True)
        raise
    return db


def _create_pg(url: str) -> Database:
    db = Database(url)
    try:
        if schema_version(db) is not None:
            raise ElderError("PG_ALREADY_ELDERDESK", url=db.shown)
        pg.ensure_trgm(db.engine, url)
        with translated(db):  # transactional DDL: all of it or nothing
            upgrade(db)
    except BaseException:
        db.close()
        raise
    return db


def drop_all_pg(db: Database) -> None:
    """Undo a half-made `init` on PostgreSQL (the schema made, the office not): the tables of
    this program only."""
    with db.engine.begin() as conn:
        for table in [*Base.metadata.sorted_tables[::-1]]:
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{table.name}" CASCADE')
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def _open_pg(url: str, migrate: bool) -> Database:
    db = Database(url)
    try:
        found = schema_version(db)
        if found is None:
            raise ElderError("DB_NOT_INITIALISED", path=db.shown)
        if found != HEAD:
            if found not in _known_revisions():
                raise ElderError("DB_NEWER_SCHEMA", found=found, known=HEAD)
            if migrate:
                with translated(db):
                    upgrade(db)
    except BaseException:
        db.close()
        raise
    return db


def open_existing(path: Path | str, *, migrate: bool = True) -> Database:
    """Open a database file, checking its header and schema version; migrate if older.
    A PostgreSQL URL opens the server's database (no file checks, no backup before a
    migration: the migration is one transaction there)."""
    if isinstance(path, str):
        return _open_pg(path, migrate)
    if not path.exists():
        raise ElderError("DB_MISSING", path=str(path))
    check_header(path)
    db = Database(path)
    try:
        found = schema_version(db)
    except Exception as exc:  # a full disk, a locked or read-only file, damage...
        db.close()
        error = database_error(exc, path)
        if error is None:
            raise
        raise error from exc
    if found is None:
        db.close()
        raise ElderError("DB_NOT_INITIALISED", path=str(path))
    if found != HEAD:
        if found not in _known_revisions():
            db.close()
            raise ElderError("DB_NEWER_SCHEMA", found=found, known=HEAD)
        if migrate:
            before_migration(db, found)
            with translated(db):  # a full disk during the migration: DISK_FULL, rolled back
                upgrade(db)
            if found < COMPACTED:
                give_back_space(db)
    return db


# 0005 and 0008 rebuilt the allowance history in less space; the pages they freed stay in the
# file (SQLite reuses them, the file does not shrink) until a VACUUM.
COMPACTED = "0008"


def give_back_space(db: Database) -> None:
    """VACUUM after a migration that freed much of the file. Not needed for correctness: a
    failure (a full disk: it needs room for a copy) leaves the file as it is."""
    raw = db.engine.raw_connection()
    driver = raw.driver_connection  # sqlite3's own connection (None only once detached)
    try:
        if driver is not None:
            driver.execute("VACUUM")
    except sqlite3.Error:
        pass
    finally:
        raw.close()


def before_migration(db: Database, found: str) -> None:
    """Never migrate a damaged file; keep a copy first, in the office's backup folder (the
    `backups` folder beside the database if that one cannot be used). A database on a server
    has no file to copy (its migration is one transaction there): nothing to do."""
    path = db.path
    if path is None:
        return
    check = sqlite_file.quick_check(path)
    if check != "ok":
        db.close()
        raise ElderError("DB_CORRUPT", detail=check)
    kind = f"before-migration-{found}"
    folders = [backup.configured_folder(path), backup.default_folder(path)]
    error: Exception | None = None
    for folder in [f for f in folders if f is not None]:
        try:
            backup.snapshot(path, folder, datetime.now(), kind)
            return
        except (OSError, sqlite3.Error) as exc:
            error = exc
    db.close()
    raise ElderError("BACKUP_FOLDER_UNUSABLE", path=str(folders[-1]), detail=str(error))
