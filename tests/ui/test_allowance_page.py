"""The allowance page: one application from the due list to approval through three operators,
proof of life, stopping, the policy tab, the payment history, and the models."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from elderdesk.ui.dialogs.application_dialog import ApplicationDialog
from elderdesk.ui.dialogs.decision_dialog import DecisionDialog
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
from elderdesk.ui.dialogs.stop_dialog import StopDialog
from elderdesk.ui.models.allowance_models import (
    A_REASON,
    H_PAID,
    H_WHY,
    ApplicationsTableModel,
    DuePeopleTableModel,
    HistoryTableModel,
)
from elderdesk.ui.pages.allowance_page import (
    APPROVED,
    DUE,
    LIFECERT,
    POLICY,
    RETURNED,
    TO_APPROVE,
    TO_REVIEW,
    AllowancePage,
)
from elderdesk.ui.widgets.payment_history import PaymentHistory
from tests.conftest import wuhan_policy
from tests.ui.allowance_helpers import (
    BORN_MAY,
    BORN_SEP,
    approve,
    fake_ask,
    register,
    set_today,
)
from tests.ui.conftest import type_cjk


def make_page(qtbot, ops, services, operator) -> AllowancePage:
    page = AllowancePage(ops, services, operator)
    qtbot.addWidget(page)
    page.show()  # showing loads every list
    return page


def select(qtbot, page, tab: int, number: str) -> None:
    """Show a tab and select the row of this person once it is listed."""
    page.tabs.setCurrentIndex(tab)
    lst = page.lists[tab]
    qtbot.waitUntil(lambda: not lst.is_loading() and number in [r.id_number for r in lst.model.rows()])
    row = [r.id_number for r in lst.model.rows()].index(number)
    lst.table.selectRow(row)


def state(services, op, number):
    return services.allowance.enrollment_json(op, number)["status"]


def test_application_from_due_list_to_approval(qtbot, ops, services, clerk, reviewer, approver,
                                               monkeypatch):
    set_today(monkeypatch, "2026-08-10")
    register(services, clerk, BORN_MAY, BORN_SEP)
    # --- the clerk: the due list, then an application typed in by ID ---------------------
    page = make_page(qtbot, ops, services, clerk)
    due = page.lists[DUE]
    qtbot.waitUntil(lambda: due.model.rowCount() == 1)
    assert due.model.row_at(0).id_number == BORN_SEP  # BORN_MAY is already 80: not "due"
    assert page.tabs.tabText(DUE) == "即将满80周岁 (1)"
    shown = fake_ask(monkeypatch, qtbot, ApplicationDialog, result_attr="applied")
    due.table.selectRow(0)
    page.apply_button.click()
    facts = {k: label.text() for k, label in shown[0].labels.items()}
    assert facts["age_month"] == "2026年9月满 80 周岁"
    assert facts["earliest"] == "2026-07-01"
    assert facts["band"] == "80–89 岁档，每月 100.00 元"
    assert state(services, clerk, BORN_SEP) == "applied"

    shown = fake_ask(monkeypatch, qtbot, ApplicationDialog,
                     drive=lambda d: qtbot.keyClicks(d.id_edit.edit, BORN_MAY),
                     result_attr="applied")
    page.apply_any_button.click()
    assert shown[0].labels["first"].text() == \
        "2026年5月起（经审核审批后）；申请前的月份随花名册一并补发"
    assert state(services, clerk, BORN_MAY) == "applied"
    qtbot.waitUntil(lambda: page.lists[TO_REVIEW].model.rowCount() == 2)
    assert page.review_button is None and page.approve_button is None  # not a clerk's work

    # --- the reviewer: pass one, return the other with a reason ---------------------------
    set_today(monkeypatch, "2026-08-20")
    review = make_page(qtbot, ops, services, reviewer)
    assert review.apply_button is None
    fake_ask(monkeypatch, qtbot, DecisionDialog)
    select(qtbot, review, TO_REVIEW, BORN_MAY)
    review.review_button.click()
    assert state(services, reviewer, BORN_MAY) == "reviewed"

    def give_reason(dialog):
        dialog.ok_button.click()  # no reason yet: refused in the dialog itself
        assert dialog.error_label.text() == "请填写原因"
        type_cjk(dialog.reason_edit, "材料不全，请补交户口簿")

    fake_ask(monkeypatch, qtbot, DecisionDialog, drive=give_reason)
    select(qtbot, review, TO_REVIEW, BORN_SEP)
    review.lists[TO_REVIEW]._buttons[1][0].click()  # 审核退回
    assert state(services, reviewer, BORN_SEP) == "returned"
    select(qtbot, review, RETURNED, BORN_SEP)
    returned = review.lists[RETURNED].model
    assert returned.data(returned.index(0, A_REASON)) == "材料不全，请补交户口簿"

    # --- the approver ---------------------------------------------------------------------
    decide = make_page(qtbot, ops, services, approver)
    fake_ask(monkeypatch, qtbot, DecisionDialog)
    select(qtbot, decide, TO_APPROVE, BORN_MAY)
    decide.approve_button.click()
    stored = services.allowance.enrollment_json(approver, BORN_MAY)
    assert stored["status"] == "approved" and stored["approved_on"] == "2026-08-20"
    select(qtbot, decide, APPROVED, BORN_MAY)
    qtbot.waitUntil(lambda: decide.lists[TO_APPROVE].model.rowCount() == 0)


def test_separation_of_duties_is_shown_not_raised(qtbot, ops, services, admin, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, admin, BORN_MAY)
    services.allowance.apply(admin, BORN_MAY, date(2026, 8, 10))
    services.allowance.review(admin, BORN_MAY, True, None, date(2026, 8, 20))
    page = make_page(qtbot, ops, services, admin)
    shown = fake_ask(monkeypatch, qtbot, DecisionDialog)
    select(qtbot, page, TO_APPROVE, BORN_MAY)
    page.approve_button.click()
    assert "审批" in shown[0].error_label.text() and shown[0].ok_button.isEnabled()
    assert state(services, admin, BORN_MAY) == "reviewed"


def test_proof_of_life_then_stop(qtbot, ops, services, clerk, reviewer, approver, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    set_today(monkeypatch, "2026-09-20")  # cover from the application ends with 2026-10
    page = make_page(qtbot, ops, services, clerk)
    select(qtbot, page, LIFECERT, BORN_MAY)
    assert page.lists[LIFECERT].model.row_at(0).due == date(2026, 10, 31)
    shown = fake_ask(monkeypatch, qtbot, LifecertDialog)
    page.lifecert_button.click()
    assert shown[0].cover_label.text() == "2026年11月"
    assert services.allowance.lifecert_due(clerk) == []
    qtbot.waitUntil(lambda: page.lists[LIFECERT].model.rowCount() == 0)
    assert page.lists[APPROVED]._buttons == []  # a clerk cannot stop

    stop_page = make_page(qtbot, ops, services, approver)

    def fill(dialog):
        assert [dialog.reason_combo.itemText(i) for i in range(dialog.reason_combo.count())] == \
            ["本人申请", "重复享受", "不符合条件", "失去联系", "政策调整", "其他"]
        dialog.set_reason("lost_contact")
        dialog.date_edit.setDate(QDate(2026, 9, 15))
        type_cjk(dialog.note_edit, "多次上门未见本人")

    stops = fake_ask(monkeypatch, qtbot, StopDialog, drive=fill)
    select(qtbot, stop_page, APPROVED, BORN_MAY)
    stop_page.lists[APPROVED]._buttons[0][0].click()
    assert stops[0].error_label.text() == ""
    stored = services.allowance.enrollment_json(approver, BORN_MAY)
    assert (stored["status"], stored["end_reason"], stored["ended_on"]) == \
        ("stopped", "lost_contact", "2026-09-15")


POLICY_2027 = """
[[version]]
effective = "2027-01"
bands = [
  { min_age = 80, max_age = 89, monthly = "150" },
  { min_age = 90, max_age = 99, monthly = "300" },
  { min_age = 100, monthly = "600" },
]
"""


def test_policy_tab_and_loading_a_policy(qtbot, ops, services, clerk, admin, tmp_path,
                                         monkeypatch):
    clerk_page = make_page(qtbot, ops, services, clerk)
    clerk_page.tabs.setCurrentIndex(POLICY)
    table = clerk_page.policy_table
    qtbot.waitUntil(lambda: table.rowCount() == 3)
    # the bands as a table, the settings in words; the TOML file for admins only
    assert [table.horizontalHeaderItem(c).text() for c in range(4)] == [
        "版本", "生效月份", "年龄段", "每月金额（元）"]
    assert [table.item(0, c).text() for c in range(4)] == ["1", "2018年1月", "80–89 周岁", "100.00"]
    assert table.item(2, 2).text() == "100 周岁以上"
    words = clerk_page.policy_settings.text()
    for expected in ("年满当月起发放", "2018年1月", "每 3 个月", "按季发放"):
        assert expected in words, expected
    assert "start" not in words and "toml" not in words.lower()
    assert not clerk_page.policy_text.isVisibleTo(clerk_page)
    assert clerk_page.policy_text.toPlainText() == ""
    assert not clerk_page.load_policy_button.isVisibleTo(clerk_page)
    assert "80–89 岁每月 100.00 元" in clerk_page.policy_summary.text()
    assert "按季发放" in clerk_page.policy_summary.text()

    page = make_page(qtbot, ops, services, admin)
    page.tabs.setCurrentIndex(POLICY)
    assert page.load_policy_button.isVisible()
    qtbot.waitUntil(lambda: "start" in page.policy_text.toPlainText())
    assert page.policy_text.isVisible() and page.policy_text.isReadOnly()
    bad, good = tmp_path / "bad.toml", tmp_path / "new.toml"
    bad.write_text('start = "sometimes"\n', encoding="utf-8")
    good.write_text(wuhan_policy() + POLICY_2027, encoding="utf-8")
    chosen = [bad]
    monkeypatch.setattr(FileDialog, "ask_open", classmethod(lambda cls, *a: chosen.pop()))
    page.load_policy_button.click()
    qtbot.waitUntil(lambda: page.load_policy_button.isEnabled()
                    and page.policy_status.text() != "正在加载……")
    assert page.policy_status.text().startswith("政策文件有误")
    assert "原政策保持不变" in page.policy_status.text()
    chosen.append(good)
    page.load_policy_button.click()
    qtbot.waitUntil(lambda: "2027-01" in page.policy_summary.text())
    assert "80–89 岁每月 150.00 元" in page.policy_summary.text()
    assert services.allowance.policy(admin).source == good.read_text(encoding="utf-8")


def test_payment_history_explains_every_month(qtbot, ops, services, clerk, reviewer, approver,
                                              monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    set_today(monkeypatch, "2026-12-10")
    history = PaymentHistory(ops, services, clerk)
    qtbot.addWidget(history)
    history.show_person(BORN_MAY)
    qtbot.waitUntil(lambda: not history.loading)
    m = history.model
    months = [m.month_at(r).status.month for r in range(m.rowCount())]
    assert str(months[0]) == "2026-05" and str(months[-1]) == "2026-12"
    assert m.data(m.index(0, H_PAID)) == "100.00"
    assert m.data(m.index(0, H_WHY)) == "应发"
    assert m.data(m.index(0, H_WHY), Qt.ItemDataRole.ToolTipRole) == \
        "2026-05: 80–89 档 100.00 元，应发；已发 100.00 元"
    assert m.data(m.index(7, H_WHY)) == "未按期生存认证，暂停"  # 2026-12
    assert history.enrollment_label.text().startswith("高龄津贴：已批准，2026-08-10 申请")
    assert history.totals_label.text() == "合计：应享受 800.00 元，已发放 500.00 元"
    history.show_person(None)
    assert m.rowCount() == 0


def test_register_detail_pane_shows_the_payment_history(qtbot, window):
    page = window.register_page
    assert page.detail.history is not None
    qtbot.keyClicks(page.search_edit, "wxy")
    qtbot.waitUntil(lambda: page.detail.person is not None)
    qtbot.waitUntil(lambda: not page.detail.history.loading)
    assert page.detail.history.enrollment_label.text() == "高龄津贴：未申请"


@pytest.mark.parametrize("status", ["applied", "approved"])
def test_application_model_contract(qtbot, qtmodeltester, services, clerk, reviewer, approver,
                                    monkeypatch, status):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY, BORN_SEP)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    services.allowance.apply(clerk, BORN_SEP, date(2026, 8, 10))
    model = ApplicationsTableModel()
    model.set_rows(services.allowance.queue(clerk, status))
    assert model.rowCount() == 1
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(0, 0)).count("*") == 8
    model.set_masked(False)
    assert model.data(model.index(0, 0)) in (BORN_MAY, BORN_SEP)


def test_due_and_history_model_contract(qtbot, qtmodeltester, services, clerk, reviewer,
                                        approver, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY, BORN_SEP)
    due = DuePeopleTableModel()
    due.set_rows(services.allowance.due_list(clerk))
    assert due.data(due.index(0, 5)) == "2026年9月"
    qtmodeltester.check(due, force_py=True)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    history = HistoryTableModel()
    history.set_months(services.allowance.history(clerk, BORN_MAY))
    assert history.rowCount() == 4  # 2026-05 .. 2026-08
    qtmodeltester.check(history, force_py=True)


def test_review_opinion_from_the_dialog_reaches_the_queue_and_the_form(
        qtbot, ops, services, clerk, reviewer, approver, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    services.allowance.apply(clerk, BORN_MAY, date(2026, 8, 10))
    page = make_page(qtbot, ops, services, reviewer)
    labels = []

    def opinion(dialog):
        labels.append(dialog.reason_label.text())
        type_cjk(dialog.reason_edit, "材料齐全")

    fake_ask(monkeypatch, qtbot, DecisionDialog, drive=opinion)
    select(qtbot, page, TO_REVIEW, BORN_MAY)
    page.review_button.click()
    assert labels == ["审核意见"]
    waiting = page.lists[TO_APPROVE].model
    qtbot.waitUntil(lambda: waiting.rowCount() == 1)
    assert waiting.headerData(A_REASON, Qt.Orientation.Horizontal) == "审核意见"
    assert waiting.data(waiting.index(0, A_REASON)) == "材料齐全"
    assert page.lists[RETURNED].model.headerData(A_REASON, Qt.Orientation.Horizontal) == "退回原因"
    services.allowance.approve(approver, BORN_MAY, date(2026, 8, 20))
    form = services.forms.application(clerk, BORN_MAY)
    assert "材料齐全" in form.reviewed and "reviewer1" in form.reviewed


def test_receiving_list_shows_approver_approval_day_and_monthly_amount(
        qtbot, ops, services, clerk, reviewer, approver, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    page = make_page(qtbot, ops, services, clerk)
    select(qtbot, page, APPROVED, BORN_MAY)
    m, table = page.lists[APPROVED].model, page.lists[APPROVED].table
    shown = {m.headerData(c, Qt.Orientation.Horizontal): m.data(m.index(0, c))
             for c in range(m.columnCount()) if not table.isColumnHidden(c)}
    assert shown["审批日期"] == "2026-08-20" and shown["审批人"] == "approver1"
    assert shown["月标准（元）"] == "100.00"
    waiting = page.lists[TO_REVIEW]
    for c in range(m.columnCount()):  # the queues before approval do not show them
        if m.headerData(c, Qt.Orientation.Horizontal) in ("审批日期", "审批人", "月标准（元）"):
            assert waiting.table.isColumnHidden(c)


def test_detail_pane_names_the_approver_and_the_monthly_amount(
        qtbot, ops, services, clerk, reviewer, approver, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    history = PaymentHistory(ops, services, clerk)
    qtbot.addWidget(history)
    history.show_person(BORN_MAY)
    qtbot.waitUntil(lambda: not history.loading)
    text = history.enrollment_label.text()
    assert "2026-08-20 批准（approver1）" in text and "每月 100.00 元" in text
