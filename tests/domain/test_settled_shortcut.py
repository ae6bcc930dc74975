"""The engine's settled-ledger shortcut (domain.ledger._packed, roster_line) gives the same
lines and withheld entries whatever month it is told the ledger is settled to: the district
passes each street's last paid month (services/exchange/district.build), a street its last
frozen month. Checked against the full reconciliation (settled_until=None) on people with
back pay, deaths, band changes (90 and 100 inside the history), withheld months, and
ledgers exactly settled to that month or changed from it in one place."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from elderdesk.domain.entitlement import EnrollmentFacts, Entitlement, PersonFacts
from elderdesk.domain.ledger import RosterFacts, build_roster, pack_ledger, roster_line
from elderdesk.domain.months import Month, Period
from elderdesk.domain.policy import parse_policy_toml
from tests.helpers import make_id

POLICIES = Path(__file__).resolve().parents[2] / "resources" / "policies"
WUHAN = parse_policy_toml((POLICIES / "wuhan.toml").read_text(encoding="utf-8"))
PERIODS = ("2026Q4", "2026Q3", "2026-11")


def settled_ledger(policy, period: Period, facts: RosterFacts, until: int) -> dict[int, int]:
    """What a street paid if it paid exactly what was owed up to `until` (payable months)."""
    ent = Entitlement(policy, PersonFacts(facts.birth_date, facts.death_date, facts.moved_out_on),
                      facts.enrollments, (facts.latest_cert,) if facts.latest_cert else ())
    return {i: e for lo, hi, e, pay in ent.runs(period.last) if pay
            for i in range(lo, min(hi, until) + 1)}


@st.composite
def people(draw):  # type: ignore[no-untyped-def]
    birth = draw(st.dates(date(1918, 1, 1), date(1946, 6, 30)))  # 90 and 100 fall in range
    applied = draw(st.dates(date(2019, 1, 1), date(2026, 10, 31)))
    death = draw(st.none() | st.dates(date(2024, 1, 1), date(2026, 12, 31)))
    ended = draw(st.none() | st.dates(applied, date(2026, 12, 31)))
    enrollments = [EnrollmentFacts(applied, True, ended, "voluntary" if ended else None)]
    if draw(st.booleans()):  # a second application after the first ended (no back pay)
        again = draw(st.dates(date(2020, 1, 1), date(2026, 11, 30)))
        enrollments.append(EnrollmentFacts(again, draw(st.booleans())))
    cert = draw(st.none() | st.dates(date(2024, 1, 1), date(2026, 11, 30)))
    bank = draw(st.sampled_from([("工商银行", "6222020200001234567"), (None, None)]))
    return birth, death, tuple(enrollments), cert, bank


@settings(max_examples=300, deadline=None)
@given(st.lists(people(), min_size=1, max_size=6), st.sampled_from(PERIODS),
       st.integers(Month(2024, 1).index, Month(2026, 9).index),
       st.sampled_from([None, "2018-01", "2025-07"]),
       st.lists(st.tuples(st.sampled_from(["keep", "drop", "add", "more", "less"]),
                          st.integers(0, 40)), min_size=6, max_size=6))
def test_any_settled_month_gives_the_full_computation(persons, period_text, until, floor,
                                                     changes):
    policy = WUHAN if floor is None else dataclasses.replace(
        WUHAN, backpay_floor=Month.parse(floor))
    period = Period.parse(period_text)
    until = min(until, period.first.index - 1)
    facts = []
    for n, ((birth, death, enrollments, cert, bank), (change, at)) in enumerate(
            zip(persons, changes, strict=False)):
        base = RosterFacts(n + 1, make_id(birth, n + 1), f"老人{n}", "F", birth, None, "民意社区",
                           bank[0], bank[1], death, None, enrollments, cert, None)
        paid = settled_ledger(policy, period, base, until)
        months = sorted(paid)
        if change == "drop" and months:  # a month the street did not pay (withheld then)
            del paid[months[at % len(months)]]
        elif change == "add":  # a month paid that was not owed (a death recorded late)
            paid[until - at % 30] = paid.get(until - at % 30, 0) + 10000
        elif change in ("more", "less") and months:  # another amount (a band changed)
            m = months[at % len(months)]
            paid[m] += 5000 if change == "more" else -min(5000, paid[m] - 100)
        facts.append(base._replace(ledger=pack_ledger(dict(sorted(paid.items())))))
    for f in facts:
        assert roster_line(policy, period, f, until) == roster_line(policy, period, f, None)
        assert roster_line(policy, period, f, until + 7) == roster_line(policy, period, f, None)
    offices = {f.person_id: "420103001" for f in facts[::2]}
    fast = build_roster(policy, period, facts, until, offices=offices, own="420103")
    full = build_roster(policy, period, facts, None)
    assert [ln.view.office for ln in fast.lines] == [
        offices.get(ln.person_id, "420103") for ln in fast.lines]
    assert [dataclasses.replace(ln.view, office=None) for ln in fast.lines] == [
        ln.view for ln in full.lines]
    assert [(ln.person_id, ln.rows, ln.paid_fen, ln.recovery_fen) for ln in fast.lines] == [
        (ln.person_id, ln.rows, ln.paid_fen, ln.recovery_fen) for ln in full.lines]
    assert fast.withheld == full.withheld and fast.totals == full.totals


def test_the_shortcut_is_taken_for_a_settled_ledger():
    """A ledger exactly settled to the month given is not parsed (the items come from the
    shared tail); the same person with one month missing is reconciled in full."""
    from elderdesk.domain import ledger as engine

    period = Period.parse("2026Q4")
    until = Month(2026, 9).index
    birth = date(1936, 11, 3)  # 90 in 2026-11: a band change inside the period
    base = RosterFacts(1, make_id(birth, 1), "老人", "F", birth, None, None, "工商银行",
                       "6222020200001234567", None, None,
                       (EnrollmentFacts(date(2025, 3, 2), True),), date(2026, 10, 9), None)
    paid = settled_ledger(WUHAN, period, base, until)
    settled = base._replace(ledger=pack_ledger(paid))
    del paid[Month(2026, 5).index]
    missing = base._replace(ledger=pack_ledger(paid))
    calls = []
    full_path = engine._reconcile

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(args[1])
        return full_path(*args)

    engine._reconcile = counted
    try:
        memo = engine._Memo(WUHAN, period)
        line, _ = roster_line(WUHAN, period, settled, until, memo)
        tail_calls = len(calls)  # the shared tail: computed once, against an empty ledger
        assert all(runs[0][0] > until for runs in calls)
        again, _ = roster_line(WUHAN, period, settled._replace(person_id=2), until, memo)
        assert len(calls) == tail_calls <= 1
        other, _ = roster_line(WUHAN, period, missing, until, memo)
        assert len(calls) == tail_calls + 1
    finally:
        engine._reconcile = full_path
    assert [(i.month, i.kind) for i in line.view.items] == [
        ("2026-10", "regular"), ("2026-11", "regular"), ("2026-12", "regular")]
    assert line.view.items[-1].amount_fen > line.view.items[0].amount_fen  # 90 from 2026-11
    assert again.rows == line.rows
    assert [(i.month, i.kind) for i in other.view.items][0] == ("2026-05", "arrears")
