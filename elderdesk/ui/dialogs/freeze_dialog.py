"""Confirm freezing a roster: its totals, in figures and in capitals, before it becomes final."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.money import fen_to_capital, fen_to_str
from elderdesk.domain.roster import RosterView
from elderdesk.ui.layout import FitDialog


class FreezeDialog(FitDialog):
    def __init__(self, view: RosterView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("冻结花名册"))
        t = view.totals_fen()
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        rows = (("period", self.tr("期次"), view.period),
                ("people", self.tr("发放人数"), self.tr("{n} 人").format(n=t["people"])),
                ("regular", self.tr("正常发放"), self._yuan(t["regular"])),
                ("arrears", self.tr("补发"), self._yuan(t["arrears"])),
                ("paid", self.tr("发放合计"), self._yuan(t["paid"])),
                ("capital", self.tr("合计（大写）"), fen_to_capital(t["paid"])),
                ("recovery", self.tr("追回（另列）"), self._yuan(t["recovery"])))
        for key, label, value in rows:
            self.values[key] = QLabel(value, self)
            form.addRow(label, self.values[key])
        self.values["paid"].setStyleSheet("font-weight: bold")
        note = QLabel(self.tr("冻结后花名册不能再修改，发放金额记入发放台账，并可导出银行文件。"
                              "请核对人数和金额无误后再冻结。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #9a5b00")
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("确认冻结"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # Enter must not freeze by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.missing_label: QLabel | None = None
        missing = view.missing_accounts
        if missing:  # withheld for want of an account: nothing of theirs is frozen as paid
            self.missing_label = QLabel(self.tr(
                "{n} 人没有有效的开户银行和银行账号，本期不发放（账号待补录），共 {amount} 元。"
                "请在“老人档案”中点“修改”或用 elderdesk people account 补录，"
                "补录后生成的花名册将补发。").format(
                    n=len(missing), amount=fen_to_str(sum(w.amount_fen for w in missing),
                                                      grouping=True)), self)
            self.missing_label.setWordWrap(True)
            self.missing_label.setStyleSheet("color: #b00020; font-weight: bold")
            layout.addWidget(self.missing_label)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _yuan(self, fen: int) -> str:
        return self.tr("{amount} 元").format(amount=fen_to_str(fen, grouping=True))

    @classmethod
    def ask(cls, parent: QWidget | None, view: RosterView) -> bool:
        """Show the totals; True if the approver confirmed the freeze."""
        dialog = cls(view, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
