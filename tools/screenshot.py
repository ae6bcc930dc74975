"""Screenshots of the main window and its dialogs, for looking at what the clerk sees.

    python tools/screenshot.py --db demo.db --out shots --demo        # make the demo DB if missing
    python tools/screenshot.py --db office.db --user admin --query 张  # password: ELDERDESK_PASSWORD

Runs under the offscreen platform unless QT_QPA_PLATFORM says otherwise (e.g. xcb under xvfb-run).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

DEMO_PASSWORD = "demo-pass-1"
# name, birth YYYYMMDD, sequence (odd last digit = male), community
DEMO_PEOPLE = [
    ("张三丰", "19400312", "011", "民意社区"), ("张小花", "19451120", "022", "民意社区"),
    ("张建华", "19521008", "035", "新华社区"), ("王秀英", "19380105", "042", "新华社区"),
    ("李建国", "19500701", "031", "前进社区"), ("刘桂兰", "19330214", "064", "前进社区"),
    ("陈志强", "19480930", "057", "民意社区"), ("欧阳明德", "19411111", "073", "新华社区"),
    ("赵淑珍", "19360606", "086", "前进社区"), ("孙永福", "19440418", "099", "民意社区"),
    ("周玉梅", "19470725", "102", "新华社区"), ("吴德胜", "19390830", "117", "前进社区"),
]


def demo_id(birth: str, seq: str, area: str = "420103") -> str:
    from elderdesk.domain.idcard import check_char

    return area + birth + seq + check_char(area + birth + seq)


def make_demo(path: Path) -> None:
    """An office database with a few invented people (one deceased, one moved out)."""
    from elderdesk.domain.person import PersonInput
    from elderdesk.paths import resource
    from elderdesk.services.container import Services
    from elderdesk.services.users import initialise

    policy = resource("policies", "wuhan.toml")
    source = policy.read_text(encoding="utf-8") if policy.exists() else None
    initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", DEMO_PASSWORD,
               policy_source=source).close()
    services = Services.open(path)
    try:
        op = services.users.authenticate("admin", DEMO_PASSWORD)
        for name, birth, seq, community in DEMO_PEOPLE:
            services.people.add(op, PersonInput(
                id_number=demo_id(birth, seq), name=name, community=community,
                street="民意街道", phone="027-8555" + seq[-3:] + "0", ethnicity="汉族",
                household_type="local", household_address="武汉市江汉区" + community + "12号"))
        services.people.record_death(op, demo_id("19380105", "042"), date(2025, 3, 15))
        services.people.record_moved_out(op, demo_id("19390830", "117"), date(2025, 6, 1))
    finally:
        services.close()


def demo_workbook(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "社区"])
    ws.append(["赵一", "11010519491231002X", "民意社区"])
    ws.append(["钱二", "440524188001010014", "新华社区"])
    ws.append(["孙三", "110105194912310021", "前进社区"])
    ws.append(["张三丰", demo_id("19400312", "011"), "民意社区"])
    wb.save(path)
    return path


def wait_until(app: QApplication, done: Callable[[], bool], timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.3) -> None:
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


def save(app: QApplication, widget: QWidget, out: Path, name: str) -> None:
    settle(app)
    path = out / name
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--query", default="张")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--demo", action="store_true", help="create a demo database if missing")
    args = parser.parse_args(argv)
    password = os.environ.get("ELDERDESK_PASSWORD", DEMO_PASSWORD)
    if args.demo and not args.db.exists():
        make_demo(args.db)
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication([])
    from elderdesk.app import load_fonts
    from elderdesk.services.container import Services
    from elderdesk.ui.dialogs.import_dialog import ImportDialog
    from elderdesk.ui.dialogs.login_dialog import LoginDialog
    from elderdesk.ui.dialogs.person_dialog import PersonDialog
    from elderdesk.ui.dialogs.setup_dialog import SetupDialog
    from elderdesk.ui.main_window import MainWindow

    load_fonts(app)
    services = Services.open(args.db)
    op = services.users.authenticate(args.user, password)
    window = MainWindow(services, op)
    window.show()
    page = window.register_page
    type_text(page.search_edit, args.query)
    wait_until(app, lambda: page.model.query == args.query and page.detail.person is not None)
    save(app, window, args.out, "main_window.png")

    page.unmask_check.setChecked(True)
    save(app, window, args.out, "main_window_unmasked.png")
    page.unmask_check.setChecked(False)

    dialog = PersonDialog(window.ops, services, op, page.detail.person, window)
    dialog.show()
    save(app, dialog, args.out, "person_dialog_edit.png")
    dialog.close()

    dialog = PersonDialog(window.ops, services, op, None, window)
    dialog.show()
    type_text(dialog.id_edit.edit, "110105491231002")
    type_text(dialog.fields["name"], "赵桂兰")
    save(app, dialog, args.out, "person_dialog_new.png")
    dialog.id_edit.setText("110105194912310021")
    save(app, dialog, args.out, "person_dialog_bad_id.png")
    dialog.close()

    importer = ImportDialog(window.ops, services, op, window)
    importer.show()
    importer.file_edit.setText(str(demo_workbook(args.out / "demo_import.xlsx")))
    importer.dry_run_check.setChecked(True)
    importer.report_check.setChecked(False)
    importer.start_button.click()
    wait_until(app, lambda: not importer.is_running())
    save(app, importer, args.out, "import_dialog.png")
    importer.close()

    window.show_page(1)
    save(app, window, args.out, "placeholder_page.png")

    login = LoginDialog(window.ops, lambda n, p: None, user="admin")
    login.show()
    save(app, login, args.out, "login_dialog.png")
    setup = SetupDialog(window.ops, args.out / "new.db")
    setup.show()
    save(app, setup, args.out, "setup_dialog.png")
    for w in (login, setup):
        w.close()
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
