"""Record a death or a move out of the jurisdiction, with its date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from elderdesk.domain.idcard import mask_id
from elderdesk.domain.person import Person
from elderdesk.services.clock import today
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.ops import Ops

DEATH, MOVED_OUT = "death", "moved_out"

# (date, ) -> the person after the change; runs on the write thread
Recorder = Callable[[date], Person]


class EndDialog(RecordDialog):
    def __init__(self, ops: Ops, person: Person, kind: str, record: Recorder,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._record = record
        self.person = person
        death = kind == DEATH
        self.setWindowTitle(self.tr("登记死亡") if death else self.tr("登记迁出"))
        self.date_edit = self._date_edit(today(), minimum=person.birth_date, maximum=today())
        form = QFormLayout()
        form.addRow(self.tr("姓名"), QLabel(person.name, self))
        form.addRow(self.tr("身份证号"), QLabel(mask_id(person.id_number), self))
        form.addRow(self.tr("死亡日期") if death else self.tr("迁出日期"), self.date_edit)
        self._finish(form, self.tr("登记后此人状态变为“已故”，高龄津贴按政策停发。此操作记入审计日志。")
                     if death else
                     self.tr("登记后此人状态变为“迁出”，高龄津贴按政策停发。此操作记入审计日志。"),
                     self.tr("确认登记"))
        self.date_edit.setFocus()

    @property
    def saved(self) -> Person | None:
        return self.result_value

    def chosen_date(self) -> date:
        return self.date_edit.date().toPython()

    def _on_ok_clicked(self) -> None:
        when = self.chosen_date()
        self._submit(lambda: self._record(when))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, person: Person, kind: str,
            record: Recorder) -> Person | None:
        """Show the dialog; the person after the change, or None if cancelled."""
        return cls._run(cls(ops, person, kind, record, parent))
