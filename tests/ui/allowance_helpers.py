"""Data for the allowance and roster page tests, built through the services (Wuhan policy)."""

from __future__ import annotations

from datetime import date

from elderdesk.domain.person import PersonInput
from tests.ui.conftest import make_id

BORN_MAY = make_id("19460520", "011")  # 80 in 2026-05: the worked example of allowance-rules.md
BORN_SEP = make_id("19460915", "022")  # 80 in 2026-09: on the due list in August 2026
NAMES = {BORN_MAY: "赵德明", BORN_SEP: "钱秀兰"}


def register(services, clerk, *numbers: str) -> None:
    for number in numbers:
        services.people.add(clerk, PersonInput(id_number=number, name=NAMES[number],
                                               community="民意社区", bank="中国工商银行",
                                               account="6222021234567890" + number[-4:-1]))


def approve(services, clerk, reviewer, approver, number: str,
            applied: date = date(2026, 8, 10), decided: date = date(2026, 8, 20)) -> None:
    services.allowance.apply(clerk, number, applied)
    services.allowance.review(reviewer, number, True, None, decided)
    services.allowance.approve(approver, number, decided)


def set_today(monkeypatch, day: str) -> None:
    monkeypatch.setenv("ELDERDESK_TODAY", day)


def fake_ask(monkeypatch, qtbot, cls, drive=None, result_attr="result_value"):
    """Replace cls.ask by one that builds the real dialog, lets drive(dialog) fill it in,
    clicks OK and waits for the background save; returns the list of dialogs shown."""
    shown = []

    def ask(klass, parent, *args, **kwargs):
        dialog = klass(*args, parent=parent, **kwargs)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        if drive is not None:
            drive(dialog)
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: getattr(dialog, result_attr) is not None
                        or dialog.error_label.text() != "")
        return getattr(dialog, result_attr)

    monkeypatch.setattr(cls, "ask", classmethod(ask))
    return shown
