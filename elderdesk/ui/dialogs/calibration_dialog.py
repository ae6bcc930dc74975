"""Per-printer X/Y offsets (mm) for data-only printing on pre-printed stock, and the test page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from elderdesk.domain.cards import MAX_OFFSET_MM
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import WrapLabel
from elderdesk.ui.ops import Ops
from elderdesk.ui.pdf_printing import print_with_dialog

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.printing import CardOffset
    from elderdesk.services.container import Services


def printer_combo(parent: QWidget, names: list[str], current: str) -> QComboBox:
    """An editable list of printers; the first entry ("") stands for any other printer."""
    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("CalibrationDialog", "（未指定打印机）"), "")
    for name in names:
        combo.addItem(name, name)
    if current and combo.findData(current) < 0:
        combo.addItem(current, current)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class CalibrationDialog(RecordDialog):
    def __init__(self, ops: Ops, services: Services, operator: Operator, printers: list[str],
                 printer: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._services, self._op = services, operator
        self.setWindowTitle(self.tr("套打校准"))
        self.printer_combo = printer_combo(self, printers, printer)
        self.printer_combo.currentIndexChanged.connect(lambda _i: self._load())
        self.x_spin, self.y_spin = self._spin(), self._spin()
        self.current_label = QLabel(self)
        self.pdf_button = QPushButton(self.tr("保存校准页PDF…"), self)
        self.pdf_button.clicked.connect(self.save_page)
        self.print_button = QPushButton(self.tr("打印校准页…"), self)
        self.print_button.clicked.connect(self.print_page)
        self.page_label = WrapLabel("", self)
        pages = QHBoxLayout()
        pages.addWidget(self.pdf_button)
        pages.addWidget(self.print_button)
        pages.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("打印机"), self.printer_combo)
        form.addRow(self.tr("X 偏移（向右为正）"), self.x_spin)
        form.addRow(self.tr("Y 偏移（向下为正）"), self.y_spin)
        form.addRow(self.tr("已保存"), self.current_label)
        form.addRow(self.tr("校准页"), pages)
        form.addRow("", self.page_label)
        self._finish(form, self.tr(
            "套打（预印证本）时每台打印机的进纸位置略有不同。先按当前偏移打印校准页到空白证本，"
            "用直尺量刻度“20”到纸张左边缘和上边缘的距离：横向量得 20 + a 毫米，X 偏移减 a；"
            "纵向量得 20 + b 毫米，Y 偏移减 b。保存后重新打印校准页核对。"), self.tr("保存偏移"))
        self.ok_button.setEnabled(operator.can("card.calibrate"))
        self._load()

    def _spin(self) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(self.tr(" 毫米"))
        return spin

    def printer(self) -> str:
        return self.printer_combo.currentData() or ""

    def _load(self) -> None:
        printer, cards, op = self.printer(), self._services.cards, self._op
        self._ops.run(lambda: cards.printer.calibration(op, printer),
                      lambda offset: self._on_loaded(printer, offset), self._on_failed)

    def _on_loaded(self, printer: str, offset: CardOffset) -> None:
        if printer != self.printer():
            return
        self.x_spin.setValue(offset.x_mm)
        self.y_spin.setValue(offset.y_mm)
        self.current_label.setText(self.tr("X {x:+.1f} 毫米，Y {y:+.1f} 毫米").format(
            x=offset.x_mm, y=offset.y_mm))

    def _on_ok_clicked(self) -> None:
        printer, x, y = self.printer(), self.x_spin.value(), self.y_spin.value()
        cards, op = self._services.cards, self._op
        self._submit(lambda: cards.printer.set_calibration(op, printer, x, y))

    def save_page(self) -> None:
        path = FileDialog.ask_save(self, self.tr("保存校准页"), self.tr("套打校准页.pdf"),
                                   self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return
        cards, op, printer = self._services.cards, self._op, self.printer()
        self._ops.run(lambda: cards.printer.calibration_page(op, path, printer),
                      lambda _xy: self.page_label.setText(
                          self.tr("已保存校准页：{path}").format(path=path)), self._on_failed)

    def print_page(self) -> None:
        cards, op = self._services.cards, self._op
        print_with_dialog(self, self._ops, self.printer(),
                          lambda path, name: cards.printer.calibration_page(op, path, name),
                          lambda _n: self.page_label.setText(self.tr("校准页已送往打印机")),
                          self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(self._op.can("card.calibrate"))
        self.error_label.setText(error_text(exc))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, services: Services, operator: Operator,
            printers: list[str], printer: str = "") -> CardOffset | None:
        """Show the dialog; the saved offset, or None if closed without saving."""
        return cls._run(cls(ops, services, operator, printers, printer, parent=parent))
