"""Stop an approved allowance for a reason other than death or move out: reason, date, note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.entitlement import STOP_REASONS_ZH
from elderdesk.services.allowance import STOP_REASONS
from elderdesk.services.clock import today
from elderdesk.ui.dialogs.decision_dialog import qdate
from elderdesk.ui.errors import error_text
from elderdesk.ui.ops import Ops

# (date, reason code, note or None) -> anything; runs on the write thread
Stopper = Callable[[date, str, "str | None"], Any]


class StopDialog(QDialog):
    def __init__(self, ops: Ops, subject: str, record: Stopper,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._record = ops, record
        self.result_value: Any = None
        self.setWindowTitle(self.tr("停发高龄津贴"))
        self.reason_combo = QComboBox(self)
        for code in STOP_REASONS:
            self.reason_combo.addItem(self.tr(STOP_REASONS_ZH[code]), code)
        day = today()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(qdate(day))
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(200)
        self.note_edit.setMinimumWidth(320)
        self.note_edit.setPlaceholderText(self.tr("说明停发的具体情况，可不填"))
        form = QFormLayout()
        form.addRow(self.tr("老人"), QLabel(subject, self))
        form.addRow(self.tr("停发原因"), self.reason_combo)
        form.addRow(self.tr("停发日期"), self.date_edit)
        form.addRow(self.tr("备注"), self.note_edit)
        note = QLabel(self.tr("停发日期所在月份仍发放，此后月份不再发放；已发放的此后月份将列入"
                              "追回款。死亡或迁出请在“老人档案”中登记，津贴随之自动停发。"), self)
        note.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b01c1c")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("确认停发"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.reason_combo.setFocus()

    def set_reason(self, code: str) -> None:
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(code))

    def _on_ok_clicked(self) -> None:
        when, reason = self.date_edit.date().toPython(), self.reason_combo.currentData()
        note = self.note_edit.text().strip() or None
        self.ok_button.setEnabled(False)
        self.error_label.clear()
        self._ops.run(lambda: self._record(when, reason, note), self._on_saved, self._on_failed,
                      write=True)

    def _on_saved(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(exc))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, subject: str, record: Stopper) -> Any:
        """Show the dialog; what record returned, or None if cancelled."""
        dialog = cls(ops, subject, record, parent)
        try:
            return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
