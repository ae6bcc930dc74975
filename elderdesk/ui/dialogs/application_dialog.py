"""Accept an allowance application at the counter: the person, the date, and what follows from
the policy (the month they reach the age, the earliest application date, band, first month)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QWidget,
)

from elderdesk.domain.entitlement import (
    EnrollmentFacts,
    Entitlement,
    PersonFacts,
    earliest_application_date,
)
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month
from elderdesk.services.allowance.service import STATE_NAMES
from elderdesk.services.clock import today
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.dialogs.record_dialog import RecordDialog, qdate
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import WrapLabel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.card_reader import CardRead, CardReader
from elderdesk.ui.widgets.id_check import OK, IdCheck, IdNumberEdit

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services


class ApplicationDialog(RecordDialog):
    def __init__(self, ops: Ops, services: Services, operator: Operator, id_number: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._services, self._op = services, operator
        self.facts: tuple[Any, Any, Any] | None = None  # (Person, Policy, enrollment) shown
        self.setWindowTitle(self.tr("受理高龄津贴申请"))
        day = today()
        self.id_edit = IdNumberEdit(day, self)
        self.id_edit.checked.connect(self._on_id_checked)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(qdate(day))
        self.date_edit.setDate(qdate(day))
        self.date_edit.dateChanged.connect(lambda _d: self._show_facts())
        self.labels: dict[str, QLabel] = {}
        # 读卡 (F3): fills the ID from the card, or checks the card against the valid ID there
        self.reader = CardReader(ops, services, operator, self)
        self.reader.card_read.connect(self._on_card_read)
        form = QFormLayout()
        form.addRow(self.tr("身份证号"), self.id_edit)
        form.addRow(self.tr("身份证"), self.reader)
        form.addRow(self.tr("申请日期"), self.date_edit)
        for key, text in (("name", self.tr("姓名")), ("age_month", self.tr("满龄月份")),
                          ("earliest", self.tr("最早可受理")), ("band", self.tr("津贴档次")),
                          ("first", self.tr("发放起始")), ("current", self.tr("现有申请"))):
            label = WrapLabel("", self)
            self.labels[key] = label
            form.addRow(text, label)
        self._finish(form, "", self.tr("受理"))
        self.ok_button.setEnabled(False)  # until the ID is looked up
        self.setMinimumWidth(520)
        if id_number:
            self.id_edit.setText(id_number)
            self.date_edit.setFocus()
        else:
            self.id_edit.edit.setFocus()

    def _on_card_read(self, read: CardRead) -> None:
        card = read.card
        assert card is not None
        if self.id_edit.result.info is None or \
                self.id_edit.result.info.number != card.id_number:
            self.id_edit.setText(card.id_number)  # the look-up follows
        self.date_edit.setFocus()

    # --- looking the person up ---------------------------------------------------------
    def _on_id_checked(self, result: IdCheck) -> None:
        self.facts = None
        self.reader.expected = result.info.number if result.state == OK and result.info else None
        self._show_facts()
        if result.state == OK and result.info is not None:
            number = result.info.number
            self._ops.run(lambda: self._look_up(number), lambda f: self._on_found(number, f),
                          self._on_lookup_failed)

    def _look_up(self, number: str) -> tuple[Any, Any, Any]:
        """Runs on a reader thread."""
        person = self._services.people.get(self._op, number)
        policy, _source = self._services.allowance.policy(self._op)
        return person, policy, self._services.allowance.enrollment_json(self._op, number)

    def _on_found(self, number: str, facts: tuple[Any, Any, Any]) -> None:
        current = self.id_edit.result.info
        if current is not None and current.number == number:
            self.facts = facts
            self.error_label.clear()
            self._show_facts()

    def _on_lookup_failed(self, exc: BaseException) -> None:
        self.error_label.setText(error_text(exc))

    def _show_facts(self) -> None:
        self.ok_button.setEnabled(self.facts is not None)
        if self.facts is None:
            for label in self.labels.values():
                label.clear()
            return
        person, policy, enrollment = self.facts
        on = self.date_edit.date().toPython()
        v = self.labels
        v["name"].setText(f"{person.name}（{tr_data(person.status_name)}）")
        low = policy.min_age_in(Month.of(on))
        if low is None:
            v["age_month"].setText(self.tr("申请日期时高龄津贴政策尚未实施"))
            for key in ("earliest", "band", "first"):
                v[key].clear()
        else:
            reach = Month(person.birth_date.year + low, person.birth_date.month)
            v["age_month"].setText(self.tr("{y}年{m}月满 {age} 周岁").format(
                y=reach.year, m=reach.month, age=low))
            earliest = earliest_application_date(person.birth_date, policy, on)
            v["earliest"].setText(self._earliest_text(earliest, on))
            month = max(Month.of(on), reach)
            band = policy.band_for(person.birth_date, month)
            v["band"].setText(self.tr("{band} 岁档，每月 {amount} 元").format(
                band=band.label, amount=fen_to_str(band.monthly)) if band else "")
            v["first"].setText(self._first_text(policy, person, on))
        v["current"].setText(tr_data(STATE_NAMES.get(enrollment["status"], enrollment["status"]))
                             + self.tr("（申请日期 {d}）").format(d=enrollment["applied_on"])
                             if enrollment else self.tr("无"))

    def _earliest_text(self, earliest: date | None, on: date) -> str:
        if earliest is None:
            return ""
        if on < earliest:
            return self.tr("{d}（所选日期早于此日，不能受理）").format(d=earliest.isoformat())
        return earliest.isoformat()

    def _first_text(self, policy: Any, person: Any, on: date) -> str:
        """The first month this application would pay, as the entitlement engine counts it."""
        first = Entitlement(policy, PersonFacts(person.birth_date),
                            [EnrollmentFacts(on, approved=True)]).first_month()
        if first is None:
            return ""
        text = self.tr("{y}年{m}月起（经审核审批后）").format(y=first.year, m=first.month)
        if first < Month.of(on):
            text += self.tr("；申请前的月份随花名册一并补发")
        return text

    # --- accepting ---------------------------------------------------------------------
    def _on_ok_clicked(self) -> None:
        if self.facts is None:
            return
        number, on = self.facts[0].id_number, self.date_edit.date().toPython()
        allowance, op = self._services.allowance, self._op
        self._submit(lambda: allowance.apply(op, number, on))

    @property
    def applied(self) -> str | None:
        """The ID number whose application was accepted."""
        return self.result_value

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, services: Services, operator: Operator,
            id_number: str = "") -> str | None:
        """Show the dialog; the ID number whose application was accepted, or None."""
        return cls._run(cls(ops, services, operator, id_number, parent))
