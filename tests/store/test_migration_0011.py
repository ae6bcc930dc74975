"""Migration 0011 (duplicates across streets): people.office, '' at a street (its own exchange
records name its own code but stay ''), the street's code at a district (from the exchange
records it holds); the unique index on (ID number, office): a district may hold an ID from two
streets, nobody holds it twice for one office. SQLite and PostgreSQL."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from elderdesk.store import schema
from elderdesk.store.db import Database, schema_version

BOTH_ENGINES = True
X = "420103194005050012"
_PERSON = ("INSERT INTO people (id, id_number, name, sex, birth_date, status, created_at,"
           " updated_at) VALUES ({id}, '{number}', '张三', 'M', '1940-05-05', 'active',"
           " 1767225600, 1767225600)")
_RECORD = ("INSERT INTO exchange_records (kind, owner, key, local_id, version, digest) VALUES"
           " ('person', '{owner}', '{key}', '{local}', 1, 'd')")


@pytest.fixture
def old_db(db_engine, tmp_path, request):  # type: ignore[no-untyped-def]
    where = (request.getfixturevalue("pg_empty_url") if db_engine == "postgresql"
             else tmp_path / "old.db")
    db = Database(where)
    schema.upgrade(db, "0010")
    yield db
    db.close()


def _fill(db, district: bool) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        s.execute(text(_PERSON.format(id=1, number=X)))
        s.execute(text(_PERSON.format(id=2, number="420103194005050039")))
        if district:
            s.execute(text("INSERT INTO settings (key, value) VALUES ('office.level',"
                           " 'district')"))
            s.execute(text(_RECORD.format(owner="420103001", key="7", local="1")))
        else:
            s.execute(text(_RECORD.format(owner="420103001", key="1", local="1")))


def test_a_district_gets_the_streets_codes_and_may_hold_an_id_twice(old_db):
    _fill(old_db, district=True)
    schema.upgrade(old_db, "0011")
    assert schema_version(old_db) == "0011"
    with old_db.read() as s:
        assert s.execute(text("SELECT id, office FROM people ORDER BY id")).all() == \
            [(1, "420103001"), (2, "")]
    with old_db.write() as s:  # the same ID from street 002
        s.execute(text("INSERT INTO people (id, id_number, name, sex, birth_date, status,"
                       " created_at, updated_at, office) VALUES (3, :x, '张三', 'M',"
                       " '1940-05-05', 'active', 1767225600, 1767225600, '420103002')"),
                  {"x": X})
    with old_db.read() as s:
        assert s.execute(text(f"SELECT count(*) FROM people WHERE id_number = '{X}'")
                         ).scalar() == 2
    with pytest.raises(DBAPIError), old_db.write() as s:  # twice for one office: refused
        s.execute(text("UPDATE people SET office = '420103001' WHERE id = 3"))


def test_a_street_keeps_every_row_its_own(old_db):
    _fill(old_db, district=False)
    schema.upgrade(old_db, "0011")
    with old_db.read() as s:
        assert s.execute(text("SELECT DISTINCT office FROM people")).scalars().all() == [""]
    with pytest.raises(DBAPIError), old_db.write() as s:  # an ID once at a street, as before
        s.execute(text(_PERSON.format(id=3, number=X)))
