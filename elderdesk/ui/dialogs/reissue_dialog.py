"""Replace a valid card (补证/换证): lost, damaged, upgrade at 65 or a correction, with the fee."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from elderdesk.domain.cards import PAID_REISSUES, REISSUE_REASONS
from elderdesk.domain.money import fen_to_str
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.dialogs.card_issue_dialog import CardIssueDialog
from elderdesk.ui.labels import reissue_reason_label
from elderdesk.ui.layout import WrapLabel

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.service import Card, CardService
    from elderdesk.ui.widgets.photo_crop import Box


class ReissueDialog(CardIssueDialog):
    """The issue dialog with a reason; the old card is marked replaced, the new one numbered."""

    reason = "lost"

    def _title(self) -> str:
        return self.tr("补证 / 换证")

    def _ok_text(self) -> str:
        return self.tr("补换证")

    def _add_rows(self, form: QFormLayout) -> None:
        old = self.info.valid
        self.old_label = WrapLabel("", self)
        if old is not None:
            self.old_label.setText(self.tr("{no}（{type}，{date} 发证）").format(
                no=old.card_no, type=tr_data(old.type_name), date=old.issued_on.isoformat()))
        self.reason_combo = QComboBox(self)
        for key in REISSUE_REASONS:
            self.reason_combo.addItem(reissue_reason_label(key), key)
        self.reason = "upgrade" if self.info.upgrade_due else "lost"
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(self.reason))
        self.reason_combo.currentIndexChanged.connect(self._on_reason_changed)
        form.addRow(self.tr("原证"), self.old_label)
        form.addRow(self.tr("补换原因"), self.reason_combo)
        QWidget.setTabOrder(self.choose_button, self.reason_combo)  # the reason row is on top

    def _fee_text(self) -> str:
        fee, rules = fen_to_str(self.fee()), self.info.rules
        if self.reason not in PAID_REISSUES:
            return self.tr("{fee} 元（{reason}）").format(fee=fee, reason=self.reason_name())
        if self.info.paid_reissues == 0:
            return self.tr("{fee} 元（首次遗失、损坏补证；再次补证 {again} 元）").format(
                fee=fee, again=fen_to_str(rules.fee_reissue))
        return self.tr("{fee} 元（第 {n} 次遗失、损坏补证）").format(
            fee=fee, n=self.info.paid_reissues + 1)

    def reason_name(self) -> str:
        return self.reason_combo.currentText()

    def _on_reason_changed(self) -> None:
        self.reason = self.reason_combo.currentData()
        self._update_type_and_fee()

    def _note(self) -> str:
        return self.tr("补换证后原证作废（二维码核验显示已作废），新证使用新编号。"
                       "不选新照片则沿用已存的照片。")

    def _call(self, cards: CardService, op: Operator, number: str, on: date, data: bytes | None,
              box: Box | None, name: str) -> Card:
        return cards.reissue(op, number, self.reason, on, data, box if data else None, name)
