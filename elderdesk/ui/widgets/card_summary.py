"""The senior card section of the register's detail pane: the current card and a 办证 button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from elderdesk.domain.cards import STATUS_NAMES
from elderdesk.domain.person import Person
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.models.card_models import TYPE_COLORS
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.service import Card
    from elderdesk.services.container import Services

END_REASONS = {"death": "死亡注销", "lost": "遗失补证", "damaged": "损坏补证",
               "upgrade": "年满换证", "correction": "信息更正"}


translate = QCoreApplication.translate  # literal contexts for lupdate


def status_text(card: Card) -> str:
    """有效，未领取 / 已换发（2026-05-01，遗失补证） / 已注销（…，死亡注销）."""
    text = tr_data(STATUS_NAMES.get(card.status, card.status))
    if card.status == "valid":
        if card.picked_up_on is None:
            return translate("CardSummary", "{status}，未领取").format(status=text)
        if card.agent_name:
            return translate("CardSummary", "{status}，{date} 由 {agent} 代领").format(
                status=text, date=card.picked_up_on.isoformat(), agent=card.agent_name)
        return translate("CardSummary", "{status}，{date} 本人领取").format(status=text,
                                                   date=card.picked_up_on.isoformat())
    if card.ended_on is not None:
        reason = END_REASONS.get(card.end_reason or "", "")
        return translate("CardSummary", "{status}（{date}{reason}）").format(
            status=text, date=card.ended_on.isoformat(), reason="，" + reason if reason else "")
    return text


class CardSummary(QWidget):
    open_requested = Signal(str)  # the person's ID number: open the Cards page for them

    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self.id_number: str | None = None
        self.card: Card | None = None
        title = QLabel(self.tr("老年证"), self)
        title.setStyleSheet("font-weight: bold")
        self.open_button = QPushButton(self.tr("办证… (Ctrl+K)"), self)
        self.open_button.setShortcut(QKeySequence("Ctrl+K"))
        self.open_button.clicked.connect(self._on_open_clicked)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.open_button)
        self.none_label = QLabel(self.tr("尚未办理老年证"), self)
        self.none_label.setStyleSheet("color: #666666")
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, label in (("card_no", self.tr("编号")), ("type", self.tr("卡种")),
                           ("status", self.tr("状态")), ("issued_on", self.tr("发证日期"))):
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(label, value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.none_label)
        layout.addLayout(self.form)
        self.show_person(None)

    def show_person(self, person: Person | None) -> None:
        """Follow the register's selection (its person_changed signal)."""
        self.id_number = person.id_number if person is not None else None
        self.setVisible(person is not None)
        self._fill(None)
        if person is not None:
            self.refresh(person.id_number)

    def refresh(self, id_number: str) -> None:
        """Reload the card if this person is the one shown (after a card action)."""
        if id_number != self.id_number:
            return
        cards, op = self._services.cards, self._op
        self._ops.run(lambda: cards.current(op, id_number),
                      lambda card: self._fill(card) if self.id_number == id_number else None,
                      lambda _exc: None)

    def _fill(self, card: Card | None) -> None:
        self.card = card
        self.none_label.setVisible(card is None)
        for i in range(self.form.rowCount()):
            self.form.setRowVisible(i, card is not None)
        if card is None:
            return
        v = self.values
        v["card_no"].setText(card.card_no)
        v["type"].setText(tr_data(card.type_name))
        color = TYPE_COLORS[card.card_type].name() if card.status == "valid" else "#777777"
        v["type"].setStyleSheet(f"color: {color}; font-weight: bold")
        v["status"].setText(status_text(card))
        v["issued_on"].setText(card.issued_on.isoformat())

    def _on_open_clicked(self) -> None:
        if self.id_number is not None:
            self.open_requested.emit(self.id_number)
