"""The exchange tab of the system page (系统 → 交换, issue 15): export a package to a folder
or USB stick (the file named by sender, receiver and sequence number), import one with its
findings (DUP_OFFICE...), and the status per partner office. Everything goes through
services/exchange (ExchangeService: export, import_file, status), on the background threads;
the service checks the roles, a refusal shows its Chinese message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.idcard import mask_id
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import FlowLayout, WrapLabel
from elderdesk.ui.models.base import Index, ListTableModel, MaskedTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.record_table import record_table
from elderdesk.ui.widgets.unmask import guard_unmask

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

F_CODE, F_ID, F_MESSAGE, F_OFFICES = range(4)
S_CODE, S_NAME, S_SENT, S_SENT_AT, S_RECEIVED, S_RECEIVED_AT, S_PENDING = range(7)


def package_name(sender: str, receiver: str, seq: int) -> str:
    """The file name of a package: who sends it to whom, and its sequence number."""
    return f"{sender}-{receiver}-{seq:04d}.edx"


def export_to_folder(services: Services, op: Operator, folder: Path, to: str | None) -> Any:
    """Off the GUI thread: the next package to `to` (None at a street: its district) written
    into folder as package_name(...); the service's Exported."""
    me = services.office.identity(op).code
    offices = services.exchange.status(op)
    if to is None:
        to = next((o["code"] for o in offices if len(o["code"]) == 6), None)
    sent = next((o["sent_seq"] for o in offices if o["code"] == to), 0)
    name = package_name(me, to or "000000", sent + 1)
    return services.exchange.export(op, folder / name, to)


class FindingsModel(MaskedTableModel):
    """Findings of an import ({"code", "id_number", "message", "offices"})."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("代码"), self.tr("身份证号"), self.tr("说明"),
                         self.tr("涉及机构")]

    def set_findings(self, findings: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(findings)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        f = self._row_at(index)
        if f is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            number = str(f.get("id_number") or "")
            values = (str(f.get("code") or ""),
                      mask_id(number) if self.masked and number else number,
                      self.free_text(str(f.get("message") or "")),
                      "、".join(f.get("offices") or ()))
            if role == Qt.ItemDataRole.ToolTipRole and col != F_MESSAGE:
                return None
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == F_CODE:
            return QColor(0xB0, 0x1C, 0x1C)
        return None


class StatusModel(ListTableModel):
    """Rows of ExchangeService.status (one per partner office)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("机构代码"), self.tr("机构名称"), self.tr("已发序号"),
                         self.tr("最近发出"), self.tr("已收序号"), self.tr("最近收到"),
                         self.tr("待发变更")]

    def set_offices(self, offices: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(offices)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        o = self._row_at(index)
        if o is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            when = lambda v: (v or "").replace("T", " ") or self.tr("尚无")  # noqa: E731
            return (o["code"], o["name"], str(o["sent_seq"]), when(o["sent_at"]),
                    str(o["received_seq"]), when(o["received_at"]), str(o["pending"]))[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (S_SENT, S_RECEIVED, S_PENDING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ExchangeTab(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._loaded = False
        self._busy = False
        self.level = ""  # street | district, once loaded
        self.identity_label = QLabel(self)
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.partner_combo = QComboBox(self)
        self.partner_combo.setMinimumWidth(220)
        self.export_button = self._button(self.tr("导出交换包到文件夹…"), self.export_package)
        self.export_button.setToolTip(self.tr("选择文件夹（如U盘），交换包按发出机构、接收机构和序号命名"))
        self.import_button = self._button(self.tr("导入交换包…"), self.import_package)
        self.refresh_button = self._button(self.tr("刷新"), self.refresh)
        self.message_label = WrapLabel("", self)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings = FindingsModel(self)
        self.findings_table = record_table(self, self.findings, stretch=F_MESSAGE)
        self.findings_table.setWordWrap(True)
        self.unmask_check = guard_unmask(QCheckBox(self.tr("显示完整身份证号"), self), operator)
        self.unmask_check.toggled.connect(lambda on: self.findings.set_masked(not on))
        self.status = StatusModel(self)
        self.status_table = record_table(self, self.status, stretch=S_NAME)
        self._lay_out()
        self._update()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("本机构："), self))
        top.addWidget(self.identity_label, 1)
        top.addWidget(self.refresh_button)
        actions = FlowLayout()
        actions.addWidget(QLabel(self.tr("发往"), self))
        actions.addWidget(self.partner_combo)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        note = WrapLabel(self.tr(
            "街道把本街道的登记、申请和审核导出给区，区把审批决定导出给各街道；每个交换包只导入一次，"
            "同一个包重复导入不会重复登记。"), self)
        note.setStyleSheet("color: #555555")
        findings_box = QGroupBox(self.tr("最近一次导入的发现"), self)
        box = QVBoxLayout(findings_box)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unmask_check)
        box.addLayout(row)
        box.addWidget(self.findings_table)
        status_box = QGroupBox(self.tr("各交换机构的收发情况"), self)
        QVBoxLayout(status_box).addWidget(self.status_table)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addWidget(findings_box, 1)
        layout.addWidget(status_box, 1)

    def _update(self) -> None:
        for b in (self.export_button, self.import_button, self.refresh_button):
            b.setEnabled(not self._busy)
        self.export_button.setEnabled(not self._busy and self.partner_combo.count() > 0)

    def _say(self, text: str, error: bool | None = False) -> None:
        """Red for a refusal, green for what was done, plain (None) for information."""
        self.message_label.setStyleSheet(
            "" if error is None else "color: #b01c1c" if error else "color: #1c7c1c")
        self.message_label.setText(text)

    # --- loading ------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self, keep_message: bool = False) -> None:
        services, op = self._services, self._op
        self._ops.run(lambda: (services.office.identity(op), services.exchange.status(op)),
                      lambda result: self._on_loaded(result, keep_message), self._on_failed)

    def _on_loaded(self, result: tuple[Any, list[dict[str, Any]]], keep_message: bool) -> None:
        me, offices = result
        self.level = me.level
        kind = self.tr("区级") if me.level == "district" else self.tr("街道")
        self.identity_label.setText(f"{me.code}（{me.name}，{kind}）")
        current = self.partner_combo.currentData()
        self.partner_combo.clear()
        for o in offices:  # a street sends to its district; a district to each street
            if (me.level == "district") == (len(o["code"]) == 9):
                self.partner_combo.addItem(f"{o['code']} {o['name']}", o["code"])
        if current is not None:
            self.partner_combo.setCurrentIndex(max(0, self.partner_combo.findData(current)))
        self.status.set_offices(offices)
        if not keep_message:
            self._say(self.tr("尚未登记交换机构，请管理员先登记（office add）") if not offices
                      else self.tr("共 {n} 个交换机构").format(n=len(offices)), None)
        self._update()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update()
        self._say(error_text(exc), True)

    # --- export ---------------------------------------------------------------------------
    @staticmethod
    def ask_folder(parent: QWidget, title: str) -> Path | None:
        """The folder the clerk chose (tests replace this), or None."""
        chosen = QFileDialog.getExistingDirectory(parent, title, FileDialog._folder())
        return Path(chosen) if chosen else None

    def export_package(self) -> None:
        to = self.partner_combo.currentData()
        if self._busy or to is None:
            return
        folder = self.ask_folder(self, self.tr("选择保存交换包的文件夹（如U盘）"))
        if folder is None:
            return
        self.export_to(folder, to)

    def export_to(self, folder: Path, to: str) -> None:
        services, op = self._services, self._op
        target = None if self.level != "district" else to  # a street: its district
        self._busy = True
        self._update()
        self._say(self.tr("正在导出……"), None)
        self._ops.run(lambda: export_to_folder(services, op, folder, target), self._on_exported,
                      self._on_failed, write=True)

    def _on_exported(self, e: Any) -> None:
        self._busy = False
        self._update()
        self._say(self.tr("已导出交换包 {file}：发往 {to}，序号 {seq}，{n} 条记录").format(
            file=e.path, to=e.receiver,
            seq=str(e.seq) if e.first_seq == e.seq else f"{e.first_seq}–{e.seq}", n=e.records))
        self.refresh(keep_message=True)

    # --- import -----------------------------------------------------------------------------
    def import_package(self) -> None:
        if self._busy:
            return
        path = FileDialog.ask_open(self, self.tr("选择要导入的交换包"),
                                   self.tr("交换包 (*.edx);;所有文件 (*)"))
        if path is not None:
            self.import_from(path)

    def import_from(self, path: Path) -> None:
        exchange, op = self._services.exchange, self._op
        self._busy = True
        self._update()
        self._say(self.tr("正在导入 {file}……").format(file=path.name), None)
        self._ops.run(lambda: exchange.import_file(op, path), self._on_imported, self._on_failed,
                      write=True)

    def _on_imported(self, r: Any) -> None:
        self._busy = False
        self._update()
        self.findings.set_findings(r.findings)
        self.findings_table.resizeRowsToContents()  # the whole message, wrapped
        if r.already_imported:
            self._say(self.tr("{sender} 的第 {seq} 号交换包已导入过，未作更改").format(
                sender=r.sender, seq=r.seq), None)
        else:
            names = {"person": self.tr("人员"), "lifecert": self.tr("生存认证"),
                     "card": self.tr("老年证"), "application": self.tr("申请"),
                     "decision": self.tr("审批决定"), "stop": self.tr("停发"),
                     "roster": self.tr("花名册"), "ledger": self.tr("发放记录"),
                     "recovery": self.tr("追回"), "settlement": self.tr("结算"),
                     "setting": self.tr("设置")}
            counts = self.tr("，").join(f"{names.get(k, k)} {v}" for k, v in r.counts.items()
                                       if v) or self.tr("无变更")
            text = self.tr("已导入 {sender} 的交换包（序号 {seq}）：{counts}").format(
                sender=r.sender, seq=str(r.seq) if r.first_seq == r.seq else
                f"{r.first_seq}–{r.seq}", counts=counts)
            if r.findings:
                text += self.tr("；有 {n} 条需核实的发现，见下表").format(n=len(r.findings))
            self._say(text, None if r.findings else False)
        self.refresh(keep_message=True)
