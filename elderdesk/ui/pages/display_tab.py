"""The 系统 page's 界面 tab: language (at the next start) and font size (at once), per PC."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from elderdesk.ui import preferences as prefs
from elderdesk.ui.layout import WrapLabel


class DisplayTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language_combo = QComboBox(self)
        for code, name in prefs.LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(prefs.language()))
        self.language_combo.currentIndexChanged.connect(self._on_language)
        self.font_combo = QComboBox(self)
        for key, points in prefs.FONT_SIZES:
            self.font_combo.addItem(self.tr("{label}（{points} 磅）").format(
                label=prefs.font_label(key), points=points), key)
        self.font_combo.setCurrentIndex(self.font_combo.findData(prefs.font_size()))
        self.font_combo.currentIndexChanged.connect(
            lambda _i: prefs.apply_font_size(self.font_combo.currentData()))
        self.status = WrapLabel("", self)
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language_combo)
        form.addRow(self.tr("字体大小"), self.font_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("这些设置只保存在本机。字体大小立即生效；界面语言在下次启动程序时生效。"
                              "出错提示目前只有中文。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555")
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _on_language(self, _index: int) -> None:
        prefs.set_language(self.language_combo.currentData())
        self.status.setText(self.tr("已保存：下次启动程序时生效。"))
