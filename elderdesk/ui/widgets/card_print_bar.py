"""The card page's print row: mode, printer, preview, system print, save as PDF, calibration."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from elderdesk.ui.data_text import message
from elderdesk.ui.dialogs.calibration_dialog import CalibrationDialog, printer_combo
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.keys import KEY_PROPERTY, PRINT_CARD
from elderdesk.ui.layout import FlowLayout
from elderdesk.ui.ops import Ops
from elderdesk.ui.pdf_printing import preview_in_dialog, print_with_dialog, printer_names

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.printing import PrintOutcome
    from elderdesk.services.container import Services

# () -> (ID numbers to print, a few words naming them for titles and file names)
Targets = Callable[[], tuple[list[str], str]]


class CardPrintBar(QWidget):
    message = Signal(str)  # what was done (and any warnings), for the page's status line
    failed = Signal(object)  # an exception, for the page to show

    def __init__(self, ops: Ops, services: Services, operator: Operator, targets: Targets,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op, self._targets = ops, services, operator, targets
        self.mode_combo = QComboBox(self)
        for mode, label in (("full", self.tr("整卡（空白卡）")), ("overlay", self.tr("套打（预印证本）")),
                            ("sheet", self.tr("A4 整版（带裁切线）"))):
            self.mode_combo.addItem(label, mode)
        names, default = printer_names()
        self._printers = names
        self.printer_combo = printer_combo(self, names, default)
        self.printer_combo.setMinimumContentsLength(12)
        self.preview_button = self._button(self.tr("打印预览…"), "Ctrl+Shift+P", self.preview)
        self.print_button = self._button(self.tr("打印…"), "Ctrl+P", self.print_cards)
        self.print_button.setProperty(KEY_PROPERTY, PRINT_CARD)  # F9 presses it on this page
        self.pdf_button = self._button(self.tr("保存PDF…"), "Ctrl+S", self.save_pdf)
        self.calibrate_button = self._button(self.tr("套打校准…"), "", self.calibrate)
        layout = FlowLayout(self)  # wraps in a narrow window at a large font
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("打印方式"), self))
        layout.addWidget(self.mode_combo)
        layout.addWidget(QLabel(self.tr("打印机"), self))
        layout.addWidget(self.printer_combo)
        for b in (self.preview_button, self.print_button, self.pdf_button, self.calibrate_button):
            layout.addWidget(b)
        layout.addStretch(1)
        self.update_actions()

    def _button(self, text: str, keys: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(f"{text} ({keys})" if keys else text, self)
        if keys:
            button.setShortcut(QKeySequence(keys))
        button.clicked.connect(slot)
        return button

    def mode(self) -> str:
        return self.mode_combo.currentData()

    def printer(self) -> str:
        return self.printer_combo.currentData() or ""

    def update_actions(self) -> None:
        ids, _label = self._targets()
        can = bool(ids) and self._op.can("card.print")
        for b in (self.preview_button, self.print_button, self.pdf_button):
            b.setEnabled(can)

    # --- actions -------------------------------------------------------------------------
    def _maker(self, ids: list[str], mode: str) -> Callable[[Path, str], PrintOutcome]:
        cards, op = self._services.cards, self._op
        return lambda path, printer: cards.printer.print_cards(op, ids, path, mode, printer or None)

    def preview(self) -> None:
        ids, label = self._targets()
        if ids and self.preview_button.isEnabled():
            preview_in_dialog(self, self._ops, self.printer(), self._maker(ids, self.mode()),
                              self.failed.emit, self.tr("老年证打印预览：{who}").format(who=label),
                              lambda o: self._report(self.tr("打印预览：{who}").format(who=label),
                                                     o))

    def print_cards(self) -> None:
        ids, label = self._targets()
        if ids and self.print_button.isEnabled():
            print_with_dialog(self, self._ops, self.printer(), self._maker(ids, self.mode()),
                              lambda pages, o: self._report(self.tr(
                                  "已送往打印机：{who}，{pages} 页").format(who=label, pages=pages), o),
                              self.failed.emit)

    def save_pdf(self) -> None:
        ids, label = self._targets()
        if not ids or not self.pdf_button.isEnabled():
            return
        path = FileDialog.ask_save(self, self.tr("保存老年证PDF"),
                                   self.tr("老年证_{who}.pdf").format(who=label),
                                   self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return
        make = self._maker(ids, self.mode())
        printer = self.printer()
        self._ops.run(lambda: make(path, printer), lambda o: self._report(self.tr(
            "已保存 {path}：{cards} 张老年证，{pages} 页").format(
            path=path, cards=o.cards, pages=o.pages), o), self.failed.emit, write=True)

    def _report(self, text: str, outcome: PrintOutcome) -> None:
        """The message with the printing warnings (data changed, characters without a font)."""
        for code, params in outcome.warnings:
            text += "\n" + message(code, **params)
        self.message.emit(text)

    def calibrate(self) -> None:
        saved = CalibrationDialog.ask(self, self._ops, self._services, self._op,
                                      self._printers, self.printer())
        if saved is not None:
            self.message.emit(self.tr("已保存套打校准偏移：X {x:+.1f} 毫米，Y {y:+.1f} 毫米").format(
                x=saved.x_mm, y=saved.y_mm))
