"""The GUI's long-lived session when the database is restored elsewhere (issue 11, item 1): its
next write stops, and the program goes back to the login on the restored data."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from elderdesk import app as app_module
from elderdesk.domain.person import PersonInput
from elderdesk.services.container import Services
from elderdesk.services.safety.service import SafetyService
from elderdesk.services.users.service import UserService
from elderdesk.store.db import Database
from elderdesk.ui.dialogs.login_dialog import LoginDialog
from tests.conftest import ADMIN_PASSWORD
from tests.helpers import make_id
from tests.ui.test_app import quiet_app  # noqa: F401  (a fixture)

LATE = make_id("1940-01-01", 51)


def test_a_window_whose_database_was_restored_elsewhere_returns_to_the_login(
        qtbot, quiet_app, db_path, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "settings.ini"))  # the last user
    elsewhere = Database(db_path)  # another PC's window or a command line
    admin = UserService(elsewhere).authenticate("admin", ADMIN_PASSWORD)
    saved = SafetyService(elsewhere).create_backup(admin, tmp_path / "saved.db")
    elsewhere.close()
    asked: list[str] = []
    shown: list[str] = []
    failed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a, **k: shown.append(text))

    def ask(cls, parent, ops, authenticate, office=None, user=""):  # type: ignore[no-untyped-def]
        asked.append(user)
        return authenticate("admin", ADMIN_PASSWORD) if len(asked) == 1 else None

    def restored_elsewhere_then_write(window, operator) -> None:  # type: ignore[no-untyped-def]
        # not through this window: it knows nothing of it
        Services.offline_safety(db_path).restore(operator, saved)
        services = window.services

        def write() -> None:
            services.people.add(operator, PersonInput(id_number=LATE, name="恢复后登记"))

        QTimer.singleShot(15000, window.close)  # never waits forever if nothing happens
        QTimer.singleShot(0, lambda: window.ops.run(
            write, lambda _r: None, lambda exc: failed.append(getattr(exc, "code", "?")),
            write=True))

    monkeypatch.setattr(LoginDialog, "ask", classmethod(ask))
    monkeypatch.setattr(app_module, "start_safety_checks", restored_elsewhere_then_write)
    assert app_module.run_gui(db_path) == 0
    assert failed == ["DB_RESTORED"]
    assert any("从备份恢复" in text and "重新登录" in text for text in shown)
    assert len(asked) == 2 and asked[1] == "admin"  # the login again
    db = Database(db_path)
    try:
        with db.read() as s:
            assert s.connection().exec_driver_sql(
                "SELECT count(*) FROM people WHERE id_number = ?", (LATE,)).scalar() == 0
    finally:
        db.close()
