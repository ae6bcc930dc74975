"""The manual's screenshots, taken from the real windows over a freshly built demo office.

    python tools/screenshot.py docs/manual/images            # what `make screenshots` runs
    python tools/screenshot.py shots --keep-db demo.db       # also keep the demo database

Runs under the offscreen platform unless QT_QPA_PLATFORM says otherwise (e.g. xcb under xvfb-run).
The date is fixed (screenshot_demo.TODAY), so the pictures change only when the program does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ELDERDESK_FAST_HASH", "1")  # demo passwords only

import screenshot_demo as demo  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from elderdesk.ui.layout import COUNTER_SCREEN, FRAME  # noqa: E402

# the main window as on a 1366 × 768 counter screen (maximised: less frame, title and task bar)
WINDOW = (COUNTER_SCREEN[0] - FRAME[0], COUNTER_SCREEN[1] - FRAME[1])


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def type_text(widget: QWidget, text: str) -> None:
    """Commit text as an input method would (works for Chinese)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


class Shots:
    def __init__(self, app: QApplication, out: Path) -> None:
        self.app, self.out, self.names = app, out, []

    def save(self, widget: QWidget, name: str, wait: float = 0.4) -> None:
        settle(self.app, wait)
        path = self.out / name
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self.names.append(name)
        print(path)

    def pdf(self, pdf: Path, name: str, dpi: int = 80) -> None:
        """The first page of a PDF as a PNG (pdftoppm)."""
        stem = self.out / Path(name).stem
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", "1", "-l", "1",
                        str(pdf), str(stem)], check=True)
        self.names.append(name)
        print(self.out / name)

    def dialog(self, dialog: QWidget, name: str, wait: float = 0.4) -> None:
        dialog.show()
        self.save(dialog, name, wait)
        dialog.close()


def start_screens(shots: Shots, ops, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    from elderdesk.ui.dialogs.login_dialog import LoginDialog
    from elderdesk.ui.dialogs.setup_dialog import FirstStartDialog, SetupDialog

    first = FirstStartDialog(ops, Path("C:/Users/lili/AppData/Local/ElderDesk/elderdesk.db"))
    first.show()
    first.server_radio.setChecked(True)
    first.url_edit.setText("postgresql://elderdesk@192.168.1.10:5432/elderdesk")
    first.password_edit.setText("********")
    shots.save(first, "first_start_dialog.png")
    first.close()
    setup = SetupDialog(ops, Path("D:/ElderDesk/elderdesk.db"))  # only shown, not created
    setup.show()
    for edit, text in ((setup.office_edit, demo.OFFICE), (setup.region_edit, "420103"),
                       (setup.admin_edit, "admin"), (setup.password_edit, "******"),
                       (setup.confirm_edit, "******")):
        edit.setText(text)
    shots.save(setup, "setup_dialog.png")
    setup.close()
    login = LoginDialog(ops, lambda n, p: None, demo.OFFICE, user="李丽")
    shots.dialog(login, "login_dialog.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/manual/images"))
    parser.add_argument("--keep-db", type=Path, help="copy the demo database here")
    parser.add_argument("--only", help="comma-separated scenes (e.g. register,roster); "
                        "other PNGs in OUT are kept")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()  # a scene changes the working folder
    args.out.mkdir(parents=True, exist_ok=True)
    import screenshot_scenes as scenes

    chosen = scenes.SCENES
    if args.only:
        names = args.only.split(",")
        chosen = tuple(s for s in scenes.SCENES if s.__name__ in names)
        if len(chosen) != len(names):
            parser.error(f"scenes: {', '.join(s.__name__ for s in scenes.SCENES)}")
    else:  # a full run: no stale pictures left behind
        for old in args.out.glob("*.png"):
            old.unlink()
    with tempfile.TemporaryDirectory(prefix="elderdesk-shots-") as name, \
            demo.fixed_clock() as refix:
        tmp = Path(name)
        db = tmp / "office.db"
        demo.make_demo(db)
        if args.keep_db:
            shutil.copyfile(db, args.keep_db)
        shoot(args.out, db, tmp, chosen, refix)
    return 0


def shoot(out: Path, db: Path, tmp: Path, scenes: tuple, refix: Callable[[], None]) -> None:
    import screenshot_scenes

    app = QApplication.instance() or QApplication([])
    from elderdesk.services.container import Services
    from elderdesk.ui.main_window import MainWindow
    from elderdesk.ui.startup import install_qt_translation, load_fonts

    load_fonts(app)
    install_qt_translation(app, "zh_CN")  # 是/否 in the dialogs, as the clerk sees them
    app.setCursorFlashTime(0)  # a steady caret: the same picture on every run
    refix()  # modules imported since the clock was fixed
    shots = Shots(app, out)
    services = Services.open(db)
    try:
        op = services.users.authenticate("admin", demo.PASSWORD)
        window = MainWindow(services, op)
        window.resize(*WINDOW)
        window.show()
        start_screens(shots, window.ops, tmp)
        ctx = screenshot_scenes.Context(shots, window, services, op, tmp, wait_until)
        for scene in scenes:
            scene(ctx)
        window.ops.wait_done()
        window.close()
    finally:
        services.close()
    for name in shots.names:
        _optimise(out / name)


def _optimise(png: Path) -> None:
    """Re-save as a palette PNG when that keeps it readable (a third of the size)."""
    from PIL import Image

    image = Image.open(png).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(png, optimize=True)


if __name__ == "__main__":
    sys.exit(main())
