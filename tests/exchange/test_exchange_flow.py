"""The street -> district -> street round trip (issue 15 'Done when', first part): people
registered and applications reviewed at two streets, packages exported and imported, the
district approves some and rejects one, the decisions go back and move the streets'
applications."""

from __future__ import annotations

from datetime import date

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from tests.exchange.conftest import REGION, A, B
from tests.helpers import make_id

DAY = date(2026, 3, 2)


def register(office, n: int, seq0: int) -> list[str]:
    """n people of 85 registered, applied for and reviewed (approved) at a street."""
    svc, ids = office.services, []
    for i in range(n):
        number = make_id(date(1940, 1, 1 + i), seq=seq0 + i)
        svc.people.add(office.clerk, PersonInput(number, f"老人{seq0 + i}", community="民意社区",
                                                 bank="工商银行", account="6222020200001234567"))
        svc.allowance.apply(office.clerk, number, DAY)
        svc.allowance.review(office.reviewer, number, True, "符合条件", DAY)
        svc.allowance.lifecert(office.clerk, number, DAY)
        ids.append(number)
    return ids


def status_of(office, number: str) -> str:
    return office.services.allowance.enrollment_json(office.admin, number)["status"]


def send(sender, receiver, tmp_path, name: str, to: str | None = None):
    out = tmp_path / name
    exported = sender.services.exchange.export(sender.admin, out, to)
    return exported, receiver.services.exchange.import_file(receiver.admin, out)


@pytest.mark.usefixtures("offices")
def test_applications_go_up_and_decisions_come_back(offices, tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    d, a, b = offices["district"], offices["a"], offices["b"]
    ids_a, ids_b = register(a, 3, 10), register(b, 2, 50)

    ea, ia = send(a, d, tmp_path, "a1.edx")
    eb, ib = send(b, d, tmp_path, "b1.edx")
    assert (ea.first_seq, ea.seq, eb.seq) == (1, 1, 1)
    assert ia.counts["person"] == 3 and ia.counts["application"] == 3
    assert ia.counts["lifecert"] == 3 and ib.counts["person"] == 2
    assert not ia.findings and not ib.findings
    # The district holds both streets' registers, read-only, with the streets' reviews.
    for number in ids_a + ids_b:
        assert status_of(d, number) == "reviewed"
    with pytest.raises(ElderError) as refused:
        d.services.allowance.lifecert(d.admin, ids_a[0], date(2026, 3, 9))
    assert refused.value.code == "OWNED_BY_OTHER" and A in refused.value.message

    # The district decides: A's three approved, B's first approved, B's second rejected.
    for number in ids_a + ids_b[:1]:
        d.services.allowance.approve(d.approver, number, date(2026, 3, 5))
    d.services.allowance.reject(d.approver, ids_b[1], "户籍不符", date(2026, 3, 6))
    # A street cannot decide any more once it has joined.
    with pytest.raises(ElderError) as refused:
        a.services.allowance.approve(a.approver, ids_a[0], DAY)
    assert refused.value.code == "OWNED_BY_OTHER" and REGION in refused.value.message

    _, ra = send(d, a, tmp_path, "d-a1.edx", to=A)
    _, rb = send(d, b, tmp_path, "d-b1.edx", to=B)
    assert ra.counts["decision"] == 3 and rb.counts["decision"] == 2
    for number in ids_a + ids_b[:1]:
        assert status_of(a if number in ids_a else b, number) == "approved"
    assert status_of(b, ids_b[1]) == "rejected"

    # Second round: a death recorded at street A ends the enrollment on both sides.
    a.services.people.record_death(a.clerk, ids_a[2], date(2026, 3, 8))
    assert status_of(a, ids_a[2]) == "stopped"
    e2, i2 = send(a, d, tmp_path, "a2.edx")
    assert (e2.first_seq, e2.seq) == (2, 2)
    assert i2.counts["person"] == 1 and status_of(d, ids_a[2]) == "stopped"
    # The decision's echo from the street does not undo the district's decision.
    for number in ids_a[:2]:
        assert status_of(d, number) == "approved"
    # Nothing changed since: the next package is empty but valid (it carries the head).
    e3, i3 = send(a, d, tmp_path, "a3.edx")
    assert e3.records == 0 and sum(i3.counts.values()) == 0

    # Audit heads travel: the district returned A's head; A's audit verify checks it.
    check = a.services.safety.verify_audit(a.admin)
    package = [x for x in check.anchors if x.source == "package"]
    assert package and all(x.found for x in package) and check.ok
