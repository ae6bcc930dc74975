"""The 显示完整身份证号 checkboxes: only roles that work with full numbers may tick them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator


def guard_unmask(check: QCheckBox, operator: Operator) -> QCheckBox:
    """Disable the checkbox (unticked, with a tooltip saying why) unless people.unmask."""
    if not operator.can("people.unmask"):
        check.setChecked(False)
        check.setEnabled(False)
        check.setToolTip(QCoreApplication.translate(
            "unmask", "只有经办、审批人员和管理员可以查看完整身份证号和银行账号"))
    return check
