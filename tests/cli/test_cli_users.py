"""CLI: user passwd/reset/list/disable/enable/roles and audit list (extensions of cli.md)."""

from __future__ import annotations

import pytest

from elderdesk.domain.errors import ElderError
from tests.conftest import PASSWORD
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


def test_user_commands(run) -> None:
    assert run("user", "add", "clerk1", "--role", "clerk", stdin=PASSWORD + "\n").status == 0
    r = run("user", "list", "--json")
    assert r.status == 0
    assert r.json == {"users": [
        {"name": "admin", "roles": ["admin"], "active": True, "locked_until": None},
        {"name": "clerk1", "roles": ["clerk"], "active": True, "locked_until": None}]}
    r = run("user", "list", user="clerk1", password=PASSWORD)
    assert r.status == 3 and r.err.startswith("ROLE_DENIED: ") and r.out == ""
    r = run("user", "passwd", user="clerk1", password=PASSWORD, stdin="brand-new-1\n")
    assert (r.status, r.out.strip()) == (0, "已修改用户 clerk1 的密码")
    assert run("user", "list", user="clerk1", password=PASSWORD).status == 3  # AUTH_FAILED
    assert run("user", "passwd", user="clerk1", password="brand-new-1", stdin="\n").status == 2
    r = run("user", "reset", "clerk1", "--json", stdin="reset-pass-1\n")
    assert (r.status, r.json) == (0, {"ok": True})
    assert run("user", "reset", "ghost", stdin="reset-pass-1\n").status == 4
    assert run("user", "disable", "clerk1").status == 0
    r = run("people", "search", "张", user="clerk1", password="reset-pass-1")
    assert r.status == 3 and r.err.startswith("AUTH_DISABLED: ")
    assert run("user", "enable", "clerk1").status == 0
    assert run("user", "roles", "clerk1", "--role", "clerk", "--role", "approver").status == 0
    r = run("user", "disable", "admin")
    assert (r.status, r.err.split(":")[0]) == (4, "USER_SELF")
    r = run("user", "roles", "admin", "--role", "clerk")
    assert (r.status, r.err.split(":")[0]) == (4, "USER_LAST_ADMIN")
    r = run("user", "roles", "admin", "--role", "root")
    assert (r.status, r.err.split(":")[0]) == (2, "USAGE")


def test_audit_list(run) -> None:
    number = make_id("1940-03-12", 11)
    assert run("people", "add", "--id", number, "--name", "张三丰").status == 0
    assert run("people", "death", number, "--date", "2026-01-05").status == 0
    r = run("audit", "list", "--person", number, "--json")
    assert r.status == 0
    assert [x["action"] for x in r.json["records"]] == ["people.death", "people.add"]
    assert r.json["records"][1]["after"]["id_number"] == number  # full values in JSON
    r = run("audit", "list", "--person", number)
    assert "登记死亡" in r.out and "状态：在册 → 已故" in r.out and number in r.out
    r = run("audit", "list", "--kind", "user", "--limit", "1", "--json")
    assert len(r.json["records"]) <= 1
    for bad, code in ((["--kind", "x;drop"], "AUDIT_KIND_UNKNOWN"), (["--from", "2026-02-30"],
                      "INVALID_DATE"), (["--limit", "0"], "INVALID_VALUE"),
                      (["--limit", "abc"], "USAGE"), (["--person", "42"], "ID_FORMAT"),
                      (["--from", "2026-02-02", "--to", "2026-02-01"], "INVALID_VALUE")):
        r = run("audit", "list", *bad)
        assert (r.status, r.err.split(":")[0], r.out) == (2, code, ""), bad
    assert run("audit", "list", user="admin", password="wrong-pass").status == 3


def test_login_lockout_applies_to_the_command_line(run) -> None:
    """Issue 11 item 10: five wrong CLI passwords lock the account for the GUI and the CLI; the
    correct password neither opens nor clears it; an admin's `user reset` does."""
    assert run("user", "add", "clerk1", "--role", "clerk", stdin=PASSWORD + "\n").status == 0
    for _ in range(5):
        r = run("people", "search", "张", user="clerk1", password="wrong-pass-1")
        assert (r.status, r.err.split(":")[0]) == (3, "AUTH_FAILED")
    r = run("people", "search", "张", user="clerk1", password=PASSWORD)
    assert (r.status, r.err.split(":")[0]) == (3, "AUTH_LOCKED")
    r = run("people", "search", "张", user="clerk1", password="wrong-pass-1")
    assert (r.status, r.err.split(":")[0]) == (3, "AUTH_FAILED")  # reveals nothing
    assert run("user", "list", "--json").json["users"][1]["locked_until"] is not None
    from elderdesk.services.container import Services

    gui = Services.open(run.db)  # what the GUI's login calls
    try:
        with pytest.raises(ElderError) as exc:
            gui.users.authenticate("clerk1", PASSWORD)
        assert exc.value.code == "AUTH_LOCKED"
    finally:
        gui.close()
    assert run("user", "reset", "clerk1", stdin="reset-pass-1\n").status == 0
    assert run("people", "search", "张", user="clerk1", password="reset-pass-1").status == 0


def test_disabled_account_answers_only_after_the_password(run) -> None:
    assert run("user", "add", "clerk1", "--role", "clerk", stdin=PASSWORD + "\n").status == 0
    assert run("user", "disable", "clerk1").status == 0
    r = run("people", "search", "张", user="clerk1", password="wrong-pass-1")
    assert (r.status, r.err.split(":")[0]) == (3, "AUTH_FAILED")
    r = run("people", "search", "张", user="ghost", password="wrong-pass-1")
    assert (r.status, r.err.split(":")[0]) == (3, "AUTH_FAILED")
    r = run("people", "search", "张", user="clerk1", password=PASSWORD)
    assert (r.status, r.err.split(":")[0]) == (3, "AUTH_DISABLED")
