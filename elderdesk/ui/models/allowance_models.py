"""Allowance tables: application queues, due lists (80th birthday, proof of life), payment history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from elderdesk.domain.entitlement import NOT_ENTITLED, PAYABLE, WITHHELD
from elderdesk.domain.idcard import mask_id
from elderdesk.domain.money import fen_to_str
from elderdesk.services.allowance.service import STATE_NAMES
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.models.base import Index, ListTableModel, MaskedTableModel

_WARN_COLOR = QColor(0x9A, 0x5B, 0x00)
_GREY_COLOR = QColor(0x66, 0x66, 0x66)
_RED_COLOR = QColor(0xB0, 0x1C, 0x1C)


class PersonRowsModel(MaskedTableModel):
    """Rows that carry an id_number, shown masked in column 0 until set_masked(False)."""

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def id_text(self, number: str) -> str:
        return mask_id(number) if self.masked else number

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            values = self.values(row)
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == Qt.ItemDataRole.UserRole:
            return row.id_number
        return self.extra_data(row, index.column(), role)

    def values(self, row: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def extra_data(self, row: Any, col: int, role: int) -> Any:
        return None


# --- applications in one state ------------------------------------------------------------
A_ID, A_NAME, A_BIRTH, A_COMMUNITY, A_STATE, A_APPLIED, A_APPLIED_BY, A_REVIEWED, \
    A_REVIEWED_BY, A_REASON, A_APPROVED, A_APPROVED_BY, A_MONTHLY, A_SOURCE, A_VISIT = range(15)
A_DECISION = (A_APPROVED, A_APPROVED_BY, A_MONTHLY)  # shown for approved applications only
A_OFFICE = 15  # at a district: the street that registered the person (show_office)


class ApplicationsTableModel(PersonRowsModel):
    """Rows of Application (AllowanceService.queue): one queue. reason_header names what the
    reason column holds in this queue (审核意见 of a reviewed application, 退回原因…)."""

    def __init__(self, parent=None, reason_header: str = "") -> None:
        super().__init__([], parent)
        self._headers = [self.tr("身份证号"), self.tr("姓名"), self.tr("出生日期"), self.tr("社区"),
                         self.tr("状态"), self.tr("受理日期"), self.tr("受理人"),
                         self.tr("审核日期"), self.tr("审核人"), reason_header or self.tr("原因"),
                         self.tr("审批日期"), self.tr("审批人"), self.tr("月标准（元）"),
                         self.tr("来源"), self.tr("待核验本人")]

    def show_office(self) -> None:
        """Add the 登记街道 column (a district: rows are street_filter.WithOffice)."""
        if len(self._headers) == A_OFFICE:
            self.beginResetModel()
            self._headers.append(self.tr("登记街道"))
            self.endResetModel()

    def values(self, a: Any) -> tuple[str, ...]:
        approved_on = getattr(a, "approved_on", None)
        monthly = getattr(a, "monthly_fen", None)
        office = (getattr(a, "office", "") or "",) if len(self._headers) > A_OFFICE else ()
        return (self.id_text(a.id_number), a.name, a.birth_date.isoformat(), a.community or "",
                tr_data(STATE_NAMES.get(a.status, a.status)), a.applied_on.isoformat(),
                a.applied_by or "", a.reviewed_on.isoformat() if a.reviewed_on else "",
                a.reviewed_by or "", self.free_text(a.reason),
                approved_on.isoformat() if approved_on else "", getattr(a, "approved_by", "") or "",
                fen_to_str(monthly, grouping=True) if monthly is not None else "",
                self.tr("网上") if getattr(a, "source", "") == "online" else self.tr("窗口"),
                self.tr("待核验") if getattr(a, "needs_visit", False) else "", *office)

    def extra_data(self, a: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and col == A_REASON and a.reason:
            return self.free_text(a.reason)
        visit = getattr(a, "needs_visit", False)
        if role == Qt.ItemDataRole.ToolTipRole and col in (A_SOURCE, A_VISIT) and visit:
            return self.tr("网上申请，尚未见到本人或代办人持身份证原件：请通知其到窗口核验"
                           "（登记生存认证），之前的申请日期不算生存认证")
        if role == Qt.ItemDataRole.ForegroundRole and col == A_VISIT and visit:
            return _WARN_COLOR
        return None


# --- due lists ------------------------------------------------------------------------------
D_ID, D_NAME, D_BIRTH, D_COMMUNITY, D_PHONE, D_DUE = range(6)


class DuePeopleTableModel(PersonRowsModel):
    """Rows of DuePerson; the last column is the month of the 80th birthday, or the day the
    proof-of-life cover ends (lifecert=True), shown in red once past."""

    def __init__(self, lifecert: bool = False, parent=None) -> None:
        super().__init__([], parent)
        self.lifecert = lifecert
        self.today = None
        due = self.tr("认证有效期至") if lifecert else self.tr("满龄月份")
        self._headers = [self.tr("身份证号"), self.tr("姓名"), self.tr("出生日期"), self.tr("社区"),
                         self.tr("联系电话"), due]

    def values(self, d: Any) -> tuple[str, ...]:
        due = d.due.isoformat() if self.lifecert else \
            self.tr("{y}年{m}月").format(y=d.due.year, m=d.due.month)
        return (self.id_text(d.id_number), d.name, d.birth_date.isoformat(), d.community or "",
                d.phone or "", due)

    def extra_data(self, d: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and col == D_DUE and self.lifecert \
                and self.today is not None and d.due < self.today:
            return _RED_COLOR
        return None


# --- payment history --------------------------------------------------------------------------
H_MONTH, H_BAND, H_ENTITLED, H_STATE, H_PAID, H_WHY = range(6)


class HistoryTableModel(ListTableModel):
    """Rows of HistoryMonth: every month, what was owed and paid, and why."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("月份"), self.tr("档次"), self.tr("应享受(元)"), self.tr("状态"),
                         self.tr("已发(元)"), self.tr("说明")]
        self._states = {PAYABLE: self.tr("应发"), WITHHELD: self.tr("暂停（待生存认证）"),
                        NOT_ENTITLED: self.tr("不享受")}

    def set_months(self, months: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(months)
        self.endResetModel()

    def month_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def totals_fen(self) -> tuple[int, int]:
        """(entitled, paid) over all months shown."""
        return (sum(h.status.amount_fen for h in self._rows),
                sum(h.paid_fen for h in self._rows))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        h = self._row_at(index)
        if h is None:
            return None
        st, col = h.status, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            # band and amount have their own columns: a payable month needs no more words
            why = self._states[PAYABLE] if st.payable else st.explanation.split(": ", 1)[-1]
            values = (str(st.month), st.band or "", fen_to_str(st.amount_fen) if st.amount_fen
                      else "", self._states.get(st.state, st.state),
                      fen_to_str(h.paid_fen) if h.paid_fen else "", why)
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole and col == H_WHY:
            return h.explained
        if role == Qt.ItemDataRole.ForegroundRole:
            if h.paid_fen > st.amount_fen:  # paid more than owed: a recovery
                return _RED_COLOR
            if st.state == WITHHELD:
                return _WARN_COLOR
            if st.state == NOT_ENTITLED:
                return _GREY_COLOR
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (H_ENTITLED, H_PAID):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
