"""Online applications (issue 16, cli.md `import applications`): the city platform's export
becomes applications in state applied with source online, after the checks of a counter
application; every refusal is a finding with its row; one transaction."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import text

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from tests.helpers import make_id
from tests.importing.sheets import by_row, write_xlsx

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

TODAY = "2026-05-20"
HEADER = ["序号", "姓名", "身份证号", "申请日期", "联系电话", "代办人", "代办人电话", "开户银行",
          "银行账号", "办理状态"]
BANK, ACCOUNT = "中国工商银行", "6222021234567890"

A = make_id("1944-03-01", 11)  # 82: applies, fills the empty account, phone
C15 = "420103400203015"  # a 15-digit legacy ID (numeric cell): 42010319400203015X
D = make_id("1940-06-06", 21)  # deceased
E = make_id("1941-07-07", 31)  # already applied at the counter
F = make_id("1950-08-08", 41)  # 76 in 2026: too early
G = make_id("1939-09-09", 51)  # not in the register
H = make_id("1938-10-10", 61)  # moved out
ACC = make_id("1937-11-11", 71)  # another account on record: warning, imported
J = make_id("1936-12-12", 81)  # date cell
K = make_id("1935-01-13", 91)  # applied in the future
DAMAGED = 420103194505050011  # an 18-digit ID stored as a number: digits lost


@pytest.fixture
def office(services, clerk, monkeypatch):
    monkeypatch.setenv("ELDERDESK_TODAY", TODAY)
    from elderdesk.domain.idcard import parse_id

    c18 = parse_id(C15, date(2026, 5, 20)).number
    for number, name in ((A, "张一"), (c18, "李二"), (D, "王四"), (E, "赵五"), (F, "钱六"),
                         (H, "孙八"), (ACC, "周九"), (J, "吴十"), (K, "郑十一")):
        services.people.add(clerk, PersonInput(id_number=number, name=name))
    services.people.record_death(clerk, D, date(2026, 1, 5))
    services.people.record_moved_out(clerk, H, date(2025, 12, 1))
    services.allowance.apply(clerk, E, date(2026, 4, 1))
    services.people.set_account(clerk, ACC, "中国银行", "6216612345678901")
    return c18


def messy_export(path):
    return write_xlsx(path, [
        ["武汉市高龄津贴网上申请（网上帮办）导出"],
        ["导出时间：2026-05-20 08:00", None, None, "经办单位：民意街道"],
        [],
        HEADER,
        [1, "张一", A, "2026-05-10 09:12:33", "13800000001", "张小一", "13900000001", BANK,
         ACCOUNT, "待受理"],
        [2, "无名", DAMAGED, "2026-05-11", None, None, None, None, None, "待受理"],
        [3, "李二", int(C15), "2026/5/12", None, None, None, None, None, "待受理"],
        [4, "王四", D, "2026-05-12", None, None, None, None, None, "待受理"],
        [],
        [5, "赵五", E, "2026-05-13", None, None, None, None, None, "待受理"],
        [6, "钱六", F, "2026-05-13", None, None, None, None, None, "待受理"],
        [7, "张一", A, "2026-05-14", None, None, None, None, None, "待受理"],
        [8, "无此人", G, "2026-05-14", None, None, None, None, None, "待受理"],
        [9, "孙八", H, "2026-05-15", None, None, None, None, None, "待受理"],
        [10, "周九", ACC, "2026年5月15日", None, None, None, "中国农业银行", "6228480012345678",
         "待受理"],
        [11, "吴十", J, datetime(2026, 5, 16, 10, 30), None, None, None, None, None, "待受理"],
        [12, "郑十一", K, "2026-06-01", None, None, None, None, None, "待受理"],
    ], merge="A1:J1")


EXPECTED = {
    4: ["COLUMN_IGNORED"],
    6: ["ID_NUMERIC_CELL"],
    7: ["ID_15_CONVERTED"],
    8: ["DECEASED_ON_RECORD"],
    10: ["ALREADY_ENROLLED"],
    11: ["TOO_EARLY"],
    12: ["DUPLICATE_IN_FILE"],
    13: ["NOT_REGISTERED"],
    14: ["MOVED_OUT"],
    15: ["ACCOUNT_DIFFERS"],
    17: ["DATE_IN_FUTURE"],
}


def states(services):
    with services.db.read() as s:
        return {r[0]: (r[1], r[2], str(r[3])) for r in s.execute(text(  # a date on PostgreSQL
            "SELECT p.id_number, e.status, e.source, e.applied_on FROM enrollments e "
            "JOIN people p ON p.id = e.person_id ORDER BY e.id"))}


def test_a_messy_export_gives_exactly_the_findings_and_states(services, clerk, office,
                                                                tmp_path):
    c18 = office
    report = tmp_path / "report.xlsx"
    out = services.imports.import_applications(clerk, messy_export(tmp_path / "export.xlsx"),
                                               report=report)
    assert by_row(out.findings) == EXPECTED
    levels = {(f.row, f.code): f.level for f in out.findings}
    assert {k for k, v in levels.items() if v == "warning"} == {
        (4, "COLUMN_IGNORED"), (7, "ID_15_CONVERTED"), (15, "ACCOUNT_DIFFERS")}
    assert out.has_errors
    assert (out.rows_read, out.imported, out.skipped) == (12, 4, 8)
    assert states(services) == {
        E: ("applied", "counter", "2026-04-01"),
        A: ("applied", "online", "2026-05-10"), c18: ("applied", "online", "2026-05-12"),
        ACC: ("applied", "online", "2026-05-15"), J: ("applied", "online", "2026-05-16")}
    a = services.people.get(clerk, A)
    assert (a.bank, a.account, a.phone) == (BANK, ACCOUNT, "13800000001")
    i = services.people.get(clerk, ACC)  # a different account on record is kept
    assert (i.bank, i.account) == ("中国银行", "6216612345678901")
    msg = next(f.message for f in out.findings if f.code == "ACCOUNT_DIFFERS")
    assert "尾号8901" in msg and "尾号5678" in msg
    too_early = next(f.message for f in out.findings if f.code == "TOO_EARLY")
    assert "2030-06-01" in too_early  # 80 in 2030-08: from the first day two months before
    # the report holds every finding, sorted by row
    sheet = CalamineWorkbook.from_path(str(report)).get_sheet_by_index(0).to_python()
    assert [int(r[0]) for r in sheet[1:]] == sorted(f.row for f in out.findings)
    # agents kept on the application; audited as applications, with the import record
    with services.db.read() as s:
        assert s.execute(text("SELECT agent_name, agent_phone FROM enrollments e JOIN people p "
                              "ON p.id = e.person_id WHERE p.id_number = :n"),
                         {"n": A}).one() == ("张小一", "13900000001")
        actions = [r[0] for r in s.execute(text(
            "SELECT action FROM audit_log WHERE id > (SELECT max(id) FROM audit_log "
            "WHERE action = 'people.account' AND entity_key = :i) ORDER BY id"), {"i": ACC})]
    assert actions.count("allowance.apply") == 4 and actions[-1] == "import.applications"
    assert "people.account" in actions


def test_a_second_import_of_the_same_file_adds_nothing(services, clerk, office, tmp_path):
    path = messy_export(tmp_path / "export.xlsx")
    services.imports.import_applications(clerk, path)
    again = services.imports.import_applications(clerk, path)
    assert again.imported == 0
    assert {f.row for f in again.findings if f.code == "ALREADY_ENROLLED"} == {5, 7, 10, 15, 16}


def test_dry_run_writes_nothing_and_says_the_same(services, clerk, office, tmp_path):
    before = states(services)
    out = services.imports.import_applications(clerk, messy_export(tmp_path / "e.xlsx"),
                                               dry_run=True)
    assert by_row(out.findings) == EXPECTED and out.imported == 4
    assert states(services) == before
    assert services.people.get(clerk, A).account is None


def test_one_transaction_a_report_that_fails_imports_nothing(services, clerk, office, tmp_path):
    before = states(services)
    with pytest.raises(ElderError) as e:
        services.imports.import_applications(clerk, messy_export(tmp_path / "e.xlsx"),
                                             report=tmp_path / "no-such-folder" / "r.xlsx")
    assert e.value.code in ("FILE_UNWRITABLE", "FILE_ERROR")
    assert states(services) == before
    assert services.people.get(clerk, A).account is None  # the fill went with it


def test_an_application_is_refused_like_at_the_counter(services, clerk, office, tmp_path):
    """Each state refusal of the import is one the counter gives for the same person."""
    for number, code in ((D, "PERSON_DECEASED"), (E, "APPLICATION_EXISTS"),
                         (F, "APPLY_TOO_EARLY"), (H, "PERSON_MOVED_OUT")):
        with pytest.raises(ElderError) as e:
            services.allowance.apply(clerk, number, date(2026, 5, 13))
        assert e.value.code == code


def test_header_title_rows_and_odd_cells(services, clerk, office, tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [
        ["网上申请"],
        [" 姓 名", "身份证号码", "申请时间", "代办人姓名", "代办人联系电话"],
        ["张一", A.lower().replace("X", "x"), "2026-05", None, None],  # a month only
        ["吴十", "  " + J + " ", "", None, None],  # no date
        ["周九", ACC, "20260401", "代办\u202e人", None],  # bidi control in the agent
        ["吴十", J[:-1] + ("0" if J[-1] != "0" else "1"), "2026-05-01", None, None],
    ])
    out = services.imports.import_applications(clerk, path)
    assert by_row(out.findings) == {3: ["APPLIED_DATE_INVALID"], 4: ["APPLIED_DATE_INVALID"],
                                    5: ["TEXT_INVALID"], 6: ["ID_CHECKSUM"]}
    assert "代办人" in next(f.message for f in out.findings if f.code == "TEXT_INVALID")
    assert out.imported == 0


def test_no_header_and_the_role(services, clerk, reviewer, office, tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", [["申请日期", "电话"], ["2026-05-01", "1"]])
    with pytest.raises(ElderError) as e:
        services.imports.import_applications(clerk, path)
    assert e.value.code == "HEADER_NOT_FOUND"
    with pytest.raises(ElderError) as e:
        services.imports.import_applications(reviewer, messy_export(tmp_path / "e.xlsx"))
    assert e.value.code == "ROLE_DENIED"


def test_cli_import_applications_and_people_show_source(services, clerk, office, tmp_path,
                                                        monkeypatch, db_path):
    from tests.cli.conftest import Runner

    run = Runner(db_path, monkeypatch)
    path = messy_export(tmp_path / "export.xlsx")
    dry = run("import", "applications", str(path), "--dry-run", "--json", today=TODAY)
    assert dry.status == 1 and dry.json["imported"] == 4
    res = run("import", "applications", str(path), "--json", today=TODAY)
    assert res.status == 1, res.err
    doc = res.json
    assert (doc["rows_read"], doc["imported"], doc["skipped"]) == (12, 4, 8)
    assert {(f["row"], f["code"]) for f in doc["findings"]} == {
        (r, c) for r, codes in EXPECTED.items() for c in codes}
    shown = run("people", "show", A, "--json", today=TODAY).json
    assert shown["enrollment"]["source"] == "online"
    assert shown["enrollment"]["status"] == "applied"
    assert run("people", "show", E, "--json", today=TODAY).json["enrollment"]["source"] == \
        "counter"
    # warnings only: exit 0
    services.people.add(clerk, PersonInput(id_number=make_id("1944-01-20", 13), name="新人"))
    ok = write_xlsx(tmp_path / "ok2.xlsx", [["姓名", "身份证号", "申请日期", "备注"],
                                            ["新人", make_id("1944-01-20", 13), "2026-05-01",
                                             "x"]])
    res = run("import", "applications", str(ok), "--json", today=TODAY)
    assert res.status == 0 and json.loads(res.out)["imported"] == 1


def test_hostile_rows(services, clerk, office, tmp_path):
    """A name that is not the register's (a typo in the ID names someone else), the same
    person as a 15- and an 18-digit ID, the stored account typed with spaces, a formula cell."""
    c18 = office
    services.people.set_account(clerk, J, BANK, ACCOUNT)
    path = write_xlsx(tmp_path / "hostile.xlsx", [
        ["姓名", "身份证号", "申请日期", "开户银行", "银行账号"],
        ["张冠李戴", A, "2026-05-10", None, None],
        ["李二", c18, "2026-05-10", None, None],
        ["李二", C15, "2026-05-11", None, None],
        ["吴十", J, "2026-05-12", BANK, "6222 0212 3456 7890"],
        ["=HYPERLINK(\"x\")", K, "2026-05-12", None, None],
    ])
    report = tmp_path / "r.xlsx"
    out = services.imports.import_applications(clerk, path, report=report)
    assert by_row(out.findings) == {2: ["NAME_DIFFERS"], 4: ["DUPLICATE_IN_FILE", "ID_15_CONVERTED"],
                                    6: ["NAME_MISSING"]}  # openpyxl wrote a formula: no value
    assert out.imported == 2  # 李二 once, 吴十 (same account: nothing to say)
    assert "张冠李戴" not in services.people.get(clerk, A).name
