"""The district roster's SQL on SQLite and PostgreSQL (store/district_repo.py): what a street's
own frozen rosters paid (the `paid_ledger` records) equals its ledger; a street ledger written
at the district replaces the person's ledger; lines' offices are read back."""

from __future__ import annotations

from elderdesk.domain.months import Month
from elderdesk.services.exchange import district
from elderdesk.store import district_repo, roster_repo
from tests.services.test_allowance_views import enrol

BOTH_ENGINES = True


def test_paid_records_follow_the_frozen_rosters(services, clerk, reviewer, approver,
                                                monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-04-10")
    ids = [enrol(services, clerk, reviewer, approver, "1940-05-20", n, "2026-02-10",
                 "2026-02-20") for n in (1, 3)]
    services.roster.build(clerk, "2026Q1")
    frozen = services.roster.freeze(approver, "2026Q1")
    with services.db.read() as s:
        records = district.street_paid_records(s)
    rosters = [d for k, _key, d in records if k == district.PAID_ROSTER]
    assert [(r["period"], r["people"]) for r in rosters] == [("2026Q1", 2)]
    ledgers = {d["person"]: d["months"] for k, _key, d in records if k == district.PAID_LEDGER}
    by_line = {ln.id_number: {i.month: i.amount_fen for i in ln.payments} for ln in frozen.lines}
    assert sorted(by_line) == sorted(ids) and len(ledgers) == 2
    assert sorted(map(sorted, (m.items() for m in ledgers.values()))) == sorted(
        map(sorted, (m.items() for m in by_line.values())))
    # At a district a street's ledger replaces the person's ledger (the payment history).
    with services.db.write() as s:
        pid = roster_repo.person_ids(s, [ids[0]])[ids[0]]
        district_repo.replace_ledger(s, pid, {Month.parse("2025-12").index: 12300})
    with services.db.read() as s:
        assert district_repo.own_paid(s)[pid]  # still what the rosters' items paid
        roster = roster_repo.find_roster(s, "2026Q1")
        assert roster is not None and district_repo.line_offices(s, roster.id) == {}
    history = {str(h.status.month): h.paid_fen
               for h in services.allowance.history(clerk, ids[0], Month(2026, 3)) if h.paid_fen}
    assert history == {"2025-12": 12300}
