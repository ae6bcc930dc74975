"""Migration 0012 (counts for the statistics): the upgrade fills stats_people and stats_ledger
from an existing database, and the triggers keep them equal to counting the data after every
kind of change (people added, edited, deleted; ledger rows added, changed, removed; a birth
date corrected), on SQLite and PostgreSQL; the downgrade drops them."""

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from elderdesk.store import schema
from elderdesk.store.db import Database, schema_version

BOTH_ENGINES = True

_PERSON = ("INSERT INTO people (id, id_number, name, sex, birth_date, status, community,"
           " created_at, updated_at) VALUES (:id, :n, '张三', :sex, :b, :st, :c, 1767225600,"
           " 1767225600)")
_PEOPLE = [  # id, ID number, sex, birth date, status, community (None and '' kept apart)
    (1, "420103194005050012", "M", "1940-05-05", "active", "民意一路社区"),
    (2, "420103194005210026", "F", "1940-05-21", "active", "民意一路社区"),
    (3, "420103193612310019", "M", "1936-12-31", "deceased", None),
    (4, "420103195001010027", "F", "1950-01-01", "moved_out", ""),
    (5, "420103194511110011", "M", "1945-11-11", "active", "满春路社区"),
]
_LEDGER = [(1, 24300, 30000), (1, 24301, 30000), (2, 24300, 15000), (3, 24301, 10000)]


def _day(value) -> date:  # type: ignore[no-untyped-def]
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def counted(db: Database) -> tuple[Counter, Counter]:
    """(people by community, known, sex, status, birth month; ledger people and fen by month and
    birth month) counted from the rows, and the same read from the two tables."""
    with db.read() as s:
        people = s.execute(text("SELECT id, community, sex, status, birth_date FROM people")).all()
        ledger = s.execute(text("SELECT person_id, month, paid_fen FROM ledger")).all()
        kept_people = Counter({tuple(r[:5]): r[5] for r in s.execute(text(
            "SELECT community, known, sex, status, birth_month, n FROM stats_people")) if r[5]})
        kept_ledger = Counter({(r[0], r[1], k): v for r in s.execute(text(
            "SELECT month, birth_month, people, fen FROM stats_ledger"))
            for k, v in (("people", r[2]), ("fen", r[3])) if v})
    born = {}
    want_people: Counter = Counter()
    for pid, community, sex, status, birth in people:
        b = _day(birth)
        born[pid] = b.year * 12 + b.month - 1
        want_people[(community or "", int(community is not None), sex, status, born[pid])] += 1
    want_ledger: Counter = Counter()
    for pid, month, fen in ledger:
        if fen > 0:
            want_ledger[(month, born[pid], "people")] += 1
            want_ledger[(month, born[pid], "fen")] += fen
    return (want_people, want_ledger), (kept_people, kept_ledger)  # type: ignore[return-value]


@pytest.fixture
def old_db(db_engine, tmp_path, request):  # type: ignore[no-untyped-def]
    where = (request.getfixturevalue("pg_empty_url") if db_engine == "postgresql"
             else tmp_path / "old.db")
    db = Database(where)
    schema.upgrade(db, "0011")
    with db.write() as s:
        for pid, number, sex, birth, status, community in _PEOPLE:
            s.execute(text(_PERSON), {"id": pid, "n": number, "sex": sex, "b": _day(birth),
                                      "st": status, "c": community})
        for pid, month, fen in _LEDGER:
            s.execute(text("INSERT INTO ledger (person_id, month, paid_fen) VALUES (:p, :m, :f)"),
                      {"p": pid, "m": month, "f": fen})
    yield db
    db.close()


def test_upgrade_fills_the_counts_and_triggers_keep_them(old_db):
    schema.upgrade(old_db, "0012")
    assert schema_version(old_db) == "0012"
    want, kept = counted(old_db)
    assert kept == want
    assert kept[0][("", 0, "M", "deceased", 1936 * 12 + 11)] == 1  # NULL community
    assert kept[0][("", 1, "F", "moved_out", 1950 * 12)] == 1  # '' community
    assert kept[1][(24300, 1940 * 12 + 4, "people")] == 2
    changes = [
        "INSERT INTO ledger (person_id, month, paid_fen) VALUES (5, 24302, 12000)",
        "UPDATE ledger SET paid_fen = paid_fen + 500 WHERE person_id = 1 AND month = 24301",
        # the freeze's upsert: one statement inserting some rows and updating others
        "INSERT INTO ledger (person_id, month, paid_fen) VALUES (5, 24302, 300), (5, 24303, 700)"
        " ON CONFLICT (person_id, month) DO UPDATE SET paid_fen = ledger.paid_fen"
        " + excluded.paid_fen",
        "UPDATE ledger SET paid_fen = 0 WHERE person_id = 2",  # as the freeze does, then
        "DELETE FROM ledger WHERE paid_fen = 0",
        "UPDATE people SET community = '满春路社区', status = 'deceased' WHERE id = 1",
        "UPDATE people SET community = NULL WHERE id = 4",
        "UPDATE people SET name = '李四' WHERE id = 5",  # no counted column
        "UPDATE people SET birth_date = :b WHERE id = 1",  # an ID corrected: the ledger moves
        "DELETE FROM people WHERE id = 2",
    ]
    for sql in changes:
        with old_db.write() as s:
            s.execute(text(sql), {"b": date(1941, 2, 3)} if ":b" in sql else {})
        want, kept = counted(old_db)
        assert kept == want, sql
    assert kept[1][(24301, 1941 * 12 + 1, "fen")] == 30500
    with old_db.write() as s:
        s.execute(text(_PERSON), {"id": 9, "n": "420103193001010018", "sex": "M",
                                  "b": date(1930, 1, 1), "st": "active", "c": "新社区"})
    assert counted(old_db)[1] == counted(old_db)[0]


def test_downgrade_to_0011_drops_them(old_db):
    schema.upgrade(old_db, "0012")
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS))
    with old_db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
    assert schema_version(old_db) == "0011"
    with old_db.write() as s:  # no trigger left writing to a dropped table
        s.execute(text("INSERT INTO ledger (person_id, month, paid_fen) VALUES (5, 24303, 1)"))
        s.execute(text("UPDATE people SET status = 'active' WHERE id = 3"))
    with old_db.read() as s, pytest.raises(DBAPIError):
        s.execute(text("SELECT count(*) FROM stats_people"))
