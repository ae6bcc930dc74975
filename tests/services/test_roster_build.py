"""The fast roster path: settled ledgers skip the past exactly as a full reconcile would; a
frozen roster returned from a held draft view equals the one read back; demo history."""

from __future__ import annotations

import gc
import random
from datetime import date

from sqlalchemy import text

from elderdesk.demo.generator import DemoService
from elderdesk.domain.ledger import parse_ledger, reconcile_packed, reconcile_runs
from elderdesk.domain.months import Period
from elderdesk.store.bulk import gc_paused
from tests.services.test_allowance_views import enrol

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


def _ledger_text(paid: dict[int, int], rng: random.Random) -> str:
    items = list(paid.items())
    if rng.random() < 0.2:
        rng.shuffle(items)  # SQLite promises no order: any order must still be right
    return ",".join(f"{i}:{p}" for i, p in items)


def test_settled_shortcut_equals_full_reconcile():
    rng = random.Random(5)
    period = Period.parse("2026Q4")
    last = period.last.index
    cache: dict = {}
    for _ in range(3000):
        runs, i = [], last - rng.randrange(1, 40)
        while i <= last:  # stretches of entitled months, some withheld, some gaps
            hi = min(last, i + rng.randrange(0, 12))
            runs.append((i, hi, rng.choice((10000, 20000, 50000)), rng.random() < 0.85))
            i = hi + 1 + (rng.randrange(1, 4) if rng.random() < 0.2 else 0)
        settled = period.first.index - 1 - (rng.randrange(0, 6) if rng.random() < 0.3 else 0)
        paid = {m: e for lo, hi, e, pay in runs for m in range(lo, min(hi, settled) + 1) if pay}
        r = rng.random()
        if paid and r < 0.3:  # an unsettled ledger: a wrong amount, a missing or extra month
            m = rng.choice(list(paid))
            if rng.random() < 0.3:
                del paid[m]
            else:
                paid[m] = rng.choice((5000, 60000))
        elif r < 0.4:
            paid[settled - rng.randrange(0, 50)] = 10000
        text_ = _ledger_text(paid, rng) if paid else None
        expected = reconcile_runs(period, runs, parse_ledger(text_))
        assert reconcile_packed(period, runs, text_, settled, cache) == expected
        assert reconcile_packed(period, runs, text_, None, cache) == expected


def test_gc_paused_restores_the_collector():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_freeze_with_a_held_draft_view_equals_reading_it_back(services, clerk, reviewer,
                                                              approver, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2027-01-10")  # 2027Q1 and its proofs have begun
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    enrol(services, clerk, reviewer, approver, "1936-06-02", 3, "2026-08-11", "2026-08-21")
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    services.allowance.lifecert(clerk, a, date(2026, 10, 2))
    held = services.roster.build(approver, "2026Q4")  # kept, as the roster page keeps it
    frozen = services.roster.freeze(approver, "2026Q4")
    assert frozen.lines is held.lines and frozen.status == "frozen" and frozen.frozen_by
    assert frozen == services.roster.show(approver, "2026Q4")
    # A rebuilt draft is never answered from an older view of the same roster id.
    services.allowance.lifecert(clerk, a, date(2027, 1, 5))
    old = services.roster.build(approver, "2027Q1")
    services.allowance.lifecert(clerk, a, date(2027, 1, 6))
    new = services.roster.build(approver, "2027Q1")
    assert new is not old and new.lines is not old.lines
    assert services.roster.freeze(approver, "2027Q1").lines is new.lines


def test_demo_history_builds_and_freezes_quarters(services, admin, monkeypatch, tmp_path):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-06-15")
    out = DemoService(services.db).fill(admin, 600, seed=3, enrolled=150, quarters=3)
    assert (out.people, out.enrolled, out.quarters) == (600, 150, 3)
    with services.db.read() as s:
        rosters = s.execute(text("SELECT period, status, people FROM rosters ORDER BY id")).all()
        assert [(p, st) for p, st, _ in rosters] == [
            ("2025Q3", "frozen"), ("2025Q4", "frozen"), ("2026Q1", "frozen")]
        assert all(n > 80 for _, _, n in rosters)
        users = s.execute(text("SELECT DISTINCT applied_by, reviewed_by, approved_by "
                               "FROM enrollments")).all()
        assert users == [("演示经办员", "演示审核员", "演示审批员")]
        assert s.execute(text("SELECT count(*) FROM enrollments")).scalar() == 150
        assert s.execute(text("SELECT count(*) FROM lifecerts")).scalar() > 300
        floor = s.execute(text("SELECT source FROM policies ORDER BY id DESC")).scalar()
        assert 'backpay_floor = "2025-07"' in floor
    # Deterministic: the same arguments give the same ledger (on an SQLite file: on
    # PostgreSQL, the same ledger as SQLite's).
    again = _fresh(tmp_path / "again.db")
    DemoService(again.db).fill(_admin(again), 600, seed=3, enrolled=150, quarters=3)
    assert _ledger(services) == _ledger(again)
    again.close()


def _fresh(path):  # type: ignore[no-untyped-def]
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise
    from tests.conftest import ADMIN_PASSWORD, wuhan_policy

    initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
               policy_source=wuhan_policy()).close()
    return Services.open(path)


def _admin(services):
    from tests.conftest import ADMIN_PASSWORD

    return services.users.authenticate("admin", ADMIN_PASSWORD)


def _ledger(services) -> list[tuple]:
    with services.db.read() as s:
        return [tuple(r) for r in s.execute(text(
            "SELECT p.id_number, l.month, l.paid_fen FROM ledger l JOIN people p "
            "ON p.id = l.person_id ORDER BY 1, 2"))]


def test_bank_file_from_stored_lines_equals_the_one_from_the_view(services, clerk, reviewer,
                                                                  approver, tmp_path):
    from python_calamine import CalamineWorkbook

    from elderdesk.reports.roster_xlsx import write_bank_xlsx

    for seq, birth in ((1, "1946-05-20"), (3, "1936-06-02"), (5, "1926-01-09")):
        enrol(services, clerk, reviewer, approver, birth, seq, "2026-08-10", "2026-08-20")
    services.roster.build(approver, "2026Q3")
    view = services.roster.freeze(approver, "2026Q3")
    fast = tmp_path / "fast.xlsx"
    services.roster.export(approver, "2026Q3", xlsx=fast)
    write_bank_xlsx(tmp_path / "view.xlsx", view)

    def cells(path):
        with CalamineWorkbook.from_path(str(path)) as book:
            return book.get_sheet_by_index(0).to_python()

    assert cells(fast) == cells(tmp_path / "view.xlsx") and len(cells(fast)) == 5
