"""What the migrations write differently on SQLite and PostgreSQL (one schema, two dialects).

SQLite-only features and their PostgreSQL counterparts:
- `WITHOUT ROWID` tables: plain tables with the same primary keys (`table`);
- `INTEGER PRIMARY KEY` (the rowid) in hand-written DDL: SERIAL, its sequence continued after
  rows were copied in (`rename_table`);
- `RAISE(ABORT)` triggers (append-only audit log, frozen rosters, printed receipts): PL/pgSQL
  trigger functions (`refuse`); other triggers: `trigger`;
- the FTS5 trigram table over ID numbers: a `pg_trgm` GIN index on people.id_number.
Only the migrations use this module (they run inside Alembic's `op` context).
"""

from __future__ import annotations

from alembic import op


def is_pg() -> bool:
    return bool(op.get_bind().dialect.name == "postgresql")


def table(sql: str) -> None:
    """CREATE TABLE written for SQLite; on PostgreSQL without WITHOUT ROWID, DATETIME as
    TIMESTAMP and a leading `id INTEGER NOT NULL` (the rowid) as SERIAL."""
    if is_pg():
        sql = sql.replace(" WITHOUT ROWID", "").replace(" DATETIME", " TIMESTAMP")
        head, paren, rest = sql.partition("(")
        if rest.startswith("id INTEGER NOT NULL, "):
            rest = "id SERIAL NOT NULL, " + rest[len("id INTEGER NOT NULL, "):]
        sql = head + paren + rest
    op.execute(sql)


def rename_table(old: str, new: str) -> None:
    """ALTER TABLE … RENAME; on PostgreSQL its primary key index and id sequence follow the
    name (the next rebuild reuses `<old>`), and the sequence continues after the copied ids."""
    op.execute(f"ALTER TABLE {old} RENAME TO {new}")
    if not is_pg():
        return
    op.execute(f"ALTER INDEX IF EXISTS {old}_pkey RENAME TO {new}_pkey")
    seq = op.get_bind().exec_driver_sql(
        f"SELECT pg_get_serial_sequence('{new}', 'id')").scalar() if _has_id(new) else None
    if seq:
        op.execute(f"ALTER SEQUENCE {seq} RENAME TO {new}_id_seq")
        op.execute(f"SELECT setval('{new}_id_seq', coalesce(max(id), 0) + 1, false) FROM {new}")


def _has_id(name: str) -> bool:
    return op.get_bind().exec_driver_sql(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        f"AND table_name = '{name}' AND column_name = 'id'").first() is not None


def refuse(name: str, table_name: str, event: str, message: str, when: str | None = None,
           pg_when: str | None = None) -> None:
    """A trigger refusing an UPDATE or DELETE (when `when` holds, SQLite syntax; `pg_when` is
    its PostgreSQL form where it differs: `IS NOT` is `IS DISTINCT FROM` there)."""
    if not is_pg():
        cond = f" WHEN {when}" if when else ""
        op.execute(f"CREATE TRIGGER {name} BEFORE {event} ON {table_name}{cond} "
                   f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
        return
    pg_cond = pg_when or when
    check = (f"IF {pg_cond} THEN RAISE EXCEPTION '{message}'; END IF;" if pg_cond
             else f"RAISE EXCEPTION '{message}';")
    # Row values are checked in the function (a PostgreSQL trigger's WHEN takes no subquery).
    op.execute(
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"{check} IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$")
    op.execute(f"CREATE TRIGGER {name} BEFORE {event} ON {table_name} FOR EACH ROW "
               f"EXECUTE FUNCTION {name}()")


def trigger(name: str, table_name: str, timing: str, sqlite_body: str, pg_body: str) -> None:
    """A trigger doing something (`timing` e.g. 'AFTER UPDATE OF id_number'); the bodies are
    SQL statements using new./old. in each dialect."""
    if not is_pg():
        op.execute(f"CREATE TRIGGER {name} {timing} ON {table_name} BEGIN {sqlite_body} END")
        return
    op.execute(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
               f"BEGIN {pg_body} RETURN NULL; END $$")
    op.execute(f"CREATE TRIGGER {name} {timing} ON {table_name} FOR EACH ROW "
               f"EXECUTE FUNCTION {name}()")


def id_search_index() -> None:
    """Substring search in ID numbers: on PostgreSQL a pg_trgm GIN index (the extension is
    created before the migrations run, store/pg.ensure_trgm, since it may need a superuser)."""
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE INDEX ix_people_id_trgm ON people USING gin (id_number gin_trgm_ops)")
