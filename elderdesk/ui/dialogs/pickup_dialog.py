"""Record that a card was handed over (领证登记): to the holder, or to an agent with their ID."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from elderdesk.domain.idcard import mask_id
from elderdesk.services.clock import today
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.id_check import BAD, IdNumberEdit

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.service import Card
    from elderdesk.services.container import Services


class PickupDialog(RecordDialog):
    def __init__(self, ops: Ops, services: Services, operator: Operator, card: Card,
                 parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._services, self._op, self.card = services, operator, card
        self.setWindowTitle(self.tr("领证登记"))
        self.self_radio = QRadioButton(self.tr("本人领取"), self)
        self.agent_radio = QRadioButton(self.tr("代领"), self)
        group = QButtonGroup(self)
        group.addButton(self.self_radio)
        group.addButton(self.agent_radio)
        self.self_radio.setChecked(True)
        self.self_radio.toggled.connect(lambda _on: self._update())
        who = QHBoxLayout()
        who.addWidget(self.self_radio)
        who.addWidget(self.agent_radio)
        who.addStretch(1)
        self.agent_name = QLineEdit(self)
        self.agent_name.setMaxLength(30)
        self.agent_name.setPlaceholderText(self.tr("代领人姓名"))
        self.agent_id = IdNumberEdit(today(), self)
        self.date_edit = self._date_edit(today(), minimum=card.issued_on, maximum=today())
        form = QFormLayout()
        form.addRow(self.tr("老年证"), QLabel(self.tr("{no}（{type}）").format(
            no=card.card_no, type=tr_data(card.type_name)), self))
        form.addRow(self.tr("持证人"), QLabel(self.tr("{name}　{id}").format(
            name=card.name, id=mask_id(card.id_number)), self))
        form.addRow(self.tr("领取人"), who)
        form.addRow(self.tr("代领人姓名"), self.agent_name)
        form.addRow(self.tr("代领人身份证号"), self.agent_id)
        form.addRow(self.tr("领取日期"), self.date_edit)
        self._finish(form, self.tr("请核验领取人的身份证原件：本人领取核对本人证件，代领核对代领人证件"
                                   "并登记其姓名和身份证号。"), self.tr("确认领取"))
        self._update()
        self.self_radio.setFocus()

    def _update(self) -> None:
        agent = self.agent_radio.isChecked()
        self.agent_name.setEnabled(agent)
        self.agent_id.setEnabled(agent)

    def _on_ok_clicked(self) -> None:
        name = id_number = None
        if self.agent_radio.isChecked():
            name, id_number = self.agent_name.text().strip(), self.agent_id.text().strip()
            if not name or not id_number:
                self.error_label.setText(self.tr("代领须填写代领人姓名和身份证号"))
                return
            if self.agent_id.result.state == BAD:
                self.error_label.setText(self.agent_id.result.text)
                return
        cards, op, number, on = self._services.cards, self._op, self.card.id_number, \
            self.date_edit.date().toPython()
        self._submit(lambda: cards.pickup(op, number, on, name, id_number))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, services: Services, operator: Operator,
            card: Card) -> Card | None:
        """Show the dialog; the card with its pick-up recorded, or None if cancelled."""
        return cls._run(cls(ops, services, operator, card, parent=parent))
