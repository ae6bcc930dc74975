"""The chosen person on the card page: photo, details, the rules' verdict in plain Chinese,
the card actions and the person's card history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from elderdesk.domain.cards import TYPE_NAMES
from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import mask_id
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import age_on
from elderdesk.domain.person import HOUSEHOLD_NAMES, SEX_NAMES
from elderdesk.ui.data_text import message, tr_data
from elderdesk.ui.keys import ISSUE_CARD, PICKUP, REISSUE, bind
from elderdesk.ui.layout import FlowLayout, WrapLabel, relative_font
from elderdesk.ui.models.card_models import C_ID, C_NAME, CardsTableModel
from elderdesk.ui.widgets.card_summary import status_text

if TYPE_CHECKING:
    from elderdesk.services.auth import Operator
    from elderdesk.services.cards.service import Eligibility

PHOTO_W, PHOTO_H = 75, 105  # the 25:35 thumbnail
GREEN, ORANGE, RED, GREY = "#1b6e20", "#9a5b00", "#b01c1c", "#555555"


class PersonCardPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("办证"), parent)
        self.info: Eligibility | None = None
        self.masked = True
        self.photo = QLabel(self)
        self.photo.setFixedSize(PHOTO_W, PHOTO_H)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #bbbbbb; color: #888888")
        self.photo.setWordWrap(True)  # "No photo" in a large font
        self.placeholder = WrapLabel(
            self.tr("在上方查找并选择一位老人，或在“老人档案”中选中后按“办证”。"), self)
        self.name_label = QLabel(self)
        relative_font(self.name_label, 3, bold=True)
        self.details = WrapLabel("", self)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = WrapLabel("", self)
        self.current = WrapLabel("", self)
        self.issue_button = self._button(self.tr("发证…"), ISSUE_CARD)
        self.reissue_button = self._button(self.tr("补证/换证…"), REISSUE)
        self.pickup_button = self._button(self.tr("领证登记…"), PICKUP)
        actions = FlowLayout()
        for b in (self.issue_button, self.reissue_button, self.pickup_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.target_label = WrapLabel("", self)
        self.target_label.setStyleSheet(f"color: {GREY}")
        self.column = QVBoxLayout()
        for w in (self.placeholder, self.name_label, self.details, self.verdict, self.current):
            self.column.addWidget(w)
        self.column.addLayout(actions)
        self.column.addWidget(self.target_label)
        self.history_model = CardsTableModel(self)
        self.history = QTableView(self)
        self.history.setModel(self.history_model)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMaximumHeight(110)
        self.history.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)  # a wrapped status is not cut off
        for col in (C_NAME, C_ID):  # the person is shown above
            self.history.setColumnHidden(col, True)
        grid = QGridLayout(self)
        grid.addWidget(self.photo, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(self.column, 0, 1)
        grid.addWidget(self.history, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.show_info(None, None)

    def _button(self, text: str, keys: str) -> QPushButton:
        button = QPushButton(f"{text} ({keys})", self)
        bind(button, keys)
        return button

    def add_row(self, widget: QWidget) -> None:
        """A row under the actions (the print bar)."""
        self.column.insertWidget(self.column.indexOf(self.target_label), widget)

    def set_print_target(self, label: str) -> None:
        self.target_label.setText(self.tr("打印对象：{who}").format(who=label) if label else
                                  self.tr("打印对象：无（选中的人没有有效老年证）"))

    def set_masked(self, masked: bool) -> None:
        self.masked = masked
        self.history_model.set_masked(masked)
        if self.info is not None:
            self.show_info(self.info, None)

    # --- showing ---------------------------------------------------------------------------
    def show_info(self, info: Eligibility | None, op: Operator | None) -> None:
        """The person's verdict and cards; op decides which buttons are enabled."""
        self.info = info
        shown = info is not None
        self.placeholder.setVisible(not shown)
        for w in (self.name_label, self.details, self.verdict, self.current, self.history):
            w.setVisible(shown)
        if op is not None or info is None:
            self._enable(info, op)
        if info is None:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("照片"))
            self.history_model.set_rows([])
            return
        p = info.person
        self.name_label.setText(p.name)
        household = tr_data(HOUSEHOLD_NAMES.get(p.household_type or "local", ""))
        if p.household_type == "nonlocal":
            expiry = p.residence_permit_expiry
            household += self.tr("，居住证有效期至 {date}").format(date=expiry.isoformat()) \
                if expiry else self.tr("，未登记居住证")
        self.details.setText(self.tr("{id}　{sex}　{birth}（{age} 岁）　{status}　{household}").format(
            id=mask_id(p.id_number) if self.masked else p.id_number,
            sex=tr_data(SEX_NAMES.get(p.sex, p.sex)), birth=p.birth_date.isoformat(),
            age=age_on(p.birth_date, p.death_date or info.on), status=tr_data(p.status_name),
            household=household))
        text, color = self._verdict(info)
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"color: {color}; font-weight: bold")
        card = info.current
        self.current.setText(self.tr("尚未办理老年证") if card is None else self.tr(
            "当前老年证：{no}　{type}　{date} 发证　{status}").format(
            no=card.card_no, type=tr_data(card.type_name), date=card.issued_on.isoformat(),
            status=status_text(card)))
        self.history_model.set_rows(info.cards)
        if info.photo:
            pixmap = QPixmap()
            pixmap.loadFromData(info.photo)
            self.photo.setPixmap(pixmap.scaled(PHOTO_W, PHOTO_H,
                                               Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("无照片"))

    def _message(self, exc: ElderError) -> str:
        params = dict(exc.params)
        if self.masked and isinstance(params.get("id"), str):
            params["id"] = mask_id(params["id"])
        return message(exc.code, **params)

    def _verdict(self, info: Eligibility) -> tuple[str, str]:
        """What the rules say, in one plain sentence, and its colour."""
        valid = info.valid
        if info.issue_refusal is None:
            kind = tr_data(TYPE_NAMES.get(info.card_type or "", ""))
            return self.tr("✔ 可以发证：{type}，工本费 {fee} 元").format(
                type=kind, fee=fen_to_str(info.fee("new"))), GREEN
        if valid is not None and info.reissue_refusal is None:
            if info.upgrade_due:
                return self.tr("已持有{type}（{no}）。已到换证年龄，应换发{wanted}：请按“补证/换证”，"
                               "原因选“年满换证”（工本费 {fee} 元）").format(
                    type=tr_data(valid.type_name), no=valid.card_no,
                    wanted=tr_data(TYPE_NAMES.get(info.card_type or "", "")),
                    fee=fen_to_str(info.fee("upgrade"))), ORANGE
            return self.tr("已持有有效老年证（{no}，{type}），不能重复发证。遗失、损坏或信息有误请按"
                           "“补证/换证”").format(no=valid.card_no, type=tr_data(valid.type_name)), GREY
        return self.tr("✘ 不能办理：{reason}").format(reason=self._message(
            info.issue_refusal)), RED

    def _enable(self, info: Eligibility | None, op: Operator | None) -> None:
        def can(action: str) -> bool:
            return op is not None and op.can(action)

        valid = info.valid if info is not None else None
        self.issue_button.setEnabled(info is not None and info.issue_refusal is None
                                     and can("card.issue"))
        self.reissue_button.setEnabled(info is not None and info.reissue_refusal is None
                                       and can("card.issue"))
        self.pickup_button.setEnabled(valid is not None and valid.picked_up_on is None
                                      and can("card.pickup"))
