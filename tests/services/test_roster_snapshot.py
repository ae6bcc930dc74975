"""A roster build computes in a read snapshot, outside the writers' lock (issue 14, P12): a
change recorded at another counter while it computes is caught up inside the write (one
person's: computed again for that person; anything else: the build starts over, at most
BUILD_TRIES times, then once under the lock). The stored draft equals a full build after."""

from __future__ import annotations

import time
from datetime import date

import pytest

from elderdesk.services.container import Services
from elderdesk.services.roster import service as roster_service
from elderdesk.services.roster.service import RosterService
from tests.conftest import ADMIN_PASSWORD, PASSWORD
from tests.services.test_allowance_views import enrol
from tests.services.test_roster_incremental import stored

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


@pytest.fixture
def office(services, db_path, clerk, reviewer, approver, monkeypatch):
    """A (enrolled), B (reviewed, not yet approved) and a second counter on the same database."""
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-10-10")
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    b = enrol(services, clerk, reviewer, approver, "1936-06-02", 3, "2026-08-11", None)
    other = Services.open(db_path)
    computed: list[int] = []
    real = RosterService._compute

    def spy(s, plan, progress, cancel):  # type: ignore[no-untyped-def]
        computed.append(1)
        return real(s, plan, progress, cancel)

    monkeypatch.setattr(RosterService, "_compute", staticmethod(spy))
    yield a, b, other, computed
    other.close()


def _same_as_full_build(services, approver, view) -> None:
    again = stored(services)
    full = services.roster.build(approver, "2026Q3", full=True)
    assert full.lines == view.lines and full.withheld == view.withheld
    assert full.totals_fen() == view.totals_fen()
    assert stored(services) == again


def test_one_persons_change_meanwhile_is_computed_inside_the_write(services, approver, office):
    a, b, other, computed = office
    approver2 = other.users.authenticate("approver1", PASSWORD)
    waited: list[float] = []

    def progress(done: int, total: int) -> None:
        if not waited:  # the facts are read: the other counter approves B now
            started = time.monotonic()
            other.allowance.approve(approver2, b, date(2026, 9, 1))
            waited.append(time.monotonic() - started)

    view = services.roster.build(approver, "2026Q3", progress=progress)
    assert waited and waited[0] < 5  # no writers' lock held while computing
    assert computed == [1]  # caught up, not computed again
    assert {ln.id_number for ln in view.lines} == {a, b}
    _same_as_full_build(services, approver, view)


def test_another_change_meanwhile_starts_the_build_over(services, admin, approver, office):
    a, _b, other, computed = office
    admin2 = other.users.authenticate("admin", ADMIN_PASSWORD)
    _policy, source = other.allowance.policy(admin2)
    loads: list[int] = []

    def progress(done: int, total: int) -> None:
        if not loads:  # a policy load is not one person's change
            other.allowance.load_policy(admin2, source.replace('monthly = "100"',
                                                               'monthly = "120"'))
            loads.append(1)

    view = services.roster.build(approver, "2026Q3", progress=progress)
    assert computed == [1, 1]
    assert [ln.monthly_fen for ln in view.lines if ln.id_number == a] == [12000]
    _same_as_full_build(services, approver, view)


def test_changes_every_time_end_in_a_build_under_the_lock(services, admin, approver, office):
    a, _b, other, computed = office
    admin2 = other.users.authenticate("admin", ADMIN_PASSWORD)
    _policy, source = other.allowance.policy(admin2)
    amounts = iter(range(101, 101 + roster_service.BUILD_TRIES))
    loaded: list[int] = []

    def progress(done: int, total: int) -> None:
        if done == 0 and len(loaded) < roster_service.BUILD_TRIES:  # each snapshot overtaken
            loaded.append(next(amounts))
            other.allowance.load_policy(admin2, source.replace(
                'monthly = "100"', f'monthly = "{loaded[-1]}"'))

    view = services.roster.build(approver, "2026Q3", progress=progress)
    assert len(computed) == roster_service.BUILD_TRIES + 1  # the last one under the lock
    assert [ln.monthly_fen for ln in view.lines if ln.id_number == a] == [loaded[-1] * 100]
    _same_as_full_build(services, approver, view)
