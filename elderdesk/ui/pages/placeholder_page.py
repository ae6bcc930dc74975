"""A page of a screen not built yet: says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from elderdesk.ui.layout import WrapLabel, relative_font


class PlaceholderPage(QWidget):
    def __init__(self, title: str, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        relative_font(heading, 4, bold=True)
        body = WrapLabel(summary, self)
        self.notice = QLabel(self.tr("此功能将在后续版本提供"), self)
        self.notice.setStyleSheet("font-size: 13pt; color: #9a5b00")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addSpacing(12)
        layout.addWidget(self.notice)
