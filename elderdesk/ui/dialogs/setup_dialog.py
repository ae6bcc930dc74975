"""First start: create the office database (office name, region code, administrator)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QWidget,
)

from elderdesk.domain.errors import ElderError
from elderdesk.paths import resource
from elderdesk.services.users.passwords import MIN_LENGTH
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.layout import WrapLabel
from elderdesk.ui.ops import Ops


def create_database(path: Path, region: str, office: str, admin: str, password: str) -> None:
    """Runs on the write thread: schema, admin, keys, the shipped Wuhan policy if present."""
    from elderdesk.services.users.service import initialise

    policy = resource("policies", "wuhan.toml")
    source = policy.read_text(encoding="utf-8") if policy.exists() else None
    initialise(path, region, office, admin, password, policy_source=source).close()


class SetupDialog(RecordDialog):
    def __init__(self, ops: Ops, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self.path = path
        self.setWindowTitle(self.tr("首次使用：建立本机构数据库"))
        intro = WrapLabel(self.tr("未找到数据库文件，将新建：\n{path}").format(path=path), self)
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
    def ask(cls, parent: QWidget | None, ops: Ops, path: Path) -> bool:
        """Show the dialog; True once the database exists."""
        return cls._run(cls(ops, path, parent)) is True
