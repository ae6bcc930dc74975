"""GUI test helpers: typing Chinese like an input method, IDs with valid check characters,
a logged-in main window on a temporary database."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from elderdesk.domain.idcard import check_char
from elderdesk.domain.person import PersonInput


def type_cjk(widget: QWidget, text: str) -> None:
    """Commit text as an input method would (qtbot.keyClicks is ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def on_modal(qtbot, cls, handle, done: list, activate: bool = False) -> None:
    """Once a dialog of cls is the active modal widget (its exec() runs), handle(dialog);
    activate=True first makes it the active window (keys only go there; offscreen may leave
    activation elsewhere)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls) and dialog.isVisible():
            try:
                if activate:
                    dialog.activateWindow()
                    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
                handle(dialog)
            except BaseException:
                dialog.reject()  # fail the test rather than hang in exec()
                raise
            finally:
                done.append(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def make_id(birth: str, seq: str = "001", area: str = "420103") -> str:
    """An 18-digit ID with a correct check character: birth 'YYYYMMDD', seq 3 digits
    (odd last digit = male)."""
    first17 = area + birth + seq
    return first17 + check_char(first17)


PEOPLE = [
    ("张三丰", make_id("19400312", "011")),
    ("张小花", make_id("19451120", "022")),
    ("王秀英", make_id("19380105", "042")),
    ("李建国", make_id("19500701", "031")),
]


def add_people(services, operator, people=PEOPLE, community: str = "民意社区"):
    return [services.people.add(operator, PersonInput(id_number=i, name=n, community=community))
            for n, i in people]


@pytest.fixture
def ops(qtbot):
    from elderdesk.ui.ops import Ops

    holder = QWidget()
    qtbot.addWidget(holder)
    o = Ops(holder)
    yield o
    o.wait_done()


@pytest.fixture
def people(services, clerk):
    return add_people(services, clerk)


@pytest.fixture
def window(qtbot, services, clerk, people):
    from elderdesk.ui.main_window import MainWindow

    w = MainWindow(services, clerk)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.ops.wait_done()


@pytest.fixture
def page(window):
    return window.register_page


def today() -> date:
    from elderdesk.services.clock import today as clock_today

    return clock_today()
