"""Live checking of an ID number as the clerk types: what it says, or what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import IdInfo, clean_id, parse_id
from elderdesk.domain.months import age_on
from elderdesk.domain.person import SEX_NAMES
from elderdesk.ui.data_text import error_message, tr_data
from elderdesk.ui.layout import WrapLabel, fit_window

OK, PENDING, BAD = "ok", "pending", "bad"
_COLORS = {OK: "#1b6e20", PENDING: "#555555", BAD: "#b01c1c"}


translate = QCoreApplication.translate  # literal contexts for lupdate


@dataclass(frozen=True)
class IdCheck:
    """The verdict on what has been typed so far."""

    state: str  # ok | pending | bad
    text: str  # Chinese, for the label under the field
    info: IdInfo | None = None
    error: ElderError | None = None


def check_id(value: str, today: date) -> IdCheck:
    """Pure function: partial input is 'pending', not an error, until it could be complete."""
    text = clean_id(value)
    if not text:
        return IdCheck(PENDING, translate("IdCheck", "请输入 18 位身份证号（15 位旧号码会自动转换）"))
    digits = text[:-1] if text.endswith("X") else text
    typing = digits.isascii() and digits.isdigit() and len(text) < 18 and len(text) != 15
    if typing and not text.endswith("X"):
        return IdCheck(PENDING, translate("IdCheck", "已输入 {n} 位").format(n=len(text)))
    try:
        info = parse_id(text, today)
    except ElderError as exc:
        return IdCheck(BAD, error_message(exc), error=exc)
    details = translate("IdCheck", "出生日期 {birth}　性别 {sex}　{age} 岁").format(
        birth=info.birth_date.isoformat(), sex=tr_data(SEX_NAMES[info.sex]),
        age=age_on(info.birth_date, today))
    if info.converted_from_15:
        details = translate("IdCheck", "15 位旧号码已转换为 18 位：{number}").format(number=info.number) + \
            "\n" + details
    return IdCheck(OK, details, info=info)


class IdNumberEdit(QWidget):
    """A line edit for the ID with a live verdict below it."""

    checked = Signal(object)  # IdCheck

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(24)
        self.edit.setPlaceholderText(self.tr("例如 420103194903120013"))
        self.status = WrapLabel("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self.edit.textChanged.connect(self._on_text_changed)
        self.result = check_id("", today)
        self._show(self.result)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        self.edit.setText(text)

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802
        self.edit.setReadOnly(read_only)

    def show_note(self, text: str, state: str = PENDING) -> None:
        """Replace the verdict line (e.g. 'already registered')."""
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {_COLORS[state]}")
        fit_window(self)  # a longer verdict: the dialog grows, the field is not squeezed

    def _on_text_changed(self, text: str) -> None:
        self.result = check_id(text, self._today)
        self._show(self.result)
        self.checked.emit(self.result)

    def _show(self, result: IdCheck) -> None:
        self.show_note(result.text, result.state)
