"""Cell cleaning and the date forms of import-rules.md."""

from datetime import date, datetime, time

import pytest

from elderdesk.importing.cells import (
    CellDate,
    cell_text,
    is_blank,
    is_damaged_number,
    number_digits,
    read_date,
)
from elderdesk.importing.register import household_type
from elderdesk.importing.workbook import column_key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(1945, 3, 12), CellDate(1945, 3, 12)),
        (datetime(1945, 3, 12, 8, 30), CellDate(1945, 3, 12)),
        ("1945-03-12", CellDate(1945, 3, 12)),
        ("1945/3/12", CellDate(1945, 3, 12)),
        ("1945.03.12", CellDate(1945, 3, 12)),
        ("1945年3月12日", CellDate(1945, 3, 12)),
        ("19450312", CellDate(1945, 3, 12)),
        (" １９４５－03－12 ", None),  # full-width hyphen is not a separator
        ("\u3000１９４５年３月１２日\n", CellDate(1945, 3, 12)),
        ("'19450312", CellDate(1945, 3, 12)),
        ("1945-03", CellDate(1945, 3)),
        ("1945/3", CellDate(1945, 3)),
        ("1945年3月", CellDate(1945, 3)),
        ("194503", CellDate(1945, 3)),
        (19450312.0, CellDate(1945, 3, 12)),
        (194503.0, CellDate(1945, 3)),
        (16508.0, CellDate(1945, 3, 12)),  # Excel serial
        (1.0, CellDate(1900, 1, 1)),
        (59.0, CellDate(1900, 2, 28)),
        (61.0, CellDate(1900, 3, 1)),
        (60.0, None),  # Excel's fake 1900-02-29
        (0.0, None),
        (-3.0, None),
        (16508.5, None),  # non-integer number
        (19450332.0, None),  # 8 digits, no such day
        (194513.0, None),
        ("1945-02-30", None),
        ("1945-13", None),
        ("1945-3/12", None),  # mixed separators
        ("45-03-12", None),
        ("1945", None),
        ("12345", None),
        ("三月十二", None),
        (True, None),
        (time(8, 30), None),
    ],
)
def test_read_date(value, expected):
    assert read_date(value) == expected


def test_cell_date_matches_year_and_month_only_when_no_day():
    assert CellDate(1945, 3).matches(date(1945, 3, 31))
    assert not CellDate(1945, 3).matches(date(1945, 4, 1))
    assert CellDate(1945, 3, 12).matches(date(1945, 3, 12))
    assert not CellDate(1945, 3, 12).matches(date(1945, 3, 13))
    assert str(CellDate(1945, 3)) == "1945-03" and str(CellDate(1945, 3, 2)) == "1945-03-02"
    assert CellDate(1944, 2).last_day() == date(1944, 2, 29)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (13800138000.0, "13800138000"),  # phone in a number cell: no ".0", no exponent
        (1.5, "1.5"),
        (1e-7, "0.0000001"),
        (110105491231002.0, "110105491231002"),
        (1.1010519491231e17, "110105194912310000"),
        ("  王小明\n", "王小明"),
        ("ＡＢ１２", "AB12"),
        ("'0277", "0277"),
        ("", ""),
        (date(2030, 1, 2), "2030-01-02"),
        (True, "TRUE"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_damaged_numbers():
    assert is_damaged_number(1e15)  # 16 digits
    assert is_damaged_number(6.22202020011223e18)
    assert not is_damaged_number(999999999999999.0)  # 15 digits: exact in a double
    assert not is_damaged_number("1101051949123100200")
    assert not is_damaged_number(True)
    assert number_digits(6.22202020011223e18) == "6222020200112230000"


def test_blank():
    assert is_blank("") and is_blank(" \u3000\t\r\n") and is_blank(None)
    assert not is_blank(0.0) and not is_blank("x")


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("姓 名", "name"),
        ("老人姓名", "name"),
        ("公民身份\n号码", "id_number"),
        ("\u3000身份证\t", "id_number"),
        ("街道（乡镇）", "street"),
        ("村(居)委会", "community"),
        ("出生年月", "birth_date"),
        ("编号", "seq"),
        ("银行卡号", "account"),
        ("籍贯", None),
        ("", None),
    ],
)
def test_column_names(header, key):
    assert column_key(header) == key


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("本地", "local"),
        ("本市户籍", "local"),
        ("外地", "nonlocal"),
        ("非本地", "nonlocal"),
        ("外省", "nonlocal"),
        ("", None),
        ("农业", None),
    ],
)
def test_household_type(text, kind):
    assert household_type(text) == kind
