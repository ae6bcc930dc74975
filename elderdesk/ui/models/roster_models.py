"""Roster tables: the lines of a roster, one line's items, the comparison, recoveries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month
from elderdesk.domain.roster import ItemView, LineView
from elderdesk.ui.models.allowance_models import PersonRowsModel
from elderdesk.ui.models.base import Index, ListTableModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RED_COLOR = QColor(0xB0, 0x1C, 0x1C)


def _money(fen: int) -> str:
    return fen_to_str(fen, grouping=True) if fen else ""


# --- lines ----------------------------------------------------------------------------------
(L_NO, L_ID, L_NAME, L_COMMUNITY, L_AGE, L_BAND, L_MONTHLY, L_REGULAR, L_ARREARS, L_PAID,
 L_RECOVERY, L_ITEMS) = range(12)
L_OFFICE = 12  # at a district: the registering street (show_office; the page shows it after 社区)
_MONEY_COLS = (L_MONTHLY, L_REGULAR, L_ARREARS, L_PAID, L_RECOVERY)


class RosterLinesTableModel(PersonRowsModel):
    """Rows of LineView, in roster order (by ID number)."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("序号"), self.tr("身份证号"), self.tr("姓名"), self.tr("社区"),
                         self.tr("年龄"), self.tr("档次"), self.tr("月标准"), self.tr("正常发放"),
                         self.tr("补发"), self.tr("发放合计"), self.tr("追回"), self.tr("明细")]
        self._kinds = {"regular": self.tr("正常"), "arrears": self.tr("补发"),
                       "recovery": self.tr("追回")}
        self._offices: dict[str, str] | None = None

    def show_office(self, names: dict[str, str]) -> None:
        """Add the 登记街道 column (a district: lines carry `office`); names: code -> name."""
        if len(self._headers) == L_OFFICE:
            self.beginResetModel()
            self._headers.append(self.tr("登记街道"))
            self._offices = dict(names)
            self.endResetModel()
        else:
            self._offices = dict(names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line: LineView | None = self._row_at(index)
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), line, col)
        if role == Qt.ItemDataRole.UserRole:
            return line.id_number
        if role == Qt.ItemDataRole.TextAlignmentRole and (col in _MONEY_COLS or col == L_NO):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == L_RECOVERY:
            return _RED_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and col == L_ITEMS:
            return self.items_text(line)
        return None

    def _text(self, row: int, ln: LineView, col: int) -> str | None:
        values = (str(row + 1), self.id_text(ln.id_number), ln.name, ln.community or "",
                  str(ln.age), ln.band or "", _money(ln.monthly_fen), _money(ln.regular_fen),
                  _money(ln.arrears_fen), _money(ln.paid_fen), _money(ln.recovery_fen),
                  self.items_text(ln))
        if col == L_OFFICE and self._offices is not None:
            return street_text(ln.office, self._offices)
        return values[col] if 0 <= col < len(values) else None

    def items_text(self, ln: LineView) -> str:
        """'补发 2026-05至2026-06；正常 2026-07至2026-09': consecutive months of a kind joined."""
        parts = []
        for kind in ("arrears", "regular", "recovery"):
            months = sorted(Month.parse(i.month) for i in ln.items if i.kind == kind)
            if months:
                parts.append(f"{self._kinds[kind]} {_ranges(months, self.tr('至'))}")
        return self.tr("；").join(parts)


def street_text(code: str | None, names: dict[str, str]) -> str:
    """'420103001 民意街道' as the street filter lists it; '' for no street."""
    return f"{code} {names.get(code, '')}".strip() if code else ""


def _ranges(months: list[Month], to: str) -> str:
    runs: list[list[Month]] = []
    for m in months:
        if runs and runs[-1][-1] + 1 == m:
            runs[-1].append(m)
        else:
            runs.append([m])
    return "、".join(str(r[0]) if len(r) == 1 else f"{r[0]}{to}{r[-1]}" for r in runs)


# --- a district's subtotals per street and community (as the printed roster ends) -----------
S_STREET, S_COMMUNITY, S_PEOPLE, S_REGULAR, S_ARREARS, S_PAID, S_RECOVERY = range(7)
SUB_ROW, SUB_STREET, SUB_TOTAL = "row", "street", "total"


class RosterSubtotalsTableModel(ListTableModel):
    """Rows (kind, street, community, [people, regular, arrears, paid, recovery] in fen):
    each street's communities, then the street's 小计; 合计 last. Only the chosen street's rows
    when the page filters one (then its 小计 is the last row)."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("街道"), self.tr("社区"), self.tr("人数"), self.tr("正常发放"),
                         self.tr("补发"), self.tr("发放合计"), self.tr("追回")]

    def set_lines(self, lines: Sequence[LineView], names: dict[str, str],
                  street: str | None = None) -> None:
        groups: dict[str, dict[str, list[int]]] = {}
        for ln in lines:
            if street is not None and ln.office != street:
                continue
            sums = groups.setdefault(ln.office or "", {}).setdefault(ln.community or "", [0] * 5)
            for i, v in enumerate((1 if ln.payments else 0, ln.regular_fen, ln.arrears_fen,
                                   ln.paid_fen, ln.recovery_fen)):
                sums[i] += v
        rows: list[tuple[str, str, str, list[int]]] = []
        grand = [0] * 5
        for code in sorted(groups):
            name, total = street_text(code, names), [0] * 5
            for community in sorted(groups[code]):
                v = groups[code][community]
                rows.append((SUB_ROW, name, community or self.tr("（未填社区）"), v))
                total = [x + y for x, y in zip(total, v, strict=True)]
            rows.append((SUB_STREET, self.tr("{s} 小计").format(s=name), "", total))
            grand = [x + y for x, y in zip(grand, total, strict=True)]
        if street is None:
            rows.append((SUB_TOTAL, self.tr("合计"), "", grand))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def sums(self, row: int) -> list[int]:
        return list(self._rows[row][3])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        kind, street, community, v = row
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (street, community, str(v[0]), *(fen_to_str(x, grouping=True)
                                                      for x in v[1:]))
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= S_PEOPLE:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and kind != SUB_ROW:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and col == S_RECOVERY and v[4]:
            return _RED_COLOR
        return None


# --- items of one line -------------------------------------------------------------------------
I_MONTH, I_KIND, I_AMOUNT = range(3)


class RosterItemsTableModel(ListTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("月份"), self.tr("类别"), self.tr("金额(元)")]
        self._kinds = {"regular": self.tr("正常发放"), "arrears": self.tr("补发"),
                       "recovery": self.tr("追回（另列，不从发放中扣除）")}

    def set_items(self, items: Sequence[ItemView]) -> None:
        self.beginResetModel()
        self._rows = sorted(items, key=lambda i: (i.kind == "recovery", i.month))
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item: ItemView | None = self._row_at(index)
        if item is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (item.month, self._kinds.get(item.kind, item.kind),
                      fen_to_str(item.amount_fen, grouping=True))
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == I_AMOUNT:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and item.kind == "recovery":
            return _RED_COLOR
        return None


# --- comparison with the previous period ----------------------------------------------------------
NEW, STOPPED, BAND_CHANGED, ARREARS, RECOVERY = "new", "stopped", "band", "arrears", "recovery"
C_KIND, C_ID, C_NAME, C_COMMUNITY, C_BEFORE, C_AFTER, C_PAID, C_RECOVERY = range(8)


class ComparisonTableModel(PersonRowsModel):
    """Rows (kind, line before or None, line now or None) of a roster Comparison."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("变化"), self.tr("身份证号"), self.tr("姓名"), self.tr("社区"),
                         self.tr("上期档次"), self.tr("本期档次"), self.tr("本期发放"),
                         self.tr("本期追回")]
        self.kind_names = {NEW: self.tr("新增"), STOPPED: self.tr("停发"),
                           BAND_CHANGED: self.tr("档次变化"), ARREARS: self.tr("有补发"),
                           RECOVERY: self.tr("有追回")}

    def set_comparison(self, c: Any) -> None:
        rows = [(NEW, None, ln) for ln in c.new]
        rows += [(STOPPED, ln, None) for ln in c.stopped]
        rows += [(BAND_CHANGED, before, now) for before, now in c.band_changed]
        rows += [(ARREARS, None, ln) for ln in c.arrears]
        rows += [(RECOVERY, None, ln) for ln in c.recoveries]
        self.set_rows(rows)

    def count(self, kind: str) -> int:
        return sum(1 for r in self._rows if r[0] == kind)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row_at(index)
        if row is None:
            return None
        kind, before, now = row
        line = now or before
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (self.kind_names[kind], self.id_text(line.id_number), line.name,
                      line.community or "", _band(before), _band(now),
                      _money(now.paid_fen) if now else "", _money(now.recovery_fen) if now else "")
            return values[col] if 0 <= col < len(values) else None
        if role == Qt.ItemDataRole.UserRole:
            return line.id_number
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (C_PAID, C_RECOVERY):
            return _RIGHT
        return None


def _band(line: LineView | None) -> str:
    if line is None or not line.band:
        return ""
    return f"{line.band}（{fen_to_str(line.monthly_fen)}）"


# --- recoveries ---------------------------------------------------------------------------------
R_ID, R_NAME, R_PERIOD, R_MONTH, R_AMOUNT, R_STATE = range(6)


class RecoveriesTableModel(PersonRowsModel):
    """Rows of Recovery: money owed back, one row per person and month."""

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("身份证号"), self.tr("姓名"), self.tr("花名册期次"),
                         self.tr("月份"), self.tr("金额(元)"), self.tr("状态")]

    def values(self, r: Any) -> tuple[str, ...]:
        state = self.tr("已结清（{date}）").format(date=r.settled_on.isoformat()) \
            if r.settled_on else self.tr("未结清")
        return (self.id_text(r.id_number), r.name, r.period, r.month,
                fen_to_str(r.amount_fen, grouping=True), state)

    def open_total_fen(self) -> int:
        return sum(r.amount_fen for r in self._rows if r.settled_on is None)

    def extra_data(self, r: Any, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and col == R_AMOUNT:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == R_STATE and r.settled_on is None:
            return _RED_COLOR
        return None
