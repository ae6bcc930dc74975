"""Issue 15 'Done when', end to end with three databases (a district and two streets) through
the in-process command line: people registered and applications reviewed at each street;
packages exported and imported; the district approves some and rejects one; decisions return;
the district builds and freezes the quarter; the lines return; a death recorded late at a
street produces its recovery at the district's next roster, and its settlement returns; every
street's history equals the district's for its people; the same ID enrolled at both streets
is found (DUP_OFFICE) and paid once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from elderdesk.domain.person import PersonInput
from tests.cli.conftest import Runner
from tests.conftest import ADMIN_PASSWORD, PASSWORD, wuhan_policy
from tests.exchange.conftest import REGION, A, B, Office, make_office
from tests.helpers import make_id

APPLIED = date(2026, 1, 5)


def register(office, births: list[tuple[int, int]], monkeypatch) -> list[str]:
    """People registered, applied for, reviewed and with a proof of life at a street on
    APPLIED (each (day of January 1940, sequence number))."""
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-01-06")
    svc, ids = office.services, []
    for day, seq in births:
        number = make_id(date(1940, 1, day), seq=seq)
        svc.people.add(office.clerk, PersonInput(number, f"老人{seq}", community="民意社区",
                                                 bank="工商银行", account="6222020200001234567"))
        svc.allowance.apply(office.clerk, number, APPLIED)
        svc.allowance.review(office.reviewer, number, True, "符合条件", APPLIED)
        svc.allowance.lifecert(office.clerk, number, APPLIED)
        ids.append(number)
    return ids


class World:
    def __init__(self, offices, tmp: Path, monkeypatch) -> None:
        self.o = offices
        self.tmp = tmp
        self.run = {k: Runner(o.path, monkeypatch) for k, o in offices.items()}
        self.n = 0

    def __call__(self, who: str, *argv: str, today: str, status: int | None = 0,
                 json: bool = True):
        r = self.run[who](*argv, *(["--json"] if json else []), today=today)
        assert r.status == status or (status is None and r.status in (0, 1)), (
            who, argv, r.status, r.err)
        return r.json if json and r.out else r

    def send(self, sender: str, receiver: str, today: str, status: int | None = 0) -> dict:
        self.n += 1
        out = self.tmp / f"{self.n:02d}-{sender}-{receiver}.edx"
        to = [] if sender != "district" else ["--to", self.o[receiver].code]
        self(sender, "exchange", "export", "--out", str(out), *to, today=today)
        return self(receiver, "exchange", "import", str(out), today=today, status=status)


def history(office, number: str) -> list[tuple]:
    """Every month of the person's payment history: owed, state, why, and what was paid."""
    return [(str(h.status.month), h.status.amount_fen, h.status.state, h.status.reason,
             h.explained, h.paid_fen)
            for h in office.services.allowance.history(office.admin, number)]


def paid_months(office, number: str) -> list[tuple]:
    return [(m, fen) for m, *_rest, fen in history(office, number) if fen]


def quarter(month: str) -> str:
    return f"{month[:4]}Q{(int(month[5:7]) - 1) // 3 + 1}"


def totals(doc: dict) -> dict:
    return doc["totals"]


@pytest.fixture
def pg_offices(pg_cluster, tmp_path):
    """The same three offices with the district and street A on PostgreSQL (B stays SQLite):
    the return records' SQL on both engines, at both ends."""
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise

    made = {}
    for key, name, street in (("district", "district", None), ("a", "street_a", "001")):
        url = pg_cluster.url(pg_cluster.create())
        initialise(url, REGION, name, "admin", ADMIN_PASSWORD, policy_source=wuhan_policy(),
                   street=street, level="street" if street else "district").close()
        svc = Services.open(url)
        admin = svc.users.authenticate("admin", ADMIN_PASSWORD)
        ops = []
        for user, role in (("clerk", "clerk"), ("reviewer", "reviewer"),
                           ("approver", "approver")):
            svc.users.add(admin, user, [role], PASSWORD)
            ops.append(svc.users.authenticate(user, PASSWORD))
        made[key] = Office(REGION + (street or ""), url, svc, admin, *ops)
    made["b"] = make_office(tmp_path, "street_b", "002")
    d = made["district"]
    for street in (made["a"], made["b"]):
        d.services.office.add_partner(d.admin, street.code, f"街道{street.code[-3:]}",
                                      street.services.cards.public_key().encode())
        street.services.office.add_partner(street.admin, REGION, "江汉区民政局",
                                           d.services.cards.public_key().encode())
    yield made
    for o in made.values():
        o.services.close()


def test_the_district_pays_its_streets_end_to_end(offices, tmp_path, monkeypatch):
    end_to_end(offices, tmp_path, monkeypatch)


def test_end_to_end_with_the_district_and_a_street_on_postgresql(pg_offices, tmp_path,
                                                                  monkeypatch):
    end_to_end(pg_offices, tmp_path, monkeypatch)


def end_to_end(offices, tmp_path, monkeypatch) -> None:
    w = World(offices, tmp_path, monkeypatch)
    d, a, b = offices["district"], offices["a"], offices["b"]
    ids_a = register(a, [(1, 10), (2, 11), (3, 12)], monkeypatch)
    ids_b = register(b, [(4, 50), (5, 51)], monkeypatch)
    dup = register(a, [(9, 90)], monkeypatch)[0]  # the same person enrolled at both streets
    register(b, [(9, 90)], monkeypatch)
    day = "2026-01-10"
    for street in (A, B):
        w("district", "office", "payment", street, "district", today=day)

    # Up: the registers and reviews; the duplicate is found when B's package arrives.
    up_a = w.send("a", "district", day)
    up_b = w.send("b", "district", day, status=1)
    assert up_a["counts"]["person"] == 4 and up_b["counts"]["person"] == 3
    assert [(f["code"], f["id_number"], f["offices"]) for f in up_b["findings"]] == [
        ("DUP_OFFICE", dup, [A, B])]

    # The district decides: A's all (the duplicate at A), B's first; B's second rejected.
    for number in ids_a:
        w("district", "allowance", "approve", number, "--date", day, today=day, json=False)
    w("district", "allowance", "approve", dup, "--office", A, "--date", day, today=day,
      json=False)
    w("district", "allowance", "approve", ids_b[0], "--date", day, today=day, json=False)
    w("district", "allowance", "reject", ids_b[1], "--reason", "户籍不符", "--date", day,
      today=day, json=False)
    # A second approval of the duplicate (at B) is refused: it is paid once.
    again = w("district", "allowance", "approve", dup, "--office", B, "--date", day, today=day,
              json=False, status=4)
    assert again.err.split(":")[0] in ("DUP_APPROVED", "ALREADY_ENROLLED", "DUP_OFFICE",
                                        "OWNED_BY_OTHER") or dup in again.err, again.err

    # Decisions and the payment setting go down; the streets' next packages acknowledge it.
    down_a, down_b = w.send("district", "a", day), w.send("district", "b", day)
    assert down_a["counts"]["decision"] == 4 and down_b["counts"]["decision"] == 2
    assert down_a["counts"]["setting"] == 1 and down_a["counts"]["roster"] == 0
    for street in ("a", "b"):
        w.send(street, "district", day, status=None)  # 1: the duplicate found again

    # The district builds and freezes the first quarter: each ID paid once.
    q1 = "2026-03-10"
    w("district", "roster", "build", "--period", "2026Q1", today=q1)
    frozen = w("district", "roster", "freeze", "--period", "2026Q1", today=q1)
    paid_ids = [ln["id_number"] for ln in frozen["lines"]]
    assert sorted(paid_ids) == sorted([*ids_a, dup, ids_b[0]])
    assert paid_ids.count(dup) == 1

    # The lines return: each street's part, frozen by the district (waiting until exported).
    waiting = {o["code"]: o["pending"] for o in w("district", "exchange", "status",
                                                  today=q1)["offices"]}
    assert waiting[A] >= 1 + len(ids_a) and waiting[B] >= 2
    back_a, back_b = w.send("district", "a", q1), w.send("district", "b", q1)
    after = {o["code"]: o["pending"] for o in w("district", "exchange", "status",
                                                today=q1)["offices"]}
    assert after == {A: 0, B: 0}
    assert (back_a["counts"]["roster"], back_b["counts"]["roster"]) == (1, 1)
    # One ledger record per person and quarter the roster paid (arrears reach back years).
    quarters = {ln["id_number"]: {quarter(i["month"]) for i in ln["items"]}
                for ln in frozen["lines"]}
    assert back_a["counts"]["ledger"] == sum(len(quarters[n]) for n in [*ids_a, dup])
    assert back_b["counts"]["ledger"] == len(quarters[ids_b[0]])
    shown_a = w("a", "roster", "show", "--period", "2026Q1", today=q1)
    shown_b = w("b", "roster", "show", "--period", "2026Q1", today=q1)
    for shown, mine in ((shown_a, [*ids_a, dup]), (shown_b, [ids_b[0]])):
        assert shown["status"] == "frozen" and shown["frozen_by"] == REGION
        assert sorted(ln["id_number"] for ln in shown["lines"]) == sorted(mine)
    by_id = {ln["id_number"]: ln for ln in frozen["lines"]}
    for shown in (shown_a, shown_b):
        for ln in shown["lines"]:
            assert ln["items"] == by_id[ln["id_number"]]["items"]
    paid = lambda doc: sum(int(float(ln["total"]) * 100) for ln in doc["lines"])  # noqa: E731
    assert paid(shown_a) + paid(shown_b) == paid(frozen) > 0
    assert totals(shown_a)["people"] + totals(shown_b)["people"] == totals(frozen)["people"]
    # The street cannot freeze (or rebuild) a period its district froze.
    refused = w("a", "roster", "freeze", "--period", "2026Q1", today=q1, json=False, status=4)
    assert refused.err.split(":")[0] in ("ROSTER_FROZEN", "DISTRICT_PAYS"), refused.err

    # A death recorded late at street A: the district's next roster recovers what was paid
    # after it, and the district's settlement travels back.
    late = "2026-04-08"
    w("a", "people", "death", ids_a[2], "--date", "2026-02-10", today=late, json=False)
    w.send("a", "district", late, status=None)
    q2 = "2026-04-10"
    w("district", "roster", "build", "--period", "2026Q2", today=q2)
    q2_doc = w("district", "roster", "freeze", "--period", "2026Q2", today=q2)
    owed = [r for r in q2_doc["recoveries"] if r["id_number"] == ids_a[2]]
    assert owed and owed[0]["items"]
    month = owed[0]["items"][0]["month"]
    w("district", "recoveries", "settle", ids_a[2], "--month", month, "--date", q2, today=q2,
      json=False)
    back = w.send("district", "a", q2)
    assert back["counts"]["roster"] == 1 and back["counts"]["recovery"] >= 1
    assert back["counts"]["settlement"] >= 1 and back["counts"]["ledger"] >= 1
    rec_a = w("a", "recoveries", today=q2)["recoveries"]
    rec_d = w("district", "recoveries", today=q2)["recoveries"]
    assert rec_a == [r for r in rec_d if r["id_number"] == ids_a[2]]
    assert rec_a and all(r["settled_on"] == q2 for r in rec_a if r["month"] == month)
    shown_q2 = w("a", "roster", "show", "--period", "2026Q2", today=q2)
    assert shown_q2["frozen_by"] == REGION
    assert [r["id_number"] for r in shown_q2["recoveries"]] == [ids_a[2]]
    w.send("district", "b", q2)

    # Every street's history equals the district's for its people.
    monkeypatch.setenv("ELDERDESK_TODAY", q2)
    for street, ids in ((a, ids_a), (b, ids_b)):
        for number in ids:
            assert history(street, number) == history(d, number), number
    assert paid_months(a, ids_a[0]) and paid_months(b, ids_b[1]) == []
    # The duplicate: paid once, at A; B's registration holds no payment.
    assert paid_months(a, dup) and paid_months(b, dup) == []
