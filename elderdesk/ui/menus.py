"""The main window's menu bar (文件/办理/查看/帮助): the counter's frequent actions, each with its
shortcut shown in the menu and in its tooltip; they act on the person selected in 老人档案."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from elderdesk.domain.idcard import mask_id
from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
from elderdesk.ui.errors import show_error
from elderdesk.ui.preferences import FONT_SIZES, apply_font_size, font_label, font_size

if TYPE_CHECKING:
    from elderdesk.ui.main_window import MainWindow

NEW_PERSON, ISSUE_CARD, APPLY, LIFECERT, PRINT = "Ctrl+N", "F6", "F7", "F8", "F9"


translate = QCoreApplication.translate  # literal contexts for lupdate


class CounterMenus:
    """Builds the menus of window; keeps the actions (tests trigger them by their keys)."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        can = window.operator.can
        bar = window.menuBar()
        file_menu = bar.addMenu(translate("Menus", "文件(&F)"))
        self.print_action = self._action(file_menu, translate("Menus", "打印老年证"), PRINT, self.print_card)
        file_menu.addSeparator()
        self._action(file_menu, translate("Menus", "退出"), "Ctrl+Q", window.close)
        work = bar.addMenu(translate("Menus", "办理(&B)"))
        # Ctrl+N is also the 受理/发证 key on other pages: here it acts within 老人档案 only
        self.new_action = self._action(work, translate("Menus", "新增登记"), NEW_PERSON, self.new_person,
                                       within=window.register_page)
        self.new_action.setEnabled(can("people.add"))
        self.issue_action = self._action(work, translate("Menus", "发放老年证"), ISSUE_CARD, self.issue_card)
        self.issue_action.setEnabled(can("card.issue"))
        self.apply_action = self._action(work, translate("Menus", "受理高龄津贴申请"), APPLY, self.apply)
        self.apply_action.setEnabled(can("allowance.apply"))
        self.lifecert_action = self._action(work, translate("Menus", "登记生存认证"), LIFECERT, self.lifecert)
        self.lifecert_action.setEnabled(can("lifecert.add"))
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
        self._action(help_menu, translate("Menus", "快捷键一览"), "F1", self.show_keys)
        for menu in (file_menu, work, view, help_menu):
            menu.setToolTipsVisible(True)
        window.register_page.add_button.setShortcut(QKeySequence())  # the action holds Ctrl+N
        self._button_tips(window)

    @staticmethod
    def _button_tips(window: QWidget) -> None:
        """Every button with a shortcut names it in its tooltip."""
        for button in window.findChildren(QAbstractButton):
            keys = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and not button.toolTip():
                button.setToolTip(translate("Menus", "快捷键：{keys}").format(keys=keys))

    def _action(self, menu, text: str, keys: str, slot: Callable[[], object],
                within: QWidget | None = None) -> QAction:
        act = QAction(text, self.w)
        act.setShortcut(QKeySequence(keys))
        act.setToolTip(translate("Menus", "{text}（{keys}）").format(text=text.replace("&", ""), keys=keys))
        act.triggered.connect(lambda _c=False: slot())
        menu.addAction(act)
        if within is not None:
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            within.addAction(act)
        else:
            self.w.addAction(act)
        return act

    # --- the person selected in 老人档案 ------------------------------------------------------
    def _selected(self) -> str | None:
        number = self.w.register_page.selected_id()
        if number is None:
            self.w.statusBar().showMessage(translate("Menus", "请先在“老人档案”中查找并选中一位老人"), 8000)
        return number

    def new_person(self) -> None:
        self.w.show_page(0)
        self.w.register_page.add_person()

    def issue_card(self) -> None:
        number = self._selected()
        if number is not None:
            cards = self.w.cards_page
            cards.open_person(number, then=cards.issue)

    def print_card(self) -> None:
        number = self._selected()
        if number is not None:
            cards = self.w.cards_page
            cards.open_person(number, then=cards.print_bar.print_cards)

    def apply(self) -> None:
        number = self._selected()
        if number is not None:
            page = self.w.allowance_page
            page.apply_for(number)

    def lifecert(self) -> None:
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
                                      months=policy.life_cert_months)
            if done is not None:
                w.statusBar().showMessage(translate("Menus", "已登记生存认证：{subject}").format(
                    subject=subject), 8000)

        w.ops.run(lambda: allowance.policy(op), opened, lambda exc: show_error(w, exc))

    def show_keys(self) -> None:
        lines = [
            translate("Menus", "Ctrl+F　查找（光标回到查找框）"), translate("Menus", "回车　打开所选人员"),
            translate("Menus", "Ctrl+N　新增登记"), translate("Menus", "F2　修改所选人员"),
            translate("Menus", "F6　为所选人员发放老年证"), translate("Menus", "F7　为所选人员受理高龄津贴申请"),
            translate("Menus", "F8　为所选人员登记生存认证"), translate("Menus", "F9　打印所选人员的老年证"),
            translate("Menus", "Ctrl+1 至 Ctrl+7　切换页面"), translate("Menus", "Tab　在对话框中移到下一项，回车确认，Esc 取消"),
        ]
        QMessageBox.information(self.w, translate("Menus", "快捷键一览"), "\n".join(lines))
