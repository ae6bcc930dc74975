"""Migration 0013: a roster's totals hold a city's quarter (more than 2^31 fen) on both engines;
on PostgreSQL the columns become BIGINT (existing rows kept), the downgrade narrows them."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from elderdesk.store import schema
from elderdesk.store.db import Database, schema_version

BOTH_ENGINES = True
CITY_QUARTER = 7_796_480_000  # fen: the bench city's 2026Q3 regular total
_ROSTER = ("INSERT INTO rosters (id, period, status, built_at, built_by, built_audit_id, people,"
           " regular_fen, arrears_fen, recovery_fen) VALUES (:id, :p, :st,"
           " '2026-10-01 09:00:00', 'admin', 1, 1, :fen, 0, 0)")


@pytest.fixture
def old_db(db_engine, tmp_path, request):  # type: ignore[no-untyped-def]
    where = (request.getfixturevalue("pg_empty_url") if db_engine == "postgresql"
             else tmp_path / "old.db")
    db = Database(where)
    schema.upgrade(db, "0012")
    with db.write() as s:
        s.execute(text(_ROSTER), {"id": 1, "p": "2026Q2", "st": "frozen", "fen": 123_456})
    yield db
    db.close()


def test_a_city_quarter_fits_after_the_upgrade(old_db):
    if old_db.is_pg:
        with pytest.raises(DBAPIError), old_db.write() as s:
            s.execute(text(_ROSTER), {"id": 2, "p": "2026Q3", "st": "draft", "fen": CITY_QUARTER})
    schema.upgrade(old_db, "0013")
    assert schema_version(old_db) == "0013"
    with old_db.write() as s:
        s.execute(text(_ROSTER), {"id": 2, "p": "2026Q3", "st": "draft", "fen": CITY_QUARTER})
    with old_db.read() as s:
        assert s.execute(text("SELECT id, regular_fen FROM rosters ORDER BY id")).all() == [
            (1, 123_456), (2, CITY_QUARTER)]
        if old_db.is_pg:
            assert set(s.execute(text(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'rosters'"
                " AND column_name LIKE '%\\_fen'")).scalars()) == {"bigint"}
    with old_db.write() as s:
        s.execute(text("DELETE FROM rosters WHERE id = 2"))
    schema.upgrade(old_db, "0013")  # nothing left to do
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS))
    with old_db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0012")
    assert schema_version(old_db) == "0012"
