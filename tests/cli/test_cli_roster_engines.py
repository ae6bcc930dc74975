"""Issue 14: the same history through the CLI on an SQLite file and on PostgreSQL gives the same
rosters (roster show, every period, draft and frozen), the same recoveries and the same bank
workbooks and roster PDFs' text; only what carries the time of the writing (the 校验码 from the
audit chain, the build and freeze times) may differ."""

from __future__ import annotations

import re
import subprocess

from python_calamine import CalamineWorkbook

from elderdesk.services.users.service import initialise
from tests.cli.conftest import Runner
from tests.conftest import ADMIN_PASSWORD, wuhan_policy
from tests.helpers import make_id
from tests.system_tools import needs

USERS = {"clerk": "clerk-pass", "rev": "rev-pass1", "appr": "appr-pass"}
ADMIN = {"admin": ADMIN_PASSWORD}
A = make_id("1946-05-20", 11)  # 80-89, paid from the application, then a proof-of-life gap
B = make_id("1936-06-02", 13)  # 90-99, no account at first: withheld, then paid as arrears
C = make_id("1926-01-09", 15)  # 100+, death recorded late: a recovery
D = make_id("1946-11-30", 17)  # turns 80 inside 2026Q4
E = make_id("1945-03-03", 19)  # applied, never approved
ACCOUNT = ("中国工商银行", "6222021234567890")
# (period, the day it is built and frozen)
PERIODS = (("2026Q3", "2026-10-05"), ("2026Q4", "2027-01-05"), ("2027Q1", "2027-04-06"),
           ("2027Q2", "2027-07-02"))


def _history(run: Runner, tmp_path) -> dict:  # type: ignore[no-untyped-def]
    """The history; what each engine answered and wrote."""
    for user, password in USERS.items():
        assert run("user", "add", user, "--role", {"rev": "reviewer", "appr": "approver"}.get(
            user, user), stdin=password + "\n").status == 0

    def as_(user, *argv, today="2026-08-20"):  # type: ignore[no-untyped-def]
        r = run(*argv, user=user, password={**USERS, **ADMIN}[user], today=today)
        assert r.status in (0, 1), (argv, r.err)
        return r

    for number, name, account in ((A, "张三丰", True), (B, "李秀英", False),
                                  (C, "欧阳建国", True), (D, "王五", True), (E, "赵六", True)):
        bank = ["--bank", ACCOUNT[0], "--account", ACCOUNT[1]] if account else []
        month = "09" if number == D else "08"  # D may apply from September
        as_("clerk", "people", "add", "--id", number, "--name", name, *bank)
        as_("clerk", "allowance", "apply", number, "--date", f"2026-{month}-10",
            today=f"2026-{month}-20")
        if number != E:
            as_("rev", "allowance", "review", number, "--approve", "--date", f"2026-{month}-15",
                today=f"2026-{month}-20")
            as_("appr", "allowance", "approve", number, "--date", f"2026-{month}-20",
                today=f"2026-{month}-20")
    out: dict = {}
    for n, (period, day) in enumerate(PERIODS):
        if n == 1:
            as_("clerk", "people", "account", B, "--bank", "中国农业银行", "--account",
                "62284800123456789", today="2026-12-01")
            for number in (B, C, D):
                as_("clerk", "lifecert", number, "--date", "2026-12-02", today="2026-12-02")
        if n == 2:
            as_("clerk", "people", "death", C, "--date", "2026-11-15", today="2027-03-20")
            as_("clerk", "lifecert", A, "--date", "2027-02-02", today="2027-02-02")
        if n == 3:
            as_("clerk", "lifecert", B, "--date", "2027-05-02", today="2027-05-02")
        draft = as_("appr", "roster", "build", "--period", period, "--json", today=day).json
        out[period, "draft"] = as_("appr", "roster", "show", "--period", period, "--json",
                                   today=day).json
        assert out[period, "draft"] == draft
        out[period, "frozen"] = as_("appr", "roster", "freeze", "--period", period, "--json",
                                    today=day).json
        xlsx, pdf = tmp_path / f"{period}.xlsx", tmp_path / f"{period}.pdf"
        as_("appr", "roster", "export", "--period", period, "--xlsx", str(xlsx), "--pdf",
            str(pdf), today=day)
        with CalamineWorkbook.from_path(str(xlsx)) as book:
            out[period, "xlsx"] = {name: book.get_sheet_by_name(name).to_python()
                                   for name in book.sheet_names}
        out[period, "pdf"] = _pdf_text(pdf)
    out["recoveries"] = as_("admin", "recoveries", "--json", today="2027-07-02").json
    return out


def _pdf_text(pdf) -> list[str]:  # type: ignore[no-untyped-def]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # the 校验码 keeps its record number (the same history: the same count of audit records);
    # the day of the freeze is the PC's on SQLite, the server's on PostgreSQL (its time zone)
    return [" ".join(re.sub(r"定稿：\d{4}-\d\d-\d\d", "定稿：…",
                            re.sub(r"(校验码：\d+)-[0-9A-F-]+", r"\1-…", line)).split())
            for line in text.splitlines()]


def _without_time(doc):  # type: ignore[no-untyped-def]
    """A roster document without what carries the time of writing."""
    if isinstance(doc, dict):
        return {k: _without_time(v) for k, v in doc.items()
                if k not in ("check_code", "built_at", "frozen_at")}
    if isinstance(doc, list):
        return [_without_time(v) for v in doc]
    return doc


@needs("pdftotext")
def test_the_same_history_gives_the_same_rosters_and_bank_files(tmp_path, monkeypatch,
                                                                 pg_url):
    file = tmp_path / "office.db"
    initialise(file, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
               policy_source=wuhan_policy()).close()
    (tmp_path / "sqlite").mkdir()
    (tmp_path / "pg").mkdir()
    lite = _history(Runner(file, monkeypatch), tmp_path / "sqlite")
    pg = _history(Runner(pg_url, monkeypatch), tmp_path / "pg")
    assert lite.keys() == pg.keys()
    # the history is not empty: arrears, withheld, a recovery, people in every band
    frozen = [lite[p, "frozen"] for p, _ in PERIODS]
    assert {i["kind"] for doc in frozen for ln in doc["lines"] for i in ln["items"]} == {
        "regular", "arrears"}
    assert any(doc["withheld"] for doc in frozen) and any(doc["recoveries"] for doc in frozen)
    assert lite["recoveries"]["recoveries"]
    for key in lite:
        if key[-1] == "pdf":
            assert len(lite[key]) == len(pg[key]), key
            differ = [(a, b) for a, b in zip(lite[key], pg[key], strict=True) if a != b]
            assert differ == [], key
            continue
        if key[-1] == "xlsx":
            check = "校验"  # the 校验码: the freeze record's number and hash (its time)
            assert {k: v for k, v in lite[key].items() if k != check} == \
                {k: v for k, v in pg[key].items() if k != check}, key
            assert len(lite[key][check]) == len(pg[key][check]), key
            continue
        assert _without_time(lite[key]) == _without_time(pg[key]), key
