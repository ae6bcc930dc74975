"""Adding many people at once inside the caller's transaction: rows, pinyin keys, ID search index.

SQLite: executemany on the driver, the FTS5 triggers and (for a load doubling the table) the
secondary indexes dropped and rebuilt. PostgreSQL: COPY on the session's own psycopg connection
(same transaction: all or nothing), indexes kept (dropping one would lock the table against the
other counters' reads), the id sequence moved past the rows at the end.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from elderdesk.domain.progress import Progress
from elderdesk.store.orm import PersonRow, compact_household
from elderdesk.store.pinyin import name_keys

Step = Callable[[int], None]

CHUNK = 10_000
# From this many rows on, the ID trigram index is filled in one statement at the end instead of
# row by row by its triggers; and if the load at least doubles the table, the non-unique indexes
# of people and person_keys are dropped and rebuilt (a sorted build beats random inserts).
FTS_BULK_MIN = 20_000
FTS_TRIGGERS = ("people_fts_ai", "people_fts_ad", "people_fts_au")
COLUMNS = tuple(c.name for c in PersonRow.__table__.columns if c.name != "id")
_INSERT_PEOPLE = (
    f"INSERT INTO people (id, {', '.join(COLUMNS)}) VALUES (?{', ?' * len(COLUMNS)})"
)
# A column a record leaves out gets the ORM's scalar default (e.g. people.office ''), else NULL.
_DEFAULTS = tuple(
    c.default.arg if c.default is not None and c.default.is_scalar else None
    for c in PersonRow.__table__.columns if c.name != "id")
_ID, _NAME = COLUMNS.index("id_number"), COLUMNS.index("name")
_HOUSEHOLD, _CURRENT = COLUMNS.index("household_address"), COLUMNS.index("current_address")
_INSERT_KEYS = "INSERT INTO person_keys (key, id_number, person_id) VALUES (?, ?, ?)"
_KEY_COLUMNS = ("key", "id_number", "person_id")
# Migration 0012's people counts (store/orm_stats.py): kept by this trigger row by row, by one
# grouped upsert of the new rows in a fast load (the row trigger cost P3 about a second).
STATS_TRIGGER = "stats_people_ai"
_COUNT_PEOPLE = (
    "INSERT INTO stats_people (community, known, sex, status, birth_month, n)"
    " SELECT coalesce(community, ''), CASE WHEN community IS NULL THEN 0 ELSE 1 END, sex,"
    " status, CAST(substr(birth_date, 1, 4) AS INTEGER) * 12"
    " + CAST(substr(birth_date, 6, 2) AS INTEGER) - 1 AS b, count(*) FROM people"
    " WHERE id >= ? AND id < ? GROUP BY 1, 2, 3, 4, 5"
    " ON CONFLICT (community, known, sex, status, birth_month)"
    " DO UPDATE SET n = stats_people.n + excluded.n"
)
_FILL_FTS = (
    "INSERT INTO people_id_fts (rowid, id_number) "
    "SELECT id, id_number FROM people WHERE id >= ? AND id < ?"
)


def bulk_insert_people(session: Session, records: Sequence[dict[str, Any]], *,
                       progress: Progress | None = None) -> dict[str, int]:
    """Insert people (dicts of PersonRow columns, no id); returns id_number -> new row id.

    Runs in the session's transaction and never commits: a failure (a duplicate ID number, a
    check constraint) raises and the caller's rollback undoes everything. Progress counts three
    steps per person: rows, keys, index.
    """
    step = stepper(progress, 3 * len(records))
    with bulk_load(session, len(records), step) as load:
        return load.insert(records, step)


@contextmanager
def bulk_load(session: Session, expected: int, step: Step | None = None) -> Iterator[BulkLoad]:
    """Several inserts sharing one switch-off of the per-row index upkeep; on leaving (even by an
    exception) the ID index gets the new rows and the triggers and indexes are back as they were.
    `step(n)` hears of the index filled, n rows at a time.
    """
    load = BulkLoad(session.connection(), expected)
    try:
        yield load
    except BaseException:
        # PostgreSQL: a failed statement aborted the transaction, whose rollback undoes all
        # (the original error must not be hidden by a statement refused in it).
        if not load.pg:
            load.finish(step)
        raise
    load.finish(step)


class BulkLoad:
    """Inserts new people with explicit row ids; inside a load, people are neither updated nor
    deleted (the index triggers may be off). Rows added by other means are indexed at the end.
    """

    def __init__(self, conn: Connection, expected: int) -> None:
        self.conn = conn
        self.pg = conn.dialect.name == "postgresql"
        self.first = self._next_id()
        self.fast = expected >= FTS_BULK_MIN and not self.pg
        self._triggers: list[str] = []
        self._indexes: list[str] = []
        self._counted = False  # the statistics' people counts kept here, not row by row
        if self.fast:
            self._triggers = drop_fts_triggers(conn)
            counts = drop_triggers(conn, (STATS_TRIGGER,))  # migration 0012 on (not before)
            if counts:
                self._triggers += counts
                self._counted = True
            existing = conn.execute(select(func.count()).select_from(PersonRow)).scalar_one()
            if expected >= existing:
                self._indexes = drop_secondary_indexes(conn)
        self._converters = _converters(conn)
        self._keys: dict[str, tuple[str, ...]] = {}  # names repeat: their keys are cached

    def insert(self, records: Sequence[dict[str, Any]], step: Step | None = None) -> dict[str, int]:
        """Rows and their pinyin keys; step(n) is called twice per chunk (rows, then keys)."""
        if self.pg:
            return self._insert_pg(records, step)
        ids: dict[str, int] = {}
        for start in range(0, len(records), CHUNK):
            chunk = records[start:start + CHUNK]
            columns = self._columns(chunk)
            first = self._next_id()
            row_ids = range(first, first + len(chunk))
            self.conn.exec_driver_sql(_INSERT_PEOPLE, list(zip(row_ids, *columns, strict=True)))
            ids.update(zip(columns[_ID], row_ids, strict=True))
            if step:
                step(len(chunk))
            keys = [(k, number, pid) for name, number, pid
                    in zip(columns[_NAME], columns[_ID], row_ids, strict=True)
                    for k in self._name_keys(name)]
            if keys:
                self.conn.exec_driver_sql(_INSERT_KEYS, keys)
            if step:
                step(len(chunk))
        return ids

    def _columns(self, chunk: Sequence[dict[str, Any]]) -> list[list[Any]]:
        """The chunk's values column by column (COLUMNS' order), as the driver takes them."""
        columns = [[r.get(name, default) for r in chunk]
                   for name, default in zip(COLUMNS, _DEFAULTS, strict=True)]
        for i, convert in self._converters:
            columns[i] = [convert(v) for v in columns[i]]
        columns[_HOUSEHOLD] = [compact_household(h, c) for h, c  # stored where it differs
                               in zip(columns[_HOUSEHOLD], columns[_CURRENT], strict=True)]
        return columns

    def _insert_pg(self, records: Sequence[dict[str, Any]], step: Step | None) -> dict[str, int]:
        """PostgreSQL: all the rows in one COPY, then all the keys in one (on the driver's
        connection, same transaction). The server keeps the indexes of the rows already sent
        while the next chunk is formatted here: one COPY per chunk of rows and of keys made the
        two wait for each other (a 100,000-row import: 20 COPYs, each waited for)."""
        ids: dict[str, int] = {}
        if not records:
            return ids
        first = self._next_id()
        done: list[tuple[list[Any], list[Any], range]] = []  # names, numbers, row ids
        with self._copy("people", ("id", *COLUMNS)) as copy:
            for start in range(0, len(records), CHUNK):
                chunk = records[start:start + CHUNK]
                columns = self._columns(chunk)
                row_ids = range(first + start, first + start + len(chunk))
                write = copy.write_row
                for row in zip(row_ids, *columns, strict=True):
                    write(row)
                ids.update(zip(columns[_ID], row_ids, strict=True))
                done.append((columns[_NAME], columns[_ID], row_ids))
                if step:
                    step(len(chunk))
        with self._copy("person_keys", _KEY_COLUMNS) as copy:
            write = copy.write_row
            for names, numbers, row_ids in done:
                for name, number, pid in zip(names, numbers, row_ids, strict=True):
                    for k in self._name_keys(name):
                        write((k, number, pid))
                if step:
                    step(len(names))
        return ids

    @contextmanager
    def _copy(self, table: str, columns: Sequence[str]) -> Iterator[Any]:
        """PostgreSQL: a COPY into table on the driver's connection (same transaction)."""
        raw = self.conn.connection.driver_connection
        with raw.cursor() as cur, cur.copy(  # type: ignore[union-attr]
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            yield copy

    def _next_id(self) -> int:
        return (self.conn.execute(select(func.max(PersonRow.id))).scalar() or 0) + 1

    def _name_keys(self, name: str) -> tuple[str, ...]:
        keys = self._keys.get(name)
        if keys is None:
            keys = self._keys[name] = tuple(dict.fromkeys(name_keys(name)))
        return keys

    def finish(self, step: Step | None = None) -> None:
        """Index the new IDs (when the triggers were off) and put triggers and indexes back."""
        end = self._next_id()
        if self.pg:  # rows added later by the ORM draw their ids from the sequence
            self.conn.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('people', 'id'), "
                "coalesce(max(id), 0) + 1, false) FROM people")
        if self.fast:
            for lo in range(self.first, end, CHUNK * 10):
                hi = min(lo + CHUNK * 10, end)
                self.conn.exec_driver_sql(_FILL_FTS, (lo, hi))
                if step:
                    step(hi - lo)
            if self._counted:
                self.conn.exec_driver_sql(_COUNT_PEOPLE, (self.first, end))
            restore(self.conn, self._triggers + self._indexes)
            self._triggers, self._indexes, self.fast = [], [], False
        elif step:
            step(end - self.first)  # the triggers did it row by row


def driver_sql(conn: Connection, sql: str) -> str:
    """A statement written with SQLite's `?` marks, for conn's driver (psycopg takes `%s`)."""
    return sql.replace("?", "%s") if conn.dialect.name == "postgresql" else sql


def _converters(conn: Connection) -> list[tuple[int, Callable[[Any], Any]]]:
    """SQLAlchemy's own bind processors (dates → ISO text), memoised: values repeat a lot."""
    out = []
    table = PersonRow.__table__
    for i, name in enumerate(COLUMNS):
        proc = table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        if proc is not None:
            out.append((i, _memo(proc)))
    return out


def _memo(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    cache: dict[Any, Any] = {None: None}

    def convert(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            out = cache[value] = proc(value)
            return out

    return convert


class GilShare:
    """Call in a worker's loop of many short database calls. sqlite3 releases the GIL around
    every step and the worker takes it back within microseconds, before a waiting thread has
    woken; CPython's waiting thread never asks for a hand-over while the GIL keeps changing
    hands like that, so the GUI thread starved for 0.1-0.2 s at a time (a 100,000-row
    import's ID look-ups). A short sleep every few milliseconds hands it over. In the main
    thread (the command line) it does nothing."""

    def __init__(self, every: float = 0.004, pause: float = 0.0002) -> None:
        self._active = threading.current_thread() is not threading.main_thread()
        self._every = every
        self._pause = pause
        self._next = time.monotonic() + every

    def __call__(self) -> None:
        if self._active and time.monotonic() >= self._next:
            time.sleep(self._pause)
            self._next = time.monotonic() + self._every


_pauses = {"count": 0, "was_enabled": False}
_pause_lock = threading.Lock()


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while millions of acyclic objects are made: every full
    collection walks all of them again (building a 300,000-line roster took twice as long),
    and a worker thread collecting holds the GIL (the GUI froze 0.4 s during an import).
    Nested and concurrent pauses are counted; the last one out restores the collector."""
    with _pause_lock:
        if _pauses["count"] == 0:
            _pauses["was_enabled"] = gc.isenabled()
            gc.disable()
        _pauses["count"] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses["count"] -= 1
            if _pauses["count"] == 0 and _pauses["was_enabled"]:
                gc.enable()


def stepper(progress: Progress | None, total: int, done: int = 0) -> Step:
    """A step(n) that reports progress(done so far, total)."""
    count = done

    def step(n: int) -> None:
        nonlocal count
        count += n
        if progress is not None:
            progress(count, total)

    return step


def fts_trigger_sql(conn: Connection) -> list[str]:
    """The CREATE TRIGGER statements of the ID index triggers, as SQLite stores them."""
    return _trigger_sql(conn, FTS_TRIGGERS)


def _trigger_sql(conn: Connection, names: Sequence[str]) -> list[str]:
    rows = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
        f"({', '.join('?' * len(names))}) ORDER BY name", tuple(names),
    )
    return [r[0] for r in rows]


def drop_triggers(conn: Connection, names: Sequence[str]) -> list[str]:
    """Drop these triggers (SQLite) when the database has them all; their exact SQL for
    restore(). Empty: one of them is missing (an older schema), nothing dropped."""
    saved = _trigger_sql(conn, names)
    if len(saved) != len(names):
        return []
    for name in names:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    return saved


def drop_fts_triggers(conn: Connection) -> list[str]:
    """Drop the ID index triggers; returns their exact SQL for restore().

    The SQL is read back from sqlite_master rather than copied from the migration, so what is
    restored is always what this database had, whichever migration wrote it.
    """
    saved = fts_trigger_sql(conn)
    for name in FTS_TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    return saved


def drop_secondary_indexes(conn: Connection) -> list[str]:
    """Drop the non-unique indexes of people and person_keys; returns their SQL for restore().

    Unique indexes stay, so a duplicate ID number fails at its own row.
    """
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name IN ('people', 'person_keys') AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"
    ).all()
    for name, _ in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def restore(conn: Connection, saved: list[str]) -> None:
    for sql in saved:
        conn.exec_driver_sql(sql)
