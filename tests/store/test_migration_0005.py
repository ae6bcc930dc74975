"""Migration 0005 (compact allowance history): a 0004 register with two frozen quarters, a draft
and proofs of life, upgraded, shows and pays exactly what it did; frozen history stays
immutable in the new tables."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from elderdesk.demo.generator import DemoService
from elderdesk.domain.entitlement import EnrollmentFacts
from elderdesk.services import audit
from elderdesk.services.allowance import service as allowance
from elderdesk.services.container import Services
from elderdesk.services.users.service import initialise
from elderdesk.store import roster_repo, schema
from elderdesk.store.db import Database, schema_version
from tests.conftest import ADMIN_PASSWORD, wuhan_policy
from tests.store import legacy
from tests.store.before_after import DRAFT, change_printed, dump, make_history


# --- 0004's roster layout: every line carries its own copy of the printed columns --------
def _old_insert_lines(session, roster_id, first_line_id, lines,  # type: ignore[no-untyped-def]
                      full=True):
    cur = roster_repo.raw_cursor(session)
    rows = []
    for n, ln in enumerate(sorted(lines, key=lambda ln: ln.person_id)):  # as _text_rows
        v = ln.view
        rows.append((first_line_id + n, roster_id, ln.person_id, v.id_number, v.name, v.sex,
                     v.birth_date.isoformat(), v.street, v.community, v.bank, v.account, v.band,
                     v.monthly_fen, ln.paid_fen, ln.recovery_fen))
    cols = ("id, roster_id, person_id, id_number, name, sex, birth_date, street, community, "
            "bank, account, band, monthly_fen, paid_fen, recovery_fen")
    items = legacy._text_rows(first_line_id, lines)
    if rows:
        cur.executemany(f"INSERT INTO roster_lines ({cols}) VALUES ({', '.join('?' * 15)})",
                        rows)
    if items:
        cur.executemany("INSERT INTO roster_items (line_id, month, kind, amount_fen) "
                        "VALUES (?, ?, ?, ?)", items)


def _old_delete_roster(session, roster_id):  # type: ignore[no-untyped-def]
    cur = roster_repo.raw_cursor(session)
    cur.execute("DELETE FROM roster_items WHERE line_id IN "
                "(SELECT id FROM roster_lines WHERE roster_id = ?)", (roster_id,))
    cur.execute("DELETE FROM roster_lines WHERE roster_id = ?", (roster_id,))
    cur.execute("DELETE FROM rosters WHERE id = ?", (roster_id,))


def _old_load_lines(session, roster_id):  # type: ignore[no-untyped-def]
    cur = roster_repo.raw_cursor(session)
    lines = cur.execute(
        "SELECT id, id_number, name, sex, birth_date, street, community, bank, account, band, "
        "monthly_fen, person_id FROM roster_lines WHERE roster_id = ?", (roster_id,)).fetchall()
    lines.sort(key=lambda ln: ln[1])
    month, kind = legacy.INDEX.format(c="i.month"), legacy.CODE.format(c="i.kind")
    items = dict(cur.execute(  # as 0008's load_lines gives them
        f"SELECT i.line_id, group_concat({month} || ' ' || {kind} || ' ' || i.amount_fen) "
        "FROM roster_items i JOIN roster_lines l ON l.id = i.line_id WHERE l.roster_id = ? "
        "GROUP BY i.line_id", (roster_id,)))
    return lines, items


def _old_bank_lines(session, roster_id):  # type: ignore[no-untyped-def]
    rows = roster_repo.raw_cursor(session).execute(
        "SELECT name, id_number, bank, account, paid_fen FROM roster_lines "
        "WHERE roster_id = ? AND paid_fen > 0", (roster_id,)).fetchall()
    return sorted(map(roster_repo.BankRow._make, rows), key=lambda r: r.id_number)


def _old_roster_facts(session, person_ids=None):  # type: ignore[no-untyped-def]
    """Before 0007 there is no enrollments.source: every application was at the counter."""
    cur = roster_repo.raw_cursor(session)
    cur.execute("CREATE TEMP VIEW IF NOT EXISTS enrollments_0007 AS SELECT *, 'counter' AS "
                "source FROM main.enrollments")
    real = roster_repo.raw_cursor
    try:  # the same reads, with `enrollments` seen through a view that adds the column
        roster_repo.raw_cursor = lambda s: _Renaming(real(s))
        return legacy.reading(OLD_ROSTER_FACTS)(session, person_ids)
    finally:
        roster_repo.raw_cursor = real


class _Renaming:
    def __init__(self, cur):  # type: ignore[no-untyped-def]
        self.cur = cur

    def execute(self, sql, *args):  # type: ignore[no-untyped-def]
        return self.cur.execute(sql.replace("FROM enrollments", "FROM enrollments_0007"), *args)


OLD_ROSTER_FACTS = roster_repo.roster_facts


def _old_enrollment_facts(rows):  # type: ignore[no-untyped-def]
    return [EnrollmentFacts(r.applied_on, r.approved_on is not None and r.status in
                            ("approved", "stopped"), r.ended_on, r.end_reason) for r in rows]


OLD = {"insert_lines": _old_insert_lines, "delete_roster": _old_delete_roster,
       "load_lines": _old_load_lines, "bank_lines": _old_bank_lines,
       "roster_facts": _old_roster_facts}


def _create_at_0004(path: Path) -> Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    schema.upgrade(db, "0004")
    legacy.add_orm_columns(db, path)  # what today's ORM reads (dropped before the upgrade)
    return db


def test_upgrade_from_0004_keeps_rosters_ledger_bank_files_and_history(tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-06-15")
    path = tmp_path / "office.db"
    with monkeypatch.context() as old:
        old.setattr(schema, "create", _create_at_0004)
        legacy.use_0007_store(old)  # text months, 0007's proofs of life
        for name, fn in OLD.items():
            old.setattr(roster_repo, name, fn)
        old.setattr(audit, "fixed_today", lambda: None)  # no audit_log.today before 0006
        old.setattr(allowance, "enrollment_facts", _old_enrollment_facts)  # nor source (0007)
        db = initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
                        policy_source=wuhan_policy())
        assert schema_version(db) == "0004"
        services = Services(db)
        op = services.users.authenticate("admin", ADMIN_PASSWORD)
        make_history(db, services, op, monkeypatch)
        before = dump(services, op, tmp_path, "before")
        services.close()

    legacy.drop_orm_columns(path)
    services = Services.open(path)  # migrates, after a backup
    assert schema_version(services.db) == schema.HEAD
    with services.db.read() as s:  # the pages the rebuilt tables freed are given back
        assert s.execute(text("PRAGMA freelist_count")).scalar() == 0
    after = dump(services, op, tmp_path, "after")
    assert after["statuses"] == [("2026Q1", "frozen"), ("2026Q2", "frozen"), (DRAFT, "draft")]
    for key in before:
        assert after[key] == before[key], key
    assert len(before["views"][DRAFT].lines) > 100, len(before["views"][DRAFT].lines)
    assert len(before["recoveries"]) == 3  # March of three people who died in February
    assert any(ln.arrears_fen for v in before["views"].values() for ln in v.lines)
    with services.db.read() as s:
        lines, snaps, changed = s.execute(text(
            "SELECT (SELECT count(*) FROM roster_lines), (SELECT count(*) FROM roster_snapshots),"
            " (SELECT count(*) FROM (SELECT person_id FROM roster_snapshots GROUP BY person_id "
            "HAVING count(*) > 2))")).one()
    assert snaps < lines and changed > 0  # shared while unchanged, new ones after changes

    # The new code rebuilds the same draft, freezes it, and the next build goes on from there.
    rebuilt = services.roster.build(op, DRAFT, full=True)
    assert rebuilt.lines == before["views"][DRAFT].lines
    with services.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM roster_snapshots")).scalar() == snaps
    frozen = services.roster.freeze(op, DRAFT)
    assert frozen.lines == before["views"][DRAFT].lines
    services.close()


def _frozen_ids(conn: sqlite3.Connection) -> tuple[int, int, int]:
    return conn.execute(
        "SELECT l.id, l.person_id, l.snapshot_roster_id FROM roster_lines l "
        "JOIN rosters r ON r.id = l.roster_id WHERE r.status = 'frozen' LIMIT 1").fetchone()


@pytest.mark.parametrize("sql", [
    "UPDATE roster_snapshots SET name = '改' WHERE person_id = :p AND roster_id = :r",
    "DELETE FROM roster_snapshots WHERE person_id = :p AND roster_id = :r",
    "UPDATE roster_lines SET paid_fen = 1 WHERE id = :l",
    "DELETE FROM roster_lines WHERE id = :l",
    "UPDATE roster_items SET amount_fen = 1 WHERE line_id = :l",
    "DELETE FROM roster_items WHERE line_id = :l",
])
def test_frozen_lines_items_and_snapshots_are_immutable(services, admin, monkeypatch, sql):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-06-15")
    DemoService(services.db).fill(admin, 200, seed=5, enrolled=60, quarters=1)
    conn = sqlite3.connect(services.db.path)
    line, person, made_by = _frozen_ids(conn)
    with pytest.raises(sqlite3.DatabaseError, match="frozen roster is immutable"):
        conn.execute(sql, {"p": person, "r": made_by, "l": line})
    conn.close()


def test_a_draft_takes_its_own_snapshots_with_it(services, admin, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-06-15")
    DemoService(services.db).fill(admin, 200, seed=5, enrolled=60, quarters=1)
    with services.db.read() as s:
        base = s.execute(text("SELECT count(*) FROM roster_snapshots")).scalar()
    change_printed(services.db, "丁", 3)
    services.roster.build(admin, "2026Q2")
    with services.db.read() as s:
        made = s.execute(text("SELECT count(*) FROM roster_snapshots WHERE roster_id = "
                              "(SELECT id FROM rosters WHERE status = 'draft')")).scalar()
        shown = s.execute(text(
            "SELECT count(*) FROM roster_lines l JOIN people p ON p.id = l.person_id "
            "JOIN roster_snapshots n ON n.person_id = l.person_id "
            "AND n.roster_id = l.snapshot_roster_id WHERE n.bank IS p.bank "
            "AND n.account IS p.account AND l.roster_id = "
            "(SELECT id FROM rosters WHERE status = 'draft')")).scalar()
        drafted = s.execute(text("SELECT count(*) FROM roster_lines WHERE roster_id = "
                                 "(SELECT id FROM rosters WHERE status = 'draft')")).scalar()
    assert 0 < made < drafted and shown == drafted  # the draft prints what people hold now
    services.roster.build(admin, "2026Q2", full=True)  # deletes the old draft's snapshots
    with services.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM roster_snapshots")).scalar() == base + made
