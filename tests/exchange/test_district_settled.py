"""The district's settled-ledger shortcut (P14, services/exchange/district.build): the people
of a street whose own rosters paid up to 2026-09 (its `paid_ledger` at the district, pays_from
2026Q4) are computed with 2026-09 as the settled month, so a ledger holding exactly what was
owed up to then is not parsed. The district's first roster built through the service equals
the full computation (every ledger reconciled: no settled month) line by line, on a street
with its own back-pay floor, band changes (90 and 100), a missed proof of life paid as
arrears, a death recorded late (recovery), a death in the period, no account, people alike,
and a street that froze nothing (back pay to eligibility)."""

from __future__ import annotations

from datetime import date

import pytest

from elderdesk.domain.entitlement import Entitlement, PersonFacts
from elderdesk.domain.ledger import _settled
from elderdesk.domain.months import Month, Period
from elderdesk.domain.person import PersonInput
from elderdesk.services.exchange import district
from elderdesk.store import roster_repo
from tests.conftest import wuhan_policy
from tests.exchange.conftest import REGION, make_office
from tests.helpers import make_id

ACCOUNT = "6222020200001234567"
A, B = REGION + "001", REGION + "002"
Q4 = Period.parse("2026Q4")


@pytest.fixture
def trio(tmp_path):  # type: ignore[no-untyped-def]
    """A district and two streets that have not joined yet."""
    found = (make_office(tmp_path, "district", None, district=True),
             make_office(tmp_path, "street_a", "001"), make_office(tmp_path, "street_b", "002"))
    yield found
    for o in found:
        o.services.close()


def enrol(s, birth: date, seq: int, applied: date, account: str | None = ACCOUNT) -> str:  # type: ignore[no-untyped-def]
    svc, number = s.services, make_id(birth, seq=seq)
    svc.people.add(s.clerk, PersonInput(number, f"老人{seq}", community="民意社区",
                                        bank="工商银行" if account else None, account=account))
    svc.allowance.apply(s.clerk, number, applied)
    svc.allowance.review(s.reviewer, number, True, "符合条件", applied)
    svc.allowance.approve(s.approver, number, applied)
    return number


def lines(view) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    return {ln.id_number: (ln.office, ln.band, ln.monthly_fen, ln.age, ln.name,
                           [(i.month, i.kind, i.amount_fen) for i in ln.items])
            for ln in view.lines}


def test_district_roster_with_the_shortcut_equals_the_full_computation(trio, tmp_path,
                                                                      monkeypatch):
    d, a, b = trio
    day = lambda text: monkeypatch.setenv("ELDERDESK_TODAY", text)  # noqa: E731
    day("2026-04-02")
    source = wuhan_policy()
    if source is None:
        pytest.skip("resources/policies/wuhan.toml missing")
    a.services.allowance.load_policy(a.admin, source.replace(
        'backpay_floor = "2018-01"', 'backpay_floor = "2026-04"'))
    applied = date(2026, 4, 2)
    alike = [enrol(a, date(1941, 3, 7 + n), 10 + n, applied) for n in range(6)]
    turns_90 = enrol(a, date(1936, 8, 10), 20, applied)  # 90 in 2026-08: paid by the street
    turns_90_q4 = enrol(a, date(1936, 11, 3), 21, applied)  # 90 in 2026-11: the district's
    turns_100 = enrol(a, date(1926, 12, 1), 22, applied)
    missed_q3 = enrol(a, date(1938, 2, 9), 23, applied)  # no proof of life in July
    died_late = enrol(a, date(1935, 6, 4), 24, applied)  # 91; died 2026-07-15, recorded in Q4
    died_q4 = enrol(a, date(1939, 9, 9), 25, applied)  # died 2026-10-20
    no_account = enrol(a, date(1940, 1, 1), 26, applied, account=None)  # withheld throughout
    everyone = [*alike, turns_90, turns_90_q4, turns_100, missed_q3, died_late, died_q4,
                no_account]
    for period, cert, today in (("2026Q2", None, "2026-07-03"),
                                ("2026Q3", date(2026, 7, 5), "2026-10-02")):
        if cert is not None:
            day(cert.isoformat())
            for number in everyone:
                if number != missed_q3:
                    a.services.allowance.lifecert(a.clerk, number, cert)
        day(today)
        a.services.roster.build(a.clerk, period)
        a.services.roster.freeze(a.approver, period)
    day("2026-10-02")
    # Street B froze nothing: the district pays it everything owed (back pay to eligibility).
    back_pay = enrol(b, date(1940, 1, 15), 31, date(2026, 10, 1))
    turned_80 = enrol(b, date(1946, 9, 20), 32, date(2026, 10, 1))
    # Both join; the district pays them; the setting travels down and is acknowledged.
    for s in (a, b):
        d.services.office.add_partner(d.admin, s.code, f"街道{s.code[-3:]}",
                                      s.services.cards.public_key().encode())
        s.services.office.add_partner(s.admin, REGION, "江汉区民政局",
                                      d.services.cards.public_key().encode())
        d.services.office.payment(d.admin, s.code, "district")
        d.services.exchange.export(d.admin, tmp_path / f"d-{s.code}.edx", s.code)
        s.services.exchange.import_file(s.admin, tmp_path / f"d-{s.code}.edx")
    # The street's quarter: proofs of life (not the unaccounted one), the deaths.
    day("2026-10-08")
    for number in everyone:
        if number != died_late:
            a.services.allowance.lifecert(a.clerk, number, date(2026, 10, 8))
    a.services.people.record_death(a.clerk, died_late, date(2026, 7, 15))
    day("2026-10-21")
    a.services.people.record_death(a.clerk, died_q4, date(2026, 10, 20))
    for s in (a, b):
        s.services.exchange.export(s.clerk, tmp_path / f"s-{s.code}.edx")
        d.services.exchange.import_file(d.approver, tmp_path / f"s-{s.code}.edx")
    day("2026-11-15")
    view = d.services.roster.build(d.approver, "2026Q4")

    # The full computation: the same candidates, every ledger reconciled (no settled month).
    with d.services.db.read() as s:
        scope = district.roster_scope(s, Q4)
        policy = d.services.allowance.policy_in(s)
        assert scope is not None
        facts, movable = district.merge_by_id(roster_repo.roster_facts(s), scope.offices,
                                              scope.paid)
    assert scope.until == {A: Month(2026, 9).index}  # B pays from '*': nothing settled
    assert movable == {}
    facts = [f for f in facts if scope.offices.get(f.person_id) in scope.paid]
    full = district.build(policy, Q4, facts, None, scope._replace(until={}))
    assert [ln.view for ln in full.lines] == list(view.lines)
    assert full.withheld == list(view.withheld)
    t = full.totals
    assert view.totals_fen() == {"people": t.people, "regular": t.regular,
                                 "arrears": t.arrears, "paid": t.paid, "recovery": t.recovery}

    # The shortcut was taken: most of street A's ledgers are exactly settled to 2026-09.
    floored = district._floored(policy, Month(2026, 4))
    settled = 0
    for f in facts:
        if scope.offices[f.person_id] != A:
            continue
        ent = Entitlement(floored, PersonFacts(f.birth_date, f.death_date, f.moved_out_on),
                          f.enrollments, (f.latest_cert,) if f.latest_cert else ())
        text, _after = _settled(Q4, ent.runs(Q4.last), Month(2026, 9).index, {})
        settled += text == (f.ledger or "")
    assert settled >= len(alike) + 3

    # What the roster pays (the cases are there).
    got = lines(view)
    assert {got[n][0] for n in got} == {A, B}
    assert got[alike[0]][5] == [("2026-10", "regular", 10000), ("2026-11", "regular", 10000),
                                ("2026-12", "regular", 10000)]
    assert got[turns_90][2] == 20000 and all(i[2] == 20000 for i in got[turns_90][5])
    assert [i[2] for i in got[turns_90_q4][5]] == [10000, 20000, 20000]
    assert [i[2] for i in got[turns_100][5]] == [20000, 20000, 50000]
    assert [(m, k) for m, k, _ in got[missed_q3][5]][:3] == [
        ("2026-07", "arrears"), ("2026-08", "arrears"), ("2026-09", "arrears")]
    assert got[died_late][5] == [("2026-08", "recovery", 20000), ("2026-09", "recovery", 20000)]
    assert got[died_q4][5] == [("2026-10", "regular", 10000)]
    assert no_account not in got
    assert [(w.id_number, w.reason) for w in view.withheld] == [(no_account, "no_account")]
    assert got[back_pay][5][0] == ("2020-01", "arrears", 10000)  # 80 in 2020-01
    assert got[turned_80][5] == [("2026-09", "arrears", 10000), ("2026-10", "regular", 10000),
                                 ("2026-11", "regular", 10000), ("2026-12", "regular", 10000)]
