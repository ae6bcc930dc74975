"""The store: migrations match the ORM, pragmas on every connection, refusals on bad files."""

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from elderdesk.domain.errors import ElderError
from elderdesk.store import schema
from elderdesk.store.orm import Base


def test_migrations_produce_the_orm_schema(tmp_path):
    db = schema.create(tmp_path / "a.db")
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": _not_fts})
        diff = compare_metadata(ctx, Base.metadata)
    db.close()
    assert diff == []


def _not_fts(name, type_, parent_names):  # type: ignore[no-untyped-def]
    """FTS5 shadow tables are SQLite's own, not ours."""
    return not (type_ == "table" and name and "_fts" in name)


def test_pragmas_on_every_connection(tmp_path):
    db = schema.create(tmp_path / "a.db")
    for _ in range(2):
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    db.close()


def test_a_failed_write_rolls_back_everything(tmp_path):
    db = schema.create(tmp_path / "a.db")
    with pytest.raises(RuntimeError), db.write() as s:
        s.execute(text("INSERT INTO settings(key, value) VALUES ('a', '1')"))
        raise RuntimeError("power cut")
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM settings WHERE key='a'")).scalar() == 0
    db.close()


def test_audit_log_refuses_update_and_delete(db_path):
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit_log SET operator='x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit_log")
    conn.close()


def test_open_refuses_missing_foreign_and_newer(tmp_path, db_path):
    with pytest.raises(ElderError) as e:
        schema.open_existing(tmp_path / "none.db")
    assert e.value.code == "DB_MISSING"
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 10)
    with pytest.raises(ElderError) as e:
        schema.open_existing(junk)
    assert e.value.code == "DB_CORRUPT"
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(ElderError) as e:
        schema.open_existing(empty)
    assert e.value.code == "DB_NOT_INITIALISED"
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.commit()
    conn.close()
    with pytest.raises(ElderError) as e:
        schema.open_existing(db_path)
    assert e.value.code == "DB_NEWER_SCHEMA" and e.value.exit_status == 4


def test_head_is_the_newest_migration():
    assert max(schema._known_revisions()) == schema.HEAD


def test_writers_take_the_lock_at_begin(tmp_path):
    db = schema.create(tmp_path / "a.db")
    with db.write() as s:
        s.execute(text("SELECT 1"))  # a session connects (and begins) on first use
        conn = sqlite3.connect(tmp_path / "a.db", timeout=0.1)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            conn.execute("BEGIN IMMEDIATE")
        conn.close()
    db.close()
