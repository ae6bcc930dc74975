"""Stop an approved allowance for a reason other than death or move out: reason, date, note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from elderdesk.services.allowance.service import STOP_REASONS
from elderdesk.services.clock import today
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.labels import stop_reason_label
from elderdesk.ui.ops import Ops

# (date, reason code, note or None) -> anything; runs on the write thread
Stopper = Callable[[date, str, "str | None"], Any]


class StopDialog(RecordDialog):
    def __init__(self, ops: Ops, subject: str, record: Stopper,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._record = record
        self.setWindowTitle(self.tr("停发高龄津贴"))
        self.reason_combo = QComboBox(self)
        for code in STOP_REASONS:
            self.reason_combo.addItem(stop_reason_label(code), code)
        self.date_edit = self._date_edit(today())
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(200)
        self.note_edit.setMinimumWidth(320)
        self.note_edit.setPlaceholderText(self.tr("说明停发的具体情况，可不填"))
        form = QFormLayout()
        form.addRow(self.tr("老人"), QLabel(subject, self))
        form.addRow(self.tr("停发原因"), self.reason_combo)
        form.addRow(self.tr("停发日期"), self.date_edit)
        form.addRow(self.tr("备注"), self.note_edit)
        self._finish(form, self.tr("停发日期所在月份仍发放，此后月份不再发放；已发放的此后月份将列入"
                                   "追回款。死亡或迁出请在“老人档案”中登记，津贴随之自动停发。"),
                     self.tr("确认停发"))
        self.ok_button.setDefault(False)  # Enter does not stop an allowance by accident
        self.reason_combo.setFocus()

    def set_reason(self, code: str) -> None:
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(code))

    def _on_ok_clicked(self) -> None:
        when, reason = self.date_edit.date().toPython(), self.reason_combo.currentData()
        note = self.note_edit.text().strip() or None
        self._submit(lambda: self._record(when, reason, note))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, subject: str, record: Stopper) -> Any:
        """Show the dialog; what record returned, or None if cancelled."""
        return cls._run(cls(ops, subject, record, parent))
