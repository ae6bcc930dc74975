"""The senior card page: issue with a cropped photo through the dialog, reissue fees, refusals in
Chinese, pick-up, printing (PDF, system print, preview), calibration, the detail pane's card
section, the crop widget and the card models."""

from __future__ import annotations

import subprocess
from datetime import date

from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from elderdesk.domain.person import PersonInput
from elderdesk.store.orm_cards import CardPhotoRow
from elderdesk.ui import pdf_printing
from elderdesk.ui.dialogs.calibration_dialog import CalibrationDialog
from elderdesk.ui.dialogs.card_issue_dialog import CardIssueDialog
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.pickup_dialog import PickupDialog
from elderdesk.ui.dialogs.reissue_dialog import ReissueDialog
from elderdesk.ui.models.card_models import C_FEE, C_NO, C_PICKUP, C_STATUS, CardsTableModel
from elderdesk.ui.pages.cards_page import CardsPage
from elderdesk.ui.widgets.photo_crop import PhotoCrop, fit_box
from tests.system_tools import needs
from tests.ui.allowance_helpers import fake_ask
from tests.ui.conftest import PEOPLE, make_id, type_cjk

ZHANG, ZHANG_ID = PEOPLE[0]  # born 1940: a red card
YOUNG_ID = make_id("19700202", "051")
needs_pdftotext = needs("pdftotext")


def photo_file(tmp_path, fmt="JPEG", size=(600, 800)):
    img = Image.new("RGB", size, (200, 220, 240))
    draw = ImageDraw.Draw(img)
    draw.ellipse((200, 150, 400, 420), fill=(230, 190, 160))
    path = tmp_path / ("photo.jpg" if fmt == "JPEG" else "photo.png")
    img.save(path, fmt)
    return path


def make_page(qtbot, ops, services, operator) -> CardsPage:
    page = CardsPage(ops, services, operator)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def show(qtbot, page, id_number: str):
    page.show_person(id_number)
    qtbot.waitUntil(lambda: page.info is not None and page.info.person.id_number == id_number
                    and page._loading_id is None)
    return page.info


def text_of(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_issue_a_card_with_a_cropped_photo(qtbot, ops, services, clerk, people, tmp_path,
                                           monkeypatch):
    page = make_page(qtbot, ops, services, clerk)
    info = show(qtbot, page, ZHANG_ID)
    assert page.panel.verdict.text() == "✔ 可以发证：红卡，工本费 0.00 元"
    assert page.panel.issue_button.isEnabled() and not page.panel.reissue_button.isEnabled()
    assert info.card_type == "red" and info.current is None
    path = photo_file(tmp_path)
    monkeypatch.setattr(FileDialog, "ask_open", classmethod(lambda cls, *a: path))
    moved = []

    def drive(dialog: CardIssueDialog) -> None:
        assert dialog.type_label.text() == "红卡（65 周岁以上）"
        assert dialog.fee_label.text() == "免费（首次发证）"
        dialog.choose_button.click()
        qtbot.waitUntil(dialog.crop.has_photo)
        assert dialog.crop.box() == (14, 0, 571, 800)  # the largest centred 25:35 box
        dialog.crop.set_box((100, 120, 300, 420))  # the frame moved and made smaller
        moved.append(dialog.crop.box())
        qtbot.waitUntil(lambda: dialog.preview_image is not None
                        and dialog._generation == dialog._preview_done)

    shown = fake_ask(monkeypatch, qtbot, CardIssueDialog, drive)
    page.panel.issue_button.click()
    assert shown and shown[0].error_label.text() == ""
    card = services.cards.current(clerk, ZHANG_ID)
    assert (card.status, card.card_type, card.card_no) == ("valid", "red", "4201032026000001")
    assert moved == [(100, 120, 300, 420)]
    with services.db.read() as s:
        stored = s.execute(select(CardPhotoRow)).scalar_one()
        assert (stored.crop_x, stored.crop_y, stored.crop_w, stored.crop_h) == moved[0]
        assert stored.original == path.read_bytes() and stored.original_format == "jpeg"
    assert Image.open(__import__("io").BytesIO(services.cards.photo(clerk, ZHANG_ID))).size == \
        (295, 413)
    qtbot.waitUntil(lambda: page.recent_model.rowCount() == 1 and page.info.valid is not None)
    assert "已发放红卡 4201032026000001（张三丰）" in page.message.text()
    assert not page.panel.issue_button.isEnabled() and page.panel.reissue_button.isEnabled()
    assert not page.panel.photo.pixmap().isNull()


def test_reissue_as_lost_shows_the_fee(qtbot, ops, services, clerk, people, monkeypatch):
    services.cards.issue(clerk, ZHANG_ID, date(2026, 3, 1))
    page = make_page(qtbot, ops, services, clerk)
    info = show(qtbot, page, ZHANG_ID)
    assert info.issue_refusal.code == "CARD_EXISTS"
    assert page.panel.verdict.text().startswith("已持有有效老年证（4201032026000001，红卡）")
    fees = []

    def drive(dialog: ReissueDialog) -> None:
        assert dialog.reason_combo.currentData() == "lost"
        fees.append(dialog.fee_label.text())
        dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("correction"))
        fees.append(dialog.fee_label.text())
        dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("lost"))

    fake_ask(monkeypatch, qtbot, ReissueDialog, drive)
    page.panel.reissue_button.click()
    assert fees == ["6.00 元（首次遗失、损坏补证；再次补证 12.00 元）", "0.00 元（信息更正）"]
    new = services.cards.current(clerk, ZHANG_ID)
    assert (new.card_no, new.reason, new.fee_fen) == ("4201032026000002", "lost", 600)
    qtbot.waitUntil(lambda: page.info.valid is not None
                    and page.info.valid.card_no == new.card_no)
    assert page.panel.history_model.rowCount() == 2
    fake_ask(monkeypatch, qtbot, ReissueDialog,
             lambda d: fees.append(d.fee_label.text()))
    page.panel.reissue_button.click()
    assert fees[-1] == "12.00 元（第 2 次遗失、损坏补证）"


def test_refusals_are_shown_in_chinese(qtbot, ops, services, clerk, people):
    services.people.add(clerk, PersonInput(id_number=YOUNG_ID, name="欧阳晓明"))
    far = make_id("19500308", "022")
    services.people.add(clerk, PersonInput(id_number=far, name="林淑芬",
                                           household_type="nonlocal"))
    page = make_page(qtbot, ops, services, clerk)
    show(qtbot, page, YOUNG_ID)
    text = page.panel.verdict.text()
    assert text.startswith("✘ 不能办理：欧阳晓明（420103********0510）出生于 1970-02-02，"
                           "未满 60 周岁，不能办理老年证；最早可于 2029年12月 起办理")
    assert not page.panel.issue_button.isEnabled()
    assert not page.print_bar.pdf_button.isEnabled()
    show(qtbot, page, far)
    assert "为非本地户籍，且未登记居住证，不能办理老年证" in page.panel.verdict.text()
    assert "非本地户籍，未登记居住证" in page.panel.details.text()
    services.people.record_death(clerk, ZHANG_ID, date(2026, 1, 5))
    show(qtbot, page, ZHANG_ID)
    assert "已于 2026-01-05 登记死亡" in page.panel.verdict.text()
    page.unmask_check.setChecked(True)
    assert ZHANG_ID in page.panel.details.text()


def test_pickup_by_an_agent(qtbot, ops, services, clerk, people, monkeypatch):
    services.cards.issue(clerk, ZHANG_ID)
    page = make_page(qtbot, ops, services, clerk)
    show(qtbot, page, ZHANG_ID)
    agent = make_id("19750101", "013")

    def drive(dialog: PickupDialog) -> None:
        assert not dialog.agent_name.isEnabled()
        dialog.agent_radio.setChecked(True)
        type_cjk(dialog.agent_name, "张明")
        dialog.agent_id.setText(agent)

    fake_ask(monkeypatch, qtbot, PickupDialog, drive)
    page.panel.pickup_button.click()
    card = services.cards.current(clerk, ZHANG_ID)
    assert (card.agent_name, card.agent_id_number, card.picked_up_on is not None) == \
        ("张明", agent, True)
    qtbot.waitUntil(lambda: page.info.valid.picked_up_on is not None)
    assert "由 张明 代领" in page.panel.current.text()
    assert not page.panel.pickup_button.isEnabled()


@needs_pdftotext
def test_save_pdf_through_the_page(qtbot, ops, services, clerk, people, tmp_path, monkeypatch):
    for _name, number in PEOPLE[:2]:
        services.cards.issue(clerk, number)
    page = make_page(qtbot, ops, services, clerk)
    show(qtbot, page, ZHANG_ID)
    target = tmp_path / "card.pdf"
    names = []
    monkeypatch.setattr(FileDialog, "ask_save",
                        classmethod(lambda cls, _p, _t, name, _f: names.append(name) or target))
    page.print_bar.pdf_button.click()
    qtbot.waitUntil(lambda: "已保存" in page.message.text())
    assert names == ["老年证_张三丰.pdf"] and target.exists()
    text = text_of(target)
    assert "张三丰" in text and "4201032026000001" in text
    # two cards picked in the recent list: one A4 sheet
    qtbot.waitUntil(lambda: page.recent_model.rowCount() == 2)
    page.recent_table.selectAll()
    assert page.panel.target_label.text() == "打印对象：2张"
    page.print_bar.mode_combo.setCurrentIndex(page.print_bar.mode_combo.findData("sheet"))
    target = tmp_path / "sheet.pdf"
    page.print_bar.pdf_button.click()
    qtbot.waitUntil(lambda: "sheet.pdf：2 张老年证，1 页" in page.message.text())
    text = text_of(target)
    assert "张三丰" in text and "张小花" in text


def test_system_print_and_preview(qtbot, ops, services, clerk, people, tmp_path, monkeypatch):
    services.cards.issue(clerk, ZHANG_ID)
    page = make_page(qtbot, ops, services, clerk)
    show(qtbot, page, ZHANG_ID)
    out = tmp_path / "printed.pdf"

    def fake_printer(cls, parent, name=""):
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(pdf_printing.SystemPrintDialog, "ask", classmethod(fake_printer))
    page.print_bar.print_button.click()
    qtbot.waitUntil(lambda: "已送往打印机：张三丰，1 页" in page.message.text())
    assert out.stat().st_size > 1000
    size = pdf_printing.PdfPages(out).size_pt(0)
    w_mm, h_mm = size.width() / 72 * 25.4, size.height() / 72 * 25.4
    assert abs(w_mm - 85.6) < 0.4 and abs(h_mm - 54) < 0.4  # the card, landscape (Qt's PDF
    # writer rounds the page to whole points)
    previews = []

    def fake_preview(cls, parent, path, printer_name="", title=""):
        previews.append((title, pdf_printing.PdfPages(path).count, path.exists()))
        return False

    monkeypatch.setattr(pdf_printing.PrintPreview, "ask", classmethod(fake_preview))
    page.print_bar.preview_button.click()
    qtbot.waitUntil(lambda: previews != [])
    assert previews == [("老年证打印预览：张三丰", 1, True)]


def test_print_pdf_paints_each_page(qtbot, services, clerk, people, tmp_path):
    for _name, number in PEOPLE[:2]:
        services.cards.issue(clerk, number)
    source = tmp_path / "two.pdf"
    services.cards.printer.print_cards(clerk, [n for _x, n in PEOPLE[:2]], source, "overlay")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert pdf_printing.print_pdf(printer, source) == 2
    copy = pdf_printing.PdfPages(tmp_path / "out.pdf")
    assert copy.count == 2 and round(copy.size_pt(0).width() / 72 * 25.4) == 153
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Custom


def test_calibration_dialog_saves_the_offset(qtbot, ops, services, clerk, tmp_path,
                                             monkeypatch):
    dialog = CalibrationDialog(ops, services, clerk, ["Card-Printer"], "Card-Printer")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current_label.text() == "X +0.0 毫米，Y +0.0 毫米")
    dialog.x_spin.setValue(-1.5)
    dialog.y_spin.setValue(2.0)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    assert services.cards.printer.calibration(clerk, "Card-Printer") == (-1.5, 2.0)
    assert services.cards.printer.calibration(clerk, "Other") == (0.0, 0.0)
    page = tmp_path / "calibration.pdf"
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *a: page))
    dialog.pdf_button.click()
    qtbot.waitUntil(lambda: "已保存校准页" in dialog.page_label.text())
    assert page.exists()


def test_detail_pane_card_section_opens_the_cards_page(qtbot, window, services, clerk):
    services.cards.issue(clerk, ZHANG_ID)
    register = window.register_page
    register.search_edit.setText(ZHANG_ID)
    summary = window.cards_page.summary
    qtbot.waitUntil(lambda: summary.card is not None)
    assert summary.isVisible()
    assert summary.values["card_no"].text() == "4201032026000001"
    assert summary.values["type"].text() == "红卡"
    assert summary.values["status"].text() == "有效，未领取"
    summary.open_button.click()
    assert window.stack.currentWidget() is window.cards_page
    qtbot.waitUntil(lambda: window.cards_page.info is not None)
    assert window.cards_page.info.person.id_number == ZHANG_ID
    assert window.cards_page.register_button.text() == "使用档案页所选：张三丰"


def test_photo_crop_keeps_the_1_inch_frame(qtbot):
    assert fit_box((-50, 900, 9999, 1), 600, 800) == (0, 1, 571, 799)
    assert fit_box((580, 10, 100, 140), 600, 800) == (500, 10, 100, 140)
    crop = PhotoCrop()
    qtbot.addWidget(crop)
    crop.resize(300, 400)
    crop.show()
    from PySide6.QtGui import QImage

    image = QImage(600, 800, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    crop.set_photo(image, QSize(600, 800))
    crop.set_box((100, 100, 200, 280))
    x, y, w, h = crop.box()
    rect = crop._box_rect()
    centre = rect.center().toPoint()
    qtbot.mousePress(crop, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(crop, centre + QPoint(20, 10))
    qtbot.mouseRelease(crop, Qt.MouseButton.LeftButton, pos=centre + QPoint(20, 10))
    scale = rect.width() / w
    nx, ny, nw, nh = crop.box()
    assert (nw, nh) == (w, h) and abs(nx - (x + 20 / scale)) <= 1 and abs(ny - (y + 10 / scale)) <= 1
    qtbot.keyClick(crop, Qt.Key.Key_Plus)
    assert crop.box()[2] == round(w * 1.05) and crop.box()[3] == round(crop.box()[2] * 1.4)


def test_card_models_contract(qtmodeltester, services, clerk, people):
    services.cards.issue(clerk, ZHANG_ID, date(2026, 3, 1))
    services.cards.reissue(clerk, ZHANG_ID, "damaged", date(2026, 4, 1))
    services.cards.pickup(clerk, ZHANG_ID, date(2026, 4, 2))
    model = CardsTableModel()
    qtmodeltester.check(model, force_py=True)
    model.set_rows(services.cards.cards(clerk, ZHANG_ID))
    qtmodeltester.check(model, force_py=True)
    cell = lambda r, c: model.data(model.index(r, c))  # noqa: E731
    assert (cell(0, C_NO), cell(0, C_STATUS), cell(1, C_FEE)) == \
        ("4201032026000001", "已换发（2026-04-01）", "6.00")
    assert cell(1, C_PICKUP) == "2026-04-02 本人领取"
    assert model.data(model.index(0, 2)) == "420103********0114"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "编号"


def test_find_by_pinyin_and_pick_from_the_recent_list(qtbot, ops, services, clerk, people):
    services.cards.issue(clerk, PEOPLE[2][1])  # 王秀英
    page = make_page(qtbot, ops, services, clerk)
    assert not page.people_table.isVisible()
    qtbot.keyClicks(page.search_edit, "zsf")
    qtbot.waitUntil(lambda: page.info is not None and page.info.person.name == "张三丰")
    assert page.people_table.isVisible() and page.people_model.rowCount() == 1
    assert page.panel.target_label.text() == "打印对象：无（选中的人没有有效老年证）"
    qtbot.waitUntil(lambda: page.recent_model.rowCount() == 1)
    page.recent_table.selectRow(0)
    qtbot.waitUntil(lambda: page.info.person.name == "王秀英")
    assert page.panel.target_label.text() == "打印对象：王秀英"
    assert page.print_bar.pdf_button.isEnabled()
