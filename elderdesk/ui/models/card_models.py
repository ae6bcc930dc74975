"""Card tables: the recently issued cards and one person's card history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from elderdesk.domain.cards import REASON_NAMES, STATUS_NAMES
from elderdesk.domain.money import fen_to_str
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.models.allowance_models import PersonRowsModel

C_NO, C_NAME, C_ID, C_TYPE, C_REASON, C_ISSUED, C_FEE, C_STATUS, C_PICKUP = range(9)
TYPE_COLORS = {"blue": QColor("#1E4FA0"), "red": QColor("#B8232F")}
_GREY = QColor("#777777")


class CardsTableModel(PersonRowsModel):
    """Rows of Card (services.cards), newest or oldest first as given."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("编号"), self.tr("姓名"), self.tr("身份证号"), self.tr("卡种"),
                         self.tr("事由"), self.tr("发证日期"), self.tr("工本费"), self.tr("状态"),
                         self.tr("领取")]

    def values(self, c: Any) -> tuple[str, ...]:
        status = tr_data(STATUS_NAMES.get(c.status, c.status))
        if c.ended_on is not None:
            status += self.tr("（{date}）").format(date=c.ended_on.isoformat())
        return (c.card_no, c.name, self.id_text(c.id_number), tr_data(c.type_name),
                tr_data(REASON_NAMES.get(c.reason, c.reason)), c.issued_on.isoformat(),
                fen_to_str(c.fee_fen), status, self._pickup(c))

    def _pickup(self, c: Any) -> str:
        if c.picked_up_on is None:
            return self.tr("未领取") if c.status == "valid" else ""
        if c.agent_name:
            return self.tr("{date} 代领：{agent}").format(date=c.picked_up_on.isoformat(),
                                                        agent=c.agent_name)
        return self.tr("{date} 本人领取").format(date=c.picked_up_on.isoformat())

    def extra_data(self, c: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if c.status != "valid":
                return _GREY
            if col == C_TYPE:
                return TYPE_COLORS.get(c.card_type)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == C_FEE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def card_at(self, row: int) -> Any:
        return self.row_at(row)
