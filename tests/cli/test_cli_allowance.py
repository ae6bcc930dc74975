"""allowance-rules.md section 6, end to end through the CLI; plus the refusals of cli.md."""

import pytest

from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

ID = make_id("1946-05-20", 11)


@pytest.fixture
def office(run):
    """Users with separate duties and one elder born 1946-05-20, with a bank account on record
    (allowance-rules.md section 6)."""
    run("user", "add", "clerk", "--role", "clerk", stdin="clerk-pass\n")
    run("user", "add", "rev", "--role", "reviewer", stdin="rev-pass1\n")
    run("user", "add", "appr", "--role", "approver", stdin="appr-pass\n")
    assert run("people", "add", "--id", ID, "--name", "张三丰", "--bank", "中国工商银行",
               "--account", "6222021234567890", user="clerk", password="clerk-pass").status == 0

    def as_(role: str, *argv: str, **kw):  # type: ignore[no-untyped-def]
        user, pw = {"clerk": ("clerk", "clerk-pass"), "rev": ("rev", "rev-pass1"),
                    "appr": ("appr", "appr-pass"), "admin": ("admin", None)}[role]
        if pw is None:
            return run(*argv, **kw)
        return run(*argv, user=user, password=pw, **kw)
    return as_


def roster(as_, period, today):
    b = as_("appr", "roster", "build", "--period", period, "--json", today=today)
    assert b.status == 0, b.err
    f = as_("appr", "roster", "freeze", "--period", period, "--json", today=today)
    assert f.status == 0, f.err
    assert f.json == {**b.json, "status": "frozen"}
    return f.json


def items(doc):
    return [(i["month"], i["kind"], i["amount"]) for line in doc["lines"] for i in line["items"]]


def test_worked_example(office):
    as_ = office
    assert as_("clerk", "allowance", "apply", ID, "--date", "2026-08-10").status == 0
    assert as_("rev", "allowance", "review", ID, "--approve", "--date", "2026-08-20").status == 0
    assert as_("appr", "allowance", "approve", ID, "--date", "2026-08-20").status == 0

    q3 = roster(as_, "2026Q3", "2026-10-05")
    assert items(q3) == [("2026-05", "arrears", "100.00"), ("2026-06", "arrears", "100.00"),
                         ("2026-07", "regular", "100.00"), ("2026-08", "regular", "100.00"),
                         ("2026-09", "regular", "100.00")]
    assert q3["totals"] == {"people": 1, "regular": "300.00", "arrears": "200.00",
                            "paid": "500.00", "recovery": "0.00"}

    q4 = roster(as_, "2026Q4", "2027-01-05")
    assert items(q4) == [("2026-10", "regular", "100.00")]
    assert q4["withheld"] == [{"id_number": ID, "name": "张三丰", "reason": "no_proof_of_life",
                               "months": ["2026-11", "2026-12"], "amount": "200.00"}]

    assert as_("clerk", "lifecert", ID, "--date", "2027-02-02", today="2027-02-02").status == 0
    q1 = roster(as_, "2027Q1", "2027-03-20")
    assert items(q1) == [("2026-11", "arrears", "100.00"), ("2026-12", "arrears", "100.00"),
                         ("2027-01", "regular", "100.00"), ("2027-02", "regular", "100.00"),
                         ("2027-03", "regular", "100.00")]

    assert as_("clerk", "people", "death", ID, "--date", "2027-03-15",
               today="2027-03-20").status == 0
    q2 = roster(as_, "2027Q2", "2027-07-01")
    assert q2["lines"] == [] and q2["recoveries"] == []
    assert q2["totals"] == {"people": 0, "regular": "0.00", "arrears": "0.00", "paid": "0.00",
                            "recovery": "0.00"}


def test_worked_example_with_early_death_is_recovered(office):
    as_ = office
    as_("clerk", "allowance", "apply", ID, "--date", "2026-08-10")
    as_("rev", "allowance", "review", ID, "--approve", "--date", "2026-08-20")
    as_("appr", "allowance", "approve", ID, "--date", "2026-08-20")
    roster(as_, "2026Q3", "2026-10-05")
    roster(as_, "2026Q4", "2027-01-05")
    as_("clerk", "lifecert", ID, "--date", "2027-02-02", today="2027-02-02")
    roster(as_, "2027Q1", "2027-03-20")
    r = as_("clerk", "people", "death", ID, "--date", "2027-01-15", today="2027-03-20")
    assert r.status == 0 and "2027-02-02" in r.err  # the conflicting proof is named
    q2 = roster(as_, "2027Q2", "2027-07-01")
    assert q2["lines"] == []
    assert q2["recoveries"] == [{"id_number": ID, "name": "张三丰", "total": "200.00", "items": [
        {"month": "2027-02", "amount": "100.00"}, {"month": "2027-03", "amount": "100.00"}]}]
    assert q2["totals"]["recovery"] == "200.00" and q2["totals"]["paid"] == "0.00"
    rec = as_("admin", "recoveries", "--open", "--json").json
    assert rec["total"] == "200.00" and len(rec["recoveries"]) == 2
    assert as_("appr", "recoveries", "settle", ID, "--month", "2027-02",
               "--date", "2027-07-10", today="2027-07-10").status == 0
    assert as_("appr", "recoveries", "settle", ID, "--month", "2027-02",
               today="2027-07-10").status == 4
    assert as_("admin", "recoveries", "--open", "--json").json["total"] == "100.00"


def test_separation_of_duties_and_states(office, run):
    as_ = office
    run("user", "add", "both", "--role", "clerk", "--role", "approver", stdin="both-pass\n")
    assert run("allowance", "apply", ID, "--date", "2026-08-10", user="both",
               password="both-pass").status == 0
    assert as_("rev", "allowance", "review", ID, "--approve").status == 0
    r = run("allowance", "approve", ID, user="both", password="both-pass")
    assert r.status == 3 and r.err.startswith("SEPARATION_OF_DUTIES")
    assert as_("clerk", "allowance", "approve", ID).status == 3  # not an approver
    assert as_("clerk", "allowance", "apply", ID, "--date", "2026-08-11").status == 4
    assert as_("rev", "allowance", "review", ID, "--approve").status == 4  # already reviewed
    r = as_("appr", "allowance", "approve", ID, "--date", "2026-08-01")
    assert r.status == 2  # approval before the application
    assert as_("appr", "allowance", "approve", ID, "--date", "2026-08-21").status == 0
    doc = as_("appr", "people", "show", ID, "--json").json
    assert doc["enrollment"]["status"] == "approved"
    assert doc["enrollment"]["applied_on"] == "2026-08-10"


def test_application_window_and_refusals(office):
    as_ = office
    r = as_("clerk", "allowance", "apply", ID, "--date", "2026-02-28")
    assert r.status == 4 and r.err.startswith("APPLY_TOO_EARLY")
    assert as_("clerk", "allowance", "apply", ID, "--date", "2026-03-01").status == 0
    assert as_("rev", "allowance", "review", ID, "--reject").status == 2  # reason required
    assert as_("rev", "allowance", "review", ID, "--reject", "--reason", "材料不全").status == 0
    assert as_("clerk", "allowance", "apply", ID, "--date", "2026-03-05").status == 0
    as_("clerk", "people", "death", ID, "--date", "2026-04-01")
    doc = as_("clerk", "people", "show", ID, "--json").json
    assert doc["enrollment"]["status"] == "cancelled"
    r = as_("clerk", "lifecert", ID, "--date", "2026-04-02")
    assert r.status == 4 and r.err.startswith("LIFECERT_AFTER_DEATH")


def test_roster_order_staleness_and_export_rules(office, tmp_path):
    as_ = office
    as_("clerk", "allowance", "apply", ID, "--date", "2026-08-10")
    as_("rev", "allowance", "review", ID, "--approve")
    as_("appr", "allowance", "approve", ID, "--date", "2026-08-20")
    assert as_("appr", "roster", "build", "--period", "2026-09").status == 2  # quarterly policy
    assert as_("appr", "roster", "show", "--period", "2026Q3").status == 4
    assert as_("appr", "roster", "freeze", "--period", "2026Q3").status == 4
    assert as_("clerk", "roster", "build", "--period", "2026Q3").status == 0
    as_("clerk", "lifecert", ID, "--date", "2026-09-01")
    r = as_("appr", "roster", "freeze", "--period", "2026Q3")
    assert r.status == 4 and r.err.startswith("ROSTER_STALE")
    assert as_("clerk", "roster", "freeze", "--period", "2026Q3").status == 3
    x = tmp_path / "bank.xlsx"
    r = as_("clerk", "roster", "export", "--period", "2026Q3", "--xlsx", str(x))
    assert r.status == 4 and not x.exists()  # a draft has no bank file
    assert as_("clerk", "roster", "export", "--period", "2026Q3").status == 2
    roster(as_, "2026Q3", "2026-10-01")
    assert as_("appr", "roster", "build", "--period", "2026Q2").status == 4
    assert as_("appr", "roster", "build", "--period", "2026Q3").status == 4
    assert as_("clerk", "roster", "show", "--period", "2026Q3", "--json").json["status"] == "frozen"


def test_skipped_period_becomes_arrears(office):
    as_ = office
    as_("clerk", "allowance", "apply", ID, "--date", "2026-08-10")
    as_("rev", "allowance", "review", ID, "--approve")
    as_("appr", "allowance", "approve", ID, "--date", "2026-08-20")
    as_("clerk", "lifecert", ID, "--date", "2027-01-02", today="2027-01-02")
    q1 = roster(as_, "2027Q1", "2027-03-20")
    kinds = {m: k for m, k, _ in items(q1)}
    assert kinds["2026-05"] == "arrears" and kinds["2026-12"] == "arrears"
    assert kinds["2027-01"] == "regular" and "2027-02" in kinds and "2027-04" not in kinds


def test_correct_id_keeps_ledger_and_reconciles(office):
    as_ = office
    as_("clerk", "allowance", "apply", ID, "--date", "2026-08-10")
    as_("rev", "allowance", "review", ID, "--approve")
    as_("appr", "allowance", "approve", ID, "--date", "2026-08-20")
    roster(as_, "2026Q3", "2026-10-01")
    # The true birth month was 1946-09: May–August were not owed.
    new = make_id("1946-09-20", 11)
    assert as_("clerk", "people", "correct-id", ID, new, "--reason", "户籍更正").status == 3
    r = as_("appr", "people", "correct-id", ID, new, "--reason", "户籍更正", "--json")
    assert r.status == 0 and r.json["id_number"] == new and r.json["enrollment"]["status"] == "approved"
    q4 = roster(as_, "2026Q4", "2027-01-05")
    assert q4["recoveries"][0]["id_number"] == new
    assert [i["month"] for i in q4["recoveries"][0]["items"]] == ["2026-05", "2026-06",
                                                                  "2026-07", "2026-08"]
    assert items(q4) == [("2026-10", "regular", "100.00")]


def test_policy_show_and_load(run, tmp_path):
    r = run("policy", "show")
    assert r.status == 0 and "birth_month" in r.out
    doc = run("policy", "show", "--json").json
    assert doc["period"] == "quarter"
    bad = tmp_path / "bad.toml"
    bad.write_text(r.out.replace('monthly = "100', 'monthly = 100.5 #'), encoding="utf-8")
    r2 = run("policy", "load", str(bad))
    assert r2.status == 2 and r2.err.startswith("POLICY_INVALID")
    assert run("policy", "show").out == r.out  # the policy in force stays
    good = tmp_path / "good.toml"
    good.write_text(r.out.replace('period = "quarter"', 'period = "month"'), encoding="utf-8")
    assert run("policy", "load", str(good)).status == 0
    assert run("policy", "show", "--json").json["period"] == "month"
