"""A draft rebuilt for the changed people only (RosterService._rebuild) stores and returns
exactly what a full build does: random histories through the services; after each rebuild of a
draft, a full build of the same state is compared with it (views, withheld list, totals, the
stored lines, items and snapshots)."""

from __future__ import annotations

import gc
import random
from datetime import timedelta

import pytest
from sqlalchemy import text

from elderdesk.domain.months import Month, Period
from elderdesk.services.container import Services
from elderdesk.services.roster.service import RosterService
from tests.services.test_roster_invariants import (  # noqa: F401  (fixtures)
    History,
    engine_seeds,
    office_copy,
    pg_template,
    template,
)

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

SEEDS = range(16)
PG_SEEDS = (7, 12)  # on PostgreSQL a representative few (test_roster_invariants.PG_SEEDS)


def stored(services: Services) -> dict:
    """The draft as stored, without its row ids (line ids differ between the two builds)."""
    items = "i.month || ' ' || i.kind || ' ' || i.amount_fen"
    concat = (f"string_agg({items}, ',' ORDER BY i.month, i.kind)" if services.db.is_pg
              else f"group_concat({items})")
    with services.db.read() as s:
        roster = s.execute(text(
            "SELECT id, period, people, regular_fen, arrears_fen, recovery_fen FROM rosters "
            "WHERE status = 'draft'")).one()
        lines = s.execute(text(
            "SELECT l.person_id, l.snapshot_roster_id, l.band, l.monthly_fen, l.paid_fen, "
            f"l.recovery_fen, (SELECT {concat} FROM (SELECT * FROM roster_items x "
            "WHERE x.line_id = l.id ORDER BY x.month, x.kind) i) FROM roster_lines l "
            "WHERE l.roster_id = :r "
            "ORDER BY l.person_id"), {"r": roster[0]}).all()
        snapshots = s.execute(text("SELECT * FROM roster_snapshots ORDER BY 1, 2")).all()
        withheld = s.execute(text("SELECT value FROM settings WHERE key = :k"),
                             {"k": f"roster.withheld.{roster[0]}"}).scalar()
        last = s.execute(text("SELECT after_json FROM audit_log WHERE action = 'roster.build' "
                              "ORDER BY id DESC LIMIT 1")).scalar()
    return {"roster": roster, "lines": lines, "snapshots": snapshots, "withheld": withheld,
            "audit": last}


@pytest.mark.parametrize(("engine", "seed"), engine_seeds(SEEDS, PG_SEEDS))
def test_incremental_rebuild_equals_a_full_build(office_copy, monkeypatch, engine,  # noqa: F811
                                                 seed):
    rng = random.Random(1000 + seed)
    services = office_copy(engine)
    rebuilt = []
    real = RosterService._rebuild

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        rebuilt.append(len(args[6]))  # the changed people
        return real(self, *args, **kwargs)

    monkeypatch.setattr(RosterService, "_rebuild", spy)
    try:
        h = History(services, rng, monkeypatch)
        for _ in range(rng.randint(5, 9)):
            h.add_person()
        period = Period.containing(Month(2025, 7), h.kind)
        for _ in range(rng.randint(3, 5)):
            h.set_today(period.last.last_day() + timedelta(days=rng.randint(1, 20)))
            for idn in h.people:
                for _ in range(rng.choice([0, 1, 2])):
                    h.event(idn, period.first.first_day())
            view = services.roster.build(h.approver, str(period), full=rng.random() < 0.3)
            for _ in range(rng.randint(1, 3)):  # changes, then the draft rebuilt for them
                if rng.random() < 0.1:
                    h.policy_change(period)  # not one person's: a full build
                for idn in rng.sample(h.people, rng.randint(1, len(h.people))):
                    h.event(idn, period.first.first_day())
                if rng.random() < 0.4:  # the roster page no longer holds the view
                    del view
                    gc.collect()
                view = services.roster.build(h.approver, str(period))
                again = stored(services)
                full = services.roster.build(h.approver, str(period), full=True)
                assert full.lines == view.lines and full.withheld == view.withheld
                assert full.totals_fen() == view.totals_fen()
                assert stored(services) == again
                view = full
                del full
            services.roster.freeze(h.approver, str(period))
            period = period.next()
        assert rebuilt and max(rebuilt) > 0
    finally:
        services.close()


def test_what_is_not_one_persons_change_rebuilds_everyone(services, clerk, reviewer, approver,
                                                          admin, monkeypatch):
    """An ID correction (the key changes), a policy load or a draft of another period: the
    rebuild computes everyone, and still equals a full build."""
    from datetime import date

    from tests.services.test_allowance_views import enrol

    monkeypatch.setenv("ELDERDESK_TODAY", "2026-10-10")
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    enrol(services, clerk, reviewer, approver, "1936-06-02", 3, "2026-08-11", "2026-08-21")
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    rebuilt = []
    real = RosterService._rebuild
    monkeypatch.setattr(RosterService, "_rebuild",
                        lambda self, *a, **k: rebuilt.append(1) or real(self, *a, **k))
    services.roster.build(approver, "2026Q4")
    services.allowance.lifecert(clerk, a, date(2026, 10, 2))
    services.roster.build(approver, "2026Q4")
    assert rebuilt == [1]  # one person's change: incremental
    from tests.helpers import make_id

    services.people.correct_id(admin, a, make_id("1936-05-20", 1), "身份证号录错")
    view = services.roster.build(approver, "2026Q4")
    assert rebuilt == [1]  # the key changed: everyone
    assert view.lines == services.roster.build(approver, "2026Q4", full=True).lines
    assert any(ln.arrears_fen for ln in view.lines)  # 90 since 2026-05: arrears
    policy, source = services.allowance.policy(admin)
    services.allowance.load_policy(admin, source.replace('monthly = "100"', 'monthly = "120"'))
    view = services.roster.build(approver, "2026Q4")
    assert rebuilt == [1] and view.totals_fen()["arrears"] > 0
