"""Record a death or a move out of the jurisdiction, with its date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.idcard import mask_id
from elderdesk.domain.person import Person
from elderdesk.services.clock import today
from elderdesk.ui.errors import error_text
from elderdesk.ui.ops import Ops

DEATH, MOVED_OUT = "death", "moved_out"

# (date, ) -> the person after the change; runs on the write thread
Recorder = Callable[[date], Person]


class EndDialog(QDialog):
    def __init__(self, ops: Ops, person: Person, kind: str, record: Recorder,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._record = ops, record
        self.person = person
        self.saved: Person | None = None
        death = kind == DEATH
        self.setWindowTitle(self.tr("登记死亡") if death else self.tr("登记迁出"))
        day = today()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(day.year, day.month, day.day))
        b = person.birth_date
        self.date_edit.setMinimumDate(QDate(b.year, b.month, b.day))
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        form = QFormLayout()
        form.addRow(self.tr("姓名"), QLabel(person.name, self))
        form.addRow(self.tr("身份证号"), QLabel(mask_id(person.id_number), self))
        form.addRow(self.tr("死亡日期") if death else self.tr("迁出日期"), self.date_edit)
        note = QLabel(self.tr("登记后此人状态变为“已故”，高龄津贴按政策停发。此操作记入审计日志。")
                      if death else
                      self.tr("登记后此人状态变为“迁出”，高龄津贴按政策停发。此操作记入审计日志。"),
                      self)
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
        self.date_edit.setFocus()

    def chosen_date(self) -> date:
        return self.date_edit.date().toPython()

    def _on_ok_clicked(self) -> None:
        when = self.chosen_date()
        self.ok_button.setEnabled(False)
        self.error_label.clear()
        self._ops.run(lambda: self._record(when), self._on_saved, self._on_failed, write=True)

    def _on_saved(self, person: Person) -> None:
        self.saved = person
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(exc))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, person: Person, kind: str,
            record: Recorder) -> Person | None:
        """Show the dialog; the person after the change, or None if cancelled."""
        dialog = cls(ops, person, kind, record, parent)
        try:
            return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
