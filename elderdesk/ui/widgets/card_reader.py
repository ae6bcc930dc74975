"""读卡: the 读卡 (F3) button with its state, reading the ID card off the GUI thread.

The read polls the reader (never faster than every 300 ms, devices.md) until a card is read,
the reader is missing or fails, the wait times out, or the clerk cancels. The state shows
等待放卡 / 读取中 / 已读取 / 读卡器未连接 / 读卡出错; a dialog that handles one person sets
`expected` and a card of someone else is refused with READER_OTHER_PERSON. The chip photo is
converted to PNG (services/cards/photo.from_chip) and decoded for display in the same job; it
is only stored where the clerk accepts it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from elderdesk.devices.base import ERROR, NO_CARD, UNAVAILABLE
from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import mask_id
from elderdesk.ui import keys
from elderdesk.ui.data_text import message
from elderdesk.ui.errors import error_text
from elderdesk.ui.layout import WrapLabel

if TYPE_CHECKING:
    from elderdesk.devices.base import CardData
    from elderdesk.devices.card import ReadOutcome
    from elderdesk.domain.person import Person
    from elderdesk.services.auth import Operator
    from elderdesk.services.container import Services
    from elderdesk.ui.ops import Ops, Task

POLL_INTERVAL = 0.3  # seconds between reads while waiting for a card (devices.md: ≥ 300 ms)
WAIT_TIMEOUT = 30.0  # seconds of 等待放卡 before the read gives up

# states of the control
IDLE, READING, WAITING, DONE, NO_READER, FAILED, TIMED_OUT = (
    "idle", "reading", "waiting", "done", "no_reader", "failed", "timed_out")


@dataclass
class CardRead:
    """One 读卡 as the GUI gets it: the outcome, the holder in the register (look_up), the chip
    photo as PNG bytes with a display copy, and how the wait ended."""

    outcome: ReadOutcome
    person: Person | None = None
    photo: bytes | None = None  # PNG, ready for cards.photo.prepare / cards.issue
    photo_image: QImage | None = None
    photo_size: tuple[int, int] | None = None
    photo_note: str | None = None  # why the chip photo cannot be used
    timed_out: bool = False
    cancelled: bool = False

    @property
    def card(self) -> CardData | None:
        return self.outcome.card


def read_job(services: Services, operator: Operator, task: Task, *, look_up: bool,
             timeout: float) -> CardRead:
    """Runs on the device thread: poll until a card, a failure, the timeout or a cancel."""
    reader = services.reader
    deadline = time.monotonic() + timeout
    waiting = False
    while True:
        if look_up:
            outcome, person = reader.read_person(operator)
        else:
            outcome, person = reader.read(operator), None
        if outcome.status != NO_CARD:
            break
        if not waiting:
            task.progress(0, 1)  # the GUI shows 等待放卡
            waiting = True
        if time.monotonic() >= deadline:
            return CardRead(outcome, timed_out=True)
        if task.cancel.wait(POLL_INTERVAL):
            return CardRead(outcome, cancelled=True)
    read = CardRead(outcome, person)
    card = outcome.card
    if card is not None and card.photo:
        from elderdesk.services.cards.photo import from_chip
        from elderdesk.ui.widgets.photo_crop import decode_photo

        try:
            read.photo = from_chip(card.photo)
        except ElderError as exc:
            read.photo_note = exc.message
        else:
            image, size = decode_photo(read.photo)
            read.photo_image, read.photo_size = image, (size.width(), size.height())
    return read


class CardReader(QWidget):
    """The 读卡 button, a 取消 button while waiting, the state and the reason or warnings.

    window_key: the page's button names the window's F3 action (ui/keys.bind); otherwise (a
    dialog) the button holds F3 itself. look_up: find the holder in the register too."""

    card_read = Signal(object)  # CardRead of a card read (and, with expected, of that person)
    finished = Signal(object)  # every CardRead, whatever became of it
    state_changed = Signal(str)

    def __init__(self, ops: Ops, services: Services, operator: Operator,
                 parent: QWidget | None = None, *, look_up: bool = False,
                 window_key: bool = False, compact: bool = False) -> None:
        super().__init__(parent)
        self._ops, self._services, self._op = ops, services, operator
        self._look_up = look_up
        self._task: Task | None = None
        self.timeout = WAIT_TIMEOUT
        self.expected: str | None = None  # the ID of the dialog's person, if any
        self.expected_text = ""  # who that is, as the refusal names them (else the masked ID)
        self.state = IDLE
        self.message = ""  # the reason / warnings of the last read, as shown
        self.button = QPushButton(self.tr("读卡 ({keys})").format(keys=keys.READ_CARD), self)
        self.button.setToolTip(self.tr("读取放在读卡器上的第二代身份证（{keys}）").format(
            keys=keys.READ_CARD))
        if window_key:
            keys.bind(self.button, keys.READ_CARD)
        else:
            self.button.setShortcut(QKeySequence(keys.READ_CARD))
        self.button.clicked.connect(lambda _c=False: self.start())
        self.cancel_button = QPushButton(self.tr("取消读卡"), self)
        self.cancel_button.clicked.connect(lambda _c=False: self.cancel())
        self.cancel_button.hide()
        self.state_label = QLabel(self)
        font = self.state_label.font()
        font.setBold(True)
        self.state_label.setFont(font)
        self.note = WrapLabel("", self)
        self.note.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self._compact = compact  # a page's button row: the reason goes to the status line

    # --- reading -------------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        """Read the card (the button, F3). A read already running goes on."""
        if self._task is not None or not self.button.isEnabled():
            return
        services, op, look_up, timeout = self._services, self._op, self._look_up, self.timeout
        self._set_state(READING, "")
        self.button.setEnabled(False)
        self.cancel_button.show()
        self._task = self._ops.run_task(
            lambda task: read_job(services, op, task, look_up=look_up, timeout=timeout),
            self._on_done, self._on_failed,
            on_progress=lambda _d, _t: self._on_waiting(), device=True)

    def _on_waiting(self) -> None:
        if self._task is not None:
            self._set_state(WAITING, self.tr("请把身份证放在读卡器上"))

    def cancel(self) -> None:
        if self._task is not None:
            self._task.request_cancel()

    def hideEvent(self, event) -> None:  # noqa: N802
        self.cancel()  # a dialog closed or a page left: stop waiting for a card
        super().hideEvent(event)

    def _finish(self) -> None:
        self._task = None
        self.button.setEnabled(True)
        self.cancel_button.hide()

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        self._set_state(FAILED, error_text(exc))

    def _on_done(self, read: CardRead) -> None:
        self._finish()
        outcome = read.outcome
        shown = outcome.id_number
        warnings = [w.replace(shown, mask_id(shown)) if shown else w for w in outcome.warnings]
        if read.cancelled:
            self._set_state(IDLE, self.tr("已取消读卡"))
        elif read.timed_out:
            self._set_state(TIMED_OUT, message("READER_WAIT_TIMEOUT", seconds=round(self.timeout)))
        elif outcome.status == UNAVAILABLE:
            self._set_state(NO_READER, "\n".join(warnings))
        elif outcome.status == ERROR or outcome.card is None:
            self._set_state(FAILED, "\n".join(warnings))
        elif self.expected is not None and outcome.card.id_number != self.expected:
            card = outcome.card
            self._set_state(FAILED, message(
                "READER_OTHER_PERSON", name=card.name, id=mask_id(card.id_number),
                expected=self.expected_text or mask_id(self.expected)))
        else:
            if read.photo_note:
                warnings.append(read.photo_note)
            self._set_state(DONE, "\n".join(warnings))
            self.finished.emit(read)
            self.card_read.emit(read)
            return
        self.finished.emit(read)

    # --- showing -------------------------------------------------------------------------------
    def state_text(self, state: str | None = None) -> str:
        words = {READING: self.tr("读取中"), WAITING: self.tr("等待放卡"), DONE: self.tr("已读取"),
                 NO_READER: self.tr("读卡器未连接"), FAILED: self.tr("读卡出错"),
                 TIMED_OUT: self.tr("未读到身份证"), IDLE: ""}
        return words[state or self.state]

    def _set_state(self, state: str, text: str) -> None:
        self.state, self.message = state, text
        self.state_label.setText(self.state_text(state))
        self.state_label.setStyleSheet(
            "color: #1c7c1c" if state == DONE else
            "color: #b01c1c" if state in (NO_READER, FAILED, TIMED_OUT) else "")
        self.note.setText(text)
        self.note.setVisible(bool(text) and not self._compact)
        self.note.setStyleSheet("color: #b01c1c" if state in (NO_READER, FAILED, TIMED_OUT)
                                else "color: #555555")
        self.state_changed.emit(state)
