"""Issue 11 item 4: event dates after today are refused in the services (CLI and GUI alike),
as are rosters for periods after today's month; the date-order checks (birth, application,
death) hold; ELDERDESK_TODAY outside the program's range is a clear error."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services import clock
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

TODAY = date(2026, 5, 20)
TOMORROW = TODAY + timedelta(days=1)
OLD = make_id("1940-03-12", 11)  # 86 on TODAY


def code_of(fn, *args, **kwargs) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    with pytest.raises(ElderError) as exc:
        fn(*args, **kwargs)
    return exc.value.code, exc.value.exit_status


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setenv("ELDERDESK_TODAY", TODAY.isoformat())
    return TODAY


@pytest.fixture
def person(services, clerk, today):  # type: ignore[no-untyped-def]
    services.people.add(clerk, PersonInput(id_number=OLD, name="张三丰"))
    return OLD


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "2026-02-30", "x"])
def test_today_outside_the_range_is_a_clear_error(monkeypatch, text) -> None:
    monkeypatch.setenv("ELDERDESK_TODAY", text)
    with pytest.raises(ElderError) as exc:
        clock.today()
    assert (exc.value.code, exc.value.exit_status) == ("TODAY_INVALID", 2)
    assert "ELDERDESK_TODAY" in exc.value.message and text in exc.value.message


def test_today_follows_the_variable(today) -> None:
    assert clock.today() == TODAY


def test_people_events_in_the_future(services, clerk, person) -> None:
    p = services.people
    assert code_of(p.record_death, clerk, person, TOMORROW) == ("DATE_IN_FUTURE", 2)
    assert code_of(p.record_moved_out, clerk, person, date(9999, 12, 31)) == ("DATE_IN_FUTURE", 2)
    assert p.record_moved_out(clerk, person, TODAY).status == "moved_out"  # today itself is fine


def test_lifecert_in_the_future(services, clerk, person) -> None:
    a = services.allowance
    assert code_of(a.lifecert, clerk, person, date(9999, 12, 31)) == ("DATE_IN_FUTURE", 2)
    assert code_of(a.lifecert, clerk, person, TOMORROW) == ("DATE_IN_FUTURE", 2)
    a.lifecert(clerk, person, TODAY)
    assert code_of(a.lifecert, clerk, person, date(1939, 1, 1)) == ("DATE_BEFORE_BIRTH", 2)


def test_lifecert_after_death(services, clerk, person) -> None:
    services.people.record_death(clerk, person, date(2026, 3, 1))
    assert code_of(services.allowance.lifecert, clerk, person, date(2026, 4, 1)) == (
        "LIFECERT_AFTER_DEATH", 4)


def test_application_steps_in_the_future(services, clerk, reviewer, approver, person) -> None:
    a = services.allowance
    assert code_of(a.apply, clerk, person, TOMORROW) == ("DATE_IN_FUTURE", 2)
    a.apply(clerk, person, date(2026, 5, 1))
    assert code_of(a.review, reviewer, person, True, None, TOMORROW) == ("DATE_IN_FUTURE", 2)
    assert code_of(a.review, reviewer, person, True, None, date(2026, 4, 30)) == (
        "REVIEW_BEFORE_APPLICATION", 2)
    a.review(reviewer, person, True, None, date(2026, 5, 2))
    assert code_of(a.approve, approver, person, TOMORROW) == ("DATE_IN_FUTURE", 2)
    assert code_of(a.reject, approver, person, "不符合", TOMORROW) == ("DATE_IN_FUTURE", 2)
    assert code_of(a.reject, approver, person, "不符合", date(2026, 4, 30)) == (
        "APPROVAL_BEFORE_APPLICATION", 2)
    assert code_of(a.approve, approver, person, date(2026, 4, 30)) == (
        "APPROVAL_BEFORE_APPLICATION", 2)
    a.approve(approver, person, TODAY)
    assert code_of(a.stop, approver, person, TOMORROW, "voluntary") == ("DATE_IN_FUTURE", 2)
    a.stop(approver, person, TODAY, "voluntary")


def test_cards_in_the_future(services, clerk, person) -> None:
    c = services.cards
    assert code_of(c.issue, clerk, person, TOMORROW) == ("DATE_IN_FUTURE", 2)
    c.issue(clerk, person, date(2026, 5, 1))
    assert code_of(c.pickup, clerk, person, TOMORROW) == ("DATE_IN_FUTURE", 2)
    assert code_of(c.reissue, clerk, person, "lost", TOMORROW) == ("DATE_IN_FUTURE", 2)
    assert c.pickup(clerk, person, TODAY).picked_up_on == TODAY
    assert c.reissue(clerk, person, "lost", TODAY).issued_on == TODAY


def test_settle_in_the_future(services, approver, person) -> None:
    # the date is refused before anything is looked up
    assert code_of(services.roster.settle, approver, person, "2026-01", TOMORROW) == (
        "DATE_IN_FUTURE", 2)


@pytest.mark.parametrize("period", ["2026Q3", "2030Q1", "2199Q4"])
def test_roster_of_a_future_period(services, approver, today, period) -> None:
    assert code_of(services.roster.build, approver, period) == ("PERIOD_IN_FUTURE", 4)


def test_roster_of_the_current_period_builds_and_freeze_checks_too(services, approver, today,
                                                                   monkeypatch) -> None:
    assert services.roster.build(approver, "2026Q2").period == "2026Q2"  # May is in it
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-31")  # today moved back before the freeze
    assert code_of(services.roster.freeze, approver, "2026Q2") == ("PERIOD_IN_FUTURE", 4)


def test_nothing_before_the_persons_birth(services, clerk, approver, person) -> None:
    before = date(1939, 12, 31)  # OLD was born 1940-03-12
    calls = [(services.allowance.apply, clerk, person, before),
             (services.allowance.lifecert, clerk, person, before),
             (services.cards.issue, clerk, person, before),
             (services.people.record_death, clerk, person, before),
             (services.people.record_moved_out, clerk, person, before),
             (services.roster.settle, approver, person, "2026-01", before)]
    for fn, *args in calls:
        assert code_of(fn, *args) == ("DATE_BEFORE_BIRTH", 2), fn.__name__
    services.cards.issue(clerk, person, TODAY)
    assert code_of(services.cards.reissue, clerk, person, "lost", before) == (
        "DATE_BEFORE_BIRTH", 2)
    assert code_of(services.cards.pickup, clerk, person, before) == ("DATE_BEFORE_BIRTH", 2)



def _audit_count(services) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from elderdesk.store.orm import AuditRow

    with services.db.read() as s:
        return s.execute(select(func.count()).select_from(AuditRow)).scalar_one()


def test_a_second_proof_of_life_for_the_same_day_is_a_no_op(services, clerk, person) -> None:
    """allowance-rules §4: the same person and date twice changes nothing (no second row, no
    audit record, so a draft roster stays fresh)."""
    a = services.allowance
    a.lifecert(clerk, person, TODAY)
    records = _audit_count(services)
    assert a.lifecert(clerk, person, TODAY) == person
    assert _audit_count(services) == records
    a.lifecert(clerk, person, TODAY - timedelta(days=1))  # another day is a new proof
    assert _audit_count(services) == records + 1
