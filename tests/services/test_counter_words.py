"""What staff read is in words: the freeze refusal names what changed (day, time, person, action
from the audit labels), audit diffs show roster states in Chinese."""

from __future__ import annotations

from datetime import date

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.audit.labels import change_text, changes
from elderdesk.store.audit_repo import server_clock
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

MAY = make_id("1946-05-20", 11)


def test_freeze_refusal_says_what_changed_in_words(services, clerk, reviewer, approver,
                                                    monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-08-20")
    services.people.add(clerk, PersonInput(id_number=MAY, name="王秀英"))
    services.allowance.apply(clerk, MAY, date(2026, 8, 10))
    services.allowance.review(reviewer, MAY, True, None, date(2026, 8, 15))
    services.allowance.approve(approver, MAY, date(2026, 8, 20))
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-09-30")
    services.roster.build(approver, "2026Q3")
    services.allowance.lifecert(clerk, MAY, date(2026, 9, 30))
    with pytest.raises(ElderError) as err:
        services.roster.freeze(approver, "2026Q3")
    message = err.value.message
    assert err.value.code == "ROSTER_STALE"
    # the record's time is the system clock's (cli.md "Today"), not ELDERDESK_TODAY; on
    # PostgreSQL the server's (store/audit_repo.server_clock)
    with services.db.read() as s:
        clock = server_clock(s)
    day = clock.date() if clock else date.today()
    assert "王秀英" in message and "生存认证" in message and f"{day} " in message
    assert "lifecert" not in message and "T" not in message.split("（")[1]


def test_roster_states_in_chinese_in_the_audit_log():
    shown = [change_text(c) for c in changes("roster", "2026Q3", {"status": "draft"},
                                             {"status": "frozen"})]
    assert shown == ["状态：草稿 → 已冻结"]
