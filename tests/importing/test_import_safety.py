"""Issue 11, items 6, 8 and the fuzz cases: field checks on every text column, the report written
before the commit, text never stored as a formula, no INTERNAL for odd names."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput, clean_input
from elderdesk.importing import read_register
from elderdesk.reports.import_report import write_import_report
from tests.cli.conftest import Runner

from .sheets import TODAY, make_id, no_one

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """Like sheets.write_xlsx, with xlsxwriter: it stores control characters (as _x0001_)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                           "strings_to_numbers": False, "strings_to_urls": False})
    sheet = book.add_worksheet("花名册")
    when = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif isinstance(value, date):
                sheet.write_datetime(r, c, value, when)
            elif value is not None:
                sheet.write_number(r, c, value)
    book.close()
    return path

HEADER = ["序号", "姓名", "性别", "身份证号", "出生日期", "街道", "社区", "现住址", "联系电话",
          "开户银行", "银行账号", "备注"]
IDS = [make_id("19450312", f"{i:03d}") for i in range(1, 40)]
BAD_NAMES = [
    "张\x01三",  # control character
    "李\u202e四",  # bidi override (RLO)
    "\u2066王五",  # bidi isolate
    "\u200b\u200b",  # zero-width spaces only
    "\ufeff\u200d",  # BOM and zero-width joiner only
    "赵" * 31,  # longer than 姓名's 30
]


@pytest.fixture
def run(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Runner:
    return Runner(db_path, monkeypatch)


def people_count(db_path: Path | str) -> int:
    if isinstance(db_path, str):  # PostgreSQL (BOTH_ENGINES)
        import psycopg

        with psycopg.connect(db_path) as pg:
            return pg.execute("SELECT count(*) FROM people").fetchone()[0]  # type: ignore[index]
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT count(*) FROM people").fetchone()[0]


def row(i: int, name: str, **cells: object) -> list[object]:
    values = dict(zip(HEADER, [i, name, None, IDS[i], None, None, None, None, None, None, None,
                               None], strict=True))
    values.update(cells)
    return [values[h] for h in HEADER]


# --- item 6: the report crashed after the commit -------------------------------------------
def test_control_character_name_with_a_finding_is_refused_and_reported(run, db_path, tmp_path):
    """Today: INTERNAL (exit 2) with the row committed and no report."""
    book = write_xlsx(tmp_path / "in.xlsx", [
        HEADER,
        row(1, "张\x01三", 出生日期="不详"),  # BIRTHDATE_UNREADABLE as well
        row(2, "李四"),
    ])
    report = tmp_path / "report.xlsx"
    r = run("import", "people", str(book), "--report", str(report), "--json")
    assert r.status == 1, r.err
    doc = r.json
    assert (doc["rows_read"], doc["imported"], doc["skipped"]) == (2, 1, 1)
    codes = [(f["row"], f["code"]) for f in doc["findings"]]
    assert (2, "TEXT_INVALID") in codes and (2, "BIRTHDATE_UNREADABLE") in codes
    invalid = next(f for f in doc["findings"] if f["code"] == "TEXT_INVALID")
    assert "姓名" in invalid["message"] and invalid["level"] == "error"
    assert "\x01" not in invalid["name"]
    assert people_count(db_path) == 1
    sheet = load_workbook(report).active
    assert [c.value for c in sheet[1]] == ["行号", "级别", "代码", "身份证号", "姓名", "说明"]
    assert sheet.max_row == 3


@pytest.mark.parametrize("column", ["街道", "社区", "现住址", "联系电话", "开户银行", "银行账号",
                                    "备注"])
def test_every_text_column_gets_the_field_checks(tmp_path, column):
    rows = [HEADER, row(1, "甲", **{column: "x\x07y"}), row(2, "乙", **{column: "a\u202eb"}),
            row(3, "丙", **{column: "\u200b"}), row(4, "丁", **{column: "9" * 501}),
            row(5, "戊", **{column: "1234567890123"})]
    result = read_register(write_xlsx(tmp_path / "b.xlsx", rows), today=TODAY, lookup=no_one)
    bad = [f for f in result.findings if f.code == "TEXT_INVALID"]
    assert [f.row for f in bad] == [2, 3, 4, 5]
    assert all(column in f.message and f.level == "error" for f in bad)
    assert [r.row for r in result.rows] == [6]
    assert all(len(f.message) < 200 for f in bad)  # the 501 characters are not echoed


def test_a_line_break_inside_an_address_is_a_space_not_an_error(tmp_path):
    rows = [HEADER, row(1, "甲", 现住址="江汉区\n民意街1号", 备注="第一行\n第二行")]
    result = read_register(write_xlsx(tmp_path / "b.xlsx", rows), today=TODAY, lookup=no_one)
    assert result.findings == []
    assert result.rows[0].current_address == "江汉区 民意街1号"
    assert result.rows[0].notes == "第一行\n第二行"


def test_report_that_cannot_be_written_leaves_the_database_unchanged(run, db_path, tmp_path):
    book = write_xlsx(tmp_path / "in.xlsx", [HEADER, row(1, "张三"), row(2, "")])
    report = tmp_path / "report.xlsx"
    (tmp_path / "report.xlsx.part").mkdir()  # the report's scratch name is taken by a folder
    r = run("import", "people", str(book), "--report", str(report))
    assert r.status == 2 and r.err.startswith("FILE_UNWRITABLE") and "report.xlsx" in r.err
    assert people_count(db_path) == 0 and not report.exists()
    r = run("import", "people", str(book), "--report", str(tmp_path / "ok.xlsx"))
    assert r.status == 1 and people_count(db_path) == 1


def test_report_is_written_by_a_dry_run_and_strict_run(run, db_path, tmp_path):
    book = write_xlsx(tmp_path / "in.xlsx", [HEADER, row(1, "张三"), row(2, "\u202e")])
    for flag in ("--dry-run", "--strict"):
        report = tmp_path / f"r{flag}.xlsx"
        assert run("import", "people", str(book), flag, "--report", str(report)).status == 1
        assert load_workbook(report).active.max_row == 2
    assert people_count(db_path) == 0


# --- people add refuses the same things ----------------------------------------------------
@pytest.mark.parametrize("name", BAD_NAMES)
def test_people_add_refuses_what_the_import_refuses(name):
    with pytest.raises(ElderError) as exc:
        clean_input(PersonInput(IDS[0], name))
    assert exc.value.code in ("FIELD_BAD_CHARS", "FIELD_TOO_LONG", "FIELD_INVISIBLE")


@pytest.mark.parametrize("name", BAD_NAMES)
def test_import_refuses_what_people_add_refuses(tmp_path, name):
    result = read_register(write_xlsx(tmp_path / "b.xlsx", [HEADER, row(1, name)]),
                           today=TODAY, lookup=no_one)
    assert [f.code for f in result.findings] == ["TEXT_INVALID"] and result.rows == []


def test_people_add_cli_refuses_bidi_and_invisible_names(run):
    for name in ("李\u202e四", "\u200b", "王\u2069"):
        r = run("people", "add", "--id", IDS[0], "--name", name)
        assert r.status == 2 and r.err.split(":")[0] in ("FIELD_BAD_CHARS", "FIELD_INVISIBLE")
    assert run("people", "add", "--id", IDS[0], "--name", "欧阳·娜娜").status == 0


def test_ordinary_names_still_pass():
    for name in ("欧阳娜娜", "阿依古丽·买买提", "O'Neil", "李\u3000四"):
        assert clean_input(PersonInput(IDS[0], name)).name == name


# --- item 8: formulas --------------------------------------------------------------------
FORMULAS = ["=cmd|'/c calc'!A1", "+1+1", "-2+3", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\")"]


def test_report_stores_formula_like_text_as_text(run, tmp_path):
    rows = [HEADER] + [row(i, value, 出生日期=value) for i, value in enumerate(FORMULAS, start=1)]
    book = write_xlsx(tmp_path / "in.xlsx", rows)
    report = tmp_path / "report.xlsx"
    assert run("import", "people", str(book), "--dry-run", "--report", str(report)).status == 0
    sheet = load_workbook(report).active
    names = [c for c in next(sheet.iter_cols(min_col=5, max_col=5, min_row=2))]
    assert [c.value for c in names] == FORMULAS
    assert all(c.data_type == "s" for c in names)
    for line in sheet.iter_rows(min_row=2):
        assert all(c.data_type in ("s", "n") for c in line)


def test_report_writer_never_writes_a_formula(tmp_path):
    from elderdesk.importing import Finding

    findings = [Finding(i + 2, "warning", "BIRTHDATE_UNREADABLE", value, value, value)
                for i, value in enumerate([*FORMULAS, "a\x01b\u202ec"])]
    path = tmp_path / "r.xlsx"
    write_import_report(path, findings)
    cells = [c for line in load_workbook(path).active.iter_rows(min_row=2) for c in line]
    assert all(c.data_type in ("s", "n") for c in cells)
    assert load_workbook(path).active["E2"].value == FORMULAS[0]


def test_template_holds_no_formula():
    from elderdesk.paths import resource

    book = load_workbook(resource("templates", "register_template.xlsx"))
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            assert all(c.data_type != "f" for c in line)


# --- fuzz: odd names never crash the import ------------------------------------------------
ODD = ["\x00", "\x1f", "\x7f", "\u202a", "\u202d", "\u2067", "\u200b", "\u200c\u200d",
       "\u2060", "\ufeff", "\u3164", "\u00ad", "=", "+", "-", "@", "'=1", "\t=1",
       "\u3000", "𠀀", "\u0301"]


@pytest.mark.sqlite_only("each character alone; all at once on both engines below")
@pytest.mark.parametrize("odd", ODD)
def test_fuzz_odd_characters_in_every_position(run, db_path, tmp_path, odd):
    names = [odd, f"张{odd}", f"{odd}三", f"王{odd}五", odd * 40]
    rows = [HEADER] + [row(i, name, 社区=name, 出生日期=name) for i, name in
                       enumerate(names, start=1)]
    book = write_xlsx(tmp_path / "in.xlsx", rows)
    report = tmp_path / "report.xlsx"
    r = run("import", "people", str(book), "--report", str(report), "--json")
    assert r.status in (0, 1), r.err
    doc = r.json
    assert doc["imported"] == people_count(db_path)
    assert doc["imported"] + doc["skipped"] == doc["rows_read"]
    load_workbook(report)  # a readable workbook
    for f in doc["findings"]:
        assert len(f["message"]) < 300 and (f["name"] is None or len(f["name"]) <= 41)


def test_fuzz_every_odd_character_in_one_import(run, db_path, tmp_path):
    """Every odd character in every position of one workbook (on PostgreSQL through COPY)."""
    names = [name for odd in ODD for name in (odd, f"张{odd}", f"{odd}三", f"王{odd}五")]
    ids = [make_id("19450312", f"{i:03d}") for i in range(1, len(names) + 1)]
    rows = [HEADER] + [[i, name, None, ids[i - 1], None, None, name, None, None, None, None,
                        None] for i, name in enumerate(names, start=1)]
    r = run("import", "people", str(write_xlsx(tmp_path / "in.xlsx", rows)), "--json")
    assert r.status in (0, 1), r.err
    doc = r.json
    assert doc["rows_read"] == len(names) and 0 < doc["imported"] < len(names)
    assert doc["imported"] == people_count(db_path)


def test_fuzz_deaths_list_with_odd_names(run, tmp_path):
    rows = [["姓名", "身份证号", "死亡日期"]] + [[f"张{odd}", IDS[i], date(2026, 1, 1)]
                                        for i, odd in enumerate(["\x01", "\u202e", "=1+1"])]
    book = write_xlsx(tmp_path / "d.xlsx", rows)
    report = tmp_path / "d-report.xlsx"
    r = run("import", "deaths", str(book), "--report", str(report), "--json")
    assert r.status == 1, r.err
    cells = [c for line in load_workbook(report).active.iter_rows(min_row=2) for c in line]
    assert all(c.data_type in ("s", "n") for c in cells)
