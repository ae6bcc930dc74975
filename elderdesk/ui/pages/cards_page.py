"""The senior card page (老年证): find a person, see plainly whether a card can be issued and why
not, issue / reissue / record the pick-up, print, and the recently issued cards."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.money import fen_to_str
from elderdesk.domain.person import Person
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.dialogs.card_issue_dialog import CardIssueDialog
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.pickup_dialog import PickupDialog
from elderdesk.ui.dialogs.reissue_dialog import ReissueDialog
from elderdesk.ui.errors import error_text, show_error, show_status
from elderdesk.ui.keys import PICKUP, REISSUE, deny
from elderdesk.ui.layout import WrapLabel, scrolled
from elderdesk.ui.models.card_models import CardsTableModel
from elderdesk.ui.models.people_model import COL_COMMUNITY, PeopleTableModel
from elderdesk.ui.ops import Ops
from elderdesk.ui.pdf_printing import PdfMaker, print_with_dialog
from elderdesk.ui.widgets.card_panel import PersonCardPanel
from elderdesk.ui.widgets.card_print_bar import CardPrintBar
from elderdesk.ui.widgets.card_summary import CardSummary
from elderdesk.ui.widgets.record_table import record_table
from elderdesk.ui.widgets.unmask import guard_unmask

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.service import Card, Eligibility
    from elderdesk.services.container import Services
    from elderdesk.ui.pages.register_page import RegisterPage

SEARCH_DELAY_MS = 150
RECENT_LIMIT = 200


class CardsPage(QWidget):
    card_changed = Signal(str)  # the ID number of a person whose cards changed

    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self.info: Eligibility | None = None
        self._loading_id: str | None = None
        self._register_person: Person | None = None
        self._show_me: Callable[[], None] = lambda: None
        self._then: Callable[[], None] | None = None
        self.summary: CardSummary | None = None
        self.people_model = PeopleTableModel(ops, lambda q, after, limit: services.people.search(
            operator, q, limit=limit, after=after), self)
        self.people_model.results_loaded.connect(self._on_results_loaded)
        self.people_model.failed.connect(lambda exc: show_error(self, exc))
        self.recent_model = CardsTableModel(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.people_model.set_query(self.search_edit.text()))
        self._build()  # the recent cards load when the page shows (showEvent)

    # --- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("输入姓名、拼音首字母或身份证号的任意几位"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_text)
        self.search_edit.returnPressed.connect(lambda: self.people_table.setFocus())
        self.register_button = QPushButton(self.tr("使用档案页所选"), self)
        self.register_button.setEnabled(False)
        self.register_button.clicked.connect(self._on_register_clicked)
        self.unmask_check = guard_unmask(QCheckBox(self.tr("显示完整身份证号"), self), self._op)
        self.unmask_check.toggled.connect(self._on_unmask_toggled)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("查找"), self))
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.register_button)
        top.addWidget(self.unmask_check)
        self.people_table = record_table(self, self.people_model, stretch=COL_COMMUNITY)
        self.people_table.selectionModel().currentRowChanged.connect(self._on_person_row)
        self.people_table.hide()
        self.panel = PersonCardPanel(self)
        self.panel.issue_button.clicked.connect(self.issue)
        self.panel.reissue_button.clicked.connect(self.reissue)
        self.panel.pickup_button.clicked.connect(self.pickup)
        self.message = WrapLabel("", self)
        self.recent_table = record_table(self, self.recent_model, multi=True)
        self.recent_table.selectionModel().selectionChanged.connect(self._on_recent_selection)
        self.print_bar = CardPrintBar(self._ops, self._services, self._op, self.print_targets,
                                      self)
        self.print_bar.message.connect(self._set_message)
        self.print_bar.failed.connect(lambda exc: self._set_message(error_text(exc), error=True))
        self.panel.add_row(self.print_bar)
        refresh = QPushButton(self.tr("刷新"), self)
        refresh.clicked.connect(self.refresh_recent)
        self.recent_note = WrapLabel(self.tr("按住 Ctrl 或 Shift 可选择多张一起打印（A4 整版）"), self)
        self.recent_note.setStyleSheet("color: #666666")
        recent_head = QHBoxLayout()
        recent_head.addWidget(self.recent_note, 1)
        recent_head.addWidget(refresh)
        recent_box = QGroupBox(self.tr("近期发证"), self)
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.addLayout(recent_head)
        recent_layout.addWidget(self.recent_table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.people_table)
        splitter.addWidget(scrolled(self.panel, self))  # a short window scrolls the panel
        splitter.addWidget(recent_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([120, 330, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self._receipt_bar())
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search).setWhatsThis(
            self.tr("查找（光标回到查找框）"))
        for button, key, action in ((self.panel.reissue_button, REISSUE, "card.issue"),
                                    (self.panel.pickup_button, PICKUP, "card.pickup")):
            if not self._op.can(action):  # the key says which role it needs
                button.setShortcut(QKeySequence())
                deny(self, key, self._op, action)
        self._update_actions()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- the register page -------------------------------------------------------------
    def attach(self, register_page: RegisterPage, show_me: Callable[[], None]) -> None:
        """Follow the register's selection, add the card section to its detail pane, whose
        办证 button opens this page (show_me switches the window to it)."""
        self._show_me = show_me
        self.summary = CardSummary(self._ops, self._services, self._op)
        register_page.detail.add_card_section(self.summary)
        register_page.person_changed.connect(self.summary.show_person)
        register_page.person_changed.connect(self._on_register_person)
        self.summary.open_requested.connect(self.open_person)
        self.card_changed.connect(self.summary.refresh)

    def _on_register_person(self, person: Person | None) -> None:
        self._register_person = person
        self.register_button.setEnabled(person is not None)
        self.register_button.setText(self.tr("使用档案页所选：{name}").format(name=person.name)
                                     if person is not None else self.tr("使用档案页所选"))

    def _on_register_clicked(self) -> None:
        if self._register_person is not None:
            self.show_person(self._register_person.id_number)

    def open_person(self, id_number: str, then: Callable[[], None] | None = None) -> None:
        self._then = then  # issue or print once the record is loaded
        self.show_person(id_number)
        self._show_me()

    def showEvent(self, event) -> None:  # noqa: N802
        """Coming back to the page: the record may have changed elsewhere (a death, a card)."""
        super().showEvent(event)
        if self._loading_id is None:  # else a person is on the way (open_person)
            if self.info is not None:
                self.show_person(self.info.person.id_number, keep_recent=True)
            elif self._register_person is not None:
                self.show_person(self._register_person.id_number)
        self.refresh_recent()

    # --- choosing the person -----------------------------------------------------------
    def _on_search_text(self, text: str) -> None:
        self.people_table.setVisible(bool(text.strip()))  # no empty table taking room
        self._timer.start()

    def _on_results_loaded(self, _query: str) -> None:
        if self.people_model.rowCount() > 0:
            self.people_table.selectRow(0)

    def _on_person_row(self, *_args: object) -> None:
        summary = self.people_model.person_at(self.people_table.currentIndex().row())
        if summary is not None:
            self.show_person(summary.id_number)

    def _on_recent_selection(self, *_args: object) -> None:
        rows = self.recent_table.selectionModel().selectedRows()
        if len(rows) == 1:
            card = self.recent_model.card_at(rows[0].row())
            if card is not None and (self.info is None
                                     or self.info.person.id_number != card.id_number):
                self.show_person(card.id_number, keep_recent=True)
        self._update_actions()

    def show_person(self, id_number: str, keep_recent: bool = False) -> None:
        """Load the person's record, cards and the rules' verdict (in the background)."""
        if not keep_recent:
            self.recent_table.clearSelection()
        self._loading_id = id_number
        cards, op = self._services.cards, self._op
        self._ops.run(lambda: cards.eligibility(op, id_number),
                      lambda info: self._on_loaded(id_number, info),
                      lambda exc: self._on_load_failed(id_number, exc))

    def _on_loaded(self, id_number: str, info: Eligibility) -> None:
        if id_number != self._loading_id:
            return  # another person was chosen meanwhile
        self._loading_id = None
        self.info = info
        self.panel.show_info(info, self._op)
        self._update_actions()
        then, self._then = self._then, None
        if then is not None:
            then()

    def _on_load_failed(self, id_number: str, exc: BaseException) -> None:
        if id_number == self._loading_id:
            self._loading_id = None
            self._set_message(error_text(exc), error=True)

    def refresh_recent(self) -> None:
        cards, op = self._services.cards, self._op
        self._ops.run(lambda: cards.recent_cards(op, RECENT_LIMIT),
                      self.recent_model.set_rows, lambda exc: self._set_message(
                          error_text(exc), error=True))

    def _on_unmask_toggled(self, checked: bool) -> None:
        self.people_model.set_masked(not checked)
        self.recent_model.set_masked(not checked)
        self.panel.set_masked(not checked)

    # --- actions -----------------------------------------------------------------------
    def issue(self) -> None:
        if self.info is not None and self.panel.issue_button.isEnabled():
            self._after(CardIssueDialog.ask(self, self._ops, self._services, self._op,
                                            self.info), self.tr("已发放"))

    def reissue(self) -> None:
        if self.info is not None and self.panel.reissue_button.isEnabled():
            self._after(ReissueDialog.ask(self, self._ops, self._services, self._op,
                                          self.info), self.tr("已补换"))

    def pickup(self) -> None:
        card = self.info.valid if self.info is not None else None
        if card is not None and self.panel.pickup_button.isEnabled():
            done = PickupDialog.ask(self, self._ops, self._services, self._op, card)
            if done is not None:
                self._set_message(self.tr("已登记领取：老年证 {no}（{name}）").format(
                    no=done.card_no, name=done.name))
                self._changed(done.id_number)

    def _after(self, card: Card | None, verb: str) -> None:
        if card is None:
            return
        self._set_message(self.tr("{verb}{type} {no}（{name}），工本费 {fee} 元。可以打印老年证。")
                          .format(verb=verb, type=tr_data(card.type_name), no=card.card_no,
                                  name=card.name, fee=fen_to_str(card.fee_fen)))
        self._offer_receipt(card)
        self._changed(card.id_number)

    # --- the fee's receipt (issue 16) --------------------------------------------------
    def _receipt_bar(self) -> QWidget:
        """Shown after an issue that took a fee: print the numbered receipt or save it."""
        self.receipt_bar = QWidget(self)
        self.receipt_label = QLabel("", self.receipt_bar)
        self.receipt_print_button = QPushButton(self.tr("打印收据"), self.receipt_bar)
        self.receipt_print_button.clicked.connect(self.print_receipt)
        self.receipt_save_button = QPushButton(self.tr("保存收据PDF"), self.receipt_bar)
        self.receipt_save_button.clicked.connect(self.save_receipt)
        row = QHBoxLayout(self.receipt_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.receipt_label, 1)
        row.addWidget(self.receipt_print_button)
        row.addWidget(self.receipt_save_button)
        self.receipt_no: str | None = None
        self.receipt_bar.hide()
        return self.receipt_bar

    def _offer_receipt(self, card: Card) -> None:
        self.receipt_no = card.receipt_no
        self.receipt_bar.setVisible(card.receipt_no is not None)
        if card.receipt_no is not None:
            self.receipt_label.setText(self.tr("已开具收费收据 {no}：{name}，{fee} 元").format(
                no=card.receipt_no, name=card.name, fee=fen_to_str(card.fee_fen)))
            self.receipt_print_button.setFocus()

    def _receipt_maker(self, no: str) -> PdfMaker:
        return lambda path, _printer: self._services.receipts.print_pdf(self._op, no, path)

    def print_receipt(self) -> None:
        no = self.receipt_no
        if no is not None:
            print_with_dialog(self, self._ops, "", self._receipt_maker(no),
                              lambda pages, _r: self._set_message(self.tr(
                                  "收据 {no} 已送往打印机").format(no=no)),
                              lambda exc: self._set_message(error_text(exc), error=True))

    def save_receipt(self) -> None:
        no = self.receipt_no
        if no is None:
            return
        path = FileDialog.ask_save(self, self.tr("保存收费收据PDF"),
                                   self.tr("收据_{no}.pdf").format(no=no),
                                   self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return
        make = self._receipt_maker(no)
        self._ops.run(lambda: make(path, ""), lambda _r: self._set_message(
            self.tr("已保存收据 {no}：{path}").format(no=no, path=path)),
            lambda exc: self._set_message(error_text(exc), error=True), write=True)

    def _changed(self, id_number: str) -> None:
        self.show_person(id_number)
        self.refresh_recent()
        self.card_changed.emit(id_number)

    def print_targets(self) -> tuple[list[str], str]:
        """Several valid cards selected in the recent list, else the person shown."""
        rows = sorted(r.row() for r in self.recent_table.selectionModel().selectedRows())
        if len(rows) > 1:
            picked = [self.recent_model.card_at(r) for r in rows]
            ids = list(dict.fromkeys(c.id_number for c in picked if c.status == "valid"))
            return ids, self.tr("{n}张").format(n=len(ids))
        if self.info is not None and self.info.valid is not None:
            return [self.info.person.id_number], self.info.person.name
        return [], ""

    def _update_actions(self) -> None:
        ids, label = self.print_targets()
        self.panel.set_print_target(label if ids else "")
        self.print_bar.update_actions()

    def _set_message(self, text: str, error: bool = False) -> None:
        show_status(self.message, text, error)
