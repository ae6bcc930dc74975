"""The one base of every dialog that submits (login, first-start setup, person, application,
the small record dialogs...): a form, a note, a red error line, confirm/cancel; on OK the
service call runs on the write thread, the dialog closes with its result or shows the refusal
in the error line."""

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
    QVBoxLayout,
    QWidget,
)

from elderdesk.ui.errors import error_line, error_text
from elderdesk.ui.layout import FitDialog, WrapLabel
from elderdesk.ui.ops import Ops


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class RecordDialog(FitDialog):
    """Subclasses build their form, call `_finish(...)`, and call `_submit(fn)` on OK; they may
    extend `_on_failed` (focus a field) and `_on_saved`."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.result_value: Any = None

    def _date_edit(self, value: date, *, minimum: date | None = None,
                   maximum: date | None = None) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        if maximum is not None:
            edit.setMaximumDate(qdate(maximum))
        if minimum is not None:
            edit.setMinimumDate(qdate(minimum))
        edit.setDate(qdate(value))
        return edit

    def _finish(self, form: QFormLayout, note: str, ok_text: str, *,
                cancel_text: str | None = None, header: QWidget | None = None) -> None:
        """Lay out header, form, note, error line and buttons; OK calls `_on_ok_clicked`."""
        layout = QVBoxLayout(self)
        if header is not None:
            layout.addWidget(header)
        layout.addLayout(form)
        if note:
            note_label = WrapLabel(note, self)
            layout.addWidget(note_label)
        self.error_label = error_line(self)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel_text or self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _on_ok_clicked(self) -> None:
        raise NotImplementedError

    def _submit(self, fn: Callable[[], Any], busy: str = "") -> None:
        """Run fn on the write thread (busy: a text shown meanwhile)."""
        self.ok_button.setEnabled(False)
        if busy:
            self.error_label.setText(busy)
        else:
            self.error_label.clear()
        self._ops.run(fn, self._on_saved, self._on_failed, write=True)

    def _on_saved(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(exc))

    @staticmethod
    def _run(dialog: RecordDialog) -> Any:
        """exec() the dialog; what the service returned, or None if cancelled."""
        try:
            return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
