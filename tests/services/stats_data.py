"""Varied data for the statistics and forms tests: demo people (small N), then applications in
every state, stops, deaths recorded late, proofs of life, two frozen quarters and a draft, cards
issued, reissued and picked up — all through the services."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta

from elderdesk.demo.generator import DemoService

PEOPLE = 400
SEED = 7


def _set_today(day: str) -> None:
    os.environ["ELDERDESK_TODAY"] = day


def build(services, admin, clerk, reviewer, approver) -> dict[str, list[str]]:
    """Fill the register; returns the ID numbers used for each kind of case. Leaves
    ELDERDESK_TODAY at 2026-12-31 (the caller's monkeypatch restores it)."""
    _set_today("2026-04-15")
    DemoService(services.db).fill(admin, PEOPLE, seed=SEED)
    con = sqlite3.connect(services.db.path)
    rows = con.execute(
        "SELECT id_number, birth_date, household_type, residence_permit_expiry FROM people"
        " WHERE status = 'active' ORDER BY id_number").fetchall()
    con.close()
    over80 = [r[0] for r in rows if date.fromisoformat(r[1]) <= date(1946, 6, 30)]
    cardable = [r[0] for r in rows if date.fromisoformat(r[1]) <= date(1965, 10, 31)
                and (r[2] == "local" or (r[3] and r[3] > "2027-01-01"))]
    cases: dict[str, list[str]] = {"approved": over80[:24], "pending": over80[24:28],
                                   "returned": over80[28:30], "rejected": over80[30:32]}
    al = services.allowance
    _set_today("2026-11-20")  # events are never after today (cli.md): the last one here
    for n, number in enumerate(cases["approved"] + cases["rejected"]):
        applied = date(2026, 4, 1) + timedelta(days=n * 3)
        al.apply(clerk, number, applied)
        al.review(reviewer, number, True, None, applied + timedelta(days=2))
        if number in cases["rejected"]:
            al.reject(approver, number, "户籍不在本辖区", applied + timedelta(days=5))
        else:
            al.approve(approver, number, applied + timedelta(days=5))
    for number in cases["pending"] + cases["returned"]:
        al.apply(clerk, number, date(2026, 9, 1))
    for number in cases["returned"]:
        al.review(reviewer, number, False, "缺少银行账户", date(2026, 9, 3))
    for number in cases["pending"][:2]:
        al.review(reviewer, number, True, None, date(2026, 9, 3))
    for number in cases["approved"][:8]:  # proofs of life keep some covered
        al.lifecert(clerk, number, date(2026, 11, 20))

    _set_today("2026-06-30")
    services.roster.build(approver, "2026Q2")
    services.roster.freeze(approver, "2026Q2")
    cases["stopped"] = cases["approved"][18:20]
    _set_today("2026-08-05")
    al.stop(approver, cases["stopped"][0], date(2026, 7, 10), "voluntary", "本人书面申请")
    al.stop(approver, cases["stopped"][1], date(2026, 8, 5), "duplicate")
    cases["dead"] = cases["approved"][20:22]
    for number in cases["dead"]:  # covered through September: paid, then recovered
        al.lifecert(clerk, number, date(2026, 7, 1))
    _set_today("2026-09-30")
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    # Deaths recorded after the quarter was paid: recoveries in 2026Q4.
    _set_today("2026-10-20")
    services.people.record_death(clerk, cases["dead"][0], date(2026, 7, 28))
    services.people.record_death(clerk, cases["dead"][1], date(2026, 8, 30))
    _set_today("2026-12-31")
    services.roster.build(approver, "2026Q4")
    services.roster.freeze(approver, "2026Q4")
    services.roster.settle(approver, cases["dead"][1], "2026-09", date(2026, 12, 31))
    _set_today("2027-01-05")
    services.roster.build(approver, "2027Q1")  # a draft: never counted as paid
    _set_today("2026-12-31")

    cases["cards"] = [n for n in cardable if n not in cases["dead"]][:12]
    for n, number in enumerate(cases["cards"]):
        on = date(2026, 1 + n, 1 + 2 * n)
        services.cards.issue(clerk, number, on)
        if n % 3 == 0:
            services.cards.pickup(clerk, number, on + timedelta(days=7))
        if n % 5 == 0:
            services.cards.reissue(clerk, number, "lost", date(2026, 12, 1))
    return cases
