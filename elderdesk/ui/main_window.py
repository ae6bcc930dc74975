"""The main window: the navigation list on the left, one page at a time on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from elderdesk.services.auth import ROLES
from elderdesk.ui.data_text import message
from elderdesk.ui.dialogs.login_dialog import LoginDialog
from elderdesk.ui.idle_lock import IdleLock
from elderdesk.ui.labels import role_label
from elderdesk.ui.layout import relative_font, tip_placeholders
from elderdesk.ui.menus import CounterMenus
from elderdesk.ui.ops import Ops
from elderdesk.ui.pages.allowance_page import AllowancePage
from elderdesk.ui.pages.cards_page import CardsPage
from elderdesk.ui.pages.placeholder_page import PlaceholderPage
from elderdesk.ui.pages.register_page import RegisterPage
from elderdesk.ui.pages.roster_page import RosterPage
from elderdesk.ui.pages.system_page import SystemPage
from elderdesk.ui.preferences import GEOMETRY_KEY, STATE_KEY, set_last_user, settings
from elderdesk.ui.widgets.payment_history import PaymentHistory
from elderdesk.ui.widgets.person_trail import PersonTrail

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services


# Screens of the contract's product description after the register: (title, what it will do)
LATER_PAGES = (
    ("老年证", "资格审核、按年龄确定卡型、卡号编排、发证与补证、死亡注销、领证登记、照片与打印。"),
    ("高龄津贴", "即将满 80 周岁名单、申请受理与审核审批、生存认证、停发、死亡名单比对、政策维护。"),
    ("发放花名册", "按期生成花名册、与上期比对、冻结、导出银行文件和打印花名册、追回款清单。"),
    ("统计", "按年龄段、社区和状态统计人数，按月份和档次统计金额，发证统计与图表。"),
    ("系统", "用户与角色、机构信息、卡号与打印校准、备份与恢复、审计日志查看与校验。"),
    ("表格文书", "高龄津贴申请审批表、停发和调整通知书，按档案自动填写并生成 PDF。"),
)


class MainWindow(QMainWindow):
    # a restore replaced the database file: close and show the login again on it (app.py)
    relogin_requested = Signal()
    # a write found the database restored from a backup elsewhere (Database.write, any thread)
    database_swapped = Signal()

    def __init__(self, services: Services, operator: Operator, ops: Ops | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.operator = services, operator
        self.ops = ops or Ops(self)
        self._swapped = False
        services.db.swap_listeners.append(self.database_swapped.emit)
        self.database_swapped.connect(self._on_database_swapped)
        self._build(operator)

    def _build(self, operator: Operator) -> None:
        """Pages, menus, status bar and idle lock for this operator (again on 切换用户)."""
        services, self.operator = self.services, operator
        self.setWindowTitle(self.tr("ElderDesk 老年证与高龄津贴办理系统"))
        self.nav = QListWidget(self)
        self.nav.setSpacing(3)
        relative_font(self.nav, 2, on_change=self._fit_nav)  # follows the font size preference
        self.stack = QStackedWidget(self)
        self.register_page = RegisterPage(self.ops, services, operator, self)
        self._add_page(self.tr("老人档案"), self.register_page)
        self.allowance_page = AllowancePage(self.ops, services, operator, self)
        self.roster_page = RosterPage(self.ops, services, operator, self)
        self.cards_page = CardsPage(self.ops, services, operator, self)
        built = {"高龄津贴": self.allowance_page, "发放花名册": self.roster_page,
                 "老年证": self.cards_page}
        self.system_page = SystemPage(self.ops, services, operator, self)
        built["系统"] = self.system_page
        if self.system_page.backups_tab is not None:
            self.system_page.backups_tab.restored.connect(lambda _kept: self._relogin())
        from elderdesk.ui.pages.forms_page import FormsPage
        from elderdesk.ui.pages.statistics_page import StatisticsPage

        self.statistics_page = StatisticsPage(self.ops, services, operator, self)
        self.forms_page = FormsPage(self.ops, services, operator, self)
        built.update({"统计": self.statistics_page, "表格文书": self.forms_page})
        self.forms_page.follow(self.register_page)
        titles = {"老年证": self.tr("老年证"), "高龄津贴": self.tr("高龄津贴"),
                  "发放花名册": self.tr("发放花名册"), "统计": self.tr("统计"),
                  "系统": self.tr("系统"), "表格文书": self.tr("表格文书")}  # literal for lupdate
        for title, summary in LATER_PAGES:
            page = built.get(title) or PlaceholderPage(titles[title], summary, self)
            self._add_page(titles[title], page)
        self.register_page.detail.add_history(PaymentHistory(self.ops, services, operator))
        self.register_page.detail.add_trail(PersonTrail(self.ops, services, operator))
        self.cards_page.attach(self.register_page,
                               lambda: self.show_page(self.stack.indexOf(self.cards_page)))
        self._fit_nav()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.menus = CounterMenus(self)  # menu bar; Ctrl+1… switch pages
        self.office_label = QLabel(self)
        self.statusBar().addWidget(self.office_label, 1)
        roles = "、".join(role_label(r) for r in ROLES if r in operator.roles)
        self.operator_label = QLabel(
            self.tr("操作员：{name}（{roles}）").format(name=operator.name, roles=roles), self)
        self.statusBar().addPermanentWidget(self.operator_label)
        self.ops.run(services.settings.office, self._on_office_loaded, lambda _e: None)
        self.idle_lock = self._install_idle_lock(services, operator)
        self.system_page.office_changed.connect(self._on_office_loaded)
        self.resize(1180, 680)  # fits 1366 × 768 with the title and task bars
        self._restore_geometry()
        tip_placeholders(self)
        self.register_page.focus_search()

    def _restore_geometry(self) -> None:
        store = settings()
        geometry, state = store.value(GEOMETRY_KEY), store.value(STATE_KEY)
        if geometry:
            self.restoreGeometry(geometry)
        if state:
            self.restoreState(state)

    def save_geometry(self) -> None:
        store = settings()
        store.setValue(GEOMETRY_KEY, self.saveGeometry())
        store.setValue(STATE_KEY, self.saveState())

    def _install_idle_lock(self, services: Services, operator: Operator) -> IdleLock:
        """Lock after security.idle_minutes without input (unlock: password, login lockout)."""
        lock = IdleLock(self, self.ops, operator,
                        lambda name, pw: services.users.authenticate(name, pw))
        app = QApplication.instance()
        if app is not None:
            lock.install(app)
        self.ops.run(services.settings.idle_minutes, lock.set_minutes, lambda _e: None)
        self.system_page.idle_minutes_changed.connect(lock.set_minutes)
        lock.switch_requested.connect(lambda: self.switch_user(from_lock=True))
        return lock

    # --- 切换用户: another staff member at the same counter, without quitting -----------------
    def switch_user(self, from_lock: bool = False) -> None:
        """The login for another user; on success the pages are built again for their roles
        (later audit records carry their name). Given up from the lock screen: locked again."""
        users = self.services.users
        operator = LoginDialog.ask(self, self.ops, lambda name, pw: users.authenticate(name, pw),
                                   self.office_label.text() or None, user="")
        if operator is None:
            if from_lock:
                self.idle_lock.lock()
            return
        set_last_user(operator.name)
        self.ops.wait_done()  # results for the old pages are delivered before they go
        self.save_geometry()
        self._teardown()
        self._build(operator)
        self.statusBar().showMessage(self.tr("已切换为 {name}").format(name=operator.name), 8000)

    def _teardown(self) -> None:
        """Remove what _build made: idle lock, menus and actions, status bar labels, pages."""
        lock = self.idle_lock
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(lock)
        lock.stop()
        lock.deleteLater()
        self.menuBar().clear()
        for action in self.actions():
            self.removeAction(action)
            action.deleteLater()
        for group in self.findChildren(QActionGroup):
            group.deleteLater()
        for label in (self.office_label, self.operator_label):
            self.statusBar().removeWidget(label)
            label.deleteLater()
        self.takeCentralWidget().deleteLater()

    def _relogin(self) -> None:
        self._swapped = True
        self.relogin_requested.emit()
        self.close()

    def _on_database_swapped(self) -> None:
        """Another window or process restored the database: this session's view is gone, so
        it stops (nothing more is written) and the login shows again on the restored data."""
        if self._swapped:
            return

        self._swapped = True
        title = QCoreApplication.translate("BackupsTab", "已从备份恢复")  # the tab's own title
        QMessageBox.information(self, title, message("DB_RESTORED"))
        self._relogin()

    def _fit_nav(self) -> None:
        """The navigation as wide as its longest title (English is longer, fonts differ)."""
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 16)

    def _add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(title)
        self.stack.addWidget(page)

    def show_page(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        if row == 0:
            self.register_page.focus_search()

    def _on_office_loaded(self, office: dict) -> None:
        name = office.get("name") or ""
        self.office_label.setText(name)
        if name:
            self.setWindowTitle(self.tr("ElderDesk 老年证与高龄津贴办理系统 — {office}")
                                .format(office=name))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.register_page.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.ops.wait_done()  # let a running write finish before the database closes
        self.save_geometry()
        super().closeEvent(event)
