"""app.py wiring: first start, giving up at login, the excepthook's Chinese dialog and log."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from elderdesk import app as app_module
from elderdesk import logs, paths
from elderdesk.ui import startup
from elderdesk.ui.dialogs.login_dialog import LoginDialog
from elderdesk.ui.dialogs.setup_dialog import SetupDialog


@pytest.fixture
def quiet_app(monkeypatch, tmp_path):
    """run_gui without touching the real log folder or leaving hooks and handlers behind."""
    monkeypatch.setattr(paths, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(logs, "_configured", False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logger = logging.getLogger("elderdesk")
    before, propagate = list(logger.handlers), logger.propagate
    yield tmp_path
    for h in logger.handlers[:]:
        if h not in before:
            logger.removeHandler(h)
            h.close()
    logger.propagate = propagate


def test_first_start_without_setup_exits(qtbot, quiet_app, monkeypatch):
    asked = []
    monkeypatch.setattr(SetupDialog, "ask", classmethod(lambda cls, p, ops, path: asked.append(path)))
    path = quiet_app / "new.db"
    assert app_module.run_gui(path) == 0
    assert asked == [path] and not path.exists()


def test_giving_up_at_login_exits(qtbot, quiet_app, db_path, monkeypatch):
    monkeypatch.setattr(SetupDialog, "ask", classmethod(lambda *a: pytest.fail("no setup")))
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda *a, **k: None))
    assert app_module.run_gui(db_path) == 0


def test_login_can_use_the_opener(qtbot, quiet_app, db_path):
    from tests.conftest import ADMIN_PASSWORD

    opener = app_module.ServicesOpener(db_path)
    try:
        assert opener.authenticate("admin", ADMIN_PASSWORD).name == "admin"
    finally:
        opener.close()


def test_excepthook_logs_and_shows_chinese_dialog(qtbot, quiet_app, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    log_path = startup.setup_logging()
    assert log_path == quiet_app / "logs" / "elderdesk.log"
    startup.install_excepthook(log_path)
    try:
        raise ValueError("boom")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    for h in logging.getLogger("elderdesk").handlers:
        h.flush()
    assert "ValueError: boom" in log_path.read_text(encoding="utf-8")
    assert len(shown) == 1 and "程序出现了意外错误" in shown[0] and str(log_path) in shown[0]
