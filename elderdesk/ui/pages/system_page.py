"""The system page (系统): users, the audit log viewer, office details, security settings.
Other tabs (backups, card rules) plug in with add_tab()."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from elderdesk.services.settings import IDLE_RANGE
from elderdesk.ui.duplicates_page import DuplicatesPage
from elderdesk.ui.errors import error_text
from elderdesk.ui.exchange_tab import ExchangeTab
from elderdesk.ui.layout import WrapLabel
from elderdesk.ui.ops import Ops
from elderdesk.ui.pages.audit_tab import AuditTab
from elderdesk.ui.pages.backups_tab import BackupsTab
from elderdesk.ui.pages.users_tab import UsersTab

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services


def _note(text: str, parent: QWidget) -> QLabel:
    label = WrapLabel(text, parent)
    label.setStyleSheet("color: #555555")
    return label


class SystemPage(QWidget):
    idle_minutes_changed = Signal(int)  # the admin saved a new idle-lock time
    office_changed = Signal(dict)  # {"name", "region"} after a save

    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self.is_admin = operator.can("settings.change")
        self._loaded = False
        self._region = ""  # as loaded: a change asks for confirmation
        self.tabs = QTabWidget(self)
        self.users_tab = UsersTab(ops, services.users, operator, self)
        self.tabs.addTab(self.users_tab, self.tr("用户"))
        self.audit_tab: AuditTab | None = None
        if operator.can("audit.read"):
            self.audit_tab = AuditTab(ops, services, operator, self)
            self.tabs.addTab(self.audit_tab, self.tr("审计日志"))
        else:
            holder = QWidget(self)
            QVBoxLayout(holder).addWidget(_note(self.tr("审计日志只有管理员可以查看。"), holder))
            self.tabs.addTab(holder, self.tr("审计日志"))
        self.backups_tab: BackupsTab | None = None
        if operator.can("backup.create"):
            self.backups_tab = BackupsTab(ops, services, operator, self)
            self.add_tab(self.backups_tab, self.tr("备份"))
        else:
            holder = QWidget(self)
            QVBoxLayout(holder).addWidget(_note(self.tr(
                "备份与恢复只有管理员可以操作。每天第一次打开程序时会自动备份。"), holder))
            self.add_tab(holder, self.tr("备份"))
        self.tabs.addTab(self._build_office_tab(), self.tr("机构信息"))
        self.tabs.addTab(self._build_security_tab(), self.tr("安全"))
        from elderdesk.ui.pages.display_tab import DisplayTab

        self.tabs.addTab(DisplayTab(self), self.tr("界面"))  # language, font size (this PC)
        from elderdesk.ui.pages.reader_tab import ReaderTab

        self.reader_tab = ReaderTab(ops, services, operator, self)  # this PC's ID card reader
        self.tabs.addTab(self.reader_tab, self.tr("读卡器"))
        # Exchange (a street with its 9-digit code, a district) and 应退尽退 (a district: only it
        # holds registrations of two streets) are added once the office is known; a lone
        # counter's bar keeps its room.
        self.exchange_tab: ExchangeTab | None = None
        self.duplicates_tab: DuplicatesPage | None = None
        office = services.office
        ops.run(lambda: office.identity(operator), self._add_office_tabs, lambda _exc: None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _add_office_tabs(self, me: Any) -> None:
        district = me.level == "district"
        if self.exchange_tab is None and (district or len(me.code) == 9):
            self.exchange_tab = ExchangeTab(self._ops, self._services, self._op, self)
            self.tabs.addTab(self.exchange_tab, self.tr("交换"))
        if self.duplicates_tab is None and district:
            self.duplicates_tab = DuplicatesPage(self._ops, self._services, self._op, self)
            self.tabs.addTab(self.duplicates_tab, self.tr("疑似重复"))

    def add_tab(self, widget: QWidget, title: str) -> None:
        self.tabs.addTab(widget, title)

    # --- office and security ----------------------------------------------------------------
    def _build_office_tab(self) -> QWidget:
        tab = QWidget(self)
        self.office_edit = QLineEdit(tab)
        self.office_edit.setMaxLength(60)
        self.region_edit = QLineEdit(tab)
        self.region_edit.setMaxLength(6)
        self.region_edit.setInputMask("999999;_")
        for edit in (self.office_edit, self.region_edit):
            edit.setReadOnly(not self.is_admin)
        self.office_save = QPushButton(self.tr("保存机构信息"), tab)
        self.office_save.setVisible(self.is_admin)
        self.office_save.clicked.connect(lambda _c=False: self.save_office())
        self.office_status = QLabel(tab)
        form = QFormLayout()
        form.addRow(self.tr("机构名称"), self.office_edit)
        form.addRow(self.tr("行政区划代码"), self.region_edit)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        note = self.tr("机构名称印在花名册、老年证和表格文书上；行政区划代码用于老年证编号，"
                       "并用于核对备份是否属于本机构，请勿随意修改。") if self.is_admin else \
            self.tr("机构信息由管理员维护。")
        layout.addWidget(_note(note, tab))
        row = QHBoxLayout()
        row.addWidget(self.office_save)
        row.addWidget(self.office_status, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    def _build_security_tab(self) -> QWidget:
        tab = QWidget(self)
        self.idle_spin = QSpinBox(tab)
        self.idle_spin.setRange(*IDLE_RANGE)
        self.idle_spin.setSuffix(self.tr(" 分钟"))
        self.idle_spin.setEnabled(self.is_admin)
        self.idle_spin.setMaximumWidth(140)
        self.idle_save = QPushButton(self.tr("保存"), tab)
        self.idle_save.setVisible(self.is_admin)
        self.idle_save.clicked.connect(lambda _c=False: self.save_idle_minutes())
        self.security_status = QLabel(tab)
        form = QFormLayout()
        form.addRow(self.tr("无操作自动锁定"), self.idle_spin)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(_note(self.tr(
            "超过设定时间没有键盘或鼠标操作，程序自动锁定，须输入本人密码才能继续。"
            "登录和解锁时连续输错密码 5 次，账户锁定 15 分钟，或由管理员重置密码解除。"), tab))
        row = QHBoxLayout()
        row.addWidget(self.idle_save)
        row.addWidget(self.security_status, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    # --- loading ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        settings = self._services.settings
        self._ops.run(lambda: (settings.office(), settings.idle_minutes()), self._on_settings,
                      lambda exc: self.office_status.setText(error_text(exc)))
        self.users_tab.refresh()
        if self.audit_tab is not None:
            self.audit_tab.refresh()
        if self.backups_tab is not None:
            self.backups_tab.refresh()

    def _on_settings(self, result: tuple[dict[str, str | None], int]) -> None:
        office, minutes = result
        self.office_edit.setText(office.get("name") or "")
        self._region = office.get("region") or ""
        self.region_edit.setText(self._region)
        self.idle_spin.setValue(minutes)

    # --- saving ---------------------------------------------------------------------------------
    def save_office(self) -> None:
        settings, op = self._services.settings, self._op
        name, region = self.office_edit.text(), self.region_edit.text()
        if region != self._region and not self.confirm(self.tr("修改行政区划代码"), self.tr(
                "行政区划代码从 {old} 改为 {new} 后，新发老年证的编号随之改变，"
                "以前的备份将被视为其他机构的数据而不能恢复。确定修改吗？").format(
                    old=self._region, new=region)):
            return

        def save() -> dict:
            settings.set(op, "office.name", name)
            settings.set(op, "office.region", region)
            return settings.office()

        self._ops.run(save, self._on_office_saved, lambda exc: self._say(
            self.office_status, error_text(exc), True), write=True)

    def _on_office_saved(self, office: dict) -> None:
        self._region = office.get("region") or ""
        self._say(self.office_status, self.tr("已保存"))
        self.office_changed.emit(office)

    def save_idle_minutes(self) -> None:
        settings, op, minutes = self._services.settings, self._op, self.idle_spin.value()
        self._ops.run(lambda: settings.set(op, "security.idle_minutes", str(minutes)),
                      lambda _r: self._on_idle_saved(minutes),
                      lambda exc: self._say(self.security_status, error_text(exc), True),
                      write=True)

    def _on_idle_saved(self, minutes: int) -> None:
        self._say(self.security_status, self.tr("已保存，立即生效"))
        self.idle_minutes_changed.emit(minutes)

    @staticmethod
    def _say(label: QLabel, text: str, error: bool = False) -> None:
        label.setStyleSheet("color: #b01c1c" if error else "color: #1c7c1c")
        label.setText(text)

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes
