"""The roster page (发放花名册): build a period off the GUI thread, its lines and items, compare,
freeze, export the bank file and the printed roster; and the recoveries list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month, Period
from elderdesk.domain.progress import Cancelled
from elderdesk.domain.roster import RosterView
from elderdesk.domain.states import RosterStatus
from elderdesk.services.clock import today
from elderdesk.ui.dialogs.compare_dialog import CompareDialog
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.freeze_dialog import FreezeDialog
from elderdesk.ui.errors import error_text, show_status
from elderdesk.ui.layout import FlowLayout, WrapLabel
from elderdesk.ui.models.roster_models import (
    L_COMMUNITY,
    L_ITEMS,
    L_OFFICE,
    RosterItemsTableModel,
    RosterLinesTableModel,
    RosterSubtotalsTableModel,
    street_text,
)
from elderdesk.ui.ops import Ops, Task
from elderdesk.ui.pages.recoveries_tab import RecoveriesTab
from elderdesk.ui.widgets.record_table import record_table
from elderdesk.ui.widgets.street_filter import StreetFilter
from elderdesk.ui.widgets.unmask import guard_unmask

if TYPE_CHECKING:
    from elderdesk.services.allowance.service import CurrentPolicy
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services



class RosterPage(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self.view: RosterView | None = None
        self._task: Task | None = None
        self._period_kind: str | None = None
        self.model = RosterLinesTableModel(self)
        self.items_model = RosterItemsTableModel(self)
        self.subtotals_model = RosterSubtotalsTableModel(self)  # a district's streets
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_roster_tab(), self.tr("花名册"))
        self.recoveries = RecoveriesTab(ops, services, operator, self)
        self.tabs.addTab(self.recoveries, self.tr("追回款"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._update_actions()

    def _build_roster_tab(self) -> QWidget:
        tab = QWidget(self)
        self.period_edit = QLineEdit(tab)
        self.period_edit.setPlaceholderText(self.tr("如 2026Q3"))
        self.period_edit.setMaximumWidth(120)
        self.period_edit.returnPressed.connect(self.show_period)
        self.period_edit.textChanged.connect(lambda _t: self._update_actions())
        self.show_button = self._button(tab, self.tr("查看"), "", self.show_period)
        self.build_button = self._button(tab, self.tr("生成"), "Ctrl+B", self.build)
        self.compare_button = self._button(tab, self.tr("与上期比较"), "", self.compare)
        self.freeze_button = self._button(tab, self.tr("冻结…"), "", self.freeze)
        self.xlsx_button = self._button(tab, self.tr("导出银行文件…"), "", self.export_xlsx)
        self.pdf_button = self._button(tab, self.tr("打印花名册PDF…"), "Ctrl+P", self.export_pdf)
        # shown while a build runs: the build is one transaction, so cancelling leaves the
        # previous draft as it was
        self.cancel_button = self._button(tab, self.tr("取消生成"), "", self.cancel_build)
        self.cancel_button.setVisible(False)
        self._building = False
        self.unmask_check = guard_unmask(QCheckBox(self.tr("显示完整身份证号"), tab), self._op)
        self.unmask_check.toggled.connect(lambda on: self.model.set_masked(not on))
        top = FlowLayout()  # wraps in a narrow window at a large font
        top.addWidget(QLabel(self.tr("期次"), tab))
        top.addWidget(self.period_edit)
        self.street_filter = StreetFilter(self._ops, self._services, self._op, tab)  # district
        self.street_filter.found_district.connect(self._use_streets)
        self.street_filter.street_changed.connect(lambda _s: self._show_lines())
        top.addWidget(self.street_filter)
        for b in (self.show_button, self.build_button, self.cancel_button, self.compare_button,
                  self.freeze_button, self.xlsx_button, self.pdf_button):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.unmask_check)
        self.status_label = QLabel(tab)
        self.status_label.setStyleSheet("font-weight: bold")
        self.progress = QProgressBar(tab)
        self.progress.setVisible(False)
        self.message = WrapLabel("", tab)
        self.table = record_table(tab, self.model)
        self.table.horizontalHeader().setSectionResizeMode(L_ITEMS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_line_changed)
        self.items_table = record_table(tab, self.items_model)
        self.items_table.horizontalHeader().setStretchLastSection(False)
        # at a district: subtotals per street and community beside a line's items
        self.subtotals_table = record_table(tab, self.subtotals_model)
        self.subtotals_table.horizontalHeader().setStretchLastSection(False)  # numbers together
        self.subtotals_table.setVisible(False)
        bottom = QSplitter(Qt.Orientation.Horizontal, tab)
        bottom.addWidget(self.items_table)
        bottom.addWidget(self.subtotals_table)
        bottom.setStretchFactor(1, 2)
        splitter = self._splitter = QSplitter(Qt.Orientation.Vertical, tab)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.totals_label = WrapLabel("", tab)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.totals_label)
        return tab

    def _button(self, parent: QWidget, text: str, keys: str, slot: Any) -> QPushButton:
        button = QPushButton(f"{text} ({keys})" if keys else text, parent)
        if keys:
            button.setShortcut(QKeySequence(keys))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- state -------------------------------------------------------------------------
    def period_text(self) -> str:
        return self.period_edit.text().strip().upper()

    def _shown(self) -> bool:
        return self.view is not None and self.view.period == self.period_text()

    def _update_actions(self) -> None:
        can, idle = self._op.can, self._task is None
        v = self.view if self._shown() else None
        frozen = v is not None and v.status == RosterStatus.FROZEN
        self.build_button.setEnabled(idle and can("roster.build") and bool(self.period_text())
                                     and not frozen)
        self.build_button.setVisible(can("roster.build"))
        self.show_button.setEnabled(idle)
        self.compare_button.setEnabled(idle and v is not None)
        self.freeze_button.setVisible(can("roster.freeze"))
        self.freeze_button.setEnabled(idle and v is not None and v.status == RosterStatus.DRAFT)
        for b in (self.xlsx_button, self.pdf_button):
            b.setVisible(can("roster.export"))
        self.xlsx_button.setEnabled(idle and v is not None and v.status == RosterStatus.FROZEN)
        self.pdf_button.setEnabled(idle and v is not None)
        self.cancel_button.setVisible(self._building)
        self.cancel_button.setEnabled(self._building and self._task is not None
                                      and not self._task.cancel.is_set())

    def _say(self, text: str, error: bool = False) -> None:
        show_status(self.message, text, error)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._building = False
        self.progress.setVisible(False)
        if isinstance(exc, Cancelled):
            self._say(self.tr("已取消生成，原有草稿未变"))
        else:
            self._say(error_text(exc), error=True)
        self._update_actions()

    # --- showing -----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.recoveries.refresh()
        if self._period_kind is None:
            self._ops.run(lambda: self._services.allowance.policy(self._op),
                          self._on_policy_loaded, lambda _e: None)

    def _on_policy_loaded(self, loaded: CurrentPolicy) -> None:
        self._period_kind = loaded.policy.period
        if not self.period_edit.text():
            self.period_edit.setText(str(Period.containing(Month.of(today()), self._period_kind)))
            self.show_period(quiet=True)

    def show_period(self, quiet: bool = False) -> None:
        period, roster, op = self.period_text(), self._services.roster, self._op
        if not period:
            return
        self.message.clear()
        self._ops.run(lambda: roster.show(op, period), self._show_view,
                      (lambda _e: self._show_view(None)) if quiet else self._on_show_failed)

    def _on_show_failed(self, exc: BaseException) -> None:
        self._show_view(None)
        self._say(error_text(exc), error=True)

    def _show_view(self, view: RosterView | None) -> None:
        self.view = view
        if view is None:
            self.status_label.setText(self.tr("期次 {p}：尚未生成花名册").format(p=self.period_text()))
        else:
            self.period_edit.setText(view.period)
            self.status_label.setText(self._status_text(view))
        self._show_lines()
        self._update_actions()

    def street(self) -> str | None:
        """At a district, the street chosen in the filter (None: all streets)."""
        return self.street_filter.street() if self.street_filter.district else None

    def _use_streets(self) -> None:
        """A district (issue 15): the 登记街道 column after 社区 and the subtotals table."""
        self.model.show_office(self.view.offices or {} if self.view else {})
        header = self.table.horizontalHeader()
        header.moveSection(header.visualIndex(L_OFFICE), header.visualIndex(L_COMMUNITY) + 1)
        self.subtotals_table.setVisible(True)
        total = sum(self._splitter.sizes())
        if total > 0:  # room for the subtotals: the lines take 3/5
            self._splitter.setSizes([total * 3 // 5, total - total * 3 // 5])
        self._show_lines()

    def _show_lines(self) -> None:
        """The shown view's lines (a district: only the chosen street's), the subtotals and the
        totals (a chosen street's count and sums first, then the whole roster's)."""
        view, street = self.view, self.street()
        lines = () if view is None else view.lines if street is None else tuple(
            ln for ln in view.lines if ln.office == street)
        names = (view.offices if view else None) or {}
        if self.street_filter.district:
            self.model.show_office(names)
            self.subtotals_model.set_lines(lines, names, street)
        self.model.set_rows(lines)
        self.items_model.set_items([])
        if view is None:
            self.totals_label.clear()
            return
        text = self._totals_text(view)
        if street is not None:
            paid = sum(ln.paid_fen for ln in lines)
            text = self.tr("{s}：{n} 行，发放 {people} 人，合计 {paid} 元；追回 {recovery} 元。"
                           "全区").format(
                s=street_text(street, names), n=len(lines),
                people=sum(1 for ln in lines if ln.payments),
                paid=fen_to_str(paid, grouping=True),
                recovery=fen_to_str(sum(ln.recovery_fen for ln in lines), grouping=True)) + text
        self.totals_label.setText(text)
        if lines:
            self.table.selectRow(0)

    def _status_text(self, v: RosterView) -> str:
        if v.status == RosterStatus.FROZEN and v.frozen_at is not None:
            return self.tr("{p} 花名册：已冻结（{at}，{who}）").format(
                p=v.period, at=v.frozen_at.strftime("%Y-%m-%d %H:%M"), who=v.frozen_by or "")
        return self.tr("{p} 花名册：草稿（{at} 由 {who} 生成，冻结前可重新生成）").format(
            p=v.period, at=v.built_at.strftime("%Y-%m-%d %H:%M"), who=v.built_by)

    def _totals_text(self, v: RosterView) -> str:
        t = {k: (n if k == "people" else fen_to_str(n, grouping=True))
             for k, n in v.totals_fen().items()}
        return self.tr("合计：发放 {people} 人，正常发放 {regular} 元，补发 {arrears} 元，"
                       "发放合计 {paid} 元；追回 {recovery} 元（另列，不从发放中扣除）").format(**t)

    def _on_line_changed(self, *_args: object) -> None:
        line = self.model.row_at(self.table.currentIndex().row())
        self.items_model.set_items(line.items if line else [])

    # --- actions -----------------------------------------------------------------------
    def build(self) -> None:
        """Check for enrolled people without a bank account first (warned: they will be
        withheld), then build in the background."""
        period, roster, op = self.period_text(), self._services.roster, self._op
        if not self.build_button.isEnabled():
            return
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._say(self.tr("正在检查银行账号……"))
        self._task = self._ops.run_task(lambda _t: roster.missing_accounts(op),
                                        lambda found: self._build_checked(period, found),
                                        self._failed)
        self._update_actions()

    def _build_checked(self, period: str, missing: list) -> None:
        self._task = None
        if missing and not self.confirm_missing_accounts(
                len(missing), self.tr("生成花名册"),
                self.tr("生成的花名册不会发放给他们（账号待补录），补录后生成的花名册将补发。"
                        "仍要生成吗？")):
            self.progress.setVisible(False)
            self._say(self.tr("未生成花名册：请先补录银行账号"))
            self._update_actions()
            return
        roster, op = self._services.roster, self._op
        self._say(self.tr("正在生成 {p} 花名册……").format(p=period))
        self._building = True
        self._task = self._ops.run_task(
            lambda task: roster.build(op, period, progress=task.progress, cancel=task.cancel),
            self._on_built, self._failed, on_progress=self._on_progress, write=True)
        self._update_actions()

    def cancel_build(self) -> None:
        """Stop the running build: it rolls back, the previous draft (if any) stays."""
        if self._building and self._task is not None:
            self._task.request_cancel()
            self._say(self.tr("正在取消……"))
            self._update_actions()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_built(self, view: RosterView) -> None:
        self._task = None
        self._building = False
        self.progress.setVisible(False)
        self._show_view(view)
        text = self.tr("已生成 {p} 花名册草稿，共 {n} 行").format(p=view.period,
                                                             n=len(view.lines))
        missing = view.missing_accounts
        if missing:
            text += self.tr("；{n} 人因没有银行账号暂不发放（账号待补录）").format(n=len(missing))
        self._say(text, error=bool(missing))

    def compare(self) -> None:
        if not self._shown():
            return
        period, roster, op = self.period_text(), self._services.roster, self._op
        self._ops.run(lambda: roster.compare(op, period), lambda c: CompareDialog.ask(self, c),
                      self._failed)

    def freeze(self) -> None:
        view = self.view
        if view is None or not self._shown() or view.status != RosterStatus.DRAFT:
            return
        if not FreezeDialog.ask(self, view):
            return
        roster, op, period = self._services.roster, self._op, view.period
        self._task = self._ops.run_task(lambda _t: roster.freeze(op, period), self._on_frozen,
                                        self._failed, write=True)
        self._update_actions()

    def _on_frozen(self, view: RosterView) -> None:
        self._task = None
        self._show_view(view)
        self._say(self.tr("{p} 花名册已冻结").format(p=view.period))
        self.recoveries.refresh()

    def export_xlsx(self) -> None:
        self._export("xlsx", self.tr("导出银行文件"), self.tr("高龄津贴银行发放_{p}.xlsx"),
                     self.tr("Excel 工作簿 (*.xlsx)"))

    def export_pdf(self) -> None:
        self._export("pdf", self.tr("打印花名册PDF"), self.tr("高龄津贴发放花名册_{p}.pdf"),
                     self.tr("PDF 文件 (*.pdf)"))

    def _export(self, kind: str, title: str, name: str, file_filter: str) -> None:
        button = self.xlsx_button if kind == "xlsx" else self.pdf_button
        if self.view is None or not button.isEnabled():
            return
        period, street = self.view.period, self.street()  # a chosen street: its part only
        missing = tuple(w for w in self.view.missing_accounts if street is None
                        or w.office == street) if kind == "xlsx" else ()
        if missing and not self.confirm_missing_accounts(
                len(missing), self.tr("导出银行文件"),
                self.tr("他们不列入银行文件，名单在工作表“待补录账号”中。仍要导出吗？")):
            return
        path = FileDialog.ask_save(self, title, name.format(p=period if street is None else
                                                           f"{period}_{street}"), file_filter)
        if path is None:
            return
        export, op = self._services.roster.export, self._op
        only = {} if street is None else {"office": street}
        self._say(self.tr("正在导出……"))
        self._task = self._ops.run_task(lambda _t: export(op, period, **{kind: path}, **only),
                                        lambda files: self._on_exported(files), self._failed,
                                        write=True)
        self._update_actions()

    def _on_exported(self, files: list) -> None:
        self._task = None
        text = self.tr("已保存：{files}").format(files="、".join(str(f) for f in files))
        missing = getattr(files, "missing_accounts", 0)
        if missing:
            text += self.tr("；{n} 人没有银行账号，未列入银行文件，见工作表“待补录账号”").format(
                n=missing)
        self._say(text, error=bool(missing))
        self._update_actions()

    def confirm_missing_accounts(self, n: int, title: str, consequence: str) -> bool:
        """Warn that n people have no valid bank account and how to fix it; True to go on."""
        text = self.tr("有 {n} 人享受高龄津贴但没有有效的开户银行和银行账号（12 到 30 位数字）。"
                       "请在“老人档案”中选中此人，点“修改”补录开户银行和银行账号，"
                       "或用命令 elderdesk people account 补录。").format(n=n) + consequence
        answer = QMessageBox.warning(
            self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
