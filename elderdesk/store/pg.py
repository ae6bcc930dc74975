"""PostgreSQL: URLs, the engine, units of work and the server's faults as ElderErrors.

A counter points `--db` / ELDERDESK_DB at `postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME`
(or `postgres://`); the password may also come from PGPASSWORD or ~/.pgpass (libpq reads
them). The URL is shown only masked (`masked`): never a password in a message or a log line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from elderdesk.domain.errors import ElderError
from elderdesk.paths import masked

log = logging.getLogger(__name__)

# The advisory lock every writer takes at BEGIN (SQLite's BEGIN IMMEDIATE): one writer at a
# time, so the audit chain and the counters never race. Any constant; "ElDe".
WRITE_LOCK = 0x456C4465
CONNECT_TIMEOUT = 10  # seconds before an unreachable server is reported
LOCK_TIMEOUT_MS = 30_000  # a writer waits this long for another's write before DB_BUSY




def engine_url(url: str) -> Any:
    """The SQLAlchemy URL with the psycopg 3 driver; USAGE on a malformed one."""
    raw = url.strip()
    scheme, rest = raw.split("://", 1)
    try:
        parsed = make_url(f"postgresql+psycopg://{rest}")
    except ArgumentError:
        raise ElderError("PG_URL_INVALID", url=masked(raw)) from None
    if not parsed.database:
        raise ElderError("PG_URL_INVALID", url=masked(raw))
    del scheme
    return parsed


def make_engine(url: str) -> Engine:
    engine = create_engine(
        engine_url(url), pool_pre_ping=True, hide_parameters=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": "elderdesk"})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        with dbapi_conn.cursor() as cur:
            cur.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
            cur.execute("SET TIME ZONE 'Asia/Shanghai'")
        dbapi_conn.commit()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        if conn.get_execution_options().get("pg_writer", False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    return engine


# SQLSTATEs of the faults a clerk can act on
_AUTH = ("28P01", "28000")
_NO_DB = "3D000"
_RIGHTS = "42501"
_LOCK = ("55P03", "40P01", "40001")


def fault(exc: BaseException, url: str) -> ElderError | None:
    """The ElderError for a PostgreSQL failure of the server or connection; None for anything
    else (the caller re-raises). The driver's text goes to the log (without the password)."""
    import psycopg

    err = getattr(exc, "orig", exc)
    if not isinstance(err, psycopg.Error):
        return None
    state = getattr(err, "sqlstate", None) or ""
    shown = masked(url)
    found: ElderError | None = None
    said = str(err)
    if state in _AUTH or "password authentication failed" in said \
            or "no password supplied" in said or re.search(r'role "[^"]*" does not exist', said) \
            or "no pg_hba.conf entry" in said:
        found = ElderError("PG_LOGIN_REFUSED", url=shown)
    elif state == _NO_DB or re.search(r'database "[^"]*" does not exist', said):
        found = ElderError("PG_DB_MISSING", url=shown)
    elif state == _RIGHTS:
        found = ElderError("PG_RIGHTS", url=shown, sql="GRANT ALL ON SCHEMA public TO 用户名")
    elif state in _LOCK:
        found = ElderError("DB_BUSY")
    elif _lost(err, state):  # no server, connection lost, server shut down or starting
        found = ElderError("PG_UNREACHABLE", url=shown)
    if found is not None:
        log.warning("%s on %s: %s", found.code, shown, str(err).replace(url, shown))
    return found


def _lost(err: Any, state: str) -> bool:
    import psycopg

    return (isinstance(err, psycopg.OperationalError) and not state) \
        or isinstance(err, psycopg.InterfaceError) or state.startswith(("08", "57P"))


def connection_lost(exc: BaseException) -> bool:
    """The server went away (stopped, restarted, the network): the transaction is gone."""
    import psycopg

    err = getattr(exc, "orig", exc)
    if getattr(exc, "connection_invalidated", False):
        return True
    return isinstance(err, psycopg.Error) and _lost(err, getattr(err, "sqlstate", None) or "")


# A write whose start fails is tried again (nothing was done yet): while the server restarts
# (a restart takes a few seconds), and after a deadlock or serialization failure. The lock
# timeout is not retried: it waited LOCK_TIMEOUT_MS already (DB_BUSY).
RESTART_WAIT = 10.0  # seconds of pauses before PG_UNREACHABLE
_RETRY_STATES = ("40P01", "40001")


def start_pause(exc: BaseException, waited: float) -> float | None:
    """Seconds to wait before starting a failed write again; None: report it."""
    err = getattr(exc, "orig", exc)
    state = getattr(err, "sqlstate", None) or ""
    if state in _RETRY_STATES:
        return 0.1 if waited < 1.0 else None
    if connection_lost(exc):
        return min(0.25 + waited / 2, 2.0) if waited < RESTART_WAIT else None
    return None


@contextmanager
def translated(url: str) -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        found = fault(exc, url)
        if found is None:
            raise
        raise found from None
    except Exception as exc:
        found = fault(exc, url)
        if found is None:
            raise
        raise found from None


def writer_options() -> dict[str, Any]:
    return {"pg_writer": True}


def schema_version(engine: Engine, url: str) -> str | None:
    """The Alembic revision; None on an empty database. PG_NOT_ELDERDESK when the database
    holds tables of another program."""
    with translated(url), engine.connect() as conn:
        tables = set(conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
        if "alembic_version" not in tables:
            if tables:
                raise ElderError("PG_NOT_ELDERDESK", url=masked(url),
                                 tables="、".join(sorted(tables)[:5]))
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        if row is None or "audit_log" not in tables:
            raise ElderError("PG_NOT_ELDERDESK", url=masked(url), tables="alembic_version")
        return str(row[0])


def ensure_trgm(engine: Engine, url: str) -> None:
    """pg_trgm must be there before the migrations (ID-fragment search). Creating it needs
    rights an office role may lack: PG_RIGHTS names the SQL for the administrator."""
    with translated(url), engine.connect() as conn:
        have = conn.execute(text(
            "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first()
        if have:
            return
        try:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            conn.commit()
        except DBAPIError as exc:
            conn.rollback()
            db = engine.url.database
            log.warning("CREATE EXTENSION pg_trgm refused on %s: %s", masked(url), exc.orig)
            raise ElderError("PG_RIGHTS", url=masked(url),
                             sql=f"CREATE EXTENSION pg_trgm;（在数据库 {db} 中，以超级用户执行）"
                             ) from None


def session_connection(session: Session) -> Any:
    """The psycopg connection under a session (for COPY)."""
    return session.connection().connection.driver_connection
