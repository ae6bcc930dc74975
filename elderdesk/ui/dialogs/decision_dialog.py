"""A decision on one person's record (review, approval, rejection, settling): reason and date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from elderdesk.services.clock import today
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.layout import fit_placeholder
from elderdesk.ui.ops import Ops

NO_REASON, OPTIONAL, REQUIRED = "none", "optional", "required"

# (reason or None, date) -> anything; runs on the write thread
Decider = Callable[[str | None, date], Any]


class DecisionDialog(RecordDialog):
    def __init__(self, ops: Ops, title: str, subject: str, record: Decider, *,
                 reason: str = NO_REASON, note: str = "", ok_text: str = "",
                 earliest: date | None = None, reason_label: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._record, self._reason_mode = record, reason
        self.done_ok = False
        self.setWindowTitle(title)
        day = today()
        self.date_edit = self._date_edit(
            day, maximum=day, minimum=None if earliest is None else min(earliest, day))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(
            self.tr("必填，例如：材料不全，请补交户口簿复印件") if reason == REQUIRED
            else self.tr("可不填"))
        fit_placeholder(self.reason_edit, 320)  # the example is read whole
        form = QFormLayout()
        form.addRow(self.tr("老人"), QLabel(subject, self))
        form.addRow(self.tr("日期"), self.date_edit)
        self.reason_label = QLabel(reason_label or (
            self.tr("原因（必填）") if reason == REQUIRED else self.tr("意见")), self)
        if reason != NO_REASON:
            form.addRow(self.reason_label, self.reason_edit)
        else:
            self.reason_edit.hide()
            self.reason_label.hide()
        self._finish(form, note, ok_text or self.tr("确定"))
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
        self._submit(lambda: self._record(reason, when))

    def _on_saved(self, value: Any) -> None:
        self.done_ok = True
        super()._on_saved(value)

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, title: str, subject: str, record: Decider,
            **options: Any) -> Any:
        """Show the dialog; what record returned, or None if cancelled."""
        return cls._run(cls(ops, title, subject, record, parent=parent, **options))
