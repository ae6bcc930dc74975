"""Migration 0008 (integer months and item kinds, proofs of life keyed by person and date, the
household address only where it differs, compact times): a 0007 register built by the code of
that revision (tests/store/legacy.py) with two frozen quarters, recoveries, a rebuilt draft and
proofs of life, upgraded, shows, pays, prints and counts exactly what it did."""

from datetime import date

import pytest
from sqlalchemy import select, text

from elderdesk.services import audit
from elderdesk.services.container import Services
from elderdesk.services.users.service import initialise
from elderdesk.store import schema
from elderdesk.store.db import Database, schema_version
from elderdesk.store.orm import PersonRow
from tests.conftest import ADMIN_PASSWORD, wuhan_policy
from tests.store import legacy
from tests.store.before_after import DRAFT, FROZEN, dump, make_history


def _create_at_0007(path):  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    schema.upgrade(db, "0007")
    legacy.add_orm_columns(db, path)  # what today's ORM reads (dropped before the upgrade)
    return db


def _more(services, op, folder) -> dict:  # type: ignore[no-untyped-def]
    """What else reads the changed columns: statistics, people (addresses, times), forms."""
    with services.db.read() as s:
        people = [(r.id_number, r.household_address, r.current_address,
                   r.created_at.replace(microsecond=0), r.updated_at.replace(microsecond=0))
                  for r in s.scalars(select(PersonRow).order_by(PersonRow.id))]
        owing = s.execute(text("SELECT DISTINCT p.id_number FROM recoveries r JOIN people p "
                               "ON p.id = r.person_id ORDER BY 1")).scalars().all()
    pdfs = {}
    for period in (*FROZEN, DRAFT):  # reportlab's invariant mode: the same inputs, same bytes
        path = services.roster.export(op, period, pdf=folder / f"{period}.pdf")[0]
        pdfs[period] = path.read_bytes()
    return {"people": people, "pdf": pdfs,
            "stats": repr(services.stats.compute(op, date(2026, 8, 20))),
            "forms": [repr(services.forms.stop(op, i)) for i in owing]}


def test_upgrade_from_0007_keeps_rosters_ledger_history_stats_and_people(tmp_path, monkeypatch):
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 1)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-06-15")
    path = tmp_path / "office.db"
    with monkeypatch.context() as old:
        old.setattr(schema, "create", _create_at_0007)
        legacy.use_0007_store(old)
        old.setattr(audit, "fixed_today", audit.fixed_today)
        db = initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
                        policy_source=wuhan_policy())
        assert schema_version(db) == "0007"
        services = Services(db)
        op = services.users.authenticate("admin", ADMIN_PASSWORD)
        make_history(db, services, op, monkeypatch)
        with db.write() as s:  # 0007's data: a proof of life recorded twice (before the no-op
            # rule), people and times as its ORM wrote them
            s.execute(text("INSERT INTO lifecerts (person_id, cert_date, recorded_by, "
                           "recorded_at) SELECT person_id, cert_date, 'clerk2', "
                           "'2026-08-21 08:00:00.123456' FROM lifecerts ORDER BY id LIMIT 2"))
            legacy.people_as_0007(s)
            twice = s.execute(text("SELECT count(*) - count(DISTINCT person_id || cert_date) "
                                   "FROM lifecerts")).scalar()
            stored = s.execute(text("SELECT count(*) FROM people WHERE household_address = "
                                    "current_address AND typeof(created_at) = 'text'")).scalar()
        assert twice == 2 and stored > 400
        before = dump(services, op, tmp_path, "before") | _more(services, op, tmp_path / "a")
        services.close()

    legacy.drop_orm_columns(path)
    services = Services.open(path)  # migrates, after a backup, and gives the space back
    assert schema_version(services.db) == schema.HEAD
    after = dump(services, op, tmp_path, "after") | _more(services, op, tmp_path / "b")
    for key in before:
        assert after[key] == before[key], key
    assert len(before["views"][DRAFT].lines) > 100 and len(before["recoveries"]) == 3
    assert len(before["forms"]) == 3
    assert all(len(pdf) > 5000 for pdf in before["pdf"].values())  # byte-identical, not empty
    with services.db.read() as s:
        assert s.execute(text("PRAGMA freelist_count")).scalar() == 0
        types = s.execute(text(
            "SELECT (SELECT group_concat(DISTINCT typeof(month)) FROM ledger), "
            "(SELECT group_concat(DISTINCT typeof(month) || typeof(kind)) FROM roster_items), "
            "(SELECT group_concat(DISTINCT typeof(created_at)) FROM people), "
            "(SELECT group_concat(DISTINCT typeof(recorded_at)) FROM lifecerts), "
            "(SELECT count(*) FROM people WHERE household_address = '')")).one()
        assert types[:4] == ("integer", "integerinteger", "integer", "integer")
        assert types[4] > 400  # stored as "the current address"
        clerks = s.execute(text("SELECT DISTINCT u.name FROM lifecerts c JOIN users u "
                                "ON u.id = c.user_id")).scalars().all()
        assert set(clerks) == {"admin", "演示经办员"}  # the duplicates kept their first record

    # The new code rebuilds the same draft, freezes it; frozen items stay immutable.
    rebuilt = services.roster.build(op, DRAFT, full=True)
    assert rebuilt.lines == before["views"][DRAFT].lines
    assert rebuilt.withheld == before["views"][DRAFT].withheld
    frozen = services.roster.freeze(op, DRAFT)
    assert frozen.lines == before["views"][DRAFT].lines
    import sqlite3

    conn = sqlite3.connect(services.db.path)
    with pytest.raises(sqlite3.DatabaseError, match="frozen roster is immutable"):
        conn.execute("DELETE FROM roster_items WHERE line_id = (SELECT min(id) FROM roster_lines)")
    conn.close()
    services.close()
