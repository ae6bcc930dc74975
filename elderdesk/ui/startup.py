"""The Qt side of starting the GUI: logging and the error dialog, the shipped font, the
translators, the checks after the window shows, the smoke test's visit. app.py wires these
together with the database and the window."""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from elderdesk import paths
from elderdesk.logs import configure
from elderdesk.paths import resource
from elderdesk.ui.errors import show_error
from elderdesk.ui.preferences import language

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.safety.service import SafetyService, StartupReport
    from elderdesk.ui.main_window import MainWindow

log = logging.getLogger("elderdesk")
FONT_FILE = ("fonts", "wqy-microhei.ttf")


def setup_logging() -> Path:
    """The project's rotating log file (elderdesk.logs); its path, for the error dialog."""
    configure()
    return paths.log_dir() / "elderdesk.log"


def install_excepthook(log_path: Path | None) -> None:
    """Unexpected errors are logged and shown as a Chinese dialog instead of ending silently."""
    showing = threading.Lock()

    def hook(exc_type: type[BaseException], exc: BaseException | None,
             tb: TracebackType | None) -> None:
        log.error("uncaught exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if threading.current_thread() is not threading.main_thread():
            return
        if not showing.acquire(blocking=False):
            return  # an error while showing the dialog: logged only
        try:
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
    """The source strings are Chinese; English (the 界面 setting, per PC) loads
    resources/i18n/elderdesk_en.qm."""
    code = language()
    install_qt_translation(app, code)
    if code == "zh_CN":
        return
    path = resource("i18n", f"elderdesk_{code}.qm")
    translator = QTranslator(app)
    if path.exists() and translator.load(str(path)):
        app.installTranslator(translator)
    else:
        log.warning("no translation %s: the interface stays Chinese", path)


def install_qt_translation(app: QApplication, code: str) -> QTranslator | None:
    """Qt's own texts (是/否/取消 of message boxes, the file and print dialogs) in the
    interface language; they are English otherwise. The translator installed, if any."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(f"qtbase_{code}", folder):
        app.installTranslator(translator)
        return translator
    log.warning("no Qt translation qtbase_%s in %s", code, folder)
    return None


def smoke_quit(window: MainWindow) -> None:
    """Test-only (ELDERDESK_SMOKE=1): once the window is shown, visit every page and quit."""
    def visit() -> None:
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
        window.nav.setCurrentRow(0)
        if os.environ.get("ELDERDESK_SMOKE_SHOT"):  # a picture for the eye
            window.grab().save(os.environ["ELDERDESK_SMOKE_SHOT"])
        if sys.stdout is not None:  # None in the windowed Windows program
            qt_zh = QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
            print(f"smoke: window shown={window.isVisible()}, pages={window.nav.count()}, "
                  f"icon={not window.windowIcon().isNull()}, qt_zh={qt_zh}")
        window.close()

    QTimer.singleShot(0, visit)


def start_safety_checks(window: MainWindow, operator: Operator) -> None:
    """Once the window shows, off the GUI thread: PRAGMA quick_check, then the day's first
    automatic backup into the backup folder (rotated). A damaged database refuses writes."""
    safety = window.services.safety
    window.ops.run(lambda: safety.startup_checks(operator),
                   lambda report: _on_safety_checked(window, safety, operator, report),
                   lambda exc: _on_safety_failed(window, exc))


def _on_safety_failed(window: MainWindow, exc: BaseException) -> None:
    """The check could not run (a full disk, a read-only or locked file): said as such, never
    as damage."""
    log.error("startup check failed: %r", exc)
    show_error(window, exc)


def _on_safety_checked(window: MainWindow, safety: SafetyService, operator: Operator,
                       report: StartupReport) -> None:
    translate = QCoreApplication.translate  # literal contexts for lupdate

    if report.integrity != "ok":
        log.error("quick_check failed: %s", report.integrity)
        window.setWindowTitle(window.windowTitle() + translate("app", "（数据库已损坏，只读）"))
        warning = QLabel(translate("app", "数据库已损坏：只能查询，不能修改"), window)
        warning.setStyleSheet("color: #b00020; font-weight: bold;")
        window.statusBar().addPermanentWidget(warning)
        latest = (translate("app", "最近的备份：{file}").format(file=report.latest) if report.latest
                  else translate("app", "备份文件夹中没有找到备份，请查找其他备份（如U盘）。"))
        QMessageBox.critical(window, translate("app", "数据库文件已损坏"), translate("app",
            "启动检查发现数据库文件已损坏。\n\n"
            "为防止进一步损坏，程序已停止写入：可以查询，但不能登记或修改任何信息。\n\n"
            "恢复方法：请管理员在“系统 → 备份”中选中最近的备份，点“从备份恢复…”；"
            "也可以关闭本程序后在命令行运行\n"
            "    elderdesk backup restore 备份文件\n"
            "恢复前程序会检查备份是否完好、是否属于本机构，并先另存当前数据库。\n\n"
            "备份文件夹：{folder}\n{latest}\n\n技术信息：{detail}").format(
                detail=report.integrity, folder=report.folder, latest=latest))
    elif report.backup is not None:
        window.statusBar().showMessage(
            translate("app", "今日自动备份已完成：{file}").format(file=report.backup), 15000)
        window.ops.run(lambda: safety.record_auto_backup(operator, report.backup),
                       lambda _r: None, lambda exc: log.error("audit of backup: %r", exc),
                       write=True)
    elif report.backup_error is not None:
        log.warning("automatic backup failed: %s", report.backup_error)
        QMessageBox.warning(window, translate("app", "今日自动备份未完成"), translate("app",
            "今日自动备份未完成：{error}\n\n程序可以照常使用；下次启动时会再试。").format(
                error=report.backup_error))
