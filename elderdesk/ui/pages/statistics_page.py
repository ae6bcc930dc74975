"""The statistics page (统计): tables and charts computed off the GUI thread, exported to xlsx and
printed to PDF. Charts (QtCharts) are built when the page is first shown."""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import Month
from elderdesk.services.clock import today
from elderdesk.services.stats.tables import all_tables
from elderdesk.ui.data_text import error_message, tr_table
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.record_dialog import qdate
from elderdesk.ui.errors import error_text, show_status
from elderdesk.ui.labels import stats_tab_label
from elderdesk.ui.layout import FlowLayout, WrapLabel, elide_tabs, relative_font, scrolled
from elderdesk.ui.models.stats_models import StatTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.record_table import record_table

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services
    from elderdesk.services.stats.figures import Statistics

# (tab title, table keys of services/stats/tables.py shown on it)
TABS = (("年龄段", ("age",)), ("社区", ("community",)), ("人员状态", ("status", "application")),
        ("津贴发放", ("money", "money_band")), ("老年证", ("cards",)), ("生存认证", ("coverage",)))


class StatisticsPage(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self.stats: Statistics | None = None
        self.models: dict[str, StatTableModel] = {}
        self.views: dict[str, QTableView] = {}
        self.notes: dict[str, QLabel] = {}
        self.headings: dict[str, QLabel] = {}
        self.charts: dict[str, Any] = {}
        self._busy = False
        self._started = 0.0
        self._ticker = QTimer(self)  # elapsed seconds while a city-size register is counted
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        d = today()
        self.date_edit.setDate(qdate(d))
        last = Month.of(d)
        self.first_edit = QLineEdit(str(last - 11), self)
        self.last_edit = QLineEdit(str(last), self)
        for edit in (self.first_edit, self.last_edit):
            edit.setMaximumWidth(80)
            edit.setPlaceholderText("YYYY-MM")
            edit.returnPressed.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("统计"), self)
        self.refresh_button.clicked.connect(lambda _c=False: self.refresh())
        self.xlsx_button = QPushButton(self.tr("导出Excel…"), self)
        self.xlsx_button.clicked.connect(lambda _c=False: self.export("xlsx"))
        self.pdf_button = QPushButton(self.tr("打印PDF…"), self)
        self.pdf_button.clicked.connect(lambda _c=False: self.export("pdf"))
        top = FlowLayout()  # wraps in a narrow window at a large font
        top.addWidget(QLabel(self.tr("统计日期"), self))
        top.addWidget(self.date_edit)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("月度统计"), self))
        top.addWidget(self.first_edit)
        top.addWidget(QLabel(self.tr("至"), self))
        top.addWidget(self.last_edit)
        for b in (self.refresh_button, self.xlsx_button, self.pdf_button):
            top.addWidget(b)
        top.addStretch(1)
        self.message = WrapLabel("", self)
        self.tabs = elide_tabs(QTabWidget(self))  # a narrow window shortens, never hides, tabs
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self._update_actions()

    # --- building (on first show: QtCharts is imported then) ----------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.charts and self.tabs.count() == 0:
            self._build_tabs()
            self.refresh()

    def _build_tabs(self) -> None:
        from elderdesk.ui.widgets.stat_chart import StatChartView

        for title, keys in TABS:
            tab = QSplitter(Qt.Orientation.Horizontal, self.tabs)
            left = QWidget(tab)
            column = QVBoxLayout(left)
            column.setContentsMargins(0, 0, 0, 0)
            right = QWidget(tab)
            charts = QVBoxLayout(right)
            charts.setContentsMargins(0, 0, 0, 0)
            for key in keys:
                heading = relative_font(WrapLabel("", left), 1, bold=True)
                note = WrapLabel("", left)
                note.setStyleSheet("color: #555")
                model = StatTableModel(self)
                view = record_table(left, model, multi=True)  # columns fit: never cut a figure
                view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
                view.horizontalHeader().setMinimumSectionSize(64)
                column.addWidget(heading)
                column.addWidget(note)
                column.addWidget(view, 1)
                self.models[key], self.views[key], self.notes[key] = model, view, note
                self.headings[key] = heading
                chart = StatChartView(right)
                charts.addWidget(chart, 1)
                self.charts[key] = chart
            tab.addWidget(left)
            tab.addWidget(right)
            tab.setStretchFactor(0, 3)
            tab.setStretchFactor(1, 2)
            self.tabs.addTab(scrolled(tab, self.tabs), stats_tab_label(title))  # short windows

    # --- computing ---------------------------------------------------------------------
    def _range(self) -> tuple[date, Month, Month]:
        return (self.date_edit.date().toPython(), Month.parse(self.first_edit.text()),
                Month.parse(self.last_edit.text()))

    def refresh(self) -> None:
        if self._busy:
            return
        try:
            on, first, last = self._range()
        except ElderError as exc:
            self._say(error_message(exc), error=True)
            return

        stats, op = self._services.stats, self._op
        self._busy, self._started = True, time.monotonic()
        self._say(self.tr("正在统计……"))
        self._update_actions()

        def work() -> tuple[Any, list]:
            result = stats.compute(op, on, first, last)
            return result, all_tables(result)

        self._ticker.start()
        self._ops.run(work, self._on_computed, self._failed)

    def _tick(self) -> None:
        if self._busy:
            self._say(self.tr("正在统计……（已用 {s} 秒）").format(
                s=int(time.monotonic() - self._started)))

    def _on_computed(self, result: tuple[Any, list]) -> None:
        self._busy = False
        self._ticker.stop()
        self.stats, tables = result
        for t in map(tr_table, tables):  # the words in the interface language
            if t.key in self.models:
                self.models[t.key].set_table(t)
                self.headings[t.key].setText(t.title)
                self.notes[t.key].setText(t.note)
                self.notes[t.key].setVisible(bool(t.note))
                self.charts[t.key].set_table(t)
                self.charts[t.key].setVisible(t.chart is not None)
        self._say(self.tr("统计完成（{office}，统计日期 {on}，用时 {s:.1f} 秒）").format(
            office=self.stats.office, on=self.stats.on.isoformat(),
            s=time.monotonic() - self._started))
        self._update_actions()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._ticker.stop()
        self._say(error_text(exc), error=True)
        self._update_actions()

    def _say(self, text: str, error: bool = False) -> None:
        show_status(self.message, text, error)

    def _update_actions(self) -> None:
        self.refresh_button.setEnabled(not self._busy)
        for b in (self.xlsx_button, self.pdf_button):
            b.setEnabled(not self._busy and self.stats is not None)

    # --- export ------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        if self.stats is None or self._busy:
            return
        stats = self.stats
        if kind == "xlsx":
            path = FileDialog.ask_save(self, self.tr("导出Excel"),
                                       self.tr("统计报表_{d}.xlsx").format(d=stats.on.isoformat()),
                                       self.tr("Excel 工作簿 (*.xlsx)"))
        else:
            path = FileDialog.ask_save(self, self.tr("打印PDF"),
                                       self.tr("统计报表_{d}.pdf").format(d=stats.on.isoformat()),
                                       self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return
        service, op = self._services.stats, self._op
        self._busy = True
        self._say(self.tr("正在导出……"))
        self._update_actions()
        self._ops.run(lambda: service.export(op, stats, **{kind: path}), self._on_exported,
                      self._failed)

    def _on_exported(self, files: list) -> None:
        self._busy = False
        self._say(self.tr("已保存：{f}").format(f="、".join(str(f) for f in files)))
        self._update_actions()
