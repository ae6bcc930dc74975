"""An online application's date is no proof of life (allowance-rules.md section 4): the roster
withholds until the elder (or agent) comes; the queue shows the source and who must still come."""

from __future__ import annotations

from datetime import date

import pytest

from elderdesk.domain.entitlement import EnrollmentFacts, Entitlement, PersonFacts
from elderdesk.domain.months import Month
from elderdesk.domain.person import PersonInput
from elderdesk.domain.policy import parse_policy_toml
from tests.conftest import wuhan_policy
from tests.helpers import make_id
from tests.importing.sheets import write_xlsx

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

BANK, ACCOUNT = "中国工商银行", "6222021234567890"


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-10-08")


def test_entitlement_counts_only_counter_applications():
    policy = parse_policy_toml(wuhan_policy())
    person = PersonFacts(date(1940, 1, 1))
    counter = Entitlement(policy, person, [EnrollmentFacts(date(2026, 5, 10), True)])
    online = Entitlement(policy, person, [EnrollmentFacts(date(2026, 5, 10), True,
                                                          at_counter=False)])
    assert counter.status(Month(2026, 7)).payable  # May..July covered by A
    assert not online.status(Month(2026, 5)).payable
    assert online.status(Month(2026, 5)).entitled  # withheld, not lost
    later = Entitlement(policy, person, [EnrollmentFacts(date(2026, 5, 10), True,
                                                         at_counter=False)], [date(2026, 8, 3)])
    assert later.status(Month(2026, 5)).payable and later.status(Month(2026, 10)).payable
    assert not later.status(Month(2026, 11)).payable


def _people(services, clerk):
    counter, online = make_id("1946-03-03", 11), make_id("1946-04-04", 21)
    for number, name in ((counter, "窗口甲"), (online, "网上乙")):
        services.people.add(clerk, PersonInput(id_number=number, name=name, bank=BANK,
                                               account=ACCOUNT))
    return counter, online


def _online_apply(services, clerk, tmp_path, number, name, on="2026-05-10"):
    path = write_xlsx(tmp_path / f"{number}.xlsx", [["姓名", "身份证号", "申请日期", "代办人"],
                                                   [name, number, on, "代办丙"]])
    out = services.imports.import_applications(clerk, path)
    assert out.imported == 1 and not out.findings


def test_roster_withholds_an_online_application_until_a_proof_of_life(
        services, clerk, reviewer, approver, tmp_path):
    counter, online = _people(services, clerk)
    services.allowance.apply(clerk, counter, date(2026, 5, 10))
    _online_apply(services, clerk, tmp_path, online, "网上乙")
    for number in (counter, online):
        services.allowance.review(reviewer, number, True, None, date(2026, 5, 20))
        services.allowance.approve(approver, number, date(2026, 6, 1))
    q2 = services.roster.build(approver, "2026Q2")
    doc = q2.to_json()
    assert [ln["id_number"] for ln in doc["lines"]] == [counter]
    assert doc["withheld"] == [{"id_number": online, "name": "网上乙",
                                "reason": "no_proof_of_life",
                                "months": ["2026-04", "2026-05", "2026-06"],
                                "amount": "300.00"}]
    # the elder comes to the counter: the months withheld are paid as arrears
    services.roster.freeze(approver, "2026Q2")
    services.allowance.lifecert(clerk, online, date(2026, 7, 15))
    q3 = services.roster.build(approver, "2026Q3").to_json()
    line = next(ln for ln in q3["lines"] if ln["id_number"] == online)
    assert [(i["month"], i["kind"]) for i in line["items"]] == [
        ("2026-04", "arrears"), ("2026-05", "arrears"), ("2026-06", "arrears"),
        ("2026-07", "regular"), ("2026-08", "regular"), ("2026-09", "regular")]
    assert services.profile(clerk, online).extra["enrollment"]["source"] == "online"


def test_queue_shows_the_source_and_who_must_still_come(services, clerk, reviewer, tmp_path):
    counter, online = _people(services, clerk)
    services.allowance.apply(clerk, counter, date(2026, 5, 10))
    _online_apply(services, clerk, tmp_path, online, "网上乙")
    queue = {a.id_number: a for a in services.allowance.queue(reviewer, "applied")}
    assert (queue[counter].source, queue[counter].needs_visit) == ("counter", False)
    assert (queue[online].source, queue[online].needs_visit) == ("online", True)
    services.allowance.lifecert(clerk, online, date(2026, 5, 9))  # before the application
    assert services.allowance.queue(reviewer, "applied")[1].needs_visit
    services.allowance.lifecert(clerk, online, date(2026, 5, 12))
    queue = {a.id_number: a for a in services.allowance.queue(reviewer, "applied")}
    assert not queue[online].needs_visit


def test_lifecert_due_lists_an_approved_online_application_without_proof(
        services, clerk, reviewer, approver, tmp_path):
    counter, online = _people(services, clerk)
    services.allowance.apply(clerk, counter, date(2026, 9, 20))
    _online_apply(services, clerk, tmp_path, online, "网上乙", on="2026-09-20")
    for number in (counter, online):
        services.allowance.review(reviewer, number, True, None, date(2026, 9, 25))
        services.allowance.approve(approver, number, date(2026, 9, 28))
    due = services.allowance.lifecert_due(clerk)
    assert [(d.id_number, d.due) for d in due] == [(online, date(2026, 9, 20)),
                                                    (counter, date(2026, 11, 30))]
