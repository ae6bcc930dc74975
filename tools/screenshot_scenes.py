"""The scenes of tools/screenshot.py: each drives one page or dialog and saves its PNGs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import screenshot_demo as demo
from PySide6.QtCore import QDate
from screenshot import settle, type_text

SEARCH = "王"  # a common surname: a page of results


@dataclass
class Context:
    shots: Any
    window: Any
    services: Any
    op: Any
    tmp: Path
    wait_until: Any

    @property
    def app(self) -> Any:
        return self.shots.app

    @property
    def db(self) -> Path:
        return self.tmp / "office.db"

    def page(self, page: Any) -> Any:
        self.window.show_page(self.window.stack.indexOf(page))
        settle(self.app, 0.6)
        return page


def register(ctx: Context) -> None:
    from elderdesk.ui.dialogs.person_dialog import PersonDialog

    page = ctx.page(ctx.window.register_page)
    type_text(page.search_edit, SEARCH)
    ctx.wait_until(ctx.app, lambda: page.model.query == SEARCH and page.detail.person is not None)
    page.table.selectRow(_row_born_before(page.model, "1946"))  # someone with an allowance
    ctx.wait_until(ctx.app, lambda: page.detail.person.birth_date.year < 1946)
    ctx.shots.save(ctx.window, "register_page.png")
    person = page.detail.person
    dialog = PersonDialog(ctx.window.ops, ctx.services, ctx.op, person, ctx.window)
    dialog.permit_date.setDate(QDate(2027, 11, 16))  # unused here; it starts from the real date
    ctx.shots.dialog(dialog, "person_dialog_edit.png")
    dialog = PersonDialog(ctx.window.ops, ctx.services, ctx.op, None, ctx.window)
    dialog.show()
    type_text(dialog.id_edit.edit, valid_id("42010319470418002"))
    for name, text in (("name", "赵桂兰"), ("ethnicity", "汉族"), ("phone", "13907150221"),
                       ("street", "民意街道"), ("community", "民意社区"),
                       ("household_address", "湖北省武汉市江汉区民意一路18号")):
        type_text(dialog.fields[name], text)
    dialog.household.setCurrentIndex(max(0, dialog.household.findData("local")))
    dialog.permit_date.setDate(QDate(2027, 11, 16))  # it starts from the real date
    dialog.fields["name"].setFocus()
    ctx.shots.save(dialog, "person_dialog_new.png")
    dialog.id_edit.setText("420103194704180028")
    ctx.shots.save(dialog, "person_dialog_bad_id.png")
    dialog.close()


def _row_born_before(model: Any, year: str) -> int:
    for row in range(model.rowCount()):
        born = str(model.index(row, 3).data())
        if born < year and model.index(row, 4).data() == "在册":
            return row
    return 0


def valid_id(first17: str) -> str:
    from elderdesk.domain.idcard import check_char

    return first17 + check_char(first17)


def import_workbook(ctx: Context) -> None:
    from elderdesk.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(ctx.window.ops, ctx.services, ctx.op, ctx.window)
    dialog.show()
    cwd = os.getcwd()
    os.chdir(ctx.tmp)  # the file box shows a plain file name, not a temporary folder
    try:
        dialog.file_edit.setText(_workbook(ctx).name)
        dialog.dry_run_check.setChecked(True)
        dialog.report_check.setChecked(False)
        dialog.start_button.click()
        ctx.wait_until(ctx.app, lambda: not dialog.is_running())
    finally:
        os.chdir(cwd)
    ctx.shots.save(dialog, "import_dialog.png")
    dialog.close()


def _workbook(ctx: Context) -> Path:
    """A community's register: good rows, a wrong check digit, an impossible date, a duplicate."""
    import openpyxl

    existing = ctx.services.people.search(ctx.op, SEARCH, 1)[0]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "性别", "出生日期", "社区", "联系电话"])
    ws.append(["赵桂兰", valid_id("42010319470418002"), "女", "1947-04-18", "民意社区",
               "13907150221"])
    ws.append(["孙德海", valid_id("42010319450203001"), "男", "1945-02-03", "新华社区",
               "13871002233"])
    ws.append(["钱秀珍", "420103194808080028", "女", "1948-08-08", "前进社区", "027-85551234"])
    ws.append(["吴金凤", valid_id("42010319511111004"), "男", "1951-11-11", "前进社区", ""])
    ws.append(["周建平", "420103195302300013", "男", "1953-02-30", "民意社区", ""])
    ws.append([existing.name, existing.id_number, "", "", existing.community, ""])
    path = ctx.tmp / "民意社区老人名册.xlsx"
    wb.save(path)
    return path


def cards(ctx: Context) -> None:
    from elderdesk.ui.dialogs.card_issue_dialog import CardIssueDialog

    page = ctx.page(ctx.window.cards_page)
    number = demo.ids(ctx.db, "birth_date <= '1950-01-01' AND NOT EXISTS (SELECT 1 "
                      "FROM cards c WHERE c.person_id = p.id)", 1)[0]
    page.show_person(number)
    ctx.wait_until(ctx.app, lambda: page.info is not None
                   and page.info.person.id_number == number)
    ctx.shots.save(ctx.window, "cards_page.png", 0.8)
    ctx.shots.dialog(CardIssueDialog(ctx.window.ops, ctx.services, ctx.op, page.info,
                                     ctx.window), "card_issue_dialog.png", 0.8)
    _card_pdf(ctx)


def _card_pdf(ctx: Context) -> None:
    from elderdesk.services.cards.printing import CardPrinter

    number = demo.ids(ctx.db, "EXISTS (SELECT 1 FROM cards c WHERE "
                      "c.person_id = p.id)", 1)[0]
    pdf = ctx.tmp / "card.pdf"
    CardPrinter(ctx.services.db, ctx.services.cards).print_cards(ctx.op, [number], pdf)
    ctx.shots.pdf(pdf, "card_pdf.png", 150)


def allowance(ctx: Context) -> None:
    from elderdesk.ui.dialogs.application_dialog import ApplicationDialog
    from elderdesk.ui.pages.allowance_page import DUE, LIFECERT, TO_APPROVE, TO_REVIEW

    page = ctx.page(ctx.window.allowance_page)
    names = {DUE: "allowance_due.png", TO_REVIEW: "allowance_review.png",
             TO_APPROVE: "allowance_approve.png", LIFECERT: "allowance_lifecert.png"}
    for index, name in names.items():
        page.tabs.setCurrentIndex(index)
        tab = page.lists[index]
        settle(ctx.app, 0.8)
        if tab.model.rowCount() and tab.table.currentIndex().row() < 0:
            tab.table.selectRow(0)
        ctx.shots.save(ctx.window, name)
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    ctx.shots.save(ctx.window, "allowance_policy.png")
    number = ctx.services.allowance.due_list(ctx.op)[0].id_number
    ctx.shots.dialog(ApplicationDialog(ctx.window.ops, ctx.services, ctx.op, number, ctx.window),
                     "application_dialog.png", 0.8)
    decisions(ctx, page)


def decisions(ctx: Context, page: Any) -> None:
    """The review, approval and proof-of-life dialogs (shown, never confirmed)."""
    from elderdesk.ui.dialogs.decision_dialog import OPTIONAL, DecisionDialog
    from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
    from elderdesk.ui.pages.allowance_page import LIFECERT, TO_APPROVE, TO_REVIEW

    def nothing(*_args: Any) -> None:
        return None

    subject = page._subject(page.lists[TO_REVIEW])[1]
    ctx.shots.dialog(DecisionDialog(ctx.window.ops, "审核通过", subject, nothing,
                                    reason=OPTIONAL, ok_text="审核通过", parent=ctx.window),
                     "review_dialog.png")
    subject = page._subject(page.lists[TO_APPROVE])[1]
    ctx.shots.dialog(DecisionDialog(ctx.window.ops, "批准", subject, nothing, reason="none",
                                    note="批准后自下一期花名册起发放（含应补发的月份）。",
                                    ok_text="批准", parent=ctx.window), "approve_dialog.png")
    tab = page.lists[LIFECERT]
    months = page._policy.life_cert_months if page._policy is not None else 0
    number, text = page._subject(tab)
    ctx.shots.dialog(LifecertDialog(ctx.window.ops, text, nothing,
                                    covered_until=tab.selected().due, months=months,
                                    reader=(ctx.services, ctx.op, number),
                                    parent=ctx.window), "lifecert_dialog.png")


def roster(ctx: Context) -> None:
    from elderdesk.ui.dialogs.compare_dialog import CompareDialog
    from elderdesk.ui.dialogs.freeze_dialog import FreezeDialog

    page = ctx.page(ctx.window.roster_page)
    page.period_edit.setText("2026Q4")
    page.build()
    ctx.wait_until(ctx.app, lambda: page.view is not None and page._task is None)
    ctx.shots.save(ctx.window, "roster_page.png")
    comparison = ctx.services.roster.compare(ctx.op, "2026Q4")
    ctx.shots.dialog(CompareDialog(comparison, ctx.window), "compare_dialog.png")
    ctx.shots.dialog(FreezeDialog(page.view, ctx.window), "freeze_dialog.png")
    pdf = ctx.tmp / "roster.pdf"
    ctx.services.roster.export(ctx.op, "2026Q3", pdf=pdf)
    ctx.shots.pdf(pdf, "roster_pdf.png")


def statistics(ctx: Context) -> None:
    page = ctx.page(ctx.window.statistics_page)
    page.refresh()
    ctx.wait_until(ctx.app, lambda: not page._busy)
    ctx.shots.save(ctx.window, "statistics_page.png", 1.0)
    page.tabs.setCurrentIndex(3)
    ctx.shots.save(ctx.window, "statistics_allowance.png", 1.0)


def forms(ctx: Context) -> None:
    page = ctx.page(ctx.window.forms_page)
    number = ctx.services.allowance.queue(ctx.op, "reviewed")[0].id_number
    page.set_person(number)
    page.preview()
    ctx.wait_until(ctx.app, lambda: page.data is not None)
    ctx.shots.save(ctx.window, "forms_page.png")
    forms = ctx.services.forms
    pdf = forms.write_pdf(ctx.op, forms.fill(ctx.op, "application", id_number=number),
                          ctx.tmp / "form.pdf")
    ctx.shots.pdf(pdf, "form_pdf.png", 70)


def system(ctx: Context) -> None:
    ctx.page(ctx.window.system_page)
    ctx.shots.save(ctx.window, "system_page.png", 0.8)
    _backups(ctx)


def _backups(ctx: Context) -> None:
    """The 备份 tab with a manual backup (made now, at the fixed time) and three daily ones."""
    import shutil

    from elderdesk.services.safety.service import SafetyService

    made = SafetyService(ctx.services.db).create_backup(ctx.op)
    for day in ("13", "14", "15"):
        shutil.copyfile(made, made.with_name(f"{ctx.db.stem}-202611{day}-0830{day}-daily.db"))
    page = ctx.window.system_page
    tab = page.backups_tab
    page.tabs.setCurrentWidget(tab)
    tab.refresh()
    ctx.wait_until(ctx.app, lambda: tab.model.rowCount() == 4)
    tab.folder_label.setText("E:\\ElderDesk备份")  # as the manual says, not the temporary folder
    tab.table.selectRow(1)
    ctx.shots.save(ctx.window, "backup_tab.png")


def reading(ctx: Context) -> None:
    """读卡 with the folder driver: the new-person dialog filled in from a card with its chip
    photo, and the card issue dialog with a registered person's chip photo in the frame."""
    from elderdesk.ui.dialogs.card_issue_dialog import CardIssueDialog
    from elderdesk.ui.dialogs.person_dialog import PersonDialog

    folder = ctx.tmp / "cards"
    saved = {k: os.environ.get(k) for k in ("ELDERDESK_READER", "ELDERDESK_SETTINGS")}
    os.environ["ELDERDESK_READER"] = f"folder:{folder}"
    os.environ["ELDERDESK_SETTINGS"] = str(ctx.tmp / "pc" / "settings.ini")  # not this PC's
    try:
        new_id = valid_id("42010319431105004")
        read = _read(ctx, folder, ["刘淑珍", "女", "汉", "19431105",
                                   "湖北省武汉市江汉区唐家墩街道新华路218号3栋2单元501室", new_id,
                                   "武汉市公安局江汉分局", "20160322-长期"])
        dialog = PersonDialog(ctx.window.ops, ctx.services, ctx.op, None, ctx.window)
        dialog.fill_from_card(read)
        dialog.show()
        dialog.chip_check.setChecked(True)
        dialog.permit_date.setDate(QDate(2027, 11, 16))  # it starts from the real date
        ctx.shots.save(dialog, "person_dialog_card.png", 0.8)
        dialog.close()
        page = ctx.page(ctx.window.cards_page)
        number = demo.ids(ctx.db, "birth_date <= '1950-01-01' AND NOT EXISTS (SELECT 1 "
                          "FROM cards c WHERE c.person_id = p.id)", 2)[1]
        page.show_person(number)
        ctx.wait_until(ctx.app, lambda: page.info is not None
                       and page.info.person.id_number == number)
        person = page.info.person
        read = _read(ctx, folder, [person.name, "男" if person.sex == "M" else "女", "汉",
                                   person.birth_date.strftime("%Y%m%d"),
                                   person.household_address or "湖北省武汉市江汉区民意一路18号",
                                   number, "武汉市公安局江汉分局", "20150601-长期"])
        dialog = CardIssueDialog(ctx.window.ops, ctx.services, ctx.op, page.info, ctx.window)
        dialog.show()
        dialog.reader._set_state("done", "")
        dialog._on_card_read(read)
        ctx.wait_until(ctx.app, lambda: dialog.preview_image is not None
                       and dialog._generation == dialog._preview_done)
        ctx.shots.save(dialog, "card_issue_chip.png", 0.8)
        dialog.close()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _read(ctx: Context, folder: Path, lines: list[str]) -> Any:
    """Write a card as a vendor tool would (wz.txt in GBK, zp.bmp) and read it as 读卡 does."""
    import threading
    from types import SimpleNamespace

    from elderdesk.ui.widgets.card_reader import read_job

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wz.txt").write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    _chip_photo().save(folder / "zp.bmp", "BMP")
    task = SimpleNamespace(progress=lambda _d, _t: None, cancel=threading.Event())
    return read_job(ctx.services, ctx.op, task, look_up=True, timeout=5)


def _chip_photo() -> Any:
    """A 102 × 126 portrait drawn like an ID card's chip photo (white ground, head, shoulders)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (102, 126), (246, 246, 244))
    draw = ImageDraw.Draw(img)
    draw.ellipse((8, 98, 94, 170), fill=(52, 60, 82))  # shoulders
    draw.rectangle((43, 80, 59, 102), fill=(226, 188, 160))  # neck
    draw.ellipse((29, 26, 73, 86), fill=(232, 196, 168))  # face
    draw.chord((26, 18, 76, 66), 180, 360, fill=(196, 198, 200))  # grey hair
    for x in (41, 57):
        draw.ellipse((x - 3, 50, x + 3, 54), fill=(60, 50, 45))
    draw.arc((43, 64, 59, 74), 20, 160, fill=(160, 90, 80), width=2)
    return img


SCENES = (register, import_workbook, cards, reading, allowance, roster, statistics, forms,
          system)
