"""`elderdesk stats` and `elderdesk form`: JSON documents, files written, refusals, exit codes."""

from __future__ import annotations

import pytest

from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

ID = make_id("1946-05-20", 11)  # 80 in 2026-05
OLD = make_id("1930-02-10", 22)  # 96


@pytest.fixture
def office(run):
    run("user", "add", "clerk", "--role", "clerk", stdin="clerk-pass\n")
    run("user", "add", "rev", "--role", "reviewer", stdin="rev-pass1\n")
    run("user", "add", "appr", "--role", "approver", stdin="appr-pass\n")
    users = {"clerk": "clerk-pass", "rev": "rev-pass1", "appr": "appr-pass"}

    def as_(user: str, *argv: str, **kw):  # type: ignore[no-untyped-def]
        return run(*argv, user=user, password=users[user], **kw)

    for number, name in ((ID, "张三丰"), (OLD, "李秀英")):
        assert as_("clerk", "people", "add", "--id", number, "--name", name, "--community",
                   "民意社区").status == 0
    assert as_("clerk", "allowance", "apply", ID, "--date", "2026-08-10").status == 0
    assert as_("rev", "allowance", "review", ID, "--approve", "--date", "2026-08-20").status == 0
    assert as_("appr", "allowance", "approve", ID, "--date", "2026-08-20").status == 0
    return as_


def test_stats_json_and_files(office, tmp_path):
    r = office("rev", "stats", "--json", "--date", "2026-09-30", "--from", "2026-07", "--to",
               "2026-09")
    assert r.status == 0, r.err
    doc = r.json
    assert doc["date"] == "2026-09-30" and doc["months"] == {"from": "2026-07", "to": "2026-09"}
    bands = {b["band"]: b["total"] for b in doc["age_bands"]}
    assert bands["80–89岁"] == 1 and bands["90–99岁"] == 1 and sum(bands.values()) == 2
    assert doc["status"] == {"active": 2, "deceased": 0, "moved_out": 0}
    assert doc["applications"] == {"approved": 1}
    assert doc["communities"] == [{"community": "民意社区", "active": 2, "active_80": 2,
                                   "deceased": 0, "moved_out": 0, "total": 2, "enrolled": 1}]
    aug = [m for m in doc["money"] if m["month"] == "2026-08" and m["band"] == "80–89"]
    assert aug == [{"month": "2026-08", "band": "80–89", "monthly": "100.00", "enrolled": 1,
                    "paid_people": 0, "regular": "0.00", "arrears": "0.00",
                    "recovery": "0.00", "net": "0.00"}]
    assert doc["life_cert"]["covered"] == 1 and doc["life_cert"]["months"] == 3
    assert [c["month"] for c in doc["cards"]] == ["2026-07", "2026-08", "2026-09"]

    pdf, xlsx = tmp_path / "s.pdf", tmp_path / "s.xlsx"
    r = office("clerk", "stats", "--pdf", str(pdf), "--xlsx", str(xlsx), today="2026-09-30")
    assert r.status == 0 and pdf.stat().st_size > 0 and xlsx.stat().st_size > 0
    assert "【在册人员按年龄段】" in r.out and f"已导出 {xlsx}" in r.out
    assert office("clerk", "stats", "--pdf", str(pdf)).status == 4  # never overwrites
    bad = office("clerk", "stats", "--from", "2026-13")
    assert (bad.status, bad.out, bad.err.split(":")[0]) == (2, "", "INVALID_MONTH")
    assert office("clerk", "stats", "--from", "2026-09", "--to", "2026-01").status == 2


def test_stats_needs_a_user(run):
    assert run("stats", user=None).status == 3


def test_application_form(office, tmp_path):
    pdf = tmp_path / "form.pdf"
    r = office("clerk", "form", "application", ID, "--pdf", str(pdf), today="2026-09-01")
    assert r.status == 0, r.err
    assert pdf.stat().st_size > 0
    assert "补发 2026年5月至2026年6月，共2个月　补发金额 200.00元" in r.out
    r = office("clerk", "form", "application", ID, "--json", today="2026-09-01")
    data = r.json["data"]
    assert (r.json["form"], r.json["pdf"]) == ("application", None)
    assert (data["backpay_text"], data["backpay"], data["monthly"], data["start_month"]) == (
        "2026年5月至2026年6月，共2个月", "200.00", "100.00", "2026-05")
    assert data["person"]["id_number"] == ID and data["person"]["has_photo"] is False


@pytest.mark.parametrize(("argv", "status", "code"), [
    (("form", "application", ID), 2, "USAGE"),  # neither --pdf nor --json
    (("form", "application", "--json"), 2, "FORM_NEEDS_ID"),
    (("form", "adjust", "--json"), 2, "FORM_NEEDS_MONTH"),
    (("form", "pickup", "--from", "2026-08-01", "--json"), 2, "USAGE"),
    (("form", "application", OLD, "--json"), 4, "NO_APPLICATION"),
    (("form", "stop", ID, "--json"), 4, "FORM_NOT_STOPPED"),
    (("form", "recovery", "--json"), 4, "FORM_NOTHING_OPEN"),
    (("form", "application", make_id("1940-01-01", 5), "--json"), 4, "PERSON_NOT_FOUND"),
    (("form", "bogus", ID, "--json"), 2, "USAGE"),
])
@pytest.mark.sqlite_only("argument and state checks; the forms print on both engines")
def test_form_refusals(office, argv, status, code):
    r = office("clerk", *argv)
    assert (r.status, r.out) == (status, "")
    assert r.err.startswith(code + ":"), r.err


def test_list_forms(office, tmp_path):
    r = office("clerk", "form", "adjust", "--month", "2026-05", "--json")
    assert r.status == 0 and r.json["data"]["lines"] == []  # reaching 80 starts, not adjusts
    pdf = tmp_path / "pickup.pdf"
    r = office("clerk", "form", "pickup", "--from", "2026-08-01", "--to", "2026-08-31", "--pdf",
               str(pdf), "--full-id")
    assert r.status == 0 and pdf.exists() and "发证 0 张" in r.out
