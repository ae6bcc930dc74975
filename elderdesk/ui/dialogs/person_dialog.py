"""Add or edit one person: every field of PersonInput, the ID checked live as it is typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import IdInfo
from elderdesk.domain.person import HOUSEHOLD_NAMES, SEX_NAMES, TEXT_FIELDS, Person, PersonInput
from elderdesk.services.clock import today
from elderdesk.services.people.service import PeopleService, version_of
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.dialogs.record_dialog import RecordDialog
from elderdesk.ui.errors import error_line, error_text
from elderdesk.ui.labels import field_label, household_label
from elderdesk.ui.layout import fit_window, show_start
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.id_check import BAD, OK, IdCheck, IdNumberEdit

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.service import CardService
    from elderdesk.services.container import Services
    from elderdesk.ui.widgets.card_reader import CardRead

# Line-edit fields in the order of the form: (field, column 0 = left, 1 = right)
_LINE_FIELDS = (("name", 0), ("ethnicity", 0), ("phone", 0),
                ("street", 1), ("community", 1), ("household_address", 1),
                ("current_address", 1), ("bank", 1), ("account", 1))


class PersonDialog(RecordDialog):
    """Saves through the services in the background; errors stay in the dialog, in Chinese."""

    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 person: Person | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        self._services, self._op = services, operator
        self.person = person  # the saved person once accepted
        self._editing = person is not None
        # what the clerk sees: a save after someone else changed the person is refused
        self._version = version_of(person) if person is not None else None
        self.chip_photo: bytes | None = None  # the ID card's photo (PNG), offered by from_card
        self.chip_check: QCheckBox | None = None
        self.setWindowTitle(self.tr("修改人员信息") if self._editing else self.tr("登记新人员"))
        self._build()
        if person is not None:
            self._fill(person)
        (self.fields["name"] if self._editing else self.id_edit.edit).setFocus()

    # --- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.id_edit = IdNumberEdit(today(), self)
        self.id_edit.checked.connect(self._on_id_checked)
        self.sex_label = QLabel(self.tr("（由身份证号确定）"), self)
        self.override_edit = QLineEdit(self)
        self.override_edit.setPlaceholderText(self.tr("校验位错误但证件无误时，由管理员填写原因"))
        self.override_label = QLabel(self.tr("强制登记原因"), self)
        self.fields: dict[str, QLineEdit] = {}
        for name, _ in _LINE_FIELDS:
            edit = QLineEdit(self)
            edit.setMaxLength(TEXT_FIELDS[name][1])
            self.fields[name] = edit
        # The allowance is paid only to a bank account (allowance-rules.md section 4): digits
        # may be typed in groups (spaces are not counted), the bank goes with the account.
        self.fields["account"].setMaxLength(40)
        self.fields["account"].setPlaceholderText(self.tr("12 到 30 位数字，可用空格分组"))
        self.fields["bank"].setPlaceholderText(self.tr("发放高龄津贴须填写开户银行和银行账号"))
        self.household = QComboBox(self)
        for key in HOUSEHOLD_NAMES:  # not recorded counts as local everywhere (card rules)
            self.household.addItem(household_label(key), key)
        self.permit_check = QCheckBox(self.tr("有居住证，有效期至"), self)
        self.permit_date = QDateEdit(self)
        self.permit_date.setCalendarPopup(True)
        self.permit_date.setDisplayFormat("yyyy-MM-dd")
        d = today()  # the program's today (ELDERDESK_TODAY), not the system clock
        self.permit_date.setDate(QDate(d.year, d.month, d.day).addYears(1))
        self.permit_date.setEnabled(False)
        self.permit_check.toggled.connect(self.permit_date.setEnabled)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.error_label = error_line(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("保存"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.ok_button = self.save_button  # RecordDialog's name for it (_submit, _on_failed)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._show_override(False)
        self.setMinimumWidth(680)  # the ID verdict below the field must not make the dialog jump

    def _label(self, name: str) -> str:
        return field_label(name)

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setColumnMinimumWidth(1, 220)
        grid.setColumnMinimumWidth(3, 260)
        grid.addWidget(QLabel(self.tr("身份证号"), self), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.id_edit, 0, 1, 1, 3)
        grid.addWidget(self.override_label, 1, 0)
        grid.addWidget(self.override_edit, 1, 1, 1, 3)
        rows = [2, 2]
        for name, column in _LINE_FIELDS:
            row = rows[column]
            grid.addWidget(QLabel(self._label(name), self), row, column * 2)
            grid.addWidget(self.fields[name], row, column * 2 + 1)
            rows[column] += 1
            if name == "name":
                grid.addWidget(QLabel(self.tr("性别"), self), rows[0], 0)
                grid.addWidget(self.sex_label, rows[0], 1)
                rows[0] += 1
        grid.addWidget(QLabel(self.tr("户籍类型"), self), rows[0], 0)
        grid.addWidget(self.household, rows[0], 1)
        permit = QHBoxLayout()
        permit.addWidget(self.permit_check)
        permit.addWidget(self.permit_date, 1)
        grid.addLayout(permit, rows[0] + 1, 0, 1, 2)
        last = max(rows[0] + 2, rows[1])
        grid.addWidget(QLabel(self._label("notes"), self), last, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.notes, last, 1, 1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Down the left column (household and permit included), then down the right one."""
        f = self.fields
        chain = [self.id_edit.edit, self.override_edit, f["name"], f["ethnicity"], f["phone"],
                 self.household, self.permit_check, self.permit_date, f["street"],
                 f["community"], f["household_address"], f["current_address"], f["bank"],
                 f["account"], self.notes, *self.buttons.buttons()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fill(self, p: Person) -> None:
        self.id_edit.setText(p.id_number)
        self.id_edit.setReadOnly(True)
        self.id_edit.show_note(self.tr("身份证号不能在此修改（更正身份证号需由审批人员办理）"))
        self.sex_label.setText(tr_data(SEX_NAMES.get(p.sex, p.sex)))
        for name, edit in self.fields.items():
            edit.setText(getattr(p, name) or "")
        show_start(*self.fields.values())  # an address shows its beginning, not its end
        self.household.setCurrentIndex(max(0, self.household.findData(p.household_type)))
        if p.residence_permit_expiry is not None:
            self.permit_check.setChecked(True)
            d = p.residence_permit_expiry
            self.permit_date.setDate(QDate(d.year, d.month, d.day))
        self.notes.setPlainText(p.notes or "")

    def fill_from_card(self, read: CardRead) -> None:
        """A card read at the counter (读卡): the ID, name, ethnicity and address as the chip
        gives them (sex and birth date follow from the ID), and the chip photo offered as the
        senior card's photo when the operator may store photos."""
        card = read.card
        assert card is not None
        self.id_edit.setText(card.id_number)  # its verdict line shows sex, birth date, age
        self.id_edit.setReadOnly(True)
        self.setWindowTitle(self.tr("登记新人员（已读取身份证）"))
        self.fields["name"].setText(card.name)
        self.fields["ethnicity"].setText(card.nation)
        self.fields["household_address"].setText(card.address)
        show_start(*self.fields.values())
        if read.photo is not None and read.photo_image is not None and \
                self._op.can("card.issue"):
            self.chip_photo = read.photo
            thumb = QLabel(self)
            thumb.setPixmap(QPixmap.fromImage(read.photo_image).scaledToHeight(
                96, Qt.TransformationMode.SmoothTransformation))
            self.chip_check = QCheckBox(self.tr("用身份证照片作为老年证照片"), self)
            self.chip_check.setToolTip(self.tr(
                "照片按一寸照比例居中裁剪后保存，发证时使用；不勾选则不保存身份证照片"))
            row = QHBoxLayout()
            row.addWidget(thumb)
            row.addWidget(self.chip_check, 1)
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertLayout(layout.indexOf(self.error_label), row)
            QWidget.setTabOrder(self.notes, self.chip_check)
        self.fields["phone"].setFocus()  # what the card does not give

    # --- live checks -------------------------------------------------------------------
    def _show_override(self, visible: bool) -> None:
        self.override_label.setVisible(visible)
        self.override_edit.setVisible(visible)
        fit_window(self)

    def _on_id_checked(self, result: IdCheck) -> None:
        info: IdInfo | None = result.info
        self.sex_label.setText(tr_data(SEX_NAMES[info.sex]) + self.tr("（由身份证号确定）")
                               if info else self.tr("（由身份证号确定）"))
        self._show_override(result.state == BAD and result.error is not None
                            and result.error.code == "ID_CHECKSUM"
                            and self._op.can("people.override_checksum"))
        if result.state == OK and info is not None and not self._editing:
            self._look_up(info.number)

    def _look_up(self, number: str) -> None:
        """Tell the clerk at once if this ID is already registered."""
        def done(found: Person | None) -> None:
            current = self.id_edit.result
            if found is not None and current.info is not None and current.info.number == number:
                self.id_edit.show_note(
                    self.tr("此身份证号已登记：{name}（{status}），不能重复登记")
                    .format(name=found.name, status=tr_data(found.status_name)), BAD)

        self._ops.run(lambda: self._find(number), done, lambda _exc: None)

    def _find(self, number: str) -> Person | None:
        try:
            return self._services.people.get(self._op, number)
        except ElderError:
            return None

    # --- saving ------------------------------------------------------------------------
    def person_input(self) -> PersonInput:
        values = {name: edit.text() or None for name, edit in self.fields.items()}
        expiry = self.permit_date.date().toPython() if self.permit_check.isChecked() else None
        return PersonInput(id_number=self.id_edit.text(), household_type=self.household.currentData(),
                           residence_permit_expiry=expiry,
                           notes=self.notes.toPlainText() or None, **values)

    def _on_save_clicked(self) -> None:
        data = self.person_input()
        if data.account and not (data.bank or "").strip():  # an account alone pays nothing
            self.error_label.setText(error_text(ElderError("FIELD_REQUIRED", field="开户银行")))
            return
        people, op = self._services.people, self._op
        if self._editing:
            assert self.person is not None
            number, version = self.person.id_number, self._version
            fn = lambda: people.update(op, number, data, expected=version)  # noqa: E731
        else:
            reason = self.override_edit.text() if self.override_edit.isVisible() else ""
            override = reason or None
            photo = self.chip_photo if self.chip_check is not None and \
                self.chip_check.isChecked() else None
            cards = self._services.cards
            fn = lambda: _add(people, cards, op, data, override, photo)  # noqa: E731
        self._submit(fn)

    def _on_saved(self, person: Person) -> None:
        self.person = person
        super()._on_saved(person)

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, services: Services, operator: Operator,
            person: Person | None = None) -> Person | None:
        """Show the dialog; the saved person, or None if cancelled."""
        return cls._run(cls(ops, services, operator, person, parent))

    @classmethod
    def ask_from_card(cls, parent: QWidget | None, ops: Ops, services: Services,
                      operator: Operator, read: CardRead) -> Person | None:
        """The new-person dialog filled in from a card read (读卡 for someone not registered)."""
        dialog = cls(ops, services, operator, None, parent)
        dialog.fill_from_card(read)
        return cls._run(dialog)


def _add(people: PeopleService, cards: CardService, op: Operator, data: PersonInput,
         override: str | None, photo: bytes | None) -> Person:
    """Register the person; with the chip photo accepted, store it as their card photo (what the
    card issue then uses). The photo is checked first, so a refusal saves nothing."""
    if photo is not None:
        from elderdesk.services.cards.photo import prepare

        prepare(photo, None, "身份证照片")
    person = people.add(op, data, checksum_override=override)
    if photo is not None:
        cards.set_photo(op, person.id_number, photo, None, "身份证照片")
    return person
