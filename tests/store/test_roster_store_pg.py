"""A city roster on PostgreSQL is stored and frozen with the per-row foreign-key checks off
(store/roster_repo.py: BULK_LINES, _replica_role): the same rosters, ledger and statistics as
SQLite's, the references still checked (set-based), and the checked path kept for a role that
may not turn the checks off."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from elderdesk.demo.generator import DemoService
from elderdesk.services.container import Services
from elderdesk.store import roster_repo, stats_repo
from tests.conftest import ADMIN_PASSWORD
from tests.services.test_roster_build import _fresh

ROSTER = ("SELECT r.period, r.status, r.people, r.regular_fen, r.arrears_fen, r.recovery_fen, "
          "s.id_number, s.name, s.bank, s.account, l.band, l.monthly_fen, l.paid_fen, "
          "l.recovery_fen FROM roster_lines l JOIN rosters r ON r.id = l.roster_id "
          "JOIN roster_snapshots s ON s.person_id = l.person_id AND s.roster_id = "
          "l.snapshot_roster_id ORDER BY r.period, s.id_number")
ITEMS = ("SELECT r.period, p.id_number, i.month, i.kind, i.amount_fen FROM roster_items i "
         "JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id "
         "JOIN people p ON p.id = l.person_id ORDER BY 1, 2, 3, 4")
LEDGER = ("SELECT p.id_number, g.month, g.paid_fen FROM ledger g JOIN people p "
          "ON p.id = g.person_id ORDER BY 1, 2")
STATS = "SELECT month, birth_month, people, fen FROM stats_ledger WHERE people <> 0 OR fen <> 0"


def _rows(services: Services, sql: str) -> list[tuple]:
    with services.db.read() as s:
        return [tuple(str(v) if hasattr(v, "isoformat") else v for v in r)
                for r in s.execute(text(sql))]


def test_bulk_store_and_freeze_equal_sqlite(pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-06-15")
    monkeypatch.setattr(roster_repo, "BULK_LINES", 1)  # every roster of the demo in bulk
    calls: list[str] = []
    role = roster_repo._replica_role
    monkeypatch.setattr(roster_repo, "_replica_role",
                        lambda cur: calls.append("bulk") or role(cur))
    pg = Services.open(pg_url)
    admin = pg.users.authenticate("admin", ADMIN_PASSWORD)
    DemoService(pg.db).fill(admin, 300, seed=3, enrolled=90, quarters=3)
    for _ in range(2):  # the second draft replaces the first: deleted in bulk
        pg.roster.build(admin, "2026Q2", full=True)
    assert len(calls) == 9  # five builds stored, three freezes and the draft deleted in bulk
    lite = _fresh(tmp_path / "lite.db")
    lite_admin = lite.users.authenticate("admin", ADMIN_PASSWORD)
    DemoService(lite.db).fill(lite_admin, 300, seed=3, enrolled=90, quarters=3)
    lite.roster.build(lite_admin, "2026Q2", full=True)
    for sql in (ROSTER, ITEMS, LEDGER):
        assert _rows(pg, sql) == _rows(lite, sql) and _rows(pg, sql)
    assert sorted(_rows(pg, STATS)) == sorted(_rows(lite, STATS))
    with pg.db.read() as s:  # the counts the freeze kept equal a grouping of the ledger
        assert sorted(stats_repo.ledger_groups(s, "2025-01", "2026-12")) == sorted(
            stats_repo.ledger_groups_scanned(s, "2025-01", "2026-12"))
    with pg.db.read() as s:
        assert s.execute(text("SHOW session_replication_role")).scalar() == "origin"
    # A stored line whose person is missing is found by the set-based check.
    with pytest.raises(RuntimeError, match="refer to missing rows"), pg.db.write() as s:
        cur = roster_repo.raw_cursor(s)
        top, roster = cur.execute("SELECT max(id), max(roster_id) FROM roster_lines"
                                  ).fetchone()
        assert roster_repo._replica_role(cur)
        cur.execute("INSERT INTO roster_lines (id, roster_id, person_id, snapshot_roster_id, "
                    "band, monthly_fen, paid_fen, recovery_fen) SELECT ?, roster_id, "
                    "999999, snapshot_roster_id, band, monthly_fen, paid_fen, recovery_fen "
                    "FROM roster_lines WHERE id = ?", (top + 1, top))
        roster_repo._restore_role(cur)
        roster_repo._check_references(cur, roster, top + 1, top + 1, 0)
    assert _rows(pg, LEDGER) == _rows(lite, LEDGER)
    pg.close()
    lite.close()


def test_a_role_without_the_right_keeps_the_row_checks(pg_url):
    role = f"clerk_{uuid.uuid4().hex[:8]}"
    services = Services.open(pg_url)
    try:
        with services.db.write() as s:
            cur = roster_repo.raw_cursor(s)
            cur.execute(f"CREATE ROLE {role} NOLOGIN")
            cur.execute(f"SET LOCAL ROLE {role}")
            assert not roster_repo._replica_role(cur)
            assert cur.execute("SHOW session_replication_role").fetchone()[0] == "origin"
            cur.execute("RESET ROLE")
            cur.execute(f"GRANT SET ON PARAMETER session_replication_role TO {role}")
            cur.execute(f"SET LOCAL ROLE {role}")
            assert roster_repo._replica_role(cur)
            assert cur.execute("SHOW session_replication_role").fetchone()[0] == "replica"
            roster_repo._restore_role(cur)
            assert cur.execute("SHOW session_replication_role").fetchone()[0] == "origin"
            cur.execute("RESET ROLE")
            cur.execute(f"REVOKE SET ON PARAMETER session_replication_role FROM {role}")
            cur.execute(f"DROP ROLE {role}")
    finally:
        services.close()
