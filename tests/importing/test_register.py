"""Register import: finding the table, every finding code, counts, the report file."""

from datetime import date

import pytest
from openpyxl import load_workbook

from elderdesk.domain.errors import ElderError
from elderdesk.importing import Finding, read_register
from elderdesk.importing.register import RegisterState
from elderdesk.reports.import_report import write_import_report

from .sheets import HEADER, TODAY, by_row, make_id, no_one, write_xlsx
from .xls_file import write_xls

A = make_id("19450312", "001")  # male
B = make_id("19380705", "002")  # female
C = make_id("19400101", "013")


def read(tmp_path, rows, lookup=no_one, merge=None):
    path = write_xlsx(tmp_path / "book.xlsx", rows, merge=merge)
    return read_register(path, today=TODAY, lookup=lookup)


def codes(result):
    return [f.code for f in result.findings]


# --- finding the table ---------------------------------------------------------------------
def test_title_rows_merged_title_leading_blank_and_total_row(tmp_path):
    rows = [
        [],  # leading blank row 1
        ["江汉区2026年高龄津贴花名册"],  # merged title, row 2
        ["填报单位：民意街道", None, None, "单位：元"],
        HEADER,  # row 4
        [1, "张三", "男", A, date(1945, 3, 12)],
        [],  # blank row 6: skipped, not counted
        [2, None, None, None, None],  # only 序号: skipped
        [3, "李四", "女", B, "1938-07-05"],  # row 8
        ["合计", None, None, None, None, None, "2人"],  # ends the table
        [4, "王五", "男", "bad", None],
    ]
    result = read(tmp_path, rows, merge="A2:G2")
    assert result.header_row == 4 and result.sheet == "花名册"
    assert result.findings == []
    assert [r.row for r in result.rows] == [5, 8]
    assert (result.rows_read, result.imported, result.skipped) == (2, 2, 0)
    first = result.rows[0]
    assert (first.id_number, first.name, first.sex, first.birth_date) == (
        A,
        "张三",
        "M",
        date(1945, 3, 12),
    )


def test_total_row_in_any_first_cell_and_spaced(tmp_path):
    rows = [HEADER, [1, "张三", "男", A], [None, "总 计", None, None], [2, "李四", "女", B]]
    assert read(tmp_path, rows).rows_read == 1


def test_header_not_found(tmp_path):
    rows = [["标题"]] * 10 + [HEADER, [1, "张三", "男", A]]
    with pytest.raises(ElderError) as exc:
        read(tmp_path, rows)
    assert exc.value.code == "HEADER_NOT_FOUND" and exc.value.exit_status == 2


def test_header_in_row_10_is_found(tmp_path):
    rows = [[]] * 9 + [HEADER, [1, "张三", "男", A]]
    result = read(tmp_path, rows)
    assert result.header_row == 10 and result.rows[0].row == 11


def test_sheet_selection(tmp_path):
    path = write_xlsx(tmp_path / "b.xlsx", [["x"]], sheet="说明", more_sheets=("花名册",))
    book = load_workbook(path)
    ws = book["花名册"]
    ws.append(HEADER)
    ws.append([1, "张三", "男", A])
    book.save(path)
    with pytest.raises(ElderError) as exc:
        read_register(path, today=TODAY, lookup=no_one)  # first sheet has no header
    assert exc.value.code == "HEADER_NOT_FOUND"
    assert read_register(path, sheet="花名册", today=TODAY, lookup=no_one).imported == 1
    with pytest.raises(ElderError) as exc:
        read_register(path, sheet="名单", today=TODAY, lookup=no_one)
    assert exc.value.code == "SHEET_NOT_FOUND" and exc.value.exit_status == 2
    assert "说明、花名册" in exc.value.message


def test_missing_and_unreadable_files(tmp_path):
    with pytest.raises(ElderError) as exc:
        read_register(tmp_path / "none.xlsx", today=TODAY, lookup=no_one)
    assert exc.value.code == "FILE_NOT_FOUND"
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(ElderError) as exc:
        read_register(bad, today=TODAY, lookup=no_one)
    assert exc.value.code == "FILE_UNREADABLE"


def test_column_synonyms_spaces_and_ignored_columns(tmp_path):
    header = [
        "编 号",
        "老人\n姓名",
        "公民身份号码",
        "籍贯",
        "联系方式",
        "街道（乡镇）",
        "所属社区",
        "户籍类型",
        "居住证有效期",
        "民族",
        "户籍所在地",
        "家庭住址",
        "开户行",
        "卡号",
        "备注",
        "身份证",
    ]
    row = [
        1,
        "张三",
        A,
        "湖北",
        13800138000,
        "民意街道",
        "红旗社区",
        "外地",
        "2027-06",
        "汉族",
        "武汉市江汉区",
        "民意路1号",
        "工商银行",
        "6222020200112233",
        "无",
        "x",
    ]
    result = read(tmp_path, [header, row])
    assert [(f.row, f.code, f.level, f.id_number, f.name) for f in result.findings] == [
        (1, "COLUMN_IGNORED", "warning", None, None),
        (1, "COLUMN_IGNORED", "warning", None, None),
    ]
    assert "“籍贯”" in result.findings[0].message and "“身份证”" in result.findings[1].message
    r = result.rows[0]
    assert (r.phone, r.street, r.community, r.household_type) == (
        "13800138000",
        "民意街道",
        "红旗社区",
        "nonlocal",
    )
    assert r.residence_permit_expiry == date(2027, 6, 30)
    assert (r.ethnicity, r.household_address, r.current_address, r.bank, r.account, r.notes) == (
        "汉族",
        "武汉市江汉区",
        "民意路1号",
        "工商银行",
        "6222020200112233",
        "无",
    )


# --- the ID checks -----------------------------------------------------------------------
def test_id_checks(tmp_path):
    rows = [
        HEADER,
        [1, "甲", None, None],  # 2 ID_MISSING
        [2, "乙", None, int(A[:17] + "0")],  # 3 18-digit number cell
        [3, "丙", None, 1101051949123100],  # 4 16-digit number cell
        [4, "丁", None, "4201031945031200"],  # 5 ID_FORMAT
        [5, "戊", None, "42010319451312001X"],  # 6 ID_BIRTHDATE (month 13)
        [6, "己", None, A[:17] + ("0" if A[17] != "0" else "1")],  # 7 ID_CHECKSUM
        [7, "庚", None, "１１０１０５１９４９１２３１００２ｘ"],  # 8 full-width: fine
        [8, "辛", "女", 110105491231002],  # 9 15-digit number cell: legacy, accepted
        [9, "壬", None, "'" + C.lower()],  # 10 apostrophe
        [10, None, None, "  " + B + "\n"],  # 11 NAME_MISSING only
        [11, None, None, "abc"],  # 12 NAME_MISSING then ID_FORMAT
        [12, "癸", None, "420103" + "20270101" + "0011"],  # 13 birth date after today
    ]
    result = read(tmp_path, rows)
    assert by_row(result.findings) == {
        2: ["ID_MISSING"],
        3: ["ID_NUMERIC_CELL"],
        4: ["ID_NUMERIC_CELL"],
        5: ["ID_FORMAT"],
        6: ["ID_BIRTHDATE"],
        7: ["ID_CHECKSUM"],
        9: ["DUPLICATE_IN_FILE", "ID_15_CONVERTED"],
        11: ["NAME_MISSING"],
        12: ["NAME_MISSING", "ID_FORMAT"],
        13: ["ID_BIRTHDATE"],
    }
    ids = {f.row: f.id_number for f in result.findings}
    assert ids[2] is None
    assert ids[3] == A[:15] + "000"  # the digits Excel kept
    assert ids[4] == "1101051949123100"
    assert ids[5] == "4201031945031200"
    assert ids[9] == "110105491231002"  # before conversion
    assert ids[11] == B and ids[12] == "abc"
    numeric = next(f for f in result.findings if f.row == 3)
    assert numeric.level == "error" and "后几位已丢失" in numeric.message
    assert numeric.name == "乙"
    checksum = next(f for f in result.findings if f.code == "ID_CHECKSUM")
    assert f"应为 {A[17]}" in checksum.message
    assert [r.row for r in result.rows] == [8, 10]
    assert result.rows[0].id_number == "11010519491231002X"
    assert result.rows[1].id_number == C
    assert (result.rows_read, result.imported, result.skipped) == (12, 2, 10)


def test_numeric_15_digit_id_is_converted(tmp_path):
    result = read(tmp_path, [HEADER, [1, "张三", "女", 110105491231002, "1949-12-31"]])
    (f,) = result.findings
    assert (f.code, f.level, f.id_number) == ("ID_15_CONVERTED", "warning", "110105491231002")
    assert "11010519491231002X" in f.message
    assert result.imported == 1 and result.rows[0].id_number == "11010519491231002X"


# --- the other checks ----------------------------------------------------------------------
def test_duplicates(tmp_path):
    rows = [
        HEADER,
        [1, None, None, A],  # 2: NAME_MISSING, but its ID is valid: counts as first
        [2, "张三", None, A],  # 3: DUPLICATE of 2
        [3, "张三", None, A],  # 4: DUPLICATE of 2 (the first)
        [4, "李四", None, "110105491231002"],  # 5
        [5, "李四", None, "11010519491231002x"],  # 6: same after 15→18
        [6, "王五", None, B[:17] + "0" if B[17] != "0" else B[:17] + "1"],  # 7 bad checksum
        [7, "王五", None, B],  # 8: row 7 had no valid ID: not a duplicate
    ]
    result = read(tmp_path, rows)
    assert by_row(result.findings) == {
        2: ["NAME_MISSING"],
        3: ["DUPLICATE_IN_FILE"],
        4: ["DUPLICATE_IN_FILE"],
        5: ["ID_15_CONVERTED"],
        6: ["DUPLICATE_IN_FILE"],
        7: ["ID_CHECKSUM"],
    }
    assert "第 2 行" in result.findings[1].message and "第 2 行" in result.findings[2].message
    assert [r.row for r in result.rows] == [5, 8]


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        (date(1945, 3, 12), None),
        (date(1945, 3, 13), "BIRTHDATE_MISMATCH"),
        ("1945-03-12", None),
        ("1945/3/12", None),
        ("1945.03.12", None),
        ("1945年3月12日", None),
        ("19450312", None),
        ("1945-03", None),
        ("1945年3月", None),
        ("194503", None),
        ("1945-04", "BIRTHDATE_MISMATCH"),
        ("1946年3月12日", "BIRTHDATE_MISMATCH"),
        (19450312, None),
        (194503, None),
        (194504, "BIRTHDATE_MISMATCH"),
        (16508, None),  # serial date of 1945-03-12
        (16509, "BIRTHDATE_MISMATCH"),
        (16508.5, "BIRTHDATE_UNREADABLE"),
        ("三月十二", "BIRTHDATE_UNREADABLE"),
        ("1945-02-30", "BIRTHDATE_UNREADABLE"),
        ("  ", None),
    ],
)
def test_birth_date_column(tmp_path, cell, code):
    result = read(tmp_path, [HEADER, [1, "张三", "男", A, cell]])
    assert codes(result) == ([code] if code else [])
    if code == "BIRTHDATE_UNREADABLE":
        assert result.findings[0].level == "warning" and result.imported == 1
        assert result.rows[0].birth_date == date(1945, 3, 12)  # from the ID
    if code == "BIRTHDATE_MISMATCH":
        assert result.findings[0].level == "error" and result.imported == 0
        assert "1945-03-12" in result.findings[0].message


def test_sex_mismatch(tmp_path):
    d, e = make_id(seq="004"), make_id(seq="015")
    rows = [
        HEADER,
        [1, "张三", "女", A],
        [2, "李四", "男性", B],
        [3, "王五", "男性", A[:6] + "x"],
        [4, "赵六", "女性", d],
        [5, "钱七", "未知", C],
        [6, "孙八", " 男 ", e],
    ]
    result = read(tmp_path, rows)
    assert by_row(result.findings) == {2: ["SEX_MISMATCH"], 3: ["SEX_MISMATCH"], 4: ["ID_FORMAT"]}
    assert "性别“女”" in result.findings[0].message and "显示为男" in result.findings[0].message
    assert [(r.row, r.sex) for r in result.rows] == [(5, "F"), (6, "M"), (7, "M")]


def test_account_numeric_cell_and_phone_as_text(tmp_path):
    rows = [
        HEADER,
        [1, "张三", "男", A, None, 13800138000, 6222020200112233445],
        [2, "李四", "女", B, None, "027-8888", 622202020011223],
        [3, "王五", None, "bad", None, None, 6222020200112233445],
    ]
    result = read(tmp_path, rows)
    assert by_row(result.findings) == {2: ["ACCOUNT_NUMERIC_CELL"], 4: ["ID_FORMAT"]}
    assert result.findings[0].level == "error"
    (row,) = result.rows
    assert (row.phone, row.account) == ("027-8888", "622202020011223")


def test_lookup_deceased_registered_and_order_within_row(tmp_path):
    old15 = "110105491231002"
    states = {
        A: RegisterState("deceased", date(2025, 1, 2)),
        B: RegisterState("registered"),
        "11010519491231002X": RegisterState("registered"),
    }
    rows = [
        HEADER,
        [1, "张三", "女", A, "1945-03-13"],  # 2
        [2, "李四", "女", B],  # 3
        [3, "王五", "女", old15, None, None, 6222020200112233445],  # 4
        [4, "赵六", "男", C],
    ]  # 5
    result = read(tmp_path, rows, lookup=states.get)
    assert by_row(result.findings) == {
        2: ["BIRTHDATE_MISMATCH", "SEX_MISMATCH", "DECEASED_ON_RECORD"],
        3: ["ALREADY_REGISTERED"],
        4: ["ACCOUNT_NUMERIC_CELL", "ID_15_CONVERTED", "ALREADY_REGISTERED"],
    }
    deceased = result.findings[2]
    assert deceased.level == "error" and "2025-01-02" in deceased.message
    registered = result.findings[3]
    assert registered.level == "warning" and registered.id_number == B
    assert [r.row for r in result.rows] == [5]
    assert (result.rows_read, result.imported, result.skipped) == (4, 1, 3)
    assert result.has_errors


def test_second_import_is_warnings_only(tmp_path):
    rows = [HEADER, [1, "张三", "男", A], [2, "李四", "女", B]]
    first = read(tmp_path, rows)
    known = {r.id_number: RegisterState("registered") for r in first.rows}
    second = read(tmp_path, rows, lookup=known.get)
    assert codes(second) == ["ALREADY_REGISTERED"] * 2
    assert not second.has_errors
    assert second.as_dict()["imported"] == 0 and second.as_dict()["skipped"] == 2


def test_every_message_is_filled(tmp_path):
    rows = [
        HEADER,
        [1, None, "女", A, "x", None, 6222020200112233445],
        [2, "乙", "男", A, 1],
        [3, "丙", None, "110105491231002"],
        ["序号"],
        [4, "丁", None, 1.5],
    ]
    result = read(tmp_path, rows, lookup=lambda n: RegisterState("deceased", date(2020, 1, 1)))
    assert len(result.findings) >= 8
    for f in result.findings:
        assert f.message and "?" not in f.message and "{" not in f.message
    assert result.findings == sorted(result.findings, key=Finding.sort_key)
    assert result.as_dict()["findings"][0] == {
        "row": 2,
        "level": "error",
        "code": "NAME_MISSING",
        "id_number": A,
        "name": None,
        "message": "缺少姓名，请补填",
    }


# --- the report ----------------------------------------------------------------------------
def test_report_file(tmp_path):
    rows = [
        ["籍贯", *HEADER],
        [None, 1, None, "女", A],
        [None, 2, "乙", None, 110105194912310020],
        [None, 3, "丙", None, "110105491231002"],
    ]
    result = read(tmp_path, rows)
    out = tmp_path / "report.xlsx"
    write_import_report(out, reversed(result.findings))
    sheet = load_workbook(out).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0] == ["行号", "级别", "代码", "身份证号", "姓名", "说明"]
    assert [v[:5] for v in values[1:]] == [
        [1, "警告", "COLUMN_IGNORED", None, None],
        [2, "错误", "NAME_MISSING", A, None],
        [2, "错误", "SEX_MISMATCH", A, None],
        [3, "错误", "ID_NUMERIC_CELL", "110105194912310000", "乙"],
        [4, "警告", "ID_15_CONVERTED", "110105491231002", "丙"],
    ]
    assert all(isinstance(v[3], str) for v in values[2:])
    assert values[1][5] == "无法识别的列“籍贯”，已忽略"
    assert sheet["D4"].number_format == "@"


# --- .xls ----------------------------------------------------------------------------------
def test_xls_workbook(tmp_path):
    # No .xls writer is installed (xlwt is not a dependency): tests/importing/xls_file.py
    # writes a minimal BIFF8 file; python-calamine reads it like Excel's own.
    path = write_xls(
        tmp_path / "old.xls",
        [
            [],
            ["2010年老年人花名册"],
            HEADER,
            [1, "张三", "男", A, date(1945, 3, 12), 13800138000],
            [2, "李四", "男", B, "1938年7月", None, 6222020200112233445],
            [3, "王五", None, 110105491231002],
            [4, "赵六", None, int(C[:17] + "0")],
            [None, "合计"],
        ],
        sheet="花名册",
    )
    result = read_register(path, today=TODAY, lookup=no_one)
    assert result.header_row == 3 and result.sheet == "花名册"
    assert by_row(result.findings) == {
        5: ["SEX_MISMATCH", "ACCOUNT_NUMERIC_CELL"],
        6: ["ID_15_CONVERTED"],
        7: ["ID_NUMERIC_CELL"],
    }
    assert [(r.row, r.id_number) for r in result.rows] == [(4, A), (6, "11010519491231002X")]
    assert result.rows[0].phone == "13800138000"
    with pytest.raises(ElderError) as exc:
        read_register(path, sheet="Sheet1", today=TODAY, lookup=no_one)
    assert exc.value.code == "SHEET_NOT_FOUND"
