"""Migration 0007: every existing application was taken at the counter; receipts start empty."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from elderdesk.store import schema
from elderdesk.store.db import Database, schema_version


def test_upgrade_from_0006_marks_existing_applications_counter(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    schema.upgrade(db, "0006")
    with db.write() as s:
        s.execute(text("INSERT INTO people (id_number, name, sex, birth_date, status, created_at,"
                       " updated_at) VALUES ('420103194005050012', '张三', 'M', '1940-05-05',"
                       " 'active', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        s.execute(text("INSERT INTO enrollments (person_id, status, applied_on, applied_by,"
                       " created_at) VALUES (1, 'approved', '2026-01-02', 'clerk',"
                       " '2026-01-02 00:00:00')"))
    db.close()
    db = schema.open_existing(path)  # migrates (after a backup)
    assert schema_version(db) == schema.HEAD
    with db.read() as s:
        assert s.execute(text("SELECT source, agent_name FROM enrollments")).one() == (
            "counter", None)
        assert s.execute(text("SELECT count(*) FROM receipts")).scalar() == 0
    with pytest.raises(IntegrityError, match="CHECK"), db.write() as s:  # the new CHECK holds
        s.execute(text("UPDATE enrollments SET source = 'fax'"))
    db.close()
