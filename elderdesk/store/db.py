"""The SQLite engine (pragmas on every connection), sessions, and opening/creating a database file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from elderdesk.domain.errors import ElderError

SQLITE_HEADER = b"SQLite format 3\x00"


def _configure(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # We issue BEGIN ourselves (below) so that writers can take the lock up front.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path | str) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 30})
    _configure(engine)
    return engine


class Database:
    """One database file: an engine and the read/write session factories."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.engine = make_engine(self.path)
        # Set when a check found the file damaged: from then on write() refuses (DB_CORRUPT).
        self.damaged: str | None = None
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            bind=self.engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (a consistent snapshot; never blocks writers in WAL mode)."""
        with self._read() as session, session.begin():
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction, write lock taken at BEGIN; commits at the end, rolls back on error."""
        if self.damaged is not None:
            raise ElderError("DB_CORRUPT", detail=self.damaged)
        with self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def check_header(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite touches it."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise ElderError("FILE_UNREADABLE", path=str(path), detail=exc.strerror) from None
    if head and head != SQLITE_HEADER:
        raise ElderError("DB_CORRUPT", detail="文件头不是 SQLite 数据库")


def schema_version(db: Database) -> str | None:
    with db.engine.connect() as conn:
        has = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None
