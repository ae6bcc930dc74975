"""`server copy`: an office's SQLite file into an empty PostgreSQL database (multi-office.md §1).

All of it happens inside two transactions held open together:
- on the SQLite file a write transaction (BEGIN IMMEDIATE): nobody writes to the file while it
  is read, and the "moved" mark (settings key db.moved_to) is written in it;
- on PostgreSQL one transaction: the schema made by the same Alembic migrations as `init`, the
  user triggers of each table switched off (append-only audit log, frozen rosters, receipts as
  printed: they refuse changes, and a copy must not run them), every table COPYed in foreign-key
  order, the id sequences moved past the copied rows, the triggers switched on again, then the
  figures of both sides compared (rows and every *_fen sum per table, the audit head, and what
  the caller's check says: `audit verify` of both). Any difference: the PostgreSQL transaction
  rolls back (its DDL too), the database is empty again, the file is not marked.
The PostgreSQL commit comes first, the file's mark right after; if the file then cannot be
written, the copied tables are dropped again (drop_copied).

Each row is formatted as one line of COPY's text format by SQLite itself (escapes, NULLs as \\N,
stamps and blobs converted in SQL): Python only joins the lines and hands them to psycopg's
`cursor.copy`.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from elderdesk.domain.errors import ElderError
from elderdesk.paths import is_url, masked
from elderdesk.store import pg, settings_repo
from elderdesk.store.db import MOVED_KEY, Database, schema_version, translated
from elderdesk.store.schema import HEAD, MIGRATIONS, drop_all_pg
from elderdesk.store.stamp import SQL_FROM_TEXT

log = logging.getLogger(__name__)

BATCH = 20_000  # rows read from SQLite and written to COPY at a time
# Tests only: called with the PostgreSQL connection after the rows are in, before the
# comparison (a fault injected there must leave the target empty).
after_copy_hook: Callable[[Connection], None] | None = None


class Figures(NamedTuple):
    """What is compared per table: rows and the sum of every money column."""

    rows: int
    sums: tuple[tuple[str, int], ...]


class CopyReport(NamedTuple):
    server: str  # the target without its password (postgresql://USER@HOST:PORT/DB)
    tables: dict[str, Figures]
    audit_records: int
    seconds: float


def server_name(url: str) -> str:
    """The target as shown in the moved mark and messages: never its password."""
    u = pg.engine_url(url)
    user = f"{u.username}@" if u.username else ""
    port = f":{u.port}" if u.port else ""
    return f"postgresql://{user}{u.host or 'localhost'}{port}/{u.database}"


# --- the two schemas ---------------------------------------------------------------------------

class Column(NamedTuple):
    name: str
    pg_type: str  # information_schema data_type
    sqlite_type: str  # declared type in the file


def _pg_columns(conn: Connection) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for table, col, typ in conn.execute(text(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")):
        out.setdefault(table, []).append((col, typ))
    out.pop("alembic_version", None)
    return out


def _sqlite_columns(raw: Any) -> dict[str, dict[str, str]]:
    """The file's tables and their declared column types, without SQLite's own tables and the
    FTS5 tables (virtual tables and their shadow tables: a pg_trgm index on PostgreSQL)."""
    rows = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    out: dict[str, dict[str, str]] = {}
    for name, _sql in rows:
        if name.startswith("sqlite_") or name == "alembic_version" \
                or any(name == v or name.startswith(v + "_") for v in virtual):
            continue
        out[name] = {r[1]: (r[2] or "").upper()
                     for r in raw.execute(f'PRAGMA table_info("{name}")')}
    return out


def _fk_order(conn: Connection, tables: list[str]) -> list[str]:
    """Tables so that each comes after the tables its foreign keys point to (a table pointing
    at itself is one COPY: its references are checked at the statement's end)."""
    deps: dict[str, set[str]] = {t: set() for t in tables}
    for child, parent in conn.execute(text(
            "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace")):
        if child in deps and parent != child:
            deps[child].add(parent)
    order: list[str] = []
    while deps:
        ready = sorted(t for t, d in deps.items() if not d - set(order))
        if not ready:
            raise ElderError("COPY_MISMATCH", detail="外键成环：" + "、".join(sorted(deps)))
        order += ready
        for t in ready:
            del deps[t]
    return order


# --- rows as COPY text, formatted by SQLite ----------------------------------------------------

# Text with a backslash, tab, LF or CR (rare) is escaped; GLOB finds those for less than the
# four replace() calls cost on every value.
_TEXT_ESCAPE = ("CASE WHEN {c} GLOB '*[\\\t\n\r]*' THEN replace(replace(replace(replace({c}, "
                "'\\', '\\\\'), char(9), '\\t'), char(10), '\\n'), char(13), '\\r') ELSE {c} END")
_STAMP_TO_ISO = ("printf('%04d-%02d-%02d %02d:%02d:%02d', {c} / 10000000000, "
                 "{c} / 100000000 % 100, {c} / 1000000 % 100, {c} / 10000 % 100, "
                 "{c} / 100 % 100, {c} % 100)")


def _field(col: Column) -> str:
    """One column of the file as the text COPY reads for the PostgreSQL column's type."""
    c = f'"{col.name}"'
    t = col.pg_type
    if t == "bytea":
        value = f"'\\\\x' || hex({c})"
    elif t in ("bigint", "integer", "smallint") and "DATE" in col.sqlite_type:
        # a stamp column (store/stamp.py): rows written before migration 0008 hold ISO text
        value = (f"CASE WHEN typeof({c}) = 'text' THEN {SQL_FROM_TEXT.format(c=c)} "
                 f"ELSE {c} END")
    elif t in ("bigint", "integer", "smallint", "boolean", "date"):
        value = c
    elif t.startswith("timestamp"):
        value = (f"CASE WHEN typeof({c}) = 'integer' THEN {_STAMP_TO_ISO.format(c=c)} "
                 f"ELSE {_TEXT_ESCAPE.format(c=c)} END")
    else:
        value = _TEXT_ESCAPE.format(c=c)
    return f"coalesce({value}, '\\N')"


def _line_sql(table: str, cols: list[Column]) -> str:
    return (f"SELECT {' || char(9) || '.join(_field(c) for c in cols)} FROM \"{table}\"")


def _copy_table(raw: Any, cur: Any, table: str, cols: list[Column]) -> int:
    """COPY one table; SQLite's formatting (a reader thread: sqlite3 lets go of the GIL while
    it steps) overlaps with the server's loading."""
    names = ", ".join(f'"{c.name}"' for c in cols)
    source = raw.execute(_line_sql(table, cols))
    batches: queue.Queue[str | BaseException | None] = queue.Queue(maxsize=4)
    count = 0

    def read() -> None:
        try:
            while rows := source.fetchmany(BATCH):
                batches.put("\n".join([r[0] for r in rows]) + "\n")
            batches.put(None)
        except BaseException as exc:  # noqa: BLE001  handed to the writer, raised there
            batches.put(exc)

    reader = threading.Thread(target=read, name=f"copy-{table}", daemon=True)
    reader.start()
    try:
        with cur.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            while (batch := batches.get()) is not None:
                if isinstance(batch, BaseException):
                    raise batch
                count += batch.count("\n")
                copy.write(batch)
    finally:
        while reader.is_alive():  # a failed COPY: let the reader finish its table
            with contextlib.suppress(queue.Empty):
                batches.get(timeout=0.1)
        reader.join()
    return count


# --- figures ------------------------------------------------------------------------------------

def _figures_sql(table: str, cols: list[str]) -> tuple[str, list[str]]:
    money = [c for c in cols if c.endswith("_fen")]
    sums = "".join(f', coalesce(sum("{c}"), 0)' for c in money)
    return f'SELECT count(*){sums} FROM "{table}"', money


def _figures(run: Callable[[str], tuple], tables: dict[str, list[str]]) -> dict[str, Figures]:
    out = {}
    for table, cols in tables.items():
        sql, money = _figures_sql(table, cols)
        row = run(sql)
        out[table] = Figures(int(row[0]), tuple(zip(money, (int(v) for v in row[1:]),
                                                    strict=True)))
    return out


_HEAD = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"


def _differences(a: dict[str, Figures], b: dict[str, Figures]) -> list[str]:
    found = []
    for table in sorted(a):
        fa, fb = a[table], b.get(table)
        if fb is None or fa.rows != fb.rows:
            found.append(f"{table} 行数 {fa.rows} ≠ {fb.rows if fb else '无'}")
            continue
        for (col, x), (_c, y) in zip(fa.sums, fb.sums, strict=True):
            if x != y:
                found.append(f"{table}.{col} 合计 {x} ≠ {y}")
    return found


# --- the copy -----------------------------------------------------------------------------------

def _upgrade(conn: Connection, revision: str) -> None:
    """The same Alembic migrations as `init` up to the file's revision, inside the caller's
    transaction."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def check_target(url: str) -> Database:
    """The target, reachable and empty (no table at all): COPY_TARGET_NOT_EMPTY (exit 4) for an
    ElderDesk database, PG_NOT_ELDERDESK for another program's tables."""
    target = Database(url)
    try:
        if schema_version(target) is not None:
            raise ElderError("COPY_TARGET_NOT_EMPTY", url=target.shown)
        pg.ensure_trgm(target.engine, url)
    except BaseException:
        target.close()
        raise
    return target


def copy_office(source: Database, url: str,
                check: Callable[[Session, Session], list[str]]) -> CopyReport:
    """Copy everything of `source` (an SQLite office) into the empty database at `url`; the
    file is marked as moved there. `check(source_session, target_session)` returns what differs
    beyond rows and sums (the services' audit verification); anything: COPY_MISMATCH."""
    if source.is_pg:
        raise ElderError("USAGE", detail="源数据库必须是本机数据库文件（SQLite）")
    if not is_url(url):
        raise ElderError("PG_URL_INVALID", url=masked(url))
    started = time.perf_counter()
    server = server_name(url)
    target: Database | None = None
    pg_committed = False
    try:
        with source.write() as s:  # DB_MOVED for a file moved before; nobody writes meanwhile
            target = check_target(url)
            raw: Any = s.connection().connection.driver_connection  # psycopg's
            version = raw.execute("SELECT version_num FROM alembic_version").fetchone()
            if version is None or version[0] != HEAD:
                raise ElderError("COPY_MISMATCH", detail=f"数据库版本 {version} 不是 {HEAD}")
            with pg.translated(url), target.engine.connect() as conn:
                tx = conn.begin()
                try:
                    report = _copy_in(raw, s, conn, server, check, version[0])
                    settings_repo.store(s, MOVED_KEY, server)
                    s.flush()
                    tx.commit()
                    pg_committed = True
                except BaseException:
                    tx.rollback()
                    raise
    except BaseException:
        if pg_committed and target is not None:  # the file could not take its mark
            log.error("server copy: the file's moved mark failed; dropping the copy on %s",
                      server)
            drop_copied(target)
        if target is not None:
            target.close()
        raise
    target.close()
    seconds = time.perf_counter() - started
    log.info("server copy of %s to %s: %d tables, %.1f s", source.shown, server,
             len(report.tables), seconds)
    return report._replace(seconds=seconds)


def _copy_in(raw: Any, s: Session, conn: Connection, server: str,
             check: Callable[[Session, Session], list[str]], revision: str) -> CopyReport:
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({pg.WRITE_LOCK})")
    _upgrade(conn, revision)
    pg_cols = _pg_columns(conn)
    file_cols = _sqlite_columns(raw)
    if set(pg_cols) != set(file_cols):
        raise ElderError("COPY_MISMATCH", detail="表不一致：" + "、".join(
            sorted(set(pg_cols) ^ set(file_cols))))
    columns: dict[str, list[Column]] = {}
    for table, cols in pg_cols.items():
        extra = set(file_cols[table]) - {c for c, _t in cols}
        missing = {c for c, _t in cols} - set(file_cols[table])
        if extra or missing:
            raise ElderError("COPY_MISMATCH", detail=f"表 {table} 的列不一致：" + "、".join(
                sorted(extra | missing)))
        columns[table] = [Column(c, t, file_cols[table][c]) for c, t in cols]
    order = _fk_order(conn, list(columns))
    with_triggers = set(conn.execute(text(
        "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal")
    ).scalars())
    for table in order:
        if table in with_triggers:
            conn.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
    # Indexes and keys (primary, unique, foreign) are made again after the rows are in: one
    # sorted build and one join instead of an index insert and a lookup per row (the same
    # definitions, checked then).
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    keys = conn.execute(text(  # primary and unique keys first, foreign keys after them
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype IN ('p', 'u', 'f') AND connamespace = current_schema()::regnamespace "
        "ORDER BY contype = 'f', conrelid::regclass::text, conname")).all()
    indexes = conn.execute(text(
        "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema() "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname "
        "AND c.connamespace = current_schema()::regnamespace)")).all()
    for table, name, _d in reversed(keys):
        conn.exec_driver_sql(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    for name, _d in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    dbapi: Any = conn.connection.driver_connection  # psycopg's connection
    with dbapi.cursor() as cur:
        for table in order:
            t0 = time.perf_counter()
            try:
                n = _copy_table(raw, cur, table, columns[table])
            except Exception as exc:
                raise _refused(exc, table) from exc
            log.info("server copy: %s %d rows in %.1f s", table, n, time.perf_counter() - t0)
    t0 = time.perf_counter()
    for name, definition in indexes:
        try:
            conn.exec_driver_sql(definition)
        except Exception as exc:
            raise _refused(exc, name) from exc
    for table, name, definition in keys:
        try:
            conn.exec_driver_sql(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
        except Exception as exc:
            raise _refused(exc, name) from exc
    log.info("server copy: indexes and foreign keys in %.1f s", time.perf_counter() - t0)
    for table, col, seq in conn.execute(text(
            "SELECT table_name, column_name, pg_get_serial_sequence(table_name, column_name) "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')")).all():
        if seq:
            conn.exec_driver_sql(
                f"SELECT setval('{seq}', coalesce(max(\"{col}\"), 0) + 1, false) "
                f'FROM "{table}"')
    for table in order:
        if table in with_triggers:
            conn.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
    if after_copy_hook is not None:
        after_copy_hook(conn)
    names = {t: [c.name for c in cols] for t, cols in columns.items()}
    here = _figures(lambda q: raw.execute(q).fetchone(), names)
    there = _figures(lambda q: tuple(conn.exec_driver_sql(q).one()), names)
    found = _differences(here, there)
    head_here = raw.execute(_HEAD).fetchone()
    head_there = conn.exec_driver_sql(_HEAD).first()
    if (tuple(head_here) if head_here else None) != (tuple(head_there) if head_there else None):
        found.append("审计日志链头不同")
    with Session(bind=conn) as target_session:
        found += check(s, target_session)
    if found:
        log.error("server copy to %s: differences %s", server, found)
        raise ElderError("COPY_MISMATCH", detail="；".join(found[:5]))
    return CopyReport(server, there, there.get("audit_log", Figures(0, ())).rows, 0.0)


def _refused(exc: BaseException, what: str) -> BaseException:
    """The server refusing copied rows (a value out of its column's range, a duplicate key, a
    missing reference): COPY_MISMATCH naming the table and the server's words; a fault of the
    server or connection stays what it is (store/pg.translated)."""
    err = getattr(exc, "orig", exc)
    state = getattr(err, "sqlstate", None)
    if state is None or state.startswith(("08", "57P", "28", "3D", "42501", "55P03", "40")):
        return exc
    said = str(err).splitlines()[0] if str(err) else type(err).__name__
    log.error("server copy: the server refused %s: %s", what, err)
    return ElderError("COPY_MISMATCH", detail=f"{what}：{said}")


def drop_copied(target: Database) -> None:
    """Empty the target again (every table and sequence the migrations made)."""
    try:
        with translated(target):
            drop_all_pg(target)
    except Exception:  # noqa: BLE001  reported by the caller's error; the log keeps this
        log.exception("server copy: dropping the copy failed")
