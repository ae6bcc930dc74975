"""After the GUI window shows: quick_check and the day's first automatic backup run in the
background; a damaged database is reported in Chinese with the way to restore, and refuses
every write from then on."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.safety.service import SafetyService
from elderdesk.store import backup, sqlite_file
from elderdesk.ui import startup
from tests.helpers import make_id
from tests.safety.damage import damage


@pytest.fixture
def dialogs(monkeypatch):
    shown: list[tuple[str, str, str]] = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, k=kind:
                            shown.append((k, title, text)))
    return shown


def _window(qtbot, services, operator):
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, operator)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_days_first_start_backs_up_off_the_gui_thread(qtbot, services, clerk, db_path,
                                                         dialogs, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-05-20")
    threads = []
    real_check = sqlite_file.quick_check
    monkeypatch.setattr(sqlite_file, "quick_check", lambda path: (
        threads.append(threading.current_thread()), real_check(path))[1])
    w = _window(qtbot, services, clerk)
    startup.start_safety_checks(w, clerk)
    qtbot.waitUntil(lambda: "自动备份已完成" in w.statusBar().currentMessage(), timeout=10000)
    w.ops.wait_done()
    assert threads and threading.main_thread() not in threads
    # named by the system clock, whatever ELDERDESK_TODAY says
    made = list((db_path.parent / "backups").glob("office-*-daily.db"))
    assert len(made) == 1 and "-20260520-" not in made[0].name
    assert len(made) == 1 and backup.inspect(made[0]).integrity == "ok"
    conn = sqlite3.connect(db_path)
    last = conn.execute("SELECT action, operator, entity_key FROM audit_log "
                        "ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert last == ("backup.auto", "clerk1", made[0].name)
    w.statusBar().clearMessage()
    startup.start_safety_checks(w, clerk)  # started again the same day: no second backup
    w.ops.wait_done()
    assert len(list((db_path.parent / "backups").glob("*.db"))) == 1 and dialogs == []


def test_a_missing_backup_stick_is_reported_and_work_goes_on(qtbot, services, admin, clerk,
                                                            tmp_path, dialogs):
    SafetyService(services.db).set_backup_folder(admin, tmp_path / "stick")
    (tmp_path / "stick").rmdir()
    (tmp_path / "stick").write_text("not a folder any more")
    w = _window(qtbot, services, clerk)
    startup.start_safety_checks(w, clerk)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10000)
    kind, title, text = dialogs[0]
    assert kind == "warning" and title == "今日自动备份未完成"
    assert str(tmp_path / "stick") in text and "下次启动时会再试" in text
    services.people.add(clerk, PersonInput(id_number=make_id("1946-05-20", 11), name="张三丰"))


def test_a_damaged_database_is_reported_and_refuses_writes(qtbot, services, admin, clerk,
                                                          db_path, dialogs):
    earlier = SafetyService(services.db).create_backup(admin)
    damage(db_path, "card_counters")  # a table the window does not read at start
    w = _window(qtbot, services, clerk)
    startup.start_safety_checks(w, clerk)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10000)
    w.ops.wait_done()
    kind, title, text = dialogs[0]
    assert (kind, title) == ("critical", "数据库文件已损坏")
    assert "程序已停止写入" in text and "elderdesk backup restore" in text
    assert str(earlier) in text and str(earlier.parent) in text
    labels = [label.text() for label in w.statusBar().findChildren(QLabel)]
    assert "数据库已损坏：只能查询，不能修改" in labels
    damaged = db_path.read_bytes()
    with pytest.raises(ElderError) as e:
        services.people.add(clerk, PersonInput(id_number=make_id("1946-05-20", 11), name="张三丰"))
    assert e.value.code == "DB_CORRUPT" and "恢复" in e.value.message
    assert db_path.read_bytes() == damaged
    assert list(earlier.parent.glob("*.db")) == [earlier]  # a damaged file is not backed up
