"""The register page (老人档案): search as you type, the results table, the detail pane, actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.idcard import mask_id
from elderdesk.domain.person import Person
from elderdesk.services.clock import today
from elderdesk.ui.data_text import message
from elderdesk.ui.dialogs.end_dialog import DEATH, MOVED_OUT, EndDialog
from elderdesk.ui.dialogs.import_dialog import ImportDialog
from elderdesk.ui.dialogs.person_dialog import PersonDialog
from elderdesk.ui.errors import show_error, show_warnings
from elderdesk.ui.keys import deny
from elderdesk.ui.layout import FlowLayout
from elderdesk.ui.models.people_model import COL_COMMUNITY, PeopleTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.card_reader import DONE, CardRead, CardReader
from elderdesk.ui.widgets.person_detail import PersonDetail
from elderdesk.ui.widgets.record_table import record_table
from elderdesk.ui.widgets.street_filter import StreetFilter, street_pages
from elderdesk.ui.widgets.unmask import guard_unmask

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

SEARCH_DELAY_MS = 150
ENROLLED = ("applied", "reviewed", "approved")  # an application open or granted: proof of life counts
_MOVE_KEYS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}


class RegisterPage(QWidget):
    person_changed = Signal(object)  # the Person shown in the detail pane, or None

    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._open_when_loaded = False
        self._shown_id: str | None = None
        people = services.people
        self.model = PeopleTableModel(
            ops, lambda q, after, limit: people.search(operator, q, limit=limit, after=after), self)
        self.model.results_loaded.connect(self._on_results_loaded)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        self.model.rowsInserted.connect(self._update_count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        self._build()
        self._update_actions()

    # --- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            self.tr("输入姓名、拼音首字母（如 zsf）或身份证号的任意几位，按回车打开"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self._on_search_return)
        self.search_edit.installEventFilter(self)
        self.unmask_check = guard_unmask(QCheckBox(self.tr("显示完整身份证号"), self), self._op)
        self.unmask_check.toggled.connect(self._on_unmask_toggled)
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("查找"), self))
        top.addWidget(self.search_edit, 1)
        self.street_filter = StreetFilter(self._ops, self._services, self._op, self)  # district
        self.street_filter.found_district.connect(self._use_streets)
        self.street_filter.street_changed.connect(lambda _s: self._use_streets())
        top.addWidget(self.street_filter)
        top.addWidget(self.unmask_check)
        self.add_button = self._button(self.tr("新增登记"), "Ctrl+N", self.add_person)
        self.edit_button = self._button(self.tr("修改"), "F2", self.edit_selected)
        self.death_button = self._button(self.tr("登记死亡"), "Ctrl+D",
                                         lambda: self.end_selected(DEATH))
        self.moved_button = self._button(self.tr("登记迁出"), "Ctrl+M",
                                         lambda: self.end_selected(MOVED_OUT))
        self.import_button = self._button(self.tr("导入名册"), "Ctrl+I", self.import_workbook)
        # 读卡 (F3): a known person opens, an unknown one is registered from the card
        self.reader = CardReader(self._ops, self._services, self._op, self, look_up=True,
                                 window_key=True, compact=True)
        self.reader.card_read.connect(self._on_card_read)
        self.reader.finished.connect(self._on_read_finished)
        self.lifecert_button = QPushButton(self.tr("登记今日生存认证"), self)
        self.lifecert_button.setToolTip(self.tr("刚读取了身份证的老人本人在场：登记今天的生存认证"))
        self.lifecert_button.clicked.connect(lambda _c=False: self.record_lifecert_today())
        self.lifecert_button.hide()
        self._lifecert_for: Person | None = None  # the enrolled elder whose card was just read
        actions = FlowLayout()  # wraps in a narrow window at a large font
        for b in (self.reader, self.lifecert_button, self.add_button, self.edit_button,
                  self.death_button, self.moved_button, self.import_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        self.table = record_table(self, self.model, stretch=COL_COMMUNITY)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.installEventFilter(self)
        self.detail = PersonDetail(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        detail_scroll = QScrollArea(self)  # a short window scrolls the record, never squeezes it
        detail_scroll.setWidget(self.detail)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        for button, key, action in ((self.edit_button, "F2", "people.edit"),
                                    (self.death_button, "Ctrl+D", "people.death"),
                                    (self.moved_button, "Ctrl+M", "people.moved_out"),
                                    (self.import_button, "Ctrl+I", "import.people")):
            if not self._op.can(action):  # the key says which role it needs
                button.setShortcut(QKeySequence())
                deny(self, key, self._op, action)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search).setWhatsThis(
            self.tr("查找（光标回到查找框）"))
        self._update_count()

    def _button(self, text: str, keys: str, slot) -> QPushButton:
        button = QPushButton(f"{text} ({keys})", self)
        button.setShortcut(QKeySequence(keys))
        button.clicked.connect(slot)
        return button

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- searching ---------------------------------------------------------------------
    def _run_search(self) -> None:
        self._timer.stop()
        self.model.set_query(self.search_edit.text())

    def _on_results_loaded(self, _query: str) -> None:
        self._update_count()
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self._show(None)
        if self._open_when_loaded:
            self._open_when_loaded = False
            self.open_selected()

    def _on_search_return(self) -> None:
        if self._timer.isActive() or self.model.is_loading() or \
                self.model.query != self.search_edit.text().strip():
            self._open_when_loaded = True
            self._run_search()
        else:
            self.open_selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Search box: arrows move through the results, Esc clears. Table: Enter opens."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_edit:
            step = _MOVE_KEYS.get(key)
            if step is not None and self.model.rowCount() > 0:
                current = self.table.currentIndex().row()
                self.table.selectRow(min(max(current + step, 0), self.model.rowCount() - 1))
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
        elif watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def _update_count(self, *_args: object) -> None:
        n = self.model.rowCount()
        if not self.model.query:
            text = self.tr("请输入查找条件")
        elif n == 0 and not self.model.is_loading():
            text = self.tr("没有找到符合条件的人员")
        elif self.model.canFetchMore():
            text = self.tr("已显示 {n} 人，向下滚动显示更多").format(n=n)
        else:
            text = self.tr("共 {n} 人").format(n=n)
        self.count_label.setText(text)

    def _use_streets(self) -> None:
        """A district: the registering street of each row, only the chosen street's people."""
        people, op, services = self._services.people, self._op, self._services
        search = lambda q, after, limit: people.search(op, q, limit=limit, after=after)  # noqa: E731
        self.model.set_loader(street_pages(services, op, search, self.street_filter.street()))
        self.model.show_office()
        if self.model.query:
            self.model.refresh()

    def _on_unmask_toggled(self, checked: bool) -> None:
        self.model.set_masked(not checked)
        self.detail.set_masked(not checked)

    # --- the selected person -----------------------------------------------------------
    def selected_id(self) -> str | None:
        row = self.table.currentIndex().row()
        summary = self.model.person_at(row)
        return summary.id_number if summary else None

    def _on_current_changed(self, *_args: object) -> None:
        number = self.selected_id()
        self._shown_id = number  # a record still loading for another row is dropped
        if number is None:
            self._show(None)
            return
        self._ops.run(lambda: self._services.people.get(self._op, number),
                      lambda p: self._show(p) if self._shown_id == number else None)

    def _show(self, person: Person | None) -> None:
        offered = self._lifecert_for
        if offered is not None and (person is None or person.id_number != offered.id_number):
            self._offer_lifecert(None)  # another person on screen: the offer is gone
        self.detail.show_person(person)
        self._update_actions()
        self.person_changed.emit(person)

    def _update_actions(self) -> None:
        p, op = self.detail.person, self._op
        active = p is not None and p.status == "active"
        self.add_button.setEnabled(op.can("people.add"))
        self.edit_button.setEnabled(p is not None and op.can("people.edit"))
        self.death_button.setEnabled(active and op.can("people.death"))
        self.moved_button.setEnabled(active and op.can("people.moved_out"))
        self.import_button.setEnabled(op.can("import.people") or op.can("import.deaths"))

    def refresh_detail(self) -> None:
        """Read the shown person again (after a change made elsewhere: F7, F8, other pages)."""
        number = self._shown_id
        if number is None or self.detail.person is None:
            return
        self._ops.run(lambda: self._services.people.get(self._op, number),
                      lambda p: self._show(p) if self._shown_id == number else None,
                      lambda _exc: None)

    def _after_change(self, person: Person) -> None:
        """Show the changed person: search by its ID so the table holds exactly that row."""
        self.search_edit.setText(person.id_number)
        self._run_search()
        self._shown_id = person.id_number
        self._show(person)

    # --- actions -----------------------------------------------------------------------
    def add_person(self) -> None:
        if not self.add_button.isEnabled():
            return
        saved = PersonDialog.ask(self, self._ops, self._services, self._op)
        if saved is not None:
            self._after_change(saved)

    def open_selected(self) -> None:
        """Open the selected person (Enter): the detail pane shows them and the focus moves to
        the first action the operator can use on them (editing stays on F2)."""
        number = self.selected_id()
        if number is None:
            return
        person = self.detail.person
        if person is not None and person.id_number == number:
            self._focus_actions()
            return
        self._shown_id = number

        def loaded(p: Person) -> None:
            if self._shown_id == number:
                self._show(p)
                self._focus_actions()

        self._ops.run(lambda: self._services.people.get(self._op, number), loaded)

    def _focus_actions(self) -> None:
        for button in (self.edit_button, self.death_button, self.moved_button,
                       *self.detail.findChildren(QPushButton)):
            if button.isEnabled() and button.isVisible():
                button.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.table.setFocus()

    def edit_selected(self) -> None:
        """Edit the selected person (F2, double-click): the edit dialog, if allowed."""
        number = self.selected_id()
        if number is None:
            return
        if not self._op.can("people.edit"):
            self.table.setFocus()
            return
        person = self.detail.person
        if person is not None and person.id_number == number:
            self._edit(person)
        else:  # its record is still loading
            self._ops.run(lambda: self._services.people.get(self._op, number), self._edit)

    def _edit(self, person: Person) -> None:
        saved = PersonDialog.ask(self, self._ops, self._services, self._op, person)
        if saved is not None:
            self._after_change(saved)

    def end_selected(self, kind: str) -> None:
        person = self.detail.person
        button = self.death_button if kind == DEATH else self.moved_button
        if person is None or not button.isEnabled():
            return
        people, op, number = self._services.people, self._op, person.id_number
        record = (lambda d: people.record_death(op, number, d)) if kind == DEATH else \
            (lambda d: people.record_moved_out(op, number, d))
        saved = EndDialog.ask(self, self._ops, person, kind, record)
        if saved is not None:
            self._after_change(saved)
            show_warnings(self, saved.extra.get("warnings", ()) if saved.extra else ())

    # --- 读卡 ---------------------------------------------------------------------------
    def read_card(self) -> None:
        """读卡 (F3, the button): read the card on the reader off the GUI thread."""
        self.reader.start()

    def _status(self, text: str) -> None:
        """The window's status line (the page's row is too narrow for a reason)."""
        window = self.window()
        if isinstance(window, QMainWindow) and text:
            window.statusBar().showMessage(text, 15000)

    def _on_read_finished(self, read: CardRead) -> None:
        if read.card is None or self.reader.state != DONE:
            self._status(self.reader.message or self.reader.state_text())

    def _on_card_read(self, read: CardRead) -> None:
        """A known person opens (as Enter does); an unknown one: the new-person dialog filled in
        from the card, the chip photo offered as the card photo."""
        card, person = read.card, read.person
        assert card is not None
        shown = self.tr("已读取身份证：{name}（{id}）").format(name=card.name,
                                                         id=mask_id(card.id_number))
        self._status("；".join([shown, *filter(None, [self.reader.message])]))
        if person is not None:
            self._open_person(person)
            self._check_enrollment(person)
            return
        if not self._op.can("people.add"):
            self._status(message("READER_NOT_REGISTERED", name=card.name,
                                 id=mask_id(card.id_number)))
            return
        saved = PersonDialog.ask_from_card(self, self._ops, self._services, self._op, read)
        if saved is not None:
            self._after_change(saved)

    def _open_person(self, person: Person) -> None:
        self.search_edit.setText(person.id_number)
        self._shown_id = person.id_number
        self._show(person)
        self._open_when_loaded = True  # the row is selected and the focus moves to the actions
        self._run_search()

    def _check_enrollment(self, person: Person) -> None:
        """Offer the one-click proof of life when the elder is enrolled (an application open or
        approved) and the operator may record it."""
        if person.status != "active" or not self._op.can("lifecert.add"):
            return
        allowance, op, number = self._services.allowance, self._op, person.id_number

        def found(enrollment: dict | None) -> None:
            if enrollment is not None and enrollment["status"] in ENROLLED and \
                    self.detail.person is not None and self.detail.person.id_number == number:
                self._offer_lifecert(person)

        self._ops.run(lambda: allowance.enrollment_json(op, number), found, lambda _exc: None)

    def _offer_lifecert(self, person: Person | None) -> None:
        self._lifecert_for = person
        self.lifecert_button.setVisible(person is not None)
        self.lifecert_button.setEnabled(person is not None)

    def record_lifecert_today(self) -> None:
        """The elder whose card was just read is at the counter: confirmed, one proof of life
        dated today (a lifecert like the F8 dialog's)."""
        person = self._lifecert_for
        if person is None:
            return
        day = today()
        subject = self.tr("{name}（{id}）").format(name=person.name, id=mask_id(person.id_number))
        answer = QMessageBox.question(
            self, self.tr("登记生存认证"),
            self.tr("刚读取了 {subject} 的身份证。确认老人本人在场，登记 {date} 的生存认证？")
            .format(subject=subject, date=day.isoformat()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        allowance, op, number = self._services.allowance, self._op, person.id_number
        self.lifecert_button.setEnabled(False)

        def done(_number: str) -> None:
            self._offer_lifecert(None)
            self._status(self.tr("已登记生存认证：{subject}，{date}").format(
                subject=subject, date=day.isoformat()))
            self.refresh_detail()

        def failed(exc: BaseException) -> None:
            self.lifecert_button.setEnabled(True)
            show_error(self, exc)

        self._ops.run(lambda: allowance.lifecert(op, number, day), done, failed, write=True)

    def import_workbook(self) -> None:
        if not self.import_button.isEnabled():
            return
        outcome = ImportDialog.ask(self, self._ops, self._services, self._op)
        if outcome is not None and self.model.query:
            self.model.refresh()
