"""The one place that wires the GUI together: the Qt application (ui/startup.py sets up its
logging, fonts and translators), first-start setup, the database opened into Services on the
write thread while the login shows, the main window. The services and the window's pages load
only then (start-up time)."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from elderdesk.paths import APP_NAME, resource
from elderdesk.pc_config import db_location
from elderdesk.ui.dialogs.login_dialog import LoginDialog
from elderdesk.ui.dialogs.setup_dialog import FirstStartDialog, SetupDialog
from elderdesk.ui.ops import Ops
from elderdesk.ui.preferences import apply_font_size, font_size, last_user, set_last_user
from elderdesk.ui.startup import (
    install_excepthook,
    install_translator,
    load_fonts,
    setup_logging,
    smoke_quit,
    start_safety_checks,
)

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services


class ServicesOpener:
    """Opens the database once, on the write thread, while the login dialog is already shown."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self._services: Services | None = None
        self._lock = threading.Lock()

    def get(self) -> Services:
        with self._lock:
            if self._services is None:
                from elderdesk.services.container import Services  # on the write thread

                self._services = Services.open(self.path)
            return self._services

    def authenticate(self, name: str, password: str) -> Operator:
        return self.get().users.authenticate(name, password)

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


def run_gui(db_path: Path | str | None = None) -> int:
    """Start the desktop program on db_path (a file or a server URL; default: ELDERDESK_DB, the
    office server this PC was set to, else the file in the user's data folder); the exit code."""
    running = QApplication.instance()  # a test's; never a console QCoreApplication here
    app = running if isinstance(running, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource("icons", "elderdesk.png"))))
    install_excepthook(setup_logging())
    load_fonts(app)
    install_translator(app)
    apply_font_size(font_size(), save=False)  # the 界面 setting for tired eyes

    ops = Ops()
    path = first_start(ops, db_location(str(db_path) if db_path else None),
                       chosen=bool(db_path or os.environ.get("ELDERDESK_DB")))
    if path is None:
        return 0
    code, user = _session(app, ops, path, last_user())  # the last user name prefilled
    while user is not None:  # the login again after a restore from backup, on the restored file
        code, user = _session(app, ops, path, user)
    return code


def first_start(ops: Ops, target: Path | str, chosen: bool) -> Path | str | None:
    """The database to log in to, after the first-start dialogs where there is none yet: a file
    named by --db or ELDERDESK_DB is set up as it is; the default place offers 本机数据库 or
    连接单位服务器 first (tested, then saved for this PC). None: the user quit."""
    if isinstance(target, str) or target.exists():
        return target  # a server (given, or saved at an earlier first start): the login
    if not chosen:
        choice = FirstStartDialog.ask(None, ops, target)
        if choice is None:
            return None
        if not choice.needs_setup:
            return choice.target
        target = choice.target
    return target if SetupDialog.ask(None, ops, target) else None


def _session(app: QApplication, ops: Ops, path: Path | str,
             user: str) -> tuple[int, str | None]:
    """Log in and run the main window on path: (exit code, None) when the program ends;
    (0, user name) when a restore replaced the database and the login is to show again."""
    opener = ServicesOpener(path)
    ops.run(opener.get, lambda _s: None, lambda _e: None, write=True)  # warm up meanwhile
    smoke = os.environ.get("ELDERDESK_SMOKE") == "1"  # test-only: tests/test_installer.py
    operator = (opener.authenticate(os.environ.get("ELDERDESK_SMOKE_USER", ""),
                                    os.environ.get("ELDERDESK_PASSWORD", ""))
                if smoke else LoginDialog.ask(None, ops, opener.authenticate, user=user))
    if operator is None:
        ops.wait_done()
        opener.close()
        return 0, None
    if not smoke:
        set_last_user(operator.name)
    from elderdesk.ui.main_window import MainWindow  # its pages load after the login

    window = MainWindow(opener.get(), operator)
    relogin: list[bool] = []
    window.relogin_requested.connect(lambda: relogin.append(True))
    window.show()
    window.raise_()
    window.activateWindow()  # the clerk types into the search box at once
    if smoke:
        smoke_quit(window)
    else:
        start_safety_checks(window, operator)
    try:
        code = app.exec()
    finally:
        window.ops.wait_done()
        ops.wait_done()
        opener.close()
    if not relogin:
        return code, None
    window.deleteLater()  # with it its idle lock, an event filter of the application
    return 0, operator.name


if __name__ == "__main__":
    sys.exit(run_gui(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
