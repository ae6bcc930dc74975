"""The detail pane of the register: one person's record, read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from elderdesk.domain.idcard import mask_account, mask_id
from elderdesk.domain.months import age_on
from elderdesk.domain.person import HOUSEHOLD_NAMES, SEX_NAMES, Person
from elderdesk.services.clock import today
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.labels import field_label
from elderdesk.ui.layout import relative_font

_STATUS_COLORS = {"active": "#1b6e20", "deceased": "#555555", "moved_out": "#9a5b00"}
# Rows of the form after the fixed ones: plain text fields of the person
_TEXT_ROWS = ("ethnicity", "household_address", "current_address", "street", "community",
              "phone", "bank")


class PersonDetail(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.person: Person | None = None
        self.masked = True
        self.title = QLabel(self)
        relative_font(self.title, 3, bold=True)  # follows the font size
        self.status = QLabel(self)
        self.placeholder = QLabel(self.tr("在列表中选择一位老人，这里显示其档案。"), self)
        self.placeholder.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        labels = [("id_number", self.tr("身份证号")), ("sex", self.tr("性别")),
                  ("birth", self.tr("出生日期")), ("household_type", self.tr("户籍类型")),
                  ("permit", self.tr("居住证有效期"))]
        labels += [(f, field_label(f)) for f in _TEXT_ROWS]
        labels += [("account", self.tr("银行账号")), ("notes", self.tr("备注"))]
        for key, label in labels:
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(label, value)
        self.later = QLabel(self)  # the end of the pane: sections are inserted before it
        self.later.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.later)
        self.history = None  # the payment history widget, once add_history gives one
        self.history_title = QLabel(self.tr("高龄津贴发放记录"), self)
        self.history_title.setStyleSheet("font-weight: bold")
        self.history_title.hide()
        self.trail = None  # the person's audit trail, once add_trail gives one
        self.trail_title = QLabel(self.tr("办理日志"), self)
        self.trail_title.setStyleSheet("font-weight: bold")
        self.trail_title.hide()
        self.show_person(None)

    def add_history(self, history: QWidget) -> None:
        """Show a payment history widget (it has show_person(id_number)) below the details."""
        layout = self.layout()
        for i in range(layout.count()):
            if layout.itemAt(i).spacerItem() is not None:
                layout.takeAt(i)  # the history table takes the spare height instead
                break
        history.setParent(self)
        self.history = history
        layout.insertWidget(layout.indexOf(self.later), self.history_title)
        layout.insertWidget(layout.indexOf(self.later), history, 1)
        self.show_person(self.person)

    def add_trail(self, trail: QWidget) -> None:
        """Show the person's audit trail (it has show_person(id_number)) at the end."""
        layout = self.layout()
        trail.setParent(self)
        self.trail = trail
        layout.insertWidget(layout.indexOf(self.later), self.trail_title)
        layout.insertWidget(layout.indexOf(self.later), trail, 1)
        self.show_person(self.person)

    def add_card_section(self, section: QWidget) -> None:
        """The senior card section (it follows the register's selection itself) under the form."""
        layout = self.layout()
        at = next(i for i in range(layout.count()) if layout.itemAt(i).layout() is self.form)
        section.setParent(self)
        layout.insertWidget(at + 1, section)

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        if self.trail is not None:
            self.trail.set_masked(masked)
        self.show_person(self.person)

    def show_person(self, p: Person | None) -> None:
        self.person = p
        self.placeholder.setVisible(p is None)
        for w in (self.title, self.status):
            w.setVisible(p is not None)
        for i in range(self.form.rowCount()):
            self.form.setRowVisible(i, p is not None)
        if self.history is not None:
            self.history_title.setVisible(p is not None)
            self.history.setVisible(p is not None)
            self.history.show_person(p.id_number if p is not None else None)
        if self.trail is not None:
            self.trail_title.setVisible(p is not None)
            self.trail.setVisible(p is not None)
            self.trail.show_person(p.id_number if p is not None else None)
        if p is None:
            return
        self.title.setText(p.name)
        self.status.setText(self._status_text(p))
        self.status.setStyleSheet(f"color: {_STATUS_COLORS.get(p.status, '#000000')}")
        v = self.values
        v["id_number"].setText(mask_id(p.id_number) if self.masked else p.id_number)
        v["sex"].setText(tr_data(SEX_NAMES.get(p.sex, p.sex)))
        v["birth"].setText(self.tr("{birth}（{age} 岁）").format(
            birth=p.birth_date.isoformat(), age=age_on(p.birth_date, self._age_day(p))))
        v["household_type"].setText(tr_data(HOUSEHOLD_NAMES.get(p.household_type or "local", "")))
        expiry = p.residence_permit_expiry
        v["permit"].setText(expiry.isoformat() if expiry else "")
        for f in _TEXT_ROWS:
            v[f].setText(getattr(p, f) or "")
        v["account"].setText(mask_account(p.account or "") if self.masked else (p.account or ""))
        v["notes"].setText(p.notes or "")

    @staticmethod
    def _age_day(p: Person):
        return p.death_date or today()

    def _status_text(self, p: Person) -> str:
        if p.status == "deceased" and p.death_date:
            return self.tr("已故（{date}）").format(date=p.death_date.isoformat())
        if p.status == "moved_out" and p.moved_out_on:
            return self.tr("已迁出（{date}）").format(date=p.moved_out_on.isoformat())
        return tr_data(p.status_name)
