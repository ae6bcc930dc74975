"""Migration 0010 (the district roster): nullable columns added to rosters, roster lines and
partners on SQLite and PostgreSQL; existing rows keep their values, frozen rosters stay
immutable, and the new columns can be written on a draft."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from elderdesk.store import schema
from elderdesk.store.db import Database, schema_version

BOTH_ENGINES = True

_ROWS = (
    "INSERT INTO people (id_number, name, sex, birth_date, status, created_at, updated_at)"
    " VALUES ('420103194005050012', '张三', 'M', '1940-05-05', 'active', 1767225600,"
    " 1767225600)",
    "INSERT INTO rosters (id, period, status, built_at, built_by, built_audit_id, frozen_at,"
    " frozen_by, people, regular_fen, arrears_fen, recovery_fen) VALUES (1, '2026-Q1', 'draft',"
    " '2026-04-01 00:00:00', 'clerk', 1, NULL, NULL, 1, 30000, 0, 0)",
    "INSERT INTO roster_snapshots (person_id, roster_id, id_number, name, sex, birth_date)"
    " VALUES (1, 1, '420103194005050012', '张三', 'M', '1940-05-05')",
    "INSERT INTO roster_lines (id, roster_id, person_id, snapshot_roster_id, band, monthly_fen,"
    " paid_fen, recovery_fen) VALUES (1, 1, 1, 1, '80-89', 10000, 30000, 0)",
    "UPDATE rosters SET status = 'frozen', frozen_at = '2026-04-02 00:00:00', frozen_by = 'ap'",
    "INSERT INTO exchange_partners (code, name, public_key, added_at, sent_seq, received_seq,"
    " acked_seq, acked_version, received_version, payment) VALUES ('420103001', '民意街道',"
    " 'k', '2026-01-01 00:00:00', 3, 2, 2, 5, 4, 'district')",
)


@pytest.fixture
def old_db(db_engine, tmp_path, request):  # type: ignore[no-untyped-def]
    where = (request.getfixturevalue("pg_empty_url") if db_engine == "postgresql"
             else tmp_path / "old.db")
    db = Database(where)
    schema.upgrade(db, "0009")
    with db.write() as s:
        for sql in _ROWS:
            s.execute(text(sql))
    yield db
    db.close()


def test_upgrade_from_0009_adds_nullable_columns_and_keeps_frozen_rosters(old_db):
    schema.upgrade(old_db, "0010")
    assert schema_version(old_db) == "0010"
    with old_db.read() as s:
        assert s.execute(text("SELECT frozen_by, frozen_by_office, people FROM rosters")).one() \
            == ("ap", None, 1)
        assert s.execute(text("SELECT office, paid_fen FROM roster_lines")).one() == (None, 30000)
        assert s.execute(text("SELECT payment, payment_seq, pays_from, sent_seq"
                              " FROM exchange_partners")).one() == ("district", None, None, 3)
    for sql in ("UPDATE rosters SET frozen_by_office = '420103'",
                "UPDATE roster_lines SET office = '420103001'"):
        with pytest.raises(DBAPIError, match="frozen roster is immutable"), \
                old_db.write() as s:
            s.execute(text(sql))
    with old_db.write() as s:  # a draft (or a received roster) carries them
        s.execute(text("INSERT INTO rosters (id, period, status, built_at, built_by,"
                       " built_audit_id, frozen_by_office, people, regular_fen, arrears_fen, recovery_fen)"
                       " VALUES (2, '2026-Q2', 'draft', '2026-07-01 00:00:00', 'c', 2, '420103',"
                       " 0, 0, 0, 0)"))
        s.execute(text("UPDATE exchange_partners SET payment_seq = 4, pays_from = '2026-Q2'"))
    with old_db.read() as s:
        assert s.execute(text("SELECT frozen_by_office FROM rosters WHERE period = '2026-Q2'")
                         ).scalar() == "420103"
        assert s.execute(text("SELECT pays_from FROM exchange_partners")).scalar() == "2026-Q2"


def test_downgrade_to_0009_drops_them(old_db):
    schema.upgrade(old_db, "0010")
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS))
    with old_db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
    assert schema_version(old_db) == "0009"
    with old_db.read() as s:
        assert s.execute(text("SELECT frozen_by, people FROM rosters")).one() == ("ap", 1)
        with pytest.raises(DBAPIError):
            s.execute(text("SELECT office FROM roster_lines"))
