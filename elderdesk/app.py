"""The one place that wires the GUI together: Qt application, fonts, translator, logging and
excepthook, first-start setup, login, the main window. Heavy libraries load after the first window.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from elderdesk import paths
from elderdesk.paths import APP_NAME, default_db_path, resource

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

log = logging.getLogger("elderdesk")
FONT_FILE = ("fonts", "wqy-microhei.ttf")


def setup_logging() -> Path:
    """The project's rotating log file (elderdesk.logs); its path, for the error dialog."""
    from elderdesk.logs import configure

    configure()
    return paths.log_dir() / "elderdesk.log"


def install_excepthook(log_path: Path | None) -> None:
    """Unexpected errors are logged and shown as a Chinese dialog instead of ending silently."""
    showing = threading.Lock()

    def hook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        log.error("uncaught exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if threading.current_thread() is not threading.main_thread():
            return
        if not showing.acquire(blocking=False):
            return  # an error while showing the dialog: logged only
        try:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QApplication, QMessageBox

            if QApplication.instance() is None:
                return
            where = str(log_path) if log_path else QCoreApplication.translate("app", "（无法写入日志）")
            QMessageBox.critical(
                None, QCoreApplication.translate("app", "程序出现意外错误"),
                QCoreApplication.translate(
                    "app", "程序出现了意外错误，详细情况已记录到日志文件：\n{path}\n\n"
                    "请把这个文件发给技术支持。刚才的操作可能没有完成，请核对后重试；"
                    "如果界面显示异常，请关闭程序后重新打开。").format(path=where))
        finally:
            showing.release()

    sys.excepthook = hook
    threading.excepthook = lambda args: hook(args.exc_type, args.exc_value, args.exc_traceback)


def load_fonts(app: QApplication) -> None:
    """Use the shipped CJK font if present (same look on every PC); else the system font."""
    from PySide6.QtGui import QFont, QFontDatabase

    path = resource(*FONT_FILE)
    if not path.exists():
        log.info("no %s: using the system font", path)
        return
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("could not load %s: using the system font", path)
        return
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)


def install_translator(app: QApplication) -> None:
    """Placeholder: the source strings are Chinese; load resources/i18n/elderdesk_<locale>.qm
    when one exists (an English translation, say)."""
    from PySide6.QtCore import QLocale, QTranslator

    path = resource("i18n", f"elderdesk_{QLocale.system().name()}.qm")
    if path.exists():
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)


class ServicesOpener:
    """Opens the database once, on the write thread, while the login dialog is already shown."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._services: Services | None = None
        self._lock = threading.Lock()

    def get(self) -> Services:
        with self._lock:
            if self._services is None:
                from elderdesk.services.container import Services

                self._services = Services.open(self.path)
            return self._services

    def authenticate(self, name: str, password: str) -> Operator:
        return self.get().users.authenticate(name, password, lockout=True)

    def close(self) -> None:
        if self._services is not None:
            self._services.close()


def run_gui(db_path: Path | None = None) -> int:
    """Start the desktop program on db_path (default: the user's data folder); the exit code."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    install_excepthook(setup_logging())
    load_fonts(app)  # type: ignore[arg-type]
    install_translator(app)  # type: ignore[arg-type]

    from elderdesk.ui.dialogs.login_dialog import LoginDialog
    from elderdesk.ui.dialogs.setup_dialog import SetupDialog
    from elderdesk.ui.ops import Ops

    path = Path(db_path) if db_path else default_db_path()
    ops = Ops()
    if not path.exists() and not SetupDialog.ask(None, ops, path):
        return 0
    opener = ServicesOpener(path)
    ops.run(opener.get, lambda _s: None, lambda _e: None, write=True)  # warm up meanwhile
    operator = LoginDialog.ask(None, ops, opener.authenticate)
    if operator is None:
        ops.wait_done()
        opener.close()
        return 0

    from elderdesk.ui.main_window import MainWindow

    window = MainWindow(opener.get(), operator)
    window.show()
    window.raise_()
    window.activateWindow()  # the clerk types into the search box at once
    try:
        return app.exec()
    finally:
        window.ops.wait_done()
        ops.wait_done()
        opener.close()


if __name__ == "__main__":
    sys.exit(run_gui(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
