"""A person opened at two counters (issue 14): one counter records a death, the other's edit,
made on what it showed before, is refused (STALE_EDIT, naming the time) and nothing of it is
written; the CLI's edit without a version still applies. Each counter is its own Services (its
own engine and sessions) on the same database, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.people.service import version_of
from tests.conftest import PASSWORD
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


@pytest.fixture
def counters(services, db_path, admin):
    """Two counters on one database: (services, clerk) each, the clerks different users."""
    from elderdesk.services.container import Services

    services.users.add(admin, "clerk_a", ["clerk"], PASSWORD)
    services.users.add(admin, "clerk_b", ["clerk"], PASSWORD)
    other = Services.open(db_path)
    try:
        yield ((services, services.users.authenticate("clerk_a", PASSWORD)),
               (other, other.users.authenticate("clerk_b", PASSWORD)))
    finally:
        other.close()


def _input(p, **changes) -> PersonInput:
    fields = {f: getattr(p, f) for f in ("id_number", "name", "ethnicity", "household_address",
                                         "current_address", "street", "community", "phone",
                                         "bank", "account", "household_type",
                                         "residence_permit_expiry", "notes")}
    return replace(PersonInput(**fields), **changes)


def test_edit_after_a_death_at_the_other_counter_is_refused(counters, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-05-20")
    (a, clerk_a), (b, clerk_b) = counters
    number = make_id("1938-04-02", 7)
    a.people.add(clerk_a, PersonInput(number, "刘桂兰", community="民意社区", phone="13900000000"))
    shown_a = a.people.get(clerk_a, number)  # both counters open the person
    shown_b = b.people.get(clerk_b, number)
    assert version_of(shown_a) == version_of(shown_b)

    b.people.record_death(clerk_b, number, date(2026, 5, 18))
    with pytest.raises(ElderError) as refused:
        a.people.update(clerk_a, number, _input(shown_a, phone="13911112222"),
                        expected=version_of(shown_a))
    e = refused.value
    assert e.code == "STALE_EDIT" and e.exit_status == 4
    assert "刘桂兰" in e.message and "被他人修改" in e.message and "重新打开" in e.message
    assert e.params["time"].count(":") == 1  # HH:MM (or the date and HH:MM of an earlier day)
    stored = b.people.get(clerk_b, number)
    assert stored.status == "deceased" and stored.death_date == date(2026, 5, 18)
    assert stored.phone == "13900000000"  # the refused edit wrote nothing

    # Reopened, the edit applies (the death stays).
    fresh = a.people.get(clerk_a, number)
    saved = a.people.update(clerk_a, number, _input(fresh, phone="13911112222"),
                            expected=version_of(fresh))
    assert (saved.phone, saved.status) == ("13911112222", "deceased")


def test_an_edit_without_a_version_and_an_unchanged_person_still_save(counters):
    (a, clerk_a), (b, clerk_b) = counters
    number = make_id("1940-01-09", 9)
    a.people.add(clerk_a, PersonInput(number, "陈国华", community="民意社区"))
    shown = a.people.get(clerk_a, number)
    # Counter B saves the person unchanged: the entry holds what A showed, A's edit goes on.
    b.people.update(clerk_b, number, _input(b.people.get(clerk_b, number)))
    a.people.update(clerk_a, number, _input(shown, notes="子女代办"), expected=version_of(shown))
    # B changes the phone; an edit without a version (the CLI's people edit) overwrites as today.
    b.people.update(clerk_b, number, _input(shown, phone="027-8888"))
    saved = a.people.update(clerk_a, number, _input(shown, notes="已电话核实"))
    assert (saved.notes, saved.phone) == ("已电话核实", None)
    assert version_of(saved) == version_of(b.people.get(clerk_b, number))
