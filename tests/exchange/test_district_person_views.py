"""A person's views at a district follow the back-pay floor of the street that registered them,
as the district roster does (issue 15, multi-office.md §5; docs/exchange.md).

Street A used this program only from 2025 (its policy's `backpay_floor = "2025-01"`), froze
2025Q1 itself and joined; street B (the district's policy: back pay to eligibility) froze
nothing. The district pays both from 2025Q2. For each person, what the district's payment
history (the person page) shows as owed and not paid is exactly what the district's 2025Q2
roster pays them, and the 申请审批表's back pay is that roster's arrears; at street A the
views are the street's own (unchanged) and equal the district's."""

from __future__ import annotations

from datetime import date

import pytest

from elderdesk.domain.months import Month
from tests.exchange.conftest import REGION, make_office
from tests.exchange.test_district_no_double_pay import enrol, send, street_policy

TODAY = "2025-06-20"


def join(d, s) -> None:  # type: ignore[no-untyped-def]
    d.services.office.add_partner(d.admin, s.code, f"街道{s.code[-3:]}",
                                  s.services.cards.public_key().encode())
    s.services.office.add_partner(s.admin, REGION, "江汉区民政局",
                                  d.services.cards.public_key().encode())


def owed(history) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Months the history shows as owed and not (fully) paid: month -> fen still owed."""
    return {str(h.status.month): h.status.amount_fen - h.paid_fen for h in history
            if h.status.entitled and h.status.amount_fen > h.paid_fen}


def pays(view) -> dict[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """A roster's payments: ID -> month -> fen."""
    return {ln.id_number: {i.month: i.amount_fen for i in ln.payments} for ln in view.lines}


def shown(history) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(str(h.status.month), h.status.amount_fen, h.status.state, h.paid_fen)
            for h in history]


@pytest.fixture(scope="module")
def world(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("person_views")
    with pytest.MonkeyPatch.context() as mp:
        def on(day: str) -> None:
            mp.setenv("ELDERDESK_TODAY", day)

        on("2024-12-20")
        d = make_office(tmp, "district", None, district=True)
        a, b = make_office(tmp, "street_a", "001"), make_office(tmp, "street_b", "002")
        a.services.allowance.load_policy(a.admin, street_policy())
        # 80 since 2018, applied in 2024: street A pays from its floor, 2025-01.
        steady = enrol(a, date(1938, 5, 3), 11, date(2024, 12, 20))
        late = enrol(a, date(1934, 2, 9), 12, date(2024, 10, 8))  # Q1 withheld: no proof
        on("2025-01-10")
        a.services.allowance.lifecert(a.clerk, steady, date(2025, 1, 10))
        on("2025-04-02")
        a.services.roster.build(a.clerk, "2025Q1")
        a.services.roster.freeze(a.approver, "2025Q1")
        on("2025-04-10")
        for number in (steady, late):
            a.services.allowance.lifecert(a.clerk, number, date(2025, 4, 10))
        on("2025-05-01")
        fresh = enrol(b, date(1938, 6, 7), 31, date(2025, 5, 1))  # B froze nothing
        on(TODAY)
        for street, n in ((a, "a"), (b, "b")):
            join(d, street)
            send(street, d, tmp / f"{n}1.edx")
            d.services.office.payment(d.admin, street.code, "district")
            send(d, street, tmp / f"d{n}1.edx", street.code)
            send(street, d, tmp / f"{n}2.edx")  # acknowledged: the district pays from 2025Q2
        people = (steady, late, fresh)
        history = {n: d.services.allowance.history(d.clerk, n) for n in people}
        form = d.services.forms.application(d.clerk, late)
        roster = d.services.roster.build(d.clerk, "2025Q2")
        street_history = {n: a.services.allowance.history(a.clerk, n) for n in (steady, late)}
        street_form = a.services.forms.application(a.clerk, late)
        street_draft = a.services.roster.build(a.clerk, "2025Q2")
        yield {"people": people, "history": history, "form": form, "roster": roster,
               "street_history": street_history, "street_form": street_form,
               "street_draft": street_draft, "steady": steady, "late": late, "fresh": fresh}
    for o in (d, a, b):
        o.services.close()


def test_district_history_owes_what_its_roster_pays(world):  # type: ignore[no-untyped-def]
    roster = pays(world["roster"])
    assert set(roster) == set(world["people"])
    for number in world["people"]:
        assert owed(world["history"][number]) == roster[number], number
    # Street A's people: nothing owed before its floor (the former system paid it).
    steady = world["history"][world["steady"]]
    assert min(str(h.status.month) for h in steady) >= "2025-01"
    assert sorted(owed(steady)) == ["2025-04", "2025-05", "2025-06"]
    assert sorted(owed(world["history"][world["late"]])) == [
        f"2025-{m:02d}" for m in range(1, 7)]
    # Street B froze nothing: back pay to eligibility (80 in June 2018), by the district's policy.
    fresh = owed(world["history"][world["fresh"]])
    assert min(fresh) == "2018-06" and max(fresh) == "2025-06"
    assert len(fresh) == (2025 - 2018) * 12 + 1


def test_district_application_form_back_pay_is_the_roster_arrears(world):  # type: ignore[no-untyped-def]
    line, = [ln for ln in world["roster"].lines if ln.id_number == world["late"]]
    arrears = [i for i in line.items if i.kind == "arrears"]
    assert [i.month for i in arrears] == ["2025-01", "2025-02", "2025-03"]
    form = world["form"]
    assert list(form.backpay_months) == [i.month for i in arrears]
    assert form.backpay_fen == sum(i.amount_fen for i in arrears)
    assert form.start_month == "2025-01"


def test_street_views_unchanged_and_equal_to_the_district(world):  # type: ignore[no-untyped-def]
    draft = pays(world["street_draft"])
    roster = pays(world["roster"])
    for number in (world["steady"], world["late"]):
        mine = world["street_history"][number]
        assert shown(mine) == shown(world["history"][number]), number
        assert owed(mine) == draft[number] == roster[number], number
        assert Month.parse("2025-01") == mine[0].status.month
    assert list(world["street_form"].backpay_months) == list(world["form"].backpay_months)
