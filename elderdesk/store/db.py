"""The database: the SQLite engine (pragmas on every connection) or PostgreSQL's (store/pg.py),
sessions, units of work, and SQLite's failures as ElderErrors (store/sqlite_file.py)."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

# Session is also the type of the unit of work that services hand to repositories (imported
# from here, so that no service names the driver's library).
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from elderdesk.domain.errors import ElderError
from elderdesk.paths import is_url, masked
from elderdesk.store import pg, sqlite_file
from elderdesk.store.leftovers import mark_stale
from elderdesk.store.sqlite_file import is_damage, machine_error, quick_check

log = logging.getLogger(__name__)


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # We issue BEGIN ourselves (below) so that writers can take the lock up front.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(sqlite_file.BUSY_TIMEOUT * 1000)}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path | str) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": sqlite_file.BUSY_TIMEOUT})
    _configure(engine)
    return engine


class Database:
    """One database file: an engine and the read/write session factories."""

    def __init__(self, path: Path | str) -> None:
        # A PostgreSQL URL (store/pg.py) or an SQLite file; `path` is None on PostgreSQL.
        self.url: str | None = None
        self.path: Path | None = None
        if is_url(path):
            self.url = path.strip()
            self.engine = pg.make_engine(self.url)
        else:
            self.path = Path(path)
            self.engine = make_engine(self.path)
        # Set when a check found the file damaged: from then on write() refuses (DB_CORRUPT).
        self.damaged: str | None = None
        # The restore generation this session saw when it first connected (None: a file without
        # settings yet); write() refuses once the file holds another one (restored elsewhere).
        self.generation: str | None = None
        self.swap_listeners: list[Callable[[], None]] = []  # told (any thread) when it does
        event.listen(self.engine, "connect", self._first_connect)
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            bind=self.engine.execution_options(sqlite_immediate=True, pg_writer=True),
            expire_on_commit=False,
        )
        # A read that must see one moment throughout (a roster computed outside the writers'
        # lock): SQLite's read transaction in WAL mode is one already; PostgreSQL's default
        # READ COMMITTED takes a new snapshot per statement, so REPEATABLE READ there.
        self._snapshot = sessionmaker(bind=self.engine.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True), expire_on_commit=False
        ) if self.url else self._read

    @property
    def is_pg(self) -> bool:
        return self.url is not None

    @property
    def shown(self) -> str:
        """Where the data is, for messages: the file, or the URL without its password."""
        return masked(self.url) if self.url else str(self.path)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (a consistent snapshot; never blocks writers in WAL mode)."""
        with translated(self), self._read() as session, session.begin():
            yield session
            session.rollback()

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read-only unit of work whose every statement sees the same committed moment (no
        lock: writers go on meanwhile)."""
        with translated(self), self._snapshot() as session, session.begin():
            yield session
            session.rollback()

    @contextmanager
    def write(self, *, login: bool = False) -> Iterator[Session]:
        """One transaction, write lock taken at BEGIN; commits at the end, rolls back on error.
        A file moved to a server (`server copy`) refuses: DB_MOVED; only a login may write
        (its failure count) so that the file can still be read."""
        if self.damaged is not None:
            raise ElderError("DB_CORRUPT", detail=self.damaged)
        with translated(self):
            session = self._start_write(login)
            try:
                try:
                    yield session
                except BaseException:
                    self._roll_back(session)
                    raise
                self._commit(session)
            finally:
                session.close()

    def _start_write(self, login: bool) -> Session:
        """A session whose transaction has begun and holds the writers' lock. On PostgreSQL a
        start that fails because the server is restarting or a deadlock or serialization
        failure is tried again (nothing was done yet): pg.start_pause says how long to wait."""
        waited = 0.0
        while True:
            session = self._write()
            session.begin()
            try:
                session.connection()  # BEGIN IMMEDIATE / BEGIN and the advisory lock
                self._check_swap(session, login)
                return session
            except Exception as exc:
                self._roll_back(session)
                session.close()
                pause = pg.start_pause(exc, waited) if self.is_pg else None
                if pause is None:
                    raise
                log.warning("write start failed on %s (%s); trying again in %.1f s",
                            self.shown, type(getattr(exc, "orig", exc)).__name__, pause)
                time.sleep(pause)
                waited += pause

    def _roll_back(self, session: Session) -> None:
        """Roll back; on PostgreSQL a connection already lost cannot, and need not (the server
        ends the transaction itself): the first error is the one reported."""
        try:
            session.rollback()
        except DBAPIError:
            if not self.is_pg:
                raise
            log.warning("rollback on a lost connection to %s", self.shown)

    def _commit(self, session: Session) -> None:
        """Commit. On PostgreSQL a connection lost during COMMIT leaves the outcome unknown:
        PG_COMMIT_UNKNOWN (the clerk looks before doing it again), never PG_UNREACHABLE's
        "nothing was saved"."""
        try:
            session.commit()
        except DBAPIError as exc:
            if self.is_pg and pg.connection_lost(exc):
                log.warning("connection to %s lost during COMMIT: %s", self.shown,
                            getattr(exc, "orig", exc))
                raise ElderError("PG_COMMIT_UNKNOWN", url=self.shown) from None
            raise

    def close(self) -> None:
        self.engine.dispose()

    def set_busy_timeout(self, seconds: float) -> None:
        """Connections made from now on wait at most `seconds` for another's lock (the open
        ones are closed)."""
        wait = int(seconds * 1000)
        event.listen(self.engine, "connect",
                     lambda conn, _r: conn.execute(f"PRAGMA busy_timeout={wait}"))
        self.engine.dispose()  # the next connection is made with it

    def _first_connect(self, dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
        # dbapi_conn: sqlite3's connection, or psycopg's (Any: psycopg loads only for a URL)
        if self.generation is None:
            self.generation = (read_generation_pg(dbapi_conn) if self.is_pg
                               else read_generation(dbapi_conn))

    def _check_swap(self, session: Session, login: bool = False) -> None:
        """Under the write lock: refuse while a restore runs (DB_RESTORING) and once a restore
        replaced the data this session saw (DB_RESTORED): its work would be based on the old
        data, and a restore elsewhere must never be written over."""
        if self.generation is None:
            return
        found: dict[str, str] = dict(session.connection().execute(
            text("SELECT key, value FROM settings WHERE key IN (:g, :r, :m)"),
            {"g": GENERATION_KEY, "r": RESTORING_KEY, "m": MOVED_KEY}).all())
        if found.get(MOVED_KEY) is not None and not login:
            raise ElderError("DB_MOVED", server=found[MOVED_KEY])
        mark = found.get(RESTORING_KEY)
        if mark is not None and not mark_stale(mark):
            raise ElderError("DB_RESTORING")
        if found.get(GENERATION_KEY, "0") != self.generation:
            for listener in list(self.swap_listeners):
                with contextlib.suppress(Exception):  # a closed window: DB_RESTORED still stops the write
                    listener()
            raise ElderError("DB_RESTORED")


# settings keys a restore maintains (store/leftovers.py, services/safety.py)
GENERATION_KEY = "db.generation"  # bumped by every restore; absent = "0"
RESTORING_KEY = "db.restoring"  # "<pid> <ISO time>" while a restore runs
MOVED_KEY = "db.moved_to"  # the server a file was copied to (store/pg_copy.py): writes refuse


def read_generation(conn: sqlite3.Connection) -> str | None:
    """The restore generation of a database (None: no settings table, e.g. a new file)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?",
                           (GENERATION_KEY,)).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else "0"


def read_generation_pg(conn: Any) -> str | None:
    """read_generation on a fresh psycopg connection (its transaction ended again)."""
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT to_regclass('settings') IS NOT NULL")
            if not cur.fetchone()[0]:
                return None
            cur.execute("SELECT value FROM settings WHERE key = %s", (GENERATION_KEY,))
            row = cur.fetchone()
        return str(row[0]) if row else "0"
    finally:
        conn.rollback()


def database_error(exc: BaseException, db: Database | Path) -> ElderError | None:
    """machine_error, or DB_CORRUPT when SQLite reported damage and its quick_check confirms it
    (a confirmed database is then marked damaged: writes refuse). None: not an SQLite error of
    the file (the caller re-raises it)."""
    path = db.path if isinstance(db, Database) else Path(db)
    if path is None:  # a server's database: its faults are pg.fault's (translated)
        return None
    found = machine_error(exc, path)
    if found is not None or not is_damage(exc):
        return found
    check = quick_check(path)  # it raises machine errors itself
    log.error("SQLite reported damage in %s: %s; quick_check: %s",
              path, getattr(exc, "orig", exc), check)
    if check == "ok":
        return ElderError("DB_IO_ERROR", path=str(path))
    if isinstance(db, Database):
        db.damaged = check
    return ElderError("DB_CORRUPT", detail=check)


@contextmanager
def translated(db: Database | Path) -> Iterator[None]:
    """SQLite failures on the file become their ElderError (database_error); others pass.
    On PostgreSQL: the server's faults (store/pg.fault)."""
    if isinstance(db, Database) and db.url is not None:
        with pg.translated(db.url):
            yield
        return
    try:
        yield
    except (sqlite3.Error, DBAPIError) as exc:
        found = database_error(exc, db)
        if found is None:
            raise
        raise found from exc


def schema_version(db: Database) -> str | None:
    if db.url is not None:
        return pg.schema_version(db.engine, db.url)
    with db.engine.connect() as conn:
        has = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None
