"""The recoveries tab of the roster page (追回款): money owed back, and recording it repaid."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QWidget

from elderdesk.domain.money import fen_to_str
from elderdesk.ui.dialogs.decision_dialog import DecisionDialog
from elderdesk.ui.models.roster_models import RecoveriesTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.list_tab import ListTab

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services


class RecoveriesTab(ListTab):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        self._services, self._op = services, operator
        super().__init__(ops, RecoveriesTableModel(), list, parent=parent)
        self.model.setParent(self)
        self.settle_button = None
        self.open_check = QCheckBox(self.tr("只显示未结清"), self)
        self.open_check.setChecked(True)
        self.open_check.toggled.connect(lambda _on: self.refresh())
        self.actions.insertWidget(0, self.open_check)
        if operator.can("recoveries.settle"):
            self.settle_button = self.add_button(self.tr("登记已退回"), "Ctrl+J", self.settle)
        self.loaded.connect(self._on_rows_loaded)

    def update_buttons(self) -> None:
        super().update_buttons()
        row = self.selected()
        if getattr(self, "settle_button", None) is not None:
            self.settle_button.setEnabled(row is not None and row.settled_on is None)

    def refresh(self) -> None:
        open_only, roster, op = self.open_check.isChecked(), self._services.roster, self._op
        self._load = lambda: roster.recoveries(op, open_only)
        super().refresh()

    def _on_rows_loaded(self, n: int) -> None:
        self.count_label.setText(self.tr("共 {n} 笔，未结清合计 {amount} 元").format(
            n=n, amount=fen_to_str(self.model.open_total_fen(), grouping=True)))

    def settle(self) -> None:
        row = self.selected()
        if row is None or row.settled_on is not None:
            return
        roster, op, number, month = self._services.roster, self._op, row.id_number, row.month

        def record(_reason: str | None, on: date) -> list:
            return roster.settle(op, number, month, on)

        subject = self.tr("{name}（{id}）{month} 追回 {amount} 元").format(
            name=row.name, id=self.model.id_text(number), month=month,
            amount=fen_to_str(row.amount_fen))
        if DecisionDialog.ask(self, self._ops, self.tr("登记追回款已退回"), subject, record,
                              ok_text=self.tr("确认已退回")) is not None:
            self.refresh()
