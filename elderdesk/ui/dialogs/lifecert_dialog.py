"""Record a proof of life (生存认证) checked at the counter or at home: its date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.months import Month
from elderdesk.services.clock import today
from elderdesk.ui.dialogs.decision_dialog import qdate
from elderdesk.ui.errors import error_text
from elderdesk.ui.ops import Ops

# (date, ) -> anything; runs on the write thread
Certifier = Callable[[date], Any]


class LifecertDialog(QDialog):
    def __init__(self, ops: Ops, subject: str, record: Certifier, *,
                 covered_until: date | None = None, months: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._record, self._months = ops, record, months
        self.result_value: Any = None
        self.setWindowTitle(self.tr("登记生存认证"))
        day = today()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(day))
        self.date_edit.setDate(qdate(day))
        self.date_edit.dateChanged.connect(self._update_cover)
        self.cover_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("老人"), QLabel(subject, self))
        if covered_until is not None:
            form.addRow(self.tr("原认证有效期至"), QLabel(covered_until.isoformat(), self))
        form.addRow(self.tr("认证日期"), self.date_edit)
        form.addRow(self.tr("认证后发放至"), self.cover_label)
        note = QLabel(self.tr("请核验老人本人及身份证原件后登记。认证前暂停发放的月份将在下期"
                              "花名册中补发。"), self)
        note.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b01c1c")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("确认登记"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._update_cover()
        self.date_edit.setFocus()

    def chosen_date(self) -> date:
        return self.date_edit.date().toPython()

    def _update_cover(self, *_args: object) -> None:
        if self._months <= 0:
            self.cover_label.setText(self.tr("（政策不要求生存认证）"))
            return
        last = Month.of(self.chosen_date()) + (self._months - 1)
        self.cover_label.setText(self.tr("{y}年{m}月").format(y=last.year, m=last.month))

    def _on_ok_clicked(self) -> None:
        when = self.chosen_date()
        self.ok_button.setEnabled(False)
        self.error_label.clear()
        self._ops.run(lambda: self._record(when), self._on_saved, self._on_failed, write=True)

    def _on_saved(self, value: Any) -> None:
        self.result_value = value
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(exc))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, subject: str, record: Certifier,
            **options: Any) -> Any:
        """Show the dialog; what record returned, or None if cancelled."""
        dialog = cls(ops, subject, record, parent=parent, **options)
        try:
            return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
