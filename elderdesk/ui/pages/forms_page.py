"""The forms page (表格文书): choose a form and a person or month, check what will be printed,
generate the PDF off the GUI thread and save it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.errors import ElderError
from elderdesk.domain.forms import FORM_KINDS, summary
from elderdesk.domain.months import Month
from elderdesk.services.auth import PERMISSIONS
from elderdesk.services.clock import today
from elderdesk.ui.data_text import error_message
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.record_dialog import qdate
from elderdesk.ui.errors import error_text, show_status
from elderdesk.ui.labels import form_label
from elderdesk.ui.layout import WrapLabel
from elderdesk.ui.ops import Ops

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

PERSON_HINT = {"recovery": "留空则为全部有未结清追回款的人员，每人一页"}


class FormsPage(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._busy = False
        self._followed = ""  # the last number taken from the register's selection
        self.data: Any = None
        self.kind_combo = QComboBox(self)
        for kind in FORM_KINDS:
            self.kind_combo.addItem(form_label(kind), kind)
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("18 位身份证号"))
        self.month_edit = QLineEdit(str(Month.of(today())), self)
        self.month_edit.setPlaceholderText("YYYY-MM")
        d = today()
        self.first_edit, self.last_edit, self.on_edit = (QDateEdit(self) for _ in range(3))
        for edit, value in ((self.first_edit, d.replace(day=1)), (self.last_edit, d),
                            (self.on_edit, d)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(qdate(value))
        self.span_row = QWidget(self)
        span = QHBoxLayout(self.span_row)
        span.setContentsMargins(0, 0, 0, 0)
        span.addWidget(self.first_edit)
        span.addWidget(QLabel(self.tr("至"), self))
        span.addWidget(self.last_edit)
        span.addStretch(1)
        self.full_id_check = QCheckBox(self.tr("名单中显示完整身份证号"), self)
        self.full_id_check.setVisible("people.unmask" not in PERMISSIONS
                                      or operator.can("people.unmask"))
        self.hint = WrapLabel("", self)
        self.hint.setStyleSheet("color: #555")
        self.form = QFormLayout()
        self.form.addRow(self.tr("表格"), self.kind_combo)
        self.form.addRow(self.tr("身份证号"), self.id_edit)
        self.form.addRow("", self.hint)
        self.form.addRow(self.tr("月份"), self.month_edit)
        self.form.addRow(self.tr("发证日期"), self.span_row)
        self.form.addRow(self.tr("填表日期"), self.on_edit)
        self.form.addRow("", self.full_id_check)
        self.preview_button = QPushButton(self.tr("预览"), self)
        self.preview_button.clicked.connect(lambda _c=False: self.preview())
        self.pdf_button = QPushButton(self.tr("生成PDF… (Ctrl+P)"), self)
        self.pdf_button.setShortcut(QKeySequence("Ctrl+P"))
        self.pdf_button.clicked.connect(lambda _c=False: self.save_pdf())
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        self.message = WrapLabel("", self)
        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setReadOnly(True)
        self.preview_text.setPlaceholderText(self.tr(
            "选择表格，填写身份证号或月份，按“预览”核对表格内容，再按“生成PDF”保存。"))
        inputs = QWidget(self)
        inputs.setLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(inputs, 0, Qt.AlignmentFlag.AlignLeft)  # as wide as the form needs
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.preview_text, 1)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._on_kind_changed())
        self.id_edit.returnPressed.connect(self.preview)
        self.month_edit.returnPressed.connect(self.preview)
        self._on_kind_changed()

    # --- inputs ------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_person(self, id_number: str) -> None:
        self.id_edit.setText(id_number)

    def follow(self, register_page: Any) -> None:
        """Offer the person selected in the register, unless the clerk typed another number."""
        register_page.person_changed.connect(self._on_register_person)

    def _on_register_person(self, person: Any) -> None:
        if person is not None and self.id_edit.text().strip() in ("", self._followed):
            self._followed = person.id_number
            self.id_edit.setText(person.id_number)

    def _on_kind_changed(self) -> None:
        kind = self.kind()
        person = kind in ("application", "stop", "recovery")
        self.form.setRowVisible(self.id_edit, person)
        self.hint.setText(self.tr("留空则为全部有未结清追回款的人员，每人一页")
                          if kind in PERSON_HINT else "")
        self.form.setRowVisible(self.hint, kind in PERSON_HINT)
        self.form.setRowVisible(self.month_edit, kind == "adjust")
        self.form.setRowVisible(self.span_row, kind == "pickup")
        self.form.setRowVisible(self.full_id_check, kind in ("adjust", "pickup"))
        self.data = None
        self.preview_text.clear()
        self.message.clear()

    def _request(self) -> dict[str, Any]:
        kind = self.kind()
        args: dict[str, Any] = {"on": self.on_edit.date().toPython()}
        if kind in ("application", "stop", "recovery"):
            args["id_number"] = self.id_edit.text().strip() or None
        if kind == "adjust":
            args["month"] = Month.parse(self.month_edit.text())
        if kind == "pickup":
            args["first"], args["last"] = (self.first_edit.date().toPython(),
                                           self.last_edit.date().toPython())
        return args

    # --- actions -----------------------------------------------------------------------
    def preview(self) -> None:
        self._run(None)

    def save_pdf(self) -> None:
        kind = self.kind()
        what = self.id_edit.text().strip() if kind in ("application", "stop", "recovery") \
            else self.month_edit.text().strip() if kind == "adjust" \
            else f"{self.first_edit.date().toPython()}_{self.last_edit.date().toPython()}"
        name = f"{FORM_KINDS[kind]}_{what or '全部'}.pdf"
        path = FileDialog.ask_save(self, self.tr("保存PDF"), name, self.tr("PDF 文件 (*.pdf)"))
        if path is not None:
            self._run(path)

    def _run(self, path: Any) -> None:
        if self._busy:
            return
        try:
            args = self._request()
        except ElderError as exc:
            self._say(error_message(exc), error=True)
            return
        forms, op, kind = self._services.forms, self._op, self.kind()
        mask = not self.full_id_check.isChecked()

        def work() -> tuple[Any, Any]:
            data = forms.fill(op, kind, **args)
            return data, forms.write_pdf(op, data, path, mask=mask) if path else None

        self._busy = True
        self._say(self.tr("正在生成……") if path else self.tr("正在读取……"))
        self._update_actions()
        self._ops.run(work, self._on_done, self._failed)

    def _on_done(self, result: tuple[Any, Any]) -> None:
        self._busy = False
        self.data, written = result
        self.preview_text.setPlainText(summary(self.data))
        self._say(self.tr("已保存：{f}").format(f=written) if written else self.tr("预览如下"))
        self._update_actions()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.data = None
        self.preview_text.clear()
        self._say(error_text(exc), error=True)
        self._update_actions()

    def _say(self, text: str, error: bool = False) -> None:
        show_status(self.message, text, error)

    def _update_actions(self) -> None:
        for b in (self.preview_button, self.pdf_button):
            b.setEnabled(not self._busy)
