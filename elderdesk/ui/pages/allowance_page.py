"""The allowance page (高龄津贴): the due list, the three application queues, the people
receiving it, the proof-of-life due list, and the policy."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.errors import ElderError
from elderdesk.domain.money import fen_to_str
from elderdesk.services.clock import today
from elderdesk.ui import errors, keys
from elderdesk.ui.data_text import tr_data
from elderdesk.ui.dialogs.application_dialog import ApplicationDialog
from elderdesk.ui.dialogs.decision_dialog import OPTIONAL, REQUIRED, DecisionDialog
from elderdesk.ui.dialogs.file_dialog import FileDialog
from elderdesk.ui.dialogs.lifecert_dialog import LifecertDialog
from elderdesk.ui.dialogs.stop_dialog import StopDialog
from elderdesk.ui.layout import elide_tabs
from elderdesk.ui.models.allowance_models import (
    A_DECISION,
    A_REASON,
    A_REVIEWED,
    A_REVIEWED_BY,
    A_STATE,
    ApplicationsTableModel,
    DuePeopleTableModel,
)
from elderdesk.ui.ops import Ops
from elderdesk.ui.widgets.list_tab import ListTab
from elderdesk.ui.widgets.street_filter import StreetFilter, located
from elderdesk.ui.widgets.unmask import guard_unmask

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services

DUE, TO_REVIEW, TO_APPROVE, RETURNED, APPROVED, LIFECERT = range(6)
POLICY = 6


def read_text(path: Path) -> str:
    """A policy file's text (runs on a worker thread); unreadable: FILE_UNREADABLE."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ElderError("FILE_UNREADABLE", path=path, detail=type(exc).__name__) from exc


class AllowancePage(QWidget):
    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._policy: Any = None
        allowance, op = services.allowance, operator
        self.tabs = elide_tabs(QTabWidget(self))  # a narrow window shortens, never hides, tabs
        self.lists: list[ListTab] = []
        self._titles: list[str] = []
        self._add_list(self.tr("即将满80周岁"), DuePeopleTableModel(parent=self),
                       lambda: allowance.due_list(op),
                       self.tr("本月起两个月内年满起始年龄、尚未申请的老人，可通知其前来申请。"))
        review = (A_REVIEWED, A_REVIEWED_BY)
        for title, state, hidden, reason in (
                (self.tr("待审核"), "applied", (*review, A_REASON, *A_DECISION), ""),
                (self.tr("待审批"), "reviewed", A_DECISION, self.tr("审核意见")),
                (self.tr("已退回"), "returned", A_DECISION, self.tr("退回原因")),
                (self.tr("享受中"), "approved", (A_REASON,), "")):
            self._add_list(title, ApplicationsTableModel(self, reason_header=reason),
                           lambda state=state: allowance.queue(op, state))
            for col in (A_STATE, *hidden):  # one state per list; empty columns say nothing
                self.lists[-1].table.setColumnHidden(col, True)
        self._add_list(self.tr("生存认证"), DuePeopleTableModel(lifecert=True, parent=self),
                       lambda: allowance.lifecert_due(op),
                       self.tr("认证有效期一个月内到期或已过期的享受人员；逾期未认证的月份暂停发放，"
                               "认证后补发。"))
        self._build_actions()
        self.tabs.addTab(self._build_policy_tab(), self.tr("政策"))
        self.unmask_check = guard_unmask(QCheckBox(self.tr("显示完整身份证号"), self), self._op)
        self.unmask_check.toggled.connect(self._on_unmask_toggled)
        self.refresh_button = QPushButton(self.tr("刷新 (F5)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(keys.REFRESH), self, self.refresh).setWhatsThis(self.tr("刷新"))
        top = QHBoxLayout()  # above the tabs: beside them it leaves the tabs no room
        self.street_filter = StreetFilter(ops, services, operator, self)  # a district
        self.street_filter.found_district.connect(self._use_streets)
        self.street_filter.street_changed.connect(lambda _s: self._use_streets())
        top.addWidget(self.street_filter)
        top.addStretch(1)
        if self.import_online_button is not None:
            top.addWidget(self.import_online_button)
        top.addWidget(self.unmask_check)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _add_list(self, title: str, model: Any, load: Any, note: str = "") -> None:
        tab = ListTab(self._ops, model, load, note, self)
        index = len(self.lists)
        tab.loaded.connect(lambda n, i=index: self._on_list_loaded(i, n))
        self.lists.append(tab)
        self._titles.append(title)
        self.tabs.addTab(tab, title)

    def _build_actions(self) -> None:
        can = self._op.can
        lists = self.lists
        self.apply_button = self.apply_any_button = self.review_button = None
        self.approve_button = self.lifecert_button = None
        if can("allowance.apply"):
            self.apply_button = lists[DUE].add_button(self.tr("受理申请"), keys.APPLY, self.apply)
            self.apply_any_button = lists[DUE].add_button(
                self.tr("按身份证号受理…"), "", lambda: self.apply(None), False)
            lists[RETURNED].add_button(self.tr("重新受理"), keys.APPLY,
                                       lambda: self.apply(RETURNED))
        if can("allowance.review"):
            self.review_button = lists[TO_REVIEW].add_button(
                self.tr("审核通过"), keys.APPROVE, lambda: self.review(True))
            lists[TO_REVIEW].add_button(self.tr("审核退回"), keys.REJECT,
                                        lambda: self.review(False))
        self.import_online_button = None  # above the tabs, beside 刷新
        if can("import.applications"):  # the city platform's export (网上申请)
            self.import_online_button = QPushButton(self.tr("导入网上申请…"), self)
            self.import_online_button.clicked.connect(self.import_online)
        if can("allowance.approve"):
            self.approve_button = lists[TO_APPROVE].add_button(
                self.tr("批准"), keys.APPROVE, lambda: self.decide(True))
            lists[TO_APPROVE].add_button(self.tr("不予批准"), keys.REJECT,
                                         lambda: self.decide(False))
        if can("lifecert.add"):
            self.lifecert_button = lists[LIFECERT].add_button(
                self.tr("登记生存认证"), keys.LIFECERT, self.record_lifecert)
        if can("allowance.stop"):
            for i in (APPROVED, LIFECERT):
                lists[i].add_button(self.tr("停发"), keys.STOP, lambda i=i: self.stop(i))
        # keys of actions this role may not do say which role they need
        for tab, action, denied in ((TO_REVIEW, "allowance.review", (keys.APPROVE, keys.REJECT)),
                                    (TO_APPROVE, "allowance.approve", (keys.APPROVE, keys.REJECT)),
                                    (APPROVED, "allowance.stop", (keys.STOP,)),
                                    (LIFECERT, "allowance.stop", (keys.STOP,))):
            if not can(action):
                for key in denied:
                    keys.deny(lists[tab], key, self._op, action)

    def _build_policy_tab(self) -> QWidget:
        tab = QWidget(self)
        self.policy_summary = QLabel(tab)
        self.policy_summary.setWordWrap(True)
        self.policy_table = QTableWidget(0, 4, tab)  # one row per band of every version
        self.policy_table.setHorizontalHeaderLabels(
            [self.tr("版本"), self.tr("生效月份"), self.tr("年龄段"), self.tr("每月金额（元）")])
        self.policy_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.policy_table.verticalHeader().hide()
        self.policy_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.policy_table.horizontalHeader().setStretchLastSection(True)
        self.policy_settings = QLabel(tab)
        self.policy_settings.setWordWrap(True)
        self.policy_text = QPlainTextEdit(tab)  # the file itself: for admins, who load it
        self.policy_text.setReadOnly(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.policy_text.setFont(mono)
        admin = self._op.can("policy.load")
        self.policy_text_title = QLabel(self.tr("政策文件原文"), tab)
        self.policy_text_title.setVisible(admin)
        self.policy_text.setVisible(admin)
        self.policy_status = QLabel(tab)
        self.policy_status.setWordWrap(True)
        self.load_policy_button = QPushButton(self.tr("加载政策文件…"), tab)
        self.load_policy_button.clicked.connect(self.load_policy)
        self.load_policy_button.setVisible(admin)
        row = QHBoxLayout()
        row.addWidget(self.policy_status, 1)
        row.addWidget(self.load_policy_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.policy_summary)
        layout.addWidget(self.policy_table, 2)
        layout.addWidget(self.policy_settings)
        layout.addWidget(self.policy_text_title)
        layout.addWidget(self.policy_text, 1)
        layout.addLayout(row)
        return tab

    def _policy_words(self, policy: Any) -> str:
        """The policy's settings in words (allowance-rules.md section 1)."""
        start = self.tr("年满当月起发放") if policy.start == "birth_month" \
            else self.tr("年满次月起发放")
        backpay = {"eligibility": self.tr("自符合年龄条件之月起计发，迟申请的补发"),
                   "application_month": self.tr("自申请当月起计发"),
                   "after_application": self.tr("自申请次月起计发")}.get(policy.backpay, "")
        floor = self.tr("最早补发到 {m}").format(m=tr_data(policy.backpay_floor.zh())) \
            if policy.backpay_floor else self.tr("补发月份不设下限")
        death = self.tr("死亡当月仍发放，次月起停发") if policy.death_stop == "next_month" \
            else self.tr("死亡当月起停发")
        cert = self.tr("每 {n} 个月生存认证一次").format(n=policy.life_cert_months) \
            if policy.life_cert_months else self.tr("不要求生存认证")
        period = self.tr("按季发放") if policy.period == "quarter" else self.tr("按月发放")
        return self.tr("发放规则：{start}；{backpay}，{floor}；{death}；{cert}；{period}。").format(
            start=start, backpay=backpay, floor=floor, death=death, cert=cert, period=period)

    def _fill_policy_table(self, policy: Any) -> None:
        rows = [(n, v, b) for n, v in enumerate(policy.versions, start=1) for b in v.bands]
        table = self.policy_table
        table.setRowCount(len(rows))
        for i, (n, version, band) in enumerate(rows):
            ages = self.tr("{a} 周岁以上").format(a=band.min_age) if band.max_age is None else \
                self.tr("{a}–{b} 周岁").format(a=band.min_age, b=band.max_age)
            for col, text in enumerate((str(n), tr_data(version.effective.zh()), ages,
                                        fen_to_str(band.monthly, grouping=True))):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(i, col, item)

    # --- loading -----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self.lists[LIFECERT].model.today = today()
        for tab in self.lists:
            tab.refresh()
        self._ops.run(lambda: self._services.allowance.policy(self._op), self._on_policy_loaded,
                      lambda exc: self.policy_summary.setText(errors.error_text(exc)))

    def _use_streets(self) -> None:
        """A district: the application lists with the registering street, filtered by it."""
        allowance, op, services = self._services.allowance, self._op, self._services
        street = self.street_filter.street()
        for index, state in ((TO_REVIEW, "applied"), (TO_APPROVE, "reviewed"),
                             (RETURNED, "returned"), (APPROVED, "approved")):
            tab = self.lists[index]
            tab.set_load(lambda state=state: located(services, op, allowance.queue(op, state),
                                                     street))
            tab.model.show_office()
            if self.isVisible():
                tab.refresh()

    def _on_list_loaded(self, index: int, n: int) -> None:
        title = self._titles[index]
        self.tabs.setTabText(index, f"{title} ({n})" if n else title)

    def _on_policy_loaded(self, loaded: tuple[Any, str]) -> None:
        policy, source = loaded
        self._policy = policy
        if self._op.can("policy.load"):
            self.policy_text.setPlainText(source)
        self._fill_policy_table(policy)
        self.policy_settings.setText(self._policy_words(policy))
        version = policy.versions[-1] if policy.versions else None
        bands = "，".join(self.tr("{band} 岁每月 {amount} 元").format(
            band=b.label, amount=fen_to_str(b.monthly)) for b in version.bands) if version else ""
        period = self.tr("按季发放") if policy.period == "quarter" else self.tr("按月发放")
        cert = self.tr("每 {n} 个月生存认证一次").format(n=policy.life_cert_months) \
            if policy.life_cert_months else self.tr("不要求生存认证")
        self.policy_summary.setText(self.tr("现行政策（自 {since} 起）：{bands}；{period}；{cert}。")
                                    .format(since=version.effective if version else "",
                                            bands=bands, period=period, cert=cert))

    def _on_unmask_toggled(self, checked: bool) -> None:
        for tab in self.lists:
            tab.model.set_masked(not checked)

    # --- actions -----------------------------------------------------------------------
    def _subject(self, tab: ListTab) -> tuple[str, str] | None:
        """(ID number, '姓名（身份证号）') of the selected row of a list."""
        row = tab.selected()
        if row is None:
            return None
        return row.id_number, f"{row.name}（{tab.model.id_text(row.id_number)}）"

    def _done(self, result: Any) -> None:
        if result is not None:
            self.refresh()

    def apply(self, source: int | None = DUE) -> None:
        """Accept an application for the selected person (or one typed in, source None)."""
        row = self.lists[source].selected() if source is not None else None
        number = row.id_number if row is not None else ""
        self._done(ApplicationDialog.ask(self, self._ops, self._services, self._op, number))

    def import_online(self) -> None:
        """Import the online applications the city platform exported (the import dialog in
        its applications mode); they join 待审核 marked 网上 / 待核验本人."""
        from elderdesk.ui.dialogs.import_dialog import APPLICATIONS, ImportDialog

        self._done(ImportDialog.ask(self, self._ops, self._services, self._op, APPLICATIONS))

    def apply_for(self, id_number: str) -> Any:
        """Accept an application for this person (the menu's 受理, F7); None if cancelled."""
        result = ApplicationDialog.ask(self, self._ops, self._services, self._op, id_number)
        self._done(result)
        return result

    def review(self, approve: bool) -> None:
        subject = self._subject(self.lists[TO_REVIEW])
        if subject is None:
            return
        number, text = subject
        allowance, op = self._services.allowance, self._op

        def record(reason: str | None, on: date) -> str:
            return allowance.review(op, number, approve, reason, on)

        title = self.tr("审核通过") if approve else self.tr("审核退回")
        self._done(DecisionDialog.ask(self, self._ops, title, text, record,
                                      reason=OPTIONAL if approve else REQUIRED, ok_text=title,
                                      reason_label=self.tr("审核意见") if approve
                                      else self.tr("退回原因（必填）")))

    def decide(self, approve: bool) -> None:
        subject = self._subject(self.lists[TO_APPROVE])
        if subject is None:
            return
        number, text = subject
        allowance, op = self._services.allowance, self._op

        def record(reason: str | None, on: date) -> str:
            if approve:
                return allowance.approve(op, number, on)
            return allowance.reject(op, number, reason or "", on)

        title = self.tr("批准") if approve else self.tr("不予批准")
        note = self.tr("批准后自下一期花名册起发放（含应补发的月份）。") if approve else ""
        self._done(DecisionDialog.ask(self, self._ops, title, text, record,
                                      reason="none" if approve else REQUIRED, note=note,
                                      ok_text=title))

    def record_lifecert(self) -> None:
        tab = self.lists[LIFECERT]
        subject, row = self._subject(tab), tab.selected()
        if subject is None:
            return
        number, text = subject
        allowance, op = self._services.allowance, self._op
        months = self._policy.life_cert_months if self._policy is not None else 0
        self._done(LifecertDialog.ask(self, self._ops, text,
                                      lambda on: allowance.lifecert(op, number, on),
                                      covered_until=row.due, months=months,
                                      reader=(self._services, op, number)))

    def stop(self, source: int) -> None:
        subject = self._subject(self.lists[source])
        if subject is None:
            return
        number, text = subject
        allowance, op = self._services.allowance, self._op
        self._done(StopDialog.ask(self, self._ops, text, lambda on, reason, note:
                                  allowance.stop(op, number, on, reason, note)))

    def load_policy(self) -> None:
        if not self._op.can("policy.load"):
            return
        path = FileDialog.ask_open(self, self.tr("选择政策文件"), self.tr("政策文件 (*.toml)"))
        if path is None:
            return
        allowance, op = self._services.allowance, self._op
        self.load_policy_button.setEnabled(False)
        self.policy_status.setStyleSheet("")
        self.policy_status.setText(self.tr("正在加载……"))
        self._ops.run(lambda: allowance.load_policy(op, read_text(path)),
                      lambda _p: self._on_policy_saved(path), self._on_policy_failed, write=True)

    def _on_policy_saved(self, path: Any) -> None:
        self.load_policy_button.setEnabled(True)
        self.policy_status.setText(self.tr("已加载政策文件：{path}").format(path=path))
        self.refresh()

    def _on_policy_failed(self, exc: BaseException) -> None:
        self.load_policy_button.setEnabled(True)
        self.policy_status.setStyleSheet("color: #b01c1c")
        self.policy_status.setText(errors.error_text(exc))
