"""Death-list import: the ID codes, NOT_REGISTERED, NAME_DIFFERS, DEATH_DATE_INVALID and more."""

from datetime import date

from elderdesk.importing import read_deaths

from .sheets import TODAY, by_row, make_id, write_xlsx

A = make_id("19450312", "001")
B = make_id("19380705", "002")
C = make_id("19400101", "013")
D = make_id("19300101", "024")
HEADER = ["序号", "姓名", "身份证号", "死亡日期"]

REGISTER = {
    A: ("张三", date(1945, 3, 12), "active", None),
    B: ("李四", date(1938, 7, 5), "deceased", date(2026, 1, 3)),
    C: ("王 五", date(1940, 1, 1), "active", None),
    D: ("赵六", date(1930, 1, 1), "moved_out", None),
}


def read(tmp_path, rows):
    path = write_xlsx(tmp_path / "deaths.xlsx", rows)
    return read_deaths(path, today=TODAY, lookup=REGISTER.get)


def test_clean_list_applies(tmp_path):
    rows = [
        ["死亡名单"],
        [],
        HEADER,
        [1, " 张三 ", A.lower(), date(2026, 4, 1)],
        [2, "王五", C, "2026/4/2"],  # the register's "王 五" is the same name
        [3, "赵六", D, 20260403],
        ["合计", "3人"],
    ]
    result = read(tmp_path, rows)
    assert result.findings == [] and result.header_row == 3
    assert [(r.row, r.id_number, r.name, r.death_date) for r in result.rows] == [
        (4, A, "张三", date(2026, 4, 1)),
        (5, C, "王五", date(2026, 4, 2)),
        (6, D, "赵六", date(2026, 4, 3)),
    ]
    assert (result.rows_read, result.imported, result.skipped) == (3, 3, 0)


def test_id_codes_and_register_codes(tmp_path):
    unknown = make_id("19500101", "035")
    rows = [
        HEADER,
        [1, "张三", None, "2026-04-01"],  # 2 ID_MISSING
        [2, "张三", int(A[:17] + "0"), "2026-04-01"],  # 3 ID_NUMERIC_CELL
        [3, "张三", A[:10], "2026-04-01"],  # 4 ID_FORMAT
        [4, "张三", A[:17] + ("1" if A[17] != "1" else "2"), "2026-04-01"],  # 5 ID_CHECKSUM
        [5, None, A, "2026-04-01"],  # 6 NAME_MISSING, then applied? no: error
        [6, "某人", unknown, "2026-04-01"],  # 7 NOT_REGISTERED
        [7, "张四", A, "2026-04-01"],  # 8 NAME_DIFFERS
        [8, "王五", C, "2026-04"],  # 9 DEATH_DATE_INVALID: no day
        [9, "王五", C, "1939-12-31"],  # 10 DEATH_DATE_INVALID: before birth
        [10, "王五", C, None],  # 11 DEATH_DATE_INVALID: empty
        [11, "王五", C, "去年"],  # 12 DEATH_DATE_INVALID: unreadable
        [12, "李四", B, date(2026, 1, 3)],  # 13 ALREADY_DECEASED warning
        [13, "李四", B, date(2026, 1, 4)],  # 14 ALREADY_DECEASED error
        [14, "某人", unknown, "x"],
    ]  # 15 NOT_REGISTERED, DEATH_DATE_INVALID
    result = read(tmp_path, rows)
    assert by_row(result.findings) == {
        2: ["ID_MISSING"],
        3: ["ID_NUMERIC_CELL"],
        4: ["ID_FORMAT"],
        5: ["ID_CHECKSUM"],
        6: ["NAME_MISSING"],
        7: ["NOT_REGISTERED"],
        8: ["NAME_DIFFERS"],
        9: ["DEATH_DATE_INVALID"],
        10: ["DEATH_DATE_INVALID"],
        11: ["DEATH_DATE_INVALID"],
        12: ["DEATH_DATE_INVALID"],
        13: ["ALREADY_DECEASED"],
        14: ["ALREADY_DECEASED"],
        15: ["NOT_REGISTERED", "DEATH_DATE_INVALID"],
    }
    levels = {f.row: f.level for f in result.findings}
    assert levels[13] == "warning" and levels[14] == "error"
    assert all(level == "error" for row, level in levels.items() if row != 13)
    messages = {f.row: f.message for f in result.findings}
    assert "“张三”" in messages[8]
    assert "2026-01-03" in messages[14] and "2026-01-04" in messages[14]
    assert "“去年”" in messages[12] and "“2026-04”" in messages[9]
    assert {f.row: f.id_number for f in result.findings}[3] == A[:15] + "000"
    assert result.rows == []
    assert (result.rows_read, result.imported, result.skipped) == (14, 0, 14)


def test_same_person_twice_in_the_list(tmp_path):
    rows = [
        HEADER,
        [1, "张三", A, "2026-04-01"],
        [2, "张三", A, "2026-04-01"],  # as if already recorded: warning, skipped
        [3, "张三", A, "2026-04-05"],
    ]  # another date: error
    result = read(tmp_path, rows)
    assert [(f.row, f.code, f.level) for f in result.findings] == [
        (3, "ALREADY_DECEASED", "warning"),
        (4, "ALREADY_DECEASED", "error"),
    ]
    assert [r.row for r in result.rows] == [2]


def test_ignored_columns_and_15_digit_ids(tmp_path):
    old = "110105491231002"
    register = {"11010519491231002X": ("钱七", date(1949, 12, 31), "active", None)}
    path = write_xlsx(
        tmp_path / "d.xlsx",
        [["姓名", "性别", "公民身份号码", "死亡日期"], ["钱七", "女", old, "2026年4月1日"]],
    )
    result = read_deaths(path, today=TODAY, lookup=register.get)
    assert [(f.row, f.code) for f in result.findings] == [(1, "COLUMN_IGNORED"),
                                                          (2, "ID_15_CONVERTED")]
    assert result.rows[0].id_number == "11010519491231002X"


def test_a_death_after_today_is_date_in_future(tmp_path):
    from datetime import timedelta

    later = TODAY + timedelta(days=1)
    result = read(tmp_path, [HEADER, [1, "张三", A, later], [2, "王五", C, TODAY]])
    assert [(f.row, f.level, f.code) for f in result.findings] == [(2, "error", "DATE_IN_FUTURE")]
    assert [r.id_number for r in result.rows] == [C]


def test_a_15_digit_id_is_converted_with_the_warning_and_applied(tmp_path):
    """import-rules.md: death lists report "the ID codes above", ID_15_CONVERTED among them (a
    warning: the row still applies, under the 18-digit number)."""
    old15 = A[:6] + A[8:17]
    result = read(tmp_path, [HEADER, [1, "张三", old15, "2026-04-01"]])
    assert [(f.row, f.code, f.level) for f in result.findings] == [
        (2, "ID_15_CONVERTED", "warning")]
    assert [(r.row, r.id_number) for r in result.rows] == [(2, A)]


def test_the_15_and_18_digit_forms_of_one_id_in_one_list_apply_once(tmp_path):
    """The same person twice, once by the old 15-digit number: the later row is judged as if
    the first death were recorded (same date: a warning; another date: an error), never two."""
    old15 = A[:6] + A[8:17]
    result = read(tmp_path, [HEADER, [1, "张三", old15, "2026-04-01"],
                             [2, "张三", A, "2026-04-01"], [3, "张三", old15, "2026-04-09"]])
    assert [(f.row, f.code, f.level) for f in result.findings] == [
        (2, "ID_15_CONVERTED", "warning"), (3, "ALREADY_DECEASED", "warning"),
        (4, "ID_15_CONVERTED", "warning"), (4, "ALREADY_DECEASED", "error")]
    assert [(r.row, r.id_number, r.death_date) for r in result.rows] == [
        (2, A, date(2026, 4, 1))]
