"""Counter lists: queues, the due list, proof-of-life due list, payment history, comparison."""

from datetime import date

from elderdesk.domain.months import Month
from elderdesk.domain.person import PersonInput
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


def enrol(services, clerk, reviewer, approver, birth, seq, applied, approved):
    p = services.people.add(clerk, PersonInput(  # a normal paid person: with a bank account
        id_number=make_id(birth, seq), name=f"老人{seq}", bank="中国工商银行",
        account=f"622202{seq:010d}"))
    services.allowance.apply(clerk, p.id_number, date.fromisoformat(applied))
    services.allowance.review(reviewer, p.id_number, True, None, date.fromisoformat(applied))
    if approved:
        services.allowance.approve(approver, p.id_number, date.fromisoformat(approved))
    return p.id_number


def test_queues_and_due_lists(services, clerk, reviewer, approver):
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    b = enrol(services, clerk, reviewer, approver, "1946-06-02", 3, "2026-08-11", None)
    due = services.people.add(clerk, PersonInput(id_number=make_id("1946-11-03", 5), name="将满"))
    services.people.add(clerk, PersonInput(id_number=make_id("1947-03-03", 7), name="还早"))
    assert [x.id_number for x in services.allowance.queue(reviewer, "reviewed")] == [b]
    assert services.allowance.queue(reviewer, "applied") == []
    names = [x.name for x in services.allowance.due_list(clerk, date(2026, 9, 15))]
    assert names == ["将满"]
    assert services.allowance.due_list(clerk, date(2026, 9, 15))[0].id_number == due.id_number
    # Cover from the application (2026-08) ends 2026-10: due from September on, not in July.
    assert [x.id_number for x in services.allowance.lifecert_due(clerk, date(2026, 9, 1))] == [a]
    assert services.allowance.lifecert_due(clerk, date(2026, 7, 1)) == []


def test_history_explains_each_month(services, clerk, reviewer, approver):
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    hist = services.allowance.history(clerk, a, Month(2026, 12))
    by_month = {str(h.status.month): h for h in hist}
    assert by_month["2026-05"].paid_fen == 10000 and "应发" in by_month["2026-05"].explained
    assert by_month["2026-11"].status.state == "withheld" and by_month["2026-11"].paid_fen == 0
    assert "生存认证" in by_month["2026-11"].explained


def test_compare_with_previous_roster(services, clerk, reviewer, approver):
    a = enrol(services, clerk, reviewer, approver, "1936-11-20", 1, "2026-08-10", "2026-08-20")
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    services.allowance.lifecert(clerk, a, date(2026, 10, 2))
    b = enrol(services, clerk, reviewer, approver, "1946-05-02", 3, "2026-10-11", "2026-10-20")
    services.roster.build(approver, "2026Q4")
    cmp = services.roster.compare(approver, "2026Q4")
    assert cmp.previous == "2026Q3"
    assert [ln.id_number for ln in cmp.new] == [b]
    assert [(x.band, y.band) for x, y in cmp.band_changed] == [("80–89", "90–99")]
    assert [ln.id_number for ln in cmp.arrears] == [b]


def test_cancelled_build_leaves_nothing(services, clerk, reviewer, approver):
    import threading

    import pytest

    from elderdesk.services.people.imports import Cancelled

    enrol(services, clerk, reviewer, approver, "1946-05-20", 1, "2026-08-10", "2026-08-20")
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        services.roster.build(approver, "2026Q3", cancel=stop)
    from elderdesk.domain.errors import ElderError

    with pytest.raises(ElderError) as e:
        services.roster.show(approver, "2026Q3")
    assert e.value.code == "ROSTER_NOT_FOUND"
