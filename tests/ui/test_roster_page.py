"""The roster page: build off the GUI thread, lines, items and totals, freeze after confirming,
compare, export, a stale draft refused, recoveries and settling them, and the models."""

from __future__ import annotations

from datetime import date

from elderdesk.ui.dialogs.compare_dialog import CompareDialog
from elderdesk.ui.dialogs.decision_dialog import DecisionDialog
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.freeze_dialog import FreezeDialog
from elderdesk.ui.models.roster_models import (
    L_ARREARS,
    L_BAND,
    L_ITEMS,
    L_NAME,
    L_PAID,
    L_RECOVERY,
    L_REGULAR,
    ComparisonTableModel,
    RecoveriesTableModel,
    RosterItemsTableModel,
    RosterLinesTableModel,
)
from elderdesk.ui.pages.roster_page import RosterPage
from tests.ui.allowance_helpers import BORN_MAY, BORN_SEP, approve, fake_ask, register, set_today


def make_page(qtbot, ops, services, operator) -> RosterPage:
    page = RosterPage(ops, services, operator)
    qtbot.addWidget(page)
    page.show()
    return page


def cell(model, row: int, col: int) -> str:
    return model.data(model.index(row, col))


def idle(page) -> bool:
    return page._task is None and not page._ops.is_busy()


def build(qtbot, page, period: str) -> None:
    page.period_edit.setText(period)
    page.build_button.click()
    assert page.progress.isVisible() and not page.build_button.isEnabled()  # in the background
    qtbot.waitUntil(lambda: idle(page) and page.view is not None and page.view.period == period)
    assert not page.progress.isVisible()


def enrolled(services, clerk, reviewer, approver, monkeypatch) -> None:
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    set_today(monkeypatch, "2026-09-30")


def test_build_and_freeze_a_roster(qtbot, ops, services, clerk, reviewer, approver, tmp_path,
                                   monkeypatch):
    enrolled(services, clerk, reviewer, approver, monkeypatch)
    page = make_page(qtbot, ops, services, approver)
    qtbot.waitUntil(lambda: page.period_edit.text() == "2026Q3")  # the quarter of today
    qtbot.waitUntil(lambda: page.status_label.text() == "期次 2026Q3：尚未生成花名册")
    assert not page.freeze_button.isEnabled() and not page.xlsx_button.isEnabled()
    build(qtbot, page, "2026Q3")
    assert page.model.rowCount() == 1
    m = page.model
    assert (cell(m, 0, L_NAME), cell(m, 0, L_BAND)) == ("赵德明", "80–89")
    assert (cell(m, 0, L_REGULAR), cell(m, 0, L_ARREARS), cell(m, 0, L_PAID)) == \
        ("300.00", "200.00", "500.00")
    assert cell(m, 0, L_ITEMS) == "补发 2026-05至2026-06；正常 2026-07至2026-09"
    assert page.items_model.rowCount() == 5  # the selected line's months
    assert page.totals_label.text() == ("合计：发放 1 人，正常发放 300.00 元，补发 200.00 元，"
                                        "发放合计 500.00 元；追回 0.00 元（另列，不从发放中扣除）")
    assert page.status_label.text().startswith("2026Q3 花名册：草稿")
    assert page.freeze_button.isEnabled() and not page.xlsx_button.isEnabled()

    asked = []
    monkeypatch.setattr(FreezeDialog, "ask", classmethod(
        lambda cls, parent, view: asked.append(view.totals_fen()) or True))
    page.freeze_button.click()
    qtbot.waitUntil(lambda: idle(page) and page.view.status == "frozen")
    assert asked == [{"people": 1, "regular": 30000, "arrears": 20000, "paid": 50000,
                      "recovery": 0}]
    assert services.roster.show(approver, "2026Q3").status == "frozen"
    assert page.status_label.text().startswith("2026Q3 花名册：已冻结")
    assert page.model.rowCount() == 1 and not page.freeze_button.isEnabled()

    compared = []
    monkeypatch.setattr(CompareDialog, "ask", classmethod(lambda cls, p, c: compared.append(c)))
    page.compare_button.click()
    qtbot.waitUntil(lambda: compared != [])
    assert compared[0].previous is None and [ln.id_number for ln in compared[0].new] == [BORN_MAY]

    target = tmp_path / "bank.xlsx"
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *a: target))
    page.xlsx_button.click()
    qtbot.waitUntil(lambda: idle(page) and page.message.text().startswith("已保存"))
    assert target.exists() and target.stat().st_size > 0


def test_freeze_is_not_done_when_cancelled(qtbot, ops, services, clerk, reviewer, approver,
                                           monkeypatch):
    enrolled(services, clerk, reviewer, approver, monkeypatch)
    page = make_page(qtbot, ops, services, approver)
    build(qtbot, page, "2026Q3")
    monkeypatch.setattr(FreezeDialog, "ask", classmethod(lambda cls, parent, view: False))
    page.freeze_button.click()
    assert idle(page) and services.roster.show(approver, "2026Q3").status == "draft"


def test_a_build_is_cancelled_from_the_page(qtbot, ops, services, clerk, reviewer, approver,
                                            monkeypatch):
    """取消生成 stops the build in the service (RosterService.build's cancel): it rolls back,
    so no draft is left, and the page says so; the next build works."""
    import threading

    from elderdesk.domain.errors import ElderError

    enrolled(services, clerk, reviewer, approver, monkeypatch)
    page = make_page(qtbot, ops, services, approver)
    assert not page.cancel_button.isVisible()
    gate = threading.Event()
    ops.run(lambda: gate.wait(10), lambda _r: None, write=True)  # holds the one write thread
    page.period_edit.setText("2026Q3")
    page.build_button.click()
    qtbot.waitUntil(lambda: page.cancel_button.isVisible())  # the build waits behind the gate
    assert page.cancel_button.isEnabled() and not page.build_button.isEnabled()
    page.cancel_button.click()
    assert not page.cancel_button.isEnabled()  # asked once
    gate.set()
    qtbot.waitUntil(lambda: idle(page))
    assert page.message.text() == "已取消生成，原有草稿未变"
    assert not page.cancel_button.isVisible() and page.build_button.isEnabled()
    try:
        services.roster.show(approver, "2026Q3")
        raise AssertionError("a cancelled build left a draft")
    except ElderError as exc:
        assert exc.code == "ROSTER_NOT_FOUND"
    build(qtbot, page, "2026Q3")  # not cancelled: builds as usual
    assert page.model.rowCount() == 1


def test_a_stale_draft_is_refused_in_chinese(qtbot, ops, services, clerk, reviewer, approver,
                                             monkeypatch):
    enrolled(services, clerk, reviewer, approver, monkeypatch)
    page = make_page(qtbot, ops, services, approver)
    build(qtbot, page, "2026Q3")
    services.allowance.lifecert(clerk, BORN_MAY, date(2026, 9, 30))  # a change after the build
    monkeypatch.setattr(FreezeDialog, "ask", classmethod(lambda cls, parent, view: True))
    page.freeze_button.click()
    qtbot.waitUntil(lambda: idle(page) and page.message.text() != "")
    assert page.message.text().startswith("花名册草稿生成后数据已有变动")
    assert page.view.status == "draft" and page.freeze_button.isEnabled()


def test_clerk_builds_but_cannot_freeze(qtbot, ops, services, clerk, reviewer, approver,
                                        monkeypatch):
    enrolled(services, clerk, reviewer, approver, monkeypatch)
    page = make_page(qtbot, ops, services, clerk)
    build(qtbot, page, "2026Q3")
    assert not page.freeze_button.isVisibleTo(page)
    assert page.pdf_button.isVisibleTo(page)
    reader = make_page(qtbot, ops, services, reviewer)
    assert not reader.build_button.isVisibleTo(reader)
    reader.period_edit.setText("2026q3")
    reader.show_button.click()
    qtbot.waitUntil(lambda: reader.model.rowCount() == 1)
    reader.period_edit.setText("2026-07")  # the Wuhan policy pays by quarter
    reader.show_button.click()
    qtbot.waitUntil(lambda: reader.message.text() != "")
    assert "政策按季发放" in reader.message.text() and reader.model.rowCount() == 0


def test_recoveries_after_a_late_death(qtbot, ops, services, clerk, reviewer, approver,
                                       monkeypatch):
    enrolled(services, clerk, reviewer, approver, monkeypatch)
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    set_today(monkeypatch, "2026-12-31")
    services.people.record_death(clerk, BORN_MAY, date(2026, 7, 15))  # July paid, Aug–Sep back
    page = make_page(qtbot, ops, services, approver)
    build(qtbot, page, "2026Q4")
    assert cell(page.model, 0, L_RECOVERY) == "200.00"
    assert page.totals_label.text().startswith("合计：发放 0 人")
    assert "追回 200.00 元" in page.totals_label.text()
    monkeypatch.setattr(FreezeDialog, "ask", classmethod(lambda cls, parent, view: True))
    page.freeze_button.click()
    qtbot.waitUntil(lambda: idle(page) and page.view.status == "frozen")

    tab = page.recoveries
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert tab.count_label.text() == "共 2 笔，未结清合计 200.00 元"
    fake_ask(monkeypatch, qtbot, DecisionDialog)
    tab.table.selectRow(0)
    tab.settle_button.click()
    assert [r.month for r in services.roster.recoveries(approver, open_only=True)] == ["2026-09"]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.open_check.setChecked(False)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert cell(tab.model, 0, 5) == "已结清（2026-12-31）"


def test_roster_models_contract(qtbot, qtmodeltester, services, clerk, reviewer, approver,
                                monkeypatch):
    enrolled(services, clerk, reviewer, approver, monkeypatch)
    register(services, clerk, BORN_SEP)
    approve(services, clerk, reviewer, approver, BORN_SEP, decided=date(2026, 9, 20))
    view = services.roster.build(approver, "2026Q3")
    lines = RosterLinesTableModel()
    lines.set_rows(view.lines)
    qtmodeltester.check(lines, force_py=True)
    items = RosterItemsTableModel()
    items.set_items(view.lines[0].items)
    qtmodeltester.check(items, force_py=True)
    comparison = ComparisonTableModel()
    comparison.set_comparison(services.roster.compare(approver, "2026Q3"))
    assert comparison.rowCount() == 3  # two new, one with arrears
    qtmodeltester.check(comparison, force_py=True)
    services.roster.freeze(approver, "2026Q3")
    set_today(monkeypatch, "2026-12-31")
    services.people.record_death(clerk, BORN_MAY, date(2026, 7, 15))
    services.roster.build(approver, "2026Q4")
    services.roster.freeze(approver, "2026Q4")
    recoveries = RecoveriesTableModel()
    recoveries.set_rows(services.roster.recoveries(approver))
    assert recoveries.rowCount() == 2
    qtmodeltester.check(recoveries, force_py=True)


def test_freeze_dialog_shows_the_totals(qtbot, services, clerk, reviewer, approver, monkeypatch):
    enrolled(services, clerk, reviewer, approver, monkeypatch)
    dialog = FreezeDialog(services.roster.build(approver, "2026Q3"))
    qtbot.addWidget(dialog)
    assert dialog.values["paid"].text() == "500.00 元"
    assert dialog.values["capital"].text() == "伍佰元整"
    assert dialog.values["people"].text() == "1 人"
