"""A roster compared with the previous frozen one: new, stopped, band changed, arrears, recoveries."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from elderdesk.ui.layout import FitDialog, WrapLabel
from elderdesk.ui.models.roster_models import (
    ARREARS,
    BAND_CHANGED,
    NEW,
    RECOVERY,
    STOPPED,
    ComparisonTableModel,
)
from elderdesk.ui.widgets.record_table import record_table


class CompareDialog(FitDialog):
    def __init__(self, comparison: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("与上期比较"))
        self.model = ComparisonTableModel(self)
        self.model.set_comparison(comparison)
        m = self.model
        if comparison.previous:
            head = self.tr("{period} 与上期 {previous} 比较：").format(
                period=comparison.period, previous=comparison.previous)
        else:
            head = self.tr("{period} 之前没有已冻结的花名册，全部作为新增：").format(
                period=comparison.period)
        counts = self.tr("新增 {new} 人，停发 {stopped} 人，档次变化 {band} 人，"
                         "有补发 {arrears} 人，有追回 {recovery} 人。").format(
            new=m.count(NEW), stopped=m.count(STOPPED), band=m.count(BAND_CHANGED),
            arrears=m.count(ARREARS), recovery=m.count(RECOVERY))
        self.summary = WrapLabel(head + counts, self)
        self.table = record_table(self, self.model)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 480)

    @classmethod
    def ask(cls, parent: QWidget | None, comparison: Any) -> None:
        dialog = cls(comparison, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
