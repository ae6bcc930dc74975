"""Users: password change and admin reset (audited without the password), disable, roles,
the last admin, lockout; settings of the system page; the audit viewer's queries and export."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.audit.view import AuditQuery
from elderdesk.services.users.service import MAX_FAILED
from elderdesk.store.orm import AuditRow, UserRow
from tests.conftest import PASSWORD
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


def code(fn, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ElderError) as exc:
        fn(*args, **kwargs)
    return exc.value.code


def audit_text(services) -> str:  # type: ignore[no-untyped-def]
    with services.db.read() as s:
        rows = s.execute(select(AuditRow)).scalars().all()
        return "\n".join(f"{r.before_json} {r.after_json}" for r in rows)


def test_change_own_password(services, clerk) -> None:
    users = services.users
    assert code(users.change_password, clerk, "wrong-password", "new-pass-22") == "AUTH_FAILED"
    assert code(users.change_password, clerk, PASSWORD, PASSWORD) == "PASSWORD_SAME"
    assert code(users.change_password, clerk, PASSWORD, "abc") == "PASSWORD_TOO_SHORT"
    assert code(users.change_password, clerk, PASSWORD, "x" * 129) == "PASSWORD_TOO_LONG"
    users.change_password(clerk, PASSWORD, "new-pass-22")
    assert code(users.authenticate, "clerk1", PASSWORD) == "AUTH_FAILED"
    assert users.authenticate("clerk1", "new-pass-22").name == "clerk1"
    text = audit_text(services)
    assert "new-pass-22" not in text and PASSWORD not in text and "argon2" not in text


def test_admin_reset_lifts_a_lockout_and_is_audited_without_the_password(services, admin,
                                                                        clerk) -> None:
    users = services.users
    for _ in range(MAX_FAILED):
        with pytest.raises(ElderError):
            users.authenticate("clerk1", "bad-password")
    assert code(users.authenticate, "clerk1", PASSWORD) == "AUTH_LOCKED"
    assert code(users.reset_password, clerk, "clerk1", "reset-pass-1") == "ROLE_DENIED"
    assert code(users.reset_password, admin, "nobody", "reset-pass-1") == "USER_NOT_FOUND"
    user = users.reset_password(admin, "clerk1", "reset-pass-1")
    assert user.locked_until is None
    assert users.authenticate("clerk1", "reset-pass-1").name == "clerk1"
    with services.db.read() as s:
        after = s.execute(select(AuditRow.after_json).where(
            AuditRow.action == "user.reset")).scalar_one()
    assert json.loads(after) == {"name": "clerk1", "unlocked": True}
    assert "reset-pass-1" not in audit_text(services)


def test_disable_and_enable(services, admin, clerk) -> None:
    users = services.users
    assert code(users.disable, clerk, "clerk1") == "ROLE_DENIED"
    users.disable(admin, "clerk1")
    assert code(users.authenticate, "clerk1", PASSWORD) == "AUTH_DISABLED"
    assert [u.active for u in users.list(admin) if u.name == "clerk1"] == [False]
    users.set_active(admin, "clerk1", True)
    assert users.authenticate("clerk1", PASSWORD).name == "clerk1"
    assert code(users.disable, admin, "admin") == "USER_SELF"


def test_the_last_admin_stays(services, admin) -> None:
    users = services.users
    assert code(users.set_roles, admin, "admin", ["clerk"]) == "USER_LAST_ADMIN"
    users.add(admin, "boss2", ["admin"], PASSWORD)
    boss2 = users.authenticate("boss2", PASSWORD)
    assert code(users.disable, boss2, "boss2") == "USER_SELF"
    users.disable(boss2, "admin")  # another admin remains
    assert code(users.set_roles, boss2, "boss2", ["clerk"]) == "USER_LAST_ADMIN"
    users.set_active(boss2, "admin", True)
    users.set_roles(admin, "boss2", ["clerk", "approver"])
    assert [u.roles for u in users.list(admin) if u.name == "boss2"] == [("clerk", "approver")]
    with services.db.read() as s:
        admins = [r.name for r in s.execute(select(UserRow)).scalars()
                  if r.active and "admin" in r.roles]
    assert admins == ["admin"]


def test_roles_are_checked(services, admin) -> None:
    assert code(services.users.set_roles, admin, "admin", []) == "USAGE"
    assert code(services.users.set_roles, admin, "admin", ["root"]) == "ROLE_UNKNOWN"
    assert code(services.users.set_roles, admin, "admin", "admin") == "USAGE"


def test_settings_checked_and_idle_minutes(services, admin, clerk) -> None:
    settings = services.settings
    assert settings.idle_minutes() == 10
    assert code(settings.set, clerk, "security.idle_minutes", "5") == "ROLE_DENIED"
    for bad in ("0", "-1", "abc", "241", "9" * 40, "1.5"):
        assert code(settings.set, admin, "security.idle_minutes", bad) == "SETTING_INVALID"
    assert code(settings.set, admin, "office.private_key", "x") == "SETTING_UNKNOWN"
    assert code(settings.set, admin, "office.region", "42010") == "SETTING_INVALID"
    assert code(settings.set, admin, "office.name", "a\x00b") == "SETTING_INVALID"
    settings.set(admin, "security.idle_minutes", " 25 ")
    assert settings.idle_minutes() == 25


# --- the audit viewer ---------------------------------------------------------------------------
@pytest.fixture
def history(services, admin, clerk):  # type: ignore[no-untyped-def]
    a, b = make_id("1940-03-12", 11), make_id("1941-05-06", 21)
    services.people.add(clerk, PersonInput(id_number=a, name="张三丰", account="6222021234567890123"))
    services.people.add(clerk, PersonInput(id_number=b, name="李四"))
    services.people.update(clerk, a, PersonInput(id_number=a, name="张三丰", community="民意社区",
                                                 account="6222021234567890123"))
    services.allowance.apply(clerk, a)
    return a, b


def test_audit_filters(services, admin, clerk, history) -> None:
    a, b = history
    audit = services.audit
    mine = audit.list(admin, AuditQuery(person=a)).entries
    assert [e.action for e in mine] == ["allowance.apply", "people.edit", "people.add"]
    assert [e.action for e in audit.list(admin, AuditQuery(person=b)).entries] == ["people.add"]
    assert {e.operator for e in audit.list(admin, AuditQuery(operator="clerk1")).entries} \
        == {"clerk1"}
    people = audit.list(admin, AuditQuery(kind="people")).entries
    assert {e.action for e in people} == {"people.add", "people.edit"}
    assert [e.action for e in audit.list(admin, AuditQuery(kind="people.edit")).entries] \
        == ["people.edit"]
    today = date.fromisoformat(mine[0].at[:10])
    assert audit.list(admin, AuditQuery(date_from=today + timedelta(days=1))).entries == ()
    assert len(audit.list(admin, AuditQuery(date_from=today, date_to=today)).entries) > 5
    assert code(audit.list, clerk, AuditQuery()) == "ROLE_DENIED"
    assert code(audit.list, admin, AuditQuery(kind="nonsense")) == "AUDIT_KIND_UNKNOWN"
    assert code(audit.list, admin, AuditQuery(person="12345")) == "ID_FORMAT"
    assert code(audit.list, admin, AuditQuery(date_from=today, date_to=today - timedelta(1))) \
        == "INVALID_VALUE"


def test_audit_pages_and_readable_changes(services, admin, history) -> None:
    audit = services.audit
    first = audit.list(admin, AuditQuery(limit=3))
    assert len(first.entries) == 3 and first.next_before == first.entries[-1].id
    second = audit.list(admin, AuditQuery(limit=3, before=first.next_before))
    assert second.entries[0].id == first.entries[-1].id - 1
    edit = audit.list(admin, AuditQuery(kind="people.edit")).entries[0]
    assert edit.summary() == "社区：（空） → 民意社区"
    add = audit.list(admin, AuditQuery(kind="people.add", person=history[0])).entries[0]
    text = add.summary()
    assert text.startswith("身份证号：420103********") and "银行账号：****0123" in text
    assert history[0] not in text and "6222021234567890123" not in text
    assert history[0] in add.summary(masked=False)


def test_audit_export(services, admin, history, tmp_path) -> None:
    from python_calamine import CalamineWorkbook

    path = tmp_path / "audit.xlsx"
    n = services.audit.export(admin, AuditQuery(person=history[0]), path)
    assert n == 3
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:6] == ["记录号", "时间", "操作员", "操作", "对象", "变更内容"]
    assert [r[3] for r in rows[1:4]] == ["受理津贴申请", "修改人员信息", "登记人员"]
    assert all(history[0] not in str(c) for r in rows for c in r)
    last = services.audit.list(admin, AuditQuery(limit=1)).entries[0]
    assert last.action == "audit.export" and last.after["records"] == 3
