"""The audit log tab of the system page (审计日志): filters, the records newest first with their
changes in words, export to Excel, and the hash-chain check off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from elderdesk.services.audit.anchors import report_text
from elderdesk.services.audit.labels import KINDS
from elderdesk.services.audit.view import AuditQuery
from elderdesk.services.clock import today
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import FlowLayout, WrapLabel
from elderdesk.ui.models.audit_models import AU_CHANGES, AuditTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.record_table import record_table
from elderdesk.ui.widgets.unmask import guard_unmask

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services
    from elderdesk.services.safety.service import AuditCheck

NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as 不限


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("AuditTab", "不限"))
    edit.setDate(NO_DATE)
    return edit


def _date_of(edit: QDateEdit) -> date | None:
    d = edit.date()
    return None if d == NO_DATE else d.toPython()


class AuditTab(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        audit = services.audit
        self.model = AuditTableModel(ops, lambda q: audit.list(operator, q), self)
        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(self._on_failed)
        self._build()

    def _build(self) -> None:
        self.person_edit = QLineEdit(self)
        self.person_edit.setPlaceholderText(self.tr("身份证号"))
        self.person_edit.setMaxLength(40)
        self.operator_combo = QComboBox(self)
        self.operator_combo.setEditable(True)
        self.operator_combo.addItem(self.tr("全部"), None)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("全部"), None)
        for key, name in KINDS.items():
            self.kind_combo.addItem(name, key)
        self.from_edit, self.to_edit = _date_edit(self), _date_edit(self)
        self.search_button = QPushButton(self.tr("查询"), self)
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(lambda _c=False: self.search())
        self.person_edit.returnPressed.connect(self.search)
        self.unmask_check = guard_unmask(QCheckBox(self.tr("显示完整身份证号"), self), self._op)
        self.unmask_check.toggled.connect(self._on_unmask_toggled)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.clicked.connect(lambda _c=False: self.export())
        self.verify_button = QPushButton(self.tr("校验审计日志"), self)
        self.verify_button.setToolTip(self.tr("重新计算每条记录的哈希链，发现程序外的修改"))
        self.verify_button.clicked.connect(lambda _c=False: self.verify())
        filters = FlowLayout()  # wraps in a narrow window at a large font
        for text, field in ((self.tr("人员"), self.person_edit),
                            (self.tr("操作员"), self.operator_combo),
                            (self.tr("类别"), self.kind_combo),
                            (self.tr("日期从"), self.from_edit), (self.tr("至"), self.to_edit)):
            filters.addWidget(self._pair(text, field))
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        for w in (self.unmask_check, self.export_button, self.verify_button):
            filters.addWidget(w)
        self.status_label = WrapLabel("", self)
        self.table = record_table(self, self.model, stretch=AU_CHANGES)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("选中一条记录，在这里查看每项变更（原值 → 新值）"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)

    def _pair(self, text: str, field: QWidget) -> QWidget:
        """A label and its field, kept together when the filter row wraps."""
        pair = QWidget(self)
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(text, pair))
        row.addWidget(field)
        return pair

    # --- searching -------------------------------------------------------------------------
    def query(self) -> AuditQuery:
        operator = self.operator_combo.currentText().strip()
        if operator == self.operator_combo.itemText(0):
            operator = ""
        return AuditQuery(person=self.person_edit.text().strip() or None,
                          operator=operator or None, date_from=_date_of(self.from_edit),
                          date_to=_date_of(self.to_edit), kind=self.kind_combo.currentData())

    def refresh(self) -> None:
        """Load the operator names for the filter, then the newest records."""
        audit, op = self._services.audit, self._op
        self._ops.run(lambda: audit.operators(op), self._on_operators, lambda _e: None)
        self.search()

    def search(self) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("正在查询……"))
        self.detail.clear()
        self.model.set_query(self.query())

    def _on_operators(self, names: list[str]) -> None:
        current = self.operator_combo.currentText()
        self.operator_combo.clear()
        self.operator_combo.addItem(self.tr("全部"), None)
        for name in names:
            self.operator_combo.addItem(name, name)
        self.operator_combo.setCurrentText(current)

    def _on_loaded(self, n: int) -> None:
        more = self.tr("，向下滚动显示更早的记录") if self.model.canFetchMore() else ""
        self.status_label.setText(self.tr("已显示 {n} 条记录{more}").format(n=n, more=more)
                                  if n else self.tr("没有符合条件的审计记录"))
        if n and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setStyleSheet("color: #b01c1c")
        self.status_label.setText(error_text(exc))

    def _show_detail(self) -> None:
        entry = self.model.entry_at(self.table.currentIndex().row())
        self.detail.setPlainText(self.model.detail_text(entry) if entry is not None else "")

    def _on_unmask_toggled(self, checked: bool) -> None:
        self.model.set_masked(not checked)
        self._show_detail()

    # --- export and check --------------------------------------------------------------------
    def export(self) -> None:
        path = FileDialog.ask_save(self, self.tr("导出审计日志"),
                                   self.tr("审计日志_{d}.xlsx").format(d=today().isoformat()),
                                   self.tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return
        audit, op, query, masked = self._services.audit, self._op, self.query(), self.model.masked
        self.export_button.setEnabled(False)
        self.status_label.setText(self.tr("正在导出……"))
        self._ops.run(lambda: audit.export(op, query, path, masked=masked),
                      lambda n: self._on_exported(path, n), self._on_action_failed, write=True)

    def _on_exported(self, path: Path, n: int) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("已导出 {n} 条记录到 {path}").format(n=n, path=path))

    def verify(self) -> None:
        safety = self._services.safety
        op = self._op
        self.verify_button.setEnabled(False)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("正在校验审计日志……"))
        self._ops.run(lambda: safety.verify_audit(op), self._on_verified, self._on_action_failed)

    def _on_verified(self, check: AuditCheck) -> None:
        self.verify_button.setEnabled(True)
        if check.ok:
            self.status_label.setStyleSheet("color: #1c7c1c")
            self.status_label.setText(self.tr("审计日志完整：共 {n} 条记录，哈希链无断点。")
                                      .format(n=check.records))
        elif check.first_broken is not None:
            self.status_label.setStyleSheet("color: #b01c1c; font-weight: bold")
            self.status_label.setText(self.tr(
                "审计日志在第 {n} 条记录处断链：该记录或其之前的记录曾在程序外被修改。"
                "请保留现场并报告管理员，可从备份恢复核对。").format(n=check.first_broken))
        else:  # an anchor outside the database is missing: the service's report (as the CLI)

            self.status_label.setStyleSheet("color: #b01c1c; font-weight: bold")
            self.status_label.setText(report_text(check))

    def _on_action_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.verify_button.setEnabled(True)
        self._on_failed(exc)
