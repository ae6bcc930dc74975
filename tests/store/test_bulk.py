"""Bulk insert of people: ids, keys, the ID trigram index and its triggers, rollback."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from elderdesk.demo.generator import make_people
from elderdesk.store import bulk, schema
from elderdesk.store.orm import PersonKeyRow, PersonRow

ON = date(2026, 6, 15)
STAMP = datetime(2026, 6, 15, 9, 30)


@pytest.fixture
def db(db_path):
    database = schema.open_existing(db_path)
    yield database
    database.close()


@pytest.fixture(params=["triggers", "bulk_fts"])
def path_kind(request, monkeypatch):
    """Run a test through both ways of filling the ID index (and check which one ran)."""
    drops = []
    real = bulk.drop_fts_triggers
    monkeypatch.setattr(bulk, "drop_fts_triggers", lambda conn: drops.append(1) or real(conn))
    if request.param == "bulk_fts":
        monkeypatch.setattr(bulk, "FTS_BULK_MIN", 100)
    yield request.param
    assert bool(drops) == (request.param == "bulk_fts")


def _trigger_sql(db) -> dict[str, str]:
    """Every trigger and index as sqlite_master holds it."""
    with db.read() as s:
        rows = s.execute(text("SELECT name, sql FROM sqlite_master "
                              "WHERE type IN ('trigger', 'index')"))
        return dict(rows.all())


def _fts_ids(s, fragment: str) -> set[str]:
    rows = s.execute(
        text("SELECT p.id_number FROM people_id_fts f JOIN people p ON p.id = f.rowid "
             "WHERE f.id_number LIKE :pat"), {"pat": f"%{fragment}%"})
    return {r[0] for r in rows}


def _integrity_check(s) -> None:
    """FTS5 compares its index with the people table; raises if they differ."""
    s.execute(text("INSERT INTO people_id_fts(people_id_fts, rank) VALUES ('integrity-check', 1)"))


def test_ids_rows_keys_and_fts(db, path_kind):
    records = make_people(1500, 7, on=ON, stamp=STAMP)
    progress = []
    with db.write() as s:
        ids = bulk.bulk_insert_people(s, records, progress=lambda d, t: progress.append((d, t)))
    assert progress[-1] == (4500, 4500)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert len(ids) == 1500
    with db.read() as s:
        stored = dict(s.execute(select(PersonRow.id_number, PersonRow.id)).all())
        assert stored == ids
        row = s.execute(select(PersonRow).where(PersonRow.id == ids[records[3]["id_number"]])).scalar_one()
        for key in ("name", "sex", "birth_date", "street", "account", "death_date", "created_at"):
            assert getattr(row, key) == records[3][key]
        assert isinstance(row.birth_date, date) and row.created_at == STAMP
        keys = s.execute(select(func.count()).select_from(PersonKeyRow)).scalar_one()
        assert keys >= 1500
        target = records[42]
        fragment = target["id_number"][8:16]
        assert target["id_number"] in _fts_ids(s, fragment)
        expected = {r["id_number"] for r in records if fragment in r["id_number"]}
        assert _fts_ids(s, fragment) == expected
        _integrity_check(s)


def test_keys_cover_every_reading(db, path_kind):
    base = make_people(200, 1, on=ON, stamp=STAMP)
    base[0] = {**base[0], "name": "曾乐"}
    with db.write() as s:
        ids = bulk.bulk_insert_people(s, base)
    with db.read() as s:
        keys = set(s.execute(select(PersonKeyRow.key).where(
            PersonKeyRow.person_id == ids[base[0]["id_number"]])).scalars())
    assert keys == {"cl", "cy", "zl", "zy"}


def test_triggers_restored_exactly_and_still_fire(db, path_kind):
    before = _trigger_sql(db)
    assert {"people_fts_ai", "people_fts_ad", "people_fts_au"} <= before.keys()
    records = make_people(1000, 3, on=ON, stamp=STAMP)
    with db.write() as s:
        bulk.bulk_insert_people(s, records[:999])
    assert _trigger_sql(db) == before
    # One more person through the ORM: the restored triggers put it in the index.
    last = records[999]
    with db.write() as s:
        s.add(PersonRow(**last))
    with db.write() as s:
        assert _fts_ids(s, last["id_number"][-8:]) >= {last["id_number"]}
        row = s.execute(select(PersonRow).where(PersonRow.id_number == last["id_number"])).scalar_one()
        row.id_number = "420103195001011236"  # update trigger
        s.flush()
        assert _fts_ids(s, "195001011236") == {"420103195001011236"}
        s.delete(row)  # delete trigger
        s.flush()
        assert _fts_ids(s, "195001011236") == set()
        _integrity_check(s)


def test_appends_to_a_register_that_has_people(db, path_kind):
    records = make_people(1200, 5, on=ON, stamp=STAMP)
    with db.write() as s:
        first = bulk.bulk_insert_people(s, records[:400])
    with db.write() as s:
        second = bulk.bulk_insert_people(s, records[400:])
    assert min(second.values()) > max(first.values())
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(PersonRow)).scalar_one() == 1200
        for r in (records[10], records[1100]):
            assert r["id_number"] in _fts_ids(s, r["id_number"][6:14])
        _integrity_check(s)


def test_the_statistics_people_counts_follow_a_load(db, path_kind):
    """Migration 0012's counts: row by row by their trigger, or (fast load) one grouped upsert
    of the new rows, with the trigger back afterwards."""
    records = make_people(1200, 9, on=ON, stamp=STAMP)
    for r in records[::7]:
        r["community"] = None  # kept apart from ''
    with db.write() as s:
        bulk.bulk_insert_people(s, records[:500])
    with db.write() as s:
        bulk.bulk_insert_people(s, records[500:])
    with db.read() as s:
        kept = dict(((c, k, x, st, b), n) for c, k, x, st, b, n in s.execute(text(
            "SELECT community, known, sex, status, birth_month, n FROM stats_people"
            " WHERE n <> 0")))
        want = dict(((c, k, x, st, b), n) for c, k, x, st, b, n in s.execute(text(
            "SELECT coalesce(community, ''), community IS NOT NULL, sex, status,"
            " CAST(substr(birth_date, 1, 4) AS INTEGER) * 12"
            " + CAST(substr(birth_date, 6, 2) AS INTEGER) - 1, count(*) FROM people"
            " GROUP BY 1, 2, 3, 4, 5")))
    assert sum(want.values()) == 1200 and kept == want


def test_duplicate_rolls_back_everything(db, path_kind):
    before = _trigger_sql(db)
    records = make_people(600, 9, on=ON, stamp=STAMP)
    records.append(dict(records[5]))
    with pytest.raises(IntegrityError), db.write() as s:
        bulk.bulk_insert_people(s, records)
    assert _trigger_sql(db) == before
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(PersonRow)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(PersonKeyRow)).scalar_one() == 0
        assert _fts_ids(s, "4201") == set()


def test_error_inside_a_load_still_restores(db, monkeypatch):
    """Even a caller that swallows the error and commits keeps triggers and a true index."""
    monkeypatch.setattr(bulk, "FTS_BULK_MIN", 100)
    before = _trigger_sql(db)
    records = make_people(700, 11, on=ON, stamp=STAMP)
    with db.write() as s:
        try:
            with bulk.bulk_load(s, 700) as load:
                load.insert(records[:500])
                load.insert(records[499:])  # the first row is a duplicate
        except IntegrityError:
            pass
    assert _trigger_sql(db) == before
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(PersonRow)).scalar_one() == 500
        assert records[0]["id_number"] in _fts_ids(s, records[0]["id_number"][-9:])
        _integrity_check(s)


def test_rows_added_by_the_orm_during_a_load_are_indexed(db, monkeypatch):
    monkeypatch.setattr(bulk, "FTS_BULK_MIN", 100)
    records = make_people(601, 17, on=ON, stamp=STAMP)
    with db.write() as s, bulk.bulk_load(s, 600) as load:
        first = load.insert(records[:300])
        s.add(PersonRow(**records[300]))
        s.flush()
        second = load.insert(records[301:])
    assert min(second.values()) > max(first.values()) + 1
    with db.read() as s:
        assert records[300]["id_number"] in _fts_ids(s, records[300]["id_number"][-10:])
        _integrity_check(s)


def test_stored_text_is_what_the_orm_writes(db):
    """Dates and times go in as SQLAlchemy formats them, not as sqlite3's default adapters do."""
    first, second = make_people(2, 13, on=ON, stamp=STAMP)  # whole seconds, as now() gives
    second = {**second, "death_date": date(2026, 1, 2), "status": "deceased"}
    with db.write() as s:
        bulk.bulk_insert_people(s, [first])
        s.add(PersonRow(**second))
    with db.read() as s:
        cols = "birth_date, created_at, updated_at, typeof(death_date), typeof(phone)"
        raw = s.execute(text(f"SELECT {cols} FROM people ORDER BY id")).all()
    assert raw[0][1] == raw[1][1] == 20260615093000  # compact timestamps (migration 0008)
    assert raw[0][0] == first["birth_date"].isoformat()
    assert raw[0][3] == "null" and raw[1][3] == "text"


def test_household_address_is_stored_only_where_it_differs(db):
    """Bulk and ORM rows keep the household address only when it is not the current one;
    PersonRow.household_address gives it back either way, also after the current one moves."""
    same, other = make_people(2, 17, on=ON, stamp=STAMP)
    same = {**same, "household_address": "民意一路1号", "current_address": "民意一路1号"}
    other = {**other, "household_address": "青年路2号", "current_address": "民意一路1号"}
    orm_same, orm_none = make_people(2, 41, on=ON, stamp=STAMP)
    orm_same = {**orm_same, "household_address": "满春路3号", "current_address": "满春路3号"}
    orm_none = {**orm_none, "household_address": None, "current_address": "满春路4号"}
    with db.write() as s:
        ids = bulk.bulk_insert_people(s, [same, other])
        s.add(PersonRow(**orm_same))
        s.add(PersonRow(**orm_none))
    with db.read() as s:
        stored = s.execute(text("SELECT household_address FROM people ORDER BY id")).scalars()
        assert list(stored) == ["", "青年路2号", "", None]
        rows = s.query(PersonRow).order_by(PersonRow.id).all()
        assert [r.household_address for r in rows] == ["民意一路1号", "青年路2号", "满春路3号",
                                                       None]
        found = s.query(PersonRow.id).filter(PersonRow.household_address == "民意一路1号").all()
        assert [f[0] for f in found] == [ids[same["id_number"]]]
    with db.write() as s:  # the current address moves: the household one stays
        row = s.get(PersonRow, ids[same["id_number"]])
        row.current_address = "常青路5号"
    with db.read() as s:
        row = s.get(PersonRow, ids[same["id_number"]])
        assert (row.household_address, row.current_address) == ("民意一路1号", "常青路5号")
        assert row.household_stored == "民意一路1号"
    with db.write() as s:  # and moving back to it stores it as the same again
        s.get(PersonRow, ids[same["id_number"]]).current_address = "民意一路1号"
    with db.read() as s:
        assert s.get(PersonRow, ids[same["id_number"]]).household_stored == ""


def test_missing_optional_columns_are_null(db):
    records = [{"id_number": "11010519491231002X", "name": "王秀英", "sex": "F",
                "birth_date": date(1949, 12, 31), "status": "active",
                "created_at": STAMP, "updated_at": STAMP}]
    with db.write() as s:
        ids = bulk.bulk_insert_people(s, records)
        assert bulk.bulk_insert_people(s, []) == {}
    with db.read() as s:
        row = s.get(PersonRow, ids["11010519491231002X"])
        assert row.phone is None and row.birth_date == date(1949, 12, 31)


# --- PostgreSQL: COPY in the caller's transaction (issue 14) --------------------------------
@pytest.fixture
def pg_db(pg_url):
    database = schema.open_existing(pg_url)
    yield database
    database.close()


def test_pg_copy_rows_keys_id_search_and_the_id_sequence(pg_db):
    records = make_people(1200, 7, on=ON, stamp=STAMP)
    records[0] = {**records[0], "name": "曾乐", "household_address": "民意一路1号",
                  "current_address": "民意一路1号"}
    progress = []
    with pg_db.write() as s:
        first = bulk.bulk_insert_people(s, records[:800],
                                        progress=lambda d, t: progress.append((d, t)))
    assert progress[-1] == (2400, 2400)
    with pg_db.write() as s:
        second = bulk.bulk_insert_people(s, records[800:1199])
        s.add(PersonRow(**records[1199]))  # the ORM draws from the sequence: moved past them
    assert min(second.values()) > max(first.values())
    with pg_db.read() as s:
        stored = dict(s.execute(select(PersonRow.id_number, PersonRow.id)).all())
        assert stored == {**first, **second, records[1199]["id_number"]: max(second.values()) + 1}
        row = s.get(PersonRow, first[records[3]["id_number"]])
        for key in ("name", "sex", "birth_date", "street", "account", "death_date", "created_at",
                    "status"):
            assert getattr(row, key) == records[3][key]
        zeng = s.get(PersonRow, first[records[0]["id_number"]])
        assert zeng.household_stored == "" and zeng.household_address == "民意一路1号"
        keys = set(s.execute(select(PersonKeyRow.key).where(
            PersonKeyRow.person_id == zeng.id)).scalars())
        assert keys == {"cl", "cy", "zl", "zy"}
        fragment = records[42]["id_number"][8:16]
        found = set(s.execute(text("SELECT id_number FROM people WHERE id_number LIKE :p"),
                              {"p": f"%{fragment}%"}).scalars())
        assert found == {r["id_number"] for r in records if fragment in r["id_number"]}


def test_pg_a_failed_load_keeps_nothing_and_raises_its_own_error(pg_db):
    import psycopg

    records = make_people(300, 9, on=ON, stamp=STAMP)
    with pytest.raises(psycopg.errors.UniqueViolation), pg_db.write() as s, \
            bulk.bulk_load(s, 600) as load:
        load.insert(records)
        load.insert(records[299:])  # a duplicate: COPY fails, the transaction with it
    with pg_db.read() as s:
        assert s.execute(select(func.count()).select_from(PersonRow)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(PersonKeyRow)).scalar_one() == 0
    with pg_db.write() as s:  # and the id sequence still works afterwards
        ids = bulk.bulk_insert_people(s, records[:2])
        s.add(PersonRow(**records[2]))
    with pg_db.read() as s:
        assert s.execute(select(PersonRow.id).order_by(PersonRow.id)).scalars().all() == [
            *sorted(ids.values()), max(ids.values()) + 1]
