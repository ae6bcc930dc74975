"""The first-start dialog (multi-office.md §1): 本机数据库 (the default, as before) or 连接单位服务器
(a PostgreSQL URL tested before it is saved: the server's faults in Chinese, the password never
shown or logged; an empty database goes on to the office setup, an ElderDesk one to the login),
clicked through against the throw-away cluster of tests/pg.py."""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from elderdesk import app as app_module
from elderdesk import pc_config
from elderdesk.pc_config import db_location
from elderdesk.services.container import Services
from elderdesk.ui.dialogs.setup_dialog import FirstStartDialog, SetupDialog
from tests.ui.test_setup_login import fill_setup

SECRET = "Geheim-pw-77"


@pytest.fixture(autouse=True)
def this_pc(tmp_path, monkeypatch):
    """This PC's settings in tmp_path, no ELDERDESK_DB: the program looks where it would."""
    monkeypatch.setenv("ELDERDESK_PC_CONFIG", str(tmp_path / "pc.json"))
    monkeypatch.delenv("ELDERDESK_DB", raising=False)


def make_dialog(qtbot, ops, path: Path) -> FirstStartDialog:  # type: ignore[no-untyped-def]
    dialog = FirstStartDialog(ops, path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def try_server(qtbot, dialog: FirstStartDialog, url: str, password: str = "") -> str:  # type: ignore[no-untyped-def]
    """Choose 连接单位服务器, type the address (and password), click 下一步: the error shown."""
    dialog.server_radio.click()
    dialog.url_edit.clear()
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.url_edit, url)
    if password:
        qtbot.keyClicks(dialog.password_edit, password)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() or dialog.result() != 0, timeout=20000)
    return dialog.error_label.text()


def test_the_local_database_is_the_default(qtbot, ops, tmp_path):
    path = tmp_path / "data" / "elderdesk.db"
    dialog = make_dialog(qtbot, ops, path)
    assert dialog.local_radio.isChecked() and not dialog.url_edit.isEnabled()
    assert str(path) in dialog.local_label.text()
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice.target == path and dialog.choice.needs_setup
    assert pc_config.get(pc_config.DATABASE) is None  # nothing saved: the file is the default


def test_server_faults_in_chinese_without_the_password(qtbot, ops, tmp_path, pg_cluster, caplog):
    caplog.set_level(logging.DEBUG)
    dialog = make_dialog(qtbot, ops, tmp_path / "elderdesk.db")
    assert try_server(qtbot, dialog, "http://example/x").startswith("服务器地址")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    shown = {
        "unreachable": try_server(qtbot, dialog, f"postgresql://elderdesk@127.0.0.1:{closed}/x",
                                  SECRET),
        "login": try_server(qtbot, dialog, pg_cluster.url("postgres", user="nobody"), SECRET),
        "in-url": try_server(qtbot, dialog, pg_cluster.url("nosuchdb").replace(
            "postgres@", f"postgres:{SECRET}@")),
    }
    other = pg_cluster.create()
    try:
        pg_cluster.sql("CREATE TABLE invoices (id int)", dbname=other)
        shown["other"] = try_server(qtbot, dialog, pg_cluster.url(other), SECRET)
    finally:
        pg_cluster.drop(other)
    assert "连接不上单位数据库服务器" in shown["unreachable"]
    assert "elderdesk:***@127.0.0.1" in shown["unreachable"]  # the typed password, masked
    assert "拒绝登录" in shown["login"]
    assert "没有这个数据库" in shown["in-url"] and "postgres:***@" in shown["in-url"]
    assert "已有其他程序的数据" in shown["other"] and "invoices" in shown["other"]
    assert not any(SECRET in text for text in shown.values())
    assert SECRET not in caplog.text
    assert dialog.result() == 0 and pc_config.get(pc_config.DATABASE) is None  # nothing saved
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    dialog.grab().save(str(tmp_path / "first_start_error.png"))


def test_an_existing_office_on_the_server_goes_to_the_login(qtbot, ops, tmp_path, pg_url):
    dialog = make_dialog(qtbot, ops, tmp_path / "elderdesk.db")
    assert SECRET not in try_server(qtbot, dialog, pg_url, SECRET)
    assert dialog.result() == QDialog.DialogCode.Accepted
    choice = dialog.choice
    assert not choice.needs_setup and isinstance(choice.target, str)
    saved = pc_config.get(pc_config.DATABASE)
    assert saved == choice.target == pg_url.replace("postgres@", f"postgres:{SECRET}@")
    assert db_location(None) == saved  # the GUI and the CLI work on the server from now on
    if os.name != "nt":
        assert pc_config.path().stat().st_mode & 0o077 == 0  # the password: for this user only


def _answer_modal(qtbot, steps):  # type: ignore[no-untyped-def]
    """Play each step on the next modal dialog as soon as it shows."""
    pending = list(steps)

    def tick() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and pending and isinstance(modal, pending[0][0]) \
                and not getattr(modal, "_played", False):
            modal._played = True  # type: ignore[attr-defined]
            pending.pop(0)[1](modal)
        if pending:
            QTimer.singleShot(50, tick)

    QTimer.singleShot(50, tick)
    return pending


def test_an_empty_server_database_gets_the_same_setup(qtbot, ops, tmp_path, pg_empty_url):
    def choose_server(dialog: FirstStartDialog) -> None:
        dialog.server_radio.click()
        qtbot.keyClicks(dialog.url_edit, pg_empty_url)
        dialog.ok_button.click()

    def set_up(dialog: SetupDialog) -> None:
        assert pg_empty_url.split("@")[1] in dialog.intro.text()
        fill_setup(qtbot, dialog)
        dialog.ok_button.click()

    pending = _answer_modal(qtbot, [(FirstStartDialog, choose_server), (SetupDialog, set_up)])
    target = app_module.first_start(ops, db_location(None), chosen=False)
    assert pending == [] and target == pg_empty_url
    assert pc_config.get(pc_config.DATABASE) == pg_empty_url  # saved once the office exists
    services = Services.open(pg_empty_url)
    try:
        assert services.users.authenticate("admin", "long-pass-1").can("user.add")
        assert services.settings.office()["region"] == "420103"
    finally:
        services.close()
    # the next start goes straight to the login on the server
    assert app_module.first_start(ops, db_location(None), chosen=False) == pg_empty_url


def test_the_setup_dialog_names_the_server_without_its_password(qtbot, ops, pg_empty_url):
    url = pg_empty_url.replace("postgres@", f"postgres:{SECRET}@")
    dialog = SetupDialog(ops, url)
    qtbot.addWidget(dialog)
    texts = dialog.intro.text()
    assert "单位服务器上的数据库还是空的" in texts and "postgres:***@" in texts
    assert SECRET not in texts
    with psycopg.connect(pg_empty_url) as conn:  # untouched until 建立数据库
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            ).fetchone()[0] == 0
