"""Issue 11 item 10, cli.md "Operator": 5 consecutive failures lock an account for 15 minutes,
in the database, for the GUI and the CLI alike; failures while locked do not extend it; a
correct password does not lift it early; an admin's reset does. A disabled, locked or unknown
account answers only after the password was checked. Lockout times are the system clock's."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.services.users.service import LOCK_MINUTES, MAX_FAILED
from elderdesk.store.users_repo import locked_until
from tests.conftest import PASSWORD


def code(fn, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ElderError) as exc:
        fn(*args)
    assert exc.value.exit_status == 3
    return exc.value.code


def fail(users, name: str, times: int = MAX_FAILED) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        assert code(users.authenticate, name, "wrong-password") == "AUTH_FAILED"


def set_locked_until(services, name: str, when: datetime | None) -> None:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(services.db.path)
    con.execute("UPDATE users SET locked_until = ? WHERE name = ?",
                (when.isoformat(" ") if when else None, name))
    con.commit()
    con.close()


def test_five_failures_lock_for_fifteen_minutes_by_the_system_clock(services, clerk,
                                                                   monkeypatch) -> None:
    monkeypatch.setenv("ELDERDESK_TODAY", "2020-01-01")  # never the lockout's clock
    users = services.users
    fail(users, "clerk1", MAX_FAILED - 1)
    assert locked_until(services.db, "clerk1") is None
    fail(users, "clerk1", 1)
    until = locked_until(services.db, "clerk1")
    expected = datetime.now() + timedelta(minutes=LOCK_MINUTES)
    assert until is not None and abs((until - expected).total_seconds()) < 60
    assert code(users.authenticate, "clerk1", PASSWORD) == "AUTH_LOCKED"


def test_failures_are_counted_only_when_consecutive(services, clerk) -> None:
    users = services.users
    fail(users, "clerk1", MAX_FAILED - 1)
    assert users.authenticate("clerk1", PASSWORD).name == "clerk1"
    fail(users, "clerk1", MAX_FAILED - 1)
    assert users.authenticate("clerk1", PASSWORD).name == "clerk1"


def test_failures_while_locked_do_not_extend_and_a_correct_password_does_not_lift(
        services, clerk) -> None:
    users = services.users
    fail(users, "clerk1")
    until = locked_until(services.db, "clerk1")
    fail(users, "clerk1", 7)  # a wrong password while locked says only AUTH_FAILED
    assert locked_until(services.db, "clerk1") == until
    assert code(users.authenticate, "clerk1", PASSWORD) == "AUTH_LOCKED"
    assert code(users.authenticate, "clerk1", PASSWORD) == "AUTH_LOCKED"
    assert locked_until(services.db, "clerk1") == until


def test_the_lock_runs_out(services, clerk) -> None:
    users = services.users
    fail(users, "clerk1")
    set_locked_until(services, "clerk1", datetime.now() - timedelta(seconds=1))
    assert users.authenticate("clerk1", PASSWORD).name == "clerk1"
    assert locked_until(services.db, "clerk1") is None
    fail(users, "clerk1", MAX_FAILED - 1)  # a fresh count after the lock ran out
    assert users.authenticate("clerk1", PASSWORD).name == "clerk1"


def test_an_admin_reset_lifts_the_lock(services, admin, clerk) -> None:
    users = services.users
    fail(users, "clerk1")
    users.reset_password(admin, "clerk1", "reset-pass-1")
    assert users.authenticate("clerk1", "reset-pass-1").name == "clerk1"


def test_disabled_locked_and_unknown_answer_only_after_the_password(services, admin,
                                                                    clerk) -> None:
    users = services.users
    users.disable(admin, "clerk1")
    assert code(users.authenticate, "clerk1", "wrong-password") == "AUTH_FAILED"
    assert code(users.authenticate, "ghost", "wrong-password") == "AUTH_FAILED"
    assert code(users.authenticate, "clerk1", PASSWORD) == "AUTH_DISABLED"
    users.set_active(admin, "clerk1", True)
    fail(users, "clerk1")
    assert code(users.authenticate, "clerk1", "wrong-password") == "AUTH_FAILED"
    assert code(users.authenticate, "clerk1", PASSWORD) == "AUTH_LOCKED"


def test_a_lock_persists_across_sessions(db_path, services, clerk) -> None:
    """The GUI and the CLI are separate processes: the lock lives in the database."""
    from elderdesk.services.container import Services

    fail(services.users, "clerk1")
    other = Services.open(db_path)
    try:
        assert code(other.users.authenticate, "clerk1", PASSWORD) == "AUTH_LOCKED"
    finally:
        other.close()
