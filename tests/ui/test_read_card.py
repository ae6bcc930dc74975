"""读卡 in the GUI (issue 16): F3 on the register page for a known and an unknown person, the
chip photo as the card photo, 读卡 in the card issue, application and proof-of-life dialogs,
the one-click proof of life, no reader, the wait for a card (poll, timeout, cancel). The reader
is the folder driver with cards written by the tests."""

from __future__ import annotations

import io
import time
from datetime import date

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from elderdesk.store.orm import AuditRow
from elderdesk.store.orm_allowance import LifeCertRow
from elderdesk.store.orm_cards import CardPhotoRow, CardRow
from elderdesk.ui.dialogs.application_dialog import ApplicationDialog
from elderdesk.ui.dialogs.card_issue_dialog import CardIssueDialog
from elderdesk.ui.dialogs.keys_dialog import shortcut_rows
from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
from elderdesk.ui.dialogs.person_dialog import PersonDialog
from elderdesk.ui.widgets import card_reader
from elderdesk.ui.widgets.card_reader import DONE, FAILED, IDLE, NO_READER, TIMED_OUT, WAITING
from tests.devices.cards import KNOWN_ID, LINES, bmp_bytes, card_lines, make_id, put_card, wz_bytes
from tests.ui.allowance_helpers import BORN_MAY, NAMES, register, set_today

NEW_ID = make_id("19440808", "024")  # not registered: a woman born 1944-08-08
NEW_CARD = card_lines(name="欧阳秀珍", sex="女", nation="回", birth="19440808",
                      address="湖北省武汉市江汉区唐家墩街道新华路88号", id=NEW_ID)


@pytest.fixture(autouse=True)
def machine(tmp_path, monkeypatch):
    """Per-test machine settings; the reader is the folder driver on a folder of the test."""
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "pc" / "settings.ini"))
    folder = tmp_path / "cards"
    folder.mkdir()
    monkeypatch.setenv("ELDERDESK_READER", f"folder:{folder}")
    return folder


def press_f3(qtbot, widget) -> None:
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus if focus is not None and focus.window() is widget.window() else widget,
                   Qt.Key.Key_F3)


def test_f3_opens_a_known_person(qtbot, window, machine) -> None:
    page = window.register_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_edit)
    press_f3(qtbot, page)  # no card yet: the reader is polled until one is there
    qtbot.waitUntil(lambda: page.reader.state == WAITING)
    assert page.reader.state_label.text() == "等待放卡"
    assert page.reader.cancel_button.isVisible() and not page.reader.button.isEnabled()
    put_card(machine, wz_bytes(LINES), bmp_bytes())
    qtbot.waitUntil(lambda: page.reader.state == DONE, timeout=5000)
    assert page.reader.state_label.text() == "已读取"
    qtbot.waitUntil(lambda: page.detail.person is not None
                    and page.detail.person.id_number == KNOWN_ID)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.edit_button)  # as Enter does
    assert page.selected_id() == KNOWN_ID
    assert "已读取身份证：张三丰" in window.statusBar().currentMessage()
    assert KNOWN_ID not in window.statusBar().currentMessage()
    assert not page.lifecert_button.isVisible()  # not enrolled: no proof of life offered
    with window.services.db.read() as s:
        action, key = s.execute(select(AuditRow.action, AuditRow.entity_key)
                                .order_by(AuditRow.id.desc())).first()
    assert (action, key) == ("reader.read", KNOWN_ID)


def test_f3_registers_an_unknown_person_with_the_chip_photo(qtbot, window, machine,
                                                            monkeypatch) -> None:
    services, clerk = window.services, window.operator
    put_card(machine, wz_bytes(NEW_CARD, "utf-16-le", bom=True), bmp_bytes())
    seen = []

    def ask_from_card(cls, parent, ops, services_, op, read):
        dialog = cls(ops, services_, op, None, parent)
        qtbot.addWidget(dialog)
        dialog.fill_from_card(read)
        seen.append({name: edit.text() for name, edit in dialog.fields.items()})
        seen.append((dialog.id_edit.text(), dialog.id_edit.edit.isReadOnly(),
                     dialog.sex_label.text(), dialog.id_edit.status.text()))
        assert dialog.chip_check is not None and not dialog.chip_check.isChecked()
        dialog.chip_check.setChecked(True)  # the clerk accepts the chip photo
        dialog.save_button.click()
        qtbot.waitUntil(lambda: dialog.person is not None or dialog.error_label.text() != "")
        return dialog.person

    monkeypatch.setattr(PersonDialog, "ask_from_card", classmethod(ask_from_card))
    window.menus.read_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    fields, (number, read_only, sex, verdict) = seen
    assert (fields["name"], fields["ethnicity"], fields["household_address"]) == (
        "欧阳秀珍", "回", "湖北省武汉市江汉区唐家墩街道新华路88号")
    assert (number, read_only) == (NEW_ID, True) and sex.startswith("女")
    assert "出生日期 1944-08-08" in verdict
    page = window.register_page
    qtbot.waitUntil(lambda: page.detail.person is not None
                    and page.detail.person.id_number == NEW_ID)
    person = services.people.get(clerk, NEW_ID)
    assert (person.name, person.sex, person.birth_date, person.ethnicity) == (
        "欧阳秀珍", "F", date(1944, 8, 8), "回")
    with services.db.read() as s:
        photo = s.execute(select(CardPhotoRow)).scalar_one()
        assert photo.original_format == "png"
        assert Image.open(io.BytesIO(photo.original)).size == (102, 126)
        # the largest centred 25:35 box of 102 × 126: no distortion, the sides cropped
        assert (photo.crop_x, photo.crop_y, photo.crop_w, photo.crop_h) == (6, 0, 90, 126)
        photo_id = photo.id
    assert Image.open(io.BytesIO(services.cards.photo(clerk, NEW_ID))).size == (295, 413)
    services.cards.issue(clerk, NEW_ID)  # the card issue uses the stored chip photo
    with services.db.read() as s:
        assert s.execute(select(CardRow.photo_id)).scalar_one() == photo_id


def test_the_chip_photo_is_stored_only_when_accepted(qtbot, window, machine,
                                                     monkeypatch) -> None:
    put_card(machine, wz_bytes(NEW_CARD), bmp_bytes())

    def ask_from_card(cls, parent, ops, services_, op, read):
        dialog = cls(ops, services_, op, None, parent)
        qtbot.addWidget(dialog)
        dialog.fill_from_card(read)
        dialog.save_button.click()  # the box left unticked
        qtbot.waitUntil(lambda: dialog.person is not None)
        return dialog.person

    monkeypatch.setattr(PersonDialog, "ask_from_card", classmethod(ask_from_card))
    window.register_page.reader.button.click()
    qtbot.waitUntil(lambda: window.register_page.detail.person is not None
                    and window.register_page.detail.person.id_number == NEW_ID, timeout=5000)
    with window.services.db.read() as s:
        assert s.execute(select(CardPhotoRow)).first() is None


def test_a_reviewer_reading_an_unknown_card_is_told(qtbot, services, reviewer, people,
                                                    machine) -> None:
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, reviewer)
    qtbot.addWidget(w)
    w.show()
    put_card(machine, wz_bytes(NEW_CARD))
    w.register_page.reader.button.click()
    qtbot.waitUntil(lambda: "还没有登记" in w.statusBar().currentMessage(), timeout=5000)
    assert NEW_ID not in w.statusBar().currentMessage()
    w.ops.wait_done()


def test_issue_a_card_with_the_chip_photo(qtbot, ops, services, clerk, people, machine,
                                          monkeypatch) -> None:
    from tests.ui.test_cards_page import make_page, show

    page = make_page(qtbot, ops, services, clerk)
    show(qtbot, page, KNOWN_ID)
    states = []

    def drive(dialog: CardIssueDialog) -> None:
        assert dialog.reader.button.text() == "读卡 (F3)"
        other = make_id("19450101", "013")
        put_card(machine, wz_bytes(card_lines(name="李四", id=other, birth="19450101")))
        dialog.reader.start()
        qtbot.waitUntil(lambda: dialog.reader.state == FAILED, timeout=5000)
        states.append(dialog.reader.note.text())
        assert not dialog.crop.has_photo()
        put_card(machine, wz_bytes(LINES), bmp_bytes())
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)  # the dialog's own F3
        qtbot.waitUntil(lambda: dialog.reader.state == DONE, timeout=5000)
        qtbot.waitUntil(dialog.crop.has_photo)  # no photo yet: the chip photo is put in
        assert dialog.crop.box() == (6, 0, 90, 126)
        assert dialog.photo_name == "身份证照片" and not dialog.chip_button.isVisible()
        qtbot.waitUntil(lambda: dialog.preview_image is not None
                        and dialog._generation == dialog._preview_done)

    from tests.ui.allowance_helpers import fake_ask

    shown = fake_ask(monkeypatch, qtbot, CardIssueDialog, drive)
    page.panel.issue_button.click()
    assert shown and shown[0].error_label.text() == ""
    assert "不是本次办理" in states[0] and "李四" in states[0]
    with services.db.read() as s:
        photo = s.execute(select(CardPhotoRow)).scalar_one()
        card = s.execute(select(CardRow)).scalar_one()
        assert card.photo_id == photo.id and photo.original_format == "png"
        assert (photo.crop_w * 35 - photo.crop_h * 25) == 0  # 25:35, nothing stretched
    image = Image.open(io.BytesIO(services.cards.photo(clerk, KNOWN_ID)))
    assert image.size == (295, 413)


def test_one_click_proof_of_life_for_an_enrolled_elder(qtbot, services, clerk, monkeypatch,
                                                       machine) -> None:
    from elderdesk.ui.main_window import MainWindow

    set_today(monkeypatch, "2026-08-10")
    register(services, clerk, BORN_MAY)
    services.allowance.apply(clerk, BORN_MAY, date(2026, 8, 10))
    w = MainWindow(services, clerk)
    qtbot.addWidget(w)
    w.show()
    page = w.register_page
    put_card(machine, wz_bytes(card_lines(name=NAMES[BORN_MAY], id=BORN_MAY, birth="19460520")))
    asked = []

    def question(parent, title, text, *a, **k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    page.reader.button.click()
    qtbot.waitUntil(lambda: page.lifecert_button.isVisible(), timeout=5000)
    assert page.lifecert_button.text() == "登记今日生存认证"
    page.lifecert_button.click()
    qtbot.waitUntil(lambda: not page.lifecert_button.isVisible())
    assert "2026-08-10" in asked[0] and "赵德明" in asked[0] and BORN_MAY not in asked[0]
    assert "已登记生存认证" in w.statusBar().currentMessage()
    with services.db.read() as s:
        certs = s.execute(select(LifeCertRow.cert_date)).all()
        action, key, after = s.execute(select(AuditRow.action, AuditRow.entity_key,
                                              AuditRow.after_json)
                                       .order_by(AuditRow.id.desc())).first()
    assert certs == [(date(2026, 8, 10),)]
    assert (action, key) == ("lifecert.add", BORN_MAY) and "2026-08-10" in after
    w.ops.wait_done()


def test_the_offer_is_declined_and_goes_with_the_person(qtbot, services, clerk, people,
                                                        monkeypatch, machine) -> None:
    from elderdesk.ui.main_window import MainWindow

    set_today(monkeypatch, "2026-08-10")
    register(services, clerk, BORN_MAY)
    services.allowance.apply(clerk, BORN_MAY, date(2026, 8, 10))
    w = MainWindow(services, clerk)
    qtbot.addWidget(w)
    w.show()
    page = w.register_page
    put_card(machine, wz_bytes(card_lines(name=NAMES[BORN_MAY], id=BORN_MAY, birth="19460520")))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    page.reader.button.click()
    qtbot.waitUntil(lambda: page.lifecert_button.isVisible(), timeout=5000)
    page.lifecert_button.click()  # declined: nothing recorded, the offer stays
    assert page.lifecert_button.isVisible()
    page.search_edit.setText("zsf")  # another person on screen: the offer is withdrawn
    qtbot.waitUntil(lambda: page.detail.person is not None
                    and page.detail.person.name == "张三丰")
    assert not page.lifecert_button.isVisible()
    with services.db.read() as s:
        assert s.execute(select(LifeCertRow)).first() is None
    w.ops.wait_done()


def test_lifecert_and_application_dialogs_read_the_card(qtbot, ops, services, clerk, people,
                                                        machine) -> None:
    dialog = LifecertDialog(ops, "张三丰", lambda on: on, months=12,
                            reader=(services, clerk, KNOWN_ID))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-3))
    put_card(machine, wz_bytes(NEW_CARD))
    dialog.reader.start()
    qtbot.waitUntil(lambda: dialog.reader.state == FAILED, timeout=5000)
    assert "欧阳秀珍" in dialog.reader.note.text() and "不是本次办理" in dialog.reader.note.text()
    assert NEW_ID not in dialog.reader.note.text()
    put_card(machine, wz_bytes(LINES))
    dialog.reader.start()
    qtbot.waitUntil(lambda: dialog.reader.state == DONE, timeout=5000)
    from elderdesk.services.clock import today

    assert dialog.chosen_date() == today()  # the elder is here: today's proof
    dialog.reject()

    apply = ApplicationDialog(ops, services, clerk)
    qtbot.addWidget(apply)
    apply.show()
    put_card(machine, wz_bytes(LINES))
    apply.reader.start()
    qtbot.waitUntil(lambda: apply.facts is not None, timeout=5000)
    assert apply.id_edit.text() == KNOWN_ID and apply.labels["name"].text().startswith("张三丰")
    put_card(machine, wz_bytes(NEW_CARD))  # the dialog's person is 张三丰 now
    apply.reader.start()
    qtbot.waitUntil(lambda: apply.reader.state == FAILED, timeout=5000)
    assert apply.id_edit.text() == KNOWN_ID
    apply.reject()


def test_no_reader_says_so_and_nothing_breaks(qtbot, window, monkeypatch) -> None:
    monkeypatch.delenv("ELDERDESK_READER")
    page = window.register_page
    window.show_page(window.stack.indexOf(window.cards_page))
    window.menus.read_action.trigger()  # from another page: 老人档案 reads
    qtbot.waitUntil(lambda: page.reader.state == NO_READER, timeout=5000)
    assert window.stack.currentWidget() is page
    assert page.reader.state_label.text() == "读卡器未连接"
    assert "没有设置身份证读卡器" in window.statusBar().currentMessage()
    assert page.reader.button.isEnabled() and page.detail.person is None
    qtbot.keyClicks(page.search_edit, "zsf")  # the page works on
    qtbot.waitUntil(lambda: page.detail.person is not None)


def test_the_wait_polls_times_out_and_cancels(qtbot, window, machine, monkeypatch) -> None:
    page = window.register_page
    reads: list[float] = []
    original = window.services.reader.read_person

    def counted(op):
        reads.append(time.monotonic())
        return original(op)

    monkeypatch.setattr(window.services.reader, "read_person", counted)
    page.reader.timeout = 1.2
    page.reader.button.click()
    qtbot.waitUntil(lambda: page.reader.state == TIMED_OUT, timeout=5000)
    assert "没有读到身份证" in window.statusBar().currentMessage()
    assert 3 <= len(reads) <= 6
    assert min(b - a for a, b in zip(reads, reads[1:], strict=False)) >= 0.29
    assert page.reader.button.isEnabled() and not page.reader.cancel_button.isVisible()
    page.reader.timeout = 30
    page.reader.button.click()
    qtbot.waitUntil(lambda: page.reader.state == WAITING)
    started = time.monotonic()
    page.reader.cancel_button.click()
    qtbot.waitUntil(lambda: page.reader.state == IDLE, timeout=2000)
    assert time.monotonic() - started < 1.5 and page.reader.button.isEnabled()
    page.reader.button.click()
    qtbot.waitUntil(lambda: page.reader.state == WAITING)
    started = time.monotonic()
    window.ops.wait_done()  # closing the window: a wait for a card is stopped, not awaited
    assert time.monotonic() - started < 2 and page.reader.state == IDLE


def test_f3_is_listed_and_means_one_thing(qtbot, window) -> None:
    rows = dict(shortcut_rows(window))
    assert rows["F3"] == "读卡"
    assert card_reader.POLL_INTERVAL >= 0.3


def test_a_card_that_fails_the_checks_is_said_without_the_full_id(qtbot, window,
                                                                   machine) -> None:
    bad = KNOWN_ID[:17] + ("0" if KNOWN_ID[17] != "0" else "1")
    put_card(machine, wz_bytes(card_lines(id=bad)))
    page = window.register_page
    page.reader.button.click()
    qtbot.waitUntil(lambda: page.reader.state == FAILED, timeout=5000)
    shown = window.statusBar().currentMessage()
    assert "校验位错误" in shown and bad not in shown and bad[-4:] in shown
    assert page.detail.person is None


@pytest.mark.parametrize("data, detail", [
    (bmp_bytes()[:200], None),  # cut short
    (b"GIF89a" + b"\x00" * 200, None),
    (bmp_bytes(40, 50), "太小"),
    (bmp_bytes()[:18] + (30000).to_bytes(4, "little", signed=True)
     + (30000).to_bytes(4, "little", signed=True) + bmp_bytes()[26:], None),  # a pixel bomb
])
def test_an_unusable_chip_photo_is_refused_in_chinese(data, detail) -> None:
    from elderdesk.domain.errors import ElderError
    from elderdesk.services.cards.photo import from_chip

    with pytest.raises(ElderError) as refused:
        from_chip(data)
    assert refused.value.code == "PHOTO_UNREADABLE"
    if detail:
        assert detail in refused.value.message


def test_a_card_with_a_broken_photo_is_read_without_it(qtbot, window, machine,
                                                       monkeypatch) -> None:
    put_card(machine, wz_bytes(NEW_CARD), bmp_bytes(40, 50))
    seen = []

    def ask_from_card(cls, parent, ops, services_, op, read):
        seen.append((read.photo, read.photo_note))
        return None

    monkeypatch.setattr(PersonDialog, "ask_from_card", classmethod(ask_from_card))
    window.register_page.reader.button.click()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0][0] is None and "太小" in seen[0][1]
