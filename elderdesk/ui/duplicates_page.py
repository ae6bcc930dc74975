"""The 疑似重复 tab of the system page (issue 15, multi-office.md §5, 应退尽退): at a district,
every ID number live at two streets, one row per street's registration (street, name, status,
application state), and 导出 Excel (the same workbook as `exchange duplicates --xlsx`).
Everything goes through services.duplicates (DuplicatesService: list, write_xlsx) on the
background threads; ID numbers are shown masked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from elderdesk.domain.idcard import mask_id
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import WrapLabel
from elderdesk.ui.models.base import Index, MaskedTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.record_table import record_table

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

(C_ID, C_NAME, C_OFFICE, C_OFFICE_NAME, C_COMMUNITY, C_STATUS, C_APPLICATION, C_APPLIED,
 C_APPROVED, C_LIVE) = range(10)


class DuplicatesModel(MaskedTableModel):
    """One row per registration: (id_number, registration JSON of the service)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("身份证号"), self.tr("姓名"), self.tr("登记街道代码"),
                         self.tr("登记街道"), self.tr("社区"), self.tr("人员状态"),
                         self.tr("申请状态"), self.tr("申请日期"), self.tr("批准日期"),
                         self.tr("在册或在办")]

    def set_duplicates(self, duplicates: list[Any]) -> None:
        self.beginResetModel()
        self._rows = [(d.id_number, r.to_json()) for d in duplicates for r in d.registrations]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        if row is None or role not in (Qt.ItemDataRole.DisplayRole,
                                       Qt.ItemDataRole.ToolTipRole):
            return None
        number, r = row
        values = (mask_id(number) if self.masked else number, r["name"], r["office"],
                  r["office_name"], r["community"] or "", r["status_label"],
                  r["application_label"], r["applied_on"] or "", r["approved_on"] or "",
                  self.tr("是") if r["live"] else self.tr("否"))
        return values[index.column()]


class DuplicatesPage(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._loaded = False
        self.model = DuplicatesModel(self)
        self.table = record_table(self, self.model, stretch=C_OFFICE_NAME)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.clicked.connect(self.export_xlsx)
        self.count_label = QLabel(self.tr("疑似重复 {n} 人").replace("{n}", "…"), self)
        self.message_label = WrapLabel("", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        # What to do in the GUI: the register and the allowance queues have a street filter.
        self.hint_label = WrapLabel(self.tr(
            "同一身份证号在两个街道都在册，或都有在办、已批准的高龄津贴申请（疑似重复享受，"
            "应退尽退）。两处登记都保留，同一人只能批准一份。下表每行是一个街道的登记（见"
            "“登记街道”列）：办理时在“老人档案”或“高龄津贴”页的街道筛选中选定该街道，再打开"
            "此人那一行（例如对另一份申请不予批准）；核实后通知两个街道。"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        self._ops.run(lambda: self._services.duplicates.list(self._op), self._show, self._fail)

    def _show(self, duplicates: list[Any]) -> None:
        self.model.set_duplicates(duplicates)
        self.table.resizeColumnsToContents()
        self.count_label.setText(self.tr("疑似重复 {n} 人").replace("{n}", str(len(duplicates))))
        self.export_button.setEnabled(bool(duplicates))

    def _fail(self, exc: BaseException) -> None:
        self.message_label.setText(error_text(exc))

    def export_xlsx(self) -> None:
        path = FileDialog.ask_save(self, self.tr("导出疑似重复名单"), "疑似重复名单.xlsx",
                                   self.tr("Excel 文件 (*.xlsx)"))
        if path is None:
            return
        self._ops.run(lambda: self._services.duplicates.write_xlsx(self._op, Path(path)),
                      lambda found: self.message_label.setText(
                          self.tr("已导出 {n} 人到 {path}").replace("{n}", str(len(found)))
                          .replace("{path}", str(path))), self._fail, write=False)
