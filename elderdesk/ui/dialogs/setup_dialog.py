"""First start: where the data lives (本机数据库, or 连接单位服务器: a PostgreSQL URL tested
before it is saved), then the office database (office name, region code, administrator)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from elderdesk.domain.errors import ElderError
from elderdesk.paths import resource
from elderdesk.services.users.passwords import MIN_LENGTH
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.layout import WrapLabel
from elderdesk.ui.ops import Ops


def create_database(path: Path | str, region: str, office: str, admin: str,
                    password: str) -> None:
    """Runs on the write thread: schema, admin, keys, the shipped Wuhan policy if present. On
    an office server (a URL) this PC works on it from now on."""
    from elderdesk.services.users import server
    from elderdesk.services.users.service import initialise

    policy = resource("policies", "wuhan.toml")
    source = policy.read_text(encoding="utf-8") if policy.exists() else None
    initialise(path, region, office, admin, password, policy_source=source).close()
    if isinstance(path, str):
        server.remember(path)


def shown(target: Path | str) -> str:
    """A file, or a server URL without its password."""
    from elderdesk.services.users import server

    return server.shown(target) if isinstance(target, str) else str(target)


@dataclass(frozen=True)
class FirstStart:
    """The choice of the first-start dialog."""

    target: Path | str  # the database file, or the server's URL (saved on this PC)
    needs_setup: bool  # a new file, or an empty database on the server: the office setup next


def connect_server(url: str, password: str) -> FirstStart:
    """Runs on the write thread: test the server before anything is saved; an ElderDesk
    database is this PC's from now on (an empty one once the office is set up on it)."""
    from elderdesk.services.users import server

    full = server.server_url(url, password)
    state = server.probe(full)
    if state == server.ServerState.OFFICE:
        server.remember(full)
    return FirstStart(full, state == server.ServerState.EMPTY)


class FirstStartDialog(RecordDialog):
    """No database yet on this PC: 本机数据库 (SQLite, the default) or 连接单位服务器."""

    def __init__(self, ops: Ops, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.path = path
        self.setWindowTitle(self.tr("首次使用：选择数据保存的位置"))
        intro = WrapLabel(self.tr("这台电脑上还没有 ElderDesk 数据库。请选择数据保存在哪里："),
                          self)
        self.local_radio = QRadioButton(self.tr("本机数据库（只有这一个窗口办理业务）"), self)
        self.server_radio = QRadioButton(
            self.tr("连接单位服务器（几个窗口共用单位的数据库服务器）"), self)
        group = QButtonGroup(self)
        group.addButton(self.local_radio)
        group.addButton(self.server_radio)
        self.local_radio.setChecked(True)
        self.local_label = WrapLabel(self.tr("数据文件：{path}").format(path=path), self)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("postgresql://elderdesk@192.168.1.10:5432/elderdesk")
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("服务器数据库的密码（已写在地址中可不填）"))
        form = QFormLayout()
        form.addRow(self.local_radio)
        form.addRow(self.local_label)
        form.addRow(self.server_radio)
        form.addRow(self.tr("服务器地址"), self.url_edit)
        form.addRow(self.tr("数据库密码"), self.password_edit)
        note = self.tr("连接单位服务器前，请单位的管理员先在服务器上建好一个空数据库"
                       "（见使用说明“第一次启动 → 连接单位服务器”）。程序先试着连接，连接成功才保存；"
                       "服务器上的空数据库接着建立本机构，已有本机构数据的直接登录。")
        self._finish(form, note, self.tr("下一步"), cancel_text=self.tr("退出"), header=intro)
        self.setMinimumWidth(520)
        self.server_radio.toggled.connect(self._on_choice)
        self.url_edit.textEdited.connect(lambda _t: self.server_radio.setChecked(True))
        self._on_choice(False)
        self.local_radio.setFocus()

    def _on_choice(self, server: bool) -> None:
        self.url_edit.setEnabled(server)
        self.password_edit.setEnabled(server)
        self.local_label.setEnabled(not server)
        if server:
            self.url_edit.setFocus()

    def _on_ok_clicked(self) -> None:
        if self.local_radio.isChecked():
            self._on_saved(FirstStart(self.path, not self.path.exists()))
            return
        url, password = self.url_edit.text().strip(), self.password_edit.text()
        if not url:
            self.error_label.setText(self.tr("请输入单位服务器的地址"))
            self.url_edit.setFocus()
            return
        self._submit(lambda: connect_server(url, password), self.tr("正在连接单位服务器……"))

    @property
    def choice(self) -> FirstStart | None:
        return self.result_value

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, path: Path) -> FirstStart | None:
        """Show the dialog; the choice, or None (退出)."""
        result: FirstStart | None = cls._run(cls(ops, path, parent))
        return result


class SetupDialog(RecordDialog):
    def __init__(self, ops: Ops, path: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.path = path
        self.setWindowTitle(self.tr("首次使用：建立本机构数据库"))
        text = (self.tr("单位服务器上的数据库还是空的，将在其中建立本机构：\n{path}")
                if isinstance(path, str) else self.tr("未找到数据库文件，将新建：\n{path}"))
        intro = self.intro = WrapLabel(text.format(path=shown(path)), self)
        self.office_edit = QLineEdit(self)
        self.office_edit.setMaxLength(60)
        self.office_edit.setPlaceholderText(self.tr("例如 江汉区民意街道社区服务中心"))
        self.region_edit = QLineEdit(self)
        self.region_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self))
        self.region_edit.setPlaceholderText(self.tr("6 位数字，例如 420103"))
        self.admin_edit = QLineEdit(self)
        self.admin_edit.setMaxLength(32)
        self.admin_edit.setText("admin")
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("至少 {n} 个字符").format(n=MIN_LENGTH))
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("机构名称"), self.office_edit)
        form.addRow(self.tr("行政区划代码"), self.region_edit)
        form.addRow(self.tr("管理员用户名"), self.admin_edit)
        form.addRow(self.tr("管理员密码"), self.password_edit)
        form.addRow(self.tr("再次输入密码"), self.confirm_edit)
        self._finish(form, "", self.tr("建立数据库"), cancel_text=self.tr("退出"), header=intro)
        self.setMinimumWidth(440)
        self.office_edit.setFocus()

    def _on_ok_clicked(self) -> None:
        if self.password_edit.text() != self.confirm_edit.text():
            self.error_label.setText(self.tr("两次输入的密码不一致，请重新输入"))
            self.confirm_edit.clear()
            self.confirm_edit.setFocus()
            return
        args = (self.path, self.region_edit.text(), self.office_edit.text(),
                self.admin_edit.text(), self.password_edit.text())
        self._submit(lambda: create_database(*args) or True, self.tr("正在建立数据库……"))

    @property
    def created(self) -> bool:
        """The database exists now."""
        return self.result_value is True

    def _on_failed(self, exc: BaseException) -> None:
        super()._on_failed(exc)
        if isinstance(exc, ElderError) and exc.code.startswith("PASSWORD"):
            self.password_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, path: Path | str) -> bool:
        """Show the dialog; True once the database exists."""
        return cls._run(cls(ops, path, parent)) is True
