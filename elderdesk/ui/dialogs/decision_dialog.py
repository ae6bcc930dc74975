"""A decision on one person's record (review, approval, rejection, settling): reason and date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from elderdesk.services.clock import today
from elderdesk.ui.errors import error_text
from elderdesk.ui.ops import Ops

NO_REASON, OPTIONAL, REQUIRED = "none", "optional", "required"

# (reason or None, date) -> anything; runs on the write thread
Decider = Callable[[str | None, date], Any]


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class DecisionDialog(QDialog):
    def __init__(self, ops: Ops, title: str, subject: str, record: Decider, *,
                 reason: str = NO_REASON, note: str = "", ok_text: str = "",
                 earliest: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._record, self._reason_mode = ops, record, reason
        self.result_value: Any = None
        self.done_ok = False
        self.setWindowTitle(title)
        day = today()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(day))
        if earliest is not None:
            self.date_edit.setMinimumDate(qdate(min(earliest, day)))
        self.date_edit.setDate(qdate(day))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(
            self.tr("必填，例如：材料不全，请补交户口簿复印件") if reason == REQUIRED
            else self.tr("可不填"))
        self.reason_edit.setMinimumWidth(320)
        form = QFormLayout()
        form.addRow(self.tr("老人"), QLabel(subject, self))
        form.addRow(self.tr("日期"), self.date_edit)
        if reason != NO_REASON:
            form.addRow(self.tr("原因（必填）") if reason == REQUIRED else self.tr("意见"),
                        self.reason_edit)
        else:
            self.reason_edit.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if note:
            note_label = QLabel(note, self)
            note_label.setWordWrap(True)
            layout.addWidget(note_label)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b01c1c")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(ok_text or self.tr("确定"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.reason_edit if reason != NO_REASON else self.date_edit).setFocus()

    def chosen_date(self) -> date:
        return self.date_edit.date().toPython()

    def reason(self) -> str | None:
        return self.reason_edit.text().strip() or None

    def _on_ok_clicked(self) -> None:
        reason, when = self.reason(), self.chosen_date()
        if self._reason_mode == REQUIRED and not reason:
            self.error_label.setText(self.tr("请填写原因"))
            self.reason_edit.setFocus()
            return
        self.ok_button.setEnabled(False)
        self.error_label.clear()
        self._ops.run(lambda: self._record(reason, when), self._on_saved, self._on_failed,
                      write=True)

    def _on_saved(self, value: Any) -> None:
        self.result_value, self.done_ok = value, True
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(exc))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, title: str, subject: str, record: Decider,
            **options: Any) -> Any:
        """Show the dialog; what record returned, or None if cancelled."""
        dialog = cls(ops, title, subject, record, parent=parent, **options)
        try:
            return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
