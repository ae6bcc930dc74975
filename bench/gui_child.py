"""Run by p9/p10 in a fresh process (QT_QPA_PLATFORM=offscreen): start the GUI and report.

  gui_child.py bare            a bare PySide6 window with a line edit (P9's reference)
  gui_child.py app DB          ElderDesk's main window on DB (the login is skipped: the same
                               services, operator and window that run_gui makes after it)
  gui_child.py browse DB       start, then browse the register; report the peak RSS

Prints "READY <monotonic seconds>" once the search box has focus and has taken a key, and for
browse "RSS <peak MB> <now MB>".
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def _rss() -> tuple[float, float]:
    """Peak and current resident memory of this process, MB (from /proc)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value
    return int(fields["VmHWM"].split()[0]) / 1024, int(fields["VmRSS"].split()[0]) / 1024


def _wait(app, until, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def _takes_input(app, edit) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    _wait(app, edit.hasFocus)
    QTest.keyClick(edit, Qt.Key.Key_W)
    _wait(app, lambda: edit.text() == "w")
    print(f"READY {time.monotonic():.6f}", flush=True)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    edit = QLineEdit(window)
    window.setCentralWidget(edit)
    window.show()
    window.activateWindow()
    edit.setFocus()
    _takes_input(app, edit)


def app_window(db: Path):  # type: ignore[no-untyped-def]
    """What run_gui does, minus the login dialog: the main window with the search box ready."""
    from PySide6.QtWidgets import QApplication

    from elderdesk import app as gui

    qt = QApplication(sys.argv[:1])
    gui.install_excepthook(gui.setup_logging())
    gui.load_fonts(qt)
    gui.install_translator(qt)
    opener = gui.ServicesOpener(db)
    operator = opener.get().users.authenticate("admin", sys.argv[3] if len(sys.argv) > 3
                                               else "bench-pass-1")
    from elderdesk.ui.main_window import MainWindow

    window = MainWindow(opener.get(), operator)
    window.show()
    window.raise_()
    window.activateWindow()
    _takes_input(qt, window.register_page.search_edit)
    return qt, window


def browse(db: Path) -> None:
    """Search, scroll through pages of results, open people, search again."""
    qt, window = app_window(db)
    page = window.register_page
    model, table = page.model, page.table
    for query in ("w", "王", "zj", "1234", "张秀", "l"):
        page.search_edit.setText(query)
        page._run_search()
        _wait(qt, lambda q=query: model.query == q and not model.is_loading())
        for _ in range(30 if query in ("w", "l") else 5):  # scroll down: the next pages load
            if not model.canFetchMore():
                break
            table.scrollToBottom()
            model.fetchMore()
            _wait(qt, lambda: not model.is_loading())
        for row in range(0, min(model.rowCount(), 200), 20):  # open people on the way
            table.selectRow(row)
            _wait(qt, lambda: not window.ops.is_busy())
    window.ops.wait_done()
    peak, now = _rss()
    print(f"RSS {peak:.1f} {now:.1f} rows {model.rowCount()}", flush=True)


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "app":
        app_window(Path(sys.argv[2]))
    else:
        browse(Path(sys.argv[2]))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
