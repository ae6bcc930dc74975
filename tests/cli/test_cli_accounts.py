"""cli.md: `people account`, `people add --bank/--account`, the roster's `withheld` list, the
warnings of `roster build`/`freeze`, and `roster export --xlsx` with people missing accounts."""

from __future__ import annotations

import pytest
from python_calamine import CalamineWorkbook

from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

A = make_id("1946-05-20", 11)  # with an account
B = make_id("1946-05-21", 13)  # without
TODAY = "2026-10-05"


@pytest.fixture
def office(run):
    run("user", "add", "clerk", "--role", "clerk", stdin="clerk-pass\n")
    run("user", "add", "rev", "--role", "reviewer", stdin="rev-pass1\n")
    run("user", "add", "appr", "--role", "approver", stdin="appr-pass\n")
    users = {"clerk": "clerk-pass", "rev": "rev-pass1", "appr": "appr-pass"}

    def as_(user, *argv, **kw):  # type: ignore[no-untyped-def]
        return run(*argv, user=user, password=users[user], today=kw.pop("today", TODAY), **kw)

    assert as_("clerk", "people", "add", "--id", A, "--name", "张三", "--bank", "中国工商银行",
               "--account", "6222 0212 3456 7890").status == 0
    assert as_("clerk", "people", "add", "--id", B, "--name", "李四").status == 0
    for number in (A, B):
        as_("clerk", "allowance", "apply", number, "--date", "2026-08-10")
        as_("rev", "allowance", "review", number, "--approve", "--date", "2026-08-20")
        as_("appr", "allowance", "approve", number, "--date", "2026-08-20")
    return as_


def sheets(path):
    with CalamineWorkbook.from_path(str(path)) as book:
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_people_account_and_show(office):
    as_ = office
    r = as_("clerk", "people", "show", B, "--json")
    assert (r.json["bank"], r.json["account"]) == (None, None)
    r = as_("clerk", "people", "account", B, "--bank", "中国农业银行", "--account",
            "6228 4800 1234 5678 9", "--json")
    assert r.status == 0, r.err
    assert (r.json["id_number"], r.json["bank"], r.json["account"]) == \
        (B, "中国农业银行", "62284800123456789")
    for account in ("62284800123", "6" * 31, "6228-4800-1234", ""):
        r = as_("clerk", "people", "account", B, "--bank", "中国农业银行", "--account", account)
        assert r.status == 2 and r.out == ""
        assert "12 到 30 位数字" in r.err or "请填写银行账号" in r.err
        assert r.err.count("\n") == 1
    r = as_("clerk", "people", "account", B, "--bank", "  ", "--account", "622848001234")
    assert r.status == 2 and "开户银行" in r.err
    assert as_("clerk", "people", "account", B, "--account", "622848001234").status == 2
    assert as_("rev", "people", "account", B, "--bank", "x", "--account",
               "622848001234").status == 3
    assert as_("clerk", "people", "account", make_id("1950-01-01", 5), "--bank", "x",
               "--account", "622848001234").status == 4
    r = as_("clerk", "people", "show", B, "--json")
    assert r.json["account"] == "62284800123456789"


def test_people_add_validates_the_account(office):
    as_ = office
    c = make_id("1950-01-01", 5)
    r = as_("clerk", "people", "add", "--id", c, "--name", "王五", "--bank", "工行",
            "--account", "12345")
    assert r.status == 2 and r.err.startswith("INVALID_VALUE:") and "12 到 30 位数字" in r.err
    r = as_("clerk", "people", "add", "--id", c, "--name", "王五", "--account", "622202123456")
    assert r.status == 2 and "开户银行" in r.err
    r = as_("clerk", "people", "add", "--id", c, "--name", "王五", "--bank", "工行")
    assert r.status == 2 and "银行账号" in r.err
    assert as_("clerk", "people", "show", c).status == 4  # nothing registered


def test_roster_withheld_warnings_and_export(office, tmp_path):
    as_ = office
    b = as_("appr", "roster", "build", "--period", "2026Q3", "--json")
    assert b.status == 0 and [ln["id_number"] for ln in b.json["lines"]] == [A]
    assert b.json["withheld"] == [{
        "id_number": B, "name": "李四", "reason": "no_account",
        "months": ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09"], "amount": "500.00"}]
    assert b.err.count("\n") == 1 and b.err.startswith("ACCOUNTS_MISSING:") and "1 人" in b.err
    f = as_("appr", "roster", "freeze", "--period", "2026Q3", "--json")
    assert f.status == 0 and f.json == {**b.json, "status": "frozen"}
    assert f.err.count("\n") == 1 and "people account" in f.err
    s = as_("clerk", "roster", "show", "--period", "2026Q3", "--json")
    assert s.json["withheld"] == b.json["withheld"] and s.err == ""
    s = as_("clerk", "roster", "show", "--period", "2026Q3")
    assert f"{B} 李四：暂停发放（账号待补录）2026-05至2026-09共 5 个月 500.00 元" in s.out

    x = tmp_path / "bank.xlsx"
    r = as_("clerk", "roster", "export", "--period", "2026Q3", "--xlsx", str(x), "--json")
    assert r.status == 1 and r.json == {"ok": True, "missing_accounts": 1}
    assert r.err.count("\n") == 1 and r.err.startswith("ACCOUNTS_MISSING:")
    book = sheets(x)
    assert book["代发明细"] == [
        ["序号", "姓名", "身份证号", "开户银行", "银行账号", "实发金额"],
        [1.0, "张三", A, "中国工商银行", "6222021234567890", 500.0],
        ["合计", "1人", "", "", "", 500.0]]
    assert book["待补录账号"] == [["身份证号", "姓名", "应发金额"], [B, "李四", 500.0]]
    r = as_("clerk", "roster", "export", "--period", "2026Q3", "--pdf", str(tmp_path / "r.pdf"))
    assert r.status == 0 and r.err == ""  # the PDF has no bank lines to withhold

    # The account recorded: the next roster pays the arrears, nobody missing.
    as_("clerk", "people", "account", B, "--bank", "中国农业银行", "--account", "622848001234")
    as_("clerk", "lifecert", A, "--date", "2026-12-01", today="2027-01-05")
    as_("clerk", "lifecert", B, "--date", "2026-12-01", today="2027-01-05")
    q4 = as_("appr", "roster", "build", "--period", "2026Q4", "--json", today="2027-01-05")
    assert q4.err == "" and q4.json["withheld"] == []
    line = next(ln for ln in q4.json["lines"] if ln["id_number"] == B)
    assert line["total"] == "800.00"  # 5 months of arrears, 3 regular
    as_("appr", "roster", "freeze", "--period", "2026Q4", today="2027-01-05")
    x4 = tmp_path / "bank4.xlsx"
    r = as_("clerk", "roster", "export", "--period", "2026Q4", "--xlsx", str(x4), "--json",
            today="2027-01-05")
    assert r.status == 0 and r.json == {"ok": True} and r.err == ""
    book = sheets(x4)
    assert book["待补录账号"] == [["身份证号", "姓名", "应发金额"]]  # present even when empty
    assert [row[2] for row in book["代发明细"][1:-1]] == [A, B]
