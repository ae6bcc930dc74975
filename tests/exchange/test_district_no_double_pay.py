"""No period is paid twice when the district takes over a street's payment (issue 15,
multi-office.md §3 `payment` and §5).

A street that used this program only from 2025 (its policy's `backpay_floor = "2025-01"`: the
months before were paid by the former system) froze 2025Q1-Q4 itself, joined its district
(whose policy pays back to 2018-01), and the district took over payment from 2026Q1. The
district's first roster pays exactly what the street's own 2026Q1 draft, built before the
switch, would have paid (arrears of the street's withheld months included), and no month the
street paid appears again. A street that froze nothing before the switch is paid everything
owed by the district's policy: back pay to eligibility."""

from __future__ import annotations

from datetime import date

import pytest

from elderdesk.domain.person import PersonInput
from tests.conftest import wuhan_policy
from tests.exchange.conftest import REGION, make_office
from tests.helpers import make_id

ACCOUNT = "6222020200001234567"
STREET = REGION + "001"


def street_policy() -> str:
    source = wuhan_policy()
    if source is None:
        pytest.skip("resources/policies/wuhan.toml missing")
    return source.replace('backpay_floor = "2018-01"', 'backpay_floor = "2025-01"')


@pytest.fixture
def pair(tmp_path):  # type: ignore[no-untyped-def]
    """A district and a street that has not joined yet (neither knows the other)."""
    d = make_office(tmp_path, "district", None, district=True)
    s = make_office(tmp_path, "street", "001")
    yield d, s
    d.services.close()
    s.services.close()


def join(d, s) -> None:  # type: ignore[no-untyped-def]
    d.services.office.add_partner(d.admin, s.code, "街道001", s.services.cards.public_key().encode())
    s.services.office.add_partner(s.admin, REGION, "江汉区民政局",
                                  d.services.cards.public_key().encode())


def send(sender, receiver, path, to=None):  # type: ignore[no-untyped-def]
    sender.services.exchange.export(sender.admin, path, to)
    return receiver.services.exchange.import_file(receiver.admin, path)


def enrol(s, birth: date, seq: int, applied: date) -> str:  # type: ignore[no-untyped-def]
    """Registered, applied, reviewed and approved at the street (before joining)."""
    svc, number = s.services, make_id(birth, seq=seq)
    svc.people.add(s.clerk, PersonInput(number, f"老人{seq}", community="民意社区",
                                        bank="工商银行", account=ACCOUNT))
    svc.allowance.apply(s.clerk, number, applied)
    svc.allowance.review(s.reviewer, number, True, "符合条件", applied)
    svc.allowance.approve(s.approver, number, applied)
    return number


def items(view) -> dict[str, list[tuple[str, str, int]]]:  # type: ignore[no-untyped-def]
    return {ln.id_number: [(i.month, i.kind, i.amount_fen) for i in ln.items]
            for ln in view.lines}


def street_paid(s, number: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {str(h.status.month) for h in s.services.allowance.history(s.admin, number)
            if h.paid_fen}


def test_district_first_roster_pays_what_the_street_would_have(pair, tmp_path, monkeypatch):
    d, s = pair
    monkeypatch.setenv("ELDERDESK_TODAY", "2025-01-10")
    s.services.allowance.load_policy(s.admin, street_policy())
    # Long eligible (80 in 2018), applied in 2024: the street pays from its floor, 2025-01.
    steady = enrol(s, date(1938, 5, 3), 11, date(2024, 12, 20))
    missed_q3 = enrol(s, date(1934, 2, 9), 12, date(2024, 12, 20))  # Q3 paid as arrears in Q4
    missed_q4 = enrol(s, date(1936, 3, 4), 13, date(2024, 12, 20))  # Q4 withheld at joining
    early = enrol(s, date(1930, 1, 5), 14, date(2019, 3, 1))  # died before the street's floor
    s.services.people.record_death(s.clerk, early, date(2024, 6, 1))
    proofs = {steady: ("01", "04", "07", "10", "n01"), missed_q3: ("01", "04", "10", "n01"),
              missed_q4: ("01", "04", "07", "n01")}
    for period, today in (("2025Q1", "2025-04-10"), ("2025Q2", "2025-07-10"),
                          ("2025Q3", "2025-10-10"), ("2025Q4", "2026-01-10"), (None, None)):
        month = {"2025Q1": "01", "2025Q2": "04", "2025Q3": "07", "2025Q4": "10",
                 None: "n01"}[period]
        for number, months in proofs.items():
            if month in months:
                year = 2026 if month == "n01" else 2025
                day = date(year, int(month.removeprefix("n")), 10)
                monkeypatch.setenv("ELDERDESK_TODAY", day.isoformat())
                s.services.allowance.lifecert(s.clerk, number, day)
        if period is None:
            break
        monkeypatch.setenv("ELDERDESK_TODAY", today)
        s.services.roster.build(s.clerk, period)
        frozen = s.services.roster.freeze(s.approver, period)
        if period == "2025Q4":  # the street paid arrears itself
            assert any(i.kind == "arrears" for ln in frozen.lines for i in ln.items)
    # 2026-01: the street joins; its first package carries its history and what it paid.
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-01-15")
    join(d, s)
    send(s, d, tmp_path / "s1.edx")
    d.services.office.payment(d.admin, STREET, "district")
    d.services.exchange.export(d.admin, tmp_path / "d1.edx", STREET)
    # The street's own 2026Q1 draft, built before the setting reaches it.
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-04-10")
    own = s.services.roster.build(s.clerk, "2026Q1")
    assert {i.month for i in own.lines[0].items} >= {"2026-01", "2026-02", "2026-03"}
    assert any(i.kind == "arrears" for ln in own.lines for i in ln.items)  # missed_q4's Q4
    s.services.exchange.import_file(s.admin, tmp_path / "d1.edx")
    send(s, d, tmp_path / "s2.edx")  # acknowledges the setting: the district pays from 2026Q1
    view = d.services.roster.build(d.clerk, "2026Q1")
    assert items(view) == items(own)
    assert view.totals_fen() == own.totals_fen()
    for ln in view.lines:  # no month the street paid is paid again
        assert not {i.month for i in ln.payments} & street_paid(s, ln.id_number)
    assert early not in items(view)
    frozen = d.services.roster.freeze(d.approver, "2026Q1")
    assert frozen.totals_fen() == own.totals_fen()


def test_street_that_froze_nothing_is_paid_back_to_eligibility(pair, tmp_path, monkeypatch):
    d, s = pair
    monkeypatch.setenv("ELDERDESK_TODAY", "2025-12-10")
    s.services.allowance.load_policy(s.admin, street_policy())
    number = enrol(s, date(1938, 5, 3), 21, date(2025, 12, 1))
    s.services.allowance.lifecert(s.clerk, number, date(2025, 12, 10))
    join(d, s)
    send(s, d, tmp_path / "s1.edx")
    d.services.office.payment(d.admin, STREET, "district")
    send(d, s, tmp_path / "d1.edx", STREET)
    send(s, d, tmp_path / "s2.edx")
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-01-10")
    view = d.services.roster.build(d.clerk, "2025Q4")
    assert [ln.id_number for ln in view.lines] == [number]
    months = [i.month for i in view.lines[0].payments]
    # 80 in May 2018 (birth month): every month from then to 2025-12, each once.
    expected = [f"{y}-{m:02d}" for y in range(2018, 2026) for m in range(1, 13)
                if (y, m) >= (2018, 5)]
    assert months == expected
    assert view.lines[0].arrears_fen == 10000 * (len(expected) - 3)
