"""The main window's menu bar (文件/办理/查看/帮助): the counter's frequent actions, each with its
shortcut shown in the menu and in its tooltip; they act on the person selected in 老人档案."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget

from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import mask_id
from elderdesk.services.auth import require
from elderdesk.ui import keys
from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
from elderdesk.ui.errors import show_error
from elderdesk.ui.preferences import FONT_SIZES, apply_font_size, font_label, font_size

if TYPE_CHECKING:
    from elderdesk.ui.main_window import MainWindow

translate = QCoreApplication.translate  # literal contexts for lupdate


class CounterMenus:
    """Builds the menus of window; keeps the actions (tests trigger them by their keys).
    Actions stay enabled for every role: a key pressed without the right says which role it
    needs (ROLE_DENIED) instead of doing nothing."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        bar = window.menuBar()
        file_menu = bar.addMenu(translate("Menus", "文件(&F)"))
        self.print_action = self._action(file_menu, translate("Menus", "打印老年证"), keys.PRINT_CARD,
                                         self.print_card)
        file_menu.addSeparator()
        self.switch_action = self._action(file_menu, translate("Menus", "切换用户…"),
                                          keys.SWITCH_USER, window.switch_user)
        self._action(file_menu, translate("Menus", "退出"), keys.QUIT, window.close)
        work = bar.addMenu(translate("Menus", "办理(&B)"))
        # Ctrl+N acts within 老人档案 only (the button there shows it)
        self.new_action = self._action(work, translate("Menus", "新增登记"), keys.NEW_PERSON,
                                       self.new_person, within=window.register_page)
        self.read_action = self._action(work, translate("Menus", "读卡"), keys.READ_CARD,
                                        self.read_card)
        self.issue_action = self._action(work, translate("Menus", "发放老年证"), keys.ISSUE_CARD,
                                         self.issue_card)
        self.apply_action = self._action(work, translate("Menus", "受理高龄津贴申请"), keys.APPLY,
                                         self.apply)
        self.lifecert_action = self._action(work, translate("Menus", "登记生存认证"), keys.LIFECERT,
                                            self.lifecert)
        view = bar.addMenu(translate("Menus", "查看(&V)"))
        for row in range(window.nav.count()):
            self._action(view, window.nav.item(row).text(), f"Ctrl+{row + 1}",
                         lambda row=row: window.show_page(row))
        view.addSeparator()
        fonts = view.addMenu(translate("Menus", "字体大小"))
        group = QActionGroup(window)
        self.font_actions: dict[str, QAction] = {}
        for key, _points in FONT_SIZES:
            act = fonts.addAction(font_label(key))
            act.setCheckable(True)
            act.setChecked(key == font_size())
            act.triggered.connect(lambda _c=False, key=key: apply_font_size(key))
            group.addAction(act)
            self.font_actions[key] = act
        help_menu = bar.addMenu(translate("Menus", "帮助(&H)"))
        self._action(help_menu, translate("Menus", "快捷键一览"), keys.KEYS_HELP, self.show_keys)
        for menu in (file_menu, work, view, help_menu):
            menu.setToolTipsVisible(True)
        window.register_page.add_button.setShortcut(QKeySequence())  # the action holds Ctrl+N
        self._button_tips(window)

    @staticmethod
    def _button_tips(window: QWidget) -> None:
        """Every button with a shortcut names it in its tooltip."""
        for button in window.findChildren(QAbstractButton):
            key = keys.button_key(button)
            if key and not button.toolTip():
                native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
                button.setToolTip(translate("Menus", "快捷键：{keys}").format(keys=native))

    def _action(self, menu, text: str, key: str, slot: Callable[[], object],
                within: QWidget | None = None) -> QAction:
        act = QAction(text, self.w)
        act.setShortcut(QKeySequence(key))
        act.setToolTip(translate("Menus", "{text}（{keys}）").format(text=text.replace("&", ""), keys=key))
        act.triggered.connect(lambda _c=False: slot())
        menu.addAction(act)
        if within is not None:
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            within.addAction(act)
        else:
            self.w.addAction(act)
        return act

    # --- rights, and the page in view ------------------------------------------------------
    def _may(self, action: str) -> bool:
        """True if the operator may; else the refusal naming the role needed is shown."""
        try:
            require(self.w.operator, action)
        except ElderError as exc:
            show_error(self.w, exc)
            return False
        return True

    def _press_on_page(self, key: str) -> bool:
        """The button of the page in view that names this window key, pressed if it can be;
        False when the page has none (the action then works on 老人档案's selection)."""
        page = self.w.stack.currentWidget()
        if page is None or page is self.w.register_page:
            return False
        for button in page.findChildren(QAbstractButton):
            if button.property(keys.KEY_PROPERTY) == key and button.isVisible():
                if button.isEnabled():
                    button.click()
                else:
                    self.w.statusBar().showMessage(translate(
                        "Menus", "“{what}”现在不能办理：请先选中一位可以办理的老人").format(
                            what=button.text()), 8000)
                return True
        return False

    # --- the person selected in 老人档案 ------------------------------------------------------
    def _selected(self) -> str | None:
        number = self.w.register_page.selected_id()
        if number is None:
            self.w.statusBar().showMessage(translate("Menus", "请先在“老人档案”中查找并选中一位老人"), 8000)
        return number

    def new_person(self) -> None:
        if not self._may("people.add"):
            return
        self.w.show_page(0)
        self.w.register_page.add_person()

    def read_card(self) -> None:
        """读卡 (F3): the page in view's 读卡 button, else 老人档案's (a known person opens, an
        unknown one is registered from the card)."""
        if not self._may("reader.read") or self._press_on_page(keys.READ_CARD):
            return
        self.w.show_page(0)
        self.w.register_page.read_card()

    def issue_card(self) -> None:
        if not self._may("card.issue") or self._press_on_page(keys.ISSUE_CARD):
            return
        number = self._selected()
        if number is not None:
            cards = self.w.cards_page
            cards.open_person(number, then=cards.issue)

    def print_card(self) -> None:
        if not self._may("card.print") or self._press_on_page(keys.PRINT_CARD):
            return
        number = self._selected()
        if number is not None:
            cards = self.w.cards_page
            cards.open_person(number, then=cards.print_bar.print_cards)

    def apply(self) -> None:
        if not self._may("allowance.apply") or self._press_on_page(keys.APPLY):
            return
        number = self._selected()
        if number is not None and self.w.allowance_page.apply_for(number) is not None:
            self.w.register_page.refresh_detail()

    def lifecert(self) -> None:
        if not self._may("lifecert.add") or self._press_on_page(keys.LIFECERT):
            return
        number = self._selected()
        person = self.w.register_page.detail.person
        if number is None:
            return
        w, op = self.w, self.w.operator
        allowance = w.services.allowance
        name = person.name if person is not None and person.id_number == number else ""
        subject = translate("Menus", "{name}（{id}）").format(name=name, id=mask_id(number))

        def opened(loaded: tuple) -> None:
            policy, _source = loaded
            done = LifecertDialog.ask(w, w.ops, subject,
                                      lambda on: allowance.lifecert(op, number, on),
                                      months=policy.life_cert_months,
                                      reader=(w.services, op, number))
            if done is not None:
                w.statusBar().showMessage(translate("Menus", "已登记生存认证：{subject}").format(
                    subject=subject), 8000)
                w.register_page.refresh_detail()

        w.ops.run(lambda: allowance.policy(op), opened, lambda exc: show_error(w, exc))

    def show_keys(self) -> None:
        """The keys of the page in view and the window's, read from the actions themselves."""
        from elderdesk.ui.dialogs.keys_dialog import KeysDialog

        dialog = KeysDialog(self.w)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
