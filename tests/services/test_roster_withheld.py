"""No bank account withholds (allowance-rules.md section 4): no line, listed as `no_account`,
paid as arrears by the first roster built after the account is recorded; the withheld list of a
frozen roster stays as it was built; `people account` validates, audits, makes a draft stale."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput, has_account
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

BANK, ACCOUNT = "中国工商银行", "6222 0212 3456 7890 12"


def enrol(services, clerk, reviewer, approver, birth, seq, *, bank=None, account=None,
          applied="2026-08-10", approved="2026-08-20"):
    p = services.people.add(clerk, PersonInput(id_number=make_id(birth, seq), name=f"老人{seq}",
                                               bank=bank, account=account))
    services.allowance.apply(clerk, p.id_number, date.fromisoformat(applied))
    services.allowance.review(reviewer, p.id_number, True, None, date.fromisoformat(applied))
    services.allowance.approve(approver, p.id_number, date.fromisoformat(approved))
    return p.id_number


def items(view, number):
    line = next((ln for ln in view.lines if ln.id_number == number), None)
    return [(i.month, i.kind, i.amount_fen) for i in line.items] if line else None


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", "2027-07-01")  # every period here lies before it


def withheld(view):
    return view.to_json()["withheld"]


def test_has_account():
    assert has_account("工商银行", "622202123456")
    assert has_account("工商银行", "6222 0212 3456 7890 1234 5678 90")  # 30 digits
    assert not has_account("工商银行", "62220212345")  # 11 digits
    assert not has_account("工商银行", "6" * 31)
    assert not has_account(None, "622202123456") and not has_account(" ", "622202123456")
    assert not has_account("工商银行", None) and not has_account("工商银行", "6222021234ab")


def test_no_account_is_withheld_then_paid_as_arrears(services, clerk, reviewer, approver):
    paid = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, bank=BANK, account=ACCOUNT)
    none = enrol(services, clerk, reviewer, approver, "1946-05-21", 3)
    q3 = services.roster.build(approver, "2026Q3")
    assert [ln.id_number for ln in q3.lines] == [paid]  # no line at all
    assert q3.totals_fen()["people"] == 1 and q3.totals_fen()["paid"] == 50000
    assert withheld(q3) == [{"id_number": none, "name": "老人3", "reason": "no_account",
                             "months": ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09"],
                             "amount": "500.00"}]
    frozen = services.roster.freeze(approver, "2026Q3")
    assert withheld(frozen) == withheld(q3)
    with services.db.read() as s:  # neither paid nor recovered
        assert s.execute(text("SELECT count(*) FROM ledger l JOIN people p ON p.id = l.person_id"
                              " WHERE p.id_number = :n"), {"n": none}).scalar() == 0

    person = services.people.set_account(clerk, none, " 中国农业银行 ", "6228 4800 1234 5678")
    assert (person.bank, person.account) == ("中国农业银行", "6228480012345678")
    services.allowance.lifecert(clerk, paid, date(2026, 12, 1))
    q4 = services.roster.build(approver, "2026Q4")
    assert items(q4, none) == [("2026-05", "arrears", 10000), ("2026-06", "arrears", 10000),
                               ("2026-07", "arrears", 10000), ("2026-08", "arrears", 10000),
                               ("2026-09", "arrears", 10000), ("2026-10", "regular", 10000)]
    # proof of life lapsed after 2026-10: listed, with an account, as no_proof_of_life
    assert withheld(q4) == [{"id_number": none, "name": "老人3", "reason": "no_proof_of_life",
                             "months": ["2026-11", "2026-12"], "amount": "200.00"}]
    # the frozen roster still shows what it withheld when it was built
    assert withheld(services.roster.show(approver, "2026Q3")) == withheld(q3)


def test_no_account_wins_over_proof_of_life_and_recoveries_are_listed(
        services, clerk, reviewer, approver, admin):
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, bank=BANK, account=ACCOUNT)
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    services.roster.build(approver, "2026Q4")
    services.roster.freeze(approver, "2026Q4")  # paid to 2026-10; Nov, Dec withheld
    # the account is removed (closed at the bank), then a late death is recorded
    p = services.people.get(clerk, a)
    services.people.update(clerk, a, PersonInput(id_number=a, name=p.name, bank=BANK))
    services.people.record_death(clerk, a, date(2026, 8, 15))
    q1 = services.roster.build(approver, "2027Q1")
    assert items(q1, a) == [("2026-09", "recovery", 10000), ("2026-10", "recovery", 10000)]
    assert q1.totals_fen()["people"] == 0 and withheld(q1) == []

    b = enrol(services, clerk, reviewer, approver, "1946-12-20", 3, applied="2027-02-10",
              approved="2027-02-20")  # no account; 80 in 2026-12; proof of life to 2027-04
    q1 = services.roster.build(approver, "2027Q1")
    assert withheld(q1) == [{"id_number": b, "name": "老人3", "reason": "no_account",
                             "months": ["2026-12", "2027-01", "2027-02", "2027-03"],
                             "amount": "400.00"}]
    services.roster.freeze(approver, "2027Q1")
    q2 = services.roster.build(approver, "2027Q2")  # April payable, May and June not
    months = ["2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"]
    assert withheld(q2) == [{"id_number": b, "name": "老人3", "reason": "no_account",
                             "months": months, "amount": "700.00"}]  # no_account wins
    services.people.set_account(clerk, b, BANK, "622202123456")
    q2 = services.roster.build(approver, "2027Q2")
    assert [k for _, k, _ in items(q2, b)] == ["arrears"] * 4 + ["regular"]
    assert withheld(q2) == [{"id_number": b, "name": "老人3", "reason": "no_proof_of_life",
                             "months": ["2027-05", "2027-06"], "amount": "200.00"}]


def test_withheld_list_is_stored_per_roster_and_dropped_with_the_draft(
        services, clerk, reviewer, approver):
    enrol(services, clerk, reviewer, approver, "1946-05-21", 3)
    services.roster.build(approver, "2026Q3")
    services.roster.build(approver, "2026Q3")  # replaces the draft and its stored list

    with services.db.read() as s:
        keys = [k for (k,) in s.execute(text(
            "SELECT key FROM settings WHERE key LIKE 'roster.withheld.%'"))]
        ids = [i for (i,) in s.execute(text("SELECT id FROM rosters"))]
    assert keys == [f"roster.withheld.{ids[0]}"]
    assert len(withheld(services.roster.show(approver, "2026Q3"))) == 1


def test_an_invalid_stored_account_withholds(services, clerk, reviewer, approver):
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, bank=BANK, account=ACCOUNT)
    with services.db.write() as s:  # written before the 12-30 digit rule, or by another tool
        s.execute(text("UPDATE people SET account = '123456' WHERE id_number = :n"), {"n": a})
    view = services.roster.build(approver, "2026Q3")
    assert view.lines == () and [w["reason"] for w in withheld(view)] == ["no_account"]


def test_people_account_checks_audits_and_makes_a_draft_stale(services, clerk, reviewer,
                                                              approver):
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1)
    for bank, account in ((BANK, "62220212345"), (BANK, "6" * 31), (BANK, "6222x0212345678"),
                          ("", "622202123456"), (BANK, "")):
        with pytest.raises(ElderError) as err:
            services.people.set_account(clerk, a, bank, account)
        assert err.value.exit_status == 2
    with pytest.raises(ElderError) as err:
        services.people.set_account(reviewer, a, BANK, ACCOUNT)
    assert err.value.code == "ROLE_DENIED"
    with pytest.raises(ElderError) as err:
        services.people.add(clerk, PersonInput(id_number=make_id("1946-05-22", 5), name="甲",
                                               bank=BANK, account="12345678"))
    assert err.value.code == "INVALID_VALUE" and "12 到 30 位数字" in err.value.message

    services.roster.build(approver, "2026Q3")
    services.people.set_account(clerk, a, BANK, ACCOUNT)
    with pytest.raises(ElderError) as err:
        services.roster.freeze(approver, "2026Q3")
    assert err.value.code == "ROSTER_STALE"
    with services.db.read() as s:
        action, after = s.execute(text(
            "SELECT action, after_json FROM audit_log ORDER BY id DESC LIMIT 1")).one()
    assert action == "people.account" and "6222021234567890" in after
    # The same account again changes nothing and writes no record.
    services.roster.build(approver, "2026Q3")
    services.people.set_account(clerk, a, BANK, "6222021234567890 12")
    assert services.roster.freeze(approver, "2026Q3").status == "frozen"


def test_missing_accounts_names_the_enrolled_without_one(services, clerk, reviewer, approver):
    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1)
    enrol(services, clerk, reviewer, approver, "1946-05-21", 3, bank=BANK, account=ACCOUNT)
    c = enrol(services, clerk, reviewer, approver, "1946-05-22", 5)
    services.people.add(clerk, PersonInput(id_number=make_id("1946-05-23", 7), name="未申请"))
    assert services.roster.missing_accounts(clerk) == [(a, "老人1"), (c, "老人5")]
    services.people.set_account(clerk, a, BANK, ACCOUNT)
    services.people.record_death(clerk, c, date(2026, 9, 1))
    assert services.roster.missing_accounts(approver) == []


def test_a_paying_line_without_an_account_never_reaches_the_bank(services, clerk, reviewer,
                                                                 approver, tmp_path):
    """A roster frozen before accounts were checked may hold such a line: the bank file moves
    it to 待补录账号 rather than send a blank account."""
    from python_calamine import CalamineWorkbook

    a = enrol(services, clerk, reviewer, approver, "1946-05-20", 1, bank=BANK, account=ACCOUNT)
    b = enrol(services, clerk, reviewer, approver, "1946-05-21", 3, bank=BANK, account=ACCOUNT)
    services.roster.build(approver, "2026Q3")
    with services.db.write() as s:  # the draft's own snapshot, as an older build printed it
        s.execute(text("UPDATE roster_snapshots SET account = NULL WHERE id_number = :n"),
                  {"n": b})
    services.roster.freeze(approver, "2026Q3")
    written = services.roster.export(approver, "2026Q3", xlsx=tmp_path / "bank.xlsx")
    assert written.missing_accounts == 1
    with CalamineWorkbook.from_path(str(tmp_path / "bank.xlsx")) as book:
        bank = book.get_sheet_by_name("代发明细").to_python()
        missing = book.get_sheet_by_name("待补录账号").to_python()
    assert [row[2] for row in bank[1:-1]] == [a] and bank[-1][5] == 500.0
    assert missing == [["身份证号", "姓名", "应发金额"], [b, "老人3", 500.0]]
