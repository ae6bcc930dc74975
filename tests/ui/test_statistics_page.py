"""The statistics page: computed off the GUI thread on first show, tables equal to the service's
figures, charts built, exports saved, a bad month refused in Chinese."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt

from elderdesk.domain.months import Month
from elderdesk.reports.tables import cell_text
from elderdesk.services.stats.tables import all_tables
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.models.stats_models import StatTableModel
from elderdesk.ui.pages.statistics_page import StatisticsPage
from tests.ui.allowance_helpers import BORN_MAY, approve, register, set_today


def make_page(qtbot, ops, services, operator) -> StatisticsPage:
    page = StatisticsPage(ops, services, operator)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.stats is not None and not page._busy)
    return page


def rows_of(model: StatTableModel) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_tables_and_charts_show_the_service_figures(qtbot, qtmodeltester, ops, services, clerk,
                                                    reviewer, approver, people, monkeypatch):
    set_today(monkeypatch, "2026-08-20")
    register(services, clerk, BORN_MAY)
    approve(services, clerk, reviewer, approver, BORN_MAY)
    page = make_page(qtbot, ops, services, reviewer)
    assert page.message.text().startswith("统计完成")
    expected = {t.key: t for t in all_tables(
        services.stats.compute(reviewer, date(2026, 8, 20), Month(2025, 9), Month(2026, 8)))}
    for key, model in page.models.items():
        t = expected[key]
        want = [[cell_text(c) for c in row] for row in [*t.rows, *([t.total] if t.total else [])]]
        assert rows_of(model) == want, key
        assert page.headings[key].text() == t.title
    age = page.models["age"]
    assert age.data(age.index(age.rowCount() - 1, 3)) == "5"  # four people and 赵德明
    assert age.data(age.index(age.rowCount() - 1, 0), Qt.ItemDataRole.FontRole).bold()
    assert page.tabs.count() == 6 and page.tabs.tabText(3) == "津贴发放"
    assert isinstance(page.charts["age"], QChartView)
    assert len(page.charts["age"].chart().series()) == 1
    assert page.charts["coverage"].chart().series()[0].count() == 2  # covered / not: a pie
    assert not page.charts["application"].isVisibleTo(page)  # that table has no chart
    qtmodeltester.check(page.models["money_band"], force_py=True)


def test_exports_are_saved_in_the_background(qtbot, ops, services, clerk, people, tmp_path,
                                             monkeypatch):
    page = make_page(qtbot, ops, services, clerk)
    for kind, button in (("xlsx", page.xlsx_button), ("pdf", page.pdf_button)):
        target = tmp_path / f"统计.{kind}"
        monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *a, t=target: t))
        button.click()
        qtbot.waitUntil(lambda: not page._busy)
        assert page.message.text() == f"已保存：{target}"
        assert target.stat().st_size > 0
    monkeypatch.setattr(FileDialog, "ask_save", classmethod(lambda cls, *a: None))
    page.pdf_button.click()  # cancelled: nothing happens
    assert not page._busy


def test_a_bad_month_is_refused_in_chinese(qtbot, ops, services, clerk, people):
    page = make_page(qtbot, ops, services, clerk)
    page.first_edit.setText("2026-13")
    page.refresh_button.click()
    assert page.message.text() == "月份“2026-13”无法识别，请按 YYYY-MM 格式输入，例如 2026-05"
    page.first_edit.setText("2027-01")
    page.refresh_button.click()
    qtbot.waitUntil(lambda: not page._busy)
    assert page.message.text().startswith("统计月份范围 2027-01 至")
    assert page.xlsx_button.isEnabled()  # the last good figures can still be exported


def _visible_labels(chart_view) -> list[str]:
    from PySide6.QtWidgets import QGraphicsTextItem

    return [i.toPlainText() for i in chart_view.scene().items()
            if isinstance(i, QGraphicsTextItem) and i.isVisible()]


def test_every_month_is_labelled_on_the_chart(qtbot, tmp_path):
    """QtCharts hides the end labels of a category axis when they are wider than a category
    (12月 and 11月 were missing with the shipped font); repeated month names are not allowed."""
    from PySide6.QtGui import QFont, QFontDatabase

    from elderdesk.paths import resource
    from elderdesk.reports.tables import Chart, StatTable
    from elderdesk.ui.startup import FONT_FILE
    from elderdesk.ui.widgets.stat_chart import StatChartView, axis_labels

    months = [str(Month(2025, 12) + k) for k in range(12)]
    table = StatTable("money", "高龄津贴按月份", ("月份", "在享人数", "已发人数"),
                      tuple((m, 55 + k, 56 + k) for k, m in enumerate(months)), None, "",
                      Chart("bar", 0, (1, 2), title="在享与已发人数"))
    view = StatChartView()
    qtbot.addWidget(view)
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(resource(*FONT_FILE))))
    view.setFont(QFont(family[0] if family else view.font().family(), 10))
    view.resize(380, 260)
    view.set_table(table)
    view.show()
    qtbot.waitExposed(view)
    expected = ["12月", *(f"{k}月" for k in range(1, 12))]
    qtbot.waitUntil(lambda: all(m in _visible_labels(view) for m in expected))
    view.grab().save(str(tmp_path / "chart.png"))  # to look at: readable Chinese, not boxes
    assert axis_labels(["2025-05", "2026-05"]) == ["25年5月", "26年5月"]
    assert axis_labels(["2025-12", "2026-01"]) == ["12月", "1月"]
    assert axis_labels(["民意社区"]) == ["民意社区"]
