"""The backups tab of the system page: backup now, the folder, a checked restore that brings the
backed-up data back (and the login again), a refused file that changes nothing; clerks see no
backup buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from sqlalchemy import select

from elderdesk import app as app_module
from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.container import Services
from elderdesk.store import backup
from elderdesk.store.orm import AuditRow
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.login_dialog import LoginDialog
from elderdesk.ui.pages.backups_tab import B_FILE, B_KIND, BackupsTab
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import make_id
from tests.ui.test_app import quiet_app  # noqa: F401  (a fixture)

LATE = make_id("19400101", "051")


def audit_actions(services) -> list[str]:  # type: ignore[no-untyped-def]
    with services.db.read() as s:
        return list(s.execute(select(AuditRow.action).order_by(AuditRow.id)).scalars())


def make_tab(qtbot, ops, services, operator) -> BackupsTab:  # type: ignore[no-untyped-def]
    tab = BackupsTab(ops, services, operator)
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    ops.wait_done()
    return tab


def backed_up(qtbot, ops, tab: BackupsTab):  # type: ignore[no-untyped-def]
    before = tab.model.rowCount()
    tab.backup_now()
    ops.wait_done()
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1)
    return tab.selected()


@pytest.fixture
def answers(monkeypatch):
    """QMessageBox answers Yes; what it showed is recorded."""
    shown: list[tuple[str, str]] = []

    def question(parent, title, text, *a, **k):  # type: ignore[no-untyped-def]
        shown.append(("question", text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, _k=kind, **k:
                            shown.append((_k, text)))
    return shown


def test_backup_now_adds_a_row_and_a_file(qtbot, ops, services, admin, tmp_path,
                                          monkeypatch) -> None:
    tab = make_tab(qtbot, ops, services, admin)
    assert tab.model.rowCount() == 0 and "还没有备份" in tab.status_label.text()
    assert tab.folder_label.text() == str(tmp_path / "backups")
    assert not tab.restore_button.isEnabled()  # nothing selected
    b = backed_up(qtbot, ops, tab)
    assert b.path.is_file() and b.path.parent == tmp_path / "backups"
    assert f"已备份到 {b.path}" in tab.status_label.text()
    assert tab.model.data(tab.model.index(0, B_KIND)) == "手动"
    assert tab.model.data(tab.model.index(0, B_FILE)) == b.path.name
    assert tab.restore_button.isEnabled()
    # another folder (a USB stick); an unusable one is refused in Chinese
    stick = tmp_path / "usb" / "ElderDesk备份"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    tab.choose_folder()
    ops.wait_done()
    qtbot.waitUntil(lambda: "上级文件夹不存在" in tab.status_label.text())
    stick.parent.mkdir()
    tab.choose_folder()
    ops.wait_done()
    qtbot.waitUntil(lambda: tab.folder_label.text() == str(stick.resolve()))
    assert tab.model.rowCount() == 0
    second = backed_up(qtbot, ops, tab)
    assert second.path.parent == stick.resolve()
    actions = audit_actions(services)
    assert actions.count("backup.create") == 2 and "settings.change" in actions  # the folder


def test_restore_brings_the_backed_up_data_back(qtbot, ops, services, admin, clerk, db_path,
                                                answers) -> None:
    tab = make_tab(qtbot, ops, services, admin)
    b = backed_up(qtbot, ops, tab)
    services.people.add(clerk, PersonInput(id_number=LATE, name="后来登记", community="民意社区"))
    with qtbot.waitSignal(tab.restored, timeout=5000) as restored:
        tab.restore_selected()
    question = answers[0][1]
    assert answers[0][0] == "question" and str(b.path) in question
    assert "先另存" in question and "登录界面" in question
    kept = restored.args[0]
    assert answers[-1][0] == "information" and kept in answers[-1][1]
    assert tab.window().isEnabled()
    reopened = Services.open(db_path)  # what the login after the restore opens
    try:
        with pytest.raises(ElderError):
            reopened.people.get(admin, LATE)
        assert backup.inspect(db_path).integrity == "ok"
        assert audit_actions(reopened)[-1] == "backup.restore"
    finally:
        reopened.close()
    old = Services.open(Path(kept))  # the replaced database, kept
    try:
        assert old.people.get(admin, LATE).name == "后来登记"
    finally:
        old.close()


def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(
        qtbot, ops, services, admin, clerk, db_path, tmp_path, answers, monkeypatch) -> None:
    from elderdesk.services.users.service import initialise

    services.people.add(clerk, PersonInput(id_number=LATE, name="留着", community="民意社区"))
    damaged = tmp_path / "elsewhere" / "damaged.db"
    damaged.parent.mkdir()
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    foreign = tmp_path / "elsewhere" / "other.db"
    initialise(foreign, "420102", "江岸区某街道社区服务中心", "admin", ADMIN_PASSWORD).close()
    tab = make_tab(qtbot, ops, services, admin)
    for source, reason in ((damaged, "备份文件无效"), (foreign, "不是本机构")):
        monkeypatch.setattr(FileDialog, "ask_open", classmethod(lambda cls, *a, _s=source: _s))
        answers.clear()
        tab.restore_file()
        ops.wait_done()
        qtbot.waitUntil(lambda r=reason: r in tab.status_label.text())
        assert answers[-1][0] == "warning" and reason in answers[-1][1]
        assert tab.window().isEnabled() and tab.file_button.isEnabled()
    monkeypatch.setattr(ops, "is_busy", lambda: True)  # an import still running
    tab.restore_from(damaged)
    assert "请等它完成" in tab.status_label.text()
    assert not list(tmp_path.glob("*before-restore*"))
    # the same database, still in use by the open services
    assert services.people.get(admin, LATE).name == "留着"
    services.people.add(clerk, PersonInput(id_number=make_id("19400101", "061"), name="再登记"))


def test_a_clerk_sees_no_backup_buttons(qtbot, ops, services, clerk) -> None:
    from elderdesk.ui.pages.system_page import SystemPage

    page = SystemPage(ops, services, clerk)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._loaded)
    ops.wait_done()
    assert page.backups_tab is None
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "备份" in titles
    texts = {b.text() for b in page.findChildren(QPushButton)}
    assert not texts & {"立即备份", "从备份恢复…", "从其他文件恢复…", "选择文件夹…"}


def test_after_a_restore_the_program_shows_the_login_again(qtbot, quiet_app, db_path,  # noqa: F811
                                                           monkeypatch) -> None:
    asked: list[str] = []

    def ask(cls, parent, ops, authenticate, office=None, user=""):  # type: ignore[no-untyped-def]
        asked.append(user)
        return authenticate("admin", ADMIN_PASSWORD) if len(asked) == 1 else None

    def restored_at_once(window, operator) -> None:  # type: ignore[no-untyped-def]
        QTimer.singleShot(0, lambda: window.system_page.backups_tab.restored.emit("kept.db"))

    monkeypatch.setattr(LoginDialog, "ask", classmethod(ask))
    monkeypatch.setattr(app_module, "start_safety_checks", restored_at_once)
    assert app_module.run_gui(db_path) == 0
    assert asked == ["", "admin"]


def test_a_damaged_database_is_restored_from_the_tab(qtbot, ops, services, admin, clerk,
                                                     db_path, answers) -> None:
    """The startup check found the file damaged (writes refused): the admin restores the last
    backup from the tab, as the startup message tells her to."""
    tab = make_tab(qtbot, ops, services, admin)
    backed_up(qtbot, ops, tab)
    services.db.damaged = "*** in database main ***\nPage 7: btreeInitPage() returns error code 11"
    with pytest.raises(ElderError) as refused:
        services.people.add(clerk, PersonInput(id_number=LATE, name="不能写"))
    assert refused.value.code == "DB_CORRUPT" and "系统 → 备份" in str(refused.value)
    with qtbot.waitSignal(tab.restored, timeout=5000):
        tab.restore_selected()
    reopened = Services.open(db_path)
    try:
        reopened.people.add(clerk, PersonInput(id_number=LATE, name="恢复后登记"))
        assert audit_actions(reopened)[-2] == "backup.restore"
    finally:
        reopened.close()
