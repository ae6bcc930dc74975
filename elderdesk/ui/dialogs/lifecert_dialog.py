"""Record a proof of life (生存认证) checked at the counter or at home: its date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from elderdesk.domain.months import Month
from elderdesk.services.clock import today
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.card_reader import CardReader

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

# (date, ) -> anything; runs on the write thread
Certifier = Callable[[date], Any]


class LifecertDialog(RecordDialog):
    def __init__(self, ops: Ops, subject: str, record: Certifier, *,
                 covered_until: date | None = None, months: int = 0,
                 reader: tuple[Services, Operator, str] | None = None,
                 parent: QWidget | None = None) -> None:
        """reader: (services, operator, the person's ID) adds 读卡, which checks that the card
        on the reader is this person's and then dates the proof today."""
        super().__init__(ops, parent)
        self._record, self._months = record, months
        self.reader: CardReader | None = None
        if reader is not None:
            services, operator, number = reader
            self.reader = CardReader(ops, services, operator, self)
            self.reader.expected, self.reader.expected_text = number, subject
            self.reader.card_read.connect(self._on_card_read)
        self.setWindowTitle(self.tr("登记生存认证"))
        self.date_edit = self._date_edit(today(), maximum=today())
        self.date_edit.dateChanged.connect(self._update_cover)
        self.cover_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("老人"), QLabel(subject, self))
        if covered_until is not None:
            form.addRow(self.tr("原认证有效期至"), QLabel(covered_until.isoformat(), self))
        if self.reader is not None:
            form.addRow(self.tr("身份证"), self.reader)
        form.addRow(self.tr("认证日期"), self.date_edit)
        form.addRow(self.tr("认证后发放至"), self.cover_label)
        self._finish(form, self.tr("请核验老人本人及身份证原件后登记。认证前暂停发放的月份将在下期"
                                   "花名册中补发。"), self.tr("确认登记"))
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

    def _on_card_read(self, _read: object) -> None:
        """The elder's own card was read at the counter: the proof is today's."""
        day = today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.ok_button.setFocus()

    def _on_ok_clicked(self) -> None:
        when = self.chosen_date()
        self._submit(lambda: self._record(when))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, subject: str, record: Certifier,
            **options: Any) -> Any:
        """Show the dialog; what record returned, or None if cancelled."""
        return cls._run(cls(ops, subject, record, parent=parent, **options))
