"""The blank register template (resources/templates): imports cleanly, text ID column, validation."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from elderdesk.importing.workbook import COLUMNS, REGISTER_FIELDS
from elderdesk.paths import resource
from tests.importing.sheets import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

TEMPLATE = resource("templates", "register_template.xlsx")
HEADERS = ["序号", "姓名", "性别", "民族", "身份证号", "出生日期", "户籍地址", "现住址", "街道",
           "社区", "联系电话", "开户银行", "银行账号", "户籍类型", "居住证有效期", "备注"]
HEADER_ROW = 3
ROWS = [  # (姓名, 性别, ID, 出生日期, 联系电话, 银行账号, 户籍类型, 居住证有效期)
    ("赵一", "男", make_id("19450312", "011"), datetime(1945, 3, 12), "02788886666",
     "6217002870012345678", "本地", None),
    ("钱二", "女", make_id("19400105", "022"), None, "13900001111",
     "6228480012345678901", "非本地", datetime(2027, 6, 30)),
    ("孙三", "女", make_id("19381120", "042"), datetime(1938, 11, 20), None, None, None, None),
]


@pytest.fixture(scope="module")
def book():
    return openpyxl.load_workbook(TEMPLATE)


def col(header: str) -> int:
    return HEADERS.index(header) + 1


def test_header_row_has_the_import_rules_columns(book):
    ws = book.worksheets[0]
    assert ws.title == "花名册" and book.sheetnames == ["花名册", "填表说明"]
    assert [ws.cell(HEADER_ROW, c).value for c in range(1, len(HEADERS) + 1)] == HEADERS
    canonical = [names[0] for key, names in COLUMNS.items() if key in REGISTER_FIELDS]
    assert sorted(HEADERS) == sorted(canonical)
    assert "花名册" in ws.cell(1, 1).value  # the title row above the header


def test_id_account_and_phone_columns_are_text(book):
    ws = book.worksheets[0]
    for header in ("身份证号", "银行账号", "联系电话"):
        c = col(header)
        formats = {ws.cell(r, c).number_format for r in range(HEADER_ROW + 1, HEADER_ROW + 5001)}
        assert formats == {"@"}, header
        assert ws.column_dimensions[openpyxl.utils.get_column_letter(c)].number_format == "@"
    assert ws.cell(HEADER_ROW + 1, col("出生日期")).number_format == "yyyy-mm-dd"


def test_validation_lists_and_dates(book):
    ws = book.worksheets[0]
    rules = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            rules[cell_range.coord] = dv
    letter = openpyxl.utils.get_column_letter

    def rule(header: str):
        return rules[f"{letter(col(header))}4:{letter(col(header))}5003"]

    assert (rule("性别").type, rule("性别").formula1) == ("list", '"男,女"')
    assert (rule("户籍类型").type, rule("户籍类型").formula1) == ("list", '"本地,非本地"')
    for header in ("出生日期", "居住证有效期"):
        assert rule(header).type == "date" and rule(header).showErrorMessage
    assert all(dv.allow_blank for dv in ws.data_validations.dataValidation)


def test_instructions_sheet_is_chinese_and_names_every_column(book):
    ws = book["填表说明"]
    text = "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    assert "填表说明" in text and "文本格式" in text and "试运行" in text
    assert all(h in text for h in HEADERS)


def test_blank_template_imports_nothing_without_findings(services, clerk):
    outcome = services.imports.import_people(clerk, TEMPLATE, dry_run=True)
    assert (outcome.rows_read, outcome.imported, outcome.skipped) == (0, 0, 0)
    assert outcome.findings == ()


def fill(path: Path) -> Path:
    """Three people typed into the template as a clerk would (text stays text)."""
    book = openpyxl.load_workbook(TEMPLATE)
    ws = book.worksheets[0]
    for i, (name, sex, id_number, birth, phone, account, kind, permit) in enumerate(ROWS):
        row = HEADER_ROW + 1 + i
        values = {"序号": i + 1, "姓名": name, "性别": sex, "身份证号": id_number,
                  "出生日期": birth, "联系电话": phone, "银行账号": account, "户籍类型": kind,
                  "居住证有效期": permit, "街道": "民意街道", "社区": "民意社区"}
        for header, value in values.items():
            if value is not None:
                ws.cell(row, col(header)).value = value
    assert ws.cell(HEADER_ROW + 1, col("身份证号")).number_format == "@"
    book.save(path)
    return path


def test_filled_template_imports_cleanly(services, clerk, tmp_path):
    outcome = services.imports.import_people(clerk, fill(tmp_path / "花名册.xlsx"))
    assert (outcome.rows_read, outcome.imported, outcome.skipped) == (3, 3, 0)
    assert outcome.findings == ()
    first = services.people.get(clerk, ROWS[0][2])
    assert (first.name, first.sex, first.phone, first.account) == \
        ("赵一", "M", "02788886666", "6217002870012345678")
    second = services.people.get(clerk, ROWS[1][2])
    assert (second.household_type, second.residence_permit_expiry) == \
        ("nonlocal", date(2027, 6, 30))
    assert services.people.get(clerk, ROWS[2][2]).community == "民意社区"
